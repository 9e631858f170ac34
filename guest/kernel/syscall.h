/* System call dispatch: one table from the numbers of src/sim/services.h
 * to handlers, each `long sys_NAME(struct proc *, struct trapframe *)`
 * returning the value for $v0 (-errno on failure). */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "proc.h"

/* A handler's result meaning "run the syscall instruction again when the
 * process next runs" (it is waiting); never a valid $v0. */
#define SYSCALL_RESTART (-0x10000L)

void syscall(struct proc *p, struct trapframe *tf);

#endif
