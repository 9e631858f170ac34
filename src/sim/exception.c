/* Taking exceptions: see exception.h. */
#include "sim/exception.h"

#include <stdio.h>

#include "sim/machine.h"
#include "trace/recorder.h"

#define VECTOR_BEV_BASE 0xbfc00200u
#define VECTOR_REFILL 0x000u
#define VECTOR_GENERAL 0x180u
#define VECTOR_INTERRUPT_IV 0x200u

static uint32_t vector_base(const struct cp0 *c)
{
	return (c->status & ST_BEV) ? VECTOR_BEV_BASE : (c->ebase & ~0xfffu);
}

uint32_t exception_update_cp0(struct cp0 *c, const struct exc *e, uint32_t pc, bool bd)
{
	uint32_t offset = VECTOR_GENERAL;
	/* EPC and BD are only written when EXL was clear: a nested exception
	 * keeps the outer one's return address (R4000 manual 5.2). */
	if (!(c->status & ST_EXL)) {
		c->epc = bd ? pc - 4 : pc;
		c->cause = bd ? (c->cause | CAUSE_BD) : (c->cause & ~CAUSE_BD);
		if (e->refill)
			offset = VECTOR_REFILL;
	}
	if (e->code == EXC_INT && (c->cause & CAUSE_IV))
		offset = VECTOR_INTERRUPT_IV;
	c->cause = (c->cause & ~(CAUSE_EXC | CAUSE_CE)) | ((uint32_t)e->code << CAUSE_EXC_SHIFT) |
	           ((uint32_t)(e->ce & 3) << CAUSE_CE_SHIFT);
	if (e->has_badvaddr)
		c->badvaddr = e->badvaddr;
	if (e->tlb) {
		c->context = (c->context & CONTEXT_PTEBASE) | ((e->badvaddr >> 9) & CONTEXT_BADVPN2);
		c->entryhi = (e->badvaddr & TLB_ENTRYHI_VPN2) | (c->entryhi & TLB_ENTRYHI_ASID);
	}
	c->status |= ST_EXL;
	return offset;
}

uint32_t exception_enter(struct machine *m, const struct exc *e, uint32_t pc, bool bd)
{
	struct cp0 *c = &m->cp0;
	if (m->rec)
		trace_rec_exception(m, e, pc, bd);
	if (m->vmm) { /* the VMM owns the vectors */
		m->stats.exceptions[e->code]++;
		return m->vmm->exception(m->vmm->ctx, m, e, pc, bd);
	}
	ledger_exception(m, e, (c->status & (ST_EXL | ST_ERL)) != 0);
	uint32_t offset = exception_update_cp0(c, e, pc, bd);

	m->stats.exceptions[e->code]++;
	if (e->refill && offset == VECTOR_REFILL)
		m->stats.tlb_refills_to_vector0++;
	m->cycles += m->cfg.cost.exc_entry;
	machine_status_changed(m);
	machine_events_changed(m);
	return vector_base(c) + offset;
}

uint32_t exception_eret(struct machine *m)
{
	struct cp0 *c = &m->cp0;
	uint32_t target;
	if (c->status & ST_ERL) {
		target = c->errorepc;
		c->status &= ~ST_ERL;
	} else {
		target = c->epc;
		c->status &= ~ST_EXL;
	}
	m->cpu.llbit = false;
	m->cycles += m->cfg.cost.exc_return;
	ledger_eret(m); /* the entry ends here, eret's own cost included */
	machine_status_changed(m);
	machine_events_changed(m);
	return target;
}

const char *exception_name(unsigned code)
{
	static const char *const names[EXC_NCODES] = {
		[EXC_INT] = "Int", [EXC_MOD] = "Mod", [EXC_TLBL] = "TLBL", [EXC_TLBS] = "TLBS",
		[EXC_ADEL] = "AdEL", [EXC_ADES] = "AdES", [EXC_IBE] = "IBE", [EXC_DBE] = "DBE",
		[EXC_SYS] = "Sys", [EXC_BP] = "Bp", [EXC_RI] = "RI", [EXC_CPU] = "CpU",
		[EXC_OV] = "Ov", [EXC_TR] = "Tr", [EXC_WATCH] = "WATCH",
	};
	static const char *const unnamed[EXC_NCODES] = {
		"exc0", "exc1", "exc2", "exc3", "exc4", "exc5", "exc6", "exc7",
		"exc8", "exc9", "exc10", "exc11", "exc12", "exc13", "exc14", "exc15",
		"exc16", "exc17", "exc18", "exc19", "exc20", "exc21", "exc22", "exc23",
		"exc24", "exc25", "exc26", "exc27", "exc28", "exc29", "exc30", "exc31",
	};
	if (code >= EXC_NCODES)
		return "?";
	return names[code] ? names[code] : unnamed[code];
}
