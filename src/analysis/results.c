/* Reading result files: see results.h. */
#include "analysis/results.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Top-level numbers that are measurements, not configuration. */
static const char *const measured_numbers[] = {
	"seed",        "exit_status", "instructions", "total_cycles", "idle_cycles",
	"interrupts",  "tlb_refills_at_refill_vector", NULL,
};
/* Top-level objects that are configuration. */
static const char *const config_objects[] = {
	"args", "params", "parameters", "options", "config", NULL,
};

static bool in_list(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (!strcmp(*list, name))
			return true;
	return false;
}

static bool fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "%s: %s", path, what);
	return false;
}

/* A count: a non-negative number (integer in the files, but a reader should
 * not care). */
static bool get_count(json_t *obj, const char *key, double *out)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_number(v))
		return false;
	*out = json_number_value(v);
	return isfinite(*out) && *out >= 0;
}

static bool get_number(json_t *obj, const char *key, double *out)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_number(v))
		return false;
	*out = json_number_value(v);
	return isfinite(*out);
}

/* The optional distribution fields of a row; present only if all are. */
static bool read_dist(json_t *row, struct results_dist *d, const char *path, size_t i, char *err,
                      size_t errlen)
{
	json_t *h = json_object_get(row, "histogram");
	if (!json_object_get(row, "mean") && !h)
		return true;
	if (!get_number(row, "mean", &d->mean) || !get_number(row, "sd", &d->sd) ||
	    !get_number(row, "median", &d->median) || !get_number(row, "p95", &d->p95) ||
	    !get_number(row, "p99", &d->p99) || !get_number(row, "max", &d->max))
		return fail(err, errlen, path,
		            "breakdown row %zu: distribution needs numbers mean, sd, median, p95, "
		            "p99, max",
		            i + 1);
	json_t *edges = json_object_get(h, "edges"), *counts = json_object_get(h, "counts");
	if (!json_is_object(h) || !json_is_array(edges) || !json_is_array(counts))
		return fail(err, errlen, path,
		            "breakdown row %zu: histogram needs arrays edges and counts", i + 1);
	size_t n = json_array_size(counts);
	if (json_array_size(edges) != (n ? n + 1 : 0))
		return fail(err, errlen, path,
		            "breakdown row %zu: histogram has %zu counts but %zu edges (want %zu)",
		            i + 1, n, json_array_size(edges), n ? n + 1 : 0);
	d->nbins = n;
	d->edges = calloc(n + 1, sizeof *d->edges);
	d->counts = calloc(n + 1, sizeof *d->counts);
	if (!d->edges || !d->counts)
		return fail(err, errlen, path, "out of memory");
	for (size_t k = 0; k < n + (n ? 1 : 0); k++) {
		json_t *e = json_array_get(edges, k);
		d->edges[k] = json_number_value(e);
		if (!json_is_number(e) || (k && !(d->edges[k] > d->edges[k - 1])))
			return fail(err, errlen, path,
			            "breakdown row %zu: histogram edges must be increasing numbers",
			            i + 1);
	}
	for (size_t k = 0; k < n; k++) {
		json_t *c = json_array_get(counts, k);
		d->counts[k] = json_number_value(c);
		if (!json_is_number(c) || d->counts[k] < 0)
			return fail(err, errlen, path,
			            "breakdown row %zu: histogram counts must be non-negative numbers",
			            i + 1);
	}
	d->present = true;
	return true;
}

