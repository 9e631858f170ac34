/* pmake: a parallel build, Disco's Pmake.  Each of `size` builds writes
 * `files` generated sources (pmake_gen.c) into the file system, then runs
 * /bin/cc1 over them, at most `jobs` compilers at once (fork, exec, wait),
 * and finally "links": concatenates the outputs in file order into one
 * file.  Stresses the kernel: fork (copy-on-write), exec, demand-zero
 * faults of fresh processes, open/read/write/close/unlink, and the
 * scheduler with several compilers runnable.  The checksum folds each
 * output's CRC-32 in file order and the linked size, never the order in
 * which the compilers finished; every file is removed at the end. */
#include "common.h"
#include "pmake_gen.h"

#include <errno.h>
#include <fcntl.h>
#include <hash.h>
#include <rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_FILE (1024 * 1024) /* the file system's largest file */
#define LINKED "pm.out"

static void path_of(char *buf, uint32_t cap, uint32_t file, const char *ext)
{
	snprintf(buf, cap, "pm%u.%s", (unsigned)file, ext);
}

/* Start cc1 on source file i in a child. */
static void start_job(const struct app *a, uint32_t i)
{
	char src[32], obj[32];
	path_of(src, sizeof(src), i, "c");
	path_of(obj, sizeof(obj), i, "s");
	int pid = fork();
	if (pid < 0)
		app_fail(a, "fork: error %d", errno);
	if (pid == 0) {
		char *argv[] = {"cc1", src, obj, NULL};
		exec("/bin/cc1", argv);
		dprintf(STDERR_FILENO, "pmake: exec /bin/cc1: error %d\n", errno);
		_exit(127);
	}
}

/* One build: sources, compilers, link; its contribution to the checksum. */
static uint32_t build(const struct app *a, uint32_t b, char *buf)
{
	uint32_t files = app_param(a, "files"), jobs = app_param(a, "jobs");
	uint32_t funcs = app_param(a, "funcs");
	char path[32];

	for (uint32_t i = 0; i < files; i++) {
		struct rng r;
		rng_init(&r, a->seed, b * 64 + i);
		uint32_t len = pmake_generate(&r, funcs, buf, MAX_FILE);
		if (len == 0)
			app_fail(a, "source %u does not fit %u bytes", (unsigned)i, MAX_FILE);
		path_of(path, sizeof(path), i, "c");
		app_write_file(a, path, buf, len);
	}

	uint32_t started = 0, running = 0;
	while (started < files || running > 0) {
		while (running < jobs && started < files) {
			start_job(a, started++);
			running++;
		}
		int status;
		if (wait(&status) < 0)
			app_fail(a, "wait: error %d", errno);
		running--;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			app_fail(a, "a compiler failed (status 0x%x)", (unsigned)status);
	}

	/* Link: the outputs in file order, appended to one file. */
	uint32_t h = hash_mix(0, b);
	int out = open(LINKED, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND);
	if (out < 0)
		app_fail(a, "open %s: error %d", LINKED, errno);
	for (uint32_t i = 0; i < files; i++) {
		path_of(path, sizeof(path), i, "s");
		uint32_t len = app_read_file(a, path, buf, MAX_FILE);
		h = hash_mix(h, crc32_update(0, buf, len));
		if (write_all(out, buf, len) != 0)
			app_fail(a, "write %s: error %d", LINKED, errno);
		if (unlink(path) != 0)
			app_fail(a, "unlink %s: error %d", path, errno);
		path_of(path, sizeof(path), i, "c");
		if (unlink(path) != 0)
			app_fail(a, "unlink %s: error %d", path, errno);
	}
	close(out);
	h = hash_mix(h, app_read_file(a, LINKED, buf, MAX_FILE));
	if (unlink(LINKED) != 0)
		app_fail(a, "unlink %s: error %d", LINKED, errno);
	return h;
}

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "pmake", argc, argv);
	char *buf = malloc(MAX_FILE);
	if (buf == NULL)
		app_fail(&a, "no memory for a %u-byte buffer", MAX_FILE);
	uint32_t h = hash_mix(0, a.seed);
	for (uint32_t b = 0; b < a.size; b++)
		h = hash_mix(h, build(&a, b, buf));
	return app_finish(&a, h);
}
