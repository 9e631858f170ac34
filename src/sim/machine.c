/* The machine: construction, boot, mode and event bookkeeping. */
#include "sim/machine.h"

#include "trace/recorder.h"

#include <stdlib.h>
#include <string.h>

#include "sim/exception.h"
#include "sim/exec.h"
#include "sim/mmio_map.h"

void machine_config_defaults(struct machine_config *cfg)
{
	*cfg = (struct machine_config){
		.mem_size = MACHINE_MEM_DEFAULT,
		.tlb_entries = TLB_DEFAULT_ENTRIES,
		.big_endian = true,
		.use_tcache = true,
		.console_out = stdout,
	};
	costmodel_defaults(&cfg->cost);
}

struct machine *machine_new(const struct machine_config *cfg, char *err, size_t errlen)
{
	struct machine *m = calloc(1, sizeof *m);
	if (!m)
		goto nomem;
	m->cfg = *cfg;
	m->ram_pages = cfg->mem_size / MACHINE_PAGE_SIZE;
	m->ram = calloc(m->ram_pages, MACHINE_PAGE_SIZE);
	m->dpages = calloc(m->ram_pages, sizeof *m->dpages);
	m->tcache = malloc(sizeof *m->tcache);
	if (!m->ram || !m->dpages || !m->tcache)
		goto nomem;
	if (!tlb_init(&m->tlb, cfg->tlb_entries)) {
		snprintf(err, errlen, "TLB entries must be 1..%d", TLB_MAX_ENTRIES);
		machine_free(m);
		return NULL;
	}
	tcache_flush_all(m->tcache);
	return m;
nomem:
	snprintf(err, errlen, "cannot allocate %u MiB of simulated memory", cfg->mem_size >> 20);
	machine_free(m);
	return NULL;
}

void machine_free(struct machine *m)
{
	if (!m)
		return;
	if (m->dpages)
		for (uint32_t i = 0; i < m->ram_pages; i++)
			free(m->dpages[i]);
	free(m->dpages);
	ledger_free(&m->ledger);
	free(m->ram);
	free(m->tcache);
	free(m);
}

enum machine_mode machine_mode_of(uint32_t status)
{
	if (status & (ST_EXL | ST_ERL))
		return MODE_KERNEL;
	switch ((status & ST_KSU) >> ST_KSU_SHIFT) {
	case 0: return MODE_KERNEL;
	case 1: return MODE_SUPERVISOR;
	default: return MODE_USER; /* KSU=3 is reserved; treated as user */
	}
}

void machine_count_mode_insns(struct machine *m)
{
	m->stats.insns_by_mode[m->mode] += m->insns - m->mode_insn0;
	m->mode_insn0 = m->insns;
}

void machine_status_changed(struct machine *m)
{
	enum machine_mode mode = machine_mode_of(m->cp0.status);
	bool erl = (m->cp0.status & ST_ERL) != 0;
	if (mode != m->mode) {
		machine_count_mode_insns(m);
		m->mode = mode;
		m->xlate_gen++;
		ledger_mode_changed(m);
	}
	if (erl != m->erl_was_set) {
		tcache_flush_all(m->tcache);
		m->erl_was_set = erl;
		m->xlate_gen++;
	}
}

void machine_asid_changed(struct machine *m)
{
	if (m->cfg.use_tcache) /* without it nothing is ever filled */
		tcache_flush_mapped(m->tcache);
	m->xlate_gen++;
	if (m->rec)
		trace_rec_asid_changed(m);
}

void machine_tlb_written(struct machine *m, const struct tlb_entry *old)
{
	uint32_t lo, hi;
	tlb_entry_range(old, &lo, &hi);
	if (m->cfg.use_tcache)
		tcache_flush_range(m->tcache, lo, hi);
	m->xlate_gen++;
}

bool machine_interrupt_deliverable(const struct machine *m)
{
	return cp0_interrupt_pending(&m->cp0);
}

void machine_events_changed(struct machine *m)
{
	cp0_timer_catch_up(m); /* a match passed since the last look is not lost */
	m->timer_cycle = cp0_timer_cycle(m);
	m->event_insns = m->cfg.max_insns ? m->cfg.max_insns : UINT64_MAX;
	if (m->stop != STOP_NONE || machine_interrupt_deliverable(m))
		m->event_cycle = 0;
	else
		m->event_cycle = m->timer_cycle;
}

bool machine_handle_events(struct machine *m)
{
	if (m->stop != STOP_NONE)
		return true;
	if (m->cfg.max_insns && m->insns >= m->cfg.max_insns) {
		m->stop = STOP_MAX_INSNS;
		return true;
	}
	cp0_timer_catch_up(m);
	if (machine_interrupt_deliverable(m)) {
		struct exc e = { .code = EXC_INT };
		m->stats.interrupts++;
		m->cpu.pc = exception_enter(m, &e, m->cpu.pc, false);
	}
	machine_events_changed(m);
	return false;
}

void machine_wait(struct machine *m)
{
	cp0_timer_catch_up(m);
	if (m->cp0.cause & m->cp0.status & CAUSE_IP)
		return; /* something is pending already: WAIT falls through */
	if (!(m->cp0.status & CAUSE_IP7)) { /* IM7 sits where IP7 does */
		/* only the timer can interrupt this machine, and it is masked */
		m->stop = STOP_DEADLOCK;
		machine_events_changed(m);
		return;
	}
	uint64_t idle = m->timer_cycle - m->cycles;
	m->stats.idle_cycles += idle;
	m->cycles = m->timer_cycle;
	ledger_idle(m, idle);
	cp0_timer_catch_up(m);
	machine_events_changed(m);
}

void machine_boot(struct machine *m, uint32_t entry, const char *cmdline)
{
	memset(&m->cpu, 0, sizeof m->cpu);
	cp0_reset(m);
	/* The bare machine starts as a boot loader would leave it: kernel mode,
	 * exception vectors at EBase (0x80000000), BEV and ERL clear. */
	m->cp0.status = 0;
	m->mode = MODE_KERNEL;
	m->mode_insn0 = m->insns;
	machine_status_changed(m);
	m->cpu.pc = entry;
	m->cpu.gpr[CPU_A0] = m->cfg.mem_size;
	/* a stack just below the command-line page, so bare C runs at once */
	m->cpu.gpr[CPU_SP] = 0x80000000u + m->cfg.mem_size - BOOT_CMDLINE_MAX - 16;
	if (cmdline) {
		uint32_t at = m->cfg.mem_size - BOOT_CMDLINE_MAX;
		size_t len = strnlen(cmdline, BOOT_CMDLINE_MAX - 1);
		memcpy(m->ram + at, cmdline, len);
		m->ram[at + len] = 0;
		m->cpu.gpr[CPU_A1] = 0x80000000u + at;
		m->cpu.gpr[CPU_A2] = (uint32_t)len;
	}
	m->stop = STOP_NONE;
	machine_events_changed(m);
	ledger_reset(m);
}

enum machine_stop machine_run(struct machine *m)
{
	if (m->stop != STOP_NONE)
		return m->stop;
	machine_events_changed(m);
	if (m->rec)
		(m->cfg.big_endian ? exec_run_be_record : exec_run_le_record)(m);
	else if (m->cfg.trace_insns)
		(m->cfg.big_endian ? exec_run_be_trace : exec_run_le_trace)(m);
	else
		(m->cfg.big_endian ? exec_run_be : exec_run_le)(m);
	machine_count_mode_insns(m); /* close the books of the mode the run ended in */
	return m->stop;
}
