# Shared by bench/compare.sh, policies.sh and trace.sh: sourced, never run.
# $VMMSIM (default ./vmmsim), a scratch folder $tmp removed on exit, and the
# WORKLOAD[:KEY=VALUE,...] arguments policies.sh and trace.sh take.
set -u
# C: a '.' in EPOCHREALTIME and in the figures awk prints
LC_ALL=C
export LC_ALL
VMMSIM=${VMMSIM:-./vmmsim}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vmmsim-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# spec_args SPEC: the --arg options of WORKLOAD[:KEY=VALUE,...] (the
# workload is ${SPEC%%:*})
spec_args() {
	case $1 in *:*) for a in $(echo "${1#*:}" | tr ',' ' '); do printf ' --arg %s' "$a"; done ;; esac
}
# json_insns FILE: the instructions of a results file (vmmsim run --out)
json_insns() { sed -n 's/^  "instructions": \([0-9]*\),$/\1/p' "$1"; }
# best TIME BEST: the smaller of a time and the best so far (BEST empty: none yet)
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }
# Wall-clock times: `t=${EPOCHREALTIME:-$(date +%s.%N)}` (seconds). Under
# bash (make runs these scripts with it) the variable takes no process;
# `date` would, and on the build machine its 5-8 ms fall inside the time
# taken, as long as a short replay itself.
