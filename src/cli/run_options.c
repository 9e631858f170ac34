/* The options of vmmsim run and vmmsim record (cmd_run.c): the usage
 * text, the option table, and parsing them with the checks between them,
 * apart from loading and running what they name. */
#include "cli/run_options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/options.h"
#include "cli/vmm_options.h"
#include "config.h"
#include "tlb/tlb.h"

static void usage(FILE *out, bool recording)
{
	if (recording)
		fprintf(out,
		        "usage: vmmsim record [RUN OPTIONS] -o FILE.vtr.gz PROGRAM.elf\n"
		        "       vmmsim record [RUN OPTIONS] -o FILE.vtr.gz --workload NAME ...\n"
		        "Run natively, as vmmsim run does, and record a trace of the run that\n"
		        "vmmsim replay replays under any policy (traces/FORMAT.md).  Every option\n"
		        "of vmmsim run below applies but --policy (native only), --vms and\n"
		        "--trace-insns.\n"
		        "\n"
		        "  -o, --output FILE   the trace to write (atomically)\n"
		        "\n");
	fprintf(out,
	        "usage: vmmsim run [OPTIONS] PROGRAM.elf [PROGRAM.elf... (one per VM)]\n"
	        "       vmmsim run [OPTIONS] --workload NAME [--seed N] [--arg KEY=VALUE ...]\n"
	        "Run a bare-metal ELF32 MIPS program (kernel mode, BEV=0, EBase 0x80000000;\n"
	        "under a VMM policy linked in ksseg, 0xC0000000..), or boot the guest kernel\n"
	        "with a workload (see vmmsim list), until it halts; console output on\n"
	        "stdout, a summary on stderr.\n"
	        "\n"
	        "  --workload NAME     boot the guest kernel running workload NAME\n"
	        "  --seed N            the workload's seed (default 1)\n"
	        "  --arg KEY=VALUE     a workload parameter (repeatable)\n"
	        "  --endian be|le      byte order of the guest kernel (default be)\n"
	        "  --guest-dir DIR     where the guest kernel images are (default: the\n"
	        "                      build tree, then the installed copy)\n");
	vmm_options_usage(out);
	fprintf(out,
	        "  --flavour F         the guest kernel flavour (native, relocated, paravirt,\n"
	        "                      spinidle; default: the one the policy needs)\n"
	        "  --dedup-image       dedup: share the boot image's identical pages at once\n"
	        "  --vms N             run N VMs on one CPU, each with --mem of memory and\n"
	        "                      the workload with seed+i (needs a VMM policy); a\n"
	        "                      bare-metal run may name one program per VM\n"
	        "  --slice CYCLES      several VMs: the round-robin time slice (default %u)\n"
	        "  --asid-tag          several VMs: keep the TLB across world switches by\n"
	        "                      tagging ASIDs per VM, instead of flushing it\n"
	        "  --mem SIZE          physical memory (each VM's), 1M..256M (default 64M)\n"
	        "  --tlb-entries N     joint TLB entries, 1..%d (default %d; R10000: 64)\n"
	        "  --max-insns N       stop a runaway guest after N instructions (exit 3)\n"
	        "  --cost-model FILE   cycle costs (default: doc/costmodel.md)\n"
	        "  --cmdline TEXT      boot command line passed in $a1 (see README)\n"
	        "  --out FILE.json     write the summary as JSON (atomically)\n"
	        "  --trace-insns[=FILE] one line per executed instruction (default stderr)\n"
	        "  --no-tcache         disable the host translation cache (results unchanged)\n"
	        "  --quiet             no summary on stderr\n"
	        "  --help              this text\n"
	        "  --version           vmmsim's version\n"
	        "\n"
	        "Exit status: 0 halted with status 0, 1 halted with a non-zero status,\n"
	        "2 bad input, 3 did not halt (--max-insns, deadlock), 4 output error.\n",
	        VMM_DEFAULT_SLICE, TLB_MAX_ENTRIES, TLB_DEFAULT_ENTRIES);
}

enum { OPT_MEM = VMM_OPTION_END, OPT_TLB, OPT_MAX_INSNS, OPT_COST, OPT_CMDLINE, OPT_OUT,
       OPT_TRACE, OPT_NO_TCACHE, OPT_QUIET, OPT_HELP, OPT_VERSION, OPT_WORKLOAD, OPT_SEED, OPT_ARG,
       OPT_ENDIAN, OPT_GUEST_DIR, OPT_VMS, OPT_SLICE, OPT_ASID_TAG, OPT_FLAVOUR, OPT_DEDUP_IMAGE };

