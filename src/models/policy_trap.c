/* The `trap` policy: naive trap-and-emulate, as the lecture and Disco describe
 * it (DESIGN.md, "Virtualizing the CPU").  The base of every virtualized
 * run: the relocated guest kernel runs in supervisor mode, every privileged
 * instruction traps and is emulated against the virtual CP0 and virtual TLB,
 * every exception is reflected to the guest's vectors, guest TLB writes are
 * composed into the hardware TLB, the ksseg window is mapped by the VMM
 * (kernel TLB faults) and kseg0/kseg1 accesses are emulated.
 *
 * Where the cycles go (the ledger components): TLB_WRITE for tlbwi/tlbwr
 * and for hardware misses served from the virtual TLB (an entry the guest
 * holds that the hardware evicted, since the hardware TLB also carries the
 * ksseg window); PRIV for every other emulated instruction; REFLECT for
 * entering the guest's vectors; KTLB for the ksseg window; DEVICE for
 * console and kseg0/kseg1 accesses.
 */
#include <stdlib.h>
#include <string.h>

#include "models/policy.h"
#include "models/vmm.h"
#include "sim/console.h"
#include "sim/guestmem.h"
#include "sim/mmio_map.h"
#include "sim/mmu.h"
#include "sim/services.h"

#define COP0 0x10u
#define CACHE 0x2fu
#define COP_MF 0x00u
#define COP_MT 0x04u
#define COP_MFMC0 0x0bu
#define COP_CO 0x10u
#define FUNCT_TLBR 0x01u
#define FUNCT_TLBWI 0x02u
#define FUNCT_TLBWR 0x06u
#define FUNCT_TLBP 0x08u
#define FUNCT_ERET 0x18u
#define FUNCT_WAIT 0x20u

static uint64_t trap_cost(const struct vmm *v)
{
	return (uint64_t)vmm_cost(v)->exc_entry + vmm_cost(v)->vmm_trap;
}

static void notify_tlb(struct vmm *v, struct vm *vm, enum vmm_tlb_op op,
                       const struct tlb_entry *old, const struct tlb_entry *new_e)
{
	for (unsigned i = 0; i < v->nops; i++)
		if (v->ops[i]->guest_tlb)
			v->ops[i]->guest_tlb(v->state[i], v, vm, op, old, new_e);
}

/* ---- TLB faults ----------------------------------------------------------- */

static uint32_t bus_error(struct vmm *v, struct vm *vm, const struct vmm_trap *t, bool fetch)
{
	struct exc e = { .code = fetch ? EXC_IBE : EXC_DBE };
	return vmm_reflect_trap(v, vm, &e, t->pc, t->bd, 0);
}

