/* Sweeps: a small text file naming the axes of an experiment, expanded into
 * the list of `vmmsim run` invocations it stands for (analysis/README.md
 * describes the format).  One line per axis or setting:
 *
 *   workloads pmake database       the workloads (--workload), or
 *   programs  a.elf b.elf          bare-metal programs instead
 *   policies  native trap l2tlb    --policy (omitted when absent)
 *   seeds     1..3 7               --seed, lists and ranges
 *   option tlb-entries 32 48 64    --tlb-entries V: any run option as an axis
 *   arg files 4 8                  --arg files=V: a workload parameter axis
 *   fixed --max-insns 100000000    arguments given to every run
 *
 * Runs are named after their values (pmake-trap-tlb-entries32-s1) and write
 * DIR/runs/NAME.json. */
#ifndef VMMSIM_SWEEP_H
#define VMMSIM_SWEEP_H

#include <stdbool.h>
#include <stddef.h>

struct sweep_run {
	char *name;  /* unique, safe in a file name */
	char **argv; /* the arguments after `vmmsim run`, NULL-terminated,
	              * without --out */
	size_t argc;
};

struct sweep {
	struct sweep_run *run;
	size_t n;
};

/* Parse and expand FILE; false with "FILE:LINE: what is wrong" in err. */
bool sweep_load(const char *path, struct sweep *s, char *err, size_t errlen);
void sweep_free(struct sweep *s);

#endif
