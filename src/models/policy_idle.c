/* The `idle` policy: the VMM sees the guest idle (WAIT, or the MC_IDLE
 * monitor call of the paravirtual flavour) and deschedules its virtual CPU:
 * another VM that can run gets the CPU at once; when none can, the machine
 * sleeps until the earliest timer of a waiting VM and that VM runs.  Under
 * `trap` alone the whole machine sleeps until the idle VM's timer or the
 * end of its slice.  A guest that idles in a spin loop (the `spinidle`
 * flavour) shows what no policy can see. */
#include "models/policy.h"
#include "models/vmm.h"
#include "sim/services.h"

static bool idle_idle(void *st, struct vmm *v, struct vm *vm, uint32_t next, uint32_t *resume)
{
	(void)st;
	vm->waiting = true;
	vmm_charge(v, LEDGER_C_IDLE, SERVICE_NONE, vmm_cost(v)->vmm_emul_other);
	int n = vmm_next_runnable(v);
	if (n >= 0 && (unsigned)n != v->cur)
		*resume = vmm_world_switch(v, (unsigned)n, next);
	else
		*resume = vmm_sleep_until_timer(v, next);
	return true;
}

const struct policy_ops policy_idle = {
	.name = "idle",
	.summary = "deschedule a VM that idles (WAIT, MC_IDLE): run another or skip time",
	.idle = idle_idle,
};
