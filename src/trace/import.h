/* Importing the address traces of real programs (traces/IMPORT.md): a
 * Dinero IV or Valgrind lackey trace becomes a vmmsim trace of ONE user
 * process under a modelled demand-zero kernel, for vmmsim replay to study
 * TLB and L2TLB behaviour.  Each input format is one parser file
 * (import_din.c, import_lackey.c) listed in the table in import.c; what they
 * share, the modelled kernel and the record emission, is import_model.c.
 */
#ifndef VMMSIM_TRACE_IMPORT_H
#define VMMSIM_TRACE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct importer; /* import_model.h */

/* One input format: its name for --from, the header's source, one line for
 * --help, and the parser that feeds the modelled kernel one input line
 * (without its line ending; blank lines never reach it): false with err
 * filled on a bad line. */
struct import_format {
	const char *name;
	const char *summary;
	bool (*parse_line)(struct importer *im, const char *line, char *err, size_t errlen);
};

extern const struct import_format import_din_format, import_dinD_format, import_lackey_format;

/* The table of formats, NULL-terminated; import_format_find: NULL if unknown. */
extern const struct import_format *const import_formats[];
const struct import_format *import_format_find(const char *name);

/* What an import wrote, for the one-line summary. */
struct import_summary {
	uint64_t instructions;        /* the program's, as counted from the input */
	uint64_t references;          /* fetches, loads and stores read from the input */
	uint64_t ref_records;         /* REF records written (the TLB lookups replay makes) */
	uint64_t pages;               /* distinct 4 KiB pages touched: the demand-zero faults */
	uint64_t kernel_instructions; /* the modelled kernel's (handler template and PRIV) */
	bool no_fetches;              /* the input had no instruction fetches at all */
};

/* Read input (plain text or gzip) in format f and write the trace to output
 * atomically; mem_bytes is the modelled machine's memory (the page pool).
 * False with err filled ("FILE: line N: what is wrong") on bad input or a
 * write error (*write_failed set for the latter). */
bool import_trace(const struct import_format *f, const char *input, const char *output,
                  uint64_t mem_bytes, struct import_summary *s, bool *write_failed, char *err,
                  size_t errlen);

#endif
