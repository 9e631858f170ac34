/* Unit tests of the guest libc, run on the host (tests/apps.inc): the
 * formatter against glibc's snprintf, the string functions against
 * glibc's, the 64-bit division helpers against the host's native 64-bit
 * division, CRC-32 against zlib, the generator and the argument parser.
 * The libc's printf.c and string.c are compiled with their names prefixed
 * by guest_ (rename.h); args, rng and hash are compiled as they are. */
#include <args.h>
#include <check.h>
#include <hash.h>
#include <rng.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "../../../tests/unit.h"

int guest_snprintf(char *buf, size_t size, const char *fmt, ...);
void *guest_memcpy(void *dst, const void *src, size_t n);
void *guest_memmove(void *dst, const void *src, size_t n);
void *guest_memset(void *dst, int c, size_t n);
int guest_memcmp(const void *a, const void *b, size_t n);
int guest_strcmp(const char *a, const char *b);
char *guest_strstr(const char *h, const char *n);
char *guest_strrchr(const char *s, int c);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);

/* What printf.c writes with: the guest's is a system call. */
int write_all(int fd, const void *buf, size_t n);
int write_all(int fd, const void *buf, size_t n)
{
	return write(fd, buf, n) == (ssize_t)n ? 0 : -1;
}

/* A cheap host-side generator for test inputs (xorshift64). */
static uint64_t next64(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

#define SAME_AS_GLIBC(fmt, ...)                                                    \
	do {                                                                       \
		char want[128], got[128];                                          \
		int nw = snprintf(want, sizeof(want), fmt, __VA_ARGS__);           \
		int ng = guest_snprintf(got, sizeof(got), fmt, __VA_ARGS__);       \
		ck_assert_str_eq(got, want);                                       \
		ck_assert_int_eq(ng, nw);                                          \
	} while (0)

START_TEST(test_printf_matches_glibc)
{
	SAME_AS_GLIBC("%d %i %u", -42, 7, 4000000000u);
	SAME_AS_GLIBC("[%5d] [%-5d] [%05d] [%+d] [% d]", 42, 42, -42, 42, 42);
	SAME_AS_GLIBC("%x %X %#x %#o %o %08x", 0xbeefu, 0xbeefu, 255u, 8u, 0u, 0x1234u);
	SAME_AS_GLIBC("%.3d %.0d|%8.3d %-8.3x|", 5, 0, -7, 0xau);
	SAME_AS_GLIBC("%s|%10s|%-10s|%.2s|%c%c", "abc", "right", "left", "trunc", 'x', 'y');
	SAME_AS_GLIBC("%lld %llu %llx", -9000000000ll, 18000000000000000000ull, 0x123456789abcdefull);
	SAME_AS_GLIBC("%hhd %hd %zu %%", 300, 70000, (size_t)12345);
	SAME_AS_GLIBC("%*d|%-*d|%.*s", 6, 1, 4, 2, 3, "abcdef");
	SAME_AS_GLIBC("checksum %s 0x%08x", "pmake", 0x1a2bu);
}
END_TEST

START_TEST(test_snprintf_truncates_and_counts)
{
	char buf[8];
	ck_assert_int_eq(guest_snprintf(buf, sizeof(buf), "%s", "0123456789"), 10);
	ck_assert_str_eq(buf, "0123456");
	ck_assert_int_eq(guest_snprintf(NULL, 0, "%d", 12345), 5);
}
END_TEST

START_TEST(test_string_functions_match_glibc)
{
	unsigned char a[300], b[300], c[300];
	uint64_t x = 99;
	for (size_t i = 0; i < sizeof(a); i++)
		a[i] = (unsigned char)next64(&x);
	/* Every alignment and length up to 64, word paths and byte tails. */
	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n < 64; n++) {
			memset(b, 0x55, sizeof(b));
			memset(c, 0x55, sizeof(c));
			memcpy(b + off, a + 3, n);
			guest_memcpy(c + off, a + 3, n);
			ck_assert_int_eq(memcmp(b, c, sizeof(b)), 0);
			memset(b + off, 0xa7, n);
			guest_memset(c + off, 0xa7, n);
			ck_assert_int_eq(memcmp(b, c, sizeof(b)), 0);
			for (size_t shift = 1; shift <= 8; shift++) { /* overlapping */
				memmove(b + off + shift, b + off, n);
				guest_memmove(c + off + shift, c + off, n);
				ck_assert_int_eq(guest_memcmp(b, c, sizeof(b)), 0);
				memmove(b + off, b + off + shift, n);
				guest_memmove(c + off, c + off + shift, n);
				ck_assert_int_eq(guest_memcmp(b, c, sizeof(b)), 0);
			}
		}
	}
	ck_assert_int_lt(guest_strcmp("abc", "abd"), 0);
	ck_assert_int_gt(guest_strcmp("b", "abc"), 0);
	ck_assert_int_eq(guest_strcmp("same", "same"), 0);
	ck_assert_str_eq(guest_strstr("a needle in", "needle"), "needle in");
	ck_assert_ptr_null(guest_strstr("haystack", "pin"));
	ck_assert_str_eq(guest_strrchr("a/b/c", '/'), "/c");
}
END_TEST

