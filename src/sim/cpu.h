/* The architectural state of the CPU's integer unit. */
#ifndef VMMSIM_CPU_H
#define VMMSIM_CPU_H

#include <stdbool.h>
#include <stdint.h>

/* gpr[0] always reads 0; instructions whose destination is $zero are decoded
 * to write gpr[CPU_SINK] instead, so no handler tests for register 0. */
#define CPU_SINK 32

struct cpu {
	uint32_t gpr[33];
	uint32_t hi, lo;
	uint32_t pc;  /* the next instruction to execute, when not running */
	bool llbit;   /* set by LL, cleared by ERET; SC succeeds only when set */
};

/* Conventional register names used by the front end and tests. */
enum cpu_reg { CPU_A0 = 4, CPU_A1 = 5, CPU_A2 = 6, CPU_V0 = 2, CPU_SP = 29, CPU_RA = 31 };

#endif
