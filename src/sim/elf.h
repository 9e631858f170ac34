/* Loading ELF32 MIPS executables into physical memory.
 *
 * Accepts ELFCLASS32, EM_MIPS, ET_EXEC, either byte order.  Each PT_LOAD
 * segment's virtual address must lie in kseg0 or kseg1 (the bare machine runs
 * unmapped, in kernel mode) and the whole segment, including its zero-filled
 * tail (p_memsz > p_filesz), must fit in physical memory.  The entry point
 * must lie inside a loaded, executable segment.
 */
#ifndef VMMSIM_ELF_H
#define VMMSIM_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_image {
	bool big_endian;
	uint32_t entry;
	unsigned nsegments;
	uint32_t phys_end;   /* loading: the end of the highest segment in memory */
};

/* Load the ELF image held in buf (len bytes) into ram (ram_size bytes),
 * physical address = virtual address & 0x1fffffff.  On error returns -1 and
 * writes one line (no file name, no newline) to err: what is wrong, with the
 * byte offset where it helps ("segment 2 at 0x80400000 (4096 bytes) lies
 * outside physical memory (64 MiB)").  Never reads outside buf. */
int elf_load_buffer(const uint8_t *buf, size_t len, uint8_t *ram, size_t ram_size,
                    struct elf_image *img, char *err, size_t errlen);

/* Where the loadable segments may lie: kseg0/kseg1 (the bare machine, a
 * native kernel) or ksseg (a guest kernel relocated to run deprivileged under
 * a VMM).  Either way physical address = virtual address & 0x1fffffff. */
enum elf_window { ELF_WINDOW_KSEG01, ELF_WINDOW_KSSEG };
int elf_load_window(const uint8_t *buf, size_t len, uint8_t *ram, size_t ram_size,
                    enum elf_window window, struct elf_image *img, char *err, size_t errlen);

/* Peek at the header only: fills img->big_endian and img->entry.  Same error
 * rules.  Used to choose the byte order before the machine is built. */
int elf_probe(const uint8_t *buf, size_t len, struct elf_image *img, char *err, size_t errlen);

#endif
