/* CP0 register semantics through cp0_read/cp0_write (src/sim/cp0.h): the
 * write mask of every register, Random and Wired, Count and Compare, Status,
 * Cause, EBase and the vectors, PRId; each test runs with a 48-entry (R4000)
 * and a 64-entry (R10000) TLB. */
#include <check.h>
#include <stdlib.h>

#include "sim/cp0_tlb.h"
#include "sim/exception.h"
#include "testmachine.h"
#include "unit.h"

static const unsigned tlb_sizes[] = { 48, 64 };
#define NSIZES (sizeof tlb_sizes / sizeof tlb_sizes[0])

static struct machine *m;
static unsigned n; /* TLB entries of this run */

static void setup_size(int i)
{
	n = tlb_sizes[i];
	m = tm_new(true, n);
}

#define RD(reg) cp0_read(m, (reg), 0)
#define WR(reg, v) cp0_write(m, (reg), 0, (v))

/* Count from 0 with Compare = compare, then let `ticks` Count ticks pass
 * without the machine looking at its events. */
static void count_ticks_past(uint32_t compare, unsigned ticks)
{
	WR(CP0_COUNT, 0);
	WR(CP0_COMPARE, compare);
	m->cycles += (uint64_t)ticks * m->cfg.cost.count_divisor;
}

START_TEST(index_keeps_six_bits_and_probe_bit)
{
	setup_size(_i);
	WR(CP0_INDEX, 0xffffffffu);
	ck_assert_uint_eq(RD(CP0_INDEX), 0x3f); /* P is read-only: a write cannot set it */
	WR(CP0_ENTRYHI, 0x00400000u);
	cp0_tlbp(m);
	ck_assert_uint_eq(RD(CP0_INDEX) & TLB_INDEX_P, TLB_INDEX_P);
	WR(CP0_INDEX, 5);
	ck_assert_uint_eq(RD(CP0_INDEX), TLB_INDEX_P | 5); /* nor clear it */
	machine_free(m);
}
END_TEST

START_TEST(entrylo_masks_pfn_c_d_v_g)
{
	setup_size(_i);
	WR(CP0_ENTRYLO0, 0xffffffffu);
	WR(CP0_ENTRYLO1, 0xfc000000u | 0x2a);
	ck_assert_uint_eq(RD(CP0_ENTRYLO0), TLB_ENTRYLO_MASK);
	ck_assert_uint_eq(RD(CP0_ENTRYLO1), 0x2a);
	machine_free(m);
}
END_TEST

START_TEST(context_only_ptebase_writable)
{
	setup_size(_i);
	WR(CP0_CONTEXT, 0xffffffffu);
	ck_assert_uint_eq(RD(CP0_CONTEXT), CONTEXT_PTEBASE);
	/* BadVPN2 comes from a TLB exception and survives a PTEBase write */
	struct exc e = { .code = EXC_TLBL, .tlb = true, .refill = true, .has_badvaddr = true,
		         .badvaddr = 0x12345678u };
	exception_enter(m, &e, TM_CODE, false);
	ck_assert_uint_eq(RD(CP0_CONTEXT), CONTEXT_PTEBASE | (0x12345678u >> 13) << 4);
	WR(CP0_CONTEXT, 0x00800000u);
	ck_assert_uint_eq(RD(CP0_CONTEXT), 0x00800000u | (0x12345678u >> 13) << 4);
	ck_assert_uint_eq(RD(CP0_BADVADDR), 0x12345678u);
	ck_assert_uint_eq(RD(CP0_ENTRYHI), 0x12344000u);
	machine_free(m);
}
END_TEST

START_TEST(pagemask_and_entryhi_masks)
{
	setup_size(_i);
	WR(CP0_PAGEMASK, 0xffffffffu);
	ck_assert_uint_eq(RD(CP0_PAGEMASK), 0x01ffe000u);
	WR(CP0_ENTRYHI, 0xffffffffu); /* bits 12..8 do not exist */
	ck_assert_uint_eq(RD(CP0_ENTRYHI), 0xffffe0ffu);
	machine_free(m);
}
END_TEST

START_TEST(entryhi_asid_change_retranslates)
{
	setup_size(_i);
	uint64_t gen = m->xlate_gen;
	WR(CP0_ENTRYHI, 0x00400000u); /* VPN2 only: the ASID is still 0 */
	ck_assert_uint_eq(m->xlate_gen, gen);
	WR(CP0_ENTRYHI, 0x00400007u);
	ck_assert_uint_gt(m->xlate_gen, gen);
	machine_free(m);
}
END_TEST

