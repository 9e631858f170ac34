/* Expanding a sweep file into runs: see sweep.h. */
#include "analysis/sweep.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One axis: an option and its values (option NULL: the positional
 * program). */
struct axis {
	char *option;  /* "--workload", "--tlb-entries", "--arg" ... */
	char *key;     /* for --arg: "files" (values become files=V) */
	char *tag;     /* what the run name shows before the value, "" for none */
	char **value;
	size_t n;
	unsigned line;
};

struct parse {
	const char *path;
	struct axis axis[32];
	size_t naxes;
	char **fixed;
	size_t nfixed;
	char *err;
	size_t errlen;
};

static bool perr(struct parse *p, unsigned line, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "%s:%u: %s", p->path, line, what);
	return false;
}

static bool push(char ***list, size_t *n, const char *s)
{
	char **bigger = realloc(*list, (*n + 2) * sizeof **list);
	if (!bigger)
		return false;
	*list = bigger;
	if (!(bigger[*n] = strdup(s)))
		return false;
	bigger[++*n] = NULL;
	return true;
}

static struct axis *find_axis(struct parse *p, const char *option, const char *key)
{
	for (size_t i = 0; i < p->naxes; i++)
		if (!strcmp(p->axis[i].option, option) &&
		    (!key || (p->axis[i].key && !strcmp(p->axis[i].key, key))))
			return &p->axis[i];
	return NULL;
}

static struct axis *new_axis(struct parse *p, unsigned line, const char *option, const char *key,
                             const char *tag)
{
	if (find_axis(p, option, key)) {
		perr(p, line, "%s%s%s given twice", option, key ? " " : "", key ? key : "");
		return NULL;
	}
	if (p->naxes == sizeof p->axis / sizeof p->axis[0]) {
		perr(p, line, "too many axes");
		return NULL;
	}
	struct axis *a = &p->axis[p->naxes++];
	memset(a, 0, sizeof *a);
	a->option = strdup(option);
	a->key = key ? strdup(key) : NULL;
	a->tag = strdup(tag);
	a->line = line;
	if (!a->option || !a->tag || (key && !a->key)) {
		perr(p, line, "out of memory");
		return NULL;
	}
	return a;
}

/* "3", "1..5": seeds as unsigned decimal numbers. */
static bool parse_seed(const char *w, uint64_t *lo, uint64_t *hi)
{
	char *end;
	errno = 0;
	if (!isdigit((unsigned char)*w))
		return false;
	*lo = *hi = strtoull(w, &end, 10);
	if (!strncmp(end, "..", 2)) {
		if (!isdigit((unsigned char)end[2]))
			return false;
		*hi = strtoull(end + 2, &end, 10);
	}
	return !*end && !errno && *lo <= *hi && *hi <= UINT32_MAX && *hi - *lo < 100000;
}

