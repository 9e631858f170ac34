/* vmmsim list: what can be run: the VMM policies and the guest workloads. */
#include <string.h>

#include "cli/cmd.h"
#include "cli/workload.h"
#include "models/policy.h"

static void print_policies(FILE *out)
{
	fprintf(out, "Policies (--policy A+B: extensions before the base that runs the guest;\n"
	             "naming only extensions implies trap):\n");
	for (unsigned i = 0; policy_registry[i]; i++) {
		const struct policy_ops *p = policy_registry[i];
		fprintf(out, "  %-10s %-9s %s\n", p->name, p->is_base ? "base" : "extension",
		        p->summary);
		if (p->is_base)
			fprintf(out, "  %-10s %-9s boots the '%s' guest kernel flavour\n", "", "", p->flavour);
	}
	fprintf(out, "\nGuest kernel flavours (--flavour; from one source, guest/kernel/README.md):\n"
	             "  native     kseg0, kernel mode: runs on the bare machine\n"
	             "  relocated  ksseg, supervisor mode: runs under a VMM, unmodified otherwise\n"
	             "  paravirt   relocated, plus monitor calls (zeroed and freed pages, idle)\n"
	             "             and the special page for interrupt enables and CP0 reads\n"
	             "  spinidle   relocated, idling in a spin loop instead of WAIT\n\n");
}

static int list_main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		printf("usage: vmmsim list\nPrint the VMM policies, the guest workloads and their "
		       "parameters.\n");
		return EXIT_OK;
	}
	if (argc > 1) {
		fprintf(stderr, "vmmsim list: unexpected argument '%s' (see vmmsim list --help)\n",
		        argv[1]);
		return EXIT_BAD_INPUT;
	}
	print_policies(stdout);
	workload_print_list(stdout);
	return EXIT_OK;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.summary = "list the VMM policies and the guest workloads with their parameters",
	.exec = list_main,
};