static bool read_rows(struct results *r, char *err, size_t errlen)
{
	json_t *b = json_object_get(r->root, "breakdown");
	if (!json_is_array(b))
		return fail(err, errlen, r->path, "no \"breakdown\" array");
	r->nrows = json_array_size(b);
	r->rows = calloc(r->nrows ? r->nrows : 1, sizeof *r->rows);
	if (!r->rows)
		return fail(err, errlen, r->path, "out of memory");
	double sum = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		json_t *row = json_array_get(b, i);
		struct results_row *o = &r->rows[i];
		if (!json_is_object(row))
			return fail(err, errlen, r->path, "breakdown row %zu is not an object", i + 1);
		o->who = json_string_value(json_object_get(row, "who"));
		o->service = json_string_value(json_object_get(row, "service"));
		o->component = json_string_value(json_object_get(row, "component"));
		if (!o->who || !o->service || !o->component)
			return fail(err, errlen, r->path,
			            "breakdown row %zu: needs strings who, service, component", i + 1);
		if (strcmp(o->who, "user") && strcmp(o->who, "kernel") && strcmp(o->who, "vmm") &&
		    strcmp(o->who, "idle"))
			return fail(err, errlen, r->path,
			            "breakdown row %zu: who is \"%s\", not user, kernel, vmm or idle",
			            i + 1, o->who);
		if (!get_count(row, "events", &o->events) || !get_count(row, "cycles", &o->cycles) ||
		    !get_count(row, "instructions", &o->instructions))
			return fail(err, errlen, r->path,
			            "breakdown row %zu: needs non-negative numbers events, cycles, "
			            "instructions",
			            i + 1);
		if (!read_dist(row, &o->dist, r->path, i, err, errlen))
			return false;
		for (size_t k = 0; k < i; k++)
			if (!strcmp(r->rows[k].who, o->who) && !strcmp(r->rows[k].service, o->service) &&
			    !strcmp(r->rows[k].component, o->component))
				return fail(err, errlen, r->path,
				            "breakdown rows %zu and %zu are both %s/%s/%s", k + 1, i + 1,
				            o->who, o->service, o->component);
		sum += o->cycles;
	}
	/* The ledger's invariant; a file that breaks it would give nonsense. */
	if (sum != r->total_cycles)
		return fail(err, errlen, r->path,
		            "breakdown cycles add up to %.0f, total_cycles is %.0f", sum,
		            r->total_cycles);
	return true;
}

bool results_load(const char *path, struct results *r, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	r->path = strdup(path);
	if (!r->path)
		return fail(err, errlen, path, "out of memory");
	FILE *fp = fopen(path, "r");
	if (!fp)
		return fail(err, errlen, path, "%s", strerror(errno));
	json_error_t je;
	r->root = json_loadf(fp, JSON_REJECT_DUPLICATES, &je);
	fclose(fp);
	if (!r->root) {
		if (je.line > 0)
			return fail(err, errlen, path, "line %d column %d: %s", je.line, je.column,
			            je.text);
		return fail(err, errlen, path, "%s", je.text);
	}
	if (!json_is_object(r->root))
		return fail(err, errlen, path, "not a JSON object");
	if (!json_is_string(json_object_get(r->root, "vmmsim_version")))
		return fail(err, errlen, path, "not a vmmsim result (no \"vmmsim_version\")");
	json_t *w = json_object_get(r->root, "workload");
	if (w && !json_is_null(w) && !json_is_string(w))
		return fail(err, errlen, path, "\"workload\" is neither a string nor null");
	r->workload = json_string_value(w);
	r->policy = json_string_value(json_object_get(r->root, "policy"));
	if (!r->policy)
		return fail(err, errlen, path, "no \"policy\" string");
	r->program = json_string_value(json_object_get(r->root, "program"));
	if (!r->program)
		r->program = "";
	json_t *s = json_object_get(r->root, "seed");
	if (json_is_integer(s) && json_integer_value(s) >= 0) {
		r->has_seed = true;
		r->seed = (uint64_t)json_integer_value(s);
	} else if (s && !json_is_null(s)) {
		return fail(err, errlen, path, "\"seed\" is neither a non-negative integer nor null");
	}
	if (!get_count(r->root, "total_cycles", &r->total_cycles))
		return fail(err, errlen, path, "no non-negative number \"total_cycles\"");
	if (!get_count(r->root, "idle_cycles", &r->idle_cycles))
		r->idle_cycles = 0;
	if (!get_count(r->root, "instructions", &r->instructions))
		r->instructions = 0;
	json_t *mem = json_object_get(r->root, "memory");
	if (mem) {
		if (!get_count(mem, "virtual_bytes", &r->virtual_bytes) ||
		    !get_count(mem, "machine_bytes", &r->machine_bytes))
			return fail(err, errlen, path,
			            "\"memory\" needs non-negative numbers virtual_bytes and "
			            "machine_bytes");
		r->has_memory = true;
	}
	r->vms = 1;
	/* top-level, or in the monitor's statistics object */
	json_t *vms = json_object_get(r->root, "vms");
	if (!vms)
		vms = json_object_get(json_object_get(r->root, "vmm"), "vms");
	if (vms) {
		if (!json_is_integer(vms) || json_integer_value(vms) < 1)
			return fail(err, errlen, path, "\"vms\" is not a positive integer");
		r->vms = (unsigned)json_integer_value(vms);
	}
	return read_rows(r, err, errlen);
}

