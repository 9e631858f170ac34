/* A bare-metal program that enters its own exception handler 1000 times
 * through syscall (getpid, in $v0) and 10 times through break, with a
 * handler whose length depends on a counter: the ledger must show these
 * entries as services with their event counts and cycle distributions. */
#include "sim/mmio_map.h"
#include "sim/services.h"

	.set	noreorder
	.text
	.globl	__start
__start:
	la	$t0, vectors
	mtc0	$t0, $15, 1		/* EBase: the handler lives in this image */
	ehb
	li	$s0, 1000
	move	$s1, $zero		/* work done by the handler */
1:	li	$v0, SYS_getpid
	syscall
	addiu	$s0, $s0, -1
	bnez	$s0, 1b
	nop
	li	$s0, 10
2:	break
	addiu	$s0, $s0, -1
	bnez	$s0, 2b
	nop
	li	$t0, MMIO_CONSOLE_KSEG1
	li	$t1, 'o'
	sb	$t1, MMIO_CONSOLE_PUTGETCHAR($t0)
	li	$t1, 'k'
	sb	$t1, MMIO_CONSOLE_PUTGETCHAR($t0)
	li	$t1, '\n'
	sb	$t1, MMIO_CONSOLE_PUTGETCHAR($t0)
	sw	$zero, MMIO_CONSOLE_EXIT_STATUS($t0)
	sw	$zero, MMIO_CONSOLE_HALT($t0)
3:	b	3b
	nop

	.balign	4096
vectors:
	.space	0x180
	/* general exception vector: skip the trapping instruction, then spin
	 * 0..7 times so that the entries differ in length */
	mfc0	$k0, $14
	addiu	$k0, $k0, 4
	mtc0	$k0, $14
	addiu	$s1, $s1, 1
	andi	$k1, $s1, 7
4:	bnez	$k1, 4b
	addiu	$k1, $k1, -1
	eret
	nop
