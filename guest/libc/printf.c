/* Formatted output: one formatter, three destinations (a caller's buffer,
 * the process's standard output buffer, a file descriptor). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Where formatted characters go.  put() takes a run of bytes; total counts
 * every byte offered, which is what the printf family returns. */
struct sink {
	void (*put)(struct sink *s, const char *p, size_t n);
	size_t total;
	char *buf; /* snprintf: the caller's buffer and its capacity */
	size_t cap, len;
	int fd; /* dprintf: the descriptor, batching through buf */
	int failed;
};

/* ---- the standard output buffer ---- */

#define STDOUT_BUF 512
static char stdout_buf[STDOUT_BUF];
static size_t stdout_len;

int stdout_flush(void)
{
	size_t n = stdout_len;
	stdout_len = 0;
	return n ? write_all(STDOUT_FILENO, stdout_buf, n) : 0;
}

/* Line buffered: a newline or a full buffer writes it out. */
static void stdout_put(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		stdout_buf[stdout_len++] = p[i];
		if (p[i] == '\n' || stdout_len == STDOUT_BUF)
			stdout_flush();
	}
}

static void put_stdout(struct sink *s, const char *p, size_t n)
{
	(void)s;
	stdout_put(p, n);
}

/* ---- the sinks ---- */

static void put_buffer(struct sink *s, const char *p, size_t n)
{
	/* Keep one byte for the terminating NUL. */
	for (size_t i = 0; i < n && s->len + 1 < s->cap; i++)
		s->buf[s->len++] = p[i];
}

static void put_fd(struct sink *s, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s->len == s->cap) {
			if (write_all(s->fd, s->buf, s->len) != 0)
				s->failed = 1;
			s->len = 0;
		}
		s->buf[s->len++] = p[i];
	}
}

static void emit(struct sink *s, const char *p, size_t n)
{
	s->total += n;
	s->put(s, p, n);
}

static void pad(struct sink *s, char c, int count)
{
	char run[16];
	memset(run, c, sizeof(run));
	for (; count > 0; count -= (int)sizeof(run))
		emit(s, run, count < (int)sizeof(run) ? (size_t)count : sizeof(run));
}

/* ---- the formatter ---- */

enum { F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_ALT = 16 };

struct spec {
	int flags;
	int width;     /* 0: none */
	int precision; /* -1: none */
};

/* Digits of v in base (8, 10 or 16), last digit first, into tmp[]; returns
 * the count.  Values that fit 32 bits use 32-bit division, which the MIPS
 * does in hardware (64-bit division is a libgcc routine). */
static int digits(char *tmp, unsigned long long v, unsigned base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;
	while (v > 0xffffffffull) {
		tmp[n++] = set[v % base];
		v /= base;
	}
	for (uint32_t w = (uint32_t)v; w != 0; w /= base)
		tmp[n++] = set[w % base];
	return n;
}

static void format_int(struct sink *s, const struct spec *sp, unsigned long long v, int negative,
		       unsigned base, int upper)
{
	char tmp[24], prefix[3];
	int nd = digits(tmp, v, base, upper), np = 0;

	if (negative)
		prefix[np++] = '-';
	else if (sp->flags & F_PLUS)
		prefix[np++] = '+';
	else if (sp->flags & F_SPACE)
		prefix[np++] = ' ';
	if ((sp->flags & F_ALT) && base == 16 && v != 0) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	}
	/* Precision is the minimum digit count; "%.0d" of 0 prints nothing. */
	int zeros = sp->precision >= 0 ? sp->precision - nd : (v == 0 ? 1 : 0);
	if ((sp->flags & F_ALT) && base == 8 && zeros <= 0 && (v != 0 || sp->precision == 0))
		zeros = 1;
	if (zeros < 0)
		zeros = 0;
	int body = np + zeros + nd;
	int fill = sp->width > body ? sp->width - body : 0;

	if (fill && !(sp->flags & F_LEFT) && (sp->flags & F_ZERO) && sp->precision < 0) {
		zeros += fill; /* "%08x": zeros go between the sign and the digits */
		fill = 0;
	}
	if (!(sp->flags & F_LEFT))
		pad(s, ' ', fill);
	emit(s, prefix, (size_t)np);
	pad(s, '0', zeros);
	while (nd > 0)
		emit(s, &tmp[--nd], 1);
	if (sp->flags & F_LEFT)
		pad(s, ' ', fill);
}

/* n bytes of p, padded to the width. */
static void format_bytes(struct sink *s, const struct spec *sp, const char *p, size_t n)
{
	int fill = sp->width > (int)n ? sp->width - (int)n : 0;
	if (!(sp->flags & F_LEFT))
		pad(s, ' ', fill);
	emit(s, p, n);
	if (sp->flags & F_LEFT)
		pad(s, ' ', fill);
}

static void format_str(struct sink *s, const struct spec *sp, const char *str)
{
	if (str == NULL)
		str = "(null)";
	format_bytes(s, sp, str,
		     sp->precision >= 0 ? strnlen(str, (size_t)sp->precision) : strlen(str));
}

/* Length modifiers, as the size of the argument they announce. */
enum length { L_INT, L_CHAR, L_SHORT, L_LONG, L_LLONG, L_SIZE };

