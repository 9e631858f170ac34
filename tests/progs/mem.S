/* Loads and stores of every size and sign, the unaligned word instructions
 * at all four alignments (whose results depend on the byte order), LL/SC,
 * address errors, an unaligned jump target and a bus error. */
#include "harness.h"

#ifdef __MIPSEB__
#define BE_LE(be, le) be
#else
#define BE_LE(be, le) le
#endif

/* physical 0x18000000: above the largest RAM (256 MiB), below kseg1's end,
 * not a device */
#define NO_MEMORY 0xb8000000

	.set	noreorder
	.text

/* fill8(a0): bytes 0x81..0x88 at a0 (word aligned). */
fill8:
	li	$t0, 0x81
	li	$t1, 8
1:	sb	$t0, 0($a0)
	addiu	$t0, $t0, 1
	addiu	$t1, $t1, -1
	bnez	$t1, 1b
	addiu	$a0, $a0, 1
	jr	$ra
	nop

/* v0 = bytes a0[0..3] read one by one, first byte most significant: the
 * same number in both byte orders. */
bytes4:
	lbu	$v0, 0($a0)
	lbu	$t0, 1($a0)
	sll	$v0, $v0, 8
	or	$v0, $v0, $t0
	lbu	$t0, 2($a0)
	sll	$v0, $v0, 8
	or	$v0, $v0, $t0
	lbu	$t0, 3($a0)
	sll	$v0, $v0, 8
	jr	$ra
	or	$v0, $v0, $t0

/* LWL/LWR at buf + k into a register holding 0xaabbccdd. */
.macro LWX op, k, want, msg
	la	$a0, buf
	jal	fill8
	nop
	li	$s1, 0xaabbccdd
	la	$a0, buf
	\op	$s1, \k($a0)
	CHECK	$s1, \want, "\msg"
.endm

/* SWL/SWR of 0x11223344 at buf + k; want is the bytes buf[0..3]. */
.macro SWX op, k, want, msg
	la	$a0, buf
	jal	fill8
	nop
	li	$s1, 0x11223344
	la	$a0, buf
	\op	$s1, \k($a0)
	jal	bytes4
	nop
	CHECK	$v0, \want, "\msg"
.endm

	.globl	test_main
