#!/bin/sh
# Replays each fuzz target's corpus (tests/fuzz/corpus/NAME) as a test.
. "$top_srcdir/tests/lib.sh"
for target in elf costmodel trace; do
	"$top_builddir/tests/fuzz/replay_$target" "$top_srcdir"/tests/fuzz/corpus/$target/* \
		>"$scratch/out" 2>&1 || fail "$target: $(cat "$scratch/out")"
	echo "PASS fuzz corpus $target: $(cat "$scratch/out")"
done
