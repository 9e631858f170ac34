/* The cost model (costmodel.h): the defaults, their sources, and the
 * cost-model file format.
 *
 * The defaults model an R4000-class pipeline in which most instructions
 * issue in one cycle (R4000 User's Manual, chapter 1 and appendix A):
 * integer multiply 10 cycles and divide 69 cycles in the R4000's HI/LO unit
 * (the manual's table of multiply/divide latencies for 32-bit operands);
 * taking an exception flushes the pipeline and fetches from the vector,
 * counted as 5 cycles; eret 2; an uncached access to kseg1 or a device pays
 * a memory round trip, counted as 10.  Count advances every other cycle, as
 * on the R4000.  doc/costmodel.md lists every key with its meaning.
 */
#include "models/costmodel.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sim/fileutil.h"

#define COSTMODEL_MAX_VALUE 1000000u
#define COSTMODEL_MAX_FILE (1u << 20)

/* key, default, one-line meaning (written into saved files as a comment) */
#define COSTMODEL_FIELDS(X)                                                                        \
	X(alu, 1, "add, logic, shifts, lui, slt, movn/movz, ext/ins, clz, mfhi/mflo")             \
	X(load, 1, "lb .. lw, lwl/lwr, ll (cache hit)")                                          \
	X(store, 1, "sb .. sw, swl/swr, sc (cache hit)")                                         \
	X(branch, 1, "branches and jumps; the delay slot is charged as its own class")          \
	X(mult, 10, "mult, multu, mul, madd, msub (R4000: 10 for 32-bit operands)")             \
	X(div, 69, "div, divu (R4000: 69 for 32-bit operands)")                                   \
	X(priv, 1, "mtc0, mfc0, tlbr/tlbwi/tlbwr/tlbp, cache, di/ei, wait")                       \
	X(exc_entry, 5, "taking an exception: pipeline flush and vector fetch")                   \
	X(exc_return, 2, "eret")                                                                   \
	X(uncached, 10, "extra for an uncached access (kseg1, devices)")                          \
	X(count_divisor, 2, "Count ticks once per this many cycles (R4000: 2); at least 1")         \
	X(vmm_trap, 14, "VMM: enter and leave (save/restore guest state); plus exc_entry")     \
	X(vmm_decode, 6, "VMM: fetch and decode the trapping instruction")                      \
	X(vmm_emul_mfc0, 4, "VMM: emulate mfc0 against the virtual CP0")                         \
	X(vmm_emul_mtc0, 8, "VMM: emulate mtc0 with its side effects")                           \
	X(vmm_emul_tlbw, 250, "VMM: emulate tlbwi/tlbwr: check, compose, keep shadows coherent")  \
	X(vmm_emul_other, 8, "VMM: emulate tlbp, tlbr, eret, di/ei, wait, cache")                \
	X(vmm_reflect, 24, "VMM: fill the virtual CP0, enter the guest vector")                  \
	X(vmm_pmap, 4, "VMM: one P -> M lookup in the pmap")                                     \
	X(vmm_hwtlb_write, 6, "VMM: compose and write one hardware TLB entry")                   \
	X(vmm_vtlb_lookup, 8, "VMM: look an address up in the virtual TLB")                      \
	X(vmm_l2tlb_lookup, 5, "VMM: look an address up in the second-level TLB")               \
	X(vmm_l2tlb_insert, 6, "VMM: insert or invalidate a second-level TLB entry")             \
	X(vmm_tlb_flush, 60, "VMM: flush the whole hardware TLB")                                \
	X(vmm_world_switch, 400, "VMM: save one VM's state, load another's")                     \
	X(vmm_device, 30, "VMM: emulate one device (console) access")                           \
	X(vmm_monitor, 10, "VMM: decode and dispatch a monitor call")                            \
	X(vmm_page_zero, 512, "VMM: zero one 4 KiB page (8 bytes a cycle)")                      \
	X(vmm_page_copy, 1024, "VMM: copy one 4 KiB page (copy-on-write)")                        \
	X(vmm_page_hash, 512, "VMM: hash one 4 KiB page (page sharing scan)")                    \
	X(vmm_page_compare, 512, "VMM: compare two 4 KiB pages word by word")

