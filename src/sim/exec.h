/* The interpreter: runs the machine from m->cpu.pc until m->stop is set.
 * One function per byte order and tracing choice, generated from
 * exec_body.inc, so neither choice costs a test per instruction. */
#ifndef VMMSIM_EXEC_H
#define VMMSIM_EXEC_H

struct machine;

void exec_run_be(struct machine *m);
void exec_run_le(struct machine *m);
void exec_run_be_trace(struct machine *m);
void exec_run_le_trace(struct machine *m);
void exec_run_be_record(struct machine *m);
void exec_run_le_record(struct machine *m);

#endif