static bool parse_line(struct parse *p, unsigned line, char **word, size_t nw)
{
	const char *kw = word[0];
	struct axis *a = NULL;
	size_t first = 1;
	if (!strcmp(kw, "fixed")) {
		for (size_t i = 1; i < nw; i++)
			if (!push(&p->fixed, &p->nfixed, word[i]))
				return perr(p, line, "out of memory");
		return true;
	}
	if (!strcmp(kw, "workloads") || !strcmp(kw, "programs")) {
		if (find_axis(p, "--workload", NULL) || find_axis(p, "", NULL))
			return perr(p, line, "give either workloads or programs, once");
		a = new_axis(p, line, kw[0] == 'w' ? "--workload" : "", NULL, "");
	} else if (!strcmp(kw, "policies")) {
		a = new_axis(p, line, "--policy", NULL, "");
	} else if (!strcmp(kw, "seeds")) {
		a = new_axis(p, line, "--seed", NULL, "s");
	} else if (!strcmp(kw, "option") || !strcmp(kw, "arg")) {
		if (nw < 2)
			return perr(p, line, "%s needs a name and values", kw);
		const char *name = word[1];
		for (const char *c = name; *c; c++)
			if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_')
				return perr(p, line, "'%s' is not an option name", name);
		if (kw[0] == 'o') {
			static const char *const reserved[] = { "out", "workload", "policy", "seed", "arg" };
			for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
				if (!strcmp(name, reserved[i]))
					return perr(p, line, "use the %s line, not option %s",
					            !strcmp(name, "out") ? "sweep's -o" : name, name);
			char opt[96];
			snprintf(opt, sizeof opt, "--%s", name);
			a = new_axis(p, line, opt, NULL, name);
		} else {
			a = new_axis(p, line, "--arg", name, name);
		}
		first = 2;
	} else {
		return perr(p, line,
		            "unknown line '%s' (workloads, programs, policies, seeds, option, arg, "
		            "fixed)",
		            kw);
	}
	if (!a)
		return false;
	if (nw <= first)
		return perr(p, line, "%s has no values", kw);
	for (size_t i = first; i < nw; i++) {
		if (!strcmp(a->option, "--seed")) {
			uint64_t lo, hi;
			if (!parse_seed(word[i], &lo, &hi))
				return perr(p, line, "'%s' is not a seed or a range LO..HI", word[i]);
			for (uint64_t s = lo; s <= hi; s++) {
				char buf[24];
				snprintf(buf, sizeof buf, "%" PRIu64, s);
				if (!push(&a->value, &a->n, buf))
					return perr(p, line, "out of memory");
			}
			continue;
		}
		for (size_t k = 0; k < a->n; k++)
			if (!strcmp(a->value[k], word[i]))
				return perr(p, line, "value '%s' given twice", word[i]);
		char where[4096];
		const char *v = word[i];
		const char *slash = strrchr(p->path, '/');
		/* a program is found relative to the sweep file, like an include */
		if (!*a->option && v[0] != '/' && slash) {
			snprintf(where, sizeof where, "%.*s/%s", (int)(slash - p->path), p->path, v);
			v = where;
		}
		/* absolute when it exists, so the commands run from anywhere */
		char resolved[PATH_MAX];
		if (!*a->option && realpath(v, resolved))
			v = resolved;
		if (!push(&a->value, &a->n, v))
			return perr(p, line, "out of memory");
	}
	return true;
}

/* The name's piece for one value: tag, then the value with anything but
 * [A-Za-z0-9._+=] made '-' (a program by its base name, without .elf). */
static void name_piece(const struct axis *a, const char *v, char *out, size_t len)
{
	if (!*a->option) {
		const char *slash = strrchr(v, '/');
		v = slash ? slash + 1 : v;
	}
	size_t k = (size_t)snprintf(out, len, "%s", a->tag);
	for (; *v && k + 1 < len; v++) {
		if (!*a->option && !strcmp(v, ".elf"))
			break;
		unsigned char c = (unsigned char)*v;
		out[k++] = isalnum(c) || c == '.' || c == '_' || c == '+' || c == '=' ? (char)c : '-';
	}
	out[k < len ? k : len - 1] = 0;
}

static bool expand(struct parse *p, struct sweep *s)
{
	size_t total = 1;
	for (size_t i = 0; i < p->naxes; i++)
		total *= p->axis[i].n;
	s->run = calloc(total, sizeof *s->run);
	if (!s->run)
		return perr(p, 0, "out of memory");
	size_t idx[32] = { 0 };
	for (s->n = 0; s->n < total; s->n++) {
		struct sweep_run *r = &s->run[s->n];
		char name[512] = "";
		size_t len = 0;
		bool ok = true;
		for (size_t i = 0; i < p->naxes && ok; i++) {
			const struct axis *a = &p->axis[i];
			const char *v = a->value[idx[i]];
			char piece[160], arg[256];
			name_piece(a, v, piece, sizeof piece);
			len += (size_t)snprintf(name + len, sizeof name - len, "%s%s", len ? "-" : "", piece);
			if (len >= sizeof name)
				return perr(p, a->line, "run name too long");
			if (*a->option)
				ok = push(&r->argv, &r->argc, a->option);
			if (a->key) {
				snprintf(arg, sizeof arg, "%s=%s", a->key, v);
				ok = ok && push(&r->argv, &r->argc, arg);
			} else {
				ok = ok && push(&r->argv, &r->argc, v);
			}
		}
		for (size_t i = 0; i < p->nfixed && ok; i++)
			ok = push(&r->argv, &r->argc, p->fixed[i]);
		if (!ok || !(r->name = strdup(name))) {
			s->n++;
			return perr(p, 0, "out of memory");
		}
		/* the last axis varies fastest: seeds (listed last) sit together */
		for (size_t i = p->naxes; i-- > 0;) {
			if (++idx[i] < p->axis[i].n)
				break;
			idx[i] = 0;
		}
	}
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < i; k++)
			if (!strcmp(s->run[i].name, s->run[k].name))
				return perr(p, 0, "runs %zu and %zu are both named %s (values that differ "
				                  "only in punctuation)",
				            k + 1, i + 1, s->run[i].name);
	return true;
}

