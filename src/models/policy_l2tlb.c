/* The `l2tlb` policy: Disco's second-level software TLB on top of `trap`.
 *
 * Each virtual CPU has an L2TLB (src/tlb/l2tlb.h) of the guest's V -> P
 * entries, filled by its emulated TLB writes and composed with the pmap
 * (P -> M) when a hit goes into the hardware, so that page sharing can move
 * P -> M underneath.  A hardware TLB refill
 * in kuseg looks there first: a hit is written into the hardware TLB without
 * entering the guest; a miss goes on to `trap`, which reflects it.
 *
 * Coherence: the guest must never see a mapping it removed or replaced.
 * - TLBWR (random replacement, what a refill handler does): the entry it
 *   evicts from the virtual TLB stays in the L2TLB; that is the point of it,
 *   a larger TLB.  The new entry replaces any L2TLB entry with its key.
 * - TLBWI (an indexed write, what a kernel does to change or remove a
 *   mapping): the entry it overwrites leaves the L2TLB; if the new entry is
 *   invalid in both halves the guest is invalidating, so every L2TLB entry
 *   of the overwritten entry's ASID goes too (a kernel retiring an ASID
 *   invalidates its entries one by one, or all of them).
 * - TLBP (how a kernel finds an entry before removing it): whatever the L2TLB
 *   holds for the probed VPN2 and ASID goes, whether the probe hits or not,
 *   since the guest may be about to change the page table behind it.
 * - Several VMs: each has its own L2TLB, so a world switch keeps them.
 * What the guest could still get wrong: changing a page-table entry without
 * probing or writing the TLB at all.  Real hardware would then refill the
 * new entry after an eviction, the L2TLB could serve the old one; guest/ABI.md
 * asks the kernel to probe before every page-table change, as IRIX did.
 */
#include <stdlib.h>

#include "models/policy.h"
#include "models/vmm.h"
#include "sim/services.h"
#include "tlb/l2tlb.h"

struct l2tlb_state {
	struct l2tlb l2[VMM_MAX_VMS];
	unsigned n;
};

static void *l2_setup(struct vmm *v, char *err, size_t errlen)
{
	struct l2tlb_state *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	for (s->n = 0; s->n < v->nvms; s->n++)
		if (!l2tlb_init(&s->l2[s->n], v->params.l2tlb_entries, v->params.l2tlb_ways)) {
			snprintf(err, errlen,
			         "--l2tlb-entries %u / --l2tlb-ways %u: both must be powers of two, "
			         "ways at most entries, entries at most %u",
			         v->params.l2tlb_entries, v->params.l2tlb_ways, L2TLB_MAX_ENTRIES);
			for (unsigned i = 0; i < s->n; i++)
				l2tlb_free(&s->l2[i]);
			free(s);
			return NULL;
		}
	return s;
}

static void l2_teardown(void *st)
{
	struct l2tlb_state *s = st;
	for (unsigned i = 0; i < s->n; i++)
		l2tlb_free(&s->l2[i]);
	free(s);
}

static bool l2_exception(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	struct l2tlb_state *s = st;
	const struct costmodel *c = vmm_cost(v);
	uint32_t va = t->e.badvaddr;
	if ((t->e.code != EXC_TLBL && t->e.code != EXC_TLBS) || !t->e.refill || va >= 0x80000000u)
		return false;
	const struct tlb_entry *e =
		l2tlb_lookup(&s->l2[vm->id], va, vm->cp0.r.entryhi & TLB_ENTRYHI_ASID);
	uint64_t cost = (uint64_t)c->exc_entry + c->vmm_trap + c->vmm_l2tlb_lookup;
	struct tlb_entry composed;
	/* it holds the guest's entry (V -> P): composed with the pmap as it is
	 * now, so page sharing may change P -> M underneath */
	bool have = e && vmm_hwtlb_compose(v, vm, e, &composed);
	uint32_t lo = have ? ((va >> 12) & 1 ? composed.entrylo1 : composed.entrylo0) : 0;
	if (!(lo & TLB_ENTRYLO_V) || (t->e.code == EXC_TLBS && !(lo & TLB_ENTRYLO_D))) {
		/* a miss (or a write to a shared page): `trap` takes it from here;
		 * the lookup was part of the cost */
		vmm_charge(v, LEDGER_C_L2TLB, SERVICE_UTLB_MISS, c->vmm_l2tlb_lookup);
		return false;
	}
	vmm_hwtlb_put(v, &composed);
	vmm_refill_served(v, t, LEDGER_C_L2TLB, SERVICE_UTLB_MISS,
	                  cost + c->vmm_pmap + c->vmm_hwtlb_write);
	return true;
}

