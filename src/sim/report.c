/* Run summaries: see report.h. */
#include "sim/report.h"

#include <inttypes.h>

#include "config.h"
#include "sim/exception.h"
#include "sim/machine.h"

static const char *const mode_names[3] = { "kernel", "supervisor", "user" };

/* The TLB figures as the architecture sees them: the TLB's own counts plus
 * the lookups the host translation cache answered in its place. */
struct tlb_view {
	uint64_t lookups[3], hits[3];
};

static void tlb_view(const struct machine *m, struct tlb_view *v)
{
	for (int i = 0; i < 3; i++) {
		uint64_t fast = m->stats.fast_hits[i] + m->stats.fetch_lookups[i];
		v->lookups[i] = m->tlb.stats.lookups[i] + fast;
		v->hits[i] = m->tlb.stats.hits[i] + fast;
	}
}

const char *report_stop_name(int stop)
{
	switch (stop) {
	case STOP_HALT: return "halt";
	case STOP_MAX_INSNS: return "max-insns";
	case STOP_DEADLOCK: return "deadlock";
	case STOP_DOUBLE_FAULT: return "double-fault";
	default: return "running";
	}
}

static const char *const who_names[LEDGER_NWHO] = { "user", "kernel", "vmm", "idle" };

static double share(uint64_t part, uint64_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

/* The ledger: who, then the guest kernel's time by service. */
static void ledger_text(FILE *out, const struct machine *m)
{
	const struct ledger *l = &m->ledger;
	fprintf(out, "  cycles by who:");
	for (int w = 0; w < LEDGER_NWHO; w++)
		fprintf(out, "  %s %" PRIu64 " (%.1f%%)", who_names[w], l->cycles[w],
		        share(l->cycles[w], m->cycles));
	fprintf(out, "\n");
	bool any = false;
	for (unsigned r = 0; r < LEDGER_NSERVICES; r++) {
		const struct ledger_row *row = &l->row[r];
		uint64_t vmm = 0;
		for (int c = 0; c < LEDGER_NCOMPONENTS; c++)
			vmm += row->vmm[c];
		if (!row->cycles && !row->events && !vmm)
			continue;
		if (!any)
			fprintf(out, "  guest kernel by service:\n    %-14s %10s %14s %14s %12s %7s\n",
			        "service", "events", "kernel cyc", "vmm cyc", "cyc/event", "%");
		any = true;
		char name[32];
		fprintf(out, "    %-14s %10" PRIu64 " %14" PRIu64 " %14" PRIu64 " %12.1f %6.2f%%\n",
		        ledger_row_name(r, name, sizeof name), row->events, row->cycles, vmm,
		        row->events ? (double)(row->cycles + vmm) / (double)row->events : 0.0,
		        share(row->cycles + vmm, m->cycles));
	}
}

/* The distribution of cycles per event (kernel and VMM together): summary
 * figures and the histogram's non-empty span of bins. */
static void dist_json(FILE *out, const struct ledger_dist *d)
{
	struct ledger_dist_summary s;
	ledger_dist_summary(d, &s);
	fprintf(out, ", \"mean\": %.3f, \"sd\": %.3f, \"median\": %.3f, \"p95\": %.3f, "
	             "\"p99\": %.3f, \"max\": %.0f",
	        s.mean, s.sd, s.median, s.p95, s.p99, s.max);
	unsigned first = LEDGER_DIST_BINS, last = 0;
	for (unsigned i = 0; i < LEDGER_DIST_BINS; i++)
		if (ledger_dist_count(d, i)) {
			if (first == LEDGER_DIST_BINS)
				first = i;
			last = i;
		}
	fprintf(out, ", \"histogram\": {\"edges\": [");
	for (unsigned i = first; first < LEDGER_DIST_BINS && i <= last + 1; i++)
		fprintf(out, "%s%.3f", i == first ? "" : ", ", ledger_dist_edge(i));
	fprintf(out, "], \"counts\": [");
	for (unsigned i = first; first < LEDGER_DIST_BINS && i <= last; i++)
		fprintf(out, "%s%" PRIu64, i == first ? "" : ", ", ledger_dist_count(d, i));
	fprintf(out, "]}");
}

/* One breakdown row per line, so that shell tools can read them too. */
static void breakdown_row(FILE *out, const char **sep, const char *who, const char *service,
                          const char *component, uint64_t events, uint64_t cycles,
                          uint64_t insns, const struct ledger_dist *dist)
{
	fprintf(out,
	        "%s    {\"who\": \"%s\", \"service\": \"%s\", \"component\": \"%s\", "
	        "\"events\": %" PRIu64 ", \"cycles\": %" PRIu64 ", \"instructions\": %" PRIu64,
	        *sep, who, service, component, events, cycles, insns);
	if (dist)
		dist_json(out, dist);
	fputc('}', out);
	*sep = ",\n";
}

/* The ledger as doc/results-format.md describes it: the guest's user time,
 * its kernel time by service, idle time.  The rows add up to total_cycles. */
static void ledger_json(FILE *out, const struct machine *m)
{
	const struct ledger *l = &m->ledger;
	const char *sep = "\n";
	fprintf(out, "  \"breakdown\": [");
	if (l->cycles[LEDGER_USER] || l->insns[LEDGER_USER])
		breakdown_row(out, &sep, "user", "user", "guest user", 0, l->cycles[LEDGER_USER],
		              l->insns[LEDGER_USER], NULL);
	for (unsigned r = 0; r < LEDGER_NSERVICES; r++) {
		const struct ledger_row *row = &l->row[r];
		if (!row->cycles && !row->events)
			continue;
		char name[32];
		breakdown_row(out, &sep, "kernel", ledger_row_name(r, name, sizeof name),
		              "guest kernel", row->events, row->cycles, row->insns, row->dist);
	}
	for (unsigned r = 0; r < LEDGER_NSERVICES; r++)
		for (int c = 0; c < LEDGER_NCOMPONENTS; c++) {
			const struct ledger_row *row = &l->row[r];
			if (!row->vmm[c])
				continue;
			char name[32];
			breakdown_row(out, &sep, "vmm", ledger_row_name(r, name, sizeof name),
			              ledger_component_name(c), row->events, row->vmm[c], 0, NULL);
		}
	if (l->cycles[LEDGER_IDLE])
		breakdown_row(out, &sep, "idle", "idle", "idle", 0, l->cycles[LEDGER_IDLE], 0, NULL);
	fprintf(out, "\n  ],\n");
}

void report_text(FILE *out, const struct machine *m, const struct report_meta *meta)
{
	struct tlb_view v;
	tlb_view(m, &v);
	fprintf(out, "vmmsim: %s: %s\n", meta->program, meta->stop_text);
	fprintf(out, "  instructions %14" PRIu64 "   cycles %14" PRIu64 "   idle cycles %" PRIu64 "\n",
	        m->insns, m->cycles, m->stats.idle_cycles);
	fprintf(out, "  by mode     ");
	for (int i = 0; i < 3; i++)
		fprintf(out, "  %s %" PRIu64, mode_names[i], m->stats.insns_by_mode[i]);
	fprintf(out, "\n  exceptions  ");
	int any = 0;
	for (unsigned c = 0; c < EXC_NCODES; c++)
		if (m->stats.exceptions[c]) {
			fprintf(out, "  %s %" PRIu64, exception_name(c), m->stats.exceptions[c]);
			any = 1;
		}
	fprintf(out, "%s\n", any ? "" : "  none");
	fprintf(out, "  TLB (%u entries): writes %" PRIu64 ", probes %" PRIu64 "\n",
	        m->tlb.nentries, m->tlb.stats.writes, m->tlb.stats.probes);
	fprintf(out, "    %-10s %12s %12s %10s %10s %10s\n", "mode", "lookups", "hits", "refills",
	        "invalids", "modifieds");
	for (int i = 0; i < 3; i++)
		fprintf(out,
		        "    %-10s %12" PRIu64 " %12" PRIu64 " %10" PRIu64 " %10" PRIu64
		        " %10" PRIu64 "\n",
		        mode_names[i], v.lookups[i], v.hits[i], m->tlb.stats.refills[i],
		        m->tlb.stats.invalids[i], m->tlb.stats.modifieds[i]);
	if (meta->vmm_text)
		meta->vmm_text(meta->vmm_ctx, out);
	ledger_text(out, m);
}

static void json_counts(FILE *out, const char *name, const uint64_t *by_mode, int last)
{
	fprintf(out, "      \"%s\": {\"kernel\": %" PRIu64 ", \"supervisor\": %" PRIu64
	             ", \"user\": %" PRIu64 "}%s\n",
	        name, by_mode[0], by_mode[1], by_mode[2], last ? "" : ",");
}

/* A JSON string: the program name may hold any byte. */
void report_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void report_json(FILE *out, const struct machine *m, const struct report_meta *meta)
{
	struct tlb_view v;
	tlb_view(m, &v);
	fprintf(out, "{\n  \"vmmsim_version\": \"%s\",\n  \"program\": ", PACKAGE_VERSION);
	report_json_string(out, meta->program);
	fprintf(out, ",\n  \"byte_order\": \"%s\",\n", m->cfg.big_endian ? "big" : "little");
	fprintf(out, "  \"workload\": ");
	if (meta->workload)
		report_json_string(out, meta->workload);
	else
		fputs("null", out);
	fprintf(out, ",\n  \"seed\": ");
	if (meta->workload)
		fprintf(out, "%" PRIu64, meta->seed);
	else
		fputs("null", out);
	fprintf(out, ",\n  \"policy\": \"%s\",\n", meta->policy ? meta->policy : "bare");
	if (meta->config_json)
		meta->config_json(meta->config_ctx, out);
	if (meta->vmm_json) {
		fputs("  \"vmm\": {", out);
		meta->vmm_json(meta->vmm_ctx, out);
		fputs("},\n", out);
	}
	fprintf(out, "  \"memory_bytes\": %u,\n  \"stop\": \"%s\",\n  \"exit_status\": %u,\n",
	        meta->memory_bytes ? meta->memory_bytes : m->cfg.mem_size, report_stop_name(m->stop),
	        m->exit_status);
	fprintf(out, "  \"instructions\": %" PRIu64 ",\n  \"total_cycles\": %" PRIu64 ",\n", m->insns,
	        m->cycles);
	fprintf(out, "  \"idle_cycles\": %" PRIu64 ",\n", m->stats.idle_cycles);
	fprintf(out, "  \"instructions_by_mode\": {\"kernel\": %" PRIu64 ", \"supervisor\": %" PRIu64
	             ", \"user\": %" PRIu64 "},\n",
	        m->stats.insns_by_mode[0], m->stats.insns_by_mode[1], m->stats.insns_by_mode[2]);
	fprintf(out, "  \"exceptions\": {");
	const char *sep = "";
	for (unsigned c = 0; c < EXC_NCODES; c++)
		if (m->stats.exceptions[c]) {
			fprintf(out, "%s\"%s\": %" PRIu64, sep, exception_name(c),
			        m->stats.exceptions[c]);
			sep = ", ";
		}
	fprintf(out, "},\n  \"interrupts\": %" PRIu64 ",\n", m->stats.interrupts);
	fprintf(out, "  \"tlb_refills_at_refill_vector\": %" PRIu64 ",\n",
	        m->stats.tlb_refills_to_vector0);
	ledger_json(out, m);
	fprintf(out, "  \"tlb\": {\n    \"entries\": %u,\n    \"writes\": %" PRIu64
	             ",\n    \"probes\": %" PRIu64 ",\n    \"by_mode\": {\n",
	        m->tlb.nentries, m->tlb.stats.writes, m->tlb.stats.probes);
	json_counts(out, "lookups", v.lookups, 0);
	json_counts(out, "hits", v.hits, 0);
	json_counts(out, "refills", m->tlb.stats.refills, 0);
	json_counts(out, "invalids", m->tlb.stats.invalids, 0);
	json_counts(out, "modifieds", m->tlb.stats.modifieds, 1);
	fprintf(out, "    }\n  }\n}\n");
}
