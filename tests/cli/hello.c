/* A bare-metal program for the command-line tests: prints, computes,
 * optionally spins forever, and halts with the status the command line
 * asks for ("status=N"; "spin" never halts). */
#include "sim/mmio_map.h"

#define CONSOLE ((volatile char *)MMIO_CONSOLE_KSEG1)

static void put_string(const char *s)
{
	while (*s)
		CONSOLE[MMIO_CONSOLE_PUTGETCHAR] = *s++;
}

static void put_hex(unsigned v)
{
	for (int i = 28; i >= 0; i -= 4)
		CONSOLE[MMIO_CONSOLE_PUTGETCHAR] = "0123456789abcdef"[(v >> i) & 15];
}

static unsigned fib(unsigned n)
{
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int has_prefix(const char *s, const char *p)
{
	while (*p)
		if (*s++ != *p++)
			return 0;
	return 1;
}

void __start(unsigned ram, const char *cmdline, unsigned len)
{
	unsigned status = 0, spin = 0, sum = 0;
	/* under GXemul $a1 is not a kseg0 pointer: no command line */
	if ((unsigned)cmdline >= 0x80000000u && (unsigned)cmdline < 0x80000000u + ram)
		for (unsigned i = 0; i < len; i++) {
			if (has_prefix(cmdline + i, "status="))
				status = (unsigned)(cmdline[i + 7] - '0');
			if (has_prefix(cmdline + i, "spin"))
				spin = 1;
		}
	for (unsigned i = 0; i < 100000; i++)
		sum = sum * 31 + i;
	put_string("sum ");
	put_hex(sum);
	put_string("\nfib ");
	put_hex(fib(18));
	put_string("\n");
	while (spin)
		sum++;
	*(volatile unsigned *)(MMIO_CONSOLE_KSEG1 + MMIO_CONSOLE_EXIT_STATUS) = status;
	*(volatile unsigned *)(MMIO_CONSOLE_KSEG1 + MMIO_CONSOLE_HALT) = 0;
	for (;;)
		;
}
