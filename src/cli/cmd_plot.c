/* vmmsim plot: charts from result files (gnuplot templates in analysis/). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/chart.h"
#include "analysis/group.h"
#include "cli/analysis_cli.h"
#include "cli/cmd.h"

static void plot_usage(FILE *out)
{
	fprintf(out,
	        "usage: vmmsim plot [OPTIONS] -o DIR RESULT.json...\n"
	        "Draw charts from results into DIR, each as NAME.png and NAME.svg, with its data\n"
	        "beside it (NAME.dat) and the gnuplot script that draws it (NAME.gp: replot\n"
	        "with `cd DIR && gnuplot NAME.gp`).  Results that differ only in their seed are\n"
	        "one group: charts show means over the seeds.  Charts (all that the results\n"
	        "allow, unless --chart names some):\n");
	size_t n;
	const struct chart *const *all = chart_list(&n);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "  %-9s %s\n", all[i]->name, all[i]->summary);
	fprintf(out,
	        "\n  -o, --out-dir DIR  where to write (created if needed)\n"
	        "  --chart NAME       draw this chart (repeatable); an error if the results\n"
	        "                     cannot make it\n"
	        "  --x FIELD          the sweep chart's parameter (a result field such as\n"
	        "                     tlb.entries or args.files; default: each numeric\n"
	        "                     parameter that varies)\n"
	        "  --ignore FIELD     leave a result field out of the grouping (repeatable)\n"
	        "  --templates DIR    the gnuplot templates (default: %s)\n"
	        "  --no-render        write data files and scripts only (no gnuplot)\n"
	        "  --list             list the charts\n"
	        "  --help             this text\n\n"
	        "Exit status: 0 done, 2 bad command line, bad result file or a chart the\n"
	        "results cannot make, 4 output error (or gnuplot failed).\n",
	        analysis_cli_template_dir(NULL));
}

static int plot_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out-dir", required_argument, NULL, 'o' },  { "chart", required_argument, NULL, 'c' },
		{ "x", required_argument, NULL, 'x' },        { "ignore", required_argument, NULL, 'i' },
		{ "templates", required_argument, NULL, 't' }, { "no-render", no_argument, NULL, 'n' },
		{ "list", no_argument, NULL, 'l' },           { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct chart_options o = { .log = stdout };
	const char *templates = NULL;
	bool render = true;
	const char **charts = calloc((size_t)argc + 1, sizeof *charts);
	const char **ignore = calloc((size_t)argc + 1, sizeof *ignore);
	size_t ncharts = 0, nignore = 0;
	int opt, status = EXIT_OK;
	if (!charts || !ignore) {
		fprintf(stderr, "vmmsim plot: out of memory\n");
		status = EXIT_IO_ERROR;
		goto out;
	}
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': o.dir = optarg; break;
		case 'c':
			if (!chart_find(optarg)) {
				fprintf(stderr, "vmmsim plot: --chart: no chart '%s' (see vmmsim plot --list)\n",
				        optarg);
				status = EXIT_BAD_INPUT;
				goto out;
			}
			charts[ncharts++] = optarg;
			break;
		case 'x': o.x_field = optarg; break;
		case 'i': ignore[nignore++] = optarg; break;
		case 't': templates = optarg; break;
		case 'n': render = false; break;
		case 'l': {
			size_t n;
			const struct chart *const *all = chart_list(&n);
			for (size_t i = 0; i < n; i++)
				printf("%-9s %s\n", all[i]->name, all[i]->summary);
			goto out;
		}
		case 'h': plot_usage(stdout); goto out;
		default:
			analysis_cli_bad_option("plot", argv);
			status = EXIT_BAD_INPUT;
			goto out;
		}
	}
	if (!o.dir || optind >= argc) {
		fprintf(stderr, "vmmsim plot: give -o DIR and one or more result files (see vmmsim plot --help)\n");
		status = EXIT_BAD_INPUT;
		goto out;
	}
	o.template_dir = analysis_cli_template_dir(templates);
	if (render && !(o.gnuplot = analysis_cli_gnuplot())) {
		fprintf(stderr, "vmmsim plot: gnuplot was not found when vmmsim was built (Debian "
		                "package gnuplot-nox); use --no-render for the data files only\n");
		status = EXIT_BAD_INPUT;
		goto out;
	}
	size_t n = (size_t)(argc - optind);
	struct results *r = analysis_cli_load(argv + optind, n);
	if (!r) {
		status = EXIT_BAD_INPUT;
		goto out;
	}
	struct group_set set = { 0 };
	char err[1024];
	if (!group_results(r, n, ignore, &set, err, sizeof err)) {
		fprintf(stderr, "vmmsim: %s\n", err);
		status = EXIT_BAD_INPUT;
	} else {
		status = analysis_cli_plot(&set, &o, charts, ncharts);
	}
	group_set_free(&set);
	analysis_cli_free(r, n);
out:
	free(charts);
	free(ignore);
	return status;
}

const struct cmd_entry cmd_plot_entry = {
	.name = "plot",
	.summary = "charts from results (gnuplot): normalized time, services, sweeps, memory, CDFs",
	.exec = plot_main,
};
