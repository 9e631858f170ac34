/* Strict option values: see options.h. */
#include "cli/options.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim/machine.h"
#include "tlb/tlb.h"

static bool parse(const char *option, const char *text, bool suffix, uint64_t min, uint64_t max,
                  uint64_t *out)
{
	char *end;
	unsigned long long v;
	uint64_t scale = 1;
	if (!text || !*text || *text == '-' || *text == '+' || *text == ' ')
		goto bad;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno || end == text)
		goto bad;
	if (suffix && *end) {
		switch (*end) {
		case 'K': case 'k': scale = 1ull << 10; break;
		case 'M': case 'm': scale = 1ull << 20; break;
		case 'G': case 'g': scale = 1ull << 30; break;
		default: goto bad;
		}
		end++;
		if (*end == 'i' && end[1] == 'B')
			end += 2;
		else if (*end == 'B')
			end++;
	}
	if (*end)
		goto bad;
	if (v > UINT64_MAX / scale || v * scale < min || v * scale > max) {
		fprintf(stderr, "vmmsim: %s: %s is out of range (%" PRIu64 "..%" PRIu64 ")\n",
		        option, text, min, max);
		return false;
	}
	*out = v * scale;
	return true;
bad:
	fprintf(stderr, "vmmsim: %s: '%s' is not %s\n", option, text ? text : "",
	        suffix ? "a size (e.g. 64M)" : "a non-negative integer");
	return false;
}

bool options_uint(const char *option, const char *text, uint64_t min, uint64_t max,
                  uint64_t *out)
{
	return parse(option, text, false, min, max, out);
}

bool options_mem(const char *text, uint32_t *out)
{
	uint64_t v;
	if (!parse("--mem", text, true, MACHINE_MEM_MIN, MACHINE_MEM_MAX, &v))
		return false;
	if (v % MACHINE_PAGE_SIZE) {
		fprintf(stderr, "vmmsim: --mem: %s is not a multiple of 4K\n", text);
		return false;
	}
	*out = (uint32_t)v;
	return true;
}

bool options_tlb_entries(const char *text, unsigned *out)
{
	uint64_t v;
	if (!parse("--tlb-entries", text, false, 1, TLB_MAX_ENTRIES, &v))
		return false;
	*out = (unsigned)v;
	return true;
}
