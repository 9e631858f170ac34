#!/bin/sh
# vmmsim stats, compare and plot on the fixture results: the table, CSV and
# JSON outputs and the charts' data files against golden files (their key
# figures worked out by hand below), and the charts rendered by gnuplot.
. "$top_srcdir/tests/lib.sh"
fix=$top_srcdir/tests/analysis/fixtures
gold=$top_srcdir/tests/analysis/golden
cd "$fix" || fail "no $fix"

# same_as GOLDEN: the last command's stdout is byte for byte the golden file
same_as() {
	cmp -s "$scratch/out" "$gold/$1" ||
		fail "output differs from $1: $(diff "$gold/$1" "$scratch/out" | head -20)"
}

expect_status 0 "$VMMSIM" stats toy-native-s1.json toy-native-s2.json toy-native-s3.json \
	toy-trap-s1.json toy-trap-s2.json toy-trap-s3.json
same_as stats-native-trap.txt
# native totals 10000 10400 9600: mean 10000, sd 400, 95% interval
# 10000 -+ t(0.975, 2) 400 / sqrt(3) = 10000 -+ 993.66
grep -q '^all *all *all *total_cycles  3  10000.00  400.00   9006.34   10993.66' "$scratch/out" ||
	fail "native total_cycles row: $(head -3 "$scratch/out")"
# trap against native, paired by seed: 42.50 44.71 40.10 -> mean 42.44
grep -q 'overhead_pct  3     42.44' "$scratch/out" || fail "trap overhead row"

expect_status 0 "$VMMSIM" stats --format csv toy-native-s1.json toy-native-s2.json \
	toy-native-s3.json toy-trap-s1.json toy-trap-s2.json toy-trap-s3.json \
	toy-trap-tlb32-s1.json toy-trap-tlb32-s2.json toy-trap-vms2-s1.json
same_as stats-all.csv
# one run: no spread, empty CSV fields
grep -q '^toy/trap tlb.entries=48 vms=2,toy,trap,all,all,all,total_cycles,1,14250.00,,,,14250.00' "$scratch/out" ||
	fail "single-run group in CSV"

# two seeds: t(0.975, 1) = 12.706; sd of 10000, 10400 is 282.84
expect_status 0 "$VMMSIM" stats --format json toy-native-s1.json toy-native-s2.json \
	toy-trap-s1.json toy-trap-s2.json --out "$scratch/stats.json"
cp "$scratch/stats.json" "$scratch/out"
same_as stats-s12.json
grep -q '"mean": 10200.00, "sd": 282.84, "ci95_low": 7658.76, "ci95_high": 12741.24' "$scratch/out" ||
	fail "two-seed interval"

expect_status 0 "$VMMSIM" compare toy-native-s1.json toy-native-s2.json toy-native-s3.json \
	toy-trap-s1.json toy-trap-s2.json toy-trap-s3.json toy-trap-tlb32-s1.json \
	toy-trap-tlb32-s2.json toy-trap-vms2-s1.json
same_as compare-all.txt
# UTLB_MISS: 20 native cycles per event; 60 under trap = 20 guest + 30
# TLB-write emulation + 10 exception reflection
grep -q '^UTLB_MISS     100              20.0       60.0     3.000  1.000                1.500                 0.500' \
	"$scratch/out" || fail "UTLB_MISS slowdown row"
expect_status 0 "$VMMSIM" compare --only services --format csv toy-native-s1.json \
	toy-native-s2.json toy-native-s3.json toy-trap-s1.json toy-trap-s2.json toy-trap-s3.json \
	toy-trap-tlb32-s1.json toy-trap-tlb32-s2.json toy-trap-vms2-s1.json
same_as compare-services.csv
expect_status 0 "$VMMSIM" compare --only time --format csv toy-native-s1.json \
	toy-native-s2.json toy-native-s3.json toy-trap-s1.json toy-trap-s2.json toy-trap-s3.json \
	toy-trap-tlb32-s1.json toy-trap-tlb32-s2.json toy-trap-vms2-s1.json
