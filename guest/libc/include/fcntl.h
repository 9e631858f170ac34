/* The guest libc: open() and its flags (values fixed by the guest ABI). */
#ifndef GUEST_FCNTL_H
#define GUEST_FCNTL_H

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_ACCMODE 3
#define O_CREAT 0x100
#define O_TRUNC 0x200
#define O_APPEND 0x400

int open(const char *path, int flags);

#endif
