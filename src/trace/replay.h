/* Replaying a trace (traces/FORMAT.md) under any policy: the machine's CP0,
 * TLB, exception entry and ledger, and the VMM's own code, are driven by the
 * trace's records instead of by the interpreter, so that a run recorded once
 * natively can be replayed under `trap`, `l2tlb`, other TLB sizes or another
 * cost model, and its results compared number for number with execution.
 * doc/replay.md says what replay reproduces exactly and what it models.
 */
#ifndef VMMSIM_TRACE_REPLAY_H
#define VMMSIM_TRACE_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "models/vmm.h"
#include "trace/trace_io.h"

struct replay_config {
	const char *path;         /* the trace */
	const char *policy;       /* NULL or "native": no VMM */
	struct vmm_params vmm;    /* the policies' parameters */
	unsigned tlb_entries;     /* 0: the trace's */
	const char *cost_path;    /* NULL: the cost model the trace was recorded with */
	FILE *console_out;        /* the guest's console output */
};

struct replay;

/* Open the trace and build the machine (and VMM) it is replayed on; NULL
 * with one error line in err. */
struct replay *replay_open(const struct replay_config *c, char *err, size_t errlen);
/* Replay every record; 0 at the END record, -1 with err filled on a damaged
 * trace or one this configuration cannot replay. */
int replay_run(struct replay *r, char *err, size_t errlen);
void replay_close(struct replay *r);

struct machine *replay_machine(struct replay *r);
struct vmm *replay_vmm(struct replay *r);            /* NULL: native */
const struct trace_header *replay_header(const struct replay *r);
/* True when the guest's refills are synthesized by replay (the TLB differs
 * from the recording's, a VMM, or an imported trace). */
bool replay_retimed(const struct replay *r);

#endif
