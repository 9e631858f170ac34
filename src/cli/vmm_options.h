/* The options that choose a VMM policy and set its parameters, shared by
 * vmmsim run (and record) and vmmsim replay: one getopt_long table, one
 * usage text and one parse, so that both commands accept the same values
 * and refuse the others with the same line and exit status. */
#ifndef VMMSIM_VMM_OPTIONS_H
#define VMMSIM_VMM_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

#include "models/vmm.h"

/* getopt_long codes; a command numbers its own options from VMM_OPTION_END. */
enum {
	VMM_OPTION_POLICY = 256,
	VMM_OPTION_L2TLB_ENTRIES,
	VMM_OPTION_L2TLB_WAYS,
	VMM_OPTION_DEDUP_RATE,
	VMM_OPTION_END
};

/* The entries of a command's struct option table (no terminator). */
#define VMM_OPTIONS_LONG                                                       \
	{ "policy", required_argument, NULL, VMM_OPTION_POLICY },              \
	{ "l2tlb-entries", required_argument, NULL, VMM_OPTION_L2TLB_ENTRIES }, \
	{ "l2tlb-ways", required_argument, NULL, VMM_OPTION_L2TLB_WAYS },      \
	{ "dedup-rate", required_argument, NULL, VMM_OPTION_DEDUP_RATE }

/* The usage lines of VMM_OPTIONS_LONG. */
void vmm_options_usage(FILE *out);

/* getopt_long returned code with arg: 1 if it was one of VMM_OPTIONS_LONG
 * (the policy's name or a parameter stored), 0 if not, -1 after printing
 * one line on a bad value (the command then exits with EXIT_BAD_INPUT). */
int vmm_options_parse(int code, const char *arg, const char **policy, struct vmm_params *p);

#endif
