/* P -> M: each VM's pmap, one machine frame per guest page, and the frames
 * behind them (DESIGN.md, "Address spaces").
 *
 * Without page sharing a VM's pmap is the identity onto its own contiguous
 * range of machine memory and nothing here ever changes it.  With sharing
 * (the `dedup` policy) several guest pages may map one frame, read-only:
 * the frame's reference count says how many, the hardware TLB never holds a
 * writable mapping of a shared frame, and the first write copies the page
 * (copy-on-write).  Pages a guest has never written map the zero frame, so
 * machine memory is given out as guests first write, and is taken back when
 * the scanner finds copies or a paravirtual guest frees a page.
 */
#ifndef VMMSIM_PMAP_H
#define VMMSIM_PMAP_H

#include <stdbool.h>
#include <stdint.h>

struct vmm;
struct vm;

#define PMAP_NONE UINT32_MAX

struct pmap_frames {
	uint32_t nframes;
	uint32_t *refs;          /* guest pages mapping each frame */
	uint32_t *free;          /* a stack of frames no page maps */
	uint32_t nfree;
	uint32_t zero;           /* the shared zero frame, or PMAP_NONE */
	uint64_t in_use;         /* frames some page maps */
	uint64_t cow_breaks, zero_cow_breaks;
	uint64_t freed;          /* pages a paravirtual guest freed (MC_FREE_PAGE) */
};

/* Set up the frames (identity pmaps); with v->sharing the lazy, shareable
 * form (pages nobody has written map the zero frame).  False if out of
 * memory. */
bool pmap_init(struct vmm *v);
void pmap_free(struct vmm *v);

/* Is the frame behind p shared (several pages, or the zero frame)? */
bool pmap_shared(const struct vmm *v, const struct vm *vm, uint32_t p);

/* Make the page holding byte p of vm its own before a write: if its frame
 * is shared, copy (or zero) it into a free one and drop the hardware entries
 * that mapped the old frame, charged to PAGE_COPY (PAGE_ZERO for the zero
 * frame).  Returns whether it copied. */
bool pmap_make_private(struct vmm *v, struct vm *vm, uint32_t p);

/* Map page p of vm onto frame f (whose contents equal p's, or p's no longer
 * matter), releasing p's own frame; drops the hardware entries of both. */
void pmap_map_shared(struct vmm *v, struct vm *vm, uint32_t p, uint32_t f);

#endif
