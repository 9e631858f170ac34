/* The R4000 joint TLB (see tlb.h for the register formats).
 *
 * A fully associative array.  With a host translation cache in front
 * (tcache.c) a lookup is off the hot path of native runs, but not of a VMM's
 * (which looks up two TLBs on each miss) or of trace replay, where most
 * lookups are misses that would compare every entry.  So what an entry
 * compares is kept precomputed (tlb_match), and the entries are indexed
 * (tlb_index): those of 4 KiB pages, nearly all of them, on one of 64 chains
 * by a hash of their VPN2; the others, whose VPN2 the hash cannot see whole,
 * on a chain of their own.  A lookup compares the entries of its VPN2's chain
 * and of that one: the result is the linear search's, lowest index first.
 *
 * Where the R4000 manual leaves a choice:
 * - Two entries matching one address ("multiple match") shut the real chip
 *   down (TS bit).  vmmsim lets the lowest-numbered entry win, as most
 *   emulators do; guests that rely on TS are not supported.
 * - PageMask values that are not one of the seven legal sizes are used as
 *   written (the mask bits are simply ORed into the comparison), which is
 *   what the hardware's compare logic does with them.
 */
#include "tlb/tlb.h"

#include <string.h>

/* The mask of the bits of a virtual address that select within the even/odd
 * pair the entry maps: 8 KiB (4 KiB pages) up to 32 MiB. */
static inline uint32_t pair_mask(const struct tlb_entry *e)
{
	return (e->pagemask & TLB_PAGEMASK_MASK) | 0x1fffu;
}

static inline bool entry_matches(const struct tlb_match *mt, uint32_t vaddr, uint8_t asid)
{
	return (vaddr & mt->mask) == mt->hi && (mt->asid == asid || mt->asid == TLB_MATCH_ANY);
}

/* The chain a 4 KiB pair at this address is on. */
static inline unsigned chain_of_vaddr(uint32_t vaddr)
{
	uint32_t vpn2 = vaddr >> 13;
	return (vpn2 ^ (vpn2 >> 6)) & (TLB_HASH_BUCKETS - 1);
}

static unsigned chain_of_match(const struct tlb_match *mt)
{
	return mt->mask == TLB_ENTRYHI_VPN2 ? chain_of_vaddr(mt->hi) : TLB_LARGE_CHAIN;
}

static void chain_link(struct tlb_index *x, unsigned i, unsigned chain)
{
	x->prev[i] = TLB_CHAIN_END;
	x->next[i] = x->head[chain];
	if (x->head[chain] != TLB_CHAIN_END)
		x->prev[x->head[chain]] = (int16_t)i;
	x->head[chain] = (int16_t)i;
}

static void chain_unlink(struct tlb_index *x, unsigned i, unsigned chain)
{
	if (x->prev[i] != TLB_CHAIN_END)
		x->next[x->prev[i]] = x->next[i];
	else
		x->head[chain] = x->next[i];
	if (x->next[i] != TLB_CHAIN_END)
		x->prev[x->next[i]] = x->prev[i];
}

static void set_match(struct tlb *t, unsigned i)
{
	const struct tlb_entry *e = &t->entry[i];
	struct tlb_match *mt = &t->match[i];
	mt->mask = ~pair_mask(e) & TLB_ENTRYHI_VPN2;
	mt->hi = e->entryhi & mt->mask;
	mt->asid = tlb_entry_global(e) ? TLB_MATCH_ANY : (e->entryhi & TLB_ENTRYHI_ASID);
}

/* The lowest-numbered entry on chain matching vaddr in asid, or best if
 * that is lower (-1: none yet). */
static int lowest_on_chain(const struct tlb *t, unsigned chain, uint32_t vaddr, uint8_t asid,
                           int best)
{
	for (int i = t->index.head[chain]; i != TLB_CHAIN_END; i = t->index.next[i])
		if (entry_matches(&t->match[i], vaddr, asid) && (best < 0 || i < best))
			best = i;
	return best;
}

/* The lowest-numbered entry matching vaddr in asid, or -1. */
static int find_entry(const struct tlb *t, uint32_t vaddr, uint8_t asid)
{
	int best = lowest_on_chain(t, chain_of_vaddr(vaddr), vaddr, asid, -1);
	return lowest_on_chain(t, TLB_LARGE_CHAIN, vaddr, asid, best);
}

unsigned tlb_overlap_candidates(const struct tlb *t, const struct tlb_entry *e,
                                uint16_t out[TLB_MAX_ENTRIES])
{
	unsigned n = 0;
	if (e->pagemask & TLB_PAGEMASK_MASK) { /* spans several chains: all */
		for (unsigned i = 0; i < t->nentries; i++)
			out[n++] = (uint16_t)i;
		return n;
	}
	/* the two chains, in index order as a linear search would visit them */
	uint64_t seen[TLB_MAX_ENTRIES / 64] = { 0 };
	const unsigned chains[2] = { chain_of_vaddr(e->entryhi), TLB_LARGE_CHAIN };
	for (unsigned c = 0; c < 2; c++)
		for (int i = t->index.head[chains[c]]; i != TLB_CHAIN_END; i = t->index.next[i])
			seen[i / 64] |= 1ull << (i % 64);
	for (unsigned w = 0; w < TLB_MAX_ENTRIES / 64; w++)
		for (uint64_t bits = seen[w]; bits; bits &= bits - 1)
			out[n++] = (uint16_t)(w * 64 + (unsigned)__builtin_ctzll(bits));
	return n;
}

