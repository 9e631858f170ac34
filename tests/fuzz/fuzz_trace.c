/* Fuzz target: the trace reader, then replay, over arbitrary uncompressed
 * content.  Each must end every input with a clean result or one error,
 * never crash, hang or read out of bounds.  Replay opens its trace by path
 * (replay_open), so an input whose header reads is written to a temporary
 * file (zlib reads uncompressed content as it is) and replayed natively,
 * under trap and under l2tlb (the VMM's two ways of serving a refill).
 * Built for libFuzzer with --enable-fuzzers, and replayed over corpus/ by
 * every make check (replay_corpus.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sim/ledger.h"
#include "models/vmm.h"
#include "trace/replay.h"
#include "trace/trace_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read the whole input; true if its header read (so replay gets past it). */
static bool read_input(const uint8_t *data, size_t size)
{
	static struct trace_header h;
	char err[512];
	struct trace_reader *r = trace_reader_open_memory(data, size, "fuzz", &h, err, sizeof err);
	if (!r)
		return false;
	struct trace_record rec;
	while (trace_reader_next(r, &rec, err, sizeof err) == 1)
		;
	trace_reader_close(r);
	return true;
}

static void replay_under(const char *path, const char *policy, FILE *console)
{
	struct replay_config c = {
		.path = path,
		.policy = policy,
		.console_out = console,
	};
	vmm_params_defaults(&c.vmm);
	char err[512];
	struct replay *r = replay_open(&c, err, sizeof err);
	if (!r)
		return;
	if (replay_run(r, err, sizeof err) == 0) {
		if (replay_vmm(r))
			vmm_finish(replay_vmm(r));
		ledger_finish(replay_machine(r));
	}
	replay_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[256];
	static FILE *console;
	if (!read_input(data, size))
		return 0;
	if (!path[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(path, sizeof path, "%s/fuzz_trace.%d.vtr", tmp && *tmp ? tmp : "/tmp",
		         (int)getpid());
		console = fopen("/dev/null", "w");
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	bool written = fwrite(data, 1, size, f) == size;
	if (fclose(f) == 0 && written && console) {
		replay_under(path, NULL, console);
		replay_under(path, "trap", console);
		replay_under(path, "l2tlb", console);
	}
	unlink(path);
	return 0;
}
