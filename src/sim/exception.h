/* Taking exceptions and returning from them (R4000 manual, chapter 5;
 * MIPS32 Volume III for EBase and Cause.IV). */
#ifndef VMMSIM_EXCEPTION_H
#define VMMSIM_EXCEPTION_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* An exception as the instruction that raised it describes it. */
struct exc {
	uint8_t code;      /* enum exc_code */
	uint8_t ce;        /* coprocessor number for CpU */
	bool tlb;          /* a TLB exception: fill Context and EntryHi.VPN2 */
	bool refill;       /* no matching entry: the +0x000 vector if EXL was 0 */
	bool has_badvaddr; /* address errors and TLB exceptions set BadVAddr */
	uint32_t badvaddr;
};

/* Take exception e raised by the instruction at pc (bd: pc is in the delay
 * slot of the branch at pc-4).  Updates CP0 (EPC, Cause, BadVAddr, Context,
 * EntryHi, Status.EXL), switches to kernel mode, charges the entry cost and
 * returns the vector address to continue at. */
uint32_t exception_enter(struct machine *m, const struct exc *e, uint32_t pc, bool bd);

/* The CP0 side of taking e: EPC and Cause.BD (unless EXL was set), ExcCode
 * and CE, BadVAddr, Context and EntryHi.VPN2 for TLB exceptions, then EXL.
 * Returns the vector offset (0x000 refill, 0x180, 0x200 with Cause.IV).
 * Shared by the machine and the VMM's virtual CP0. */
struct cp0;
uint32_t exception_update_cp0(struct cp0 *c, const struct exc *e, uint32_t pc, bool bd);

/* ERET: returns the address to continue at; clears EXL (or ERL) and LLbit. */
uint32_t exception_eret(struct machine *m);

/* Name of an ExcCode, e.g. "TLBL"; "exc23" style for the unnamed ones. */
const char *exception_name(unsigned code);

#endif
