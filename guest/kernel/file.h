/* Open files: what a file descriptor refers to (the console or an inode,
 * an offset shared by fork, and the open flags), and the file system
 * calls on them. */
#ifndef KERNEL_FILE_H
#define KERNEL_FILE_H

#include "proc.h"

struct file *file_console(void); /* a new reference to the console */
void file_dup(struct file *f);
void file_close(struct file *f);

long sys_open(struct proc *p, struct trapframe *tf);
long sys_close(struct proc *p, struct trapframe *tf);
long sys_read(struct proc *p, struct trapframe *tf);
long sys_write(struct proc *p, struct trapframe *tf);
long sys_unlink(struct proc *p, struct trapframe *tf);
long sys_console(struct proc *p, struct trapframe *tf);

#endif
