#!/bin/sh
# vmmsim beside GXemul on the same bare-metal ELFs (bench/README.md).
#
#   compare.sh [--runs N] [--no-callgrind] [--callgrind-insns N] PROG.elf...
#
# For each program: runs it on vmmsim (with its cycle model, as always) and
# on GXemul (`gxemul -q -E testmips`), N times each, alternating, and keeps
# each one's fastest wall-clock time.  Both must print the same console line
# (the program's checksum).  The guest instruction count is vmmsim's (the
# programs halt themselves after a fixed count, so it is the same on both).
# Prints simulated millions of instructions per host second (MIPS) for each
# and their ratio.  Then, with valgrind, the host instructions vmmsim spends
# per guest instruction (callgrind, over a stretch of --callgrind-insns
# guest instructions, start-up subtracted).
# Environment: VMMSIM (default ./vmmsim), GXEMUL (default gxemul; "no" or
# missing skips the GXemul column).
. "$(dirname "$0")/lib.sh"
GXEMUL=${GXEMUL:-gxemul}
runs=3
callgrind=yes
cg_insns=20000000

die() {
	echo "compare.sh: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--runs) [ $# -ge 2 ] || die "--runs needs a number"; runs=$2; shift 2 ;;
	--no-callgrind) callgrind=no; shift ;;
	--callgrind-insns) [ $# -ge 2 ] || die "--callgrind-insns needs a number"; cg_insns=$2; shift 2 ;;
	--) shift; break ;;
	-*) die "unknown option $1" ;;
	*) break ;;
	esac
done
case $runs in '' | *[!0-9]* | 0) die "--runs must be a positive whole number, not '$runs'" ;; esac
case $cg_insns in '' | *[!0-9]*) die "--callgrind-insns must be a whole number, not '$cg_insns'" ;; esac
[ $# -gt 0 ] || die "usage: compare.sh [--runs N] [--no-callgrind] [--callgrind-insns N] PROG.elf..."
[ -x "$VMMSIM" ] || die "$VMMSIM: no such program (make vmmsim first)"
if [ "$GXEMUL" = no ] || ! command -v "$GXEMUL" >/dev/null 2>&1; then
	echo "note: GXemul not found: vmmsim alone" >&2
	GXEMUL=
fi
if [ "$callgrind" = yes ] && ! command -v valgrind >/dev/null 2>&1; then
	echo "note: valgrind not found: no callgrind figures" >&2
	callgrind=no
fi

mkfifo "$tmp/stdin" || die "mkfifo failed"

run_vmmsim() { # prog -> prints seconds; console in $tmp/vm.out
	t0=${EPOCHREALTIME:-$(date +%s.%N)}
	"$VMMSIM" run --quiet --out "$tmp/vm.json" "$1" >"$tmp/vm.out" ||
		die "$1: vmmsim failed (status $?)"
	t1=${EPOCHREALTIME:-$(date +%s.%N)}
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}

run_gxemul() { # prog -> prints seconds; console in $tmp/gx.out
	# GXemul hangs when stdin is /dev/null or at its end: feed it a fifo
	# that a sleeping writer holds open (stopped afterwards: a plain
	# "sleep 600 |" pipeline would wait for the sleep), and bound the run
	sleep 600 >"$tmp/stdin" &
	writer=$!
	t0=${EPOCHREALTIME:-$(date +%s.%N)}
	timeout 120 "$GXEMUL" -q -E testmips "$1" <"$tmp/stdin" >"$tmp/gx.raw" 2>&1
	status=$?
	t1=${EPOCHREALTIME:-$(date +%s.%N)}
	kill "$writer" 2>/dev/null
	wait "$writer" 2>/dev/null
	[ "$status" = 0 ] || die "$1: GXemul failed or timed out (status $status)"
	tr -d '\r' <"$tmp/gx.raw" >"$tmp/gx.out"
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}

# host instructions (callgrind Ir) of a vmmsim run stopped after n guest insns
callgrind_ir() { # prog n -> prints "Ir guest_insns"
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
		"$VMMSIM" run --quiet --max-insns "$2" --out "$tmp/cg.json" "$1" \
		>/dev/null 2>"$tmp/cg.err"
	[ -s "$tmp/cg.out" ] || die "$1: callgrind failed: $(tail -1 "$tmp/cg.err")"
	ir=$(sed -n 's/^summary: \([0-9]*\).*/\1/p' "$tmp/cg.out")
	echo "$ir $(json_insns "$tmp/cg.json")"
}

printf '%-14s %13s %10s %10s %8s %12s\n' program instructions vmmsim_MIPS gxemul_MIPS ratio host_ins/insn
for prog in "$@"; do
	[ -f "$prog" ] || die "$prog: no such file"
	name=$(basename "$prog" .elf)
	tv= tg=
	i=0
	while [ "$i" -lt "$runs" ]; do
		tv=$(best "$(run_vmmsim "$prog")" "$tv") || exit 2
		if [ -n "$GXEMUL" ]; then
			tg=$(best "$(run_gxemul "$prog")" "$tg") || exit 2
		fi
		i=$((i + 1))
	done
	insns=$(json_insns "$tmp/vm.json")
	[ -n "$insns" ] || die "$prog: no instruction count in vmmsim's summary"
	if [ -n "$GXEMUL" ] && ! cmp -s "$tmp/vm.out" "$tmp/gx.out"; then
		echo "compare.sh: $prog: vmmsim and GXemul print different results:" >&2
		diff "$tmp/vm.out" "$tmp/gx.out" >&2
		exit 1
	fi
	mv=$(awk -v n="$insns" -v t="$tv" 'BEGIN { printf "%.0f", n / t / 1e6 }')
	mg=- ratio=-
	if [ -n "$GXEMUL" ]; then
		mg=$(awk -v n="$insns" -v t="$tg" 'BEGIN { printf "%.0f", n / t / 1e6 }')
		ratio=$(awk -v a="$tg" -v b="$tv" 'BEGIN { printf "%.2f", a / b }')
	fi
	per=-
	if [ "$callgrind" = yes ]; then
		# two lengths, so that loading and start-up cancel out
		set -- $(callgrind_ir "$prog" 1000) $(callgrind_ir "$prog" "$cg_insns") "$@"
		per=$(awk -v i1="$1" -v n1="$2" -v i2="$3" -v n2="$4" \
			'BEGIN { printf "%.1f", (i2 - i1) / (n2 - n1) }')
		shift 4
	fi
	printf '%-14s %13s %10s %10s %8s %12s\n' "$name" "$insns" "$mv" "$mg" "$ratio" "$per"
done
