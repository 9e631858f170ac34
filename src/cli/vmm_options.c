/* The VMM policy's shared options: see vmm_options.h. */
#include "cli/vmm_options.h"

#include "cli/options.h"
#include "tlb/l2tlb.h"

#define DEDUP_RATE_MAX 1000000u /* pages per million cycles: one a cycle */

/* The l2tlb policy checks that both sizes are powers of two, the ways at
 * most the entries, when it starts (l2tlb_init): a size that no policy uses
 * needs only to be in range here. */
void vmm_options_usage(FILE *out)
{
	fprintf(out,
	        "  --policy P[+Q...]   VMM policy (see vmmsim list; default native)\n"
	        "  --l2tlb-entries N   l2tlb: second-level TLB entries, a power of two up to\n"
	        "                      %u (default %d)\n"
	        "  --l2tlb-ways N      l2tlb: its associativity, a power of two up to the\n"
	        "                      entries (default %d)\n"
	        "  --dedup-rate N      dedup: pages scanned per million cycles, 0..%u\n"
	        "                      (default %u)\n",
	        L2TLB_MAX_ENTRIES, L2TLB_DEFAULT_ENTRIES, L2TLB_DEFAULT_WAYS, DEDUP_RATE_MAX,
	        VMM_DEFAULT_DEDUP_RATE);
}

int vmm_options_parse(int code, const char *arg, const char **policy, struct vmm_params *p)
{
	uint64_t v;
	switch (code) {
	case VMM_OPTION_POLICY:
		*policy = arg;
		return 1;
	case VMM_OPTION_L2TLB_ENTRIES:
		if (!options_uint("--l2tlb-entries", arg, 1, L2TLB_MAX_ENTRIES, &v))
			return -1;
		p->l2tlb_entries = (unsigned)v;
		return 1;
	case VMM_OPTION_L2TLB_WAYS:
		if (!options_uint("--l2tlb-ways", arg, 1, L2TLB_MAX_ENTRIES, &v))
			return -1;
		p->l2tlb_ways = (unsigned)v;
		return 1;
	case VMM_OPTION_DEDUP_RATE:
		if (!options_uint("--dedup-rate", arg, 0, DEDUP_RATE_MAX, &v))
			return -1;
		p->dedup_rate = (uint32_t)v;
		return 1;
	default:
		return 0;
	}
}
