/* The physical page pool: every page from the end of the kernel image to
 * the boot command line's page, each with a reference count (a page shared
 * copy-on-write by n page tables has n references).  Pages outside the
 * pool (the kernel image, hence the /bin programs) are never counted or
 * freed: page_refs() calls them shared. */
#ifndef KERNEL_PAGE_H
#define KERNEL_PAGE_H

#include "kernel.h"

void page_init(uint32_t first_pa, uint32_t end_pa);
uint32_t page_alloc(void);      /* a page's physical address, or 0 */
uint32_t page_alloc_zero(void); /* the same, zeroed */
void page_ref(uint32_t pa);
void page_unref(uint32_t pa);   /* frees the page with its last reference */
unsigned page_refs(uint32_t pa);
unsigned page_free_count(void);

#endif
