/* System call dispatch (syscall.h).  Adding a call: its number in
 * src/sim/services.h, its handler in the file of its subsystem, one line
 * in the table below, a row in guest/ABI.md. */
#include "syscall.h"

#include "errno.h"
#include "exec.h"
#include "file.h"
#include "sim/services.h"
#include "timer.h"

typedef long syscall_fn(struct proc *p, struct trapframe *tf);

static syscall_fn *const table[SYS_MAX + 1] = {
	[SYS_exit] = sys_exit,       [SYS_fork] = sys_fork,     [SYS_read] = sys_read,
	[SYS_write] = sys_write,     [SYS_open] = sys_open,     [SYS_close] = sys_close,
	[SYS_wait] = sys_wait,       [SYS_unlink] = sys_unlink, [SYS_exec] = sys_exec,
	[SYS_time] = sys_time,       [SYS_getpid] = sys_getpid, [SYS_sbrk] = sys_sbrk,
	[SYS_yield] = sys_yield,     [SYS_console] = sys_console,
};

void syscall(struct proc *p, struct trapframe *tf)
{
	uint32_t nr = tf->r[REG_V0];
	tf->epc += 4;
	long r = nr <= SYS_MAX && table[nr] ? table[nr](p, tf) : -ENOSYS;
	if (r == SYSCALL_RESTART)
		tf->epc -= 4;
	else
		tf->r[REG_V0] = (uint32_t)r;
}
