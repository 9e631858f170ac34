/* Replay: opening a trace, the machine it runs on, and the record loop
 * (replay.h; what each record means: traces/FORMAT.md). */
#include "trace/replay.h"

#include <stdlib.h>
#include <string.h>

#include "sim/cp0.h"
#include "sim/mmio_map.h"
#include "trace/priv_insn.h"
#include "trace/replay_internal.h"

struct machine *replay_machine(struct replay *r) { return r->m; }
struct vmm *replay_vmm(struct replay *r) { return r->v; }
const struct trace_header *replay_header(const struct replay *r) { return &r->h; }
bool replay_retimed(const struct replay *r) { return r->retime; }

static bool is_native(const char *policy)
{
	return !policy || !strcmp(policy, "native");
}

/* The machine the trace describes, with what the user changed. */
static bool machine_config_of(const struct replay *r, struct machine_config *cfg, char *err,
                              size_t errlen)
{
	const struct trace_header *h = &r->h;
	const char *path = r->cfg.path;
	machine_config_defaults(cfg);
	if (h->mem_bytes < MACHINE_MEM_MIN || h->mem_bytes > MACHINE_MEM_MAX ||
	    h->mem_bytes % MACHINE_PAGE_SIZE) {
		snprintf(err, errlen, "%s: header: memory of %llu bytes is out of range", path,
		         (unsigned long long)h->mem_bytes);
		return false;
	}
	if (h->tlb_entries < 1 || h->tlb_entries > TLB_MAX_ENTRIES) {
		snprintf(err, errlen, "%s: header: %llu TLB entries is out of range (1..%d)", path,
		         (unsigned long long)h->tlb_entries, TLB_MAX_ENTRIES);
		return false;
	}
	cfg->mem_size = (uint32_t)h->mem_bytes;
	cfg->tlb_entries = r->cfg.tlb_entries ? r->cfg.tlb_entries : (unsigned)h->tlb_entries;
	cfg->big_endian = h->big_endian != 0;
	cfg->use_tcache = !is_native(r->cfg.policy); /* the VMM reads the guest's code through it */
	cfg->console_out = r->cfg.console_out;
	if (r->cfg.cost_path)
		return costmodel_load(&cfg->cost, r->cfg.cost_path, err, errlen) == 0;
	if (h->cost_model[0]) {
		char why[256];
		if (costmodel_parse(&cfg->cost, h->cost_model, strlen(h->cost_model), why,
		                    sizeof why) != 0) {
			snprintf(err, errlen, "%s: header: its cost model: %s", path, why);
			return false;
		}
	}
	return true;
}

/* An imported trace starts in its one process: user mode, ASID 1,
 * interrupts enabled (traces/IMPORT.md, the modelled kernel). */
static void start_modelled_process(struct replay *r)
{
	const uint32_t status = ST_IE | CAUSE_IP7 | (2u << ST_KSU_SHIFT);
	if (r->v) {
		r->vm->cp0.r.status = status;
		r->vm->cp0.r.entryhi = 1;
		vmm_sync_machine(r->v, r->vm, CP0_WROTE_STATUS | CP0_WROTE_ASID);
	} else {
		cp0_write(r->m, CP0_ENTRYHI, 0, 1);
		cp0_write(r->m, CP0_STATUS, 0, status);
	}
}

/* Under a VMM: the pages the recording started with (its leading PAGE_HASH
 * records) are the VM's loaded image, as vmm_load_guest would have loaded
 * one: written before the VMM starts, they are the VM's own from the start
 * (pmap.c).  The first other record is kept for replay_run. */
