/* The R4000 joint TLB (src/tlb/tlb.h): matching, page sizes, even/odd
 * halves, G and ASID, V and D, probes, writes, reads and statistics. */
#include <check.h>
#include <stdlib.h>

#include "tlb/tlb.h"
#include "unit.h"

#define LO(pfn, flags) (((uint32_t)(pfn) << 6) | (flags))
#define V TLB_ENTRYLO_V
#define D TLB_ENTRYLO_D
#define G TLB_ENTRYLO_G

static struct tlb t;

static void put(unsigned idx, uint32_t mask, uint32_t hi, uint32_t lo0, uint32_t lo1)
{
	struct tlb_entry e = { .pagemask = mask, .entryhi = hi, .entrylo0 = lo0, .entrylo1 = lo1 };
	tlb_write(&t, idx, &e, NULL);
}

static enum tlb_result look(uint32_t va, uint8_t asid, bool write, struct tlb_xlate *x)
{
	return tlb_lookup(&t, va, asid, write, TLB_MODE_USER, x);
}

START_TEST(init_ranges)
{
	ck_assert(!tlb_init(&t, 0));
	ck_assert(!tlb_init(&t, TLB_MAX_ENTRIES + 1));
	ck_assert(tlb_init(&t, 1));
	ck_assert(tlb_init(&t, TLB_MAX_ENTRIES));
	ck_assert(tlb_init(&t, 48));
	ck_assert_uint_eq(t.nentries, 48);
	/* a fresh TLB maps nothing in kuseg and its entries are distinct */
	struct tlb_xlate x;
	ck_assert_int_eq(look(0x00400000, 0, false, &x), TLB_REFILL);
	for (unsigned i = 0; i < 48; i++)
		for (unsigned j = i + 1; j < 48; j++)
			ck_assert_uint_ne(t.entry[i].entryhi, t.entry[j].entryhi);
}
END_TEST

START_TEST(even_odd_4k)
{
	struct tlb_xlate x;
	tlb_init(&t, 48);
	put(3, 0, 0x00400000 | 5, LO(0x100, V | D), LO(0x200, V));
	ck_assert_int_eq(look(0x00400123, 5, false, &x), TLB_HIT);
	ck_assert_uint_eq(x.paddr, 0x100123);
	ck_assert_uint_eq(x.vbase, 0x00400000);
	ck_assert_uint_eq(x.size, 4096);
	ck_assert_int_eq(x.index, 3);
	ck_assert(x.dirty);
	ck_assert_int_eq(look(0x00401ffc, 5, false, &x), TLB_HIT);
	ck_assert_uint_eq(x.paddr, 0x200ffc);
	ck_assert(!x.dirty);
	/* store to the clean odd page: modified; to the dirty even page: fine */
	ck_assert_int_eq(look(0x00401000, 5, true, &x), TLB_MODIFIED);
	ck_assert_int_eq(look(0x00400000, 5, true, &x), TLB_HIT);
	/* outside the pair, other ASID */
	ck_assert_int_eq(look(0x00402000, 5, false, &x), TLB_REFILL);
	ck_assert_int_eq(look(0x00400000, 6, false, &x), TLB_REFILL);
}
END_TEST

START_TEST(valid_bit)
{
	struct tlb_xlate x;
	tlb_init(&t, 48);
	put(0, 0, 0x10000000 | 1, LO(0x10, 0), LO(0x11, V));
	ck_assert_int_eq(look(0x10000000, 1, false, &x), TLB_INVALID);
	ck_assert_int_eq(look(0x10000000, 1, true, &x), TLB_INVALID);
	ck_assert_int_eq(look(0x10001000, 1, false, &x), TLB_HIT);
}
END_TEST

START_TEST(global_needs_both_g)
{
	struct tlb_xlate x;
	tlb_init(&t, 48);
	put(0, 0, 0x00800000 | 9, LO(1, V | G), LO(2, V | G));
	ck_assert_int_eq(look(0x00800000, 200, false, &x), TLB_HIT);
	/* G in one half only: the entry is not global, and reads back G=0 */
	put(1, 0, 0x00a00000 | 9, LO(1, V | G), LO(2, V));
	ck_assert_int_eq(look(0x00a00000, 200, false, &x), TLB_REFILL);
	ck_assert_int_eq(look(0x00a00000, 9, false, &x), TLB_HIT);
	struct tlb_entry e;
	tlb_read(&t, 1, &e);
	ck_assert_uint_eq(e.entrylo0 & G, 0);
	tlb_read(&t, 0, &e);
	ck_assert_uint_eq(e.entrylo0 & G, G);
	ck_assert_uint_eq(e.entrylo1 & G, G);
}
END_TEST

/* Every page size: the pair covers 2 * size, offsets pass through, the low
 * PFN bits of a large page are ignored. */
