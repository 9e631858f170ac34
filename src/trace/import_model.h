/* What the trace importers share (import.h): reading the input a line at a
 * time, error lines that name the file and line, hex numbers, and the
 * modelled process and kernel that turn references into trace records.
 *
 * A parser calls import_insn for each instruction (its fetch address) and
 * import_data for each load or store; a data reference before any fetch
 * stands for an instruction of its own.  The model folds every address into
 * kuseg, writes the REF records that reach the TLB, and takes the first
 * touch of each 4 KiB page as a demand-zero page fault of its kernel
 * (traces/IMPORT.md describes the records).
 */
#ifndef VMMSIM_TRACE_IMPORT_MODEL_H
#define VMMSIM_TRACE_IMPORT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/import.h"
#include "trace/trace_format.h"

/* Blanks between fields: spaces and tabs. */
static inline bool import_blank(char c)
{
	return c == ' ' || c == '\t';
}

static inline const char *import_skip_blanks(const char *p)
{
	while (import_blank(*p))
		p++;
	return p;
}

/* Fill err with "FILE: line N: " and the message; returns false. */
bool import_error(struct importer *im, char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A hexadecimal number at *p (an optional 0x, at most 16 digits); *p moves
 * past it.  False if there is no digit or too many. */
bool import_parse_hex(const char **p, uint64_t *v);

/* The references.  False with err filled when the modelled kernel runs out
 * of pages (--mem). */
bool import_insn(struct importer *im, uint64_t pc, char *err, size_t errlen);
bool import_data(struct importer *im, uint64_t addr, enum trace_ref_kind kind, char *err,
                 size_t errlen);

#endif