static const struct option long_options[] = {
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "tlb-entries", required_argument, NULL, OPT_TLB },
	{ "max-insns", required_argument, NULL, OPT_MAX_INSNS },
	{ "cost-model", required_argument, NULL, OPT_COST },
	{ "cmdline", required_argument, NULL, OPT_CMDLINE },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "trace-insns", optional_argument, NULL, OPT_TRACE },
	{ "no-tcache", no_argument, NULL, OPT_NO_TCACHE },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "workload", required_argument, NULL, OPT_WORKLOAD },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "arg", required_argument, NULL, OPT_ARG },
	{ "endian", required_argument, NULL, OPT_ENDIAN },
	{ "guest-dir", required_argument, NULL, OPT_GUEST_DIR },
	VMM_OPTIONS_LONG,
	{ "vms", required_argument, NULL, OPT_VMS },
	{ "slice", required_argument, NULL, OPT_SLICE },
	{ "asid-tag", no_argument, NULL, OPT_ASID_TAG },
	{ "flavour", required_argument, NULL, OPT_FLAVOUR },
	{ "dedup-image", no_argument, NULL, OPT_DEDUP_IMAGE },
	{ "output", required_argument, NULL, 'o' }, /* vmmsim record */
	{ NULL, 0, NULL, 0 },
};

/* --policy: check the composition now, so that a bad one is one line. */
static bool choose_policy(struct run_options *o)
{
	const struct policy_ops *ops[POLICY_MAX_COMPOSED];
	char err[200];
	unsigned n = policy_parse(o->policy ? o->policy : "native", ops, err, sizeof err);
	if (!n) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return false;
	}
	o->base = ops[n - 1];
	return true;
}

bool run_options_virtualized(const struct run_options *o)
{
	return strcmp(o->base->name, "native") != 0;
}

/* --flavour: one the policy can run (native needs the kseg0 kernel, a VMM a
 * relocated one). */
static bool check_flavour(struct run_options *o)
{
	static const char *const deprivileged[] = { "relocated", "paravirt", "spinidle" };
	if (!o->flavour)
		o->flavour = o->base->flavour;
	bool ok = false;
	if (!run_options_virtualized(o))
		ok = !strcmp(o->flavour, "native");
	else
		for (size_t i = 0; i < sizeof deprivileged / sizeof deprivileged[0]; i++)
			ok |= !strcmp(o->flavour, deprivileged[i]);
	if (!ok)
		fprintf(stderr, "vmmsim run: --flavour %s cannot run under --policy %s (%s)\n",
		        o->flavour, o->base->name,
		        run_options_virtualized(o) ? "a VMM runs relocated, paravirt or spinidle"
		                                   : "native runs the native flavour");
	return ok;
}

/* --workload: the kernel image becomes the program, the workload its
 * command line.  Returns -1 to go on, or an exit status. */
static int prepare_workload(int argc, struct run_options *o)
{
	if (optind != argc) {
		fprintf(stderr, "vmmsim run: --workload runs the guest kernel: no program file may be given\n");
		return EXIT_BAD_INPUT;
	}
	if (o->cmdline) {
		fprintf(stderr, "vmmsim run: --workload makes the command line: drop --cmdline\n");
		return EXIT_BAD_INPUT;
	}
	if (!workload_validate(&o->workload) ||
	    !workload_cmdline(&o->workload, o->workload_cmdline, BOOT_CMDLINE_MAX_TEXT) ||
	    !check_flavour(o) ||
	    !workload_kernel_path(&o->workload, o->flavour, o->kernel_path, sizeof o->kernel_path))
		return EXIT_BAD_INPUT;
	o->program = o->kernel_path;
	o->cmdline = o->workload_cmdline;
	return -1;
}

/* vmmsim record: what it needs and what it cannot do. */
static bool record_options_ok(const struct run_options *o)
{
	const char *why = !o->record_path ? "-o FILE.vtr.gz is required"
	                  : run_options_virtualized(o)
	                      ? "a trace is recorded natively: replay it under --policy"
	                  : o->nvms > 1 ? "--vms: a trace holds one machine"
	                  : o->trace    ? "--trace-insns and a trace cannot be written at once"
	                                : NULL;
	if (why)
		fprintf(stderr, "vmmsim record: %s (see vmmsim record --help)\n", why);
	return !why;
}

