/* The host build of the workloads (tests/apps.inc): the guest libc's calls
 * that glibc lacks or spells differently, so that the same workload sources
 * compile with the host gcc against glibc.  Included first into every file
 * of the host build (-include); the guest libc's own headers (args.h,
 * rng.h, hash.h) come after glibc's in the search path (-idirafter).
 *
 * Only the system call seam differs; everything the workloads compute runs
 * the same code on the host as in the guest, which is what lets the host
 * check record the checksums the guest runs must print. */
#ifndef GUEST_APPS_HOST_SHIM_H
#define GUEST_APPS_HOST_SHIM_H

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* exec("/bin/NAME", argv): the host program NAME beside this one. */
int exec(const char *path, char *const argv[]);
int yield(void);              /* sched_yield */
unsigned long time_us(void);  /* the host's monotonic clock */
int console_write(const char *buf, size_t n);
int write_all(int fd, const void *buf, size_t n);
int stdout_flush(void);
pid_t shim_fork(void);        /* flushes stdout first, as the guest's fork */

/* The guest's open takes no mode; its files are the host's in the current
 * directory (the test runs each workload in a scratch folder). */
static inline int shim_open(const char *path, int flags) { return open(path, flags, 0644); }
#define open shim_open
#define fork shim_fork

#endif
