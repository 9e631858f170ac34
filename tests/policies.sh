#!/bin/sh
# Every workload under native, trap and l2tlb, in both byte orders: the same
# checksum as guest/apps/checksums.txt everywhere, the ledger adding up, and
# the shape Disco's measurements have (issue 4): on pmake and database
# overhead(trap) > overhead(l2tlb) > 0, raytrace the least overhead of the
# four, and under trap the UTLB refill row's VMM time mostly TLB-write
# emulation.
. "$top_srcdir/tests/lib.sh"
total_of() { json_num "$1" total_cycles; }
# overhead BASE RUN: (RUN - BASE) / BASE in parts per million
overhead() { awk -v b="$1" -v r="$2" 'BEGIN { printf "%d", (r - b) * 1000000 / b }'; }
for order in be le; do
	for w in $(checksum_names); do
		want=$(checksum_of "$w")
		for p in native trap l2tlb; do
			out="$scratch/$w.$p.$order"
			"$VMMSIM" run --quiet --max-insns 2000000000 --endian $order --workload $w \
				--policy $p --out "$out.json" >"$out.txt" 2>"$out.err" ||
				fail "$w under $p ($order): exit $?: $(cat "$out.err")"
			got=$(sed -n "s/^checksum $w //p" "$out.txt")
			[ "$got" = "$want" ] || fail "$w under $p ($order): checksum '$got', want $want"
			adds_up "$out.json" ||
				fail "$w under $p ($order): the breakdown does not add up"
		done
	done
	for w in pmake database engineering raytrace; do
		b=$(total_of "$scratch/$w.native.$order.json")
		eval "t_$w=$(overhead "$b" "$(total_of "$scratch/$w.trap.$order.json")")"
		eval "l_$w=$(overhead "$b" "$(total_of "$scratch/$w.l2tlb.$order.json")")"
	done
	for w in pmake database; do
		eval "t=\$t_$w l=\$l_$w"
		[ "$t" -gt "$l" ] && [ "$l" -gt 0 ] ||
			fail "$w ($order): overheads trap $t ppm, l2tlb $l ppm: want trap > l2tlb > 0"
	done
	for w in pmake database engineering; do
		eval "t=\$t_$w l=\$l_$w"
		[ "$t_raytrace" -lt "$t" ] && [ "$l_raytrace" -lt "$l" ] ||
			fail "raytrace ($order) is not the least overhead: $t_raytrace/$l_raytrace vs $w $t/$l ppm"
	done
	# Disco's Table 2: a UTLB miss under trap costs the VMM mostly TLB writes
	j="$scratch/tlbmiss.trap.$order.json"
	tw=$(grep '"who": "vmm", "service": "UTLB_MISS", "component": "tlb-write emulation"' "$j" |
		sed 's/.*"cycles": \([0-9]*\),.*/\1/')
	all=$(row_cycles "$j" vmm UTLB_MISS)
	[ -n "$tw" ] && [ "$((tw * 2))" -gt "$all" ] ||
		fail "tlbmiss under trap ($order): TLB-write emulation $tw of $all VMM cycles in UTLB_MISS"
	echo "overheads ($order, ppm): trap pmake $t_pmake database $t_database engineering $t_engineering raytrace $t_raytrace; l2tlb $l_pmake $l_database $l_engineering $l_raytrace"
done
# four VMs on one CPU: VM i runs the workload with seed 1+i and prints what
# a native run with that seed prints, under trap (flushing the TLB at each
# world switch) and l2tlb (tagging ASIDs per VM), in both byte orders
for w in $(checksum_names); do
	for seed in 2 3 4; do
		"$VMMSIM" run --quiet --max-insns 2000000000 --workload $w --seed $seed \
			>"$scratch/ref.out" || fail "$w seed $seed natively"
		sed -n "s/^checksum $w /$seed /p" "$scratch/ref.out"
	done >"$scratch/$w.refs"
	echo "1 $(checksum_of "$w")" >>"$scratch/$w.refs"
	for order in be le; do
		for p in "trap" "l2tlb --asid-tag"; do
			"$VMMSIM" run --quiet --max-insns 8000000000 --vms 4 --mem 32M --endian $order \
				--workload $w --policy $p --out "$scratch/vms.json" >"$scratch/vms.out" ||
				fail "$w, 4 VMs under $p ($order): exit $?"
			for i in 0 1 2 3; do
				want=$(awk -v s=$((i + 1)) '$1 == s { print $2 }' "$scratch/$w.refs")
				grep -q "^\[vm$i\] checksum $w $want\$" "$scratch/vms.out" ||
					fail "$w, 4 VMs under $p ($order): vm$i printed $(grep "vm$i" "$scratch/vms.out" | tail -1), want $want"
			done
			adds_up "$scratch/vms.json" ||
				fail "$w, 4 VMs under $p ($order): the breakdown does not add up"
		done
	done
done

# the kernel's own self-test, deprivileged
for order in eb el; do
	for p in trap l2tlb; do
		"$VMMSIM" run --quiet --max-insns 400000000 --policy $p --cmdline ktest \
			"$top_builddir/guest/kernel/vmunix-relocated.$order.elf" >"$scratch/kt.out" 2>&1 ||
			fail "ktest under $p ($order): $(tail -3 "$scratch/kt.out")"
		grep -q '^ktest: PASS$' "$scratch/kt.out" || fail "ktest under $p ($order): $(tail -3 "$scratch/kt.out")"
	done
done
echo "PASS policies"
