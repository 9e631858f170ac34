/* The guest libc: the system calls, Unix style (-1 and errno on failure).
 * guest/ABI.md says what each call does in the kernel. */
#ifndef GUEST_UNISTD_H
#define GUEST_UNISTD_H

#include <stddef.h>
#include <stdint.h>

typedef int pid_t;
typedef long ssize_t;

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

_Noreturn void _exit(int status); /* no flush: see exit() in <stdlib.h> */
pid_t fork(void);                 /* flushes standard output first */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
int unlink(const char *path);
/* Replace the process image by the program at path (e.g. "/bin/cc1") with a
 * NULL-terminated argv; returns only on failure. */
int exec(const char *path, char *const argv[]);
pid_t getpid(void);
void *sbrk(intptr_t increment); /* old break, or (void *)-1 */
int yield(void);                /* give the CPU to another runnable process */
unsigned long time_us(void);    /* the kernel clock: microseconds since boot */
int console_write(const char *buf, size_t n); /* straight to the console */

/* write() all n bytes (retrying short writes); 0, or -1 with errno set. */
int write_all(int fd, const void *buf, size_t n);

#endif
