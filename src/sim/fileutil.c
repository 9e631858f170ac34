/* Reading whole input files (fileutil.h). */
#include "sim/fileutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fileutil_read_all(const char *path, size_t max_size, uint8_t **buf, size_t *len, char *err,
                      size_t errlen)
{
	*buf = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	size_t cap = 4096, n = 0;
	uint8_t *b = malloc(cap + 1);
	if (!b)
		goto nomem;
	for (;;) {
		if (n == cap) {
			uint8_t *nb = realloc(b, cap * 2 + 1);
			if (!nb)
				goto nomem;
			b = nb;
			cap *= 2;
		}
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (n > max_size) {
			snprintf(err, errlen, "%s: larger than %zu bytes", path, max_size);
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	fclose(f);
	b[n] = 0;
	*buf = b;
	*len = n;
	return 0;
nomem:
	snprintf(err, errlen, "%s: out of memory", path);
fail:
	free(b);
	fclose(f);
	return -1;
}
