/* The VMM: building it, booting guests, and offering every exception to the
 * policies (vmm.h, policy.h). */
#include "models/vmm.h"

#include <stdlib.h>
#include <string.h>

#include "sim/elf.h"
#include "sim/guestmem.h"
#include "sim/mmio_map.h"
#include "sim/monitor.h"
#include "sim/services.h"
#include "tlb/l2tlb.h"

const struct costmodel *vmm_cost(const struct vmm *v)
{
	return &v->m->cfg.cost;
}

void vmm_charge(struct vmm *v, enum ledger_component c, uint32_t service, uint64_t cycles)
{
	struct machine *m = v->m;
	ledger_vmm(m, c, service == SERVICE_NONE ? m->service_mark : service, cycles);
}

void vmm_refill_served(struct vmm *v, struct vmm_trap *t, enum ledger_component c,
                       uint32_t service, uint64_t cycles)
{
	vmm_charge(v, c, service, cycles);
	if (!v->m->ledger.depth) /* outside any guest entry: an event of its own */
		ledger_vmm_event(v->m, service);
	t->resume = vmm_retry_pc(t);
}

void vmm_charge_background(struct vmm *v, enum ledger_component c, uint32_t service,
                           uint64_t cycles)
{
	struct machine *m = v->m;
	struct ledger_context saved, none = { .service_mark = SERVICE_NONE }, scratch;
	ledger_switch_context(m, &saved, &none);
	ledger_vmm(m, c, service, cycles);
	ledger_vmm_event(m, service);
	ledger_switch_context(m, &scratch, &saved);
}

uint32_t vmm_stop_vm(struct vmm *v, struct vm *vm, uint32_t status, const char *why)
{
	struct machine *m = v->m;
	vm->halted = true;
	vm->console.exit_status = status;
	if (why) {
		snprintf(vm->why, sizeof vm->why, "%s", why);
		fprintf(stderr, "vmmsim: VM %u stopped: %s\n", vm->id, why);
	}
	int next = vmm_next_runnable(v);
	if (next >= 0) /* the others go on */
		return vmm_world_switch(v, (unsigned)next, m->cpu.pc);
	for (unsigned i = 0; i < v->nvms; i++)
		if (!v->vm[i]->halted) /* all that are left wait for their timers */
			return vmm_sleep_until_timer(v, m->cpu.pc);
	/* the run's status: the first VM that failed, else 0 */
	m->exit_status = 0;
	for (unsigned i = 0; i < v->nvms && !m->exit_status; i++)
		m->exit_status = v->vm[i]->console.exit_status;
	m->stop = STOP_HALT;
	machine_events_changed(m);
	return m->cpu.pc;
}

/* Offer the trap to one hook of every policy, extensions first. */
#define OFFER(v, vm, hook, ...)                                                                    \
	do {                                                                                       \
		for (unsigned i_ = 0; i_ < (v)->nops; i_++)                                        \
			if ((v)->ops[i_]->hook &&                                                  \
			    (v)->ops[i_]->hook((v)->state[i_], (v), (vm), __VA_ARGS__))            \
				return true;                                                       \
	} while (0)

static bool offer_exception(struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	OFFER(v, vm, exception, t);
	return false;
}

static bool offer_priv(struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	uint32_t insn;
	if (!vmm_fetch(v, t->pc, &insn))
		return false;
	OFFER(v, vm, priv_insn, t, insn);
	return false;
}

static bool offer_monitor(struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	OFFER(v, vm, monitor_call, t);
	return false;
}

static bool offer_tick(struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	OFFER(v, vm, tick, t);
	return false;
}

/* Decode the load or store at t->pc that touched kseg0/kseg1. */
static bool decode_access(struct vmm *v, const struct vmm_trap *t, struct vmm_access *a)
{
	uint32_t insn;
	if (!vmm_fetch(v, t->pc, &insn))
		return false;
	unsigned op = insn >> 26;
	*a = (struct vmm_access){ .vaddr = t->e.badvaddr, .reg = (insn >> 16) & 31 };
	switch (op) {
	case 0x20: a->size = 1; a->is_signed = true; break;  /* lb */
	case 0x21: a->size = 2; a->is_signed = true; break;  /* lh */
	case 0x23: a->size = 4; break;                       /* lw */
	case 0x24: a->size = 1; break;                       /* lbu */
	case 0x25: a->size = 2; break;                       /* lhu */
	case 0x28: a->size = 1; a->store = true; break;      /* sb */
	case 0x29: a->size = 2; a->store = true; break;      /* sh */
	case 0x2b: a->size = 4; a->store = true; break;      /* sw */
	default: return false; /* lwl/lwr/swl/swr/ll/sc/cache on kseg0/1: not emulated */
	}
	return (a->vaddr & (a->size - 1)) == 0;
}

