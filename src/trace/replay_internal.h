/* The replay engine's state, shared by its files (replay.h):
 *   replay.c         opening, the record loop, the records themselves;
 *   replay_guest.c   what the guest does to the machine (exceptions,
 *                    privileged instructions, device accesses), natively or
 *                    through the VMM;
 *   replay_refill.c  the guest's page tables as the trace shows them and the
 *                    refill handler replay runs when its TLB misses where
 *                    the recording's did not.
 */
#ifndef VMMSIM_TRACE_REPLAY_INTERNAL_H
#define VMMSIM_TRACE_REPLAY_INTERNAL_H

#include "sim/exception.h"
#include "sim/machine.h"
#include "trace/replay.h"

/* The relocated kernel a VMM runs wires two TLB entries the native one does
 * not (the vector page and the kernel stack, guest/kernel/tlb.c): its Wired
 * is the native kernel's plus two, so its TLBWR replaces among two fewer. */
#define RELOCATED_WIRED 2u

/* A kernel entry the guest runs the same way each time, as replay repeats
 * it: the first refill (the refill handler) and the first timer interrupt
 * that switches nothing (the tick), captured from the trace's records. */
enum tpl_kind { TPL_INSNS, TPL_PRIV, TPL_MARK, TPL_REF };
struct tpl_op {
	enum tpl_kind kind;
	uint64_t insns[REC_NCLASSES]; /* TPL_INSNS: by class */
	uint32_t insn, pc, value; /* TPL_PRIV; TPL_MARK: value is the service;
	                          * TPL_REF: value the address, insn the REF's
	                          * kind_mode, pc its ASID */
};
#define TPL_MAX_OPS 64
struct template {
	struct tpl_op op[TPL_MAX_OPS];
	unsigned n;
	uint64_t native_cycles; /* what it cost natively, entry and eret included */
};
enum capture { CAPTURE_NONE, CAPTURE_REFILL, CAPTURE_TICK };

/* The guest's PTEs (EntryLo) by (ASID, virtual page), as the refills and
 * PTE records of the trace showed them: open addressing, no iteration, so
 * nothing depends on host addresses. */
struct shadow_pte {
	uint32_t key;   /* asid << 20 | vpn, + 1 (0: empty) */
	uint32_t lo;
};

struct replay {
	struct replay_config cfg;
	struct trace_reader *rd;
	struct trace_header h;
	struct trace_record lookahead; /* read while loading the image, not replayed yet */
	bool have_lookahead;
	struct machine *m;
	struct vmm *v;  /* NULL: native */
	struct vm *vm;
	bool retime;    /* refills are the replay TLB's, not the recording's */
	bool imported;  /* a trace of one process under the modelled kernel */

	uint32_t last_pc, last_badvaddr, last_vpn;
	uint64_t offset; /* of the record being replayed, for messages */

	/* a recorded refill the guest does not take here: its records are
	 * skipped up to the eret that ends it (depth counts nested entries) */
	unsigned skip_depth;
	/* a recorded span being captured as a template, and the templates */
	enum capture capturing;
	struct template captured, refill, tick;
	bool in_template; /* running one: no timer fires inside it */
	unsigned tick_depth;
	uint32_t tick_interval; /* the guest's timer interval, in Count ticks */
	uint64_t drift_ticked;  /* VMM clock drift already turned into ticks */

	/* a REFILL whose handler's REF records are still to come (or to skip) */
	struct pending_refill {
		unsigned refs;
		uint32_t lo0, lo1;
		int index;
	} pending;
	unsigned refs_skipped;

	struct shadow_pte *shadow;
	uint32_t shadow_size, shadow_used; /* size a power of two */

	/* under a VMM: the clock as it ran natively (Compare writes are moved
	 * onto the VMM's virtual clock), and device instructions the VMM
	 * retired itself that the next INSNS record counts again */
	uint64_t native_cycles;
	uint32_t native_compare;
	uint64_t device_debt;
	uint64_t synthesized, skipped; /* refills replay ran / recorded ones it skipped */
};

