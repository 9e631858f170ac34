/* The CPU (src/sim/exec_body.inc and its helpers): instructions encoded as
 * words and run on a small machine, in both byte orders and with the host
 * translation cache on and off, which must not change any result (loop index
 * bit 0: little-endian; bit 1: cache off).  Exceptions, delay slots,
 * branch-likely, unaligned and linked loads and stores, HI/LO arithmetic,
 * coprocessor usability, eret, and the host translation cache staying
 * coherent with TLB writes and ASID changes. */
#include <check.h>
#include <stdlib.h>

#include "sim/cp0_tlb.h"
#include "testmachine.h"
#include "unit.h"

/* Encoders, named as the instructions (operands in assembler order). */
#define NOP 0u
#define ADD(d, s, t) enc_r(s, t, d, 0, 0x20)
#define ADDU(d, s, t) enc_r(s, t, d, 0, 0x21)
#define SUB(d, s, t) enc_r(s, t, d, 0, 0x22)
#define ADDI(t, s, i) enc_i(0x08, s, t, i)
#define ADDIU(t, s, i) enc_i(0x09, s, t, i)
#define BEQ(s, t, off) enc_i(0x04, s, t, off)
#define BNE(s, t, off) enc_i(0x05, s, t, off)
#define BEQL(s, t, off) enc_i(0x14, s, t, off)
#define BNEL(s, t, off) enc_i(0x15, s, t, off)
#define JR(s) enc_r(s, 0, 0, 0, 0x08)
#define JALR(d, s) enc_r(s, 0, d, 0, 0x09)
#define LH(t, off, b) enc_i(0x21, b, t, off)
#define LW(t, off, b) enc_i(0x23, b, t, off)
#define SW(t, off, b) enc_i(0x2b, b, t, off)
#define LWL(t, off, b) enc_i(0x22, b, t, off)
#define LWR(t, off, b) enc_i(0x26, b, t, off)
#define SWL(t, off, b) enc_i(0x2a, b, t, off)
#define SWR(t, off, b) enc_i(0x2e, b, t, off)
#define LL(t, off, b) enc_i(0x30, b, t, off)
#define SC(t, off, b) enc_i(0x38, b, t, off)
#define MULT(s, t) enc_r(s, t, 0, 0, 0x18)
#define MULTU(s, t) enc_r(s, t, 0, 0, 0x19)
#define DIV(s, t) enc_r(s, t, 0, 0, 0x1a)
#define DIVU(s, t) enc_r(s, t, 0, 0, 0x1b)
#define SPECIAL2(s, t, d, fn) (0x70000000u | enc_r(s, t, d, 0, fn))
#define MADD(s, t) SPECIAL2(s, t, 0, 0x00)
#define MADDU(s, t) SPECIAL2(s, t, 0, 0x01)
#define MUL(d, s, t) SPECIAL2(s, t, d, 0x02)
#define MSUB(s, t) SPECIAL2(s, t, 0, 0x04)
#define MSUBU(s, t) SPECIAL2(s, t, 0, 0x05)
#define MFHI(d) enc_r(0, 0, d, 0, 0x10)
#define MFLO(d) enc_r(0, 0, d, 0, 0x12)
#define SYSCALL 0x0000000cu
#define BREAK 0x0000000du
#define ERET 0x42000018u
#define TLBWI 0x42000002u

#define USER_CODE 0x00010000u /* kuseg alias of TM_CODE (tm_map_user) */

static struct machine *m;

static void teardown(void)
{
	machine_free(m);
	m = NULL;
}

/* A fresh machine in the byte order and cache setting of loop index i. */
static void begin(int i)
{
	m = tm_new((i & 1) == 0, 48);
	m->cfg.use_tcache = (i & 2) == 0;
}

/* Place the program (then the halt sequence) at TM_CODE and run it from pc. */
static void run_at(uint32_t pc, const uint32_t *w, size_t n)
{
	tm_put(m, TM_CODE, w, n);
	tm_put(m, TM_CODE + 4 * (uint32_t)n, tm_halt, TM_HALT_WORDS);
	tm_run(m, pc, 10000);
}
#define RUN(...)                                                                                   \
	do {                                                                                       \
		const uint32_t w_[] = { __VA_ARGS__ };                                             \
		run_at(TM_CODE, w_, sizeof w_ / sizeof w_[0]);                                     \
	} while (0)
#define RUN_USER(...)                                                                              \
	do {                                                                                       \
		const uint32_t w_[] = { __VA_ARGS__ };                                             \
		run_at(USER_CODE, w_, sizeof w_ / sizeof w_[0]);                                   \
	} while (0)

/* A general-exception handler that counts in $k1 and resumes after the
 * faulting instruction (not for faults in delay slots). */
