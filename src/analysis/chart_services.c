/* Chart "services": for each non-native group that has a native baseline,
 * the slowdown of each guest service split into its components (the guest's
 * own time, then each VMM component), the layout of Disco's Table 2, from
 * the same computation as `vmmsim compare` on the merged groups. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/chart.h"
#include "analysis/compare.h"

/* Readable bars: the costliest services, then the whole run. */
#define SERVICES_SHOWN 12

static bool one(struct chart_ctx *c, const struct group *g, const struct group *b)
{
	struct table t;
	struct compare_totals tot;
	table_init(&t);
	bool ok = compare_groups(g, b, &t, &tot);
	char name[300], title[600], extra[64];
	snprintf(title, sizeof title, "%s", g->label);
	chart_file_name(title, name + 9, sizeof name - 9);
	memcpy(name, "services-", 9);
	FILE *f = ok ? chart_begin(c, name) : NULL;
	if (f) {
		size_t ncols = t.ncols - COMPARE_FIRST_COMPONENT;
		fprintf(f, "# Slowdown per guest service (1.0 = native cycles per event) split into\n"
		           "# components, which add up to it; %s against %s.\n"
		           "# overhead of the whole run: %.3f%%\n",
		        g->label, b->label, tot.overhead_pct);
		fprintf(f, "service slowdown");
		for (size_t col = COMPARE_FIRST_COMPONENT; col < t.ncols; col++) {
			fputc(' ', f);
			chart_data_quote(f, t.col[col].name);
		}
		fputc('\n', f);
		size_t shown = 0;
		for (size_t r = 0; r < t.nrows; r++) {
			const struct table_cell *row = &t.cell[r * t.ncols];
			bool total = r + 1 == t.nrows;
			if (isnan(row[4].value) || (!total && shown == SERVICES_SHOWN))
				continue;
			shown++;
			chart_data_quote(f, row[0].text);
			fprintf(f, " %.6f", row[4].value);
			for (size_t col = COMPARE_FIRST_COMPONENT; col < t.ncols; col++)
				fprintf(f, " %.6f", isnan(row[col].value) ? 0.0 : row[col].value);
			fputc('\n', f);
		}
		snprintf(extra, sizeof extra, "ncols = %zu", ncols + 2);
		char full[700];
		snprintf(full, sizeof full, "Slowdown by service and component: %s", title);
		ok = chart_end(c, "services", full, extra);
	} else {
		ok = false;
	}
	table_free(&t);
	return ok;
}

static int services_make(struct chart_ctx *c, const struct group_set *s,
                         const struct chart_options *o, char *why, size_t whylen)
{
	int made = 0;
	for (size_t k = 0; k < s->n; k++) {
		const struct group *b = group_baseline(s, &s->group[k]);
		if (!b)
			continue;
		if (!one(c, &s->group[k], b))
			return -1;
		made++;
	}
	if (!made)
		snprintf(why, whylen, "no run has a native baseline among the results");
	return made;
}

const struct chart chart_services = {
	.name = "services",
	.summary = "per-service slowdown split by component, per workload and policy (Disco Table 2)",
	.make = services_make,
};
