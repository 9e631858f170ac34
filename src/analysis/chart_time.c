/* Chart "time": execution time normalized to native, per workload and
 * policy, stacked as user / kernel / VMM / idle (Disco's Figure 5), as
 * compare_time computes it: each run against its native run of the same seed
 * (or the native mean), averaged over the seeds; a group with no native
 * group is divided by its own total.  Error bars: the 95% t-interval. */
#include <math.h>
#include <stdlib.h>

#include "analysis/chart.h"
#include "analysis/compare.h"

static int time_make(struct chart_ctx *c, const struct group_set *s, const struct chart_options *o,
                     char *why, size_t whylen)
{
	if (!s->n) {
		snprintf(why, whylen, "no results");
		return 0;
	}
	FILE *f = chart_begin(c, "time");
	if (!f)
		return -1;
	fprintf(f, "# Execution time normalized to native (mean over seeds), by who.\n"
	           "# n: runs in the group; baseline: the native group it is normalized to.\n"
	           "label workload policy n user kernel vmm idle total ci95_low ci95_high "
	           "baseline\n");
	size_t *order = malloc(s->n * sizeof *order);
	if (!order)
		return -1;
	compare_order(s, order);
	for (size_t k = 0; k < s->n; k++) {
		const struct group *g = &s->group[order[k]];
		struct compare_time ct;
		if (!compare_time(s, g, &ct)) {
			free(order);
			return -1;
		}
		chart_data_quote(f, g->label);
		fputc(' ', f);
		chart_data_quote(f, g->workload);
		fputc(' ', f);
		chart_data_quote(f, g->policy);
		fprintf(f, " %zu", g->n);
		for (int w = 0; w < COMPARE_NWHO; w++)
			fprintf(f, " %.6f", ct.part[w]);
		fprintf(f, " %.6f %.6f %.6f ", ct.total.mean,
		        isnan(ct.total.ci_low) ? ct.total.mean : ct.total.ci_low,
		        isnan(ct.total.ci_high) ? ct.total.mean : ct.total.ci_high);
		chart_data_quote(f, ct.base->label);
		fputc('\n', f);
	}
	free(order);
	return chart_end(c, "time", "Execution time normalized to native", NULL) ? 1 : -1;
}

const struct chart chart_time = {
	.name = "time",
	.summary = "execution time normalized to native, stacked user/kernel/VMM/idle (Disco Fig. 5)",
	.make = time_make,
};
