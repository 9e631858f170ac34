/* Error numbers of the guest ABI (guest/ABI.md): a failed system call
 * returns -ENAME in $v0.  The values are Linux's.  Included by the guest
 * kernel and, through its own <errno.h>, by the guest libc. */
#ifndef GUEST_ABI_ERRNO_H
#define GUEST_ABI_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define EIO 5
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define ENOMEM 12
#define EFAULT 14
#define EEXIST 17
#define EISDIR 21
#define EINVAL 22
#define EMFILE 24
#define EFBIG 27
#define ENOSPC 28
#define ERANGE 34 /* libc only: strtol and friends */
#define ENAMETOOLONG 36
#define ENOSYS 38

#endif
