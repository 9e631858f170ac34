/* The physical page pool (page.h): pages never used yet come from the
 * bottom of the pool in order; freed ones go on a free list threaded
 * through the pages themselves (LIFO, taken first).  An array of 16-bit
 * reference counts sits at the start of the pool. */
#include "page.h"

static uint32_t pool_first, pool_end; /* physical, page-aligned */
static uint16_t *refs;                /* one per pool page */
static uint32_t fresh;                /* the lowest page never used */
static uint32_t free_head;            /* physical; 0 ends the list */
static unsigned nfree;

static bool in_pool(uint32_t pa) { return pa >= pool_first && pa < pool_end; }

static uint16_t *ref_of(uint32_t pa) { return &refs[(pa - pool_first) >> PAGE_SHIFT]; }

void page_init(uint32_t first_pa, uint32_t end_pa)
{
	first_pa = PAGE_ROUND_UP(first_pa);
	end_pa = PAGE_ROUND_DOWN(end_pa);
	uint32_t npages = (end_pa - first_pa) >> PAGE_SHIFT;
	uint32_t table = PAGE_ROUND_UP(npages * sizeof(uint16_t));
	refs = KVA(first_pa);
	memset(refs, 0, table);
	pool_first = fresh = first_pa + table;
	pool_end = end_pa;
	nfree = (pool_end - pool_first) >> PAGE_SHIFT;
}

uint32_t page_alloc(void)
{
	uint32_t pa = free_head;
	if (pa)
		free_head = *(uint32_t *)KVA(pa);
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
		memset(KVA(pa), 0, PAGE_SIZE);
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
		*(uint32_t *)KVA(pa) = free_head;
		free_head = pa;
		nfree++;
	}
}

unsigned page_refs(uint32_t pa) { return in_pool(pa) ? *ref_of(pa) : ~0u; }

unsigned page_free_count(void) { return nfree; }
