/* What `vmmsim run` and `vmmsim replay` report alike: why the guest
 * stopped (and the exit status that goes with it), and the VMM's parameters
 * as results-file members (doc/results-format.md). */
#ifndef VMMSIM_CLI_RUN_REPORT_H
#define VMMSIM_CLI_RUN_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "models/vmm.h"
#include "sim/machine.h"

/* The exit status for how m stopped (cmd.h), and the reason in words. */
int run_status(const struct machine *m, char *text, size_t len);

/* `  "vms": ..., "l2tlb_entries": ..., "memory": {...},` lines. */
void run_config_vmm_json(FILE *out, const struct vmm *v, const struct vmm_params *p);

#endif
