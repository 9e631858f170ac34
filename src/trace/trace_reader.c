/* Reading traces (trace_io.h).
 *
 * Inflating is a fifth of what replay costs, and replay uses one core: a
 * thread of its own inflates the next chunk while the records of this one
 * are read (reading from memory, there is none). */
#include "trace/trace_io.h"
#include "trace/worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#define READ_CHUNK 65536
#define NOT_READY (-2)

struct trace_reader {
	gzFile gz;             /* NULL when reading from memory */
	const uint8_t *mem;    /* the memory buffer, or the chunk read from gz */
	size_t mem_len, pos;   /* bytes available in mem, next to read */
	uint64_t base;         /* stream offset of mem[0] */
	uint8_t *chunk[2];
	bool ended;
	char name[256];
	/* the inflating thread fills chunk[filling] and sets ready to what
	 * gzread returned (NOT_READY while it works); under lock */
	struct worker w;
	unsigned filling;
	int ready;
};

static void *inflater(void *arg)
{
	struct trace_reader *r = arg;
	pthread_mutex_lock(&r->w.lock);
	for (;;) {
		while (r->ready != NOT_READY && !r->w.stop)
			pthread_cond_wait(&r->w.cond, &r->w.lock);
		if (r->w.stop)
			break;
		uint8_t *c = r->chunk[r->filling];
		pthread_mutex_unlock(&r->w.lock);
		int n = gzread(r->gz, c, READ_CHUNK);
		pthread_mutex_lock(&r->w.lock);
		r->ready = n;
		pthread_cond_broadcast(&r->w.cond);
		if (n <= 0)
			break; /* the end, or damage: nothing more to read */
	}
	pthread_mutex_unlock(&r->w.lock);
	return NULL;
}

/* The next chunk of inflated bytes into *c: gzread's result. */
static int next_chunk(struct trace_reader *r, uint8_t **c)
{
	if (!r->w.running) {
		*c = r->chunk[0];
		return gzread(r->gz, *c, READ_CHUNK);
	}
	pthread_mutex_lock(&r->w.lock);
	while (r->ready == NOT_READY)
		pthread_cond_wait(&r->w.cond, &r->w.lock);
	int n = r->ready;
	*c = r->chunk[r->filling];
	if (n > 0) { /* the thread goes on into the other chunk */
		r->filling ^= 1;
		r->ready = NOT_READY;
		pthread_cond_broadcast(&r->w.cond);
	}
	pthread_mutex_unlock(&r->w.lock);
	return n;
}

static uint64_t offset_of(const struct trace_reader *r)
{
	return r->base + r->pos;
}

/* Make at least one byte available; false at the end of the stream (err
 * set only for a damaged stream). */
static bool refill(struct trace_reader *r, char *err, size_t errlen)
{
	if (r->pos < r->mem_len)
		return true;
	if (!r->gz)
		return false;
	r->base += r->mem_len;
	uint8_t *c;
	int n = next_chunk(r, &c);
	if (n < 0) { /* the thread, if any, has stopped: gz is this thread's */
		int code;
		const char *msg = trace_zlib_message(gzerror(r->gz, &code), r->name);
		snprintf(err, errlen, "%s: byte %llu: damaged compressed data at or after this byte (%s)",
		         r->name, (unsigned long long)r->base, msg);
		r->mem_len = r->pos = 0;
		return false;
	}
	r->mem = c;
	r->mem_len = (size_t)n;
	r->pos = 0;
	return n > 0;
}

static int get_byte(struct trace_reader *r, uint8_t *b, const char *what, char *err,
                    size_t errlen)
{
	err[0] = 0;
	if (!refill(r, err, errlen)) {
		if (!err[0])
			snprintf(err, errlen, "%s: byte %llu: the file ends inside %s (truncated?)",
			         r->name, (unsigned long long)offset_of(r), what);
		return -1;
	}
	*b = r->mem[r->pos++];
	return 0;
}

/* One varint byte by byte, with its checks: the header's, and a record's
 * where decode_buffered cannot take it. */
