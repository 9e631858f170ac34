/* Statistics (src/analysis/stats.c, stats_table.c) against values worked
 * out by hand: mean, sample standard deviation, the 95% t-interval, the
 * median, and quantiles read off a histogram. */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "analysis/stats.h"
#include "unit.h"

/* Student's t, 0.975 quantile: with 2 degrees of freedom in closed form,
 * t = (2p - 1) sqrt(2 / (4p(1 - p))); with 7 from printed tables. */
#define T975_2 (0.95 * sqrt(2 / (4 * 0.975 * 0.025)))
#define T975_7 2.364624251592785

START_TEST(three_values_mean_sd_interval)
{
	/* 9600, 10000, 10400: mean 10000, deviations -400 0 400, sum of squares
	 * 320000 over n-1 = 2: variance 160000, sd 400; half-width
	 * t * 400 / sqrt(3) = 993.655... */
	double x[] = { 10400, 9600, 10000 };
	struct stats_summary s;
	stats_summarize(x, 3, &s);
	ck_assert_uint_eq(s.n, 3);
	ck_assert_double_eq_tol(s.mean, 10000, 1e-9);
	ck_assert_double_eq_tol(s.sd, 400, 1e-9);
	double half = T975_2 * 400 / sqrt(3);
	ck_assert_double_eq_tol(half, 993.655085, 1e-6);
	ck_assert_double_eq_tol(s.ci_low, 10000 - half, 1e-6);
	ck_assert_double_eq_tol(s.ci_high, 10000 + half, 1e-6);
	ck_assert_double_eq_tol(s.median, 10000, 1e-9);
	ck_assert_double_eq_tol(s.min, 9600, 1e-9);
	ck_assert_double_eq_tol(s.max, 10400, 1e-9);
}
END_TEST

START_TEST(eight_values_even_median)
{
	/* 2 4 4 4 5 5 7 9: mean 5, squares of deviations 9+1+1+1+0+0+4+16 =
	 * 32, sample variance 32/7, median (4+5)/2 */
	double x[] = { 9, 4, 2, 5, 4, 7, 4, 5 };
	struct stats_summary s;
	stats_summarize(x, 8, &s);
	ck_assert_double_eq_tol(s.mean, 5, 1e-12);
	ck_assert_double_eq_tol(s.sd, sqrt(32.0 / 7), 1e-12);
	ck_assert_double_eq_tol(s.median, 4.5, 1e-12);
	double half = T975_7 * sqrt(32.0 / 7) / sqrt(8);
	ck_assert_double_eq_tol(half, 1.787488, 1e-6);
	ck_assert_double_eq_tol(s.ci_low, 5 - half, 1e-9);
	ck_assert_double_eq_tol(s.ci_high, 5 + half, 1e-9);
}
END_TEST

START_TEST(one_value_has_no_spread)
{
	double x[] = { 42 };
	struct stats_summary s;
	stats_summarize(x, 1, &s);
	ck_assert_double_eq(s.mean, 42);
	ck_assert_double_eq(s.median, 42);
	ck_assert(isnan(s.sd) && isnan(s.ci_low) && isnan(s.ci_high));
}
END_TEST

START_TEST(equal_values_zero_width_interval)
{
	double x[] = { 7, 7, 7, 7 };
	struct stats_summary s;
	stats_summarize(x, 4, &s);
	ck_assert_double_eq(s.sd, 0);
	ck_assert_double_eq(s.ci_low, 7);
	ck_assert_double_eq(s.ci_high, 7);
}
END_TEST

START_TEST(histogram_quantiles_uniform_within_bins)
{
	/* bins [0,10) with 1 event and [10,20) with 3: a quarter of the events
	 * lie below 10; the median is a third of the way into the second bin */
	double edges[] = { 0, 10, 20 }, counts[] = { 1, 3 };
	ck_assert_double_eq_tol(stats_histogram_quantile(edges, counts, 2, 0.25), 10, 1e-9);
	ck_assert_double_eq_tol(stats_histogram_quantile(edges, counts, 2, 0.5), 10 + 10.0 / 3,
	                        1e-9);
	ck_assert_double_eq_tol(stats_histogram_quantile(edges, counts, 2, 0.125), 5, 1e-9);
	ck_assert_double_eq_tol(stats_histogram_quantile(edges, counts, 2, 1.0), 20, 1e-9);
	/* 180 and 120 events on the half-octave grid 16, 22.627, 32: p50 at
	 * 150/180 of the first bin, p95 at 105/120 of the second */
	double e2[] = { 16, 22.627, 32 }, c2[] = { 180, 120 };
	ck_assert_double_eq_tol(stats_histogram_quantile(e2, c2, 2, 0.5), 16 + 6.627 * 150 / 180,
	                        1e-9);
	ck_assert_double_eq_tol(stats_histogram_quantile(e2, c2, 2, 0.95),
	                        22.627 + 9.373 * 105 / 120, 1e-9);
}
END_TEST

START_TEST(histogram_empty_is_nan)
{
	double edges[] = { 0, 10 }, counts[] = { 0 };
	ck_assert(isnan(stats_histogram_quantile(edges, counts, 1, 0.5)));
	ck_assert(isnan(stats_histogram_quantile(edges, counts, 0, 0.5)));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("stats");
	tcase_add_test(tc, three_values_mean_sd_interval);
	tcase_add_test(tc, eight_values_even_median);
	tcase_add_test(tc, one_value_has_no_spread);
	tcase_add_test(tc, equal_values_zero_width_interval);
	tcase_add_test(tc, histogram_quantiles_uniform_within_bins);
	tcase_add_test(tc, histogram_empty_is_nan);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
