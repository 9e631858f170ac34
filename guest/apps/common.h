/* What every workload program shares: its parameters (from workloads.def),
 * its failure path and its last line, "checksum NAME 0x%08x". */
#ifndef GUEST_APPS_COMMON_H
#define GUEST_APPS_COMMON_H

#include <stdint.h>

#define APP_MAX_PARAMS 8

struct app {
	const char *name;
	uint32_t seed, size; /* every workload has both */
	uint32_t values[APP_MAX_PARAMS];
	const char *keys[APP_MAX_PARAMS];
	unsigned count;
};

/* Parse argv against the workload's parameters.  The argument "help"
 * prints them and exits with status 0; a bad argument exits with 2. */
void app_start(struct app *a, const char *name, int argc, char **argv);

/* The value of one of the workload's parameters (a key missing from
 * workloads.def is a bug: the program aborts). */
uint32_t app_param(const struct app *a, const char *key);

/* Print the checksum line (always the program's last line), the running
 * hash h (built with hash_mix) finished by hash_final, and return the exit
 * status 0. */
int app_finish(const struct app *a, uint32_t h);

/* Children that report a 32-bit result: app_spawn() forks a child that
 * runs fn(a, index), stores the result in the file NAME.INDEX.res and exits
 * 0; app_reap() waits for n children (in whatever order they finish) and
 * fails unless each exited 0; app_result() then reads and removes the file
 * of one index, so that the parent combines results in index order, never
 * in the order of completion. */
void app_spawn(const struct app *a, uint32_t index,
	       uint32_t (*fn)(const struct app *a, uint32_t index));
void app_reap(const struct app *a, uint32_t n);
uint32_t app_result(const struct app *a, uint32_t index);

/* Whole-file helpers that fail the program on any error: write n bytes to
 * path (created or truncated), read up to cap bytes of path (the count). */
void app_write_file(const struct app *a, const char *path, const void *buf, uint32_t n);
uint32_t app_read_file(const struct app *a, const char *path, void *buf, uint32_t cap);

/* Print "NAME: message" on stderr and exit with status 1. */
_Noreturn void app_fail(const struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The page size the workloads assume when they aim at pages. */
#define APP_PAGE 4096u

#endif
