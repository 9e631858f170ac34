/* vmmsim run: load a bare-metal ELF32 MIPS program and run it.
 * vmmsim record: the same, natively, recording a trace (src/trace/).
 * Their options: run_options.c. */
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/run_options.h"
#include "cli/run_report.h"
#include "cli/workload.h"
#include "config.h"
#include "sim/elf.h"
#include "sim/fileutil.h"
#include "sim/machine.h"
#include "sim/mmio_map.h"
#include "sim/report.h"
#include "models/vmm.h"
#include "trace/recorder.h"

#define ELF_MAX_SIZE (256u << 20)

/* A run: its options and what loading it made. */
struct run {
	struct run_options o;
	struct vmm *v;      /* NULL: no VMM */
	uint32_t image_end; /* where the loaded image ends in memory */
};

/* The same under a VMM: the image is a relocated kernel (linked in ksseg),
 * loaded into the VM's memory and started deprivileged. */
static struct machine *load_virtualized(struct run *run, const uint8_t *buf, size_t len,
                                        const struct elf_image *probe)
{
	struct run_options *o = &run->o;
	char err[256];
	struct machine_config cfg = o->cfg;
	cfg.big_endian = probe->big_endian;
	cfg.mem_size = o->cfg.mem_size * o->nvms; /* each VM gets --mem */
	struct machine *m = machine_new(&cfg, err, sizeof err);
	if (!m) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return NULL;
	}
	o->vmm.seed = o->workload.seed;
	run->v = vmm_new(m, o->policy, &o->vmm, o->nvms, o->cfg.mem_size, err, sizeof err);
	if (!run->v) {
		fprintf(stderr, "vmmsim: %s\n", err);
		machine_free(m);
		return NULL;
	}
	for (unsigned i = 0; i < o->nvms; i++) {
		/* VM i runs the workload with seed + i */
		char cmdline[BOOT_CMDLINE_MAX];
		struct workload_request w = o->workload;
		w.seed += i;
		const char *line = o->cmdline;
		if (o->workload.name && i > 0) {
			if (!workload_cmdline(&w, cmdline, BOOT_CMDLINE_MAX_TEXT))
				goto fail;
			line = cmdline;
		}
		const char *path = o->program;
		uint8_t *own = NULL;
		size_t own_len = 0;
		if (o->nprograms > 1 && i > 0) { /* another program for this VM */
			path = o->programs[i < o->nprograms ? i : o->nprograms - 1];
			if (fileutil_read_all(path, ELF_MAX_SIZE, &own, &own_len, err, sizeof err) != 0) {
				fprintf(stderr, "vmmsim: %s\n", err);
				goto fail;
			}
		}
		int r = vmm_load_guest(run->v, i, own ? own : buf, own ? own_len : len, line, err,
		                       sizeof err);
		free(own);
		if (r != 0) {
			fprintf(stderr, "vmmsim: %s: %s\n", path, err);
			goto fail;
		}
	}
	machine_boot(m, probe->entry, NULL);
	if (vmm_start(run->v))
		return m;
	fprintf(stderr, "vmmsim: out of memory\n");
fail:
	vmm_free(run->v);
	run->v = NULL;
	machine_free(m);
	return NULL;
}

/* Load the program into a new machine; returns NULL after printing why. */
static struct machine *load(struct run *run)
{
	struct run_options *o = &run->o;
	char err[256];
	uint8_t *buf;
	size_t len;
	struct elf_image img;
	struct machine *m;

	if (o->cost_path && costmodel_load(&o->cfg.cost, o->cost_path, err, sizeof err) != 0) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return NULL;
	}
	if (fileutil_read_all(o->program, ELF_MAX_SIZE, &buf, &len, err, sizeof err) != 0) {
		fprintf(stderr, "vmmsim: %s\n", err);
		return NULL;
	}
	if (elf_probe(buf, len, &img, err, sizeof err) != 0) {
		fprintf(stderr, "vmmsim: %s: %s\n", o->program, err);
		free(buf);
		return NULL;
	}
	if (run_options_virtualized(o)) {
		m = load_virtualized(run, buf, len, &img);
		free(buf);
		return m;
	}
	o->cfg.big_endian = img.big_endian;
	m = machine_new(&o->cfg, err, sizeof err);
	if (!m) {
		fprintf(stderr, "vmmsim: %s\n", err);
		free(buf);
		return NULL;
	}
	if (elf_load_buffer(buf, len, m->ram, o->cfg.mem_size, &img, err, sizeof err) != 0) {
		fprintf(stderr, "vmmsim: %s: %s\n", o->program, err);
		free(buf);
		machine_free(m);
		return NULL;
	}
	free(buf);
	run->image_end = img.phys_end;
	machine_boot(m, img.entry, o->cmdline);
	return m;
}


