#!/bin/sh
# Every workload of workloads.def booted on the guest kernel (vmmsim run
# --workload, native policy) in both byte orders: it must halt with status
# 0 and print, as its last console line, the checksum that
# guest/apps/checksums.txt records (computed by the host build of
# tests/apps.sh), so the guest, the host and both byte orders agree.  Also:
# a workload's JSON result is byte-identical across two runs, and a
# different seed reaches the guest (its checksum changes).
. "$top_srcdir/tests/lib.sh"
# A default run takes 5 to 60 million instructions; ten times that is a hang.
MAX_INSNS=600000000

names=$(sed -n 's/^WORKLOAD(\([a-z0-9_]*\),.*/\1/p' "$top_srcdir/guest/apps/workloads.def")
[ -n "$names" ] || fail "no WORKLOAD in workloads.def"
for name in $names; do
	want=$(checksum_of "$name")
	[ -n "$want" ] || fail "$checksums: no checksum for $name"
	for endian in be le; do
		"$VMMSIM" run --quiet --max-insns $MAX_INSNS --endian $endian --workload "$name" \
			>"$scratch/out" 2>"$scratch/err" ||
			fail "$name ($endian): vmmsim exited $?: $(tail -n 3 "$scratch/err") $(tail -n 3 "$scratch/out")"
		last=$(tail -n 1 "$scratch/out")
		[ "$last" = "checksum $name $want" ] ||
			fail "$name ($endian): last line '$last', $checksums says $want"
	done
	echo "ok $name $want (be, le)"
done

# Determinism of the whole result, and the seed reaching the program.
for i in 1 2; do
	"$VMMSIM" run --quiet --workload forkexit --arg iters=50 --out "$scratch/r$i.json" \
		>"$scratch/out$i" 2>"$scratch/err" || fail "forkexit run $i: $(cat "$scratch/err")"
done
cmp -s "$scratch/r1.json" "$scratch/r2.json" || fail "forkexit: the JSON differs between two runs"
"$VMMSIM" run --quiet --workload forkexit --arg iters=50 --seed 2 >"$scratch/out3" 2>"$scratch/err" ||
	fail "forkexit --seed 2: $(cat "$scratch/err")"
[ "$(tail -n 1 "$scratch/out1")" != "$(tail -n 1 "$scratch/out3")" ] ||
	fail "forkexit: --seed 2 prints the same checksum as --seed 1"
exit 0
