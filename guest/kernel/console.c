/* Kernel console output (the testmips console through kseg1, as
 * guest/ABI.md says for both flavours), a small printf, panic and halt. */
#include <stdarg.h>

#include "cp0.h"
#include "kernel.h"
#include "sim/mmio_map.h"

#define CONSOLE ((volatile uint8_t *)MMIO_CONSOLE_KSEG1)

void kputc(char c) { CONSOLE[MMIO_CONSOLE_PUTGETCHAR] = (uint8_t)c; }

void kputs(const char *s)
{
	while (*s)
		kputc(*s++);
}

static void put_number(uint32_t v, unsigned base, unsigned width, char pad)
{
	char buf[12];
	unsigned n = 0;
	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (width > n) {
		kputc(pad);
		width--;
	}
	while (n)
		kputc(buf[--n]);
}

/* %d %u %x %s %c with an optional 0 flag and width: what the kernel's
 * messages use, nothing more. */
void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			kputc(*fmt);
			continue;
		}
		char pad = ' ';
		unsigned width = 0;
		if (*++fmt == '0')
			pad = '0', fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (unsigned)(*fmt++ - '0');
		switch (*fmt) {
		case 'd': {
			int v = va_arg(ap, int);
			if (v < 0) {
				kputc('-');
				put_number(-(uint32_t)v, 10, width, pad);
			} else {
				put_number((uint32_t)v, 10, width, pad);
			}
			break;
		}
		case 'u': put_number(va_arg(ap, uint32_t), 10, width, pad); break;
		case 'x': put_number(va_arg(ap, uint32_t), 16, width, pad); break;
		case 's': kputs(va_arg(ap, const char *)); break;
		case 'c': kputc((char)va_arg(ap, int)); break;
		case '%': kputc('%'); break;
		default: kputc('?'); break;
		}
	}
	va_end(ap);
}

_Noreturn void halt(unsigned status)
{
	volatile uint32_t *console = (volatile uint32_t *)MMIO_CONSOLE_KSEG1;
	console[MMIO_CONSOLE_EXIT_STATUS / 4] = status;
	console[MMIO_CONSOLE_HALT / 4] = 0;
	for (;;)
		;
}

_Noreturn void panic(const char *msg)
{
	kprintf("panic: %s (cause %u epc 0x%08x badvaddr 0x%08x)\n", msg,
	        (cp0_read(C0_CAUSE) & CAUSE_EXC_MASK) >> CAUSE_EXC_SHIFT, cp0_read(C0_EPC),
	        cp0_read(C0_BADVADDR));
	halt(0x7f);
}
