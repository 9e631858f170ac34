/* The raw system calls of the guest ABI (guest/ABI.md), one stub each.
 *
 * Each sys_NAME loads SYS_NAME (src/sim/services.h) into $v0, passes its
 * arguments in $a0..$a3, executes `syscall` and returns $v0 untouched: a
 * negative value is -errno.  The stubs are generated, one per call, by a
 * single assembler macro in guest/libc/syscalls.S; the C wrappers of
 * <unistd.h> turn -errno into -1 and errno.  These stubs are the libc's
 * only seam to the kernel.  (The host build of the workloads,
 * guest/apps/host/, uses glibc and a shim for the calls glibc lacks, not
 * this libc.)
 */
#ifndef GUEST_SYS_SYSCALL_H
#define GUEST_SYS_SYSCALL_H

_Noreturn void sys_exit(long status);
long sys_fork(void);
long sys_read(long fd, void *buf, unsigned long n);
long sys_write(long fd, const void *buf, unsigned long n);
long sys_open(const char *path, long flags);
long sys_close(long fd);
long sys_wait(int *status);
long sys_unlink(const char *path);
long sys_exec(const char *path, char *const argv[]);
unsigned long sys_time(void); /* microseconds since boot; never an error */
long sys_getpid(void);
long sys_sbrk(long increment); /* the old break */
long sys_yield(void);
long sys_console(const char *buf, unsigned long n);

/* The largest errno a negative result can carry: results in -4095..-1 are
 * errors, anything else (an address from sbrk, say) is a value. */
#define SYS_ERRNO_MAX 4095

#endif
