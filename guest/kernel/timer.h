/* The clock: Count/Compare interrupts at TIMER_HZ (guest/ABI.md) drive the
 * scheduler, and Count, extended to 64 bits, gives the time of day. */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "proc.h"

#define COUNT_HZ 50000000u /* Count runs at half the 100 MHz pipeline */
#define TIMER_HZ 250u

void timer_init(void);
void timer_interrupt(bool from_user);
long sys_time(struct proc *p, struct trapframe *tf);

#endif
