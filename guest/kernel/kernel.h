/* The guest kernel's basics: integer types, the physical-to-kernel address
 * mapping of the flavour being built, page geometry, console output and
 * panic, and the few string routines the kernel needs (klib.c). */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* KVA(P): the only way the kernel turns a physical address into a pointer
 * (guest/ABI.md, "Flavours").  Native: kseg0.  Relocated: ksseg, mapped by
 * the kernel's own ksseg refill path (vectors.S) or by a VMM. */
#ifdef KERNEL_RELOCATED
#define KSEG_BASE 0xC0000000u
#else
#define KSEG_BASE 0x80000000u
#endif
#define KVA(p) ((void *)(uintptr_t)((uint32_t)(p) + KSEG_BASE))
#define PADDR(v) ((uint32_t)(uintptr_t)(v) - KSEG_BASE)

#define PAGE_SIZE 4096u
#define PAGE_SHIFT 12
#define PAGE_MASK (PAGE_SIZE - 1)
#define PAGE_ROUND_DOWN(a) ((uint32_t)(a) & ~PAGE_MASK)
#define PAGE_ROUND_UP(a) (((uint32_t)(a) + PAGE_MASK) & ~PAGE_MASK)

/* The user address space (guest/ABI.md, "Processes and memory"). */
#define USER_TOP 0x80000000u
#define USER_STACK_TOP 0x7FFFF000u
#define USER_STACK_MAX (1u << 20)
#define USER_STACK_BOTTOM (USER_STACK_TOP - USER_STACK_MAX)

/* Mark the current kernel entry as service ID (src/sim/services.h): an
 * architectural no-op that the simulator's ledger reads. */
#define SERVICE_MARK(id) __asm__ volatile("ori $0, $0, %0" ::"i"(id))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* console.c */
void kputc(char c);
void kputs(const char *s);
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void panic(const char *msg);
_Noreturn void halt(unsigned status);

/* klib.c: what gcc may call even when freestanding, and a little more */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

#endif
