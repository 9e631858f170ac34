/* open() flags of the guest ABI (guest/ABI.md), shared by the guest kernel
 * and the guest libc. */
#ifndef GUEST_ABI_OPENFLAGS_H
#define GUEST_ABI_OPENFLAGS_H

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_ACCMODE 3
#define O_CREAT 0x100
#define O_TRUNC 0x200
#define O_APPEND 0x400

#endif
