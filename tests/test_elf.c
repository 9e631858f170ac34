/* The ELF loader (src/sim/elf.h): loads, zero-fill, both byte orders, and
 * every error with its exact text. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sim/elf.h"
#include "unit.h"

#define RAM (1u << 20)
static uint8_t ram[RAM];
static uint8_t img[4096];
static char err[256];
static struct elf_image out;

static void p16(uint8_t *p, uint16_t v, bool be)
{
	p[be ? 0 : 1] = (uint8_t)(v >> 8);
	p[be ? 1 : 0] = (uint8_t)v;
}
static void p32(uint8_t *p, uint32_t v, bool be)
{
	for (int i = 0; i < 4; i++)
		p[be ? i : 3 - i] = (uint8_t)(v >> (24 - 8 * i));
}

/* A valid image: one executable segment at vaddr with 16 bytes of file data
 * (0x11..) and memsz 64; entry at vaddr + 4. */
static size_t build(bool be, uint32_t vaddr)
{
	memset(img, 0, sizeof img);
	memcpy(img, "\177ELF", 4);
	img[4] = 1;
	img[5] = be ? 2 : 1;
	img[6] = 1;
	p16(img + 16, 2, be);     /* ET_EXEC */
	p16(img + 18, 8, be);     /* EM_MIPS */
	p32(img + 20, 1, be);
	p32(img + 24, vaddr + 4, be);
	p32(img + 28, 52, be);    /* phoff */
	p16(img + 40, 52, be);
	p16(img + 42, 32, be);    /* phentsize */
	p16(img + 44, 1, be);     /* phnum */
	uint8_t *ph = img + 52;
	p32(ph, 1, be);           /* PT_LOAD */
	p32(ph + 4, 256, be);     /* offset */
	p32(ph + 8, vaddr, be);
	p32(ph + 12, vaddr, be);
	p32(ph + 16, 16, be);     /* filesz */
	p32(ph + 20, 64, be);     /* memsz */
	p32(ph + 24, 5, be);      /* R+X */
	for (int i = 0; i < 16; i++)
		img[256 + i] = (uint8_t)(0x11 * (i + 1));
	return 512;
}

static int load(size_t len)
{
	err[0] = 0;
	return elf_load_buffer(img, len, ram, RAM, &out, err, sizeof err);
}

START_TEST(loads_both_orders)
{
	for (int be = 0; be < 2; be++) {
		memset(ram, 0xee, sizeof ram);
		size_t len = build(be, 0x80001000);
		ck_assert_int_eq(load(len), 0);
		ck_assert(out.big_endian == (bool)be);
		ck_assert_uint_eq(out.entry, 0x80001004);
		ck_assert_uint_eq(out.nsegments, 1);
		ck_assert_uint_eq(ram[0x1000], 0x11);
		ck_assert_uint_eq(ram[0x100f], 0x10); /* 0x11 * 16 truncated */
		for (int i = 16; i < 64; i++)
			ck_assert_uint_eq(ram[0x1000 + i], 0); /* zero-filled tail */
		ck_assert_uint_eq(ram[0x1000 + 64], 0xee); /* nothing beyond */
	}
	/* kseg1 maps to the same physical memory */
	size_t len = build(true, 0xa0002000);
	ck_assert_int_eq(load(len), 0);
	ck_assert_uint_eq(ram[0x2000], 0x11);
}
END_TEST

START_TEST(probe_only_reads_header)
{
	size_t len = build(false, 0x80001000);
	ck_assert_int_eq(elf_probe(img, len, &out, err, sizeof err), 0);
	ck_assert(!out.big_endian);
	ck_assert_uint_eq(out.entry, 0x80001004);
}
END_TEST

#define EXPECT_ERROR(len, text)                                                                    \
	do {                                                                                       \
		ck_assert_int_eq(load(len), -1);                                                   \
		ck_assert_str_eq(err, text);                                                       \
	} while (0)

START_TEST(header_errors)
{
	size_t len = build(true, 0x80001000);
	EXPECT_ERROR(10, "not an ELF file: 10 bytes, shorter than an ELF header");
	img[1] = 'X';
	EXPECT_ERROR(len, "not an ELF file: bad magic number at offset 0");
	build(true, 0x80001000);
	img[4] = 2;
	EXPECT_ERROR(len, "not a 32-bit ELF file (class 2 at offset 4)");
	build(true, 0x80001000);
	img[5] = 3;
	EXPECT_ERROR(len, "bad ELF byte order 3 at offset 5");
	build(true, 0x80001000);
	p16(img + 18, 62, true);
	EXPECT_ERROR(len, "not a MIPS executable (machine 62 at offset 18)");
	build(true, 0x80001000);
	p16(img + 16, 3, true);
	EXPECT_ERROR(len, "not an executable (ELF type 3 at offset 16)");
}
END_TEST

START_TEST(program_header_errors)
{
	size_t len = build(true, 0x80001000);
	p16(img + 44, 0, true);
	EXPECT_ERROR(len, "no program headers (e_phnum 0 at offset 44)");
	build(true, 0x80001000);
	p16(img + 42, 16, true);
	EXPECT_ERROR(len, "program header size 16 at offset 42 is below 32");
	build(true, 0x80001000);
	p32(img + 28, 500, true);
	EXPECT_ERROR(len, "program headers at offset 0x1f4 (1 x 32 bytes) run past the end of the file (512 bytes)");
	build(true, 0x80001000);
	p32(img + 52, 6, true); /* not PT_LOAD */
	EXPECT_ERROR(len, "no loadable (PT_LOAD) segment");
}
END_TEST

START_TEST(segment_errors)
{
	size_t len = build(true, 0x80001000);
	p32(img + 52 + 16, 100, true);
	EXPECT_ERROR(len, "segment 0 (header at offset 0x34): file size 100 exceeds memory size 64");
	build(true, 0x80001000);
	p32(img + 52 + 4, 0x1f8, true);
	EXPECT_ERROR(len, "segment 0 (header at offset 0x34): data at offset 0x1f8 (16 bytes) runs past the end of the file (512 bytes)");
	len = build(true, 0x00400000);
	EXPECT_ERROR(len, "segment 0 at 0x00400000 (64 bytes) is not in kseg0/kseg1 (the bare machine runs unmapped; a linker script must discard .MIPS.abiflags and .reginfo, see README)");
	len = build(true, 0xbfffffe0);
	EXPECT_ERROR(len, "segment 0 at 0xbfffffe0 (64 bytes) is not in kseg0/kseg1 (the bare machine runs unmapped; a linker script must discard .MIPS.abiflags and .reginfo, see README)");
	len = build(true, 0x800ffff0);
	EXPECT_ERROR(len, "segment 0 at 0x800ffff0 (64 bytes) lies outside physical memory (1 MiB)");
	len = build(true, 0x80001000);
	p32(img + 24, 0x80002000, true);
	EXPECT_ERROR(len, "entry point 0x80002000 (offset 24) is not inside an executable segment");
	len = build(true, 0x80001000);
	p32(img + 52 + 24, 4, true); /* readable only */
	EXPECT_ERROR(len, "entry point 0x80001004 (offset 24) is not inside an executable segment");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("elf");
	TCase *tc = tcase_create("loader");
	tcase_add_test(tc, loads_both_orders);
	tcase_add_test(tc, probe_only_reads_header);
	tcase_add_test(tc, header_errors);
	tcase_add_test(tc, program_header_errors);
	tcase_add_test(tc, segment_errors);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
