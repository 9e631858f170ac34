/* The harness every conformance program links: start-up, the exception
 * handler, console output and the verdict.  See harness.h. */
#include "harness.h"

	.set	noreorder

	.text
	.globl	__start
__start:
	/* GXemul gives no stack: make our own (vmmsim's would do too) */
	la	$sp, stack_top
	mtc0	$zero, C0_STATUS	/* kernel mode, BEV=0, interrupts off */
	ehb
	li	$a0, 0x80000000
	jal	install_vectors
	move	$a1, $zero
	jal	tlb_clear
	nop
	jal	test_main
	nop
	la	$a0, pass_text
	jal	puts
	nop
	la	$a0, test_name
	jal	puts
	nop
	jal	putc
	li	$a0, '\n'
	move	$a0, $zero
	/* fall into halt */

/* halt(status): record the status (vmmsim) and stop the machine. */
	.globl	halt
halt:
	li	$t0, MMIO_CONSOLE_KSEG1
	sw	$a0, MMIO_CONSOLE_EXIT_STATUS($t0)
	sw	$zero, MMIO_CONSOLE_HALT($t0)
1:	b	1b
	nop

/* install_vectors(base, tag): copy the refill (+0x000), general (+0x180)
 * and interrupt (+0x200, Cause.IV) vector stubs to base (a kseg0
 * address); each stub enters
 * exc_common with $k1 = its offset + tag, so a test can tell which vector
 * and which installation an exception came through. */
	.globl	install_vectors
install_vectors:
	la	$t0, vec_stub
	lw	$t1, 0($t0)
	lw	$t2, 4($t0)
	lw	$t3, 8($t0)
	li	$t4, 0x341b0000		/* ori $k1, $zero, 0 */
	or	$t4, $t4, $a1
	sw	$t1, 0($a0)
	sw	$t2, 4($a0)
	sw	$t3, 8($a0)
	sw	$t4, 12($a0)
	addiu	$t4, $t4, 0x180
	sw	$t1, 0x180($a0)
	sw	$t2, 0x184($a0)
	sw	$t3, 0x188($a0)
	sw	$t4, 0x18c($a0)
	addiu	$t4, $t4, 0x200 - 0x180
	sw	$t1, 0x200($a0)
	sw	$t2, 0x204($a0)
	sw	$t3, 0x208($a0)
	jr	$ra
	sw	$t4, 0x20c($a0)

/* copied, never run here; the fourth word is written by install_vectors */
vec_stub:
	lui	$k0, %hi(exc_common)
	addiu	$k0, $k0, %lo(exc_common)
	jr	$k0
	nop			/* replaced by the ori */

exc_common:
	la	$k0, exc_frame
	sw	$t0, EF_T0($k0)
	sw	$t1, EF_T1($k0)
	sw	$k1, EF_VEC($k0)
	mfc0	$t0, C0_CAUSE
	sw	$t0, EF_CAUSE($k0)
	mfc0	$t0, C0_EPC
	sw	$t0, EF_EPC($k0)
	mfc0	$t0, C0_BADVADDR
	sw	$t0, EF_BADVADDR($k0)
	mfc0	$t0, C0_STATUS
	sw	$t0, EF_STATUS($k0)
	mfc0	$t0, C0_CONTEXT
	sw	$t0, EF_CONTEXT($k0)
	mfc0	$t0, C0_ENTRYHI
	sw	$t0, EF_ENTRYHI($k0)
	lw	$t0, EF_COUNT($k0)
	addiu	$t0, $t0, 1
	sw	$t0, EF_COUNT($k0)
	sltiu	$t1, $t0, 64		/* a test gone wrong keeps faulting */
	beqz	$t1, runaway
	lw	$t0, EF_HOOK($k0)
	beqz	$t0, exc_return_default
	nop
	jr	$t0
	nop

	.globl	exc_return_default
