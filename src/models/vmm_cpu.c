/* The VMM's view of the guest CPU: reflecting exceptions into the guest,
 * virtual interrupts, keeping the machine's mode, ASID and timer in step with
 * the virtual CP0, and reading the guest's instructions (vmm.h). */
#include "models/vmm.h"

#include "sim/guestmem.h"
#include "sim/monitor.h"
#include "sim/mmu.h"
#include "sim/services.h"

#define VECTOR_BEV_BASE 0xbfc00200u
#define KSU_SUPERVISOR (1u << ST_KSU_SHIFT)
#define KSU_USER (2u << ST_KSU_SHIFT)

/* The special page's word at offset off, and a write to it. */
static uint32_t special_get(struct vmm *v, struct vm *vm, unsigned off)
{
	return guestmem_get32(v->m->ram + vmm_machine_addr(vm, vm->special_p + off),
	                      v->m->cfg.big_endian);
}

static void special_put(struct vmm *v, struct vm *vm, unsigned off, uint32_t value)
{
	pmap_make_private(v, vm, vm->special_p);
	guestmem_put32(v->m->ram + vmm_machine_addr(vm, vm->special_p + off), value,
	               v->m->cfg.big_endian);
}

uint32_t vmm_reflect(struct vmm *v, struct vm *vm, const struct exc *e, uint32_t pc, bool bd)
{
	struct cp0 *c = &vm->cp0.r;
	/* the guest kernel is entered: the ledger opens its entry now, so that
	 * what the VMM spends from here on is charged to it */
	ledger_exception(v->m, e, (c->status & (ST_EXL | ST_ERL)) != 0);
	uint32_t offset = exception_update_cp0(c, e, pc, bd);
	v->stats.reflected++;
	if (vm->special_p) { /* what the guest's handler will read */
		special_put(v, vm, SP_EPC, c->epc);
		special_put(v, vm, SP_CAUSE, c->cause);
		special_put(v, vm, SP_BADVADDR, c->badvaddr);
		special_put(v, vm, SP_CONTEXT, c->context);
		special_put(v, vm, SP_ENTRYHI, c->entryhi);
		special_put(v, vm, SP_STATUS, c->status);
	}
	vmm_sync_machine(v, vm, CP0_WROTE_STATUS);
	return ((c->status & ST_BEV) ? VECTOR_BEV_BASE : (c->ebase & ~0xfffu)) + offset;
}

uint32_t vmm_reflect_trap(struct vmm *v, struct vm *vm, const struct exc *e, uint32_t pc, bool bd,
                          uint64_t extra)
{
	const struct costmodel *c = vmm_cost(v);
	uint32_t vector = vmm_reflect(v, vm, e, pc, bd);
	vmm_charge(v, LEDGER_C_REFLECT, SERVICE_NONE,
	           (uint64_t)c->exc_entry + c->vmm_trap + c->vmm_reflect + extra);
	return vector;
}

uint32_t vmm_reflect_tlb_fault(struct vmm *v, struct vm *vm, const struct exc *e, uint32_t pc,
                               bool bd)
{
	return vmm_reflect_trap(v, vm, e, pc, bd, vmm_cost(v)->vmm_vtlb_lookup);
}

bool vmm_vint_deliverable(struct vmm *v, struct vm *vm)
{
	bool deliverable = vcp0_interrupt_deliverable(&vm->cp0);
	if (!vm->special_p)
		return deliverable;
	if (deliverable && !special_get(v, vm, SP_IE)) {
		special_put(v, vm, SP_PENDING, 1); /* the guest checks it when it unmasks */
		return false;
	}
	/* nothing pending (any more), or it is delivered now: say so */
	special_put(v, vm, SP_PENDING, 0);
	return deliverable;
}

uint32_t vmm_maybe_interrupt(struct vmm *v, struct vm *vm, uint32_t next)
{
	if (!vmm_vint_deliverable(v, vm))
		return next;
	struct exc e = { .code = EXC_INT };
	uint32_t vector = vmm_reflect(v, vm, &e, next, false);
	vmm_charge(v, LEDGER_C_REFLECT, SERVICE_NONE, vmm_cost(v)->vmm_reflect);
	return vector;
}

