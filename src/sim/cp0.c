/* CP0 register reads and writes: see cp0.h.  Write masks follow the R4000
 * User's Manual (chapter 4 and 6) and MIPS32 Volume III for the Release 2
 * registers. */
#include "sim/cp0.h"

#include "sim/machine.h"

#define CONFIG_M 0x80000000u   /* Config1 follows */
#define CONFIG_BE 0x00008000u
#define CONFIG_MT_TLB 0x00000080u /* MMU type 1: standard TLB */
#define CONFIG_K0 0x00000007u
#define CONFIG_K0_CACHEABLE 3u
#define CONFIG1_MMU_SHIFT 25
#define INTCTL_IPTI_IP7 0xe0000000u /* the timer interrupt is on IP7 (hardware line 5) */
#define HWRENA_WRITABLE 0x0000000fu
#define WATCHLO_WRITABLE 0xfffffffbu /* PAddr 31..3, R, W */
#define WATCHHI_WRITABLE 0x0000000fu /* PAddr 35..32 */

static unsigned index_mask(unsigned ntlb)
{
	unsigned mask = 1;
	while (mask < ntlb)
		mask <<= 1;
	return mask - 1;
}

uint32_t cp0_count(const struct machine *m)
{
	const struct cp0 *c = &m->cp0;
	return c->count_base + (uint32_t)((m->cycles - c->count_cycle0) / m->cfg.cost.count_divisor);
}

uint32_t cp0_random(const struct machine *m)
{
	const struct cp0 *c = &m->cp0;
	unsigned n = m->tlb.nentries;
	/* With Wired >= N the range is empty; Random then stays at N-1. */
	if (c->wired >= n)
		return n - 1;
	return n - 1 - (uint32_t)((m->insns - c->random_insn0) % (n - c->wired));
}

uint32_t cp0_config_reset(bool big_endian)
{
	return CONFIG_M | CONFIG_MT_TLB | CONFIG_K0_CACHEABLE | (big_endian ? CONFIG_BE : 0);
}

uint64_t cp0_cycle_of_count(const struct machine *m, uint32_t target)
{
	const struct cp0 *c = &m->cp0;
	uint64_t div = m->cfg.cost.count_divisor;
	uint64_t ticks_done = (m->cycles - c->count_cycle0) / div;
	uint32_t now = c->count_base + (uint32_t)ticks_done;
	uint64_t ahead = (uint32_t)(target - now);
	if (ahead == 0)
		ahead = 1ull << 32; /* equal now: the match comes when Count wraps back */
	return c->count_cycle0 + (ticks_done + ahead) * div;
}

uint64_t cp0_timer_cycle(const struct machine *m)
{
	return cp0_cycle_of_count(m, m->cp0.compare);
}

void cp0_timer_catch_up(struct machine *m)
{
	if (m->cycles >= m->timer_cycle) {
		m->cp0.cause |= CAUSE_IP7;
		m->timer_cycle = cp0_timer_cycle(m);
	}
}

void cp0_reset(struct machine *m)
{
	struct cp0 *c = &m->cp0;
	*c = (struct cp0){ 0 };
	c->status = ST_BEV | ST_ERL;
	c->config = cp0_config_reset(m->cfg.big_endian);
	c->ebase = EBASE_FIXED;
	c->compare = 0;
	c->count_cycle0 = m->cycles;
	c->random_insn0 = m->insns;
	m->timer_cycle = cp0_timer_cycle(m); /* no match is pending after reset */
}

uint32_t cp0_read_regs(const struct cp0 *c, unsigned ntlb, unsigned reg, unsigned sel)
{
	if (sel != 0) {
		if (reg == CP0_PRID && sel == 1)
			return c->ebase;
		if (reg == CP0_CONFIG && sel == 1)
			return (uint32_t)(ntlb - 1) << CONFIG1_MMU_SHIFT;
		if (reg == CP0_STATUS && sel == 1)
			return INTCTL_IPTI_IP7;
		return 0; /* SRSCtl, unimplemented selects */
	}
	switch (reg) {
	case CP0_INDEX: return c->index;
	case CP0_ENTRYLO0: return c->entrylo0;
	case CP0_ENTRYLO1: return c->entrylo1;
	case CP0_CONTEXT: return c->context;
	case CP0_PAGEMASK: return c->pagemask;
	case CP0_WIRED: return c->wired;
	case CP0_HWRENA: return c->hwrena;
	case CP0_BADVADDR: return c->badvaddr;
	case CP0_ENTRYHI: return c->entryhi;
	case CP0_COMPARE: return c->compare;
	case CP0_STATUS: return c->status;
	case CP0_CAUSE: return c->cause;
	case CP0_EPC: return c->epc;
	case CP0_PRID: return CP0_PRID_VALUE;
	case CP0_CONFIG: return c->config;
	case CP0_LLADDR: return c->lladdr;
	case CP0_WATCHLO: return c->watchlo;
	case CP0_WATCHHI: return c->watchhi;
	case CP0_XCONTEXT: return c->xcontext;
	case CP0_ECC: return c->ecc;
	case CP0_CACHEERR: return c->cacheerr;
	case CP0_TAGLO: return c->taglo;
	case CP0_TAGHI: return c->taghi;
	case CP0_ERROREPC: return c->errorepc;
	default: return 0; /* Random and Count: the owner's (cp0_read) */
	}
}

