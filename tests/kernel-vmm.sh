#!/bin/sh
# The guest kernel's VMM flavours (guest/ABI.md, "Flavours") under the VMM
# policies, in both byte orders:
# - the self-test /bin/ktest of relocated, spinidle and paravirt must pass
#   under trap and l2tlb and print exactly the test lines the native kernel
#   prints;
# - a few workloads under trap print guest/apps/checksums.txt's checksum on
#   spinidle and paravirt, and each flavour does what it is for: spinidle
#   idles where the VMM cannot see it (no idle cycles, where relocated has
#   them), paravirt has the VMM zero its pages (the guest kernel's
#   DEMAND_ZERO cycles fall, the VMM's page zeroing appears), traps on fewer
#   privileged instructions, idles through MC_IDLE (idle cycles), and keeps
#   reusing the pages it frees when the VMM (dedup) takes their frames back.
. "$top_srcdir/tests/lib.sh"
MAX_INSNS=1000000000
KDIR=$top_builddir/guest/kernel
WORKLOADS="pgfault forkexit idle pmake"
failed=0

# vmm_num FILE KEY: a number of its "vmm" object
vmm_num() { sed -n "s/^  \"vmm\": .*\"$2\": \([0-9]*\),.*/\1/p" "$1"; }
# bad MESSAGE: report a failure, carry on
bad() {
	echo "FAIL: $*" >&2
	failed=1
}

for order in eb el; do
	native=$KDIR/vmunix-native.$order.elf
	[ -f "$native" ] || fail "$KDIR: kernels missing (make builds them)"
	"$VMMSIM" run --quiet --max-insns $MAX_INSNS --cmdline ktest "$native" >"$scratch/native" 2>&1 ||
		fail "ktest on the native $order kernel: exit status $?"
	grep '^ktest:' "$scratch/native" >"$scratch/want"
	for flavour in relocated spinidle paravirt; do
		kernel=$KDIR/vmunix-$flavour.$order.elf
		[ -f "$kernel" ] || fail "$kernel missing (make builds it)"
		for policy in trap l2tlb; do
			"$VMMSIM" run --quiet --policy $policy --max-insns $MAX_INSNS --cmdline ktest \
				"$kernel" >"$scratch/out" 2>"$scratch/err"
			status=$?
			grep '^ktest:' "$scratch/out" >"$scratch/got"
			if [ "$status" != 0 ] || ! cmp -s "$scratch/got" "$scratch/want"; then
				bad "ktest.$order on $flavour under --policy $policy: exit status $status"
				diff "$scratch/want" "$scratch/got" >&2
				cat "$scratch/err" >&2
			else
				echo "PASS ktest.$order $flavour --policy $policy ($(grep -c ' ok$' "$scratch/got") tests)"
			fi
		done
		for w in $WORKLOADS; do
			want=$(checksum_of "$w")
			[ -n "$want" ] || fail "$checksums: no checksum for $w"
			out=$scratch/$w.$flavour.$order
			"$VMMSIM" run --quiet --policy trap --max-insns $MAX_INSNS --cmdline "$w" \
				--out "$out.json" "$kernel" >"$out.txt" 2>"$out.err"
			status=$?
			got=$(sed -n "s/^checksum $w //p" "$out.txt")
			if [ "$status" != 0 ] || [ "$got" != "$want" ]; then
				bad "$w.$order on $flavour under trap: exit status $status, checksum '$got', want $want"
				cat "$out.err" >&2
			fi
		done
	done

	# spinidle: the VMM sees no idling, where it sees relocated's WAITs
	r=$scratch/idle.relocated.$order.json s=$scratch/idle.spinidle.$order.json
	ri=$(json_num "$r" idle_cycles) si=$(json_num "$s" idle_cycles)
	if [ "${ri:-0}" -gt 0 ] && [ "$si" = 0 ]; then
		echo "PASS idle.$order: idle cycles relocated $ri, spinidle $si (spinning: $(row_cycles "$s" kernel IDLE) guest kernel cycles)"
	else
		bad "idle.$order: idle cycles relocated '$ri', spinidle '$si': want > 0 and 0"
	fi

	# paravirt: the VMM zeroes the pages, the guest kernel no longer does
	r=$scratch/pgfault.relocated.$order.json p=$scratch/pgfault.paravirt.$order.json
	rz=$(row_cycles "$r" kernel DEMAND_ZERO) pz=$(row_cycles "$p" kernel DEMAND_ZERO)
	vz=$(grep '"who": "vmm", "service": "DEMAND_ZERO", "component": "page zeroing"' "$p" |
		sed 's/.*"cycles": \([0-9]*\),.*/\1/')
	if [ "$((pz * 2))" -lt "$rz" ] && [ "${vz:-0}" -gt 0 ]; then
		echo "PASS pgfault.$order: DEMAND_ZERO guest kernel cycles relocated $rz, paravirt $pz (+ VMM page zeroing $vz)"
	else
		bad "pgfault.$order: DEMAND_ZERO guest kernel cycles relocated $rz, paravirt $pz, VMM page zeroing '$vz': want paravirt < relocated / 2 and zeroing > 0"
	fi
	# fewer privileged instructions to emulate, and idling seen by the VMM
	r=$scratch/pmake.relocated.$order.json p=$scratch/pmake.paravirt.$order.json
	re=$(vmm_num "$r" emulated) pe=$(vmm_num "$p" emulated)
	if [ -n "$pe" ] && [ "$pe" -lt "$re" ]; then
		echo "PASS pmake.$order: privileged instructions emulated relocated $re, paravirt $pe"
	else
		bad "pmake.$order: privileged instructions emulated relocated '$re', paravirt '$pe': want fewer"
	fi
	pi=$(json_num "$scratch/idle.paravirt.$order.json" idle_cycles)
	if [ "$((pi * 2))" -gt "$ri" ]; then
		echo "PASS idle.$order: idle cycles paravirt (MC_IDLE) $pi, relocated (WAIT) $ri"
	else
		bad "idle.$order: idle cycles paravirt '$pi', relocated $ri: MC_IDLE should idle as WAIT does"
	fi
	# dedup takes a freed page's frame back (it reads zero afterwards): in
	# 4 MiB the kernel must go on reusing its freed pages, as it cannot if
	# their contents carried the free list
	kernel=$KDIR/vmunix-paravirt.$order.elf
	for cmd in forkexit ktest; do
		"$VMMSIM" run --quiet --policy dedup --mem 4M --max-insns $MAX_INSNS --cmdline $cmd \
			"$kernel" >"$scratch/out" 2>"$scratch/err"
		status=$?
		want="ktest: PASS"
		[ $cmd = ktest ] || want="checksum forkexit $(checksum_of forkexit)"
		if [ "$status" = 0 ] && grep -qx "$want" "$scratch/out"; then
			echo "PASS $cmd.$order on paravirt under dedup in 4 MiB"
		else
			bad "$cmd.$order on paravirt under dedup in 4 MiB: exit status $status, want '$want'"
			tail -3 "$scratch/out" "$scratch/err" >&2
		fi
	done
done
exit $failed
