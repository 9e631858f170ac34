/* The guest libc: the deterministic pseudo-random generator every workload
 * draws its inputs from (xoshiro128**, seeded through splitmix32).
 *
 * A generator is a plain struct, seeded from (seed, stream): the workloads
 * give each independent part of their input its own stream (source file i
 * of pmake is stream i), so that what one part draws never depends on the
 * order in which the others were generated.  Same seed and stream, same
 * sequence, on any byte order and on the host.
 */
#ifndef GUEST_RNG_H
#define GUEST_RNG_H

#include <stdint.h>

struct rng {
	uint32_t s[4];
};

void rng_init(struct rng *r, uint32_t seed, uint32_t stream);
uint32_t rng_next(struct rng *r);
/* Uniform in [0, n) (n > 0), by multiply-shift: no division. */
uint32_t rng_below(struct rng *r, uint32_t n);
/* Uniform in [lo, hi] (lo <= hi). */
uint32_t rng_range(struct rng *r, uint32_t lo, uint32_t hi);

#endif
