/* database: an in-memory table of 64-byte rows (2 MiB by default) with a
 * B+tree index on its key (btree.c), answering a generated mix of queries:
 * point lookups that read a row, range scans along the index that sum a
 * column, updates of a row, and name matches.  The rows are visited in key
 * order, i.e. at random in memory, so the working set is far beyond the
 * TLB's reach: most table accesses take a TLB miss.  The checksum folds
 * every query's answer in query order. */
#include "btree.h"
#include "common.h"

#include <hash.h>
#include <rng.h>
#include <stdlib.h>
#include <string.h>

struct row {
	uint32_t key;
	uint32_t balance;
	uint32_t count; /* updates applied */
	uint32_t region;
	char name[48]; /* lowercase letters, NUL-padded */
};

/* Row i's key: a bijection of i (MurmurHash3's finaliser), so keys are
 * unique, and scattered so that the index order is not the table order. */
static uint32_t row_key(uint32_t salt, uint32_t i) { return hash_final(i + salt); }

static void fill(struct row *table, uint32_t rows, uint32_t seed, uint32_t salt)
{
	struct rng r;
	rng_init(&r, seed, 1);
	for (uint32_t i = 0; i < rows; i++) {
		struct row *w = &table[i];
		memset(w, 0, sizeof(*w));
		w->key = row_key(salt, i);
		w->balance = rng_below(&r, 1000000);
		w->region = rng_below(&r, 16);
		/* Six letters from each random word, five bits a letter. */
		uint32_t len = rng_range(&r, 8, 23), bits = 0;
		for (uint32_t k = 0; k < len; k++, bits >>= 5) {
			if (k % 6 == 0)
				bits = rng_next(&r);
			w->name[k] = (char)('a' + ((bits & 31) * 26 >> 5));
		}
	}
}

/* How many of the len letters of pattern start the name. */
static uint32_t prefix_match(const char *name, const char *pattern, uint32_t len)
{
	uint32_t k = 0;
	while (k < len && name[k] == pattern[k])
		k++;
	return k;
}

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "database", argc, argv);
	uint32_t rows = app_param(&a, "rows");
	uint32_t queries = app_param(&a, "queries") * a.size;
	uint32_t salt = hash_mix(0x5eed, a.seed);

	struct row *table = malloc(rows * (uint32_t)sizeof(struct row));
	if (table == NULL)
		app_fail(&a, "no memory for %u rows", (unsigned)rows);
	fill(table, rows, a.seed, salt);

	struct btree index;
	if (btree_init(&index) != 0)
		app_fail(&a, "no memory for the index");
	for (uint32_t i = 0; i < rows; i++)
		if (btree_insert(&index, table[i].key, i) != 1)
			app_fail(&a, "index insert of row %u failed", (unsigned)i);
	if (btree_check(&index) != 0)
		app_fail(&a, "the index is inconsistent after loading");

	struct rng r;
	rng_init(&r, a.seed, 2);
	uint32_t h = hash_mix(hash_mix(0, index.height), index.nodes);
	uint32_t hits = 0;
	for (uint32_t q = 0; q < queries; q++) {
		uint32_t kind = rng_below(&r, 100), row, answer = 0;
		/* Nine keys in ten exist; the tenth is (almost surely) absent. */
		uint32_t key = rng_below(&r, 10) ? row_key(salt, rng_below(&r, rows)) : rng_next(&r);
		if (kind < 55) { /* point lookup */
			if (btree_find(&index, key, &row)) {
				const struct row *w = &table[row];
				answer = w->balance ^ w->region ^ (uint32_t)strlen(w->name);
				hits++;
			}
		} else if (kind < 80) { /* range scan: sum a column over the next n keys */
			uint32_t n = rng_range(&r, 1, 64), k, v;
			struct btree_cursor c = btree_seek(&index, key);
			while (n-- > 0 && btree_next(&c, &k, &v))
				answer += table[v].balance + (table[v].region == 3);
		} else if (kind < 95) { /* update */
			if (btree_find(&index, key, &row)) {
				struct row *w = &table[row];
				w->balance = (w->balance + rng_below(&r, 1000)) % 1000000;
				w->count++;
				answer = w->balance;
			}
		} else { /* name match: how well a pattern matches the rows of a range */
			char pattern[4];
			for (uint32_t k = 0; k < sizeof(pattern); k++)
				pattern[k] = (char)('a' + rng_below(&r, 26));
			uint32_t n = 32, k, v;
			struct btree_cursor c = btree_seek(&index, key);
			while (n-- > 0 && btree_next(&c, &k, &v))
				answer += prefix_match(table[v].name, pattern, sizeof(pattern));
		}
		h = hash_mix(h, answer);
	}
	/* The final state of the table, in row order. */
	for (uint32_t i = 0; i < rows; i++)
		h = hash_mix(h, table[i].balance + table[i].count);
	return app_finish(&a, hash_mix(h, hits));
}
