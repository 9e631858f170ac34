/* The TLB instructions, between CP0's registers and the TLB (R4000 manual
 * chapter 4): TLBR, TLBWI, TLBWR, TLBP. */
#ifndef VMMSIM_CP0_TLB_H
#define VMMSIM_CP0_TLB_H

struct machine;

void cp0_tlbr(struct machine *m);
void cp0_tlbwi(struct machine *m);
void cp0_tlbwr(struct machine *m);
void cp0_tlbp(struct machine *m);

#endif