static bool offer_mmio(struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	struct vmm_access a;
	if (!decode_access(v, t, &a))
		return false;
	OFFER(v, vm, mmio, t, &a);
	return false;
}

static bool in_unmapped_kseg(uint32_t va)
{
	return va >= 0x80000000u && va < VMM_KSSEG;
}

static uint32_t vmm_exception(void *ctx, struct machine *m, const struct exc *e, uint32_t pc,
                              bool bd)
{
	struct vmm *v = ctx;
	struct vm *vm = vmm_current(v);
	struct vmm_trap t = { .e = *e, .pc = pc, .bd = bd };
	t.resume = vmm_retry_pc(&t);
	bool kernel = vcp0_guest_kernel(&vm->cp0), done = false;
	v->stats.traps[e->code]++;

	if (e->code == EXC_INT)
		done = offer_tick(v, vm, &t);
	else if (e->code == EXC_CPU && e->ce == 0 && kernel)
		done = offer_priv(v, vm, &t);
	else if (e->code == EXC_SYS && kernel) {
		uint32_t insn;
		if (vmm_fetch(v, pc, &insn) && ((insn >> 6) & 0xfffffu) == MONITOR_CODE)
			done = offer_monitor(v, vm, &t);
	} else if ((e->code == EXC_ADEL || e->code == EXC_ADES) && kernel &&
	           in_unmapped_kseg(e->badvaddr)) {
		if (e->badvaddr == pc) { /* a fetch: code cannot run unmapped under a VMM */
			char why[160];
			snprintf(why, sizeof why,
			         "the guest kernel jumped to 0x%08x in kseg0/kseg1, which a deprivileged "
			         "kernel cannot execute (boot the relocated flavour)", pc);
			t.resume = vmm_stop_vm(v, vm, 0x7f, why);
			done = true;
		} else
			done = offer_mmio(v, vm, &t);
	}
	if (!done)
		done = offer_exception(v, vm, &t);
	if (!done) /* nobody claimed it: the guest's own business */
		t.resume = vmm_reflect_trap(v, vm, e, pc, bd, 0);
	machine_events_changed(m);
	return t.resume;
}

void vmm_params_defaults(struct vmm_params *p)
{
	*p = (struct vmm_params){ .l2tlb_entries = L2TLB_DEFAULT_ENTRIES,
		                  .l2tlb_ways = L2TLB_DEFAULT_WAYS,
		                  .slice_cycles = VMM_DEFAULT_SLICE,
		                  .dedup_rate = VMM_DEFAULT_DEDUP_RATE };
}

struct vmm *vmm_new(struct machine *m, const char *spec, const struct vmm_params *params,
                    unsigned nvms, uint32_t mem_each, char *err, size_t errlen)
{
	if (nvms == 0 || nvms > VMM_MAX_VMS) {
		snprintf(err, errlen, "--vms: %u is not in 1..%d", nvms, VMM_MAX_VMS);
		return NULL;
	}
	if (mem_each == 0 || (mem_each & (MACHINE_PAGE_SIZE - 1)) ||
	    (uint64_t)mem_each * nvms > m->cfg.mem_size || mem_each > VMM_KSSEG_END - VMM_KSSEG) {
		snprintf(err, errlen, "%u VMs of %u KiB do not fit in %u KiB of machine memory",
		         nvms, mem_each >> 10, m->cfg.mem_size >> 10);
		return NULL;
	}
	struct vmm *v = calloc(1, sizeof *v);
	if (!v) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	v->m = m;
	v->params = *params;
	snprintf(v->spec, sizeof v->spec, "%s", spec);
	v->nops = policy_parse(spec, v->ops, err, errlen);
	if (!v->nops) {
		free(v);
		return NULL;
	}
	for (unsigned i = 0; i < nvms; i++) {
		struct vm *vm = calloc(1, sizeof *vm);
		if (!vm) {
			snprintf(err, errlen, "out of memory");
			vmm_free(v);
			return NULL;
		}
		v->vm[v->nvms++] = vm;
		vm->id = i;
		vm->mem_base = i * mem_each;
		vm->mem_size = mem_each;
		vm->touched = calloc(mem_each / MACHINE_PAGE_SIZE / 8 + 1, 1);
		vm->lctx.service_mark = SERVICE_NONE;
		vm->console.line_id = nvms > 1 ? (int)i : -1; /* several: "[vmN] " lines */
		if (!vm->touched) {
			snprintf(err, errlen, "out of memory");
			vmm_free(v);
			return NULL;
		}
		tlb_init(&vm->tlb, m->tlb.nentries);
		/* its virtual Random's draws: VM i has seed + i, as its workload */
		gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
		if (!rng) {
			snprintf(err, errlen, "out of memory");
			vmm_free(v);
			return NULL;
		}
		gsl_rng_set(rng, (unsigned long)(params->seed + i));
		vcp0_reset(&vm->cp0, m->tlb.nentries, m->cfg.big_endian, rng);
	}
	for (unsigned i = 0; i < v->nops; i++) {
		if (!v->ops[i]->setup)
			continue;
		v->state[i] = v->ops[i]->setup(v, err, errlen);
		if (!v->state[i]) {
			v->nops = i; /* tear down only what was set up */
			vmm_free(v);
			return NULL;
		}
	}
	v->port.exception = vmm_exception;
	v->port.ctx = v;
	return v;
}

