/* Groups of runs: see group.h. */
#include "analysis/group.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/stats.h"

static char *dump(json_t *v)
{
	return json_dumps(v, JSON_SORT_KEYS | JSON_COMPACT | JSON_ENCODE_ANY);
}

/* Fields every label shows anyway, or that say nothing to a reader. */
static bool label_skips(const char *key)
{
	return !strcmp(key, "workload") || !strcmp(key, "policy") || !strcmp(key, "program") ||
	       !strcmp(key, "vmmsim_version");
}

/* "pmake/trap", then " key=value" for each field on which groups differ. */
static char *make_label(const struct group_set *s, const struct group *g)
{
	size_t cap = 256, len = 0;
	char *label = malloc(cap);
	if (!label)
		return NULL;
	len = (size_t)snprintf(label, cap, "%s/%s", g->workload, g->policy);
	const char *key;
	json_t *v;
	json_object_foreach(g->config, key, v)
	{
		if (label_skips(key))
			continue;
		bool differs = false;
		for (size_t i = 0; i < s->n && !differs; i++) {
			json_t *o = json_object_get(s->group[i].config, key);
			differs = !o || !json_equal(o, v);
		}
		if (!differs)
			continue;
		char *text = json_is_string(v) ? strdup(json_string_value(v)) : dump(v);
		if (!text)
			continue;
		size_t need = len + strlen(key) + strlen(text) + 3;
		if (need > cap) {
			char *bigger = realloc(label, cap = need * 2);
			if (!bigger) {
				free(text);
				break;
			}
			label = bigger;
		}
		len += (size_t)snprintf(label + len, cap - len, " %s=%s", key, text);
		free(text);
	}
	return label;
}

bool group_results(struct results *r, size_t n, const char *const *ignore, struct group_set *out,
                   char *err, size_t errlen)
{
	out->group = calloc(n ? n : 1, sizeof *out->group);
	out->n = 0;
	if (!out->group) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *config = results_config(&r[i], ignore);
		char *key = dump(config);
		struct group *g = NULL;
		for (size_t k = 0; k < out->n && !g; k++)
			if (!strcmp(out->group[k].key, key))
				g = &out->group[k];
		if (g) {
			json_decref(config);
			free(key);
		} else {
			g = &out->group[out->n++];
			g->config = config;
			g->key = key;
			g->runs = calloc(n, sizeof *g->runs);
			if (!g->runs) {
				snprintf(err, errlen, "out of memory");
				return false;
			}
			g->policy = r[i].policy;
			g->workload = r[i].workload;
			if (!g->workload) {
				const char *slash = strrchr(r[i].program, '/');
				g->workload = slash ? slash + 1 : r[i].program;
			}
		}
		for (size_t k = 0; k < g->n; k++)
			if (g->runs[k]->has_seed == r[i].has_seed &&
			    (!r[i].has_seed || g->runs[k]->seed == r[i].seed)) {
				snprintf(err, errlen,
				         "%s: same configuration and seed as %s (one file given twice?)",
				         r[i].path, g->runs[k]->path);
				return false;
			}
		g->runs[g->n++] = &r[i];
	}
	for (size_t k = 0; k < out->n; k++)
		if (!(out->group[k].label = make_label(out, &out->group[k]))) {
			snprintf(err, errlen, "out of memory");
			return false;
		}
	return true;
}

void group_set_free(struct group_set *s)
{
	for (size_t k = 0; k < s->n; k++) {
		json_decref(s->group[k].config);
		free(s->group[k].key);
		free(s->group[k].label);
		free(s->group[k].runs);
	}
	free(s->group);
	s->group = NULL;
	s->n = 0;
}

size_t group_row_keys(const struct group *g, struct group_row_key **keys)
{
	size_t cap = 16, n = 0;
	*keys = malloc(cap * sizeof **keys);
	for (size_t r = 0; *keys && r < g->n; r++)
		for (size_t i = 0; i < g->runs[r]->nrows; i++) {
			const struct results_row *row = &g->runs[r]->rows[i];
			size_t k = 0;
			while (k < n && (strcmp((*keys)[k].who, row->who) ||
			                 strcmp((*keys)[k].service, row->service) ||
			                 strcmp((*keys)[k].component, row->component)))
				k++;
			if (k < n)
				continue;
			if (n == cap) {
				struct group_row_key *bigger = realloc(*keys, (cap *= 2) * sizeof **keys);
				if (!bigger) {
					free(*keys);
					*keys = NULL;
					return 0;
				}
				*keys = bigger;
			}
			(*keys)[n++] = (struct group_row_key){ row->who, row->service, row->component };
		}
	return *keys ? n : 0;
}

