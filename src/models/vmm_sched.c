/* Virtual time and several VMs on one CPU (vmm.h).
 *
 * Each VM's Count is the machine's Count plus its offset, so virtual time
 * runs on while a VM waits for the CPU, as Disco's did.  The machine's
 * Compare is programmed for whichever comes first: the current VM's own
 * Compare or the end of its time slice.  At the end of a slice the CPU goes
 * round-robin to the next VM that has not halted: its registers, its
 * virtual CP0, its open kernel entries in the ledger, and the hardware TLB,
 * which is flushed (Disco's choice) or, with --asid-tag, keeps every VM's
 * user entries under per-VM hardware ASIDs and drops only the global ones
 * (the ksseg window and guest-global entries, which belong to one VM).
 */
#include <string.h>

#include "models/vmm.h"
#include "sim/services.h"

void vmm_touch(struct vm *vm, uint32_t p)
{
	uint32_t page = p / MACHINE_PAGE_SIZE;
	if (!vm->touched || p >= vm->mem_size || (vm->touched[page / 8] & (1u << (page % 8))))
		return;
	vm->touched[page / 8] |= (uint8_t)(1u << (page % 8));
	vm->touched_pages++;
}

/* The current VM's timer has fired if its Count has reached its Compare. */
static void catch_up_virtual_timer(struct vmm *v, struct vm *vm)
{
	if (v->m->cycles >= vm->vtimer_cycle)
		vm->cp0.r.cause |= CAUSE_IP7;
}

int vmm_next_runnable(const struct vmm *v)
{
	for (unsigned k = 1; k <= v->nvms; k++) {
		unsigned i = (v->cur + k) % v->nvms;
		const struct vm *vm = v->vm[i];
		if (!vm->halted && (!vm->waiting || v->m->cycles >= vm->vtimer_cycle))
			return (int)i;
	}
	return -1;
}

uint32_t vmm_idle(struct vmm *v, struct vm *vm, uint32_t next)
{
	const struct cp0 *r = &vm->cp0.r;
	uint32_t resume;
	if (r->cause & r->status & CAUSE_IP) /* pending already: WAIT falls through */
		return vmm_maybe_interrupt(v, vm, next);
	if (!(r->status & CAUSE_IP7)) /* IM7 clear: only the timer could wake it */
		return vmm_stop_vm(v, vm, 0x7f, "idle with the timer interrupt masked: it can never wake");
	for (unsigned i = 0; i < v->nops; i++)
		if (v->ops[i]->idle && v->ops[i]->idle(v->state[i], v, vm, next, &resume))
			return resume;
	/* naive: the whole machine sleeps until its timer (the VM's, or the end
	 * of the slice), whatever the other VMs could have done meanwhile */
	machine_wait(v->m);
	return next;
}

uint32_t vmm_sleep_until_timer(struct vmm *v, uint32_t next)
{
	struct machine *m = v->m;
	unsigned first = v->cur;
	for (unsigned i = 0; i < v->nvms; i++) {
		const struct vm *c = v->vm[i], *f = v->vm[first];
		if (!c->halted && (f->halted || c->vtimer_cycle < f->vtimer_cycle))
			first = i;
	}
	struct vm *w = v->vm[first];
	if (w->vtimer_cycle > m->cycles) {
		uint64_t idle = w->vtimer_cycle - m->cycles;
		m->cycles = w->vtimer_cycle;
		m->stats.idle_cycles += idle;
		ledger_idle(m, idle);
	}
	w->waiting = false;
	if (first != v->cur)
		return vmm_world_switch(v, first, next);
	catch_up_virtual_timer(v, w);
	vmm_program_timer(v);
	return vmm_maybe_interrupt(v, w, next);
}

static bool sharing(const struct vmm *v)
{
	int n = vmm_next_runnable(v);
	return n >= 0 && (unsigned)n != v->cur;
}

