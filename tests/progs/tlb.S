/* The software-managed TLB: tlbwi/tlbwr/tlbr/tlbp, even/odd pages, every
 * page size from 4 KiB to 16 MiB, the G bit, ASID matching, refill to
 * vector +0x000 (EXL clear) or +0x180 (EXL set), TLB invalid, TLB
 * modified, BadVAddr/Context/EntryHi after a miss, Wired and tlbwr, and
 * the host translation cache staying coherent: data and code pages that
 * are remapped show their new contents. */
#include "harness.h"

	.set	noreorder

/* dst = EntryLo for the physical address in pa (cacheable) | flags */
.macro MKLO dst, pa, flags
	srl	\dst, \pa, 12
	sll	\dst, \dst, 6
	ori	\dst, \dst, (3 << 3) | (\flags)
.endm

/* dst = the physical address of sym (kseg0) */
.macro PA dst, sym
	la	\dst, \sym
	sll	\dst, \dst, 3
	srl	\dst, \dst, 3
.endm

/* SET idx, entryhi, pareg0, flags0, pareg1, flags1: a 4 KiB entry */
.macro SET idx, hi, pa0, f0, pa1, f1
	MKLO	$a2, \pa0, \f0
	MKLO	$a3, \pa1, \f1
	li	$a0, \idx
	li	$a1, \hi
	jal	tlb_set
	li	$v1, PM_4K
.endm

/* C0IS reg, value, "name": the CP0 register holds value */
.macro C0IS reg, want, msg
	mfc0	$t3, \reg
	CHECK	$t3, \want, "\msg"
.endm

	.text
	.globl	test_main
