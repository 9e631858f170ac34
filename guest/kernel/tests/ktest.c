/* ktest: the guest kernel's self-test, run as /bin/ktest (tests/kernel.sh
 * boots `vmmsim run --cmdline ktest vmunix-native.*.elf`).  Each test
 * checks one promise of guest/ABI.md through the raw system calls (whose
 * results carry -errno) and prints "ktest: NAME ok"; the last line is
 * "ktest: PASS" (exit 0) or "ktest: FAIL, N checks failed" (exit 1).
 * Nothing printed depends on timing, so the output is the same under any
 * timer placement.
 *
 * `ktest NAME` runs one test; `ktest exec-helper ...` is what the exec
 * test execs; `ktest exit-with N` exits with N and `ktest fault` faults, for
 * tests/kernel.sh to see what becomes of init.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "waitstatus.h"

static int failures;

#define CHECK(cond)                                                                       \
	do {                                                                              \
		if (!(cond)) {                                                            \
			printf("ktest: %s:%d: check failed: %s\n", __func__, __LINE__, #cond); \
			failures++;                                                       \
		}                                                                         \
	} while (0)

#define CHECK_EQ(got, want)                                                              \
	do {                                                                             \
		long g_ = (long)(got), w_ = (long)(want);                                \
		if (g_ != w_) {                                                          \
			printf("ktest: %s:%d: %s is %ld, want %ld\n", __func__, __LINE__, #got, \
			       g_, w_);                                                  \
			failures++;                                                      \
		}                                                                        \
	} while (0)

/* Run fn in a child and return its wait status. */
static int in_child(void (*fn)(void))
{
	stdout_flush();
	long pid = sys_fork();
	if (pid == 0) {
		fn();
		stdout_flush();
		sys_exit(failures ? 1 : 0);
	}
	CHECK(pid > 0);
	int status = -1;
	CHECK_EQ(sys_wait(&status), pid);
	return status;
}

static int global_counter = 7;
static char bss_block[3 * 4096];

