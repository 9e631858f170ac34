#!/bin/sh
# What a trace costs and saves: on each workload, the wall time of `vmmsim
# run`, `vmmsim record` and `vmmsim replay` natively and under trap and
# l2tlb, beside `vmmsim run` under the same policy; the ratios record/run
# and run/replay, the trace's size and its bytes per million instructions.
# Median of 3 wall-clock times per command; run by `make bench-trace`.
# Usage: VMMSIM=./vmmsim bench/trace.sh [WORKLOAD[:KEY=VALUE,...]...]
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || set -- pmake:size=4 database:size=2 engineering:size=4 raytrace:size=8

# median_wall CMD...: the median wall-clock seconds of 3 runs of CMD
# (the clock as lib.sh says)
median_wall() {
	for _ in 1 2 3; do
		start=${EPOCHREALTIME:-$(date +%s.%N)}
		"$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
		end=${EPOCHREALTIME:-$(date +%s.%N)}
		awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f\n", e - s }'
	done | sort -n | sed -n 2p | awk '{ printf "%.3f", $1 }'
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

# row: one line of the table, its ten columns
row() { printf '%-12s %-7s %12s %7s %8s %10s %8s %10s %11s %9s\n' "$@"; }

row workload policy instructions run_s replay_s run/replay record_s record/run trace_bytes B/Minsn
for spec in "$@"; do
	w=${spec%%:*}
	args=$(spec_args "$spec")
	t=$tmp/$w.vtr.gz
	# shellcheck disable=SC2086
	"$VMMSIM" record --quiet --workload "$w" $args --out "$tmp/r.json" -o "$t" >/dev/null ||
		{ echo "failed: record $w" >&2; exit 1; }
	insns=$(json_insns "$tmp/r.json")
	bytes=$(wc -c <"$t")
	# shellcheck disable=SC2086
	record_s=$(median_wall "$VMMSIM" record --quiet --workload "$w" $args -o "$tmp/again.vtr.gz")
	for p in native trap l2tlb; do
		# shellcheck disable=SC2086
		run_s=$(median_wall "$VMMSIM" run --quiet --workload "$w" $args --policy $p)
		replay_s=$(median_wall "$VMMSIM" replay --quiet --policy $p "$t")
		if [ $p = native ]; then
			row "$w" $p "$insns" "$run_s" "$replay_s" "$(ratio "$run_s" "$replay_s")" "$record_s" \
				"$(ratio "$record_s" "$run_s")" "$bytes" \
				"$(awk -v b="$bytes" -v i="$insns" 'BEGIN { printf "%.0f", b / (i / 1e6) }')"
		else
			row "$w" $p - "$run_s" "$replay_s" "$(ratio "$run_s" "$replay_s")" - - - -
		fi
	done
done
