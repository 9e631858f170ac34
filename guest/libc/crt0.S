/* The entry point of every user program.
 *
 * exec (guest/ABI.md) starts a program at _start with $a0 = argc and
 * $a1 = argv, the strings and the pointer array already copied onto the
 * user stack, and $sp below them.  Hand both to main unchanged and give its
 * result to exit(), which flushes standard output before the exit call.
 */
	.text
	.set	noreorder
	.globl	_start
	.type	_start, @function
	.ent	_start
_start:
	move	$fp, $zero		/* the outermost frame, for debuggers */
	li	$t0, -8
	and	$sp, $sp, $t0		/* o32 wants an 8-byte aligned stack */
	jal	main
	addiu	$sp, $sp, -16		/* (delay slot) main's argument home area */
	jal	exit
	move	$a0, $v0		/* (delay slot) exit(main's result) */
	.end	_start
	.size	_start, . - _start