void vmm_sync_machine(struct vmm *v, struct vm *vm, unsigned what)
{
	struct machine *m = v->m;
	const struct cp0 *c = &vm->cp0.r;
	if (what & CP0_WROTE_STATUS) {
		/* interrupts always on for the VMM; CU0 off so CP0 use traps */
		uint32_t st = ST_IE | ST_IM | (vcp0_guest_kernel(&vm->cp0) ? KSU_SUPERVISOR : KSU_USER);
		if (st != m->cp0.status)
			cp0_write(m, CP0_STATUS, 0, st);
	}
	if (what & CP0_WROTE_ASID) {
		uint32_t hi = (m->cp0.entryhi & ~TLB_ENTRYHI_ASID) |
		              vmm_hw_asid(v, vm, c->entryhi & TLB_ENTRYHI_ASID);
		if (hi != m->cp0.entryhi)
			cp0_write(m, CP0_ENTRYHI, 0, hi);
	}
	if (what & CP0_WROTE_TIMER)
		vmm_program_timer(v);
}

bool vmm_fetch(struct vmm *v, uint32_t va, uint32_t *insn)
{
	struct machine *m = v->m;
	uint32_t pa;
	struct exc e;
	if (va & 3)
		return false;
	/* The VMM reads the guest's code through its own mapping, not the
	 * guest's TLB: first the pre-decoded page the interpreter just ran
	 * (its physical page is known), else a translation whose lookup is not
	 * counted in the TLB's statistics. */
	const struct tcache_fetch_entry *fe = &m->tcache->fetch[m->mode][tcache_index(va)];
	if (fe->tag == (va & ~0xfffu) && fe->page) {
		pa = ((const struct dpage *)fe->page)->ppn << 12 | (va & 0xfffu);
	} else if (!mmu_peek_translate(m, va, MMU_FETCH, &pa, &e)) {
		return false;
	}
	if (pa > m->cfg.mem_size - 4)
		return false;
	*insn = guestmem_get32(m->ram + pa, m->cfg.big_endian);
	return true;
}

/* Is the branch (word w, at b) taken?  Registers as they are now: the branch
 * has executed (a link register is already written), its slot has not. */
static bool branch_taken(const struct machine *m, uint32_t w, bool *is_branch, uint32_t *target,
                         uint32_t b)
{
	const uint32_t *R = m->cpu.gpr;
	unsigned op = w >> 26, rs = (w >> 21) & 31, rt = (w >> 16) & 31;
	int32_t a = (int32_t)R[rs];
	*is_branch = true;
	*target = b + 4 + (uint32_t)((int32_t)(int16_t)(w & 0xffff) * 4);
	switch (op) {
	case 0x00:
		if ((w & 0x3f) != 0x08 && (w & 0x3f) != 0x09)
			break;
		*target = R[rs]; /* jr, jalr */
		return true;
	case 0x01:
		switch (rt) {
		case 0x00: case 0x02: case 0x10: case 0x12: return a < 0;  /* bltz(l)(al)(l) */
		case 0x01: case 0x03: case 0x11: case 0x13: return a >= 0; /* bgez(l)(al)(l) */
		default: break;
		}
		break;
	case 0x02: case 0x03: /* j, jal */
		*target = ((b + 4) & 0xf0000000u) | ((w & 0x03ffffffu) << 2);
		return true;
	case 0x04: case 0x14: return R[rs] == R[rt];
	case 0x05: case 0x15: return R[rs] != R[rt];
	case 0x06: case 0x16: return a <= 0;
	case 0x07: case 0x17: return a > 0;
	default: break;
	}
	*is_branch = false;
	return false;
}

uint32_t vmm_next_pc(struct vmm *v, uint32_t pc, bool bd)
{
	uint32_t w, target;
	bool is_branch;
	if (!bd || !vmm_fetch(v, pc - 4, &w))
		return pc + 4;
	return branch_taken(v->m, w, &is_branch, &target, pc - 4) ? target : pc + 4;
}
