/* The guest libc: errno.  The values (ENOENT, ...) belong to the kernel and
 * live in guest/include/errno.h, which this header pulls in; the libc adds
 * the per-process variable. */
#ifndef GUEST_LIBC_ERRNO_H
#define GUEST_LIBC_ERRNO_H

#include_next <errno.h>

extern int errno;

#endif
