/* Comparing runs with their native baseline (`vmmsim compare`, the sweep's
 * summary, the "time" and "services" charts):
 * - the execution time of each group normalized to its native group, split
 *   by who (user, kernel, VMM, idle): Disco's Figure 5;
 * - one run (or merged group) against its baseline in the layout of Disco's
 *   Table 2: one row per guest service, with the event count, the mean
 *   native cycles per event, the slowdown, and the slowdown split into its
 *   components (the guest's own time, then each VMM component), which add
 *   up to it. */
#ifndef VMMSIM_COMPARE_H
#define VMMSIM_COMPARE_H

#include <stddef.h>

#include "analysis/group.h"
#include "analysis/results.h"
#include "analysis/stats.h"
#include "analysis/table.h"

/* Who spent the time, in the order of the time chart's stack. */
enum compare_who { COMPARE_USER, COMPARE_KERNEL, COMPARE_VMM, COMPARE_IDLE, COMPARE_NWHO };
extern const char *const compare_who_name[COMPARE_NWHO];

/* A group's execution time normalized to its baseline: each run's cycles
 * divided by group_reference (the native run of the same seed, else the
 * native mean), then summarized over the runs.  The parts by who are means
 * of the same ratios, so they add up to total.mean. */
struct compare_time {
	const struct group *g;
	const struct group *base; /* the native group, or g itself when there is none */
	struct stats_summary total;
	double part[COMPARE_NWHO];
};

/* The normalized time of g (base as group_baseline finds it, else g). */
bool compare_time(const struct group_set *s, const struct group *g, struct compare_time *out);

/* The groups in the order the comparison shows them: by workload in order
 * of first appearance, the native group first within a workload.  Fills
 * order[s->n] with group indices. */
void compare_order(const struct group_set *s, size_t *order);

/* The normalized-time table over every group of s (rows in compare_order):
 * workload, policy, group, n, total, its 95% t-interval, user, kernel, vmm,
 * idle, overhead %, baseline.  False if memory ran out. */
bool compare_time_table(const struct group_set *s, struct table *t);

/* Table 2 for every group of s that has a native baseline: the groups
 * merged over their seeds, each table under a heading (TABLE_TEXT), or as
 * one table with the group and baseline in the first columns and the union
 * of the components (CSV), or as a JSON array of objects {group, baseline,
 * runs, baseline_runs, overhead_pct, services: [...]}.  Returns the number
 * of groups shown, -1 if memory ran out. */
int compare_print_services(FILE *out, const struct group_set *s, enum table_format f);

struct compare_totals {
	double base_cycles, run_cycles; /* per run */
	double overhead_pct;            /* 100 * (run / base - 1) */
};

/* base and run may be merged groups of base_runs and run_runs runs (counts
 * summed); per-event figures are then pooled over the runs.  Fills t (which
 * table_init has prepared) with the service rows, largest run cost first,
 * and a last row "total" for the whole run.  False if memory ran out. */
bool compare_table(const struct results *base, size_t base_runs, const struct results *run,
                   size_t run_runs, struct table *t, struct compare_totals *totals);

/* compare_table for group g against its baseline b, each merged over its
 * seeds (group_merge). */
bool compare_groups(const struct group *g, const struct group *b, struct table *t,
                    struct compare_totals *totals);

/* The index of the first component column ("guest") of compare's table. */
#define COMPARE_FIRST_COMPONENT 5

#endif
