/* Memory kernel: two loads and a store an iteration through TLB-mapped
 * kuseg addresses, walking a 64 KiB window (16 pages, 8 TLB entries written
 * by tlbwi at start, global, so no TLB miss is ever taken), 10 instructions
 * an iteration. */
#include "bench.h"

#define ITERS (20000000 / BENCH_SCALE)
#define VBASE 0x00400000	/* mapped window, virtual */
#define PBASE 0x00100000	/* its frames, physical (1 MiB) */
#define NENTRIES 8
#define LO_FLAGS 0x7		/* D | V | G (cache attribute 0) */

	.set	noreorder
	.text
	.globl	__start
__start:
	mtc0	$zero, C0_STATUS	/* kernel mode, kuseg mapped (ERL clear) */
	mtc0	$zero, C0_PAGEMASK	/* 4 KiB pages */
	mtc0	$zero, C0_WIRED
	/* entry i: VA VBASE + i*8K -> PA PBASE + i*8K (even), +4K (odd) */
	li	$t0, 0
	li	$t1, VBASE
	li	$t2, (PBASE >> 12) << 6 | LO_FLAGS
1:	mtc0	$t0, C0_INDEX
	mtc0	$t1, C0_ENTRYHI
	mtc0	$t2, C0_ENTRYLO0
	addiu	$t3, $t2, 1 << 6
	mtc0	$t3, C0_ENTRYLO1
	tlbwi
	addiu	$t0, $t0, 1
	addiu	$t1, $t1, 0x2000
	sltiu	$t4, $t0, NENTRIES
	bnez	$t4, 1b
	addiu	$t2, $t2, 2 << 6	/* delay slot */

	li	$t0, ITERS
	li	$s0, VBASE
	li	$t4, 0			/* offset in the window */
	li	$t5, 0xfff0		/* window mask, 16-byte steps */
	move	$v0, $zero
2:	addu	$t3, $s0, $t4
	lw	$t1, 0($t3)
	lw	$t2, 4($t3)
	addu	$t1, $t1, $t0
	sw	$t1, 8($t3)
	addiu	$t4, $t4, 0x1010	/* next page, 16 bytes on */
	and	$t4, $t4, $t5
	addiu	$t0, $t0, -1
	bnez	$t0, 2b
	addu	$v0, $v0, $t2		/* delay slot */
	j	bench_done
	move	$a0, $v0