static void install_skip_handler(void)
{
	const uint32_t h[] = {
		ADDIU(K1, K1, 1),  enc_mfc0(K0, CP0_EPC, 0), ADDIU(K0, K0, 4),
		enc_mtc0(K0, CP0_EPC, 0), ERET,
	};
	tm_put(m, 0x80000180u, h, sizeof h / sizeof h[0]);
}

static uint32_t exccode(void)
{
	return (m->cp0.cause & CAUSE_EXC) >> CAUSE_EXC_SHIFT;
}

/* The last exception was an address error (or TLB miss) of this kind. */
static void assert_bad_address(unsigned code, uint32_t epc, uint32_t badvaddr)
{
	ck_assert_uint_eq(exccode(), code);
	ck_assert_uint_eq(m->cp0.epc, epc);
	ck_assert_uint_eq(m->cp0.badvaddr, badvaddr);
}

/* Write TLB entry idx from C, as TLBWI would. */
static void tlb_put(unsigned idx, uint32_t hi, uint32_t lo0, uint32_t lo1)
{
	cp0_write(m, CP0_INDEX, 0, idx);
	cp0_write(m, CP0_PAGEMASK, 0, 0);
	cp0_write(m, CP0_ENTRYHI, 0, hi);
	cp0_write(m, CP0_ENTRYLO0, 0, lo0);
	cp0_write(m, CP0_ENTRYLO1, 0, lo1);
	cp0_tlbwi(m);
}
#define LO(pa, flags) ((((pa) >> 12) << 6) | (flags))
#define VDG (TLB_ENTRYLO_V | TLB_ENTRYLO_D | TLB_ENTRYLO_G)

/* Map USER_CODE onto TM_CODE's page pair and switch to user mode. */
static void enter_user(uint32_t extra_status)
{
	tlb_put(0, USER_CODE, LO(0x10000u, VDG), LO(0x11000u, VDG));
	cp0_write(m, CP0_STATUS, 0, 2u << ST_KSU_SHIFT | extra_status);
	ck_assert_int_eq(m->mode, MODE_USER);
}

/* ---- arithmetic exceptions ---- */

START_TEST(add_overflow_traps_and_keeps_rd)
{
	begin(_i);
	m->cpu.gpr[T0] = 0x7fffffffu;
	m->cpu.gpr[T1] = 1;
	m->cpu.gpr[T2] = 0x1234;
	RUN(ADD(T2, T0, T1));
	ck_assert_uint_eq(exccode(), EXC_OV);
	ck_assert_uint_eq(m->cp0.epc, TM_CODE);
	ck_assert_uint_eq(m->cp0.cause & CAUSE_BD, 0);
	ck_assert_uint_eq(m->cpu.gpr[T2], 0x1234);
}
END_TEST

START_TEST(addi_and_sub_overflow_keep_rd)
{
	begin(_i);
	install_skip_handler();
	m->cpu.gpr[T0] = 0x7fffffffu;
	m->cpu.gpr[T1] = 0x80000000u;
	m->cpu.gpr[T2] = 0x1111;
	m->cpu.gpr[T3] = 0x2222;
	m->cpu.gpr[V0] = 0x3333;
	RUN(ADDI(T2, T0, 1), SUB(T3, T1, T0), ADDU(T4, T0, T0), ADDI(V0, T1, 0xffff));
	ck_assert_uint_eq(m->cpu.gpr[K1], 3); /* addi, sub, addi */
	ck_assert_uint_eq(m->cpu.gpr[T2], 0x1111);
	ck_assert_uint_eq(m->cpu.gpr[T3], 0x2222);
	ck_assert_uint_eq(m->cpu.gpr[T4], 0xfffffffeu); /* ADDU wraps silently */
	ck_assert_uint_eq(exccode(), EXC_OV);
	ck_assert_uint_eq(m->cpu.gpr[V0], 0x3333); /* 0x80000000 + -1 overflows too */
}
END_TEST

/* ---- address errors ---- */

START_TEST(unaligned_load_sets_badvaddr)
{
	begin(_i);
	m->cpu.gpr[S0] = TM_DATA;
	m->cpu.gpr[T0] = 0x5555;
	RUN(NOP, LW(T0, 2, S0));
	assert_bad_address(EXC_ADEL, TM_CODE + 4, TM_DATA + 2);
	ck_assert_uint_eq(m->cpu.gpr[T0], 0x5555);
}
END_TEST

START_TEST(unaligned_store_sets_badvaddr)
{
	begin(_i);
	m->cpu.gpr[S0] = TM_DATA;
	m->cpu.gpr[T0] = 0x5555;
	RUN(SW(T0, 0x101, S0));
	ck_assert_uint_eq(exccode(), EXC_ADES);
	ck_assert_uint_eq(m->cp0.badvaddr, TM_DATA + 0x101);
	ck_assert_uint_eq(tm_word(m, TM_DATA + 0x100), 0);
}
END_TEST

