#!/bin/sh
# The guest kernel (guest/kernel/) booted natively in both byte orders:
# - its self-test /bin/ktest passes, and the run's ledger shows the
#   kernel's service marks (DEMAND_ZERO, QUICK_FAULT, COW_FAULT, IDLE);
#   a second run gives byte-identical JSON;
# - the console output is the same when the timer interrupts land
#   elsewhere (other TLB sizes, other memory sizes change the timing);
# - init's exit status becomes the machine's, a faulting init is reported
#   and killed, and a command line naming no program panics (status 0x7f).
. "$top_srcdir/tests/lib.sh"
MAX_INSNS=400000000
KDIR=$top_builddir/guest/kernel
failed=0
bad() {
	echo "FAIL: $*" >&2
	cat "$scratch/out" "$scratch/err" >&2
	failed=1
}
# boot ORDER CMDLINE [OPTIONS...]: run the native kernel; sets $status.
boot() {
	order=$1
	cmdline=$2
	shift 2
	kernel=$KDIR/vmunix-native.$order.elf
	[ -f "$kernel" ] || fail "$kernel is missing (make builds it)"
	"$VMMSIM" run --max-insns $MAX_INSNS --cmdline "$cmdline" "$@" "$kernel" \
		>"$scratch/out" 2>"$scratch/err"
	status=$?
}
# events SERVICE: the events of that service's guest kernel row in t.json
events() {
	grep -o "\"who\": \"kernel\", \"service\": \"$1\", \"component\": \"[^\"]*\", \"events\": [0-9]*" \
		"$scratch/t.json" | sed 's/.*"events": //'
}

for order in eb el; do
	boot $order ktest --out "$scratch/t.json"
	if [ "$status" != 0 ] || [ "$(tail -n 1 "$scratch/out")" != "ktest: PASS" ] ||
		grep -q FAILED "$scratch/out"; then
		bad "ktest.$order: exit status $status"
		continue
	fi
	echo "PASS ktest.$order ($(grep -c ' ok$' "$scratch/out") tests)"
	for service in UTLB_MISS DEMAND_ZERO QUICK_FAULT COW_FAULT IDLE fork execve; do
		n=$(events $service)
		if [ -z "$n" ] || [ "$n" = 0 ]; then
			bad "ktest.$order: no $service events in the ledger"
		fi
	done
	cp "$scratch/out" "$scratch/ktest.$order"
	# the same run again: byte-identical results
	boot $order ktest --out "$scratch/t2.json"
	cmp -s "$scratch/t.json" "$scratch/t2.json" || bad "ktest.$order: a second run's JSON differs"
	# Timing moves the timer interrupts; the output must not move.
	for opts in "--tlb-entries 16" "--tlb-entries 64" "--mem 16M" "--no-tcache"; do
		# shellcheck disable=SC2086 # opts is a list of words
		boot $order ktest $opts
		if [ "$status" != 0 ] || ! cmp -s "$scratch/out" "$scratch/ktest.$order"; then
			bad "ktest.$order $opts: exit status $status or output differs"
		fi
	done
	# the addresses in the kill lines differ between the byte orders' builds
	grep '^ktest:' "$scratch/ktest.$order" >"$scratch/lines.$order"
	cmp -s "$scratch/lines.$order" "$scratch/lines.eb" || bad "ktest: the byte orders differ"
done

for order in eb el; do
	# init's exit status halts the machine
	boot $order "ktest exit-with 7"
	if [ "$status" != 1 ] || ! grep -q "guest status 7" "$scratch/err"; then
		bad "exit-with.$order: exit status $status, expected 1 with guest status 7"
	fi
	# init killed by a fault: 128 + SIGSEGV
	boot $order "ktest fault"
	if [ "$status" != 1 ] || ! grep -q "guest status 139" "$scratch/err" ||
		! grep -q "^pid 1 killed: TLBS at pc 0x[0-9a-f]* (addr 0x00000000)$" "$scratch/out"; then
		bad "fault.$order: exit status $status, expected 1, status 139 and a kill line"
	fi
	# no such program, and no program at all: panics
	boot $order "no-such-program"
	if [ "$status" != 1 ] || ! grep -q "guest status 127" "$scratch/err" ||
		! grep -q "^panic: no init (cause" "$scratch/out"; then
		bad "panic.$order: exit status $status, expected 1, status 127 and a panic line"
	fi
	boot $order ""
	if [ "$status" != 1 ] || ! grep -q "^panic: empty command line" "$scratch/out"; then
		bad "empty.$order: exit status $status, expected 1 and a panic line"
	fi
done
[ $failed = 0 ] && echo "PASS kernel exit status, fault and panic"
exit $failed
