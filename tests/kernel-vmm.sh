#!/bin/sh
# The relocated guest kernel (guest/kernel/, linked in ksseg) under each VMM
# policy that runs it, in both byte orders: its self-test /bin/ktest must
# pass and print exactly the test lines the native kernel prints.
. "$top_srcdir/tests/lib.sh"
MAX_INSNS=1000000000
KDIR=$top_builddir/guest/kernel
failed=0
for order in eb el; do
	native=$KDIR/vmunix-native.$order.elf
	relocated=$KDIR/vmunix-relocated.$order.elf
	[ -f "$native" ] && [ -f "$relocated" ] || fail "$KDIR: kernels missing (make builds them)"
	"$VMMSIM" run --quiet --max-insns $MAX_INSNS --cmdline ktest "$native" >"$scratch/native" 2>&1 ||
		fail "ktest on the native $order kernel: exit status $?"
	grep '^ktest:' "$scratch/native" >"$scratch/want"
	for policy in trap l2tlb; do
		"$VMMSIM" run --quiet --policy $policy --max-insns $MAX_INSNS --cmdline ktest \
			"$relocated" >"$scratch/out" 2>"$scratch/err"
		status=$?
		grep '^ktest:' "$scratch/out" >"$scratch/got"
		if [ "$status" != 0 ] || ! cmp -s "$scratch/got" "$scratch/want"; then
			echo "FAIL: ktest.$order under --policy $policy: exit status $status" >&2
			diff "$scratch/want" "$scratch/got" >&2
			cat "$scratch/err" >&2
			failed=1
		else
			echo "PASS ktest.$order --policy $policy ($(grep -c ' ok$' "$scratch/got") tests)"
		fi
	done
done
exit $failed
