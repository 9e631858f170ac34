/* bench_done: print $a0 as eight hex digits and a newline on the testmips
 * console, then halt (bench.h).  Linked into every bench program. */
#include "bench.h"

	.set	noreorder
	.text
	.globl	bench_done
bench_done:
	lui	$t0, %hi(MMIO_CONSOLE_KSEG1)
	li	$t1, 28			/* shift of the next digit */
1:	srlv	$t2, $a0, $t1
	andi	$t2, $t2, 0xf
	sltiu	$t3, $t2, 10
	bnez	$t3, 2f
	addiu	$t2, $t2, '0'
	addiu	$t2, $t2, 'a' - '0' - 10
2:	sb	$t2, MMIO_CONSOLE_PUTGETCHAR($t0)
	bnez	$t1, 1b
	addiu	$t1, $t1, -4
	li	$t2, '\n'
	sb	$t2, MMIO_CONSOLE_PUTGETCHAR($t0)
	sw	$zero, MMIO_CONSOLE_HALT($t0)
3:	b	3b
	nop
