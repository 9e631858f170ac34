/* The virtual CP0 of one VM: the registers as the guest sees them under
 * trap-and-emulate, with the R4000 write masks of src/sim/cp0.c.
 *
 * Differences from the real CP0, by design:
 * - EBase keeps every bit the guest writes (bits 31..12): a relocated guest
 *   kernel puts its vectors in ksseg, where a real EBase could not point.
 * - Count is the machine's Count plus an offset the guest's writes set;
 *   Random decrements per machine instruction between Wired and N-1, N the
 *   virtual TLB's size.
 */
#ifndef VMMSIM_VCP0_H
#define VMMSIM_VCP0_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/cp0.h"

struct machine;

struct vcp0 {
	struct cp0 r;          /* Count and Random derived, as on the machine */
	uint32_t count_offset; /* virtual Count = machine Count + offset */
	unsigned ntlb;         /* entries of the virtual TLB */
	int pinned_random;     /* >= 0: what Random reads (trace replay pins the
	                        * recording's TLBWR choice, src/trace/replay.h) */
};

void vcp0_reset(struct vcp0 *c, const struct machine *m, unsigned ntlb, bool big_endian);
uint32_t vcp0_count(const struct vcp0 *c, const struct machine *m);
uint32_t vcp0_random(const struct vcp0 *c, const struct machine *m);
uint32_t vcp0_read(const struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel);
/* Returns what the write changed (CP0_WROTE_*), for the VMM to act on. */
unsigned vcp0_write(struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel,
                    uint32_t v);

/* The guest's mode as its virtual Status says (kernel when EXL or ERL). */
bool vcp0_guest_kernel(const struct vcp0 *c);
/* A virtual interrupt is pending, unmasked and enabled. */
bool vcp0_interrupt_deliverable(const struct vcp0 *c);

#endif
