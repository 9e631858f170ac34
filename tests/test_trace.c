/* The trace container: round trip (the version 2 records too), the range of
 * every field the format fixes, and every kind of damage reported with the
 * file and the byte offset, never a crash or a hang. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "trace/trace_io.h"
#include "unit.h"

static char path[256];
static struct trace_header hdr;

static void write_sample(const char *p, unsigned nrefs)
{
	struct trace_header h = { .big_endian = 1, .mem_bytes = 64u << 20, .tlb_entries = 48,
		                  .seed = 7 };
	strcpy(h.vmmsim_version, "test");
	strcpy(h.workload, "pmake");
	strcpy(h.program, "vmunix");
	strcpy(h.cmdline, "pmake seed=7");
	strcpy(h.policy, "native");
	char err[256];
	struct trace_writer *w = trace_writer_open(p, &h, err, sizeof err);
	ck_assert_msg(w != NULL, "%s", err);
	uint64_t insns[7] = { 10, 2, 3, 4, 0, 0, 1 };
	trace_writer_record(w, TRACE_REC_INSNS, insns);
	for (unsigned i = 0; i < nrefs; i++) {
		uint64_t ref[3] = { trace_zigzag((int64_t)i - 5), 3, 2 };
		trace_writer_record(w, TRACE_REC_REF, ref);
	}
	uint64_t tlbw[5] = { 5, 0, 0x00400003u, 0x1f, 0x5f };
	trace_writer_record(w, TRACE_REC_TLB_WRITE, tlbw);
	ck_assert_msg(trace_writer_close(w, 20, 25, err, sizeof err), "%s", err);
}

static void setup(void)
{
	snprintf(path, sizeof path, "/tmp/test_trace.%d.vtr.gz", (int)getpid());
}

static void teardown(void)
{
	unlink(path);
}

START_TEST(round_trip)
{
	char err[256];
	write_sample(path, 1000);
	struct trace_reader *r = trace_reader_open(path, &hdr, err, sizeof err);
	ck_assert_msg(r != NULL, "%s", err);
	ck_assert_str_eq(hdr.workload, "pmake");
	ck_assert_str_eq(hdr.cmdline, "pmake seed=7");
	ck_assert_uint_eq(hdr.tlb_entries, 48);
	ck_assert_uint_eq(hdr.mem_bytes, 64u << 20);
	ck_assert_uint_eq(hdr.seed, 7);
	struct trace_record rec;
	ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 1);
	ck_assert_int_eq(rec.kind, TRACE_REC_INSNS);
	ck_assert_uint_eq(rec.field[0], 10);
	for (unsigned i = 0; i < 1000; i++) {
		ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 1);
		ck_assert_int_eq(rec.kind, TRACE_REC_REF);
		ck_assert_int_eq(trace_unzigzag(rec.field[0]), (int64_t)i - 5);
	}
	ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 1);
	ck_assert_int_eq(rec.kind, TRACE_REC_TLB_WRITE);
	ck_assert_uint_eq(rec.field[2], 0x00400003u);
	ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 1);
	ck_assert_int_eq(rec.kind, TRACE_REC_END);
	ck_assert_uint_eq(rec.field[1], 25);
	ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 0);
	trace_reader_close(r);
}
END_TEST

/* The uncompressed bytes of the sample trace. */
static uint8_t *sample_bytes(size_t *len)
{
	write_sample(path, 10);
	gzFile gz = gzopen(path, "rb");
	uint8_t *buf = malloc(1 << 16);
	int n = gzread(gz, buf, 1 << 16);
	gzclose(gz);
	ck_assert_int_gt(n, 0);
	*len = (size_t)n;
	return buf;
}

/* Read a buffer to its end; returns the error text (static) or "" when fine. */
static const char *read_all(const uint8_t *buf, size_t len)
{
	static char err[256];
	err[0] = 0;
	struct trace_reader *r = trace_reader_open_memory(buf, len, "t.vtr", &hdr, err, sizeof err);
	if (!r)
		return err;
	struct trace_record rec;
	int rc;
	while ((rc = trace_reader_next(r, &rec, err, sizeof err)) == 1)
		;
	trace_reader_close(r);
	return rc < 0 ? err : "";
}

START_TEST(every_truncation_is_an_error)
{
	size_t len;
	uint8_t *buf = sample_bytes(&len);
	ck_assert_str_eq(read_all(buf, len), "");
	for (size_t cut = 0; cut < len; cut++) {
		const char *e = read_all(buf, cut);
		ck_assert_msg(strncmp(e, "t.vtr: byte ", 12) == 0, "cut %zu: '%s'", cut, e);
	}
	free(buf);
}
END_TEST

