/* The cost model: every figure the simulator charges, in cycles, with its
 * unit and source documented in costmodel.c and doc/costmodel.md.
 *
 * A cost-model file is text, one "key = value" per line; '#' starts a
 * comment; blank lines are ignored; keys not named keep their defaults.
 * Values are non-negative integers (cycles) below 1,000,000.
 */
#ifndef VMMSIM_COSTMODEL_H
#define VMMSIM_COSTMODEL_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

struct costmodel {
	/* the CPU: cycles per instruction class */
	uint32_t alu;        /* add, logic, shifts, lui, slt, movn/z, ext/ins ... */
	uint32_t load;       /* lb .. lw, lwl/lwr, ll */
	uint32_t store;      /* sb .. sw, swl/swr, sc */
	uint32_t branch;     /* branches and jumps (the delay slot is counted apart) */
	uint32_t mult;       /* mult, multu, mul, madd, msub, mthi/mtlo/mfhi/mflo-free */
	uint32_t div;        /* div, divu */
	uint32_t priv;       /* mtc0, mfc0, tlb*, cache, eret, di/ei, wait */
	uint32_t exc_entry;  /* taking an exception: pipeline flush and vector fetch */
	uint32_t exc_return; /* eret */
	uint32_t uncached;   /* extra for an access to kseg1 or a device */
	uint32_t count_divisor; /* Count ticks once per this many cycles (R4000: 2) */

	/* the VMM (src/models/): what each of its actions costs, in cycles of
	 * VMM code; a trap also pays exc_entry for the hardware exception */
	uint32_t vmm_trap;         /* enter the VMM and leave it: save/restore guest state */
	uint32_t vmm_decode;       /* fetch and decode the trapping instruction */
	uint32_t vmm_emul_mfc0;    /* emulate mfc0 against the virtual CP0 */
	uint32_t vmm_emul_mtc0;    /* emulate mtc0, with its side effects */
	uint32_t vmm_emul_tlbw;    /* emulate tlbwi/tlbwr into the virtual TLB */
	uint32_t vmm_emul_other;   /* emulate tlbp, tlbr, eret, di/ei, wait, cache */
	uint32_t vmm_reflect;      /* fill the virtual CP0 and enter the guest's vector */
	uint32_t vmm_pmap;         /* one P -> M lookup in the VM's pmap */
	uint32_t vmm_hwtlb_write;  /* compose and write one hardware TLB entry */
	uint32_t vmm_vtlb_lookup;  /* look an address up in the virtual TLB */
	uint32_t vmm_l2tlb_lookup; /* look an address up in the second-level TLB */
	uint32_t vmm_l2tlb_insert; /* insert or invalidate a second-level TLB entry */
	uint32_t vmm_tlb_flush;    /* flush the whole hardware TLB */
	uint32_t vmm_world_switch; /* save one VM's state and load another's */
	uint32_t vmm_device;       /* emulate one device (console) access */
	uint32_t vmm_monitor;      /* decode and dispatch a monitor call */
	uint32_t vmm_page_zero;    /* zero one 4 KiB page */
	uint32_t vmm_page_copy;    /* copy one 4 KiB page */
	uint32_t vmm_page_hash;    /* hash one 4 KiB page */
	uint32_t vmm_page_compare; /* compare two 4 KiB pages */
};

/* The documented defaults. */
void costmodel_defaults(struct costmodel *c);

/* Parse a cost-model text of len bytes (need not be NUL-terminated) into c,
 * which should hold the defaults first.  On error returns -1 and writes one
 * line to err (size errlen): "line N: what is wrong". */
int costmodel_parse(struct costmodel *c, const char *text, size_t len, char *err, size_t errlen);

/* Read and parse a file; errors name the file: "FILE: line N: ...". */
int costmodel_load(struct costmodel *c, const char *path, char *err, size_t errlen);

/* The model as compact cost-model text, "key=value" lines (what a trace's
 * header keeps), truncated to len - 1 bytes. */
void costmodel_format(const struct costmodel *c, char *buf, size_t len);

/* Write the model as a cost-model file (round-trips through the parser). */
void costmodel_write(const struct costmodel *c, FILE *out);

#endif
