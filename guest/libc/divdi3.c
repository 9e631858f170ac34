/* 64-bit division for the 32-bit guest: the helpers gcc calls for `/` and
 * `%` on 64-bit operands (MIPS32 divides only 32-bit values in hardware).
 * Linking Debian's libgcc instead would mix its PIC, hard-float objects
 * into our static soft-float programs, so the libc carries its own:
 * restoring binary long division, one quotient bit per step, with a fast
 * path when both operands fit 32 bits. */
#include <stdint.h>

uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);

/* n / d, with the remainder in *rem.  Division by zero traps, as the
 * 32-bit divide gcc emits would (teq). */
static uint64_t udivmod(uint64_t n, uint64_t d, uint64_t *rem)
{
	if (d == 0)
		__builtin_trap();
	if ((n >> 32) == 0 && (d >> 32) == 0) {
		*rem = (uint32_t)n % (uint32_t)d;
		return (uint32_t)n / (uint32_t)d;
	}
	uint64_t q = 0, r = 0;
	for (int bit = 63; bit >= 0; bit--) {
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