START_TEST(damage_is_named)
{
	size_t len;
	uint8_t *buf = sample_bytes(&len);
	buf[0] = 'X';
	ck_assert_str_eq(read_all(buf, len), "t.vtr: byte 0: wrong magic number: not a vmmsim trace");
	buf[0] = 'V';
	buf[8] = 9; /* version */
	ck_assert_str_eq(read_all(buf, len),
	                 "t.vtr: byte 8: trace format version 9; this vmmsim reads version 2");
	free(buf);

	/* an unknown record kind, and bytes after END */
	uint8_t bad[64];
	size_t n;
	buf = sample_bytes(&n);
	memcpy(bad, buf, n < 40 ? n : 40);
	free(buf);
	static const uint8_t head[] = { 'V', 'M', 'M', 'S', 'I', 'M', 'T', 'R', 2, 0 };
	memcpy(bad, head, sizeof head);
	bad[10] = 99;
	ck_assert_str_eq(read_all(bad, 11), "t.vtr: byte 10: record kind 99 is unknown");
	bad[10] = TRACE_REC_END;
	bad[11] = 0;
	bad[12] = 0;
	bad[13] = 7;
	ck_assert_str_eq(read_all(bad, 14), "t.vtr: byte 13: data after the END record");
	/* a varint that never ends within 64 bits */
	bad[10] = TRACE_REC_MARK;
	memset(bad + 11, 0xff, 11);
	ck_assert_str_eq(read_all(bad, 22), "t.vtr: byte 11: MARK is not a valid varint (over 64 bits)");
}
END_TEST

/* A minimal trace in memory: magic, version, empty header, one record of
 * kind with fields f, then END 0 0.  Returns the length. */
static size_t one_record(uint8_t *buf, enum trace_record_kind kind, const uint64_t *f)
{
	static const uint8_t head[] = { 'V', 'M', 'M', 'S', 'I', 'M', 'T', 'R', TRACE_VERSION, 0 };
	size_t n = sizeof head;
	memcpy(buf, head, n);
	buf[n++] = (uint8_t)kind;
	for (unsigned i = 0; i < trace_record_nfields(kind); i++) {
		uint64_t v = f[i];
		do {
			buf[n++] = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
			v >>= 7;
		} while (v);
	}
	buf[n++] = TRACE_REC_END;
	buf[n++] = 0;
	buf[n++] = 0;
	return n;
}

/* Each field whose range the format fixes (check_range in trace_reader.c):
 * the largest value reads, one more is refused, naming the record, the field
 * and the limit at the record's offset.  base: fields valid otherwise. */
static const struct range_case {
	enum trace_record_kind kind;
	unsigned field;
	const char *name;
	uint64_t max;
	uint64_t base[TRACE_MAX_FIELDS];
} range_cases[] = {
	{ TRACE_REC_EXCEPTION, 0, "code", 31, { 0 } },
	{ TRACE_REC_EXCEPTION, 1, "flags", TRACE_EXC_FLAGS_MAX, { 0 } },
	{ TRACE_REC_EXCEPTION, 4, "v0", UINT32_MAX, { 0 } },
	{ TRACE_REC_PRIV, 0, "insn", UINT32_MAX, { 0 } },
	{ TRACE_REC_PRIV, 2, "value", UINT32_MAX, { 0 } },
	{ TRACE_REC_MARK, 0, "service", UINT32_MAX, { 0 } },
	{ TRACE_REC_REF, 1, "asid", 255, { 0 } },
	{ TRACE_REC_TLB_WRITE, 0, "index", 63, { 0 } },
	{ TRACE_REC_TLB_WRITE, 1, "pagemask", UINT32_MAX, { 0 } },
	{ TRACE_REC_TLB_WRITE, 2, "entryhi", UINT32_MAX, { 0 } },
	{ TRACE_REC_TLB_WRITE, 3, "entrylo0", UINT32_MAX, { 0 } },
	{ TRACE_REC_TLB_WRITE, 4, "entrylo1", UINT32_MAX, { 0 } },
	{ TRACE_REC_PTE, 0, "vpn", 0xfffff, { 0 } },
	{ TRACE_REC_PTE, 1, "asid", 255, { 0 } },
	{ TRACE_REC_PTE, 2, "entrylo", UINT32_MAX, { 0 } },
	{ TRACE_REC_DEVICE, 0, "vaddr", UINT32_MAX, { 0, 4 } },
	{ TRACE_REC_DEVICE, 2, "value", UINT32_MAX, { 0, 4 } },
	{ TRACE_REC_PAGE_HASH, 0, "ppn", 0xfffff, { 0 } },
	{ TRACE_REC_REFILL, 0, "code", 31, { 0 } },
	{ TRACE_REC_REFILL, 1, "flags", TRACE_REFILL_FLAGS_MAX, { 0 } },
	{ TRACE_REC_REFILL, 4, "entrylo0", UINT32_MAX, { 0 } },
	{ TRACE_REC_REFILL, 5, "entrylo1", UINT32_MAX, { 0 } },
	{ TRACE_REC_REFILL, 6, "index", 63, { 0 } },
};