START_TEST(wired_write_resets_random)
{
	setup_size(_i);
	ck_assert_uint_eq(RD(CP0_RANDOM), n - 1);
	m->insns += 5;
	ck_assert_uint_eq(RD(CP0_RANDOM), n - 6);
	WR(CP0_WIRED, 3);
	ck_assert_uint_eq(RD(CP0_WIRED), 3);
	ck_assert_uint_eq(RD(CP0_RANDOM), n - 1);
	WR(CP0_RANDOM, 7); /* read-only */
	ck_assert_uint_eq(RD(CP0_RANDOM), n - 1);
	machine_free(m);
}
END_TEST

START_TEST(random_walks_down_from_top_to_wired)
{
	setup_size(_i);
	const unsigned wired = 10;
	WR(CP0_WIRED, wired);
	unsigned expect = n - 1;
	for (unsigned step = 0; step < 3 * n; step++) {
		uint32_t r = RD(CP0_RANDOM);
		ck_assert_uint_eq(r, expect);
		ck_assert(r >= wired && r <= n - 1);
		m->insns++; /* one instruction retires */
		expect = expect == wired ? n - 1 : expect - 1;
	}
	machine_free(m);
}
END_TEST

START_TEST(tlbwr_writes_the_entry_random_names)
{
	setup_size(_i);
	WR(CP0_WIRED, 2);
	m->insns += 4;
	unsigned slot = RD(CP0_RANDOM);
	ck_assert_uint_eq(slot, n - 5);
	WR(CP0_ENTRYHI, 0x00400000u);
	WR(CP0_ENTRYLO0, 0x42 << 6 | TLB_ENTRYLO_V);
	cp0_tlbwr(m);
	ck_assert_uint_eq(m->tlb.entry[slot].entryhi, 0x00400000u);
	cp0_tlbp(m);
	ck_assert_uint_eq(RD(CP0_INDEX), slot);
	machine_free(m);
}
END_TEST

START_TEST(count_ticks_with_cycles)
{
	setup_size(_i);
	unsigned div = m->cfg.cost.count_divisor;
	WR(CP0_COUNT, 1000);
	m->cycles += 10 * div;
	ck_assert_uint_eq(RD(CP0_COUNT), 1010);
	machine_free(m);
}
END_TEST

START_TEST(count_compare_match_raises_ip7)
{
	setup_size(_i);
	count_ticks_past(100, 99);
	machine_handle_events(m);
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_IP7, 0);
	m->cycles += m->cfg.cost.count_divisor;
	machine_handle_events(m); /* IE is clear: pending, not taken */
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_IP7, CAUSE_IP7);
	ck_assert_uint_eq(RD(CP0_STATUS) & ST_EXL, 0);
	WR(CP0_COMPARE, 500); /* writing Compare acknowledges */
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_IP7, 0);
	machine_free(m);
}
END_TEST

START_TEST(compare_match_seen_by_cause_read_before_events)
{
	/* the interpreter looks at events only at branches; Count passing
	 * Compare in straight-line code must still show in Cause at once */
	setup_size(_i);
	count_ticks_past(50, 60);
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_IP7, CAUSE_IP7);
	machine_free(m);
}
END_TEST

START_TEST(compare_match_survives_status_write)
{
	setup_size(_i);
	count_ticks_past(50, 60);
	WR(CP0_STATUS, 0); /* recomputes the next timer event */
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_IP7, CAUSE_IP7);
	machine_free(m);
}
END_TEST

START_TEST(compare_match_survives_exception_entry)
{
	setup_size(_i);
	count_ticks_past(50, 60);
	struct exc e = { .code = EXC_SYS };
	exception_enter(m, &e, TM_CODE, false);
	ck_assert_uint_eq(m->cp0.cause & CAUSE_IP7, CAUSE_IP7);
	machine_free(m);
}
END_TEST

START_TEST(compare_write_after_match_clears_ip7)
{
	setup_size(_i);
	count_ticks_past(50, 60);
	WR(CP0_COMPARE, 1000); /* the match happened, then the write acknowledged it */
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_IP7, 0);
	m->cycles += 100 * m->cfg.cost.count_divisor; /* Count 160: still short of 1000 */
	machine_handle_events(m);
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_IP7, 0);
	machine_free(m);
}
END_TEST

