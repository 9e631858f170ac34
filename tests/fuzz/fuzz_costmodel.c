/* Fuzz target: the cost-model parser over arbitrary text. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "models/costmodel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct costmodel c;
	char err[256];
	costmodel_defaults(&c);
	if (costmodel_parse(&c, (const char *)data, size, err, sizeof err) != 0 &&
	    (err[0] == 0 || strchr(err, '\n')))
		__builtin_trap();
	if (c.count_divisor == 0)
		__builtin_trap(); /* the parser must refuse a zero divisor */
	return 0;
}
