/* The physical address map of the simulated machine.  Pure #defines so that
 * guest C and assembly (guest/, tests/progs/) can include it too.
 *
 * RAM starts at physical 0.  The console is GXemul's testmips console, so
 * bare-metal programs written for that machine run unchanged:
 *   +0x00  byte store prints the byte; byte load reads one (0 if none waits)
 *   +0x10  any access halts the machine, exit status 0
 * vmmsim extension (GXemul ignores it, so portable programs write it and
 * then touch +0x10):
 *   +0x20  word store records the guest exit status; the next access to
 *          +0x10 halts with it (a non-zero status is reported as a guest
 *          failure, vmmsim exit status 1)
 * An access to any other physical address outside RAM is a bus error
 * (IBE on fetch, DBE on data).
 */
#ifndef VMMSIM_MMIO_MAP_H
#define VMMSIM_MMIO_MAP_H

#define MMIO_CONSOLE_PHYS 0x10000000
#define MMIO_CONSOLE_SIZE 0x100
#define MMIO_CONSOLE_KSEG1 0xB0000000
#define MMIO_CONSOLE_PUTGETCHAR 0x00
#define MMIO_CONSOLE_HALT 0x10
#define MMIO_CONSOLE_EXIT_STATUS 0x20
/* (C only) whether physical address pa is the console's */
#define MMIO_IS_CONSOLE(pa) ((uint32_t)(pa) - MMIO_CONSOLE_PHYS < MMIO_CONSOLE_SIZE)

/* Boot protocol: at entry $a0 = RAM size in bytes, $a1 = kseg0 address of a
 * NUL-terminated boot command line (in the last 4 KiB page of RAM), $a2 = its
 * length, $sp = kseg0 address 16 bytes below that page (a ready stack).
 * Under GXemul these are not set: a guest must accept $a1 outside
 * kseg0 as "no command line". */
#define BOOT_CMDLINE_MAX 4096
#define BOOT_CMDLINE_MAX_TEXT (BOOT_CMDLINE_MAX - 1) /* bytes before the NUL */

#endif