static bool tlb_fault(struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	const struct costmodel *c = vmm_cost(v);
	uint32_t va = t->e.badvaddr;
	bool store = t->e.code != EXC_TLBL, fetch = !store && va == t->pc;
	bool kernel = vcp0_guest_kernel(&vm->cp0);

	if (va >= VMM_KSSEG && va < VMM_KSSEG_END && kernel) { /* the kernel's own memory */
		uint32_t p = va - VMM_KSSEG;
		if (t->e.code == EXC_MOD && p < vm->mem_size && pmap_make_private(v, vm, p)) {
			/* the first write to a shared page: copied */
			vmm_charge(v, LEDGER_C_MONITOR, SERVICE_NONE, trap_cost(v) + c->vmm_pmap);
			t->resume = vmm_retry_pc(t);
			return true;
		}
		if (!vmm_hwtlb_ksseg(v, vm, va)) {
			t->resume = bus_error(v, vm, t, fetch);
			return true;
		}
		v->stats.ktlb_fills++;
		vmm_refill_served(v, t, LEDGER_C_KTLB, SERVICE_KTLB_MISS,
		                  trap_cost(v) + c->vmm_pmap + c->vmm_hwtlb_write);
		return true;
	}
	if (va >= 0x80000000u)
		return false; /* not the guest's to map: reflected as it is */

	struct tlb_xlate x;
	uint8_t asid = vm->cp0.r.entryhi & TLB_ENTRYHI_ASID;
	enum tlb_result r = tlb_lookup(&vm->tlb, va, asid, store, kernel ? TLB_MODE_KERNEL : TLB_MODE_USER, &x);
	if (r == TLB_HIT) {
		if (x.paddr >= vm->mem_size) { /* the guest mapped memory it does not have */
			t->resume = bus_error(v, vm, t, fetch);
			return true;
		}
		if (store && pmap_make_private(v, vm, x.paddr)) {
			/* the guest may write; the page was shared: copied first */
			vmm_charge(v, LEDGER_C_MONITOR, SERVICE_NONE, trap_cost(v) + c->vmm_vtlb_lookup);
			vmm_hwtlb_insert(v, vm, &vm->tlb.entry[x.index]);
			t->resume = vmm_retry_pc(t);
			return true;
		}
		/* the guest holds the entry; the hardware had evicted it */
		vmm_hwtlb_insert(v, vm, &vm->tlb.entry[x.index]);
		v->stats.vtlb_fills++;
		vmm_refill_served(v, t, LEDGER_C_TLB_WRITE, SERVICE_UTLB_MISS,
		                  trap_cost(v) + c->vmm_vtlb_lookup + c->vmm_pmap + c->vmm_hwtlb_write);
		return true;
	}
	struct exc e = { .code = r == TLB_MODIFIED ? EXC_MOD : t->e.code, .tlb = true,
		         .refill = r == TLB_REFILL, .has_badvaddr = true, .badvaddr = va };
	t->resume = vmm_reflect_tlb_fault(v, vm, &e, t->pc, t->bd);
	return true;
}

static bool trap_exception(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	(void)st;
	switch (t->e.code) {
	case EXC_TLBL:
	case EXC_TLBS:
	case EXC_MOD:
		return tlb_fault(v, vm, t);
	default:
		return false; /* the VMM reflects the rest */
	}
}

/* ---- privileged instructions --------------------------------------------- */

static void guest_tlb_write(struct vmm *v, struct vm *vm, unsigned idx, enum vmm_tlb_op op)
{
	const struct cp0 *r = &vm->cp0.r;
	struct tlb_entry e = { .pagemask = r->pagemask, .entryhi = r->entryhi,
		               .entrylo0 = r->entrylo0, .entrylo1 = r->entrylo1 }, old;
	tlb_write(&vm->tlb, idx, &e, &old);
	tlb_read(&vm->tlb, idx, &e); /* as the TLB keeps it (G folded) */
	vmm_hwtlb_drop(v, &old);     /* the guest never sees what it replaced */
	vmm_hwtlb_insert(v, vm, &e);
	v->stats.tlb_writes++;
	notify_tlb(v, vm, op, &old, &e);
}

/* Emulate COP0 instruction insn; returns the ledger component it belongs to
 * and its emulation cost in *cost, or -1 if it is not one the VMM knows. */
