/* The console device: see mmio_map.h.  Input is never waiting (reads of +0x00
 * return 0): vmmsim runs are batch runs, and an input stream would make them
 * depend on the host. */
#include "sim/console.h"

#include "sim/machine.h"
#include "sim/mmio_map.h"

static void put(struct console *c, FILE *out, char ch)
{
	if (c->line_id < 0) {
		if (out)
			fputc(ch, out);
		return;
	}
	if (ch != '\n')
		c->line[c->linelen++] = ch;
	if (ch == '\n' || c->linelen == sizeof c->line)
		console_flush(c, out);
}

void console_flush(struct console *c, FILE *out)
{
	if (c->line_id >= 0 && c->linelen && out)
		fprintf(out, "[vm%d] %.*s\n", c->line_id, (int)c->linelen, c->line);
	c->linelen = 0;
}

uint32_t console_access(struct console *c, FILE *out, uint32_t offset, unsigned size, bool store,
                        uint32_t value)
{
	switch (offset) {
	case MMIO_CONSOLE_HALT:
		c->halted = true;
		return 0;
	case MMIO_CONSOLE_EXIT_STATUS:
		if (!store)
			return c->exit_status;
		if (size == 4)
			c->exit_status = value;
		return 0;
	case MMIO_CONSOLE_PUTGETCHAR:
		/* a wider store prints its least significant byte, as GXemul does */
		if (store)
			put(c, out, (char)(value & 0xff));
		return 0;
	default:
		return 0;
	}
}

/* The machine's console keeps its register in the machine (exit_status) and
 * halts the machine itself. */
static uint32_t machine_access(struct machine *m, uint32_t offset, unsigned size, bool store,
                               uint32_t value)
{
	struct console c = { .exit_status = m->exit_status, .line_id = -1 };
	uint32_t r = console_access(&c, m->cfg.console_out, offset, size, store, value);
	m->exit_status = c.exit_status;
	if (c.halted)
		m->stop = STOP_HALT;
	return r;
}

uint32_t console_read(struct machine *m, uint32_t offset, unsigned size)
{
	return machine_access(m, offset, size, false, 0);
}

void console_write(struct machine *m, uint32_t offset, unsigned size, uint32_t value)
{
	machine_access(m, offset, size, true, value);
}
