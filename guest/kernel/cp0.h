/* CP0 register access and Status/Cause bits for the guest kernel (register
 * numbers as in ../shared/REFERENCE.md section 1).  Also used by the
 * assembly files, hence the #ifndef __ASSEMBLER__ around the C part. */
#ifndef KERNEL_CP0_H
#define KERNEL_CP0_H

#define C0_INDEX $0
#define C0_ENTRYLO0 $2
#define C0_ENTRYLO1 $3
#define C0_CONTEXT $4
#define C0_PAGEMASK $5
#define C0_WIRED $6
#define C0_BADVADDR $8
#define C0_COUNT $9
#define C0_ENTRYHI $10
#define C0_COMPARE $11
#define C0_STATUS $12
#define C0_CAUSE $13
#define C0_EPC $14
#define C0_EBASE $15, 1
#define C0_CONFIG1 $16, 1

#define ST_IE 0x00000001
#define ST_EXL 0x00000002
#define ST_ERL 0x00000004
#define ST_KSU_MASK 0x00000018
#define ST_KSU_USER 0x00000010
#define ST_IM7 0x00008000 /* the timer (Count/Compare) */

#define CAUSE_BD 0x80000000
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC_MASK 0x7c

#define EXC_INT 0
#define EXC_MOD 1
#define EXC_TLBL 2
#define EXC_TLBS 3
#define EXC_ADEL 4
#define EXC_ADES 5
#define EXC_IBE 6
#define EXC_DBE 7
#define EXC_SYS 8
#define EXC_BP 9
#define EXC_RI 10
#define EXC_CPU 11
#define EXC_OV 12
#define EXC_TR 13

/* EntryLo / PTE bits: PFN << 6 | C << 3 | D | V | G.  PTE_W is a software
 * bit above the PFN field (bits 31..26 read as zero in EntryLo, so a PTE is
 * written to EntryLo as it is): the page may be written, and a clear D
 * means copy-on-write rather than read-only. */
#define PTE_G 0x00000001
#define PTE_V 0x00000002
#define PTE_D 0x00000004
#define PTE_CACHED 0x00000018 /* C = 3, cacheable noncoherent */
#define PTE_W 0x80000000
#define PTE_PFN_SHIFT 6
#define PTE_PFN_MASK 0x03ffffc0

#define ENTRYHI_ASID_MASK 0xff
#define INDEX_P 0x80000000

#ifndef __ASSEMBLER__
#include <stdint.h>

#define CP0_STR2(...) #__VA_ARGS__
#define CP0_STR(...) CP0_STR2(__VA_ARGS__)
#define cp0_read(reg)                                                        \
	({                                                                   \
		uint32_t v_;                                                 \
		__asm__ volatile("mfc0 %0, " CP0_STR(reg) : "=r"(v_));      \
		v_;                                                          \
	})
#define cp0_write(reg, v)                                                    \
	__asm__ volatile("mtc0 %0, " CP0_STR(reg) "\n\tehb" ::"r"((uint32_t)(v)))

#define PTE_TO_PA(pte) ((((pte) & PTE_PFN_MASK) >> PTE_PFN_SHIFT) << 12)
#define PA_TO_PTE(pa) ((((uint32_t)(pa)) >> 12) << PTE_PFN_SHIFT)
#endif

#endif
