/* Address spaces (vm.h): page tables, page faults, copy-on-write fork,
 * sbrk and user copies.
 *
 * A PTE is 0 (no page) or a valid EntryLo value.  A page that may be
 * written carries the software bit PTE_W; if its D bit is clear as well,
 * it is shared copy-on-write and the first write takes a TLB modified
 * exception that copies it (or, last reference, just sets D). */
#include "vm.h"

#include "cp0.h"
#include "errno.h"
#include "page.h"
#include "sim/services.h"
#include "tlb.h"

#define PGD_ENTRIES 1024
#define PGD_USER_ENTRIES (USER_TOP >> 22)
#define PT_ENTRIES 1024

/* The page table of every unmapped 4 MiB range: all PTEs zero, so the
 * refill handler needs no test. */
static uint32_t invalid_pt[PT_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
/* no process: every range unmapped (page aligned, as the refill handler needs) */
static uint32_t empty_pgd[PGD_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static struct vmspace *current;

extern uint32_t *pgd_current; /* vectors.S: what the refill handler reads */

void vm_init(void)
{
	for (unsigned i = 0; i < PGD_ENTRIES; i++)
		empty_pgd[i] = (uint32_t)(uintptr_t)invalid_pt;
	vm_activate(NULL);
}

int vm_create(struct vmspace *vs)
{
	uint32_t pa = page_alloc();
	if (!pa)
		return -ENOMEM;
	*vs = (struct vmspace){ .pgd = KVA(pa) };
	for (unsigned i = 0; i < PGD_ENTRIES; i++)
		vs->pgd[i] = (uint32_t)(uintptr_t)invalid_pt;
	return 0;
}

static uint32_t *page_table(const struct vmspace *vs, uint32_t va)
{
	uint32_t *pt = (uint32_t *)(uintptr_t)vs->pgd[va >> 22];
	return pt == invalid_pt ? NULL : pt;
}

/* The PTE of va, allocating its page table if alloc; NULL if there is
 * none (or no memory for one). */
static uint32_t *pte_of(struct vmspace *vs, uint32_t va, bool alloc)
{
	uint32_t *pt = page_table(vs, va);
	if (!pt) {
		uint32_t pa = alloc ? page_alloc_zero() : 0;
		if (!pa)
			return NULL;
		pt = KVA(pa);
		vs->pgd[va >> 22] = (uint32_t)(uintptr_t)pt;
	}
	return &pt[(va >> PAGE_SHIFT) & (PT_ENTRIES - 1)];
}

void vm_free(struct vmspace *vs)
{
	if (!vs->pgd)
		return;
	if (current == vs)
		vm_activate(NULL);
	for (unsigned i = 0; i < PGD_USER_ENTRIES; i++) {
		uint32_t *pt = page_table(vs, i << 22);
		if (!pt)
			continue;
		for (unsigned j = 0; j < PT_ENTRIES; j++)
			if (pt[j])
				page_unref(PTE_TO_PA(pt[j]));
		page_unref(PADDR(pt));
	}
	page_unref(PADDR(vs->pgd));
	vs->pgd = NULL;
}

int vm_fork(struct vmspace *parent, struct vmspace *child)
{
	int r = vm_create(child);
	if (r)
		return r;
	memcpy(child->region, parent->region, sizeof parent->region);
	child->nregions = parent->nregions;
	child->heap_start = parent->heap_start;
	child->brk = parent->brk;
	for (unsigned i = 0; i < PGD_USER_ENTRIES; i++) {
		uint32_t *pt = page_table(parent, i << 22);
		if (!pt)
			continue;
		uint32_t pa = page_alloc();
		if (!pa) {
			vm_free(child);
			return -ENOMEM;
		}
		uint32_t *cpt = KVA(pa);
		for (unsigned j = 0; j < PT_ENTRIES; j++) {
			uint32_t e = pt[j];
			if (e & PTE_W)
				e &= ~PTE_D; /* both sides now copy on write */
			if (e)
				page_ref(PTE_TO_PA(e));
			pt[j] = cpt[j] = e;
		}
		child->pgd[i] = (uint32_t)(uintptr_t)cpt;
	}
	return 0;
}

void vm_activate(struct vmspace *vs)
{
	current = vs;
	pgd_current = vs ? vs->pgd : empty_pgd;
}

/* Refresh the TLB's copy of the pair holding va, if vs is the live space. */
static void tlb_sync(struct vmspace *vs, uint32_t va)
{
	if (vs != current)
		return;
	uint32_t *pt = page_table(vs, va);
	unsigned i = (va >> PAGE_SHIFT) & (PT_ENTRIES - 2);
	tlb_update(va, pt ? pt[i] : 0, pt ? pt[i + 1] : 0);
}

static const struct region *region_of(const struct vmspace *vs, uint32_t va,
                                      struct region *scratch)
{
	for (unsigned i = 0; i < vs->nregions; i++) {
		const struct region *r = &vs->region[i];
		if (va >= PAGE_ROUND_DOWN(r->start) && va < PAGE_ROUND_UP(r->end))
			return r;
	}
	/* heap and stack: zeros */
	if ((va >= PAGE_ROUND_UP(vs->heap_start) && va < PAGE_ROUND_UP(vs->brk)) ||
	    (va >= USER_STACK_BOTTOM && va < USER_STACK_TOP)) {
		*scratch = (struct region){ .start = PAGE_ROUND_DOWN(va),
			                    .end = PAGE_ROUND_DOWN(va) + PAGE_SIZE,
			                    .writable = true };
		return scratch;
	}
	return NULL;
}

/* Give the absent page at va its first contents from region r. */
static int fill_page(const struct region *r, uint32_t va, uint32_t *pte, unsigned flags)
{
	uint32_t base = PAGE_ROUND_DOWN(va);
	uint32_t w = r->writable ? PTE_W : 0;
	const uint8_t *src = r->file ? r->file + (base - r->start) : NULL;
	if (src && !(flags & VMF_WRITE) && base >= r->start && base + PAGE_SIZE <= r->file_end &&
	    ((uintptr_t)src & PAGE_MASK) == 0) {
		/* The program file's own page: map it where it lies (shared,
		 * never freed: it is part of the kernel image). */
		if (flags & VMF_MARK)
			SERVICE_MARK(SERVICE_QUICK_FAULT);
		*pte = PA_TO_PTE(PADDR(src)) | PTE_CACHED | PTE_V | w;
		return 0;
	}
	uint32_t pa = page_alloc_zero();
	if (!pa)
		return -ENOMEM;
	if (flags & VMF_MARK)
		SERVICE_MARK(SERVICE_DEMAND_ZERO);
	/* The file's bytes that fall in this page, if any. */
	uint32_t from = base > r->start ? base : r->start;
	uint32_t to = base + PAGE_SIZE < r->file_end ? base + PAGE_SIZE : r->file_end;
	if (r->file && from < to)
		memcpy((uint8_t *)KVA(pa) + (from - base), r->file + (from - r->start), to - from);
	*pte = PA_TO_PTE(pa) | PTE_CACHED | PTE_V | w | (w ? PTE_D : 0);
	return 0;
}

/* A write to a copy-on-write page. */
static int cow_break(uint32_t *pte)
{
	uint32_t old = PTE_TO_PA(*pte);
	if (page_refs(old) == 1) {
		*pte |= PTE_D; /* the last sharer keeps the page */
		return 0;
	}
	uint32_t pa = page_alloc();
	if (!pa)
		return -ENOMEM;
	memcpy(KVA(pa), KVA(old), PAGE_SIZE);
	page_unref(old);
	*pte = PA_TO_PTE(pa) | PTE_CACHED | PTE_V | PTE_W | PTE_D;
	return 0;
}

int vm_fault(struct vmspace *vs, uint32_t va, unsigned flags)
{
	bool write = flags & VMF_WRITE;
	if (va >= USER_TOP)
		return -EFAULT;
	uint32_t *pte = pte_of(vs, va, true);
	if (!pte)
		return -ENOMEM;
	int r = 0;
	if (*pte & PTE_V) {
		if (write && !(*pte & PTE_D)) {
			if (!(*pte & PTE_W))
				return -EFAULT; /* read-only: text */
			if (flags & VMF_MARK)
				SERVICE_MARK(SERVICE_COW_FAULT);
			r = cow_break(pte);
		} else if (flags & VMF_MARK) {
			SERVICE_MARK(SERVICE_QUICK_FAULT); /* only the TLB lacked it */
		}
	} else {
		struct region scratch;
		const struct region *reg = region_of(vs, va, &scratch);
		if (!reg || (write && !reg->writable))
			return -EFAULT;
		r = fill_page(reg, va, pte, flags);
	}
	if (r == 0)
		tlb_sync(vs, va);
	return r;
}

long vm_sbrk(struct vmspace *vs, int32_t increment)
{
	uint32_t old = vs->brk;
	int64_t nb = (int64_t)old + increment;
	if (nb < vs->heap_start || nb > USER_STACK_BOTTOM - PAGE_SIZE)
		return -ENOMEM;
	uint32_t newbrk = (uint32_t)nb;
	if (increment > 0 &&
	    (PAGE_ROUND_UP(newbrk) - PAGE_ROUND_UP(old)) / PAGE_SIZE > page_free_count())
		return -ENOMEM;
	/* Shrinking: the pages above the new break go back to the pool. */
	for (uint32_t va = PAGE_ROUND_UP(newbrk); va < PAGE_ROUND_UP(old); va += PAGE_SIZE) {
		uint32_t *pte = pte_of(vs, va, false);
		if (pte && *pte) {
			page_unref(PTE_TO_PA(*pte));
			*pte = 0;
			tlb_sync(vs, va);
		}
	}
	vs->brk = newbrk;
	return (long)old;
}

/* The kernel address of user byte uva, faulting its page in (for writing
 * if write) as the user's own access would. */
static int user_byte(struct vmspace *vs, uint32_t uva, bool write, uint8_t **kp)
{
	if (uva >= USER_TOP)
		return -EFAULT;
	uint32_t *pte = pte_of(vs, uva, false);
	if (!pte || !(*pte & PTE_V) || (write && !(*pte & PTE_D))) {
		int r = vm_fault(vs, uva, write ? VMF_WRITE : 0);
		if (r)
			return r;
		pte = pte_of(vs, uva, false);
	}
	*kp = (uint8_t *)KVA(PTE_TO_PA(*pte)) + (uva & PAGE_MASK);
	return 0;
}

/* Copy n bytes between kernel buf and user uva, a page at a time. */
static int copy_user(struct vmspace *vs, uint32_t uva, uint8_t *buf, uint32_t n, bool out)
{
	while (n) {
		uint8_t *k;
		int r = user_byte(vs, uva, out, &k);
		if (r)
			return r;
		uint32_t chunk = PAGE_SIZE - (uva & PAGE_MASK);
		if (chunk > n)
			chunk = n;
		if (out)
			memcpy(k, buf, chunk);
		else
			memcpy(buf, k, chunk);
		uva += chunk;
		buf += chunk;
		n -= chunk;
	}
	return 0;
}

int vm_copyin(struct vmspace *vs, void *dst, uint32_t uva, uint32_t n)
{
	if (uva + n < uva)
		return -EFAULT;
	return copy_user(vs, uva, dst, n, false);
}

int vm_copyout(struct vmspace *vs, uint32_t uva, const void *src, uint32_t n)
{
	if (uva + n < uva)
		return -EFAULT;
	return copy_user(vs, uva, (uint8_t *)(uintptr_t)src, n, true);
}

long vm_copyinstr(struct vmspace *vs, char *dst, uint32_t uva, uint32_t max)
{
	for (uint32_t i = 0; i < max; i++) {
		uint8_t *k;
		int r = user_byte(vs, uva + i, false, &k);
		if (r)
			return r;
		dst[i] = (char)*k;
		if (!*k)
			return (long)i;
	}
	return -ENAMETOOLONG;
}