/* replay.c: instructions retired by class, charged at the model's costs */
void replay_insns(struct replay *r, const uint64_t *counts);
uint64_t replay_cycles_of(const struct costmodel *c, const uint64_t *counts);
/* What a privileged instruction costs natively (eret: its return). */
uint64_t replay_priv_cycles(const struct costmodel *c, uint32_t insn);

/* replay_guest.c */
/* Deliver exception e raised at pc; true if the guest's kernel was entered
 * (false: the VMM served it on its own, or the refill is no miss here).  recorded: the trace holds it (a
 * page fault the trace holds, the guest takes whatever replay's TLBs say). */
bool replay_exception(struct replay *r, const struct exc *e, uint32_t pc, bool bd, uint32_t v0,
                      bool recorded);
/* Execute (natively) or have the VMM emulate privileged instruction insn,
 * which the guest ran at pc with operand value (mtc0's register). */
void replay_priv(struct replay *r, uint32_t insn, uint32_t pc, uint32_t value);
/* Under a VMM, the relocated kernel's vector code that the native one does
 * not have (guest/kernel/vectors.S): replayed after each entry. */
void replay_relocated_entry(struct replay *r, bool refill_vector, unsigned code);
/* A console access (uncached): natively the machine's console, under a VMM
 * the VMM's emulation of it. */
void replay_device(struct replay *r, uint32_t vaddr, unsigned access, uint32_t value);
/* A page's content (PAGE_HASH), for page sharing under a VMM; the page
 * content a hash stands for. */
void replay_page_content(struct replay *r, uint32_t ppn, uint64_t hash);
void replay_fill_page(uint8_t *page, uint64_t hash);
/* A memory reference that reached the TLB when the trace was recorded, with
 * its REF record's kind_mode (trace_io.h: trace_ref_kind, trace_ref_mode). */
void replay_ref(struct replay *r, uint32_t va, uint64_t kind_mode, uint8_t asid);

/* The guest's current ASID: the virtual CP0's under a VMM, else the machine's. */
static inline uint8_t replay_guest_asid(const struct replay *r)
{
	return (r->v ? r->vm->cp0.r.entryhi : r->m->cp0.entryhi) & TLB_ENTRYHI_ASID;
}

/* replay_refill.c */
bool replay_shadow_init(struct replay *r);
void replay_shadow_set(struct replay *r, uint8_t asid, uint32_t vpn, uint32_t lo);
uint32_t replay_shadow_get(const struct replay *r, uint8_t asid, uint32_t vpn);
/* A TLB write the trace shows: valid halves teach the shadow page table. */
void replay_shadow_learn(struct replay *r, const struct tlb_entry *e);
/* The TLB (natively) or the hardware TLB (under a VMM) missed on va where
 * the recording's did not (lookup result res): the exception is taken and,
 * if the guest gets it, its refill handler runs (the captured template,
 * with the shadow PTEs of va's pair): true then. */
bool replay_refill_miss(struct replay *r, uint32_t va, uint8_t asid, bool store,
                        enum tlb_result res);
/* The guest's refill handler (the template), loading lo0 and lo1 into TLB
 * entry index (-1: where Random says). */
void replay_run_handler(struct replay *r, uint32_t lo0, uint32_t lo1, int index);
/* Capture: a recorded span's records, to become a template (clean: it
 * ended at its eret with nothing in it that a template cannot repeat). */
void replay_capture(struct replay *r, const struct tpl_op *op);
void replay_capture_end(struct replay *r, bool clean);
/* Under a VMM: the virtual timer, if due, interrupts the guest as it would
 * have in execution, and its tick handler runs (the tick template). */
void replay_timer(struct replay *r);
/* The guest was interrupted (the VMM delivered a virtual interrupt): run
 * the tick template. */
void replay_run_tick(struct replay *r);
/* The native count (for the guest's Compare values). */
uint32_t replay_native_count(const struct replay *r);

#endif
