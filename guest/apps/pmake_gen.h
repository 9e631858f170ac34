/* pmake's source generator: one source file of cc1's language (cc1.h),
 * drawn from a seeded generator, so that every build compiles fresh but
 * reproducible code. */
#ifndef GUEST_APPS_PMAKE_GEN_H
#define GUEST_APPS_PMAKE_GEN_H

#include <rng.h>
#include <stdint.h>

/* Write a source of `funcs` functions into buf (at most cap bytes,
 * NUL-terminated); its length, or 0 when it does not fit. */
uint32_t pmake_generate(struct rng *r, uint32_t funcs, char *buf, uint32_t cap);

#endif
