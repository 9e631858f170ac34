/* The cost model (src/models/costmodel.h) and reading whole files
 * (src/sim/fileutil.h). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "models/costmodel.h"
#include "sim/fileutil.h"
#include "unit.h"

static struct costmodel c;
static char err[512];

static int parse(const char *text)
{
	costmodel_defaults(&c);
	err[0] = 0;
	return costmodel_parse(&c, text, strlen(text), err, sizeof err);
}

START_TEST(defaults)
{
	costmodel_defaults(&c);
	ck_assert_uint_eq(c.alu, 1);
	ck_assert_uint_eq(c.mult, 10);
	ck_assert_uint_eq(c.div, 69);
	ck_assert_uint_eq(c.exc_entry, 5);
	ck_assert_uint_eq(c.count_divisor, 2);
}
END_TEST

START_TEST(parses_keys_comments_blanks_crlf)
{
	ck_assert_int_eq(parse("# a model\n\nalu = 2\r\n  load=3   # cached\n\tdiv\t=\t40\nstore = 0"), 0);
	ck_assert_uint_eq(c.alu, 2);
	ck_assert_uint_eq(c.load, 3);
	ck_assert_uint_eq(c.div, 40);
	ck_assert_uint_eq(c.store, 0);
	ck_assert_uint_eq(c.mult, 10); /* not named: default */
	ck_assert_int_eq(parse(""), 0);
}
END_TEST

START_TEST(errors)
{
	ck_assert_int_eq(parse("alu = 1\nfrob = 2\n"), -1);
	ck_assert_str_eq(err, "line 2: unknown key \"frob\"");
	ck_assert_int_eq(parse("alu 1\n"), -1);
	ck_assert_str_eq(err, "line 1: expected '=' after \"alu\"");
	ck_assert_int_eq(parse("= 1\n"), -1);
	ck_assert_str_eq(err, "line 1: expected \"key = value\"");
	ck_assert_int_eq(parse("alu = -1\n"), -1);
	ck_assert_str_eq(err, "line 1: value of \"alu\" must be an integer 0..999999");
	ck_assert_int_eq(parse("alu = 1000000\n"), -1);
	ck_assert_str_eq(err, "line 1: value of \"alu\" must be an integer 0..999999");
	ck_assert_int_eq(parse("alu = 99999999999999999999999\n"), -1);
	ck_assert_int_eq(parse("alu = 1 2\n"), -1);
	ck_assert_int_eq(parse("alu =\n"), -1);
	ck_assert_int_eq(parse("count_divisor = 0\n"), -1);
	ck_assert_str_eq(err, "line 1: count_divisor must be at least 1");
	ck_assert_int_eq(costmodel_parse(&c, "alu = 1\0", 8, err, sizeof err), -1);
	ck_assert_str_eq(err, "line 1: NUL byte in a text file");
}
END_TEST

START_TEST(write_round_trips)
{
	struct costmodel a, b;
	costmodel_defaults(&a);
	a.alu = 3;
	a.div = 123;
	a.count_divisor = 1;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	costmodel_write(&a, f);
	fclose(f);
	costmodel_defaults(&b);
	ck_assert_int_eq(costmodel_parse(&b, text, len, err, sizeof err), 0);
	ck_assert_mem_eq(&a, &b, sizeof a);
	free(text);
}
END_TEST

START_TEST(load_names_the_file)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/test_costmodel.%d", (int)getpid());
	FILE *f = fopen(path, "w");
	fputs("alu = 4\nmult = x\n", f);
	fclose(f);
	costmodel_defaults(&c);
	ck_assert_int_eq(costmodel_load(&c, path, err, sizeof err), -1);
	char want[160];
	snprintf(want, sizeof want, "%s: line 2: value of \"mult\" must be an integer 0..999999", path);
	ck_assert_str_eq(err, want);
	unlink(path);
	ck_assert_int_eq(costmodel_load(&c, "/nonexistent/cost", err, sizeof err), -1);
	ck_assert_str_eq(err, "/nonexistent/cost: No such file or directory");
}
END_TEST

START_TEST(fileutil_limits)
{
	char path[64];
	uint8_t *buf;
	size_t len;
	snprintf(path, sizeof path, "/tmp/test_fileutil.%d", (int)getpid());
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 10000; i++)
		fputc('a' + i % 26, f);
	fclose(f);
	ck_assert_int_eq(fileutil_read_all(path, 10000, &buf, &len, err, sizeof err), 0);
	ck_assert_uint_eq(len, 10000);
	ck_assert_uint_eq(buf[9999], 'a' + 9999 % 26);
	ck_assert_uint_eq(buf[10000], 0); /* NUL-terminated */
	free(buf);
	ck_assert_int_eq(fileutil_read_all(path, 9999, &buf, &len, err, sizeof err), -1);
	char want[128];
	snprintf(want, sizeof want, "%s: larger than 9999 bytes", path);
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(buf);
	unlink(path);
	ck_assert_int_eq(fileutil_read_all("/tmp", 100, &buf, &len, err, sizeof err), -1);
	ck_assert_str_eq(err, "/tmp: Is a directory");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("costmodel");
	TCase *tc = tcase_create("costmodel");
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, parses_keys_comments_blanks_crlf);
	tcase_add_test(tc, errors);
	tcase_add_test(tc, write_round_trips);
	tcase_add_test(tc, load_names_the_file);
	tcase_add_test(tc, fileutil_limits);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