/* An entry that matches nothing: invalid, with a VPN2 of its own in kseg0,
 * which is never looked up in the TLB. */
static uint32_t blank_entryhi(unsigned idx)
{
	return 0x80000000u + (idx << 13);
}

bool tlb_init(struct tlb *t, unsigned nentries)
{
	if (nentries < 1 || nentries > TLB_MAX_ENTRIES)
		return false;
	memset(t, 0, sizeof *t);
	t->nentries = nentries;
	for (unsigned c = 0; c <= TLB_LARGE_CHAIN; c++)
		t->index.head[c] = TLB_CHAIN_END;
	for (unsigned i = 0; i < nentries; i++) {
		t->entry[i].entryhi = blank_entryhi(i);
		set_match(t, i);
		chain_link(&t->index, i, chain_of_match(&t->match[i]));
	}
	return true;
}

/* tlb_peek's body, inlined into tlb_lookup too (the slow path of every
 * access that misses the host cache) */
static inline enum tlb_result translate(const struct tlb *t, uint32_t vaddr, uint8_t asid,
                                        bool write, struct tlb_xlate *out)
{
	int i = find_entry(t, vaddr, asid);
	if (i < 0)
		return TLB_REFILL;
	const struct tlb_entry *e = &t->entry[i];
	uint32_t mask = pair_mask(e);
	uint32_t odd_bit = (mask + 1) >> 1; /* selects the odd page */
	uint32_t lo = (vaddr & odd_bit) ? e->entrylo1 : e->entrylo0;
	if (!(lo & TLB_ENTRYLO_V))
		return TLB_INVALID;
	if (write && !(lo & TLB_ENTRYLO_D))
		return TLB_MODIFIED;
	if (out) {
		uint32_t offset_mask = odd_bit - 1;
		uint32_t pfn = (lo >> 6) & 0xfffffu;
		/* for a large page the low PFN bits are ignored, as the hardware does */
		out->paddr = ((pfn << 12) & ~offset_mask) | (vaddr & offset_mask);
		out->vbase = vaddr & ~offset_mask;
		out->size = odd_bit;
		out->index = i;
		out->dirty = (lo & TLB_ENTRYLO_D) != 0;
	}
	return TLB_HIT;
}

enum tlb_result tlb_peek(const struct tlb *t, uint32_t vaddr, uint8_t asid, bool write,
                         struct tlb_xlate *out)
{
	return translate(t, vaddr, asid, write, out);
}

enum tlb_result tlb_lookup(struct tlb *t, uint32_t vaddr, uint8_t asid, bool write,
                           enum tlb_mode mode, struct tlb_xlate *out)
{
	enum tlb_result r = translate(t, vaddr, asid, write, out);
	t->stats.lookups[mode]++;
	switch (r) {
	case TLB_HIT: t->stats.hits[mode]++; break;
	case TLB_REFILL: t->stats.refills[mode]++; break;
	case TLB_INVALID: t->stats.invalids[mode]++; break;
	case TLB_MODIFIED: t->stats.modifieds[mode]++; break;
	}
	return r;
}

int tlb_probe(struct tlb *t, uint32_t entryhi)
{
	t->stats.probes++;
	return find_entry(t, entryhi, (uint8_t)(entryhi & TLB_ENTRYHI_ASID));
}

void tlb_write(struct tlb *t, unsigned idx, const struct tlb_entry *e, struct tlb_entry *old)
{
	struct tlb_entry *slot = &t->entry[idx];
	if (old)
		*old = *slot;
	slot->pagemask = e->pagemask & TLB_PAGEMASK_MASK;
	slot->entryhi = e->entryhi & (TLB_ENTRYHI_VPN2 | TLB_ENTRYHI_ASID);
	/* the entry keeps one G bit: the AND of both EntryLo G bits */
	uint32_t g = e->entrylo0 & e->entrylo1 & TLB_ENTRYLO_G;
	slot->entrylo0 = (e->entrylo0 & TLB_ENTRYLO_MASK & ~TLB_ENTRYLO_G) | g;
	slot->entrylo1 = (e->entrylo1 & TLB_ENTRYLO_MASK & ~TLB_ENTRYLO_G) | g;
	unsigned was = chain_of_match(&t->match[idx]);
	set_match(t, idx);
	unsigned chain = chain_of_match(&t->match[idx]);
	if (chain != was) {
		chain_unlink(&t->index, idx, was);
		chain_link(&t->index, idx, chain);
	}
	t->stats.writes++;
}

void tlb_read(const struct tlb *t, unsigned idx, struct tlb_entry *e)
{
	*e = t->entry[idx];
}

void tlb_entry_range(const struct tlb_entry *e, uint32_t *lo, uint32_t *hi)
{
	uint32_t mask = pair_mask(e);
	*lo = e->entryhi & ~mask;
	*hi = *lo + mask;
}

void tlb_clear(struct tlb *t, unsigned idx, struct tlb_entry *old)
{
	struct tlb_entry blank = { .entryhi = blank_entryhi(idx) };
	tlb_write(t, idx, &blank, old);
}