test_main:
	move	$s7, $ra

	/* ---- loads: size and sign ---- */
	la	$a0, buf
	jal	fill8
	nop
	la	$s0, buf
	lb	$t2, 0($s0)
	CHECK	$t2, 0xffffff81, "lb sign-extends"
	lbu	$t2, 3($s0)
	CHECK	$t2, 0x84, "lbu zero-extends"
	lh	$t2, 2($s0)
	CHECK	$t2, BE_LE(0xffff8384, 0xffff8483), "lh sign-extends"
	lhu	$t2, 6($s0)
	CHECK	$t2, BE_LE(0x8788, 0x8887), "lhu zero-extends"
	lw	$t2, 4($s0)
	CHECK	$t2, BE_LE(0x85868788, 0x88878685), "lw"
	lw	$t2, -4+8($s0)
	CHECK	$t2, BE_LE(0x85868788, 0x88878685), "lw with an offset"
	/* kseg1 sees what kseg0 wrote: both are physical memory */
	li	$t0, 0x20000000
	or	$t0, $s0, $t0
	lw	$t2, 0($t0)
	CHECK	$t2, BE_LE(0x81828384, 0x84838281), "kseg1 alias of kseg0"

	/* ---- stores ---- */
	li	$t1, 0xa1b2c3d4
	sb	$t1, 1($s0)
	move	$a0, $s0
	jal	bytes4
	nop
	CHECK	$v0, 0x81d48384, "sb stores the low byte"
	sh	$t1, 2($s0)
	move	$a0, $s0
	jal	bytes4
	nop
	CHECK	$v0, BE_LE(0x81d4c3d4, 0x81d4d4c3), "sh stores the low half"
	sw	$t1, 0($s0)
	move	$a0, $s0
	jal	bytes4
	nop
	CHECK	$v0, BE_LE(0xa1b2c3d4, 0xd4c3b2a1), "sw"

	/* ---- LWL/LWR/SWL/SWR at each alignment ---- */
	LWX	lwl, 0, BE_LE(0x81828384, 0x81bbccdd), "lwl +0"
	LWX	lwl, 1, BE_LE(0x828384dd, 0x8281ccdd), "lwl +1"
	LWX	lwl, 2, BE_LE(0x8384ccdd, 0x838281dd), "lwl +2"
	LWX	lwl, 3, BE_LE(0x84bbccdd, 0x84838281), "lwl +3"
	LWX	lwr, 0, BE_LE(0xaabbcc81, 0x84838281), "lwr +0"
	LWX	lwr, 1, BE_LE(0xaabb8182, 0xaa848382), "lwr +1"
	LWX	lwr, 2, BE_LE(0xaa818283, 0xaabb8483), "lwr +2"
	LWX	lwr, 3, BE_LE(0x81828384, 0xaabbcc84), "lwr +3"
	SWX	swl, 0, BE_LE(0x11223344, 0x11828384), "swl +0"
	SWX	swl, 1, BE_LE(0x81112233, 0x22118384), "swl +1"
	SWX	swl, 2, BE_LE(0x81821122, 0x33221184), "swl +2"
	SWX	swl, 3, BE_LE(0x81828311, 0x44332211), "swl +3"
	SWX	swr, 0, BE_LE(0x44828384, 0x44332211), "swr +0"
	SWX	swr, 1, BE_LE(0x33448384, 0x81443322), "swr +1"
	SWX	swr, 2, BE_LE(0x22334484, 0x81824433), "swr +2"
	SWX	swr, 3, BE_LE(0x11223344, 0x81828344), "swr +3"
	/* the unaligned-word idiom (what gcc emits for a packed int) */
	la	$a0, buf
	jal	fill8
	nop
	la	$s0, buf
	ulw	$t2, 1($s0)
	CHECK	$t2, BE_LE(0x82838485, 0x85848382), "ulw at +1"
	li	$t1, 0x11223344
	usw	$t1, 3($s0)
	lbu	$t2, 3($s0)
	CHECK	$t2, BE_LE(0x11, 0x44), "usw at +3, first byte"
	lbu	$t2, 6($s0)
	CHECK	$t2, BE_LE(0x44, 0x11), "usw at +3, last byte"
	lbu	$t2, 7($s0)
	CHECK	$t2, 0x88, "usw leaves the next byte"

	/* ---- LL/SC ---- */
	la	$s0, word
	sw	$zero, 0($s0)
	ll	$t2, 0($s0)
	li	$t3, 0x1234
	sc	$t3, 0($s0)
	CHECK	$t3, 1, "sc after ll succeeds"
	lw	$t2, 0($s0)
	CHECK	$t2, 0x1234, "sc stored"
	mfc0	$t2, C0_LLADDR
	li	$t4, 0x1fffffff
	and	$t4, $s0, $t4
	srl	$t4, $t4, 4
	xor	$t2, $t2, $t4
	CHECK_PEER $t2, 0, "LLAddr = PA >> 4 (got the XOR)"
	/* an exception (and its eret) between LL and SC makes SC fail */
	EXC_CLEAR
	ll	$t2, 0($s0)
	syscall
	li	$t3, 0x5678
	sc	$t3, 0($s0)
	EXPECT_EXC EXC_SYS, "syscall between ll and sc"
	CHECK	$t3, 0, "sc after an exception fails"
	lw	$t2, 0($s0)
	CHECK	$t2, 0x1234, "a failed sc stores nothing"
	/* an eret alone, without an exception, clears LLbit too */
	ll	$t2, 0($s0)
	la	$t0, 1f
	mtc0	$t0, C0_EPC
	mfc0	$t0, C0_STATUS
	ori	$t0, $t0, ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	eret
	nop
1:	li	$t3, 0x9abc
	sc	$t3, 0($s0)
	CHECK	$t3, 0, "sc after an eret fails"
	mfc0	$t0, C0_STATUS
	CHECK	$t0, 0, "eret cleared EXL"

	/* ---- address errors: BadVAddr, EPC, no register written ---- */
	la	$s0, buf
	li	$t2, 0x5555
	EXC_CLEAR