START_TEST(page_sizes)
{
	static const uint32_t masks[] = { 0x0000, 0x6000, 0x1e000, 0x7e000, 0x1fe000, 0x7fe000,
		                          0x1ffe000 };
	struct tlb_xlate x;
	for (unsigned i = 0; i < sizeof masks / sizeof masks[0]; i++) {
		uint32_t size = (masks[i] | 0x1fff) + 1; /* the pair */
		uint32_t page = size / 2;
		uint32_t va = 0x40000000 & ~(size - 1);
		tlb_init(&t, 48);
		/* PFNs with low garbage bits below the page size */
		uint32_t pfn0 = (0x1000000 >> 12) | 1, pfn1 = (0x3000000 >> 12) | 1;
		put(7, masks[i], va | 3, LO(pfn0, V | D), LO(pfn1, V | D));
		ck_assert_int_eq(look(va + page - 4, 3, false, &x), TLB_HIT);
		ck_assert_uint_eq(x.size, page);
		ck_assert_uint_eq(x.vbase, va);
		uint32_t base0 = (pfn0 << 12) & ~(page - 1), base1 = (pfn1 << 12) & ~(page - 1);
		ck_assert_uint_eq(x.paddr, base0 + page - 4);
		ck_assert_int_eq(look(va + page + 8, 3, false, &x), TLB_HIT);
		ck_assert_uint_eq(x.paddr, base1 + 8);
		ck_assert_uint_eq(x.vbase, va + page);
		ck_assert_int_eq(look(va + size, 3, false, &x), TLB_REFILL);
		uint32_t lo, hi;
		tlb_entry_range(&t.entry[7], &lo, &hi);
		ck_assert_uint_eq(lo, va);
		ck_assert_uint_eq(hi, va + size - 1);
	}
}
END_TEST

START_TEST(probe)
{
	tlb_init(&t, 48);
	put(17, 0, 0x00400000 | 4, LO(1, V), LO(2, V));
	put(18, 0, 0x00600000 | 7, LO(1, V | G), LO(2, V | G));
	ck_assert_int_eq(tlb_probe(&t, 0x00400000 | 4), 17);
	ck_assert_int_eq(tlb_probe(&t, 0x00401000 | 4), 17); /* the odd page's VPN */
	ck_assert_int_eq(tlb_probe(&t, 0x00400000 | 5), -1);
	ck_assert_int_eq(tlb_probe(&t, 0x00600000 | 99), 18); /* global */
	ck_assert_int_eq(tlb_probe(&t, 0x00800000 | 4), -1);
	ck_assert_uint_eq(t.stats.probes, 5);
}
END_TEST

START_TEST(write_masks_and_returns_old)
{
	tlb_init(&t, 48);
	struct tlb_entry e = { .pagemask = 0xffffffff, .entryhi = 0xffffffff,
		               .entrylo0 = 0xffffffff, .entrylo1 = 0xffffffff }, old, back;
	tlb_write(&t, 2, &e, &old);
	ck_assert_uint_eq(old.entryhi, 0x80000000u + (2u << 13));
	tlb_read(&t, 2, &back);
	ck_assert_uint_eq(back.pagemask, TLB_PAGEMASK_MASK);
	ck_assert_uint_eq(back.entryhi, TLB_ENTRYHI_VPN2 | TLB_ENTRYHI_ASID);
	ck_assert_uint_eq(back.entrylo0, TLB_ENTRYLO_MASK);
	ck_assert_uint_eq(back.entrylo1, TLB_ENTRYLO_MASK);
	ck_assert_uint_eq(t.stats.writes, 1);
}
END_TEST

START_TEST(first_match_wins)
{
	struct tlb_xlate x;
	tlb_init(&t, 48);
	put(10, 0, 0x00400000 | 1, LO(0xa, V), LO(0xa, V));
	put(4, 0, 0x00400000 | 1, LO(0x4, V), LO(0x4, V));
	ck_assert_int_eq(look(0x00400000, 1, false, &x), TLB_HIT);
	ck_assert_int_eq(x.index, 4);
}
END_TEST

/* The reference the index must agree with: the lowest-numbered entry whose
 * VPN2 (under its page size) and ASID or G match, found by a linear search. */
static int linear_match(uint32_t va, uint8_t asid)
{
	for (unsigned i = 0; i < t.nentries; i++) {
		struct tlb_entry e;
		tlb_read(&t, i, &e);
		uint32_t span = (e.pagemask & TLB_PAGEMASK_MASK) | 0x1fffu;
		bool global = (e.entrylo0 & e.entrylo1 & G) != 0;
		if (((va ^ e.entryhi) & ~span & TLB_ENTRYHI_VPN2) == 0 &&
		    (global || (e.entryhi & TLB_ENTRYHI_ASID) == asid))
			return (int)i;
	}
	return -1;
}