void costmodel_defaults(struct costmodel *c)
{
	memset(c, 0, sizeof *c);
#define SET_DEFAULT(key, value, doc) c->key = value;
	COSTMODEL_FIELDS(SET_DEFAULT)
#undef SET_DEFAULT
}

static uint32_t *field_named(struct costmodel *c, const char *key, size_t keylen)
{
#define MATCH_KEY(name, value, doc)                                                                \
	if (keylen == sizeof #name - 1 && memcmp(key, #name, keylen) == 0)                         \
		return &c->name;
	COSTMODEL_FIELDS(MATCH_KEY)
#undef MATCH_KEY
	return NULL;
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	return p;
}

/* Parse one line [p, end) (no newline); 0 on success. */
static int parse_line(struct costmodel *c, const char *p, const char *end, unsigned lineno,
                      char *err, size_t errlen)
{
	const char *hash = memchr(p, '#', (size_t)(end - p));
	if (hash)
		end = hash;
	p = skip_blanks(p, end);
	if (p == end)
		return 0;
	const char *key = p;
	while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
		p++;
	size_t keylen = (size_t)(p - key);
	if (keylen == 0) {
		snprintf(err, errlen, "line %u: expected \"key = value\"", lineno);
		return -1;
	}
	uint32_t *field = field_named(c, key, keylen);
	if (!field) {
		snprintf(err, errlen, "line %u: unknown key \"%.*s\"", lineno, (int)keylen, key);
		return -1;
	}
	p = skip_blanks(p, end);
	if (p == end || *p != '=') {
		snprintf(err, errlen, "line %u: expected '=' after \"%.*s\"", lineno, (int)keylen,
		         key);
		return -1;
	}
	p = skip_blanks(p + 1, end);
	uint64_t v = 0;
	const char *digits = p;
	while (p < end && isdigit((unsigned char)*p)) {
		v = v * 10 + (uint64_t)(*p - '0');
		if (v >= COSTMODEL_MAX_VALUE)
			break;
		p++;
	}
	if (p == digits || v >= COSTMODEL_MAX_VALUE || skip_blanks(p, end) != end) {
		snprintf(err, errlen, "line %u: value of \"%.*s\" must be an integer 0..%u",
		         lineno, (int)keylen, key, COSTMODEL_MAX_VALUE - 1);
		return -1;
	}
	if (field == &c->count_divisor && v == 0) {
		snprintf(err, errlen, "line %u: count_divisor must be at least 1", lineno);
		return -1;
	}
	*field = (uint32_t)v;
	return 0;
}

int costmodel_parse(struct costmodel *c, const char *text, size_t len, char *err, size_t errlen)
{
	const char *p = text, *end = text + len;
	unsigned lineno = 1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		if (memchr(p, '\0', (size_t)(eol - p))) {
			snprintf(err, errlen, "line %u: NUL byte in a text file", lineno);
			return -1;
		}
		if (parse_line(c, p, eol, lineno, err, errlen) != 0)
			return -1;
		p = nl ? nl + 1 : end;
		lineno++;
	}
	return 0;
}

int costmodel_load(struct costmodel *c, const char *path, char *err, size_t errlen)
{
	uint8_t *buf;
	size_t len;
	if (fileutil_read_all(path, COSTMODEL_MAX_FILE, &buf, &len, err, errlen) != 0)
		return -1;
	char why[256];
	int rc = costmodel_parse(c, (const char *)buf, len, why, sizeof why);
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", path, why);
	free(buf);
	return rc;
}

void costmodel_write(const struct costmodel *c, FILE *out)
{
	fputs("# vmmsim cost model: cycles per event (see doc/costmodel.md)\n", out);
#define WRITE_FIELD(key, value, doc) fprintf(out, "%-14s = %u  # %s\n", #key, c->key, doc);
	COSTMODEL_FIELDS(WRITE_FIELD)
#undef WRITE_FIELD
}

void costmodel_format(const struct costmodel *c, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = 0;
#define FORMAT_FIELD(key, value, doc)                                                              \
	if (used < len)                                                                            \
		used += (size_t)snprintf(buf + used, len - used, "%s=%u\n", #key, c->key);
	COSTMODEL_FIELDS(FORMAT_FIELD)
#undef FORMAT_FIELD
}