START_TEST(range_checked_fields)
{
	const struct range_case *c = &range_cases[_i];
	uint8_t buf[128];
	uint64_t f[TRACE_MAX_FIELDS];
	char want[256];
	memcpy(f, c->base, sizeof f);
	f[c->field] = c->max;
	const char *e = read_all(buf, one_record(buf, c->kind, f));
	ck_assert_msg(!strcmp(e, ""), "%s %s at its maximum: %s", trace_record_name(c->kind), c->name, e);
	f[c->field] = c->max + 1;
	snprintf(want, sizeof want, "t.vtr: byte 10: %s %s %llu is out of range (at most %llu)",
	         trace_record_name(c->kind), c->name, (unsigned long long)c->max + 1,
	         (unsigned long long)c->max);
	ck_assert_str_eq(read_all(buf, one_record(buf, c->kind, f)), want);
}
END_TEST

/* The fields that are codes, not numbers: DEVICE's size, REF's kind and
 * mode, and INSNS counts a record may hold. */
START_TEST(coded_fields)
{
	uint8_t buf[128];
	for (uint64_t access = 0; access < 16; access++) {
		uint64_t f[TRACE_MAX_FIELDS] = { 0xbfd00000u, access, 0 };
		unsigned size = (unsigned)access & 7;
		const char *e = read_all(buf, one_record(buf, TRACE_REC_DEVICE, f));
		if (size == 1 || size == 2 || size == 4)
			ck_assert_msg(!strcmp(e, ""), "DEVICE access %llu: %s", (unsigned long long)access, e);
		else
			ck_assert_msg(strstr(e, "t.vtr: byte 10: DEVICE access ") == e &&
			                      strstr(e, "names no size"),
			              "DEVICE access %llu: '%s'", (unsigned long long)access, e);
	}
	uint64_t dev[TRACE_MAX_FIELDS] = { 0, 16, 0 };
	ck_assert_str_eq(read_all(buf, one_record(buf, TRACE_REC_DEVICE, dev)),
	                 "t.vtr: byte 10: DEVICE access 16 is out of range (at most 15)");
	for (uint64_t km = 0; km <= TRACE_REF_KIND_MODE_MAX + 1; km++) {
		uint64_t f[TRACE_MAX_FIELDS] = { 0, 1, km };
		const char *e = read_all(buf, one_record(buf, TRACE_REC_REF, f));
		if (km > TRACE_REF_KIND_MODE_MAX)
			ck_assert_str_eq(e, "t.vtr: byte 10: REF kind_mode 32 is out of range (at most 31)");
		else if ((km & 3) <= 2 && ((km >> 2) & 3) <= 2)
			ck_assert_msg(!strcmp(e, ""), "REF kind_mode %llu: %s", (unsigned long long)km, e);
		else
			ck_assert_msg(strstr(e, "names no kind or mode") != NULL, "REF kind_mode %llu: '%s'",
			              (unsigned long long)km, e);
	}
	uint64_t insns[TRACE_MAX_FIELDS];
	for (unsigned i = 0; i < TRACE_MAX_FIELDS; i++)
		insns[i] = UINT32_MAX;
	ck_assert_str_eq(read_all(buf, one_record(buf, TRACE_REC_INSNS, insns)), "");
	insns[3] = (uint64_t)UINT32_MAX + 1;
	ck_assert_str_eq(read_all(buf, one_record(buf, TRACE_REC_INSNS, insns)),
	                 "t.vtr: byte 10: INSNS field 3 is 4294967296, more than one record may hold");
}
END_TEST

