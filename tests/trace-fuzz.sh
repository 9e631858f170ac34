#!/bin/sh
# Replays the trace reader's fuzz corpus (tests/trace/corpus) as a test.
. "$top_srcdir/tests/lib.sh"
"$top_builddir/tests/trace/replay_corpus" "$top_srcdir"/tests/trace/corpus/* >"$scratch/out" ||
	fail "the trace reader failed on its corpus: $(cat "$scratch/out")"
echo "PASS trace-fuzz: $(cat "$scratch/out")"
