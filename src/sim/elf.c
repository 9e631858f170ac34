/* Loading ELF32 MIPS executables (elf.h).  Every field is bounds-checked
 * against the buffer before use: the loader is a fuzz target. */
#include "sim/elf.h"

#include <stdio.h>
#include <string.h>

#define EI_NIDENT 16
#define ELF_HEADER_SIZE 52
#define ELF_PHDR_SIZE 32
#define ET_EXEC 2
#define EM_MIPS 8
#define PT_LOAD 1
#define PF_X 1
#define KSEG0 0x80000000u
#define KSEG2 0xc0000000u
#define KSEG3 0xe0000000u

static uint32_t get32(const uint8_t *p, bool big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
	           : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint16_t get16(const uint8_t *p, bool big)
{
	return (uint16_t)(big ? p[0] << 8 | p[1] : p[1] << 8 | p[0]);
}

int elf_probe(const uint8_t *buf, size_t len, struct elf_image *img, char *err, size_t errlen)
{
	if (len < ELF_HEADER_SIZE) {
		snprintf(err, errlen, "not an ELF file: %zu bytes, shorter than an ELF header", len);
		return -1;
	}
	if (memcmp(buf, "\177ELF", 4) != 0) {
		snprintf(err, errlen, "not an ELF file: bad magic number at offset 0");
		return -1;
	}
	if (buf[4] != 1) {
		snprintf(err, errlen, "not a 32-bit ELF file (class %u at offset 4)", buf[4]);
		return -1;
	}
	if (buf[5] != 1 && buf[5] != 2) {
		snprintf(err, errlen, "bad ELF byte order %u at offset 5", buf[5]);
		return -1;
	}
	bool big = buf[5] == 2;
	if (get16(buf + 18, big) != EM_MIPS) {
		snprintf(err, errlen, "not a MIPS executable (machine %u at offset 18)",
		         get16(buf + 18, big));
		return -1;
	}
	if (get16(buf + 16, big) != ET_EXEC) {
		snprintf(err, errlen, "not an executable (ELF type %u at offset 16)",
		         get16(buf + 16, big));
		return -1;
	}
	img->big_endian = big;
	img->entry = get32(buf + 24, big);
	img->nsegments = 0;
	img->phys_end = 0;
	return 0;
}

int elf_load_buffer(const uint8_t *buf, size_t len, uint8_t *ram, size_t ram_size,
                    struct elf_image *img, char *err, size_t errlen)
{
	return elf_load_window(buf, len, ram, ram_size, ELF_WINDOW_KSEG01, img, err, errlen);
}

int elf_load_window(const uint8_t *buf, size_t len, uint8_t *ram, size_t ram_size,
                    enum elf_window window, struct elf_image *img, char *err, size_t errlen)
{
	uint32_t lo = window == ELF_WINDOW_KSSEG ? KSEG2 : KSEG0;
	uint32_t hi = window == ELF_WINDOW_KSSEG ? KSEG3 : KSEG2;
	const char *where = window == ELF_WINDOW_KSSEG
		? "is not in ksseg (0xc0000000..0xdfffffff: a kernel relocated for a VMM is linked there)"
		: "is not in kseg0/kseg1 (the bare machine runs unmapped; a linker script must discard .MIPS.abiflags and .reginfo, see README)";
	if (elf_probe(buf, len, img, err, errlen) != 0)
		return -1;
	bool big = img->big_endian;
	uint32_t phoff = get32(buf + 28, big);
	unsigned phentsize = get16(buf + 42, big), phnum = get16(buf + 44, big);
	if (phnum == 0) {
		snprintf(err, errlen, "no program headers (e_phnum 0 at offset 44)");
		return -1;
	}
	if (phentsize < ELF_PHDR_SIZE) {
		snprintf(err, errlen, "program header size %u at offset 42 is below %d", phentsize,
		         ELF_PHDR_SIZE);
		return -1;
	}
	if (phoff > len || (uint64_t)phnum * phentsize > len - phoff) {
		snprintf(err, errlen, "program headers at offset 0x%x (%u x %u bytes) run past the end of the file (%zu bytes)",
		         phoff, phnum, phentsize, len);
		return -1;
	}
	bool entry_ok = false;
	for (unsigned i = 0; i < phnum; i++) {
		const uint8_t *ph = buf + phoff + (size_t)i * phentsize;
		if (get32(ph, big) != PT_LOAD)
			continue;
		uint32_t off = get32(ph + 4, big), vaddr = get32(ph + 8, big);
		uint32_t filesz = get32(ph + 16, big), memsz = get32(ph + 20, big);
		uint32_t flags = get32(ph + 24, big);
		size_t at = phoff + (size_t)i * phentsize;
		if (filesz > memsz) {
			snprintf(err, errlen, "segment %u (header at offset 0x%zx): file size %u exceeds memory size %u",
			         i, at, filesz, memsz);
			return -1;
		}
		if (off > len || filesz > len - off) {
			snprintf(err, errlen, "segment %u (header at offset 0x%zx): data at offset 0x%x (%u bytes) runs past the end of the file (%zu bytes)",
			         i, at, off, filesz, len);
			return -1;
		}
		if (vaddr < lo || vaddr >= hi || memsz > hi - vaddr) {
			snprintf(err, errlen, "segment %u at 0x%08x (%u bytes) %s", i, vaddr, memsz, where);
			return -1;
		}
		uint32_t pa = vaddr & 0x1fffffffu;
		if (pa > ram_size || memsz > ram_size - pa) {
			snprintf(err, errlen, "segment %u at 0x%08x (%u bytes) lies outside physical memory (%zu MiB)",
			         i, vaddr, memsz, ram_size >> 20);
			return -1;
		}
		memcpy(ram + pa, buf + off, filesz);
		if (pa + memsz > img->phys_end)
			img->phys_end = pa + memsz;
		memset(ram + pa + filesz, 0, memsz - filesz);
		img->nsegments++;
		if ((flags & PF_X) && img->entry >= vaddr && img->entry - vaddr < memsz)
			entry_ok = true;
	}
	if (img->nsegments == 0) {
		snprintf(err, errlen, "no loadable (PT_LOAD) segment");
		return -1;
	}
	if (!entry_ok) {
		snprintf(err, errlen, "entry point 0x%08x (offset 24) is not inside an executable segment",
		         img->entry);
		return -1;
	}
	return 0;
}
