/* exec: replace a process's address space by a /bin program (a static
 * ELF32 of the kernel's byte order, guest/libc/user.ld) and start it at
 * _start with argc, argv copied onto its new stack. */
#ifndef KERNEL_EXEC_H
#define KERNEL_EXEC_H

#include "proc.h"

#define EXEC_ARGS_MAX 64      /* argv entries */
#define EXEC_ARGBYTES_MAX 4096 /* their bytes, NULs included */

/* 0, or -ENOENT / -ENOEXEC / -E2BIG / -ENOMEM (p unchanged then). */
int exec_load(struct proc *p, const char *path, char *const argv[], unsigned argc);
long sys_exec(struct proc *p, struct trapframe *tf);

#endif
