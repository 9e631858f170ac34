#!/bin/sh
# Bad input to the analysis commands: each case gets one error line naming
# the file (or option) and what is wrong, and exit status 2.
. "$top_srcdir/tests/lib.sh"
fix=$top_srcdir/tests/analysis/fixtures
good=$fix/toy-native-s1.json
cd "$scratch" || fail "no scratch folder"

# result files
expect_error 2 "missing.json: No such file or directory" "$VMMSIM" stats missing.json
printf '{"a": ' >trunc.json
expect_error 2 "trunc.json: line 1 column 6: " "$VMMSIM" stats trunc.json
echo '[1]' >array.json
expect_error 2 "array.json: not a JSON object" "$VMMSIM" compare array.json
echo '{"x": 1}' >other.json
expect_error 2 "other.json: not a vmmsim result (no \"vmmsim_version\")" "$VMMSIM" stats other.json
sed 's/"total_cycles": 10000/"total_cycles": 10001/' "$good" >sum.json
expect_error 2 "sum.json: breakdown cycles add up to 10000, total_cycles is 10001" \
	"$VMMSIM" stats sum.json
sed 's/"who": "idle"/"who": "hypervisor"/' "$good" >who.json
expect_error 2 "who.json: breakdown row 4: who is \"hypervisor\", not user, kernel, vmm or idle" \
	"$VMMSIM" plot --no-render -o charts who.json
sed 's/"counts": \[60, 40\]/"counts": [60]/' "$good" >hist.json
expect_error 2 "hist.json: breakdown row 2: histogram has 1 counts but 3 edges (want 2)" \
	"$VMMSIM" stats hist.json
sed 's/"cycles": 2000,/"cycles": -2000,/' "$good" >neg.json
expect_error 2 "neg.json: breakdown row 2: needs non-negative numbers events, cycles" \
	"$VMMSIM" stats neg.json
sed 's/"policy": "native",//' "$good" >nopolicy.json
expect_error 2 "nopolicy.json: no \"policy\" string" "$VMMSIM" stats nopolicy.json
sed 's/"seed": 1,/"seed": "one",/' "$good" >seed.json
expect_error 2 "seed.json: \"seed\" is neither a non-negative integer nor null" \
	"$VMMSIM" stats seed.json
cp "$good" copy.json
expect_error 2 "copy.json: same configuration and seed as .*toy-native-s1.json (one file given twice?)" \
	"$VMMSIM" stats "$good" copy.json

# command lines
expect_error 2 "give one or more result files" "$VMMSIM" stats
expect_error 2 "--format: 'xml' is not table, csv or json" "$VMMSIM" stats --format xml "$good"
expect_error 2 "unknown or incomplete option '--bogus'" "$VMMSIM" stats --bogus "$good"
expect_error 2 "--format csv needs --only time or --only services" "$VMMSIM" compare --format csv "$good"
expect_error 2 "--only: 'x' is not time or services" "$VMMSIM" compare --only x "$good"
expect_error 2 "give -o DIR and one or more result files" "$VMMSIM" plot "$good"
expect_error 2 "--chart: no chart 'nosuch'" "$VMMSIM" plot -o charts --chart nosuch "$good"
expect_error 2 "chart memory: no result carries \"memory\"" \
	"$VMMSIM" plot --no-render -o charts --chart memory "$good"
# one number of VMs in every series: nothing to draw against the number of VMs
expect_error 2 "chart memory: no series has more than one number of VMs to plot against" \
	"$VMMSIM" plot --no-render -o charts --chart memory "$fix/toy-trap-s1.json" "$fix/toy-trap-tlb32-s1.json"
expect_error 2 "chart sweep: field tlb.entries does not take two numeric values" \
	"$VMMSIM" plot --no-render -o charts --chart sweep --x tlb.entries "$good"
expect_error 2 "unknown or incomplete option '-o'" "$VMMSIM" plot -o
expect_error 2 "give -o DIR and one sweep file" "$VMMSIM" sweep x.sweep
expect_error 2 "missing.sweep: No such file or directory" "$VMMSIM" sweep -o out missing.sweep
printf 'workloads pmake\nfrob 1\n' >bad.sweep
expect_error 2 "bad.sweep:2: unknown line 'frob'" "$VMMSIM" sweep -o out bad.sweep
expect_error 2 "--jobs" "$VMMSIM" sweep -j 0 -o out bad.sweep

# output that cannot be written: status 4
expect_status 4 "$VMMSIM" stats --out "$scratch/no/such/dir/s.txt" "$good"
echo "PASS analysis-errors"
