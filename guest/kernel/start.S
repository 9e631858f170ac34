/* The kernel's entry point (the ELF entry): the boot protocol of
 * src/sim/mmio_map.h hands over $a0 = RAM size, $a1 = command line, $a2 =
 * its length.  Interrupts off, vectors installed first (so that in the
 * relocated flavour a TLB miss on the kernel's own pages is handled from
 * the start), the kernel stack, bss cleared, then kmain().  Marked BOOT:
 * the kernel time outside any exception is boot's, up to process 1. */
#include "cp0.h"
#include "trapframe.h"
#include "sim/services.h"

	.set	noreorder
	.text
	.globl	_start
_start:
	ori	$zero, $zero, SERVICE_BOOT
	mtc0	$zero, C0_STATUS	/* kernel mode, BEV=0, EXL=0, IE=0 */
	ehb
	la	$t0, vectors
	mtc0	$t0, C0_EBASE
	ehb
	/* below the frame where the first process's context will go */
	la	$sp, kstack_top - TF_FRAME - 16
	move	$s0, $a0
	move	$s1, $a1
	move	$s2, $a2
	la	$t0, __bss_start
	la	$t1, _end
	beq	$t0, $t1, 2f
	nop
1:	sw	$zero, 0($t0)
	addiu	$t0, $t0, 4
	bne	$t0, $t1, 1b
	nop
2:	move	$a0, $s0
	move	$a1, $s1
	jal	kmain
	move	$a2, $s2
1:	b	1b			/* kmain does not return */
	nop