test_main:
	move	$s7, $ra
	PA	$s0, pg_a
	PA	$s1, pg_b
	PA	$s2, pg_c
	la	$s3, pg_a			/* kseg0 views */
	la	$s4, pg_b
	la	$s5, pg_c

	/* ---- tlbwi / tlbr / tlbp ---- */
	li	$a0, 5
	li	$a1, 0x1234802a
	li	$a2, 0x00048d1e			/* PFN 0x1234, C 3, D, V */
	li	$a3, 0x0008001a			/* PFN 0x2000, C 3, V */
	jal	tlb_set
	li	$v1, PM_16K
	mtc0	$zero, C0_ENTRYHI
	mtc0	$zero, C0_ENTRYLO0
	mtc0	$zero, C0_ENTRYLO1
	mtc0	$zero, C0_PAGEMASK
	li	$t0, 5
	mtc0	$t0, C0_INDEX
	ehb
	tlbr
	ehb
	C0IS	C0_ENTRYHI, 0x1234802a, "tlbr EntryHi"
	C0IS	C0_ENTRYLO0, 0x00048d1e, "tlbr EntryLo0"
	C0IS	C0_ENTRYLO1, 0x0008001a, "tlbr EntryLo1"
	C0IS	C0_PAGEMASK, PM_16K, "tlbr PageMask"
	/* G is one bit per entry: the AND of both EntryLo G bits */
	li	$a0, 6
	li	$a1, 0x56780011
	li	$a2, 0x00048d1f			/* G */
	li	$a3, 0x0008001a			/* no G */
	jal	tlb_set
	li	$v1, PM_4K
	li	$t0, 6
	mtc0	$t0, C0_INDEX
	ehb
	tlbr
	ehb
	C0IS	C0_ENTRYLO0, 0x00048d1e, "tlbr: G in one EntryLo only reads as clear"
	C0IS	C0_ENTRYLO1, 0x0008001a, "tlbr: G in one EntryLo only, EntryLo1"
	li	$a0, 6
	li	$a1, 0x56780011
	li	$a2, 0x00048d1f
	li	$a3, 0x0008001b
	jal	tlb_set
	li	$v1, PM_4K
	li	$t0, 6
	mtc0	$t0, C0_INDEX
	ehb
	tlbr
	ehb
	C0IS	C0_ENTRYLO0, 0x00048d1f, "tlbr: G in both reads as set"
	C0IS	C0_ENTRYLO1, 0x0008001b, "tlbr: G in both, EntryLo1"
	/* tlbp: VPN2 under the mask, the ASID unless G; P on a miss */
	li	$t0, 0x1234802a
	mtc0	$t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	C0IS	C0_INDEX, 5, "tlbp hit"
	li	$t0, 0x1234e02a			/* bits 14..13: inside the 16K pair */
	mtc0	$t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	C0IS	C0_INDEX, 5, "tlbp hit inside a 16K pair"
	li	$t0, 0x1234802b			/* another ASID, not global */
	mtc0	$t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0	$t3, C0_INDEX
	srl	$t3, $t3, 31
	CHECK	$t3, 1, "tlbp miss sets Index.P"
	li	$t0, 0x56780099			/* global: any ASID */
	mtc0	$t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	C0IS	C0_INDEX, 6, "tlbp hit on a global entry from another ASID"
	mtc0	$zero, C0_ENTRYHI
	jal	tlb_clear
	nop

	/* ---- a store then a load through a mapped page pair ---- */
	SET	0, 0x00010000, $s0, LO_V | LO_D, $s1, LO_V | LO_D
	li	$t0, 0x00010000
	li	$t1, 0x11111111
	sw	$t1, 0x10($t0)			/* even page: pg_a */
	li	$t1, 0x22222222
	sw	$t1, 0x1010($t0)		/* odd page: pg_b */
	lw	$t3, 0x10($s3)
	CHECK	$t3, 0x11111111, "store through the even page lands in its frame"
	lw	$t3, 0x10($s4)
	CHECK	$t3, 0x22222222, "store through the odd page lands in its frame"
	lw	$t3, 0x10($t0)
	CHECK	$t3, 0x11111111, "load through the even page"
	lw	$t3, 0x1010($t0)
	CHECK	$t3, 0x22222222, "load through the odd page"
	/* remap the even page: the new frame's contents, at once */
	li	$t1, 0x33333333
	sw	$t1, 0x10($s5)
	SET	0, 0x00010000, $s2, LO_V | LO_D, $s1, LO_V | LO_D
	li	$t0, 0x00010000
	lw	$t3, 0x10($t0)
	CHECK	$t3, 0x33333333, "a remapped page shows its new frame"
	li	$t1, 0x44444444
	sw	$t1, 0x14($t0)
	lw	$t3, 0x14($s5)
	CHECK	$t3, 0x44444444, "a store after remapping goes to the new frame"
	lw	$t3, 0x14($s3)
	CHECK	$t3, 0, "a store after remapping leaves the old frame"

	/* ---- ASIDs: one VA, two address spaces ---- */
	SET	1, 0x00020001, $s0, LO_V, $s0, LO_V
	SET	2, 0x00020002, $s2, LO_V, $s2, LO_V
	li	$t0, 0x00020000
	li	$t1, 1
	mtc0	$t1, C0_ENTRYHI
	ehb
	lw	$t3, 0x10($t0)
	CHECK	$t3, 0x11111111, "ASID 1 sees its frame"
	li	$t1, 2
	mtc0	$t1, C0_ENTRYHI
	ehb
	lw	$t3, 0x10($t0)
	CHECK	$t3, 0x33333333, "ASID 2 sees its frame"
	li	$t1, 3
	mtc0	$t1, C0_ENTRYHI
	ehb
	EXC_CLEAR
	lw	$t3, 0x10($t0)
	EXPECT_EXC EXC_TLBL, "ASID 3 has no mapping"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0, "ASID miss goes to the refill vector"
	/* G: a global entry matches every ASID; G in one half does not count */
	SET	3, 0x00030005, $s1, LO_V | LO_G, $s1, LO_V | LO_G
	SET	4, 0x00040005, $s1, LO_V | LO_G, $s1, LO_V
	li	$t0, 0x00030000
	lw	$t3, 0x10($t0)
	CHECK	$t3, 0x22222222, "a global entry matches another ASID"
	li	$t0, 0x00040000
	EXC_CLEAR
	lw	$t3, 0x10($t0)
	EXPECT_EXC EXC_TLBL, "G in EntryLo0 only is not global"
	mtc0	$zero, C0_ENTRYHI
	ehb

	/* ---- refill: vector, BadVAddr, Context, EntryHi ---- */
	li	$t0, 0xff800000
	mtc0	$t0, C0_CONTEXT
	li	$t0, 0xab
	mtc0	$t0, C0_ENTRYHI
	ehb
	mfc0	$t3, C0_CONTEXT
	CHECK	$t3, 0xff800200, "Context: PTEBase written, BadVPN2 kept from the last miss"
	li	$t0, 0x00712345
	EXC_CLEAR
