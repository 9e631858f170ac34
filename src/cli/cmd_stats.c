/* vmmsim stats: statistics over runs that differ only in their seed. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/group.h"
#include "analysis/stats_table.h"
#include "cli/analysis_cli.h"
#include "cli/cmd.h"

static void stats_usage(FILE *out)
{
	fprintf(out,
	        "usage: vmmsim stats [--format table|csv|json] [--ignore FIELD]... [--out FILE]\n"
	        "                    RESULT.json...\n"
	        "Group results that differ only in their seed (same workload, policy and\n"
	        "parameters, as the files record them) and give, for each group, the total\n"
	        "cycles, the overhead in percent against the native group of the same\n"
	        "configuration (when given), and the cycles of every breakdown row: n, mean,\n"
	        "standard deviation, 95%% confidence interval of the mean (Student's t),\n"
	        "median, min and max.\n\n"
	        "  --format F     table (default), csv or json\n"
	        "  --ignore FIELD leave a result field out of the grouping (repeatable)\n"
	        "  --out FILE     write there instead of stdout\n"
	        "  --help         this text\n\n"
	        "Exit status: 0 done, 2 bad command line or bad result file, 4 output error.\n");
}

static int stats_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' }, { "ignore", required_argument, NULL, 'i' },
		{ "out", required_argument, NULL, 'o' },    { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum table_format format = TABLE_TEXT;
	const char *out_path = NULL;
	const char **ignore = calloc((size_t)argc + 1, sizeof *ignore);
	size_t nignore = 0;
	int opt;
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "f:i:o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (!table_parse_format(optarg, &format)) {
				fprintf(stderr, "vmmsim stats: --format: '%s' is not table, csv or json\n", optarg);
				free(ignore);
				return EXIT_BAD_INPUT;
			}
			break;
		case 'i': ignore[nignore++] = optarg; break;
		case 'o': out_path = optarg; break;
		case 'h':
			stats_usage(stdout);
			free(ignore);
			return EXIT_OK;
		default:
			analysis_cli_bad_option("stats", argv);
			free(ignore);
			return EXIT_BAD_INPUT;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "vmmsim stats: give one or more result files (see vmmsim stats --help)\n");
		free(ignore);
		return EXIT_BAD_INPUT;
	}
	size_t n = (size_t)(argc - optind);
	struct results *r = analysis_cli_load(argv + optind, n);
	if (!r) {
		free(ignore);
		return EXIT_BAD_INPUT;
	}
	int status = EXIT_OK;
	char err[1024];
	struct group_set set = { 0 };
	FILE *out = NULL;
	if (!group_results(r, n, ignore, &set, err, sizeof err)) {
		fprintf(stderr, "vmmsim: %s\n", err);
		status = EXIT_BAD_INPUT;
		goto done;
	}
	if (!(out = analysis_cli_open_out(out_path))) {
		status = EXIT_IO_ERROR;
		goto done;
	}
	if (format == TABLE_TEXT) {
		/* one table per group under a heading: easier to read than one
		 * wide table that repeats the group on every line */
		for (size_t k = 0; k < set.n; k++) {
			struct group *g = &set.group[k];
			fprintf(out, "%s%s (n=%zu", k ? "\n" : "", g->label, g->n);
			for (size_t i = 0; i < g->n; i++)
				if (g->runs[i]->has_seed)
					fprintf(out, "%s%llu", i ? "," : ", seeds ",
					        (unsigned long long)g->runs[i]->seed);
			fprintf(out, ")\n");
			struct table t;
			table_init(&t);
			if (!stats_table(&set, g, false, &t)) {
				fprintf(stderr, "vmmsim stats: out of memory\n");
				table_free(&t);
				status = EXIT_IO_ERROR;
				break;
			}
			table_print(out, &t, TABLE_TEXT);
			table_free(&t);
		}
	} else {
		struct table t;
		table_init(&t);
		if (stats_table(&set, NULL, true, &t))
			table_print(out, &t, format);
		else {
			fprintf(stderr, "vmmsim stats: out of memory\n");
			status = EXIT_IO_ERROR;
		}
		table_free(&t);
	}
	if (!analysis_cli_close_out(out, out_path))
		status = EXIT_IO_ERROR;
done:
	group_set_free(&set);
	analysis_cli_free(r, n);
	free(ignore);
	return status;
}

const struct cmd_entry cmd_stats_entry = {
	.name = "stats",
	.summary = "statistics over results that differ only in their seed",
	.exec = stats_main,
};
