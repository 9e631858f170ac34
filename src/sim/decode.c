/* Decoding MIPS32 Release 2 integer instructions (MIPS32 Architecture for
 * Programmers, Volume II, revision 2.x; opcode tables in its appendix A). */
#include "sim/decode.h"

#include "sim/cpu.h"

static const char *const op_names[OP_COUNT] = {
#define NAME_ENTRY(name, cls) #name,
	OPS(NAME_ENTRY)
#undef NAME_ENTRY
};

static const unsigned char op_classes[OP_COUNT] = {
#define CLASS_ENTRY(name, cls) CLASS_##cls,
	OPS(CLASS_ENTRY)
#undef CLASS_ENTRY
};

const char *decode_op_name(unsigned op) { return op < OP_COUNT ? op_names[op] : "?"; }

enum decode_class decode_op_class(unsigned op)
{
	return op < OP_COUNT ? (enum decode_class)op_classes[op] : CLASS_NONE;
}

/* A destination register: writes to $zero go to the sink. */
static uint8_t dest(unsigned r) { return r ? (uint8_t)r : CPU_SINK; }

static void set(struct decoded *o, enum decode_op op) { o->op = (uint16_t)op; }

static void decode_special(uint32_t w, struct decoded *o)
{
	unsigned rs = insn_rs(w), sa = insn_sa(w);
	switch (insn_funct(w)) {
	case 0x00: set(o, OP_SLL); break;
	case 0x01: /* MOVF/MOVT need the FPU */ set(o, OP_COP_UNUSABLE); o->imm = 1; break;
	case 0x02: set(o, rs == 1 ? OP_ROTR : rs == 0 ? OP_SRL : OP_RESERVED); break;
	case 0x03: set(o, OP_SRA); break;
	case 0x04: set(o, OP_SLLV); break;
	case 0x06: set(o, sa == 1 ? OP_ROTRV : sa == 0 ? OP_SRLV : OP_RESERVED); break;
	case 0x07: set(o, OP_SRAV); break;
	case 0x08: set(o, OP_JR); break;
	case 0x09: set(o, OP_JALR); break;
	case 0x0a: set(o, OP_MOVZ); break;
	case 0x0b: set(o, OP_MOVN); break;
	case 0x0c: set(o, OP_SYSCALL); break;
	case 0x0d: set(o, OP_BREAK); break;
	case 0x0f: set(o, OP_SYNC); break;
	case 0x10: set(o, OP_MFHI); break;
	case 0x11: set(o, OP_MTHI); break;
	case 0x12: set(o, OP_MFLO); break;
	case 0x13: set(o, OP_MTLO); break;
	case 0x18: set(o, OP_MULT); break;
	case 0x19: set(o, OP_MULTU); break;
	case 0x1a: set(o, OP_DIV); break;
	case 0x1b: set(o, OP_DIVU); break;
	case 0x20: set(o, OP_ADD); break;
	case 0x21: set(o, OP_ADDU); break;
	case 0x22: set(o, OP_SUB); break;
	case 0x23: set(o, OP_SUBU); break;
	case 0x24: set(o, OP_AND); break;
	case 0x25: set(o, OP_OR); break;
	case 0x26: set(o, OP_XOR); break;
	case 0x27: set(o, OP_NOR); break;
	case 0x2a: set(o, OP_SLT); break;
	case 0x2b: set(o, OP_SLTU); break;
	case 0x30: set(o, OP_TGE); break;
	case 0x31: set(o, OP_TGEU); break;
	case 0x32: set(o, OP_TLT); break;
	case 0x33: set(o, OP_TLTU); break;
	case 0x34: set(o, OP_TEQ); break;
	case 0x36: set(o, OP_TNE); break;
	default: set(o, OP_RESERVED); break;
	}
}

static void decode_regimm(uint32_t w, struct decoded *o)
{
	switch (insn_rt(w)) {
	case 0x00: set(o, OP_BLTZ); break;
	case 0x01: set(o, OP_BGEZ); break;
	case 0x02: set(o, OP_BLTZL); break;
	case 0x03: set(o, OP_BGEZL); break;
	case 0x08: set(o, OP_TGEI); break;
	case 0x09: set(o, OP_TGEIU); break;
	case 0x0a: set(o, OP_TLTI); break;
	case 0x0b: set(o, OP_TLTIU); break;
	case 0x0c: set(o, OP_TEQI); break;
	case 0x0e: set(o, OP_TNEI); break;
	case 0x10: set(o, OP_BLTZAL); break;
	case 0x11: set(o, OP_BGEZAL); break;
	case 0x12: set(o, OP_BLTZALL); break;
	case 0x13: set(o, OP_BGEZALL); break;
	case 0x1f: set(o, OP_SYNCI); break;
	default: set(o, OP_RESERVED); break;
	}
	o->rd = 31; /* the link register of the -AL forms */
	if (insn_rt(w) >= 0x08 && insn_rt(w) <= 0x0e)
		o->imm = insn_simm16(w); /* trap immediates */
}

