/* The guest libc: formatted output.
 *
 * No FILE streams: output goes to file descriptors.  Standard output (fd 1)
 * is line-buffered in the process; exit() and fork() flush it, so a child
 * never inherits (and prints twice) what its parent had not yet written.
 * Conversions: %d %i %u %x %X %o %c %s %p %%, flags - 0 + space #, width and
 * precision (numbers or *), length modifiers hh h l ll z t j.
 */
#ifndef GUEST_STDIO_H
#define GUEST_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define GUEST_PRINTF(f, a) __attribute__((format(__printf__, f, a)))

int printf(const char *fmt, ...) GUEST_PRINTF(1, 2);
int vprintf(const char *fmt, va_list ap);
int dprintf(int fd, const char *fmt, ...) GUEST_PRINTF(2, 3);
int vdprintf(int fd, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) GUEST_PRINTF(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int putchar(int c);
int puts(const char *s); /* s and a newline on standard output */

/* Write out what standard output holds; 0, or -1 with errno set. */
int stdout_flush(void);

#endif
