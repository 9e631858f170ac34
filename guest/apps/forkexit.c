/* forkexit: process creation and teardown.  Fork a child that exits at
 * once with a code drawn from the seed, wait for it, check the code: each
 * round is a fork (address space copied copy-on-write), the child's first
 * writes (COW faults on its stack), an exit that frees it all and a wait. */
#include "common.h"

#include <errno.h>
#include <hash.h>
#include <rng.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "forkexit", argc, argv);
	uint32_t n = app_param(&a, "iters") * a.size;
	struct rng r;
	rng_init(&r, a.seed, 0);
	uint32_t h = hash_mix(0, a.seed);

	for (uint32_t i = 0; i < n; i++) {
		int code = (int)rng_below(&r, 256);
		int pid = fork();
		if (pid < 0)
			app_fail(&a, "fork: error %d", errno);
		if (pid == 0)
			_exit(code);
		int status;
		int got = wait(&status);
		if (got != pid)
			app_fail(&a, "wait returned %d, not the child %d", got, pid);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
			app_fail(&a, "child exited with status 0x%x, not code %d",
				 (unsigned)status, code);
		h = hash_mix(h, (uint32_t)WEXITSTATUS(status));
	}
	return app_finish(&a, h);
}
