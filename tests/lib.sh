# Shared by the test scripts: sourced, never run.  Expects $VMMSIM,
# $top_srcdir and $top_builddir from the environment (Makefile.am).
set -u
# absolute, so that a script may cd (an in-tree build passes "." for both)
top_srcdir=$(cd "$top_srcdir" && pwd)
top_builddir=$(cd "$top_builddir" && pwd)
case $VMMSIM in /*) ;; *) VMMSIM=$(pwd)/$VMMSIM ;; esac
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
# A fresh scratch folder, removed on exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/vmmsim-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# expect_status WANT CMD...: run CMD, check its exit status, keep stderr.
expect_status() {
	want=$1
	shift
	"$@" >"$scratch/out" 2>"$scratch/err"
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, expected $want; stderr: $(cat "$scratch/err")"
}
# expect_error WANT_STATUS PATTERN CMD...: one error line matching PATTERN.
expect_error() {
	want=$1
	pattern=$2
	shift 2
	expect_status "$want" "$@"
	lines=$(wc -l <"$scratch/err")
	[ "$lines" = 1 ] || fail "$*: expected one error line, got $lines: $(cat "$scratch/err")"
	grep -q -- "$pattern" "$scratch/err" || fail "$*: error '$(cat "$scratch/err")' lacks '$pattern'"
}

# The checksum each workload prints with its defaults ("NAME CHECKSUM" lines).
checksums=$top_srcdir/guest/apps/checksums.txt
# checksum_of NAME: NAME's checksum in $checksums (nothing if it has none)
checksum_of() { awk -v n="$1" '$1 == n { print $2 }' "$checksums"; }
# checksum_names: the workloads $checksums lists
checksum_names() { awk '!/^#/ && NF == 2 { print $1 }' "$checksums"; }

# A results file (vmmsim run --out):
# json_num FILE KEY: one of its top-level numbers
json_num() { sed -n "s/^  \"$2\": \([0-9]*\),\$/\1/p" "$1"; }
# rows_sum FILE: the cycles of every row of its breakdown, added up
rows_sum() {
	sed -n 's/^    {"who": .*"cycles": \([0-9]*\), .*/\1/p' "$1" | awk '{ s += $1 } END { printf "%.0f", s }'
}
# adds_up FILE: true if the breakdown's rows add up to total_cycles
adds_up() { [ "$(rows_sum "$1")" = "$(json_num "$1" total_cycles)" ]; }
# row_cycles FILE WHO SERVICE: the cycles of WHO's rows for SERVICE, added up
row_cycles() {
	grep "\"who\": \"$2\", \"service\": \"$3\"" "$1" | sed 's/.*"cycles": \([0-9]*\),.*/\1/' |
		awk '{ s += $1 } END { printf "%.0f", s }'
}
# row_events FILE WHO SERVICE: the events of WHO's rows for SERVICE, one a line
row_events() { grep "\"who\": \"$2\", \"service\": \"$3\"" "$1" | sed 's/.*"events": \([0-9]*\),.*/\1/'; }
