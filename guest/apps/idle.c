/* idle: a machine with little to do.  The parent forks one child and
 * blocks in wait; the child sleeps `sleeps` times for `period` microseconds
 * of the kernel clock, each time by yielding until the clock has moved on.
 * A process that yields with nobody else runnable waits for the next timer
 * tick (guest/ABI.md), so the CPU sits in the kernel's idle loop (WAIT)
 * most of the time: the IDLE row of the breakdown.  The checksum counts
 * sleeps, never times. */
#include "common.h"

#include <errno.h>
#include <hash.h>
#include <unistd.h>

static uint32_t child(const struct app *a, uint32_t index)
{
	uint32_t n = app_param(a, "sleeps") * a->size, period = app_param(a, "period");
	uint32_t h = hash_mix(a->seed, index);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t start = (uint32_t)time_us();
		while ((uint32_t)time_us() - start < period)
			if (yield() != 0)
				app_fail(a, "yield: error %d", errno);
		h = hash_mix(h, i);
	}
	return h;
}

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "idle", argc, argv);
	app_spawn(&a, 0, child);
	app_reap(&a, 1);
	return app_finish(&a, hash_mix(hash_mix(0, a.seed), app_result(&a, 0)));
}