void vmm_free(struct vmm *v)
{
	if (!v)
		return;
	for (unsigned i = 0; i < v->nops; i++)
		if (v->ops[i]->teardown && v->state[i])
			v->ops[i]->teardown(v->state[i]);
	pmap_free(v);
	for (unsigned i = 0; i < v->nvms; i++) {
		free(v->vm[i]->touched);
		gsl_rng_free(v->vm[i]->cp0.rng);
		free(v->vm[i]);
	}
	if (v->m && v->m->vmm == &v->port)
		v->m->vmm = NULL;
	free(v);
}

int vmm_load_guest(struct vmm *v, unsigned i, const uint8_t *elf, size_t len,
                   const char *cmdline, char *err, size_t errlen)
{
	struct machine *m = v->m;
	struct vm *vm = v->vm[i];
	struct elf_image img;
	uint8_t *mem = m->ram + vm->mem_base;
	if (elf_load_window(elf, len, mem, vm->mem_size, ELF_WINDOW_KSSEG, &img, err, errlen) != 0)
		return -1;
	if (img.big_endian != m->cfg.big_endian) {
		snprintf(err, errlen, "the guest's byte order differs from the machine's");
		return -1;
	}
	vm->image_end = img.phys_end;
	struct cpu *c = &vm->cpu;
	memset(c, 0, sizeof *c);
	c->pc = img.entry;
	c->gpr[CPU_A0] = vm->mem_size;
	/* the boot protocol of mmio_map.h, in the relocated kernel's own view
	 * of its memory (ksseg) */
	uint32_t at = vm->mem_size - BOOT_CMDLINE_MAX;
	c->gpr[CPU_SP] = VMM_KSSEG + at - 16;
	if (cmdline) {
		size_t n = strnlen(cmdline, BOOT_CMDLINE_MAX - 1);
		memcpy(mem + at, cmdline, n);
		mem[at + n] = 0;
		c->gpr[CPU_A1] = VMM_KSSEG + at;
		c->gpr[CPU_A2] = (uint32_t)n;
	}
	return 0;
}

bool vmm_start(struct vmm *v)
{
	struct machine *m = v->m;
	struct vm *vm = v->vm[0];
	if (!pmap_init(v))
		return false;
	for (unsigned i = 0; i < v->nops; i++)
		if (v->ops[i]->start)
			v->ops[i]->start(v->state[i], v);
	v->cur = 0;
	m->cpu = vm->cpu;
	vmm_hwtlb_flush(v);
	v->stats.hw_flushes = 0;
	m->vmm = &v->port;
	v->slice_end = m->cycles + v->params.slice_cycles;
	ledger_reset(m);
	vmm_sync_machine(v, vm, CP0_WROTE_STATUS | CP0_WROTE_ASID | CP0_WROTE_TIMER);
	for (unsigned w = 0; w < LEDGER_NWHO; w++)
		vm->who0[w] = m->ledger.cycles[w];
	vm->insns0 = m->insns;
	vm->switches_in = 1;
	machine_events_changed(m);
	return true;
}

