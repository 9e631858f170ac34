/* The machine: CPU, CP0, TLB, physical memory, console, counters.
 *
 * One plain struct, passed explicitly (no globals), so several machines can
 * live in one process (VMs, tests).  machine_run() executes until the guest
 * halts, a limit is reached or an error stops it.
 */
#ifndef VMMSIM_MACHINE_H
#define VMMSIM_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "models/costmodel.h"
#include "sim/cp0.h"
#include "sim/cpu.h"
#include "sim/ledger.h"
#include "tlb/tcache.h"
#include "tlb/tlb.h"
#include "trace/trace_format.h"

#define MACHINE_PAGE_SIZE 4096u
#define MACHINE_MEM_DEFAULT (64u << 20)
#define MACHINE_MEM_MIN (1u << 20)
#define MACHINE_MEM_MAX (256u << 20) /* RAM ends below the console at 256 MiB */

/* Why machine_run() returned. */
enum machine_stop {
	STOP_NONE,       /* still running (internal) */
	STOP_HALT,       /* the guest touched console+0x10 */
	STOP_MAX_INSNS,  /* --max-insns reached */
	STOP_DEADLOCK,   /* WAIT with no interrupt that could ever wake the CPU */
	STOP_DOUBLE_FAULT, /* exception vector unfetchable (bus error at the vector) */
};

/* The CPU mode, as the segment rules and the statistics see it. */
enum machine_mode { MODE_KERNEL = 0, MODE_SUPERVISOR = 1, MODE_USER = 2 };

struct machine_config {
	uint32_t mem_size;      /* bytes, multiple of 4 KiB */
	unsigned tlb_entries;   /* 1..TLB_MAX_ENTRIES */
	bool big_endian;
	uint64_t max_insns;     /* 0: no limit */
	bool use_tcache;        /* host translation cache (speed only) */
	FILE *trace_insns;      /* one line per instruction, or NULL */
	FILE *console_out;      /* where console bytes go */
	struct costmodel cost;
};

/* A pre-decoded instruction (see decode.h). */
struct dinsn {
	const void *op; /* handler label in the interpreter */
	uint32_t imm;   /* immediate, offset or target, already extended */
	uint8_t rs, rt, rd, sa;
};

#define DPAGE_SLOTS 1024
/* The decoded instructions of one physical page, plus a sentinel slot that
 * carries execution into the next page. */
struct dpage {
	struct dinsn slot[DPAGE_SLOTS + 1];
	uint32_t ppn;
};

struct machine;
struct exc;
struct trace_recorder;

/* A VMM model attached to the machine (src/models/ builds one).  When set it
 * owns the exception vectors: every exception, interrupts included, is
 * delivered to it instead of the CP0 exception sequence, and it returns the
 * pc to resume at, having done what its policy does (emulate, reflect to the
 * guest, switch worlds) through the machine's own functions.  The machine
 * never knows which policy it is. */
struct machine_vmm {
	uint32_t (*exception)(void *ctx, struct machine *m, const struct exc *e, uint32_t pc,
	                      bool bd);
	void *ctx;
};

struct machine_stats {
	uint64_t exceptions[EXC_NCODES];
	uint64_t tlb_refills_to_vector0; /* refills taken at the +0x000 vector */
	uint64_t interrupts;
	uint64_t idle_cycles;            /* cycles skipped by WAIT */
	uint64_t insns_by_mode[3];
	uint64_t fetch_lookups[3];       /* instruction-side TLB lookups */
	uint64_t fast_hits[3];           /* data TLB hits served by the host cache */
};

struct machine {
	struct cpu cpu;
	struct cp0 cp0;
	struct tlb tlb;
	struct machine_config cfg;

	uint8_t *ram;
	uint32_t ram_pages;
	struct dpage **dpages; /* by physical page number, NULL until executed */

	struct tcache *tcache;
	enum machine_mode mode;

	/* counters: the interpreter keeps them in locals and syncs them here */
	uint64_t cycles;
	uint64_t insns;
	uint64_t mode_insn0;   /* insns when the current mode was entered */

