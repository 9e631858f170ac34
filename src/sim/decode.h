/* Decoding MIPS32 Release 2 integer instructions into pre-decoded slots.
 *
 * The operation list is one X-macro, OPS(X): X(NAME, CLASS) per operation,
 * so the decoder, the interpreter's label table, the mnemonic table and the
 * cycle classes can never disagree.  CLASS picks the cost-model figure.
 */
#ifndef VMMSIM_DECODE_H
#define VMMSIM_DECODE_H

#include <stdint.h>

/* Operand fields, named as in the MIPS32 manual. */
static inline unsigned insn_op(uint32_t w) { return w >> 26; }
static inline unsigned insn_rs(uint32_t w) { return (w >> 21) & 31; }
static inline unsigned insn_rt(uint32_t w) { return (w >> 16) & 31; }
static inline unsigned insn_rd(uint32_t w) { return (w >> 11) & 31; }
static inline unsigned insn_sa(uint32_t w) { return (w >> 6) & 31; }
static inline unsigned insn_funct(uint32_t w) { return w & 63; }
static inline uint32_t insn_imm16(uint32_t w) { return w & 0xffff; }
static inline uint32_t insn_simm16(uint32_t w) { return (uint32_t)(int32_t)(int16_t)(w & 0xffff); }
static inline uint32_t insn_target26(uint32_t w) { return w & 0x03ffffff; }
static inline unsigned insn_sel(uint32_t w) { return w & 7; }

/* X(name, cost class) */
#define OPS(X)                                                                                     \
	/* internal: not instructions */                                                           \
	X(DECODE, NONE) X(PAGE_END, NONE) X(FAR_JUMP, NONE) X(FALLTHROUGH, NONE)                                        \
	/* exceptions decided at decode time */                                                    \
	X(RESERVED, NONE) X(COP_UNUSABLE, NONE)                                                    \
	/* ALU */                                                                                  \
	X(NOP, ALU) X(SERVICE_MARK, ALU)                                                           \
	X(SLL, ALU) X(SRL, ALU) X(SRA, ALU) X(ROTR, ALU) X(SLLV, ALU) X(SRLV, ALU) X(SRAV, ALU)    \
	X(ROTRV, ALU) X(ADD, ALU) X(ADDU, ALU) X(SUB, ALU) X(SUBU, ALU) X(AND, ALU) X(OR, ALU)    \
	X(XOR, ALU) X(NOR, ALU) X(SLT, ALU) X(SLTU, ALU) X(MOVZ, ALU) X(MOVN, ALU) X(ADDI, ALU)   \
	X(ADDIU, ALU) X(SLTI, ALU) X(SLTIU, ALU) X(ANDI, ALU) X(ORI, ALU) X(XORI, ALU) X(LUI, ALU) \
	X(CLZ, ALU) X(CLO, ALU) X(EXT, ALU) X(INS, ALU) X(WSBH, ALU) X(SEB, ALU) X(SEH, ALU)       \
	X(MFHI, ALU) X(MFLO, ALU) X(MTHI, ALU) X(MTLO, ALU)                                        \
	/* multiply and divide */                                                                  \
	X(MULT, MULT) X(MULTU, MULT) X(MUL, MULT) X(MADD, MULT) X(MADDU, MULT) X(MSUB, MULT)      \
	X(MSUBU, MULT) X(DIV, DIV) X(DIVU, DIV)                                                    \
	/* branches and jumps */                                                                   \
	X(BEQ, BRANCH) X(BNE, BRANCH) X(BLEZ, BRANCH) X(BGTZ, BRANCH) X(BLTZ, BRANCH)             \
	X(BGEZ, BRANCH) X(BLTZAL, BRANCH) X(BGEZAL, BRANCH) X(BEQL, BRANCH) X(BNEL, BRANCH)       \
	X(BLEZL, BRANCH) X(BGTZL, BRANCH) X(BLTZL, BRANCH) X(BGEZL, BRANCH) X(BLTZALL, BRANCH)    \
	X(BGEZALL, BRANCH) X(J, BRANCH) X(JAL, BRANCH) X(JR, BRANCH) X(JALR, BRANCH)              \
	/* loads and stores */                                                                     \
	X(LB, LOAD) X(LBU, LOAD) X(LH, LOAD) X(LHU, LOAD) X(LW, LOAD) X(LWL, LOAD) X(LWR, LOAD)   \
	X(LL, LOAD) X(SB, STORE) X(SH, STORE) X(SW, STORE) X(SWL, STORE) X(SWR, STORE)            \
	X(SC, STORE)                                                                               \
	/* traps and system */                                                                     \
	X(TGE, ALU) X(TGEU, ALU) X(TLT, ALU) X(TLTU, ALU) X(TEQ, ALU) X(TNE, ALU) X(TGEI, ALU)    \
	X(TGEIU, ALU) X(TLTI, ALU) X(TLTIU, ALU) X(TEQI, ALU) X(TNEI, ALU) X(SYSCALL, NONE)       \
	X(BREAK, NONE) X(SYNC, ALU) X(PREF, ALU) X(SYNCI, ALU) X(RDHWR, ALU)                      \
	/* privileged (CP0) */                                                                     \
	X(MFC0, PRIV) X(MTC0, PRIV) X(TLBR, PRIV) X(TLBWI, PRIV) X(TLBWR, PRIV) X(TLBP, PRIV)     \
	X(ERET, PRIV) X(WAIT, PRIV) X(CACHE, PRIV) X(DI, PRIV) X(EI, PRIV) X(RDPGPR, PRIV)        \
	X(WRPGPR, PRIV)

enum decode_op {
#define DECODE_ENUM(name, cls) OP_##name,
	OPS(DECODE_ENUM)
#undef DECODE_ENUM
	OP_COUNT
};

enum decode_class { CLASS_NONE, CLASS_ALU, CLASS_LOAD, CLASS_STORE, CLASS_BRANCH, CLASS_MULT,
	CLASS_DIV, CLASS_PRIV };

/* A decoded instruction before its op is turned into a handler address.
 * Register fields that name a destination hold CPU_SINK instead of 0.
 * imm: sign/zero-extended immediate; for branches the byte offset
 * (offset << 2); for J/JAL the 26-bit target << 2; for EXT/INS the field
 * mask; for CP0 moves the select; for COP_UNUSABLE the coprocessor number. */
struct decoded {
	uint16_t op;
	uint32_t imm;
	uint8_t rs, rt, rd, sa;
};

void decode_insn(uint32_t word, struct decoded *out);

/* The mnemonic and cost class of an op. */
const char *decode_op_name(unsigned op);
enum decode_class decode_op_class(unsigned op);

#endif