/* The version 2 records and header fields, written and read back. */
START_TEST(refill_pte_device_round_trip)
{
	struct trace_header h = { .mem_bytes = 4u << 20, .tlb_entries = 16, .refills = 1 };
	strcpy(h.vmmsim_version, "test");
	strcpy(h.program, "p");
	strcpy(h.policy, "native");
	strcpy(h.source, "vmmsim record");
	strcpy(h.cost_model, "alu=1\nload=2\n");
	static const uint64_t pte[TRACE_MAX_FIELDS] = { 0xfffff, 255, 0xffffffffu };
	static const uint64_t device[TRACE_MAX_FIELDS] = { 0xbfd00010u, 4 | TRACE_DEVICE_STORE,
		                                           0xdeadbeefu };
	const uint64_t refill[TRACE_MAX_FIELDS] = { 3, TRACE_EXC_BD, trace_zigzag(-4096),
		                                    trace_zigzag(8), 0x0001e01fu, 0, 47 };
	static const uint64_t exc[TRACE_MAX_FIELDS] = {
		2, TRACE_EXC_REFILL | TRACE_EXC_TLB | TRACE_EXC_BADVADDR, 0, 0, 0x7fffffffu
	};
	static const struct {
		enum trace_record_kind kind;
		const uint64_t *f;
	} recs[] = { { TRACE_REC_PTE, pte }, { TRACE_REC_DEVICE, device },
		     { TRACE_REC_EXCEPTION, exc } };
	char err[256];
	struct trace_writer *w = trace_writer_open(path, &h, err, sizeof err);
	ck_assert_msg(w != NULL, "%s", err);
	for (size_t i = 0; i < 3; i++)
		trace_writer_record(w, recs[i].kind, recs[i].f);
	trace_writer_record(w, TRACE_REC_REFILL, refill);
	ck_assert_msg(trace_writer_close(w, 0, 0, err, sizeof err), "%s", err);

	struct trace_reader *r = trace_reader_open(path, &hdr, err, sizeof err);
	ck_assert_msg(r != NULL, "%s", err);
	ck_assert_uint_eq(hdr.version, TRACE_VERSION);
	ck_assert_uint_eq(hdr.refills, 1);
	ck_assert_uint_eq(hdr.tlb_entries, 16);
	ck_assert_str_eq(hdr.source, "vmmsim record");
	ck_assert_str_eq(hdr.cost_model, "alu=1\nload=2\n");
	ck_assert_str_eq(hdr.workload, "");
	struct trace_record rec;
	for (size_t i = 0; i < 4; i++) {
		enum trace_record_kind kind = i < 3 ? recs[i].kind : TRACE_REC_REFILL;
		const uint64_t *f = i < 3 ? recs[i].f : refill;
		ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 1);
		ck_assert_str_eq(trace_record_name(rec.kind), trace_record_name(kind));
		ck_assert_uint_eq(rec.nfields, trace_record_nfields(kind));
		for (unsigned k = 0; k < rec.nfields; k++)
			ck_assert_uint_eq(rec.field[k], f[k]);
	}
	ck_assert_int_eq(trace_unzigzag(rec.field[2]), -4096);
	ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 1);
	ck_assert_int_eq(rec.kind, TRACE_REC_END);
	ck_assert_int_eq(trace_reader_next(r, &rec, err, sizeof err), 0);
	trace_reader_close(r);
	ck_assert_uint_eq(trace_record_nfields(TRACE_REC_REFILL), 7);
	ck_assert_uint_eq(trace_record_nfields(TRACE_REC_PTE), 3);
	ck_assert_uint_eq(trace_record_nfields(TRACE_REC_DEVICE), 3);
	ck_assert_str_eq(trace_record_name(TRACE_NKINDS), "?");
}
END_TEST

START_TEST(missing_and_not_gzip)
{
	char err[256];
	ck_assert_ptr_null(trace_reader_open("/nonexistent/t.vtr.gz", &hdr, err, sizeof err));
	ck_assert_str_eq(err, "/nonexistent/t.vtr.gz: No such file or directory");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("trace");
	TCase *tc = tcase_create("container");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, every_truncation_is_an_error);
	tcase_add_test(tc, damage_is_named);
	tcase_add_test(tc, missing_and_not_gzip);
	tcase_add_loop_test(tc, range_checked_fields, 0,
	                    (int)(sizeof range_cases / sizeof range_cases[0]));
	tcase_add_test(tc, coded_fields);
	tcase_add_test(tc, refill_pte_device_round_trip);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
