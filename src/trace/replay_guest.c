/* What the guest does to the machine during replay (replay_internal.h):
 * natively through the machine's own CP0, exception and console code, as
 * the interpreter calls it; under a VMM through the VMM's exception entry,
 * exactly as execution reaches it, with the trapping instruction planted in
 * the VM's memory where the relocated kernel would have had it.
 *
 * The native trace shows the kernel at kseg0; under a VMM the relocated
 * kernel runs the same code at ksseg (KVA: 0xC0000000 + P, guest/ABI.md), so
 * every kernel address moves by 0x40000000. */
#include <string.h>

#include "sim/cp0.h"
#include "sim/cp0_tlb.h"
#include "sim/decode.h"
#include "sim/guestmem.h"
#include "sim/mmio_map.h"
#include "sim/mmu.h"
#include "sim/pagehash.h"
#include "sim/services.h"
#include "trace/priv_insn.h"
#include "trace/trace_io.h"
#include "trace/replay_internal.h"

#define KSEG0 0x80000000u
#define KSEG1 0xa0000000u
#define KSEG0_TO_KSSEG 0x40000000u
/* where device accesses are planted under a VMM: the guest's page 0 is the
 * boot loader's, unused by the kernel (guest/kernel/README.md) */
#define SCRATCH_P 0x0ff0u

static uint32_t guest_va(uint32_t va)
{
	return va >= KSEG0 && va < KSEG1 ? va + KSEG0_TO_KSSEG : va;
}

/* Replay's virtual TLB is behind the recording's guest: it holds va's pair
 * but says the access faults (invalid, or modified for a store), where the
 * recording's guest took no such exception. */
static bool vtlb_behind(const struct replay *r, uint32_t va, bool store)
{
	enum tlb_result g =
		tlb_peek(&r->vm->tlb, va, r->vm->cp0.r.entryhi & TLB_ENTRYHI_ASID, store, NULL);
	return g == TLB_INVALID || g == TLB_MODIFIED;
}

/* The recording's guest refilled va's pair, so its TLB had no entry for it;
 * replay's virtual TLB may hold one gone stale (half invalid, loaded before
 * the guest's page table had the page).  Drop it, as the guest's own TLB
 * writes would have, so that the guest refills as it did: the entry then
 * matches nothing, as tlb_init leaves every entry. */
static void drop_stale_pair(struct replay *r, uint32_t va, bool store)
{
	struct vm *vm = r->vm;
	if (!vtlb_behind(r, va, store))
		return;
	uint8_t asid = vm->cp0.r.entryhi & TLB_ENTRYHI_ASID;
	int i = tlb_probe(&vm->tlb, (va & TLB_ENTRYHI_VPN2) | asid);
	if (i < 0)
		return;
	struct tlb_entry old;
	tlb_clear(&vm->tlb, (unsigned)i, &old);
	vmm_hwtlb_drop(r->v, &old);
}

bool replay_exception(struct replay *r, const struct exc *e, uint32_t pc, bool bd, uint32_t v0,
                      bool recorded)
{
	struct machine *m = r->m;
	m->cpu.gpr[CPU_V0] = v0; /* a system call's number: the ledger's service */
	if (e->code == EXC_INT)
		m->stats.interrupts++;
	if (!r->v) {
		/* a recorded refill of a page replay's TLB (another size than
		 * the recording's) holds is none */
		if (e->refill && r->retime &&
		    tlb_peek(&m->tlb, e->badvaddr, m->cp0.entryhi & TLB_ENTRYHI_ASID, false, NULL) !=
		            TLB_REFILL)
			return false;
		if (e->code == EXC_INT)
			cp0_timer_catch_up(m);
		exception_enter(m, e, pc, bd);
		return true;
	}
	uint64_t reflected = r->v->stats.reflected;
	bool outer = !(r->vm->cp0.r.status & (ST_EXL | ST_ERL));
	/* a page the hardware TLB maps already (the L2TLB put it there, not in
	 * the guest's TLB): the recording's TLB missed, the machine's does not */
	if (e->refill && e->badvaddr < KSEG0 &&
	    tlb_peek(&m->tlb, e->badvaddr, m->cp0.entryhi & TLB_ENTRYHI_ASID, e->code == EXC_TLBS,
	             NULL) == TLB_HIT)
		return false;
	if (recorded && e->refill && e->badvaddr < KSEG0)
		drop_stale_pair(r, e->badvaddr, e->code == EXC_TLBS);
	if (recorded && e->tlb && !e->refill && e->badvaddr < KSEG0) {
		/* a fault the guest's page tables made (demand zero, copy on
		 * write): the guest takes it whatever replay's virtual TLB holds
		 * (a stale page-table entry a synthesized refill loaded), reflected
		 * as the trap policy reflects it */
		m->stats.exceptions[e->code]++;
		r->v->stats.traps[e->code]++;
		vmm_reflect_tlb_fault(r->v, r->vm, e, guest_va(pc), bd);
		replay_relocated_entry(r, false, e->code);
		return true;
	}
	/* an interrupt: the guest's timer fired where it did when recorded */
	if (e->code == EXC_INT)
		r->vm->cp0.r.cause |= CAUSE_IP7;
	exception_enter(m, e, guest_va(pc), bd);
	if (e->code == EXC_INT)
		r->vm->cp0.r.cause &= ~CAUSE_IP7;
	if (r->v->stats.reflected == reflected)
		return false;
	replay_relocated_entry(r, e->refill && outer, e->code);
	return true;
}

