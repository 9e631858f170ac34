/* Address translation and the slow path of every memory access.
 *
 * The interpreter serves most accesses from the host translation cache; what
 * misses it comes here: the segment rules of the current mode, the TLB,
 * physical memory or a device, and the exceptions each can raise.  On
 * success the page is entered into the host cache when that is safe (RAM,
 * not a page holding decoded code for a store, no watchpoint armed).
 */
#ifndef VMMSIM_MMU_H
#define VMMSIM_MMU_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/exception.h"

struct machine;
struct dpage;

enum mmu_access { MMU_FETCH, MMU_LOAD, MMU_STORE };

/* Translate vaddr for an access of the current mode.  Returns true with *paddr
 * set, or false with *e describing the exception (address error, TLB refill,
 * invalid, modified).  *mapped tells whether the TLB was used. */
bool mmu_translate(struct machine *m, uint32_t vaddr, enum mmu_access kind, uint32_t *paddr,
                   bool *mapped, bool *dirty, struct exc *e);
/* The same translation, counted nowhere in the TLB's statistics: the
 * simulator's own question (a VMM reading the guest's code), not an access
 * of the guest's. */
bool mmu_peek_translate(struct machine *m, uint32_t vaddr, enum mmu_access kind, uint32_t *paddr,
                        struct exc *e);

/* Loads of 1, 2 or 4 bytes (vaddr aligned by the caller); the value is
 * zero-extended in guest byte order; *paddr (if not NULL) receives the
 * physical address.  False: *e is the exception to take. */
bool mmu_load(struct machine *m, uint32_t vaddr, unsigned size, uint32_t *value, uint32_t *paddr,
              struct exc *e);

/* Stores of 1, 2 or 4 bytes; mask selects the bits of a 4-byte store that are
 * written (SWL/SWR), 0xffffffff otherwise. */
bool mmu_store(struct machine *m, uint32_t vaddr, unsigned size, uint32_t value, uint32_t mask,
               struct exc *e);

/* The pre-decoded page for an instruction fetch at vaddr (aligned). */
bool mmu_fetch(struct machine *m, uint32_t vaddr, struct dpage **page, struct exc *e);
/* The same, counted nowhere and not recorded (a fetch the simulator makes
 * for itself): it fills the host cache as mmu_fetch does. */
bool mmu_peek_fetch(struct machine *m, uint32_t vaddr, struct dpage **page, struct exc *e);

/* A load (*value out) or store (*value in) of size bytes at physical pa,
 * from vaddr: if pa is the console's, done and charged as uncached (and
 * recorded when recording), and true; false for any other address. */
bool mmu_console_access(struct machine *m, uint32_t vaddr, uint32_t pa, unsigned size, bool store,
                        uint32_t *value);

/* A store reached RAM at paddr: drop the decoded instructions it overwrote. */
void mmu_code_written(struct machine *m, uint32_t paddr, unsigned size);

#endif
