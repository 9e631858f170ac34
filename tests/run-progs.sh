#!/bin/sh
# Runs every conformance program of tests/progs/ on vmmsim in both byte
# orders, with and without the host translation cache, and the CP0/TLB ones
# also with an R10000-sized TLB: each must print exactly "PASS <name>" and
# halt with status 0.  --max-insns keeps a broken program from hanging.
. "$top_srcdir/tests/lib.sh"
PROGS="alu mem branch traps cp0 tlb"
MAX_INSNS=20000000
failed=0
run_one() { # name order options...
	name=$1
	order=$2
	shift 2
	prog=$top_builddir/tests/progs/$name.$order.elf
	[ -f "$prog" ] || fail "$prog is missing (make check builds it)"
	"$VMMSIM" run --quiet --max-insns $MAX_INSNS "$@" "$prog" >"$scratch/out" 2>"$scratch/err"
	status=$?
	if [ "$status" != 0 ] || [ "$(cat "$scratch/out")" != "PASS $name" ]; then
		echo "FAIL: $name.$order $*: exit status $status" >&2
		cat "$scratch/out" "$scratch/err" >&2
		failed=1
	else
		echo "PASS $name.$order $*"
	fi
}
for name in $PROGS; do
	for order in eb el; do
		run_one "$name" "$order"
		run_one "$name" "$order" --no-tcache
	done
done
for name in cp0 tlb; do
	run_one "$name" eb --tlb-entries 64
	run_one "$name" el --tlb-entries 16
done
# BEV: the general vector moves to the boot ROM area, where this machine
# has no memory: the run must stop there (see bev.S).
for order in eb el; do
	"$VMMSIM" run --quiet --max-insns $MAX_INSNS "$top_builddir/tests/progs/bev.$order.elf" \
		>"$scratch/out" 2>"$scratch/err"
	status=$?
	if [ "$status" = 3 ] && grep -q "without progress at pc 0xbfc00380" "$scratch/err"; then
		echo "PASS bev.$order: BEV general vector 0xbfc00380"
	else
		echo "FAIL: bev.$order: exit status $status, expected 3 at pc 0xbfc00380" >&2
		cat "$scratch/out" "$scratch/err" >&2
		failed=1
	fi
done
exit $failed
