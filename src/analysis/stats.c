/* Summary statistics: see stats.h. */
#include "analysis/stats.h"

#include <assert.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

void stats_summarize(double *x, size_t n, struct stats_summary *s)
{
	assert(n >= 1);
	gsl_sort(x, 1, n);
	s->n = n;
	s->mean = gsl_stats_mean(x, 1, n);
	s->median = gsl_stats_median_from_sorted_data(x, 1, n);
	s->min = x[0];
	s->max = x[n - 1];
	if (n < 2) {
		s->sd = s->ci_low = s->ci_high = NAN;
		return;
	}
	s->sd = gsl_stats_sd_m(x, 1, n, s->mean);
	double half = gsl_cdf_tdist_Pinv(0.975, (double)(n - 1)) * s->sd / sqrt((double)n);
	s->ci_low = s->mean - half;
	s->ci_high = s->mean + half;
}

/* GSL's histogram PDF does the uniform-within-bin inversion for us. */
double stats_histogram_quantile(const double *edges, const double *counts, size_t nbins,
                                double q)
{
	if (!nbins)
		return NAN;
	gsl_histogram *h = gsl_histogram_alloc(nbins);
	gsl_histogram_set_ranges(h, edges, nbins + 1);
	for (size_t i = 0; i < nbins; i++)
		gsl_histogram_accumulate(h, 0.5 * (edges[i] + edges[i + 1]), counts[i]);
	double value = NAN;
	if (gsl_histogram_sum(h) > 0) {
		gsl_histogram_pdf *p = gsl_histogram_pdf_alloc(nbins);
		gsl_histogram_pdf_init(p, h);
		value = gsl_histogram_pdf_sample(p, q < 1 ? q : nextafter(1.0, 0.0));
		gsl_histogram_pdf_free(p);
	}
	gsl_histogram_free(h);
	return value;
}
