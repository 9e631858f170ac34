#!/bin/sh
# The ledger's breakdown rows add up to the machine's cycle count exactly.
. "$top_srcdir/tests/lib.sh"
for order in eb el; do
	"$VMMSIM" run --quiet --out "$scratch/r.json" "$top_builddir/tests/cli/hello.$order.elf" \
		>/dev/null || fail "run ($order)"
	total=$(sed -n 's/^  "total_cycles": \([0-9]*\),$/\1/p' "$scratch/r.json")
	sum=$(sed -n 's/^    {"who": .*"cycles": \([0-9]*\), .*/\1/p' "$scratch/r.json" |
		awk '{ s += $1 } END { printf "%d", s }')
	[ -n "$total" ] && [ -n "$sum" ] || fail "cannot read the cycles from the JSON"
	[ "$sum" = "$total" ] || fail "breakdown sums to $sum, total_cycles is $total ($order)"
done
echo "PASS ledger"
