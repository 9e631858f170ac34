/* Tables: see table.h. */
#include "analysis/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool table_parse_format(const char *name, enum table_format *out)
{
	if (!strcmp(name, "table") || !strcmp(name, "text"))
		*out = TABLE_TEXT;
	else if (!strcmp(name, "csv"))
		*out = TABLE_CSV;
	else if (!strcmp(name, "json"))
		*out = TABLE_JSON;
	else
		return false;
	return true;
}

void table_init(struct table *t)
{
	memset(t, 0, sizeof *t);
}

size_t table_add_column(struct table *t, const char *name, int decimals)
{
	struct table_column *bigger = realloc(t->col, (t->ncols + 1) * sizeof *t->col);
	char *copy = strdup(name);
	if (!bigger || !copy) {
		free(copy);
		if (bigger)
			t->col = bigger;
		t->oom = true;
		return t->ncols ? t->ncols - 1 : 0;
	}
	t->col = bigger;
	t->col[t->ncols] = (struct table_column){ copy, decimals };
	return t->ncols++;
}

size_t table_add_row(struct table *t)
{
	if ((t->nrows + 1) * t->ncols > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16 * t->ncols;
		struct table_cell *bigger = realloc(t->cell, cap * sizeof *t->cell);
		if (!bigger) {
			t->oom = true;
			return t->nrows ? t->nrows - 1 : 0;
		}
		t->cell = bigger;
		t->cap = cap;
	}
	for (size_t c = 0; c < t->ncols; c++)
		t->cell[t->nrows * t->ncols + c] = (struct table_cell){ NULL, NAN };
	return t->nrows++;
}

void table_set_text(struct table *t, size_t row, size_t col, const char *text)
{
	if (t->oom || row >= t->nrows || col >= t->ncols)
		return;
	struct table_cell *c = &t->cell[row * t->ncols + col];
	free(c->text);
	c->text = strdup(text);
	if (!c->text)
		t->oom = true;
}

void table_set_number(struct table *t, size_t row, size_t col, double value)
{
	if (t->oom || row >= t->nrows || col >= t->ncols)
		return;
	t->cell[row * t->ncols + col].value = value;
}

bool table_ok(const struct table *t)
{
	return !t->oom;
}

/* A cell as text: numbers with their column's decimals, NAN as `missing`. */
static void cell_text(const struct table *t, size_t r, size_t c, const char *missing, char *buf,
                      size_t len)
{
	const struct table_cell *cell = &t->cell[r * t->ncols + c];
	if (t->col[c].decimals < 0)
		snprintf(buf, len, "%s", cell->text ? cell->text : "");
	else if (isnan(cell->value))
		snprintf(buf, len, "%s", missing);
	else
		snprintf(buf, len, "%.*f", t->col[c].decimals, cell->value);
}

static void print_text(FILE *out, const struct table *t)
{
	size_t *width = calloc(t->ncols ? t->ncols : 1, sizeof *width);
	char buf[512];
	if (!width)
		return;
	for (size_t c = 0; c < t->ncols; c++) {
		width[c] = strlen(t->col[c].name);
		for (size_t r = 0; r < t->nrows; r++) {
			cell_text(t, r, c, "-", buf, sizeof buf);
			if (strlen(buf) > width[c])
				width[c] = strlen(buf);
		}
	}
	/* text left-aligned, numbers right-aligned, as a reader expects */
	for (size_t r = 0; r <= t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			/* row 0 is the header */
			if (r)
				cell_text(t, r - 1, c, "-", buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "%s", t->col[c].name);
			int w = t->col[c].decimals < 0 ? -(int)width[c] : (int)width[c];
			/* no trailing blanks after a last text column */
			if (c + 1 == t->ncols && w < 0)
				w = 0;
			fprintf(out, "%s%*s%s", c ? "  " : "", w, buf, c + 1 == t->ncols ? "\n" : "");
		}
	free(width);
}

static void csv_field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void print_csv(FILE *out, const struct table *t)
{
	char buf[512];
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', out);
		csv_field(out, t->col[c].name);
	}
	fputc('\n', out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			cell_text(t, r, c, "", buf, sizeof buf);
			csv_field(out, buf);
		}
		fputc('\n', out);
	}
}

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

void table_print_json(FILE *out, const struct table *t, int indent)
{
	char buf[512];
	fputc('[', out);
	for (size_t r = 0; r < t->nrows; r++) {
		fprintf(out, "%s\n%*s  {", r ? "," : "", indent, "");
		for (size_t c = 0; c < t->ncols; c++) {
			fprintf(out, "%s", c ? ", " : "");
			json_str(out, t->col[c].name);
			fputs(": ", out);
			if (t->col[c].decimals < 0) {
				cell_text(t, r, c, "", buf, sizeof buf);
				json_str(out, buf);
			} else {
				cell_text(t, r, c, "null", buf, sizeof buf);
				fputs(buf, out);
			}
		}
		fputc('}', out);
	}
	fprintf(out, "%s%*s]", t->nrows ? "\n" : "", t->nrows ? indent : 0, "");
}

void table_print(FILE *out, const struct table *t, enum table_format f)
{
	switch (f) {
	case TABLE_TEXT: print_text(out, t); break;
	case TABLE_CSV: print_csv(out, t); break;
	case TABLE_JSON:
		table_print_json(out, t, 0);
		fputc('\n', out);
		break;
	}
}

void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cell[i].text);
	for (size_t c = 0; c < t->ncols; c++)
		free(t->col[c].name);
	free(t->cell);
	free(t->col);
	table_init(t);
}
