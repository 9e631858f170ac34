/* The virtual CP0 of one VM: the registers as the guest sees them under
 * trap-and-emulate, with the R4000 write masks of src/sim/cp0.c.
 *
 * Differences from the real CP0, by design:
 * - EBase keeps every bit the guest writes (bits 31..12): a relocated guest
 *   kernel puts its vectors in ksseg, where a real EBase could not point.
 * - Count is the machine's Count plus an offset the guest's writes set.
 * - Random, N the virtual TLB's size, reads N-1 after reset and after a
 *   write to Wired, and after each TLBWR takes a new value drawn uniformly
 *   from [Wired, N-1] by the VM's seeded generator (GSL's taus2).  The
 *   R4000's Random decrements per instruction (the machine's CP0 does, as
 *   the manual says); MIPS32 leaves the choice to the implementation, and a
 *   VMM, which does not see the guest's instructions, cannot count them.
 *   Drawn per TLBWR, the guest's choices depend on its TLB writes alone, not
 *   on where the VMM's work moves its timer interrupts; so a trace replayed
 *   under a VMM (src/trace/replay.h) chooses as executing does.
 */
#ifndef VMMSIM_VCP0_H
#define VMMSIM_VCP0_H

#include <stdbool.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "sim/cp0.h"

struct machine;

struct vcp0 {
	struct cp0 r;          /* Count derived, as on the machine */
	uint32_t count_offset; /* virtual Count = machine Count + offset */
	unsigned ntlb;         /* entries of the virtual TLB */
	uint32_t random;       /* what Random reads: the next TLBWR's entry */
	gsl_rng *rng;          /* draws Random (its owner frees it) */
};

/* rng: the VM's generator, seeded by its owner. */
void vcp0_reset(struct vcp0 *c, unsigned ntlb, bool big_endian, gsl_rng *rng);
uint32_t vcp0_count(const struct vcp0 *c, const struct machine *m);
/* A TLBWR used Random: draw the next one. */
void vcp0_tlbwr_done(struct vcp0 *c);
uint32_t vcp0_read(const struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel);
/* Returns what the write changed (CP0_WROTE_*), for the VMM to act on. */
unsigned vcp0_write(struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel,
                    uint32_t v);

/* The guest's mode as its virtual Status says (kernel when EXL or ERL). */
bool vcp0_guest_kernel(const struct vcp0 *c);
/* A virtual interrupt is pending, unmasked and enabled. */
bool vcp0_interrupt_deliverable(const struct vcp0 *c);

#endif