/* Seeds go last so that a run's replicates are neighbours in the list and
 * in the folder. */
static void order_axes(struct parse *p)
{
	for (size_t i = 0; i < p->naxes; i++)
		if (!strcmp(p->axis[i].option, "--seed") && i + 1 < p->naxes) {
			struct axis seed = p->axis[i];
			memmove(&p->axis[i], &p->axis[i + 1], (p->naxes - i - 1) * sizeof p->axis[0]);
			p->axis[p->naxes - 1] = seed;
			return;
		}
}

/* Workloads or programs first, then policies, then the rest as written. */
static void order_front(struct parse *p, const char *option, size_t to)
{
	for (size_t i = to; i < p->naxes; i++)
		if (!strcmp(p->axis[i].option, option)) {
			struct axis a = p->axis[i];
			memmove(&p->axis[to + 1], &p->axis[to], (i - to) * sizeof p->axis[0]);
			p->axis[to] = a;
			return;
		}
}

bool sweep_load(const char *path, struct sweep *s, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	struct parse p = { .path = path, .err = err, .errlen = errlen };
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	char buf[4096];
	unsigned line = 0;
	bool ok = true;
	while (ok && fgets(buf, sizeof buf, f)) {
		line++;
		if (!strchr(buf, '\n') && !feof(f)) {
			ok = perr(&p, line, "line too long");
			break;
		}
		char *hash = strchr(buf, '#');
		if (hash)
			*hash = 0;
		char *word[512];
		size_t nw = 0;
		for (char *w = strtok(buf, " \t\r\n"); w; w = strtok(NULL, " \t\r\n")) {
			if (nw == sizeof word / sizeof word[0]) {
				ok = perr(&p, line, "too many values");
				break;
			}
			word[nw++] = w;
		}
		if (ok && nw)
			ok = parse_line(&p, line, word, nw);
	}
	if (ok && ferror(f))
		ok = perr(&p, line, "read error");
	fclose(f);
	if (ok && !find_axis(&p, "--workload", NULL) && !find_axis(&p, "", NULL))
		ok = perr(&p, line, "no workloads or programs line");
	if (ok && find_axis(&p, "", NULL) && find_axis(&p, "--seed", NULL))
		ok = perr(&p, find_axis(&p, "--seed", NULL)->line,
		          "seeds apply to workloads, not to bare-metal programs");
	if (ok) {
		order_front(&p, find_axis(&p, "", NULL) ? "" : "--workload", 0);
		if (find_axis(&p, "--policy", NULL))
			order_front(&p, "--policy", 1);
		order_axes(&p);
		ok = expand(&p, s);
	}
	for (size_t i = 0; i < p.naxes; i++) {
		for (size_t k = 0; k < p.axis[i].n; k++)
			free(p.axis[i].value[k]);
		free(p.axis[i].value);
		free(p.axis[i].option);
		free(p.axis[i].key);
		free(p.axis[i].tag);
	}
	for (size_t i = 0; i < p.nfixed; i++)
		free(p.fixed[i]);
	free(p.fixed);
	if (!ok)
		sweep_free(s);
	return ok;
}

void sweep_free(struct sweep *s)
{
	for (size_t i = 0; s->run && i < s->n; i++) {
		for (size_t k = 0; k < s->run[i].argc; k++)
			free(s->run[i].argv[k]);
		free(s->run[i].argv);
		free(s->run[i].name);
	}
	free(s->run);
	s->run = NULL;
	s->n = 0;
}