void vmm_memory_use(const struct vmm *v, uint64_t *used, uint64_t *machine)
{
	uint64_t pages = 0;
	for (unsigned i = 0; i < v->nvms; i++)
		pages += v->vm[i]->touched_pages;
	*used = pages * MACHINE_PAGE_SIZE;
	/* the frames behind those pages: fewer when they are shared */
	*machine = v->sharing ? v->frames.in_use * MACHINE_PAGE_SIZE : *used;
}

/* A JSON string of plain text (the VMM's own messages). */
static void json_quote(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++)
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if ((unsigned char)*s >= 0x20)
			fputc(*s, out);
	fputc('"', out);
}

void vmm_stats_json(struct vmm *v, FILE *out)
{
	const struct vmm_stats *s = &v->stats;
	uint64_t traps = 0;
	for (unsigned c = 0; c < EXC_NCODES; c++)
		traps += s->traps[c];
	fprintf(out,
	        "\"vms\": %u, \"traps\": %llu, \"emulated\": %llu, \"guest_tlb_writes\": %llu, "
	        "\"reflected\": %llu, \"ktlb_fills\": %llu, \"vtlb_fills\": %llu, "
	        "\"device_accesses\": %llu, \"hw_tlb_flushes\": %llu",
	        v->nvms, (unsigned long long)traps, (unsigned long long)s->emulated,
	        (unsigned long long)s->tlb_writes, (unsigned long long)s->reflected,
	        (unsigned long long)s->ktlb_fills, (unsigned long long)s->vtlb_fills,
	        (unsigned long long)s->device, (unsigned long long)s->hw_flushes);
	for (unsigned i = 0; i < v->nops; i++)
		if (v->ops[i]->stats_json) {
			fputs(", ", out);
			v->ops[i]->stats_json(v->state[i], v, out);
		}
	fputs(", \"vm\": [", out);
	for (unsigned i = 0; i < v->nvms; i++) {
		const struct vm *vm = v->vm[i];
		fprintf(out,
		        "%s\n    {\"id\": %u, \"state\": \"%s\", \"exit_status\": %u, "
		        "\"instructions\": %llu, \"cycles\": {\"user\": %llu, \"kernel\": %llu, "
		        "\"vmm\": %llu, \"idle\": %llu}, \"switches_in\": %llu, "
		        "\"memory_bytes\": %u, \"memory_in_use_bytes\": %llu, \"why\": ",
		        i ? "," : "", vm->id, !vm->halted ? "running" : vm->why[0] ? "stopped" : "halted",
		        vm->console.exit_status, (unsigned long long)vm->insns,
		        (unsigned long long)vm->who_cycles[LEDGER_USER],
		        (unsigned long long)vm->who_cycles[LEDGER_KERNEL],
		        (unsigned long long)vm->who_cycles[LEDGER_VMM],
		        (unsigned long long)vm->who_cycles[LEDGER_IDLE],
		        (unsigned long long)vm->switches_in, vm->mem_size,
		        (unsigned long long)vm->touched_pages * MACHINE_PAGE_SIZE);
		json_quote(out, vm->why);
		fputs("}", out);
	}
	fputs("\n  ]", out);
}

void vmm_stats_text(struct vmm *v, FILE *out)
{
	const struct vmm_stats *s = &v->stats;
	fprintf(out,
	        "vmm (%s): %llu privileged instructions emulated (%llu TLB writes), %llu "
	        "exceptions reflected, %llu kernel TLB faults, %llu refills from the virtual "
	        "TLB, %llu device accesses\n",
	        v->spec, (unsigned long long)s->emulated, (unsigned long long)s->tlb_writes,
	        (unsigned long long)s->reflected, (unsigned long long)s->ktlb_fills,
	        (unsigned long long)s->vtlb_fills, (unsigned long long)s->device);
	for (unsigned i = 0; i < v->nvms && v->nvms > 1; i++) {
		const struct vm *vm = v->vm[i];
		fprintf(out, "  vm%u: %s, status %u, %llu instructions, %llu cycles user %llu kernel "
		             "%llu vmm %llu idle, %u KiB of memory used%s%s\n",
		        i, !vm->halted ? "running" : vm->why[0] ? "stopped" : "halted", vm->console.exit_status,
		        (unsigned long long)vm->insns, (unsigned long long)vm->who_cycles[LEDGER_USER],
		        (unsigned long long)vm->who_cycles[LEDGER_KERNEL],
		        (unsigned long long)vm->who_cycles[LEDGER_VMM],
		        (unsigned long long)vm->who_cycles[LEDGER_IDLE], vm->touched_pages * 4,
		        vm->why[0] ? ": " : "", vm->why);
	}
}