int run_options_parse(int argc, char **argv, struct run_options *o)
{
	bool workload_opts = false; /* --seed/--arg/--endian given */
	uint64_t v;
	int c;
	machine_config_defaults(&o->cfg);
	vmm_params_defaults(&o->vmm);
	o->nvms = 1;
	o->workload.seed = 1;
	o->workload.big_endian = true;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, o->recording ? "o:" : "", long_options, NULL)) != -1) {
		if (c == 'o' && !o->recording)
			c = '?';
		int vmm_option = vmm_options_parse(c, optarg, &o->policy, &o->vmm);
		if (vmm_option < 0)
			return EXIT_BAD_INPUT;
		if (vmm_option)
			continue;
		switch (c) {
		case 'o': o->record_path = optarg; break;
		case OPT_MEM:
			if (!options_mem(optarg, &o->cfg.mem_size))
				return EXIT_BAD_INPUT;
			break;
		case OPT_TLB:
			if (!options_tlb_entries(optarg, &o->cfg.tlb_entries))
				return EXIT_BAD_INPUT;
			break;
		case OPT_MAX_INSNS:
			if (!options_uint("--max-insns", optarg, 1, UINT64_MAX, &v))
				return EXIT_BAD_INPUT;
			o->cfg.max_insns = v;
			break;
		case OPT_COST: o->cost_path = optarg; break;
		case OPT_CMDLINE:
			if (strlen(optarg) >= BOOT_CMDLINE_MAX_TEXT) {
				fprintf(stderr, "vmmsim: --cmdline: longer than %d bytes\n",
				        BOOT_CMDLINE_MAX_TEXT - 1);
				return EXIT_BAD_INPUT;
			}
			o->cmdline = optarg;
			break;
		case OPT_OUT: o->out_path = optarg; break;
		case OPT_TRACE: o->trace = true; o->trace_path = optarg; break;
		case OPT_NO_TCACHE: o->cfg.use_tcache = false; break;
		case OPT_QUIET: o->quiet = true; break;
		case OPT_HELP: usage(stdout, o->recording); return EXIT_OK;
		case OPT_VERSION: printf("vmmsim %s\n", PACKAGE_VERSION); return EXIT_OK;
		case OPT_WORKLOAD: o->workload.name = optarg; break;
		case OPT_SEED:
			if (!options_uint("--seed", optarg, 0, UINT32_MAX, &o->workload.seed))
				return EXIT_BAD_INPUT;
			workload_opts = true;
			break;
		case OPT_ARG:
			if (o->workload.nargs == WORKLOAD_MAX_ARGS) {
				fprintf(stderr, "vmmsim: --arg: more than %d given\n", WORKLOAD_MAX_ARGS);
				return EXIT_BAD_INPUT;
			}
			o->workload.args[o->workload.nargs++] = optarg;
			workload_opts = true;
			break;
		case OPT_ENDIAN:
			if (strcmp(optarg, "be") && strcmp(optarg, "le")) {
				fprintf(stderr, "vmmsim: --endian: '%s' is neither be nor le\n", optarg);
				return EXIT_BAD_INPUT;
			}
			o->workload.big_endian = !strcmp(optarg, "be");
			workload_opts = true;
			break;
		case OPT_GUEST_DIR: o->workload.guest_dir = optarg; break;
		case OPT_VMS:
			if (!options_uint("--vms", optarg, 1, VMM_MAX_VMS, &v))
				return EXIT_BAD_INPUT;
			o->nvms = (unsigned)v;
			break;
		case OPT_SLICE:
			if (!options_uint("--slice", optarg, 1000, UINT32_MAX, &v))
				return EXIT_BAD_INPUT;
			o->vmm.slice_cycles = v;
			break;
		case OPT_ASID_TAG: o->vmm.asid_tag = true; break;
		case OPT_FLAVOUR: o->flavour = optarg; break;
		case OPT_DEDUP_IMAGE: o->vmm.dedup_image = true; break;
		default:
			fprintf(stderr, "vmmsim run: unknown or incomplete option '%s' (see vmmsim run --help)\n",
			        argv[optind - 1]);
			return EXIT_BAD_INPUT;
		}
	}
	if (!choose_policy(o))
		return EXIT_BAD_INPUT;
	if (o->recording && !record_options_ok(o))
		return EXIT_BAD_INPUT;
	if (o->nvms > 1 && !run_options_virtualized(o)) {
		fprintf(stderr, "vmmsim run: --vms needs a VMM policy (--policy trap, l2tlb...)\n");
		return EXIT_BAD_INPUT;
	}
	if ((uint64_t)o->cfg.mem_size * o->nvms > MACHINE_MEM_MAX) {
		fprintf(stderr, "vmmsim run: %u VMs of %u MiB exceed the machine's %u MiB: lower --mem\n",
		        o->nvms, o->cfg.mem_size >> 20, MACHINE_MEM_MAX >> 20);
		return EXIT_BAD_INPUT;
	}
	if (o->workload.name)
		return prepare_workload(argc, o);
	if (workload_opts || o->flavour) {
		fprintf(stderr, "vmmsim run: --seed, --arg, --endian and --flavour need --workload\n");
		return EXIT_BAD_INPUT;
	}
	if (optind == argc || (optind != argc - 1 && o->nvms == 1) ||
	    (unsigned)(argc - optind) > o->nvms) {
		fprintf(stderr, "vmmsim run: %s (see vmmsim run --help)\n",
		        optind == argc      ? "no program given"
		        : o->nvms == 1      ? "more than one program given (one per VM needs --vms)"
		                            : "more programs given than VMs");
		return EXIT_BAD_INPUT;
	}
	o->program = argv[optind];
	o->programs = (const char *const *)argv + optind;
	o->nprograms = (unsigned)(argc - optind);
	return -1;
}