START_TEST(unaligned_halfword_load)
{
	begin(_i);
	m->cpu.gpr[S0] = TM_DATA;
	RUN(LH(T0, 3, S0));
	ck_assert_uint_eq(exccode(), EXC_ADEL);
	ck_assert_uint_eq(m->cp0.badvaddr, TM_DATA + 3);
}
END_TEST

START_TEST(jump_to_unaligned_target)
{
	begin(_i);
	m->cpu.gpr[T0] = TM_CODE + 0x102;
	RUN(JR(T0), NOP);
	assert_bad_address(EXC_ADEL, TM_CODE + 0x102, TM_CODE + 0x102);
}
END_TEST

START_TEST(user_load_from_kseg0)
{
	begin(_i);
	enter_user(0);
	m->cpu.gpr[S0] = TM_DATA;
	RUN_USER(NOP, LW(T0, 8, S0));
	assert_bad_address(EXC_ADEL, USER_CODE + 4, TM_DATA + 8);
}
END_TEST

START_TEST(user_jump_into_kseg0)
{
	begin(_i);
	enter_user(0);
	m->cpu.gpr[T0] = TM_CODE;
	RUN_USER(JR(T0), NOP);
	assert_bad_address(EXC_ADEL, TM_CODE, TM_CODE);
	ck_assert_uint_eq(m->cp0.cause & CAUSE_BD, 0);
}
END_TEST

/* ---- delay slots ---- */

START_TEST(overflow_in_taken_branch_delay_slot)
{
	begin(_i);
	m->cpu.gpr[T0] = 0x7fffffffu;
	m->cpu.gpr[T1] = 1;
	RUN(NOP, BEQ(ZERO, ZERO, 2), ADD(T2, T0, T1), NOP, NOP);
	ck_assert_uint_eq(exccode(), EXC_OV);
	ck_assert_uint_eq(m->cp0.cause & CAUSE_BD, CAUSE_BD);
	ck_assert_uint_eq(m->cp0.epc, TM_CODE + 4); /* the branch */
}
END_TEST

START_TEST(fault_in_not_taken_branch_delay_slot)
{
	begin(_i);
	m->cpu.gpr[S0] = TM_DATA;
	RUN(BNE(ZERO, ZERO, 2), LW(T0, 1, S0), NOP, NOP);
	ck_assert_uint_eq(exccode(), EXC_ADEL);
	ck_assert_uint_eq(m->cp0.cause & CAUSE_BD, CAUSE_BD);
	ck_assert_uint_eq(m->cp0.epc, TM_CODE);
	ck_assert_uint_eq(m->cp0.badvaddr, TM_DATA + 1);
}
END_TEST

START_TEST(syscall_in_jump_delay_slot)
{
	begin(_i);
	m->cpu.gpr[T0] = TM_CODE + 0x40;
	RUN(NOP, NOP, JALR(RA, T0), SYSCALL);
	ck_assert_uint_eq(exccode(), EXC_SYS);
	ck_assert_uint_eq(m->cp0.cause & CAUSE_BD, CAUSE_BD);
	ck_assert_uint_eq(m->cp0.epc, TM_CODE + 8);
	ck_assert_uint_eq(m->cpu.gpr[RA], TM_CODE + 16); /* the link is written */
}
END_TEST

START_TEST(delay_slot_runs_before_target)
{
	begin(_i);
	/* the target adds 10 to what the slot computed */
	RUN(BEQ(ZERO, ZERO, 2), ADDIU(T0, ZERO, 5), ADDIU(T0, ZERO, 99), ADDIU(T0, T0, 10));
	ck_assert_uint_eq(m->cpu.gpr[T0], 15);
}
END_TEST

/* ---- branch likely ---- */

START_TEST(branch_likely_not_taken_nullifies_slot)
{
	begin(_i);
	m->cpu.gpr[T0] = 1;
	RUN(BEQL(T0, ZERO, 3), ADDIU(T1, T1, 1), BNEL(T0, T0, 3), ADDIU(T1, T1, 2),
	    ADDIU(T2, ZERO, 7));
	ck_assert_uint_eq(m->cpu.gpr[T1], 0);
	ck_assert_uint_eq(m->cpu.gpr[T2], 7);
}
END_TEST

START_TEST(branch_likely_taken_runs_slot)
{
	begin(_i);
	m->cpu.gpr[T0] = 1;
	RUN(BNEL(T0, ZERO, 2), ADDIU(T1, T1, 1), ADDIU(T2, ZERO, 7), ADDIU(T3, ZERO, 8));
	ck_assert_uint_eq(m->cpu.gpr[T1], 1);
	ck_assert_uint_eq(m->cpu.gpr[T2], 0); /* jumped over */
	ck_assert_uint_eq(m->cpu.gpr[T3], 8);
}
END_TEST

