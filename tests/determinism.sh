#!/bin/sh
# The same inputs give byte-identical results, with or without the host
# translation cache (a speed device that must be invisible).
. "$top_srcdir/tests/lib.sh"
for order in eb el; do
	prog=$top_builddir/tests/cli/hello.$order.elf
	"$VMMSIM" run --quiet --out "$scratch/a.json" "$prog" >"$scratch/a.out" || fail "run a ($order)"
	"$VMMSIM" run --quiet --out "$scratch/b.json" "$prog" >"$scratch/b.out" || fail "run b ($order)"
	"$VMMSIM" run --quiet --no-tcache --out "$scratch/c.json" "$prog" >"$scratch/c.out" ||
		fail "run c ($order)"
	cmp "$scratch/a.json" "$scratch/b.json" || fail "two runs differ ($order)"
	cmp "$scratch/a.out" "$scratch/b.out" || fail "two runs' output differs ($order)"
	cmp "$scratch/a.json" "$scratch/c.json" || fail "--no-tcache changes the results ($order)"
	cmp "$scratch/a.out" "$scratch/c.out" || fail "--no-tcache changes the output ($order)"
done
echo "PASS determinism"
