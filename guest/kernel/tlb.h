/* The TLB and address-space ids (ASIDs).  ASIDs are 8-bit; one is handed
 * to a process when it is switched in without a valid one, and when they
 * run out the whole TLB is flushed and a new generation starts, which makes
 * every process's old ASID invalid.  Retiring a process's ASID (fork, exec,
 * exit) is how the kernel drops all of its TLB entries at once. */
#ifndef KERNEL_TLB_H
#define KERNEL_TLB_H

#include "kernel.h"

struct asid {
	uint32_t asid;
	uint32_t generation; /* 0: none */
};

void tlb_init(void);
/* Give a an ASID of the current generation if it has none; make it the
 * current one (EntryHi). */
void asid_activate(struct asid *a);
static inline void asid_retire(struct asid *a) { a->generation = 0; }
/* Put the pair containing va, with these PTEs, in the TLB under the
 * current ASID. */
void tlb_update(uint32_t va, uint32_t pte0, uint32_t pte1);

/* vectors.S */
void tlb_write(uint32_t entryhi, uint32_t lo0, uint32_t lo1);
void tlb_wire(uint32_t index, uint32_t entryhi, uint32_t lo0, uint32_t lo1);
void tlb_flush(uint32_t first, uint32_t n, uint32_t asid);

#endif
