#!/bin/sh
# Page sharing (the dedup policy): checksums unchanged and memory saved with
# eight VMs of pmake; composes with l2tlb and idle in both byte orders; no VM
# ever sees another's write to a page they shared.
. "$top_srcdir/tests/lib.sh"
machine_bytes() { sed -n 's/.*"memory": {"virtual_bytes": [0-9]*, "machine_bytes": \([0-9]*\)}.*/\1/p' "$1"; }
virtual_bytes() { sed -n 's/.*"memory": {"virtual_bytes": \([0-9]*\),.*/\1/p' "$1"; }

"$VMMSIM" run --quiet --workload pmake --policy trap+dedup --out "$scratch/one.json" \
	--mem 16M >"$scratch/one.out" || fail "pmake, 1 VM"
one=$(machine_bytes "$scratch/one.json")
"$VMMSIM" run --quiet --workload pmake --policy trap+dedup --vms 8 --mem 16M \
	--out "$scratch/eight.json" >"$scratch/eight.out" || fail "pmake, 8 VMs"
for i in 0 1 2 3 4 5 6 7; do
	grep -q "^\[vm$i\] checksum pmake " "$scratch/eight.out" || fail "vm$i printed no checksum"
done
grep -q "^\[vm0\] checksum pmake $(checksum_of pmake)\$" "$scratch/eight.out" ||
	fail "vm0's checksum changed under dedup"
eight=$(machine_bytes "$scratch/eight.json")
virt=$(virtual_bytes "$scratch/eight.json")
echo "pmake: 1 VM $one machine bytes; 8 VMs $eight machine bytes for $virt virtual"
[ "$((eight * 10))" -lt "$((one * 8 * 8))" ] ||
	fail "8 VMs use $eight bytes of machine memory, not clearly less than 8 x $one"
grep -q '"shared": [1-9]' "$scratch/eight.json" || fail "nothing shared"
adds_up "$scratch/eight.json" || fail "the breakdown does not add up under dedup"
grep -q '"service": "PAGE_SCAN", "component": "page sharing scan"' "$scratch/eight.json" ||
	fail "no page sharing scan row"

# every workload's checksum under page sharing, one VM
for w in $(checksum_names); do
	want=$(checksum_of "$w")
	"$VMMSIM" run --quiet --max-insns 2000000000 --workload $w --policy trap+dedup \
		>"$scratch/w.out" || fail "$w under trap+dedup: exit $?"
	grep -q "^checksum $w $want\$" "$scratch/w.out" || fail "$w under trap+dedup: $(cat "$scratch/w.out")"
done
for order in be le; do
	for w in pmake database forkexit; do
		want=$(checksum_of "$w")
		"$VMMSIM" run --quiet --endian $order --workload $w --policy l2tlb+dedup+idle \
			--dedup-image --vms 2 --mem 32M >"$scratch/c.out" || fail "$w under l2tlb+dedup+idle ($order)"
		grep -q "^\[vm0\] checksum $w $want\$" "$scratch/c.out" ||
			fail "$w under l2tlb+dedup+idle ($order): $(cat "$scratch/c.out")"
	done
done

# two VMs fill the same pages alike (shared by a fast scan), then each writes
# its own value: each must read back its own
"$VMMSIM" run --quiet --policy trap+dedup --dedup-rate 200000 --vms 2 --mem 8M \
	--out "$scratch/sw.json" "$top_builddir/tests/vmm/sharewrite-1.elf" \
	"$top_builddir/tests/vmm/sharewrite-2.elf" >"$scratch/sw.out" || fail "sharewrite: $(cat "$scratch/sw.out")"
[ "$(grep -c 'own value kept' "$scratch/sw.out")" = 2 ] || fail "sharewrite: $(cat "$scratch/sw.out")"
shared=$(sed -n 's/.*"dedup": {[^}]*"shared": \([0-9]*\),.*/\1/p' "$scratch/sw.json")
[ "${shared:-0}" -ge 64 ] || fail "sharewrite: only ${shared:-0} pages shared, the test proves nothing"
grep -q '"cow_breaks": [1-9]' "$scratch/sw.json" || fail "sharewrite: no copy-on-write"
# deterministic with everything on: the same JSON twice and without the
# host translation cache
for t in a b; do
	opt=
	[ $t = b ] && opt=--no-tcache
	"$VMMSIM" run --quiet --workload forkexit --policy l2tlb+dedup+idle --vms 4 --mem 16M \
		--asid-tag --dedup-image --flavour paravirt $opt --out "$scratch/det-$t.json" \
		>/dev/null || fail "forkexit, 4 VMs, everything on ($t)"
done
"$VMMSIM" run --quiet --workload forkexit --policy l2tlb+dedup+idle --vms 4 --mem 16M \
	--asid-tag --dedup-image --flavour paravirt --out "$scratch/det-c.json" >/dev/null
cmp -s "$scratch/det-a.json" "$scratch/det-c.json" || fail "two runs differ"
cmp -s "$scratch/det-a.json" "$scratch/det-b.json" || fail "--no-tcache changed the results"
echo "PASS dedup"
