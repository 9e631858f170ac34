/* The guest's refills when replay decides them (replay_internal.h).
 *
 * A refill replay's TLB needs where the recording's did not (a smaller TLB,
 * the VMM's hardware TLB, an imported trace) is run as the guest's own
 * refill handler would run it: the records of the first recorded refill
 * (its instructions and its privileged instructions: mfc0 BadVAddr and
 * Context, mtc0 EntryLo0/EntryLo1, tlbwr, eret), with the page-table
 * entries of the missing page pair.  Those come from the shadow page table:
 * what the trace's refills loaded into the TLB, the valid entries its
 * kernel wrote, and its PTE records.  A trace without a recorded refill uses
 * the vmmsim guest kernel's refill handler (guest/kernel/vectors.S). */
#include <stdlib.h>
#include <string.h>

#include "sim/cp0.h"
#include "trace/replay_internal.h"

#define SHADOW_INITIAL (1u << 14)

bool replay_shadow_init(struct replay *r)
{
	r->shadow = calloc(SHADOW_INITIAL, sizeof *r->shadow);
	r->shadow_size = SHADOW_INITIAL;
	return r->shadow != NULL;
}

static uint32_t slot_of(uint32_t key, uint32_t size)
{
	return (key * 2654435761u) & (size - 1);
}

static struct shadow_pte *find(const struct replay *r, uint32_t key)
{
	uint32_t i = slot_of(key, r->shadow_size);
	while (r->shadow[i].key && r->shadow[i].key != key)
		i = (i + 1) & (r->shadow_size - 1);
	return &r->shadow[i];
}

static bool grow(struct replay *r)
{
	struct shadow_pte *old = r->shadow;
	uint32_t n = r->shadow_size;
	struct shadow_pte *t = calloc((size_t)n * 2, sizeof *t);
	if (!t)
		return false;
	r->shadow = t;
	r->shadow_size = n * 2;
	for (uint32_t i = 0; i < n; i++)
		if (old[i].key)
			*find(r, old[i].key) = old[i];
	free(old);
	return true;
}

void replay_shadow_set(struct replay *r, uint8_t asid, uint32_t vpn, uint32_t lo)
{
	uint32_t key = ((uint32_t)asid << 20 | (vpn & 0xfffffu)) + 1;
	struct shadow_pte *s = find(r, key);
	if (!s->key) {
		if (2 * (r->shadow_used + 1) > r->shadow_size) {
			if (!grow(r))
				return; /* out of memory: that page refills as unknown */
			s = find(r, key);
		}
		s->key = key;
		r->shadow_used++;
	}
	s->lo = lo;
}

uint32_t replay_shadow_get(const struct replay *r, uint8_t asid, uint32_t vpn)
{
	const struct shadow_pte *s = find(r, ((uint32_t)asid << 20 | (vpn & 0xfffffu)) + 1);
	return s->key ? s->lo : 0;
}

void replay_shadow_learn(struct replay *r, const struct tlb_entry *e)
{
	if (e->pagemask) /* larger pages: the guest kernel refills 4 KiB pairs only */
		return;
	uint8_t asid = e->entryhi & TLB_ENTRYHI_ASID;
	uint32_t vpn = (e->entryhi & TLB_ENTRYHI_VPN2) >> 12;
	if (e->entrylo0 & TLB_ENTRYLO_V)
		replay_shadow_set(r, asid, vpn, e->entrylo0);
	if (e->entrylo1 & TLB_ENTRYLO_V)
		replay_shadow_set(r, asid, vpn + 1, e->entrylo1);
}

/* ---- the refill handler --------------------------------------------------- */

void replay_capture(struct replay *r, const struct refill_op *op)
{
	if (r->ncaptured == REFILL_MAX_OPS) {
		r->capturing = false; /* too long to be a refill handler */
		return;
	}
	r->captured[r->ncaptured++] = *op;
}

