/* The vmmsim trace format, version 2 (traces/FORMAT.md is the reference).
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
#define TRACE_VERSION 2

/* Header tags: name, tag number, kind (u = varint, s = bytes), and the
 * struct trace_header member (trace_io.h) the reader fills. */
#define TRACE_HEADER_FIELDS(X)                                                                     \
	X(VMMSIM_VERSION, 1, s, vmmsim_version)                                                    \
	X(BIG_ENDIAN, 2, u, big_endian)                                                            \
	X(MEM_BYTES, 3, u, mem_bytes)                                                              \
	X(TLB_ENTRIES, 4, u, tlb_entries)                                                          \
	X(WORKLOAD, 5, s, workload)                                                                \
	X(SEED, 6, u, seed)                                                                        \
	X(PROGRAM, 7, s, program)                                                                  \
	X(CMDLINE, 8, s, cmdline)                                                                  \
	X(POLICY, 9, s, policy)                                                                    \
	X(REFILLS, 10, u, refills)                                                                 \
	X(SOURCE, 11, s, source)                                                                   \
	X(COST_MODEL, 12, s, cost_model)                                                           \
	X(IMAGE_END, 13, u, image_end)

/* Record kinds: name, byte, number of varint fields, field names.  Deltas
 * are zigzag varints: pc_delta from the pc of the previous EXCEPTION, PRIV or
 * DEVICE record, badvaddr_delta from the previous EXCEPTION's badvaddr,
 * vpn_delta from the previous REF's page number. */
#define TRACE_RECORDS(X)                                                                           \
	X(END, 0, 2, "instructions cycles")                                                        \
	X(INSNS, 1, 7, "alu load store branch mult div priv")                                      \
	X(EXCEPTION, 2, 5, "code flags badvaddr_delta pc_delta v0")                                   \
	X(PRIV, 3, 3, "insn pc_delta value")                                                       \
	X(MARK, 4, 1, "service")                                                                   \
	X(REF, 5, 3, "vpn_delta asid kind_mode")                                                   \
	X(TLB_WRITE, 6, 5, "index pagemask entryhi entrylo0 entrylo1")                             \
	X(PTE, 7, 3, "vpn asid entrylo")                                                           \
	X(DEVICE, 8, 3, "vaddr access value")                                                     \
	X(PAGE_HASH, 9, 2, "ppn hash")                                                             \
	X(REFILL, 10, 7, "code flags badvaddr_delta pc_delta entrylo0 entrylo1 index")

/* INSNS fields: the instructions retired by class, in this order (the
 * recorder counts them so in m->rec_class; the importer too). */
enum { REC_ALU, REC_LOAD, REC_STORE, REC_BRANCH, REC_MULT, REC_DIV, REC_PRIV, REC_NCLASSES };

/* EXCEPTION flags */
#define TRACE_EXC_REFILL 1u    /* a TLB miss with no matching entry (the refill vector) */
#define TRACE_EXC_BD 2u        /* raised in a branch delay slot */
#define TRACE_EXC_TLB 4u       /* a TLB exception: Context and EntryHi are loaded */
#define TRACE_EXC_BADVADDR 8u  /* BadVAddr is loaded */
#define TRACE_EXC_CE_SHIFT 4   /* bits 4-5: the coprocessor of a CpU exception */
#define TRACE_EXC_FLAGS_MAX 0x3fu

/* REF kind_mode: kind * 4 + mode, plus TRACE_REF_FAULTED when the access
 * raised an exception (the EXCEPTION record follows). */
enum trace_ref_kind { TRACE_REF_FETCH, TRACE_REF_LOAD, TRACE_REF_STORE };
#define TRACE_REF_FAULTED 16u
#define TRACE_REF_KIND_MODE_MAX 0x1fu

/* REFILL: a TLB refill the guest's handler served exactly as the first one
 * the trace holds in full (its template): same instructions, same
 * privileged instructions at the same addresses, only the EntryLo0 and
 * EntryLo1 it loaded differ, and the TLB index its TLBWR chose.  flags:
 * TRACE_EXC_BD, and the number of REF records that follow it and are the
 * handler's own references (at most TRACE_REFILL_NREFS_MAX).  A PRIV record's value for TLBWR and TLBWI is the index it
 * wrote. */

#define TRACE_REFILL_NREFS_SHIFT 4
#define TRACE_REFILL_NREFS_MAX 63
#define TRACE_REFILL_FLAGS_MAX (TRACE_REFILL_NREFS_MAX << TRACE_REFILL_NREFS_SHIFT | TRACE_EXC_BD)

/* DEVICE access: the size in bytes (1, 2, 4), plus TRACE_DEVICE_STORE. */
#define TRACE_DEVICE_STORE 8u

/* PRIV records carry every privileged instruction. */

enum trace_record_kind {
#define TRACE_RECORD_ENUM(name, byte, nfields, fields) TRACE_REC_##name = byte,
	TRACE_RECORDS(TRACE_RECORD_ENUM)
#undef TRACE_RECORD_ENUM
	TRACE_NKINDS
};

enum trace_header_tag {
#define TRACE_HEADER_ENUM(name, tag, kind, member) TRACE_HDR_##name = tag,
	TRACE_HEADER_FIELDS(TRACE_HEADER_ENUM)
#undef TRACE_HEADER_ENUM
};

#define TRACE_MAX_FIELDS 7
#define TRACE_MAX_STRING 4096

#endif
