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

static bool valgrind_message(const char *line)
{
	return (line[0] == '=' && line[1] == '=') || (line[0] == '-' && line[1] == '-');
}

/* "ADDRESS,SIZE" and nothing after but blanks. */
static bool parse_operand(struct importer *im, const char *p, uint64_t *addr, char *err,
                          size_t errlen)
{
	p = import_skip_blanks(p);
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
	p = import_skip_blanks(p);
	if (*p)
		return import_error(im, err, errlen, "unexpected '%.20s' after the size", p);
	return true;
}

static bool parse_lackey(struct importer *im, const char *line, char *err, size_t errlen)
{
	uint64_t addr;
	if (valgrind_message(line))
		return true;
	char what = 0;
	if (line[0] == 'I' && import_blank(line[1]))
		what = 'I';
	else if (line[0] == ' ' && line[1] && strchr("LSM", line[1]) && import_blank(line[2]))
		what = line[1];
	if (!what)
		return import_error(im, err, errlen,
		                    "'%.30s' is not a lackey line (I, L, S, M or ==PID==)", line);
	if (!parse_operand(im, line + 2, &addr, err, errlen))
		return false;
	switch (what) {
	case 'I': return import_insn(im, addr, err, errlen);
	case 'L': return import_data(im, addr, TRACE_REF_LOAD, err, errlen);
	case 'S': return import_data(im, addr, TRACE_REF_STORE, err, errlen);
	default: /* M */
		return import_data(im, addr, TRACE_REF_LOAD, err, errlen) &&
		       import_data(im, addr, TRACE_REF_STORE, err, errlen);
	}
}

const struct import_format import_lackey_format = {
	.name = "lackey",
	.summary = "valgrind --tool=lackey --trace-mem=yes",
	.parse_line = parse_lackey,
};
