/* The virtual CP0's Random (src/models/vcp0.h): N-1 after reset and after a
 * write to Wired, then a draw in [Wired, N-1] after each TLBWR, the same
 * draws for the same seed; each test runs with a 48-entry (R4000) and a
 * 64-entry (R10000) virtual TLB. */
#include <check.h>
#include <stdlib.h>

#include "models/vcp0.h"
#include "testmachine.h"
#include "unit.h"

static const unsigned tlb_sizes[] = { 48, 64 };
#define NSIZES (sizeof tlb_sizes / sizeof tlb_sizes[0])

static struct machine *m;
static gsl_rng *rng;
static struct vcp0 c;
static unsigned n; /* virtual TLB entries of this run */

static void setup_size(int i, unsigned long seed)
{
	n = tlb_sizes[i];
	m = tm_new(true, n);
	rng = gsl_rng_alloc(gsl_rng_taus2);
	ck_assert_ptr_nonnull(rng);
	gsl_rng_set(rng, seed);
	vcp0_reset(&c, n, true, rng);
}

static void teardown(void)
{
	gsl_rng_free(rng);
	machine_free(m);
}

#define RD(reg) vcp0_read(&c, m, (reg), 0)
#define WR(reg, v) vcp0_write(&c, m, (reg), 0, (v))

START_TEST(random_is_top_after_reset_and_wired_write)
{
	setup_size(_i, 1);
	ck_assert_uint_eq(RD(CP0_RANDOM), n - 1);
	WR(CP0_WIRED, 3);
	vcp0_tlbwr_done(&c);
	WR(CP0_WIRED, 5);
	ck_assert_uint_eq(RD(CP0_WIRED), 5);
	ck_assert_uint_eq(RD(CP0_RANDOM), n - 1);
	WR(CP0_RANDOM, 7); /* read-only */
	ck_assert_uint_eq(RD(CP0_RANDOM), n - 1);
	teardown();
}
END_TEST

/* Instructions do not move it: only a TLBWR does. */
START_TEST(random_holds_between_tlbwrs)
{
	setup_size(_i, 1);
	WR(CP0_WIRED, 2);
	vcp0_tlbwr_done(&c);
	uint32_t r = RD(CP0_RANDOM);
	m->insns += 1000;
	m->cycles += 5000;
	ck_assert_uint_eq(RD(CP0_RANDOM), r);
	teardown();
}
END_TEST

/* Every draw in [Wired, N-1], and every value of the range drawn (a
 * uniform draw misses one of 46 values in 4,600 draws with probability
 * about 46 * e^-100). */
START_TEST(draws_cover_wired_to_top)
{
	setup_size(_i, 7);
	const unsigned wired = 2;
	WR(CP0_WIRED, wired);
	unsigned seen[64] = { 0 };
	for (unsigned k = 0; k < 100 * (n - wired); k++) {
		vcp0_tlbwr_done(&c);
		uint32_t r = RD(CP0_RANDOM);
		ck_assert(r >= wired && r <= n - 1);
		seen[r]++;
	}
	for (unsigned v = wired; v < n; v++)
		if (!seen[v])
			ck_abort_msg("Random never drew %u in [%u, %u]", v, wired, n - 1);
	teardown();
}
END_TEST

START_TEST(wired_at_or_beyond_n_keeps_top)
{
	setup_size(_i, 1);
	WR(CP0_WIRED, n - 1);
	for (unsigned k = 0; k < 10; k++) {
		vcp0_tlbwr_done(&c);
		ck_assert_uint_eq(RD(CP0_RANDOM), n - 1);
	}
	teardown();
}
END_TEST

/* DRAWS values of Random after as many TLBWRs, Wired 2, from seed. */
enum { DRAWS = 200 };
static void draws_of(int size, unsigned long seed, uint32_t *out)
{
	setup_size(size, seed);
	WR(CP0_WIRED, 2);
	for (unsigned k = 0; k < DRAWS; k++) {
		vcp0_tlbwr_done(&c);
		out[k] = RD(CP0_RANDOM);
	}
	teardown();
}

/* The same seed, the same choices: a replay (which seeds its VM from the
 * trace's header) replaces the entries executing replaced. */
START_TEST(same_seed_same_draws)
{
	uint32_t a[DRAWS], b[DRAWS], other[DRAWS];
	draws_of(_i, 1, a);
	draws_of(_i, 1, b);
	draws_of(_i, 2, other);
	unsigned differ = 0;
	for (unsigned k = 0; k < DRAWS; k++) {
		ck_assert_uint_eq(a[k], b[k]);
		differ += a[k] != other[k];
	}
	ck_assert_uint_gt(differ, DRAWS / 2); /* another seed, other draws */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("vcp0");
	TCase *tc = tcase_create("random");
#define T(fn) tcase_add_loop_test(tc, fn, 0, (int)NSIZES)
	T(random_is_top_after_reset_and_wired_write);
	T(random_holds_between_tlbwrs);
	T(draws_cover_wired_to_top);
	T(wired_at_or_beyond_n_keeps_top);
	T(same_seed_same_draws);
#undef T
	suite_add_tcase(s, tc);
	return unit_run(s);
}
