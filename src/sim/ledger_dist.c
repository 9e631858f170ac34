/* Per-row cycle distributions (ledger_dist.h). */
#include "sim/ledger_dist.h"

#include <gsl/gsl_histogram.h>
#include <gsl/gsl_rstat.h>
#include <math.h>
#include <stdlib.h>

struct ledger_dist {
	gsl_rstat_workspace *moments;
	gsl_rstat_quantile_workspace *p95, *p99;
	gsl_histogram *hist;
	double max;
	double lo, top; /* the histogram's range: values are clamped into it */
};

/* The tail quantiles' P-square estimators see every event up to this many,
 * then one event in QUANTILE_STRIDE (a fixed, deterministic sample): they
 * were most of the time of a run of short kernel entries, and a quantile of
 * tens of thousands of events moves little when sampled. */
#define QUANTILE_ALL 4096u
#define QUANTILE_STRIDE 16u

double ledger_dist_edge(unsigned i)
{
	return pow(2.0, (double)i / 2.0);
}

struct ledger_dist *ledger_dist_new(void)
{
	struct ledger_dist *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->moments = gsl_rstat_alloc();
	d->p95 = gsl_rstat_quantile_alloc(0.95);
	d->p99 = gsl_rstat_quantile_alloc(0.99);
	d->hist = gsl_histogram_alloc(LEDGER_DIST_BINS);
	if (!d->moments || !d->p95 || !d->p99 || !d->hist) {
		ledger_dist_free(d);
		return NULL;
	}
	double edges[LEDGER_DIST_BINS + 1];
	for (unsigned i = 0; i <= LEDGER_DIST_BINS; i++)
		edges[i] = ledger_dist_edge(i);
	gsl_histogram_set_ranges(d->hist, edges, LEDGER_DIST_BINS + 1);
	d->lo = edges[0];
	d->top = nextafter(edges[LEDGER_DIST_BINS], 0.0);
	return d;
}

void ledger_dist_free(struct ledger_dist *d)
{
	if (!d)
		return;
	if (d->moments)
		gsl_rstat_free(d->moments);
	if (d->p95)
		gsl_rstat_quantile_free(d->p95);
	if (d->p99)
		gsl_rstat_quantile_free(d->p99);
	if (d->hist)
		gsl_histogram_free(d->hist);
	free(d);
}

void ledger_dist_add(struct ledger_dist *d, uint64_t cycles)
{
	double x = (double)cycles;
	gsl_rstat_add(x, d->moments);
	size_t n = gsl_rstat_n(d->moments);
	if (n <= QUANTILE_ALL || n % QUANTILE_STRIDE == 0) {
		gsl_rstat_quantile_add(x, d->p95);
		gsl_rstat_quantile_add(x, d->p99);
	}
	if (x > d->max)
		d->max = x;
	/* clamp into the histogram's range so every event is counted */
	gsl_histogram_increment(d->hist, x < d->lo ? d->lo : x > d->top ? d->top : x);
}

void ledger_dist_summary(const struct ledger_dist *d, struct ledger_dist_summary *s)
{
	s->n = gsl_rstat_n(d->moments);
	s->mean = gsl_rstat_mean(d->moments);
	s->sd = s->n > 1 ? gsl_rstat_sd(d->moments) : 0.0;
	s->median = gsl_rstat_median(d->moments);
	s->p95 = gsl_rstat_quantile_get(d->p95);
	s->p99 = gsl_rstat_quantile_get(d->p99);
	s->max = d->max;
}

uint64_t ledger_dist_count(const struct ledger_dist *d, unsigned bin)
{
	return (uint64_t)gsl_histogram_get(d->hist, bin);
}
