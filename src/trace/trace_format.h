/* The vmmsim trace format, version 1 (traces/FORMAT.md is the reference).
 *
 * A trace file is a gzip stream (zlib's gz* functions; `zcat` shows the raw
 * bytes).  Its uncompressed content:
 *
 *   magic    8 bytes "VMMSIMTR"
 *   version  varint (TRACE_VERSION; a reader refuses newer versions)
 *   header   fields: varint tag, varint length, that many bytes; tag 0 ends
 *            the header (unknown tags are skipped: old readers read newer
 *            headers as long as the version allows)
 *   records  one kind byte, then the kind's varint fields (table below);
 *            TRACE_REC_END closes the trace with totals to check against.
 *
 * Varints are unsigned LEB128 (7 bits a byte, low first, at most 10 bytes);
 * signed deltas are zigzag-encoded first.
 */
#ifndef VMMSIM_TRACE_FORMAT_H
#define VMMSIM_TRACE_FORMAT_H

#define TRACE_MAGIC "VMMSIMTR"
#define TRACE_MAGIC_LEN 8
#define TRACE_VERSION 1

/* Header tags: name, tag number, kind (u = varint, s = bytes). */
#define TRACE_HEADER_FIELDS(X)                                                                     \
	X(VMMSIM_VERSION, 1, s)                                                                    \
	X(BIG_ENDIAN, 2, u)                                                                        \
	X(MEM_BYTES, 3, u)                                                                         \
	X(TLB_ENTRIES, 4, u)                                                                       \
	X(WORKLOAD, 5, s)                                                                          \
	X(SEED, 6, u)                                                                              \
	X(PROGRAM, 7, s)                                                                           \
	X(CMDLINE, 8, s)                                                                           \
	X(POLICY, 9, s)

/* Record kinds: name, byte, number of varint fields, field names. */
#define TRACE_RECORDS(X)                                                                           \
	X(END, 0, 2, "instructions cycles")                                                        \
	X(INSNS, 1, 7, "alu load store branch mult div priv")                                      \
	X(MODE, 2, 1, "mode")                                                                      \
	X(EXCEPTION, 3, 4, "code flags badvaddr_delta pc_delta")                                   \
	X(ERET, 4, 0, "")                                                                          \
	X(MARK, 5, 1, "service")                                                                   \
	X(IDLE, 6, 1, "cycles")                                                                    \
	X(REF, 7, 3, "vpn_delta asid kind_mode")                                                   \
	X(TLB_WRITE, 8, 5, "index pagemask entryhi entrylo0 entrylo1")                             \
	X(CP0_WRITE, 9, 2, "reg_sel value")                                                        \
	X(PAGE_HASH, 10, 2, "ppn hash")

enum trace_record_kind {
#define TRACE_RECORD_ENUM(name, byte, nfields, fields) TRACE_REC_##name = byte,
	TRACE_RECORDS(TRACE_RECORD_ENUM)
#undef TRACE_RECORD_ENUM
	TRACE_NKINDS
};

enum trace_header_tag {
#define TRACE_HEADER_ENUM(name, tag, kind) TRACE_HDR_##name = tag,
	TRACE_HEADER_FIELDS(TRACE_HEADER_ENUM)
#undef TRACE_HEADER_ENUM
};

#define TRACE_MAX_FIELDS 7
#define TRACE_MAX_STRING 4096

#endif
