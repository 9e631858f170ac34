/* The small machine the CPU and CP0 suites share: see testmachine.h. */
#include "testmachine.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim/guestmem.h"

const uint32_t tm_halt[TM_HALT_WORDS] = {
	0x3c1ab000u, /* lui k0, 0xb000 */
	0xaf400010u, /* sw zero, 0x10(k0) */
};

static uint8_t *host(const struct machine *m, uint32_t va)
{
	uint32_t pa = va & 0x1fffffffu;
	ck_assert_msg(va >= 0x80000000u && va < 0xc0000000u && pa + 4 <= m->cfg.mem_size,
	              "test address %08x is not in kseg0/kseg1 RAM", va);
	return m->ram + pa;
}

struct machine *tm_new(bool big_endian, unsigned tlb_entries)
{
	struct machine_config cfg;
	char err[128];
	machine_config_defaults(&cfg);
	cfg.mem_size = MACHINE_MEM_MIN;
	cfg.tlb_entries = tlb_entries;
	cfg.big_endian = big_endian;
	struct machine *m = machine_new(&cfg, err, sizeof err);
	ck_assert_msg(m != NULL, "machine_new: %s", err);
	tm_put(m, 0x80000000u, tm_halt, TM_HALT_WORDS);
	tm_put(m, 0x80000180u, tm_halt, TM_HALT_WORDS);
	machine_boot(m, TM_CODE, NULL);
	return m;
}

void tm_put(struct machine *m, uint32_t va, const uint32_t *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		guestmem_put32(host(m, va + 4 * (uint32_t)i), words[i], m->cfg.big_endian);
}

uint32_t tm_word(const struct machine *m, uint32_t va)
{
	return guestmem_get32(host(m, va), m->cfg.big_endian);
}

void tm_set_word(struct machine *m, uint32_t va, uint32_t value)
{
	guestmem_put32(host(m, va), value, m->cfg.big_endian);
}

void tm_run(struct machine *m, uint32_t pc, uint64_t max_insns)
{
	m->cpu.pc = pc;
	m->cfg.max_insns = m->insns + max_insns;
	m->stop = STOP_NONE;
	enum machine_stop why = machine_run(m);
	ck_assert_msg(why == STOP_HALT, "the guest did not halt (stop %d, pc %08x)", (int)why,
	              m->cpu.pc);
}
