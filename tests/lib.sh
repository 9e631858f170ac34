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
