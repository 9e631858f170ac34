/* tlbmiss: TLB refills.  An array of `pages` pages is filled once (demand-
 * zero faults, not what this benchmark measures), then read `passes` times
 * with one load every `stride` bytes.  With the defaults each load lands on
 * a different even/odd page pair and the pairs far outnumber the 48 TLB
 * entries, so nearly every load is a UTLB refill. */
#include "common.h"

#include <hash.h>
#include <rng.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "tlbmiss", argc, argv);
	uint32_t pages = app_param(&a, "pages"), stride = app_param(&a, "stride");
	uint32_t passes = app_param(&a, "passes") * a.size;
	if (stride % 4 != 0)
		app_fail(&a, "stride=%u is not a multiple of 4", (unsigned)stride);
	uint32_t words = pages * (APP_PAGE / 4), step = stride / 4;
	uint32_t *array = malloc(words * 4);
	if (array == NULL)
		app_fail(&a, "no memory for %u pages", (unsigned)pages);

	/* One random word a page, spread over the page cheaply: the fill is
	 * not what this benchmark measures. */
	struct rng r;
	rng_init(&r, a.seed, 0);
	uint32_t base = 0;
	for (uint32_t i = 0; i < words; i++) {
		if (i % (APP_PAGE / 4) == 0)
			base = rng_next(&r);
		array[i] = base + i * 0x9e3779b9u;
	}

	uint32_t h = hash_mix(0, a.seed);
	for (uint32_t pass = 0; pass < passes; pass++) {
		uint32_t sum = 0;
		/* Start each pass one word further in, so that the passes read
		 * different words of the same pages. */
		for (uint32_t i = pass % step; i < words; i += step)
			sum += array[i];
		h = hash_mix(h, sum);
	}
	return app_finish(&a, h);
}
