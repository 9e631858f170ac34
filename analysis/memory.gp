# Chart "memory": virtual and machine memory against the number of VMs.
# Data: nseries blocks (gnuplot index), each starting with its title;
# columns vms virtual_mib machine_mib n.
load dir_of_templates.'/common.gp'
set key outside right top noenhanced
set xlabel 'number of VMs'
set ylabel 'memory (MiB)'
set yrange [0:*]
set xtics 1
set offsets graph 0.05, graph 0.05, 0, 0
plot for [i=0:nseries-1] datafile index i using 1:2 with linespoints dashtype 2 pointtype 6 \
         lc i+1 title columnheader(1).' virtual', \
     for [i=0:nseries-1] datafile index i using 1:3 with linespoints dashtype 1 pointtype 7 \
         lc i+1 title columnheader(1).' machine'
