/* The VMM: runs guests deprivileged on the simulated machine and offers every
 * exception to the loaded policies (policy.h).
 *
 * Address spaces (DESIGN.md): V, the guest's virtual addresses; P, the
 * guest's physical addresses (what it writes into EntryLo); M, the machine's.
 * Each VM owns one contiguous range of machine memory, so its pmap is
 * M = base + P for P < size.  The relocated guest kernel sees its physical
 * memory at ksseg 0xC0000000 + P (guest/ABI.md); the VMM maps that window
 * itself, on demand, as global entries of the hardware TLB ("kernel TLB
 * faults").  The guest's own TLB entries are composed V -> P -> M into the
 * hardware TLB.
 *
 * The machine's state while a guest runs: supervisor mode for the guest
 * kernel, user mode for its processes, EXL clear, interrupts enabled, CU0
 * clear (so every CP0 instruction traps), EntryHi.ASID the guest's ASID.
 */
#ifndef VMMSIM_VMM_H
#define VMMSIM_VMM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "models/pmap.h"
#include "models/policy.h"
#include "models/vcp0.h"
#include "sim/console.h"
#include "sim/cpu.h"
#include "sim/ledger.h"
#include "sim/machine.h"
#include "tlb/tlb.h"

#define VMM_MAX_VMS 16
#define VMM_KSSEG 0xC0000000u     /* the relocated kernel's view of P */
#define VMM_KSSEG_END 0xE0000000u

struct vm {
	unsigned id;
	uint32_t mem_base, mem_size; /* its machine range (the identity pmap) */
	uint32_t *pmap;              /* P page -> machine frame (pmap.h) */
	uint32_t image_end;          /* its loaded image ends below this P */
	struct vcp0 cp0;
	struct tlb tlb;              /* the virtual TLB, of the guest's size */
	struct cpu cpu;              /* saved while another VM runs */
	bool halted;
	struct console console;      /* its console; exit_status: its status at the end */
	char why[200];               /* why the VMM stopped it, if it did */
	uint64_t vtimer_cycle;       /* when its Count reaches its Compare */
	/* its share of the run */
	struct ledger_context lctx;  /* its open kernel entries, while it waits */
	uint64_t who_cycles[LEDGER_NWHO], insns, switches_in;
	uint64_t who0[LEDGER_NWHO], insns0; /* the books when it last got the CPU */
	uint8_t *touched;            /* a bit per page of its memory it has used */
	uint32_t touched_pages;
	bool waiting;                /* idle until its timer (the idle policy) */
	uint32_t special_p;          /* the P of its special page (src/sim/monitor.h);
	                              * 0: none, as MC_SET_SPECIAL 0 says */
};

struct vmm_stats {
	uint64_t traps[EXC_NCODES];  /* hardware exceptions into the VMM */
	uint64_t emulated;           /* privileged instructions emulated */
	uint64_t tlb_writes;         /* guest TLB writes emulated */
	uint64_t reflected;          /* exceptions reflected to a guest */
	uint64_t ktlb_fills;         /* kernel TLB faults served */
	uint64_t vtlb_fills;         /* hardware misses served from the virtual TLB */
	uint64_t device;             /* device accesses emulated */
	uint64_t hw_flushes;         /* whole hardware TLB flushes */
};

/* Parameters of the policies, from the command line. */
struct vmm_params {
	unsigned l2tlb_entries, l2tlb_ways; /* l2tlb: size and associativity */
	uint32_t dedup_rate;                /* dedup: pages scanned per million cycles */
	bool dedup_image;                   /* dedup: share the boot image at once */
	uint64_t seed;                      /* the run's seed (scan order) */
	uint64_t slice_cycles;              /* several VMs: the time slice */
	bool asid_tag;                      /* keep the hardware TLB across world
	                                     * switches, tagging ASIDs per VM */
};
#define VMM_DEFAULT_SLICE 1000000u       /* 10 ms of a 100 MHz R4000 */
#define VMM_DEFAULT_DEDUP_RATE 1000u     /* pages per million cycles: 10,000 a second */

/* The parameters' defaults: what a command line that sets none asks for. */
void vmm_params_defaults(struct vmm_params *p);