/* mfc0 k0, Cause and mfc0 k1, BadVAddr; the instructions around them */
void replay_relocated_entry(struct replay *r, bool refill_vector, unsigned code)
{
	/* bltz k0, ktlb_refill; andi, xori, bnez, nop; bltz k1, ktlb_refill, nop */
	static const uint64_t bltz[REC_NCLASSES] = { 0, 0, 0, 1 };
	static const uint64_t classify[REC_NCLASSES] = { 3, 0, 0, 1 };
	static const uint64_t tlb_check[REC_NCLASSES] = { 1, 0, 0, 1 };
	if (!r->v)
		return;
	if (refill_vector) {
		replay_insns(r, bltz);
		return;
	}
	uint32_t vector = (r->vm->cp0.r.ebase & 0xfffff000u) + 0x180;
	replay_priv(r, INSN_MFC0(26, CP0_CAUSE), vector, 0);
	replay_priv(r, INSN_MFC0(27, CP0_BADVADDR), vector + 4, 0);
	replay_insns(r, classify);
	if (code == EXC_TLBL || code == EXC_TLBS)
		replay_insns(r, tlb_check);
}

/* The VMM interrupted the guest while emulating for it: the guest's tick
 * runs now (at most one inside another: a tick's own eret may deliver the
 * next one). */
static void interrupted(struct replay *r)
{
	if (!r->tick.n || r->tick_depth > 1)
		return;
	r->tick_depth++;
	replay_relocated_entry(r, false, EXC_INT);
	replay_run_tick(r);
	r->tick_depth--;
}

/* Timer interrupts are re-timed, not replayed as recorded: the recorded
 * ones stay where they were (one may switch processes), and the virtual
 * time the VMM adds brings the extra ticks execution would have had, one
 * for each interval of the guest's timer by which the VMM's clock has run
 * ahead of the recorded one. */
void replay_timer(struct replay *r)
{
	struct machine *m = r->m;
	uint64_t interval = (uint64_t)r->tick_interval * m->cfg.cost.count_divisor;
	if (!r->v || !r->tick.n || !interval || r->in_template || m->cycles < r->native_cycles ||
	    m->cycles - r->native_cycles < r->drift_ticked + interval)
		return;
	r->drift_ticked += interval;
	struct exc e = { .code = EXC_INT };
	uint64_t reflected = r->v->stats.reflected;
	m->stats.interrupts++;
	r->vm->cp0.r.cause |= CAUSE_IP7; /* delivered now, or by the VMM on unmask */
	exception_enter(m, &e, guest_va(r->last_pc), false);
	if (r->v->stats.reflected != reflected)
		interrupted(r);
}

/* ---- natively ------------------------------------------------------------ */

/* The interpreter's order: the CP0 effect, then the instruction retires
 * (eret retires first; wait retires, then sleeps). */
