/* CP0: the Count/Compare timer interrupt (taken, masked by IM, IE and EXL,
 * waking WAIT), EBase moving the vectors, Random and Wired, EXL and ERL,
 * and the Status mode bits: user and supervisor mode entered through eret,
 * their segment rules (REFERENCE.md section 1), coprocessor 0 unusable
 * outside kernel mode unless CU0, and RDHWR under HWREna. */
#include "harness.h"

	.set	noreorder

#define UVA 0x00400000 /* user code (even page) and data (odd page) */
#define SVA 0xc0000000 /* ksseg: the same data page */
#define K3VA 0xe0000000 /* kseg3: the same data page */

/* USER_RUN label, status: run the code at label's user address (UVA +
 * its offset in user_page) with Status = status | EXL, through eret; the
 * first exception comes back here, in kernel mode. */
.macro USER_RUN label, status
	EXC_CLEAR
	EXC_RESUME 8006f
	la	$t0, \label
	la	$t1, user_page
	subu	$t0, $t0, $t1
	li	$t1, UVA
	addu	$t0, $t0, $t1
	mtc0	$t0, C0_EPC
	li	$t0, (\status) | ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	eret
8006:
.endm

/* The first exception of the run was code, at user label + off
 * (clobbers $t6, $t7).  peer=1: a peer is known to differ (CHECK_PEER). */
.macro USER_EXC code, label, off, msg, peer=0
	.if	\peer
	EXPECT_EXC_PEER \code, "\msg"
	.else
	EXPECT_EXC \code, "\msg"
	.endif
	la	$t6, \label
	la	$t7, user_page
	subu	$t6, $t6, $t7
	li	$t7, UVA + \off
	addu	$t6, $t6, $t7
	EF_LOAD	$t7, EF_EPC
	xor	$t7, $t7, $t6
	.if	\peer
	CHECK_PEER $t7, 0, "\msg: EPC (got the XOR)"
	.else
	CHECK	$t7, 0, "\msg: EPC (got the XOR)"
	.endif
.endm

	.text
	.globl	test_main
test_main:
	move	$s7, $ra

	/* ---- the timer: Count reaching Compare raises IP7 ---- */
	mfc0	$t0, C0_COUNT
	li	$t1, 0
	li	$t2, 10000
1:	addiu	$t2, $t2, -1		/* Count moves on its own */
	bnez	$t2, 1b
	nop
	mfc0	$t1, C0_COUNT
	subu	$t1, $t1, $t0
	sltu	$t1, $zero, $t1
	CHECK	$t1, 1, "Count advances"

	EXC_CLEAR
	mfc0	$t0, C0_COUNT
	addiu	$t0, $t0, 500
	mtc0	$t0, C0_COMPARE
	li	$t0, ST_IE | ST_IM7
	mtc0	$t0, C0_STATUS
	ehb
	li	$t2, 1000000
1:	EF_LOAD	$t3, EF_COUNT
	bnez	$t3, 2f
	addiu	$t2, $t2, -1
	bnez	$t2, 1b
	nop
2:	EXPECT_EXC EXC_INT, "timer interrupt with IE and IM7"
	EF_LOAD	$t3, EF_CAUSE
	andi	$t3, $t3, CAUSE_IP7
	CHECK	$t3, CAUSE_IP7, "timer interrupt: Cause.IP7"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x180, "interrupt at the general vector"
	mfc0	$t3, C0_CAUSE
	andi	$t3, $t3, CAUSE_IP7
	CHECK	$t3, CAUSE_IP7, "IP7 stays until Compare is written"
	mfc0	$t0, C0_COMPARE
	mtc0	$t0, C0_COMPARE
	ehb
	mfc0	$t3, C0_CAUSE
	andi	$t3, $t3, CAUSE_IP7
	CHECK	$t3, 0, "writing Compare clears IP7"

	/* masked by IM7: IP7 rises, nothing is taken; unmasking takes it */
	EXC_CLEAR
	mfc0	$t0, C0_COUNT
	addiu	$t0, $t0, 500
	mtc0	$t0, C0_COMPARE
	li	$t0, ST_IE
	mtc0	$t0, C0_STATUS
	ehb
	li	$t2, 1000000
