#!/bin/sh
# The guest workloads, built for the host (tests/apps.inc), each run with its
# defaults: its last line must be "checksum NAME 0x%08x", the same on a
# second run, the one recorded in guest/apps/checksums.txt (which the guest
# runs are held to as well), and another with seed=2.  Each run starts in an
# empty folder and must leave it empty (the files a workload creates are
# its own to remove).  Also: "help" and a bad argument.
. "$top_srcdir/tests/lib.sh"
hostdir=$(cd "$top_builddir" && pwd)/guest/apps/host
# Under --enable-sanitizers: a workload never frees what it holds at exit
# (a guest process's memory goes with it), which is no leak to report.
ASAN_OPTIONS=detect_leaks=0
export ASAN_OPTIONS
[ -r "$checksums" ] || fail "$checksums: missing"

# run NAME ARGS...: the workload's last line, in $last; the run's output in
# $scratch/NAME.out.
run() {
	name=$1
	shift
	rm -rf "$scratch/cwd"
	mkdir "$scratch/cwd"
	(cd "$scratch/cwd" && "$hostdir/$name" "$@") >"$scratch/$name.out" 2>"$scratch/$name.err" ||
		fail "$name $*: exited $?: $(cat "$scratch/$name.err")"
	[ -s "$scratch/$name.err" ] && fail "$name $*: wrote to stderr: $(cat "$scratch/$name.err")"
	left=$(ls -A "$scratch/cwd")
	[ -z "$left" ] || fail "$name $*: left files behind: $left"
	last=$(tail -n 1 "$scratch/$name.out")
	echo "$last" | grep -Eq "^checksum $name 0x[0-9a-f]{8}\$" ||
		fail "$name $*: last line is '$last', not its checksum"
}

names=$(sed -n 's/^WORKLOAD(\([a-z0-9_]*\),.*/\1/p' "$top_srcdir/guest/apps/workloads.def")
[ -n "$names" ] || fail "no WORKLOAD in workloads.def"
for name in $names; do
	want=$(checksum_of "$name")
	[ -n "$want" ] || fail "$checksums: no checksum for $name"
	run "$name"
	first=$last
	[ "$first" = "checksum $name $want" ] ||
		fail "$name: '$first', but $checksums says $want"
	run "$name"
	[ "$last" = "$first" ] || fail "$name: '$first' then '$last' on a second run"
	run "$name" seed=2
	[ "$last" != "$first" ] || fail "$name: seed=2 gives the same '$last' as seed=1"
	echo "ok $name $want"
done

# Arguments: the table of parameters, and one clear error for a bad one.
expect_status 0 "$hostdir/nullsys" help
grep -q '^  iters ' "$scratch/out" || fail "nullsys help lacks iters: $(cat "$scratch/out")"
expect_error 2 "unknown argument 'bogus=1'" "$hostdir/nullsys" bogus=1
expect_error 2 "iters must be a number in 1..100000000, not '0'" "$hostdir/nullsys" iters=0
expect_error 2 "seed must be a number" "$hostdir/nullsys" seed=12x
exit 0
