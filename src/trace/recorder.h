/* Recording a trace while the machine executes (traces/FORMAT.md).
 *
 * The machine calls these hooks when m->rec is set (the recording
 * interpreter, the slow memory paths, the exception entry, the TLB writes);
 * each one first writes the instructions retired since the previous event
 * (m->rec_class, counted by class) as an INSNS record, then its own record.
 * Only a native run is recorded: what a VMM would do is left to replay.
 */
#ifndef VMMSIM_TRACE_RECORDER_H
#define VMMSIM_TRACE_RECORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/mmu.h"
#include "trace/trace_io.h"

struct machine;
struct exc;
struct tlb_entry;

/* Start recording m into path (h: what the header says); m->rec is set.
 * False with err filled if the file cannot be created. */
bool trace_recorder_start(struct machine *m, const char *path, const struct trace_header *h,
                          char *err, size_t errlen);
/* Finish: the last INSNS, END with the machine's totals, rename into place.
 * False (nothing left behind) on a write error. */
bool trace_recorder_finish(struct machine *m, char *err, size_t errlen);

/* The hooks. */
void trace_rec_exception(struct machine *m, const struct exc *e, uint32_t pc, bool bd);
void trace_rec_priv(struct machine *m, uint32_t insn, uint32_t pc, uint32_t value);
void trace_rec_tlb_write(struct machine *m, unsigned index, const struct tlb_entry *e);
void trace_rec_mark(struct machine *m, uint32_t service);
void trace_rec_ref(struct machine *m, uint32_t va, enum mmu_access kind, bool faulted);
void trace_rec_device(struct machine *m, uint32_t va, unsigned size, bool store, uint32_t value);
/* The host cache took a page (slot idx of the current mode); the EntryHi
 * ASID changed. */
void trace_rec_cached(struct machine *m, unsigned idx);
void trace_rec_asid_changed(struct machine *m);
/* A store reached physical address paddr by the slow path. */
void trace_rec_written(struct machine *m, uint32_t paddr);

#endif
