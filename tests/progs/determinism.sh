#!/bin/sh
# Determinism on the TLB-heavy conformance program (tests/progs/tlb.S),
# which remaps data and code pages under the host translation cache: two
# runs give byte-identical JSON, and --no-tcache (the cache is a speed
# device, DESIGN.md) gives the same guest output and the same JSON.
. "$top_srcdir/tests/lib.sh"
for order in eb el; do
	for name in tlb cp0; do
		prog=$top_builddir/tests/progs/$name.$order.elf
		run() { # tag options...
			tag=$1
			shift
			"$VMMSIM" run --quiet --max-insns 20000000 "$@" --out "$scratch/$tag.json" \
				"$prog" >"$scratch/$tag.out" || fail "$name.$order run $tag $*"
		}
		run a
		run b
		run c --no-tcache
		cmp "$scratch/a.json" "$scratch/b.json" || fail "$name.$order: two runs differ"
		cmp "$scratch/a.out" "$scratch/b.out" || fail "$name.$order: two runs' output differs"
		cmp "$scratch/a.out" "$scratch/c.out" || fail "$name.$order: --no-tcache changes the output"
		cmp "$scratch/a.json" "$scratch/c.json" ||
			fail "$name.$order: --no-tcache changes the results: $(diff "$scratch/a.json" "$scratch/c.json")"
	done
done
echo "PASS progs determinism"