same_as compare-time.csv
expect_status 0 "$VMMSIM" compare --format json toy-native-s1.json toy-trap-s1.json
same_as compare-s1.json

# the charts' data files
all="toy-native-s1.json toy-native-s2.json toy-native-s3.json toy-trap-s1.json toy-trap-s2.json
toy-trap-s3.json toy-trap-tlb32-s1.json toy-trap-tlb32-s2.json toy-trap-vms2-s1.json"
# shellcheck disable=SC2086
expect_status 0 "$VMMSIM" plot --no-render -o "$scratch/charts" $all
for f in "$gold"/plot/*.dat; do
	b=$(basename "$f")
	cmp -s "$f" "$scratch/charts/$b" || fail "chart data $b differs: $(diff "$f" "$scratch/charts/$b" | head)"
	[ -f "$scratch/charts/${b%.dat}.gp" ] || fail "no script beside $b"
done
[ "$(ls "$scratch/charts"/*.dat | wc -l)" = "$(ls "$gold"/plot/*.dat | wc -l)" ] ||
	fail "unexpected chart data files: $(ls "$scratch/charts")"
# trap, 3 seeds: mean of 14250/10000, 15050/10400, 13450/9600 = 1.424386
grep -q '^"toy/trap tlb.entries=48 vms=1" "toy" "trap" 3 0.600107 0.249733 0.424386 0.150160 1.424386' \
	"$scratch/charts/time.dat" || fail "time.dat trap row"
# 300 UTLB misses merged: 180 in [16, 22.627), 120 in [22.627, 32)
grep -q '^22.627000 0.600000$' "$scratch/charts/cdf-toy-native-tlb.entries=48-vms=1.dat" || fail "cdf"
grep -q '^2 128.000000 130.000000 1$' "$scratch/charts/memory.dat" || fail "memory.dat"

# rendered, when vmmsim was built with gnuplot
# shellcheck disable=SC2086
"$VMMSIM" plot -o "$scratch/png" $all >"$scratch/out" 2>"$scratch/err"
st=$?
if [ $st = 2 ] && grep -q 'gnuplot was not found' "$scratch/err"; then
	echo "SKIP rendering: vmmsim was built without gnuplot"
else
	[ $st = 0 ] || fail "plot exited $st: $(cat "$scratch/err")"
	for c in time sweep-tlb.entries memory 'cdf-toy-native-tlb.entries=48-vms=1' \
		'services-toy-trap-tlb.entries=48-vms=1'; do
		head -c 8 "$scratch/png/$c.png" | od -An -c | grep -q 'P   N   G' || fail "$c.png is no PNG"
		grep -q '<svg' "$scratch/png/$c.svg" || fail "$c.svg is no SVG"
	done
	grep -q 'Execution time normalized to native' "$scratch/png/time.svg" || fail "time title"
	grep -q 'execution time (native = 1.0)' "$scratch/png/time.svg" || fail "time y label"
	grep -q 'memory (MiB)' "$scratch/png/memory.svg" || fail "memory y label"
	grep -q 'cycles per event' "$scratch/png/cdf-toy-native-tlb.entries=48-vms=1.svg" || fail "cdf x label"
	# replot from the folder alone
	(cd "$scratch/png" && gnuplot -e "fmt='svg'" time.gp) || fail "replot time.gp"
fi

# --help for each analysis command
for c in stats compare plot sweep; do
	expect_status 0 "$VMMSIM" "$c" --help
	grep -q "^usage: vmmsim $c" "$scratch/out" || fail "$c --help"
done
# the manual page has an entry (".B NAME" under COMMANDS, "-" as "\-") for
# every command vmmsim lists
expect_status 0 "$VMMSIM" --help
cmds=$(sed -n 's/^  \([a-z-]*\)  .*/\1/p' "$scratch/out")
[ -n "$cmds" ] || fail "no commands in vmmsim --help"
for c in $cmds; do
	m=$(printf '%s' "$c" | sed 's/-/\\\\-/g')
	grep -qx "\.B $m" "$top_srcdir/doc/vmmsim.1" || fail "doc/vmmsim.1 does not cover '$c'"
done
echo "PASS analysis-cli"
