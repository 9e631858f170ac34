/* Status.BEV moves the general exception vector to 0xBFC00380
 * (REFERENCE.md section 1).  vmmsim has no boot ROM there (physical
 * 0x1FC00000 is beyond the largest RAM), so fetching the vector is a bus
 * error, taken again at the same vector, and vmmsim stops with "exceptions
 * without progress at pc 0xbfc00380": tests/run-progs.sh checks that pc.
 * (The BEV refill vector, 0xBFC00200, cannot be told apart this way: its
 * bus error, taken with EXL set, also ends at 0xBFC00380.)  Should the
 * syscall come back through the EBase handler instead, the program fails. */
#include "harness.h"

	.set	noreorder
	.text
	.globl	test_main
test_main:
	move	$s7, $ra
	li	$t0, ST_BEV
	mtc0	$t0, C0_STATUS
	ehb
	syscall
	mtc0	$zero, C0_STATUS
	ehb
	CHECK	$zero, 1, "with BEV set the EBase vector was used"
	jr	$s7
	nop

	.section .rodata
	.globl	test_name
test_name:	.asciz	"bev"
