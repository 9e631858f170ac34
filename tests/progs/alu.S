/* ALU, shifts, rotates, set-on-less-than, logical, overflow traps,
 * multiply/divide and HI/LO, count leading, conditional moves, and the
 * Release 2 bit-field instructions (MIPS32 Volume II). */
#include "harness.h"

	.set	noreorder
	.text
	.globl	test_main
test_main:
	move	$s7, $ra

	/* ---- add, subtract, logical ---- */
	li	$t0, 0x7ffffff0
	li	$t1, 0x20
	addu	$t2, $t0, $t1
	CHECK	$t2, 0x80000010, "addu wraps without trapping"
	subu	$t2, $t1, $t0
	CHECK	$t2, 0x80000030, "subu"
	addiu	$t2, $t1, -0x21
	CHECK	$t2, 0xffffffff, "addiu sign-extends its immediate"
	li	$t0, 0xf0f0a5a5
	li	$t1, 0x0ff05a5a
	and	$t2, $t0, $t1
	CHECK	$t2, 0x00f00000, "and"
	or	$t2, $t0, $t1
	CHECK	$t2, 0xfff0ffff, "or"
	xor	$t2, $t0, $t1
	CHECK	$t2, 0xff00ffff, "xor"
	nor	$t2, $t0, $t1
	CHECK	$t2, 0x000f0000, "nor"
	andi	$t2, $t0, 0x8001
	CHECK	$t2, 0x00008001, "andi zero-extends"
	ori	$t2, $zero, 0xffff
	CHECK	$t2, 0x0000ffff, "ori zero-extends"
	xori	$t2, $t0, 0xffff
	CHECK	$t2, 0xf0f05a5a, "xori zero-extends"
	lui	$t2, 0x8765
	CHECK	$t2, 0x87650000, "lui"
	addu	$zero, $t0, $t1
	CHECK	$zero, 0, "a write to $zero is discarded"

	/* ---- set on less than ---- */
	li	$t0, -1
	li	$t1, 1
	slt	$t2, $t0, $t1
	CHECK	$t2, 1, "slt signed"
	sltu	$t2, $t0, $t1
	CHECK	$t2, 0, "sltu unsigned"
	slti	$t2, $t0, 0
	CHECK	$t2, 1, "slti"
	sltiu	$t2, $t1, -1		/* the immediate is sign-extended, then unsigned */
	CHECK	$t2, 1, "sltiu compares with 0xffffffff"
	sltiu	$t2, $t0, 0x7fff
	CHECK	$t2, 0, "sltiu -1 < 0x7fff is false"

	/* ---- shifts and rotates ---- */
	li	$t0, 0x80000101
	sll	$t2, $t0, 4
	CHECK	$t2, 0x00001010, "sll"
	srl	$t2, $t0, 4
	CHECK	$t2, 0x08000010, "srl"
	sra	$t2, $t0, 4
	CHECK	$t2, 0xf8000010, "sra"
	li	$t1, 36			/* only the low five bits count */
	sllv	$t2, $t0, $t1
	CHECK	$t2, 0x00001010, "sllv uses rs[4:0]"
	srlv	$t2, $t0, $t1
	CHECK	$t2, 0x08000010, "srlv uses rs[4:0]"
	srav	$t2, $t0, $t1
	CHECK	$t2, 0xf8000010, "srav uses rs[4:0]"
	rotr	$t2, $t0, 4
	CHECK	$t2, 0x18000010, "rotr"
	rotr	$t2, $t0, 0
	CHECK	$t2, 0x80000101, "rotr by 0"
	rotrv	$t2, $t0, $t1
	CHECK	$t2, 0x18000010, "rotrv uses rs[4:0]"
	li	$t1, 32
	rotrv	$t2, $t0, $t1
	CHECK	$t2, 0x80000101, "rotrv by 32 is by 0"

	/* ---- overflow: Ov, EPC = the instruction, rd unchanged ---- */
	li	$t0, 0x7fffffff
	li	$t1, 1
	li	$t2, 0x5555
	EXC_CLEAR