bool results_load_all(char *const *paths, size_t n, struct results *r, char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++)
		if (!results_load(paths[i], &r[i], err, errlen)) {
			for (size_t k = 0; k <= i; k++)
				results_free(&r[k]);
			return false;
		}
	return true;
}

void results_free(struct results *r)
{
	for (size_t i = 0; r->rows && i < r->nrows; i++) {
		free(r->rows[i].dist.edges);
		free(r->rows[i].dist.counts);
	}
	free(r->rows);
	if (r->root)
		json_decref(r->root);
	free(r->path);
	memset(r, 0, sizeof *r);
}

json_t *results_config(const struct results *r, const char *const *ignore)
{
	json_t *c = json_object();
	const char *key;
	json_t *v;
	json_object_foreach(r->root, key, v)
	{
		if (in_list(ignore, key) || !strcmp(key, "vms"))
			continue;
		if (!strcmp(key, "program") && json_is_string(v)) {
			const char *slash = strrchr(json_string_value(v), '/');
			json_object_set_new(c, key, json_string(slash ? slash + 1 : json_string_value(v)));
		} else if (json_is_string(v) || json_is_boolean(v) || json_is_null(v)) {
			if (strcmp(key, "stop"))
				json_object_set(c, key, v);
		} else if (json_is_number(v)) {
			if (!in_list(measured_numbers, key))
				json_object_set(c, key, v);
		} else if (json_is_object(v) && in_list(config_objects, key)) {
			json_object_set(c, key, v);
		} else if (!strcmp(key, "tlb") && json_object_get(v, "entries") &&
		           !in_list(ignore, "tlb.entries")) {
			json_object_set(c, "tlb.entries", json_object_get(v, "entries"));
		}
	}
	/* the number of VMs, 1 when the file does not say (a native run): so
	 * that a run under a monitor with one VM matches its native baseline */
	if (!in_list(ignore, "vms"))
		json_object_set_new(c, "vms", json_integer(r->vms));
	return c;
}

static json_t *lookup(const struct results *r, const char *dotted)
{
	/* "tlb.entries" may name a key with a dot or a path: try the key first */
	json_t *v = json_object_get(r->root, dotted);
	if (v)
		return v;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", dotted);
	v = r->root;
	for (char *part = strtok(buf, "."); part && v; part = strtok(NULL, "."))
		v = json_object_get(v, part);
	return v;
}

bool results_number(const struct results *r, const char *dotted, double *value)
{
	json_t *v = lookup(r, dotted);
	if (!json_is_number(v))
		return false;
	*value = json_number_value(v);
	return true;
}

bool results_text(const struct results *r, const char *dotted, char *buf, size_t len)
{
	json_t *v = lookup(r, dotted);
	if (json_is_string(v))
		snprintf(buf, len, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(buf, len, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_real(v))
		snprintf(buf, len, "%g", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(buf, len, "%s", json_is_true(v) ? "true" : "false");
	else if (json_is_null(v))
		snprintf(buf, len, "null");
	else
		return false;
	return true;
}

long results_find_row(const struct results *r, const char *who, const char *service,
                      const char *component)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (!strcmp(r->rows[i].who, who) && !strcmp(r->rows[i].service, service) &&
		    !strcmp(r->rows[i].component, component))
			return (long)i;
	return -1;
}
