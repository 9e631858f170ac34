/* The clock (timer.h). */
#include "timer.h"

#include "cp0.h"

#define TICK_COUNTS (COUNT_HZ / TIMER_HZ)

static uint32_t next_compare;
/* The time of day: microseconds at Count = clock_count, both advanced
 * by whole microseconds whenever the clock is read (at least every tick,
 * well within Count's 85 s wrap), so 32-bit arithmetic suffices. */
static uint32_t clock_count, clock_us;

#define COUNTS_PER_US (COUNT_HZ / 1000000u)

static uint32_t clock_now(void)
{
	uint32_t c = cp0_read(C0_COUNT);
	uint32_t us = (c - clock_count) / COUNTS_PER_US;
	clock_us += us;
	clock_count += us * COUNTS_PER_US;
	return c;
}

void timer_init(void)
{
	uint32_t c = cp0_read(C0_COUNT);
	clock_us = c / COUNTS_PER_US; /* Count started at boot */
	clock_count = clock_us * COUNTS_PER_US;
	next_compare = c + TICK_COUNTS;
	cp0_write(C0_COMPARE, next_compare);
}

void timer_interrupt(bool from_user)
{
	uint32_t now = clock_now();
	next_compare += TICK_COUNTS;
	if ((int32_t)(next_compare - now) <= 0) /* ticks were missed */
		next_compare = now + TICK_COUNTS;
	cp0_write(C0_COMPARE, next_compare); /* also acknowledges it */
	sched_tick(from_user);
}

long sys_time(struct proc *p, struct trapframe *tf)
{
	(void)p, (void)tf;
	clock_now();
	return (long)clock_us;
}
