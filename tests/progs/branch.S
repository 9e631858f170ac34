/* Every branch and jump with its delay slot: taken and not taken, the
 * branch-likely forms nullifying their slot, links, a branch whose target
 * is the instruction after its delay slot (or the slot itself), branches
 * at the last word of a 4 KiB page (the delay slot on the next page), and
 * exceptions in a delay slot (EPC = the branch, Cause.BD set). */
#include "harness.h"

	.set	noreorder

/* COND op, regs, taken(0/1), "name": run one conditional branch; its delay
 * slot adds 1 to $s1, the fall-through path adds 0x10, the target 0x100. */
.macro COND op, args, taken, msg
	li	$s1, 0
	\op	\args, 8003f
	addiu	$s1, $s1, 1
	b	8004f
	addiu	$s1, $s1, 0x10
8003:	addiu	$s1, $s1, 0x100
8004:	CHECK	$s1, (0x11 + \taken * 0xf0), "\msg"
.endm

/* LIKELY op, regs, taken, "name": as COND; a not-taken slot never runs. */
.macro LIKELY op, args, taken, msg
	li	$s1, 0
	\op	\args, 8003f
	addiu	$s1, $s1, 1
	b	8004f
	addiu	$s1, $s1, 0x10
8003:	addiu	$s1, $s1, 0x100
8004:	CHECK	$s1, (0x10 + \taken * 0xf1), "\msg"
.endm

/* An exception in the delay slot: EPC = the branch, BD set. */
.macro EXPECT_BD branch, msg
	EF_LOAD	$t3, EF_EPC
	la	$t4, \branch
	CHECKR	$t3, $t4, "\msg: EPC is the branch"
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 31
	CHECK	$t3, 1, "\msg: Cause.BD"
.endm

	.text
	.globl	test_main
test_main:
	move	$s7, $ra
	li	$t0, -1
	li	$t1, 1
	li	$t2, 1

	COND	beq, "$t1, $t2", 1, "beq taken"
	COND	beq, "$t1, $t0", 0, "beq not taken"
	COND	bne, "$t1, $t0", 1, "bne taken"
	COND	bne, "$t1, $t2", 0, "bne not taken"
	COND	blez, "$t0", 1, "blez negative"
	COND	blez, "$zero", 1, "blez zero"
	COND	blez, "$t1", 0, "blez positive"
	COND	bgtz, "$t1", 1, "bgtz positive"
	COND	bgtz, "$zero", 0, "bgtz zero"
	COND	bltz, "$t0", 1, "bltz negative"
	COND	bltz, "$zero", 0, "bltz zero"
	COND	bgez, "$zero", 1, "bgez zero"
	COND	bgez, "$t0", 0, "bgez negative"
	LIKELY	beql, "$t1, $t2", 1, "beql taken"
	LIKELY	beql, "$t1, $t0", 0, "beql not taken nullifies"
	LIKELY	bnel, "$t1, $t0", 1, "bnel taken"
	LIKELY	bnel, "$t1, $t2", 0, "bnel not taken nullifies"
	LIKELY	blezl, "$zero", 1, "blezl taken"
	LIKELY	blezl, "$t1", 0, "blezl not taken nullifies"
	LIKELY	bgtzl, "$t1", 1, "bgtzl taken"
	LIKELY	bgtzl, "$t0", 0, "bgtzl not taken nullifies"
	LIKELY	bltzl, "$t0", 1, "bltzl taken"
	LIKELY	bltzl, "$zero", 0, "bltzl not taken nullifies"
	LIKELY	bgezl, "$zero", 1, "bgezl taken"
	LIKELY	bgezl, "$t0", 0, "bgezl not taken nullifies"
	/* the -AL forms link whether or not they branch */
	LIKELY	bltzall, "$t0", 1, "bltzall taken"
	LIKELY	bltzall, "$t1", 0, "bltzall not taken nullifies"
	LIKELY	bgezall, "$t1", 1, "bgezall taken"
	LIKELY	bgezall, "$t0", 0, "bgezall not taken nullifies"
	COND	bltzal, "$t0", 1, "bltzal taken"
	COND	bgezal, "$t1", 1, "bgezal taken"

	li	$ra, 0
	bltzal	$t1, 1f			/* not taken: still links */
	nop