static int get_varint(struct trace_reader *r, uint64_t *v, const char *what, char *err,
                      size_t errlen)
{
	uint64_t at = offset_of(r), x = 0;
	for (unsigned shift = 0; shift < 70; shift += 7) {
		uint8_t b;
		if (get_byte(r, &b, what, err, errlen) != 0)
			return -1;
		if (shift == 63 && b > 1)
			break;
		x |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*v = x;
			return 0;
		}
	}
	snprintf(err, errlen, "%s: byte %llu: %s is not a valid varint (over 64 bits)", r->name,
	         (unsigned long long)at, what);
	return -1;
}

static int get_bytes(struct trace_reader *r, char *dst, size_t n, const char *what, char *err,
                     size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t b;
		if (get_byte(r, &b, what, err, errlen) != 0)
			return -1;
		dst[i] = (char)b;
	}
	return 0;
}

static int read_string(struct trace_reader *r, uint64_t len, char *dst, size_t cap,
                       const char *what, uint64_t at, char *err, size_t errlen)
{
	if (len >= cap) {
		snprintf(err, errlen, "%s: byte %llu: %s is %llu bytes, longer than %zu", r->name,
		         (unsigned long long)at, what, (unsigned long long)len, cap - 1);
		return -1;
	}
	if (get_bytes(r, dst, (size_t)len, what, err, errlen) != 0)
		return -1;
	dst[len] = 0;
	if (memchr(dst, 0, (size_t)len)) {
		snprintf(err, errlen, "%s: byte %llu: %s holds a NUL byte", r->name,
		         (unsigned long long)at, what);
		return -1;
	}
	return 0;
}

static int read_u(struct trace_reader *r, uint64_t len, uint64_t *dst, uint64_t at, char *err,
                  size_t errlen)
{
	uint64_t start = offset_of(r);
	if (get_varint(r, dst, "a header number", err, errlen) != 0)
		return -1;
	if (offset_of(r) - start != len) {
		snprintf(err, errlen, "%s: byte %llu: header field length %llu does not match its number",
		         r->name, (unsigned long long)at, (unsigned long long)len);
		return -1;
	}
	return 0;
}

static int read_header(struct trace_reader *r, struct trace_header *h, char *err, size_t errlen)
{
	char magic[TRACE_MAGIC_LEN];
	memset(h, 0, sizeof *h);
	if (get_bytes(r, magic, TRACE_MAGIC_LEN, "the magic number", err, errlen) != 0)
		return -1;
	if (memcmp(magic, TRACE_MAGIC, TRACE_MAGIC_LEN) != 0) {
		snprintf(err, errlen, "%s: byte 0: wrong magic number: not a vmmsim trace", r->name);
		return -1;
	}
	if (get_varint(r, &h->version, "the version", err, errlen) != 0)
		return -1;
	if (h->version != TRACE_VERSION) {
		snprintf(err, errlen, "%s: byte %d: trace format version %llu; this vmmsim reads version %d%s",
		         r->name, TRACE_MAGIC_LEN, (unsigned long long)h->version, TRACE_VERSION,
		         h->version && h->version < TRACE_VERSION ? " (record the trace again)" : "");
		return -1;
	}
	for (;;) {
		uint64_t at = offset_of(r), tag, len;
		if (get_varint(r, &tag, "a header tag", err, errlen) != 0)
			return -1;
		if (tag == 0)
			return 0;
		if (get_varint(r, &len, "a header length", err, errlen) != 0)
			return -1;
		int rc;
		switch (tag) {
#define READ_FIELD_s(member)                                                                       \
	rc = read_string(r, len, h->member, sizeof h->member, "header field " #member, at, err,  \
	                 errlen)
#define READ_FIELD_u(member) rc = read_u(r, len, &h->member, at, err, errlen)
#define READ_FIELD(name, tag, kind, member)                                                        \
	case TRACE_HDR_##name:                                                                     \
		READ_FIELD_##kind(member);                                                         \
		break;
		TRACE_HEADER_FIELDS(READ_FIELD)
#undef READ_FIELD
#undef READ_FIELD_s
#undef READ_FIELD_u
		default: /* a field of a newer minor revision: skip it */
			rc = 0;
			for (uint64_t i = 0; i < len && rc == 0; i++) {
				uint8_t b;
				rc = get_byte(r, &b, "an unknown header field", err, errlen);
			}
		}
		if (rc != 0)
			return -1;
	}
}

