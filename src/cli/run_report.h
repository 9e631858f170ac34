/* What `vmmsim run` and `vmmsim replay` report alike: why the guest
 * stopped (and the exit status that goes with it), and the VMM's parameters
 * as results-file members (doc/results-format.md). */
#ifndef VMMSIM_CLI_RUN_REPORT_H
#define VMMSIM_CLI_RUN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "models/vmm.h"
#include "sim/report.h"
#include "sim/machine.h"

/* The end of a run or a replay: close the VMM's and the ledger's books,
 * fill meta's stop text, its policy (v's, else native for a workload, bare
 * for a program) and the VMM's callbacks (v may be NULL) for the
 * time of the call, print the summary unless quiet (then only a run that
 * did not halt), write the JSON to out_path if given.  Returns the exit
 * status (cmd.h) for how m stopped. */
int run_report_finish(struct machine *m, struct vmm *v, struct report_meta *meta, bool quiet,
                      const char *out_path);

/* `  "vms": ..., "l2tlb_entries": ..., "memory": {...},` lines. */
void run_config_vmm_json(FILE *out, const struct vmm *v, const struct vmm_params *p);

#endif
