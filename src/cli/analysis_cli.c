/* Shared by the analysis commands: see analysis_cli.h. */
#include "cli/analysis_cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "analysis/chart.h"
#include "cli/cmd.h"
#include "config.h"

struct results *analysis_cli_load(char *const *paths, size_t n)
{
	/* GSL's default handler aborts; every call here checks its inputs */
	gsl_set_error_handler_off();
	struct results *r = calloc(n ? n : 1, sizeof *r);
	char err[1024];
	if (!r) {
		fprintf(stderr, "vmmsim: out of memory\n");
		return NULL;
	}
	if (!results_load_all(paths, n, r, err, sizeof err)) {
		fprintf(stderr, "vmmsim: %s\n", err);
		free(r);
		return NULL;
	}
	return r;
}

void analysis_cli_free(struct results *r, size_t n)
{
	for (size_t i = 0; r && i < n; i++)
		results_free(&r[i]);
	free(r);
}

FILE *analysis_cli_open_out(const char *path)
{
	if (!path || !strcmp(path, "-"))
		return stdout;
	FILE *fp = fopen(path, "w");
	if (!fp)
		fprintf(stderr, "vmmsim: %s: %s\n", path, strerror(errno));
	return fp;
}

bool analysis_cli_close_out(FILE *fp, const char *path)
{
	bool ok = fflush(fp) == 0 && !ferror(fp);
	if (fp != stdout)
		ok = fclose(fp) == 0 && ok;
	if (!ok)
		fprintf(stderr, "vmmsim: %s: %s\n", path && strcmp(path, "-") ? path : "stdout",
		        strerror(errno ? errno : EIO));
	return ok;
}

void analysis_cli_bad_option(const char *cmd, char **argv)
{
	fprintf(stderr, "vmmsim %s: unknown or incomplete option '%s' (see vmmsim %s --help)\n", cmd,
	        argv[optind - 1], cmd);
}

const char *analysis_cli_template_dir(const char *dir)
{
	if (dir)
		return dir;
	if (access(VMMSIM_SRC_ANALYSIS_DIR "/common.gp", R_OK) == 0)
		return VMMSIM_SRC_ANALYSIS_DIR;
	return VMMSIM_INSTALLED_ANALYSIS_DIR;
}

const char *analysis_cli_gnuplot(void)
{
	return strcmp(GNUPLOT_PATH, "no") ? GNUPLOT_PATH : NULL;
}

int analysis_cli_plot(const struct group_set *s, const struct chart_options *o,
                      const char *const *names, size_t n)
{
	if (mkdir(o->dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "vmmsim: %s: %s\n", o->dir, strerror(errno));
		return EXIT_IO_ERROR;
	}
	size_t nall;
	const struct chart *const *all = chart_list(&nall);
	char why[256], err[1024];
	for (size_t i = 0; i < (n ? n : nall); i++) {
		const struct chart *ch = n ? chart_find(names[i]) : all[i];
		if (!ch) {
			fprintf(stderr, "vmmsim plot: no chart '%s' (see vmmsim plot --list)\n", names[i]);
			return EXIT_BAD_INPUT;
		}
		int made = chart_make(ch, s, o, why, sizeof why, err, sizeof err);
		if (made < 0) {
			fprintf(stderr, "vmmsim: %s\n", err);
			return EXIT_IO_ERROR;
		}
		if (!made && n) {
			fprintf(stderr, "vmmsim plot: chart %s: %s\n", ch->name, why);
			return EXIT_BAD_INPUT;
		}
		if (!made)
			fprintf(stderr, "vmmsim plot: skipped chart %s: %s\n", ch->name, why);
	}
	return EXIT_OK;
}
