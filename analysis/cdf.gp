# Chart "cdf": cumulative distribution of cycles per event by service.
# Data: nseries blocks (gnuplot index), each starting with the service name;
# columns cycles fraction (the fraction of events at or below that many
# cycles, at the histogram's bin edges).
load dir_of_templates.'/common.gp'
set key outside right top noenhanced
set logscale x 2
set xlabel 'cycles per event (log scale)'
set ylabel 'fraction of events'
set yrange [0:1.02]
# eight colours, then the same colours dashed, so that many services stay apart
plot for [i=0:nseries-1] datafile index i using 1:2 with linespoints linewidth 2 \
     linecolor 1 + i % 8 dashtype 1 + i / 8 pointtype 7 pointsize 0.6 title columnheader(1)