static int emulate_cop0(struct vmm *v, struct vm *vm, uint32_t insn, uint64_t *cost)
{
	struct machine *m = v->m;
	const struct costmodel *c = vmm_cost(v);
	struct cp0 *r = &vm->cp0.r;
	unsigned rs = (insn >> 21) & 31, rt = (insn >> 16) & 31, rd = (insn >> 11) & 31;
	unsigned what = 0;
	int comp = LEDGER_C_PRIV;

	if (rs == COP_MF) {
		uint32_t val = vcp0_read(&vm->cp0, m, rd, insn & 7);
		if (rt)
			m->cpu.gpr[rt] = val;
		*cost = c->vmm_emul_mfc0;
	} else if (rs == COP_MT) {
		what = vcp0_write(&vm->cp0, m, rd, insn & 7, m->cpu.gpr[rt]);
		*cost = c->vmm_emul_mtc0;
	} else if (rs == COP_MFMC0 && (insn & 0xffe0u) == 0x6000u) { /* di, ei */
		uint32_t old = r->status;
		r->status = (insn & 0x20u) ? (old | ST_IE) : (old & ~ST_IE);
		if (rt)
			m->cpu.gpr[rt] = old;
		what = CP0_WROTE_STATUS;
		*cost = c->vmm_emul_other;
	} else if (rs >= COP_CO) {
		unsigned n = vm->tlb.nentries;
		*cost = c->vmm_emul_other;
		switch (insn & 0x3f) {
		case FUNCT_TLBR: {
			struct tlb_entry e;
			tlb_read(&vm->tlb, (r->index & ~TLB_INDEX_P) % n, &e);
			r->pagemask = e.pagemask;
			r->entryhi = e.entryhi;
			r->entrylo0 = e.entrylo0;
			r->entrylo1 = e.entrylo1;
			what = CP0_WROTE_ASID; /* TLBR loads EntryHi, ASID included */
			break;
		}
		case FUNCT_TLBWI:
		case FUNCT_TLBWR: {
			bool wi = (insn & 0x3f) == FUNCT_TLBWI;
			unsigned idx = wi ? (r->index & ~TLB_INDEX_P) % n : vm->cp0.random;
			guest_tlb_write(v, vm, idx, wi ? VMM_TLBWI : VMM_TLBWR);
			if (!wi)
				vcp0_tlbwr_done(&vm->cp0);
			*cost = (uint64_t)c->vmm_emul_tlbw + c->vmm_pmap + c->vmm_hwtlb_write;
			comp = LEDGER_C_TLB_WRITE;
			break;
		}
		case FUNCT_TLBP: {
			int i = tlb_probe(&vm->tlb, r->entryhi);
			r->index = i < 0 ? TLB_INDEX_P : (uint32_t)i;
			struct tlb_entry probed = { .entryhi = r->entryhi, .pagemask = r->pagemask };
			notify_tlb(v, vm, VMM_TLBP, &probed, NULL);
			break;
		}
		case FUNCT_ERET: /* handled by the caller: it ends the guest's entry */
		case FUNCT_WAIT:
			break;
		default:
			return -1;
		}
	} else
		return -1;
	if (what)
		vmm_sync_machine(v, vm, what);
	return comp;
}

static uint32_t emulate_eret(struct vmm *v, struct vm *vm)
{
	struct cp0 *r = &vm->cp0.r;
	uint32_t target;
	vmm_charge(v, LEDGER_C_PRIV, SERVICE_NONE,
	           trap_cost(v) + vmm_cost(v)->vmm_decode + vmm_cost(v)->vmm_emul_other);
	if (r->status & ST_ERL) {
		target = r->errorepc;
		r->status &= ~ST_ERL;
	} else {
		target = r->epc;
		r->status &= ~ST_EXL;
	}
	v->m->cpu.llbit = false;
	ledger_eret(v->m); /* the guest's entry ends here */
	vmm_sync_machine(v, vm, CP0_WROTE_STATUS);
	return vmm_maybe_interrupt(v, vm, target);
}

static bool trap_priv_insn(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t,
                           uint32_t insn)
{
	(void)st;
	const struct costmodel *c = vmm_cost(v);
	unsigned op = insn >> 26;
	uint32_t next = vmm_next_pc(v, t->pc, t->bd);
	uint64_t cost = 0;
	int comp;

	if (op != COP0 && op != CACHE)
		return false; /* not a CP0 instruction: the guest's own exception */
	v->m->insns++; /* the guest's instruction completes, in the VMM */
	if (op == COP0 && (insn >> 25 & 1) && (insn & 0x3f) == FUNCT_ERET) {
		v->stats.emulated++;
		t->resume = emulate_eret(v, vm);
		return true;
	}
	if (op == CACHE) {
		comp = LEDGER_C_PRIV;
		cost = c->vmm_emul_other; /* no caches modelled: nothing to do */
	} else if ((comp = emulate_cop0(v, vm, insn, &cost)) < 0) {
		v->m->insns--; /* reserved: the guest gets its RI, nothing retired */
		return false;
	}
	v->stats.emulated++;
	vmm_charge(v, (enum ledger_component)comp, SERVICE_NONE, trap_cost(v) + c->vmm_decode + cost);
	if (op == COP0 && (insn >> 25 & 1) && (insn & 0x3f) == FUNCT_WAIT)
		t->resume = vmm_idle(v, vm, next);
	else
		t->resume = vmm_maybe_interrupt(v, vm, next);
	return true;
}

