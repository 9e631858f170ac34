/* The modelled process and kernel of an imported trace (import_model.h,
 * traces/IMPORT.md), and the import itself: open the input and the trace,
 * run the format's parser, close.
 *
 * The records follow the vmmsim guest kernel's demand-zero path, as vmmsim
 * record writes it, so that replay treats an imported page fault like a
 * recorded one; the refills (header refills 0) are left to replay.
 */
#include "trace/import_model.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "config.h"
#include "sim/cp0.h"
#include "sim/services.h"
#include "tlb/tlb.h"
#include "trace/priv_insn.h"
#include "trace/trace_io.h"

#define PAGE_SHIFT 12
#define KUSEG_MASK 0x7fffffffu              /* host addresses fold into kuseg */
#define KUSEG_PAGES (1u << (31 - PAGE_SHIFT)) /* 2 GiB of 4 KiB pages */
#define USER_ASID 1
#define FIRST_PFN 0x400u /* the modelled kernel's page pool starts at 4 MiB */
#define ENTRYLO_CACHED (3u << 3)
#define LINE_MAX_BYTES 4096

/* The guest kernel's demand-zero handler, by INSNS class (alu load store
 * branch mult div priv), from exception entry to its eret, without the
 * privileged instructions (PRIV records of their own, below).  Measured:
 *   vmmsim record --workload pgfault -o p.vtr.gz   (seed 1, 64M, big-endian)
 * then averaging the INSNS records over the 2050 spans that start with a
 * TLBL/TLBS EXCEPTION followed by MARK 0x201 and end with the eret PRIV:
 * alu 4567191, load 181304, store 2243578, branch 2219009 in all, i.e.
 * 2227.9, 88.4, 1094.4 and 1082.4 per fault (mostly zeroing 1024 words),
 * plus 10 privileged instructions of which the model keeps the 5 below. */
static const uint64_t demand_zero_handler[REC_NCLASSES] = { 2228, 88, 1094, 1082, 0, 0, 0 };

/* The handler's TLB update, as PRIV records at a fixed kseg0 address. */
#define HANDLER_PC 0x80000180u

struct importer {
	const char *path;
	gzFile in;
	uint64_t line;
	char buf[LINE_MAX_BYTES + 2];
	struct trace_writer *w;

	uint64_t pending[REC_NCLASSES]; /* instructions not yet in an INSNS record */
	uint64_t insns_written;     /* the INSNS fields and PRIV records so far */
	bool in_insn, has_load, has_store;
	uint32_t pc; /* the current instruction's, folded */

	uint32_t last_vpn, last_pc, last_badvaddr; /* the records' deltas */
	bool fetch_seen, data_seen;
	uint32_t fetch_vpn, data_vpn;
	enum trace_ref_kind data_kind;

	uint32_t *pfn; /* per kuseg page: its frame, 0 while untouched */
	uint32_t next_pfn, end_pfn;
	uint64_t mem_bytes;
	struct import_summary *s;
};

/* ---- input ---- */

/* The next input line, without its line ending, in *line: 1, or 0 at the
 * end of the input, or -1 with err filled (a damaged gzip stream, a line
 * too long). */
static int next_line(struct importer *im, char **line, char *err, size_t errlen)
{
	if (!gzgets(im->in, im->buf, sizeof im->buf)) {
		int zerr;
		const char *msg = trace_zlib_message(gzerror(im->in, &zerr), im->path);
		if (zerr != Z_OK && zerr != Z_STREAM_END) {
			im->line++;
			import_error(im, err, errlen, "gzip stream: %s",
			             zerr == Z_ERRNO ? strerror(errno) : msg);
			return -1;
		}
		return 0;
	}
	im->line++;
	size_t n = strlen(im->buf);
	if (n && im->buf[n - 1] == '\n')
		im->buf[--n] = 0;
	else if (n > LINE_MAX_BYTES) {
		import_error(im, err, errlen, "longer than %d bytes", LINE_MAX_BYTES);
		return -1;
	}
	if (n && im->buf[n - 1] == '\r')
		im->buf[--n] = 0;
	*line = im->buf;
	return 1;
}

