/* The host translation cache: see tcache.h. */
#include "tlb/tcache.h"

static void flush_table(struct tcache_entry *t, int only_mapped)
{
	for (unsigned i = 0; i < TCACHE_SIZE; i++)
		if (!only_mapped || t[i].mapped)
			t[i].tag = TCACHE_INVALID_TAG;
}

static void flush_fetch(struct tcache_fetch_entry *t, int only_mapped)
{
	for (unsigned i = 0; i < TCACHE_SIZE; i++)
		if (!only_mapped || t[i].mapped)
			t[i].tag = TCACHE_INVALID_TAG;
}

void tcache_flush_all(struct tcache *c)
{
	for (unsigned m = 0; m < TCACHE_NMODES; m++) {
		flush_table(c->read[m], 0);
		flush_table(c->write[m], 0);
		flush_fetch(c->fetch[m], 0);
	}
	c->nmapped = 0;
}

void tcache_flush_writes(struct tcache *c)
{
	for (unsigned m = 0; m < TCACHE_NMODES; m++)
		flush_table(c->write[m], 0);
}

void tcache_flush_mapped(struct tcache *c)
{
	if (c->nmapped > TCACHE_MAPPED_LIST) {
		for (unsigned m = 0; m < TCACHE_NMODES; m++) {
			flush_table(c->read[m], 1);
			flush_table(c->write[m], 1);
			flush_fetch(c->fetch[m], 1);
		}
	} else {
		/* a listed slot may have been refilled since, unmapped (kseg0):
		 * that entry stays */
		for (unsigned k = 0; k < c->nmapped; k++) {
			unsigned m = c->mapped_slot[k] >> TCACHE_BITS;
			unsigned i = c->mapped_slot[k] & (TCACHE_SIZE - 1);
			if (c->read[m][i].mapped)
				c->read[m][i].tag = TCACHE_INVALID_TAG;
			if (c->write[m][i].mapped)
				c->write[m][i].tag = TCACHE_INVALID_TAG;
			if (c->fetch[m][i].mapped)
				c->fetch[m][i].tag = TCACHE_INVALID_TAG;
		}
	}
	c->nmapped = 0;
}

void tcache_flush_range(struct tcache *c, uint32_t lo, uint32_t hi)
{
	uint32_t pages = ((hi >> 12) - (lo >> 12)) + 1;
	if (pages >= TCACHE_SIZE) {
		tcache_flush_mapped(c);
		return;
	}
	for (uint32_t p = 0; p < pages; p++) {
		uint32_t va = (lo & ~0xfffu) + (p << 12);
		unsigned i = tcache_index(va);
		for (unsigned m = 0; m < TCACHE_NMODES; m++) {
			if (c->read[m][i].tag == va)
				c->read[m][i].tag = TCACHE_INVALID_TAG;
			if (c->write[m][i].tag == va)
				c->write[m][i].tag = TCACHE_INVALID_TAG;
			if (c->fetch[m][i].tag == va)
				c->fetch[m][i].tag = TCACHE_INVALID_TAG;
		}
	}
}

void tcache_flush_slot(struct tcache *c, unsigned mode, unsigned idx)
{
	c->read[mode][idx].tag = TCACHE_INVALID_TAG;
	c->write[mode][idx].tag = TCACHE_INVALID_TAG;
	c->fetch[mode][idx].tag = TCACHE_INVALID_TAG;
}
