# Chart "services": slowdown per guest service split into components
# (Disco's Table 2).  Data: columns service slowdown, then the components
# (guest, then each VMM component) in columns 3..ncols, one row per service.
load dir_of_templates.'/common.gp'
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border rgb 'black'
set boxwidth 0.7
set key outside right top title 'component' noenhanced
set ylabel 'slowdown (native cycles per event = 1.0)'
set xlabel 'guest service'
set yrange [0:*]
set xtics rotate by -30 noenhanced
plot for [i=3:ncols] datafile using i:xtic(1) title columnheader(i)
