/* Valgrind lackey's memory trace (valgrind --tool=lackey --trace-mem=yes),
 * traces/IMPORT.md:
 *
 *   I  04015a3,3        an instruction fetch: address (hex), size (decimal)
 *    L 1ffefffe48,8     a load of the instruction above
 *    S 1ffefffe48,8     a store
 *    M 1ffefffe48,8     a modify: a load then a store
 *   ==1234== ...        Valgrind's own messages (and --PID-- ones): skipped
 *
 * The data lines after an I belong to that instruction.  Blank lines are
 * skipped; anything else is an error.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "trace/import_model.h"

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool valgrind_message(const char *line)
{
	return (line[0] == '=' && line[1] == '=') || (line[0] == '-' && line[1] == '-');
}

/* "ADDRESS,SIZE" and nothing after but blanks. */
static bool parse_operand(struct importer *im, const char *p, uint64_t *addr, char *err,
                          size_t errlen)
{
	while (blank(*p))
		p++;
	const char *s = p;
	if (!import_parse_hex(&p, addr))
		return import_error(im, err, errlen, "address '%.20s' is not a hexadecimal number", s);
	if (*p != ',')
		return import_error(im, err, errlen, "no ',SIZE' after the address '%.*s'",
		                    (int)(p - s), s);
	s = ++p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == s || p - s > 9)
		return import_error(im, err, errlen, "size '%.20s' is not a decimal number", s);
	while (blank(*p))
		p++;
	if (*p)
		return import_error(im, err, errlen, "unexpected '%.20s' after the size", p);
	return true;
}

static bool parse_lackey(struct importer *im, char *err, size_t errlen)
{
	char *line;
	int rc;
	while ((rc = import_next_line(im, &line, err, errlen)) == 1) {
		uint64_t addr;
		const char *p = line;
		while (blank(*p))
			p++;
		if (!*p || valgrind_message(line))
			continue;
		char what = 0;
		if (line[0] == 'I' && blank(line[1]))
			what = 'I';
		else if (line[0] == ' ' && line[1] && strchr("LSM", line[1]) && blank(line[2]))
			what = line[1];
		if (!what)
			return import_error(im, err, errlen,
			                    "'%.30s' is not a lackey line (I, L, S, M or ==PID==)", line);
		if (!parse_operand(im, line + 2, &addr, err, errlen))
			return false;
		bool ok;
		switch (what) {
		case 'I': ok = import_insn(im, addr, err, errlen); break;
		case 'L': ok = import_data(im, addr, TRACE_REF_LOAD, err, errlen); break;
		case 'S': ok = import_data(im, addr, TRACE_REF_STORE, err, errlen); break;
		default: /* M */
			ok = import_data(im, addr, TRACE_REF_LOAD, err, errlen) &&
			     import_data(im, addr, TRACE_REF_STORE, err, errlen);
			break;
		}
		if (!ok)
			return false;
	}
	return rc == 0;
}

const struct import_format import_lackey_format = {
	.name = "lackey",
	.summary = "valgrind --tool=lackey --trace-mem=yes",
	.parse = parse_lackey,
};
