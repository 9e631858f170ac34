/* Dinero IV's text trace formats (traces/IMPORT.md), one reference a line:
 *
 *   din   Dinero IV's "d" (Dinero III's din): LABEL ADDRESS [ignored...]
 *         label 0 read, 1 write, 2 instruction fetch, 3 escape and 4 cache
 *         flush (both skipped); label and address hexadecimal.
 *   dinD  Dinero IV's "D" (extended din): TYPE ADDRESS SIZE [ignored...]
 *         type r read, w write, i instruction fetch, m miscellaneous (a read
 *         that would not prefetch: a load here), c copyback and v invalidate
 *         (skipped), either case; address and size hexadecimal.
 *
 * Addresses may carry 0x.  A fetch starts an instruction that owns the reads
 * and writes up to the next fetch.  Blank lines are skipped.
 */
#include <stdbool.h>
#include <stdint.h>

#include "trace/import_model.h"

enum din_action { DIN_LOAD, DIN_STORE, DIN_FETCH, DIN_SKIP };

/* The length of the word at p, for error messages (at most 40 shown). */
static int word_len(const char *p)
{
	int n = 0;
	while (p[n] && !import_blank(p[n]) && n < 40)
		n++;
	return n;
}

static bool end_of_field(char c)
{
	return c == 0 || import_blank(c);
}

/* "d": the label is a hexadecimal number. */
static bool din_label(struct importer *im, const char **p, enum din_action *a, char *err,
                      size_t errlen)
{
	const char *s = *p;
	uint64_t label;
	if (!import_parse_hex(p, &label) || !end_of_field(**p))
		return import_error(im, err, errlen, "label '%.*s' is not a hexadecimal number",
		                    word_len(s), s);
	switch (label) {
	case 0: *a = DIN_LOAD; return true;
	case 1: *a = DIN_STORE; return true;
	case 2: *a = DIN_FETCH; return true;
	case 3: case 4: *a = DIN_SKIP; return true;
	default:
		return import_error(im, err, errlen,
		                    "unknown label %llu (0 read, 1 write, 2 fetch, 3 escape, 4 flush)",
		                    (unsigned long long)label);
	}
}

/* "D": the access type is one letter. */
static bool dinD_type(struct importer *im, const char **p, enum din_action *a, char *err,
                      size_t errlen)
{
	const char *s = *p;
	if (end_of_field(s[1]))
		switch (s[0] | 0x20) {
		case 'r': case 'm': *a = DIN_LOAD; *p += 1; return true;
		case 'w': *a = DIN_STORE; *p += 1; return true;
		case 'i': *a = DIN_FETCH; *p += 1; return true;
		case 'c': case 'v': *a = DIN_SKIP; *p += 1; return true;
		}
	return import_error(im, err, errlen,
	                    "unknown access type '%.*s' (r, w, i, m, c or v)", word_len(s), s);
}

static bool hex_field(struct importer *im, const char **p, const char *what, uint64_t *v,
                      char *err, size_t errlen)
{
	*p = import_skip_blanks(*p);
	const char *s = *p;
	if (!*s)
		return import_error(im, err, errlen, "no %s", what);
	if (!import_parse_hex(p, v) || !end_of_field(**p))
		return import_error(im, err, errlen, "%s '%.*s' is not a hexadecimal number", what,
		                    word_len(s), s);
	return true;
}

static bool parse_din(struct importer *im, const char *line, bool extended, char *err,
                      size_t errlen)
{
	const char *p = import_skip_blanks(line);
	enum din_action a = DIN_SKIP;
	uint64_t addr, size;
	if (!(extended ? dinD_type(im, &p, &a, err, errlen) : din_label(im, &p, &a, err, errlen)))
		return false;
	if (!hex_field(im, &p, "address", &addr, err, errlen))
		return false;
	if (extended && !hex_field(im, &p, "size", &size, err, errlen))
		return false;
	switch (a) {
	case DIN_FETCH: return import_insn(im, addr, err, errlen);
	case DIN_LOAD: return import_data(im, addr, TRACE_REF_LOAD, err, errlen);
	case DIN_STORE: return import_data(im, addr, TRACE_REF_STORE, err, errlen);
	case DIN_SKIP: break;
	}
	return true;
}

static bool parse_d(struct importer *im, const char *line, char *err, size_t errlen)
{
	return parse_din(im, line, false, err, errlen);
}

static bool parse_D(struct importer *im, const char *line, char *err, size_t errlen)
{
	return parse_din(im, line, true, err, errlen);
}

const struct import_format import_din_format = {
	.name = "din",
	.summary = "Dinero IV -informat d: LABEL ADDRESS",
	.parse_line = parse_d,
};

const struct import_format import_dinD_format = {
	.name = "dinD",
	.summary = "Dinero IV -informat D: TYPE ADDRESS SIZE",
	.parse_line = parse_D,
};
