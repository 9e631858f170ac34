/* A table of text and numbers printed as an aligned text table, CSV
 * (RFC 4180) or JSON (an array of objects keyed by column name): the one
 * output path of `vmmsim stats` and `vmmsim compare`. */
#ifndef VMMSIM_TABLE_H
#define VMMSIM_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum table_format { TABLE_TEXT, TABLE_CSV, TABLE_JSON };

/* "table", "csv" or "json"; false if none. */
bool table_parse_format(const char *name, enum table_format *out);

struct table_column {
	char *name;
	int decimals; /* -1: a text column */
};

struct table_cell {
	char *text;   /* text columns */
	double value; /* number columns; NAN prints as "-" (text), "" (CSV), null (JSON) */
};

struct table {
	size_t ncols, nrows;
	struct table_column *col;
	struct table_cell *cell; /* nrows x ncols */
	size_t cap;
	bool oom;
};

void table_init(struct table *t);
/* Columns first, then rows; returns the column's index. */
size_t table_add_column(struct table *t, const char *name, int decimals);
/* A new empty row (text "" and numbers NAN); returns its index. */
size_t table_add_row(struct table *t);
void table_set_text(struct table *t, size_t row, size_t col, const char *text);
void table_set_number(struct table *t, size_t row, size_t col, double value);
/* false if memory ran out while filling it */
bool table_ok(const struct table *t);

void table_print(FILE *out, const struct table *t, enum table_format f);
/* JSON only: the array, each line indented by `indent` spaces. */
void table_print_json(FILE *out, const struct table *t, int indent);
void table_free(struct table *t);

#endif