1:	mfc0	$t3, C0_CAUSE
	andi	$t3, $t3, CAUSE_IP7
	bnez	$t3, 2f
	addiu	$t2, $t2, -1
	bnez	$t2, 1b
	nop
2:	CHECK	$t3, CAUSE_IP7, "IP7 rises while masked"
	EXPECT_NO_EXC "IM7 clear masks the timer"
	/* EXL masks it too */
	li	$t0, ST_IE | ST_IM7 | ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	nop
	nop
	b	1f
	nop
1:	EXPECT_NO_EXC "EXL masks interrupts"
	li	$t0, ST_IM7			/* and IE clear */
	mtc0	$t0, C0_STATUS
	ehb
	b	1f
	nop
1:	EXPECT_NO_EXC "IE clear masks interrupts"
	li	$t0, ST_IE | ST_IM7
	mtc0	$t0, C0_STATUS
	ehb
	nop
	b	1f
	nop
1:	EXPECT_EXC EXC_INT, "unmasking a pending IP7"
	mfc0	$t0, C0_COMPARE
	mtc0	$t0, C0_COMPARE

	/* software interrupts: Cause.IP0 written by the kernel */
	VMMSIM_ONLY swint_done, "software interrupts (GXemul does not deliver them)"
	EXC_CLEAR
	li	$t0, ST_IE | 0x100		/* IM0 */
	mtc0	$t0, C0_STATUS
	li	$t0, 0x100			/* IP0 */
	mtc0	$t0, C0_CAUSE
	ehb
	nop
	b	1f
	nop
1:	EXPECT_EXC EXC_INT, "software interrupt IP0"
	EF_LOAD	$t3, EF_CAUSE
	andi	$t3, $t3, 0x300
	CHECK	$t3, 0x100, "software interrupt: Cause.IP0"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x180, "Cause.IV clear: interrupt at +0x180"
	mfc0	$t3, C0_CAUSE
	andi	$t3, $t3, 0x100
	CHECK	$t3, 0x100, "IP0 stays set until written"
	/* Cause.IV: the special interrupt vector, +0x200 */
	EXC_CLEAR
	li	$t0, 0x00800100			/* IV, IP0 */
	mtc0	$t0, C0_CAUSE
	li	$t0, ST_IE | 0x100
	mtc0	$t0, C0_STATUS
	ehb
	nop
	b	1f
	nop
1:	EXPECT_EXC EXC_INT, "software interrupt with Cause.IV"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x200, "Cause.IV set: interrupt at +0x200"
	mtc0	$zero, C0_CAUSE
	mtc0	$zero, C0_STATUS
	ehb
	mfc0	$t3, C0_CAUSE
	andi	$t3, $t3, 0x300
	CHECK	$t3, 0, "IP1..IP0 cleared by a write"
swint_done:

	/* WAIT sleeps until the interrupt */
	EXC_CLEAR
	mfc0	$t0, C0_COUNT
	addiu	$t0, $t0, 2000
	mtc0	$t0, C0_COMPARE
	li	$t0, ST_IE | ST_IM7
	mtc0	$t0, C0_STATUS
	ehb
l_wait:	wait
	EXPECT_EXC EXC_INT, "wait ends with the timer interrupt"
	EF_LOAD	$t3, EF_EPC
	la	$t4, l_wait
	subu	$t3, $t3, $t4
	sltiu	$t3, $t3, 8		/* the wait or the one after it */
	CHECK	$t3, 1, "wait: EPC"
	mfc0	$t0, C0_COMPARE
	mtc0	$t0, C0_COMPARE
	mtc0	$zero, C0_STATUS
	ehb

	/* ---- EBase moves the vectors ---- */
	mfc0	$t3, $15, 1
	li	$t4, 0xfffffc00
	and	$t3, $t3, $t4
	CHECK_PEER $t3, 0x80000000, "EBase after reset"
	VMMSIM_ONLY ebase_done, "EBase (GXemul does not implement it)"
	la	$a0, ebase_area
	jal	install_vectors
	li	$a1, 0x1000
	la	$t0, ebase_area
	mtc0	$t0, $15, 1
	ehb
	mfc0	$t3, $15, 1
	CHECKR	$t3, $t0, "EBase reads back"
	EXC_CLEAR
	syscall
	EXPECT_EXC EXC_SYS, "syscall with EBase moved"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x1180, "general vector at EBase + 0x180"
	EXC_CLEAR
	EXC_RESUME 1f
	lw	$t3, 0x100($zero)	/* kuseg, no TLB entry: refill */
