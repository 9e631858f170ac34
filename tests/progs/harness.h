/* The shared harness of the conformance programs (tests/progs/README.md).
 *
 * Each program is one .S file that defines test_main (called with jal, in
 * kernel mode, with the exception handler installed at EBase 0x80000000)
 * and the string test_name.  harness.S prints "PASS <name>" when test_main
 * returns; a failed CHECK prints "FAIL <name>: <message> got ... want ..."
 * and halts with exit status 1.
 *
 * Registers: $t8, $t9, $k0, $k1 (and $a0..$a2 when a check fails) belong to the harness (CHECK and the
 * exception handler clobber them); everything else is the test's.
 *
 * The exception handler records each exception in exc_frame (EF_* below)
 * and returns: to EF_RESUME in kernel mode (KSU cleared) when the test set
 * it (it is then cleared), after an interrupt to EPC with Status.IE cleared,
 * otherwise to EPC + 4.  EF_HOOK, when set, is jumped to instead, with $k0
 * = exc_frame and $t0/$t1 saved in EF_T0/EF_T1 (the hook restores them and
 * erets itself, or jumps to exc_return_default).
 *
 * harness.S also gives putc/puts/puthex (console), tlb_entries (N from
 * Config1), tlb_set (one entry by tlbwi) and tlb_clear (all entries
 * invalid, Wired 0); they clobber $t0..$t3, $a0 and $v0.
 */
#ifndef VMMSIM_TESTS_PROGS_HARNESS_H
#define VMMSIM_TESTS_PROGS_HARNESS_H

#include "sim/mmio_map.h"

/* CP0 registers by name (REFERENCE.md section 1) */
#define C0_INDEX $0
#define C0_RANDOM $1
#define C0_ENTRYLO0 $2
#define C0_ENTRYLO1 $3
#define C0_CONTEXT $4
#define C0_PAGEMASK $5
#define C0_WIRED $6
#define C0_HWRENA $7
#define C0_BADVADDR $8
#define C0_COUNT $9
#define C0_ENTRYHI $10
#define C0_COMPARE $11
#define C0_STATUS $12
#define C0_CAUSE $13
#define C0_EPC $14
#define C0_PRID $15
#define C0_CONFIG $16
#define C0_LLADDR $17
#define C0_ERROREPC $30

/* vmmsim's PRId (src/sim/cp0.h): CHECK_PEER is strict there */
#define VMMSIM_PRID 0x00000430

#define ST_IE 0x1
#define ST_EXL 0x2
#define ST_ERL 0x4
#define ST_KSU_SUPER 0x08
#define ST_KSU_USER 0x10
#define ST_IM7 0x8000
#define ST_BEV 0x00400000
#define ST_CU0 0x10000000
#define ST_CU1 0x20000000
#define CAUSE_BD 0x80000000
#define CAUSE_IP7 0x8000

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

/* exc_frame fields (byte offsets) */
#define EF_COUNT 0    /* exceptions taken since the last EXC_CLEAR */
#define EF_VEC 4      /* vector offset the last one came through (+ install tag) */
#define EF_CAUSE 8
#define EF_EPC 12
#define EF_BADVADDR 16
#define EF_STATUS 20
#define EF_CONTEXT 24
#define EF_ENTRYHI 28
#define EF_RESUME 32
#define EF_HOOK 36
#define EF_T0 40
#define EF_T1 44
#define EF_SIZE 48

/* EntryLo: PFN << 6 | C << 3 | D | V | G, with C = 3 (cacheable) */
#define LO(pa, flags) ((((pa) >> 12) << 6) | (3 << 3) | (flags))
#define LO_G 1
#define LO_V 2
#define LO_D 4
#define PM_4K 0x00000000
#define PM_16K 0x00006000
#define PM_64K 0x0001e000
#define PM_256K 0x0007e000
#define PM_1M 0x001fe000
#define PM_4M 0x007fe000
#define PM_16M 0x01ffe000

