/* The physical page pool (page.h): pages never used yet come from the
 * bottom of the pool in order; freed ones go on a free list (LIFO, taken
 * first).  An array of 16-bit reference counts sits at the start of the
 * pool.
 *
 * The free list is threaded through the free pages themselves, except in
 * the paravirtual flavour: there a free page is handed to the VMM
 * (MC_FREE_PAGE), which may drop its contents, so the links live in a table
 * of their own after the reference counts; and a page the kernel wants
 * zeroed is zeroed by the VMM (MC_ZERO_PAGE). */
#include "page.h"

#include "paravirt.h"

static uint32_t pool_first, pool_end; /* physical, page-aligned */
static uint16_t *refs;                /* one per pool page */
static uint32_t fresh;                /* the lowest page never used */
static uint32_t free_head;            /* physical; 0 ends the list */
static unsigned nfree;

static bool in_pool(uint32_t pa) { return pa >= pool_first && pa < pool_end; }

static uint16_t *ref_of(uint32_t pa) { return &refs[(pa - pool_first) >> PAGE_SHIFT]; }

#ifdef KERNEL_PARAVIRT
static uint32_t *links; /* one per pool page: the next free page */
static uint32_t *link_of(uint32_t pa) { return &links[(pa - pool_first) >> PAGE_SHIFT]; }
#define LINKS_SIZE(npages) ((npages) * sizeof(uint32_t))
#else
static uint32_t *link_of(uint32_t pa) { return KVA(pa); }
#define LINKS_SIZE(npages) 0
#endif

/* Make the page at pa zero. */
static void zero_page(uint32_t pa)
{
#ifdef KERNEL_PARAVIRT
	pv_zero_page(pa);
#else
	memset(KVA(pa), 0, PAGE_SIZE);
#endif
}

void page_init(uint32_t first_pa, uint32_t end_pa)
{
	first_pa = PAGE_ROUND_UP(first_pa);
	end_pa = PAGE_ROUND_DOWN(end_pa);
	uint32_t npages = (end_pa - first_pa) >> PAGE_SHIFT;
	uint32_t refs_size = (npages * sizeof(uint16_t) + 3) & ~3u; /* the links are words */
	uint32_t table = PAGE_ROUND_UP(refs_size + LINKS_SIZE(npages));
	refs = KVA(first_pa);
	for (uint32_t pa = first_pa; pa < first_pa + table; pa += PAGE_SIZE)
		zero_page(pa);
#ifdef KERNEL_PARAVIRT
	links = (uint32_t *)(void *)((uint8_t *)refs + refs_size);
#endif
	pool_first = fresh = first_pa + table;
	pool_end = end_pa;
	nfree = (pool_end - pool_first) >> PAGE_SHIFT;
}

uint32_t page_alloc(void)
{
	uint32_t pa = free_head;
	if (pa)
		free_head = *link_of(pa);
	else if (fresh < pool_end)
		pa = fresh, fresh += PAGE_SIZE;
	else
		return 0;
	nfree--;
	*ref_of(pa) = 1;
	return pa;
}

uint32_t page_alloc_zero(void)
{
	uint32_t pa = page_alloc();
	if (pa)
		zero_page(pa);
	return pa;
}

void page_ref(uint32_t pa)
{
	if (!in_pool(pa))
		return;
	if (*ref_of(pa) == 0xffff)
		panic("page reference count overflow");
	++*ref_of(pa);
}

void page_unref(uint32_t pa)
{
	if (!in_pool(pa))
		return;
	uint16_t *r = ref_of(pa);
	if (*r == 0)
		panic("freeing a free page");
	if (--*r == 0) {
		*link_of(pa) = free_head;
		free_head = pa;
		nfree++;
#ifdef KERNEL_PARAVIRT
		pv_free_page(pa);
#endif
	}
}

unsigned page_refs(uint32_t pa) { return in_pool(pa) ? *ref_of(pa) : ~0u; }

unsigned page_free_count(void) { return nfree; }