bool import_error(struct importer *im, char *err, size_t errlen, const char *fmt, ...)
{
	int n = snprintf(err, errlen, "%s: line %llu: ", im->path, (unsigned long long)im->line);
	if (n >= 0 && (size_t)n < errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return false;
}

bool import_parse_hex(const char **p, uint64_t *v)
{
	/* strtoull's number, but with no blanks or sign before it */
	if (!isxdigit((unsigned char)**p))
		return false;
	char *end;
	errno = 0;
	unsigned long long x = strtoull(*p, &end, 16);
	if (errno == ERANGE)
		return false;
	*v = x;
	*p = end;
	return true;
}

/* ---- records ---- */

/* Every record but INSNS is preceded by the instructions counted before it. */
static void flush_insns(struct importer *im)
{
	uint64_t any = 0;
	for (int i = 0; i < REC_NCLASSES; i++)
		any |= im->pending[i];
	if (!any)
		return;
	trace_writer_record(im->w, TRACE_REC_INSNS, im->pending);
	for (int i = 0; i < REC_NCLASSES; i++) {
		im->insns_written += im->pending[i];
		im->pending[i] = 0;
	}
}

static void put(struct importer *im, enum trace_record_kind kind, const uint64_t *f)
{
	if (kind != TRACE_REC_INSNS)
		flush_insns(im);
	trace_writer_record(im->w, kind, f);
	if (kind == TRACE_REC_INSNS)
		for (int i = 0; i < REC_NCLASSES; i++)
			im->insns_written += f[i];
	else if (kind == TRACE_REC_PRIV)
		im->insns_written++;
}

static void put_ref(struct importer *im, uint32_t vpn, enum trace_ref_kind kind, bool faulted)
{
	uint64_t f[3] = { trace_delta32(&im->last_vpn, vpn), USER_ASID,
		          trace_ref_kind_mode(kind, TLB_MODE_USER, faulted) };
	put(im, TRACE_REC_REF, f);
	im->s->ref_records++;
}

static uint32_t entrylo_of(const struct importer *im, uint32_t vpn)
{
	uint32_t pfn = im->pfn[vpn];
	return pfn ? pfn << 6 | ENTRYLO_CACHED | TLB_ENTRYLO_D | TLB_ENTRYLO_V : 0;
}

static void put_priv(struct importer *im, unsigned i, uint32_t insn, uint32_t value)
{
	uint64_t f[3] = { insn, trace_delta32(&im->last_pc, HANDLER_PC + 4 * i), value };
	put(im, TRACE_REC_PRIV, f);
}

/* The first touch of a page: the guest kernel's demand-zero fault (a fresh
 * frame from the pool, mapped dirty and valid). */
static bool demand_zero(struct importer *im, uint32_t addr, uint32_t vpn, enum trace_ref_kind kind,
                        char *err, size_t errlen)
{
	if (im->next_pfn >= im->end_pfn)
		return import_error(im, err, errlen,
		                    "the modelled kernel is out of memory: more than %u pages touched "
		                    "(--mem %llu MiB, frames from 4 MiB up)",
		                    im->end_pfn > FIRST_PFN ? im->end_pfn - FIRST_PFN : 0,
		                    (unsigned long long)(im->mem_bytes >> 20));
	put_ref(im, vpn, kind, false); /* replay's TLB misses and refills an invalid entry */
	put_ref(im, vpn, kind, true);
	uint64_t exc[5] = { kind == TRACE_REF_STORE ? EXC_TLBS : EXC_TLBL,
		            TRACE_EXC_TLB | TRACE_EXC_BADVADDR, trace_delta32(&im->last_badvaddr, addr),
		            trace_delta32(&im->last_pc, im->pc), 0 };
	put(im, TRACE_REC_EXCEPTION, exc);
	uint64_t mark[1] = { SERVICE_DEMAND_ZERO };
	put(im, TRACE_REC_MARK, mark);
	put(im, TRACE_REC_INSNS, demand_zero_handler);
	im->pfn[vpn] = im->next_pfn++;
	uint64_t pte[3] = { vpn, USER_ASID, entrylo_of(im, vpn) };
	put(im, TRACE_REC_PTE, pte);
	put_priv(im, 0, INSN_MTC0(26, CP0_ENTRYLO0), entrylo_of(im, vpn & ~1u));
	put_priv(im, 1, INSN_MTC0(26, CP0_ENTRYLO1), entrylo_of(im, vpn | 1u));
	put_priv(im, 2, INSN_TLBP, 0);
	put_priv(im, 3, INSN_TLBWI, 0);
	put_priv(im, 4, INSN_ERET, 0);
	im->s->pages++;
	return true;
}

/* One access: a REF when it may reach the TLB (a new page for fetches, a
 * new page or kind for data), the page fault on a first touch. */
static bool touch(struct importer *im, uint64_t host_addr, enum trace_ref_kind kind, char *err,
                   size_t errlen)
{
	uint32_t addr = (uint32_t)host_addr & KUSEG_MASK;
	uint32_t vpn = addr >> PAGE_SHIFT;
	bool fetch = kind == TRACE_REF_FETCH;
	im->s->references++;
	if (!im->pfn[vpn]) {
		if (!demand_zero(im, addr, vpn, kind, err, errlen))
			return false;
	} else if (fetch ? !im->fetch_seen || vpn != im->fetch_vpn
	                 : !im->data_seen || vpn != im->data_vpn || kind != im->data_kind) {
		put_ref(im, vpn, kind, false);
	}
	if (fetch) {
		im->fetch_seen = true;
		im->fetch_vpn = vpn;
	} else {
		im->data_seen = true;
		im->data_vpn = vpn;
		im->data_kind = kind;
	}
	return true;
}

/* Count one instruction by class; an INSNS field never exceeds 32 bits. */
static void count_insn(struct importer *im, bool load, bool store)
{
	uint64_t *c = &im->pending[store ? REC_STORE : load ? REC_LOAD : REC_ALU];
	if (*c == UINT32_MAX)
		flush_insns(im);
	++*c;
	im->s->instructions++;
}

static void end_insn(struct importer *im)
{
	if (im->in_insn)
		count_insn(im, im->has_load, im->has_store);
	im->in_insn = false;
}

bool import_insn(struct importer *im, uint64_t pc, char *err, size_t errlen)
{
	end_insn(im);
	im->in_insn = true;
	im->has_load = im->has_store = false;
	im->pc = (uint32_t)pc & KUSEG_MASK;
	return touch(im, pc, TRACE_REF_FETCH, err, errlen);
}

bool import_data(struct importer *im, uint64_t addr, enum trace_ref_kind kind, char *err,
                 size_t errlen)
{
	if (!im->in_insn) {
		/* no fetch before it: an instruction of its own, at pc 0 */
		im->pc = 0;
		if (!touch(im, addr, kind, err, errlen))
			return false;
		count_insn(im, kind == TRACE_REF_LOAD, kind == TRACE_REF_STORE);
		return true;
	}
	if (kind == TRACE_REF_STORE)
		im->has_store = true;
	else
		im->has_load = true;
	return touch(im, addr, kind, err, errlen);
}

/* ---- the import ---- */

bool import_trace(const struct import_format *f, const char *input, const char *output,
                  uint64_t mem_bytes, struct import_summary *s, bool *write_failed, char *err,
                  size_t errlen)
{
	static struct trace_header h; /* its strings are large */
	memset(&h, 0, sizeof h);
	memset(s, 0, sizeof *s);
	*write_failed = false;
	snprintf(h.vmmsim_version, sizeof h.vmmsim_version, "%s", PACKAGE_VERSION);
	snprintf(h.source, sizeof h.source, "%s", f->name);
	snprintf(h.program, sizeof h.program, "%s", input);
	snprintf(h.policy, sizeof h.policy, "native");
	h.big_endian = 1;
	h.mem_bytes = mem_bytes;
	h.tlb_entries = TLB_DEFAULT_ENTRIES;
	h.refills = 0;

	struct importer *im = calloc(1, sizeof *im);
	uint32_t *pfn = calloc(KUSEG_PAGES, sizeof *pfn);
	if (!im || !pfn) {
		free(im);
		free(pfn);
		snprintf(err, errlen, "%s: out of memory", input);
		return false;
	}
	im->path = input;
	im->pfn = pfn;
	im->next_pfn = FIRST_PFN;
	im->end_pfn = (uint32_t)(mem_bytes >> PAGE_SHIFT);
	im->mem_bytes = mem_bytes;
	im->s = s;
	bool ok = false;
	errno = 0;
	im->in = gzopen(input, "rb");
	if (!im->in) {
		snprintf(err, errlen, "%s: %s", input, errno ? strerror(errno) : "cannot open");
		goto out;
	}
	im->w = trace_writer_open(output, &h, err, errlen);
	if (!im->w) {
		*write_failed = true;
		goto out;
	}
	char *line;
	int rc;
	while ((rc = next_line(im, &line, err, errlen)) == 1)
		if (*import_skip_blanks(line) && !f->parse_line(im, line, err, errlen))
			goto out;
	if (rc < 0)
		goto out;
	end_insn(im);
	if (s->references == 0) {
		im->line++;
		import_error(im, err, errlen, "the input ends without a memory reference");
		goto out;
	}
	flush_insns(im);
	s->no_fetches = !im->fetch_seen;
	s->kernel_instructions = im->insns_written - s->instructions;
	ok = trace_writer_close(im->w, im->insns_written, 0, err, errlen);
	im->w = NULL;
	if (!ok)
		*write_failed = true;
out:
	trace_writer_abort(im->w);
	if (im->in)
		gzclose(im->in);
	free(im->pfn);
	free(im);
	return ok;
}