static void decode_cop0(uint32_t w, struct decoded *o)
{
	unsigned rs = insn_rs(w);
	o->imm = insn_sel(w);
	if (rs & 0x10) { /* CO: the TLB, ERET, WAIT */
		switch (insn_funct(w)) {
		case 0x01: set(o, OP_TLBR); break;
		case 0x02: set(o, OP_TLBWI); break;
		case 0x06: set(o, OP_TLBWR); break;
		case 0x08: set(o, OP_TLBP); break;
		case 0x18: set(o, OP_ERET); break;
		case 0x20: set(o, OP_WAIT); break;
		default: set(o, OP_RESERVED); break; /* DERET without EJTAG, ... */
		}
		return;
	}
	switch (rs) {
	case 0x00: set(o, OP_MFC0); o->rt = dest(insn_rt(w)); o->rd = (uint8_t)insn_rd(w); break;
	case 0x04: set(o, OP_MTC0); o->rd = (uint8_t)insn_rd(w); break;
	case 0x0a: set(o, OP_RDPGPR); o->rd = dest(insn_rd(w)); break;
	case 0x0b: /* MFMC0: DI/EI by the sc bit */
		if ((w & 0xffdf) == 0x6000) {
			set(o, (w & 0x20) ? OP_EI : OP_DI);
			o->rt = dest(insn_rt(w));
		} else {
			set(o, OP_RESERVED);
		}
		break;
	case 0x0e: set(o, OP_WRPGPR); o->rd = dest(insn_rd(w)); break;
	default: set(o, OP_RESERVED); break;
	}
}

static void decode_special2(uint32_t w, struct decoded *o)
{
	switch (insn_funct(w)) {
	case 0x00: set(o, OP_MADD); break;
	case 0x01: set(o, OP_MADDU); break;
	case 0x02: set(o, OP_MUL); break;
	case 0x04: set(o, OP_MSUB); break;
	case 0x05: set(o, OP_MSUBU); break;
	case 0x20: set(o, OP_CLZ); break;
	case 0x21: set(o, OP_CLO); break;
	default: set(o, OP_RESERVED); break; /* SDBBP: no EJTAG in this machine */
	}
}

static void decode_special3(uint32_t w, struct decoded *o)
{
	unsigned msb = insn_rd(w), lsb = insn_sa(w);
	switch (insn_funct(w)) {
	case 0x00: /* EXT rt, rs, pos=lsb, size=msbd+1 */
		set(o, OP_EXT);
		o->imm = (msb == 31) ? 0xffffffffu : ((1u << (msb + 1)) - 1);
		o->rt = dest(insn_rt(w));
		break;
	case 0x04: /* INS rt, rs, pos=lsb, size=msb-lsb+1 */
		set(o, OP_INS);
		o->imm = (msb < lsb) ? 0 : (msb - lsb == 31) ? 0xffffffffu
		                                             : ((1u << (msb - lsb + 1)) - 1);
		o->rt = dest(insn_rt(w));
		break;
	case 0x20:
		switch (insn_sa(w)) {
		case 0x02: set(o, OP_WSBH); break;
		case 0x10: set(o, OP_SEB); break;
		case 0x18: set(o, OP_SEH); break;
		default: set(o, OP_RESERVED); break;
		}
		break;
	case 0x3b: /* RDHWR rt, hwr(rd) */
		set(o, OP_RDHWR);
		o->rt = dest(insn_rt(w));
		o->rd = (uint8_t)insn_rd(w);
		break;
	default: set(o, OP_RESERVED); break;
	}
}

