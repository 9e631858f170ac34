/* Sweep files (src/analysis/sweep.c): expansion into runs, their names and
 * arguments, and one error line naming the file and line for bad input. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/sweep.h"
#include "unit.h"

static char path[64];
static char err[1024];

static void write_sweep(const char *text)
{
	snprintf(path, sizeof path, "/tmp/test_sweep.%ld.sweep", (long)getpid());
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* The run's arguments joined by blanks. */
static const char *args(const struct sweep_run *r)
{
	static char buf[1024];
	size_t k = 0;
	buf[0] = 0;
	for (size_t i = 0; i < r->argc; i++)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? " " : "", r->argv[i]);
	return buf;
}

START_TEST(expands_the_cross_product_seeds_last)
{
	write_sweep("# a comment\n"
	            "seeds 1..2\n"
	            "policies native trap   # inline comment\n"
	            "workloads pmake database\n"
	            "option tlb-entries 32 48\n"
	            "fixed --max-insns 1000\n");
	struct sweep s;
	ck_assert_msg(sweep_load(path, &s, err, sizeof err), "%s", err);
	ck_assert_uint_eq(s.n, 2 * 2 * 2 * 2);
	ck_assert_str_eq(s.run[0].name, "pmake-native-tlb-entries32-s1");
	ck_assert_str_eq(args(&s.run[0]),
	                 "--workload pmake --policy native --tlb-entries 32 --seed 1 --max-insns 1000");
	ck_assert_str_eq(s.run[1].name, "pmake-native-tlb-entries32-s2");
	ck_assert_str_eq(s.run[2].name, "pmake-native-tlb-entries48-s1");
	ck_assert_str_eq(s.run[15].name, "database-trap-tlb-entries48-s2");
	sweep_free(&s);
	unlink(path);
}
END_TEST

START_TEST(workload_args_and_programs)
{
	write_sweep("workloads pmake\narg files 4 8\nseeds 3\n");
	struct sweep s;
	ck_assert_msg(sweep_load(path, &s, err, sizeof err), "%s", err);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_str_eq(s.run[1].name, "pmake-files8-s3");
	ck_assert_str_eq(args(&s.run[1]), "--workload pmake --arg files=8 --seed 3");
	sweep_free(&s);
	write_sweep("programs /no/such/hello.eb.elf\noption tlb-entries 16\n");
	ck_assert_msg(sweep_load(path, &s, err, sizeof err), "%s", err);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_str_eq(s.run[0].name, "hello.eb-tlb-entries16");
	ck_assert_str_eq(args(&s.run[0]), "/no/such/hello.eb.elf --tlb-entries 16");
	sweep_free(&s);
	unlink(path);
}
END_TEST

/* Each bad file gives "PATH:LINE: what". */
static void bad(const char *text, const char *want)
{
	write_sweep(text);
	struct sweep s;
	ck_assert(!sweep_load(path, &s, err, sizeof err));
	char full[256];
	snprintf(full, sizeof full, "%s:%s", path, want);
	ck_assert_msg(!strcmp(err, full), "got '%s', want '%s'", err, full);
	unlink(path);
}

START_TEST(bad_files_name_the_line)
{
	bad("workloads pmake\nfrobs 1 2\n",
	    "2: unknown line 'frobs' (workloads, programs, policies, seeds, option, arg, fixed)");
	bad("seeds 1\n", "1: no workloads or programs line");
	bad("workloads pmake\nseeds 5..2\n", "2: '5..2' is not a seed or a range LO..HI");
	bad("workloads pmake\nseeds x\n", "2: 'x' is not a seed or a range LO..HI");
	bad("workloads pmake pmake\n", "1: value 'pmake' given twice");
	bad("workloads pmake\npolicies\n", "2: policies has no values");
	bad("workloads pmake\npolicies a\npolicies b\n", "3: --policy given twice");
	bad("workloads pmake\noption out x\n", "2: use the sweep's -o line, not option out");
	bad("workloads pmake\noption seed 1\n", "2: use the seed line, not option seed");
	bad("programs a.elf\nseeds 1\n", "2: seeds apply to workloads, not to bare-metal programs");
	bad("workloads a\nprograms b.elf\n", "2: give either workloads or programs, once");
	bad("workloads a\noption bad/name 1\n", "2: 'bad/name' is not an option name");
}
END_TEST

START_TEST(missing_file)
{
	struct sweep s;
	ck_assert(!sweep_load("/no/such.sweep", &s, err, sizeof err));
	ck_assert_str_eq(err, "/no/such.sweep: No such file or directory");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sweep");
	TCase *tc = tcase_create("sweep");
	tcase_add_test(tc, expands_the_cross_product_seeds_last);
	tcase_add_test(tc, workload_args_and_programs);
	tcase_add_test(tc, bad_files_name_the_line);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