/* The run's configuration as top-level JSON members (doc/results-format.md):
 * the workload's arguments and the VMM's parameters and memory. */
static void config_json(void *ctx, FILE *out)
{
	const struct run *run = ctx;
	const struct run_options *o = &run->o;
	if (o->workload.name) {
		fprintf(out, "  \"flavour\": \"%s\",\n", o->flavour);
		fputs("  \"args\": {", out);
		for (unsigned i = 0; i < o->workload.nargs; i++) {
			const char *a = o->workload.args[i], *eq = strchr(a, '=');
			fprintf(out, "%s\"%.*s\": %llu", i ? ", " : "", (int)(eq - a), a,
			        strtoull(eq + 1, NULL, 0));
		}
		fputs("},\n", out);
	}
	if (run->v)
		run_config_vmm_json(out, run->v, &o->vmm);
}

/* The trace header of a recording of this run. */
static void record_header(const struct run *run, const struct machine *m,
                          struct trace_header *h)
{
	const struct run_options *o = &run->o;
	memset(h, 0, sizeof *h);
	snprintf(h->vmmsim_version, sizeof h->vmmsim_version, "%s", PACKAGE_VERSION);
	h->big_endian = m->cfg.big_endian;
	h->mem_bytes = m->cfg.mem_size;
	h->tlb_entries = m->cfg.tlb_entries;
	h->seed = o->workload.seed;
	h->refills = 1;
	h->image_end = run->image_end;
	snprintf(h->workload, sizeof h->workload, "%s", o->workload.name ? o->workload.name : "");
	snprintf(h->program, sizeof h->program, "%s", o->program);
	snprintf(h->cmdline, sizeof h->cmdline, "%s", o->cmdline ? o->cmdline : "");
	snprintf(h->policy, sizeof h->policy, "%s", o->workload.name ? "native" : "bare");
	snprintf(h->source, sizeof h->source, "vmmsim record");
	costmodel_format(&m->cfg.cost, h->cost_model, sizeof h->cost_model);
}

static int run_command(int argc, char **argv, bool recording)
{
	struct run run = { .o = { .recording = recording } };
	struct run_options *o = &run.o;
	struct machine *m;
	int status = run_options_parse(argc, argv, o);
	FILE *trace = NULL;
	if (status >= 0)
		return status;
	if (o->trace) {
		trace = o->trace_path ? fopen(o->trace_path, "w") : stderr;
		if (!trace) {
			fprintf(stderr, "vmmsim: %s: cannot open for writing\n", o->trace_path);
			return EXIT_BAD_INPUT;
		}
		o->cfg.trace_insns = trace;
	}
	m = load(&run);
	if (!m) {
		if (trace && trace != stderr)
			fclose(trace);
		return EXIT_BAD_INPUT;
	}
	if (o->recording) {
		static struct trace_header h;
		char err[512];
		record_header(&run, m, &h);
		if (!trace_recorder_start(m, o->record_path, &h, err, sizeof err)) {
			fprintf(stderr, "vmmsim: %s\n", err);
			machine_free(m);
			return EXIT_IO_ERROR;
		}
	}
	machine_run(m);
	if (o->recording) {
		char err[512];
		if (!trace_recorder_finish(m, err, sizeof err)) {
			fprintf(stderr, "vmmsim: %s\n", err);
			machine_free(m);
			return EXIT_IO_ERROR;
		}
	}
	struct report_meta meta = { .program = o->program, .workload = o->workload.name,
		                    .seed = o->workload.seed,
		                    .config_json = config_json, .config_ctx = &run,
		                    .memory_bytes = o->cfg.mem_size };
	status = run_report_finish(m, run.v, &meta, o->quiet, o->out_path);
	if (trace && trace != stderr)
		fclose(trace);
	vmm_free(run.v);
	machine_free(m);
	return status;
}

static int run_main(int argc, char **argv)
{
	return run_command(argc, argv, false);
}

static int record_main(int argc, char **argv)
{
	return run_command(argc, argv, true);
}

const struct cmd_entry cmd_record_entry = {
	.name = "record",
	.summary = "run natively and record a trace to replay under any policy",
	.exec = record_main,
};

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.summary = "run a bare-metal MIPS ELF program on the simulated machine",
	.exec = run_main,
};
