/* The trap frame: every register a user program or an interrupted kernel
 * had, saved by the exception entry of vectors.S on the kernel stack, and
 * copied into struct proc when another process is switched in.  Word
 * offsets shared by the assembly and C. */
#ifndef KERNEL_TRAPFRAME_H
#define KERNEL_TRAPFRAME_H

/* Words 0..31 are the general registers by number ($0 unused). */
#define TF_HI 32
#define TF_LO 33
#define TF_EPC 34
#define TF_STATUS 35
#define TF_CAUSE 36
#define TF_BADVADDR 37
#define TF_WORDS 40 /* 38 used, rounded up to keep the stack 8-aligned */
#define TF_SIZE (TF_WORDS * 4)
/* The exception entry's frame: an o32 argument area below the trap frame. */
#define TF_FRAME (TF_SIZE + 16)

#define TF_REG(n) ((n) * 4)

#ifndef __ASSEMBLER__
#include <stdint.h>

enum { REG_V0 = 2, REG_V1 = 3, REG_A0 = 4, REG_A1 = 5, REG_A2 = 6, REG_A3 = 7,
       REG_SP = 29, REG_RA = 31 };

struct trapframe {
	uint32_t r[32];
	uint32_t hi, lo, epc, status, cause, badvaddr;
	uint32_t pad[TF_WORDS - 38];
};
_Static_assert(sizeof(struct trapframe) == TF_SIZE, "trap frame layout");

/* vectors.S: resume from tf (on the kernel stack) with eret. */
_Noreturn void trap_return(struct trapframe *tf);
/* trap.c: called by the exception entry of vectors.S. */
void trap(struct trapframe *tf);
#endif

#endif