l_bltzal: nop
1:	la	$t4, l_bltzal
	CHECKR	$ra, $t4, "bltzal not taken links"
	li	$ra, 0
	bgezal	$t0, 1f
	nop
l_bgezal: nop
1:	la	$t4, l_bgezal
	CHECKR	$ra, $t4, "bgezal not taken links"
	li	$ra, 0
	bal	1f
	nop
l_bal:	nop
1:	la	$t4, l_bal
	CHECKR	$ra, $t4, "bal links"
	/* ---- jumps ---- */
	li	$s1, 0
	j	1f
	addiu	$s1, $s1, 1
	addiu	$s1, $s1, 0x10
1:	CHECK	$s1, 1, "j runs its delay slot"
	li	$s1, 0
	jal	1f
	addiu	$s1, $s1, 1
l_jal:	addiu	$s1, $s1, 0x10
1:	CHECK	$s1, 1, "jal runs its delay slot"
	la	$t4, l_jal
	CHECKR	$ra, $t4, "jal links"
	la	$t0, 1f
	li	$s1, 0
	jr	$t0
	addiu	$s1, $s1, 1
	addiu	$s1, $s1, 0x10
1:	CHECK	$s1, 1, "jr"
	la	$t0, 1f
	li	$t5, 0
	jalr	$t5, $t0		/* a link register other than $ra */
	addiu	$s1, $s1, 1
l_jalr:	addiu	$s1, $s1, 0x10
1:	CHECK	$s1, 2, "jalr runs its delay slot"
	la	$t4, l_jalr
	CHECKR	$t5, $t4, "jalr rd links"

	/* ---- targets next to the delay slot ---- */
	li	$s1, 0
	beq	$zero, $zero, 1f	/* the instruction after the slot */
	addiu	$s1, $s1, 1
1:	addiu	$s1, $s1, 0x10
	CHECK	$s1, 0x11, "branch to the instruction after its delay slot"
	li	$s1, 0
	bne	$zero, $zero, 1f	/* not taken, same target */
	addiu	$s1, $s1, 1
1:	addiu	$s1, $s1, 0x10
	CHECK	$s1, 0x11, "not-taken branch to after its delay slot"
	li	$s1, 0
	beq	$zero, $zero, 1f	/* the delay slot itself: it runs twice */
1:	addiu	$s1, $s1, 1
	CHECK	$s1, 2, "branch to its own delay slot"
	/* a backward loop: the delay slot runs on every iteration */
	li	$s1, 0
	li	$s2, 5
1:	addiu	$s2, $s2, -1
	bnez	$s2, 1b
	addiu	$s1, $s1, 1
	CHECK	$s1, 5, "loop runs its delay slot each time"

	/* ---- page-crossing delay slots ---- */
	li	$s1, 0
	jal	cross_taken
	nop
	CHECK	$s1, 0x101, "taken branch at a page end: slot on the next page"
	li	$s1, 0
	jal	cross_not_taken
	nop
	CHECK	$s1, 0x11, "not-taken branch at a page end"
	li	$s1, 0
	jal	cross_likely
	nop
	CHECK	$s1, 0x10, "branch-likely at a page end nullifies the next page's word"
	jal	cross_jal
	nop
	la	$t4, cross_jal_link
	CHECKR	$s3, $t4, "jal at a page end links to the next page"
	la	$s0, buf
	EXC_CLEAR
	EXC_RESUME 1f
	jal	cross_fault
	nop
1:	EXPECT_EXC EXC_ADEL, "fault in a delay slot on the next page"
	EXPECT_BD cross_fault_branch, "fault in a delay slot on the next page"
	la	$t4, buf + 1
	EF_LOAD	$t3, EF_BADVADDR
	CHECKR	$t3, $t4, "fault in a next-page delay slot: BadVAddr"

	/* ---- exceptions in delay slots ---- */
	EXC_CLEAR
	EXC_RESUME 2f