	/* events: the interpreter leaves its fast path when either is reached */
	uint64_t event_cycle;  /* next timer tick to look at, or 0: look now */
	uint64_t event_insns;  /* max_insns, or UINT64_MAX */
	uint64_t timer_cycle;  /* when Count next reaches Compare */
	/* bumped whenever the way addresses translate changes (mode, ASID, TLB
	 * write, ERL): the interpreter then re-translates its current page */
	uint64_t xlate_gen;

	/* console */
	uint32_t exit_status;
	enum machine_stop stop;

	/* the interpreter's handler for "decode this slot", so that code outside
	 * it can invalidate decoded instructions (a store to a code page) */
	const void *op_decode;
	const void *op_page_end;
	bool erl_was_set; /* ERL makes kuseg unmapped: its change flushes the host cache */
	/* the far-jump slot a branch leaves through when its target is on
	 * another page or an event is due */
	struct dinsn far_jump;
	/* the slot a not-taken branch leaves through, so that its delay slot
	 * still knows it is one; execution then goes on at fall_next */
	struct dinsn fallthrough;
	struct dinsn *fall_next;
	/* the last service mark the guest executed (services.h) */
	uint32_t service_mark;

	struct machine_stats stats;
	struct ledger ledger;
	const struct machine_vmm *vmm; /* NULL: the bare machine (native) */

	/* recording a trace (src/trace/recorder.h), or NULL; the recording
	 * interpreter counts retired instructions by class here */
	struct trace_recorder *rec;
	uint64_t rec_class[REC_NCLASSES];
};

/* Build a machine with cfg (validated by the caller: mem_size and tlb_entries
 * in range).  Returns NULL with err filled if memory cannot be allocated. */
struct machine *machine_new(const struct machine_config *cfg, char *err, size_t errlen);
void machine_free(struct machine *m);

/* Defaults: 64 MiB, 48 TLB entries, big-endian, no limit, host cache on,
 * output to stdout, the documented cost model. */
void machine_config_defaults(struct machine_config *cfg);

/* Reset CPU/CP0/TLB and set up the bare-metal start: kernel mode, BEV=0,
 * EBase=0x80000000, pc = entry, $a0..$a2 per the boot protocol of
 * mmio_map.h (cmdline may be NULL). */
void machine_boot(struct machine *m, uint32_t entry, const char *cmdline);

/* Run until the machine stops; returns why. */
enum machine_stop machine_run(struct machine *m);

/* Mode from the Status register (kernel when EXL or ERL is set). */
enum machine_mode machine_mode_of(uint32_t status);

/* Called whenever Status, EntryHi.ASID or the TLB changes the way addresses
 * translate: re-derives the mode and keeps the host cache coherent. */
void machine_status_changed(struct machine *m);
/* Add the instructions retired since the mode was entered (or last counted)
 * to its count in stats.insns_by_mode: at a mode change, and at the end of a
 * run (machine_run, trace replay). */
void machine_count_mode_insns(struct machine *m);
void machine_asid_changed(struct machine *m);
void machine_tlb_written(struct machine *m, const struct tlb_entry *old);

/* Recompute event_cycle after a change to Count, Compare, Status or Cause. */
void machine_events_changed(struct machine *m);

/* At an instruction boundary (m->cpu.pc the next instruction, no delay slot
 * pending) with an event due: raise the timer interrupt, take a pending
 * interrupt (m->cpu.pc becomes the vector), or decide to stop.  Returns true
 * when the run must stop. */
bool machine_handle_events(struct machine *m);

/* WAIT: sleep until an interrupt could be taken (time jumps to the timer
 * event, the skipped cycles counted as idle) or stop with STOP_DEADLOCK when
 * nothing could ever wake the CPU. */
void machine_wait(struct machine *m);

/* Is an interrupt pending, enabled and deliverable now? */
bool machine_interrupt_deliverable(const struct machine *m);

#endif
