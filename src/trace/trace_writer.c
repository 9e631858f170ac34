/* Writing traces (trace_io.h): records are encoded into a buffer and handed
 * to zlib in large pieces; the file is written under a temporary name and
 * renamed into place when complete, so a crash never leaves half a trace.
 *
 * Compressing is a fifth of what recording costs, and the simulator uses
 * one core: a thread of its own compresses one buffer while the recorder
 * fills the other.  The bytes are the same (zlib sees them in order); if
 * the thread cannot be started the recorder compresses them itself. */
#include "trace/trace_io.h"
#include "trace/worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define WRITE_BUFFER 65536

struct trace_writer {
	gzFile gz;
	uint8_t buf[2][WRITE_BUFFER];
	unsigned cur;  /* the buffer being filled */
	size_t used;
	/* the compressor thread and the buffer it has (pending_len bytes of
	 * buf[pending], 0: none); failed and both under lock */
	struct worker w;
	bool failed;
	unsigned pending;
	size_t pending_len;
	char path[4096], tmp[4200];
};

static void *compressor(void *arg)
{
	struct trace_writer *w = arg;
	pthread_mutex_lock(&w->w.lock);
	for (;;) {
		while (!w->pending_len && !w->w.stop)
			pthread_cond_wait(&w->w.cond, &w->w.lock);
		if (!w->pending_len)
			break;
		const uint8_t *b = w->buf[w->pending];
		size_t n = w->pending_len;
		pthread_mutex_unlock(&w->w.lock);
		bool ok = gzwrite(w->gz, b, (unsigned)n) == (int)n;
		pthread_mutex_lock(&w->w.lock);
		w->failed |= !ok;
		w->pending_len = 0;
		pthread_cond_broadcast(&w->w.cond);
	}
	pthread_mutex_unlock(&w->w.lock);
	return NULL;
}

/* Hand the filled buffer over (once the thread is done with the other). */
static void flush(struct trace_writer *w)
{
	if (!w->used)
		return;
	if (!w->w.running) {
		if (!w->failed && gzwrite(w->gz, w->buf[w->cur], (unsigned)w->used) != (int)w->used)
			w->failed = true;
		w->used = 0;
		return;
	}
	pthread_mutex_lock(&w->w.lock);
	while (w->pending_len)
		pthread_cond_wait(&w->w.cond, &w->w.lock);
	w->pending = w->cur;
	w->pending_len = w->used;
	pthread_cond_broadcast(&w->w.cond);
	pthread_mutex_unlock(&w->w.lock);
	w->cur ^= 1;
	w->used = 0;
}

/* Let the thread finish what it has and stop; true if nothing failed. */
static bool finish_thread(struct trace_writer *w)
{
	worker_stop(&w->w);
	return !w->failed;
}

static void put_byte(struct trace_writer *w, uint8_t b)
{
	if (w->used == WRITE_BUFFER)
		flush(w);
	w->buf[w->cur][w->used++] = b;
}

/* v as a varint at p (at most 10 bytes); returns the byte after it */
static inline uint8_t *encode_varint(uint8_t *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

static void put_varint(struct trace_writer *w, uint64_t v)
{
	if (WRITE_BUFFER - w->used < 10)
		flush(w);
	uint8_t *start = w->buf[w->cur];
	w->used = (size_t)(encode_varint(start + w->used, v) - start);
}

static unsigned varint_len(uint64_t v)
{
	unsigned n = 1;
	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

static void put_field_u(struct trace_writer *w, unsigned tag, uint64_t v)
{
	put_varint(w, tag);
	put_varint(w, varint_len(v));
	put_varint(w, v);
}

static void put_field_s(struct trace_writer *w, unsigned tag, const char *s)
{
	size_t n = strnlen(s, TRACE_MAX_STRING - 1);
	put_varint(w, tag);
	put_varint(w, n);
	for (size_t i = 0; i < n; i++)
		put_byte(w, (uint8_t)s[i]);
}

struct trace_writer *trace_writer_open(const char *path, const struct trace_header *h,
                                       char *err, size_t errlen)
{
	struct trace_writer *w = calloc(1, sizeof *w);
	if (!w) {
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	snprintf(w->path, sizeof w->path, "%s", path);
	snprintf(w->tmp, sizeof w->tmp, "%s.tmp%ld", path, (long)getpid());
	w->gz = gzopen(w->tmp, "wb1"); /* level 1: recording speed matters more than 20% of size */
	if (!w->gz) {
		snprintf(err, errlen, "%s: %s", path, errno ? strerror(errno) : "cannot create");
		free(w);
		return NULL;
	}
	worker_start(&w->w, compressor, w);
	for (int i = 0; i < TRACE_MAGIC_LEN; i++)
		put_byte(w, (uint8_t)TRACE_MAGIC[i]);
	put_varint(w, TRACE_VERSION);
	put_field_s(w, TRACE_HDR_VMMSIM_VERSION, h->vmmsim_version);
	put_field_u(w, TRACE_HDR_BIG_ENDIAN, h->big_endian);
	put_field_u(w, TRACE_HDR_MEM_BYTES, h->mem_bytes);
	put_field_u(w, TRACE_HDR_TLB_ENTRIES, h->tlb_entries);
	if (h->workload[0]) {
		put_field_s(w, TRACE_HDR_WORKLOAD, h->workload);
		put_field_u(w, TRACE_HDR_SEED, h->seed);
	}
	put_field_s(w, TRACE_HDR_PROGRAM, h->program);
	put_field_s(w, TRACE_HDR_CMDLINE, h->cmdline);
	put_field_s(w, TRACE_HDR_POLICY, h->policy);
	put_field_u(w, TRACE_HDR_REFILLS, h->refills);
	put_field_s(w, TRACE_HDR_SOURCE, h->source);
	if (h->image_end)
		put_field_u(w, TRACE_HDR_IMAGE_END, h->image_end);
	if (h->cost_model[0])
		put_field_s(w, TRACE_HDR_COST_MODEL, h->cost_model);
	put_varint(w, 0);
	return w;
}

void trace_writer_record(struct trace_writer *w, enum trace_record_kind kind,
                         const uint64_t *fields)
{
	/* room for the longest record, so that its bytes go in unchecked */
	if (WRITE_BUFFER - w->used < 1 + 10 * TRACE_MAX_FIELDS)
		flush(w);
	uint8_t *start = w->buf[w->cur], *p = start + w->used;
	*p++ = (uint8_t)kind;
	for (unsigned i = 0, n = trace_record_nfields(kind); i < n; i++)
		p = encode_varint(p, fields[i]);
	w->used = (size_t)(p - start);
}

bool trace_writer_close(struct trace_writer *w, uint64_t insns, uint64_t cycles, char *err,
                        size_t errlen)
{
	uint64_t end[2] = { insns, cycles };
	trace_writer_record(w, TRACE_REC_END, end);
	flush(w);
	bool ok = finish_thread(w);
	if (gzclose(w->gz) != Z_OK)
		ok = false;
	if (ok && rename(w->tmp, w->path) != 0)
		ok = false;
	if (!ok) {
		snprintf(err, errlen, "%s: %s", w->path, errno ? strerror(errno) : "write failed");
		unlink(w->tmp);
	}
	free(w);
	return ok;
}

void trace_writer_abort(struct trace_writer *w)
{
	if (!w)
		return;
	finish_thread(w);
	gzclose(w->gz);
	unlink(w->tmp);
	free(w);
}