static struct trace_reader *reader_new(const char *name)
{
	struct trace_reader *r = calloc(1, sizeof *r);
	if (r)
		snprintf(r->name, sizeof r->name, "%s", name);
	return r;
}

struct trace_reader *trace_reader_open(const char *path, struct trace_header *h, char *err,
                                       size_t errlen)
{
	struct trace_reader *r = reader_new(path);
	if (!r || !(r->chunk[0] = malloc(READ_CHUNK)) || !(r->chunk[1] = malloc(READ_CHUNK))) {
		snprintf(err, errlen, "%s: out of memory", path);
		trace_reader_close(r);
		return NULL;
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		trace_reader_close(r);
		return NULL;
	}
	r->gz = gzopen(path, "rb");
	if (!r->gz) {
		snprintf(err, errlen, "%s: %s", path, errno ? strerror(errno) : "cannot open");
		trace_reader_close(r);
		return NULL;
	}
	r->ready = NOT_READY;
	worker_start(&r->w, inflater, r);
	if (read_header(r, h, err, errlen) != 0) {
		trace_reader_close(r);
		return NULL;
	}
	return r;
}

struct trace_reader *trace_reader_open_memory(const uint8_t *data, size_t len, const char *name,
                                              struct trace_header *h, char *err, size_t errlen)
{
	struct trace_reader *r = reader_new(name);
	if (!r) {
		snprintf(err, errlen, "%s: out of memory", name);
		return NULL;
	}
	r->mem = data;
	r->mem_len = len;
	if (read_header(r, h, err, errlen) != 0) {
		trace_reader_close(r);
		return NULL;
	}
	return r;
}

/* The fields of rec straight from the buffer when all of them are there and
 * none is longer than 9 bytes (63 bits): the common case, read at the speed
 * replay needs.  False (nothing consumed) otherwise: get_varint then reads
 * them one by one, with its checks and messages. */
static bool decode_buffered(struct trace_reader *r, struct trace_record *rec)
{
	if (r->mem_len - r->pos < TRACE_MAX_FIELDS * 10)
		return false;
	const uint8_t *p = r->mem + r->pos;
	for (unsigned i = 0; i < rec->nfields; i++) {
		if (!(p[0] & 0x80)) { /* most fields are one byte */
			rec->field[i] = p[0];
			p++;
			continue;
		}
		uint64_t x = p[0] & 0x7f;
		unsigned k = 1;
		uint8_t b;
		do {
			if (k == 9)
				return false;
			b = p[k];
			x |= (uint64_t)(b & 0x7f) << (7 * k);
			k++;
		} while (b & 0x80);
		rec->field[i] = x;
		p += k;
	}
	r->pos = (size_t)(p - r->mem);
	return true;
}

/* Fields whose range the format fixes (trace_format.h): one error naming the
 * record and the field, so that no consumer sees a value it cannot hold. */
