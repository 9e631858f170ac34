/* Memory and string functions.
 *
 * memcpy/memset move whole 32-bit words when the pointers allow it: the
 * workloads copy records and clear buffers often enough that a byte loop
 * would dominate their user time on the simulated CPU.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* GCC recognises a byte-copy loop and replaces it with a call to memcpy:
 * inside memcpy itself that would be endless recursion. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#endif

/* A word that may alias any other type (the byte buffers we are given). */
typedef uint32_t __attribute__((may_alias)) word;

#define WORD_SIZE sizeof(word)
#define WORD_ALIGNED(p) (((uintptr_t)(p) & (WORD_SIZE - 1)) == 0)

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (WORD_ALIGNED(d) && WORD_ALIGNED(s)) {
		for (; n >= 4 * WORD_SIZE; n -= 4 * WORD_SIZE) {
			word *dw = (word *)(void *)d;
			const word *sw = (const word *)(const void *)s;
			dw[0] = sw[0];
			dw[1] = sw[1];
			dw[2] = sw[2];
			dw[3] = sw[3];
			d += 4 * WORD_SIZE;
			s += 4 * WORD_SIZE;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(word *)(void *)d = *(const word *)(const void *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d == s || n == 0)
		return dst;
	/* Copying forward is safe unless the destination starts inside the
	 * source. */
	if (d < s || d >= s + n)
		return memcpy(dst, src, n);
	/* Backwards, by words when both are aligned (the B+tree of the
	 * database workload shifts its keys this way on every insert). */
	if (WORD_ALIGNED(d) && WORD_ALIGNED(s)) {
		while (n % WORD_SIZE != 0) {
			n--;
			d[n] = s[n];
		}
		while (n >= WORD_SIZE) {
			n -= WORD_SIZE;
			*(word *)(void *)(d + n) = *(const word *)(const void *)(s + n);
		}
	}
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	unsigned char b = (unsigned char)c;
	while (n > 0 && !WORD_ALIGNED(d)) {
		*d++ = b;
		n--;
	}
	word w = (word)b * 0x01010101u;
	for (; n >= WORD_SIZE; n -= WORD_SIZE) {
		*(word *)(void *)d = w;
		d += WORD_SIZE;
	}
	while (n--)
		*d++ = b;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return *p < *q ? -1 : 1;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	while (*p && *p == *q) {
		p++;
		q++;
	}
	return (*p > *q) - (*p < *q);
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	for (; n > 0; n--, p++, q++) {
		if (*p != *q)
			return *p < *q ? -1 : 1;
		if (*p == '\0')
			break;
	}
	return 0;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;
	while ((*d++ = *src++) != '\0')
		;
	return dst;
}

char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i = 0;
	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

char *strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;
	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);
	for (; *haystack; haystack++)
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	return n == 0 ? (char *)haystack : NULL;
}

char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	return d ? memcpy(d, s, n) : NULL;
}
