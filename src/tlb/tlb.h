/* The R4000 joint TLB: entries, lookups, writes, probes and statistics.
 *
 * Knows nothing of CPUs or VMMs (see DESIGN.md, "Layers").  Each entry maps
 * an even/odd pair of pages; the page size is chosen by PageMask (4 KiB to
 * 16 MiB in powers of 4).  Register formats are those of the R4000 manual:
 *   EntryHi  = VPN2 (bits 31..13) | ASID (bits 7..0)
 *   EntryLo  = PFN (bits 25..6) << 6 | C (5..3) | D (2) | V (1) | G (0)
 *   PageMask = MASK (bits 24..13)
 */
#ifndef VMMSIM_TLB_H
#define VMMSIM_TLB_H

#include <stdbool.h>
#include <stdint.h>

#define TLB_MAX_ENTRIES 256
#define TLB_DEFAULT_ENTRIES 48 /* R4000; an R10000 has 64 */

/* Bits of the CP0 registers that a TLB entry holds. */
#define TLB_ENTRYHI_VPN2 0xffffe000u
#define TLB_ENTRYHI_ASID 0x000000ffu
#define TLB_ENTRYLO_MASK 0x03ffffffu /* PFN, C, D, V, G */
#define TLB_ENTRYLO_G 0x1u
#define TLB_ENTRYLO_V 0x2u
#define TLB_ENTRYLO_D 0x4u
#define TLB_PAGEMASK_MASK 0x01ffe000u
#define TLB_INDEX_P 0x80000000u

/* The CPU mode a lookup is made in, for the statistics. */
enum tlb_mode { TLB_MODE_KERNEL, TLB_MODE_SUPERVISOR, TLB_MODE_USER, TLB_NMODES };

/* What a lookup found. */
enum tlb_result {
	TLB_HIT,      /* translated */
	TLB_REFILL,   /* no entry matched: TLB refill exception */
	TLB_INVALID,  /* matched, V clear: TLB invalid exception */
	TLB_MODIFIED, /* matched a store, D clear: TLB modified exception */
};

struct tlb_entry {
	uint32_t pagemask; /* PageMask, as written (bits 24..13) */
	uint32_t entryhi;  /* VPN2 | ASID; G is kept in lo0 & lo1 */
	uint32_t entrylo0; /* even page */
	uint32_t entrylo1; /* odd page */
};

struct tlb_stats {
	uint64_t lookups[TLB_NMODES];
	uint64_t hits[TLB_NMODES];
	uint64_t refills[TLB_NMODES];   /* misses: no matching entry */
	uint64_t invalids[TLB_NMODES];  /* misses: matching entry, V clear */
	uint64_t modifieds[TLB_NMODES]; /* store to a clean page */
	uint64_t writes;                /* TLBWI + TLBWR */
	uint64_t probes;                /* TLBP */
};

/* What a lookup compares, kept beside each entry (tlb_write keeps it): the
 * VPN2 bits the page size leaves, the entry's VPN2 in them, and its ASID or
 * TLB_MATCH_ANY for a global entry. */
struct tlb_match {
	uint32_t mask, hi, asid;
};
#define TLB_MATCH_ANY 0x100u

/* An index over the entries, so that a lookup compares a few entries rather
 * than all of them (tlb.c): entries of 4 KiB pages are chained by a hash of
 * their VPN2, entries of larger pages on one more chain that every lookup
 * walks.  Indices rather than pointers, so that a struct tlb may be copied. */
#define TLB_HASH_BUCKETS 64
#define TLB_LARGE_CHAIN TLB_HASH_BUCKETS /* the chain of larger pages */
#define TLB_CHAIN_END (-1)

struct tlb_index {
	int16_t head[TLB_HASH_BUCKETS + 1];
	int16_t next[TLB_MAX_ENTRIES], prev[TLB_MAX_ENTRIES];
};

struct tlb {
	unsigned nentries;
	struct tlb_entry entry[TLB_MAX_ENTRIES];
	struct tlb_match match[TLB_MAX_ENTRIES];
	struct tlb_index index;
	struct tlb_stats stats;
};

/* The result of a successful translation: the physical address and the
 * virtual range the matching half-entry covers (for the host cache). */
struct tlb_xlate {
	uint32_t paddr;
	uint32_t vbase;    /* first virtual address of the page */
	uint32_t size;     /* page size in bytes (4 KiB .. 16 MiB) */
	int index;         /* the entry that matched */
	bool dirty;        /* D bit of the page */
};

/* Whether an entry (or a pair of EntryLo about to be written) is global:
 * the hardware keeps the AND of both EntryLo G bits. */
static inline bool tlb_entry_global(const struct tlb_entry *e)
{
	return (e->entrylo0 & e->entrylo1 & TLB_ENTRYLO_G) != 0;
}

/* Set up an empty TLB of n entries (1..TLB_MAX_ENTRIES).  Every entry starts
 * invalid (V=0) with distinct VPN2s in kseg0, so no two entries match the
 * same address.  Returns false if n is out of range. */
bool tlb_init(struct tlb *t, unsigned nentries);

/* Translate vaddr for a load/fetch (write=false) or a store (write=true) in
 * the given ASID, counting the lookup against mode. */
enum tlb_result tlb_lookup(struct tlb *t, uint32_t vaddr, uint8_t asid, bool write,
                           enum tlb_mode mode, struct tlb_xlate *out);

/* The same lookup counted nowhere (a simulator's own question, not the
 * guest's); out may be NULL. */
enum tlb_result tlb_peek(const struct tlb *t, uint32_t vaddr, uint8_t asid, bool write,
                         struct tlb_xlate *out);

/* TLBP: the index of the entry matching entryhi's VPN2 and ASID (or G), or
 * -1 on a miss. */
int tlb_probe(struct tlb *t, uint32_t entryhi);

/* TLBWI/TLBWR: write entry idx (< nentries).  Bits that do not exist in the
 * hardware are masked off. Returns the previous contents in *old if not NULL. */
void tlb_write(struct tlb *t, unsigned idx, const struct tlb_entry *e, struct tlb_entry *old);
/* Make entry idx match nothing again, as tlb_init leaves every entry;
 * *old (if not NULL) receives what it held. */
void tlb_clear(struct tlb *t, unsigned idx, struct tlb_entry *old);

/* The indices, ascending, of the entries whose pairs may overlap the pair e
 * maps (e's VPN2 chain and the larger pages' chain; every entry when e maps
 * a larger page): a superset the caller tests.  Returns how many. */
unsigned tlb_overlap_candidates(const struct tlb *t, const struct tlb_entry *e,
                                uint16_t out[TLB_MAX_ENTRIES]);

/* TLBR: read entry idx (< nentries), G copied into both EntryLo. */
void tlb_read(const struct tlb *t, unsigned idx, struct tlb_entry *e);

/* The virtual range [*lo, *hi] (inclusive) that entry e maps, both pages. */
void tlb_entry_range(const struct tlb_entry *e, uint32_t *lo, uint32_t *hi);

#endif
