/* Fuzz target: the trace reader over arbitrary uncompressed content.  It
 * must end every input with a clean result or one error, never crash, hang
 * or read out of bounds.  Built for libFuzzer with --enable-fuzzers, and
 * replayed over corpus/ by every make check (replay_corpus.c). */
#include <stddef.h>
#include <stdint.h>

#include "trace/trace_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct trace_header h;
	char err[512];
	struct trace_reader *r = trace_reader_open_memory(data, size, "fuzz", &h, err, sizeof err);
	if (!r)
		return 0;
	struct trace_record rec;
	while (trace_reader_next(r, &rec, err, sizeof err) == 1)
		;
	trace_reader_close(r);
	return 0;
}