void decode_insn(uint32_t w, struct decoded *o)
{
	unsigned op = insn_op(w);
	o->rs = (uint8_t)insn_rs(w);
	o->rt = (uint8_t)insn_rt(w);
	o->rd = dest(insn_rd(w));
	o->sa = (uint8_t)insn_sa(w);
	o->imm = insn_simm16(w);
	switch (op) {
	case 0x00: decode_special(w, o); break;
	case 0x01: /* branch offset first: decode_regimm replaces it with the
		    * unscaled immediate for TEQI..TNEI (a bug found by
		    * tests/progs/traps.S had them compare against imm << 2) */
		o->imm = insn_simm16(w) << 2;
		decode_regimm(w, o);
		break;
	case 0x02: set(o, OP_J); o->imm = insn_target26(w) << 2; break;
	case 0x03: set(o, OP_JAL); o->imm = insn_target26(w) << 2; o->rd = 31; break;
	case 0x04: set(o, OP_BEQ); o->imm <<= 2; break;
	case 0x05: set(o, OP_BNE); o->imm <<= 2; break;
	case 0x06: set(o, OP_BLEZ); o->imm <<= 2; break;
	case 0x07: set(o, OP_BGTZ); o->imm <<= 2; break;
	case 0x08: set(o, OP_ADDI); o->rt = dest(insn_rt(w)); break;
	case 0x09: set(o, OP_ADDIU); o->rt = dest(insn_rt(w)); break;
	case 0x0a: set(o, OP_SLTI); o->rt = dest(insn_rt(w)); break;
	case 0x0b: set(o, OP_SLTIU); o->rt = dest(insn_rt(w)); break;
	case 0x0c: set(o, OP_ANDI); o->imm = insn_imm16(w); o->rt = dest(insn_rt(w)); break;
	case 0x0d: /* ORI; "ori $zero,$zero,id" is the service mark (services.h) */
		if (insn_rs(w) == 0 && insn_rt(w) == 0) {
			set(o, OP_SERVICE_MARK);
		} else {
			set(o, OP_ORI);
			o->rt = dest(insn_rt(w));
		}
		o->imm = insn_imm16(w);
		break;
	case 0x0e: set(o, OP_XORI); o->imm = insn_imm16(w); o->rt = dest(insn_rt(w)); break;
	case 0x0f: set(o, OP_LUI); o->imm = insn_imm16(w) << 16; o->rt = dest(insn_rt(w)); break;
	case 0x10: decode_cop0(w, o); break;
	case 0x11: case 0x31: case 0x35: case 0x39: case 0x3d: /* COP1, LWC1, LDC1, SWC1, SDC1 */
	case 0x13: /* COP1X */
		set(o, OP_COP_UNUSABLE); o->imm = 1; break;
	case 0x12: case 0x32: case 0x36: case 0x3a: case 0x3e: /* COP2 and its loads/stores */
		set(o, OP_COP_UNUSABLE); o->imm = 2; break;
	case 0x14: set(o, OP_BEQL); o->imm <<= 2; break;
	case 0x15: set(o, OP_BNEL); o->imm <<= 2; break;
	case 0x16: set(o, OP_BLEZL); o->imm <<= 2; break;
	case 0x17: set(o, OP_BGTZL); o->imm <<= 2; break;
	case 0x1c: decode_special2(w, o); break;
	case 0x1f: decode_special3(w, o); break;
	case 0x20: set(o, OP_LB); o->rt = dest(insn_rt(w)); break;
	case 0x21: set(o, OP_LH); o->rt = dest(insn_rt(w)); break;
	case 0x22: set(o, OP_LWL); o->rt = dest(insn_rt(w)); break;
	case 0x23: set(o, OP_LW); o->rt = dest(insn_rt(w)); break;
	case 0x24: set(o, OP_LBU); o->rt = dest(insn_rt(w)); break;
	case 0x25: set(o, OP_LHU); o->rt = dest(insn_rt(w)); break;
	case 0x26: set(o, OP_LWR); o->rt = dest(insn_rt(w)); break;
	case 0x28: set(o, OP_SB); break;
	case 0x29: set(o, OP_SH); break;
	case 0x2a: set(o, OP_SWL); break;
	case 0x2b: set(o, OP_SW); break;
	case 0x2e: set(o, OP_SWR); break;
	case 0x2f: set(o, OP_CACHE); break;
	case 0x30: set(o, OP_LL); o->rt = dest(insn_rt(w)); break;
	case 0x33: set(o, OP_PREF); break;
	case 0x38: /* rt is the value stored and then the success flag */
		set(o, OP_SC);
		o->rd = dest(insn_rt(w));
		break;
	default: set(o, OP_RESERVED); break;
	}
}