/* Edges are points of one fixed grid (2^(k/2)) printed to 3 decimals: two
 * are the same edge when they agree to a part in a million. */
static bool same_edge(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(fabs(a), fabs(b));
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Add the histograms of one row over the runs; the summary figures are
 * pooled (means weighted by events, the variance from the within- and
 * between-run parts), the quantiles read off the merged histogram. */
static void merge_dist(const struct group *g, const struct group_row_key *key,
                       struct results_dist *d)
{
	size_t total_edges = 0;
	double events = 0, sum = 0;
	for (size_t r = 0; r < g->n; r++) {
		long i = results_find_row(g->runs[r], key->who, key->service, key->component);
		if (i < 0)
			continue;
		const struct results_row *row = &g->runs[r]->rows[i];
		if (!row->dist.present) {
			if (row->events > 0)
				return; /* some events have no distribution: no merged one */
			continue;
		}
		total_edges += row->dist.nbins + 1;
		events += row->events;
		sum += row->dist.mean * row->events;
	}
	if (!total_edges || events <= 0)
		return;
	double *edges = malloc(total_edges * sizeof *edges);
	if (!edges)
		return;
	size_t ne = 0;
	for (size_t r = 0; r < g->n; r++) {
		long i = results_find_row(g->runs[r], key->who, key->service, key->component);
		if (i >= 0 && g->runs[r]->rows[i].dist.present)
			for (size_t k = 0; k <= g->runs[r]->rows[i].dist.nbins; k++)
				edges[ne++] = g->runs[r]->rows[i].dist.edges[k];
	}
	qsort(edges, ne, sizeof *edges, cmp_double);
	size_t u = 0;
	for (size_t k = 0; k < ne; k++)
		if (!u || !same_edge(edges[u - 1], edges[k]))
			edges[u++] = edges[k];
	double *counts = calloc(u, sizeof *counts);
	if (!counts || u < 2) {
		free(edges);
		free(counts);
		return;
	}
	double mean = sum / events, ss = 0, max = 0;
	const struct results_dist *single = NULL;
	size_t contributors = 0;
	for (size_t r = 0; r < g->n; r++) {
		long i = results_find_row(g->runs[r], key->who, key->service, key->component);
		if (i < 0 || !g->runs[r]->rows[i].dist.present)
			continue;
		const struct results_row *row = &g->runs[r]->rows[i];
		const struct results_dist *rd = &row->dist;
		for (size_t k = 0; k < rd->nbins; k++) {
			size_t a = 0;
			while (a < u && !same_edge(edges[a], rd->edges[k]))
				a++;
			if (a + 1 >= u || !same_edge(edges[a + 1], rd->edges[k + 1])) {
				free(edges); /* not one grid: the histograms do not add */
				free(counts);
				return;
			}
			counts[a] += rd->counts[k];
		}
		single = rd;
		contributors++;
		double dev = rd->mean - mean;
		ss += (row->events - 1) * rd->sd * rd->sd + row->events * dev * dev;
		max = fmax(max, rd->max);
	}
	if (contributors > 1)
		single = NULL;
	d->present = true;
	d->edges = edges;
	d->counts = counts;
	d->nbins = u - 1;
	d->mean = mean;
	d->sd = events > 1 ? sqrt(ss / (events - 1)) : 0;
	d->max = max;
	if (single) {
		/* one run: its own figures are exact, the histogram's are not */
		d->median = single->median;
		d->p95 = single->p95;
		d->p99 = single->p99;
		d->sd = single->sd;
		return;
	}
	/* uniform within a bin can overshoot the largest event seen */
	d->median = fmin(stats_histogram_quantile(edges, counts, d->nbins, 0.5), max);
	d->p95 = fmin(stats_histogram_quantile(edges, counts, d->nbins, 0.95), max);
	d->p99 = fmin(stats_histogram_quantile(edges, counts, d->nbins, 0.99), max);
}

bool group_merge(const struct group *g, struct results *out)
{
	memset(out, 0, sizeof *out);
	const struct results *first = g->runs[0];
	out->path = strdup(first->path);
	out->workload = first->workload;
	out->policy = first->policy;
	out->program = first->program;
	out->vms = first->vms;
	struct group_row_key *keys;
	out->nrows = group_row_keys(g, &keys);
	out->rows = calloc(out->nrows ? out->nrows : 1, sizeof *out->rows);
	if (!out->path || !keys || !out->rows) {
		free(keys);
		results_free(out);
		return false;
	}
	out->has_memory = true;
	for (size_t r = 0; r < g->n; r++) {
		const struct results *run = g->runs[r];
		out->total_cycles += run->total_cycles;
		out->idle_cycles += run->idle_cycles;
		out->instructions += run->instructions;
		out->has_memory = out->has_memory && run->has_memory;
		out->virtual_bytes += run->virtual_bytes;
		out->machine_bytes += run->machine_bytes;
	}
	for (size_t k = 0; k < out->nrows; k++) {
		struct results_row *row = &out->rows[k];
		row->who = keys[k].who;
		row->service = keys[k].service;
		row->component = keys[k].component;
		for (size_t r = 0; r < g->n; r++) {
			long i = results_find_row(g->runs[r], row->who, row->service, row->component);
			if (i < 0)
				continue;
			row->events += g->runs[r]->rows[i].events;
			row->cycles += g->runs[r]->rows[i].cycles;
			row->instructions += g->runs[r]->rows[i].instructions;
		}
		merge_dist(g, &keys[k], &row->dist);
	}
	free(keys);
	return true;
}

const struct group *group_baseline(const struct group_set *s, const struct group *g)
{
	if (!strcmp(g->policy, "native"))
		return NULL;
	json_t *want = json_deep_copy(g->config);
	json_object_del(want, "policy");
	const struct group *same_workload = NULL;
	for (size_t k = 0; k < s->n; k++) {
		const struct group *b = &s->group[k];
		if (strcmp(b->policy, "native") || strcmp(b->workload, g->workload))
			continue;
		json_t *have = json_deep_copy(b->config);
		json_object_del(have, "policy");
		bool equal = json_equal(want, have);
		json_decref(have);
		if (equal) {
			json_decref(want);
			return b;
		}
		if (!same_workload)
			same_workload = b;
	}
	json_decref(want);
	return same_workload;
}

/* The run of b with the seed of run (NULL if none). */
static const struct results *same_seed(const struct group *b, const struct results *run)
{
	for (size_t k = 0; k < b->n; k++)
		if (run->has_seed && b->runs[k]->has_seed && b->runs[k]->seed == run->seed)
			return b->runs[k];
	return NULL;
}

double group_reference(const struct group *g, size_t i, const struct group *b)
{
	bool paired = true;
	for (size_t k = 0; paired && k < g->n; k++)
		paired = same_seed(b, g->runs[k]) != NULL;
	if (paired)
		return same_seed(b, g->runs[i])->total_cycles;
	double sum = 0;
	for (size_t k = 0; k < b->n; k++)
		sum += b->runs[k]->total_cycles;
	return sum / (double)b->n;
}

json_t *group_field(const struct group *g, const char *field)
{
	json_t *v = json_object_get(g->config, field);
	if (v)
		return v;
	const char *dot = strchr(field, '.');
	if (!dot)
		return NULL;
	char obj[128];
	snprintf(obj, sizeof obj, "%.*s", (int)(dot - field), field);
	return json_object_get(json_object_get(g->config, obj), dot + 1);
}

char *group_key_without(const struct group *g, const char *field)
{
	json_t *copy = json_deep_copy(g->config);
	if (json_object_del(copy, field) != 0) {
		const char *dot = strchr(field, '.');
		if (dot) {
			char obj[128];
			snprintf(obj, sizeof obj, "%.*s", (int)(dot - field), field);
			json_object_del(json_object_get(copy, obj), dot + 1);
		}
	}
	char *key = dump(copy);
	json_decref(copy);
	return key;
}

void group_label_without(const struct group *g, const char *field, char *buf, size_t len)
{
	char token[160];
	snprintf(buf, len, "%s", g->label);
	snprintf(token, sizeof token, " %s=", field);
	char *at = strstr(buf, token);
	if (!at)
		return;
	char *end = strchr(at + 1, ' ');
	if (!end)
		*at = 0;
	else
		memmove(at, end, strlen(end) + 1);
}
