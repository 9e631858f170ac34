/* TLB set-up and ASID allocation (tlb.h). */
#include "tlb.h"

#include "cp0.h"
#include "paravirt.h"

#define ASID_MAX 255

static uint32_t ntlb, nwired;
static uint32_t generation = 1, next_asid = 1, cur_asid;

#ifdef KERNEL_RELOCATED
extern char vectors[], kstack_base[];

/* A wired, global pair mapping the 8 KiB at va to KVA's physical pages. */
static void wire(uint32_t index, const char *va)
{
	uint32_t pa = PADDR(va);
	uint32_t lo = PA_TO_PTE(pa) | PTE_CACHED | PTE_D | PTE_V | PTE_G;
	tlb_wire(index, (uint32_t)(uintptr_t)va, lo, lo + PA_TO_PTE(PAGE_SIZE));
}
#endif

void tlb_init(void)
{
	ntlb = ((cp0_read(C0_CONFIG1) >> 25) & 63) + 1;
#ifdef KERNEL_RELOCATED
	/* The vector page (with the next text page) and the kernel stack:
	 * what the exception entry touches while EXL is set. */
	wire(0, vectors);
	wire(1, kstack_base);
	nwired = 2;
#endif
#ifdef KERNEL_PARAVIRT
	/* and the special page, which the exception entry reads */
	wire(nwired++, (const char *)(uintptr_t)special_page);
#endif
	cp0_write(C0_WIRED, nwired);
	cp0_write(C0_PAGEMASK, 0);
	tlb_flush(nwired, ntlb, 0);
}

void asid_activate(struct asid *a)
{
	if (a->generation != generation) {
		if (next_asid > ASID_MAX) {
			generation++;
			next_asid = 1;
			tlb_flush(nwired, ntlb, 0);
			cur_asid = 0; /* what the flush left in EntryHi */
		}
		a->asid = next_asid++;
		a->generation = generation;
	}
#ifdef KERNEL_PARAVIRT
	/* EntryHi holds cur_asid (tlb_write keeps it, a TLB exception loads
	 * the same): skip the trapping write when it does not change, which
	 * is most returns from an exception. */
	if (a->asid == cur_asid)
		return;
#endif
	cur_asid = a->asid;
	cp0_write(C0_ENTRYHI, cur_asid);
}

void tlb_update(uint32_t va, uint32_t pte0, uint32_t pte1)
{
	tlb_write((va & ~(2 * PAGE_SIZE - 1)) | cur_asid, pte0, pte1);
}
