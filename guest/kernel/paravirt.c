/* The paravirtual flavour (paravirt.h): the special page and the monitor
 * calls about pages.  The other flavours compile this file to nothing. */
#include "paravirt.h"

#ifdef KERNEL_PARAVIRT
volatile uint32_t special_page[PAGE_SIZE / 4] __attribute__((aligned(2 * PAGE_SIZE)));

/* A page call the VMM must accept: a refusal means the kernel and the VMM
 * disagree about its memory, and nothing sensible can follow. */
static void page_call(uint32_t call, uint32_t pa, const char *refused)
{
	if (monitor_call(call, pa) != 0)
		panic(refused);
}

void pv_init(void)
{
	page_call(MC_SET_SPECIAL, PADDR(special_page), "the VMM refused the special page");
}

/* Status.IE and IM7 are set in this flavour's kernel (vectors.S): SP_IE is
 * the only mask.  MC_IDLE is also the check that unmasking owes SP_PENDING:
 * an interrupt already pending makes it return at once, delivered (as WAIT
 * falls through).  Testing SP_PENDING first would not do: the VMM also sets
 * it while the timer's own handler runs (the interrupt is still asserted
 * until Compare is written), so it can be stale, and a loop of
 * MC_INTR_CHECKs that deliver nothing would spin until the next tick. */
void pv_idle(void)
{
	SP_WORD(SP_IE) = 1;
	monitor_call(MC_IDLE, 0);
	SP_WORD(SP_IE) = 0;
}

void pv_zero_page(uint32_t pa)
{
	page_call(MC_ZERO_PAGE, pa, "the VMM refused to zero a page");
}

void pv_free_page(uint32_t pa)
{
	page_call(MC_FREE_PAGE, pa, "the VMM refused a freed page");
}
#endif
