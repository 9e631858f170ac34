/* vmmsim import: turn a Dinero IV or Valgrind lackey address trace into a
 * vmmsim trace that vmmsim replay replays as one user process
 * (src/trace/import.h, traces/IMPORT.md). */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/options.h"
#include "sim/machine.h"
#include "trace/import.h"

static void import_usage(FILE *out)
{
	fprintf(out,
	        "usage: vmmsim import --from FORMAT [--mem SIZE] -o OUT.vtr.gz INPUT\n"
	        "Turn the address trace of a real program (plain text or gzip) into a\n"
	        "vmmsim trace of one user process under a modelled demand-zero kernel,\n"
	        "for vmmsim replay (traces/IMPORT.md).  Host addresses are folded into\n"
	        "MIPS user space (addr & 0x7fffffff).\n\n"
	        "  --from FORMAT       the input's format:\n");
	for (size_t i = 0; import_formats[i]; i++)
		fprintf(out, "                        %-7s %s\n", import_formats[i]->name,
		        import_formats[i]->summary);
	fprintf(out,
	        "  --mem SIZE          the modelled machine's memory, 1M..256M (default 64M):\n"
	        "                      its kernel gives each page touched a frame from 4 MiB up\n"
	        "  -o, --output FILE   the trace to write (atomically)\n"
	        "  --help              this text\n\n"
	        "Exit status 2 and one line naming the file and line on bad input.\n");
}

enum { OPT_FROM = 256, OPT_MEM, OPT_HELP };

static const struct option import_options[] = {
	{ "from", required_argument, NULL, OPT_FROM },
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

static int import_main(int argc, char **argv)
{
	const struct import_format *f = NULL;
	const char *output = NULL;
	uint32_t mem = MACHINE_MEM_DEFAULT;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", import_options, NULL)) != -1) {
		switch (c) {
		case OPT_FROM:
			f = import_format_find(optarg);
			if (!f) {
				fprintf(stderr, "vmmsim import: --from: unknown format '%s' (", optarg);
				for (size_t i = 0; import_formats[i]; i++)
					fprintf(stderr, "%s%s", i ? ", " : "", import_formats[i]->name);
				fprintf(stderr, ")\n");
				return EXIT_BAD_INPUT;
			}
			break;
		case OPT_MEM:
			if (!options_mem(optarg, &mem))
				return EXIT_BAD_INPUT;
			break;
		case 'o': output = optarg; break;
		case OPT_HELP: import_usage(stdout); return EXIT_OK;
		default:
			fprintf(stderr, "vmmsim import: bad option '%s' (see vmmsim import --help)\n",
			        argv[optind - 1]);
			return EXIT_BAD_INPUT;
		}
	}
	if (!f || !output || optind != argc - 1) {
		fprintf(stderr, "vmmsim import: give --from FORMAT, -o OUT.vtr.gz and one input file "
		                "(see vmmsim import --help)\n");
		return EXIT_BAD_INPUT;
	}
	struct import_summary s;
	bool write_failed;
	char err[1024];
	if (!import_trace(f, argv[optind], output, mem, &s, &write_failed, err, sizeof err)) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return write_failed ? EXIT_IO_ERROR : EXIT_BAD_INPUT;
	}
	fprintf(stderr,
	        "vmmsim import: %s: %" PRIu64 " instructions%s, %" PRIu64 " references (%" PRIu64
	        " REF records), %" PRIu64 " pages touched; %" PRIu64 " kernel instructions\n",
	        output, s.instructions, s.no_fetches ? " (no fetches: one per data reference)" : "",
	        s.references, s.ref_records, s.pages, s.kernel_instructions);
	return EXIT_OK;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.summary = "turn a Dinero IV or Valgrind lackey address trace into a trace to replay",
	.exec = import_main,
};
