/* The exception vectors and everything that runs with Status.EXL set.
 *
 * This is the kernel's vector page: EBase points at `vectors`, the TLB
 * refill fast path sits at +0x000 and every other exception enters at
 * +0x180.  In the relocated flavour the page and the kernel stack are held
 * by wired TLB entries (main.c), so nothing here can miss in the TLB while
 * EXL is set; the few routines that write the TLB live here too, because a
 * kernel TLB miss in the middle of one would overwrite EntryHi/EntryLo.
 *
 * Refill: the current page directory (pgd_current, 1024 pointers to page
 * tables) is indexed by BadVAddr[31:22]; the low 9 bits of Context's
 * BadVPN2 field index the even/odd PTE pair inside the page table.  Both
 * tables are page aligned, so an `ins` of the index makes each address.
 * PTEs are in EntryLo format.  An unmapped 4 MiB range points at a
 * shared page table of zero PTEs, so the fast path never tests anything:
 * a zero PTE loads an invalid entry and the retried access takes a TLB
 * invalid exception to +0x180, where vm.c decides (demand zero, ...).
 *
 * The paravirtual flavour (KERNEL_PARAVIRT, paravirt.h) reads the CP0 state
 * of an exception (BadVAddr, Context, Cause, Status, EPC) from the special
 * page, where the VMM wrote it when it reflected the exception, instead of
 * with trapping mfc0s; the mtc0s, tlbwr and eret that change the machine
 * stay.  Its kernel runs with Status.IE as the interrupted context had it
 * (set) and masks interrupts with the special page's SP_IE instead.
 */
#include "cp0.h"
#include "paravirt.h"
#include "trapframe.h"
#include "sim/services.h"

	.set	noreorder
	.set	noat

/* sp_read reg, off, base: reg = the special page's word at off (base is
 * clobbered).  The page is 8 KiB aligned, so %hi is the same for every
 * offset in it. */
	.macro	sp_read reg, off, base
	lui	\base, %hi(special_page)
	lw	\reg, %lo(special_page + \off)(\base)
	.endm
#ifdef KERNEL_PARAVIRT
#define READ_CP0(reg, c0, off, base) sp_read reg, off, base
#else
#define READ_CP0(reg, c0, off, base) mfc0 reg, c0
#endif

	.section .vectors, "ax"
	.balign	4096
	.globl	vectors
vectors:
/* +0x000: TLB refill (EXL was clear). */
refill:
	READ_CP0($k0, C0_BADVADDR, SP_BADVADDR, $k1)
#ifdef KERNEL_RELOCATED
	bltz	$k0, ktlb_refill	/* ksseg: the kernel's own pages */
#endif
	lui	$k1, %hi(pgd_current)
	lw	$k1, %lo(pgd_current)($k1)
	srl	$k0, $k0, 22
	ins	$k1, $k0, 2, 10		/* &pgd[va >> 22]: the directory is page aligned */
	READ_CP0($k0, C0_CONTEXT, SP_CONTEXT, $k0)
	lw	$k1, 0($k1)		/* the page table, page aligned too */
	srl	$k0, $k0, 4		/* BadVPN2 (va >> 13) in the low bits */
	ins	$k1, $k0, 3, 9		/* &pt[pair]: 8 bytes a pair */
	lw	$k0, 0($k1)
	lw	$k1, 4($k1)
	mtc0	$k0, C0_ENTRYLO0
	mtc0	$k1, C0_ENTRYLO1
	ehb
	tlbwr
	eret

#ifdef KERNEL_RELOCATED
/* A miss on a ksseg address: KVA(P) = 0xC0000000 + P, so the entry is
 * computed, global, valid and dirty, with no memory access.  Entered from
 * the refill vector (EXL clear) or from +0x180 (EXL set: a miss taken by
 * the refill handler itself or by the entry code); either way EPC still
 * names the instruction to retry. */
	.org	0x100
ktlb_refill:
	ori	$zero, $zero, SERVICE_KTLB_MISS
	READ_CP0($k0, C0_BADVADDR, SP_BADVADDR, $k0)
	lui	$k1, 0xC000
	subu	$k0, $k0, $k1		/* P */
	srl	$k0, $k0, 13
	sll	$k0, $k0, 7		/* PFN of the even page << 6 */
	ori	$k0, $k0, PTE_CACHED | PTE_D | PTE_V | PTE_G
	mtc0	$k0, C0_ENTRYLO0
	addiu	$k0, $k0, 1 << PTE_PFN_SHIFT
	mtc0	$k0, C0_ENTRYLO1
	ehb
	tlbwr
	eret
#endif

/* +0x180: everything else. */
	.org	0x180
