/* The statistics table: see stats_table.h. */
#include "analysis/stats_table.h"

#include <math.h>
#include <stdlib.h>

#include "analysis/stats.h"

struct cols {
	size_t group, workload, policy, who, service, component, metric;
	size_t n, mean, sd, lo, hi, median, min, max;
};

static void add_columns(struct table *t, bool with_group, struct cols *c)
{
	if (with_group) {
		c->group = table_add_column(t, "group", -1);
		c->workload = table_add_column(t, "workload", -1);
		c->policy = table_add_column(t, "policy", -1);
	}
	c->who = table_add_column(t, "who", -1);
	c->service = table_add_column(t, "service", -1);
	c->component = table_add_column(t, "component", -1);
	c->metric = table_add_column(t, "metric", -1);
	c->n = table_add_column(t, "n", 0);
	c->mean = table_add_column(t, "mean", 2);
	c->sd = table_add_column(t, "sd", 2);
	c->lo = table_add_column(t, "ci95_low", 2);
	c->hi = table_add_column(t, "ci95_high", 2);
	c->median = table_add_column(t, "median", 2);
	c->min = table_add_column(t, "min", 2);
	c->max = table_add_column(t, "max", 2);
}

static void add_row(struct table *t, const struct cols *c, bool with_group, const struct group *g,
                    const char *who, const char *service, const char *component,
                    const char *metric, double *x)
{
	struct stats_summary s;
	stats_summarize(x, g->n, &s);
	size_t r = table_add_row(t);
	if (with_group) {
		table_set_text(t, r, c->group, g->label);
		table_set_text(t, r, c->workload, g->workload);
		table_set_text(t, r, c->policy, g->policy);
	}
	table_set_text(t, r, c->who, who);
	table_set_text(t, r, c->service, service);
	table_set_text(t, r, c->component, component);
	table_set_text(t, r, c->metric, metric);
	table_set_number(t, r, c->n, (double)s.n);
	table_set_number(t, r, c->mean, s.mean);
	table_set_number(t, r, c->sd, s.sd);
	table_set_number(t, r, c->lo, s.ci_low);
	table_set_number(t, r, c->hi, s.ci_high);
	table_set_number(t, r, c->median, s.median);
	table_set_number(t, r, c->min, s.min);
	table_set_number(t, r, c->max, s.max);
}

void stats_overhead(const struct group *g, const struct group *b, double *out)
{
	for (size_t i = 0; i < g->n; i++)
		out[i] = 100.0 * (g->runs[i]->total_cycles / group_reference(g, i, b) - 1.0);
}

static void group_rows(const struct group_set *s, const struct group *g, bool with_group,
                       struct table *t, const struct cols *c, double *x)
{
	for (size_t i = 0; i < g->n; i++)
		x[i] = g->runs[i]->total_cycles;
	add_row(t, c, with_group, g, "all", "all", "all", "total_cycles", x);
	const struct group *b = group_baseline(s, g);
	if (b) {
		stats_overhead(g, b, x);
		add_row(t, c, with_group, g, "all", "all", "all", "overhead_pct", x);
	}
	struct group_row_key *keys;
	size_t n = group_row_keys(g, &keys);
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < g->n; i++) {
			long at = results_find_row(g->runs[i], keys[k].who, keys[k].service,
			                           keys[k].component);
			x[i] = at < 0 ? 0 : g->runs[i]->rows[at].cycles;
		}
		add_row(t, c, with_group, g, keys[k].who, keys[k].service, keys[k].component,
		        "cycles", x);
	}
	free(keys);
}

bool stats_table(const struct group_set *s, const struct group *g, bool with_group,
                 struct table *t)
{
	struct cols c = { 0 };
	add_columns(t, with_group, &c);
	size_t most = 1;
	for (size_t k = 0; k < s->n; k++)
		if (s->group[k].n > most)
			most = s->group[k].n;
	double *x = malloc(most * sizeof *x);
	if (!x)
		return false;
	for (size_t k = 0; k < s->n; k++)
		if (!g || g == &s->group[k])
			group_rows(s, &s->group[k], with_group, t, &c, x);
	free(x);
	return table_ok(t);
}