struct vmm {
	struct machine_vmm port;
	struct vmm_params params;     /* what the machine calls */
	struct machine *m;
	const struct policy_ops *ops[POLICY_MAX_COMPOSED]; /* extensions first, base last */
	void *state[POLICY_MAX_COMPOSED];
	unsigned nops;
	char spec[128];              /* "trap+l2tlb" */
	struct vm *vm[VMM_MAX_VMS];
	unsigned nvms, cur;
	unsigned hw_next;            /* the hardware TLB slot the VMM fills next */
	struct pmap_frames frames;   /* the machine frames behind the pmaps */
	bool sharing;                /* frames may be shared (pmap.h) */
	uint64_t slice_end;          /* several VMs: when the current one yields */
	/* --asid-tag: the hardware ASID of each VM's guest ASIDs (0: none yet) */
	uint8_t hw_asid[VMM_MAX_VMS][256];
	unsigned next_hw_asid;
	struct vmm_stats stats;
};

/* Build a VMM for the policies of spec on machine m with nvms VMs of
 * mem_each bytes each (machine memory must hold them all).  NULL with err
 * filled on failure. */
struct vmm *vmm_new(struct machine *m, const char *spec, const struct vmm_params *params,
                    unsigned nvms, uint32_t mem_each, char *err, size_t errlen);
void vmm_free(struct vmm *v);

/* Load a relocated kernel image (ELF linked in ksseg) into VM i's memory and
 * set the VM up to boot it with the boot protocol (cmdline may be NULL). */
int vmm_load_guest(struct vmm *v, unsigned i, const uint8_t *elf, size_t len,
                   const char *cmdline, char *err, size_t errlen);

/* Put VM 0 on the CPU: call after loading every VM, before machine_run.
 * False if out of memory. */
bool vmm_start(struct vmm *v);

/* Close the books of every VM at the end of a run (before ledger_finish). */
void vmm_finish(struct vmm *v);

/* The memory the guests use (pages touched or loaded, over every VM) and the
 * machine memory behind it, in bytes. */
void vmm_memory_use(const struct vmm *v, uint64_t *used, uint64_t *machine);

/* Members of the results JSON's "vmm" object (no braces). */
void vmm_stats_json(struct vmm *v, FILE *out);
/* Lines for the text summary. */
void vmm_stats_text(struct vmm *v, FILE *out);

/* ---- for policies ------------------------------------------------------ */

static inline struct vm *vmm_current(struct vmm *v) { return v->vm[v->cur]; }
/* The machine address of byte p of vm's physical memory. */
static inline uint32_t vmm_machine_addr(const struct vm *vm, uint32_t p)
{
	return vm->pmap[p / MACHINE_PAGE_SIZE] * MACHINE_PAGE_SIZE + p % MACHINE_PAGE_SIZE;
}
const struct costmodel *vmm_cost(const struct vmm *v);

/* Charge VMM work of its own (a world switch, a scan) outside whatever guest
 * entry is open, to service, as one event of it. */
void vmm_charge_background(struct vmm *v, enum ledger_component c, uint32_t service,
                           uint64_t cycles);
/* Charge VMM cycles for component c to the guest entry being served or,
 * outside any entry, to service (SERVICE_NONE: the current service mark). */
void vmm_charge(struct vmm *v, enum ledger_component c, uint32_t service, uint64_t cycles);

/* A TLB refill the VMM served without entering the guest: charge cycles to
 * component c and service (an event of service when no guest entry is
 * open), and retry the faulting instruction. */
void vmm_refill_served(struct vmm *v, struct vmm_trap *t, enum ledger_component c,
                       uint32_t service, uint64_t cycles);

/* Reflect exception e (raised at pc, bd) to the guest: fill the virtual CP0
 * and return the guest vector to continue at. */
uint32_t vmm_reflect(struct vmm *v, struct vm *vm, const struct exc *e, uint32_t pc, bool bd);

/* Reflect an exception that trapped into the VMM: vmm_reflect, charged as
 * a trap, the reflection and extra cycles of the VMM's own work. */
uint32_t vmm_reflect_trap(struct vmm *v, struct vm *vm, const struct exc *e, uint32_t pc, bool bd,
                          uint64_t extra);
/* Reflect a TLB fault the guest's own TLB made (looked up there first):
 * vmm_reflect_trap with the lookup as the extra work. */
uint32_t vmm_reflect_tlb_fault(struct vmm *v, struct vm *vm, const struct exc *e, uint32_t pc,
                               bool bd);

