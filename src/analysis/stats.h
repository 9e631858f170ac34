/* Summary statistics of a small sample (one figure over the seeds of a
 * group of runs), all computed by GSL. */
#ifndef VMMSIM_STATS_H
#define VMMSIM_STATS_H

#include <stddef.h>

struct stats_summary {
	size_t n;
	double mean;
	double sd;             /* sample standard deviation (n - 1); NAN when n < 2 */
	double ci_low, ci_high; /* 95% confidence interval of the mean from
	                         * Student's t with n - 1 degrees of freedom;
	                         * NAN when n < 2 */
	double median, min, max;
};

/* Summarize x[0..n-1] (n >= 1); x is sorted in place. */
void stats_summarize(double *x, size_t n, struct stats_summary *s);

/* The q-quantile (0..1) of a histogram read as a distribution that is
 * uniform inside each bin (edges[nbins+1], counts[nbins]); NAN if empty. */
double stats_histogram_quantile(const double *edges, const double *counts, size_t nbins,
                                double q);

#endif