1:	EXPECT_EXC EXC_TLBL, "refill with EBase moved"
	EF_LOAD	$t3, EF_VEC
	CHECK	$t3, 0x1000, "refill vector at EBase + 0x000"
	li	$t0, -1
	mtc0	$t0, $15, 1
	ehb
	mfc0	$t3, $15, 1
	CHECK	$t3, 0xbffff000, "EBase: bits 31..30 and CPUNum read-only"
	li	$t0, 0x80000000
	mtc0	$t0, $15, 1
	ehb
ebase_done:

	/* ---- Random within [Wired, N-1], decrementing; Wired ---- */
	jal	tlb_entries
	nop
	move	$s0, $v0			/* N */
	addiu	$s1, $s0, -1			/* N-1 */
	move	$s2, $zero			/* Wired */
	jal	random_sweep
	nop
	li	$s2, 3
	mtc0	$s2, C0_WIRED
	ehb
	mfc0	$t3, C0_RANDOM
	subu	$t3, $s1, $t3
	sltiu	$t3, $t3, 4
	CHECK_PEER $t3, 1, "Random starts near N-1 after a write to Wired"
	mfc0	$t3, C0_WIRED
	CHECK	$t3, 3, "Wired reads back"
	jal	random_sweep
	nop
	mtc0	$zero, C0_WIRED
	ehb

	/* ---- EXL: a nested exception keeps EPC and BD ---- */
	li	$t0, 0x12345678
	mtc0	$t0, C0_EPC
	li	$t0, ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	EXC_CLEAR
	EXC_RESUME 1f
	syscall