START_TEST(status_writable_bits)
{
	setup_size(_i);
	WR(CP0_STATUS, 0xffffffffu);
	ck_assert_uint_eq(RD(CP0_STATUS), ST_WRITABLE);
	ck_assert_uint_eq(ST_WRITABLE, 0xf040ff1fu);
	WR(CP0_STATUS, 0);
	ck_assert_uint_eq(RD(CP0_STATUS), 0);
	machine_free(m);
}
END_TEST

START_TEST(status_ksu_sets_mode)
{
	setup_size(_i);
	WR(CP0_STATUS, 2u << ST_KSU_SHIFT);
	ck_assert_int_eq(m->mode, MODE_USER);
	WR(CP0_STATUS, 1u << ST_KSU_SHIFT);
	ck_assert_int_eq(m->mode, MODE_SUPERVISOR);
	WR(CP0_STATUS, 2u << ST_KSU_SHIFT | ST_EXL); /* EXL: kernel whatever KSU says */
	ck_assert_int_eq(m->mode, MODE_KERNEL);
	WR(CP0_STATUS, 2u << ST_KSU_SHIFT | ST_ERL);
	ck_assert_int_eq(m->mode, MODE_KERNEL);
	machine_free(m);
}
END_TEST

START_TEST(cause_only_iv_and_software_ip_writable)
{
	setup_size(_i);
	struct exc e = { .code = EXC_CPU, .ce = 2 };
	exception_enter(m, &e, TM_CODE + 4, true);
	uint32_t hw = RD(CP0_CAUSE);
	ck_assert_uint_eq(hw, CAUSE_BD | 2u << CAUSE_CE_SHIFT | EXC_CPU << CAUSE_EXC_SHIFT);
	WR(CP0_CAUSE, 0xffffffffu);
	ck_assert_uint_eq(RD(CP0_CAUSE), hw | CAUSE_IV | CAUSE_IP_SW);
	WR(CP0_CAUSE, 0);
	ck_assert_uint_eq(RD(CP0_CAUSE), hw);
	machine_free(m);
}
END_TEST

START_TEST(software_interrupt_taken_when_enabled)
{
	setup_size(_i);
	WR(CP0_CAUSE, 0x100); /* IP0 */
	WR(CP0_STATUS, 0x100 | ST_IE);
	ck_assert(machine_interrupt_deliverable(m));
	m->cpu.pc = TM_CODE;
	machine_handle_events(m);
	ck_assert_uint_eq(m->cpu.pc, 0x80000180u);
	ck_assert_uint_eq(RD(CP0_EPC), TM_CODE);
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_EXC, EXC_INT << CAUSE_EXC_SHIFT);
	ck_assert(!machine_interrupt_deliverable(m)); /* EXL masks it now */
	machine_free(m);
}
END_TEST

START_TEST(ebase_bits_29_to_12)
{
	setup_size(_i);
	ck_assert_uint_eq(cp0_read(m, CP0_PRID, 1), 0x80000000u);
	cp0_write(m, CP0_PRID, 1, 0xffffffffu);
	ck_assert_uint_eq(cp0_read(m, CP0_PRID, 1), 0xbffff000u);
	cp0_write(m, CP0_PRID, 1, 0);
	ck_assert_uint_eq(cp0_read(m, CP0_PRID, 1), 0x80000000u);
	machine_free(m);
}
END_TEST

START_TEST(ebase_moves_vectors_when_bev_clear)
{
	setup_size(_i);
	struct exc sys = { .code = EXC_SYS };
	struct exc refill = { .code = EXC_TLBL, .tlb = true, .refill = true, .has_badvaddr = true,
		              .badvaddr = 0x1000 };
	cp0_write(m, CP0_PRID, 1, 0x80042000u);
	ck_assert_uint_eq(exception_enter(m, &sys, TM_CODE, false), 0x80042180u);
	WR(CP0_STATUS, 0);
	ck_assert_uint_eq(exception_enter(m, &refill, TM_CODE, false), 0x80042000u);
	/* a refill taken while EXL is set goes to the general vector */
	ck_assert_uint_eq(exception_enter(m, &refill, TM_CODE, false), 0x80042180u);
	/* BEV=1 ignores EBase */
	WR(CP0_STATUS, ST_BEV);
	ck_assert_uint_eq(exception_enter(m, &sys, TM_CODE, false), 0xbfc00380u);
	WR(CP0_STATUS, ST_BEV);
	ck_assert_uint_eq(exception_enter(m, &refill, TM_CODE, false), 0xbfc00200u);
	machine_free(m);
}
END_TEST

