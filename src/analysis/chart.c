/* The chart registry and the plumbing every chart shares: see chart.h. */
#include "analysis/chart.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct chart *const charts[] = {
	&chart_time, &chart_services, &chart_sweep, &chart_memory, &chart_cdf,
};

struct chart_ctx {
	const struct chart_options *o;
	char base[512];
	char path[1024];
	FILE *data;
	char *err;
	size_t errlen;
	bool failed;
};

const struct chart *const *chart_list(size_t *n)
{
	*n = sizeof charts / sizeof charts[0];
	return charts;
}

const struct chart *chart_find(const char *name)
{
	for (size_t i = 0; i < sizeof charts / sizeof charts[0]; i++)
		if (!strcmp(charts[i]->name, name))
			return charts[i];
	return NULL;
}

static bool ctx_fail(struct chart_ctx *c, const char *fmt, ...)
{
	if (!c->failed) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(c->err, c->errlen, fmt, ap);
		va_end(ap);
	}
	c->failed = true;
	return false;
}

int chart_make(const struct chart *ch, const struct group_set *s, const struct chart_options *o,
               char *why, size_t whylen, char *err, size_t errlen)
{
	struct chart_ctx c = { .o = o, .err = err, .errlen = errlen };
	why[0] = 0;
	int n = ch->make(&c, s, o, why, whylen);
	if (c.data) {
		fclose(c.data);
		c.data = NULL;
	}
	if (c.failed)
		return -1;
	if (n < 0)
		snprintf(err, errlen, "chart %s failed", ch->name);
	return n;
}

void chart_file_name(const char *in, char *out, size_t len)
{
	size_t k = 0;
	for (; *in && k + 1 < len; in++) {
		unsigned char ch = (unsigned char)*in;
		bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		            (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '+' || ch == '=';
		char o = keep ? (char)ch : '-';
		if (o == '-' && k && out[k - 1] == '-')
			continue;
		out[k++] = o;
	}
	out[k] = 0;
}

void chart_gp_quote(FILE *out, const char *s)
{
	/* in a single-quoted gnuplot string only the quote needs care: '' */
	fputc('\'', out);
	for (; *s; s++) {
		if (*s == '\'')
			fputc('\'', out);
		if (*s != '\n')
			fputc(*s, out);
	}
	fputc('\'', out);
}

void chart_data_quote(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++)
		fputc(*s == '"' || *s == '\n' ? '\'' : *s, out);
	fputc('"', out);
}

FILE *chart_begin(struct chart_ctx *c, const char *base)
{
	snprintf(c->base, sizeof c->base, "%s", base);
	snprintf(c->path, sizeof c->path, "%s/%s.dat", c->o->dir, base);
	c->data = fopen(c->path, "w");
	if (!c->data)
		ctx_fail(c, "%s: %s", c->path, strerror(errno));
	return c->data;
}

/* Run gnuplot on BASE.gp in the output folder for one format. */
static bool render(struct chart_ctx *c, const char *fmt)
{
	char var[32];
	snprintf(var, sizeof var, "fmt='%s'", fmt);
	char script[600];
	snprintf(script, sizeof script, "%s.gp", c->base);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return ctx_fail(c, "fork: %s", strerror(errno));
	if (pid == 0) {
		if (chdir(c->o->dir) != 0)
			_exit(126);
		execl(c->o->gnuplot, "gnuplot", "-e", var, script, (char *)NULL);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return ctx_fail(c, "waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return ctx_fail(c, "%s/%s: gnuplot (%s) failed with status %d", c->o->dir, script,
		                c->o->gnuplot, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	if (c->o->log)
		fprintf(c->o->log, "%s/%s.%s\n", c->o->dir, c->base, fmt);
	return true;
}

bool chart_end(struct chart_ctx *c, const char *template, const char *title, const char *extra)
{
	if (c->failed)
		return false;
	bool ok = fflush(c->data) == 0 && !ferror(c->data);
	ok = fclose(c->data) == 0 && ok;
	c->data = NULL;
	if (!ok)
		return ctx_fail(c, "%s: %s", c->path, strerror(errno));
	if (c->o->log)
		fprintf(c->o->log, "%s\n", c->path);
	snprintf(c->path, sizeof c->path, "%s/%s.gp", c->o->dir, c->base);
	FILE *gp = fopen(c->path, "w");
	if (!gp)
		return ctx_fail(c, "%s: %s", c->path, strerror(errno));
	fprintf(gp, "# Written by vmmsim plot.  Replot: cd to this folder, then\n"
	            "#   gnuplot %s.gp              (PNG)\n"
	            "#   gnuplot -e \"fmt='svg'\" %s.gp\n"
	            "if (!exists(\"fmt\")) fmt = 'png'\n",
	        c->base, c->base);
	fprintf(gp, "datafile = ");
	chart_gp_quote(gp, c->base);
	fprintf(gp, ".'.dat'\noutbase = ");
	chart_gp_quote(gp, c->base);
	fprintf(gp, "\ntitle = ");
	chart_gp_quote(gp, title);
	fprintf(gp, "\n%s%s", extra ? extra : "", extra && *extra ? "\n" : "");
	char tpl[1024];
	snprintf(tpl, sizeof tpl, "%s/%s.gp", c->o->template_dir, template);
	fprintf(gp, "dir_of_templates = ");
	chart_gp_quote(gp, c->o->template_dir);
	fprintf(gp, "\nload ");
	chart_gp_quote(gp, tpl);
	fprintf(gp, "\n");
	ok = fflush(gp) == 0 && !ferror(gp);
	ok = fclose(gp) == 0 && ok;
	if (!ok)
		return ctx_fail(c, "%s: %s", c->path, strerror(errno));
	if (access(tpl, R_OK) != 0)
		return ctx_fail(c, "%s: %s (see --templates)", tpl, strerror(errno));
	if (c->o->log)
		fprintf(c->o->log, "%s\n", c->path);
	if (!c->o->gnuplot)
		return true;
	return render(c, "png") && render(c, "svg");
}