1:	EXPECT_EXC EXC_SYS, "syscall with EXL set"
	EF_LOAD	$t3, EF_EPC
	CHECK	$t3, 0x12345678, "exception with EXL set keeps EPC"
	/* ERL: kuseg is unmapped, VA = PA */
	la	$t0, erl_word
	li	$t1, 0x1fffffff
	and	$s0, $t0, $t1
	li	$t1, 0x600df00d
	sw	$t1, 0($t0)
	li	$t0, ST_ERL
	mtc0	$t0, C0_STATUS
	ehb
	EXC_CLEAR
	lw	$t3, 0($s0)
	mtc0	$zero, C0_STATUS
	ehb
	EXPECT_NO_EXC "kuseg load with ERL"
	CHECK	$t3, 0x600df00d, "ERL makes kuseg unmapped"

	/* ---- user and supervisor mode ---- */
	la	$t0, user_page
	li	$t1, 0x1fffffff
	and	$s5, $t0, $t1			/* PA of the user code page */
	la	$s1, user_data			/* its kseg0 address */
	and	$s6, $s1, $t1			/* PA of the data page */
	li	$t0, 0xa5a5a5a5
	sw	$t0, 0($s1)
	srl	$t0, $s5, 12
	sll	$t0, $t0, 6
	ori	$a2, $t0, (3 << 3) | LO_V | LO_G	/* code: clean */
	srl	$t0, $s6, 12
	sll	$t0, $t0, 6
	ori	$a3, $t0, (3 << 3) | LO_V | LO_D | LO_G
	li	$v1, PM_4K
	li	$a0, 0
	jal	tlb_set
	li	$a1, UVA
	move	$a2, $a3
	li	$a0, 1
	jal	tlb_set
	li	$a1, SVA
	li	$a0, 2
	jal	tlb_set
	li	$a1, K3VA
	li	$s0, UVA
	li	$s2, SVA
	li	$s3, K3VA

	/* user mode */
	li	$t3, 0
	USER_RUN u_lw_data, ST_KSU_USER
	USER_EXC EXC_SYS, u_lw_data, 4, "user load from kuseg"
	CHECK	$t3, 0xa5a5a5a5, "user load from kuseg reads the data page"
	li	$t4, 0x5a5a1234
	USER_RUN u_sw_data, ST_KSU_USER
	USER_EXC EXC_SYS, u_sw_data, 8, "user store to kuseg"
	CHECK	$t3, 0x5a5a1234, "user store then load"
	lw	$t3, 4($s1)
	CHECK	$t3, 0x5a5a1234, "user store seen through kseg0"
	USER_RUN u_kseg0, ST_KSU_USER
	USER_EXC EXC_ADEL, u_kseg0, 0, "user load from kseg0", 1
	EF_LOAD	$t3, EF_BADVADDR
	xor	$t3, $t3, $s1
	CHECK_PEER $t3, 0, "user load from kseg0: BadVAddr (got the XOR)"
	USER_RUN u_ksseg, ST_KSU_USER
	USER_EXC EXC_ADEL, u_ksseg, 0, "user load from ksseg", 1
	EF_LOAD	$t3, EF_BADVADDR
	CHECK_PEER $t3, SVA, "user load from ksseg: BadVAddr"
	USER_RUN u_kseg3, ST_KSU_USER
	USER_EXC EXC_ADEL, u_kseg3, 0, "user load from kseg3", 1
	EF_LOAD	$t3, EF_STATUS
	andi	$t3, $t3, ST_KSU_USER | ST_KSU_SUPER | ST_EXL
	CHECK	$t3, ST_KSU_USER | ST_EXL, "exception from user mode: KSU kept, EXL set"
	USER_RUN u_mfc0, ST_KSU_USER
	USER_EXC EXC_CPU, u_mfc0, 0, "user mfc0", 1
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 28
	andi	$t3, $t3, 3
	CHECK_PEER $t3, 0, "user mfc0: Cause.CE = 0"
	USER_RUN u_mfc0, ST_KSU_USER | ST_CU0
	USER_EXC EXC_SYS, u_mfc0, 4, "user mfc0 with CU0"
	CHECK	$t3, ST_KSU_USER | ST_CU0, "user mfc0 with CU0 reads Status"
	USER_RUN u_cache, ST_KSU_USER
	USER_EXC EXC_CPU, u_cache, 0, "user cache", 1
	USER_RUN u_eret, ST_KSU_USER
	USER_EXC EXC_CPU, u_eret, 0, "user eret", 1
	USER_RUN u_tlbwi, ST_KSU_USER
	USER_EXC EXC_CPU, u_tlbwi, 0, "user tlbwi", 1
	VMMSIM_ONLY 1f, "user rdhwr under HWREna (GXemul stops on it)"
	mtc0	$zero, C0_HWRENA
	USER_RUN u_rdhwr, ST_KSU_USER
	USER_EXC EXC_RI, u_rdhwr, 0, "user rdhwr CC with HWREna.CC clear"
	li	$t0, 4
	mtc0	$t0, C0_HWRENA
	USER_RUN u_rdhwr, ST_KSU_USER
	USER_EXC EXC_SYS, u_rdhwr, 4, "user rdhwr CC with HWREna.CC set"
	mtc0	$zero, C0_HWRENA
1:	/* a fetch from kseg0 in user mode */
	EXC_CLEAR
	EXC_RESUME 1f
	la	$t0, k_fetch
	mtc0	$t0, C0_EPC
	li	$t0, ST_KSU_USER | ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	eret
