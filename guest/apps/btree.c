/* The B+tree index of the database workload (btree.h).  Insertion descends
 * from the root and splits a full node on the way down, so a split never
 * has to propagate back up (the CLRS style of B-tree insertion). */
#include "btree.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static struct btree_node *node_new(struct btree *t, uint32_t leaf)
{
	struct btree_node *n = malloc(sizeof(*n));
	if (n == NULL)
		return NULL;
	memset(n, 0, sizeof(*n));
	n->leaf = leaf;
	t->nodes++;
	return n;
}

int btree_init(struct btree *t)
{
	memset(t, 0, sizeof(*t));
	t->root = node_new(t, 1);
	t->height = 1;
	return t->root ? 0 : -1;
}

/* The first slot whose key is >= key (binary search). */
static uint32_t lower_bound(const struct btree_node *n, uint32_t key)
{
	uint32_t lo = 0, hi = n->count;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (n->keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The child of inner node n that holds key: keys[i] is the smallest key of
 * child i + 1. */
static uint32_t route(const struct btree_node *n, uint32_t key)
{
	uint32_t i = lower_bound(n, key);
	return i < n->count && n->keys[i] == key ? i + 1 : i;
}

/* Split the full child i of parent into two halves; the parent has room. */
static int split_child(struct btree *t, struct btree_node *parent, uint32_t i)
{
	struct btree_node *left = parent->u.child[i];
	struct btree_node *right = node_new(t, left->leaf);
	if (right == NULL)
		return -1;
	uint32_t half = BTREE_FANOUT / 2, sep;
	if (left->leaf) {
		/* Leaves keep every key: the right half's first is copied up. */
		right->count = BTREE_FANOUT - half;
		memcpy(right->keys, left->keys + half, right->count * sizeof(uint32_t));
		memcpy(right->u.value, left->u.value + half, right->count * sizeof(uint32_t));
		right->next = left->next;
		left->next = right;
		sep = right->keys[0];
	} else {
		/* Inner nodes move the middle key up. */
		sep = left->keys[half];
		right->count = BTREE_FANOUT - half - 1;
		memcpy(right->keys, left->keys + half + 1, right->count * sizeof(uint32_t));
		memcpy(right->u.child, left->u.child + half + 1,
		       (right->count + 1) * sizeof(struct btree_node *));
	}
	left->count = half;
	memmove(parent->keys + i + 1, parent->keys + i, (parent->count - i) * sizeof(uint32_t));
	memmove(parent->u.child + i + 2, parent->u.child + i + 1,
		(parent->count - i) * sizeof(struct btree_node *));
	parent->keys[i] = sep;
	parent->u.child[i + 1] = right;
	parent->count++;
	return 0;
}

int btree_insert(struct btree *t, uint32_t key, uint32_t value)
{
	if (t->root->count == BTREE_FANOUT) {
		struct btree_node *root = node_new(t, 0);
		if (root == NULL)
			return -1;
		root->u.child[0] = t->root;
		t->root = root;
		t->height++;
		if (split_child(t, root, 0) != 0)
			return -1;
	}
	struct btree_node *n = t->root;
	while (!n->leaf) {
		uint32_t i = route(n, key);
		if (n->u.child[i]->count == BTREE_FANOUT) {
			if (split_child(t, n, i) != 0)
				return -1;
			i = route(n, key);
		}
		n = n->u.child[i];
	}
	uint32_t i = lower_bound(n, key);
	if (i < n->count && n->keys[i] == key) {
		n->u.value[i] = value;
		return 0;
	}
	memmove(n->keys + i + 1, n->keys + i, (n->count - i) * sizeof(uint32_t));
	memmove(n->u.value + i + 1, n->u.value + i, (n->count - i) * sizeof(uint32_t));
	n->keys[i] = key;
	n->u.value[i] = value;
	n->count++;
	t->entries++;
	return 1;
}

static const struct btree_node *find_leaf(const struct btree *t, uint32_t key)
{
	const struct btree_node *n = t->root;
	while (!n->leaf)
		n = n->u.child[route(n, key)];
	return n;
}

int btree_find(const struct btree *t, uint32_t key, uint32_t *value)
{
	const struct btree_node *n = find_leaf(t, key);
	uint32_t i = lower_bound(n, key);
	if (i < n->count && n->keys[i] == key) {
		*value = n->u.value[i];
		return 1;
	}
	return 0;
}

struct btree_cursor btree_seek(const struct btree *t, uint32_t key)
{
	const struct btree_node *n = find_leaf(t, key);
	struct btree_cursor c = {n, lower_bound(n, key)};
	return c;
}

int btree_next(struct btree_cursor *c, uint32_t *key, uint32_t *value)
{
	while (c->leaf != NULL && c->index >= c->leaf->count) {
		c->leaf = c->leaf->next;
		c->index = 0;
	}
	if (c->leaf == NULL)
		return 0;
	*key = c->leaf->keys[c->index];
	*value = c->leaf->u.value[c->index];
	c->index++;
	return 1;
}

/* Check the subtree under n, whose keys must lie in [lo, hi) (hi_open:
 * no upper bound); counts its entries into *entries and its leaf depth. */
static int check_node(const struct btree_node *n, uint32_t lo, uint32_t hi, int hi_open,
		      uint32_t depth, uint32_t height, uint32_t *entries)
{
	if (n->count > BTREE_FANOUT || (n->count == 0 && !(n->leaf && depth == 1)))
		return -1;
	for (uint32_t i = 0; i < n->count; i++) {
		if (n->keys[i] < lo || (!hi_open && n->keys[i] >= hi))
			return -1;
		if (i > 0 && n->keys[i - 1] >= n->keys[i])
			return -1;
	}
	if (n->leaf) {
		*entries += n->count;
		return depth == height ? 0 : -1;
	}
	for (uint32_t i = 0; i <= n->count; i++) {
		uint32_t clo = i == 0 ? lo : n->keys[i - 1];
		uint32_t chi = i == n->count ? hi : n->keys[i];
		int copen = i == n->count ? hi_open : 0;
		if (check_node(n->u.child[i], clo, chi, copen, depth + 1, height, entries) != 0)
			return -1;
	}
	return 0;
}

int btree_check(const struct btree *t)
{
	uint32_t entries = 0, chained = 0, key, value, prev = 0;
	if (check_node(t->root, 0, 0, 1, 1, t->height, &entries) != 0 || entries != t->entries)
		return -1;
	/* The leaf chain visits every entry once, in increasing key order. */
	struct btree_cursor c = btree_seek(t, 0);
	while (btree_next(&c, &key, &value)) {
		if (chained > 0 && key <= prev)
			return -1;
		prev = key;
		chained++;
	}
	return chained == t->entries ? 0 : -1;
}
