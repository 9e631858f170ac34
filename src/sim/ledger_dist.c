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
};

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
	gsl_rstat_quantile_add(x, d->p95);
	gsl_rstat_quantile_add(x, d->p99);
	if (x > d->max)
		d->max = x;
	/* clamp into the histogram's range so every event is counted */
	double lo = ledger_dist_edge(0), hi = ledger_dist_edge(LEDGER_DIST_BINS);
	double h = x < lo ? lo : x >= hi ? nextafter(hi, 0.0) : x;
	gsl_histogram_increment(d->hist, h);
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