START_TEST(nested_exception_keeps_epc)
{
	setup_size(_i);
	struct exc sys = { .code = EXC_SYS };
	struct exc ov = { .code = EXC_OV };
	exception_enter(m, &sys, TM_CODE + 8, true);
	exception_enter(m, &ov, 0x80000184u, false);
	ck_assert_uint_eq(RD(CP0_EPC), TM_CODE + 4); /* the first one's branch */
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_BD, CAUSE_BD);
	ck_assert_uint_eq(RD(CP0_CAUSE) & CAUSE_EXC, EXC_OV << CAUSE_EXC_SHIFT);
	machine_free(m);
}
END_TEST

START_TEST(prid_read_only)
{
	setup_size(_i);
	ck_assert_uint_eq(RD(CP0_PRID), CP0_PRID_VALUE);
	ck_assert_uint_eq(RD(CP0_PRID) >> 8 & 0xff, 0x04); /* R4000 implementation number */
	WR(CP0_PRID, 0);
	ck_assert_uint_eq(RD(CP0_PRID), CP0_PRID_VALUE);
	WR(CP0_BADVADDR, 0x1234);
	ck_assert_uint_eq(RD(CP0_BADVADDR), 0);
	machine_free(m);
}
END_TEST

START_TEST(config1_reports_tlb_size)
{
	setup_size(_i);
	ck_assert_uint_eq(cp0_read(m, CP0_CONFIG, 1) >> 25 & 0x3f, n - 1);
	ck_assert_uint_eq(RD(CP0_CONFIG) & 0x00008000u, 0x00008000u); /* big-endian */
	machine_free(m);
}
END_TEST

START_TEST(tlbr_round_trips_tlbwi)
{
	setup_size(_i);
	WR(CP0_INDEX, n - 1);
	WR(CP0_PAGEMASK, 0x00006000u); /* 16 KiB pages */
	WR(CP0_ENTRYHI, 0x7fff8000u | 0x33);
	WR(CP0_ENTRYLO0, 0x123 << 6 | TLB_ENTRYLO_V | TLB_ENTRYLO_D | TLB_ENTRYLO_G);
	WR(CP0_ENTRYLO1, 0x456 << 6 | TLB_ENTRYLO_G);
	cp0_tlbwi(m);
	WR(CP0_PAGEMASK, 0);
	WR(CP0_ENTRYHI, 0);
	WR(CP0_ENTRYLO0, 0);
	WR(CP0_ENTRYLO1, 0);
	cp0_tlbr(m);
	ck_assert_uint_eq(RD(CP0_PAGEMASK), 0x00006000u);
	ck_assert_uint_eq(RD(CP0_ENTRYHI), 0x7fff8000u | 0x33);
	ck_assert_uint_eq(RD(CP0_ENTRYLO0), 0x123 << 6 | TLB_ENTRYLO_V | TLB_ENTRYLO_D | TLB_ENTRYLO_G);
	ck_assert_uint_eq(RD(CP0_ENTRYLO1), 0x456 << 6 | TLB_ENTRYLO_G);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cp0");
	TCase *tc = tcase_create("registers");
#define T(fn) tcase_add_loop_test(tc, fn, 0, (int)NSIZES)
	T(index_keeps_six_bits_and_probe_bit);
	T(entrylo_masks_pfn_c_d_v_g);
	T(context_only_ptebase_writable);
	T(pagemask_and_entryhi_masks);
	T(entryhi_asid_change_retranslates);
	T(wired_write_resets_random);
	T(random_walks_down_from_top_to_wired);
	T(tlbwr_writes_the_entry_random_names);
	T(count_ticks_with_cycles);
	T(count_compare_match_raises_ip7);
	T(compare_match_seen_by_cause_read_before_events);
	T(compare_match_survives_status_write);
	T(compare_match_survives_exception_entry);
	T(compare_write_after_match_clears_ip7);
	T(status_writable_bits);
	T(status_ksu_sets_mode);
	T(cause_only_iv_and_software_ip_writable);
	T(software_interrupt_taken_when_enabled);
	T(ebase_bits_29_to_12);
	T(ebase_moves_vectors_when_bev_clear);
	T(nested_exception_keeps_epc);
	T(prid_read_only);
	T(config1_reports_tlb_size);
	T(tlbr_round_trips_tlbwi);
#undef T
	suite_add_tcase(s, tc);
	return unit_run(s);
}
