/* Monitor calls and the special page: how a paravirtual guest kernel talks to
 * the VMM (DESIGN.md, "Virtualizing the CPU"; Disco changed IRIX the same
 * way).  Pure #defines: guest C and assembly include this file too.
 *
 * A monitor call is the instruction
 *
 *     syscall MONITOR_CODE        (code field, bits 25..6 = 0x564d4, "VMM")
 *
 * executed by the guest kernel: $v0 = call number, $a0..$a3 = arguments;
 * the result comes back in $v0 (>= 0, or -errno), every other register is
 * preserved, and execution goes on after the syscall.  Natively (no VMM) the
 * instruction is an ordinary system call from the kernel to itself, so only
 * the `paravirt` flavour, which runs under a VMM only, executes it.
 */
#ifndef VMMSIM_MONITOR_H
#define VMMSIM_MONITOR_H

#define MONITOR_CODE 0x564d4

/* a0 = P (4 KiB aligned, inside the guest's memory) of a page the guest is
 * about to use as a fresh zero-filled page: the VMM makes its contents zero
 * (under page sharing by mapping the shared zero page, copy-on-write) so the
 * guest need not zero it.  Returns 0, or -EINVAL (22) for a bad P. */
#define MC_ZERO_PAGE 1
/* a0 = P of a page the guest has just put on its free list: its contents no
 * longer matter until the guest asks for it again (with MC_ZERO_PAGE or by
 * writing it).  Returns 0, or -EINVAL. */
#define MC_FREE_PAGE 2
/* Nothing to run: the VMM deschedules this virtual CPU until an interrupt is
 * pending for it (as WAIT, but said outright).  Returns 0 after it. */
#define MC_IDLE 3
/* a0 = P (4 KiB aligned) of a page of the guest's memory that becomes the
 * special page, shared with the VMM (layout below), or 0 for none.
 * Returns 0, or -EINVAL. */
#define MC_SET_SPECIAL 4
/* The guest set SP_IE to 1 and found SP_PENDING set: deliver the pending
 * interrupt now (the call returns once the guest's handler has run). */
#define MC_INTR_CHECK 5

/* The special page: 32-bit words in the guest's byte order, at these byte
 * offsets.  With a special page set:
 * - interrupts are enabled when Status.IE = 1 AND SP_IE = 1: the guest
 *   enables and disables them with a store to SP_IE instead of a trapping
 *   mtc0/di/ei; when it stores 1 it must check SP_PENDING and, if set, make
 *   MC_INTR_CHECK;
 * - the VMM sets SP_PENDING to 1 when an interrupt is pending that only SP_IE
 *   masks, and to 0 when it delivers it or finds nothing pending (on any
 *   trap, MC_INTR_CHECK included);
 * - on every exception it reflects, the VMM writes the guest's virtual EPC,
 *   Cause, BadVAddr, Context, EntryHi and Status into SP_EPC..SP_STATUS, so
 *   the guest's handler reads them with loads instead of trapping mfc0s. */
#define SP_IE 0x00
#define SP_PENDING 0x04
#define SP_EPC 0x08
#define SP_CAUSE 0x0c
#define SP_BADVADDR 0x10
#define SP_CONTEXT 0x14
#define SP_ENTRYHI 0x18
#define SP_STATUS 0x1c

#endif
