/* The privileged instruction words traces carry (PRIV records) and replay
 * recognizes or plants: MIPS32 COP0 encodings (MIPS32 Volume II), named. */
#ifndef VMMSIM_TRACE_PRIV_INSN_H
#define VMMSIM_TRACE_PRIV_INSN_H

#include <stdbool.h>
#include <stdint.h>

#define INSN_TLBR 0x42000001u
#define INSN_TLBWI 0x42000002u
#define INSN_TLBWR 0x42000006u
#define INSN_TLBP 0x42000008u
#define INSN_ERET 0x42000018u

/* mfc0 rt, rd and mtc0 rt, rd (select 0) */
#define INSN_MFC0(rt, rd) (0x40000000u | (uint32_t)(rt) << 16 | (uint32_t)(rd) << 11)
#define INSN_MTC0(rt, rd) (0x40800000u | (uint32_t)(rt) << 16 | (uint32_t)(rd) << 11)

/* wait: COP0 with CO set, function 0x20 (any implementation-defined code) */
static inline bool insn_is_wait(uint32_t insn)
{
	return (insn >> 26) == 0x10u && (insn & 0x0200003fu) == 0x02000020u;
}

/* mtc0 to CP0 register rd, select 0, from any GPR */
static inline bool insn_is_mtc0(uint32_t insn, unsigned rd)
{
	return (insn & 0xffe0ffffu) == INSN_MTC0(0, rd);
}

#endif