1:	EXPECT_EXC EXC_ADEL, "user fetch from kseg0"
	la	$t4, k_fetch
	EF_LOAD	$t3, EF_EPC
	CHECKR	$t3, $t4, "user fetch from kseg0: EPC"
	EF_LOAD	$t3, EF_BADVADDR
	CHECKR	$t3, $t4, "user fetch from kseg0: BadVAddr"

	/* supervisor mode: kuseg and ksseg, nothing else */
	VMMSIM_ONLY super_done, "supervisor mode (GXemul: not implemented, stops)"
	USER_RUN u_lw_data, ST_KSU_SUPER
	USER_EXC EXC_SYS, u_lw_data, 4, "supervisor load from kuseg"
	li	$t3, 0
	USER_RUN u_ksseg, ST_KSU_SUPER
	USER_EXC EXC_SYS, u_ksseg, 4, "supervisor load from ksseg"
	CHECK	$t3, 0xa5a5a5a5, "supervisor load from ksseg reads the data"
	USER_RUN u_kseg3, ST_KSU_SUPER
	USER_EXC EXC_ADEL, u_kseg3, 0, "supervisor load from kseg3"
	EF_LOAD	$t3, EF_BADVADDR
	CHECK	$t3, K3VA, "supervisor load from kseg3: BadVAddr"
	USER_RUN u_kseg0, ST_KSU_SUPER
	USER_EXC EXC_ADEL, u_kseg0, 0, "supervisor load from kseg0"
	USER_RUN u_mfc0, ST_KSU_SUPER
	USER_EXC EXC_CPU, u_mfc0, 0, "supervisor mfc0"
super_done:
	/* kernel mode reaches kseg3 */
	EXC_CLEAR
	lw	$t3, 0($s3)
	EXPECT_NO_EXC "kernel load from kseg3"
	CHECK	$t3, 0xa5a5a5a5, "kernel load from kseg3 reads the data"
	/* EXL alone makes kernel mode, whatever KSU says */
	li	$t0, ST_KSU_USER | ST_EXL
	mtc0	$t0, C0_STATUS
	ehb
	lw	$t3, 0($s1)			/* kseg0 */
	mtc0	$zero, C0_STATUS
	ehb
	EXPECT_NO_EXC "kseg0 load with KSU=user and EXL"

	mtc0	$zero, C0_STATUS
	jal	tlb_clear
	nop
	jr	$s7
	nop

/* random_sweep(): $s2 = Wired, $s1 = N-1.  Random stays in [Wired, N-1];
 * on vmmsim (REFERENCE.md) it decrements once per instruction and wraps
 * from Wired to N-1. */
random_sweep:
	move	$s4, $ra
	mfc0	$t0, C0_PRID
	li	$t1, VMMSIM_PRID
	xor	$s3, $t0, $t1			/* 0: check the decrement */
	li	$t6, 300
1:	mfc0	$t3, C0_RANDOM
	mfc0	$t4, C0_RANDOM
	sltu	$t5, $t3, $s2
	CHECK	$t5, 0, "Random >= Wired"
	sltu	$t5, $s1, $t3
	CHECK	$t5, 0, "Random <= N-1"
	bnez	$s3, 3f
	addiu	$t5, $t3, -1
	bne	$t3, $s2, 2f
	nop
	move	$t5, $s1
2:	CHECKR	$t4, $t5, "Random decrements and wraps to N-1"
3:	addiu	$t6, $t6, -1
	bnez	$t6, 1b
	nop
	jr	$s4
	nop

/* user_page: the code user and supervisor mode run, mapped at UVA;
 * its odd neighbour UVA + 0x1000 maps user_data. */
	.balign	4096
user_page:
u_lw_data:
	lw	$t3, 0x1000($s0)
	syscall
u_sw_data:
	sw	$t4, 0x1004($s0)
	lw	$t3, 0x1004($s0)
	syscall
u_kseg0:
	lw	$t3, 0($s1)
	syscall
u_ksseg:
	lw	$t3, 0($s2)
	syscall
u_kseg3:
	lw	$t3, 0($s3)
	syscall
u_mfc0:
	mfc0	$t3, C0_STATUS
	syscall
u_cache:
	cache	0x14, 0($s0)
	syscall
u_eret:
	eret
	syscall
u_tlbwi:
	tlbwi
	syscall
u_rdhwr:
	rdhwr	$t3, $2
	syscall
	.balign	4096
k_fetch:
	syscall

	.data
	.balign	4
erl_word:	.word	0
	.balign	4096
user_data:	.space	4096
	.bss
	.balign	4096
ebase_area:	.space	4096

	.section .rodata
	.globl	test_name
test_name:	.asciz	"cp0"
