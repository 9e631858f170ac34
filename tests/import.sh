#!/bin/sh
# vmmsim import (traces/IMPORT.md): the samples in traces/samples import into
# valid traces whose counts match what awk computes from the input itself;
# bad input is one error line naming the file and line, exit status 2; and,
# when vmmsim replay is built, the imported trace replays with one
# DEMAND_ZERO fault per page and more TLB refills in a smaller TLB.
. "$top_srcdir/tests/lib.sh"
samples=$top_srcdir/traces/samples

# expected FORMAT FILE: "instructions pages refs" computed from the input:
# every reference normalized to "KIND ADDRESS" (f fetch, l load, s store),
# the address folded into kuseg (addr & 0x7fffffff) and cut to its 4 KiB
# page as a hex string, then the importer's rules: one instruction per
# fetch, a REF for a fetch whose page differs from the last fetch's, for a
# load or store whose page or kind differs from the last one's, and two for
# a page's first touch (the access, then the faulted one).
expected() {
	gzip -dc "$2" | awk -v fmt="$1" '
	fmt == "lackey" && /^(==|--)/ { next }
	fmt == "lackey" { split($2, a, ","); k = $1 == "I" ? "f" : $1 == "L" ? "l" : $1 == "S" ? "s" : "m" }
	fmt == "din" { a[1] = $2; k = $1 == "2" ? "f" : $1 == "0" ? "l" : $1 == "1" ? "s" : "" }
	fmt == "dinD" { a[1] = $2; t = tolower($1)
		k = t == "i" ? "f" : t == "r" || t == "m" ? "l" : t == "w" ? "s" : "" }
	k == "m" { print "l", a[1]; print "s", a[1]; next }
	k != "" { print k, a[1] }' | awk '
	function page(x,   h, top) {
		h = tolower(x); sub(/^0x/, "", h)
		while (length(h) < 8) h = "0" h
		h = substr(h, length(h) - 7, 5)          # bits 31..12
		top = index("0123456789abcdef", substr(h, 1, 1)) - 1
		return (top % 8) substr(h, 2)            # bit 31 folded away
	}
	{ p = page($2) }
	$1 == "f" { insns++ }
	!(p in seen) { seen[p] = 1; pages++; refs += 2 }
	seen[p] == 2 && $1 == "f" && p != lastf { refs++ }
	seen[p] == 2 && $1 != "f" && (p != lastd || $1 != lastk) { refs++ }
	{ seen[p] = 2; if ($1 == "f") lastf = p; else { lastd = p; lastk = $1 } }
	END { printf "%d %d %d\n", insns, pages, refs }'
}

# record_count KIND: from the trace-info output in $scratch/out
record_count() {
	sed -n "s/^  $1 *\([0-9]*\)\$/\1/p" "$scratch/out"
}

# The modelled kernel's demand-zero handler: its INSNS template (alu, load,
# store, branch, src/trace/import_model.c) and five PRIV records.
handler=$((2228 + 88 + 1094 + 1082 + 5))

check_import() {
	fmt=$1 input=$2
	set -- $(expected "$fmt" "$input")
	insns=$1 pages=$2 refs=$3
	[ "$pages" -gt 0 ] && [ "$refs" -gt "$pages" ] || fail "$input: awk found no references"
	expect_status 0 "$VMMSIM" import --from "$fmt" -o "$scratch/$fmt.vtr.gz" "$input"
	grep -q "$insns instructions, .* $pages pages touched" "$scratch/err" ||
		fail "$input: summary '$(cat "$scratch/err")', expected $insns instructions, $pages pages"
	expect_status 0 "$VMMSIM" trace-info "$scratch/$fmt.vtr.gz"
	grep -q "^source *$fmt (TLB refills left to replay)\$" "$scratch/out" ||
		fail "$fmt: header: $(cat "$scratch/out")"
	for kind in PTE EXCEPTION MARK; do
		[ "$(record_count $kind)" = "$pages" ] ||
			fail "$fmt: $(record_count $kind) $kind records, expected one a page: $pages"
	done
	[ "$(record_count PRIV)" = $((5 * pages)) ] || fail "$fmt: $(record_count PRIV) PRIV records"
	[ "$(record_count REF)" = "$refs" ] || fail "$fmt: $(record_count REF) REF records, expected $refs"
	total=$(sed -n 's/^instructions *//p' "$scratch/out")
	[ "$total" = $((insns + pages * handler)) ] ||
		fail "$fmt: $total instructions, expected $insns + $pages x $handler"
}

check_import lackey "$samples/walk.lackey.gz"
check_import din "$samples/walk.din.gz"
check_import dinD "$samples/transpose.dinD.gz"
echo "PASS import: the samples"

