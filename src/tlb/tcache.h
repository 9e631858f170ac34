/* The host translation cache: a speed device of the simulator, never visible
 * in results (DESIGN.md).  It remembers, per CPU mode, which 4 KiB virtual
 * pages translate to which host addresses, so that a load or store that hits
 * it does not walk the TLB.  The machine keeps it exactly coherent: it drops
 * the entries an overwritten TLB entry covered, everything on an ASID change,
 * and keeps one table per mode so a mode switch needs no flush.
 *
 * Direct-mapped; an entry matches when tag == (vaddr & ~0xfff).  host address
 * = vaddr + addend.  'mapped' is 1 when the page came through the TLB (so a
 * hit counts as a TLB lookup and hit in the statistics), 0 for kseg0/kseg1.
 */
#ifndef VMMSIM_TCACHE_H
#define VMMSIM_TCACHE_H

#include <stdint.h>

#define TCACHE_BITS 10
#define TCACHE_SIZE (1u << TCACHE_BITS)
#define TCACHE_INVALID_TAG 1u /* never equal to a page-aligned address */
#define TCACHE_NMODES 3

struct tcache_entry {
	uint32_t tag;
	uint32_t mapped;
	uintptr_t addend;
};

/* A fetch entry points at the pre-decoded page instead of at bytes. */
struct tcache_fetch_entry {
	uint32_t tag;
	uint32_t mapped;
	void *page;
};

/* Slots that took a TLB-mapped entry since the last flush of mapped ones,
 * so that an ASID change (under a VMM, most guest kernel entries and exits)
 * visits those rather than all 9,216; past this many it visits all. */
#define TCACHE_MAPPED_LIST 256

struct tcache {
	struct tcache_entry read[TCACHE_NMODES][TCACHE_SIZE];
	struct tcache_entry write[TCACHE_NMODES][TCACHE_SIZE];
	struct tcache_fetch_entry fetch[TCACHE_NMODES][TCACHE_SIZE];
	uint16_t mapped_slot[TCACHE_MAPPED_LIST]; /* mode << TCACHE_BITS | index */
	unsigned nmapped;                         /* > TCACHE_MAPPED_LIST: overflowed */
};

static inline unsigned tcache_index(uint32_t vaddr)
{
	return (vaddr >> 12) & (TCACHE_SIZE - 1);
}

/* A TLB-mapped entry went into slot idx of mode (any of its tables): every
 * fill of a mapped entry tells the cache, for tcache_flush_mapped. */
static inline void tcache_mapped_filled(struct tcache *c, unsigned mode, unsigned idx)
{
	if (c->nmapped < TCACHE_MAPPED_LIST)
		c->mapped_slot[c->nmapped] = (uint16_t)(mode << TCACHE_BITS | idx);
	if (c->nmapped <= TCACHE_MAPPED_LIST)
		c->nmapped++;
}

/* Drop every entry. */
void tcache_flush_all(struct tcache *c);
/* Drop only the write entries (a page became code: stores must go slow). */
void tcache_flush_writes(struct tcache *c);
/* Drop the entries of TLB-mapped pages (an ASID change). */
void tcache_flush_mapped(struct tcache *c);
/* Drop the entries of slot idx of one mode (what a trace recording asks for
 * to see the kernel's pages again, src/trace/recorder.c). */
void tcache_flush_slot(struct tcache *c, unsigned mode, unsigned idx);
/* Drop every entry whose page lies in [lo, hi] (an overwritten TLB entry). */
void tcache_flush_range(struct tcache *c, uint32_t lo, uint32_t hi);

#endif
