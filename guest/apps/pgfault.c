/* pgfault: demand-zero page faults.  Each round runs in a fresh child that
 * grows its heap with sbrk by `pages` pages and writes one word into each:
 * every write is the first touch of a page the kernel must allocate and
 * zero (the DEMAND_ZERO service).  The child then reads the pages back,
 * checks that the rest of each page is still zero, and reports a hash of
 * what it read; the parent combines the rounds in order. */
#include "common.h"

#include <hash.h>
#include <rng.h>
#include <unistd.h>

static uint32_t round_run(const struct app *a, uint32_t round)
{
	uint32_t pages = app_param(a, "pages");
	struct rng r;
	rng_init(&r, a->seed, round);
	char *base = sbrk((intptr_t)(pages * APP_PAGE));
	if (base == (char *)-1)
		app_fail(a, "sbrk of %u pages failed", (unsigned)pages);
	/* The words sit at a different offset in each page. */
	for (uint32_t p = 0; p < pages; p++) {
		uint32_t *w = (uint32_t *)(void *)(base + p * APP_PAGE);
		w[p % (APP_PAGE / 4)] = rng_next(&r) | 1;
	}
	uint32_t h = hash_mix(0, round);
	for (uint32_t p = 0; p < pages; p++) {
		const uint32_t *w = (const uint32_t *)(const void *)(base + p * APP_PAGE);
		uint32_t at = p % (APP_PAGE / 4);
		if (w[(at + 1) % (APP_PAGE / 4)] != 0)
			app_fail(a, "page %u was not zero-filled", (unsigned)p);
		h = hash_mix(h, w[at]);
	}
	return h;
}

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "pgfault", argc, argv);
	uint32_t h = hash_mix(0, a.seed);
	for (uint32_t round = 0; round < a.size; round++) {
		app_spawn(&a, round, round_run);
		app_reap(&a, 1);
		h = hash_mix(h, app_result(&a, round));
	}
	return app_finish(&a, h);
}
