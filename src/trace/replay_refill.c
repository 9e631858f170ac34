/* The guest's refills and timer ticks when replay decides them
 * (replay_internal.h).
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
#include "trace/priv_insn.h"
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

/* ---- templates: the refill handler and the tick --------------------------- */

uint32_t replay_native_count(const struct replay *r)
{
	uint64_t cycles = r->v ? r->native_cycles : r->m->cycles;
	return (uint32_t)(cycles / r->m->cfg.cost.count_divisor);
}

void replay_capture(struct replay *r, const struct tpl_op *op)
{
	struct template *t = &r->captured;
	uint32_t asid = replay_guest_asid(r);
	if (t->n == TPL_MAX_OPS ||
	    (r->capturing == CAPTURE_TICK && op->kind == TPL_PRIV && insn_is_mtc0(op->insn, CP0_ENTRYHI) &&
	     (op->value & TLB_ENTRYHI_ASID) != asid)) {
		r->capturing = CAPTURE_NONE; /* too long, or a switch to another process */
		return;
	}
	t->op[t->n] = *op;
	/* the tick re-arms the timer so many ticks ahead: keep the interval */
	if (r->capturing == CAPTURE_TICK && op->kind == TPL_PRIV && insn_is_mtc0(op->insn, CP0_COMPARE))
		t->op[t->n].value = op->value - replay_native_count(r);
	t->n++;
}

static bool has_mtc0(const struct template *t, unsigned rd)
{
	for (unsigned i = 0; i < t->n; i++)
		if (t->op[i].kind == TPL_PRIV && insn_is_mtc0(t->op[i].insn, rd))
			return true;
	return false;
}

static unsigned count_refs(const struct template *t)
{
	unsigned n = 0;
	for (unsigned i = 0; i < t->n; i++)
		n += t->op[i].kind == TPL_REF;
	return n;
}

/* A refill holding only instructions and privileged instructions, EntryLo0
 * and EntryLo1 among them (the recorder chose the same one, recorder.c); a
 * tick that re-arms the timer and switches to no other process. */
void replay_capture_end(struct replay *r, bool clean)
{
	enum capture what = r->capturing;
	struct template *t = &r->captured;
	r->capturing = CAPTURE_NONE;
	if (!clean)
		return;
	if (what == CAPTURE_REFILL && !(has_mtc0(t, CP0_ENTRYLO0) && has_mtc0(t, CP0_ENTRYLO1)))
		return;
	if (what == CAPTURE_TICK && !has_mtc0(t, CP0_COMPARE))
		return;
	const struct costmodel *c = &r->m->cfg.cost;
	t->native_cycles = c->exc_entry;
	for (unsigned i = 0; i < t->n; i++)
		t->native_cycles += t->op[i].kind == TPL_INSNS  ? replay_cycles_of(c, t->op[i].insns)
		                    : t->op[i].kind == TPL_PRIV ? replay_priv_cycles(c, t->op[i].insn)
		                                                : 0;
	/* of the ticks, the one that touches the fewest pages: one that came
	 * just after the recorder's re-check shows every page it uses, most
	 * ticks only some (recorder.c) */
	if (what == CAPTURE_TICK && r->tick.n && count_refs(t) > count_refs(&r->tick))
		return;
	*(what == CAPTURE_REFILL ? &r->refill : &r->tick) = *t;
	/* the guest's timer period: what the first tick asked for (a late
	 * tick may ask for less, to catch up) */
	for (unsigned i = 0; what == CAPTURE_TICK && !r->tick_interval && i < t->n; i++)
		if (t->op[i].kind == TPL_PRIV && insn_is_mtc0(t->op[i].insn, CP0_COMPARE))
			r->tick_interval = t->op[i].value;
}

/* guest/kernel/vectors.S, refill: 16 instructions */
static const struct template builtin_refill = {
	.n = 9,
	.op = {
		{ .kind = TPL_PRIV, .insn = INSN_MFC0(26, CP0_BADVADDR), .pc = 0x80000000u },
		{ .kind = TPL_INSNS, .insns = { 3, 1 } },                      /* lui, lw, srl, ins */
		{ .kind = TPL_PRIV, .insn = INSN_MFC0(26, CP0_CONTEXT), .pc = 0x80000014u },
		{ .kind = TPL_INSNS, .insns = { 2, 3 } },                      /* lw, srl, ins, lw, lw */
		{ .kind = TPL_PRIV, .insn = INSN_MTC0(26, CP0_ENTRYLO0), .pc = 0x8000002cu },
		{ .kind = TPL_PRIV, .insn = INSN_MTC0(27, CP0_ENTRYLO1), .pc = 0x80000030u },
		{ .kind = TPL_INSNS, .insns = { 1 } },                         /* ehb */
		{ .kind = TPL_PRIV, .insn = INSN_TLBWR, .pc = 0x80000038u },
		{ .kind = TPL_PRIV, .insn = INSN_ERET, .pc = 0x8000003cu },
	},
};

/* Run template t; values[rd] stand in for the mtc0s to those registers
 * (the EntryLo of this refill, the Compare of this tick). */
static void run_template(struct replay *r, const struct template *t, const uint32_t *lo,
                         int index, bool tick, bool refs)
{
	bool was = r->in_template;
	r->in_template = true;
	for (unsigned i = 0; i < t->n; i++) {
		const struct tpl_op *op = &t->op[i];
		uint32_t value = op->value;
		switch (op->kind) {
		case TPL_INSNS: replay_insns(r, op->insns); break;
		case TPL_MARK: r->m->service_mark = op->value; break;
		case TPL_REF:
			if (refs)
				replay_ref(r, op->value, op->insn & ~TRACE_REF_FAULTED, (uint8_t)op->pc);
			break;
		case TPL_PRIV:
			if (lo && insn_is_mtc0(op->insn, CP0_ENTRYLO0))
				value = lo[0];
			else if (lo && insn_is_mtc0(op->insn, CP0_ENTRYLO1))
				value = lo[1];
			else if (tick && insn_is_mtc0(op->insn, CP0_COMPARE))
				value = op->value + replay_native_count(r);
			else if (op->insn == INSN_TLBWR) /* the recorded choice, if any */
				value = index < 0 ? UINT32_MAX : (uint32_t)index;
			replay_priv(r, op->insn, op->pc, value);
			break;
		}
	}
	r->in_template = was;
}

bool replay_refill_miss(struct replay *r, uint32_t va, uint8_t asid, bool store,
                        enum tlb_result res)
{
	struct exc e = { .code = res == TLB_MODIFIED ? EXC_MOD : store ? EXC_TLBS : EXC_TLBL,
		         .tlb = true, .refill = res == TLB_REFILL, .has_badvaddr = true,
		         .badvaddr = va };
	if (!replay_exception(r, &e, r->last_pc, false, 0, false))
		return false; /* the VMM served it */
	uint32_t vpn = (va >> 12) & ~1u;
	replay_run_handler(r, replay_shadow_get(r, asid, vpn), replay_shadow_get(r, asid, vpn + 1), -1);
	r->synthesized++;
	return true;
}

void replay_run_handler(struct replay *r, uint32_t lo0, uint32_t lo1, int index)
{
	const uint32_t lo[2] = { lo0, lo1 };
	/* a REFILL record brings the handler's own references; a refill replay
	 * decided on makes those the template's did */
	run_template(r, r->refill.n ? &r->refill : &builtin_refill, lo, index, false, index < 0);
}

void replay_run_tick(struct replay *r)
{
	run_template(r, &r->tick, NULL, -1, true, true);
}
