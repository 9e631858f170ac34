/* What run and replay report alike (run_report.h). */
#include "cli/run_report.h"

#include "cli/cmd.h"
#include "cli/outfile.h"

/* The exit status for how m stopped (cmd.h), and the reason in words. */
static int run_status(const struct machine *m, char *text, size_t len)
{
	switch (m->stop) {
	case STOP_HALT:
		snprintf(text, len, "halted, guest status %u", m->exit_status);
		return m->exit_status ? EXIT_GUEST_FAILED : EXIT_OK;
	case STOP_MAX_INSNS:
		snprintf(text, len, "stopped: --max-insns %llu reached at pc 0x%08x without a halt",
		         (unsigned long long)m->cfg.max_insns, m->cpu.pc);
		return EXIT_NO_HALT;
	case STOP_DEADLOCK:
		snprintf(text, len, "stopped: WAIT at pc 0x%08x with no interrupt that could wake it",
		         m->cpu.pc - 4);
		return EXIT_NO_HALT;
	case STOP_DOUBLE_FAULT:
		snprintf(text, len,
		         "stopped: exceptions without progress at pc 0x%08x (vector unfetchable?)",
		         m->cpu.pc);
		return EXIT_NO_HALT;
	default:
		snprintf(text, len, "stopped for no known reason");
		return EXIT_NO_HALT;
	}
}

void run_config_vmm_json(FILE *out, const struct vmm *v, const struct vmm_params *p)
{
	uint64_t used, machine;
	vmm_memory_use(v, &used, &machine);
	fprintf(out,
	        "  \"vms\": %u,\n  \"l2tlb_entries\": %u,\n  \"l2tlb_ways\": %u,\n"
	        "  \"slice_cycles\": %llu,\n  \"asid_tag\": %d,\n  \"dedup_rate\": %u,\n"
	        "  \"dedup_image\": %d,\n"
	        "  \"memory\": {\"virtual_bytes\": %llu, \"machine_bytes\": %llu},\n",
	        v->nvms, p->l2tlb_entries, p->l2tlb_ways, (unsigned long long)p->slice_cycles,
	        p->asid_tag ? 1 : 0, p->dedup_rate, p->dedup_image ? 1 : 0,
	        (unsigned long long)used, (unsigned long long)machine);
}

static void vmm_json(void *ctx, FILE *out)
{
	vmm_stats_json(ctx, out);
}

static void vmm_text(void *ctx, FILE *out)
{
	vmm_stats_text(ctx, out);
}

int run_report_finish(struct machine *m, struct vmm *v, struct report_meta *meta, bool quiet,
                      const char *out_path)
{
	char text[160];
	if (v)
		vmm_finish(v);
	ledger_finish(m);
	fflush(stdout);
	int status = run_status(m, text, sizeof text);
	meta->stop_text = text;
	meta->policy = v ? v->spec : meta->workload ? "native" : "bare";
	meta->vmm_json = v ? vmm_json : NULL;
	meta->vmm_text = v ? vmm_text : NULL;
	meta->vmm_ctx = v;
	if (!quiet)
		report_text(stderr, m, meta);
	else if (status == EXIT_NO_HALT)
		fprintf(stderr, "vmmsim: %s: %s\n", meta->program, text);
	if (out_path) {
		struct outfile of;
		if (!outfile_open(&of, out_path)) {
			status = EXIT_IO_ERROR;
		} else {
			report_json(of.fp, m, meta);
			if (!outfile_commit(&of))
				status = EXIT_IO_ERROR;
		}
	}
	meta->stop_text = NULL; /* text is gone with this call */
	return status;
}
