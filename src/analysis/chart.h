/* Charts: each one is a const struct chart in a file of its own
 * (chart_NAME.c), listed in the table in chart.c.  A chart writes its data
 * file(s) into the output folder and names the gnuplot template
 * (analysis/NAME.gp) that draws them; chart.c writes, beside each data file,
 * a small gnuplot script that sets the variables and loads the template
 * (run it again to replot), and runs gnuplot on it for PNG and SVG. */
#ifndef VMMSIM_CHART_H
#define VMMSIM_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "analysis/group.h"

struct chart_options {
	const char *dir;           /* output folder (exists) */
	const char *template_dir;  /* where NAME.gp templates are */
	const char *gnuplot;       /* gnuplot's path, or NULL: data files only */
	const char *x_field;       /* sweep: the parameter on the x axis, or NULL: each
	                            * numeric configuration field that varies */
	FILE *log;                 /* one line per file written */
};

struct chart_ctx; /* what a chart's make() hands its figures to */

struct chart {
	const char *name;
	const char *summary;
	/* Write this chart's figures for the results in s, each through
	 * chart_begin/chart_end.  Returns the number of figures, 0 if the
	 * results have nothing for it (why in `why`), -1 on error (message in
	 * err). */
	int (*make)(struct chart_ctx *c, const struct group_set *s, const struct chart_options *o,
	            char *why, size_t whylen);
};

extern const struct chart chart_time, chart_services, chart_sweep, chart_memory, chart_cdf;

/* The registry, in the order `vmmsim plot` draws them. */
const struct chart *const *chart_list(size_t *n);
const struct chart *chart_find(const char *name);

/* Draw chart ch: returns figures made (0: not applicable, why in `why`),
 * or -1 with a message in err. */
int chart_make(const struct chart *ch, const struct group_set *s, const struct chart_options *o,
               char *why, size_t whylen, char *err, size_t errlen);

/* For chart files: open DIR/BASE.dat; the chart writes its data into the
 * returned stream. */
FILE *chart_begin(struct chart_ctx *c, const char *base);
/* Close the data file, write DIR/BASE.gp that sets `title` and the given
 * extra gnuplot assignments (e.g. "ncols = 5"; may be NULL) and loads
 * TEMPLATE.gp, and render it.  False on error. */
bool chart_end(struct chart_ctx *c, const char *template, const char *title, const char *extra);

/* A name safe as part of a file name ("pmake/trap" -> "pmake-trap"). */
void chart_file_name(const char *in, char *out, size_t len);
/* A string as a gnuplot single-quoted literal, or as a quoted data-file
 * field (double quotes). */
void chart_gp_quote(FILE *out, const char *s);
void chart_data_quote(FILE *out, const char *s);

#endif
