/* Monitor calls from a paravirtual guest (src/sim/monitor.h), as the `trap`
 * policy serves them; extensions see them first and may serve some their
 * own way.  With page sharing (the `dedup` policy) a zeroed or freed page
 * maps the zero frame, and a freed page's own frame goes back at once.
 * Every call costs a trap plus vmm_monitor, charged to the "monitor calls
 * and page faults" component. */
#include <string.h>

#include "models/vmm.h"
#include "sim/mmu.h"
#include "sim/monitor.h"
#include "sim/services.h"

#define EINVAL_RESULT ((uint32_t)-22)
#define ENOSYS_RESULT ((uint32_t)-38)

static bool page_ok(const struct vm *vm, uint32_t p)
{
	return !(p & (MACHINE_PAGE_SIZE - 1)) && p < vm->mem_size;
}

void vmm_zero_page(struct vmm *v, struct vm *vm, uint32_t p)
{
	struct machine *m = v->m;
	vmm_touch(vm, p);
	if (v->sharing) { /* the shared zero frame, copied on the first write */
		pmap_map_shared(v, vm, p, v->frames.zero);
		return;
	}
	memset(m->ram + vmm_machine_addr(vm, p), 0, MACHINE_PAGE_SIZE);
	mmu_code_written(m, vmm_machine_addr(vm, p), MACHINE_PAGE_SIZE);
	vmm_charge(v, LEDGER_C_PAGE_ZERO, SERVICE_NONE, vmm_cost(v)->vmm_page_zero);
}

bool vmm_monitor_call(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	(void)st;
	struct machine *m = v->m;
	const struct costmodel *c = vmm_cost(v);
	uint32_t *R = m->cpu.gpr, call = R[CPU_V0], a0 = R[CPU_A0], result = 0;
	uint32_t next = vmm_next_pc(v, t->pc, t->bd);

	m->insns++; /* the syscall completes, in the VMM */
	vmm_charge(v, LEDGER_C_MONITOR, SERVICE_NONE, (uint64_t)c->exc_entry + c->vmm_trap + c->vmm_monitor);
	t->resume = next;
	switch (call) {
	case MC_ZERO_PAGE:
		if (page_ok(vm, a0))
			vmm_zero_page(v, vm, a0);
		else
			result = EINVAL_RESULT;
		break;
	case MC_FREE_PAGE:
		if (!page_ok(vm, a0))
			result = EINVAL_RESULT;
		else if (v->sharing) { /* its contents no longer matter: its frame goes back */
			pmap_map_shared(v, vm, a0, v->frames.zero);
			v->frames.freed++;
			vmm_charge(v, LEDGER_C_MONITOR, SERVICE_NONE, c->vmm_pmap);
		} /* else every page stays backed: nothing to reclaim */
		break;
	case MC_IDLE:
		R[CPU_V0] = 0;
		t->resume = vmm_idle(v, vm, next);
		return true;
	case MC_SET_SPECIAL:
		if (a0 != 0 && !page_ok(vm, a0))
			result = EINVAL_RESULT;
		else {
			vm->special_p = a0; /* 0: none */
			if (a0)
				vmm_touch(vm, a0);
		}
		break;
	case MC_INTR_CHECK:
		break; /* the check below delivers what is pending */
	default:
		result = ENOSYS_RESULT;
		break;
	}
	R[CPU_V0] = result;
	t->resume = vmm_maybe_interrupt(v, vm, next);
	return true;
}
