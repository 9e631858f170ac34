/* The host translation cache (src/tlb/tcache.h): an ASID change must drop
 * every TLB-mapped entry and keep the unmapped ones (kseg0/kseg1), whether
 * the slots that took a mapped entry fit the cache's list or overflowed
 * it. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tlb/tcache.h"
#include "unit.h"

static struct tcache c;

/* Fill slot idx of mode as the MMU does: every table, and the list when
 * the entry came through the TLB. */
static void put(unsigned mode, unsigned idx, bool mapped)
{
	uint32_t tag = (uint32_t)idx << 12;
	c.read[mode][idx] = (struct tcache_entry){ .tag = tag, .mapped = mapped };
	c.write[mode][idx] = (struct tcache_entry){ .tag = tag, .mapped = mapped };
	c.fetch[mode][idx] = (struct tcache_fetch_entry){ .tag = tag, .mapped = mapped };
	if (mapped)
		tcache_mapped_filled(&c, mode, idx);
}

static bool valid(unsigned mode, unsigned idx)
{
	return c.read[mode][idx].tag != TCACHE_INVALID_TAG &&
	       c.write[mode][idx].tag != TCACHE_INVALID_TAG &&
	       c.fetch[mode][idx].tag != TCACHE_INVALID_TAG;
}

/* _i fills of random slots, a fifth unmapped; some slots filled mapped and
 * then unmapped, so that the list names a slot that no longer holds a
 * mapped entry. */
START_TEST(flush_mapped_drops_mapped_keeps_unmapped)
{
	static const unsigned fills[] = { 10, TCACHE_MAPPED_LIST, TCACHE_MAPPED_LIST + 1, 5000 };
	enum { EMPTY, MAPPED, UNMAPPED };
	static unsigned char last[TCACHE_NMODES][TCACHE_SIZE]; /* each slot's last fill */
	srand(7);
	tcache_flush_all(&c);
	for (unsigned m = 0; m < TCACHE_NMODES; m++)
		for (unsigned i = 0; i < TCACHE_SIZE; i++)
			last[m][i] = EMPTY;
	for (unsigned k = 0; k < fills[_i]; k++) {
		unsigned m = (unsigned)rand() % TCACHE_NMODES, i = (unsigned)rand() % TCACHE_SIZE;
		bool mapped = rand() % 5 != 0;
		put(m, i, mapped);
		last[m][i] = mapped ? MAPPED : UNMAPPED;
	}
	tcache_flush_mapped(&c);
	for (unsigned m = 0; m < TCACHE_NMODES; m++)
		for (unsigned i = 0; i < TCACHE_SIZE; i++) {
			if (last[m][i] == MAPPED && valid(m, i))
				ck_abort_msg("mode %u slot %u: a mapped entry survived", m, i);
			if (last[m][i] == UNMAPPED && !valid(m, i))
				ck_abort_msg("mode %u slot %u: an unmapped entry was dropped", m, i);
		}
	/* and the list starts again: one new mapped entry is dropped next time */
	put(1, 3, true);
	put(2, 4, false);
	tcache_flush_mapped(&c);
	ck_assert(!valid(1, 3));
	ck_assert(valid(2, 4));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tcache");
	TCase *tc = tcase_create("flush");
	tcase_add_loop_test(tc, flush_mapped_drops_mapped_keeps_unmapped, 0, 4);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