/* Random writes (a fixed seed) of 4 KiB, 16 KiB and 1 MiB pairs, global or
 * not, over a few VPN2s and ASIDs so that entries collide on a hash chain,
 * overlap, and move between chains as their page size changes: after every
 * write, lookups and probes find what a linear search finds. */
START_TEST(index_agrees_with_linear_search)
{
	static const uint32_t masks[] = { 0, 0x6000, 0x1fe000 };
	unsigned seed = 12345;
	tlb_init(&t, 48);
	for (unsigned step = 0; step < 2000; step++) {
		seed = seed * 1103515245u + 12345u;
		unsigned idx = (seed >> 8) % 48;
		uint32_t mask = masks[(seed >> 16) % 3];
		uint32_t vpn2 = ((seed >> 4) % 24) << 13;
		if ((seed >> 20) % 2)
			vpn2 += 0x00400000u * ((seed >> 21) % 3); /* a different hash chain */
		uint32_t g = (seed >> 24) % 8 == 0 ? G : 0;
		put(idx, mask, vpn2 | ((seed >> 26) % 3), LO(idx, V | g), LO(idx + 1, V | g));
		for (uint32_t va = 0; va < 0x00c40000u; va += 0x3000u) {
			uint8_t asid = (uint8_t)((va >> 12) % 3);
			struct tlb_xlate x;
			int want = linear_match(va, asid);
			enum tlb_result r = look(va, asid, false, &x);
			int found = r == TLB_HIT ? x.index : r == TLB_REFILL ? -1 : -2;
			/* ck_assert per lookup would cost a message each (Check's mark point) */
			if (found != want || tlb_probe(&t, (va & TLB_ENTRYHI_VPN2) | asid) != want)
				ck_abort_msg("step %u: va 0x%08x asid %u: index %d, linear search %d", step,
				             va, asid, found, want);
		}
		/* every entry whose pair overlaps a 4 KiB or 1 MiB pair is a
		 * candidate, and the candidates come in ascending order */
		for (unsigned size = 0; size < 3; size += 2) {
			struct tlb_entry q = { .pagemask = masks[size], .entryhi = vpn2 };
			uint16_t cand[TLB_MAX_ENTRIES];
			unsigned n = tlb_overlap_candidates(&t, &q, cand), k = 0;
			for (unsigned i = 0; i < t.nentries; i++) {
				struct tlb_entry h;
				tlb_read(&t, i, &h);
				uint32_t span = q.pagemask | h.pagemask | 0x1fffu;
				bool overlaps = ((h.entryhi ^ q.entryhi) & ~span & TLB_ENTRYHI_VPN2) == 0;
				while (k < n && cand[k] < i)
					k++;
				if (overlaps && (k == n || cand[k] != i))
					ck_abort_msg("step %u: entry %u overlaps 0x%08x but is no candidate",
					             step, i, vpn2);
			}
			for (unsigned j = 1; j < n; j++)
				if (cand[j] <= cand[j - 1])
					ck_abort_msg("step %u: candidates out of order", step);
		}
	}
}
END_TEST

START_TEST(statistics_by_mode)
{
	struct tlb_xlate x;
	tlb_init(&t, 48);
	put(0, 0, 0x00400000, LO(1, V), LO(2, 0));
	tlb_lookup(&t, 0x00400000, 0, false, TLB_MODE_KERNEL, &x);  /* hit */
	tlb_lookup(&t, 0x00400000, 0, true, TLB_MODE_SUPERVISOR, &x); /* modified */
	tlb_lookup(&t, 0x00401000, 0, false, TLB_MODE_USER, &x);      /* invalid */
	tlb_lookup(&t, 0x00500000, 0, false, TLB_MODE_USER, &x);      /* refill */
	ck_assert_uint_eq(t.stats.lookups[TLB_MODE_KERNEL], 1);
	ck_assert_uint_eq(t.stats.hits[TLB_MODE_KERNEL], 1);
	ck_assert_uint_eq(t.stats.modifieds[TLB_MODE_SUPERVISOR], 1);
	ck_assert_uint_eq(t.stats.invalids[TLB_MODE_USER], 1);
	ck_assert_uint_eq(t.stats.refills[TLB_MODE_USER], 1);
	ck_assert_uint_eq(t.stats.lookups[TLB_MODE_USER], 2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tlb");
	TCase *tc = tcase_create("r4000");
	tcase_add_test(tc, init_ranges);
	tcase_add_test(tc, even_odd_4k);
	tcase_add_test(tc, valid_bit);
	tcase_add_test(tc, global_needs_both_g);
	tcase_add_test(tc, page_sizes);
	tcase_add_test(tc, probe);
	tcase_add_test(tc, write_masks_and_returns_old);
	tcase_add_test(tc, first_match_wins);
	tcase_add_test(tc, index_agrees_with_linear_search);
	tcase_add_test(tc, statistics_by_mode);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