uint32_t cp0_read(struct machine *m, unsigned reg, unsigned sel)
{
	if (sel == 0 && reg == CP0_RANDOM)
		return cp0_random(m);
	if (sel == 0 && reg == CP0_COUNT)
		return cp0_count(m);
	if (sel == 0 && reg == CP0_CAUSE)
		cp0_timer_catch_up(m);
	return cp0_read_regs(&m->cp0, m->tlb.nentries, reg, sel);
}

unsigned cp0_write_regs(struct cp0 *c, unsigned ntlb, unsigned reg, uint32_t v)
{
	switch (reg) {
	case CP0_INDEX: c->index = (c->index & TLB_INDEX_P) | (v & index_mask(ntlb)); return 0;
	case CP0_ENTRYLO0: c->entrylo0 = v & TLB_ENTRYLO_MASK; return 0;
	case CP0_ENTRYLO1: c->entrylo1 = v & TLB_ENTRYLO_MASK; return 0;
	case CP0_CONTEXT:
		c->context = (c->context & ~CONTEXT_PTEBASE) | (v & CONTEXT_PTEBASE);
		return 0;
	case CP0_PAGEMASK: c->pagemask = v & TLB_PAGEMASK_MASK; return 0;
	case CP0_WIRED:
		c->wired = v & index_mask(ntlb);
		return CP0_WROTE_WIRED;
	case CP0_HWRENA: c->hwrena = v & HWRENA_WRITABLE; return 0;
	case CP0_ENTRYHI: {
		uint32_t old = c->entryhi;
		c->entryhi = v & (TLB_ENTRYHI_VPN2 | TLB_ENTRYHI_ASID);
		return ((old ^ c->entryhi) & TLB_ENTRYHI_ASID) ? CP0_WROTE_ASID : 0;
	}
	case CP0_COMPARE:
		c->compare = v;
		c->cause &= ~CAUSE_IP7; /* writing Compare acknowledges the timer */
		return CP0_WROTE_TIMER;
	case CP0_STATUS: c->status = v & ST_WRITABLE; return CP0_WROTE_STATUS;
	case CP0_CAUSE:
		c->cause = (c->cause & ~CAUSE_WRITABLE) | (v & CAUSE_WRITABLE);
		return CP0_WROTE_CAUSE;
	case CP0_EPC: c->epc = v; return 0;
	case CP0_CONFIG: c->config = (c->config & ~CONFIG_K0) | (v & CONFIG_K0); return 0;
	case CP0_WATCHLO: c->watchlo = v & WATCHLO_WRITABLE; return CP0_WROTE_WATCH;
	case CP0_WATCHHI: c->watchhi = v & WATCHHI_WRITABLE; return 0;
	case CP0_XCONTEXT: c->xcontext = v; return 0;
	case CP0_ECC: c->ecc = v & 0xff; return 0;
	case CP0_TAGLO: c->taglo = v; return 0;
	case CP0_TAGHI: c->taghi = v; return 0;
	case CP0_ERROREPC: c->errorepc = v; return 0;
	default: return 0; /* Random, BadVAddr, PRId, LLAddr, CacheErr, unmodelled: read-only */
	}
}

void cp0_write(struct machine *m, unsigned reg, unsigned sel, uint32_t v)
{
	struct cp0 *c = &m->cp0;
	/* a match before this write happened first (Compare then clears it) */
	cp0_timer_catch_up(m);
	if (sel != 0) {
		if (reg == CP0_PRID && sel == 1)
			c->ebase = EBASE_FIXED | (v & EBASE_WRITABLE);
		return; /* Config1, IntCtl, SRSCtl: read-only here */
	}
	if (reg == CP0_COUNT) {
		c->count_base = v;
		c->count_cycle0 = m->cycles;
		machine_events_changed(m);
		return;
	}
	unsigned what = cp0_write_regs(c, m->tlb.nentries, reg, v);
	if (what & CP0_WROTE_WIRED)
		c->random_insn0 = m->insns; /* a write to Wired resets Random to N-1 */
	if (what & CP0_WROTE_ASID)
		machine_asid_changed(m);
	if (what & CP0_WROTE_STATUS)
		machine_status_changed(m);
	if (what & (CP0_WROTE_STATUS | CP0_WROTE_TIMER | CP0_WROTE_CAUSE))
		machine_events_changed(m);
	if (what & CP0_WROTE_WATCH) /* an armed watchpoint needs every access on the slow path */
		tcache_flush_all(m->tcache);
}
