/* nullsys: the null system call.  getpid in a tight loop, so that nearly
 * every cycle is the trap into the kernel and back (the SYS getpid row of
 * the breakdown).  The checksum folds the seed and every answer's agreement
 * with the first one, never the pid itself. */
#include "common.h"

#include <hash.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "nullsys", argc, argv);
	uint32_t n = app_param(&a, "iters") * a.size;
	int pid = getpid();
	uint32_t h = hash_mix(0, a.seed);

	for (uint32_t i = 0; i < n; i++) {
		int again = getpid();
		if (again != pid)
			app_fail(&a, "getpid changed from %d to %d", pid, again);
		h = hash_mix(h, i);
	}
	return app_finish(&a, h);
}
