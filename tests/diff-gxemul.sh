#!/bin/sh
# Runs the conformance programs of tests/progs/ on GXemul (testmips) and on
# vmmsim and compares their console output.  Where GXemul is known to
# depart from the MIPS manuals the programs print "DIFF ..." (a CHECK_PEER
# that failed there) or "SKIP ..." (a feature GXemul stops on) instead of
# failing: those lines, without their values, must be exactly the ones
# tests/progs/gxemul-known.txt lists (with the reasons), and everything else
# must match line for line.  Skipped (77) without GXemul.
. "$top_srcdir/tests/lib.sh"
[ -n "${GXEMUL:-}" ] && [ "$GXEMUL" != no ] || {
	echo "SKIP: no GXemul (configure found none)"
	exit 77
}
PROGS="alu mem branch traps cp0 tlb"
failed=0
: >"$scratch/seen.eb"
: >"$scratch/seen.el"
# GXemul hangs when its stdin is /dev/null or at end of file: feed it from
# a fifo that a sleeping writer holds open, and stop the writer afterwards.
mkfifo "$scratch/stdin" || fail "mkfifo"
grep -v '^#' "$top_srcdir/tests/progs/gxemul-known.txt" >"$scratch/known"
for name in $PROGS; do
	for order in eb el; do
		prog=$top_builddir/tests/progs/$name.$order.elf
		[ -f "$prog" ] || fail "$prog is missing (make check builds it)"
		"$VMMSIM" run --quiet --max-insns 20000000 "$prog" >"$scratch/vmmsim" 2>&1 ||
			fail "$name.$order fails on vmmsim: $(cat "$scratch/vmmsim")"
		sleep 120 >"$scratch/stdin" &
		writer=$!
		# -M 64: the page-size test uses frames up to 48 MiB
		timeout 60 "$GXEMUL" -q -M 64 -E testmips "$prog" <"$scratch/stdin" \
			>"$scratch/gxemul.raw" 2>&1
		status=$?
		kill "$writer" 2>/dev/null
		wait "$writer" 2>/dev/null
		tr -d '\r' <"$scratch/gxemul.raw" >"$scratch/gxemul"
		[ "$status" = 0 ] || echo "note: GXemul exited $status on $name.$order" >&2
		grep -E '^(DIFF|SKIP) ' "$scratch/gxemul" >>"$scratch/seen.$order"
		grep -v -E '^(DIFF|SKIP) ' "$scratch/gxemul" >"$scratch/gxemul.cmp"
		if cmp -s "$scratch/vmmsim" "$scratch/gxemul.cmp"; then
			echo "SAME $name.$order"
		else
			echo "FAIL: $name.$order: GXemul and vmmsim differ:" >&2
			diff "$scratch/vmmsim" "$scratch/gxemul.cmp" >&2
			failed=1
		fi
	done
done
for order in eb el; do
	sed 's/ got 0x[0-9a-f]* want 0x[0-9a-f]*$//' "$scratch/seen.$order" >"$scratch/notes"
	if cmp -s "$scratch/known" "$scratch/notes"; then
		echo "known disagreements ($order): $(wc -l <"$scratch/notes"), as listed"
	else
		echo "FAIL: GXemul's DIFF/SKIP lines ($order) are not those of gxemul-known.txt:" >&2
		diff "$scratch/known" "$scratch/notes" >&2
		failed=1
	fi
done
exit $failed
