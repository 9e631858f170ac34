/* A small machine for the CPU and CP0 unit suites: 1 MiB of RAM, code placed
 * as words in either byte order, vectors that halt, a bounded run, and
 * encoders for the instruction formats (MIPS32 Volume II, chapter 2). */
#ifndef VMMSIM_TESTS_TESTMACHINE_H
#define VMMSIM_TESTS_TESTMACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/machine.h"

/* Where tm_new() starts the CPU (kseg0, physical 0x10000). */
#define TM_CODE 0x80010000u
/* A data area (kseg0, physical 0x20000) tests may use freely. */
#define TM_DATA 0x80020000u

/* A booted bare machine (kernel mode, BEV=0, EBase 0x80000000) whose refill
 * (+0x000) and general (+0x180) vectors halt.  Aborts the test on failure. */
struct machine *tm_new(bool big_endian, unsigned tlb_entries);

/* Store n instruction words at kseg0/kseg1 address va in the guest's order. */
void tm_put(struct machine *m, uint32_t va, const uint32_t *words, size_t n);
/* One word of guest memory at kseg0/kseg1 address va, in the guest's order. */
uint32_t tm_word(const struct machine *m, uint32_t va);
void tm_set_word(struct machine *m, uint32_t va, uint32_t value);

/* Run from pc until the guest halts; fails the test if it has not within
 * max_insns instructions. */
void tm_run(struct machine *m, uint32_t pc, uint64_t max_insns);

/* The halt sequence: lui k0, 0xb000; sw zero, 0x10(k0). */
#define TM_HALT_WORDS 2
extern const uint32_t tm_halt[TM_HALT_WORDS];

/* Register numbers. */
enum { ZERO = 0, AT = 1, V0 = 2, V1 = 3, A0 = 4, T0 = 8, T1 = 9, T2 = 10, T3 = 11,
       T4 = 12, S0 = 16, K0 = 26, K1 = 27, RA = 31 };

/* Encoders for the three formats. */
static inline uint32_t enc_r(unsigned rs, unsigned rt, unsigned rd, unsigned sa, unsigned fn)
{
	return (uint32_t)rs << 21 | (uint32_t)rt << 16 | (uint32_t)rd << 11 | (uint32_t)sa << 6 | fn;
}
static inline uint32_t enc_i(unsigned op, unsigned rs, unsigned rt, uint32_t imm)
{
	return (uint32_t)op << 26 | (uint32_t)rs << 21 | (uint32_t)rt << 16 | (imm & 0xffff);
}
static inline uint32_t enc_j(unsigned op, uint32_t target)
{
	return (uint32_t)op << 26 | ((target >> 2) & 0x03ffffff);
}
/* MFC0/MTC0 rt, rd, sel */
static inline uint32_t enc_mfc0(unsigned rt, unsigned rd, unsigned sel)
{
	return 0x40000000u | (uint32_t)rt << 16 | (uint32_t)rd << 11 | sel;
}
static inline uint32_t enc_mtc0(unsigned rt, unsigned rd, unsigned sel)
{
	return 0x40800000u | (uint32_t)rt << 16 | (uint32_t)rd << 11 | sel;
}

#endif
