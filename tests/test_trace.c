/* The trace container: round trip, and every kind of damage reported with
 * the file and the byte offset, never a crash or a hang. */
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
	suite_add_tcase(s, tc);
	return unit_run(s);
}
