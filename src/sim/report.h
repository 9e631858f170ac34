/* The summary of a run: a text table for the terminal and a JSON document
 * for files.  Both are byte-for-byte deterministic: they hold simulated
 * quantities only, never host time. */
#ifndef VMMSIM_REPORT_H
#define VMMSIM_REPORT_H

#include <stdint.h>
#include <stdio.h>

struct machine;

struct report_meta {
	const char *program;   /* the ELF as named on the command line */
	const char *stop_text; /* why the run ended, in words */
	uint32_t memory_bytes; /* each guest's physical memory (0: the machine's) */
	const char *workload;  /* NULL for a bare-metal program */
	uint64_t seed;         /* the workload's seed */
	const char *policy;    /* "native" (a workload), "bare" (a bare-metal program),
	                        * or the VMM's policies ("trap+l2tlb") */
	/* the VMM's own figures, when there is one: JSON members of "vmm", and
	 * a line for the text summary */
	void (*vmm_json)(void *ctx, FILE *out);
	/* the run's configuration beyond the above, as top-level JSON members
	 * (`  "key": value,` lines), so that analyses can group and sweep on it */
	void (*config_json)(void *ctx, FILE *out);
	void *config_ctx;
	void (*vmm_text)(void *ctx, FILE *out);
	void *vmm_ctx;
};

void report_text(FILE *out, const struct machine *m, const struct report_meta *meta);
void report_json(FILE *out, const struct machine *m, const struct report_meta *meta);

/* s as a JSON string, quoted and escaped. */
void report_json_string(FILE *out, const char *s);

/* Why the machine stopped, as a short word for JSON ("halt", "max-insns"...). */
const char *report_stop_name(int stop);

#endif
