/* Parameters, failure and the checksum line for every workload. */
#include "common.h"

#include <args.h>
#include <errno.h>
#include <fcntl.h>
#include <hash.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct entry {
	const char *workload;
	struct arg_spec spec;
};

static const struct entry table[] = {
#define WORKLOAD(name, stands_for, summary)
#define PARAM(name, key, def, min, max, help) {#name, {#key, def, min, max, help}},
#include "workloads.def"
#undef WORKLOAD
#undef PARAM
};

#define TABLE_SIZE (sizeof(table) / sizeof(table[0]))

void app_start(struct app *a, const char *name, int argc, char **argv)
{
	struct arg_spec specs[APP_MAX_PARAMS];
	unsigned n = 0;

	memset(a, 0, sizeof(*a));
	a->name = name;
	for (size_t i = 0; i < TABLE_SIZE; i++) {
		if (strcmp(table[i].workload, name) != 0)
			continue;
		if (n == APP_MAX_PARAMS) {
			dprintf(STDERR_FILENO, "%s: too many parameters\n", name);
			abort();
		}
		specs[n] = table[i].spec;
		a->keys[n++] = table[i].spec.key;
	}
	a->count = n;
	switch (args_parse(name, specs, n, a->values, argc, argv)) {
	case ARGS_OK: break;
	case ARGS_HELP: exit(0);
	default: exit(2);
	}
	a->seed = app_param(a, "seed");
	a->size = app_param(a, "size");
}

uint32_t app_param(const struct app *a, const char *key)
{
	for (unsigned i = 0; i < a->count; i++)
		if (strcmp(a->keys[i], key) == 0)
			return a->values[i];
	dprintf(STDERR_FILENO, "%s: no parameter '%s' in workloads.def\n", a->name, key);
	abort();
}

int app_finish(const struct app *a, uint32_t h)
{
	printf("checksum %s 0x%08x\n", a->name, (unsigned)hash_final(h));
	return 0;
}

static void result_path(const struct app *a, uint32_t index, char *path, size_t cap)
{
	snprintf(path, cap, "%s.%u.res", a->name, (unsigned)index);
}

void app_spawn(const struct app *a, uint32_t index,
	       uint32_t (*fn)(const struct app *a, uint32_t index))
{
	int pid = fork();
	if (pid < 0)
		app_fail(a, "fork: error %d", errno);
	if (pid > 0)
		return;
	uint32_t v = fn(a, index);
	unsigned char bytes[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
				  (unsigned char)(v >> 8), (unsigned char)v};
	char path[64];
	result_path(a, index, path, sizeof(path));
	app_write_file(a, path, bytes, sizeof(bytes));
	exit(0);
}

void app_reap(const struct app *a, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		int status;
		if (wait(&status) < 0)
			app_fail(a, "wait: error %d", errno);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			app_fail(a, "a child failed (status 0x%x)", (unsigned)status);
	}
}

uint32_t app_result(const struct app *a, uint32_t index)
{
	unsigned char b[4];
	char path[64];
	result_path(a, index, path, sizeof(path));
	if (app_read_file(a, path, b, sizeof(b)) != sizeof(b))
		app_fail(a, "%s: short result", path);
	if (unlink(path) != 0)
		app_fail(a, "unlink %s: error %d", path, errno);
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

void app_write_file(const struct app *a, const char *path, const void *buf, uint32_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC);
	if (fd < 0)
		app_fail(a, "open %s: error %d", path, errno);
	if (write_all(fd, buf, n) != 0)
		app_fail(a, "write %s: error %d", path, errno);
	close(fd);
}

uint32_t app_read_file(const struct app *a, const char *path, void *buf, uint32_t cap)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		app_fail(a, "open %s: error %d", path, errno);
	uint32_t got = 0;
	while (got < cap) {
		long r = read(fd, (char *)buf + got, cap - got);
		if (r < 0)
			app_fail(a, "read %s: error %d", path, errno);
		if (r == 0)
			break;
		got += (uint32_t)r;
	}
	close(fd);
	return got;
}

_Noreturn void app_fail(const struct app *a, const char *fmt, ...)
{
	va_list ap;
	char msg[160];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	dprintf(STDERR_FILENO, "%s: %s\n", a->name, msg);
	exit(1);
}
