/* Reading result files (`vmmsim run --out`, doc/results-format.md) for the
 * analysis commands.  The reader checks what it uses and ignores fields it
 * does not know, so that newer files (fields are added, never renamed) still
 * read; a file that is not a result gives one message naming it. */
#ifndef VMMSIM_RESULTS_H
#define VMMSIM_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

/* The distribution of cycles per event of a guest-kernel row, when the file
 * carries it. */
struct results_dist {
	bool present;
	double mean, sd, median, p95, p99, max;
	size_t nbins;   /* counts[nbins], edges[nbins + 1] */
	double *edges;  /* cycles; counts[i] lies between edges[i] and edges[i+1] */
	double *counts; /* events per bin */
};

/* One row of the breakdown.  Counts are held as doubles: they are exact up
 * to 2^53 and the statistics want doubles anyway. */
struct results_row {
	const char *who, *service, *component; /* owned by the JSON tree */
	double events, cycles, instructions;
	struct results_dist dist;
};

struct results {
	char *path;
	json_t *root;         /* the whole file, for fields looked up by name */
	const char *workload; /* NULL for a bare-metal program */
	const char *policy;
	const char *program;
	bool has_seed;
	uint64_t seed;
	double total_cycles, idle_cycles, instructions;
	size_t nrows;
	struct results_row *rows;
	bool has_memory; /* "memory": {"virtual_bytes", "machine_bytes"} */
	double virtual_bytes, machine_bytes;
	unsigned vms; /* "vms" (or "vmm": {"vms"}), 1 when absent */
};

/* Read and check one result file; false with "PATH: what is wrong" in err. */
bool results_load(const char *path, struct results *r, char *err, size_t errlen);
void results_free(struct results *r);

/* Read n files into r[n] (callers allocate); on the first bad one, free
 * what was read and return false with its message. */
bool results_load_all(char *const *paths, size_t n, struct results *r, char *err, size_t errlen);

/* The configuration of a run: every field that says how it was made rather
 * than what came out.  Two results with equal configurations differ only in
 * their seed.  The rule, so that fields added later are handled without a
 * change here: top-level strings, booleans and null are configuration (the
 * program by its base name), except "stop"; top-level numbers are
 * configuration except the measured ones listed in results.c and the seed;
 * objects are measurements except those named "args", "params",
 * "parameters", "options" or "config", which are configuration; of "tlb"
 * only "entries" is; "vms" always is (from the top level or "vmm", 1 when
 * absent).  Fields named in `ignore` (a NULL-terminated list) are
 * left out. */
json_t *results_config(const struct results *r, const char *const *ignore);

/* A numeric field by dotted path ("tlb.entries", "args.files"); false when
 * absent or not a number. */
bool results_number(const struct results *r, const char *dotted, double *value);

/* The value of a field by dotted path as text (numbers, strings, booleans);
 * false when absent. */
bool results_text(const struct results *r, const char *dotted, char *buf, size_t len);

/* The row index of (who, service, component), or -1. */
long results_find_row(const struct results *r, const char *who, const char *service,
                      const char *component);

#endif
