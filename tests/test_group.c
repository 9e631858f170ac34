/* Reading results, grouping them by seed, merging a group, and comparing
 * with native (src/analysis/results.c, group.c, compare.c, compare_time.c),
 * on the fixture results in tests/analysis/fixtures, against figures worked
 * out by hand from those files. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"
#include "analysis/group.h"
#include "analysis/results.h"
#include "unit.h"

static const char *const names[] = {
	"toy-native-s1", "toy-native-s2", "toy-native-s3", "toy-trap-s1",
	"toy-trap-s2",   "toy-trap-s3",   "toy-trap-tlb32-s1", "toy-trap-tlb32-s2",
};
#define NFILES (sizeof names / sizeof names[0])

static struct results r[NFILES];
static struct group_set set;
static char err[1024];

static void load(void)
{
	const char *top = getenv("top_srcdir");
	char *paths[NFILES];
	for (size_t i = 0; i < NFILES; i++) {
		paths[i] = malloc(4096);
		snprintf(paths[i], 4096, "%s/tests/analysis/fixtures/%s.json", top ? top : ".",
		         names[i]);
	}
	ck_assert_msg(results_load_all(paths, NFILES, r, err, sizeof err), "%s", err);
	for (size_t i = 0; i < NFILES; i++)
		free(paths[i]);
	ck_assert_msg(group_results(r, NFILES, NULL, &set, err, sizeof err), "%s", err);
}

static void unload(void)
{
	group_set_free(&set);
	for (size_t i = 0; i < NFILES; i++)
		results_free(&r[i]);
}

START_TEST(groups_differ_only_in_seed)
{
	load();
	ck_assert_uint_eq(set.n, 3);
	ck_assert_str_eq(set.group[0].policy, "native");
	ck_assert_uint_eq(set.group[0].n, 3);
	ck_assert_str_eq(set.group[1].policy, "trap");
	ck_assert_uint_eq(set.group[1].n, 3);
	ck_assert_uint_eq(set.group[2].n, 2);
	ck_assert_double_eq(json_number_value(group_field(&set.group[2], "tlb.entries")), 32);
	/* the label names what sets a group apart */
	ck_assert_str_eq(set.group[1].label, "toy/trap tlb.entries=48");
	ck_assert_ptr_eq(group_baseline(&set, &set.group[2]), &set.group[0]);
	ck_assert_ptr_null(group_baseline(&set, &set.group[0]));
	unload();
}
END_TEST

START_TEST(same_seed_twice_is_an_error)
{
	load();
	struct group_set dup;
	struct results two[2] = { r[0], r[0] };
	ck_assert(!group_results(two, 2, NULL, &dup, err, sizeof err));
	ck_assert_msg(strstr(err, "toy-native-s1.json: same configuration and seed as"), "%s", err);
	group_set_free(&dup);
	unload();
}
END_TEST

START_TEST(reference_pairs_by_seed)
{
	load();
	/* trap s2 (15050) against native s2 (10400) */
	ck_assert_double_eq(group_reference(&set.group[1], 1, &set.group[0]), 10400);
	ck_assert_double_eq(group_reference(&set.group[2], 0, &set.group[0]), 10000);
	/* native against trap: trap has every seed, so paired too */
	ck_assert_double_eq(group_reference(&set.group[0], 2, &set.group[1]), 13450);
	/* tlb32 has no seed 3: native s3 against tlb32's mean (17250+18350)/2 */
	ck_assert_double_eq(group_reference(&set.group[0], 2, &set.group[2]), 17800);
	unload();
}
END_TEST