exc_return_default:
	lw	$t0, EF_RESUME($k0)
	beqz	$t0, 1f
	nop
	sw	$zero, EF_RESUME($k0)
	mtc0	$t0, C0_EPC
	mfc0	$t0, C0_STATUS
	li	$t1, ~(ST_KSU_USER | ST_KSU_SUPER)
	and	$t0, $t0, $t1
	b	2f
	mtc0	$t0, C0_STATUS
1:	lw	$t0, EF_CAUSE($k0)
	andi	$t0, $t0, 0x7c
	bnez	$t0, 3f
	nop
	/* an interrupt: return to the interrupted instruction, disabled */
	mfc0	$t0, C0_STATUS
	li	$t1, ~ST_IE
	and	$t0, $t0, $t1
	b	2f
	mtc0	$t0, C0_STATUS
3:	lw	$t0, EF_EPC($k0)
	addiu	$t0, $t0, 4
	mtc0	$t0, C0_EPC
2:	lw	$t0, EF_T0($k0)
	lw	$t1, EF_T1($k0)
	ehb
	eret

runaway:
	la	$a0, runaway_text
	lw	$a1, EF_CAUSE($k0)
	b	check_failed
	lw	$a2, EF_EPC($k0)

/* tlb_set(index, entryhi, entrylo0, entrylo1) with PageMask = $v1:
 * write one TLB entry (tlbwi).  Keeps EntryHi as it was. */
	.globl	tlb_set
tlb_set:
	mfc0	$t0, C0_ENTRYHI
	mtc0	$a0, C0_INDEX
	mtc0	$a1, C0_ENTRYHI
	mtc0	$a2, C0_ENTRYLO0
	mtc0	$a3, C0_ENTRYLO1
	mtc0	$v1, C0_PAGEMASK
	ehb
	tlbwi
	mtc0	$t0, C0_ENTRYHI
	mtc0	$zero, C0_PAGEMASK
	jr	$ra
	ehb

/* v0 = the number of TLB entries (Config1.MMUSize + 1). */
	.globl	tlb_entries
tlb_entries:
	mfc0	$v0, $16, 1
	srl	$v0, $v0, 25
	andi	$v0, $v0, 63
	jr	$ra
	addiu	$v0, $v0, 1

/* tlb_clear(): every entry invalid, each with its own kseg0 VPN2 (which
 * no mapped access ever looks up), PageMask 4K; Wired 0. */
	.globl	tlb_clear
tlb_clear:
	move	$t3, $ra
	jal	tlb_entries
	nop
	mtc0	$zero, C0_WIRED
	mfc0	$t1, C0_ENTRYHI
	mtc0	$zero, C0_ENTRYLO0
	mtc0	$zero, C0_ENTRYLO1
	mtc0	$zero, C0_PAGEMASK
	li	$t2, 0x80000000
1:	addiu	$v0, $v0, -1
	mtc0	$v0, C0_INDEX
	sll	$t0, $v0, 13
	addu	$t0, $t0, $t2
	mtc0	$t0, C0_ENTRYHI
	ehb
	tlbwi
	bnez	$v0, 1b
	nop
	mtc0	$t1, C0_ENTRYHI
	jr	$t3
	ehb

/* check_failed(message, got, want): report and halt with status 1. */
	.globl	check_failed
check_failed:
	move	$s0, $a0
	move	$s1, $a1
	move	$s2, $a2
	mtc0	$zero, C0_STATUS	/* kernel mode, whatever the test left */
	ehb
	la	$sp, stack_top
	la	$a0, fail_text
	jal	puts
	nop
	la	$a0, test_name
	jal	puts
	nop
	la	$a0, colon_text
	jal	puts
	nop
	jal	puts
	move	$a0, $s0
	la	$a0, got_text
	jal	puts
	nop
	jal	puthex
	move	$a0, $s1
	la	$a0, want_text
	jal	puts
	nop
	jal	puthex
	move	$a0, $s2
	jal	putc
	li	$a0, '\n'
	b	halt
	li	$a0, 1

