/* The options of vmmsim run and vmmsim record, parsed and checked
 * (run_options.c); cmd_run.c loads and runs what they name. */
#ifndef VMMSIM_CLI_RUN_OPTIONS_H
#define VMMSIM_CLI_RUN_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/workload.h"
#include "models/policy.h"
#include "models/vmm.h"
#include "sim/machine.h"
#include "sim/mmio_map.h"

struct run_options {
	struct machine_config cfg;
	const char *program, *out_path, *cost_path, *cmdline, *trace_path;
	bool trace, quiet;
	bool recording;                   /* vmmsim record */
	const char *record_path;
	struct workload_request workload; /* name NULL: a bare-metal program */
	const char *policy;               /* NULL: native (bare for a program) */
	const char *flavour;              /* NULL: the base policy's */
	const struct policy_ops *base;    /* the policy that runs the guest */
	struct vmm_params vmm;
	unsigned nvms;
	const char *const *programs;      /* bare-metal: VM i runs programs[min(i, n-1)] */
	unsigned nprograms;
	char kernel_path[4096];
	char workload_cmdline[BOOT_CMDLINE_MAX];
};

/* Parse argv into o (o->recording set first for vmmsim record): -1 to go
 * on, or the exit status (cmd.h) of --help, --version or a bad option,
 * after printing what was asked or one line on what is wrong. */
int run_options_parse(int argc, char **argv, struct run_options *o);

/* The policy runs the guest under a VMM (not natively). */
bool run_options_virtualized(const struct run_options *o);

#endif
