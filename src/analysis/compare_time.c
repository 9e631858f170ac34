/* Execution time normalized to native, split by who (Disco's Figure 5):
 * see compare.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"

const char *const compare_who_name[COMPARE_NWHO] = { "user", "kernel", "vmm", "idle" };

static int who_index(const char *who)
{
	for (int w = 0; w < COMPARE_NWHO; w++)
		if (!strcmp(who, compare_who_name[w]))
			return w;
	return -1;
}

bool compare_time(const struct group_set *s, const struct group *g, struct compare_time *out)
{
	memset(out, 0, sizeof *out);
	out->g = g;
	out->base = group_baseline(s, g);
	if (!out->base)
		out->base = g;
	double *x = malloc(g->n * sizeof *x);
	if (!x)
		return false;
	for (size_t i = 0; i < g->n; i++) {
		const struct results *run = g->runs[i];
		double ref = group_reference(g, i, out->base);
		x[i] = run->total_cycles / ref;
		for (size_t r = 0; r < run->nrows; r++) {
			int w = who_index(run->rows[r].who);
			if (w >= 0)
				out->part[w] += run->rows[r].cycles / ref / (double)g->n;
		}
	}
	stats_summarize(x, g->n, &out->total);
	free(x);
	return true;
}

void compare_order(const struct group_set *s, size_t *order)
{
	size_t n = 0;
	for (size_t k = 0; k < s->n; k++) {
		const char *w = s->group[k].workload;
		bool seen = false;
		for (size_t j = 0; j < k && !seen; j++)
			seen = !strcmp(s->group[j].workload, w);
		if (seen)
			continue;
		/* this workload's groups: native ones first, then the others */
		for (int pass = 0; pass < 2; pass++)
			for (size_t j = k; j < s->n; j++)
				if (!strcmp(s->group[j].workload, w) &&
				    !strcmp(s->group[j].policy, "native") == (pass == 0))
					order[n++] = j;
	}
}

bool compare_time_table(const struct group_set *s, struct table *t)
{
	size_t c_workload = table_add_column(t, "workload", -1);
	size_t c_policy = table_add_column(t, "policy", -1);
	size_t c_group = table_add_column(t, "group", -1);
	size_t c_n = table_add_column(t, "n", 0);
	size_t c_total = table_add_column(t, "total", 3);
	size_t c_lo = table_add_column(t, "ci95_low", 3);
	size_t c_hi = table_add_column(t, "ci95_high", 3);
	size_t c_part = c_hi + 1;
	for (int w = 0; w < COMPARE_NWHO; w++)
		table_add_column(t, compare_who_name[w], 3);
	size_t c_over = table_add_column(t, "overhead %", 2);
	size_t c_base = table_add_column(t, "baseline", -1);
	size_t *order = malloc((s->n ? s->n : 1) * sizeof *order);
	if (!order)
		return false;
	compare_order(s, order);
	bool ok = true;
	for (size_t k = 0; ok && k < s->n; k++) {
		const struct group *g = &s->group[order[k]];
		struct compare_time ct;
		if (!(ok = compare_time(s, g, &ct)))
			break;
		size_t r = table_add_row(t);
		table_set_text(t, r, c_workload, g->workload);
		table_set_text(t, r, c_policy, g->policy);
		table_set_text(t, r, c_group, g->label);
		table_set_number(t, r, c_n, (double)g->n);
		table_set_number(t, r, c_total, ct.total.mean);
		table_set_number(t, r, c_lo, ct.total.ci_low);
		table_set_number(t, r, c_hi, ct.total.ci_high);
		for (int w = 0; w < COMPARE_NWHO; w++)
			table_set_number(t, r, c_part + (size_t)w, ct.part[w]);
		/* against itself the overhead says nothing */
		table_set_number(t, r, c_over, ct.base != g ? 100.0 * (ct.total.mean - 1.0) : NAN);
		table_set_text(t, r, c_base,
		               ct.base != g                      ? ct.base->label
		               : !strcmp(g->policy, "native") ? "-"
		                                              : "(itself: no native run)");
	}
	free(order);
	return ok && table_ok(t);
}