/* ---- unaligned word access: lwl/lwr/swl/swr ---- */

/* The word at byte address a of the bytes 00 11 22 ... in the guest's order. */
static uint32_t natural_word(unsigned a, bool big)
{
	uint32_t b[4];
	for (unsigned k = 0; k < 4; k++)
		b[k] = (a + k) * 0x11u;
	return big ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]
	           : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0];
}

static void fill_bytes(void)
{
	for (unsigned k = 0; k < 16; k++)
		m->ram[(TM_DATA & 0x1fffffffu) + k] = (uint8_t)(k * 0x11);
}

START_TEST(lwl_lwr_pair_loads_unaligned_word)
{
	bool big = (_i & 1) == 0;
	for (unsigned a = 0; a < 4; a++) {
		begin(_i);
		fill_bytes();
		m->cpu.gpr[S0] = TM_DATA + a;
		/* the idiom: the "left" half at the lower address in big-endian */
		if (big)
			RUN(LWL(T0, 0, S0), LWR(T0, 3, S0));
		else
			RUN(LWR(T0, 0, S0), LWL(T0, 3, S0));
		ck_assert_uint_eq(m->cpu.gpr[T0], natural_word(a, big));
		teardown();
	}
}
END_TEST

START_TEST(lwl_merges_with_old_register)
{
	begin(_i);
	fill_bytes();
	m->cpu.gpr[S0] = TM_DATA;
	m->cpu.gpr[T0] = 0xaabbccddu;
	m->cpu.gpr[T1] = 0xaabbccddu;
	RUN(LWL(T0, 2, S0), LWR(T1, 2, S0));
	if ((_i & 1) == 0) { /* big-endian: bytes 2..3 to the top; bytes 0..2 to the bottom */
		ck_assert_uint_eq(m->cpu.gpr[T0], 0x2233ccddu);
		ck_assert_uint_eq(m->cpu.gpr[T1], 0xaa001122u);
	} else { /* little-endian: bytes 2..0 to the top; bytes 2..3 to the bottom */
		ck_assert_uint_eq(m->cpu.gpr[T0], 0x221100ddu);
		ck_assert_uint_eq(m->cpu.gpr[T1], 0xaabb3322u);
	}
}
END_TEST

START_TEST(swl_swr_pair_stores_unaligned_word)
{
	bool big = (_i & 1) == 0;
	for (unsigned a = 0; a < 4; a++) {
		begin(_i);
		m->cpu.gpr[S0] = TM_DATA + 4 + a;
		m->cpu.gpr[T0] = big ? 0x11223344u : 0x44332211u;
		if (big)
			RUN(SWL(T0, 0, S0), SWR(T0, 3, S0));
		else
			RUN(SWR(T0, 0, S0), SWL(T0, 3, S0));
		const uint8_t *p = m->ram + (TM_DATA & 0x1fffffffu);
		for (unsigned k = 0; k < 12; k++) {
			unsigned want = k >= 4 + a && k < 8 + a ? (k - 3 - a) * 0x11u : 0;
			ck_assert_msg(p[k] == want, "offset %u byte %u: %02x, want %02x", a, k, p[k],
			              want);
		}
		teardown();
	}
}
END_TEST

START_TEST(lwl_fault_reports_unaligned_address)
{
	begin(_i);
	m->cpu.gpr[S0] = 0x00400001u; /* unmapped kuseg */
	RUN(LWL(T0, 2, S0));
	assert_bad_address(EXC_TLBL, TM_CODE, 0x00400003u);
	ck_assert_uint_eq(m->stats.tlb_refills_to_vector0, 1);
}
END_TEST

/* ---- ll/sc ---- */

START_TEST(ll_sc_succeeds_undisturbed)
{
	begin(_i);
	tm_set_word(m, TM_DATA, 41);
	m->cpu.gpr[S0] = TM_DATA;
	RUN(LL(T0, 0, S0), ADDIU(T0, T0, 1), SC(T0, 0, S0));
	ck_assert_uint_eq(m->cpu.gpr[T0], 1);
	ck_assert_uint_eq(tm_word(m, TM_DATA), 42);
	ck_assert_uint_eq(m->cp0.lladdr, (TM_DATA & 0x1fffffffu) >> 4);
}
END_TEST

START_TEST(sc_without_ll_fails)
{
	begin(_i);
	tm_set_word(m, TM_DATA, 41);
	m->cpu.gpr[S0] = TM_DATA;
	m->cpu.gpr[T0] = 77;
	RUN(SC(T0, 0, S0));
	ck_assert_uint_eq(m->cpu.gpr[T0], 0);
	ck_assert_uint_eq(tm_word(m, TM_DATA), 41);
}
END_TEST

