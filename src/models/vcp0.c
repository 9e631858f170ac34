/* The virtual CP0: see vcp0.h.  The register file and its write masks are
 * the machine's (cp0_read_regs, cp0_write_regs); what differs is kept here:
 * Count as an offset from the machine's, Random over the virtual TLB, and
 * EBase with every bit the guest writes. */
#include "models/vcp0.h"

#include "sim/machine.h"

#define VEBASE_WRITABLE 0xfffff000u

void vcp0_reset(struct vcp0 *c, unsigned ntlb, bool big_endian, gsl_rng *rng)
{
	/* as a boot loader leaves the machine (machine_boot): Status 0 (kernel
	 * mode, BEV 0), Count the machine's, Random N-1 */
	*c = (struct vcp0){ .r = { .config = cp0_config_reset(big_endian), .ebase = EBASE_FIXED },
		            .ntlb = ntlb,
		            .random = ntlb - 1,
		            .rng = rng };
}

uint32_t vcp0_count(const struct vcp0 *c, const struct machine *m)
{
	return cp0_count(m) + c->count_offset;
}

void vcp0_tlbwr_done(struct vcp0 *c)
{
	/* With Wired >= N the range is empty; Random then stays at N-1. */
	if (c->r.wired >= c->ntlb)
		c->random = c->ntlb - 1;
	else
		c->random = c->ntlb - 1 - (uint32_t)gsl_rng_uniform_int(c->rng, c->ntlb - c->r.wired);
}

bool vcp0_guest_kernel(const struct vcp0 *c)
{
	return machine_mode_of(c->r.status) != MODE_USER;
}

bool vcp0_interrupt_deliverable(const struct vcp0 *c)
{
	return cp0_interrupt_pending(&c->r);
}

uint32_t vcp0_read(const struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel)
{
	if (sel == 0 && reg == CP0_RANDOM)
		return c->random;
	if (sel == 0 && reg == CP0_COUNT)
		return vcp0_count(c, m);
	return cp0_read_regs(&c->r, c->ntlb, reg, sel);
}

unsigned vcp0_write(struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel,
                    uint32_t v)
{
	if (sel != 0) {
		if (reg == CP0_PRID && sel == 1)
			c->r.ebase = v & VEBASE_WRITABLE;
		return 0;
	}
	if (reg == CP0_COUNT) {
		c->count_offset = v - cp0_count(m);
		return CP0_WROTE_TIMER;
	}
	unsigned what = cp0_write_regs(&c->r, c->ntlb, reg, v);
	if (what & CP0_WROTE_WIRED) { /* Random restarts at N-1; nothing else to do */
		c->random = c->ntlb - 1;
		what &= ~CP0_WROTE_WIRED;
	}
	return what;
}
