/* The virtual CP0: see vcp0.h. */
#include "models/vcp0.h"

#include "sim/machine.h"
#include "tlb/tlb.h"

#define CONFIG_M 0x80000000u
#define CONFIG_BE 0x00008000u
#define CONFIG_MT_TLB 0x00000080u
#define CONFIG_K0 0x00000007u
#define CONFIG1_MMU_SHIFT 25
#define INTCTL_IPTI_IP7 0xe0000000u
#define HWRENA_WRITABLE 0x0000000fu
#define VEBASE_WRITABLE 0xfffff000u

static unsigned index_mask(const struct vcp0 *c)
{
	unsigned mask = 1;
	while (mask < c->ntlb)
		mask <<= 1;
	return mask - 1;
}

void vcp0_reset(struct vcp0 *c, const struct machine *m, unsigned ntlb, bool big_endian)
{
	*c = (struct vcp0){ .ntlb = ntlb };
	/* as a boot loader leaves the machine (machine_boot): kernel mode, BEV 0 */
	c->r.status = 0;
	c->r.config = CONFIG_M | CONFIG_MT_TLB | 3u | (big_endian ? CONFIG_BE : 0);
	c->r.ebase = EBASE_FIXED;
	c->r.random_insn0 = m->insns;
	c->count_offset = 0;
}

uint32_t vcp0_count(const struct vcp0 *c, const struct machine *m)
{
	return cp0_count(m) + c->count_offset;
}

uint32_t vcp0_random(const struct vcp0 *c, const struct machine *m)
{
	unsigned n = c->ntlb;
	if (c->r.wired >= n)
		return n - 1;
	return n - 1 - (uint32_t)((m->insns - c->r.random_insn0) % (n - c->r.wired));
}

bool vcp0_guest_kernel(const struct vcp0 *c)
{
	return machine_mode_of(c->r.status) != MODE_USER;
}

bool vcp0_interrupt_deliverable(const struct vcp0 *c)
{
	uint32_t st = c->r.status;
	if (!(st & ST_IE) || (st & (ST_EXL | ST_ERL)))
		return false;
	return (c->r.cause & st & CAUSE_IP) != 0;
}

uint32_t vcp0_read(const struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel)
{
	const struct cp0 *r = &c->r;
	if (sel != 0) {
		if (reg == CP0_PRID && sel == 1)
			return r->ebase;
		if (reg == CP0_CONFIG && sel == 1)
			return (uint32_t)(c->ntlb - 1) << CONFIG1_MMU_SHIFT;
		if (reg == CP0_STATUS && sel == 1)
			return INTCTL_IPTI_IP7;
		return 0;
	}
	switch (reg) {
	case CP0_RANDOM: return vcp0_random(c, m);
	case CP0_COUNT: return vcp0_count(c, m);
	case CP0_PRID: return CP0_PRID_VALUE;
	case CP0_INDEX: return r->index;
	case CP0_ENTRYLO0: return r->entrylo0;
	case CP0_ENTRYLO1: return r->entrylo1;
	case CP0_CONTEXT: return r->context;
	case CP0_PAGEMASK: return r->pagemask;
	case CP0_WIRED: return r->wired;
	case CP0_HWRENA: return r->hwrena;
	case CP0_BADVADDR: return r->badvaddr;
	case CP0_ENTRYHI: return r->entryhi;
	case CP0_COMPARE: return r->compare;
	case CP0_STATUS: return r->status;
	case CP0_CAUSE: return r->cause;
	case CP0_EPC: return r->epc;
	case CP0_CONFIG: return r->config;
	case CP0_LLADDR: return r->lladdr;
	case CP0_ERROREPC: return r->errorepc;
	default: return 0; /* watch, ECC, caches: not modelled for guests */
	}
}

unsigned vcp0_write(struct vcp0 *c, const struct machine *m, unsigned reg, unsigned sel,
                    uint32_t v)
{
	struct cp0 *r = &c->r;
	if (sel != 0) {
		if (reg == CP0_PRID && sel == 1)
			r->ebase = v & VEBASE_WRITABLE;
		return 0;
	}
	switch (reg) {
	case CP0_INDEX: r->index = (r->index & TLB_INDEX_P) | (v & index_mask(c)); return 0;
	case CP0_ENTRYLO0: r->entrylo0 = v & TLB_ENTRYLO_MASK; return 0;
	case CP0_ENTRYLO1: r->entrylo1 = v & TLB_ENTRYLO_MASK; return 0;
	case CP0_CONTEXT:
		r->context = (r->context & ~CONTEXT_PTEBASE) | (v & CONTEXT_PTEBASE);
		return 0;
	case CP0_PAGEMASK: r->pagemask = v & TLB_PAGEMASK_MASK; return 0;
	case CP0_WIRED:
		r->wired = v & index_mask(c);
		r->random_insn0 = m->insns;
		return 0;
	case CP0_HWRENA: r->hwrena = v & HWRENA_WRITABLE; return 0;
	case CP0_COUNT: c->count_offset = v - cp0_count(m); return VCP0_TIMER;
	case CP0_ENTRYHI: {
		uint32_t old = r->entryhi;
		r->entryhi = v & (TLB_ENTRYHI_VPN2 | TLB_ENTRYHI_ASID);
		return ((old ^ r->entryhi) & TLB_ENTRYHI_ASID) ? VCP0_ASID : 0;
	}
	case CP0_COMPARE:
		r->compare = v;
		r->cause &= ~CAUSE_IP7;
		return VCP0_TIMER;
	case CP0_STATUS: r->status = v & ST_WRITABLE; return VCP0_STATUS;
	case CP0_CAUSE:
		r->cause = (r->cause & ~CAUSE_WRITABLE) | (v & CAUSE_WRITABLE);
		return VCP0_CAUSE;
	case CP0_EPC: r->epc = v; return 0;
	case CP0_CONFIG: r->config = (r->config & ~CONFIG_K0) | (v & CONFIG_K0); return 0;
	case CP0_ERROREPC: r->errorepc = v; return 0;
	default: return 0;
	}
}
