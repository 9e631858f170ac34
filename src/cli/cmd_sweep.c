/* vmmsim sweep: expand a sweep file into runs, run what is missing in
 * parallel (or write a Slurm job array for them), then aggregate: the
 * statistics, the comparison with native, and the charts. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/chart.h"
#include "analysis/compare.h"
#include "analysis/group.h"
#include "analysis/stats.h"
#include "analysis/stats_table.h"
#include "analysis/sweep.h"
#include "cli/analysis_cli.h"
#include "cli/cmd.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/sweep_exec.h"

/* Exit status of a sweep in which some runs failed (documented). */
#define EXIT_RUNS_FAILED 1

static void sweep_usage(FILE *out)
{
	fprintf(out,
	        "usage: vmmsim sweep [OPTIONS] -o DIR SWEEPFILE\n"
	        "Expand SWEEPFILE (axes: workloads or programs, policies, seeds, `option NAME\n"
	        "VALUES`, `arg NAME VALUES`, `fixed ARGS`; see analysis/README.md) into runs of\n"
	        "`vmmsim run`, run those whose result is not yet in DIR/runs (in parallel, each\n"
	        "written atomically, logs in DIR/logs: an interrupted sweep resumes), then\n"
	        "aggregate: DIR/stats.{txt,csv,json} (vmmsim stats), DIR/compare.{txt,json}\n"
	        "(vmmsim compare), DIR/charts (vmmsim plot), and the comparison with native\n"
	        "on stdout.\n\n"
	        "  -o, --out-dir DIR   the sweep's folder (created if needed)\n"
	        "  -j, --jobs N        runs at once (default: all cores, here %ld)\n"
	        "  --list              print the runs as shell commands and stop\n"
	        "  --emit-slurm FILE   write a Slurm job array script for the runs (and\n"
	        "                      DIR/commands.txt, one run per line) and stop; when the\n"
	        "                      array is done, run this command again to aggregate\n"
	        "  --no-plot           aggregate without charts\n"
	        "  --vmmsim PATH       the vmmsim that runs them (default: this one)\n"
	        "  --help              this text\n\n"
	        "Exit status: 0 done, 1 some runs failed (named on stderr; the others are\n"
	        "aggregated), 2 bad command line or sweep file, 4 output error, 128+N when\n"
	        "stopped by signal N (the finished runs are kept).\n",
	        sysconf(_SC_NPROCESSORS_ONLN));
}

/* DIR/NAME written atomically by fill(). */
static bool write_file(const char *dir, const char *name, bool (*fill)(FILE *, const void *),
                       const void *arg)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct outfile o;
	if (!outfile_open(&o, path))
		return false;
	if (!fill(o.fp, arg)) {
		fprintf(stderr, "vmmsim sweep: %s: out of memory\n", path);
		outfile_abort(&o);
		return false;
	}
	return outfile_commit(&o);
}

struct stats_arg {
	const struct group_set *set;
	enum table_format format;
};

static bool fill_stats(FILE *fp, const void *p)
{
	const struct stats_arg *a = p;
	struct table t;
	table_init(&t);
	bool ok = stats_table(a->set, NULL, true, &t);
	if (ok)
		table_print(fp, &t, a->format);
	table_free(&t);
	return ok;
}

struct compare_arg {
	const struct group_set *set;
	enum table_format format;
};

/* compare.txt: both tables; compare.json: {"time": [...], "services": [...]} */
static bool fill_compare(FILE *fp, const void *p)
{
	const struct compare_arg *a = p;
	struct table t;
	table_init(&t);
	bool ok = compare_time_table(a->set, &t);
	if (ok && a->format == TABLE_TEXT) {
		fprintf(fp, "Execution time normalized to native (mean over seeds, 95%% t-interval "
		            "of the total):\n");
		table_print(fp, &t, TABLE_TEXT);
		fprintf(fp, "\nPer-service slowdown against native (1.000 = native cycles per "
		            "event):\n\n");
	} else if (ok) {
		fputs("{\"time\": ", fp);
		table_print_json(fp, &t, 0);
		fputs(",\n\"services\": ", fp);
	}
	table_free(&t);
	int shown = ok ? compare_print_services(fp, a->set, a->format) : -1;
	if (!shown && a->format == TABLE_TEXT)
		fprintf(fp, "(no group has a native baseline among the results)\n");
	if (shown >= 0 && a->format == TABLE_JSON)
		fputs("}\n", fp);
	return shown >= 0;
}

