/* ctxsw: context switches.  `procs` children each yield the CPU `iters`
 * times; with all of them runnable every yield switches to another process
 * (the SYS yield row, and the TLB refills that follow an address-space
 * switch).  Each child folds its own index and count into a result; the
 * parent combines the results by index, so the checksum does not depend on
 * the order in which the children ran or finished. */
#include "common.h"

#include <errno.h>
#include <hash.h>
#include <unistd.h>

static uint32_t child(const struct app *a, uint32_t index)
{
	uint32_t n = app_param(a, "iters") * a->size;
	uint32_t h = hash_mix(a->seed, index);
	for (uint32_t i = 0; i < n; i++) {
		if (yield() != 0)
			app_fail(a, "yield: error %d", errno);
		h = hash_mix(h, i);
	}
	return h;
}

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "ctxsw", argc, argv);
	uint32_t procs = app_param(&a, "procs");
	for (uint32_t i = 0; i < procs; i++)
		app_spawn(&a, i, child);
	app_reap(&a, procs);
	uint32_t h = hash_mix(0, a.seed);
	for (uint32_t i = 0; i < procs; i++)
		h = hash_mix(h, app_result(&a, i));
	return app_finish(&a, h);
}
