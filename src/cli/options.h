/* Parsing option values strictly: a value that is not entirely a number in
 * range is an error with one clear line. */
#ifndef VMMSIM_OPTIONS_H
#define VMMSIM_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

/* An unsigned integer in [min, max]; prints "vmmsim: OPTION: ..." on error. */
bool options_uint(const char *option, const char *text, uint64_t min, uint64_t max,
                  uint64_t *out);

/* --mem: a size of simulated memory the machine accepts, with an optional
 * K, M or G suffix (powers of 1024): a multiple of 4K in
 * MACHINE_MEM_MIN..MACHINE_MEM_MAX. */
bool options_mem(const char *text, uint32_t *out);

/* --tlb-entries: a number of joint TLB entries, 1..TLB_MAX_ENTRIES. */
bool options_tlb_entries(const char *text, unsigned *out);

#endif
