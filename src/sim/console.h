/* The GXemul-testmips-compatible console (see mmio_map.h for the map).
 *
 * The device itself is struct console: the machine has one, and a VMM one
 * per VM (emulating each guest's console accesses), so both behave alike. */
#ifndef VMMSIM_CONSOLE_H
#define VMMSIM_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct machine;

struct console {
	uint32_t exit_status; /* the +0x20 register */
	bool halted;          /* +0x10 was touched */
	int line_id;          /* < 0: bytes go straight out; else whole lines, "[vmN] " first */
	char line[160];
	unsigned linelen;
};

/* An access to console c at offset (size 1, 2 or 4): a store of value, or
 * a load, whose value is returned.  Output goes to out (may be NULL). */
uint32_t console_access(struct console *c, FILE *out, uint32_t offset, unsigned size, bool store,
                        uint32_t value);
/* Print what a line-buffered console holds (a last line without newline). */
void console_flush(struct console *c, FILE *out);

/* The machine's console: the same device; a halt stops the machine and the
 * +0x20 register is its exit status. */
uint32_t console_read(struct machine *m, uint32_t offset, unsigned size);
void console_write(struct machine *m, uint32_t offset, unsigned size, uint32_t value);

#endif