/* check_peer_failed(message, got, want) and peer_skip(message): see
 * CHECK_PEER and VMMSIM_ONLY in harness.h.  Both keep every register but
 * $ra, $t8, $t9 when they return. */
	.globl	check_peer_failed
check_peer_failed:
	mfc0	$t9, C0_PRID
	li	$t8, VMMSIM_PRID
	beq	$t9, $t8, check_failed
	nop
	b	peer_report
	li	$t8, 1
	.globl	peer_skip
peer_skip:
	move	$t8, $zero
peer_report:
	la	$t9, peer_save
	sw	$ra, 0($t9)
	sw	$t0, 4($t9)
	sw	$t1, 8($t9)
	sw	$t2, 12($t9)
	sw	$t3, 16($t9)
	sw	$a0, 20($t9)
	sw	$a1, 24($t9)
	sw	$a2, 28($t9)
	sw	$s0, 32($t9)
	sw	$s1, 36($t9)
	move	$s0, $t9
	move	$s1, $t8
	la	$a0, diff_text
	bnez	$s1, 1f
	nop
	la	$a0, skip_text
1:	jal	puts
	nop
	la	$a0, test_name
	jal	puts
	nop
	la	$a0, colon_text
	jal	puts
	nop
	jal	puts
	lw	$a0, 20($s0)
	beqz	$s1, 2f
	nop
	la	$a0, got_text
	jal	puts
	nop
	jal	puthex
	lw	$a0, 24($s0)
	la	$a0, want_text
	jal	puts
	nop
	jal	puthex
	lw	$a0, 28($s0)
2:	jal	putc
	li	$a0, '\n'
	move	$t9, $s0
	lw	$ra, 0($t9)
	lw	$t0, 4($t9)
	lw	$t1, 8($t9)
	lw	$t2, 12($t9)
	lw	$t3, 16($t9)
	lw	$a0, 20($t9)
	lw	$a1, 24($t9)
	lw	$a2, 28($t9)
	lw	$s0, 32($t9)
	jr	$ra
	lw	$s1, 36($t9)

/* putc(c), puts(s), puthex(x): the console (clobber $t0..$t3, $a0). */
	.globl	putc
putc:
	li	$t0, MMIO_CONSOLE_KSEG1
	jr	$ra
	sb	$a0, MMIO_CONSOLE_PUTGETCHAR($t0)

	.globl	puts
puts:
	li	$t0, MMIO_CONSOLE_KSEG1
1:	lbu	$t1, 0($a0)
	beqz	$t1, 2f
	addiu	$a0, $a0, 1
	b	1b
	sb	$t1, MMIO_CONSOLE_PUTGETCHAR($t0)
2:	jr	$ra
	nop

	.globl	puthex
puthex:
	li	$t0, MMIO_CONSOLE_KSEG1
	li	$t2, 8
1:	srl	$t1, $a0, 28
	sltiu	$t3, $t1, 10
	bnez	$t3, 2f
	addiu	$t1, $t1, '0'
	addiu	$t1, $t1, 'a' - '0' - 10
2:	sb	$t1, MMIO_CONSOLE_PUTGETCHAR($t0)
	addiu	$t2, $t2, -1
	bnez	$t2, 1b
	sll	$a0, $a0, 4
	jr	$ra
	nop

	.section .rodata
pass_text:	.asciz	"PASS "
fail_text:	.asciz	"FAIL "
diff_text:	.asciz	"DIFF "
skip_text:	.asciz	"SKIP "
colon_text:	.asciz	": "
got_text:	.asciz	" got 0x"
want_text:	.asciz	" want 0x"
runaway_text:	.asciz	"runaway exceptions (got = Cause, want = EPC)"

	.data
	.balign	4
	.globl	exc_frame
exc_frame:
	.space	EF_SIZE
peer_save:
	.space	40

	.bss
	.balign	8
	.space	8192
stack_top:
