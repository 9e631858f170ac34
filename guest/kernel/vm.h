/* A process's address space: a two-level page table (a page directory of
 * 1024 page-table pointers, each page table 1024 PTEs in EntryLo format:
 * the refill handler's format), and the regions that say what an absent
 * page should become: bytes of a program file (ELF segments), or zeros
 * (heap, stack).  Faults, fork's copy-on-write sharing, sbrk, and the
 * copies between user and kernel memory all live in vm.c. */
#ifndef KERNEL_VM_H
#define KERNEL_VM_H

#include "kernel.h"

#define VM_MAX_REGIONS 4

struct region {
	uint32_t start, end;      /* user addresses, [start, end) */
	uint32_t file_end;        /* bytes below this come from file */
	const uint8_t *file;      /* the byte at start */
	bool writable;
};

struct vmspace {
	uint32_t *pgd;            /* NULL: none */
	struct region region[VM_MAX_REGIONS];
	unsigned nregions;
	uint32_t heap_start, brk; /* the heap is [heap_start, brk) */
};

/* vm_fault flags */
#define VMF_WRITE 1u /* the access writes */
#define VMF_MARK 2u  /* a TLB exception: mark the service (services.h) */

void vm_init(void);
int vm_create(struct vmspace *vs);                 /* an empty space */
void vm_free(struct vmspace *vs);
int vm_fork(struct vmspace *parent, struct vmspace *child);
void vm_activate(struct vmspace *vs);              /* the refill handler's */
int vm_fault(struct vmspace *vs, uint32_t va, unsigned flags);
long vm_sbrk(struct vmspace *vs, int32_t increment);

/* Copies between kernel buffers and user memory: 0 or -EFAULT (-ENOMEM
 * if a page the copy needs cannot be allocated). */
int vm_copyin(struct vmspace *vs, void *dst, uint32_t uva, uint32_t n);
int vm_copyout(struct vmspace *vs, uint32_t uva, const void *src, uint32_t n);
/* A NUL-terminated string of at most max-1 bytes: its length, -EFAULT, or
 * -ENAMETOOLONG. */
long vm_copyinstr(struct vmspace *vs, char *dst, uint32_t uva, uint32_t max);

#endif
