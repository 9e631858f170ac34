#!/bin/sh
# The VMM policies on the minimal kernel: the same console output natively
# and under trap and l2tlb, in both byte orders and with several TLB sizes;
# the ledger still adds up; the VMM components land where they belong;
# results are deterministic; bad policies are one error line, the same from
# vmmsim run and vmmsim replay.
. "$top_srcdir/tests/lib.sh"
mini="$top_builddir/tests/vmm"
for order in eb el; do
	"$VMMSIM" run --quiet "$mini/mini-native.$order.elf" >"$scratch/native.out" ||
		fail "native run ($order)"
	grep -q '^minikernel: sum ' "$scratch/native.out" || fail "native: $(cat "$scratch/native.out")"
	for policy in trap l2tlb; do
		for tlb in 8 48 64; do
			"$VMMSIM" run --quiet --max-insns 10000000 --policy $policy --tlb-entries $tlb \
				--out "$scratch/$policy.json" "$mini/mini-relocated.$order.elf" \
				>"$scratch/$policy.out" || fail "$policy, $tlb TLB entries ($order)"
			cmp -s "$scratch/native.out" "$scratch/$policy.out" ||
				fail "$policy ($order, $tlb): printed $(cat "$scratch/$policy.out")"
			adds_up "$scratch/$policy.json" ||
				fail "$policy ($order, $tlb): the breakdown does not add up to total_cycles"
			grep -q "\"policy\": \"$policy\"" "$scratch/$policy.json" || fail "policy not recorded"
		done
	done
	# trap: the getpid calls are reflected, their emulation dominates
	grep '"who": "vmm", "service": "getpid", "component": "other privileged instructions"' \
		"$scratch/trap.json" | grep -q '"events": 512,' || fail "trap: no getpid privileged row"
	grep -q '"who": "vmm", "service": "UTLB_MISS", "component": "tlb-write emulation"' \
		"$scratch/trap.json" || fail "trap: no TLB-write emulation under UTLB_MISS"
	grep -q '"who": "vmm", "service": "UTLB_MISS", "component": "l2tlb service"' \
		"$scratch/l2tlb.json" || fail "l2tlb: no l2tlb service row"
	# l2tlb serves some refills without the guest: fewer guest refills
	t=$(row_events "$scratch/trap.json" kernel UTLB_MISS)
	l=$(row_events "$scratch/l2tlb.json" kernel UTLB_MISS)
	[ "$l" -le "$t" ] || fail "l2tlb entered the guest for $l refills, trap for $t"
	# deterministic, and the host translation cache changes nothing
	"$VMMSIM" run --quiet --policy l2tlb --out "$scratch/a.json" "$mini/mini-relocated.$order.elf" >/dev/null
	"$VMMSIM" run --quiet --policy l2tlb --no-tcache --out "$scratch/b.json" \
		"$mini/mini-relocated.$order.elf" >/dev/null
	cmp -s "$scratch/a.json" "$scratch/b.json" || fail "l2tlb results differ with --no-tcache"
	# a native image under a VMM, a relocated one natively: one error line each
	expect_error 2 'not in ksseg' "$VMMSIM" run --policy trap "$mini/mini-native.$order.elf"
	expect_error 2 'not in kseg0/kseg1' "$VMMSIM" run "$mini/mini-relocated.$order.elf"
done
# isolation: a misbehaving VM beside a well-behaved one, which must finish
# with its checksum whatever the other does
good="$mini/mini-relocated.eb.elf"
"$VMMSIM" run --quiet --policy trap "$good" >"$scratch/good.out" || fail "the good guest alone"
for mode in badpfn kseg0; do
	"$VMMSIM" run --quiet --policy trap --vms 2 --mem 32M "$mini/misbehave-$mode.elf" "$good" \
		>"$scratch/iso.out" 2>"$scratch/iso.err" || fail "$mode: exit $?: $(cat "$scratch/iso.out")"
	grep -q '^\[vm0\] misbehave: bus error$' "$scratch/iso.out" || fail "$mode: $(cat "$scratch/iso.out")"
	grep -q "^\[vm1\] $(cat "$scratch/good.out")\$" "$scratch/iso.out" || fail "$mode: vm1 did not finish"
