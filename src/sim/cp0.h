/* System control coprocessor 0: the R4000 registers plus the MIPS32 Release 2
 * additions vmmsim models (EBase, HWREna, IntCtl, Config1).
 *
 * Count and Random are not stored: both are derived on read from the cycle
 * and instruction counters (Count ticks once per costmodel.count_divisor
 * cycles; Random decrements once per instruction from N-1 down to Wired),
 * which keeps the interpreter free of per-instruction CP0 work.
 */
#ifndef VMMSIM_CP0_H
#define VMMSIM_CP0_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* Register numbers (REFERENCE.md section 1). */
enum cp0_reg {
	CP0_INDEX = 0, CP0_RANDOM = 1, CP0_ENTRYLO0 = 2, CP0_ENTRYLO1 = 3, CP0_CONTEXT = 4,
	CP0_PAGEMASK = 5, CP0_WIRED = 6, CP0_HWRENA = 7, CP0_BADVADDR = 8, CP0_COUNT = 9,
	CP0_ENTRYHI = 10, CP0_COMPARE = 11, CP0_STATUS = 12, CP0_CAUSE = 13, CP0_EPC = 14,
	CP0_PRID = 15, CP0_CONFIG = 16, CP0_LLADDR = 17, CP0_WATCHLO = 18, CP0_WATCHHI = 19,
	CP0_XCONTEXT = 20, CP0_ECC = 26, CP0_CACHEERR = 27, CP0_TAGLO = 28, CP0_TAGHI = 29,
	CP0_ERROREPC = 30,
};

/* Status bits */
#define ST_IE 0x00000001u
#define ST_EXL 0x00000002u
#define ST_ERL 0x00000004u
#define ST_KSU_SHIFT 3
#define ST_KSU 0x00000018u
#define ST_IM 0x0000ff00u
#define ST_BEV 0x00400000u
#define ST_CU0 0x10000000u
#define ST_CU1 0x20000000u
#define ST_WRITABLE 0xf040ff1fu /* CU3..0, BEV, IM7..0, KSU, ERL, EXL, IE */

/* Cause bits */
#define CAUSE_BD 0x80000000u
#define CAUSE_CE_SHIFT 28
#define CAUSE_CE 0x30000000u
#define CAUSE_IV 0x00800000u
#define CAUSE_IP 0x0000ff00u
#define CAUSE_IP_SW 0x00000300u /* IP1..IP0: software interrupts */
#define CAUSE_IP7 0x00008000u   /* the Count/Compare timer */
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC 0x0000007cu
#define CAUSE_WRITABLE (CAUSE_IV | CAUSE_IP_SW)

/* Exception codes (ExcCode) */
enum exc_code {
	EXC_INT = 0, EXC_MOD = 1, EXC_TLBL = 2, EXC_TLBS = 3, EXC_ADEL = 4, EXC_ADES = 5,
	EXC_IBE = 6, EXC_DBE = 7, EXC_SYS = 8, EXC_BP = 9, EXC_RI = 10, EXC_CPU = 11,
	EXC_OV = 12, EXC_TR = 13, EXC_WATCH = 23, EXC_NCODES = 32,
};

/* EntryHi/Context/EBase fields */
#define CONTEXT_PTEBASE 0xff800000u
#define CONTEXT_BADVPN2 0x007ffff0u
#define EBASE_WRITABLE 0x3ffff000u
#define EBASE_FIXED 0x80000000u

/* Reset values that identify the machine. */
#define CP0_PRID_VALUE 0x00000430u /* R4000 family (Imp 0x04), revision 3.0 */

struct cp0 {
	uint32_t index, entrylo0, entrylo1, context, pagemask, wired, hwrena;
	uint32_t badvaddr, entryhi, compare, status, cause, epc, config, lladdr;
	uint32_t watchlo, watchhi, xcontext, ecc, cacheerr, taglo, taghi, errorepc;
	uint32_t ebase;
	/* Count = count_base + (cycles - count_cycle0) / count_divisor */
	uint32_t count_base;
	uint64_t count_cycle0;
	/* Random = N-1 - (insns - random_insn0) % (N - Wired) */
	uint64_t random_insn0;
};

/* What a write to the register file changed, for its owner to act on. */
#define CP0_WROTE_STATUS 0x01u /* mode, interrupt enables */
#define CP0_WROTE_ASID 0x02u   /* EntryHi.ASID */
#define CP0_WROTE_TIMER 0x04u  /* Compare (or, for a virtual CP0, Count) */
#define CP0_WROTE_CAUSE 0x08u  /* software interrupts */
#define CP0_WROTE_WATCH 0x10u  /* WatchLo */
#define CP0_WROTE_WIRED 0x20u  /* Wired: Random restarts at N-1 */

/* The register file alone, shared by the machine's CP0 and a VMM's virtual
 * one (which keeps Count, EBase and Random its own ways, vcp0.h): the stored
 * registers' values (Random and Count excepted: 0), and MTC0 with the R4000
 * write masks and Compare clearing IP7 (sel 0, Count excepted); returns
 * CP0_WROTE_* bits (CP0_WROTE_WIRED: the owner restarts its Random). */
uint32_t cp0_read_regs(const struct cp0 *c, unsigned ntlb, unsigned reg, unsigned sel);
unsigned cp0_write_regs(struct cp0 *c, unsigned ntlb, unsigned reg, uint32_t v);
/* Config as reset (byte order, standard TLB, kseg0 cacheable). */
uint32_t cp0_config_reset(bool big_endian);
/* An interrupt is pending, unmasked and enabled (IE, not EXL/ERL). */
static inline bool cp0_interrupt_pending(const struct cp0 *c)
{
	if (!(c->status & ST_IE) || (c->status & (ST_EXL | ST_ERL)))
		return false;
	return (c->cause & c->status & CAUSE_IP) != 0;
}

/* Values of the derived registers at the machine's current counters. */
uint32_t cp0_count(const struct machine *m);
uint32_t cp0_random(const struct machine *m);

/* MFC0 / MTC0 with the R4000 write masks and side effects (Compare clears the
 * timer interrupt, Wired resets Random, an ASID change flushes the host
 * translation cache, a Status change switches mode).  Registers vmmsim does
 * not model read 0 and ignore writes.  These are the architectural accesses
 * the guest makes; the machine's own updates bypass them. */
uint32_t cp0_read(struct machine *m, unsigned reg, unsigned sel);
void cp0_write(struct machine *m, unsigned reg, unsigned sel, uint32_t value);

/* Put CP0 in its reset state (BEV=1, ERL=1 as the R4000 resets; the bare
 * machine's loader then sets up kernel mode with BEV=0). */
void cp0_reset(struct machine *m);

/* The cycle at which Count next equals Compare. */
uint64_t cp0_timer_cycle(const struct machine *m);
/* The first cycle after now at which Count will equal target. */
uint64_t cp0_cycle_of_count(const struct machine *m, uint32_t target);

/* The interpreter looks at the timer only where control flow leaves
 * straight-line code, so Count may have passed Compare since: if it has
 * (m->timer_cycle reached), raise IP7 and aim m->timer_cycle at the next
 * match.  Called before anything reads Cause or moves the next match. */
void cp0_timer_catch_up(struct machine *m);

#endif