START_TEST(test_64bit_division_matches_native)
{
	uint64_t x = 88172645463325252ull;
	for (int i = 0; i < 20000; i++) {
		uint64_t n = next64(&x) >> (next64(&x) % 64);
		uint64_t d = next64(&x) >> (next64(&x) % 64);
		if (d == 0)
			d = 1;
		ck_assert_uint_eq(__udivdi3(n, d), n / d);
		ck_assert_uint_eq(__umoddi3(n, d), n % d);
		int64_t sn = (next64(&x) & 1) ? (int64_t)n : -(int64_t)(n >> 1);
		int64_t sd = (next64(&x) & 1) ? (int64_t)(d >> 1) + 1 : -(int64_t)(d >> 1) - 1;
		ck_assert_int_eq(__divdi3(sn, sd), sn / sd);
		ck_assert_int_eq(__moddi3(sn, sd), sn % sd);
	}
	ck_assert_uint_eq(__udivdi3(~0ull, 1), ~0ull);
	ck_assert_uint_eq(__udivdi3(~0ull, 0xffffffffull), 0x100000001ull);
	ck_assert_uint_eq(__umoddi3(0xffffffff00000000ull, 0xfffffffful), 0);
}
END_TEST

START_TEST(test_crc32_matches_zlib)
{
	unsigned char buf[1000];
	uint64_t x = 5;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)next64(&x);
	ck_assert_uint_eq(crc32_update(0, "123456789", 9), 0xcbf43926u);
	uLong z = crc32(0L, buf, sizeof(buf));
	/* In two pieces, as pmake's link step feeds it. */
	uint32_t c = crc32_update(crc32_update(0, buf, 333), buf + 333, sizeof(buf) - 333);
	ck_assert_uint_eq(c, (uint32_t)z);
}
END_TEST

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

START_TEST(test_hashes_are_the_published_functions)
{
	ck_assert_uint_eq(hash_str(""), 2166136261u); /* FNV-1a offset basis */
	ck_assert_uint_eq(hash_str("a"), 0xe40c292cu);
	ck_assert_uint_eq(hash_final(0), 0);
	/* The finaliser is a bijection (database's unique keys rely on it):
	 * no two of 65536 inputs collide. */
	static uint32_t out[1 << 16];
	for (uint32_t i = 0; i < (1u << 16); i++)
		out[i] = hash_final(i * 7919u + 3);
	qsort(out, 1u << 16, sizeof(out[0]), cmp_u32);
	for (uint32_t i = 1; i < (1u << 16); i++)
		ck_assert_uint_ne(out[i - 1], out[i]);
	ck_assert_uint_ne(hash_mix(0, 1), hash_mix(0, 2));
	ck_assert_uint_ne(hash_mix(hash_mix(0, 1), 2), hash_mix(hash_mix(0, 2), 1));
}
END_TEST

START_TEST(test_rng_streams_are_reproducible_and_distinct)
{
	struct rng a, b, c;
	rng_init(&a, 1, 0);
	rng_init(&b, 1, 0);
	rng_init(&c, 1, 1);
	int differ = 0;
	for (int i = 0; i < 1000; i++) {
		uint32_t va = rng_next(&a), vb = rng_next(&b), vc = rng_next(&c);
		ck_assert_uint_eq(va, vb);
		differ += va != vc;
	}
	ck_assert_int_gt(differ, 990);
	uint32_t hist[10] = {0};
	for (int i = 0; i < 100000; i++) {
		uint32_t v = rng_below(&a, 10);
		ck_assert_uint_lt(v, 10);
		hist[v]++;
		uint32_t r = rng_range(&a, 5, 7);
		ck_assert(r >= 5 && r <= 7);
	}
	for (int i = 0; i < 10; i++) /* uniform: 10000 each, give or take */
		ck_assert(hist[i] > 9500 && hist[i] < 10500);
}
END_TEST

static const struct arg_spec specs[] = {
	{"seed", 1, 0, 0xffffffffu, "seed"},
	{"size", 1, 1, 100, "size"},
};

static enum args_result parse(uint32_t *v, int argc, char **argv)
{
	return args_parse("t", specs, 2, v, argc, argv);
}

START_TEST(test_args_parse_values_and_errors)
{
	uint32_t v[2];
	char *none[] = {"t"};
	ck_assert_int_eq(parse(v, 1, none), ARGS_OK);
	ck_assert_uint_eq(v[0], 1);
	ck_assert_uint_eq(v[1], 1);
	char *ok[] = {"t", "size=0x10", "seed=4294967295"};
	ck_assert_int_eq(parse(v, 3, ok), ARGS_OK);
	ck_assert_uint_eq(v[0], 0xffffffffu);
	ck_assert_uint_eq(v[1], 16);
	char *unknown[] = {"t", "colour=1"}, *range[] = {"t", "size=101"};
	char *junk[] = {"t", "size=1x"}, *neg[] = {"t", "size=-1"}, *bare[] = {"t", "size"};
	ck_assert_int_eq(parse(v, 2, unknown), ARGS_ERROR);
	ck_assert_int_eq(parse(v, 2, range), ARGS_ERROR);
	ck_assert_int_eq(parse(v, 2, junk), ARGS_ERROR);
	ck_assert_int_eq(parse(v, 2, neg), ARGS_ERROR);
	ck_assert_int_eq(parse(v, 2, bare), ARGS_ERROR);
}
END_TEST

static Suite *libc_suite(void)
{
	Suite *s = suite_create("guest libc");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_printf_matches_glibc);
	tcase_add_test(tc, test_snprintf_truncates_and_counts);
	tcase_add_test(tc, test_string_functions_match_glibc);
	tcase_add_test(tc, test_64bit_division_matches_native);
	tcase_add_test(tc, test_crc32_matches_zlib);
	tcase_add_test(tc, test_hashes_are_the_published_functions);
	tcase_add_test(tc, test_rng_streams_are_reproducible_and_distinct);
	tcase_add_test(tc, test_args_parse_values_and_errors);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(libc_suite());
}
