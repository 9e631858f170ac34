/* What the analysis commands (stats, compare, plot, sweep) share on the
 * command line: reading result files with one error line each, and the
 * output file. */
#ifndef VMMSIM_ANALYSIS_CLI_H
#define VMMSIM_ANALYSIS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "analysis/results.h"

/* Read paths[0..n-1]; NULL (one line on stderr) if one is bad. */
struct results *analysis_cli_load(char *const *paths, size_t n);
void analysis_cli_free(struct results *r, size_t n);

/* stdout for NULL or "-", else the file opened for writing (NULL with a
 * message on failure). */
FILE *analysis_cli_open_out(const char *path);
/* Close what analysis_cli_open_out opened; false (message printed) if the
 * output could not be written. */
bool analysis_cli_close_out(FILE *fp, const char *path);

/* The one line for an option getopt_long did not accept (call with
 * opterr = 0): "vmmsim CMD: unknown or incomplete option 'ARG' ...". */
void analysis_cli_bad_option(const char *cmd, char **argv);

struct group_set;
struct chart_options;

/* The folder of the chart templates: dir if given, else the source tree's
 * analysis/ if it is there, else the installed copy. */
const char *analysis_cli_template_dir(const char *dir);

/* gnuplot's path as configure found it, or NULL. */
const char *analysis_cli_gnuplot(void);

/* Draw the named charts (all when n is 0) into o->dir (created if needed).
 * A chart asked for by name that the results cannot make is an error;
 * otherwise it is skipped with a note on stderr.  Returns an exit status. */
int analysis_cli_plot(const struct group_set *s, const struct chart_options *o,
                      const char *const *names, size_t n);

#endif
