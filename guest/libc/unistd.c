/* The system calls with Unix conventions: the raw stubs (sys/syscall.h)
 * return -errno, these wrappers return -1 and set errno. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int errno;

/* A raw result in -SYS_ERRNO_MAX..-1 is an error; anything else a value. */
static long check(long r)
{
	if (r < 0 && r >= -SYS_ERRNO_MAX) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

_Noreturn void _exit(int status) { sys_exit(status); }

pid_t fork(void)
{
	/* Otherwise both processes would print what the parent buffered. */
	stdout_flush();
	return (pid_t)check(sys_fork());
}

ssize_t read(int fd, void *buf, size_t n) { return check(sys_read(fd, buf, n)); }

ssize_t write(int fd, const void *buf, size_t n) { return check(sys_write(fd, buf, n)); }

int open(const char *path, int flags) { return (int)check(sys_open(path, flags)); }

int close(int fd) { return (int)check(sys_close(fd)); }

pid_t wait(int *status) { return (pid_t)check(sys_wait(status)); }

int unlink(const char *path) { return (int)check(sys_unlink(path)); }

int exec(const char *path, char *const argv[])
{
	stdout_flush();
	return (int)check(sys_exec(path, argv));
}

pid_t getpid(void) { return (pid_t)check(sys_getpid()); }

void *sbrk(intptr_t increment)
{
	long r = check(sys_sbrk((long)increment));
	return r == -1 ? (void *)-1 : (void *)r;
}

int yield(void) { return (int)check(sys_yield()); }

unsigned long time_us(void) { return sys_time(); }

int console_write(const char *buf, size_t n) { return (int)check(sys_console(buf, n)); }

int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0)
			return -1;
		if (w == 0) { /* a kernel that accepts nothing would loop forever */
			errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}