static int check_range(struct trace_reader *r, const struct trace_record *rec, char *err,
                       size_t errlen)
{
	/* the limit of each field (0: none), and its name for the message */
#define U32 UINT32_MAX
	static const struct {
		uint64_t max[TRACE_MAX_FIELDS];
		const char *name[TRACE_MAX_FIELDS];
	} limits[TRACE_NKINDS] = {
		[TRACE_REC_INSNS] = { { U32, U32, U32, U32, U32, U32, U32 } },
		[TRACE_REC_EXCEPTION] = { { 31, TRACE_EXC_FLAGS_MAX, 0, 0, U32 },
		                          { "code", "flags", 0, 0, "v0" } },
		[TRACE_REC_PRIV] = { { U32, 0, U32 }, { "insn", 0, "value" } },
		[TRACE_REC_MARK] = { { U32 }, { "service" } },
		[TRACE_REC_REF] = { { 0, 255, TRACE_REF_KIND_MODE_MAX }, { 0, "asid", "kind_mode" } },
		[TRACE_REC_TLB_WRITE] = { { 63, U32, U32, U32, U32 },
		                          { "index", "pagemask", "entryhi", "entrylo0", "entrylo1" } },
		[TRACE_REC_PTE] = { { 0xfffff, 255, U32 }, { "vpn", "asid", "entrylo" } },
		[TRACE_REC_DEVICE] = { { U32, 15, U32 }, { "vaddr", "access", "value" } },
		[TRACE_REC_PAGE_HASH] = { { 0xfffff }, { "ppn" } },
		[TRACE_REC_REFILL] = { { 31, TRACE_REFILL_FLAGS_MAX, 0, 0, U32, U32, 63 },
		                       { "code", "flags", 0, 0, "entrylo0", "entrylo1", "index" } },
	};
#undef U32
	for (unsigned i = 0; i < rec->nfields; i++) {
		uint64_t max = limits[rec->kind].max[i];
		if (!max || rec->field[i] <= max)
			continue;
		if (rec->kind == TRACE_REC_INSNS)
			snprintf(err, errlen,
			         "%s: byte %llu: INSNS field %u is %llu, more than one record may hold",
			         r->name, (unsigned long long)rec->offset, i,
			         (unsigned long long)rec->field[i]);
		else
			snprintf(err, errlen, "%s: byte %llu: %s %s %llu is out of range (at most %llu)",
			         r->name, (unsigned long long)rec->offset, trace_record_name(rec->kind),
			         limits[rec->kind].name[i], (unsigned long long)rec->field[i],
			         (unsigned long long)max);
		return -1;
	}
	if (rec->kind == TRACE_REC_DEVICE && (rec->field[1] & 7) != 1 && (rec->field[1] & 7) != 2 &&
	    (rec->field[1] & 7) != 4) {
		snprintf(err, errlen, "%s: byte %llu: DEVICE access %llu names no size", r->name,
		         (unsigned long long)rec->offset, (unsigned long long)rec->field[1]);
		return -1;
	}
	if (rec->kind == TRACE_REC_REF &&
	    (trace_ref_mode(rec->field[2]) > 2 || trace_ref_kind(rec->field[2]) > 2)) {
		snprintf(err, errlen, "%s: byte %llu: REF kind_mode %llu names no kind or mode", r->name,
		         (unsigned long long)rec->offset, (unsigned long long)rec->field[2]);
		return -1;
	}
	return 0;
}

int trace_reader_next(struct trace_reader *r, struct trace_record *rec, char *err,
                      size_t errlen)
{
	if (r->ended)
		return 0;
	uint8_t kind;
	rec->offset = offset_of(r);
	if (r->pos < r->mem_len) /* the common case, without the call */
		kind = r->mem[r->pos++];
	else if (get_byte(r, &kind, "a record (no END record)", err, errlen) != 0)
		return -1;
	if (kind >= TRACE_NKINDS) {
		snprintf(err, errlen, "%s: byte %llu: record kind %u is unknown", r->name,
		         (unsigned long long)rec->offset, kind);
		return -1;
	}
	rec->kind = (enum trace_record_kind)kind;
	rec->nfields = trace_record_nfields(rec->kind);
	if (!decode_buffered(r, rec))
		for (unsigned i = 0; i < rec->nfields; i++)
			if (get_varint(r, &rec->field[i], trace_record_name(rec->kind), err, errlen) != 0)
				return -1;
	if (check_range(r, rec, err, errlen) != 0)
		return -1;
	if (rec->kind == TRACE_REC_END) {
		r->ended = true;
		err[0] = 0;
		if (refill(r, err, errlen)) {
			snprintf(err, errlen, "%s: byte %llu: data after the END record", r->name,
			         (unsigned long long)offset_of(r));
			return -1;
		}
		if (err[0])
			return -1;
	}
	return 1;
}

void trace_reader_close(struct trace_reader *r)
{
	if (!r)
		return;
	worker_stop(&r->w);
	if (r->gz)
		gzclose(r->gz);
	free(r->chunk[0]);
	free(r->chunk[1]);
	free(r);
}

const char *trace_record_name(enum trace_record_kind kind)
{
	static const char *const names[TRACE_NKINDS] = {
#define TRACE_RECORD_NAME(name, byte, nfields, fields) [byte] = #name,
		TRACE_RECORDS(TRACE_RECORD_NAME)
#undef TRACE_RECORD_NAME
	};
	return (unsigned)kind < TRACE_NKINDS ? names[kind] : "?";
}
