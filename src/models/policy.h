/* VMM policies: one ops table per policy, one registry of them.
 *
 * A run is either native (no VMM: the guest kernel in kseg0, in kernel mode,
 * exceptions straight to its vectors) or virtualized: the relocated guest
 * kernel runs in supervisor mode and every exception reaches the VMM
 * (src/models/vmm.h), which offers it to the loaded policies in turn.
 *
 * Composition (`--policy A+B+C`): exactly one base policy runs the guest
 * (`trap`, the trap-and-emulate VMM); the others are extensions that see
 * each event first, in the order named, and either handle it or pass it on.
 * Naming only extensions implies the base `trap` (`l2tlb` is `trap+l2tlb`).
 * `native` composes with nothing: there is no VMM to extend.
 *
 * Every hook may be NULL (pass).  A hook that handles an event sets
 * t->resume (the guest pc to continue at) and returns true.
 */
#ifndef VMMSIM_POLICY_H
#define VMMSIM_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/exception.h"
#include "tlb/tlb.h"

struct vmm;
struct vm;

/* One trap into the VMM: the exception as the hardware raised it. */
struct vmm_trap {
	struct exc e;
	uint32_t pc;     /* the faulting instruction */
	bool bd;         /* it sits in the delay slot of the branch at pc - 4 */
	uint32_t resume; /* out: where the guest continues */
};

/* Where the guest retries the faulting instruction: the branch, when it sat
 * in a delay slot (as EPC would say), so that the branch is taken again. */
static inline uint32_t vmm_retry_pc(const struct vmm_trap *t)
{
	return t->bd ? t->pc - 4 : t->pc;
}

/* A guest kernel access to an unmapped segment (kseg0/kseg1), decoded. */
struct vmm_access {
	uint32_t vaddr;
	unsigned size;   /* 1, 2 or 4 */
	bool store;
	bool is_signed;  /* loads: sign-extend */
	unsigned reg;    /* the load's destination / the store's source */
};

/* What the guest just did to its virtual TLB (extensions keep their own
 * structures coherent with it). */
enum vmm_tlb_op { VMM_TLBP, VMM_TLBWI, VMM_TLBWR };

struct policy_ops {
	const char *name;
	const char *summary;          /* one line for `vmmsim list` */
	bool is_base;                 /* runs the guest (one per run) */
	const char *flavour;          /* guest kernel flavour a base policy boots */
	/* Set-up: returns the policy's state (or NULL with err filled).  A
	 * policy without one has no state: its hooks get NULL. */
	void *(*setup)(struct vmm *v, char *err, size_t errlen);
	/* Every guest is loaded and the pmaps exist: about to run. */
	void (*start)(void *st, struct vmm *v);
	/* Any exception, before the VMM classifies it. */
	bool (*exception)(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t);
	/* A privileged instruction the guest kernel executed (insn: its word). */
	bool (*priv_insn)(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t,
	                  uint32_t insn);
	/* A guest kernel access to kseg0/kseg1 (memory or a device). */
	bool (*mmio)(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t,
	             const struct vmm_access *a);
	/* A monitor call (hypercall, see vmm.h) from a paravirtual guest. */
	bool (*monitor_call)(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t);
	/* The virtual CPU has nothing to run (WAIT, or MC_IDLE) and no interrupt
	 * is pending for it: next is where it resumes; set *resume. */
	bool (*idle)(void *st, struct vmm *v, struct vm *vm, uint32_t next, uint32_t *resume);
	/* The real timer interrupt: scheduling and virtual time. */
	bool (*tick)(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t);
	/* Notification: the guest probed or wrote its virtual TLB.  old is the
	 * entry overwritten (TLBWI/TLBWR) or the probed EntryHi (TLBP, in
	 * old->entryhi); new_e is what was written (NULL for TLBP). */
	void (*guest_tlb)(void *st, struct vmm *v, struct vm *vm, enum vmm_tlb_op op,
	                  const struct tlb_entry *old, const struct tlb_entry *new_e);
	/* Statistics: write `"key": value` members (comma-separated, no
	 * enclosing braces) into the results JSON; text: a line on stderr. */
	void (*stats_json)(void *st, struct vmm *v, FILE *out);
	void (*teardown)(void *st);
};

/* The registry, in the order `vmmsim list` prints it. */
extern const struct policy_ops *const policy_registry[];
const struct policy_ops *policy_find(const char *name);

#define POLICY_MAX_COMPOSED 8

/* Parse "A+B+C" into ops (base last).  Returns the count, or 0 after writing
 * one line to err. */
unsigned policy_parse(const char *spec, const struct policy_ops **ops, char *err, size_t errlen);

#endif
