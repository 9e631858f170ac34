#!/bin/sh
# vmmsim sweep on real runs of the bare-metal test programs: expansion, -j2,
# the aggregation, a sweep interrupted midway and resumed ending with the
# same results byte for byte as one uninterrupted, failed runs put aside,
# and the Slurm array script.
. "$top_srcdir/tests/lib.sh"
cli=$top_builddir/tests/cli
[ -f "$cli/hello.eb.elf" ] || fail "missing $cli/hello.eb.elf (make check builds it)"
cli=$(cd "$cli" && pwd)
cat >"$scratch/s.sweep" <<EOS
# two programs in two byte orders, three TLB sizes: 9 runs
programs $cli/hello.eb.elf $cli/hello.el.elf $cli/traps.eb.elf
option tlb-entries 16 32 48
EOS
runs="hello.eb-tlb-entries16 hello.eb-tlb-entries32 hello.eb-tlb-entries48
hello.el-tlb-entries16 hello.el-tlb-entries32 hello.el-tlb-entries48
traps.eb-tlb-entries16 traps.eb-tlb-entries32 traps.eb-tlb-entries48"

# --list: one shell command per run
expect_status 0 "$VMMSIM" sweep --list "$scratch/s.sweep"
[ "$(wc -l <"$scratch/out")" = 9 ] || fail "--list: $(cat "$scratch/out")"

# uninterrupted
expect_status 0 "$VMMSIM" sweep -j 2 --no-plot -o "$scratch/a" "$scratch/s.sweep"
for r in $runs; do
	[ -s "$scratch/a/runs/$r.json" ] || fail "no result $r"
	[ -f "$scratch/a/logs/$r.log" ] || fail "no log $r"
done
grep -q "9 runs: 9 ran, 0 already done, 0 failed" "$scratch/err" || fail "summary: $(cat "$scratch/err")"
grep -q '^traps.eb.elf  *bare  *traps.eb.elf/bare byte_order=big tlb.entries=16  *1  *1.000' "$scratch/out" ||
	fail "comparison table: $(cat "$scratch/out")"
for f in stats.txt stats.csv stats.json compare.txt compare.json; do
	[ -s "$scratch/a/$f" ] || fail "no $f"
done
# 9 groups of one run, each: a total_cycles row, then its breakdown rows
[ "$(grep -c ',total_cycles,1,' "$scratch/a/stats.csv")" = 9 ] || fail "stats.csv groups"
# each run's result is what `vmmsim run` writes by itself
expect_status 0 "$VMMSIM" run --quiet --tlb-entries 32 --out "$scratch/one.json" "$cli/traps.eb.elf"
cmp -s "$scratch/one.json" "$scratch/a/runs/traps.eb-tlb-entries32.json" || fail "sweep result differs from vmmsim run's"

# a second time: everything is there already, only the aggregation runs
expect_status 0 "$VMMSIM" sweep -j 2 --no-plot -o "$scratch/a" "$scratch/s.sweep"
grep -q "9 runs: 0 ran, 9 already done, 0 failed" "$scratch/err" || fail "resume: $(cat "$scratch/err")"

# interrupted: slow runs (a wrapper that waits first), one at a time, killed
# once three results are there
cat >"$scratch/slow" <<EOS
#!/bin/sh
sleep 0.3
exec "$VMMSIM" "\$@"
EOS
chmod +x "$scratch/slow"
"$VMMSIM" sweep -j 1 --no-plot --vmmsim "$scratch/slow" -o "$scratch/b" "$scratch/s.sweep" \
	>"$scratch/b.out" 2>"$scratch/b.err" &
pid=$!
tries=0
while [ "$(ls "$scratch/b/runs" 2>/dev/null | grep -c '\.json$')" -lt 3 ]; do
	tries=$((tries + 1))
	[ $tries -lt 300 ] || fail "the slow sweep made no progress: $(cat "$scratch/b.err")"
	sleep 0.05
done
kill -TERM $pid
wait $pid
st=$?
[ $st = 143 ] || fail "interrupted sweep exited $st, expected 143: $(cat "$scratch/b.err")"
done_before=$(ls "$scratch/b/runs" | grep -c '\.json$')
[ "$done_before" -ge 3 ] && [ "$done_before" -lt 9 ] || fail "$done_before results after the interrupt"
ls "$scratch/b/runs" | grep -v '\.json$' && fail "temporaries left behind"
grep -q "interrupted" "$scratch/b.err" || fail "no interrupted note: $(cat "$scratch/b.err")"
[ ! -e "$scratch/b/stats.txt" ] || fail "an interrupted sweep aggregated"
# resumed
expect_status 0 "$VMMSIM" sweep -j 2 --no-plot -o "$scratch/b" "$scratch/s.sweep"
grep -q "9 runs: $((9 - done_before)) ran, $done_before already done, 0 failed" "$scratch/err" ||
	fail "resumed: $(cat "$scratch/err")"
for r in $runs; do
	cmp -s "$scratch/a/runs/$r.json" "$scratch/b/runs/$r.json" || fail "resumed $r differs"
done
for f in stats.txt stats.csv stats.json compare.txt compare.json; do
	cmp -s "$scratch/a/$f" "$scratch/b/$f" || fail "resumed $f differs"
done

# failed runs: named, put aside, not aggregated, run again on resume
printf 'programs %s\nfixed --cmdline status=3\n' "$cli/hello.eb.elf" >"$scratch/fail.sweep"
expect_status 1 "$VMMSIM" sweep --no-plot -o "$scratch/c" "$scratch/fail.sweep"
grep -q "run hello.eb failed (exit status 1), see .*/c/logs/hello.eb.log" "$scratch/err" ||
	fail "failed run: $(cat "$scratch/err")"
[ -f "$scratch/c/runs/hello.eb.json.failed" ] && [ ! -e "$scratch/c/runs/hello.eb.json" ] ||
	fail "failed result not put aside: $(ls "$scratch/c/runs")"

# the Slurm array: one task per line of commands.txt; a task run by hand
# writes the same result as the sweep did
expect_status 0 "$VMMSIM" sweep --emit-slurm "$scratch/job.sh" -o "$scratch/d" "$scratch/s.sweep"
grep -q '^#SBATCH --array=1-9$' "$scratch/job.sh" || fail "array line: $(cat "$scratch/job.sh")"
[ "$(wc -l <"$scratch/d/commands.txt")" = 9 ] || fail "commands.txt"
SLURM_ARRAY_TASK_ID=7 sh "$scratch/job.sh" || fail "array task 7 failed"
cmp -s "$scratch/a/runs/traps.eb-tlb-entries16.json" "$scratch/d/runs/traps.eb-tlb-entries16.json" ||
	fail "array task 7 result differs"
[ "$(ls "$scratch/d/runs")" = traps.eb-tlb-entries16.json ] || fail "task 7 ran more than its run"
echo "PASS analysis-sweep"
