/* Guest services: the "why" of the ledger (DESIGN.md, "The ledger").
 *
 * The machine infers the service of a guest kernel entry from how it was
 * entered: a TLB refill is UTLB_MISS, a syscall is SYS(number in $v0), an
 * interrupt is INTERRUPT, other exceptions EXC(code).  A guest kernel may
 * refine that with a service mark: the instruction
 *
 *     ori $zero, $zero, SERVICE_ID          (encoding 0x3400xxxx)
 *
 * is architecturally a no-op (it writes $zero) and costs what any ALU
 * instruction costs, so a marked kernel runs the same on any MIPS, GXemul
 * included; vmmsim reads it as "the current kernel entry is performing
 * SERVICE_ID" (DEMAND_ZERO rather than a generic TLB fault, for example).
 *
 * Pure #defines: guest C and assembly include this file too.
 */
#ifndef VMMSIM_SERVICES_H
#define VMMSIM_SERVICES_H

/* Guest system call numbers (in $v0 at the syscall instruction). */
#define SYS_exit 1
#define SYS_fork 2
#define SYS_read 3
#define SYS_write 4
#define SYS_open 5
#define SYS_close 6
#define SYS_wait 7
#define SYS_unlink 10
#define SYS_exec 11
#define SYS_time 13
#define SYS_getpid 20
#define SYS_sbrk 45
#define SYS_yield 158
#define SYS_console 200
#define SYS_MAX 255

/* Service ids: 0..SYS_MAX are system calls by number. */
#define SERVICE_SYS(n) (n)
#define SERVICE_EXC_BASE 0x100 /* + ExcCode, for exceptions not refined */
#define SERVICE_UTLB_MISS 0x200
#define SERVICE_DEMAND_ZERO 0x201
#define SERVICE_QUICK_FAULT 0x202 /* page already in memory, just mapped */
#define SERVICE_COW_FAULT 0x203
#define SERVICE_INTERRUPT 0x204
#define SERVICE_KTLB_MISS 0x205 /* the kernel's own TLB miss */
#define SERVICE_IDLE 0x206
#define SERVICE_BOOT 0x207
#define SERVICE_WORLD_SWITCH 0x208 /* the VMM moving the CPU between VMs */
#define SERVICE_PAGE_SCAN 0x209    /* the VMM's page-sharing scanner */
#define SERVICE_LAST SERVICE_PAGE_SCAN
#define SERVICE_NONE 0xffff

#endif