general:
#ifdef KERNEL_RELOCATED
	READ_CP0($k0, C0_CAUSE, SP_CAUSE, $k0)
	READ_CP0($k1, C0_BADVADDR, SP_BADVADDR, $k1)
	andi	$k0, $k0, 0x78
	xori	$k0, $k0, EXC_TLBL << CAUSE_EXC_SHIFT	/* 0: TLBL or TLBS */
	bnez	$k0, save
	nop
	bltz	$k1, ktlb_refill
	nop
save:
#endif
	/* From user mode: the frame goes at the top of the kernel stack.
	 * From the kernel (the idle loop's WAIT, a kernel fault): below the
	 * current frame. */
	READ_CP0($k0, C0_STATUS, SP_STATUS, $k0)
	andi	$k0, $k0, ST_KSU_USER
	beqz	$k0, 1f
	move	$k1, $sp
	lui	$sp, %hi(kstack_top)
	addiu	$sp, $sp, %lo(kstack_top)
1:	addiu	$sp, $sp, -TF_FRAME
	sw	$k1, 16 + TF_REG(29)($sp)
	sw	$1, 16 + TF_REG(1)($sp)
	sw	$2, 16 + TF_REG(2)($sp)
	sw	$3, 16 + TF_REG(3)($sp)
	sw	$4, 16 + TF_REG(4)($sp)
	sw	$5, 16 + TF_REG(5)($sp)
	sw	$6, 16 + TF_REG(6)($sp)
	sw	$7, 16 + TF_REG(7)($sp)
	sw	$8, 16 + TF_REG(8)($sp)
	sw	$9, 16 + TF_REG(9)($sp)
	sw	$10, 16 + TF_REG(10)($sp)
	sw	$11, 16 + TF_REG(11)($sp)
	sw	$12, 16 + TF_REG(12)($sp)
	sw	$13, 16 + TF_REG(13)($sp)
	sw	$14, 16 + TF_REG(14)($sp)
	sw	$15, 16 + TF_REG(15)($sp)
	sw	$16, 16 + TF_REG(16)($sp)
	sw	$17, 16 + TF_REG(17)($sp)
	sw	$18, 16 + TF_REG(18)($sp)
	sw	$19, 16 + TF_REG(19)($sp)
	sw	$20, 16 + TF_REG(20)($sp)
	sw	$21, 16 + TF_REG(21)($sp)
	sw	$22, 16 + TF_REG(22)($sp)
	sw	$23, 16 + TF_REG(23)($sp)
	sw	$24, 16 + TF_REG(24)($sp)
	sw	$25, 16 + TF_REG(25)($sp)
	sw	$28, 16 + TF_REG(28)($sp)
	sw	$30, 16 + TF_REG(30)($sp)
	sw	$31, 16 + TF_REG(31)($sp)
	mfhi	$t0
	mflo	$t1
	sw	$t0, 16 + TF_REG(TF_HI)($sp)
	sw	$t1, 16 + TF_REG(TF_LO)($sp)
#ifdef KERNEL_PARAVIRT
	lui	$t4, %hi(special_page)
	lw	$t0, %lo(special_page + SP_EPC)($t4)
	lw	$t1, %lo(special_page + SP_STATUS)($t4)
	lw	$t2, %lo(special_page + SP_CAUSE)($t4)
	lw	$t3, %lo(special_page + SP_BADVADDR)($t4)
#else
	mfc0	$t0, C0_EPC
	mfc0	$t1, C0_STATUS
	mfc0	$t2, C0_CAUSE
	mfc0	$t3, C0_BADVADDR
#endif
	sw	$t0, 16 + TF_REG(TF_EPC)($sp)
	sw	$t1, 16 + TF_REG(TF_STATUS)($sp)
	sw	$t2, 16 + TF_REG(TF_CAUSE)($sp)
	sw	$t3, 16 + TF_REG(TF_BADVADDR)($sp)
	/* Leave exception level: kernel mode, interrupts off.  From here on a
	 * TLB miss is an ordinary nested exception.  Paravirtual: interrupts
	 * off is SP_IE = 0 (stored while EXL still masks them), and Status.IE
	 * stays as it was, set (restore sets SP_IE again). */
#ifdef KERNEL_PARAVIRT
	sw	$zero, %lo(special_page + SP_IE)($t4)
	li	$t0, ~(ST_EXL | ST_KSU_MASK)
#else
	li	$t0, ~(ST_EXL | ST_KSU_MASK | ST_IE)
#endif
	and	$t1, $t1, $t0
	mtc0	$t1, C0_STATUS
	ehb
	jal	trap
	addiu	$a0, $sp, 16		/* (delay slot) the trap frame */
	b	restore
	addiu	$a0, $sp, 16

/* trap_return(tf): resume the context in *tf, which sits on the kernel
 * stack with its argument area below it. */
	.globl	trap_return
trap_return:
	addiu	$sp, $a0, -16