static unsigned long long arg_unsigned(va_list *ap, enum length len)
{
	switch (len) {
	case L_CHAR: return (unsigned char)va_arg(*ap, unsigned);
	case L_SHORT: return (unsigned short)va_arg(*ap, unsigned);
	case L_LONG: return va_arg(*ap, unsigned long);
	case L_LLONG: return va_arg(*ap, unsigned long long);
	case L_SIZE: return va_arg(*ap, size_t);
	default: return va_arg(*ap, unsigned);
	}
}

static long long arg_signed(va_list *ap, enum length len)
{
	switch (len) {
	case L_CHAR: return (signed char)va_arg(*ap, int);
	case L_SHORT: return (short)va_arg(*ap, int);
	case L_LONG: return va_arg(*ap, long);
	case L_LLONG: return va_arg(*ap, long long);
	case L_SIZE: return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, int);
	}
}

static int parse_number(const char **f)
{
	int n = 0;
	while (**f >= '0' && **f <= '9') {
		if (n < 100000) /* a width beyond this is a typo; do not overflow */
			n = n * 10 + (**f - '0');
		(*f)++;
	}
	return n;
}

static void format(struct sink *s, const char *f, va_list ap_in)
{
	va_list ap;
	va_copy(ap, ap_in);
	while (*f) {
		const char *run = f;
		while (*f && *f != '%')
			f++;
		if (f > run)
			emit(s, run, (size_t)(f - run));
		if (*f == '\0')
			break;
		const char *start = f++; /* the '%' */

		struct spec sp = {0, 0, -1};
		for (;; f++) {
			if (*f == '-')
				sp.flags |= F_LEFT;
			else if (*f == '0')
				sp.flags |= F_ZERO;
			else if (*f == '+')
				sp.flags |= F_PLUS;
			else if (*f == ' ')
				sp.flags |= F_SPACE;
			else if (*f == '#')
				sp.flags |= F_ALT;
			else
				break;
		}
		if (*f == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.flags |= F_LEFT;
				sp.width = -sp.width;
			}
			f++;
		} else {
			sp.width = parse_number(&f);
		}
		if (*f == '.') {
			f++;
			if (*f == '*') {
				sp.precision = va_arg(ap, int);
				if (sp.precision < 0)
					sp.precision = -1;
				f++;
			} else {
				sp.precision = parse_number(&f);
			}
		}
		enum length len = L_INT;
		if (*f == 'h') {
			len = f[1] == 'h' ? L_CHAR : L_SHORT;
			f += f[1] == 'h' ? 2 : 1;
		} else if (*f == 'l') {
			len = f[1] == 'l' ? L_LLONG : L_LONG;
			f += f[1] == 'l' ? 2 : 1;
		} else if (*f == 'z' || *f == 't') {
			len = L_SIZE;
			f++;
		} else if (*f == 'j') {
			len = L_LLONG;
			f++;
		}

		char c;
		switch (*f) {
		case 'd':
		case 'i': {
			long long v = arg_signed(&ap, len);
			unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
			format_int(s, &sp, mag, v < 0, 10, 0);
			break;
		}
		case 'u': format_int(s, &sp, arg_unsigned(&ap, len), 0, 10, 0); break;
		case 'x': format_int(s, &sp, arg_unsigned(&ap, len), 0, 16, 0); break;
		case 'X': format_int(s, &sp, arg_unsigned(&ap, len), 0, 16, 1); break;
		case 'o': format_int(s, &sp, arg_unsigned(&ap, len), 0, 8, 0); break;
		case 'p':
			sp.flags |= F_ALT;
			format_int(s, &sp, (uintptr_t)va_arg(ap, void *), 0, 16, 0);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			format_bytes(s, &sp, &c, 1);
			break;
		case 's': format_str(s, &sp, va_arg(ap, const char *)); break;
		case '%': emit(s, "%", 1); break;
		default:
			/* Not a conversion we know: print it as written. */
			if (*f == '\0') {
				emit(s, start, (size_t)(f - start));
				va_end(ap);
				return;
			}
			emit(s, start, (size_t)(f + 1 - start));
			break;
		}
		f++;
	}
	va_end(ap);
}

/* The count the C standard asks for, clamped to int. */
static int result(const struct sink *s) { return s->total > 0x7fffffff ? 0x7fffffff : (int)s->total; }

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = {.put = put_buffer, .buf = buf, .cap = size};
	format(&s, fmt, ap);
	if (size > 0)
		buf[s.len] = '\0';
	return result(&s);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char batch[128];
	/* Descriptor 1 shares the process's buffer, so that output written
	 * through printf and dprintf(1, ...) keeps its order. */
	if (fd == STDOUT_FILENO)
		return vprintf(fmt, ap);
	/* Both reach the same console: what printf wrote comes first. */
	stdout_flush();
	struct sink s = {.put = put_fd, .buf = batch, .cap = sizeof(batch), .fd = fd};
	format(&s, fmt, ap);
	if (s.len && write_all(fd, batch, s.len) != 0)
		s.failed = 1;
	return s.failed ? -1 : result(&s);
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	struct sink s = {.put = put_stdout};
	format(&s, fmt, ap);
	return result(&s);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int putchar(int c)
{
	char ch = (char)c;
	stdout_put(&ch, 1);
	return (unsigned char)c;
}

int puts(const char *s)
{
	stdout_put(s, strlen(s));
	stdout_put("\n", 1);
	return 0;
}
