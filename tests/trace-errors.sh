#!/bin/sh
# Damaged and unsupported traces: vmmsim replay and vmmsim trace-info exit
# with status 2 and one error line naming the file and, for a problem inside
# the stream, the byte offset where it is (traces/FORMAT.md).  The damaged
# files are built here from a small recording: its header, then records
# written with printf (kind byte and LEB128 varints, src/trace/trace_format.h).
. "$top_srcdir/tests/lib.sh"

"$VMMSIM" record --workload nullsys --arg iters=1 --quiet -o "$scratch/ok.vtr.gz" >/dev/null ||
	fail "record nullsys"
gzip -dc "$scratch/ok.vtr.gz" >"$scratch/ok.raw" || fail "the recording does not decompress"
size=$(wc -c <"$scratch/ok.raw")

# The header's length: magic, version varint, then tag/length/bytes fields
# up to tag 0 (all varints LEB128).
hdrlen=$(od -An -v -tu1 "$scratch/ok.raw" | awk '
	{ for (i = 1; i <= NF; i++) b[n++] = $i }
	function varint(   v, m) {
		v = 0; m = 1
		while (b[pos] >= 128) { v += (b[pos] - 128) * m; m *= 128; pos++ }
		v += b[pos] * m; pos++
		return v
	}
	END {
		pos = 8; varint()
		while (pos < n) {
			if (varint() == 0) { print pos; exit }
			pos += varint()
		}
	}')
[ -n "$hdrlen" ] && [ "$hdrlen" -gt 8 ] && [ "$hdrlen" -lt "$size" ] ||
	fail "cannot find the end of the header ($hdrlen of $size bytes)"
head -c "$hdrlen" "$scratch/ok.raw" >"$scratch/hdr.raw"

# make NAME: stdin, gzipped, becomes $scratch/NAME.vtr.gz
make_trace() {
	gzip -c >"$scratch/$1.vtr.gz" || fail "gzip $1"
}
# with_records NAME PRINTF-FORMAT: the recording's header, then these bytes
with_records() {
	{
		cat "$scratch/hdr.raw"
		# shellcheck disable=SC2059
		printf "$2"
	} | make_trace "$1"
}
# both STATUS PATTERN NAME: replay and trace-info agree on the error
both() {
	expect_error "$1" "$2" "$VMMSIM" trace-info "$scratch/$3.vtr.gz"
	grep -q "$scratch/$3.vtr.gz" "$scratch/err" || fail "trace-info $3: the error names no file"
	replay_only "$@"
}
replay_only() {
	expect_error "$1" "$2" "$VMMSIM" replay --quiet "$scratch/$3.vtr.gz"
	grep -q "$scratch/$3.vtr.gz" "$scratch/err" || fail "replay $3: the error names no file"
}

# the stream cut in half, compressed again
head -c $((size / 2)) "$scratch/ok.raw" | make_trace truncated
both 2 "byte $((size / 2)): the file ends inside .*(truncated?)" truncated

# the compressed file cut short
head -c $(($(wc -c <"$scratch/ok.vtr.gz") / 2)) "$scratch/ok.vtr.gz" >"$scratch/cut.vtr.gz"
both 2 "byte [0-9]*: .*truncated" cut

# a corrupt gzip stream: bytes overwritten in the middle of the compressed data
cp "$scratch/ok.vtr.gz" "$scratch/corrupt.vtr.gz"
printf 'garbage garbage garbage' |
	dd of="$scratch/corrupt.vtr.gz" bs=1 seek=1000 conv=notrunc 2>/dev/null || fail "dd"
both 2 "damaged compressed data" corrupt

# a wrong magic number
{ printf 'VMMSIMTX'; tail -c +9 "$scratch/ok.raw"; } | make_trace magic
both 2 "byte 0: wrong magic number" magic

# a newer version, and an older one (record again)
{ printf 'VMMSIMTR\003'; tail -c +10 "$scratch/ok.raw"; } | make_trace v3
both 2 "byte 8: trace format version 3; this vmmsim reads version 2\$" v3
{ printf 'VMMSIMTR\001'; tail -c +10 "$scratch/ok.raw"; } | make_trace v1
both 2 "byte 8: trace format version 1; .*record the trace again" v1

# records the reader refuses, right after the header
with_records kind '\013\000\000'
both 2 "byte $hdrlen: record kind 11 is unknown" kind
with_records exc_code '\002\050\000\000\000\000'
both 2 "byte $hdrlen: EXCEPTION code 40 is out of range" exc_code
with_records ref_mode '\005\000\001\037'
both 2 "byte $hdrlen: REF kind_mode 31 names no kind or mode" ref_mode
with_records ref_asid '\005\000\200\002\004'
both 2 "byte $hdrlen: REF asid 256 is out of range" ref_asid
with_records bad_varint '\001\377\377\377\377\377\377\377\377\377\377\001'
both 2 "byte $((hdrlen + 1)): INSNS is not a valid varint" bad_varint

# bytes after END
{ cat "$scratch/ok.raw"; printf '\000'; } | make_trace after_end
both 2 "byte $size: data after the END record" after_end

# records that read cleanly but cannot be replayed: a REF below page 0 (the
# first REF's page is a delta from 0), a REFILL before any refill in full
with_records ref_page '\005\001\001\004\000\000\000'
replay_only 2 "byte $hdrlen: REF page -1 is out of range" ref_page
refill_fields=$(sed -n 's/.*X(REFILL, 10, \([0-9]*\),.*/\1/p' "$top_srcdir/src/trace/trace_format.h")
[ -n "$refill_fields" ] || fail "no REFILL record in src/trace/trace_format.h"
with_records refill "\\012$(printf '%*s' "$refill_fields" '' | sed 's/ /\\000/g')\\000\\000\\000"
replay_only 2 "byte $hdrlen: a REFILL record before any refill in full" refill

# no file, a directory
for cmd in trace-info replay; do
	expect_error 2 "$scratch/none.vtr.gz: No such file" "$VMMSIM" $cmd "$scratch/none.vtr.gz"
	mkdir -p "$scratch/dir.vtr.gz"
	expect_error 2 "$scratch/dir.vtr.gz: " "$VMMSIM" $cmd "$scratch/dir.vtr.gz"
done
echo "PASS trace errors (header of $hdrlen bytes, recording of $size bytes)"