/* A virtual interrupt is pending and the guest takes it now: Status.IE,
 * EXL, the masks, and the special page's SP_IE.  The special page's
 * SP_PENDING is set when SP_IE alone masks a pending interrupt, cleared
 * otherwise (true: the caller delivers it now). */
bool vmm_vint_deliverable(struct vmm *v, struct vm *vm);
/* The trap policy's monitor calls (vmm_monitor.c). */
bool vmm_monitor_call(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t);
/* Zero page P of vm, as the VMM (charged to PAGE_ZERO). */
void vmm_zero_page(struct vmm *v, struct vm *vm, uint32_t p);

/* Deliver a pending virtual interrupt if the guest can take it now, else
 * return next (where the guest goes on). */
uint32_t vmm_maybe_interrupt(struct vmm *v, struct vm *vm, uint32_t next);

/* Make the machine's mode, ASID and timer follow the virtual CP0 after the
 * guest changed it (what: CP0_WROTE_* bits). */
void vmm_sync_machine(struct vmm *v, struct vm *vm, unsigned what);

/* The instruction word at guest address va (fetched as the guest would;
 * false if it cannot be read). */
bool vmm_fetch(struct vmm *v, uint32_t va, uint32_t *insn);

/* The pc after the instruction at pc (the branch target when it sits in a
 * delay slot). */
uint32_t vmm_next_pc(struct vmm *v, uint32_t pc, bool bd);

/* Stop VM vm with a message (a misbehaving guest); returns a pc to resume at
 * (the machine stops if no VM is left). */
uint32_t vmm_stop_vm(struct vmm *v, struct vm *vm, uint32_t status, const char *why);

/* The timer and the CPU's sharing between VMs (vmm_sched.c): program the
 * machine's Compare for the current VM (its Compare, or the end of its
 * slice); the machine's timer fired; move the CPU to VM next (the current
 * one resumes at pc later); returns where the CPU goes on. */
void vmm_program_timer(struct vmm *v);
uint32_t vmm_timer_tick(struct vmm *v, const struct vmm_trap *t);
uint32_t vmm_world_switch(struct vmm *v, unsigned next, uint32_t pc);
/* The virtual CPU idles (WAIT, MC_IDLE): returns where the CPU goes on.
 * Naively the whole machine sleeps until its timer; the idle policy
 * deschedules the VM instead. */
uint32_t vmm_idle(struct vmm *v, struct vm *vm, uint32_t next);
/* Sleep the machine until the earliest timer of a waiting VM and give that
 * VM the CPU (the idle policy, when no VM can run). */
uint32_t vmm_sleep_until_timer(struct vmm *v, uint32_t next);
/* The next VM after the current one that has not halted and is not waiting
 * for its timer, or -1. */
int vmm_next_runnable(const struct vmm *v);
/* A guest page used (for the machine memory in use). */
void vmm_touch(struct vm *vm, uint32_t p);
/* The hardware ASID standing for guest ASID a of vm (itself unless
 * --asid-tag). */
uint8_t vmm_hw_asid(struct vmm *v, struct vm *vm, uint8_t a);

/* Hardware TLB: compose a guest entry (V->P) with the pmap into the
 * hardware TLB; drop every hardware entry overlapping e's range in its ASID
 * (or all ASIDs when global); flush it all. */
void vmm_hwtlb_insert(struct vmm *v, struct vm *vm, const struct tlb_entry *guest);
/* The composition alone (false: nothing the hardware should hold), and the
 * insertion of an entry already composed. */
bool vmm_hwtlb_compose(const struct vmm *v, struct vm *vm, const struct tlb_entry *guest,
                       struct tlb_entry *out);
void vmm_hwtlb_put(struct vmm *v, const struct tlb_entry *composed);
void vmm_hwtlb_drop(struct vmm *v, const struct tlb_entry *e);
void vmm_hwtlb_flush(struct vmm *v);
/* Drop every global hardware entry (they belong to the VM leaving the CPU),
 * and every one that maps machine frame f. */
void vmm_hwtlb_drop_global(struct vmm *v);
void vmm_hwtlb_drop_frame(struct vmm *v, uint32_t f);
/* Map the ksseg page pair holding va for the guest kernel (kernel TLB
 * fault); false if va is beyond the VM's memory. */
bool vmm_hwtlb_ksseg(struct vmm *v, struct vm *vm, uint32_t va);

#endif
