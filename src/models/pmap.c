/* The pmaps and the machine frames behind them (pmap.h). */
#include "models/pmap.h"

#include <stdlib.h>
#include <string.h>

#include "models/vmm.h"
#include "sim/mmu.h"
#include "sim/services.h"

#define PAGE MACHINE_PAGE_SIZE

static void ref(struct pmap_frames *f, uint32_t frame)
{
	if (f->refs[frame]++ == 0)
		f->in_use++;
}

static void unref(struct pmap_frames *f, uint32_t frame)
{
	if (--f->refs[frame] == 0) {
		f->in_use--;
		if (frame != f->zero) /* the zero frame stays reserved */
			f->free[f->nfree++] = frame;
	}
}

bool pmap_init(struct vmm *v)
{
	struct pmap_frames *f = &v->frames;
	f->nframes = v->m->cfg.mem_size / PAGE;
	f->refs = calloc(f->nframes, sizeof *f->refs);
	f->free = calloc(f->nframes, sizeof *f->free);
	f->zero = PMAP_NONE;
	if (!f->refs || !f->free)
		return false;
	for (unsigned i = 0; i < v->nvms; i++) {
		struct vm *vm = v->vm[i];
		uint32_t pages = vm->mem_size / PAGE;
		vm->pmap = malloc(pages * sizeof *vm->pmap);
		if (!vm->pmap)
			return false;
		for (uint32_t k = 0; k < pages; k++)
			vm->pmap[k] = vm->mem_base / PAGE + k;
	}
	if (!v->sharing) /* identity for good: every frame its page's */
		return true;
	/* Lazy: the loaded images and command lines keep their frames, every
	 * other page maps the zero frame, and the rest are free.  The zero frame
	 * is the first frame that nothing was loaded into. */
	for (unsigned i = 0; i < v->nvms; i++) {
		struct vm *vm = v->vm[i];
		uint32_t pages = vm->mem_size / PAGE, cmdline = pages - 1;
		for (uint32_t k = 0; k < pages; k++) {
			bool loaded = k * PAGE < vm->image_end || k == cmdline;
			if (loaded) {
				vmm_touch(vm, k * PAGE); /* in use from the start */
				ref(f, vm->pmap[k]);
				continue;
			}
			if (f->zero == PMAP_NONE) {
				f->zero = vm->pmap[k];
				memset(v->m->ram + (uint64_t)f->zero * PAGE, 0, PAGE);
			} else if (vm->pmap[k] != f->zero)
				f->free[f->nfree++] = vm->pmap[k];
			vm->pmap[k] = f->zero;
			ref(f, f->zero);
		}
	}
	return true;
}

void pmap_free(struct vmm *v)
{
	free(v->frames.refs);
	free(v->frames.free);
	for (unsigned i = 0; i < v->nvms; i++) {
		free(v->vm[i]->pmap);
		v->vm[i]->pmap = NULL;
	}
}

bool pmap_shared(const struct vmm *v, const struct vm *vm, uint32_t p)
{
	if (!v->sharing)
		return false;
	uint32_t frame = vm->pmap[p / PAGE];
	return frame == v->frames.zero || v->frames.refs[frame] > 1;
}

bool pmap_make_private(struct vmm *v, struct vm *vm, uint32_t p)
{
	if (!pmap_shared(v, vm, p))
		return false;
	struct pmap_frames *f = &v->frames;
	struct machine *m = v->m;
	uint32_t old = vm->pmap[p / PAGE];
	if (!f->nfree) /* cannot happen: a shared page leaves a frame free */
		return false;
	uint32_t frame = f->free[--f->nfree];
	uint8_t *dst = m->ram + (uint64_t)frame * PAGE;
	if (old == f->zero) {
		memset(dst, 0, PAGE);
		f->zero_cow_breaks++;
		vmm_charge(v, LEDGER_C_PAGE_ZERO, SERVICE_NONE, vmm_cost(v)->vmm_page_zero);
	} else {
		memcpy(dst, m->ram + (uint64_t)old * PAGE, PAGE);
		f->cow_breaks++;
		vmm_charge(v, LEDGER_C_PAGE_COPY, SERVICE_NONE, vmm_cost(v)->vmm_page_copy);
	}
	mmu_code_written(m, frame * PAGE, PAGE);
	vmm_hwtlb_drop_frame(v, old); /* its read-only mappings of p (and others': refetched) */
	vm->pmap[p / PAGE] = frame;
	ref(f, frame);
	unref(f, old);
	return true;
}

void pmap_map_shared(struct vmm *v, struct vm *vm, uint32_t p, uint32_t target)
{
	struct pmap_frames *f = &v->frames;
	uint32_t old = vm->pmap[p / PAGE];
	if (old == target)
		return;
	vmm_hwtlb_drop_frame(v, old);
	vmm_hwtlb_drop_frame(v, target); /* its writable mappings become read-only */
	vm->pmap[p / PAGE] = target;
	ref(f, target);
	unref(f, old);
}
