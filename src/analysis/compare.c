/* Table 2 of Disco for any run: see compare.h. */
#include "analysis/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct service {
	const char *name;
	double base_events, base_cycles; /* the baseline's guest kernel row */
	double run_events, run_guest;    /* the run's guest kernel row */
	double run_total;                /* guest kernel plus VMM */
	double *vmm;                     /* by component column */
};

struct services {
	struct service *s;
	size_t n;
	const char **component; /* VMM components, in order of appearance */
	size_t ncomponents;
};

static struct service *service_of(struct services *ss, const char *name, size_t cap)
{
	for (size_t i = 0; i < ss->n; i++)
		if (!strcmp(ss->s[i].name, name))
			return &ss->s[i];
	struct service *s = &ss->s[ss->n++];
	s->name = name;
	s->vmm = calloc(cap ? cap : 1, sizeof *s->vmm);
	return s;
}

static size_t component_of(struct services *ss, const char *name)
{
	for (size_t i = 0; i < ss->ncomponents; i++)
		if (!strcmp(ss->component[i], name))
			return i;
	ss->component[ss->ncomponents] = name;
	return ss->ncomponents++;
}

static int by_run_cost(const void *a, const void *b)
{
	const struct service *x = a, *y = b;
	if (x->run_total != y->run_total)
		return x->run_total < y->run_total ? 1 : -1;
	if (x->base_cycles != y->base_cycles)
		return x->base_cycles < y->base_cycles ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* Guest kernel services are the rows of the table; user time and idle time
 * are no service and appear only in the total. */
static bool is_service_row(const struct results_row *row)
{
	return !strcmp(row->who, "kernel") || !strcmp(row->who, "vmm");
}

bool compare_table(const struct results *base, size_t base_runs, const struct results *run,
                   size_t run_runs, struct table *t, struct compare_totals *totals)
{
	size_t cap = base->nrows + run->nrows;
	struct services ss = { calloc(cap ? cap : 1, sizeof *ss.s), 0,
		               calloc(cap ? cap : 1, sizeof *ss.component), 0 };
	bool ok = ss.s && ss.component;
	for (size_t i = 0; ok && i < run->nrows; i++)
		if (!strcmp(run->rows[i].who, "vmm"))
			component_of(&ss, run->rows[i].component);
	double *run_vmm_total = calloc(cap ? cap : 1, sizeof *run_vmm_total);
	ok = ok && run_vmm_total;
	for (size_t i = 0; ok && i < base->nrows; i++) {
		const struct results_row *row = &base->rows[i];
		if (!strcmp(row->who, "kernel")) {
			struct service *s = service_of(&ss, row->service, cap);
			ok = s->vmm != NULL;
			s->base_events += row->events;
			s->base_cycles += row->cycles;
		}
	}
	for (size_t i = 0; ok && i < run->nrows; i++) {
		const struct results_row *row = &run->rows[i];
		if (!is_service_row(row))
			continue;
		struct service *s = service_of(&ss, row->service, cap);
		if (!(ok = s->vmm != NULL))
			break;
		s->run_total += row->cycles;
		if (!strcmp(row->who, "kernel")) {
			s->run_events += row->events;
			s->run_guest += row->cycles;
		} else {
			size_t c = component_of(&ss, row->component);
			s->vmm[c] += row->cycles;
			run_vmm_total[c] += row->cycles;
			/* a service the VMM served alone (an L2TLB hit) still has its
			 * events, carried on the VMM rows */
			if (s->run_events < row->events && 
			    results_find_row(run, "kernel", row->service, "guest kernel") < 0)
				s->run_events = row->events;
		}
	}
	if (!ok)
		goto out;
	qsort(ss.s, ss.n, sizeof *ss.s, by_run_cost);

	size_t c_service = table_add_column(t, "service", -1);
	size_t c_events = table_add_column(t, "events", 0);
	size_t c_native = table_add_column(t, "native cyc/event", 1);
	size_t c_cycles = table_add_column(t, "cyc/event", 1);
	size_t c_slow = table_add_column(t, "slowdown", 3);
	size_t c_guest = table_add_column(t, "guest", 3);
	for (size_t c = 0; c < ss.ncomponents; c++)
		table_add_column(t, ss.component[c], 3);
	for (size_t i = 0; i < ss.n; i++) {
		const struct service *s = &ss.s[i];
		/* per event when both sides count events, else per run (kernel
		 * time outside any entry) */
		bool per_event = s->base_events > 0 && s->run_events > 0;
		double bu = per_event ? s->base_events : (double)base_runs;
		double ru = per_event ? s->run_events : (double)run_runs;
		double native = s->base_cycles / bu;
		size_t r = table_add_row(t);
		table_set_text(t, r, c_service, s->name);
		table_set_number(t, r, c_events, s->run_events / (double)run_runs);
		table_set_number(t, r, c_native, s->base_cycles > 0 ? native : NAN);
		table_set_number(t, r, c_cycles, s->run_total / ru);
		if (s->base_cycles > 0) {
			table_set_number(t, r, c_slow, (s->run_total / ru) / native);
			table_set_number(t, r, c_guest, (s->run_guest / ru) / native);
			for (size_t c = 0; c < ss.ncomponents; c++)
				table_set_number(t, r, c_guest + 1 + c, (s->vmm[c] / ru) / native);
		}
	}
	totals->base_cycles = base->total_cycles / (double)base_runs;
	totals->run_cycles = run->total_cycles / (double)run_runs;
	totals->overhead_pct = totals->base_cycles > 0
	                               ? 100.0 * (totals->run_cycles / totals->base_cycles - 1.0)
	                               : NAN;
	double vmm = 0;
	for (size_t c = 0; c < ss.ncomponents; c++)
		vmm += run_vmm_total[c];
	size_t r = table_add_row(t);
	table_set_text(t, r, c_service, "total");
	table_set_number(t, r, c_native, totals->base_cycles);
	table_set_number(t, r, c_cycles, totals->run_cycles);
	if (totals->base_cycles > 0) {
		table_set_number(t, r, c_slow, totals->run_cycles / totals->base_cycles);
		table_set_number(t, r, c_guest,
		                 (run->total_cycles - vmm) / (double)run_runs / totals->base_cycles);
		for (size_t c = 0; c < ss.ncomponents; c++)
			table_set_number(t, r, c_guest + 1 + c,
			                 run_vmm_total[c] / (double)run_runs / totals->base_cycles);
	}
	ok = table_ok(t);
out:
	for (size_t i = 0; ss.s && i < ss.n; i++)
		free(ss.s[i].vmm);
	free(ss.s);
	free(ss.component);
	free(run_vmm_total);
	return ok;
}

bool compare_groups(const struct group *g, const struct group *b, struct table *t,
                        struct compare_totals *tot)
{
	struct results base, run;
	if (!group_merge(b, &base))
		return false;
	if (!group_merge(g, &run)) {
		results_free(&base);
		return false;
	}
	bool ok = compare_table(&base, b->n, &run, g->n, t, tot);
	results_free(&base);
	results_free(&run);
	return ok;
}

/* The column of t named name, or t->ncols. */
static size_t column_named(const struct table *t, const char *name)
{
	size_t c = 0;
	while (c < t->ncols && strcmp(t->col[c].name, name))
		c++;
	return c;
}

/* Copy t's rows into all, under the group and baseline columns, matching
 * columns by name (all has every component column of every group). */
static void append_rows(struct table *all, const struct table *t, const struct group *g,
                        const struct group *b)
{
	for (size_t r = 0; r < t->nrows; r++) {
		size_t o = table_add_row(all);
		table_set_text(all, o, 0, g->label);
		table_set_text(all, o, 1, b->label);
		for (size_t c = 0; c < t->ncols; c++) {
			size_t to = column_named(all, t->col[c].name);
			const struct table_cell *cell = &t->cell[r * t->ncols + c];
			if (t->col[c].decimals < 0)
				table_set_text(all, o, to, cell->text ? cell->text : "");
			else
				table_set_number(all, o, to, cell->value);
		}
	}
}

static void json_text(FILE *out, const char *s)
{
	json_t *v = json_string(s);
	json_dumpf(v, out, JSON_ENCODE_ANY);
	json_decref(v);
}

/* CSV: one table over every group, the union of their component columns;
 * two passes, since a table takes its columns before its rows. */
static int print_csv(FILE *out, const struct group_set *s, const size_t *order)
{
	struct table all;
	table_init(&all);
	table_add_column(&all, "group", -1);
	table_add_column(&all, "baseline", -1);
	int shown = 0;
	bool ok = true;
	for (int pass = 0; ok && pass < 2; pass++)
		for (size_t k = 0; ok && k < s->n; k++) {
			const struct group *g = &s->group[order[k]], *b = group_baseline(s, g);
			struct table t;
			struct compare_totals tot;
			if (!b)
				continue;
			table_init(&t);
			ok = compare_groups(g, b, &t, &tot);
			for (size_t c = 0; ok && pass == 0 && c < t.ncols; c++)
				if (column_named(&all, t.col[c].name) == all.ncols)
					table_add_column(&all, t.col[c].name, t.col[c].decimals);
			if (ok && pass == 1) {
				append_rows(&all, &t, g, b);
				shown++;
			}
			table_free(&t);
		}
	ok = ok && table_ok(&all);
	if (ok)
		table_print(out, &all, TABLE_CSV);
	table_free(&all);
	return ok ? shown : -1;
}

int compare_print_services(FILE *out, const struct group_set *s, enum table_format f)
{
	size_t *order = malloc((s->n ? s->n : 1) * sizeof *order);
	if (!order)
		return -1;
	compare_order(s, order);
	if (f == TABLE_CSV) {
		int shown = print_csv(out, s, order);
		free(order);
		return shown;
	}
	int shown = 0;
	bool ok = true;
	if (f == TABLE_JSON)
		fputc('[', out);
	for (size_t k = 0; ok && k < s->n; k++) {
		const struct group *g = &s->group[order[k]], *b = group_baseline(s, g);
		if (!b)
			continue;
		struct table t;
		struct compare_totals tot;
		table_init(&t);
		if ((ok = compare_groups(g, b, &t, &tot)) && f == TABLE_TEXT) {
			fprintf(out, "%s%s (%zu run%s) against %s (%zu run%s)\n", shown ? "\n" : "",
			        g->label, g->n, g->n == 1 ? "" : "s", b->label, b->n, b->n == 1 ? "" : "s");
			table_print(out, &t, TABLE_TEXT);
			fprintf(out, "overhead: %+.2f%% (%.0f cycles against %.0f, means per run)\n",
			        tot.overhead_pct, tot.run_cycles, tot.base_cycles);
		} else if (ok) {
			fprintf(out, "%s\n  {\"group\": ", shown ? "," : "");
			json_text(out, g->label);
			fprintf(out, ", \"baseline\": ");
			json_text(out, b->label);
			fprintf(out, ", \"runs\": %zu, \"baseline_runs\": %zu, \"overhead_pct\": ", g->n,
			        b->n);
			if (isnan(tot.overhead_pct))
				fprintf(out, "null");
			else
				fprintf(out, "%.3f", tot.overhead_pct);
			fprintf(out, ",\n   \"services\": ");
			table_print_json(out, &t, 3);
			fputc('}', out);
		}
		table_free(&t);
		shown += ok;
	}
	if (f == TABLE_JSON)
		fprintf(out, "%s]", shown ? "\n" : "");
	free(order);
	return ok ? shown : -1;
}
