/* Runs a fuzz target over every file named on the command line: a corpus
 * (including every input that ever crashed a target) as an ordinary test,
 * under the normal compiler and the sanitizers.  Files named *.hex.txt hold
 * their input as hexadecimal text, so binary inputs (ELF images) are kept
 * in the tree as text. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t buf[1 << 20];

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Decode hex text in place; returns the number of bytes, or -1. */
static long decode_hex(size_t n)
{
	size_t out = 0;
	for (size_t i = 0; i < n;) {
		if (isspace(buf[i])) {
			i++;
			continue;
		}
		if (i + 1 >= n || !isxdigit(buf[i]) || !isxdigit(buf[i + 1]))
			return -1;
		buf[out++] = (uint8_t)(hexval(buf[i]) << 4 | hexval(buf[i + 1]));
		i += 2;
	}
	return (long)out;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		size_t len = strlen(argv[i]);
		if (len > 8 && !strcmp(argv[i] + len - 8, ".hex.txt")) {
			long m = decode_hex(n);
			if (m < 0) {
				fprintf(stderr, "%s: not hexadecimal text\n", argv[i]);
				return 1;
			}
			n = (size_t)m;
		}
		LLVMFuzzerTestOneInput(buf, n);
	}
	printf("replayed %d inputs\n", argc - 1);
	return 0;
}
