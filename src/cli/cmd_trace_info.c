/* vmmsim trace-info: a trace's header, the totals its END record gives and
 * how many records of each kind it holds; reading it to the end also checks
 * its structure (that the records add up is replay's to check). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "trace/trace_io.h"

static int trace_info_main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		printf("usage: vmmsim trace-info FILE.vtr.gz\n"
		       "Print a trace's header and its record counts by kind, checking the\n"
		       "whole file (exit status 2 and one error line if it is damaged).\n");
		return EXIT_OK;
	}
	if (argc != 2) {
		fprintf(stderr, "vmmsim trace-info: give one trace file (see vmmsim trace-info --help)\n");
		return EXIT_BAD_INPUT;
	}
	static struct trace_header h;
	char err[512];
	struct trace_reader *r = trace_reader_open(argv[1], &h, err, sizeof err);
	if (!r) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return EXIT_BAD_INPUT;
	}
	uint64_t count[TRACE_NKINDS] = { 0 }, insns = 0, cycles = 0;
	struct trace_record rec;
	int rc;
	while ((rc = trace_reader_next(r, &rec, err, sizeof err)) == 1) {
		count[rec.kind]++;
		if (rec.kind == TRACE_REC_END) {
			insns = rec.field[0];
			cycles = rec.field[1];
		}
	}
	trace_reader_close(r);
	if (rc < 0) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return EXIT_BAD_INPUT;
	}
	printf("trace        %s\nformat       version %" PRIu64 "\nrecorded by  vmmsim %s\n"
	       "program      %s\ncommand line %s\nworkload     %s (seed %" PRIu64 ")\n"
	       "policy       %s\nsource       %s (%s)\nbyte order   %s\nmemory       %" PRIu64 " bytes\n"
	       "TLB entries  %" PRIu64 "\ninstructions %" PRIu64 "\ncycles       %" PRIu64 "\nrecords:\n",
	       argv[1], h.version, h.vmmsim_version, h.program, h.cmdline,
	       h.workload[0] ? h.workload : "-", h.seed, h.policy, h.source[0] ? h.source : "-",
	       h.refills ? "the guest's TLB refills recorded" : "TLB refills left to replay",
	       h.big_endian ? "big" : "little",
	       h.mem_bytes, h.tlb_entries, insns, cycles);
	for (int k = 0; k < TRACE_NKINDS; k++)
		printf("  %-10s %14" PRIu64 "\n", trace_record_name((enum trace_record_kind)k), count[k]);
	return EXIT_OK;
}

const struct cmd_entry cmd_trace_info_entry = {
	.name = "trace-info",
	.summary = "print a trace's header and record counts (and check it)",
	.exec = trace_info_main,
};
