/* The cost model: every figure the simulator charges, in cycles, with its
 * unit and source documented in costmodel.c and doc/costmodel.md.
 *
 * A cost-model file is text, one "key = value" per line; '#' starts a
 * comment; blank lines are ignored; keys not named keep their defaults.
 * Values are non-negative integers (cycles) below 1,000,000.
 */
#ifndef VMMSIM_COSTMODEL_H
#define VMMSIM_COSTMODEL_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

struct costmodel {
	/* the CPU: cycles per instruction class */
	uint32_t alu;        /* add, logic, shifts, lui, slt, movn/z, ext/ins ... */
	uint32_t load;       /* lb .. lw, lwl/lwr, ll */
	uint32_t store;      /* sb .. sw, swl/swr, sc */
	uint32_t branch;     /* branches and jumps (the delay slot is counted apart) */
	uint32_t mult;       /* mult, multu, mul, madd, msub, mthi/mtlo/mfhi/mflo-free */
	uint32_t div;        /* div, divu */
	uint32_t priv;       /* mtc0, mfc0, tlb*, cache, eret, di/ei, wait */
	uint32_t exc_entry;  /* taking an exception: pipeline flush and vector fetch */
	uint32_t exc_return; /* eret */
	uint32_t uncached;   /* extra for an access to kseg1 or a device */
	uint32_t count_divisor; /* Count ticks once per this many cycles (R4000: 2) */
};

/* The documented defaults. */
void costmodel_defaults(struct costmodel *c);

/* Parse a cost-model text of len bytes (need not be NUL-terminated) into c,
 * which should hold the defaults first.  On error returns -1 and writes one
 * line to err (size errlen): "line N: what is wrong". */
int costmodel_parse(struct costmodel *c, const char *text, size_t len, char *err, size_t errlen);

/* Read and parse a file; errors name the file: "FILE: line N: ...". */
int costmodel_load(struct costmodel *c, const char *path, char *err, size_t errlen);

/* Write the model as a cost-model file (round-trips through the parser). */
void costmodel_write(const struct costmodel *c, FILE *out);

#endif
