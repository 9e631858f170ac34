/* kmain: from the boot protocol to process 1.  The command line
 * (guest/ABI.md, "Boot") is `NAME key=value ...`: the kernel execs
 * /bin/NAME with its words as argv. */
#include "cp0.h"
#include "errno.h"
#include "exec.h"
#include "file.h"
#include "fs.h"
#include "page.h"
#include "paravirt.h"
#include "proc.h"
#include "sim/mmio_map.h"
#include "timer.h"

#define RAM_MAX (512u << 20) /* ksseg's size: guest/ABI.md */
#define KSEG0 0x80000000u
#define KSSEG 0xC0000000u
#define ARGS_MAX 32

extern char _end[], kstack_base[];
#define KSTACK_SIZE 8192 /* vectors.S */

static char cmdline[BOOT_CMDLINE_MAX];
static char *argv[ARGS_MAX + 1];
static char init_path[FS_NAME_MAX + 1];

/* Copy the boot command line before its page joins the pool.  The
 * pointer is a kseg0 address (the boot protocol) or, from a VMM starting a
 * relocated kernel, a ksseg one: either way it names physical memory.
 * Anything else means no command line. */
static void save_cmdline(uint32_t ram, uint32_t ptr, uint32_t len)
{
	uint32_t pa;
	if (ptr >= KSEG0 && ptr - KSEG0 < ram)
		pa = ptr - KSEG0;
	else if (ptr >= KSSEG && ptr - KSSEG < ram)
		pa = ptr - KSSEG;
	else
		return;
	if (len >= BOOT_CMDLINE_MAX || len > ram - pa)
		return;
	memcpy(cmdline, KVA(pa), len);
	cmdline[len] = 0;
}

static unsigned split_words(char *s, char **words, unsigned max)
{
	unsigned n = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			*s++ = 0;
		if (!*s)
			break;
		if (n == max)
			panic("too many words on the command line");
		words[n++] = s;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n')
			s++;
	}
	words[n] = NULL;
	return n;
}

_Noreturn void kmain(uint32_t ram, uint32_t cmd, uint32_t cmdlen)
{
#ifdef KERNEL_PARAVIRT
	pv_init(); /* first: the VMM fills the special page on every exception */
#endif
	if (ram > RAM_MAX)
		ram = RAM_MAX;
	save_cmdline(ram, cmd, cmdlen);
	tlb_init();
	page_init(PADDR(_end), ram);
	vm_init();
	fs_init();
	unsigned argc = split_words(cmdline, argv, ARGS_MAX);
	if (argc == 0)
		panic("empty command line: nothing to run (vmmsim run --cmdline NAME)");
	if (strlen(argv[0]) > FS_NAME_MAX - 5)
		panic("program name too long");
	memcpy(init_path, "/bin/", 5);
	memcpy(init_path + 5, argv[0], strlen(argv[0]) + 1);

	struct proc *init = proc_alloc();
	for (unsigned fd = 0; fd < 3; fd++)
		init->fd[fd] = file_console();
	int r = exec_load(init, init_path, argv, argc);
	if (r) {
		kprintf("kernel: cannot exec %s: %s\n", init_path,
		        r == -ENOENT    ? "no such program in /bin"
		        : r == -ENOEXEC ? "not an executable of this byte order"
		        : r == -E2BIG   ? "too many arguments"
		                        : "out of memory");
		panic("no init");
	}
	init->state = P_RUNNABLE;
	timer_init();

	/* Enter process 1 as if returning from an exception taken in user
	 * mode: its frame sits where vectors.S would have put it. */
	struct trapframe *tf = (struct trapframe *)(void *)(kstack_base + KSTACK_SIZE - TF_SIZE);
	sched_return(tf);
	trap_return(tf);
}
