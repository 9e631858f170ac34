#!/bin/sh
# Simulated instructions per host second under each VMM policy, on the guest
# workloads (issue 4: a virtualized run keeps at least half the speed of a
# native one).  Best of 3 user-CPU times per run; run by `make bench-policies`.
# Usage: VMMSIM=./vmmsim bench/policies.sh [WORKLOAD[:ARGS]...]
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || set -- pmake:size=4 database:size=2 engineering:size=4 raytrace:size=8 tlbmiss
best_user() { # best user seconds of 3 runs of "$@"
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f %U -o "$tmp/t" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
		t=$(cat "$tmp/t")
		best=$(best "$t" "$best")
	done
	echo "$best"
}
printf '%-14s %-7s %14s %8s %10s %10s\n' workload policy instructions seconds MIPS vs-native
for spec in "$@"; do
	w=${spec%%:*}
	args=$(spec_args "$spec")
	native=
	for p in native trap l2tlb; do
		# shellcheck disable=SC2086
		"$VMMSIM" run --quiet --workload "$w" $args --policy $p --out "$tmp/r.json" >/dev/null ||
			{ echo "failed: $w under $p" >&2; exit 1; }
		insns=$(json_insns "$tmp/r.json")
		# shellcheck disable=SC2086
		secs=$(best_user "$VMMSIM" run --quiet --workload "$w" $args --policy $p)
		mips=$(awk -v i="$insns" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0) ? i / s / 1e6 : 0 }')
		[ -n "$native" ] || native=$mips
		printf '%-14s %-7s %14s %8s %10s %9.2fx\n' "$w" "$p" "$insns" "$secs" "$mips" \
			"$(awk -v a="$mips" -v b="$native" 'BEGIN { print (b > 0) ? a / b : 0 }')"
	done
done
