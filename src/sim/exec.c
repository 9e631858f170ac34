/* The interpreter, instantiated six times from exec_body.inc: each byte
 * order plain, printing every instruction, and recording a trace. */

/* Threaded dispatch only pays when every handler ends in its own indirect
 * jump.  GCC's cross-jumping merges the identical handler tails into one
 * shared dispatch (one badly predicted jump for all), and its SLP vectorizer
 * packs the instruction and cycle counters into one SSE register: both cost
 * about a third of the interpreter's speed, so both are off in this file. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-crossjumping", "no-tree-slp-vectorize")
#endif
#include "sim/exec.h"

#include <inttypes.h>

#include "sim/cp0_tlb.h"
#include "sim/decode.h"
#include "sim/exception.h"
#include "sim/guestmem.h"
#include "sim/machine.h"
#include "sim/mmu.h"
#include "trace/recorder.h"

#define VBASE_NONE (1ull << 32)
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* One line per executed instruction (--trace-insns); out of line, or every
 * handler of the tracing interpreter would carry a copy. */
static __attribute__((noinline)) void trace_line(struct machine *m, uint64_t insns,
                                                 uint64_t cycles, uint32_t pc, uint32_t word)
{
	struct decoded dec;
	decode_insn(word, &dec);
	fprintf(m->cfg.trace_insns, "%10" PRIu64 " %10" PRIu64 " %08x: %08x %s\n", insns, cycles,
	        pc, word, decode_op_name(dec.op));
}

#define EXEC_FUNC exec_run_be
#define EXEC_BIG 1
#define EXEC_TRACE 0
#define EXEC_RECORD 0
#include "sim/exec_body.inc"

#define EXEC_FUNC exec_run_le
#define EXEC_BIG 0
#define EXEC_TRACE 0
#define EXEC_RECORD 0
#include "sim/exec_body.inc"

#define EXEC_FUNC exec_run_be_trace
#define EXEC_BIG 1
#define EXEC_TRACE 1
#define EXEC_RECORD 0
#include "sim/exec_body.inc"

#define EXEC_FUNC exec_run_le_trace
#define EXEC_BIG 0
#define EXEC_TRACE 1
#define EXEC_RECORD 0
#include "sim/exec_body.inc"

#define EXEC_FUNC exec_run_be_record
#define EXEC_BIG 1
#define EXEC_TRACE 0
#define EXEC_RECORD 1
#include "sim/exec_body.inc"

#define EXEC_FUNC exec_run_le_record
#define EXEC_BIG 0
#define EXEC_TRACE 0
#define EXEC_RECORD 1
#include "sim/exec_body.inc"
