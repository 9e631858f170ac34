/* cc1: compile one source file of pmake's (cc1.h) into assembly.
 * Usage: cc1 INPUT OUTPUT.  Exit status 0 when compiled, 1 on a compile
 * error (reported as "PATH:LINE: message"), 2 on bad usage. */
#include "cc1.h"
#include "common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SOURCE (1024 * 1024) /* the file system's largest file */

void *cc1_alloc(uint32_t bytes)
{
	void *p = malloc(bytes ? bytes : 1);
	if (p == NULL) {
		dprintf(STDERR_FILENO, "cc1: out of memory\n");
		exit(1);
	}
	return p;
}

int cc1_error(const char *path, uint32_t line, const char *what, const char *name)
{
	if (name)
		dprintf(STDERR_FILENO, "%s:%u: %s '%s'\n", path, (unsigned)line, what, name);
	else
		dprintf(STDERR_FILENO, "%s:%u: %s\n", path, (unsigned)line, what);
	return -1;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		dprintf(STDERR_FILENO, "usage: cc1 INPUT OUTPUT\n");
		return 2;
	}
	const struct app a = {.name = "cc1"};
	char *src = cc1_alloc(MAX_SOURCE);
	uint32_t len = app_read_file(&a, argv[1], src, MAX_SOURCE);
	struct lexer lx;
	struct program prog;
	char *code;
	uint32_t code_len;
	if (lex(&lx, argv[1], src, len) != 0 || parse(&lx, &prog) != 0 ||
	    generate(&lx, &prog, &code, &code_len) != 0)
		return 1;
	app_write_file(&a, argv[2], code, code_len);
	return 0;
}
