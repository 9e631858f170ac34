/* The guest libc: key=value arguments.
 *
 * A program describes its parameters in a table (key, default, bounds,
 * help); args_parse() fills one value per entry from argv[1..], rejects an
 * unknown key, a malformed number or a value out of bounds, and answers the
 * single argument "help" with the table.  Values are unsigned 32-bit, in
 * decimal or 0x hexadecimal.
 */
#ifndef GUEST_ARGS_H
#define GUEST_ARGS_H

#include <stddef.h>
#include <stdint.h>

struct arg_spec {
	const char *key;
	uint32_t def, min, max;
	const char *help;
};

enum args_result { ARGS_OK = 0, ARGS_HELP = 1, ARGS_ERROR = -1 };

/* values[i] receives the value of specs[i]; messages go to fd 2 (errors)
 * or fd 1 (help), prefixed with prog. */
enum args_result args_parse(const char *prog, const struct arg_spec *specs, size_t nspecs,
			    uint32_t *values, int argc, char **argv);
void args_print(int fd, const char *prog, const struct arg_spec *specs, size_t nspecs);

#endif
