/* The hardware TLB under a VMM: guest entries composed V -> P -> M, the
 * relocated kernel's ksseg window mapped on demand, and invalidation that
 * keeps the hardware from ever holding a mapping the guest has removed
 * (vmm.h). */
#include <string.h>

#include "models/vmm.h"

#define PAGE 4096u
#define ENTRYLO_PFN_SHIFT 6
#define ENTRYLO_C_CACHEABLE (3u << 3)
#define KSEG0 0x80000000u

/* An entry that matches nothing: V clear, VPN2 in kseg0 (never looked up),
 * distinct per index as tlb_init leaves them. */
static struct tlb_entry unmatched(unsigned idx)
{
	return (struct tlb_entry){ .entryhi = KSEG0 + idx * 2 * PAGE };
}

static void hw_write(struct vmm *v, unsigned idx, const struct tlb_entry *e)
{
	struct tlb_entry old;
	tlb_write(&v->m->tlb, idx, e, &old);
	machine_tlb_written(v->m, &old);
}

static void invalidate(struct vmm *v, unsigned idx)
{
	struct tlb_entry u = unmatched(idx);
	hw_write(v, idx, &u);
}

uint8_t vmm_hw_asid(struct vmm *v, struct vm *vm, uint8_t a)
{
	if (!v->params.asid_tag)
		return a;
	if (v->hw_asid[vm->id][a])
		return v->hw_asid[vm->id][a];
	if (v->next_hw_asid > 255) { /* all given out: start again from an empty TLB */
		vmm_hwtlb_flush(v);
		memset(v->hw_asid, 0, sizeof v->hw_asid);
		v->next_hw_asid = 1;
		v->hw_asid[vm->id][a] = (uint8_t)v->next_hw_asid++;
		vmm_sync_machine(v, vmm_current(v), CP0_WROTE_ASID);
		return v->hw_asid[vm->id][a];
	}
	if (!v->next_hw_asid)
		v->next_hw_asid = 1; /* hardware ASID 0 stands for "none yet" */
	v->hw_asid[vm->id][a] = (uint8_t)v->next_hw_asid++;
	return v->hw_asid[vm->id][a];
}

/* A guest entry of the current VM with its ASID made the hardware's. */
static struct tlb_entry to_hw(struct vmm *v, const struct tlb_entry *e)
{
	struct tlb_entry h = *e;
	uint8_t a = vmm_hw_asid(v, vmm_current(v), e->entryhi & TLB_ENTRYHI_ASID);
	h.entryhi = (e->entryhi & ~TLB_ENTRYHI_ASID) | a;
	return h;
}

static void hw_drop(struct vmm *v, const struct tlb_entry *e)
{
	struct tlb *t = &v->m->tlb;
	uint32_t espan = (e->pagemask & TLB_PAGEMASK_MASK) | 0x1fffu;
	bool eglobal = tlb_entry_global(e);
	uint16_t cand[TLB_MAX_ENTRIES];
	unsigned n = tlb_overlap_candidates(t, e, cand);
	for (unsigned k = 0; k < n; k++) {
		unsigned i = cand[k];
		const struct tlb_entry *h = &t->entry[i];
		/* naturally aligned pairs overlap when they agree above the larger
		 * one's span: the one test most entries fail */
		if ((h->entryhi ^ e->entryhi) & ~(espan | (h->pagemask & TLB_PAGEMASK_MASK)))
			continue;
		if (!((h->entrylo0 | h->entrylo1) & TLB_ENTRYLO_V))
			continue;
		if (!eglobal && !tlb_entry_global(h) && ((h->entryhi ^ e->entryhi) & TLB_ENTRYHI_ASID))
			continue;
		invalidate(v, i);
	}
}

void vmm_hwtlb_drop(struct vmm *v, const struct tlb_entry *e)
{
	struct tlb_entry h = to_hw(v, e);
	hw_drop(v, &h);
}

void vmm_hwtlb_drop_global(struct vmm *v)
{
	struct tlb *t = &v->m->tlb;
	for (unsigned i = 0; i < t->nentries; i++)
		if (tlb_entry_global(&t->entry[i]))
			invalidate(v, i);
}

void vmm_hwtlb_drop_frame(struct vmm *v, uint32_t frame)
{
	struct tlb *t = &v->m->tlb;
	for (unsigned i = 0; i < t->nentries; i++) {
		const struct tlb_entry *h = &t->entry[i];
		if (((h->entrylo0 & TLB_ENTRYLO_V) && h->entrylo0 >> ENTRYLO_PFN_SHIFT == frame) ||
		    ((h->entrylo1 & TLB_ENTRYLO_V) && h->entrylo1 >> ENTRYLO_PFN_SHIFT == frame))
			invalidate(v, i);
	}
}

void vmm_hwtlb_flush(struct vmm *v)
{
	struct tlb *t = &v->m->tlb;
	for (unsigned i = 0; i < t->nentries; i++)
		invalidate(v, i);
	v->stats.hw_flushes++;
}

