/* Recording a trace (recorder.h, traces/FORMAT.md).
 *
 * TLB refills are most of a trace's events, and the guest's refill handler
 * is straight-line code: the records of a refill (EXCEPTION, INSNS, the
 * PRIVs and TLB_WRITE up to the eret) are held back until its eret; the
 * first one that holds nothing else is written in full and becomes the
 * template, and every later one of the same shape is written as one REFILL
 * record carrying what differs (the address and the two EntryLo values).
 * A span with anything else in it (a nested exception, a service mark, a
 * device access) is written in full; the memory references its handler
 * made follow the REFILL record. */
#include "trace/recorder.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sim/cp0.h"
#include "sim/exception.h"
#include "sim/machine.h"
#include "sim/pagehash.h"
#include "tlb/tcache.h"
#include "trace/priv_insn.h"
#include "tlb/tlb.h"

#define SPAN_MAX 40
/* The host cache hides every access to a page it holds, but under a VMM the
 * hardware TLB holds fewer of the guest's pages than the guest's TLB does
 * (it holds the kernel's ksseg too) and may have evicted them; the kernel's
 * own pages are unmapped natively and mapped (ksseg) under a VMM.  So that
 * replay sees the pages used again, the host cache forgets the pages it
 * took at each ASID change, each kernel entry but a refill, and every
 * RECHECK_WRITES TLB writes (a sixth of a 48-entry TLB: replayed under
 * trap, database's UTLB_MISS row is 3.4% low at 16, 2.3% at 8, 1.1% at 4,
 * over six seeds, for a trace 8% and 21% larger than at 16; doc/replay.md). */
#define RECHECK_WRITES 8
#define RECHECK_SLOTS 512
/* Page contents, for page sharing: the pages written in each epoch of this
 * many cycles are hashed at its end (PAGE_HASH), and every non-zero page at
 * the start; the host cache forgets its write entries at each epoch so that
 * the first store to each page is seen again. */
#define HASH_EPOCH 1000000u

#define HAVE_LO0 1u
#define HAVE_LO1 2u
#define HAVE_INDEX 4u
#define NO_MATCH UINT_MAX

struct held {
	enum trace_record_kind kind;
	uint64_t f[TRACE_MAX_FIELDS];
	uint32_t pc; /* a PRIV's own address */
};

/* A span's shape: each privileged instruction (word and address) with the
 * instructions retired since the one before; INSNS records split by a REF
 * and the REF and TLB_WRITE records themselves do not count. */
struct step {
	uint32_t insn, pc;
	uint64_t insns[REC_NCLASSES];
};

struct trace_recorder {
	struct trace_writer *w;
	uint32_t last_pc, last_badvaddr;
	uint32_t last_vpn;
	/* a refill span being held back: held[0] is its EXCEPTION */
	bool holding;
	unsigned nheld;
	struct held held[SPAN_MAX];
	/* what span_end needs of the held span, kept as it is held: its REFs,
	 * the first mtc0 EntryLo0, mtc0 EntryLo1 and tlbwr values (HAVE_* bits),
	 * and how far its shape has followed the template's (acc: instructions
	 * since the last privileged one; matched steps, or NO_MATCH; while there
	 * is no template, the steps made into tpl_steps) */
	unsigned nrefs, have;
	uint64_t lo0, lo1, index;
	uint64_t acc[REC_NCLASSES];
	unsigned matched;
	/* the template: the first refill written in full, as its shape (none
	 * while ntpl_steps is 0: a template has at least its mtc0s and tlbwr) */
	unsigned ntpl_steps;
	struct step tpl_steps[SPAN_MAX];
	/* host cache slots (mode << 12 | index) taken since they were last
	 * forgotten, and the TLB writes since then */
	uint16_t slot[RECHECK_SLOTS];
	unsigned nslots, writes;
	/* pages written since the last epoch (a bit each), and its end */
	uint8_t *written;
	uint64_t next_epoch;
};

static bool ram_page_is_zero(const struct machine *m, uint32_t ppn)
{
	return page_is_zero(m->ram + (size_t)ppn * MACHINE_PAGE_SIZE, MACHINE_PAGE_SIZE);
}