START_TEST(eret_clears_exl_and_llbit)
{
	begin(_i);
	install_skip_handler();
	tm_set_word(m, TM_DATA, 41);
	m->cpu.gpr[S0] = TM_DATA;
	m->cpu.gpr[T1] = 99;
	RUN(LL(T0, 0, S0), SYSCALL, SC(T1, 0, S0), ADDIU(T2, ZERO, 3));
	ck_assert_uint_eq(m->cpu.gpr[K1], 1);
	ck_assert_uint_eq(m->cpu.gpr[T1], 0); /* the exception return broke the link */
	ck_assert_uint_eq(tm_word(m, TM_DATA), 41);
	ck_assert_uint_eq(m->cpu.gpr[T2], 3); /* eret went back to EPC + 4 */
	ck_assert_uint_eq(m->cp0.status & ST_EXL, 0);
	ck_assert_int_eq(m->mode, MODE_KERNEL);
}
END_TEST

START_TEST(eret_returns_to_user_mode)
{
	begin(_i);
	tlb_put(0, USER_CODE, LO(0x10000u, VDG), LO(0x11000u, VDG));
	m->cpu.gpr[T0] = USER_CODE + 0x20;
	m->cpu.gpr[T1] = 2u << ST_KSU_SHIFT | ST_EXL;
	/* kernel: EPC = user code, Status = user|EXL, eret; user code: syscall */
	const uint32_t w[] = { enc_mtc0(T0, CP0_EPC, 0), enc_mtc0(T1, CP0_STATUS, 0), ERET };
	tm_put(m, TM_CODE + 0x20, (const uint32_t[]){ SYSCALL }, 1);
	tm_put(m, TM_CODE, w, 3);
	tm_run(m, TM_CODE, 100);
	ck_assert_uint_eq(exccode(), EXC_SYS);
	ck_assert_uint_eq(m->cp0.epc, USER_CODE + 0x20);
	/* the syscall was raised in user mode; EXL now makes it kernel */
	ck_assert_uint_eq(m->cp0.status & (ST_KSU | ST_EXL), 2u << ST_KSU_SHIFT | ST_EXL);
	ck_assert_uint_eq(m->tlb.stats.lookups[TLB_MODE_USER] > 0, 1);
}
END_TEST

/* ---- multiply and divide ---- */

START_TEST(mult_signed_and_unsigned)
{
	begin(_i);
	m->cpu.gpr[T0] = (uint32_t)-3;
	m->cpu.gpr[T1] = 5;
	m->cpu.gpr[T2] = 0xffffffffu;
	m->cpu.gpr[T3] = 2;
	RUN(MULT(T0, T1), MFHI(S0), MFLO(S0 + 1), MULTU(T2, T3), MFHI(S0 + 2), MFLO(S0 + 3),
	    MUL(S0 + 4, T0, T1));
	ck_assert_uint_eq(m->cpu.gpr[S0], 0xffffffffu);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 1], (uint32_t)-15);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 2], 1);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 3], 0xfffffffeu);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 4], (uint32_t)-15);
}
END_TEST

START_TEST(div_rounds_toward_zero)
{
	begin(_i);
	m->cpu.gpr[T0] = (uint32_t)-7;
	m->cpu.gpr[T1] = 2;
	m->cpu.gpr[T2] = 0x80000000u;
	m->cpu.gpr[T3] = (uint32_t)-1;
	RUN(DIV(T0, T1), MFLO(S0), MFHI(S0 + 1), DIVU(T0, T1), MFLO(S0 + 2), MFHI(S0 + 3),
	    DIV(T2, T3), MFLO(S0 + 4), MFHI(S0 + 5));
	ck_assert_uint_eq(m->cpu.gpr[S0], (uint32_t)-3);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 1], (uint32_t)-1);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 2], 0x7ffffffcu);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 3], 1);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 4], 0x80000000u); /* INT_MIN / -1: no trap */
	ck_assert_uint_eq(m->cpu.gpr[S0 + 5], 0);
}
END_TEST