static bool load_image(struct replay *r, char *err, size_t errlen)
{
	struct vm *vm = vmm_current(r->v);
	uint32_t end = 0;
	int rc;
	while ((rc = trace_reader_next(r->rd, &r->lookahead, err, errlen)) == 1 &&
	       r->lookahead.kind == TRACE_REC_PAGE_HASH) {
		uint32_t p = (uint32_t)r->lookahead.field[0] * MACHINE_PAGE_SIZE;
		if (p >= vm->mem_size)
			continue;
		if (r->v->sharing) /* only page sharing looks at what pages hold */
			replay_fill_page(r->m->ram + vm->mem_base + p, r->lookahead.field[1]);
		if (r->lookahead.field[1] && p + MACHINE_PAGE_SIZE < vm->mem_size)
			end = p + MACHINE_PAGE_SIZE; /* the command-line page is not the image */
	}
	if (rc < 0)
		return false;
	r->have_lookahead = rc == 1;
	/* the image's zero-filled part (its bss) was loaded too */
	uint64_t image = (r->h.image_end + MACHINE_PAGE_SIZE - 1) & ~(uint64_t)(MACHINE_PAGE_SIZE - 1);
	vm->image_end = image > end && image < vm->mem_size ? (uint32_t)image : end;
	return true;
}

struct replay *replay_open(const struct replay_config *c, char *err, size_t errlen)
{
	struct replay *r = calloc(1, sizeof *r);
	struct machine_config cfg;
	if (!r) {
		snprintf(err, errlen, "%s: out of memory", c->path);
		return NULL;
	}
	r->cfg = *c;
	r->rd = trace_reader_open(c->path, &r->h, err, errlen);
	if (!r->rd || !machine_config_of(r, &cfg, err, errlen))
		goto fail;
	r->imported = strcmp(r->h.source, "vmmsim record") != 0;
	r->m = machine_new(&cfg, err, errlen);
	if (!r->m || !replay_shadow_init(r)) {
		if (r->m)
			snprintf(err, errlen, "%s: out of memory", c->path);
		goto fail;
	}
	machine_boot(r->m, 0x80000000u /* nothing runs: any pc */, NULL);
	if (!is_native(c->policy)) {
		struct vmm_params p = c->vmm;
		p.seed = r->h.seed;
		r->v = vmm_new(r->m, c->policy, &p, 1, cfg.mem_size, err, errlen);
		if (r->v && !load_image(r, err, errlen))
			goto fail;
		if (!r->v || !vmm_start(r->v)) {
			if (r->v)
				snprintf(err, errlen, "%s: out of memory", c->path);
			goto fail;
		}
		r->vm = vmm_current(r->v);
		/* as the relocated kernel's tlb_init leaves it (an imported
		 * trace's modelled kernel writes no Wired) */
		r->vm->cp0.r.wired = RELOCATED_WIRED;
	}
	/* the recording's own refills are replayed as they were only when
	 * nothing could make them happen elsewhere */
	r->retime = r->v || !r->h.refills || cfg.tlb_entries != r->h.tlb_entries;
	if (r->imported)
		start_modelled_process(r);
	return r;
fail:
	replay_close(r);
	return NULL;
}

void replay_close(struct replay *r)
{
	if (!r)
		return;
	trace_reader_close(r->rd);
	vmm_free(r->v);
	machine_free(r->m);
	free(r->shadow);
	free(r);
}

static bool guest_exl(const struct replay *r)
{
	uint32_t st = r->v ? r->vm->cp0.r.status : r->m->cp0.status;
	return (st & (ST_EXL | ST_ERL)) != 0;
}

uint64_t replay_cycles_of(const struct costmodel *c, const uint64_t *n)
{
	return n[REC_ALU] * c->alu + n[REC_LOAD] * c->load + n[REC_STORE] * c->store +
	       n[REC_BRANCH] * c->branch + n[REC_MULT] * c->mult + n[REC_DIV] * c->div +
	       n[REC_PRIV] * c->priv;
}

void replay_insns(struct replay *r, const uint64_t *f)
{
	struct machine *m = r->m;
	uint64_t n[REC_NCLASSES];
	memcpy(n, f, sizeof n);
	/* the VMM retired its emulated device accesses (loads, stores) itself */
	for (unsigned k = REC_LOAD; k <= REC_STORE && r->device_debt; k++) {
		uint64_t d = n[k] < r->device_debt ? n[k] : r->device_debt;
		n[k] -= d;
		r->device_debt -= d;
	}
	m->insns += n[0] + n[1] + n[2] + n[3] + n[4] + n[5] + n[6];
	m->cycles += replay_cycles_of(&m->cfg.cost, n);
}