# the same program in lackey and din gives the same records; plain text
# reads as gzip does
info() {
	"$VMMSIM" trace-info "$1" | grep -v -e '^trace ' -e '^program ' -e '^source '
}
info "$scratch/lackey.vtr.gz" >"$scratch/lackey.info"
info "$scratch/din.vtr.gz" >"$scratch/din.info"
cmp -s "$scratch/lackey.info" "$scratch/din.info" || fail "walk: lackey and din imports differ"
gzip -dc "$samples/transpose.dinD.gz" >"$scratch/plain.dinD"
expect_status 0 "$VMMSIM" import --from dinD -o "$scratch/plain.vtr.gz" "$scratch/plain.dinD"
info "$scratch/plain.vtr.gz" >"$scratch/plain.info"
info "$scratch/dinD.vtr.gz" >"$scratch/dinD.info"
cmp -s "$scratch/plain.info" "$scratch/dinD.info" || fail "plain text and gzip imports differ"
echo "PASS import: same program, two formats; plain text"

# bad input: exit 2, one line naming the file and the line, no trace left
bad() {
	fmt=$1 pattern=$2
	shift 2
	printf "$@" >"$scratch/bad"
	expect_error 2 "bad: $pattern" "$VMMSIM" import --from "$fmt" -o "$scratch/bad.vtr.gz" "$scratch/bad"
	[ ! -e "$scratch/bad.vtr.gz" ] || fail "a trace was left behind for bad input ($pattern)"
	ls "$scratch" | grep -q '\.tmp' && fail "a temporary file was left behind ($pattern)"
	return 0
}
bad din "line 2: no address" '2 400000\n2\n'
bad din "line 3: unknown label 5" '2 400000\n0 1000\n5 1000\n'
bad din "line 1: label 'x2' is not a hexadecimal" 'x2 400000\n'
bad din "line 2: address '12xz' is not a hexadecimal" '2 400000\n0 12xz\n'
bad din "line 2: address '1234567890abcdef0' is not" '2 400000\n0 1234567890abcdef0\n'
bad dinD "line 1: no size" 'i 400000\n'
bad dinD "line 2: unknown access type 'q'" 'i 400000 4\nq 1000 4\n'
bad dinD "line 1: size 'zz' is not" 'r 1000 zz\n'
bad lackey "line 3: 'X 1234,4' is not a lackey line" '==1== hello\nI  400000,4\nX 1234,4\n'
bad lackey "line 1: no ',SIZE' after the address" 'I  400000\n'
bad lackey "line 1: size 'x' is not a decimal" ' L 400000,x\n'
bad lackey "line 1: unexpected 'junk' after the size" 'I  400000,4 junk\n'
bad din "line 1: the input ends without a memory reference" ''
bad lackey "line 3: the input ends without a memory reference" '==1== a\n==1== b\n'
bad din "line 2: the input ends without a memory reference" '3 0\n'
# a damaged gzip stream
head -c 3000 "$samples/walk.din.gz" >"$scratch/cut.gz"
expect_error 2 "cut.gz: line [0-9]*: gzip stream: unexpected end of file" "$VMMSIM" import --from din -o "$scratch/bad.vtr.gz" "$scratch/cut.gz"
# the page pool: frames from 4 MiB up, 10 of them in 4136K
expect_error 2 "walk.lackey.gz: line [0-9]*: the modelled kernel is out of memory: more than 10 pages" \
	"$VMMSIM" import --from lackey --mem 4136K -o "$scratch/bad.vtr.gz" "$samples/walk.lackey.gz"
expect_error 2 "missing.din: No such file" \
	"$VMMSIM" import --from din -o "$scratch/bad.vtr.gz" "$scratch/missing.din"
expect_error 2 "unknown format 'pixie'" "$VMMSIM" import --from pixie -o "$scratch/x" "$samples/walk.din.gz"
expect_error 2 "give --from" "$VMMSIM" import --from din "$samples/walk.din.gz"
expect_status 0 "$VMMSIM" import --help
grep -q lackey "$scratch/out" || fail "import --help names no formats"
echo "PASS import: bad input"

# replay: one DEMAND_ZERO a page, refills that grow as the TLB shrinks
set -- $(expected lackey "$samples/walk.lackey.gz")
pages=$2
events() {
	sed -n "s/.*\"service\": \"$2\", .*\"events\": \([0-9]*\),.*/\1/p" "$1"
}
for entries in 48 8; do
	"$VMMSIM" replay --quiet --tlb-entries $entries --out "$scratch/r$entries.json" \
		"$scratch/lackey.vtr.gz" 2>"$scratch/err" ||
		fail "replay ($entries entries) exited $?: $(cat "$scratch/err")"
	[ "$(events "$scratch/r$entries.json" DEMAND_ZERO)" = "$pages" ] ||
		fail "replay ($entries entries): DEMAND_ZERO $(events "$scratch/r$entries.json" DEMAND_ZERO), expected $pages"
done
m48=$(events "$scratch/r48.json" UTLB_MISS)
m8=$(events "$scratch/r8.json" UTLB_MISS)
[ "${m48:-0}" -gt 0 ] || fail "replay: no UTLB_MISS with 48 entries"
[ "${m8:-0}" -ge "$m48" ] || fail "replay: $m8 UTLB misses with 8 entries, fewer than $m48 with 48"
echo "PASS import: replay ($pages demand-zero faults; UTLB misses $m48 with 48 entries, $m8 with 8)"
