/* 64-bit division for the 32-bit guest: the helpers gcc calls for `/` and
 * `%` on 64-bit operands (MIPS32 divides only 32-bit values in hardware).
 * Linking Debian's libgcc instead would mix its PIC, hard-float objects
 * into our static soft-float programs, so the libc carries its own, built
 * on the hardware's 32-bit divide wherever the divisor fits 32 bits. */
#include <stdint.h>

uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);

/* (hi:lo) / v for hi < v, so that the quotient fits 32 bits: Knuth's
 * algorithm D with 16-bit digits, as "divlu" in Warren's Hacker's Delight
 * (2nd ed., section 9-4), on the hardware's 32-bit divide.  All arithmetic
 * is modulo 2^32 where the true value is known to fit. */
static uint32_t divlu(uint32_t hi, uint32_t lo, uint32_t v, uint32_t *rem)
{
	const uint32_t b = 65536;
	int s = __builtin_clz(v); /* normalise: v's top bit set */
	v <<= s;
	uint32_t vn1 = v >> 16, vn0 = v & 0xffff;
	uint32_t un32 = (hi << s) | (s ? lo >> (32 - s) : 0), un10 = lo << s;
	uint32_t un1 = un10 >> 16, un0 = un10 & 0xffff;

	uint32_t q1 = un32 / vn1, rhat = un32 - q1 * vn1;
	while (q1 >= b || q1 * vn0 > b * rhat + un1) {
		q1--;
		rhat += vn1;
		if (rhat >= b)
			break;
	}
	uint32_t un21 = un32 * b + un1 - q1 * v;
	uint32_t q0 = un21 / vn1;
	rhat = un21 - q0 * vn1;
	while (q0 >= b || q0 * vn0 > b * rhat + un0) {
		q0--;
		rhat += vn1;
		if (rhat >= b)
			break;
	}
	*rem = (un21 * b + un0 - q0 * v) >> s;
	return q1 * b + q0;
}

/* n / d, with the remainder in *rem.  Division by zero traps, as the
 * 32-bit divide gcc emits would (teq). */
static uint64_t udivmod(uint64_t n, uint64_t d, uint64_t *rem)
{
	if (d == 0)
		__builtin_trap();
	uint32_t nh = (uint32_t)(n >> 32), nl = (uint32_t)n;
	if ((d >> 32) == 0) {
		uint32_t dl = (uint32_t)d, r;
		if (nh == 0) {
			*rem = nl % dl;
			return nl / dl;
		}
		/* The high word divides on its own; its remainder (< dl) and the
		 * low word make a two-word division with a one-word quotient. */
		uint32_t qh = nh / dl, ql = divlu(nh % dl, nl, dl, &r);
		*rem = r;
		return (uint64_t)qh << 32 | ql;
	}
	/* A divisor of more than 32 bits: the quotient has at most 32, one
	 * per step of binary long division. */
	uint64_t q = 0, r = n >> 32;
	for (int bit = 31; bit >= 0; bit--) {
		r = (r << 1) | ((n >> bit) & 1);
		if (r >= d) {
			r -= d;
			q |= (uint64_t)1 << bit;
		}
	}
	*rem = r;
	return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
	uint64_t r;
	return udivmod(n, d, &r);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
	uint64_t r;
	udivmod(n, d, &r);
	return r;
}

/* C rounds toward zero: divide the magnitudes, then fix the signs. */
static uint64_t magnitude(int64_t v) { return v < 0 ? 0 - (uint64_t)v : (uint64_t)v; }

int64_t __divdi3(int64_t n, int64_t d)
{
	uint64_t r, q = udivmod(magnitude(n), magnitude(d), &r);
	return (n < 0) != (d < 0) ? (int64_t)(0 - q) : (int64_t)q;
}

int64_t __moddi3(int64_t n, int64_t d)
{
	uint64_t r;
	udivmod(magnitude(n), magnitude(d), &r);
	return n < 0 ? (int64_t)(0 - r) : (int64_t)r;
}
