/* A B+tree index from 32-bit keys to 32-bit values (row numbers), for the
 * database workload: inner nodes route, leaves hold the entries in key
 * order and are chained left to right for range scans.  Nodes come from
 * malloc; the tree never shrinks (the workload deletes nothing). */
#ifndef GUEST_APPS_BTREE_H
#define GUEST_APPS_BTREE_H

#include <stdint.h>

#define BTREE_FANOUT 32 /* keys per node at most */

struct btree_node {
	uint32_t leaf;  /* 1 for a leaf */
	uint32_t count; /* keys in use */
	uint32_t keys[BTREE_FANOUT];
	union {
		struct btree_node *child[BTREE_FANOUT + 1]; /* inner: count + 1 */
		uint32_t value[BTREE_FANOUT];               /* leaf: count */
	} u;
	struct btree_node *next; /* leaf: the leaf to the right, or NULL */
};

struct btree {
	struct btree_node *root;
	uint32_t entries, nodes, height;
};

/* A position in the leaves, for range scans. */
struct btree_cursor {
	const struct btree_node *leaf;
	uint32_t index;
};

/* 0 on success, -1 when out of memory. */
int btree_init(struct btree *t);
/* Insert key -> value, or replace the value of an existing key.  1 when it
 * inserted, 0 when it replaced, -1 when out of memory. */
int btree_insert(struct btree *t, uint32_t key, uint32_t value);
/* 1 and *value when key is present, else 0. */
int btree_find(const struct btree *t, uint32_t key, uint32_t *value);
/* A cursor at the first entry whose key is >= key. */
struct btree_cursor btree_seek(const struct btree *t, uint32_t key);
/* The entry under the cursor and move on: 0 at the end of the index. */
int btree_next(struct btree_cursor *c, uint32_t *key, uint32_t *value);
/* Walk the whole tree and check its invariants (key order inside and
 * across nodes, fill, leaf chain, entry count): 0 when it holds. */
int btree_check(const struct btree *t);

#endif