static void native_priv(struct machine *m, uint32_t insn, uint32_t value)
{
	struct decoded d;
	decode_insn(insn, &d);
	switch (d.op) {
	case OP_MTC0: cp0_write(m, d.rd, d.imm, value); break;
	case OP_DI: cp0_write(m, CP0_STATUS, 0, m->cp0.status & ~ST_IE); break;
	case OP_EI: cp0_write(m, CP0_STATUS, 0, m->cp0.status | ST_IE); break;
	case OP_TLBR: cp0_tlbr(m); break;
	case OP_TLBWI: cp0_tlbwi(m); break;
	case OP_TLBWR: cp0_tlbwr(m); break;
	case OP_TLBP: cp0_tlbp(m); break;
	case OP_ERET:
		m->insns++;
		exception_eret(m);
		return;
	case OP_WAIT:
		m->insns++;
		m->cycles += m->cfg.cost.priv;
		machine_wait(m);
		return;
	default: break;
	}
	m->insns++;
	m->cycles += m->cfg.cost.priv;
}

/* ---- under a VMM ----------------------------------------------------------- */

/* Put insn where the guest ran it (or in the scratch word) so that the VMM
 * fetches it as it would have; returns the guest's address of it. */
static uint32_t plant(struct replay *r, uint32_t insn, uint32_t pc)
{
	struct machine *m = r->m;
	struct vm *vm = r->vm;
	uint32_t gpc = guest_va(pc), p = gpc - VMM_KSSEG;
	if (gpc < VMM_KSSEG || gpc >= VMM_KSSEG_END || p > vm->mem_size - 4 || (p & 3)) {
		p = SCRATCH_P;
		gpc = VMM_KSSEG + p;
	}
	pmap_make_private(r->v, vm, p);
	uint32_t ma = vmm_machine_addr(vm, p);
	guestmem_put32(m->ram + ma, insn, m->cfg.big_endian);
	mmu_code_written(m, ma, 4);
	return gpc;
}

/* The guest fetched from gpc: the hardware TLB must map it, through a
 * kernel TLB fault if it does not, and the VMM reads the instruction
 * through the host cache's fetch entry, as in execution.  The fetch is
 * replay's own, not one the trace holds (its REF records are the lookups):
 * counted nowhere. */
static void make_fetchable(struct replay *r, uint32_t gpc)
{
	struct machine *m = r->m;
	const struct tcache_fetch_entry *fe = &m->tcache->fetch[m->mode][tcache_index(gpc)];
	struct dpage *page;
	struct exc e;
	if ((fe->tag == (gpc & ~0xfffu) && fe->page) || mmu_peek_fetch(m, gpc, &page, &e))
		return;
	exception_enter(m, &e, gpc, false);
	mmu_peek_fetch(m, gpc, &page, &e);
}

/* A native Compare value, moved onto the VM's virtual clock: the guest
 * asked for an interrupt so many ticks from now. */
static uint32_t on_virtual_clock(struct replay *r, uint32_t compare)
{
	uint32_t native_count = (uint32_t)(r->native_cycles / r->m->cfg.cost.count_divisor);
	r->native_compare = compare;
	return compare - native_count + vcp0_count(&r->vm->cp0, r->m);
}

static void vmm_priv(struct replay *r, uint32_t insn, uint32_t pc, uint32_t value)
{
	struct machine *m = r->m;
	struct decoded d;
	decode_insn(insn, &d);
	if (d.op == OP_MTC0) {
		if (d.rd == CP0_COMPARE && d.imm == 0)
			value = on_virtual_clock(r, value);
		if (d.rd == CP0_WIRED && d.imm == 0)
			value += RELOCATED_WIRED;
		if (insn_rt(insn))
			m->cpu.gpr[insn_rt(insn)] = value;
	}
	/* a tlbwr replaces the entry the virtual Random draws, as executing
	 * does (src/models/vcp0.h), not the recording's choice: the virtual
	 * TLB has fewer entries to replace than the recording's */
	uint32_t gpc = plant(r, insn, pc);
	make_fetchable(r, gpc);
	struct exc e = { .code = EXC_CPU };
	uint64_t reflected = r->v->stats.reflected;
	exception_enter(m, &e, gpc, false);
	if (r->v->stats.reflected != reflected) /* a virtual interrupt, delivered on unmask */
		interrupted(r);
}

void replay_priv(struct replay *r, uint32_t insn, uint32_t pc, uint32_t value)
{
	if (r->v)
		vmm_priv(r, insn, pc, value);
	else
		native_priv(r->m, insn, value);
}

