/* vmmsim: the front end.  It parses the command line, picks a subcommand
 * from the table below and leaves the work to libvmmsim. */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "config.h"

static const struct cmd_entry *const commands[] = {
	&cmd_run_entry,
	&cmd_list_entry,
	&cmd_costmodel_entry,
	&cmd_record_entry,
	&cmd_import_entry,
	&cmd_replay_entry,
	&cmd_trace_info_entry,
	&cmd_stats_entry,
	&cmd_compare_entry,
	&cmd_plot_entry,
	&cmd_sweep_entry,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
	fprintf(out, "usage: vmmsim COMMAND [OPTIONS] ...\n"
	             "A cycle-approximate MIPS R4000 simulator for studying virtualization.\n\n"
	             "Commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(out, "\n`vmmsim COMMAND --help` describes a command; `vmmsim --version`.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("vmmsim %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(argv[1], commands[i]->name))
			return commands[i]->exec(argc - 1, argv + 1);
	fprintf(stderr, "vmmsim: unknown command '%s' (see vmmsim --help)\n", argv[1]);
	return EXIT_BAD_INPUT;
}
