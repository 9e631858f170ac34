/* `vmmsim stats` as a table: for each group of runs that differ only in
 * their seed, the total cycles, the overhead against the native group when
 * there is one, and every breakdown row's cycles, each summarized over the
 * group's runs (n, mean, sd, 95% t-interval, median, min, max). */
#ifndef VMMSIM_STATS_TABLE_H
#define VMMSIM_STATS_TABLE_H

#include <stdbool.h>

#include "analysis/group.h"
#include "analysis/table.h"

/* Rows for group g (or every group when g is NULL) into t, which
 * table_init has prepared; with_group adds the columns that name the group
 * (group, workload, policy).  False if memory ran out. */
bool stats_table(const struct group_set *s, const struct group *g, bool with_group,
                 struct table *t);

/* The overhead of each run of g against baseline b in percent:
 * 100 * (cycles / group_reference - 1). */
void stats_overhead(const struct group *g, const struct group *b, double *out);

#endif
