# Chart "sweep": total cycles against a parameter, one line per series with
# 95% confidence intervals.  Data: nseries blocks (gnuplot index), each
# starting with its title; columns x mean ci95_low ci95_high n.
load dir_of_templates.'/common.gp'
set key outside right top noenhanced
set xlabel x_label noenhanced
set ylabel y_label
set yrange [0:*]
set offsets graph 0.05, graph 0.05, 0, 0
plot for [i=0:nseries-1] datafile index i using 1:($2/yscale):($3/yscale):($4/yscale) \
     with yerrorlines pointtype 7 title columnheader(1)