done
"$VMMSIM" run --quiet --policy l2tlb --vms 2 --mem 32M --out "$scratch/crash.json" \
	"$mini/misbehave-crash.elf" "$good" >"$scratch/iso.out" 2>"$scratch/iso.err"
[ $? = 1 ] || fail "crash: the run's status should say a VM failed"
grep -q 'VM 0 stopped: the guest kernel jumped to 0x80001000' "$scratch/iso.err" || fail "crash not reported"
grep -q "^\[vm1\] $(cat "$scratch/good.out")\$" "$scratch/iso.out" || fail "crash: vm1 did not finish"
grep -q '"id": 0, "state": "stopped", "exit_status": 127' "$scratch/crash.json" || fail "crash: VM 0 not stopped in the results"
# a VM spinning with interrupts off still loses the CPU at the end of its slice
"$VMMSIM" run --quiet --policy trap --vms 2 --mem 32M --max-insns 3000000 \
	"$mini/misbehave-spin.elf" "$good" >"$scratch/iso.out" 2>"$scratch/iso.err"
[ $? = 3 ] || fail "spin: expected --max-insns to end the run"
grep -q "^\[vm1\] $(cat "$scratch/good.out")\$" "$scratch/iso.out" || fail "spin: vm1 did not finish"
expect_error 2 "more than one program given" "$VMMSIM" run --policy trap "$good" "$good"
expect_error 2 "more programs given than VMs" "$VMMSIM" run --policy trap --vms 2 --mem 32M "$good" "$good" "$good"
expect_error 2 "needs a VMM policy" "$VMMSIM" run --vms 2 "$good"
expect_error 2 "exceed the machine" "$VMMSIM" run --policy trap --vms 8 --mem 64M "$good"
expect_error 2 "unknown policy 'nope'" "$VMMSIM" run --policy nope "$mini/mini-relocated.eb.elf"
expect_error 2 "cannot extend it" "$VMMSIM" run --policy native+l2tlb "$mini/mini-relocated.eb.elf"
expect_error 2 "both run the guest" "$VMMSIM" run --policy trap+native "$mini/mini-relocated.eb.elf"
expect_error 2 "powers of two" "$VMMSIM" run --policy l2tlb --l2tlb-entries 100 "$mini/mini-relocated.eb.elf"
# run and replay share the policy's options (src/cli/vmm_options.c): the same
# line and status for a bad value, the same values taken for good ones
trace="$top_srcdir/traces/nullsys.vtr.gz"
for bad in "--l2tlb-ways 0" "--l2tlb-entries 2097152" "--dedup-rate 1000001" "--dedup-rate x" \
	"--policy l2tlb --l2tlb-ways 3"; do
	# shellcheck disable=SC2086
	expect_error 2 "^vmmsim: --" "$VMMSIM" run --quiet $bad "$mini/mini-relocated.eb.elf"
	mv "$scratch/err" "$scratch/run.err"
	# shellcheck disable=SC2086
	expect_error 2 "^vmmsim: --" "$VMMSIM" replay --quiet $bad "$trace"
	cmp -s "$scratch/run.err" "$scratch/err" ||
		fail "$bad: run says '$(cat "$scratch/run.err")', replay '$(cat "$scratch/err")'"
done
good="--policy l2tlb --l2tlb-entries 256 --l2tlb-ways 8 --dedup-rate 5"
# shellcheck disable=SC2086
"$VMMSIM" run --quiet --max-insns 10000000 $good --out "$scratch/good-run.json" \
	"$mini/mini-relocated.eb.elf" >/dev/null || fail "run $good"
# shellcheck disable=SC2086
"$VMMSIM" replay --quiet $good --out "$scratch/good-replay.json" "$trace" >/dev/null ||
	fail "replay $good"
for f in good-run good-replay; do
	grep -q '"l2tlb": {"entries": 256, "ways": 8,' "$scratch/$f.json" ||
		fail "$f: the l2tlb is not the size given"
	grep -q '^  "dedup_rate": 5,$' "$scratch/$f.json" || fail "$f: the dedup rate is not the one given"
done
echo "PASS vmm"
