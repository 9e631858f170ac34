/* vmmsim cost-model: print the cost model in effect, as a cost-model file. */
#include <string.h>

#include "cli/cmd.h"
#include "models/costmodel.h"

static int costmodel_main(int argc, char **argv)
{
	struct costmodel c;
	char err[512];
	costmodel_defaults(&c);
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		printf("usage: vmmsim cost-model [FILE]\n"
		       "Print the default cost model, or FILE's (defaults for the keys it does\n"
		       "not name), in the cost-model file format (doc/costmodel.md).\n");
		return EXIT_OK;
	}
	if (argc > 2) {
		fprintf(stderr, "vmmsim cost-model: more than one file given\n");
		return EXIT_BAD_INPUT;
	}
	if (argc == 2 && costmodel_load(&c, argv[1], err, sizeof err) != 0) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return EXIT_BAD_INPUT;
	}
	costmodel_write(&c, stdout);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO_ERROR;
}

const struct cmd_entry cmd_costmodel_entry = {
	.name = "cost-model",
	.summary = "print the cost model (the defaults, or a file's)",
	.exec = costmodel_main,
};
