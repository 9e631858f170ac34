#!/bin/sh
# Records the sample traces in traces/ again, and writes traces/expected.txt,
# the console line a native `vmmsim replay` prints for each (tests/trace.sh
# checks it).  Run it whenever the trace format changes (TRACE_VERSION in
# src/trace/trace_format.h, or what a record means) or a workload or the
# guest kernel changes what it runs; then commit the traces and expected.txt.
#   make traces-refresh                            (in a build tree)
#   VMMSIM=BUILD/vmmsim sh traces/refresh.sh       (the build tree's vmmsim)
# The kernels come from BUILD/guest (--guest-dir guest, run from BUILD), so
# the traces' headers name guest/kernel/vmunix-native.eb.elf, not a path of
# this machine.
set -eu
VMMSIM=${VMMSIM:-./vmmsim}
traces=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$(dirname "$VMMSIM")" && pwd)
vmmsim=$build/$(basename "$VMMSIM")
limit=1048576 # bytes: each sample stays well under 1 MiB

# NAME and the workload options vmmsim record gets (traces/README.md)
samples='pmake       --workload pmake
engineering --workload engineering
raytrace    --workload raytrace
database    --workload database --arg rows=4096 --arg queries=2000
nullsys     --workload nullsys --arg iters=1000'

expected=$traces/expected.txt.tmp
trap 'rm -f "$expected" "$expected.json"' EXIT
{
	echo "# Written by traces/refresh.sh: each sample trace and the console line"
	echo "# a native vmmsim replay of it prints (tests/trace.sh checks them)."
} >"$expected"
echo "| NAME | OPTIONS | size (gzip / raw) | replay prints | instructions | cycles |"
echo "|---|---|---|---|---|---|"
echo "$samples" | while read -r name args; do
	# shellcheck disable=SC2086
	(cd "$build" && "$vmmsim" record --guest-dir guest --quiet $args -o "$traces/$name.vtr.gz") \
		>/dev/null
	size=$(wc -c <"$traces/$name.vtr.gz")
	[ "$size" -lt "$limit" ] || { echo "refresh: $name.vtr.gz is $size bytes, over $limit" >&2; exit 1; }
	line=$("$vmmsim" replay --quiet --out "$expected.json" "$traces/$name.vtr.gz")
	echo "$name.vtr.gz $line" >>"$expected"
	# the row of the table in traces/README.md
	raw=$(gzip -dc "$traces/$name.vtr.gz" | wc -c)
	insns=$(sed -n 's/^  "instructions": \([0-9]*\),$/\1/p' "$expected.json")
	cycles=$(sed -n 's/^  "total_cycles": \([0-9]*\),$/\1/p' "$expected.json")
	echo "| $name | \`$args\` | $size / $raw | \`$line\` | $insns | $cycles |"
done
mv "$expected" "$traces/expected.txt"
