/* The memory and string routines the kernel uses (gcc may also call
 * memcpy and memset on its own, even with -ffreestanding). */
#include "kernel.h"

void *memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	if ((((uintptr_t)d ^ (uintptr_t)s) & 3) == 0) {
		/* same alignment: bytes up to a word boundary, then words */
		for (; n && ((uintptr_t)d & 3); n--)
			*d++ = *s++;
		for (; n >= 4; n -= 4, d += 4, s += 4)
			*(uint32_t *)(void *)d = *(const uint32_t *)(const void *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	if ((((uintptr_t)d | n) & 3) == 0) {
		uint32_t w = (uint8_t)c * 0x01010101u;
		uint32_t *dw = dst;
		for (size_t i = 0; i < n / 4; i++)
			dw[i] = w;
		return dst;
	}
	while (n--)
		*d++ = (uint8_t)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (uint8_t)*a - (uint8_t)*b;
}
