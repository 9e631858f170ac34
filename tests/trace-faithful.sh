#!/bin/sh
# Replay's faithfulness under a VMM (doc/replay.md, "How close"): record each
# of the four workloads natively, replay it under trap and l2tlb, and hold
# the replay against executing under that policy:
#   - the guest's own events (system calls, page faults by kind) are exact;
#   - total cycles within 3%;
#   - every row of the breakdown within 3%, UTLB_MISS too, but rows of
#     fewer than 20 events (within 10%: one system call's few kernel TLB
#     faults, see doc/replay.md);
# and under trap+dedup (pmake, engineering): the guest's events exact,
# total cycles within 3%, memory in use and machine memory within 1%.
. "$top_srcdir/tests/lib.sh"

# rows FILE: "service cycles events" per breakdown row, summed over who
rows() {
	sed -n 's/^    {"who": "[a-z]*", "service": "\([^"]*\)", .*"events": \([0-9]*\), "cycles": \([0-9]*\),.*/\1 \3 \2/p' "$1" |
		awk '{ c[$1] += $2; if ($3 > e[$1]) e[$1] = $3 } END { for (s in c) print s, c[s], e[s] }' |
		sort
}

# json_number FIELD FILE: a number of a results file (first match)
json_number() {
	sed -n "s/.*\"$1\": \([0-9]*\).*/\1/p" "$2" | head -n 1
}
# within PERCENT A B: |B - A| <= PERCENT% of A
within() {
	awk -v p="$1" -v a="$2" -v b="$3" 'BEGIN { d = b - a; if (d < 0) d = -d; exit !(d * 100 <= p * a) }'
}

for w in pmake database engineering raytrace; do
	t=$scratch/$w.vtr.gz
	"$VMMSIM" record --workload "$w" --quiet -o "$t" >/dev/null || fail "record $w"
	for p in trap l2tlb; do
		"$VMMSIM" run --workload "$w" --policy "$p" --quiet --out "$scratch/run.json" \
			>/dev/null || fail "run $w under $p"
		"$VMMSIM" replay --policy "$p" --quiet --out "$scratch/rep.json" "$t" \
			>/dev/null || fail "replay $w under $p"
		rows "$scratch/run.json" >"$scratch/run.rows"
		rows "$scratch/rep.json" >"$scratch/rep.rows"
		[ -s "$scratch/run.rows" ] || fail "$w $p: no breakdown rows read"
		total_run=$(json_num "$scratch/run.json" total_cycles)
		total_rep=$(json_num "$scratch/rep.json" total_cycles)
		join -a 1 -a 2 -e 0 -o 0,1.2,1.3,2.2,2.3 "$scratch/run.rows" "$scratch/rep.rows" |
			awk -v w="$w" -v p="$p" -v tr="$total_run" -v tp="$total_rep" '
			function off(a, b) { return a ? (b - a) / a * 100 : (b ? 100 : 0) }
			function bad(msg) { print "FAIL: " w " under " p ": " msg; failed = 1 }
			{
				service = $1; cyc = $2; ev = $3; rcyc = $4; rev = $5
				guest = service ~ /^(DEMAND_ZERO|COW_FAULT|QUICK_FAULT)$/ ||
				        service !~ /^(UTLB_MISS|INTERRUPT|KTLB_MISS|BOOT|user|kernel|idle|TLB_|exc:|other)/
				if (guest && ev != rev)
					bad(service " events " ev " executing, " rev " replayed")
				limit = ev < 20 ? 10 : 3
				d = off(cyc, rcyc)
				if (d > limit || d < -limit)
					bad(sprintf("%s %d cycles executing, %d replayed (%+.1f%%, limit %d%%)",
					            service, cyc, rcyc, d, limit))
			}
			END {
				d = off(tr, tp)
				if (d > 3 || d < -3)
					bad(sprintf("total %d cycles executing, %d replayed (%+.1f%%)", tr, tp, d))
				if (!failed)
					printf "PASS trace-faithful %s %s: %d rows, total %+.2f%%\n", w, p, NR, d
				exit failed
			}' || fail "$w under $p: replay too far from execution (above)"
	done
done

for w in pmake engineering; do
	t=$scratch/$w.vtr.gz
	"$VMMSIM" record --workload "$w" --quiet -o "$t" >/dev/null || fail "record $w"
	"$VMMSIM" run --workload "$w" --policy trap+dedup --quiet --out "$scratch/run.json" \
		>/dev/null || fail "run $w under trap+dedup"
	"$VMMSIM" replay --policy trap+dedup --quiet --out "$scratch/rep.json" "$t" \
		>/dev/null || fail "replay $w under trap+dedup"
	for field in total_cycles virtual_bytes machine_bytes; do
		a=$(json_number $field "$scratch/run.json")
		b=$(json_number $field "$scratch/rep.json")
		[ -n "$a" ] && [ -n "$b" ] || fail "$w trap+dedup: no $field in the results"
		limit=1
		[ $field = total_cycles ] && limit=3
		within $limit "$a" "$b" || fail "$w trap+dedup: $field $a executing, $b replayed (limit $limit%)"
	done
	rows "$scratch/run.json" >"$scratch/run.rows"
	rows "$scratch/rep.json" >"$scratch/rep.rows"
	join "$scratch/run.rows" "$scratch/rep.rows" | awk '
		$1 ~ /^(DEMAND_ZERO|COW_FAULT|QUICK_FAULT)$/ ||
		$1 !~ /^(UTLB_MISS|INTERRUPT|KTLB_MISS|BOOT|user|kernel|idle|TLB_|exc:|other|PAGE_SCAN|WORLD_SWITCH)/ {
			if ($3 != $5) { print "FAIL: " $1 " events " $3 " executing, " $5 " replayed"; bad = 1 }
		}
		END { exit bad }' || fail "$w trap+dedup: the guest's events differ (above)"
	echo "PASS trace-faithful $w trap+dedup: memory and total within limits"
done