static bool is_mtc0(uint32_t insn, unsigned rd)
{
	return (insn >> 21) == (0x10u << 5 | 4u) && ((insn >> 11) & 31) == rd && (insn & 7) == 0;
}

/* The first refill that holds only instructions, privileged instructions
 * (EntryLo0 and EntryLo1 among them) and its eret: the recorder chose the
 * same one (recorder.c). */
void replay_capture_end(struct replay *r, bool clean)
{
	bool lo0 = false, lo1 = false;
	r->capturing = false;
	if (!clean || r->ntpl)
		return;
	for (unsigned i = 0; i < r->ncaptured; i++) {
		lo0 |= r->captured[i].is_priv && is_mtc0(r->captured[i].insn, CP0_ENTRYLO0);
		lo1 |= r->captured[i].is_priv && is_mtc0(r->captured[i].insn, CP0_ENTRYLO1);
	}
	if (!lo0 || !lo1)
		return;
	const struct costmodel *c = &r->m->cfg.cost;
	memcpy(r->tpl, r->captured, r->ncaptured * sizeof *r->tpl);
	r->ntpl = r->ncaptured;
	r->tpl_native_cycles = c->exc_entry;
	for (unsigned i = 0; i < r->ntpl; i++)
		r->tpl_native_cycles += !r->tpl[i].is_priv          ? replay_cycles_of(c, r->tpl[i].insns)
		                        : r->tpl[i].insn == 0x42000018u ? c->exc_return
		                                                        : c->priv;
}

/* guest/kernel/vectors.S, refill: 16 instructions */
static const struct refill_op builtin[] = {
	{ .is_priv = true, .insn = 0x401a4000u, .pc = 0x80000000u }, /* mfc0 k0, BadVAddr */
	{ .insns = { 3, 1 } },                                        /* lui, lw, srl, ins */
	{ .is_priv = true, .insn = 0x401a2000u, .pc = 0x80000014u }, /* mfc0 k0, Context */
	{ .insns = { 2, 3 } },                                        /* lw, srl, ins, lw, lw */
	{ .is_priv = true, .insn = 0x409a1000u, .pc = 0x8000002cu }, /* mtc0 k0, EntryLo0 */
	{ .is_priv = true, .insn = 0x409b1800u, .pc = 0x80000030u }, /* mtc0 k1, EntryLo1 */
	{ .insns = { 1 } },                                           /* ehb */
	{ .is_priv = true, .insn = 0x42000006u, .pc = 0x80000038u }, /* tlbwr */
	{ .is_priv = true, .insn = 0x42000018u, .pc = 0x8000003cu }, /* eret */
};

void replay_refill_miss(struct replay *r, uint32_t va, uint8_t asid, bool store,
                        enum tlb_result res)
{
	struct exc e = { .code = res == TLB_MODIFIED ? EXC_MOD : store ? EXC_TLBS : EXC_TLBL,
		         .tlb = true, .refill = res == TLB_REFILL, .has_badvaddr = true,
		         .badvaddr = va };
	if (!replay_exception(r, &e, r->last_pc, false, 0))
		return; /* the VMM served it */
	uint32_t vpn = (va >> 12) & ~1u;
	replay_run_handler(r, replay_shadow_get(r, asid, vpn), replay_shadow_get(r, asid, vpn + 1));
	r->synthesized++;
}

void replay_run_handler(struct replay *r, uint32_t lo0, uint32_t lo1)
{
	const struct refill_op *ops = r->ntpl ? r->tpl : builtin;
	unsigned n = r->ntpl ? r->ntpl : sizeof builtin / sizeof builtin[0];
	for (unsigned i = 0; i < n; i++) {
		const struct refill_op *op = &ops[i];
		if (!op->is_priv)
			replay_insns(r, op->insns);
		else
			replay_priv(r, op->insn, op->pc,
			            is_mtc0(op->insn, CP0_ENTRYLO0)   ? lo0
			            : is_mtc0(op->insn, CP0_ENTRYLO1) ? lo1
			                                              : op->value);
	}
}
