/* Chart "memory": the virtual memory the guests see and the machine memory
 * the VMM uses for them, against the number of VMs (results that carry
 * "memory" and "vms"); one pair of lines per series of groups that differ
 * only in their number of VMs, each point the mean over the seeds. */
#include <stdlib.h>
#include <string.h>

#include "analysis/chart.h"

#define MIB (1024.0 * 1024.0)

struct point {
	unsigned vms;
	const struct group *g;
};

static int by_vms(const void *a, const void *b)
{
	const struct point *p = a, *q = b;
	return (p->vms > q->vms) - (p->vms < q->vms);
}

static bool has_memory(const struct group *g)
{
	for (size_t i = 0; i < g->n; i++)
		if (!g->runs[i]->has_memory)
			return false;
	return true;
}

static int memory_make(struct chart_ctx *c, const struct group_set *s,
                       const struct chart_options *o, char *why, size_t whylen)
{
	size_t n = s->n;
	char **key = calloc(n ? n : 1, sizeof *key);
	bool *done = calloc(n ? n : 1, sizeof *done);
	struct point *pts = calloc(n ? n : 1, sizeof *pts);
	bool ok = key && done && pts, any = false;
	for (size_t k = 0; ok && k < n; k++) {
		done[k] = !has_memory(&s->group[k]);
		any |= !done[k];
		if (!done[k] && !(key[k] = group_key_without(&s->group[k], "vms")))
			ok = false;
	}
	/* a chart against the number of VMs needs a series with two of them */
	bool spread = false;
	for (size_t k = 0; ok && k < n; k++)
		for (size_t j = k + 1; !done[k] && j < n && !spread; j++)
			spread = !done[j] && !strcmp(key[j], key[k]) &&
			         s->group[j].runs[0]->vms != s->group[k].runs[0]->vms;
	FILE *f = NULL;
	size_t nseries = 0;
	if (ok && !any)
		snprintf(why, whylen, "no result carries \"memory\" (virtual_bytes, machine_bytes)");
	else if (ok && !spread) {
		snprintf(why, whylen, "no series has more than one number of VMs to plot against");
		any = false;
	} else if (ok && (f = chart_begin(c, "memory")))
		fprintf(f, "# Virtual (what the guests see) and machine (what the VMM uses) memory\n"
		           "# in MiB against the number of VMs, mean over seeds.  One block per\n"
		           "# series (gnuplot index), its first line the title.\n");
	else
		ok = false;
	for (size_t k = 0; ok && any && k < n; k++) {
		if (done[k])
			continue;
		size_t np = 0;
		for (size_t j = k; j < n; j++)
			if (!done[j] && !strcmp(key[j], key[k])) {
				pts[np++] = (struct point){ s->group[j].runs[0]->vms, &s->group[j] };
				done[j] = true;
			}
		qsort(pts, np, sizeof *pts, by_vms);
		fprintf(f, "%s", nseries++ ? "\n\n" : "");
		char title[300];
		group_label_without(&s->group[k], "vms", title, sizeof title);
		chart_data_quote(f, title);
		fprintf(f, " virtual_mib machine_mib n\n");
		for (size_t i = 0; i < np; i++) {
			double v = 0, m = 0;
			const struct group *g = pts[i].g;
			for (size_t r = 0; r < g->n; r++) {
				v += g->runs[r]->virtual_bytes;
				m += g->runs[r]->machine_bytes;
			}
			fprintf(f, "%u %.6f %.6f %zu\n", pts[i].vms, v / (double)g->n / MIB,
			        m / (double)g->n / MIB, g->n);
		}
	}
	for (size_t k = 0; key && k < n; k++)
		free(key[k]);
	free(key);
	free(done);
	free(pts);
	if (!ok)
		return -1;
	if (!any)
		return 0;
	char extra[64];
	snprintf(extra, sizeof extra, "nseries = %zu", nseries);
	return chart_end(c, "memory", "Virtual and machine memory against the number of VMs", extra)
	               ? 1
	               : -1;
}

const struct chart chart_memory = {
	.name = "memory",
	.summary = "virtual vs machine memory footprint against the number of VMs",
	.make = memory_make,
};
