/* The guest libc: wait() for a child and decode its status. */
#ifndef GUEST_SYS_WAIT_H
#define GUEST_SYS_WAIT_H

#include <unistd.h>

/* The status word as the kernel fills it (guest/ABI.md). */
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFEXITED(s) (((s) & 0x7f) == 0)

pid_t wait(int *status); /* a finished child's pid, or -1 (no children) */

#endif
