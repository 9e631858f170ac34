/* The guest libc: wait() for a child and decode its status word (its
 * encoding is the guest ABI's, shared with the kernel in
 * guest/include/waitstatus.h: exit code << 8, or the killing signal). */
#ifndef GUEST_SYS_WAIT_H
#define GUEST_SYS_WAIT_H

#include <unistd.h>
#include <waitstatus.h>

#define WIFEXITED(s) (((s) & 0x7f) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFSIGNALED(s) (((s) & 0x7f) != 0)
#define WTERMSIG(s) ((s) & 0x7f)

pid_t wait(int *status); /* a finished child's pid, or -1 (no children) */

#endif
