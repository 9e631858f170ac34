/* TLBR/TLBWI/TLBWR/TLBP: see cp0_tlb.h.
 *
 * Where the manual leaves a choice: an Index at or beyond the number of
 * entries (possible only when N is not a power of two) makes TLBR and TLBWI
 * do nothing.  TLBR of an entry also sets PageMask and EntryHi (including
 * the entry's ASID), as the R4000 does. */
#include "sim/cp0_tlb.h"

#include "sim/machine.h"
#include "trace/recorder.h"

static void write_entry(struct machine *m, unsigned idx)
{
	struct cp0 *c = &m->cp0;
	struct tlb_entry e = { .pagemask = c->pagemask, .entryhi = c->entryhi,
		               .entrylo0 = c->entrylo0, .entrylo1 = c->entrylo1 };
	struct tlb_entry old;
	if (idx >= m->tlb.nentries)
		return;
	tlb_write(&m->tlb, idx, &e, &old);
	if (m->rec)
		trace_rec_tlb_write(m, idx, &m->tlb.entry[idx]);
	machine_tlb_written(m, &old);
	/* the new entry may cover pages the cache knows through kseg0 aliases
	 * never, but through other entries of a multiple match: drop its range */
	machine_tlb_written(m, &m->tlb.entry[idx]);
}

void cp0_tlbwi(struct machine *m)
{
	write_entry(m, m->cp0.index & ~TLB_INDEX_P);
}

void cp0_tlbwr(struct machine *m)
{
	write_entry(m, cp0_random(m));
}

void cp0_tlbr(struct machine *m)
{
	struct cp0 *c = &m->cp0;
	unsigned idx = c->index & ~TLB_INDEX_P;
	struct tlb_entry e;
	uint32_t old_hi = c->entryhi;
	if (idx >= m->tlb.nentries)
		return;
	tlb_read(&m->tlb, idx, &e);
	c->pagemask = e.pagemask;
	c->entryhi = e.entryhi;
	c->entrylo0 = e.entrylo0;
	c->entrylo1 = e.entrylo1;
	if ((old_hi ^ c->entryhi) & TLB_ENTRYHI_ASID)
		machine_asid_changed(m);
}

void cp0_tlbp(struct machine *m)
{
	int idx = tlb_probe(&m->tlb, m->cp0.entryhi);
	if (idx < 0)
		m->cp0.index |= TLB_INDEX_P; /* R4000: the index field is undefined on a miss; kept */
	else
		m->cp0.index = (uint32_t)idx;
}
