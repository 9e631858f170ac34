/* key=value arguments against a table of parameters. */
#include <args.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void args_print(int fd, const char *prog, const struct arg_spec *specs, size_t nspecs)
{
	dprintf(fd, "usage: %s [key=value ...]\n", prog);
	for (size_t i = 0; i < nspecs; i++)
		dprintf(fd, "  %-10s default %-8u range %u..%u  %s\n", specs[i].key,
			(unsigned)specs[i].def, (unsigned)specs[i].min, (unsigned)specs[i].max,
			specs[i].help);
}

/* The entry whose key is the len bytes at key, or -1. */
static long find(const struct arg_spec *specs, size_t nspecs, const char *key, size_t len)
{
	for (size_t i = 0; i < nspecs; i++)
		if (strlen(specs[i].key) == len && strncmp(specs[i].key, key, len) == 0)
			return (long)i;
	return -1;
}

enum args_result args_parse(const char *prog, const struct arg_spec *specs, size_t nspecs,
			    uint32_t *values, int argc, char **argv)
{
	for (size_t i = 0; i < nspecs; i++)
		values[i] = specs[i].def;
	if (argc == 2 && strcmp(argv[1], "help") == 0) {
		args_print(STDOUT_FILENO, prog, specs, nspecs);
		return ARGS_HELP;
	}
	for (int a = 1; a < argc; a++) {
		const char *arg = argv[a], *eq = strchr(arg, '=');
		long i = eq ? find(specs, nspecs, arg, (size_t)(eq - arg)) : -1;
		if (i < 0) {
			dprintf(STDERR_FILENO, "%s: unknown argument '%s' (try %s help)\n", prog,
				arg, prog);
			return ARGS_ERROR;
		}
		char *end;
		unsigned long long v = strtoull(eq + 1, &end, 0);
		if (end == eq + 1 || *end != '\0' || eq[1] == '-' || v < specs[i].min ||
		    v > specs[i].max) {
			dprintf(STDERR_FILENO, "%s: %s must be a number in %u..%u, not '%s'\n",
				prog, specs[i].key, (unsigned)specs[i].min,
				(unsigned)specs[i].max, eq + 1);
			return ARGS_ERROR;
		}
		values[i] = (uint32_t)v;
	}
	return ARGS_OK;
}
