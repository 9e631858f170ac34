/* vmmsim list: what can be run (workloads, and later policies). */
#include <string.h>

#include "cli/cmd.h"
#include "cli/workload.h"

static int list_main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		printf("usage: vmmsim list\nPrint the guest workloads and their parameters.\n");
		return EXIT_OK;
	}
	if (argc > 1) {
		fprintf(stderr, "vmmsim list: unexpected argument '%s' (see vmmsim list --help)\n",
		        argv[1]);
		return EXIT_BAD_INPUT;
	}
	workload_print_list(stdout);
	return EXIT_OK;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.summary = "list the guest workloads and their parameters",
	.exec = list_main,
};