static void test_fork_cow(void)
{
	char stack_var[64];
	char *heap = sbrk(8192);
	strcpy(stack_var, "parent");
	strcpy(heap, "heap-parent");
	global_counter = 100;
	long parent = sys_getpid();
	stdout_flush();
	long pid = sys_fork();
	if (pid == 0) {
		CHECK(sys_getpid() != parent);
		CHECK_EQ(global_counter, 100);
		CHECK(!strcmp(stack_var, "parent") && !strcmp(heap, "heap-parent"));
		global_counter = 200; /* each a copy-on-write fault */
		strcpy(stack_var, "child");
		strcpy(heap, "heap-child");
		CHECK_EQ(global_counter, 200);
		sys_exit(failures ? 1 : 42);
	}
	CHECK(pid > 0);
	int status = 0;
	CHECK_EQ(sys_wait(&status), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ(WEXITSTATUS(status), 42);
	CHECK_EQ(global_counter, 100);
	CHECK(!strcmp(stack_var, "parent"));
	CHECK(!strcmp(heap, "heap-parent"));
	/* The parent writes after the child is gone: its last reference. */
	global_counter = 300;
	CHECK_EQ(global_counter, 300);
}

static void test_wait(void)
{
	CHECK_EQ(sys_wait(NULL), -ECHILD);
	long pids[3];
	for (int i = 0; i < 3; i++) {
		stdout_flush();
		pids[i] = sys_fork();
		if (pids[i] == 0) {
			for (volatile int spin = 0; spin < (3 - i) * 20000; spin++)
				;
			sys_exit(10 + i);
		}
	}
	int seen = 0;
	for (int n = 0; n < 3; n++) {
		int status;
		long pid = sys_wait(&status);
		for (int i = 0; i < 3; i++)
			if (pid == pids[i]) {
				CHECK_EQ(status, (10 + i) << 8);
				seen |= 1 << i;
			}
	}
	CHECK_EQ(seen, 7);
	CHECK_EQ(sys_wait(NULL), -ECHILD);
	if (sys_fork() == 0)
		sys_exit(0);
	CHECK(sys_wait(NULL) > 0); /* a NULL status pointer is allowed */
}

static void test_exec(void)
{
	stdout_flush();
	long pid = sys_fork();
	if (pid == 0) {
		char *argv[] = { "ktest", "exec-helper", "one", "two", NULL };
		sys_exec("/bin/ktest", argv);
		sys_exit(99); /* exec failed */
	}
	int status;
	CHECK_EQ(sys_wait(&status), pid);
	CHECK_EQ(status, 4 << 8); /* the helper exits with argc */

	char *noargs[] = { "x", NULL };
	CHECK_EQ(sys_exec("/bin/no-such-program", noargs), -ENOENT);
	CHECK_EQ(sys_exec((char *)0x90000000, noargs), -EFAULT);
	CHECK_EQ(sys_exec("/bin/ktest", (char **)0x90000000), -EFAULT);
	int fd = (int)sys_open("/tmp/not-elf", O_CREAT | O_WRONLY | O_TRUNC);
	CHECK(fd >= 0);
	CHECK_EQ(sys_write(fd, "#!/bin/sh\n", 10), 10);
	sys_close(fd);
	CHECK_EQ(sys_exec("/tmp/not-elf", noargs), -ENOEXEC);
	sys_unlink("/tmp/not-elf");
	/* more argument bytes than exec takes */
	static char big[2000];
	memset(big, 'a', sizeof big - 1);
	char *many[] = { big, big, big, NULL };
	CHECK_EQ(sys_exec("/bin/ktest", many), -E2BIG);
}

static void test_files(void)
{
	char buf[64];
	CHECK_EQ(sys_open("/tmp/none", O_RDONLY), -ENOENT);
	int fd = (int)sys_open("/tmp/a", O_CREAT | O_RDWR);
	CHECK(fd >= 3);
	CHECK_EQ(sys_write(fd, "hello ", 6), 6);
	CHECK_EQ(sys_close(fd), 0);
	CHECK_EQ(sys_close(fd), -EBADF);
	fd = (int)sys_open("/tmp/a", O_WRONLY | O_APPEND);
	CHECK_EQ(sys_write(fd, "world", 5), 5);
	CHECK_EQ(sys_read(fd, buf, 4), -EBADF);
	sys_close(fd);
	fd = (int)sys_open("/tmp/a", O_RDONLY);
	CHECK_EQ(sys_write(fd, "x", 1), -EBADF);
	memset(buf, 0, sizeof buf);
	CHECK_EQ(sys_read(fd, buf, sizeof buf), 11);
	CHECK(!strcmp(buf, "hello world"));
	CHECK_EQ(sys_read(fd, buf, sizeof buf), 0);
	/* unlinked while open: still readable through the open file */
	CHECK_EQ(sys_unlink("/tmp/a"), 0);
	CHECK_EQ(sys_unlink("/tmp/a"), -ENOENT);
	CHECK_EQ(sys_open("/tmp/a", O_RDONLY), -ENOENT);
	sys_close(fd);
	/* truncation */
	fd = (int)sys_open("/tmp/b", O_CREAT | O_WRONLY);
	sys_write(fd, "0123456789", 10);
	sys_close(fd);
	fd = (int)sys_open("/tmp/b", O_RDWR | O_TRUNC);
	CHECK_EQ(sys_read(fd, buf, sizeof buf), 0);
	CHECK_EQ(sys_write(fd, "xy", 2), 2);
	sys_close(fd);
	fd = (int)sys_open("/tmp/b", O_RDONLY);
	CHECK_EQ(sys_read(fd, buf, sizeof buf), 2);
	sys_close(fd);
	sys_unlink("/tmp/b");
	/* /bin is read-only */
	CHECK_EQ(sys_open("/bin/ktest", O_WRONLY), -EPERM);
	CHECK_EQ(sys_open("/bin/ktest", O_RDONLY | O_TRUNC), -EPERM);
	CHECK_EQ(sys_open("/bin/new", O_CREAT | O_WRONLY), -EPERM);
	CHECK_EQ(sys_unlink("/bin/ktest"), -EPERM);
	fd = (int)sys_open("/bin/ktest", O_RDONLY);
	CHECK_EQ(sys_read(fd, buf, 4), 4);
	CHECK(!memcmp(buf, "\177ELF", 4));
	sys_close(fd);
	/* names */
	static char longname[80];
	memset(longname, 'n', 70);
	CHECK(sys_open(longname, O_CREAT | O_WRONLY) < 0);
	CHECK_EQ(sys_open("", O_RDONLY), -ENOENT);
	CHECK_EQ(sys_open("/tmp/c", O_RDWR | O_WRONLY), -EINVAL);
	/* console descriptors */
	CHECK_EQ(sys_read(0, buf, 8), 0);
	CHECK_EQ(sys_write(1, "", 0), 0);
	CHECK_EQ(sys_write(99, "x", 1), -EBADF);
	/* at most 16 descriptors */
	int fds[16], n = 0;
	for (; n < 16; n++) {
		fds[n] = (int)sys_open("/bin/ktest", O_RDONLY);
		if (fds[n] < 0)
			break;
	}
	CHECK_EQ(n, 13);
	CHECK_EQ(fds[n < 16 ? n : 15], -EMFILE);
	while (n-- > 0)
		sys_close(fds[n]);
}

/* A file bigger than one page, through many small and one large write,
 * and the 1 MiB limit. */
static void test_big_file(void)
{
	static char chunk[5000];
	for (unsigned i = 0; i < sizeof chunk; i++)
		chunk[i] = (char)(i * 7 + 3);
	int fd = (int)sys_open("/tmp/big", O_CREAT | O_RDWR | O_TRUNC);
	for (int i = 0; i < 10; i++)
		CHECK_EQ(sys_write(fd, chunk, sizeof chunk), sizeof chunk);
	sys_close(fd);
	fd = (int)sys_open("/tmp/big", O_RDONLY);
	static char back[5000];
	for (int i = 0; i < 10; i++) {
		CHECK_EQ(sys_read(fd, back, sizeof back), sizeof back);
		CHECK(!memcmp(back, chunk, sizeof chunk));
	}
	CHECK_EQ(sys_read(fd, back, sizeof back), 0);
	sys_close(fd);
	sys_unlink("/tmp/big");

	char *mb = sbrk(1 << 20);
	CHECK(mb != (char *)-1);
	memset(mb, 'z', 1 << 20);
	fd = (int)sys_open("/tmp/huge", O_CREAT | O_WRONLY);
	CHECK_EQ(sys_write(fd, mb, (1 << 20) - 10), (1 << 20) - 10);
	CHECK_EQ(sys_write(fd, mb, 100), 10); /* short: the file is full */
	CHECK_EQ(sys_write(fd, mb, 100), -EFBIG);
	sys_close(fd);
	sys_unlink("/tmp/huge");
	sbrk(-(1 << 20));
}

static void test_shared_offset(void)
{
	int fd = (int)sys_open("/tmp/shared", O_CREAT | O_RDWR | O_TRUNC);
	sys_write(fd, "ab", 2);
	stdout_flush();
	long pid = sys_fork();
	if (pid == 0) {
		sys_write(fd, "cd", 2);
		sys_exit(0);
	}
	sys_wait(NULL);
	sys_write(fd, "ef", 2);
	sys_close(fd);
	char buf[16] = { 0 };
	fd = (int)sys_open("/tmp/shared", O_RDONLY);
	CHECK_EQ(sys_read(fd, buf, sizeof buf), 6);
	CHECK(!strcmp(buf, "abcdef"));
	sys_close(fd);
	sys_unlink("/tmp/shared");
}

static void test_sbrk_demand_zero(void)
{
	for (unsigned i = 0; i < sizeof bss_block; i++)
		CHECK_EQ(bss_block[i], 0);
	/* from a page boundary: the rest of the break's page is not fresh */
	sbrk(4096 - ((uintptr_t)sbrk(0) & 4095));
	char *old = sbrk(0);
	char *p = sbrk(64 * 4096);
	CHECK(p == old);
	CHECK(sbrk(0) == old + 64 * 4096);
	int nonzero = 0;
	for (int i = 0; i < 64 * 4096; i += 512)
		nonzero += p[i] != 0;
	CHECK_EQ(nonzero, 0);
	for (int i = 0; i < 64 * 4096; i += 4096)
		p[i] = (char)(i / 4096 + 1);
	CHECK(sbrk(-64 * 4096) == p + 64 * 4096);
	p = sbrk(64 * 4096); /* fresh pages again: zero */
	nonzero = 0;
	for (int i = 0; i < 64 * 4096; i += 4096)
		nonzero += p[i] != 0;
	CHECK_EQ(nonzero, 0);
	sbrk(-64 * 4096);
	CHECK_EQ(sys_sbrk(0x7fffffff), -ENOMEM);
	CHECK_EQ(sys_sbrk(-0x10000000), -ENOMEM);
	/* a deep stack: 256 KiB of demand-zero pages */
	volatile char deep[256 * 1024];
	for (unsigned i = 0; i < sizeof deep; i += 4096)
		CHECK_EQ(deep[i], 0);
	deep[0] = 1;
}

static void test_bad_pointers(void)
{
	CHECK_EQ(sys_write(1, (void *)0x80000000, 10), -EFAULT);
	CHECK_EQ(sys_write(1, (void *)0x10000000, 10), -EFAULT); /* unmapped */
	CHECK_EQ(sys_console((void *)0xfffffff0, 32), -EFAULT);
	CHECK_EQ(sys_open((void *)0xA0000000, O_RDONLY), -EFAULT);
	CHECK_EQ(sys_unlink(NULL), -EFAULT);
	int fd = (int)sys_open("/bin/ktest", O_RDONLY);
	/* into the program's own read-only text */
	CHECK_EQ(sys_read(fd, (void *)(uintptr_t)test_bad_pointers, 16), -EFAULT);
	sys_close(fd);
	if (sys_fork() == 0)
		sys_exit(3);
	CHECK_EQ(sys_wait((int *)0xC0000000), -EFAULT);
	CHECK(sys_wait(NULL) > 0); /* still there after the failed wait */
	CHECK_EQ(sys_fork == NULL, 0);
	register long v0 __asm__("$2") = 999;
	__asm__ volatile("syscall" : "+r"(v0) : : "memory");
	CHECK_EQ(v0, -ENOSYS);
}

static void null_store(void) { *(volatile int *)0 = 1; }
static void text_store(void) { *(volatile int *)(uintptr_t)null_store = 0; }
static void kernel_load(void) { (void)*(volatile int *)0x80000000; }
static int words[2];
static char *volatile unaligned = (char *)words + 1;
static void unaligned_load(void) { (void)*(volatile int *)unaligned; }
static void illegal(void) { __asm__ volatile(".word 0xfc000000"); } /* RI */
static void privileged(void) { __asm__ volatile("mfc0 $8, $12" ::: "$8"); }
static void breakpoint(void) { __asm__ volatile("break 7"); }
static void stack_overflow(void)
{
	volatile char *p = (volatile char *)0x7FFFF000 - (1u << 20) - 4096;
	*p = 1;
}

static void test_kill(void)
{
	CHECK_EQ(in_child(null_store), SIGSEGV);
	CHECK_EQ(in_child(text_store), SIGSEGV);
	CHECK_EQ(in_child(kernel_load), SIGSEGV);
	CHECK_EQ(in_child(unaligned_load), SIGBUS);
	CHECK_EQ(in_child(illegal), SIGILL);
	CHECK_EQ(in_child(privileged), SIGILL);
	CHECK_EQ(in_child(breakpoint), SIGTRAP);
	CHECK_EQ(in_child(stack_overflow), SIGSEGV);
}

/* More processes over time than there are ASIDs, and many at once. */
static void test_many(void)
{
	for (int i = 0; i < 300; i++) {
		long pid = sys_fork();
		if (pid == 0) {
			global_counter = i; /* a COW fault in each */
			sys_exit(i & 0xff);
		}
		int status;
		if (sys_wait(&status) != pid || status != (i & 0xff) << 8) {
			CHECK(!"fork/wait round");
			break;
		}
	}
	int n = 0;
	for (; n < 40; n++) {
		long pid = sys_fork();
		if (pid == 0) {
			char *p = sbrk(4096);
			p[0] = (char)n;
			for (int k = 0; k < 3; k++)
				sys_yield();
			sys_exit(p[0] == (char)n ? n : 255);
		}
		if (pid < 0)
			break;
	}
	CHECK_EQ(n, 40);
	unsigned long sum = 0;
	for (int i = 0; i < n; i++) {
		int status;
		CHECK(sys_wait(&status) > 0);
		sum += (unsigned)WEXITSTATUS(status);
	}
	CHECK_EQ(sum, 40 * 39 / 2);
	CHECK_EQ(sys_wait(NULL), -ECHILD);
}

/* The parent spins until its child has run: only the timer can give the
 * child the CPU, since the parent never yields. */
static void test_preemption(void)
{
	sys_unlink("/tmp/flag");
	stdout_flush();
	long pid = sys_fork();
	if (pid == 0) {
		int fd = (int)sys_open("/tmp/flag", O_CREAT | O_WRONLY);
		sys_close(fd);
		sys_exit(0);
	}
	long fd;
	while ((fd = sys_open("/tmp/flag", O_RDONLY)) < 0)
		;
	sys_close(fd);
	CHECK_EQ(sys_wait(NULL), pid);
	sys_unlink("/tmp/flag");
}

/* Sleeping by yielding: alone, yield idles until the next tick. */
static void test_time_idle(void)
{
	unsigned long t0 = sys_time();
	while (sys_time() - t0 < 20000)
		CHECK_EQ(sys_yield(), 0);
	CHECK(sys_time() - t0 >= 20000);
	CHECK_EQ(sys_console("ktest: console\n", 15), 15);
}

/* The pool's free pages, as sbrk sees them: the largest growth it allows
 * (found by bisection, nothing touched, the break restored). */
static long free_pages(void)
{
	long lo = 0, hi = 1 << 18; /* 1 GiB in pages */
	while (lo < hi) {
		long mid = (lo + hi + 1) / 2;
		if (sys_sbrk(mid * 4096) >= 0) {
			sys_sbrk(-mid * 4096);
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	return lo;
}

static void leak_round(void)
{
	for (int i = 0; i < 8; i++) {
		if (sys_fork() == 0) {
			char *p = sbrk(64 * 4096);
			for (int k = 0; k < 64; k++)
				p[k * 4096] = (char)k;
			global_counter = i;
			if (i == 0)
				null_store(); /* killed: its pages go back too */
			if (i == 1) {
				char *argv[] = { "ktest", "exec-helper", "one", "two", NULL };
				sys_exec("/bin/ktest", argv);
			}
			sys_exit(0);
		}
	}
	while (sys_wait(NULL) > 0)
		;
	static char block[100 * 1024];
	int fd = (int)sys_open("/tmp/leak", O_CREAT | O_WRONLY | O_TRUNC);
	sys_write(fd, block, sizeof block);
	sys_close(fd);
	sys_unlink("/tmp/leak");
}

/* Exit, kill, exec and unlink give every page back. */
static void test_no_leak(void)
{
	leak_round(); /* the first round may leave the parent's own pages */
	long before = free_pages();
	CHECK(before > 0);
	leak_round();
	CHECK_EQ(free_pages(), before);
}

struct test {
	const char *name;
	void (*fn)(void);
};

static const struct test tests[] = {
	{ "fork-cow", test_fork_cow },
	{ "wait", test_wait },
	{ "exec", test_exec },
	{ "files", test_files },
	{ "big-file", test_big_file },
	{ "shared-offset", test_shared_offset },
	{ "sbrk-demand-zero", test_sbrk_demand_zero },
	{ "bad-pointers", test_bad_pointers },
	{ "kill", test_kill },
	{ "many", test_many },
	{ "preemption", test_preemption },
	{ "time-idle", test_time_idle },
	{ "no-leak", test_no_leak },
};

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "exec-helper"))
		return argc == 4 && !strcmp(argv[2], "one") && !strcmp(argv[3], "two") ? argc : 1;
	if (argc == 3 && !strcmp(argv[1], "exit-with"))
		return atoi(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "fault"))
		null_store();
	for (unsigned i = 0; i < sizeof tests / sizeof tests[0]; i++) {
		if (argc >= 2 && strcmp(argv[1], tests[i].name))
			continue;
		int before = failures;
		tests[i].fn();
		printf("ktest: %s %s\n", tests[i].name, failures == before ? "ok" : "FAILED");
	}
	if (failures) {
		printf("ktest: FAIL, %d checks failed\n", failures);
		return 1;
	}
	printf("ktest: PASS\n");
	return 0;
}
