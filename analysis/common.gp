# Shared by the chart templates: the terminal for `fmt` ('png' or 'svg'),
# the output file outbase.fmt, and the title.  Loaded by each template after
# the chart's script (NAME.gp beside the data) has set datafile, outbase,
# title and the chart's own variables.
if (fmt eq 'svg') {
	set terminal svg size 960,600 dynamic enhanced font 'Sans,12' background rgb 'white'
} else {
	set terminal pngcairo size 960,600 enhanced font 'Sans,10'
}
set output outbase.'.'.fmt
set title title noenhanced
set grid ytics lc rgb '#dddddd'
set border 3
set tics nomirror