#ifdef __ASSEMBLER__
/* clang-format off */

/* CHECK reg, value, "message": fail unless reg == the 32-bit value. */
.macro CHECK reg, want, msg
	li	$t8, \want
	CHECKR	\reg, $t8, "\msg"
.endm

/* CHECKR reg, wantreg, "message": fail unless reg == wantreg. */
.macro CHECKR reg, wantreg, msg
	.set	push
	.set	noreorder
	beq	\reg, \wantreg, 8001f
	move	$t9, \reg
	move	$a2, \wantreg
	move	$a1, $t9
	la	$a0, 8002f
	j	check_failed
	nop
	.pushsection .rodata
8002:	.asciz	"\msg"
	.popsection
8001:
	.set	pop
.endm

/* CHECK_PEER reg, value, "message": as CHECK, for behaviour the manual
 * defines but a peer emulator is known to get wrong.  Under vmmsim (PRId
 * 0x430) a mismatch fails; elsewhere it prints "DIFF <name>: <message> got
 * ... want ..." and goes on, so that tests/diff-gxemul.sh can list the
 * disagreements and still compare the rest.  Clobbers $ra. */
.macro CHECK_PEER reg, want, msg
	.set	push
	.set	noreorder
	li	$t8, \want
	beq	\reg, $t8, 8001f
	move	$t9, \reg
	move	$a2, $t8
	move	$a1, $t9
	la	$a0, 8002f
	jal	check_peer_failed
	nop
	.pushsection .rodata
8002:	.asciz	"\msg"
	.popsection
8001:
	.set	pop
.endm

/* VMMSIM_ONLY label, "what": skip to label, printing "SKIP <name>: what",
 * unless running on vmmsim: for behaviour a peer emulator does not
 * implement at all (it would stop there).  Clobbers $ra. */
.macro VMMSIM_ONLY label, msg
	.set	push
	.set	noreorder
	mfc0	$t9, C0_PRID
	li	$t8, VMMSIM_PRID
	beq	$t9, $t8, 8001f
	nop
	la	$a0, 8002f
	jal	peer_skip
	nop
	b	\label
	nop
	.pushsection .rodata
8002:	.asciz	"\msg"
	.popsection
8001:
	.set	pop
.endm

/* EF_LOAD reg, EF_FIELD: read a field of the exception frame. */
.macro EF_LOAD reg, field
	la	$t9, exc_frame
	lw	\reg, \field($t9)
.endm

/* Forget the exceptions taken so far. */
.macro EXC_CLEAR
	la	$t9, exc_frame
	sw	$zero, EF_COUNT($t9)
.endm

/* The next exception returns, in kernel mode, to label. */
.macro EXC_RESUME label
	la	$t8, \label
	la	$t9, exc_frame
	sw	$t8, EF_RESUME($t9)
.endm

/* Exactly one exception since EXC_CLEAR, with ExcCode code. */
.macro EXPECT_EXC code, msg
	EF_LOAD	$t9, EF_COUNT
	CHECK	$t9, 1, "\msg: one exception"
	EF_LOAD	$t9, EF_CAUSE
	andi	$t9, $t9, 0x7c
	CHECK	$t9, (\code << 2), "\msg: ExcCode"
.endm

/* EXPECT_EXC for behaviour a peer is known to get wrong (CHECK_PEER). */
.macro EXPECT_EXC_PEER code, msg
	EF_LOAD	$t9, EF_COUNT
	CHECK_PEER $t9, 1, "\msg: one exception"
	EF_LOAD	$t9, EF_CAUSE
	andi	$t9, $t9, 0x7c
	CHECK_PEER $t9, (\code << 2), "\msg: ExcCode"
.endm

/* No exception since EXC_CLEAR. */
.macro EXPECT_NO_EXC msg
	EF_LOAD	$t9, EF_COUNT
	CHECK	$t9, 0, "\msg: no exception"
.endm

/* clang-format on */
#endif

#endif
