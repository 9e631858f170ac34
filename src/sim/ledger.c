/* The ledger (ledger.h). */
#include "sim/ledger.h"

#include <stdio.h>
#include <string.h>

#include "sim/exception.h"
#include "sim/machine.h"
#include "sim/services.h"

#define ROW_KERNEL (LEDGER_NSERVICES - 2) /* kernel time outside any entry */
#define ROW_OTHER (LEDGER_NSERVICES - 1)  /* service ids vmmsim does not know */

const char *ledger_component_name(enum ledger_component c)
{
	static const char *const names[LEDGER_NCOMPONENTS] = {
#define LEDGER_COMPONENT_NAME(id, name) name,
		LEDGER_COMPONENTS(LEDGER_COMPONENT_NAME)
#undef LEDGER_COMPONENT_NAME
	};
	return (unsigned)c < LEDGER_NCOMPONENTS ? names[c] : "?";
}

static enum ledger_who who_of(const struct machine *m)
{
	return m->mode == MODE_USER ? LEDGER_USER : LEDGER_KERNEL;
}

unsigned ledger_row_of(uint32_t service)
{
	if (service == SERVICE_NONE)
		return ROW_KERNEL;
	if (service <= SERVICE_LAST)
		return service;
	return ROW_OTHER;
}

const char *ledger_row_name(unsigned row, char *buf, unsigned len)
{
	static const char *const named[] = {
		[SERVICE_UTLB_MISS - SERVICE_UTLB_MISS] = "UTLB_MISS",
		[SERVICE_DEMAND_ZERO - SERVICE_UTLB_MISS] = "DEMAND_ZERO",
		[SERVICE_QUICK_FAULT - SERVICE_UTLB_MISS] = "QUICK_FAULT",
		[SERVICE_COW_FAULT - SERVICE_UTLB_MISS] = "COW_FAULT",
		[SERVICE_INTERRUPT - SERVICE_UTLB_MISS] = "INTERRUPT",
		[SERVICE_KTLB_MISS - SERVICE_UTLB_MISS] = "KTLB_MISS",
		[SERVICE_IDLE - SERVICE_UTLB_MISS] = "IDLE",
		[SERVICE_BOOT - SERVICE_UTLB_MISS] = "BOOT",
		[SERVICE_WORLD_SWITCH - SERVICE_UTLB_MISS] = "WORLD_SWITCH",
		[SERVICE_PAGE_SCAN - SERVICE_UTLB_MISS] = "PAGE_SCAN",
	};
	static const struct { unsigned nr; const char *name; } syscalls[] = {
		{ SYS_exit, "exit" }, { SYS_fork, "fork" }, { SYS_read, "read" },
		{ SYS_write, "write" }, { SYS_open, "open" }, { SYS_close, "close" },
		{ SYS_wait, "wait" }, { SYS_unlink, "unlink" }, { SYS_exec, "execve" },
		{ SYS_time, "time" }, { SYS_getpid, "getpid" }, { SYS_sbrk, "sbrk" },
		{ SYS_yield, "yield" }, { SYS_console, "console" },
	};
	if (row == ROW_KERNEL)
		return "kernel";
	if (row == ROW_OTHER)
		return "other";
	if (row >= SERVICE_UTLB_MISS && row <= SERVICE_LAST)
		return named[row - SERVICE_UTLB_MISS];
	if (row == SERVICE_EXC_BASE + EXC_TLBL || row == SERVICE_EXC_BASE + EXC_TLBS)
		return "TLB_INVALID";
	if (row == SERVICE_EXC_BASE + EXC_MOD)
		return "TLB_MODIFIED";
	if (row >= SERVICE_EXC_BASE && row < SERVICE_EXC_BASE + EXC_NCODES) {
		snprintf(buf, len, "exc:%s", exception_name(row - SERVICE_EXC_BASE));
		return buf;
	}
	for (size_t i = 0; i < sizeof syscalls / sizeof syscalls[0]; i++)
		if (syscalls[i].nr == row)
			return syscalls[i].name;
	snprintf(buf, len, row <= SYS_MAX ? "sys%u" : "service%u", row);
	return buf;
}

/* Charge the cycles and instructions since the span began to whoever ran
 * them, and start a new span. */
static void charge_span(struct machine *m)
{
	struct ledger *l = &m->ledger;
	uint64_t dc = m->cycles - l->span_cycle, di = m->insns - l->span_insns;
	l->cycles[l->span_who] += dc;
	l->insns[l->span_who] += di;
	if (l->span_who == LEDGER_KERNEL) {
		if (l->depth > 0) {
			l->frame[l->depth - 1].cycles += dc;
			l->frame[l->depth - 1].insns += di;
		} else {
			struct ledger_row *r = &l->row[ledger_row_of(m->service_mark)];
			r->cycles += dc;
			r->insns += di;
		}
	}
	l->span_cycle = m->cycles;
	l->span_insns = m->insns;
	l->span_who = who_of(m);
}

