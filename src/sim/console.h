/* The GXemul-testmips-compatible console (see mmio_map.h for the map). */
#ifndef VMMSIM_CONSOLE_H
#define VMMSIM_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* offset: from the start of the console; size: 1, 2 or 4 bytes. */
uint32_t console_read(struct machine *m, uint32_t offset, unsigned size);
void console_write(struct machine *m, uint32_t offset, unsigned size, uint32_t value);

#endif
