#!/bin/sh
# The idle policy: four VMs running the idle workload finish with their
# checksums in clearly less time when the VMM deschedules a VM that executes
# WAIT than when WAIT sleeps the whole machine; idle time shows as idle.
. "$top_srcdir/tests/lib.sh"
for p in trap trap+idle l2tlb+idle; do
	"$VMMSIM" run --quiet --workload idle --policy $p --vms 4 --mem 16M \
		--out "$scratch/$p.json" >"$scratch/$p.out" || fail "idle under $p: exit $?"
	[ "$(grep -c '^\[vm[0-3]\] checksum idle ' "$scratch/$p.out")" = 4 ] ||
		fail "idle under $p: $(cat "$scratch/$p.out")"
	sort "$scratch/$p.out" >"$scratch/$p.sorted" # the VMs finish in another order
	cmp -s "$scratch/trap.sorted" "$scratch/$p.sorted" ||
		fail "idle under $p printed other checksums than under trap"
done
naive=$(json_num "$scratch/trap.json" total_cycles)
aware=$(json_num "$scratch/trap+idle.json" total_cycles)
echo "idle, 4 VMs: $naive cycles under trap, $aware under trap+idle"
[ "$((aware * 2))" -lt "$naive" ] || fail "the idle policy saved too little: $aware vs $naive"
[ "$(json_num "$scratch/trap+idle.json" idle_cycles)" -gt 0 ] || fail "no idle cycles under trap+idle"
grep -q '"component": "idle handling"' "$scratch/trap+idle.json" || fail "no idle handling row"
echo "PASS idle"