static int aggregate(const struct sweep *s, const struct sweep_exec_options *xo, bool plot)
{
	char **paths = calloc(s->n ? s->n : 1, sizeof *paths);
	size_t n = 0;
	int status = EXIT_OK;
	if (!paths)
		return EXIT_IO_ERROR;
	for (size_t i = 0; i < s->n; i++) {
		char path[4096];
		sweep_exec_result_path(xo->dir, &s->run[i], path, sizeof path);
		if (access(path, F_OK) == 0 && !(paths[n++] = strdup(path)))
			status = EXIT_IO_ERROR;
	}
	struct results *r = NULL;
	struct group_set set = { 0 };
	char err[1024];
	if (status != EXIT_OK || !n) {
		if (!n)
			fprintf(stderr, "vmmsim sweep: no results to aggregate\n");
		status = n ? status : EXIT_RUNS_FAILED;
		goto out;
	}
	if (!(r = analysis_cli_load(paths, n))) {
		status = EXIT_BAD_INPUT;
		goto out;
	}
	if (!group_results(r, n, NULL, &set, err, sizeof err)) {
		fprintf(stderr, "vmmsim: %s\n", err);
		status = EXIT_BAD_INPUT;
		goto out;
	}
	struct stats_arg text = { &set, TABLE_TEXT }, csv = { &set, TABLE_CSV },
	                 json = { &set, TABLE_JSON };
	struct compare_arg ctext = { &set, TABLE_TEXT }, cjson = { &set, TABLE_JSON };
	if (!write_file(xo->dir, "stats.txt", fill_stats, &text) ||
	    !write_file(xo->dir, "stats.csv", fill_stats, &csv) ||
	    !write_file(xo->dir, "stats.json", fill_stats, &json) ||
	    !write_file(xo->dir, "compare.txt", fill_compare, &ctext) ||
	    !write_file(xo->dir, "compare.json", fill_compare, &cjson)) {
		status = EXIT_IO_ERROR;
		goto out;
	}
	struct table t;
	table_init(&t);
	if (compare_time_table(&set, &t)) {
		printf("%zu results in %zu groups; execution time normalized to native (mean over "
		       "seeds, 95%% t-interval):\n",
		       n, set.n);
		table_print(stdout, &t, TABLE_TEXT);
	}
	table_free(&t);
	printf("statistics: %s/stats.txt (.csv, .json); comparison and per-service slowdown: "
	       "%s/compare.txt (.json)\n",
	       xo->dir, xo->dir);
	if (plot) {
		char charts[4096];
		snprintf(charts, sizeof charts, "%s/charts", xo->dir);
		struct chart_options co = {
			.dir = charts,
			.template_dir = analysis_cli_template_dir(NULL),
			.gnuplot = analysis_cli_gnuplot(),
			.log = NULL,
		};
		if (!co.gnuplot)
			fprintf(stderr, "vmmsim sweep: gnuplot not found: chart data and scripts "
			                "only\n");
		status = analysis_cli_plot(&set, &co, NULL, 0);
		if (status == EXIT_OK)
			printf("charts: %s/\n", charts);
	}
out:
	group_set_free(&set);
	if (r)
		analysis_cli_free(r, n);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return status;
}

static int emit_slurm(const struct sweep *s, const struct sweep_exec_options *xo,
                      const char *script, const char *sweepfile)
{
	char cmds[4096];
	snprintf(cmds, sizeof cmds, "%s/commands.txt", xo->dir);
	struct outfile o;
	if (!outfile_open(&o, cmds))
		return EXIT_IO_ERROR;
	for (size_t i = 0; i < s->n; i++)
		sweep_exec_command(o.fp, xo, &s->run[i]);
	if (!outfile_commit(&o))
		return EXIT_IO_ERROR;
	if (!outfile_open(&o, script))
		return EXIT_IO_ERROR;
	fprintf(o.fp,
	        "#!/bin/sh\n"
	        "# Written by vmmsim sweep --emit-slurm: one array task per run of\n"
	        "# %s (%zu runs).  Submit with `sbatch %s`; a task whose result is\n"
	        "# already there does nothing, so the array can be submitted again.\n"
	        "# When it is done, aggregate (statistics, comparison, charts) with:\n"
	        "#   vmmsim sweep -o %s %s\n"
	        "#SBATCH --job-name=vmmsim-sweep\n"
	        "#SBATCH --array=1-%zu\n"
	        "#SBATCH --ntasks=1\n"
	        "#SBATCH --cpus-per-task=1\n"
	        "#SBATCH --output=%s/logs/slurm-%%A_%%a.out\n"
	        "set -e\n"
	        "line=$(sed -n \"${SLURM_ARRAY_TASK_ID}p\" '%s')\n"
	        "test -n \"$line\"\n"
	        "eval \"$line\"\n",
	        sweepfile, s->n, script, xo->dir, sweepfile, s->n, xo->dir, cmds);
	if (!outfile_commit(&o))
		return EXIT_IO_ERROR;
	chmod(script, 0755);
	printf("%s: a Slurm array of %zu runs (the commands are in %s)\n", script, s->n, cmds);
	return EXIT_OK;
}