l_refill: lb	$t3, 0($t0)
	EXPECT_EXC EXC_TLBL, "load refill"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0, "refill with EXL clear: vector +0x000"
	EF_LOAD	$t3, EF_BADVADDR
	CHECK	$t3, 0x00712345, "refill BadVAddr"
	EF_LOAD	$t3, EF_CONTEXT
	CHECK	$t3, 0xff803890, "refill Context = PTEBase | BadVPN2 << 4"
	EF_LOAD	$t3, EF_ENTRYHI
	CHECK	$t3, 0x007120ab, "refill EntryHi = VPN2 | current ASID"
	EF_LOAD	$t3, EF_EPC
	la	$t4, l_refill
	CHECKR	$t3, $t4, "refill EPC"
	li	$t0, 0x7fffe001
	EXC_CLEAR
	sb	$t3, 0($t0)
	EXPECT_EXC EXC_TLBS, "store refill"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0, "store refill: vector +0x000"
	EF_LOAD	$t3, EF_CONTEXT
	CHECK	$t3, 0xffbffff0, "store refill Context"
	EF_LOAD	$t3, EF_ENTRYHI
	CHECK	$t3, 0x7fffe0ab, "store refill EntryHi"
	mtc0	$zero, C0_ENTRYHI
	mtc0	$zero, C0_CONTEXT
	ehb
	/* with EXL set: the general vector, EPC kept */
	li	$t0, 0x12345678
	mtc0	$t0, C0_EPC
	li	$t0, ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	EXC_CLEAR
	EXC_RESUME 1f
	lw	$t3, 0x4000($zero)
1:	EXPECT_EXC EXC_TLBL, "refill with EXL set"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x180, "refill with EXL set: vector +0x180"
	EF_LOAD	$t3, EF_EPC
	CHECK	$t3, 0x12345678, "refill with EXL set keeps EPC"
	mfc0	$t3, C0_STATUS
	CHECK	$t3, 0, "back with EXL clear"

	/* ---- TLB invalid and TLB modified ---- */
	SET	5, 0x00050000, $s0, 0, $s0, LO_V
	li	$t0, 0x00050000
	EXC_CLEAR
	lw	$t3, 0x10($t0)
	EXPECT_EXC EXC_TLBL, "load from an invalid page"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x180, "TLB invalid: general vector"
	EF_LOAD	$t3, EF_BADVADDR
	CHECK	$t3, 0x00050010, "TLB invalid BadVAddr"
	EF_LOAD	$t3, EF_ENTRYHI
	CHECK	$t3, 0x00050000, "TLB invalid EntryHi"
	EF_LOAD	$t3, EF_CONTEXT
	CHECK	$t3, 0x00000280, "TLB invalid Context"
	EXC_CLEAR
	sw	$t3, 0x10($t0)
	EXPECT_EXC EXC_TLBS, "store to an invalid page"
	EXC_CLEAR
	lw	$t3, 0x1010($t0)		/* the odd half is valid */
	EXPECT_NO_EXC "load from the valid odd page"
	CHECK	$t3, 0x11111111, "load from the valid odd page reads its frame"
	SET	6, 0x00060000, $s0, LO_V, $s0, LO_V
	li	$t0, 0x00060000
	EXC_CLEAR
	lw	$t3, 0x10($t0)
	EXPECT_NO_EXC "load from a clean page"
	li	$t1, 0x55555555
	EXC_CLEAR
l_mod:	sw	$t1, 0x10($t0)
	EXPECT_EXC EXC_MOD, "store to a clean page"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x180, "TLB modified: general vector"
	EF_LOAD	$t3, EF_BADVADDR
	CHECK	$t3, 0x00060010, "TLB modified BadVAddr"
	EF_LOAD	$t3, EF_ENTRYHI
	CHECK	$t3, 0x00060000, "TLB modified EntryHi"
	EF_LOAD	$t3, EF_EPC
	la	$t4, l_mod
	CHECKR	$t3, $t4, "TLB modified EPC"
	lw	$t3, 0x10($s3)
	CHECK	$t3, 0x11111111, "TLB modified stores nothing"
	SET	6, 0x00060000, $s0, LO_V | LO_D, $s0, LO_V
	li	$t0, 0x00060000
	EXC_CLEAR
	sw	$t1, 0x10($t0)
	EXPECT_NO_EXC "store once D is set"
	lw	$t3, 0x10($s3)
	CHECK	$t3, 0x55555555, "store once D is set lands"
	jal	tlb_clear
	nop

	/* ---- every page size: the even page's last word, the odd page's
	 * second, nothing beyond the pair ---- */
	la	$s6, sizes
