/* The paravirtual flavour's side of src/sim/monitor.h (guest/ABI.md,
 * "Flavours"): monitor calls, and the special page the kernel shares with
 * the VMM, through which it masks interrupts with a store instead of a
 * trapping mtc0 and reads the CP0 state of an exception with loads.
 * vectors.S includes this file too, for the offsets. */
#ifndef KERNEL_PARAVIRT_H
#define KERNEL_PARAVIRT_H

#include "sim/monitor.h"

#if defined(KERNEL_PARAVIRT) && !defined(__ASSEMBLER__)
#include "kernel.h"

/* The special page (paravirt.c): 8 KiB aligned, so that one wired TLB pair
 * (tlb.c) maps it for the exception entry, which reads it with EXL set. */
extern volatile uint32_t special_page[PAGE_SIZE / 4];
#define SP_WORD(off) special_page[(off) / 4]

/* `syscall MONITOR_CODE`: $v0 = call, $a0 = arg, the result in $v0; the
 * VMM preserves every other register.  "memory": the VMM may write guest
 * memory (a zeroed page, the special page). */
static inline int32_t monitor_call(uint32_t call, uint32_t arg)
{
	register uint32_t v0 __asm__("$2") = call;
	register uint32_t a0 __asm__("$4") = arg;
	__asm__ volatile("syscall %2" : "+r"(v0) : "r"(a0), "i"(MONITOR_CODE) : "memory");
	return (int32_t)v0;
}

/* MC_SET_SPECIAL with the special page: before anything the VMM reflects. */
void pv_init(void);
/* The idle loop's wait: interrupts on (SP_IE), MC_IDLE until the VMM has
 * delivered the next interrupt, interrupts off again. */
void pv_idle(void);
/* The VMM makes page pa zero (MC_ZERO_PAGE), instead of the kernel. */
void pv_zero_page(uint32_t pa);
/* Page pa went on the free list: its contents no longer matter (MC_FREE_PAGE). */
void pv_free_page(uint32_t pa);
#endif

#endif
