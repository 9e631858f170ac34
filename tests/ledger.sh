#!/bin/sh
# The ledger's breakdown rows add up to the machine's cycle count exactly.
. "$top_srcdir/tests/lib.sh"
for order in eb el; do
	"$VMMSIM" run --quiet --out "$scratch/r.json" "$top_builddir/tests/cli/hello.$order.elf" \
		>/dev/null || fail "run ($order)"
	total=$(json_num "$scratch/r.json" total_cycles)
	sum=$(rows_sum "$scratch/r.json")
	[ -n "$total" ] && [ -n "$sum" ] || fail "cannot read the cycles from the JSON"
	[ "$sum" = "$total" ] || fail "breakdown sums to $sum, total_cycles is $total ($order)"
done

# kernel entries: 1000 getpid syscalls and 10 breaks, with their shapes
for order in eb el; do
	"$VMMSIM" run --quiet --out "$scratch/t.json" "$top_builddir/tests/cli/traps.$order.elf" \
		>"$scratch/t.out" || fail "traps ($order)"
	grep -q '^ok$' "$scratch/t.out" || fail "traps printed $(cat "$scratch/t.out")"
	row=$(grep '"service": "getpid"' "$scratch/t.json") || fail "no getpid row ($order)"
	echo "$row" | grep -q '"events": 1000,' || fail "getpid events: $row"
	echo "$row" | grep -q '"counts": \[' || fail "getpid has no histogram: $row"
	# each entry with the default costs: exception entry 5, five handler
	# instructions, the loop 2(k+1) for k = 0..7 in turn, eret 2: 14 + 2k
	echo "$row" | grep -q '"mean": 21.000, .*"max": 28,' || fail "getpid cycles: $row"
	grep '"service": "exc:Bp"' "$scratch/t.json" | grep -q '"events": 10,' ||
		fail "break row ($order)"
	total=$(json_num "$scratch/t.json" total_cycles)
	sum=$(rows_sum "$scratch/t.json")
	[ "$sum" = "$total" ] || fail "traps: breakdown sums to $sum, total_cycles is $total"
done
echo "PASS ledger (traps)"
