/* Guests that misbehave under a VMM (tests/vmm.sh, isolation).  Linked in
 * ksseg like the relocated kernel; the boot protocol gives $a0 = memory
 * size.  One source, one behaviour per MODE:
 *   MODE_BADPFN  map a page whose PFN lies past its own memory, where the
 *                next VM's memory sits in the machine, and read it: the VMM
 *                must give a bus error, never the other VM's bytes;
 *   MODE_KSEG0   write its memory through ksseg and read it back through
 *                kseg0 (the VMM emulates that), try to map kseg0 onto
 *                another VM's memory with a TLB entry (ignored), then read
 *                kseg0 past its memory: a bus error;
 *   MODE_SPIN    disable interrupts and spin forever;
 *   MODE_CRASH   jump into kseg0, which a deprivileged kernel cannot run.
 * A bus error ends the run with "misbehave: bus error" and status 0;
 * anything the VMM should have stopped ends it with status 1.
 */
#include "sim/mmio_map.h"

#define KSEG 0xC0000000
#define CONSOLE MMIO_CONSOLE_KSEG1
#define PROBE_VA 0x10000000

	.set	noreorder
	.set	noat
	.text
	.globl	_start
_start:
	la	$t0, vectors
	mtc0	$t0, $15, 1		/* EBase */
	ehb
	move	$s7, $a0		/* memory size */
#if defined(MODE_BADPFN)
	li	$t0, PROBE_VA
	mtc0	$t0, $10		/* EntryHi: VPN2, ASID 0 */
	srl	$t1, $s7, 12		/* the first page past our memory */
	sll	$t1, $t1, 6
	ori	$t1, $t1, 0x1e		/* C=3, D, V */
	mtc0	$t1, $2
	mtc0	$zero, $3
	mtc0	$zero, $5
	mtc0	$zero, $0
	tlbwi
	ehb
	li	$t0, PROBE_VA
	lw	$a1, 0($t0)		/* must fault */
	b	leaked
	nop
#elif defined(MODE_KSEG0)
	li	$t0, KSEG + 0x100000
	li	$t1, 0x5a5a1234
	sw	$t1, 0($t0)
	li	$t2, 0x80100000
	lw	$t3, 0($t2)		/* emulated: our own memory */
	bne	$t3, $t1, leaked
	move	$a1, $t3
	/* a TLB entry for kseg0 pointing past our memory: the VMM ignores it */
	li	$t0, 0x80100000
	mtc0	$t0, $10
	srl	$t1, $s7, 12
	sll	$t1, $t1, 6
	ori	$t1, $t1, 0x1f
	mtc0	$t1, $2
	mtc0	$t1, $3
	mtc0	$zero, $0
	tlbwi
	ehb
	lw	$t3, 0($t2)
	li	$t1, 0x5a5a1234
	bne	$t3, $t1, leaked
	move	$a1, $t3
	li	$t0, 0x80000000
	addu	$t0, $t0, $s7
	lw	$a1, 0($t0)		/* past our memory: must fault */
	b	leaked
	nop
#elif defined(MODE_SPIN)
	di
	ehb
1:	b	1b
	nop
#elif defined(MODE_CRASH)
	li	$t0, 0x80001000
	jr	$t0
	nop
#else
#error "define one MODE_"
#endif

/* Something the VMM should have stopped went through: $a1 is what we read. */
leaked:
	la	$a0, msg_leak
	jal	puts
	nop
	li	$a0, 1
	b	halt
	nop

bus_error:
	la	$a0, msg_bus
	jal	puts
	nop
	li	$a0, 0
halt:	li	$t0, CONSOLE
	sw	$a0, MMIO_CONSOLE_EXIT_STATUS($t0)
	sw	$zero, MMIO_CONSOLE_HALT($t0)
2:	b	2b
	nop

puts:	li	$t0, CONSOLE
3:	lbu	$t1, 0($a0)
	beqz	$t1, 4f
	addiu	$a0, 1
	b	3b
	sb	$t1, 0($t0)
4:	jr	$ra
	nop

	.align	12
vectors:
	b	unexpected		/* +0x000: no refills expected */
	nop
	.org	vectors + 0x180
	mfc0	$k0, $13
	andi	$k0, $k0, 0x7c
	li	$k1, 7 << 2		/* DBE */
	beq	$k0, $k1, bus_error
	nop
unexpected:
	la	$a0, msg_unexpected
	jal	puts
	nop
	li	$a0, 2
	b	halt
	nop

	.data
msg_leak:	.asciz	"misbehave: the VMM let it through\n"
msg_bus:	.asciz	"misbehave: bus error\n"
msg_unexpected:	.asciz	"misbehave: unexpected exception\n"
