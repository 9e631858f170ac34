/* Grouping results that differ only in their seed (same configuration, as
 * results_config defines it), and merging a group into one result whose
 * counts are the sums over its runs. */
#ifndef VMMSIM_GROUP_H
#define VMMSIM_GROUP_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/results.h"

struct group {
	json_t *config;    /* results_config of its runs */
	char *key;         /* config as canonical JSON */
	char *label;       /* "workload/policy" plus the fields that set it apart */
	const char *workload; /* or the program's base name for bare runs */
	const char *policy;
	struct results **runs; /* in the order given, each seed once */
	size_t n;
};

struct group_set {
	struct group *group;
	size_t n;
};

/* Group r[0..n-1] in order of first appearance.  Two runs of one
 * configuration with the same seed are an error (a file given twice, or two
 * sweeps mixed): false with a message naming both files. */
bool group_results(struct results *r, size_t n, const char *const *ignore, struct group_set *out,
                   char *err, size_t errlen);
void group_set_free(struct group_set *s);

/* A breakdown row's identity. */
struct group_row_key {
	const char *who, *service, *component;
};

/* The rows that occur in any run of g, in order of first appearance;
 * *keys is malloc'ed. */
size_t group_row_keys(const struct group *g, struct group_row_key **keys);

/* The merged result: every count summed over the runs (divide by g->n for
 * means), rows in order of first appearance, histograms of equal edges
 * added.  out->root is NULL; free with results_free. */
bool group_merge(const struct group *g, struct results *out);

/* The native group to compare g with: policy "native" and otherwise the same
 * configuration, else the first native group of the same workload; NULL if
 * there is none or g is native itself. */
const struct group *group_baseline(const struct group_set *s, const struct group *g);

/* The native cycles that run i of g is measured against: the total of b's
 * run with the same seed when b has a run for every seed of g (paired),
 * else the mean total of b. */
double group_reference(const struct group *g, size_t i, const struct group *b);

/* A configuration field of g by name: a key, or OBJECT.MEMBER
 * ("args.files"); NULL if absent. */
json_t *group_field(const struct group *g, const char *field);

/* g's configuration without field, as canonical text (malloc'ed): groups
 * with equal keys form one series of a chart along that field. */
char *group_key_without(const struct group *g, const char *field);

/* g's label without the " field=value" part, for a chart's series titled
 * along that field. */
void group_label_without(const struct group *g, const char *field, char *buf, size_t len);

#endif