1:	lw	$v1, 0($s6)			/* PageMask */
	lw	$s0, 4($s6)			/* page size */
	beqz	$s0, 9f
	lw	$s1, 8($s6)			/* P0 */
	lw	$s2, 12($s6)			/* P1 */
	li	$t0, 0x80000000
	addu	$t1, $s1, $s0
	addu	$t1, $t1, $t0
	srl	$t2, $s0, 12
	li	$t3, 0xe0000000
	or	$t3, $t3, $t2
	sw	$t3, -4($t1)			/* P0 + size - 4 */
	addu	$t1, $s2, $t0
	li	$t3, 0xd0000000
	or	$t3, $t3, $t2
	sw	$t3, 4($t1)			/* P1 + 4 */
	MKLO	$a2, $s1, LO_V | LO_D | LO_G
	MKLO	$a3, $s2, LO_V | LO_D | LO_G
	li	$a0, 7
	jal	tlb_set
	li	$a1, 0x40000000
	li	$t0, 0x40000000
	addu	$t0, $t0, $s0
	srl	$t2, $s0, 12
	lw	$t3, -4($t0)
	li	$t4, 0xe0000000
	or	$t4, $t4, $t2
	CHECKR	$t3, $t4, "large page: last word of the even page"
	lw	$t3, 4($t0)
	li	$t4, 0xd0000000
	or	$t4, $t4, $t2
	CHECKR	$t3, $t4, "large page: second word of the odd page"
	mtc0	$t0, C0_ENTRYHI			/* the odd page's VPN2 */
	ehb
	tlbp
	ehb
	mtc0	$zero, C0_ENTRYHI
	C0IS	C0_INDEX, 7, "tlbp of the odd half of a large page"
	addu	$t0, $t0, $s0			/* the next pair: unmapped */
	EXC_CLEAR
	lw	$t3, 0($t0)
	EXPECT_EXC EXC_TLBL, "large page: nothing beyond the pair"
	EF_LOAD	$t3, EF_BADVADDR
	CHECKR	$t3, $t0, "large page: BadVAddr beyond the pair"
	b	1b
	addiu	$s6, $s6, 16
9:	jal	tlb_clear
	nop

	/* ---- Wired entries survive tlbwr; tlbwr writes [Wired, N-1] ---- */
	jal	tlb_entries
	nop
	move	$s0, $v0			/* N */
	PA	$s1, pg_a
	MKLO	$t5, $s1, LO_V
	mtc0	$t5, C0_ENTRYLO0
	mtc0	$t5, C0_ENTRYLO1
	li	$t0, 4
	mtc0	$t0, C0_WIRED
	li	$t1, 0
1:	mtc0	$t1, C0_INDEX
	sll	$t2, $t1, 13
	li	$t3, 0x70000000
	addu	$t2, $t2, $t3
	mtc0	$t2, C0_ENTRYHI
	ehb
	tlbwi
	addiu	$t1, $t1, 1
	bne	$t1, $t0, 1b
	nop
	sll	$s2, $s0, 2			/* 4N tlbwr */
	li	$s3, 0x71000000
2:	mtc0	$s3, C0_ENTRYHI
	ehb
	tlbwr
	ehb
	tlbp
	ehb
	mfc0	$t3, C0_INDEX
	sltiu	$t4, $t3, 4
	CHECK	$t4, 0, "tlbwr writes at or above Wired"
	sltu	$t4, $t3, $s0
	CHECK	$t4, 1, "tlbwr writes below N"
	addiu	$s3, $s3, 0x2000
	addiu	$s2, $s2, -1
	bnez	$s2, 2b
	nop
	li	$t1, 0