void ledger_free(struct ledger *l)
{
	for (unsigned r = 0; r < LEDGER_NSERVICES; r++) {
		ledger_dist_free(l->row[r].dist);
		l->row[r].dist = NULL;
	}
}

/* One event of a row took `cycles`, kernel and VMM together. */
static void sample(struct ledger_row *r, uint64_t cycles)
{
	if (!r->dist)
		r->dist = ledger_dist_new();
	if (r->dist) /* out of memory: the row keeps its totals, not its shape */
		ledger_dist_add(r->dist, cycles);
}

void ledger_reset(struct machine *m)
{
	ledger_free(&m->ledger);
	memset(&m->ledger, 0, sizeof m->ledger);
	m->ledger.span_cycle = m->cycles;
	m->ledger.span_insns = m->insns;
	m->ledger.span_who = who_of(m);
	m->service_mark = SERVICE_NONE;
}

void ledger_mode_changed(struct machine *m)
{
	charge_span(m);
}

static uint32_t infer_service(const struct machine *m, const struct exc *e)
{
	switch (e->code) {
	case EXC_SYS: {
		uint32_t nr = m->cpu.gpr[CPU_V0];
		return nr <= SYS_MAX ? SERVICE_SYS(nr) : SERVICE_EXC_BASE + EXC_SYS;
	}
	case EXC_INT:
		return SERVICE_INTERRUPT;
	case EXC_TLBL:
	case EXC_TLBS:
		if (e->refill)
			return e->badvaddr < 0x80000000u ? SERVICE_UTLB_MISS : SERVICE_KTLB_MISS;
		return SERVICE_EXC_BASE + EXC_TLBL; /* one row: "TLB_INVALID" */
	default:
		return SERVICE_EXC_BASE + e->code;
	}
}

void ledger_exception(struct machine *m, const struct exc *e, bool exl_was_set)
{
	struct ledger *l = &m->ledger;
	charge_span(m);
	/* With EXL already set the exception continues the entry it interrupts
	 * (EPC is not overwritten, one eret ends both), so it is no new entry. */
	if (exl_was_set || l->depth == LEDGER_MAX_DEPTH)
		return;
	l->frame[l->depth++] = (struct ledger_frame){
		.service = infer_service(m, e),
		.saved_mark = m->service_mark,
	};
	m->service_mark = SERVICE_NONE;
}

static void pop_frame(struct machine *m)
{
	struct ledger *l = &m->ledger;
	struct ledger_frame *f = &l->frame[--l->depth];
	uint32_t service = m->service_mark != SERVICE_NONE ? m->service_mark : f->service;
	struct ledger_row *r = &l->row[ledger_row_of(service)];
	r->events++;
	r->cycles += f->cycles;
	r->insns += f->insns;
	uint64_t total = f->cycles;
	for (int c = 0; c < LEDGER_NCOMPONENTS; c++) {
		r->vmm[c] += f->vmm[c];
		total += f->vmm[c];
	}
	sample(r, total);
	m->service_mark = f->saved_mark;
}

void ledger_vmm(struct machine *m, enum ledger_component c, uint32_t service, uint64_t cycles)
{
	struct ledger *l = &m->ledger;
	charge_span(m);
	m->cycles += cycles;
	l->span_cycle = m->cycles;
	l->cycles[LEDGER_VMM] += cycles;
	if (l->depth > 0)
		l->frame[l->depth - 1].vmm[c] += cycles;
	else {
		l->row[ledger_row_of(service)].vmm[c] += cycles;
		l->row[ledger_row_of(service)].vmm_pending += cycles;
	}
}

void ledger_vmm_event(struct machine *m, uint32_t service)
{
	struct ledger_row *r = &m->ledger.row[ledger_row_of(service)];
	r->events++;
	sample(r, r->vmm_pending);
	r->vmm_pending = 0;
}

void ledger_eret(struct machine *m)
{
	charge_span(m);
	if (m->ledger.depth > 0)
		pop_frame(m);
}

void ledger_idle(struct machine *m, uint64_t cycles)
{
	struct ledger *l = &m->ledger;
	m->cycles -= cycles;
	charge_span(m);
	m->cycles += cycles;
	l->cycles[LEDGER_IDLE] += cycles;
	l->span_cycle = m->cycles;
}

void ledger_switch_context(struct machine *m, struct ledger_context *save,
                           const struct ledger_context *load)
{
	struct ledger *l = &m->ledger;
	charge_span(m);
	save->depth = l->depth;
	memcpy(save->frame, l->frame, sizeof save->frame);
	save->base_mark = l->base_mark;
	save->service_mark = m->service_mark;
	l->depth = load->depth;
	memcpy(l->frame, load->frame, sizeof l->frame);
	l->base_mark = load->base_mark;
	m->service_mark = load->service_mark;
}

void ledger_finish(struct machine *m)
{
	charge_span(m);
	while (m->ledger.depth > 0)
		pop_frame(m);
}