static void l2_guest_tlb(void *st, struct vmm *v, struct vm *vm, enum vmm_tlb_op op,
                         const struct tlb_entry *old, const struct tlb_entry *new_e)
{
	struct l2tlb_state *s = st;
	struct l2tlb *l = &s->l2[vm->id];
	uint32_t lo, hi;
	uint8_t asid = old->entryhi & TLB_ENTRYHI_ASID;
	bool old_global = tlb_entry_global(old);
	unsigned work = 0;
	tlb_entry_range(old, &lo, &hi);
	if (op == VMM_TLBP) {
		work += l2tlb_drop_range(l, lo, hi, asid, false);
	} else if (op == VMM_TLBWI) {
		work += l2tlb_drop_range(l, lo, hi, asid, old_global);
		if (!((new_e->entrylo0 | new_e->entrylo1) & TLB_ENTRYLO_V) &&
		    ((old->entrylo0 | old->entrylo1) & TLB_ENTRYLO_V)) {
			if (old_global)
				l2tlb_flush(l);
			else
				work += l2tlb_drop_asid(l, asid);
		}
	}
	if (new_e) {
		uint32_t nlo, nhi;
		tlb_entry_range(new_e, &nlo, &nhi);
		/* valid 4 KiB pairs in kuseg only: other page sizes are served by `trap` */
		if (new_e->pagemask == 0 && nhi < 0x80000000u &&
		    ((new_e->entrylo0 | new_e->entrylo1) & TLB_ENTRYLO_V)) {
			l2tlb_insert(l, new_e);
			work++;
		} else
			work += l2tlb_drop_range(l, nlo, nhi, new_e->entryhi & TLB_ENTRYHI_ASID, false);
	}
	if (work)
		vmm_charge(v, LEDGER_C_L2TLB, SERVICE_NONE, (uint64_t)work * vmm_cost(v)->vmm_l2tlb_insert);
}

static void l2_stats_json(void *st, struct vmm *v, FILE *out)
{
	struct l2tlb_state *s = st;
	struct l2tlb_stats t = { 0 };
	for (unsigned i = 0; i < s->n; i++) {
		t.lookups += s->l2[i].stats.lookups;
		t.hits += s->l2[i].stats.hits;
		t.inserts += s->l2[i].stats.inserts;
		t.evictions += s->l2[i].stats.evictions;
		t.invalidations += s->l2[i].stats.invalidations;
		t.flushes += s->l2[i].stats.flushes;
	}
	fprintf(out,
	        "\"l2tlb\": {\"entries\": %u, \"ways\": %u, \"lookups\": %llu, \"hits\": %llu, "
	        "\"inserts\": %llu, \"evictions\": %llu, \"invalidations\": %llu, \"flushes\": %llu}",
	        v->params.l2tlb_entries, v->params.l2tlb_ways, (unsigned long long)t.lookups,
	        (unsigned long long)t.hits, (unsigned long long)t.inserts,
	        (unsigned long long)t.evictions, (unsigned long long)t.invalidations,
	        (unsigned long long)t.flushes);
}

const struct policy_ops policy_l2tlb = {
	.name = "l2tlb",
	.summary = "trap plus Disco's second-level software TLB: refills served by the VMM",
	.setup = l2_setup,
	.exception = l2_exception,
	.guest_tlb = l2_guest_tlb,
	.stats_json = l2_stats_json,
	.teardown = l2_teardown,
};