bd_beq:	beq	$zero, $zero, 1f
	syscall
1:	nop
2:	EXPECT_EXC EXC_SYS, "syscall in a taken branch's slot"
	EXPECT_BD bd_beq, "syscall in a taken branch's slot"
	EXC_CLEAR
	EXC_RESUME 2f
	li	$t0, 0x7fffffff
bd_bne:	bne	$zero, $zero, 1f
	add	$t1, $t0, $t0
1:	nop
2:	EXPECT_EXC EXC_OV, "overflow in a not-taken branch's slot"
	EXPECT_BD bd_bne, "overflow in a not-taken branch's slot"
	EXC_CLEAR
	EXC_RESUME 2f
	la	$t0, 1f
bd_jr:	jr	$t0
	break
1:	nop
2:	EXPECT_EXC EXC_BP, "break in jr's slot"
	EXPECT_BD bd_jr, "break in jr's slot"
	EXC_CLEAR
	EXC_RESUME 2f
bd_bl:	beql	$zero, $zero, 1f
	lw	$t0, 1($zero)
1:	nop
2:	EXPECT_EXC EXC_ADEL, "AdEL in a taken branch-likely's slot"
	EXPECT_BD bd_bl, "AdEL in a taken branch-likely's slot"
	/* not in a slot: BD clear */
	EXC_CLEAR
	syscall
	EF_LOAD	$t3, EF_CAUSE
	srl	$t3, $t3, 31
	CHECK	$t3, 0, "syscall outside a slot: BD clear"
	/* a handler that fixes the cause and returns to EPC re-runs the
	 * branch, which then completes */
	EXC_CLEAR
	la	$t0, hook_fix_s2
	la	$t9, exc_frame
	sw	$t0, EF_HOOK($t9)
	li	$s2, 0
	li	$s1, 0
bd_jal:	jal	1f
	teq	$s2, $zero
	li	$s1, 0x99
1:	la	$t9, exc_frame
	sw	$zero, EF_HOOK($t9)
	EXPECT_EXC EXC_TR, "trap in jal's slot"
	EXPECT_BD bd_jal, "trap in jal's slot"
	CHECK	$s1, 0, "eret to the branch re-runs it"
	la	$t4, bd_jal + 8
	CHECKR	$ra, $t4, "re-run jal links"

	jr	$s7
	nop

hook_fix_s2:
	li	$s2, 1
	lw	$t0, EF_T0($k0)
	lw	$t1, EF_T1($k0)
	eret

/* Each page-crossing test owns a page: its branch is the page's last word.
 * Padding is zero, which is nop. */
	.balign	4096
	.space	4096 - 8
cross_taken:
	li	$t0, 1
	bnez	$t0, 1f			/* at 0xffc */
	addiu	$s1, $s1, 1		/* next page, +0x000 */
	addiu	$s1, $s1, 0x10
1:	jr	$ra
	addiu	$s1, $s1, 0x100

	.balign	4096
	.space	4096 - 8
cross_not_taken:
	li	$t0, 0
	bnez	$t0, 1f
	addiu	$s1, $s1, 1
	addiu	$s1, $s1, 0x10
	jr	$ra
	nop
1:	jr	$ra
	addiu	$s1, $s1, 0x100

	.balign	4096
	.space	4096 - 8
cross_likely:
	li	$t0, 0
	bnezl	$t0, 1f
	addiu	$s1, $s1, 1
	addiu	$s1, $s1, 0x10
	jr	$ra
	nop
1:	jr	$ra
	addiu	$s1, $s1, 0x100

	.balign	4096
	.space	4096 - 8
cross_jal:
	move	$s4, $ra
	jal	1f
	nop
cross_jal_link:
	nop
1:	move	$s3, $ra
	jr	$s4
	nop

	.balign	4096
	.space	4096 - 4
cross_fault:
cross_fault_branch:
	b	1f
	lw	$t0, 1($s0)		/* next page: AdEL */
1:	jr	$ra
	nop

	.data
	.balign	4
buf:	.space	8

	.section .rodata
	.globl	test_name
test_name:	.asciz	"branch"
