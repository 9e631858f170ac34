/* Traps (register and immediate forms), syscall, break, reserved
 * instructions, coprocessor-unusable for CP1, ERET from ERL, and the
 * instructions that only order or hint (ehb, sync, pref, cache, synci),
 * di/ei and rdhwr in kernel mode.  User-mode CP0 rules are in cp0.S. */
#include "harness.h"

	.set	noreorder

/* TRAP insn, taken (0/1), "name": run one trap instruction; when taken
 * EPC must be the instruction and ExcCode Tr. */
.macro TRAP insn, args, taken, msg
	EXC_CLEAR
8005:	\insn	\args
	EF_LOAD	$t9, EF_COUNT
	CHECK	$t9, \taken, "\msg"
	.if	\taken
	EF_LOAD	$t9, EF_CAUSE
	andi	$t9, $t9, 0x7c
	CHECK	$t9, EXC_TR << 2, "\msg: ExcCode Tr"
	EF_LOAD	$t9, EF_EPC
	la	$t8, 8005b
	CHECKR	$t9, $t8, "\msg: EPC"
	.endif
.endm

	.text
	.globl	test_main
test_main:
	move	$s7, $ra
	li	$t0, -1
	li	$t1, 1
	li	$t2, 1

	/* ---- conditional traps ---- */
	TRAP	teq, "$t1, $t2", 1, "teq equal"
	TRAP	teq, "$t1, $t0", 0, "teq different"
	TRAP	tne, "$t1, $t0", 1, "tne different"
	TRAP	tne, "$t1, $t2", 0, "tne equal"
	TRAP	tge, "$t1, $t0", 1, "tge 1 >= -1"
	TRAP	tge, "$t0, $t1", 0, "tge -1 >= 1"
	TRAP	tgeu, "$t0, $t1", 1, "tgeu 0xffffffff >= 1"
	TRAP	tgeu, "$t1, $t0", 0, "tgeu 1 >= 0xffffffff"
	TRAP	tlt, "$t0, $t1", 1, "tlt -1 < 1"
	TRAP	tlt, "$t1, $t2", 0, "tlt 1 < 1"
	TRAP	tltu, "$t1, $t0", 1, "tltu 1 < 0xffffffff"
	TRAP	tltu, "$t0, $t1", 0, "tltu 0xffffffff < 1"
	li	$t3, 100
	TRAP	teqi, "$t3, 100", 1, "teqi equal"
	TRAP	teqi, "$t3, 25", 0, "teqi 100 vs 25"
	TRAP	tnei, "$t3, 25", 1, "tnei 100 vs 25"
	TRAP	tnei, "$t3, 100", 0, "tnei equal"
	TRAP	tgei, "$t3, 100", 1, "tgei 100 >= 100"
	TRAP	tgei, "$t3, 101", 0, "tgei 100 >= 101"
	TRAP	tgei, "$t0, -1", 1, "tgei -1 >= -1"
	TRAP	tgeiu, "$t3, 100", 1, "tgeiu 100 >= 100"
	TRAP	tgeiu, "$t3, -1", 0, "tgeiu 100 >= 0xffffffff"
	TRAP	tlti, "$t3, 101", 1, "tlti 100 < 101"
	TRAP	tlti, "$t3, 100", 0, "tlti 100 < 100"
	TRAP	tlti, "$t0, 0", 1, "tlti -1 < 0"
	TRAP	tltiu, "$t3, -1", 1, "tltiu 100 < 0xffffffff"
	TRAP	tltiu, "$t3, 26", 0, "tltiu 100 < 26"

	/* ---- syscall, break ---- */
	EXC_CLEAR
l_sys:	syscall	0x12345
	EXPECT_EXC EXC_SYS, "syscall"
	EF_LOAD	$t3, EF_EPC
	la	$t4, l_sys
	CHECKR	$t3, $t4, "syscall EPC"
	EF_LOAD	$t3, EF_STATUS
	andi	$t3, $t3, ST_EXL
	CHECK	$t3, ST_EXL, "the handler runs with EXL set"
	mfc0	$t3, C0_STATUS
	andi	$t3, $t3, ST_EXL
	CHECK	$t3, 0, "eret clears EXL"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x180, "syscall goes to the general vector"
	EXC_CLEAR