static int sweep_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out-dir", required_argument, NULL, 'o' }, { "jobs", required_argument, NULL, 'j' },
		{ "list", no_argument, NULL, 'l' },          { "emit-slurm", required_argument, NULL, 's' },
		{ "no-plot", no_argument, NULL, 'p' },       { "vmmsim", required_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },          { NULL, 0, NULL, 0 },
	};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct sweep_exec_options xo = { .jobs = cores > 0 ? (unsigned)cores : 1,
		                         .progress = isatty(2) };
	const char *dir = NULL, *slurm = NULL, *vmmsim = NULL;
	bool list = false, plot = true;
	uint64_t jobs;
	int opt;
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:j:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': dir = optarg; break;
		case 'j':
			if (!options_uint("--jobs", optarg, 1, 4096, &jobs))
				return EXIT_BAD_INPUT;
			xo.jobs = (unsigned)jobs;
			break;
		case 'l': list = true; break;
		case 's': slurm = optarg; break;
		case 'p': plot = false; break;
		case 'v': vmmsim = optarg; break;
		case 'h': sweep_usage(stdout); return EXIT_OK;
		default: analysis_cli_bad_option("sweep", argv); return EXIT_BAD_INPUT;
		}
	}
	if (argc - optind != 1 || (!dir && !list)) {
		fprintf(stderr, "vmmsim sweep: give -o DIR and one sweep file (see vmmsim sweep --help)\n");
		return EXIT_BAD_INPUT;
	}
	struct sweep s;
	char err[1024];
	if (!sweep_load(argv[optind], &s, err, sizeof err)) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return EXIT_BAD_INPUT;
	}
	/* absolute paths, so that the commands run from any folder (Slurm) */
	char self[PATH_MAX], absdir[PATH_MAX];
	if (!vmmsim) {
		ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
		if (len <= 0) {
			fprintf(stderr, "vmmsim sweep: cannot find this vmmsim (/proc/self/exe); "
			                "give --vmmsim PATH\n");
			sweep_free(&s);
			return EXIT_BAD_INPUT;
		}
		self[len] = 0;
		vmmsim = self;
	}
	xo.vmmsim = vmmsim;
	int status = EXIT_OK;
	if (dir && !(list && access(dir, F_OK) != 0)) {
		if (!list && !sweep_exec_prepare(dir)) {
			status = EXIT_IO_ERROR;
			goto out;
		}
		xo.dir = realpath(dir, absdir) ? absdir : dir;
	} else {
		xo.dir = dir ? dir : ".";
	}
	if (list) {
		for (size_t i = 0; i < s.n; i++)
			sweep_exec_command(stdout, &xo, &s.run[i]);
		goto out;
	}
	if (slurm) {
		status = emit_slurm(&s, &xo, slurm, argv[optind]);
		goto out;
	}
	struct sweep_exec_counts c;
	if (!sweep_exec(&s, &xo, &c)) {
		status = EXIT_IO_ERROR;
		goto out;
	}
	fprintf(stderr, "vmmsim sweep: %zu runs: %zu ran, %zu already done, %zu failed%s\n", s.n,
	        c.ran, c.skipped, c.failed, c.interrupted ? ", interrupted" : "");
	if (c.interrupted) {
		status = 128 + c.interrupted;
		goto out;
	}
	status = aggregate(&s, &xo, plot);
	if (status == EXIT_OK && c.failed)
		status = EXIT_RUNS_FAILED;
out:
	sweep_free(&s);
	return status;
}

const struct cmd_entry cmd_sweep_entry = {
	.name = "sweep",
	.summary = "run a sweep of runs in parallel (or on Slurm), then stats, comparison, charts",
	.exec = sweep_main,
};