uint64_t replay_priv_cycles(const struct costmodel *c, uint32_t insn)
{
	return insn == INSN_ERET ? c->exc_return : c->priv; /* eret's cost is its return */
}

/* Under a VMM: the clock as it ran when the trace was recorded, record by
 * record (for the guest's Compare writes, replay_guest.c). */
static void native_clock(struct replay *r, const struct trace_record *rec)
{
	const struct costmodel *c = &r->m->cfg.cost;
	const uint64_t *f = rec->field;
	switch (rec->kind) {
	case TRACE_REC_INSNS: r->native_cycles += replay_cycles_of(c, f); break;
	case TRACE_REC_EXCEPTION: r->native_cycles += c->exc_entry; break;
	case TRACE_REC_DEVICE: r->native_cycles += c->uncached; break;
	case TRACE_REC_PRIV:
		r->native_cycles += replay_priv_cycles(c, (uint32_t)f[0]);
		if (insn_is_wait((uint32_t)f[0])) {
			/* wait: asleep until the timer, as natively */
			uint32_t count = (uint32_t)(r->native_cycles / c->count_divisor);
			if ((int32_t)(r->native_compare - count) > 0)
				r->native_cycles += (uint64_t)(r->native_compare - count) * c->count_divisor;
		}
		break;
	default: break;
	}
}

static void replay_exception_record(struct replay *r, const uint64_t *f)
{
	uint32_t flags = (uint32_t)f[1];
	uint32_t bva = trace_undelta32(&r->last_badvaddr, f[2]);
	uint32_t pc = trace_undelta32(&r->last_pc, f[3]);
	if (r->capturing)
		replay_capture_end(r, false); /* a nested entry: not one to repeat */
	if (r->skip_depth) {
		r->skip_depth++;
		return;
	}
	struct exc e = { .code = (uint8_t)f[0], .ce = (uint8_t)((flags >> TRACE_EXC_CE_SHIFT) & 3),
		         .tlb = (flags & TRACE_EXC_TLB) != 0, .refill = (flags & TRACE_EXC_REFILL) != 0,
		         .has_badvaddr = (flags & TRACE_EXC_BADVADDR) != 0, .badvaddr = bva };
	bool outer = !guest_exl(r);
	bool refill_span = e.refill && e.tlb && outer;
	if (!replay_exception(r, &e, pc, (flags & TRACE_EXC_BD) != 0, (uint32_t)f[4], true)) {
		r->skip_depth = 1;
		if (refill_span)
			r->skipped++;
	}
	enum capture what = refill_span && !r->refill.n ? CAPTURE_REFILL
	                    : e.code == EXC_INT && outer ? CAPTURE_TICK
	                                                 : CAPTURE_NONE;
	if (what != CAPTURE_NONE) {
		r->capturing = what;
		r->captured.n = 0;
	}
}

static void replay_priv_record(struct replay *r, const uint64_t *f)
{
	uint32_t insn = (uint32_t)f[0], pc = trace_undelta32(&r->last_pc, f[1]);
	bool eret = insn == INSN_ERET;
	if (r->capturing)
		replay_capture(r, &(struct tpl_op){ .kind = TPL_PRIV, .insn = insn, .pc = pc,
		                                    .value = (uint32_t)f[2] });
	if (r->skip_depth) {
		if (eret)
			r->skip_depth--;
	} else
		replay_priv(r, insn, pc, (uint32_t)f[2]);
	if (eret && r->capturing && !r->skip_depth)
		replay_capture_end(r, true);
}