/* PAGE_HASH for page ppn: 0 for a page of zeros. */
static void hash_page(struct machine *m, uint32_t ppn)
{
	const uint8_t *p = m->ram + (size_t)ppn * MACHINE_PAGE_SIZE;
	uint64_t f[TRACE_MAX_FIELDS] = {
		ppn, ram_page_is_zero(m, ppn) ? 0 : page_hash64(p, MACHINE_PAGE_SIZE) | 1
	};
	trace_writer_record(m->rec->w, TRACE_REC_PAGE_HASH, f);
}

static void end_epoch(struct machine *m)
{
	struct trace_recorder *r = m->rec;
	for (uint32_t i = 0; i < m->ram_pages; i++)
		if (r->written[i / 8] & (1u << (i % 8))) {
			r->written[i / 8] &= (uint8_t)~(1u << (i % 8));
			hash_page(m, i);
		}
	tcache_flush_writes(m->tcache);
	r->next_epoch = m->cycles + HASH_EPOCH;
}

void trace_rec_written(struct machine *m, uint32_t paddr)
{
	uint32_t ppn = paddr >> 12;
	m->rec->written[ppn / 8] |= (uint8_t)(1u << (ppn % 8));
}

static void forget_pages(struct machine *m)
{
	struct trace_recorder *r = m->rec;
	if (r->nslots == RECHECK_SLOTS)
		tcache_flush_all(m->tcache);
	else
		for (unsigned i = 0; i < r->nslots; i++)
			tcache_flush_slot(m->tcache, r->slot[i] >> 12, r->slot[i] & 0xfffu);
	r->nslots = 0;
	r->writes = 0;
	m->xlate_gen++; /* the interpreter re-translates its current page */
}

void trace_rec_cached(struct machine *m, unsigned idx)
{
	struct trace_recorder *r = m->rec;
	if (r->nslots < RECHECK_SLOTS)
		r->slot[r->nslots++] = (uint16_t)((unsigned)m->mode << 12 | idx);
}

void trace_rec_asid_changed(struct machine *m)
{
	forget_pages(m);
}

