/* exec (exec.h): check the ELF file, describe its segments as regions of
 * a new address space (their pages come in on demand: vm.c), copy argv
 * onto the new stack, and point the trap frame at the entry. */
#include "exec.h"

#include "cp0.h"
#include "errno.h"
#include "fs.h"

#define ELF_PT_LOAD 1
#define ELF_PF_X 1
#define ELF_PF_W 2

struct elf_header {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

#ifdef __MIPSEB__
#define ELF_DATA_OURS 2
#else
#define ELF_DATA_OURS 1
#endif

/* Fill vs's regions from the ELF image; 0 or -ENOEXEC. */
static int load_segments(struct vmspace *vs, const uint8_t *img, uint32_t size, uint32_t *entry)
{
	const struct elf_header *eh = (const void *)img;
	if (size < sizeof *eh || memcmp(eh->ident, "\177ELF", 4) || eh->ident[4] != 1 ||
	    eh->ident[5] != ELF_DATA_OURS || eh->type != 2 || eh->machine != 8 ||
	    eh->phentsize != sizeof(struct elf_phdr) || eh->phoff % 4 ||
	    eh->phoff > size || eh->phnum > (size - eh->phoff) / sizeof(struct elf_phdr))
		return -ENOEXEC;
	const struct elf_phdr *ph = (const void *)(img + eh->phoff);
	uint32_t end = 0;
	bool entry_ok = false;
	for (unsigned i = 0; i < eh->phnum; i++, ph++) {
		if (ph->type != ELF_PT_LOAD || ph->memsz == 0)
			continue;
		if (vs->nregions == VM_MAX_REGIONS || ph->filesz > ph->memsz ||
		    ph->offset > size || ph->filesz > size - ph->offset ||
		    ph->vaddr >= USER_STACK_BOTTOM || ph->memsz > USER_STACK_BOTTOM - ph->vaddr ||
		    (ph->offset & PAGE_MASK) != (ph->vaddr & PAGE_MASK))
			return -ENOEXEC;
		for (unsigned j = 0; j < vs->nregions; j++) /* no shared pages */
			if (PAGE_ROUND_DOWN(ph->vaddr) < PAGE_ROUND_UP(vs->region[j].end) &&
			    PAGE_ROUND_DOWN(vs->region[j].start) < PAGE_ROUND_UP(ph->vaddr + ph->memsz))
				return -ENOEXEC;
		vs->region[vs->nregions++] = (struct region){
			.start = ph->vaddr,
			.end = ph->vaddr + ph->memsz,
			.file_end = ph->vaddr + ph->filesz,
			.file = img + ph->offset,
			.writable = (ph->flags & ELF_PF_W) != 0,
		};
		if (ph->vaddr + ph->memsz > end)
			end = ph->vaddr + ph->memsz;
		if ((ph->flags & ELF_PF_X) && eh->entry >= ph->vaddr &&
		    eh->entry - ph->vaddr < ph->memsz)
			entry_ok = true;
	}
	if (!entry_ok || end > USER_STACK_BOTTOM - PAGE_SIZE)
		return -ENOEXEC;
	vs->heap_start = vs->brk = end;
	*entry = eh->entry;
	return 0;
}

/* argv onto the top of vs's stack: the strings, then the NULL-terminated
 * pointer array; *sp below both. */
static int push_args(struct vmspace *vs, char *const argv[], unsigned argc, uint32_t *sp,
                     uint32_t *uargv)
{
	static uint32_t ptrs[EXEC_ARGS_MAX + 1];
	uint32_t top = USER_STACK_TOP;
	for (unsigned i = argc; i-- > 0;) {
		uint32_t n = (uint32_t)strlen(argv[i]) + 1;
		top -= n;
		int r = vm_copyout(vs, top, argv[i], n);
		if (r)
			return r;
		ptrs[i] = top;
	}
	ptrs[argc] = 0;
	top = (top - (argc + 1) * 4) & ~7u;
	int r = vm_copyout(vs, top, ptrs, (argc + 1) * 4);
	*uargv = top;
	*sp = top - 16; /* an o32 argument area, as a caller leaves one */
	return r;
}

int exec_load(struct proc *p, const char *path, char *const argv[], unsigned argc)
{
	struct inode *ip = fs_lookup(path);
	if (!ip)
		return -ENOENT;
	const uint8_t *img = fs_image(ip);
	if (!img)
		return -ENOEXEC; /* only the image's programs can be mapped */
	struct vmspace vs;
	uint32_t entry, sp, uargv;
	int r = vm_create(&vs);
	if (r)
		return r;
	if ((r = load_segments(&vs, img, fs_size(ip), &entry)) ||
	    (r = push_args(&vs, argv, argc, &sp, &uargv))) {
		vm_free(&vs);
		return r;
	}
	vm_free(&p->vm);
	asid_retire(&p->asid);
	p->vm = vs;
	memset(&p->tf, 0, sizeof p->tf);
	p->tf.epc = entry;
	p->tf.status = ST_EXL | ST_KSU_USER | ST_IM7 | ST_IE;
	p->tf.r[REG_A0] = argc;
	p->tf.r[REG_A1] = uargv;
	p->tf.r[REG_SP] = sp;
	return 0;
}

long sys_exec(struct proc *p, struct trapframe *tf)
{
	static char path[FS_NAME_MAX + 1];
	static char argbuf[EXEC_ARGBYTES_MAX];
	static char *argv[EXEC_ARGS_MAX];
	long n = vm_copyinstr(&p->vm, path, tf->r[REG_A0], sizeof path);
	if (n < 0)
		return n;
	unsigned argc = 0;
	uint32_t used = 0, uargv = tf->r[REG_A1];
	for (;; argc++) {
		uint32_t ptr;
		int r = uargv ? vm_copyin(&p->vm, &ptr, uargv + argc * 4, 4) : 0;
		if (r)
			return r;
		if (!uargv || !ptr)
			break;
		if (argc == EXEC_ARGS_MAX)
			return -E2BIG;
		long len = vm_copyinstr(&p->vm, argbuf + used, ptr, EXEC_ARGBYTES_MAX - used);
		if (len == -ENAMETOOLONG)
			return -E2BIG;
		if (len < 0)
			return len;
		argv[argc] = argbuf + used;
		used += (uint32_t)len + 1;
	}
	int r = exec_load(p, path, argv, argc);
	if (r)
		return r;
	*tf = p->tf; /* p is running: its context is the live one */
	return 0;
}
