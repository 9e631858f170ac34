/* Chart "sweep": total cycles against a numeric parameter (TLB entries,
 * L2TLB size, time slice, a workload argument ...), one line per series of
 * groups that differ only in that parameter, each point the mean over the
 * seeds with its 95% confidence interval (Student's t) as an error bar.
 * The parameter is --x FIELD, or each numeric configuration field whose
 * value varies across the results (one figure each). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/chart.h"
#include "analysis/stats.h"

struct point {
	double x;
	const struct group *g;
};

static int by_x(const void *a, const void *b)
{
	const struct point *p = a, *q = b;
	return (p->x > q->x) - (p->x < q->x);
}

static bool sweep_one(struct chart_ctx *c, const struct group_set *s, const char *field,
                      int *made)
{
	size_t n = s->n;
	char **key = calloc(n, sizeof *key);
	bool *done = calloc(n, sizeof *done);
	struct point *pts = calloc(n, sizeof *pts);
	bool ok = key && done && pts;
	for (size_t k = 0; ok && k < n; k++) {
		json_t *v = group_field(&s->group[k], field);
		done[k] = !json_is_number(v);
		if (!done[k] && !(key[k] = group_key_without(&s->group[k], field)))
			ok = false;
	}
	char base[300];
	chart_file_name(field, base + 6, sizeof base - 6);
	memcpy(base, "sweep-", 6);
	FILE *f = ok ? chart_begin(c, base) : NULL;
	ok = f != NULL;
	if (ok)
		fprintf(f, "# Total cycles against %s: mean over seeds and 95%% t-interval.\n"
		           "# One block per series (gnuplot index), its first line the title.\n",
		        field);
	size_t nseries = 0;
	double ymax = 0;
	for (size_t k = 0; ok && k < n; k++) {
		if (done[k])
			continue;
		size_t np = 0;
		for (size_t j = k; j < n; j++)
			if (!done[j] && !strcmp(key[j], key[k])) {
				pts[np++] = (struct point){ json_number_value(group_field(&s->group[j], field)),
					                    &s->group[j] };
				done[j] = true;
			}
		qsort(pts, np, sizeof *pts, by_x);
		char title[300];
		group_label_without(&s->group[k], field, title, sizeof title);
		fprintf(f, "%s", nseries ? "\n\n" : "");
		chart_data_quote(f, title);
		fprintf(f, " mean ci95_low ci95_high n\n");
		for (size_t i = 0; i < np; i++) {
			const struct group *g = pts[i].g;
			double *y = malloc(g->n * sizeof *y);
			if (!y) {
				ok = false;
				break;
			}
			for (size_t r = 0; r < g->n; r++)
				y[r] = g->runs[r]->total_cycles;
			struct stats_summary st;
			stats_summarize(y, g->n, &st);
			free(y);
			if (st.mean > ymax)
				ymax = st.mean;
			fprintf(f, "%.17g %.6f %.6f %.6f %zu\n", pts[i].x, st.mean,
			        isnan(st.ci_low) ? st.mean : st.ci_low,
			        isnan(st.ci_high) ? st.mean : st.ci_high, st.n);
		}
		nseries++;
	}
	for (size_t k = 0; key && k < n; k++)
		free(key[k]);
	free(key);
	free(done);
	free(pts);
	if (!ok)
		return false;
	/* cycles in a unit that keeps the axis' numbers short */
	double scale = ymax >= 1e7 ? 1e6 : ymax >= 1e4 ? 1e3 : 1;
	const char *unit = scale == 1e6 ? "millions of cycles" : scale == 1e3 ? "thousands of cycles"
	                                                                     : "cycles";
	char extra[160], title[400];
	snprintf(extra, sizeof extra, "nseries = %zu\nyscale = %g\ny_label = 'simulated time (%s)'",
	         nseries, scale, unit);
	snprintf(title, sizeof title, "Total cycles against %s (95%% confidence intervals)", field);
	char xlabel[500];
	snprintf(xlabel, sizeof xlabel, "%s\nx_label = '%s'", extra, field);
	if (!chart_end(c, "sweep", title, xlabel))
		return false;
	(*made)++;
	return true;
}

/* Add name to fields[] if it is new and varies across the groups. */
static void candidate(const struct group_set *s, const char *name, char fields[][128], size_t *n,
                      size_t max)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(fields[i], name))
			return;
	json_t *first = group_field(&s->group[0], name);
	bool varies = false;
	for (size_t j = 0; j < s->n && !varies; j++) {
		json_t *other = group_field(&s->group[j], name);
		varies = !first || !other || !json_equal(first, other);
	}
	if (varies && *n < max)
		snprintf(fields[(*n)++], 128, "%s", name);
}

/* Numeric configuration fields (and numeric members of configuration
 * objects) that vary across groups. */
static size_t varying_fields(const struct group_set *s, char fields[][128], size_t max)
{
	size_t n = 0;
	char name[128];
	for (size_t k = 0; k < s->n; k++) {
		const char *key, *mkey;
		json_t *v, *mv;
		json_object_foreach(s->group[k].config, key, v)
		{
			if (json_is_number(v))
				candidate(s, key, fields, &n, max);
			if (!json_is_object(v))
				continue;
			json_object_foreach(v, mkey, mv)
			{
				if (!json_is_number(mv))
					continue;
				snprintf(name, sizeof name, "%s.%s", key, mkey);
				candidate(s, name, fields, &n, max);
			}
		}
	}
	return n;
}

static int sweep_make(struct chart_ctx *c, const struct group_set *s, const struct chart_options *o,
                      char *why, size_t whylen)
{
	char fields[16][128];
	size_t nf;
	if (o->x_field) {
		snprintf(fields[0], sizeof fields[0], "%s", o->x_field);
		nf = 1;
	} else {
		nf = varying_fields(s, fields, 16);
	}
	int made = 0;
	for (size_t i = 0; i < nf; i++) {
		/* a parameter with fewer than two values makes no line */
		double first = NAN;
		bool two = false;
		for (size_t k = 0; k < s->n; k++) {
			json_t *v = group_field(&s->group[k], fields[i]);
			if (!json_is_number(v))
				continue;
			if (isnan(first))
				first = json_number_value(v);
			else if (json_number_value(v) != first)
				two = true;
		}
		if (!two)
			continue;
		if (!sweep_one(c, s, fields[i], &made))
			return -1;
	}
	if (!made)
		snprintf(why, whylen, "%s%s%s", o->x_field ? "field " : "",
		         o->x_field ? o->x_field : "no numeric parameter varies across the results",
		         o->x_field ? " does not take two numeric values in the results" : "");
	return made;
}

const struct chart chart_sweep = {
	.name = "sweep",
	.summary = "total cycles against a parameter, with 95% confidence intervals",
	.make = sweep_make,
};