ov_add:	add	$t2, $t0, $t1
	EXPECT_EXC EXC_OV, "add overflow"
	CHECK	$t2, 0x5555, "add overflow leaves rd unwritten"
	EF_LOAD	$t3, EF_EPC
	la	$t4, ov_add
	CHECKR	$t3, $t4, "add overflow EPC"
	EXC_CLEAR
	addi	$t2, $t0, 1
	EXPECT_EXC EXC_OV, "addi overflow"
	CHECK	$t2, 0x5555, "addi overflow leaves rt unwritten"
	li	$t0, 0x80000000
	EXC_CLEAR
	sub	$t2, $t0, $t1
	EXPECT_EXC EXC_OV, "sub overflow"
	CHECK	$t2, 0x5555, "sub overflow leaves rd unwritten"
	EXC_CLEAR
	addi	$t2, $t0, -1
	EXPECT_EXC EXC_OV, "addi negative overflow"
	CHECK	$t2, 0x5555, "addi negative overflow leaves rt unwritten"
	li	$t0, -5
	EXC_CLEAR
	add	$t2, $t0, $t0
	sub	$t3, $t0, $t1
	addi	$t4, $t0, -0x8000
	EXPECT_NO_EXC "add/sub/addi without overflow"
	CHECK	$t2, -10, "add"
	CHECK	$t3, -6, "sub"
	CHECK	$t4, -0x8005, "addi"

	/* ---- multiply ---- */
	li	$t0, -3
	li	$t1, 0x40000001
	mult	$t0, $t1
	mfhi	$t2
	mflo	$t3
	CHECK	$t2, 0xffffffff, "mult hi"
	CHECK	$t3, 0x3ffffffd, "mult lo"
	multu	$t0, $t1
	mfhi	$t2
	mflo	$t3
	CHECK	$t2, 0x40000000, "multu hi"
	CHECK	$t3, 0x3ffffffd, "multu lo"
	mul	$t2, $t0, $t1
	CHECK	$t2, 0x3ffffffd, "mul"
	li	$t4, 0x11111111
	mthi	$t4
	li	$t4, 0x22222222
	mtlo	$t4
	mfhi	$t2
	mflo	$t3
	CHECK	$t2, 0x11111111, "mthi/mfhi"
	CHECK	$t3, 0x22222222, "mtlo/mflo"
	li	$t0, 0x10000
	li	$t1, -0x10000
	madd	$t0, $t1		/* 0x11111111_22222222 - 2^32 */
	mfhi	$t2
	mflo	$t3
	CHECK	$t2, 0x11111110, "madd hi"
	CHECK	$t3, 0x22222222, "madd lo"
	maddu	$t0, $t1		/* + 0xffff0000 << 16 = 0xffff_00000000 */
	mfhi	$t2
	mflo	$t3
	CHECK	$t2, 0x1112110f, "maddu hi"
	CHECK	$t3, 0x22222222, "maddu lo"
	msub	$t0, $t1		/* + 2^32 */
	mfhi	$t2
	mflo	$t3
	CHECK	$t2, 0x11121110, "msub hi"
	CHECK	$t3, 0x22222222, "msub lo"
	msubu	$t0, $t1		/* - 0xffff_00000000 */
	mfhi	$t2
	mflo	$t3
	CHECK	$t2, 0x11111111, "msubu hi"
	CHECK	$t3, 0x22222222, "msubu lo"

	/* ---- divide: truncation toward zero, remainder takes the dividend's sign ---- */
	li	$t0, -7
	li	$t1, 2
	div	$zero, $t0, $t1
	mflo	$t2
	mfhi	$t3
	CHECK	$t2, -3, "div quotient truncates"
	CHECK	$t3, -1, "div remainder sign"
	divu	$zero, $t0, $t1
	mflo	$t2
	mfhi	$t3
	CHECK	$t2, 0x7ffffffc, "divu quotient"
	CHECK	$t3, 1, "divu remainder"
	li	$t0, 0x80000000
	li	$t1, -1
	div	$zero, $t0, $t1		/* no exception; the quotient wraps */
	mflo	$t2
	mfhi	$t3
	CHECK_PEER $t2, 0x80000000, "div INT_MIN/-1 quotient"
	CHECK_PEER $t3, 0, "div INT_MIN/-1 remainder"

	/* ---- count leading zeros / ones ---- */
	li	$t0, 0x00010000
	clz	$t2, $t0
	CHECK	$t2, 15, "clz"
	clz	$t2, $zero
	CHECK	$t2, 32, "clz of 0"
	li	$t0, 0xfff0ffff
	clo	$t2, $t0
	CHECK	$t2, 12, "clo"
	li	$t0, -1
	clo	$t2, $t0
	CHECK	$t2, 32, "clo of -1"

	/* ---- conditional moves ---- */
	li	$t0, 0xaaaa
	li	$t2, 0x1234
	movz	$t2, $t0, $zero
	CHECK	$t2, 0xaaaa, "movz moves when rt == 0"
	li	$t2, 0x1234
	movz	$t2, $t0, $t0
	CHECK	$t2, 0x1234, "movz keeps when rt != 0"
	movn	$t2, $t0, $t0
	CHECK	$t2, 0xaaaa, "movn moves when rt != 0"
	li	$t2, 0x1234
	movn	$t2, $t0, $zero
	CHECK	$t2, 0x1234, "movn keeps when rt == 0"

	/* ---- Release 2 bit fields and byte swaps ---- */
	li	$t0, 0x12345678
	ext	$t2, $t0, 4, 12
	CHECK	$t2, 0x567, "ext"
	ext	$t2, $t0, 0, 32
	CHECK	$t2, 0x12345678, "ext of the whole word"
	ext	$t2, $t0, 31, 1
	CHECK	$t2, 0, "ext of bit 31"
	li	$t2, 0xffffffff
	ins	$t2, $t0, 8, 8
	CHECK	$t2, 0xffff78ff, "ins"
	li	$t2, 0xffffffff
	ins	$t2, $t0, 0, 32
	CHECK	$t2, 0x12345678, "ins of the whole word"
	li	$t2, 0
	ins	$t2, $t0, 31, 1
	CHECK	$t2, 0, "ins of bit 31 from an even value"
	wsbh	$t2, $t0
	CHECK	$t2, 0x34127856, "wsbh"
	li	$t0, 0x00000180
	seb	$t2, $t0
	CHECK	$t2, 0xffffff80, "seb"
	li	$t0, 0xffff7000
	seh	$t2, $t0
	CHECK	$t2, 0x7000, "seh ignores bits 31..16"
	li	$t0, 0x0001f000
	seh	$t2, $t0
	CHECK	$t2, 0xfffff000, "seh"

	jr	$s7
	nop

	.section .rodata
	.globl	test_name
test_name:	.asciz	"alu"
