/* Processes and scheduling (proc.h). */
#include "proc.h"

#include "cp0.h"
#include "errno.h"
#include "file.h"
#include "paravirt.h"
#include "sim/services.h"
#include "syscall.h"
#include "waitstatus.h"

static struct proc procs[NPROC];
struct proc *curproc;
static int next_pid = 1;
static bool need_resched;

struct proc *proc_alloc(void)
{
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *p = &procs[i];
		if (p->state != P_FREE)
			continue;
		*p = (struct proc){ .pid = next_pid++, .state = P_NEW };
		return p;
	}
	return NULL;
}

static struct proc *init_proc(void) { return &procs[0]; }

void proc_exit(struct proc *p, unsigned wstatus)
{
	for (unsigned i = 0; i < NOFILE; i++)
		if (p->fd[i]) {
			file_close(p->fd[i]);
			p->fd[i] = NULL;
		}
	vm_free(&p->vm);
	asid_retire(&p->asid);
	if (p->pid == 1) /* guest/ABI.md: the machine halts with init */
		halt((wstatus & 0x7f) ? 128 + (wstatus & 0x7f) : (wstatus >> 8) & 0xff);
	bool orphans = false;
	for (unsigned i = 0; i < NPROC; i++)
		if (procs[i].state != P_FREE && procs[i].parent == p) {
			procs[i].parent = init_proc();
			orphans |= procs[i].state == P_ZOMBIE;
		}
	p->state = P_ZOMBIE;
	p->wstatus = wstatus;
	if (p->parent->state == P_WAITING)
		p->parent->state = P_RUNNABLE;
	if (orphans && init_proc()->state == P_WAITING)
		init_proc()->state = P_RUNNABLE;
}

void proc_kill(struct proc *p, int sig, const char *cause, uint32_t pc, uint32_t addr)
{
	kprintf("pid %d killed: %s at pc 0x%08x (addr 0x%08x)\n", p->pid, cause, pc, addr);
	proc_exit(p, W_SIGNALLED(sig));
}

void sched_tick(bool from_user)
{
	for (unsigned i = 0; i < NPROC; i++)
		if (procs[i].state == P_TICKWAIT)
			procs[i].state = P_RUNNABLE;
	if (from_user && curproc && ++curproc->slice >= SLICE_TICKS)
		need_resched = true;
}

/* The next runnable process after the current one, round robin. */
static struct proc *pick_next(void)
{
	unsigned start = curproc ? (unsigned)(curproc - procs) + 1 : 0;
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *p = &procs[(start + i) % NPROC];
		if (p->state == P_RUNNABLE)
			return p;
	}
	return NULL;
}

/* Nothing can run: wait for the timer, interrupts on, marked as idle.
 * Each flavour idles its own way (guest/ABI.md): WAIT; the paravirtual
 * kernel says so to the VMM (MC_IDLE); the spin-idle kernel spins until its
 * timer interrupt has made a process runnable, as a kernel that a VMM
 * cannot see idling would. */
static void idle(void)
{
	bool sleepers = false;
	for (unsigned i = 0; i < NPROC; i++)
		sleepers |= procs[i].state == P_TICKWAIT;
	if (!sleepers)
		panic("no process can ever run again");
	SERVICE_MARK(SERVICE_IDLE);
#ifdef KERNEL_PARAVIRT
	pv_idle();
#else
	uint32_t status = cp0_read(C0_STATUS);
	cp0_write(C0_STATUS, status | ST_IM7 | ST_IE);
#ifdef KERNEL_SPINIDLE
	/* the interrupt handler changes procs[] under this loop */
	while (!pick_next())
		__asm__ volatile("" ::: "memory");
#else
	__asm__ volatile("wait");
#endif
	cp0_write(C0_STATUS, status);
#endif
}

void sched_return(struct trapframe *tf)
{
	struct proc *cur = curproc, *next = cur;
	if (!cur || cur->state != P_RUNNING || need_resched) {
		if (cur && cur->state == P_RUNNING)
			cur->state = P_RUNNABLE;
		while (!(next = pick_next()))
			idle();
		if (next != cur) {
			if (cur && cur->state != P_ZOMBIE && cur->state != P_FREE)
				cur->tf = *tf;
			*tf = next->tf;
			curproc = next;
		}
		next->state = P_RUNNING;
		next->slice = 0;
		need_resched = false;
	}
	vm_activate(&next->vm);
	asid_activate(&next->asid);
}

long sys_exit(struct proc *p, struct trapframe *tf)
{
	proc_exit(p, W_EXITCODE(tf->r[REG_A0]));
	return 0;
}

long sys_fork(struct proc *p, struct trapframe *tf)
{
	struct proc *c = proc_alloc();
	if (!c)
		return -ENOMEM;
	if (vm_fork(&p->vm, &c->vm)) {
		c->state = P_FREE;
		return -ENOMEM;
	}
	asid_retire(&p->asid); /* its TLB entries may still allow writes */
	c->tf = *tf;
	c->tf.r[REG_V0] = 0;
	for (unsigned i = 0; i < NOFILE; i++)
		if ((c->fd[i] = p->fd[i]))
			file_dup(c->fd[i]);
	c->parent = p;
	c->state = P_RUNNABLE;
	return c->pid;
}

long sys_wait(struct proc *p, struct trapframe *tf)
{
	bool children = false;
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *c = &procs[i];
		if (c->state == P_FREE || c->parent != p)
			continue;
		children = true;
		if (c->state != P_ZOMBIE)
			continue;
		uint32_t ustatus = tf->r[REG_A0];
		if (ustatus) {
			int32_t st = (int32_t)c->wstatus;
			int r = vm_copyout(&p->vm, ustatus, &st, sizeof st);
			if (r)
				return r;
		}
		c->state = P_FREE;
		return c->pid;
	}
	if (!children)
		return -ECHILD;
	p->state = P_WAITING;
	return SYSCALL_RESTART;
}

long sys_getpid(struct proc *p, struct trapframe *tf)
{
	(void)tf;
	return p->pid;
}

long sys_yield(struct proc *p, struct trapframe *tf)
{
	(void)tf;
	bool others = false;
	for (unsigned i = 0; i < NPROC; i++)
		others |= procs[i].state == P_RUNNABLE;
	/* Alone, a yielding process lets the machine idle until the next
	 * tick (guest/ABI.md): that is how a guest sleeps. */
	p->state = others ? P_RUNNABLE : P_TICKWAIT;
	return 0;
}

long sys_sbrk(struct proc *p, struct trapframe *tf)
{
	return vm_sbrk(&p->vm, (int32_t)tf->r[REG_A0]);
}