/* One half of a guest entry: P -> M through the pmap, or invalid when P is
 * not the VM's memory (the access then faults and the VMM reports a bus
 * error) or when a page larger than 4 KiB is not one run of machine frames
 * (shared pages broke it up: see doc/vmm.md).  A shared frame is mapped
 * read-only, so the first write comes to the VMM (copy-on-write). */
static uint32_t compose_lo(const struct vmm *v, const struct vm *vm, uint32_t lo, uint32_t size)
{
	const uint32_t flags = (1u << ENTRYLO_PFN_SHIFT) - 1;
	if (!(lo & TLB_ENTRYLO_V))
		return lo & flags;
	uint64_t p = (uint64_t)(lo >> ENTRYLO_PFN_SHIFT) * PAGE;
	if (p + size > vm->mem_size)
		return lo & (TLB_ENTRYLO_G | TLB_ENTRYLO_D) & ~TLB_ENTRYLO_V;
	uint32_t first = vm->pmap[p / PAGE];
	bool shared = false;
	for (uint32_t k = 0; k < size / PAGE; k++) {
		if (vm->pmap[p / PAGE + k] != first + k)
			return lo & (TLB_ENTRYLO_G | TLB_ENTRYLO_D) & ~TLB_ENTRYLO_V;
		shared |= pmap_shared(v, vm, (uint32_t)p + k * PAGE);
	}
	uint32_t out = (lo & flags) | (first << ENTRYLO_PFN_SHIFT);
	return shared ? out & ~TLB_ENTRYLO_D : out;
}

/* The VMM chooses the slot round-robin rather than by Random: Random moves
 * per retired instruction, and a VMM refill retires none, so two misses
 * taken at one instruction (its fetch and its data) would keep evicting
 * each other from one slot. */
static void hw_insert(struct vmm *v, const struct tlb_entry *guest)
{
	unsigned n = v->m->tlb.nentries;
	struct tlb_entry e = to_hw(v, guest);
	hw_drop(v, &e); /* never two matching entries in the hardware */
	hw_write(v, v->hw_next, &e);
	v->hw_next = (v->hw_next + 1) % n;
}

/* The pages of the VM that a composed entry makes reachable. */
static void touch_entry(struct vm *vm, const struct tlb_entry *g, uint32_t size)
{
	const uint32_t lo[2] = { g->entrylo0, g->entrylo1 };
	for (unsigned k = 0; k < 2; k++) {
		if (!(lo[k] & TLB_ENTRYLO_V))
			continue;
		uint64_t p = (uint64_t)(lo[k] >> ENTRYLO_PFN_SHIFT) * PAGE;
		for (uint64_t q = p; q < p + size && q < vm->mem_size; q += PAGE)
			vmm_touch(vm, (uint32_t)q);
	}
}

bool vmm_hwtlb_compose(const struct vmm *v, struct vm *vm, const struct tlb_entry *g,
                       struct tlb_entry *out)
{
	uint32_t lo, hi;
	tlb_entry_range(g, &lo, &hi);
	/* only kuseg is the guest's to map: kseg0/1 are unmapped, ksseg is the
	 * VMM's window onto the guest's memory, kseg3 unreachable from
	 * supervisor mode */
	if (hi >= KSEG0 || !((g->entrylo0 | g->entrylo1) & TLB_ENTRYLO_V))
		return false;
	uint32_t size = (hi - lo + 1) / 2;
	*out = *g;
	out->entrylo0 = compose_lo(v, vm, g->entrylo0, size);
	out->entrylo1 = compose_lo(v, vm, g->entrylo1, size);
	touch_entry(vm, g, size);
	return true;
}

void vmm_hwtlb_put(struct vmm *v, const struct tlb_entry *e)
{
	hw_insert(v, e);
}

void vmm_hwtlb_insert(struct vmm *v, struct vm *vm, const struct tlb_entry *g)
{
	struct tlb_entry e;
	if (vmm_hwtlb_compose(v, vm, g, &e))
		hw_insert(v, &e);
}

bool vmm_hwtlb_ksseg(struct vmm *v, struct vm *vm, uint32_t va)
{
	uint32_t p = (va - VMM_KSSEG) & ~(2 * PAGE - 1);
	uint32_t lo[2] = { 0, 0 };
	for (unsigned k = 0; k < 2; k++) {
		uint32_t pk = p + k * PAGE;
		if (pk < vm->mem_size) {
			vmm_touch(vm, pk);
			lo[k] = vm->pmap[pk / PAGE] << ENTRYLO_PFN_SHIFT | ENTRYLO_C_CACHEABLE |
			        (pmap_shared(v, vm, pk) ? 0 : TLB_ENTRYLO_D) | TLB_ENTRYLO_V | TLB_ENTRYLO_G;
		} else
			lo[k] = TLB_ENTRYLO_G;
	}
	if (!(lo[(va >> 12) & 1] & TLB_ENTRYLO_V))
		return false;
	struct tlb_entry e = { .entryhi = va & TLB_ENTRYHI_VPN2, .entrylo0 = lo[0],
		               .entrylo1 = lo[1] };
	hw_insert(v, &e);
	return true;
}