restore:
	/* Status first: its saved value has EXL set, so from here the CPU is
	 * at exception level (kernel mode, interrupts masked) until eret. */
	lw	$t0, 16 + TF_REG(TF_STATUS)($sp)
	lw	$t1, 16 + TF_REG(TF_EPC)($sp)
	lw	$t2, 16 + TF_REG(TF_HI)($sp)
	lw	$t3, 16 + TF_REG(TF_LO)($sp)
	ori	$t0, $t0, ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	mtc0	$t1, C0_EPC
	mthi	$t2
	mtlo	$t3
#ifdef KERNEL_PARAVIRT
	/* SP_IE = 1: whatever this returns to ran with interrupts on (a
	 * process, or the idle loop: the kernel takes no other exception it
	 * returns from).  EXL masks them until the eret, and the VMM delivers
	 * one left pending when it emulates the eret: that is this store's
	 * SP_PENDING check. */
	lui	$t0, %hi(special_page)
	li	$t1, 1
	sw	$t1, %lo(special_page + SP_IE)($t0)
#endif
	lw	$1, 16 + TF_REG(1)($sp)
	lw	$2, 16 + TF_REG(2)($sp)
	lw	$3, 16 + TF_REG(3)($sp)
	lw	$4, 16 + TF_REG(4)($sp)
	lw	$5, 16 + TF_REG(5)($sp)
	lw	$6, 16 + TF_REG(6)($sp)
	lw	$7, 16 + TF_REG(7)($sp)
	lw	$8, 16 + TF_REG(8)($sp)
	lw	$9, 16 + TF_REG(9)($sp)
	lw	$10, 16 + TF_REG(10)($sp)
	lw	$11, 16 + TF_REG(11)($sp)
	lw	$12, 16 + TF_REG(12)($sp)
	lw	$13, 16 + TF_REG(13)($sp)
	lw	$14, 16 + TF_REG(14)($sp)
	lw	$15, 16 + TF_REG(15)($sp)
	lw	$16, 16 + TF_REG(16)($sp)
	lw	$17, 16 + TF_REG(17)($sp)
	lw	$18, 16 + TF_REG(18)($sp)
	lw	$19, 16 + TF_REG(19)($sp)
	lw	$20, 16 + TF_REG(20)($sp)
	lw	$21, 16 + TF_REG(21)($sp)
	lw	$22, 16 + TF_REG(22)($sp)
	lw	$23, 16 + TF_REG(23)($sp)
	lw	$24, 16 + TF_REG(24)($sp)
	lw	$25, 16 + TF_REG(25)($sp)
	lw	$28, 16 + TF_REG(28)($sp)
	lw	$30, 16 + TF_REG(30)($sp)
	lw	$31, 16 + TF_REG(31)($sp)
	lw	$sp, 16 + TF_REG(29)($sp)
	eret

/* tlb_write(entryhi, lo0, lo1): put one even/odd pair in the TLB, over
 * the entry that already maps entryhi's VPN2 and ASID if there is one
 * (two matching entries would be a machine check), else at Random. */
	.globl	tlb_write
tlb_write:
	mtc0	$a0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0	$t0, C0_INDEX
	mtc0	$a1, C0_ENTRYLO0
	mtc0	$a2, C0_ENTRYLO1
	ehb
	bltz	$t0, 1f
	nop
	tlbwi
	jr	$ra
	ehb
1:	tlbwr
	jr	$ra
	ehb

/* tlb_wire(index, entryhi, lo0, lo1): write entry `index` (tlbwi). */
	.globl	tlb_wire
tlb_wire:
	mtc0	$a0, C0_INDEX
	mtc0	$a1, C0_ENTRYHI
	mtc0	$a2, C0_ENTRYLO0
	mtc0	$a3, C0_ENTRYLO1
	mtc0	$zero, C0_PAGEMASK
	ehb
	tlbwi
	jr	$ra
	ehb

/* tlb_flush(first, n, asid): invalidate entries first..n-1, each given its
 * own kseg0 VPN2 (no mapped access ever looks one up), then set EntryHi
 * to asid. */
	.globl	tlb_flush
tlb_flush:
	mtc0	$zero, C0_ENTRYLO0
	mtc0	$zero, C0_ENTRYLO1
	lui	$t1, 0x8000
	beq	$a0, $a1, 2f
	nop
1:	sll	$t0, $a0, 13
	addu	$t0, $t0, $t1
	mtc0	$a0, C0_INDEX
	mtc0	$t0, C0_ENTRYHI
	ehb
	tlbwi
	addiu	$a0, $a0, 1
	bne	$a0, $a1, 1b
	nop
2:	mtc0	$a2, C0_ENTRYHI
	jr	$ra
	ehb

/* The kernel stack: one for the whole kernel (processes never block
 * inside it: see trap.c), and the page directory the refill handler reads.
 * Two pages, one wired TLB entry in the relocated flavour. */
	.section .kstack, "aw", @nobits
	.balign	8192
	.globl	kstack_base, pgd_current, kstack_top
kstack_base:
pgd_current:
	.space	8192
kstack_top:
