/* vmmsim compare: each group of runs against its native group: the
 * execution time normalized to native split by who (Disco's Figure 5), and
 * the per-service slowdown split by component (Disco's Table 2). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"
#include "cli/analysis_cli.h"
#include "cli/cmd.h"

static void compare_usage(FILE *out)
{
	fprintf(out,
	        "usage: vmmsim compare [--format table|csv|json] [--only time|services]\n"
	        "                      [--ignore FIELD]... [--out FILE] RESULT.json...\n"
	        "Group the results that differ only in their seed and compare each group with\n"
	        "the native group of the same workload (and configuration, when there is one):\n"
	        "  time      per workload, each policy's execution time normalized to native\n"
	        "            (mean over seeds, paired by seed when the native runs have them,\n"
	        "            with its 95%% t-interval), split into user, kernel, vmm and idle,\n"
	        "            which add up to it, and the overhead in percent;\n"
	        "  services  per group, the slowdown of each guest service (cycles per event\n"
	        "            against native) split into the guest's own time and each VMM\n"
	        "            component (which add up to it), and a last row for the whole run.\n\n"
	        "  --format F     table (default), csv or json\n"
	        "  --only T       time or services (csv needs it: one table per file)\n"
	        "  --ignore FIELD leave a result field out of the grouping (repeatable)\n"
	        "  --out FILE     write there instead of stdout\n"
	        "  --help         this text\n\n"
	        "Exit status: 0 done, 2 bad command line or bad result file, 4 output error.\n");
}

/* Both tables in the chosen format; false if memory ran out. */
static bool print_compare(FILE *out, const struct group_set *set, enum table_format f,
                          bool time, bool services)
{
	struct table t;
	table_init(&t);
	bool ok = !time || compare_time_table(set, &t);
	if (f == TABLE_JSON)
		fputs(time && services ? "{\"time\": " : "", out);
	if (ok && time) {
		if (f == TABLE_TEXT)
			fprintf(out, "Execution time normalized to native (mean over seeds, 95%% "
			             "t-interval of the total):\n");
		if (f == TABLE_JSON)
			table_print_json(out, &t, 0);
		else
			table_print(out, &t, f);
	}
	table_free(&t);
	if (ok && services) {
		if (f == TABLE_TEXT)
			fprintf(out, "%sPer-service slowdown against native (1.000 = native cycles per "
			             "event):\n\n",
			        time ? "\n" : "");
		if (f == TABLE_JSON)
			fputs(time ? ",\n\"services\": " : "", out);
		int shown = compare_print_services(out, set, f);
		ok = shown >= 0;
		if (!shown && f == TABLE_TEXT)
			fprintf(out, "(no group has a native baseline among the results)\n");
	}
	if (f == TABLE_JSON)
		fputs(time && services ? "}\n" : "\n", out);
	return ok;
}

static int compare_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' }, { "only", required_argument, NULL, 'O' },
		{ "ignore", required_argument, NULL, 'i' }, { "out", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
	};
	enum table_format format = TABLE_TEXT;
	const char *out_path = NULL;
	bool time = true, services = true;
	const char **ignore = calloc((size_t)argc + 1, sizeof *ignore);
	size_t nignore = 0;
	int opt, status = EXIT_BAD_INPUT;
	if (!ignore) {
		fprintf(stderr, "vmmsim compare: out of memory\n");
		return EXIT_IO_ERROR;
	}
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (!table_parse_format(optarg, &format)) {
				fprintf(stderr, "vmmsim compare: --format: '%s' is not table, csv or json\n",
				        optarg);
				goto out;
			}
			break;
		case 'O':
			time = !strcmp(optarg, "time");
			services = !strcmp(optarg, "services");
			if (!time && !services) {
				fprintf(stderr, "vmmsim compare: --only: '%s' is not time or services\n",
				        optarg);
				goto out;
			}
			break;
		case 'i': ignore[nignore++] = optarg; break;
		case 'o': out_path = optarg; break;
		case 'h':
			compare_usage(stdout);
			status = EXIT_OK;
			goto out;
		default: analysis_cli_bad_option("compare", argv); goto out;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "vmmsim compare: give one or more result files (see vmmsim compare "
		                "--help)\n");
		goto out;
	}
	if (format == TABLE_CSV && time && services) {
		fprintf(stderr, "vmmsim compare: --format csv needs --only time or --only services\n");
		goto out;
	}
	size_t n = (size_t)(argc - optind);
	struct results *r = analysis_cli_load(argv + optind, n);
	if (!r)
		goto out;
	struct group_set set = { 0 };
	char err[1024];
	FILE *fp = NULL;
	if (!group_results(r, n, ignore, &set, err, sizeof err)) {
		fprintf(stderr, "vmmsim: %s\n", err);
	} else if (!(fp = analysis_cli_open_out(out_path))) {
		status = EXIT_IO_ERROR;
	} else {
		status = EXIT_OK;
		if (!print_compare(fp, &set, format, time, services)) {
			fprintf(stderr, "vmmsim compare: out of memory\n");
			status = EXIT_IO_ERROR;
		}
		if (!analysis_cli_close_out(fp, out_path))
			status = EXIT_IO_ERROR;
	}
	group_set_free(&set);
	analysis_cli_free(r, n);
out:
	free(ignore);
	return status;
}

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.summary = "each policy against native: normalized time by who, per-service slowdown",
	.exec = compare_main,
};