/* ---- kseg0/kseg1: the console and the guest's own memory ------------------- */

static bool trap_mmio(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t,
                      const struct vmm_access *a)
{
	(void)st;
	struct machine *m = v->m;
	uint32_t pa = a->vaddr & 0x1fffffffu, value = 0;
	bool big = m->cfg.big_endian;
	uint32_t next = vmm_next_pc(v, t->pc, t->bd);

	if (MMIO_IS_CONSOLE(pa)) {
		value = console_access(&vm->console, m->cfg.console_out, pa - MMIO_CONSOLE_PHYS,
		                       a->size, a->store, m->cpu.gpr[a->reg]);
	} else if (pa <= vm->mem_size - a->size) { /* the VM's memory, unmapped */
		if (a->store)
			pmap_make_private(v, vm, pa);
		uint8_t *p = m->ram + vmm_machine_addr(vm, pa);
		if (a->store) {
			uint32_t val = m->cpu.gpr[a->reg];
			if (a->size == 4)
				guestmem_put32(p, val, big);
			else if (a->size == 2)
				guestmem_put16(p, val, big);
			else
				*p = (uint8_t)val;
			mmu_code_written(m, vmm_machine_addr(vm, pa), a->size);
		} else
			value = guestmem_get(p, a->size, big);
	} else {
		t->resume = bus_error(v, vm, t, false);
		return true;
	}
	if (!a->store && a->reg) {
		if (a->is_signed)
			value = a->size == 1 ? (uint32_t)(int32_t)(int8_t)value
			                     : (uint32_t)(int32_t)(int16_t)value;
		m->cpu.gpr[a->reg] = value;
	}
	m->insns++;
	v->stats.device++;
	vmm_charge(v, LEDGER_C_DEVICE, SERVICE_NONE,
	           trap_cost(v) + vmm_cost(v)->vmm_decode + vmm_cost(v)->vmm_device);
	if (vm->console.halted) { /* the guest halted its VM */
		console_flush(&vm->console, m->cfg.console_out);
		t->resume = vmm_stop_vm(v, vm, vm->console.exit_status, NULL);
	} else
		t->resume = next;
	return true;
}

/* ---- the timer ------------------------------------------------------------ */

static bool trap_tick(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	(void)st;
	unsigned before = v->cur;
	uint32_t resume = vmm_timer_tick(v, t);
	if (v->cur != before) { /* the slice ended: another VM has the CPU */
		t->resume = resume;
		return true;
	}
	if (vmm_vint_deliverable(v, vm)) {
		struct exc e = { .code = EXC_INT };
		t->resume = vmm_reflect_trap(v, vm, &e, t->pc, t->bd, 0);
	} else { /* masked in the guest (or the slice's timer): delivered when unmasked */
		vmm_charge(v, LEDGER_C_REFLECT, SERVICE_NONE, trap_cost(v));
		t->resume = resume;
	}
	return true;
}

const struct policy_ops policy_trap = {
	.name = "trap",
	.summary = "naive trap-and-emulate: the kernel deprivileged, its CP0 and TLB emulated",
	.is_base = true,
	.flavour = "relocated", /* no setup: its state is the VMM's and the VMs' */
	.exception = trap_exception,
	.priv_insn = trap_priv_insn,
	.mmio = trap_mmio,
	.tick = trap_tick,
	.monitor_call = vmm_monitor_call,
};
