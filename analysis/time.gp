# Chart "time": execution time normalized to native, stacked by who
# (Disco's Figure 5), with the 95% confidence interval of the total as an
# error bar.  Data: columns label workload policy n user kernel vmm idle
# total ci95_low ci95_high baseline, one row per group.
load dir_of_templates.'/common.gp'
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border rgb 'black'
set boxwidth 0.7
set key outside right top title 'time spent in' noenhanced
set ylabel 'execution time (native = 1.0)'
set xlabel 'workload / policy'
set yrange [0:*]
set xtics rotate by -30 noenhanced
set bmargin 8
# the first line holds the column names, for every plot element
set key autotitle columnheader
plot datafile using 5:xtic(1) title columnheader(5) lc rgb '#4e79a7', \
     '' using 6 title columnheader(6) lc rgb '#f28e2b', \
     '' using 7 title columnheader(7) lc rgb '#e15759', \
     '' using 8 title columnheader(8) lc rgb '#bab0ac', \
     '' using 0:9:10:11 with yerrorbars lc rgb 'black' pointtype 0 title 'total, 95% CI'
