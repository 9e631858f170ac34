/* The distribution of cycles per event of one ledger row, in bounded memory
 * (GSL): running moments (gsl_rstat), streaming quantiles (the P-square
 * algorithm of gsl_rstat_quantile) and a fixed histogram of log-spaced bins,
 * so a run of any length keeps a few hundred bytes per row. */
#ifndef VMMSIM_LEDGER_DIST_H
#define VMMSIM_LEDGER_DIST_H

#include <stddef.h>
#include <stdint.h>

/* Histogram bins: half-octave edges 2^(k/2) cycles for k = 0..LEDGER_DIST_BINS,
 * from 1 cycle up to 2^32; an event outside goes to the first or last bin. */
#define LEDGER_DIST_BINS 64

struct ledger_dist;

struct ledger_dist_summary {
	size_t n;
	double mean, sd, median, p95, p99, max;
};

struct ledger_dist *ledger_dist_new(void);
void ledger_dist_free(struct ledger_dist *d);
void ledger_dist_add(struct ledger_dist *d, uint64_t cycles);
void ledger_dist_summary(const struct ledger_dist *d, struct ledger_dist_summary *s);
/* Bin i covers [edge(i), edge(i+1)); counts are whole events. */
double ledger_dist_edge(unsigned i);
uint64_t ledger_dist_count(const struct ledger_dist *d, unsigned bin);

#endif
