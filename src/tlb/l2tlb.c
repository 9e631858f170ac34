/* The second-level software TLB (l2tlb.h). */
#include "tlb/l2tlb.h"

#include <stdlib.h>

#define PAIR 0x2000u

static bool pow2(unsigned x)
{
	return x && !(x & (x - 1));
}

bool l2tlb_init(struct l2tlb *l, unsigned entries, unsigned ways)
{
	*l = (struct l2tlb){ 0 };
	if (!pow2(entries) || !pow2(ways) || ways > entries || entries > L2TLB_MAX_ENTRIES)
		return false;
	l->slot = calloc(entries, sizeof *l->slot);
	if (!l->slot)
		return false;
	l->sets = entries / ways;
	l->ways = ways;
	return true;
}

void l2tlb_free(struct l2tlb *l)
{
	free(l->slot);
	l->slot = NULL;
}

static struct l2tlb_slot *set_of(struct l2tlb *l, uint32_t va)
{
	return &l->slot[((va / PAIR) & (l->sets - 1)) * l->ways];
}

static bool same_key(const struct tlb_entry *e, uint32_t vpn2, uint8_t asid)
{
	return (e->entryhi & TLB_ENTRYHI_VPN2) == vpn2 &&
	       (tlb_entry_global(e) || (e->entryhi & TLB_ENTRYHI_ASID) == asid);
}

const struct tlb_entry *l2tlb_lookup(struct l2tlb *l, uint32_t va, uint8_t asid)
{
	struct l2tlb_slot *s = set_of(l, va);
	l->stats.lookups++;
	for (unsigned w = 0; w < l->ways; w++)
		if (s[w].used && same_key(&s[w].e, va & TLB_ENTRYHI_VPN2, asid)) {
			s[w].used = ++l->clock;
			l->stats.hits++;
			return &s[w].e;
		}
	return NULL;
}

void l2tlb_insert(struct l2tlb *l, const struct tlb_entry *e)
{
	uint32_t vpn2 = e->entryhi & TLB_ENTRYHI_VPN2;
	struct l2tlb_slot *s = set_of(l, vpn2), *victim = &s[0];
	for (unsigned w = 0; w < l->ways; w++) {
		if (s[w].used && same_key(&s[w].e, vpn2, e->entryhi & TLB_ENTRYHI_ASID)) {
			victim = &s[w];
			break;
		}
		if (s[w].used < victim->used)
			victim = &s[w];
	}
	if (victim->used && !same_key(&victim->e, vpn2, e->entryhi & TLB_ENTRYHI_ASID))
		l->stats.evictions++;
	victim->e = *e;
	victim->e.pagemask = 0;
	victim->used = ++l->clock;
	l->stats.inserts++;
}

static unsigned drop_if(struct l2tlb *l, struct l2tlb_slot *s, unsigned n, uint32_t lo,
                        uint32_t hi, int asid)
{
	unsigned dropped = 0;
	for (unsigned i = 0; i < n; i++) {
		if (!s[i].used)
			continue;
		uint32_t base = s[i].e.entryhi & TLB_ENTRYHI_VPN2;
		if (base > hi || base + PAIR - 1 < lo)
			continue;
		if (asid >= 0 && !tlb_entry_global(&s[i].e) &&
		    (s[i].e.entryhi & TLB_ENTRYHI_ASID) != (unsigned)asid)
			continue;
		s[i].used = 0;
		dropped++;
	}
	l->stats.invalidations += dropped;
	return dropped;
}

unsigned l2tlb_drop_range(struct l2tlb *l, uint32_t lo, uint32_t hi, uint8_t asid, bool any_asid)
{
	int a = any_asid ? -1 : asid;
	if (hi - lo < 4 * PAIR) { /* a few pairs: visit their sets only */
		unsigned n = 0;
		for (uint64_t va = lo & ~(PAIR - 1); va <= hi; va += PAIR)
			n += drop_if(l, set_of(l, (uint32_t)va), l->ways, lo, hi, a);
		return n;
	}
	return drop_if(l, l->slot, l->sets * l->ways, lo, hi, a);
}

unsigned l2tlb_drop_asid(struct l2tlb *l, uint8_t asid)
{
	return drop_if(l, l->slot, l->sets * l->ways, 0, UINT32_MAX, asid);
}

void l2tlb_flush(struct l2tlb *l)
{
	for (unsigned i = 0; i < l->sets * l->ways; i++)
		l->slot[i].used = 0;
	l->stats.flushes++;
}