void vmm_program_timer(struct vmm *v)
{
	struct machine *m = v->m;
	struct vm *vm = vmm_current(v);
	uint32_t guest = vm->cp0.r.compare - vm->cp0.count_offset; /* in machine Count */
	vm->vtimer_cycle = cp0_cycle_of_count(m, guest);
	uint32_t compare = guest;
	if (v->slice_end < vm->vtimer_cycle && sharing(v)) {
		/* the first Count value at or after the slice's end */
		uint64_t div = m->cfg.cost.count_divisor;
		uint64_t ticks = (v->slice_end - m->cp0.count_cycle0 + div - 1) / div;
		compare = m->cp0.count_base + (uint32_t)ticks;
		if (cp0_cycle_of_count(m, compare) > v->slice_end + div)
			compare = cp0_count(m) + 1; /* already past: as soon as possible */
	}
	cp0_write(m, CP0_COMPARE, 0, compare); /* also acknowledges the machine's IP7 */
}

static void account_out(struct vmm *v, struct vm *vm)
{
	struct machine *m = v->m;
	ledger_mode_changed(m); /* charge the open span */
	for (unsigned w = 0; w < LEDGER_NWHO; w++)
		vm->who_cycles[w] += m->ledger.cycles[w] - vm->who0[w];
	vm->insns += m->insns - vm->insns0;
}

static void account_in(struct vmm *v, struct vm *vm)
{
	struct machine *m = v->m;
	for (unsigned w = 0; w < LEDGER_NWHO; w++)
		vm->who0[w] = m->ledger.cycles[w];
	vm->insns0 = m->insns;
	vm->switches_in++;
}

uint32_t vmm_world_switch(struct vmm *v, unsigned next, uint32_t pc)
{
	struct machine *m = v->m;
	const struct costmodel *c = vmm_cost(v);
	struct vm *from = vmm_current(v), *to = v->vm[next];
	struct ledger_context none = { .service_mark = SERVICE_NONE }, scratch;

	from->cpu = m->cpu;
	from->cpu.pc = pc;
	/* the switch is the VMM's own work, outside any guest's entry */
	ledger_switch_context(m, &from->lctx, &none);
	uint64_t cost = c->vmm_world_switch;
	if (v->params.asid_tag)
		vmm_hwtlb_drop_global(v);
	else {
		vmm_hwtlb_flush(v);
		cost += c->vmm_tlb_flush;
	}
	ledger_vmm(m, LEDGER_C_WORLD_SWITCH, SERVICE_WORLD_SWITCH, cost);
	ledger_vmm_event(m, SERVICE_WORLD_SWITCH);
	account_out(v, from);

	v->cur = next;
	to->waiting = false;
	m->cpu = to->cpu;
	account_in(v, to);
	ledger_switch_context(m, &scratch, &to->lctx);
	v->slice_end = m->cycles + v->params.slice_cycles;
	/* its Compare may have matched while it waited: that interrupt is
	 * pending now (before the timer is aimed at the next match) */
	catch_up_virtual_timer(v, to);
	vmm_sync_machine(v, to, CP0_WROTE_STATUS | CP0_WROTE_ASID | CP0_WROTE_TIMER);
	return vmm_maybe_interrupt(v, to, to->cpu.pc);
}

uint32_t vmm_timer_tick(struct vmm *v, const struct vmm_trap *t)
{
	struct machine *m = v->m;
	struct vm *vm = vmm_current(v);
	uint32_t resume = t->pc;
	catch_up_virtual_timer(v, vm);
	if (m->cycles >= v->slice_end && sharing(v))
		return vmm_world_switch(v, (unsigned)vmm_next_runnable(v), resume);
	vmm_program_timer(v);
	return resume;
}

void vmm_finish(struct vmm *v)
{
	struct machine *m = v->m;
	struct vm *cur = vmm_current(v);
	struct ledger_context scratch;
	account_out(v, cur);
	account_in(v, cur); /* nothing more to count */
	/* the entries still open in the waiting VMs count as events too */
	ledger_switch_context(m, &cur->lctx, &cur->lctx);
	for (unsigned i = 0; i < v->nvms; i++) {
		if (i == v->cur || !v->vm[i]->lctx.depth)
			continue;
		ledger_switch_context(m, &scratch, &v->vm[i]->lctx);
		ledger_finish(m);
	}
	ledger_switch_context(m, &scratch, &cur->lctx);
}
