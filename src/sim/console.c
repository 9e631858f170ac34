/* The console device: see mmio_map.h.  Input is never waiting (reads of +0x00
 * return 0): vmmsim runs are batch runs, and an input stream would make them
 * depend on the host. */
#include "sim/console.h"

#include "sim/machine.h"
#include "sim/mmio_map.h"

uint32_t console_read(struct machine *m, uint32_t offset, unsigned size)
{
	if (offset == MMIO_CONSOLE_HALT)
		m->stop = STOP_HALT;
	else if (offset == MMIO_CONSOLE_EXIT_STATUS)
		return m->exit_status;
	return 0;
}

void console_write(struct machine *m, uint32_t offset, unsigned size, uint32_t value)
{
	switch (offset) {
	case MMIO_CONSOLE_PUTGETCHAR:
		/* a wider store prints its least significant byte, as GXemul does */
		if (m->cfg.console_out)
			fputc((int)(value & 0xff), m->cfg.console_out);
		break;
	case MMIO_CONSOLE_HALT:
		m->stop = STOP_HALT;
		break;
	case MMIO_CONSOLE_EXIT_STATUS:
		if (size == 4)
			m->exit_status = value;
		break;
	default:
		break;
	}
}
