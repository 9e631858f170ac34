/* The guest workloads as the front end knows them: names and parameters
 * come from guest/apps/workloads.def (one table for the programs and for
 * vmmsim), and the boot command line that starts one. */
#ifndef VMMSIM_WORKLOAD_H
#define VMMSIM_WORKLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define WORKLOAD_MAX_ARGS 16

struct workload_request {
	const char *name;
	uint64_t seed;
	const char *args[WORKLOAD_MAX_ARGS]; /* "key=value" */
	unsigned nargs;
	bool big_endian;
	const char *guest_dir; /* NULL: the default search (workload_kernel_path) */
};

/* Check name, keys and values against workloads.def; on error print one line
 * "vmmsim: ..." and return false. */
bool workload_validate(const struct workload_request *w);

/* The boot command line "NAME seed=N key=value ..." into buf. */
bool workload_cmdline(const struct workload_request *w, char *buf, size_t len);

/* Where the kernel image for this request is: --guest-dir, else
 * $VMMSIM_GUEST_DIR, else the build tree this vmmsim was built in, else the
 * installed $(pkgdatadir)/guest.  Returns false (with a message naming the
 * places searched) when none holds it. */
bool workload_kernel_path(const struct workload_request *w, const char *flavour, char *buf,
                          size_t len);

/* `vmmsim list`: the workloads and their parameters. */
void workload_print_list(FILE *out);

#endif