START_TEST(merge_adds_counts_and_histograms)
{
	load();
	struct results m;
	ck_assert(group_merge(&set.group[0], &m));
	ck_assert_double_eq(m.total_cycles, 30000);
	long i = results_find_row(&m, "kernel", "UTLB_MISS", "guest kernel");
	ck_assert_int_ge(i, 0);
	const struct results_row *row = &m.rows[i];
	ck_assert_double_eq(row->events, 300);
	ck_assert_double_eq(row->cycles, 6000);
	ck_assert_uint_eq(row->dist.nbins, 2);
	ck_assert_double_eq(row->dist.counts[0], 180); /* 60 + 66 + 54 */
	ck_assert_double_eq(row->dist.counts[1], 120); /* 40 + 44 + 36 */
	ck_assert_double_eq_tol(row->dist.mean, 20, 1e-12);
	/* pooled: every run has mean 20 and sd 4, so the sum of squares is
	 * (99 + 109 + 89) * 16 over 299 events - 1 */
	ck_assert_double_eq_tol(row->dist.sd, sqrt(297.0 * 16 / 299), 1e-12);
	ck_assert_double_eq_tol(row->dist.median, 16 + 6.627 * 150 / 180, 1e-9);
	ck_assert_double_eq_tol(row->dist.p95, 22.627 + 9.373 * 105 / 120, 1e-9);
	/* p99 would be 31.69 uniform in the bin; the largest event seen is 31 */
	ck_assert_double_eq(row->dist.p99, 31);
	results_free(&m);
	unload();
}
END_TEST

START_TEST(time_normalized_and_split_by_who)
{
	load();
	struct compare_time ct;
	ck_assert(compare_time(&set, &set.group[1], &ct));
	ck_assert_ptr_eq(ct.base, &set.group[0]);
	/* 14250/10000, 15050/10400, 13450/9600 */
	double a = 1.425, b = 15050.0 / 10400, c = 13450.0 / 9600, mean = (a + b + c) / 3;
	ck_assert_double_eq_tol(ct.total.mean, mean, 1e-12);
	double sd = sqrt(((a - mean) * (a - mean) + (b - mean) * (b - mean) +
	                  (c - mean) * (c - mean)) / 2);
	ck_assert_double_eq_tol(ct.total.sd, sd, 1e-12);
	/* vmm: (4250/10000 + 4650/10400 + 3850/9600) / 3 */
	ck_assert_double_eq_tol(ct.part[COMPARE_VMM],
	                        (0.425 + 4650.0 / 10400 + 3850.0 / 9600) / 3, 1e-12);
	double sum = 0;
	for (int w = 0; w < COMPARE_NWHO; w++)
		sum += ct.part[w];
	ck_assert_double_eq_tol(sum, ct.total.mean, 1e-12);
	unload();
}
END_TEST

START_TEST(services_slowdown_components_add_up)
{
	load();
	struct table t;
	struct compare_totals tot;
	table_init(&t);
	/* trap s1 against native s1: UTLB_MISS 20 native cycles per event,
	 * 60 under trap = 20 guest + 30 TLB-write emulation + 10 reflection */
	ck_assert(compare_table(&r[0], 1, &r[3], 1, &t, &tot));
	ck_assert_str_eq(t.cell[0].text, "UTLB_MISS");
	double *row = malloc(t.ncols * sizeof *row);
	for (size_t c = 1; c < t.ncols; c++)
		row[c] = t.cell[c].value;
	ck_assert_double_eq(row[1], 100);
	ck_assert_double_eq(row[2], 20);
	ck_assert_double_eq(row[3], 60);
	ck_assert_double_eq(row[4], 3);
	ck_assert_str_eq(t.col[COMPARE_FIRST_COMPONENT].name, "guest");
	ck_assert_double_eq(row[COMPARE_FIRST_COMPONENT], 1);
	ck_assert_str_eq(t.col[COMPARE_FIRST_COMPONENT + 1].name, "tlb-write emulation");
	ck_assert_double_eq(row[COMPARE_FIRST_COMPONENT + 1], 1.5);
	ck_assert_double_eq(row[COMPARE_FIRST_COMPONENT + 2], 0.5);
	ck_assert_double_eq_tol(tot.overhead_pct, 42.5, 1e-9);
	free(row);
	table_free(&t);
	unload();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("group");
	TCase *tc = tcase_create("group");
	tcase_add_test(tc, groups_differ_only_in_seed);
	tcase_add_test(tc, same_seed_twice_is_an_error);
	tcase_add_test(tc, reference_pairs_by_seed);
	tcase_add_test(tc, merge_adds_counts_and_histograms);
	tcase_add_test(tc, time_normalized_and_split_by_who);
	tcase_add_test(tc, services_slowdown_components_add_up);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
