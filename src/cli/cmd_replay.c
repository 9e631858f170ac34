/* vmmsim replay: replay a trace (vmmsim record, vmmsim import) under a
 * policy; the results are those of vmmsim run (doc/results-format.md). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/options.h"
#include "cli/run_report.h"
#include "cli/vmm_options.h"
#include "sim/report.h"
#include "tlb/tlb.h"
#include "trace/replay.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: vmmsim replay [OPTIONS] FILE.vtr.gz\n"
	        "Replay a trace (vmmsim record, vmmsim import) under a policy, without\n"
	        "running the guest again; the summary and --out are those of vmmsim run.\n"
	        "doc/replay.md says what replay reproduces exactly and what it models.\n"
	        "\n");
	vmm_options_usage(out);
	fprintf(out,
	        "  --tlb-entries N     TLB entries, 1..%d (default: the recording's)\n"
	        "  --cost-model FILE   cycle costs (default: the recording's)\n"
	        "  --out FILE.json     write the summary as JSON (atomically)\n"
	        "  --quiet             no summary on stderr\n"
	        "  --help              this text\n"
	        "\n"
	        "Exit status: as vmmsim run (0 the guest halted with status 0); 2 for a bad or\n"
	        "damaged trace, with one line naming the file and the byte offset.\n",
	        TLB_MAX_ENTRIES);
}

enum { OPT_TLB = VMM_OPTION_END, OPT_COST, OPT_OUT, OPT_QUIET, OPT_HELP };

static const struct option long_options[] = {
	VMM_OPTIONS_LONG,
	{ "tlb-entries", required_argument, NULL, OPT_TLB },
	{ "cost-model", required_argument, NULL, OPT_COST },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

struct replay_options {
	struct replay_config cfg;
	const char *out_path;
	bool quiet;
};

/* -1: go on; otherwise the exit status. */
static int parse(int argc, char **argv, struct replay_options *o)
{
	int c;
	vmm_params_defaults(&o->cfg.vmm);
	o->cfg.console_out = stdout;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
		int vmm_option = vmm_options_parse(c, optarg, &o->cfg.policy, &o->cfg.vmm);
		if (vmm_option < 0)
			return EXIT_BAD_INPUT;
		if (vmm_option)
			continue;
		switch (c) {
		case OPT_TLB:
			if (!options_tlb_entries(optarg, &o->cfg.tlb_entries))
				return EXIT_BAD_INPUT;
			break;
		case OPT_COST: o->cfg.cost_path = optarg; break;
		case OPT_OUT: o->out_path = optarg; break;
		case OPT_QUIET: o->quiet = true; break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default:
			fprintf(stderr, "vmmsim replay: unknown or incomplete option '%s' (see vmmsim replay --help)\n",
			        argv[optind - 1]);
			return EXIT_BAD_INPUT;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "vmmsim replay: give one trace file (see vmmsim replay --help)\n");
		return EXIT_BAD_INPUT;
	}
	o->cfg.path = argv[optind];
	return -1;
}

struct replay_report {
	struct replay *r;
	const struct replay_options *o;
};

static void config_json(void *ctx, FILE *out)
{
	const struct replay_report *rr = ctx;
	const struct trace_header *h = replay_header(rr->r);
	struct vmm *v = replay_vmm(rr->r);
	fputs("  \"replay\": {\"trace\": ", out);
	report_json_string(out, rr->o->cfg.path);
	fprintf(out, ", \"source\": ");
	report_json_string(out, h->source);
	fprintf(out, ", \"refills_synthesized\": %s},\n", replay_retimed(rr->r) ? "true" : "false");
	if (v)
		run_config_vmm_json(out, v, &rr->o->cfg.vmm);
}

static int replay_main(int argc, char **argv)
{
	struct replay_options o = { 0 };
	char err[512];
	int status = parse(argc, argv, &o);
	if (status >= 0)
		return status;
	struct replay *r = replay_open(&o.cfg, err, sizeof err);
	if (!r) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return EXIT_BAD_INPUT;
	}
	if (replay_run(r, err, sizeof err) != 0) {
		fprintf(stderr, "vmmsim: %s\n", err);
		replay_close(r);
		return EXIT_BAD_INPUT;
	}
	struct machine *m = replay_machine(r);
	struct vmm *v = replay_vmm(r);
	const struct trace_header *h = replay_header(r);
	struct replay_report rr = { r, &o };
	struct report_meta meta = { .program = h->program,
		                    .workload = h->workload[0] ? h->workload : NULL, .seed = h->seed,
		                    .config_json = config_json, .config_ctx = &rr,
		                    .memory_bytes = m->cfg.mem_size };
	status = run_report_finish(m, v, &meta, o.quiet, o.out_path);
	replay_close(r);
	return status;
}

const struct cmd_entry cmd_replay_entry = {
	.name = "replay",
	.summary = "replay a trace under a policy, without running the guest again",
	.exec = replay_main,
};
