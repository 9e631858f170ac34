#!/bin/sh
# The ledger's buckets add up to the machine's cycle count.
. "$top_srcdir/tests/lib.sh"
"$VMMSIM" run --quiet --out "$scratch/r.json" "$top_builddir/tests/cli/hello.eb.elf" >/dev/null ||
	fail "run"
total=$(sed -n 's/^  "cycles": \([0-9]*\),$/\1/p' "$scratch/r.json")
sum=$(sed -n 's/^    "cycles": {"user": \([0-9]*\), "kernel": \([0-9]*\), "vmm": \([0-9]*\), "idle": \([0-9]*\)},$/\1 + \2 + \3 + \4/p' "$scratch/r.json")
[ -n "$total" ] && [ -n "$sum" ] || fail "cannot read the cycles from the JSON"
[ "$(($sum))" = "$total" ] || fail "ledger $sum = $(($sum)) != cycles $total"
echo "PASS ledger"
