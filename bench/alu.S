/* ALU/branch kernel: a loop of dependent ALU operations and one branch,
 * running in kseg0 (no TLB), 10 instructions an iteration. */
#include "bench.h"

#define ITERS (30000000 / BENCH_SCALE)

	.set	noreorder
	.text
	.globl	__start
__start:
	mtc0	$zero, C0_STATUS	/* kernel mode, BEV=0, interrupts off */
	li	$t0, ITERS
	li	$t1, 1
	li	$t2, 0x9e3779b9
	move	$v0, $zero
1:	addu	$t1, $t1, $t2
	xor	$t2, $t2, $t1
	sll	$t3, $t1, 3
	subu	$t4, $t3, $t2
	or	$t5, $t4, $t1
	srl	$t6, $t5, 2
	and	$t7, $t6, $t4
	addiu	$t0, $t0, -1
	bnez	$t0, 1b
	addu	$v0, $v0, $t7		/* delay slot */
	j	bench_done
	move	$a0, $v0