START_TEST(madd_msub_accumulate_64_bits)
{
	begin(_i);
	m->cpu.gpr[T0] = 0x10000;
	m->cpu.gpr[T1] = 0x10000;
	m->cpu.gpr[T2] = (uint32_t)-1;
	m->cpu.gpr[T3] = 1;
	/* HI:LO = 0x1_00000000, then -1*1 signed, then +0xffffffff*1 unsigned */
	RUN(MULT(T0, T1), MADD(T2, T3), MFHI(S0), MFLO(S0 + 1), MADDU(T2, T3), MFHI(S0 + 2),
	    MFLO(S0 + 3), MSUB(T2, T3), MSUBU(T2, T3), MFHI(S0 + 4), MFLO(S0 + 5));
	ck_assert_uint_eq(m->cpu.gpr[S0], 0);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 1], 0xffffffffu);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 2], 1);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 3], 0xfffffffeu);
	/* 0x1_fffffffe + 1 (msub of -1) - 0xffffffff (msubu) */
	ck_assert_uint_eq(m->cpu.gpr[S0 + 4], 1);
	ck_assert_uint_eq(m->cpu.gpr[S0 + 5], 0);
}
END_TEST

/* ---- coprocessors, privilege, reserved instructions ---- */

START_TEST(cop1_unusable_sets_ce)
{
	begin(_i);
	RUN(NOP, 0x44000000u /* mfc1 zero, $f0 */);
	ck_assert_uint_eq(exccode(), EXC_CPU);
	ck_assert_uint_eq((m->cp0.cause & CAUSE_CE) >> CAUSE_CE_SHIFT, 1);
	ck_assert_uint_eq(m->cp0.epc, TM_CODE + 4);
}
END_TEST

START_TEST(cop2_unusable_sets_ce)
{
	begin(_i);
	RUN(0x48000000u /* mfc2 zero, $0 */);
	ck_assert_uint_eq(exccode(), EXC_CPU);
	ck_assert_uint_eq((m->cp0.cause & CAUSE_CE) >> CAUSE_CE_SHIFT, 2);
}
END_TEST

START_TEST(cop1x_unusable_names_cp1)
{
	/* MIPS32 Release 2 gives opcode 0x13 (the R4000's COP3) to COP1X */
	begin(_i);
	RUN(0x4c000000u);
	ck_assert_uint_eq(exccode(), EXC_CPU);
	ck_assert_uint_eq((m->cp0.cause & CAUSE_CE) >> CAUSE_CE_SHIFT, 1);
}
END_TEST

START_TEST(cop1_usable_but_absent_is_reserved)
{
	begin(_i);
	cp0_write(m, CP0_STATUS, 0, ST_CU1);
	RUN(0x44000000u);
	ck_assert_uint_eq(exccode(), EXC_RI);
}
END_TEST

START_TEST(cp0_in_user_mode_is_unusable)
{
	begin(_i);
	enter_user(0);
	m->cpu.gpr[T0] = 0x5555;
	RUN_USER(enc_mfc0(T0, CP0_STATUS, 0));
	ck_assert_uint_eq(exccode(), EXC_CPU);
	ck_assert_uint_eq((m->cp0.cause & CAUSE_CE) >> CAUSE_CE_SHIFT, 0);
	ck_assert_uint_eq(m->cp0.epc, USER_CODE);
	ck_assert_uint_eq(m->cpu.gpr[T0], 0x5555);
}
END_TEST

START_TEST(eret_in_user_mode_is_unusable)
{
	begin(_i);
	enter_user(0);
	RUN_USER(NOP, ERET);
	ck_assert_uint_eq(exccode(), EXC_CPU);
	ck_assert_uint_eq(m->cp0.epc, USER_CODE + 4);
}
END_TEST

START_TEST(cp0_in_user_mode_with_cu0)
{
	begin(_i);
	enter_user(ST_CU0);
	RUN_USER(enc_mfc0(T0, CP0_STATUS, 0), SYSCALL);
	ck_assert_uint_eq(m->cpu.gpr[T0], ST_CU0 | 2u << ST_KSU_SHIFT);
	ck_assert_uint_eq(exccode(), EXC_SYS);
	ck_assert_uint_eq(m->cp0.epc, USER_CODE + 4);
}
END_TEST

START_TEST(reserved_instructions)
{
	begin(_i);
	install_skip_handler();
	/* DSRA32 and DADDI are MIPS64; 0x3f is SDC3, unused in MIPS32 R2 */
	RUN(0x0000003fu, 0x60000000u, 0xfc000000u);
	ck_assert_uint_eq(m->cpu.gpr[K1], 3);
	ck_assert_uint_eq(exccode(), EXC_RI);
}
END_TEST

START_TEST(syscall_and_break_codes)
{
	begin(_i);
	RUN(NOP, NOP, SYSCALL);
	ck_assert_uint_eq(exccode(), EXC_SYS);
	ck_assert_uint_eq(m->cp0.epc, TM_CODE + 8);
	teardown();
	begin(_i);
	RUN(BREAK | (0x123u << 6));
	ck_assert_uint_eq(exccode(), EXC_BP);
	ck_assert_uint_eq(m->cp0.epc, TM_CODE);
	ck_assert_uint_eq(m->stats.exceptions[EXC_BP], 1);
}
END_TEST

