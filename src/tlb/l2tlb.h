/* Disco's second-level software TLB: a set-associative cache of TLB entries
 * (even/odd 4 KiB page pairs in the hardware's EntryHi/EntryLo format; the
 * VMM keeps the guest's V -> P entries there and composes P -> M on a hit)
 * that the VMM consults on a hardware TLB miss before it enters the guest.
 *
 * Sets are chosen by VPN2 alone, so a global entry is found from any ASID;
 * replacement within a set is least-recently-used (deterministic).  Knows
 * nothing of VMMs (DESIGN.md, "Layers"): coherence with the guest's own TLB
 * is the policy's job (src/models/policy_l2tlb.c).
 */
#ifndef VMMSIM_L2TLB_H
#define VMMSIM_L2TLB_H

#include <stdbool.h>
#include <stdint.h>

#include "tlb/tlb.h"

#define L2TLB_DEFAULT_ENTRIES 1024
#define L2TLB_DEFAULT_WAYS 4
#define L2TLB_MAX_ENTRIES (1u << 20)

struct l2tlb_slot {
	struct tlb_entry e; /* pagemask 0 (4 KiB pages); G in both EntryLo */
	uint64_t used;      /* LRU stamp; 0: empty */
};

struct l2tlb_stats {
	uint64_t lookups, hits, inserts, evictions, invalidations, flushes;
};

struct l2tlb {
	unsigned sets, ways;
	struct l2tlb_slot *slot; /* sets * ways */
	uint64_t clock;
	struct l2tlb_stats stats;
};

/* entries and ways powers of two, ways <= entries.  False if not, or out of
 * memory. */
bool l2tlb_init(struct l2tlb *l, unsigned entries, unsigned ways);
void l2tlb_free(struct l2tlb *l);

/* The entry mapping va in asid (or a global one), or NULL. */
const struct tlb_entry *l2tlb_lookup(struct l2tlb *l, uint32_t va, uint8_t asid);

/* Insert e (a 4 KiB pair), replacing an entry with the same VPN2 and ASID. */
void l2tlb_insert(struct l2tlb *l, const struct tlb_entry *e);

/* Drop every entry overlapping [lo, hi] in asid (any ASID when any_asid;
 * global entries always match).  Returns how many went. */
unsigned l2tlb_drop_range(struct l2tlb *l, uint32_t lo, uint32_t hi, uint8_t asid, bool any_asid);

/* Drop every entry of asid (global ones too). */
unsigned l2tlb_drop_asid(struct l2tlb *l, uint8_t asid);

void l2tlb_flush(struct l2tlb *l);

#endif
