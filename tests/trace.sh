#!/bin/sh
# vmmsim record and vmmsim replay on the four real workloads: a native
# replay gives the run's results exactly (breakdown rows, totals, console
# output); recording and replaying are deterministic; replays under trap,
# l2tlb and a smaller TLB finish and print the run's checksum.  How close a
# trap or l2tlb replay comes to executing under that policy is not asserted
# here (replay's modelling of a VMM is still changing).
. "$top_srcdir/tests/lib.sh"

# breakdown FILE: the ledger's rows of a results file
breakdown() {
	grep '^    {"who": ' "$1"
}

for w in pmake database engineering raytrace; do
	t=$scratch/$w.vtr.gz
	"$VMMSIM" record --workload "$w" --quiet --out "$scratch/$w.run.json" -o "$t" \
		>"$scratch/$w.run.out" || fail "record $w"
	grep -q "^checksum $w " "$scratch/$w.run.out" ||
		fail "record $w printed '$(cat "$scratch/$w.run.out")', no checksum line"
	insns=$(json_num "$scratch/$w.run.json" instructions)
	cycles=$(json_num "$scratch/$w.run.json" total_cycles)
	[ -n "$insns" ] && [ -n "$cycles" ] || fail "$w: no totals in the run's JSON"
	breakdown "$scratch/$w.run.json" >"$scratch/$w.run.rows" || fail "$w: no breakdown rows"

	expect_status 0 "$VMMSIM" trace-info "$t"
	grep -q "^instructions $insns\$" "$scratch/out" ||
		fail "trace-info $w: END's instructions are not the run's $insns"

	"$VMMSIM" replay --quiet --out "$scratch/$w.rep.json" "$t" >"$scratch/$w.rep.out" ||
		fail "replay $w exited $?"
	cmp -s "$scratch/$w.run.out" "$scratch/$w.rep.out" ||
		fail "replay $w printed '$(cat "$scratch/$w.rep.out")', the run '$(cat "$scratch/$w.run.out")'"
	breakdown "$scratch/$w.rep.json" | cmp -s - "$scratch/$w.run.rows" ||
		fail "replay $w: breakdown rows differ from the run's: $(breakdown "$scratch/$w.rep.json" |
			diff "$scratch/$w.run.rows" - | head -4)"
	[ "$(json_num "$scratch/$w.rep.json" instructions)" = "$insns" ] ||
		fail "replay $w: instructions differ from the run's $insns"
	[ "$(json_num "$scratch/$w.rep.json" total_cycles)" = "$cycles" ] ||
		fail "replay $w: total_cycles differ from the run's $cycles"

	# recording changes nothing in the results: a plain run gives the same
	"$VMMSIM" run --workload "$w" --quiet --out "$scratch/$w.plain.json" >/dev/null ||
		fail "run $w"
	cmp -s "$scratch/$w.plain.json" "$scratch/$w.run.json" ||
		fail "$w: the results of record differ from those of run"

	# a second recording is the same trace, byte for byte
	"$VMMSIM" record --workload "$w" --quiet -o "$scratch/again.vtr.gz" >/dev/null ||
		fail "record $w again"
	gzip -dc "$t" >"$scratch/one.raw" && gzip -dc "$scratch/again.vtr.gz" >"$scratch/two.raw" ||
		fail "$w: the traces do not decompress"
	cmp -s "$scratch/one.raw" "$scratch/two.raw" || fail "two recordings of $w differ"

	for p in trap l2tlb; do
		"$VMMSIM" replay --quiet --policy $p "$t" >"$scratch/$w.$p.out" ||
			fail "replay --policy $p $w exited $?"
		cmp -s "$scratch/$w.run.out" "$scratch/$w.$p.out" ||
			fail "replay --policy $p $w printed '$(cat "$scratch/$w.$p.out")'"
	done
	echo "PASS trace $w: native replay equals the run ($insns instructions, $cycles cycles)"
done

# two replays under trap give the same results
t=$scratch/pmake.vtr.gz
for i in 1 2; do
	"$VMMSIM" replay --quiet --policy trap --out "$scratch/trap$i.json" "$t" >/dev/null ||
		fail "replay --policy trap pmake ($i)"
done
cmp -s "$scratch/trap1.json" "$scratch/trap2.json" || fail "two trap replays of pmake differ"

# a smaller TLB: at least as many refills as the recording's 48 entries
"$VMMSIM" replay --quiet --tlb-entries 16 --out "$scratch/tlb16.json" "$t" >"$scratch/tlb16.out" ||
	fail "replay --tlb-entries 16 pmake exited $?"
cmp -s "$scratch/pmake.run.out" "$scratch/tlb16.out" || fail "replay --tlb-entries 16 pmake's output"
small=$(row_events "$scratch/tlb16.json" kernel UTLB_MISS)
large=$(row_events "$scratch/pmake.rep.json" kernel UTLB_MISS)
[ -n "$small" ] && [ -n "$large" ] || fail "no UTLB_MISS row in the pmake replays"
[ "$small" -ge "$large" ] || fail "16 TLB entries: $small refills, fewer than 48 entries' $large"
echo "PASS trace: replays deterministic; 16 TLB entries $small refills, 48 entries $large"

# the sample traces in traces/ (traces/refresh.sh) replay as recorded
samples=0
while read -r name line; do
	case $name in '#'*|'') continue ;; esac
	t=$top_srcdir/traces/$name
	expect_status 0 "$VMMSIM" replay --quiet "$t"
	[ "$(cat "$scratch/out")" = "$line" ] ||
		fail "replay traces/$name printed '$(cat "$scratch/out")', expected '$line'"
	samples=$((samples + 1))
done <"$top_srcdir/traces/expected.txt"
[ "$samples" -gt 0 ] || fail "no samples in traces/expected.txt"
echo "PASS trace: the $samples samples in traces/ replay as recorded"