/* ---- the timer, seen by running code ---- */

START_TEST(timer_interrupt_is_taken)
{
	begin(_i);
	m->cpu.gpr[T0] = 20;
	m->cpu.gpr[T1] = 0x8000 | ST_IE; /* IM7 */
	RUN(enc_mtc0(ZERO, CP0_COUNT, 0), enc_mtc0(T0, CP0_COMPARE, 0),
	    enc_mtc0(T1, CP0_STATUS, 0), BEQ(ZERO, ZERO, 0xffff), NOP);
	ck_assert_uint_eq(exccode(), EXC_INT);
	ck_assert_uint_eq(m->cp0.cause & CAUSE_IP7, CAUSE_IP7);
	ck_assert_uint_ge(cp0_count(m), 20);
	ck_assert_uint_eq(m->stats.interrupts, 1);
}
END_TEST

START_TEST(timer_match_in_straight_line_code_shows_in_cause)
{
	begin(_i);
	uint32_t w[64];
	size_t n = 0;
	m->cpu.gpr[T0] = 5;
	w[n++] = enc_mtc0(ZERO, CP0_COUNT, 0);
	w[n++] = enc_mtc0(T0, CP0_COMPARE, 0);
	while (n < 60) /* no branch: the interpreter does not look at its events */
		w[n++] = NOP;
	w[n++] = enc_mfc0(V0, CP0_CAUSE, 0);
	run_at(TM_CODE, w, n);
	ck_assert_uint_eq(m->cpu.gpr[V0] & CAUSE_IP7, CAUSE_IP7);
}
END_TEST

/* ---- the host translation cache stays coherent ---- */

#define PA_A 0x30000u
#define PA_B 0x32000u
#define VA_MAPPED 0x00400000u

START_TEST(tlbwi_over_used_data_mapping)
{
	begin(_i);
	tm_set_word(m, 0x80000000u | PA_A, 0xaaaa);
	tm_set_word(m, 0x80000000u | PA_B, 0xbbbb);
	m->cpu.gpr[S0] = VA_MAPPED;
	m->cpu.gpr[T0] = LO(PA_A, VDG);
	m->cpu.gpr[T2] = LO(PA_B, VDG);
	m->cpu.gpr[T3] = VA_MAPPED;
	m->cpu.gpr[A0] = 0x5a5a;
	RUN(enc_mtc0(ZERO, CP0_INDEX, 0), enc_mtc0(T3, CP0_ENTRYHI, 0),
	    enc_mtc0(T0, CP0_ENTRYLO0, 0), enc_mtc0(ZERO, CP0_ENTRYLO1, 0), TLBWI,
	    LW(V0, 0, S0), SW(A0, 4, S0), /* both fill the host cache */
	    enc_mtc0(T2, CP0_ENTRYLO0, 0), TLBWI, LW(V1, 0, S0), SW(A0, 8, S0));
	ck_assert_uint_eq(m->cpu.gpr[V0], 0xaaaa);
	ck_assert_uint_eq(m->cpu.gpr[V1], 0xbbbb);
	ck_assert_uint_eq(tm_word(m, 0x80000000u | (PA_A + 4)), 0x5a5a);
	ck_assert_uint_eq(tm_word(m, 0x80000000u | (PA_A + 8)), 0);
	ck_assert_uint_eq(tm_word(m, 0x80000000u | (PA_B + 8)), 0x5a5a);
	ck_assert_uint_eq(m->stats.exceptions[EXC_TLBL], 0);
}
END_TEST

START_TEST(tlbwi_over_used_code_mapping)
{
	begin(_i);
	/* two versions of a function: v0 = 1 at PA_A, v0 = 2 at PA_B */
	const uint32_t f1[] = { JR(RA), ADDIU(V0, ZERO, 1) };
	const uint32_t f2[] = { JR(RA), ADDIU(V0, ZERO, 2) };
	tm_put(m, 0x80000000u | PA_A, f1, 2);
	tm_put(m, 0x80000000u | PA_B, f2, 2);
	m->cpu.gpr[S0] = VA_MAPPED;
	m->cpu.gpr[T0] = LO(PA_A, VDG);
	m->cpu.gpr[T2] = LO(PA_B, VDG);
	m->cpu.gpr[T3] = VA_MAPPED;
	RUN(enc_mtc0(ZERO, CP0_INDEX, 0), enc_mtc0(T3, CP0_ENTRYHI, 0),
	    enc_mtc0(T0, CP0_ENTRYLO0, 0), enc_mtc0(ZERO, CP0_ENTRYLO1, 0), TLBWI,
	    JALR(RA, S0), NOP, ADDU(V1, V0, ZERO), /* v1 = 1 */
	    enc_mtc0(T2, CP0_ENTRYLO0, 0), TLBWI, JALR(RA, S0), NOP);
	ck_assert_uint_eq(m->cpu.gpr[V1], 1);
	ck_assert_uint_eq(m->cpu.gpr[V0], 2);
}
END_TEST

