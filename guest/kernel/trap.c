/* The C side of every exception but a TLB refill (vectors.S saved the
 * context in *tf): interrupts, system calls, page faults, and the faults
 * that kill a process.  From user mode it ends by choosing what runs next;
 * from the kernel only the idle loop's timer interrupt is expected. */
#include "cp0.h"
#include "proc.h"
#include "syscall.h"
#include "timer.h"
#include "errno.h"
#include "waitstatus.h"

static const char *const exc_names[32] = {
	[EXC_INT] = "Int",  [EXC_MOD] = "Mod",  [EXC_TLBL] = "TLBL", [EXC_TLBS] = "TLBS",
	[EXC_ADEL] = "AdEL", [EXC_ADES] = "AdES", [EXC_IBE] = "IBE",  [EXC_DBE] = "DBE",
	[EXC_SYS] = "Sys",  [EXC_BP] = "Bp",    [EXC_RI] = "RI",     [EXC_CPU] = "CpU",
	[EXC_OV] = "Ov",    [EXC_TR] = "Tr",
};

static const char *exc_name(unsigned code)
{
	return exc_names[code] ? exc_names[code] : "exception";
}

_Noreturn static void kernel_fault(const struct trapframe *tf, unsigned code)
{
	kprintf("panic: kernel %s (cause %u epc 0x%08x badvaddr 0x%08x)\n", exc_name(code), code,
	        tf->epc, tf->badvaddr);
	halt(0x7f);
}

static void interrupt(const struct trapframe *tf, bool from_user)
{
	if (!(tf->cause & tf->status & ST_IM7))
		kernel_fault(tf, EXC_INT); /* only the timer is wired */
	timer_interrupt(from_user);
}

/* A TLB exception in user mode: a page to bring in, or a bad access. */
static void page_fault(struct proc *p, const struct trapframe *tf, unsigned code)
{
	int r = vm_fault(&p->vm, tf->badvaddr, (code == EXC_TLBL ? 0 : VMF_WRITE) | VMF_MARK);
	if (r == -ENOMEM)
		proc_kill(p, SIGBUS, "out of memory", tf->epc, tf->badvaddr);
	else if (r)
		proc_kill(p, SIGSEGV, exc_name(code), tf->epc, tf->badvaddr);
}

static int signal_of(unsigned code, uint32_t badvaddr)
{
	switch (code) {
	case EXC_ADEL:
	case EXC_ADES: return badvaddr >= USER_TOP ? SIGSEGV : SIGBUS;
	case EXC_BP: return SIGTRAP;
	case EXC_OV:
	case EXC_TR: return SIGFPE;
	case EXC_RI:
	case EXC_CPU: return SIGILL;
	default: return SIGBUS; /* IBE, DBE, the rest */
	}
}

void trap(struct trapframe *tf)
{
	unsigned code = (tf->cause & CAUSE_EXC_MASK) >> CAUSE_EXC_SHIFT;
	if ((tf->status & ST_KSU_MASK) != ST_KSU_USER) {
		if (code != EXC_INT)
			kernel_fault(tf, code);
		interrupt(tf, false);
		return;
	}
	struct proc *p = curproc;
	switch (code) {
	case EXC_INT: interrupt(tf, true); break;
	case EXC_SYS:
		if (tf->cause & CAUSE_BD)
			proc_kill(p, SIGILL, "syscall in a delay slot", tf->epc, tf->badvaddr);
		else
			syscall(p, tf);
		break;
	case EXC_MOD:
	case EXC_TLBL:
	case EXC_TLBS: page_fault(p, tf, code); break;
	default: proc_kill(p, signal_of(code, tf->badvaddr), exc_name(code), tf->epc, tf->badvaddr);
	}
	sched_return(tf);
}