/* A refill like the template (trace_format.h). */
static int replay_refill_record(struct replay *r, const uint64_t *f, char *err, size_t errlen)
{
	uint32_t bva = trace_undelta32(&r->last_badvaddr, f[2]);
	uint32_t pc = trace_undelta32(&r->last_pc, f[3]);
	if (!r->refill.n) {
		snprintf(err, errlen, "%s: byte %llu: a REFILL record before any refill in full (no handler to replay)",
		         r->cfg.path, (unsigned long long)r->offset);
		return -1;
	}
	if (r->capturing)
		replay_capture_end(r, false);
	uint8_t asid = replay_guest_asid(r);
	struct tlb_entry loaded = { .entryhi = (bva & TLB_ENTRYHI_VPN2) | asid,
		                    .entrylo0 = (uint32_t)f[4], .entrylo1 = (uint32_t)f[5] };
	replay_shadow_learn(r, &loaded);
	unsigned nrefs = (unsigned)(f[1] >> TRACE_REFILL_NREFS_SHIFT);
	if (r->skip_depth) {
		r->refs_skipped = nrefs;
		return 0;
	}
	if (r->v)
		r->native_cycles += r->refill.native_cycles;
	struct exc e = { .code = (uint8_t)f[0], .tlb = true, .refill = true, .has_badvaddr = true,
		         .badvaddr = bva };
	if (!replay_exception(r, &e, pc, (f[1] & TRACE_EXC_BD) != 0, 0, true)) {
		r->skipped++; /* no refill here, or the VMM served it */
		r->refs_skipped = nrefs;
		return 0;
	}
	/* the handler's references come first, then the handler */
	r->pending = (struct pending_refill){ .refs = nrefs, .lo0 = (uint32_t)f[4],
		                              .lo1 = (uint32_t)f[5], .index = (int)f[6] };
	if (!nrefs)
		replay_run_handler(r, r->pending.lo0, r->pending.lo1, r->pending.index);
	return 0;
}

/* A REF record that belongs to the REFILL before it (or to one skipped). */
static bool refill_ref(struct replay *r, const struct trace_record *rec)
{
	if (r->refs_skipped) {
		r->refs_skipped--;
		return true;
	}
	if (!r->pending.refs)
		return false;
	const uint64_t *f = rec->field;
	replay_ref(r, r->last_vpn << 12, f[2], (uint8_t)f[1]);
	if (!--r->pending.refs)
		replay_run_handler(r, r->pending.lo0, r->pending.lo1, r->pending.index);
	return true;
}

static int replay_end(struct replay *r, const uint64_t *f, char *err, size_t errlen)
{
	struct machine *m = r->m;
	if (r->imported && m->stop == STOP_NONE) { /* the process's end is the run's */
		m->stop = STOP_HALT;
		m->exit_status = 0;
	}
	if (r->retime || (f[0] == m->insns && f[1] == m->cycles))
		return 0;
	snprintf(err, errlen,
	         "%s: byte %llu: the replay does not match the recording: END says %llu instructions "
	         "and %llu cycles, replay has %llu and %llu",
	         r->cfg.path, (unsigned long long)r->offset, (unsigned long long)f[0],
	         (unsigned long long)f[1], (unsigned long long)m->insns, (unsigned long long)m->cycles);
	return -1;
}