l_brk:	break	7
	EXPECT_EXC EXC_BP, "break"
	EF_LOAD	$t3, EF_EPC
	la	$t4, l_brk
	CHECKR	$t3, $t4, "break EPC"

	/* ---- reserved instructions ---- */
	VMMSIM_ONLY ri_done, "reserved instructions (GXemul stops on them)"
	EXC_CLEAR
	.word	0xec000000		/* opcode 0x3b: reserved in MIPS32 */
	EXPECT_EXC EXC_RI, "opcode 0x3b"
	EXC_CLEAR
	.word	0x00000005		/* SPECIAL funct 0x05: reserved */
	EXPECT_EXC EXC_RI, "SPECIAL funct 0x05"
	EXC_CLEAR
	.word	0x7000003e		/* SPECIAL2 funct 0x3e: reserved */
	EXPECT_EXC EXC_RI, "SPECIAL2 funct 0x3e"
	EXC_CLEAR
	.word	0x4200003f		/* COP0 CO funct 0x3f: reserved */
	EXPECT_EXC EXC_RI, "COP0 CO funct 0x3f"
ri_done:

	/* ---- coprocessor 1 unusable: CpU with Cause.CE = 1 ---- */
	EXC_CLEAR
	.word	0x44080000		/* mfc1 $t0, $f0 */
	EXPECT_EXC EXC_CPU, "mfc1"
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 28
	andi	$t3, $t3, 3
	CHECK	$t3, 1, "mfc1 CpU: Cause.CE = 1"
	EXC_CLEAR
	.word	0xc4000000		/* lwc1 $f0, 0($zero) */
	EXPECT_EXC EXC_CPU, "lwc1"
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 28
	andi	$t3, $t3, 3
	CHECK	$t3, 1, "lwc1 CpU: Cause.CE = 1"
	EXC_CLEAR
	.word	0x48080000		/* mfc2 $t0, $0 */
	EXPECT_EXC EXC_CPU, "mfc2"
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 28
	andi	$t3, $t3, 3
	CHECK	$t3, 2, "mfc2 CpU: Cause.CE = 2"
	/* CE of a later exception is 0 again */
	EXC_CLEAR
	syscall
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 28
	andi	$t3, $t3, 3
	CHECK	$t3, 0, "CE cleared by the next exception"

	/* ---- hints and barriers: no exception, no effect ---- */
	EXC_CLEAR
	la	$t0, buf
	ehb
	sync
	pref	0, 0($t0)
	pref	1, 4($t0)
	cache	0x14, 0($t0)		/* D-cache hit writeback invalidate */
	ssnop
	EXPECT_NO_EXC "ehb/sync/pref/cache"
	VMMSIM_ONLY 1f, "synci (GXemul stops on it)"
	synci	0($t0)
	EXPECT_NO_EXC "synci"
1:

	/* ---- di / ei ---- */
	mtc0	$zero, C0_STATUS	/* IM = 0: nothing can interrupt */
	ehb
	ei	$t3
	ehb
	CHECK	$t3, 0, "ei returns the old Status"
	mfc0	$t3, C0_STATUS
	CHECK	$t3, ST_IE, "ei sets IE"
	di	$t3
	ehb
	CHECK	$t3, ST_IE, "di returns the old Status"
	mfc0	$t3, C0_STATUS
	CHECK	$t3, 0, "di clears IE"

	/* ---- rdhwr in kernel mode: CPUNum, CC, CCRes ---- */
	EXC_CLEAR
	rdhwr	$t3, $0
	mfc0	$t4, $15, 1
	andi	$t4, $t4, 0x3ff
	xor	$t3, $t3, $t4
	CHECK_PEER $t3, 0, "rdhwr CPUNum = EBase.CPUNum (got the XOR)"
	rdhwr	$t3, $2
	mfc0	$t4, C0_COUNT
	subu	$t4, $t4, $t3
	sltiu	$t4, $t4, 100
	CHECK	$t4, 1, "rdhwr CC follows Count"
	EXPECT_NO_EXC "rdhwr 0, 2 in kernel mode"
	VMMSIM_ONLY 1f, "rdhwr $3 and $29 (GXemul stops on them)"
	rdhwr	$t3, $3
	sltu	$t3, $zero, $t3
	CHECK	$t3, 1, "rdhwr CCRes is not zero"
	EXPECT_NO_EXC "rdhwr 3 in kernel mode"
	EXC_CLEAR
	rdhwr	$t3, $29
	EXPECT_EXC EXC_RI, "rdhwr of an unimplemented register"
1:

	/* ---- eret with ERL: back to ErrorEPC, ERL cleared, EXL kept ---- */
	la	$t0, 1f
	mtc0	$t0, C0_ERROREPC
	la	$t0, 2f
	mtc0	$t0, C0_EPC
	li	$t0, ST_ERL | ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	eret
2:	CHECK	$zero, 1, "eret with ERL went to EPC"
1:	mfc0	$t3, C0_STATUS
	CHECK	$t3, ST_EXL, "eret with ERL clears only ERL"
	mtc0	$zero, C0_STATUS
	ehb

	jr	$s7
	nop

	.data
	.balign	4
buf:	.space	16

	.section .rodata
	.globl	test_name
test_name:	.asciz	"traps"