void replay_device(struct replay *r, uint32_t vaddr, unsigned access, uint32_t value)
{
	struct machine *m = r->m;
	unsigned size = access & 7;
	bool store = (access & TRACE_DEVICE_STORE) != 0;
	uint32_t pa = vaddr & 0x1fffffffu;
	if (!MMIO_IS_CONSOLE(pa))
		return; /* the console is the only device */
	if (!r->v) {
		mmu_console_access(m, vaddr, pa, size, store, &value);
		return;
	}
	/* sb/sh/sw or lbu/lhu/lw $k0, 0($zero): what the VMM decodes */
	static const uint8_t ops[2][5] = { { 0, 0x24, 0x25, 0, 0x23 }, { 0, 0x28, 0x29, 0, 0x2b } };
	uint32_t insn = (uint32_t)ops[store][size] << 26 | 26u << 16;
	if (store)
		m->cpu.gpr[26] = value;
	uint32_t gpc = plant(r, insn, 0);
	make_fetchable(r, gpc);
	struct exc e = { .code = store ? EXC_ADES : EXC_ADEL, .has_badvaddr = true, .badvaddr = vaddr };
	exception_enter(m, &e, gpc, false);
	r->device_debt++; /* the VMM retired it; the next INSNS counts it too */
}

void replay_ref(struct replay *r, uint32_t va, uint64_t kind_mode, uint8_t asid)
{
	unsigned mode = trace_ref_mode(kind_mode);
	bool faulted = (kind_mode & TRACE_REF_FAULTED) != 0;
	struct machine *m = r->m;
	if (va >= KSEG0 && va < VMM_KSSEG) { /* unmapped natively */
		if (!r->v || va >= KSEG1 || mode != MODE_KERNEL)
			return;
		va = guest_va(va); /* the relocated kernel's ksseg: mapped */
	}
	bool store = trace_ref_kind(kind_mode) == TRACE_REF_STORE;
	struct tlb_xlate x;
	if (!r->v) {
		enum tlb_result res = tlb_lookup(&m->tlb, va, asid, store, (enum tlb_mode)mode, &x);
		if (r->retime && !faulted && res == TLB_REFILL)
			replay_refill_miss(r, va, asid, store, res);
		return;
	}
	/* the VMM serves a miss (the ksseg window, the virtual TLB, the L2TLB)
	 * or the guest refills; the machine then retries the access, which may
	 * miss again (a shared page mapped read-only: a store copies it) */
	for (unsigned tries = 0; tries < 3; tries++) {
		enum tlb_result res = tlb_lookup(&m->tlb, va, m->cp0.entryhi & TLB_ENTRYHI_ASID, store,
		                                 (enum tlb_mode)m->mode, &x);
		if (res == TLB_HIT || faulted) /* a fault: the trace's EXCEPTION follows */
			return;
		/* but the guest takes no TLB invalid or modified exception the
		 * recording did not (its page tables said so: replay's virtual
		 * TLB is behind), whether or not the hardware TLB holds the pair */
		if (va < KSEG0 && vtlb_behind(r, va, store))
			return;
		if (replay_refill_miss(r, va, asid, store, res))
			return; /* the guest's handler ran (its eret retried it) */
	}
}

/* Page sharing looks at what the guest's pages hold: a page of the content
 * the trace's hash stands for (equal hashes, equal pages; 0, zeros) takes
 * the page's place in the VM's memory, as the guest's stores would have
 * changed it (a shared page is copied first, as those stores would have). */
void replay_page_content(struct replay *r, uint32_t ppn, uint64_t hash)
{
	struct vm *vm = r->vm;
	uint32_t p = ppn * MACHINE_PAGE_SIZE;
	if (!r->v || !r->v->sharing || p >= vm->mem_size)
		return;
	uint32_t ma = vmm_machine_addr(vm, p);
	if (!hash && page_is_zero(r->m->ram + ma, MACHINE_PAGE_SIZE))
		return; /* zeros already (the zero frame, often): nothing written */
	if (pmap_make_private(r->v, vm, p))
		ma = vmm_machine_addr(vm, p);
	replay_fill_page(r->m->ram + ma, hash);
	mmu_code_written(r->m, ma, MACHINE_PAGE_SIZE);
}

void replay_fill_page(uint8_t *page, uint64_t hash)
{
	for (unsigned i = 0; i < MACHINE_PAGE_SIZE; i += 8) {
		uint64_t w = hash ? hash + i * 0x9e3779b97f4a7c15ull : 0;
		memcpy(page + i, &w, 8);
	}
}