/* One record; -1 with err filled if it cannot be replayed. */
static int replay_record(struct replay *r, const struct trace_record *rec, char *err,
                         size_t errlen)
{
	const uint64_t *f = rec->field;
	r->offset = rec->offset;
	if ((r->pending.refs || r->refs_skipped) && rec->kind != TRACE_REC_REF) {
		snprintf(err, errlen, "%s: byte %llu: %s record where the REFILL before it announced more REF records",
		         r->cfg.path, (unsigned long long)rec->offset, trace_record_name(rec->kind));
		return -1;
	}
	if (r->v)
		native_clock(r, rec);
	if (r->m->stop != STOP_NONE && rec->kind != TRACE_REC_INSNS && rec->kind != TRACE_REC_END &&
	    rec->kind != TRACE_REC_PAGE_HASH) {
		snprintf(err, errlen, "%s: byte %llu: %s record after the guest stopped", r->cfg.path,
		         (unsigned long long)rec->offset, trace_record_name(rec->kind));
		return -1;
	}
	switch (rec->kind) {
	case TRACE_REC_INSNS:
		if (r->capturing) {
			struct tpl_op op = { .kind = TPL_INSNS };
			memcpy(op.insns, f, sizeof op.insns);
			replay_capture(r, &op);
		}
		if (!r->skip_depth) {
			replay_insns(r, f);
			replay_timer(r);
		}
		return 0;
	case TRACE_REC_EXCEPTION:
		replay_exception_record(r, f);
		return 0;
	case TRACE_REC_PRIV:
		replay_priv_record(r, f);
		return 0;
	case TRACE_REC_MARK:
		if (r->capturing == CAPTURE_TICK)
			replay_capture(r, &(struct tpl_op){ .kind = TPL_MARK, .value = (uint32_t)f[0] });
		else if (r->capturing)
			replay_capture_end(r, false);
		if (!r->skip_depth)
			r->m->service_mark = (uint32_t)f[0];
		return 0;
	case TRACE_REC_REF: {
		int64_t vpn = (int64_t)r->last_vpn + trace_unzigzag(f[0]);
		if (vpn < 0 || vpn > 0xfffff) {
			snprintf(err, errlen, "%s: byte %llu: REF page %lld is out of range", r->cfg.path,
			         (unsigned long long)rec->offset, (long long)vpn);
			return -1;
		}
		r->last_vpn = (uint32_t)vpn;
		if (refill_ref(r, rec))
			return 0;
		if (r->capturing)
			replay_capture(r, &(struct tpl_op){ .kind = TPL_REF, .value = (uint32_t)vpn << 12,
			                                    .insn = (uint32_t)f[2], .pc = (uint32_t)f[1] });
		if (!r->skip_depth)
			replay_ref(r, (uint32_t)vpn << 12, f[2], (uint8_t)f[1]);
		return 0;
	}
	case TRACE_REC_TLB_WRITE: {
		struct tlb_entry e = { .pagemask = (uint32_t)f[1], .entryhi = (uint32_t)f[2],
			               .entrylo0 = (uint32_t)f[3], .entrylo1 = (uint32_t)f[4] };
		replay_shadow_learn(r, &e);
		return 0;
	}
	case TRACE_REC_PTE:
		replay_shadow_set(r, (uint8_t)f[1], (uint32_t)f[0], (uint32_t)f[2]);
		return 0;
	case TRACE_REC_DEVICE:
		if (r->capturing)
			replay_capture_end(r, false);
		if (!r->skip_depth)
			replay_device(r, (uint32_t)f[0], (unsigned)f[1], (uint32_t)f[2]);
		return 0;
	case TRACE_REC_PAGE_HASH:
		replay_page_content(r, (uint32_t)f[0], f[1]);
		return 0;
	case TRACE_REC_REFILL:
		return replay_refill_record(r, f, err, errlen);
	case TRACE_REC_END:
		return replay_end(r, f, err, errlen);
	default:
		return 0;
	}
}

/* VMMSIM_REPLAY_DEBUG (doc/replay.md): the templates and the refills. */
static void debug_summary(const struct replay *r)
{
	fprintf(stderr, "replay: refill template %u ops, tick template %u ops, %llu refills synthesized, %llu skipped\n",
	        r->refill.n, r->tick.n, (unsigned long long)r->synthesized, (unsigned long long)r->skipped);
	for (unsigned i = 0; i < r->tick.n; i++)
		fprintf(stderr, "  tick op %u: kind %d insn %08x pc %08x value %08x\n", i, r->tick.op[i].kind,
		        r->tick.op[i].insn, r->tick.op[i].pc, r->tick.op[i].value);
}

int replay_run(struct replay *r, char *err, size_t errlen)
{
	struct trace_record rec;
	int rc = 1;
	if (r->have_lookahead) {
		r->have_lookahead = false;
		if (replay_record(r, &r->lookahead, err, errlen) != 0)
			return -1;
		if (r->lookahead.kind == TRACE_REC_END)
			rc = 0;
	}
	while (rc == 1 && (rc = trace_reader_next(r->rd, &rec, err, errlen)) == 1) {
		if (replay_record(r, &rec, err, errlen) != 0)
			return -1;
		if (rec.kind == TRACE_REC_END)
			break;
	}
	if (rc < 0)
		return -1;
	struct machine *m = r->m;
	if (getenv("VMMSIM_REPLAY_DEBUG"))
		debug_summary(r);
	machine_count_mode_insns(m);
	return 0;
}
