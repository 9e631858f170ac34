/* Number parsing, sorting, exit. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ULLONG_MAX_ (~0ull)
#define ULONG_MAX_ (~0ul)
#define LONG_MAX_ ((long)(ULONG_MAX_ >> 1))

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* The common core of strto*: leading space, a sign, a base prefix (0x for
 * 16 with base 0 or 16, 0 for 8 with base 0), digits.  Returns the
 * magnitude, clamped to limit with *overflow set; *end points after the
 * last digit used, or at s when there is none. */
static unsigned long long parse(const char *s, char **end, int base, int *negative,
				unsigned long long limit, int *overflow)
{
	const char *p = s;
	unsigned long long v = 0;
	int any = 0;

	*negative = 0;
	*overflow = 0;
	while (isspace(*p))
		p++;
	if (*p == '+' || *p == '-')
		*negative = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	for (int d; (d = digit_value(*p)) < base; p++) {
		any = 1;
		if (*overflow)
			continue;
		if (v > (limit - (unsigned)d) / (unsigned)base) {
			*overflow = 1;
			v = limit;
		} else {
			v = v * (unsigned)base + (unsigned)d;
		}
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (*overflow)
		errno = ERANGE;
	return v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg, ovf;
	unsigned long long v = parse(s, end, base, &neg, ULLONG_MAX_, &ovf);
	return neg && !ovf ? 0ull - v : v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int neg, ovf;
	unsigned long v = (unsigned long)parse(s, end, base, &neg, ULONG_MAX_, &ovf);
	return neg && !ovf ? 0ul - v : v;
}

long strtol(const char *s, char **end, int base)
{
	int neg, ovf;
	/* The magnitude of LONG_MIN is one more than LONG_MAX. */
	unsigned long long limit = (unsigned long long)LONG_MAX_ + 1;
	unsigned long long v = parse(s, end, base, &neg, limit, &ovf);
	if (!neg && v == limit) {
		errno = ERANGE;
		return LONG_MAX_;
	}
	if (neg)
		return v == limit ? -LONG_MAX_ - 1 : -(long)v;
	return (long)v;
}

int atoi(const char *s) { return (int)strtol(s, NULL, 10); }

long atol(const char *s) { return strtol(s, NULL, 10); }

int abs(int v) { return v < 0 ? -v : v; }

long labs(long v) { return v < 0 ? -v : v; }

_Noreturn void exit(int status)
{
	stdout_flush();
	sys_exit(status);
}

_Noreturn void abort(void)
{
	static const char msg[] = "abort\n";
	stdout_flush();
	write(STDERR_FILENO, msg, sizeof(msg) - 1);
	sys_exit(134);
}

/* ---- qsort: heapsort, so no recursion, no worst case, no allocation ---- */

static void swap_bytes(unsigned char *a, unsigned char *b, size_t size)
{
	while (size--) {
		unsigned char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Move element i down the heap of n elements until both children are
 * smaller. */
static void sift_down(unsigned char *base, size_t i, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * i + 1;
		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap_bytes(base + i * size, base + child * size, size);
		i = child;
	}
}

void qsort(void *base_, size_t count, size_t size, int (*cmp)(const void *, const void *))
{
	unsigned char *base = base_;
	if (count < 2 || size == 0)
		return;
	for (size_t i = count / 2; i-- > 0;)
		sift_down(base, i, count, size, cmp);
	for (size_t n = count - 1; n > 0; n--) {
		swap_bytes(base, base + n * size, size);
		sift_down(base, 0, n, size, cmp);
	}
}
