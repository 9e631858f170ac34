/* Page sharing must never let one VM see another's write (tests/dedup.sh).
 * Linked in ksseg; built twice, VALUE=1 and VALUE=2, one per VM.  It fills
 * PAGES pages with the same pattern as the other VM does (so the scanner
 * shares them across the VMs), waits, writes its own VALUE into the first
 * word of each page (copy-on-write must give it a private copy), waits
 * again, and checks that every page holds its VALUE and the pattern. */
#include "sim/mmio_map.h"

#define CONSOLE MMIO_CONSOLE_KSEG1
#define BASE (0xC0000000 + 0x00200000)
#define PAGES 64
#define PATTERN 0x11111111
#define WAIT 3000000

	.set	noreorder
	.set	noat
	.text
	.globl	_start
_start:
	/* fill: every word of every page, the same in both VMs */
	li	$t0, BASE
	li	$t1, BASE + PAGES * 4096
	li	$t2, PATTERN
1:	sw	$t2, 0($t0)
	addiu	$t0, 4
	bne	$t0, $t1, 1b
	nop
	jal	wait
	nop
	/* write our value into each page */
	li	$t0, BASE
	li	$t2, VALUE
2:	sw	$t2, 0($t0)
	addiu	$t0, 4096
	bne	$t0, $t1, 2b
	nop
	jal	wait
	nop
	/* check */
	li	$t0, BASE
	li	$t3, PATTERN
3:	lw	$t4, 0($t0)
	bne	$t4, $t2, bad
	lw	$t4, 4($t0)
	bne	$t4, $t3, bad
	addiu	$t0, 4096
	bne	$t0, $t1, 3b
	nop
	la	$a0, msg_ok
	li	$a1, 0
	b	finish
	nop
bad:	la	$a0, msg_bad
	li	$a1, 1
finish:	li	$t0, CONSOLE
4:	lbu	$t1, 0($a0)
	beqz	$t1, 5f
	addiu	$a0, 1
	b	4b
	sb	$t1, 0($t0)
5:	sw	$a1, MMIO_CONSOLE_EXIT_STATUS($t0)
	sw	$zero, MMIO_CONSOLE_HALT($t0)
6:	b	6b
	nop

wait:	li	$t5, WAIT
7:	addiu	$t5, -1
	bnez	$t5, 7b
	nop
	jr	$ra
	nop

	.data
msg_ok:		.asciz	"sharewrite: own value kept\n"
msg_bad:	.asciz	"sharewrite: saw another VM's write\n"
