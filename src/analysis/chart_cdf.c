/* Chart "cdf": for each group, the cumulative distribution of cycles per
 * event of each guest service that carries a histogram (the trap types and
 * system calls), from the histograms in the results, merged over the seeds.
 * The curve joins the bin edges: at each upper edge, the fraction of events
 * at or below it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/chart.h"

static bool one(struct chart_ctx *c, const struct group *g, bool *made)
{
	struct results m;
	if (!group_merge(g, &m))
		return false;
	size_t nseries = 0;
	for (size_t r = 0; r < m.nrows; r++)
		nseries += m.rows[r].dist.present && m.rows[r].dist.nbins > 0;
	*made = nseries > 0;
	if (!nseries) {
		results_free(&m);
		return true;
	}
	char name[300];
	memcpy(name, "cdf-", 4);
	chart_file_name(g->label, name + 4, sizeof name - 4);
	FILE *f = chart_begin(c, name);
	if (!f) {
		results_free(&m);
		return false;
	}
	fprintf(f, "# Cumulative distribution of cycles per event by service, %s (%zu run%s).\n"
	           "# One block per service (gnuplot index), its first line the title;\n"
	           "# percentiles read off the merged histogram (uniform within a bin):\n",
	        g->label, g->n, g->n == 1 ? "" : "s");
	for (size_t r = 0; r < m.nrows; r++) {
		const struct results_dist *d = &m.rows[r].dist;
		if (d->present && d->nbins)
			fprintf(f, "#   %-16s events %.0f mean %.3f p50 %.3f p95 %.3f p99 %.3f max %.0f\n",
			        m.rows[r].service, m.rows[r].events, d->mean,
			        fmin(d->median, d->max), fmin(d->p95, d->max), fmin(d->p99, d->max),
			        d->max);
	}
	size_t block = 0;
	for (size_t r = 0; r < m.nrows; r++) {
		const struct results_dist *d = &m.rows[r].dist;
		if (!d->present || !d->nbins)
			continue;
		double total = 0, sum = 0;
		for (size_t i = 0; i < d->nbins; i++)
			total += d->counts[i];
		fprintf(f, "%s", block++ ? "\n\n" : "");
		chart_data_quote(f, m.rows[r].service);
		fprintf(f, " fraction\n%.6f 0\n", d->edges[0]);
		for (size_t i = 0; i < d->nbins; i++) {
			sum += d->counts[i];
			fprintf(f, "%.6f %.6f\n", d->edges[i + 1], total > 0 ? sum / total : 0.0);
		}
	}
	char extra[64], title[400];
	snprintf(extra, sizeof extra, "nseries = %zu", nseries);
	snprintf(title, sizeof title, "Cycles per event by service: %s", g->label);
	results_free(&m);
	return chart_end(c, "cdf", title, extra);
}

static int cdf_make(struct chart_ctx *c, const struct group_set *s, const struct chart_options *o,
                    char *why, size_t whylen)
{
	int made = 0;
	for (size_t k = 0; k < s->n; k++) {
		bool one_made;
		if (!one(c, &s->group[k], &one_made))
			return -1;
		made += one_made;
	}
	if (!made)
		snprintf(why, whylen, "no breakdown row carries a histogram");
	return made;
}

const struct chart chart_cdf = {
	.name = "cdf",
	.summary = "cumulative distribution of cycles per event for each trap type and service",
	.make = cdf_make,
};