3:	mtc0	$t1, C0_INDEX
	ehb
	tlbr
	ehb
	mfc0	$t3, C0_ENTRYHI
	sll	$t2, $t1, 13
	li	$t4, 0x70000000
	addu	$t2, $t2, $t4
	CHECKR	$t3, $t2, "wired entries survive tlbwr"
	addiu	$t1, $t1, 1
	sltiu	$t4, $t1, 4
	bnez	$t4, 3b
	nop
	mtc0	$zero, C0_ENTRYHI
	jal	tlb_clear
	nop

	/* ---- code from a mapped page, remapped ---- */
	PA	$s0, code_one
	PA	$s1, code_two
	SET	8, 0x00600000, $s0, LO_V | LO_G, $s0, LO_V | LO_G
	li	$t0, 0x00600000
	jalr	$t0
	li	$v0, 0
	CHECK	$v0, 1, "code from a mapped page"
	SET	8, 0x00600000, $s1, LO_V | LO_G, $s1, LO_V | LO_G
	li	$t0, 0x00600000
	jalr	$t0
	li	$v0, 0
	CHECK	$v0, 2, "code from a remapped page runs the new frame"
	SET	8, 0x00600000, $s0, LO_V | LO_G, $s0, LO_V | LO_G
	li	$t0, 0x00600000
	jalr	$t0
	li	$v0, 0
	CHECK	$v0, 1, "code remapped back"
	/* a fetch from an unmapped page: EPC = BadVAddr = the target */
	EXC_CLEAR
	EXC_RESUME 1f
	li	$t0, 0x00700000
	jalr	$t0
	nop
1:	EXPECT_EXC EXC_TLBL, "fetch from an unmapped page"
	EF_LOAD	$t3, EF_EPC
	CHECK	$t3, 0x00700000, "fetch refill EPC"
	EF_LOAD	$t3, EF_BADVADDR
	CHECK	$t3, 0x00700000, "fetch refill BadVAddr"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0, "fetch refill vector"
	/* a delay slot on an invalid next page: EPC = the branch, BD set */
	PA	$s0, code_edge
	SET	9, 0x00602000, $s0, LO_V | LO_G, $s0, LO_G
	EXC_CLEAR
	EXC_RESUME 1f
	li	$t0, 0x00602ffc
	jalr	$t0
	nop
1:	EXPECT_EXC EXC_TLBL, "delay slot on an invalid page"
	EF_LOAD	$t3, EF_EPC
	CHECK	$t3, 0x00602ffc, "delay slot on an invalid page: EPC"
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 31
	CHECK	$t3, 1, "delay slot on an invalid page: BD"
	EF_LOAD	$t3, EF_BADVADDR
	CHECK	$t3, 0x00603000, "delay slot on an invalid page: BadVAddr"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x180, "delay slot on an invalid page: vector"
	/* ... and on an unmapped one: the refill vector */
	SET	10, 0x00604000, $s0, LO_G, $s0, LO_V | LO_G
	EXC_CLEAR
	EXC_RESUME 1f
	li	$t0, 0x00605ffc
	jalr	$t0
	nop
1:	EXPECT_EXC EXC_TLBL, "delay slot on an unmapped page"
	EF_LOAD	$t3, EF_EPC
	CHECK	$t3, 0x00605ffc, "delay slot on an unmapped page: EPC"
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 31
	CHECK	$t3, 1, "delay slot on an unmapped page: BD"
	EF_LOAD	$t3, EF_BADVADDR
	CHECK	$t3, 0x00606000, "delay slot on an unmapped page: BadVAddr"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0, "delay slot on an unmapped page: refill vector"
	jal	tlb_clear
	nop

	jr	$s7
	nop

/* Code frames for the remapping tests, one page each. */
	.balign	4096
code_one:
	jr	$ra
	li	$v0, 1
	.balign	4096
code_two:
	jr	$ra
	li	$v0, 2
	.balign	4096
code_edge:
	.space	4096 - 4
	jr	$ra			/* its delay slot is on the next page */

	.section .rodata
	.balign	4
/* PageMask, page size, even frame, odd frame (each aligned to the size) */
sizes:
	.word	PM_4K, 0x1000, 0x00400000, 0x00401000
	.word	PM_16K, 0x4000, 0x00400000, 0x00404000
	.word	PM_64K, 0x10000, 0x00400000, 0x00410000
	.word	PM_256K, 0x40000, 0x00400000, 0x00440000
	.word	PM_1M, 0x100000, 0x00400000, 0x00500000
	.word	PM_4M, 0x400000, 0x00800000, 0x00c00000
	.word	PM_16M, 0x1000000, 0x02000000, 0x03000000
	.word	0, 0, 0, 0
	.globl	test_name
test_name:	.asciz	"tlb"

	.bss
	.balign	4096
pg_a:	.space	4096
pg_b:	.space	4096
pg_c:	.space	4096