bool trace_recorder_start(struct machine *m, const char *path, const struct trace_header *h,
                          char *err, size_t errlen)
{
	struct trace_recorder *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	r->w = trace_writer_open(path, h, err, errlen);
	if (!r->w) {
		free(r);
		return false;
	}
	r->written = calloc((m->ram_pages + 7) / 8, 1);
	if (!r->written) {
		trace_writer_abort(r->w);
		free(r);
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	for (unsigned i = 0; i < REC_NCLASSES; i++)
		m->rec_class[i] = 0;
	m->rec = r;
	/* what the machine starts with: the loaded image and the boot command
	 * line's page (the rest of memory is zeros the loader never touched:
	 * reading it would cost the host a page fault a page) */
	uint32_t image = (uint32_t)((h->image_end + MACHINE_PAGE_SIZE - 1) / MACHINE_PAGE_SIZE);
	for (uint32_t i = 0; i < m->ram_pages; i++) {
		if (i >= image && i != m->ram_pages - 1)
			continue;
		if (!ram_page_is_zero(m, i))
			hash_page(m, i);
	}
	r->next_epoch = m->cycles + HASH_EPOCH;
	return true;
}

static void release(struct trace_recorder *r)
{
	for (unsigned i = 0; i < r->nheld; i++)
		trace_writer_record(r->w, r->held[i].kind, r->held[i].f);
	r->holding = false;
	r->nheld = 0;
}

static void start_span(struct trace_recorder *r)
{
	r->holding = true;
	r->nheld = 0;
	r->nrefs = r->have = 0;
	r->matched = 0;
	memset(r->acc, 0, sizeof r->acc);
}

/* A record joins the held span: what span_end will ask of it, kept now
 * rather than searched for then (the first value of each of the mtc0s and
 * the tlbwr; the shape, step by step: the INSNS summed up to each PRIV,
 * matched against the template's, or while there is none made into it). */
static void follow(struct trace_recorder *r, const struct held *h)
{
	switch (h->kind) {
	case TRACE_REC_REF: r->nrefs++; return;
	case TRACE_REC_INSNS:
		for (unsigned c = 0; c < REC_NCLASSES; c++)
			r->acc[c] += h->f[c];
		return;
	case TRACE_REC_PRIV: break;
	default: return;
	}
	uint32_t insn = (uint32_t)h->f[0];
	if (!(r->have & HAVE_LO0) && insn_is_mtc0(insn, CP0_ENTRYLO0)) {
		r->lo0 = h->f[2];
		r->have |= HAVE_LO0;
	} else if (!(r->have & HAVE_LO1) && insn_is_mtc0(insn, CP0_ENTRYLO1)) {
		r->lo1 = h->f[2];
		r->have |= HAVE_LO1;
	} else if (!(r->have & HAVE_INDEX) && insn == INSN_TLBWR) {
		r->index = h->f[2];
		r->have |= HAVE_INDEX;
	}
	if (!r->ntpl_steps) { /* no template yet: this span's shape may be it */
		struct step *s = &r->tpl_steps[r->matched++];
		*s = (struct step){ .insn = insn, .pc = h->pc };
		memcpy(s->insns, r->acc, sizeof r->acc);
	} else if (r->matched < r->ntpl_steps && r->tpl_steps[r->matched].insn == insn &&
	           r->tpl_steps[r->matched].pc == h->pc &&
	           !memcmp(r->tpl_steps[r->matched].insns, r->acc, sizeof r->acc))
		r->matched++;
	else
		r->matched = NO_MATCH;
	memset(r->acc, 0, sizeof r->acc);
}

static void emit(struct trace_recorder *r, enum trace_record_kind kind, const uint64_t *f,
                 uint32_t pc)
{
	if (!r->holding) {
		trace_writer_record(r->w, kind, f);
		return;
	}
	if (r->nheld == SPAN_MAX) {
		release(r);
		trace_writer_record(r->w, kind, f);
		return;
	}
	struct held *h = &r->held[r->nheld++];
	h->kind = kind;
	memcpy(h->f, f, sizeof h->f);
	h->pc = pc;
	follow(r, h);
}

/* Anything but instructions, privileged instructions and TLB writes makes
 * the span one to write in full. */
static void not_plain(struct trace_recorder *r)
{
	if (r->holding)
		release(r);
}

/* The instructions retired since the last record, if any (and, unless a
 * refill is being held back, the end of a hashing epoch). */
static void flush_insns(struct machine *m)
{
	uint64_t *c = m->rec_class;
	if (m->cycles >= m->rec->next_epoch && !m->rec->holding)
		end_epoch(m);
	if (!(c[0] | c[1] | c[2] | c[3] | c[4] | c[5] | c[6]))
		return;
	/* the classes are the record's fields, in order */
	_Static_assert(REC_NCLASSES == TRACE_MAX_FIELDS, "INSNS: one field per class");
	emit(m->rec, TRACE_REC_INSNS, c, 0);
	for (unsigned i = 0; i < REC_NCLASSES; i++)
		c[i] = 0;
}

/* The eret of a held refill span: one REFILL record, or the span itself. */
static void span_end(struct trace_recorder *r)
{
	/* mtc0 to EntryLo0 and EntryLo1 (from any GPR), and tlbwr */
	bool lo = r->have == (HAVE_LO0 | HAVE_LO1 | HAVE_INDEX);
	bool like_template = r->matched == r->ntpl_steps; /* NO_MATCH never is */
	if (r->ntpl_steps && lo && like_template) {
		/* the EXCEPTION's code, delay slot flag and deltas (the only
		 * exception of the span: any other would have released it) */
		const struct held *x = &r->held[0];
		uint64_t f[TRACE_MAX_FIELDS] = { x->f[0], x->f[1] & TRACE_EXC_BD, x->f[2], x->f[3],
			                         r->lo0, r->lo1, r->index };
		f[1] |= (uint64_t)r->nrefs << TRACE_REFILL_NREFS_SHIFT;
		trace_writer_record(r->w, TRACE_REC_REFILL, f);
		for (unsigned i = 0; i < r->nheld; i++) /* the handler's own references */
			if (r->held[i].kind == TRACE_REC_REF)
				trace_writer_record(r->w, TRACE_REC_REF, r->held[i].f);
		r->last_pc = x->pc; /* the handler's PRIVs are not written */
		r->holding = false;
		r->nheld = 0;
		return;
	}
	if (!r->ntpl_steps && lo) /* follow made its shape the template's */
		r->ntpl_steps = r->matched;
	release(r);
}

bool trace_recorder_finish(struct machine *m, char *err, size_t errlen)
{
	struct trace_recorder *r = m->rec;
	flush_insns(m);
	not_plain(r);
	bool ok = trace_writer_close(r->w, m->insns, m->cycles, err, errlen);
	free(r->written);
	free(r);
	m->rec = NULL;
	return ok;
}

void trace_rec_exception(struct machine *m, const struct exc *e, uint32_t pc, bool bd)
{
	struct trace_recorder *r = m->rec;
	flush_insns(m);
	not_plain(r);
	uint64_t flags = (e->refill ? TRACE_EXC_REFILL : 0) | (bd ? TRACE_EXC_BD : 0) |
	                 (e->tlb ? TRACE_EXC_TLB : 0) | (e->has_badvaddr ? TRACE_EXC_BADVADDR : 0) |
	                 ((uint64_t)(e->ce & 3) << TRACE_EXC_CE_SHIFT);
	uint32_t bva = e->has_badvaddr ? e->badvaddr : r->last_badvaddr;
	bool refill = e->refill && e->tlb && !(m->cp0.status & (ST_EXL | ST_ERL));
	/* every kernel entry but a refill shows the pages it uses: replay
	 * repeats ticks, and a fault's first store to a page is what copies it
	 * under page sharing */
	if (refill) /* hold it back: it may be one like the template */
		start_span(r);
	else
		forget_pages(m);
	/* a system call's service is its number, in $v0 (ledger.h) */
	uint64_t f[TRACE_MAX_FIELDS] = { e->code, flags, trace_delta32(&r->last_badvaddr, bva),
		                         trace_delta32(&r->last_pc, pc),
		                         e->code == EXC_SYS ? m->cpu.gpr[CPU_V0] : 0 };
	emit(r, TRACE_REC_EXCEPTION, f, pc);
}

void trace_rec_priv(struct machine *m, uint32_t insn, uint32_t pc, uint32_t value)
{
	struct trace_recorder *r = m->rec;
	flush_insns(m);
	if (insn == INSN_TLBWR) /* the index it is about to write */
		value = cp0_random(m);
	else if (insn == INSN_TLBWI)
		value = m->cp0.index & ~TLB_INDEX_P;
	uint64_t f[TRACE_MAX_FIELDS] = { insn, trace_delta32(&r->last_pc, pc), value };
	emit(r, TRACE_REC_PRIV, f, pc);
	if (insn == INSN_ERET && r->holding)
		span_end(r);
}

void trace_rec_tlb_write(struct machine *m, unsigned index, const struct tlb_entry *e)
{
	uint64_t f[TRACE_MAX_FIELDS] = { index, e->pagemask, e->entryhi, e->entrylo0, e->entrylo1 };
	flush_insns(m);
	emit(m->rec, TRACE_REC_TLB_WRITE, f, 0);
	if (++m->rec->writes == RECHECK_WRITES)
		forget_pages(m);
}

void trace_rec_mark(struct machine *m, uint32_t service)
{
	uint64_t f[TRACE_MAX_FIELDS] = { service };
	flush_insns(m);
	not_plain(m->rec);
	trace_writer_record(m->rec->w, TRACE_REC_MARK, f);
}

void trace_rec_ref(struct machine *m, uint32_t va, enum mmu_access kind, bool faulted)
{
	struct trace_recorder *r = m->rec;
	uint32_t vpn = va >> 12;
	uint64_t f[TRACE_MAX_FIELDS] = { trace_delta32(&r->last_vpn, vpn),
		                         m->cp0.entryhi & TLB_ENTRYHI_ASID,
		                         trace_ref_kind_mode(kind, m->mode, faulted) };
	/* no INSNS before it: where a reference falls among the instructions
	 * changes nothing replay counts, and they are half a trace's records */
	emit(r, TRACE_REC_REF, f, 0); /* a refill's own references stay in it */
}

void trace_rec_device(struct machine *m, uint32_t va, unsigned size, bool store, uint32_t value)
{
	uint64_t f[TRACE_MAX_FIELDS] = { va, size | (store ? TRACE_DEVICE_STORE : 0), value };
	flush_insns(m);
	not_plain(m->rec);
	trace_writer_record(m->rec->w, TRACE_REC_DEVICE, f);
}
