/* Tables (src/analysis/table.c): the aligned text, CSV and JSON forms of
 * one small table, byte for byte. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/table.h"
#include "unit.h"

static struct table t;
static char buf[2048];

/* name / cycles (0 decimals) / ratio (3 decimals), with a missing number
 * and text that needs quoting in CSV and JSON */
static void fill(void)
{
	table_init(&t);
	table_add_column(&t, "name", -1);
	table_add_column(&t, "cycles", 0);
	table_add_column(&t, "ratio", 3);
	size_t r = table_add_row(&t);
	table_set_text(&t, r, 0, "UTLB_MISS");
	table_set_number(&t, r, 1, 12345);
	table_set_number(&t, r, 2, 1.5);
	r = table_add_row(&t);
	table_set_text(&t, r, 0, "say \"hi\", twice");
	table_set_number(&t, r, 1, 7);
	ck_assert(table_ok(&t));
}

static const char *print(enum table_format f)
{
	FILE *fp = fmemopen(buf, sizeof buf, "w");
	table_print(fp, &t, f);
	fclose(fp);
	return buf;
}

START_TEST(text_aligns_numbers_right_text_left)
{
	fill();
	ck_assert_str_eq(print(TABLE_TEXT), "name             cycles  ratio\n"
	                                    "UTLB_MISS         12345  1.500\n"
	                                    "say \"hi\", twice       7      -\n");
	table_free(&t);
}
END_TEST

START_TEST(csv_quotes_and_leaves_missing_empty)
{
	fill();
	ck_assert_str_eq(print(TABLE_CSV), "name,cycles,ratio\n"
	                                   "UTLB_MISS,12345,1.500\n"
	                                   "\"say \"\"hi\"\", twice\",7,\n");
	table_free(&t);
}
END_TEST

START_TEST(json_objects_with_null)
{
	fill();
	ck_assert_str_eq(print(TABLE_JSON),
	                 "[\n"
	                 "  {\"name\": \"UTLB_MISS\", \"cycles\": 12345, \"ratio\": 1.500},\n"
	                 "  {\"name\": \"say \\\"hi\\\", twice\", \"cycles\": 7, \"ratio\": null}\n"
	                 "]\n");
	table_free(&t);
}
END_TEST

START_TEST(formats_by_name)
{
	enum table_format f;
	ck_assert(table_parse_format("csv", &f) && f == TABLE_CSV);
	ck_assert(table_parse_format("json", &f) && f == TABLE_JSON);
	ck_assert(table_parse_format("table", &f) && f == TABLE_TEXT);
	ck_assert(!table_parse_format("xml", &f));
}
END_TEST

START_TEST(empty_table_json)
{
	table_init(&t);
	table_add_column(&t, "a", 0);
	ck_assert_str_eq(print(TABLE_JSON), "[]\n");
	ck_assert_str_eq(print(TABLE_CSV), "a\n");
	table_free(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("table");
	tcase_add_test(tc, text_aligns_numbers_right_text_left);
	tcase_add_test(tc, csv_quotes_and_leaves_missing_empty);
	tcase_add_test(tc, json_objects_with_null);
	tcase_add_test(tc, formats_by_name);
	tcase_add_test(tc, empty_table_json);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
