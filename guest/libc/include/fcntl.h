/* The guest libc: open() and its flags (their values are the guest ABI's,
 * shared with the kernel in guest/include/openflags.h). */
#ifndef GUEST_FCNTL_H
#define GUEST_FCNTL_H

#include <openflags.h>

int open(const char *path, int flags);

#endif
