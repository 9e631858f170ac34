/* xoshiro128** (Blackman and Vigna, 2018): 128 bits of state, 32-bit
 * operations only, which suits a 32-bit MIPS; seeded through splitmix32 so
 * that nearby seeds give unrelated sequences. */
#include <rng.h>

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

/* One step of splitmix32 (the 32-bit variant of Steele, Lea and Flood's
 * SplitMix, with Murmur3's finaliser constants). */
static uint32_t splitmix32(uint32_t *x)
{
	uint32_t z = (*x += 0x9e3779b9u);
	z = (z ^ (z >> 16)) * 0x85ebca6bu;
	z = (z ^ (z >> 13)) * 0xc2b2ae35u;
	return z ^ (z >> 16);
}

void rng_init(struct rng *r, uint32_t seed, uint32_t stream)
{
	uint32_t x = seed;
	/* Fold the stream in through a second splitmix chain so that (seed,
	 * stream) pairs do not collide the way seed + stream would. */
	uint32_t y = splitmix32(&x) ^ stream;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix32(&y);
	if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
		r->s[0] = 1; /* the one state xoshiro can never leave */
}

uint32_t rng_next(struct rng *r)
{
	uint32_t *s = r->s;
	uint32_t result = rotl(s[1] * 5, 7) * 9;
	uint32_t t = s[1] << 9;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 11);
	return result;
}

uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((uint64_t)rng_next(r) * n) >> 32);
}

uint32_t rng_range(struct rng *r, uint32_t lo, uint32_t hi)
{
	uint32_t span = hi - lo + 1;
	return span == 0 ? rng_next(r) : lo + rng_below(r, span);
}
