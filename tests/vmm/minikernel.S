/* A minimal kernel for testing the VMM policies on bare metal: one source,
 * linked twice, like the guest kernel's two flavours (guest/ABI.md):
 * natively at 0x80010000 (KSEG = 0x80000000), relocated at 0xC0010000
 * (KSEG = 0xC0000000) to run deprivileged under `trap` and `l2tlb`.
 *
 * It installs its vectors through EBase, checks tlbwi/tlbp/tlbr, copies a
 * user program to kuseg 0x00400000 (ASID 5), refills the TLB in software
 * from BadVAddr (user page v at physical 0x200000 + (v - 0x400000)),
 * serves getpid/exit system calls and timer interrupts, reads the user's
 * results back through kuseg, prints a checksum and halts.  Its console
 * output must be the same natively and under every policy.
 */
#include "sim/mmio_map.h"
#include "sim/services.h"

#define USER_BASE 0x00400000
#define USER_PHYS 0x00200000
#define USER_ASID 5
#define PAGES 64			/* user pages touched: more than the TLB holds */
#define ROUNDS 8
#define CONSOLE (MMIO_CONSOLE_KSEG1)
#define TICK 3000			/* Count ticks between timer interrupts */

	.set	noreorder
	.set	noat
	.text
	.globl	_start
_start:
	la	$sp, KSEG + 0x00100000	/* a stack below 1 MiB */
	la	$t0, vectors
	mtc0	$t0, $15, 1		/* EBase */
	ehb
	/* tlbwi / tlbp / tlbr round trip on entry 3 */
	li	$t0, 3
	mtc0	$t0, $0			/* Index */
	li	$t0, 0x12344000 | 7	/* VPN2, ASID 7 */
	mtc0	$t0, $10
	li	$t0, (0x300 << 6) | 0x17	/* PFN 0x300, C=2, D, V, G=1 */
	mtc0	$t0, $2
	li	$t0, (0x301 << 6) | 0x07
	mtc0	$t0, $3
	mtc0	$zero, $5
	tlbwi
	mtc0	$zero, $0
	tlbp
	mfc0	$t1, $0
	li	$t2, 3
	bne	$t1, $t2, fail
	nop
	mtc0	$zero, $2
	tlbr
	mfc0	$t1, $2
	li	$t2, (0x300 << 6) | 0x17
	bne	$t1, $t2, fail
	nop
	/* invalidate it again: a unique VPN2 in kseg0, V clear */
	li	$t0, 0x80000000
	mtc0	$t0, $10
	mtc0	$zero, $2
	mtc0	$zero, $3
	tlbwi
	/* copy the user program to its physical pages */
	la	$t0, user_start
	la	$t1, user_end
	li	$t2, KSEG + USER_PHYS
1:	lw	$t3, 0($t0)
	sw	$t3, 0($t2)
	addiu	$t0, 4
	bne	$t0, $t1, 1b
	addiu	$t2, 4
	/* the timer */
	mfc0	$t0, $9
	addiu	$t0, TICK
	mtc0	$t0, $11
	/* enter the user program: ASID 5, user mode, interrupts on */
	li	$t0, USER_ASID
	mtc0	$t0, $10
	li	$t0, USER_BASE
	mtc0	$t0, $14		/* EPC */
	li	$t0, 0x8000 | 0x10 | 0x2 | 0x1	/* IM7, KSU=user, EXL, IE */
	mtc0	$t0, $12
	ehb
	eret

fail:
	la	$a0, msg_fail
	jal	puts
	nop
	li	$a0, 1
	b	halt
	nop

/* The user has exited with $a0 = its sum: add what it left in each page,
 * read back through kuseg in its ASID. */
done:
	move	$s0, $a0
	li	$t0, USER_BASE + 0x10000
	li	$t1, PAGES
2:	lw	$t2, 0($t0)
	addu	$s0, $s0, $t2
	addiu	$t1, -1
	bnez	$t1, 2b
	addiu	$t0, 4096
	la	$a0, msg_sum
	jal	puts
	nop
	move	$a0, $s0
	jal	puthex
	nop
	li	$a0, '\n'
	jal	putc
	nop
	li	$a0, 0
halt:	li	$t0, CONSOLE
	sw	$a0, MMIO_CONSOLE_EXIT_STATUS($t0)
	sw	$zero, MMIO_CONSOLE_HALT($t0)
3:	b	3b
	nop

putc:	li	$t0, CONSOLE
	jr	$ra
	sb	$a0, 0($t0)

puts:	move	$t9, $ra
	move	$t8, $a0
4:	lbu	$a0, 0($t8)
	beqz	$a0, 5f
	nop
	jal	putc
	addiu	$t8, 1
	b	4b
	nop
5:	jr	$t9
	nop

puthex:	move	$t9, $ra
	move	$t8, $a0
	li	$t7, 8
6:	srl	$a0, $t8, 28
	sltiu	$t6, $a0, 10
	bnez	$t6, 7f
	addiu	$a0, '0'
	addiu	$a0, 'a' - '0' - 10
7:	jal	putc
	sll	$t8, $t8, 4
	addiu	$t7, -1
	bnez	$t7, 6b
	nop
	jr	$t9
	nop

	.align	12
vectors:
	/* +0x000: the TLB refill, from BadVAddr alone (no page table) */
	mfc0	$k0, $8
	srl	$k0, $k0, 13
	sll	$k0, $k0, 1		/* even VPN */
	addiu	$k0, -(USER_BASE >> 12) + (USER_PHYS >> 12)
	sll	$k0, $k0, 6
	ori	$k0, $k0, 0x1e		/* C=3, D, V */
	mtc0	$k0, $2
	addiu	$k0, 1 << 6
	mtc0	$k0, $3
	ehb
	tlbwr
	eret

	.org	vectors + 0x180
general:
	mfc0	$k0, $13
	andi	$k0, $k0, 0x7c
	beqz	$k0, interrupt
	li	$k1, 8 << 2
	bne	$k0, $k1, fail
	nop
	/* a system call: $v0 = number */
	mfc0	$k0, $14
	addiu	$k0, 4
	mtc0	$k0, $14
	li	$k1, SYS_exit
	beq	$v0, $k1, sys_exit
	nop
	li	$v0, 1			/* getpid */
	eret
sys_exit:
	li	$t0, 0x10 | 0x2		/* stay in the kernel: KSU=user but EXL */
	mtc0	$zero, $12		/* kernel mode, interrupts off */
	ehb
	b	done
	nop
interrupt:
	mfc0	$k0, $11
	addiu	$k0, TICK
	mtc0	$k0, $11		/* acknowledge: next tick */
	eret

	/* the user program, position-independent, copied to USER_BASE */
user_start:
	li	$s1, 0			/* sum */
	li	$s2, ROUNDS
8:	li	$s3, USER_BASE + 0x10000
	li	$s4, PAGES
9:	li	$v0, SYS_getpid
	syscall
	lw	$t0, 0($s3)
	addu	$t0, $t0, $v0
	addu	$t0, $t0, $s4
	sw	$t0, 0($s3)		/* every page: refills, then dirty */
	addu	$s1, $s1, $t0
	addiu	$s4, -1
	bnez	$s4, 9b
	addiu	$s3, 4096
	addiu	$s2, -1
	bnez	$s2, 8b
	nop
	move	$a0, $s1
	li	$v0, SYS_exit
	syscall
10:	b	10b
	nop
user_end:

	.data
msg_fail:	.asciz	"minikernel: FAIL\n"
msg_sum:	.asciz	"minikernel: sum "
