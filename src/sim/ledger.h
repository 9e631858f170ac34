/* The ledger: where every simulated cycle goes (DESIGN.md, "The ledger").
 *
 * Every cycle is charged to exactly one bucket (who, service):
 *   who      guest user, guest kernel, VMM, idle;
 *   service  for guest kernel time, the kernel entry being served
 *            (services.h): inferred from the exception that entered the
 *            kernel and refined by the guest's service marks.
 * The buckets always add up to the machine's cycle count (tested).
 *
 * How kernel time is split into entries: an exception pushes an entry, eret
 * pops it; an exception taken inside the kernel nests (its cycles are its
 * own, not its parent's).  A service mark executed during an entry relabels
 * the whole entry.  Kernel time outside any entry (boot, a kernel thread,
 * the idle loop) is charged to the last mark seen at that level, or to
 * "kernel" when there is none.  A context switch inside a system call ends
 * the entry at the eret that leaves for the other process: what the first
 * process's call costs after it resumes is charged to the entry that resumes
 * it (an interrupt, usually), as per-entry accounting does in Disco's tables.
 */
#ifndef VMMSIM_LEDGER_H
#define VMMSIM_LEDGER_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/ledger_dist.h"

enum ledger_who { LEDGER_USER, LEDGER_KERNEL, LEDGER_VMM, LEDGER_IDLE, LEDGER_NWHO };

/* What the VMM's cycles were spent on: the columns of Disco's Table 2 plus
 * the later policies' own work. */
#define LEDGER_COMPONENTS(X)                                                                       \
	X(TLB_WRITE, "tlb-write emulation")                                                        \
	X(PRIV, "other privileged instructions")                                                   \
	X(REFLECT, "exception reflection")                                                         \
	X(MONITOR, "monitor calls and page faults")                                                \
	X(KTLB, "kernel TLB faults")                                                               \
	X(DEVICE, "device emulation")                                                              \
	X(L2TLB, "l2tlb service")                                                                  \
	X(WORLD_SWITCH, "world switch")                                                            \
	X(DEDUP_SCAN, "page sharing scan")                                                         \
	X(PAGE_COPY, "cow copy")                                                                   \
	X(PAGE_ZERO, "page zeroing")                                                               \
	X(IDLE, "idle handling")
enum ledger_component {
#define LEDGER_COMPONENT_ENUM(id, name) LEDGER_C_##id,
	LEDGER_COMPONENTS(LEDGER_COMPONENT_ENUM)
#undef LEDGER_COMPONENT_ENUM
	LEDGER_NCOMPONENTS
};
const char *ledger_component_name(enum ledger_component c);

/* Service ids beyond this share one row ("other"). */
#define LEDGER_NSERVICES 0x210
#define LEDGER_MAX_DEPTH 16

struct ledger_row {
	uint64_t events; /* kernel entries completed (or still open at the end) */
	uint64_t cycles; /* the guest kernel's own cycles */
	uint64_t insns;
	uint64_t vmm[LEDGER_NCOMPONENTS]; /* the VMM's cycles spent for this service */
	uint64_t vmm_pending; /* VMM cycles outside an entry since the last VMM-only event */
	struct ledger_dist *dist; /* cycles per event, kernel + VMM; NULL until the first */
};

struct ledger_frame {
	uint32_t service;      /* inferred from the exception */
	uint32_t saved_mark;   /* the enclosing level's mark */
	uint64_t cycles, insns; /* charged to this entry so far */
	uint64_t vmm[LEDGER_NCOMPONENTS];
};

struct ledger {
	uint64_t cycles[LEDGER_NWHO];
	uint64_t insns[LEDGER_NWHO];
	struct ledger_row row[LEDGER_NSERVICES];
	/* the open span: since when, and as whom */
	uint64_t span_cycle, span_insns;
	enum ledger_who span_who;
	unsigned depth;
	struct ledger_frame frame[LEDGER_MAX_DEPTH];
	uint32_t base_mark; /* the mark outside any entry */
};

struct machine;
struct exc;

/* Start the books at the machine's current cycle (after boot). */
void ledger_reset(struct machine *m);

/* Free what the books hold (the distributions). */
void ledger_free(struct ledger *l);

/* Charge the open span up to now and start a new one as the current mode.
 * Called on every mode change. */
void ledger_mode_changed(struct machine *m);

/* The guest kernel is entered by exception e (before the entry penalty is
 * charged).  exl_was_set: the guest's EXL (or ERL) was already set, so the
 * exception continues the entry it interrupts.  Natively the machine calls
 * this; under a VMM the VMM does, when it reflects an exception. */
void ledger_exception(struct machine *m, const struct exc *e, bool exl_was_set);

/* The guest's eret: the innermost entry is finished. */
void ledger_eret(struct machine *m);

/* The VMM spent `cycles` on component c: adds them to the machine's cycle
 * count and charges them to the guest entry being served, or, outside any
 * entry, to service (for example UTLB_MISS for a refill the VMM serves
 * without entering the guest). */
void ledger_vmm(struct machine *m, enum ledger_component c, uint32_t service, uint64_t cycles);

/* An event the VMM served on its own, without entering the guest kernel
 * (an L2TLB hit, say): counts one event of service. */
void ledger_vmm_event(struct machine *m, uint32_t service);

/* `cycles` just went by in WAIT: idle, not the kernel's. */
void ledger_idle(struct machine *m, uint64_t cycles);

/* The part of the books that belongs to one guest: its open kernel entries
 * and service marks.  A VMM running several guests on one CPU keeps one per
 * guest and swaps them at each world switch (rows stay shared: they sum over
 * the guests). */
struct ledger_context {
	unsigned depth;
	struct ledger_frame frame[LEDGER_MAX_DEPTH];
	uint32_t base_mark, service_mark;
};
/* Save the current guest's context into save, load load (a zeroed context
 * with service_mark SERVICE_NONE for a guest that has not run yet). */
void ledger_switch_context(struct machine *m, struct ledger_context *save,
                           const struct ledger_context *load);

/* Close the books at the end of a run (open entries count as events). */
void ledger_finish(struct machine *m);

/* The service row an id lands in, and the printable name of a row
 * ("read", "UTLB_MISS", "exc:TLBL", "kernel" ...). */
unsigned ledger_row_of(uint32_t service);
const char *ledger_row_name(unsigned row, char *buf, unsigned len);

#endif