START_TEST(asid_change_retranslates)
{
	begin(_i);
	tm_set_word(m, 0x80000000u | PA_A, 0xaaaa);
	tm_set_word(m, 0x80000000u | PA_B, 0xbbbb);
	/* the same page in ASIDs 1 and 2, not global */
	tlb_put(0, VA_MAPPED | 1, LO(PA_A, TLB_ENTRYLO_V), 0);
	tlb_put(1, VA_MAPPED | 2, LO(PA_B, TLB_ENTRYLO_V), 0);
	cp0_write(m, CP0_ENTRYHI, 0, 1);
	m->cpu.gpr[S0] = VA_MAPPED;
	m->cpu.gpr[T0] = 2;
	m->cpu.gpr[T1] = 3;
	RUN(LW(V0, 0, S0), enc_mtc0(T0, CP0_ENTRYHI, 0), LW(V1, 0, S0),
	    enc_mtc0(T1, CP0_ENTRYHI, 0), LW(A0, 0, S0));
	ck_assert_uint_eq(m->cpu.gpr[V0], 0xaaaa);
	ck_assert_uint_eq(m->cpu.gpr[V1], 0xbbbb);
	/* ASID 3 has no entry: a refill, to the +0x000 vector */
	ck_assert_uint_eq(exccode(), EXC_TLBL);
	ck_assert_uint_eq(m->cp0.badvaddr, VA_MAPPED);
	ck_assert_uint_eq(m->stats.tlb_refills_to_vector0, 1);
	ck_assert_uint_eq(m->cp0.entryhi, VA_MAPPED | 3);
}
END_TEST

START_TEST(store_into_code_is_executed)
{
	begin(_i);
	m->cpu.gpr[S0] = TM_CODE + 12;
	m->cpu.gpr[T0] = ADDIU(V0, ZERO, 42);
	/* the slot at +12 has been decoded (run once) before it is rewritten */
	RUN(BEQ(ZERO, ZERO, 2), NOP, BEQ(ZERO, ZERO, 3), ADDIU(V0, ZERO, 1), SW(T0, 0, S0),
	    BEQ(ZERO, ZERO, 0xfffc), NOP);
	/* first pass: v0 = 1, jump to the store, back to +8, runs +12 again */
	ck_assert_uint_eq(m->cpu.gpr[V0], 42);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cpu");
	TCase *tc = tcase_create("byte orders x host cache");
	tcase_add_checked_fixture(tc, NULL, teardown);
#define T(fn) tcase_add_loop_test(tc, fn, 0, 4)
	T(add_overflow_traps_and_keeps_rd);
	T(addi_and_sub_overflow_keep_rd);
	T(unaligned_load_sets_badvaddr);
	T(unaligned_store_sets_badvaddr);
	T(unaligned_halfword_load);
	T(jump_to_unaligned_target);
	T(user_load_from_kseg0);
	T(user_jump_into_kseg0);
	T(overflow_in_taken_branch_delay_slot);
	T(fault_in_not_taken_branch_delay_slot);
	T(syscall_in_jump_delay_slot);
	T(delay_slot_runs_before_target);
	T(branch_likely_not_taken_nullifies_slot);
	T(branch_likely_taken_runs_slot);
	T(lwl_lwr_pair_loads_unaligned_word);
	T(lwl_merges_with_old_register);
	T(swl_swr_pair_stores_unaligned_word);
	T(lwl_fault_reports_unaligned_address);
	T(ll_sc_succeeds_undisturbed);
	T(sc_without_ll_fails);
	T(eret_clears_exl_and_llbit);
	T(eret_returns_to_user_mode);
	T(mult_signed_and_unsigned);
	T(div_rounds_toward_zero);
	T(madd_msub_accumulate_64_bits);
	T(cop1_unusable_sets_ce);
	T(cop2_unusable_sets_ce);
	T(cop1x_unusable_names_cp1);
	T(cop1_usable_but_absent_is_reserved);
	T(cp0_in_user_mode_is_unusable);
	T(eret_in_user_mode_is_unusable);
	T(cp0_in_user_mode_with_cu0);
	T(reserved_instructions);
	T(syscall_and_break_codes);
	T(timer_interrupt_is_taken);
	T(timer_match_in_straight_line_code_shows_in_cause);
	T(tlbwi_over_used_data_mapping);
	T(tlbwi_over_used_code_mapping);
	T(asid_change_retranslates);
	T(store_into_code_is_executed);
#undef T
	suite_add_tcase(s, tc);
	return unit_run(s);
}
