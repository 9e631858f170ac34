/* Processes: the table, fork/exit/wait, and the round-robin scheduler.
 *
 * There is one kernel stack, and a process never sleeps inside the kernel:
 * a system call that must wait (wait, yield) changes the process's state
 * and returns, and wait is restarted (the syscall instruction runs again)
 * once a child has finished.  On the way back to user mode sched_return()
 * picks the process to run and swaps trap frames between the kernel stack
 * and struct proc. */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include "kernel.h"
#include "tlb.h"
#include "trapframe.h"
#include "vm.h"

#define NPROC 64
#define NOFILE 16
#define SLICE_TICKS 4 /* guest/ABI.md: preempted after 4 ticks */

enum pstate {
	P_FREE,
	P_NEW,      /* allocated, not yet set up by its creator */
	P_RUNNABLE,
	P_RUNNING,
	P_WAITING,  /* in wait, for a child to finish */
	P_TICKWAIT, /* yielded with nothing else to run: until the next tick */
	P_ZOMBIE,
};

struct file;

struct proc {
	int pid;
	enum pstate state;
	struct proc *parent;
	unsigned wstatus; /* for wait, once a zombie */
	unsigned slice;   /* ticks run since switched in */
	struct trapframe tf; /* saved while not running */
	struct vmspace vm;
	struct file *fd[NOFILE];
	struct asid asid;
};

extern struct proc *curproc;

struct proc *proc_alloc(void);
/* p ends with this wait status (waitstatus.h); halts if p is init. */
void proc_exit(struct proc *p, unsigned wstatus);
void proc_kill(struct proc *p, int sig, const char *cause, uint32_t pc, uint32_t addr);
/* The timer ticked: wake the processes that yielded for it; charge the
 * running one (from_user) its slice. */
void sched_tick(bool from_user);
/* Choose what runs next and load its context into tf (on the kernel
 * stack); idles with WAIT while nothing can run. */
void sched_return(struct trapframe *tf);

long sys_exit(struct proc *p, struct trapframe *tf);
long sys_fork(struct proc *p, struct trapframe *tf);
long sys_wait(struct proc *p, struct trapframe *tf);
long sys_getpid(struct proc *p, struct trapframe *tf);
long sys_yield(struct proc *p, struct trapframe *tf);
long sys_sbrk(struct proc *p, struct trapframe *tf);

#endif
