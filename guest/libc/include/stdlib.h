/* The guest libc: memory allocation, number parsing, process exit. */
#ifndef GUEST_STDLIB_H
#define GUEST_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* A first-fit allocator over sbrk(); blocks are 8-byte aligned. */
void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

int atoi(const char *s);
long atol(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
int abs(int v);
long labs(long v);

/* Sort with a comparison function (deterministic, not stable). */
void qsort(void *base, size_t count, size_t size, int (*cmp)(const void *, const void *));

_Noreturn void exit(int status); /* flushes standard output first */
_Noreturn void abort(void);       /* exit status 134, like SIGABRT */

#endif
