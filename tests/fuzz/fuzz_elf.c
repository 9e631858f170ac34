/* Fuzz target: the ELF loader over arbitrary bytes, into a small memory.
 * It must accept or refuse every input with one error line, never read
 * outside the input or write outside the memory. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sim/elf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t ram[1 << 20];
	struct elf_image img;
	char err[256];
	if (elf_load_buffer(data, size, ram, sizeof ram, &img, err, sizeof err) != 0 &&
	    (err[0] == 0 || strchr(err, '\n')))
		__builtin_trap(); /* an error must be one non-empty line */
	return 0;
}
