/* Running a sweep's runs on this machine: up to `jobs` `vmmsim run`
 * processes at a time, each writing DIR/runs/NAME.json atomically (vmmsim
 * run writes a temporary and renames it) with its console and messages in
 * DIR/logs/NAME.log.  A run whose result is already there is skipped, so an
 * interrupted sweep resumes where it stopped.  A run that fails (vmmsim run
 * exits non-zero: the guest failed or never halted) is counted and named;
 * a result it wrote is moved to DIR/runs/NAME.json.failed, so that it is
 * not aggregated and runs again when the sweep does.  On a terminal a progress
 * line shows done/total, the time elapsed and the time left. */
#ifndef VMMSIM_SWEEP_EXEC_H
#define VMMSIM_SWEEP_EXEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "analysis/sweep.h"

struct sweep_exec_options {
	const char *vmmsim; /* the binary that runs them */
	const char *dir;    /* the sweep's folder (exists) */
	unsigned jobs;
	bool progress;      /* draw the progress line on stderr */
};

struct sweep_exec_counts {
	size_t ran, skipped, failed;
	int interrupted; /* the signal (SIGINT, SIGTERM) that stopped the sweep, or 0 */
};

/* DIR/runs/NAME.json and DIR/logs/NAME.log (into buf). */
void sweep_exec_result_path(const char *dir, const struct sweep_run *r, char *buf, size_t len);
void sweep_exec_log_path(const char *dir, const struct sweep_run *r, char *buf, size_t len);

/* Make DIR, DIR/runs and DIR/logs; false with a message on stderr. */
bool sweep_exec_prepare(const char *dir);

/* Run what is missing; false (message on stderr) if the sweep could not be
 * run at all.  Failed runs are counted and named on stderr. */
bool sweep_exec(const struct sweep *s, const struct sweep_exec_options *o,
                struct sweep_exec_counts *c);

/* One line of shell per run that does what sweep_exec does for it (skip if
 * present, else run with the log, a failed run's result put aside, exit
 * with the run's status), for a Slurm array or any batch system. */
void sweep_exec_command(FILE *out, const struct sweep_exec_options *o, const struct sweep_run *r);

#endif
