/* Reading and writing vmmsim traces (trace_format.h): the container only,
 * header fields and records as numbers.  Recording and replay build on it.
 *
 * Every reader error is one line naming the file and the byte offset in the
 * uncompressed stream where the problem is ("t.vtr.gz: byte 1234: record
 * kind 99 is unknown"); a damaged gzip stream is reported with zlib's words.
 * The reader never reads past what it was given and never loops: a truncated
 * or corrupt file ends in an error.
 */
#ifndef VMMSIM_TRACE_IO_H
#define VMMSIM_TRACE_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "trace/trace_format.h"

struct trace_header {
	char vmmsim_version[64];
	uint64_t big_endian, mem_bytes, tlb_entries, seed;
	uint64_t refills; /* 1: the guest's own TLB refills are in the records */
	uint64_t image_end; /* where the loaded image (bss included) ends in memory */
	char workload[64], policy[64];
	char source[64];  /* what wrote it: "vmmsim record", "din", "lackey" */
	char cost_model[TRACE_MAX_STRING]; /* the cost model it ran with (costmodel text) */
	char program[TRACE_MAX_STRING], cmdline[TRACE_MAX_STRING];
	uint64_t version;
};

struct trace_record {
	enum trace_record_kind kind;
	unsigned nfields;
	uint64_t field[TRACE_MAX_FIELDS];
	uint64_t offset; /* where the record starts in the uncompressed stream */
};

struct trace_reader;
struct trace_writer;

/* Open and read the header; NULL with err filled on failure. */
struct trace_reader *trace_reader_open(const char *path, struct trace_header *h, char *err,
                                       size_t errlen);
/* The next record: 1 read, 0 after END (the trace ended properly), -1 error. */
int trace_reader_next(struct trace_reader *r, struct trace_record *rec, char *err,
                      size_t errlen);
void trace_reader_close(struct trace_reader *r);

/* The same reader over a buffer of uncompressed content (for the fuzzer and
 * tests); name is used in error messages. */
struct trace_reader *trace_reader_open_memory(const uint8_t *data, size_t len, const char *name,
                                              struct trace_header *h, char *err,
                                              size_t errlen);

/* Write to path atomically: the file appears, complete, at close. */
struct trace_writer *trace_writer_open(const char *path, const struct trace_header *h,
                                       char *err, size_t errlen);
void trace_writer_record(struct trace_writer *w, enum trace_record_kind kind,
                         const uint64_t *fields);
/* Writes END and renames into place; false (file removed) on any error. */
bool trace_writer_close(struct trace_writer *w, uint64_t insns, uint64_t cycles, char *err,
                        size_t errlen);
/* Give up: remove the temporary file. */
void trace_writer_abort(struct trace_writer *w);

/* Static facts about the record kinds.  The number of fields is asked for
 * every record read and written: inline. */
static inline unsigned trace_record_nfields(enum trace_record_kind kind)
{
	static const unsigned char n[TRACE_NKINDS] = {
#define TRACE_RECORD_N(name, byte, nfields, fields) [byte] = nfields,
		TRACE_RECORDS(TRACE_RECORD_N)
#undef TRACE_RECORD_N
	};
	return (unsigned)kind < TRACE_NKINDS ? n[kind] : 0;
}
const char *trace_record_name(enum trace_record_kind kind);

/* A gzerror message without the "NAME: " zlib starts it with when it
 * names the file: the error line names the file once, itself. */
static inline const char *trace_zlib_message(const char *msg, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(msg, name, n) && !strncmp(msg + n, ": ", 2) ? msg + n + 2 : msg;
}

/* zigzag for signed deltas */
static inline uint64_t trace_zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}
static inline int64_t trace_unzigzag(uint64_t u)
{
	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

/* A record's delta field: now - *last as a signed 32-bit difference,
 * zigzagged; *last becomes now. */
static inline uint64_t trace_delta32(uint32_t *last, uint32_t now)
{
	int64_t d = (int32_t)(now - *last);
	*last = now;
	return trace_zigzag(d);
}

/* Its inverse, for the reader: *last moved by the delta field; the new value. */
static inline uint32_t trace_undelta32(uint32_t *last, uint64_t field)
{
	return *last += (uint32_t)trace_unzigzag(field);
}

/* A REF record's kind_mode field (trace_format.h), and its parts. */
static inline uint64_t trace_ref_kind_mode(unsigned kind, unsigned mode, bool faulted)
{
	return (uint64_t)kind * 4 + mode + (faulted ? TRACE_REF_FAULTED : 0);
}
static inline unsigned trace_ref_kind(uint64_t kind_mode)
{
	return (unsigned)(kind_mode >> 2) & 3;
}
static inline unsigned trace_ref_mode(uint64_t kind_mode)
{
	return (unsigned)kind_mode & 3;
}

#endif