adel_lw: lw	$t2, 1($s0)
	EXPECT_EXC EXC_ADEL, "lw at +1"
	CHECK	$t2, 0x5555, "lw AdEL writes nothing"
	EF_LOAD	$t3, EF_BADVADDR
	addiu	$t4, $s0, 1
	CHECKR	$t3, $t4, "lw AdEL BadVAddr"
	EF_LOAD	$t3, EF_EPC
	la	$t4, adel_lw
	CHECKR	$t3, $t4, "lw AdEL EPC"
	EXC_CLEAR
	lh	$t2, 3($s0)
	EXPECT_EXC EXC_ADEL, "lh at +3"
	EF_LOAD	$t3, EF_BADVADDR
	addiu	$t4, $s0, 3
	CHECKR	$t3, $t4, "lh AdEL BadVAddr"
	EXC_CLEAR
	lhu	$t2, 1($s0)
	EXPECT_EXC EXC_ADEL, "lhu at +1"
	VMMSIM_ONLY 1f, "ll at +2 (GXemul: TODO, stops)"
	EXC_CLEAR
	ll	$t2, 2($s0)
	EXPECT_EXC EXC_ADEL, "ll at +2"
1:
	CHECK	$t2, 0x5555, "lh/lhu/ll AdEL write nothing"
	la	$a0, buf
	jal	fill8
	nop
	li	$t1, 0x11223344
	EXC_CLEAR
	sw	$t1, 2($s0)
	EXPECT_EXC EXC_ADES, "sw at +2"
	EF_LOAD	$t3, EF_BADVADDR
	addiu	$t4, $s0, 2
	CHECKR	$t3, $t4, "sw AdES BadVAddr"
	EXC_CLEAR
	sh	$t1, 1($s0)
	EXPECT_EXC EXC_ADES, "sh at +1"
	VMMSIM_ONLY 1f, "sc at +1 (GXemul: TODO, stops)"
	EXC_CLEAR
	sc	$t1, 1($s0)
	EXPECT_EXC EXC_ADES, "sc at +1"
1:
	move	$a0, $s0
	jal	bytes4
	nop
	CHECK	$v0, 0x81828384, "a store with AdES stores nothing"

	/* ---- an unaligned jump target: AdEL on the fetch, EPC = BadVAddr =
	 * the target, the link written ---- */
	EXC_CLEAR
	EXC_RESUME uj_resume
	la	$t0, uj_tgt + 2
	li	$t5, 0
	jalr	$t5, $t0
	nop
uj_tgt:	nop
	nop
uj_resume:
	EF_LOAD	$t3, EF_COUNT
	CHECK_PEER $t3, 1, "jalr to an unaligned target raises an exception"
	EF_LOAD	$t3, EF_CAUSE
	andi	$t3, $t3, 0x7c
	CHECK_PEER $t3, EXC_ADEL << 2, "jalr to an unaligned target: AdEL"
	la	$t4, uj_tgt + 2
	EF_LOAD	$t3, EF_BADVADDR
	xor	$t3, $t3, $t4
	CHECK_PEER $t3, 0, "unaligned jump BadVAddr (got the XOR)"
	EF_LOAD	$t3, EF_EPC
	xor	$t3, $t3, $t4
	CHECK_PEER $t3, 0, "unaligned jump EPC is the target (got the XOR)"
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 31
	CHECK	$t3, 0, "unaligned jump: BD clear"
	la	$t9, exc_frame
	sw	$zero, EF_RESUME($t9)	/* unused if no exception came */
	la	$t4, uj_tgt	/* jalr's return address: after its delay slot */
	CHECKR	$t5, $t4, "jalr links before the fault"

	/* ---- bus error: a load and a store where nothing answers ---- */
	li	$s0, NO_MEMORY
	li	$t2, 0x5555
	EXC_CLEAR
dbe_lw:	lw	$t2, 0($s0)
	EF_LOAD	$t3, EF_COUNT
	CHECK_PEER $t3, 1, "load from no memory raises an exception"
	EF_LOAD	$t3, EF_CAUSE
	andi	$t3, $t3, 0x7c
	CHECK_PEER $t3, EXC_DBE << 2, "load from no memory: DBE"
	CHECK_PEER $t2, 0x5555, "DBE writes nothing"
	EF_LOAD	$t3, EF_EPC
	la	$t4, dbe_lw
	xor	$t3, $t3, $t4
	CHECK_PEER $t3, 0, "DBE EPC"
	EXC_CLEAR
	sw	$t2, 0($s0)
	EF_LOAD	$t3, EF_CAUSE
	andi	$t3, $t3, 0x7c
	CHECK_PEER $t3, EXC_DBE << 2, "store to no memory: DBE"

	jr	$s7
	nop

	.data
	.balign	8
buf:	.space	16
word:	.word	0

	.section .rodata
	.globl	test_name
test_name:	.asciz	"mem"
