/* Address translation and slow-path memory accesses: see mmu.h. */
#include "sim/mmu.h"

#include <stdlib.h>

#include "sim/console.h"
#include "sim/guestmem.h"
#include "sim/machine.h"
#include "sim/mmio_map.h"
#include "trace/recorder.h"

#define KSEG0_BASE 0x80000000u
#define KSEG1_BASE 0xa0000000u
#define KSSEG_BASE 0xc0000000u
#define KSEG3_BASE 0xe0000000u
#define WATCHLO_PADDR 0xfffffff8u
#define WATCHLO_R 0x2u
#define WATCHLO_W 0x1u

static void address_error(struct exc *e, uint32_t vaddr, enum mmu_access kind)
{
	*e = (struct exc){ .code = kind == MMU_STORE ? EXC_ADES : EXC_ADEL,
		           .has_badvaddr = true, .badvaddr = vaddr };
}

/* count: the lookup goes into the TLB's statistics (the guest's own
 * access), or not (the simulator's question, mmu_peek_translate). */
static inline bool tlb_translate(struct machine *m, uint32_t vaddr, enum mmu_access kind,
                                 uint32_t *paddr, bool *dirty, struct exc *e, bool count)
{
	struct tlb_xlate x;
	uint8_t asid = (uint8_t)(m->cp0.entryhi & TLB_ENTRYHI_ASID);
	enum tlb_result r = count ? tlb_lookup(&m->tlb, vaddr, asid, kind == MMU_STORE,
	                                       (enum tlb_mode)m->mode, &x)
	                          : tlb_peek(&m->tlb, vaddr, asid, kind == MMU_STORE, &x);
	if (r == TLB_HIT) {
		*paddr = x.paddr;
		*dirty = x.dirty;
		return true;
	}
	*e = (struct exc){ .tlb = true, .has_badvaddr = true, .badvaddr = vaddr };
	if (r == TLB_MODIFIED)
		e->code = EXC_MOD;
	else
		e->code = kind == MMU_STORE ? EXC_TLBS : EXC_TLBL;
	e->refill = (r == TLB_REFILL);
	return false;
}

static inline bool translate(struct machine *m, uint32_t vaddr, enum mmu_access kind,
                             uint32_t *paddr, bool *mapped, bool *dirty, struct exc *e,
                             bool count)
{
	*mapped = false;
	*dirty = true;
	if (vaddr < KSEG0_BASE) {
		/* kuseg: every mode; unmapped while ERL is set (R4000 manual 4.3) */
		if (m->cp0.status & ST_ERL) {
			*paddr = vaddr;
			return true;
		}
		*mapped = true;
		return tlb_translate(m, vaddr, kind, paddr, dirty, e, count);
	}
	if (vaddr < KSSEG_BASE) { /* kseg0 and kseg1: kernel only, unmapped */
		if (m->mode != MODE_KERNEL) {
			address_error(e, vaddr, kind);
			return false;
		}
		*paddr = vaddr & 0x1fffffffu;
		return true;
	}
	if (vaddr < KSEG3_BASE ? m->mode == MODE_USER : m->mode != MODE_KERNEL) {
		address_error(e, vaddr, kind); /* ksseg: kernel+supervisor; kseg3: kernel */
		return false;
	}
	*mapped = true;
	return tlb_translate(m, vaddr, kind, paddr, dirty, e, count);
}

bool mmu_translate(struct machine *m, uint32_t vaddr, enum mmu_access kind, uint32_t *paddr,
                   bool *mapped, bool *dirty, struct exc *e)
{
	return translate(m, vaddr, kind, paddr, mapped, dirty, e, true);
}

bool mmu_peek_translate(struct machine *m, uint32_t vaddr, enum mmu_access kind, uint32_t *paddr,
                        struct exc *e)
{
	bool mapped, dirty;
	return translate(m, vaddr, kind, paddr, &mapped, &dirty, e, false);
}

bool mmu_console_access(struct machine *m, uint32_t vaddr, uint32_t pa, unsigned size, bool store,
                        uint32_t *value)
{
	if (!MMIO_IS_CONSOLE(pa))
		return false;
	m->cycles += m->cfg.cost.uncached;
	if (store) {
		if (m->rec)
			trace_rec_device(m, vaddr, size, true, *value);
		console_write(m, pa - MMIO_CONSOLE_PHYS, size, *value);
	} else {
		*value = console_read(m, pa - MMIO_CONSOLE_PHYS, size);
		if (m->rec)
			trace_rec_device(m, vaddr, size, false, *value);
	}
	return true;
}

static bool watch_active(const struct machine *m)
{
	return (m->cp0.watchlo & (WATCHLO_R | WATCHLO_W)) != 0;
}

/* The Watch exception: R4000 WatchLo compares physical doublewords; it is not
 * taken while EXL or ERL is set (MIPS32 Volume III, Watch exception). */
static bool watch_hit(const struct machine *m, uint32_t paddr, enum mmu_access kind)
{
	uint32_t w = m->cp0.watchlo;
	if (!(w & (kind == MMU_STORE ? WATCHLO_W : WATCHLO_R)) || kind == MMU_FETCH)
		return false;
	if (m->cp0.status & (ST_EXL | ST_ERL))
		return false;
	return (paddr & WATCHLO_PADDR) == (w & WATCHLO_PADDR);
}

static bool can_cache(const struct machine *m)
{
	return m->cfg.use_tcache && !watch_active(m);
}

/* A slot of the host cache (of this mode) took vaddr's page: the cache lists
 * it if the TLB mapped the page (tcache_flush_mapped), and so does a trace
 * recording (trace_rec_cached). */
static inline void filled(struct machine *m, uint32_t vaddr, bool mapped)
{
	if (mapped)
		tcache_mapped_filled(m->tcache, m->mode, tcache_index(vaddr));
	if (m->rec)
		trace_rec_cached(m, tcache_index(vaddr));
}

static void fill(struct machine *m, struct tcache_entry *t, uint32_t vaddr, uint8_t *host_page,
                 bool mapped)
{
	struct tcache_entry *ent = &t[tcache_index(vaddr)];
	ent->tag = vaddr & ~0xfffu;
	ent->mapped = mapped;
	ent->addend = (uintptr_t)host_page - (uintptr_t)(vaddr & ~0xfffu);
	filled(m, vaddr, mapped);
}

/* Resolve vaddr to RAM or a device; shared by loads and stores. */
static bool data_access(struct machine *m, uint32_t vaddr, enum mmu_access kind,
                        uint32_t *paddr, bool *mapped, bool *dirty, struct exc *e)
{
	if (!mmu_translate(m, vaddr, kind, paddr, mapped, dirty, e))
		return false;
	if (watch_active(m) && watch_hit(m, *paddr, kind)) {
		*e = (struct exc){ .code = EXC_WATCH };
		return false;
	}
	if (*paddr >= (uint32_t)m->ram_pages * MACHINE_PAGE_SIZE && !MMIO_IS_CONSOLE(*paddr)) {
		*e = (struct exc){ .code = EXC_DBE };
		return false;
	}
	return true;
}

bool mmu_load(struct machine *m, uint32_t vaddr, unsigned size, uint32_t *value, uint32_t *paddr,
              struct exc *e)
{
	uint32_t pa;
	bool mapped, dirty;
	bool ok = data_access(m, vaddr, MMU_LOAD, &pa, &mapped, &dirty, e);
	if (m->rec)
		trace_rec_ref(m, vaddr, MMU_LOAD, !ok);
	if (!ok)
		return false;
	if (paddr)
		*paddr = pa;
	if (mmu_console_access(m, vaddr, pa, size, false, value))
		return true;
	*value = guestmem_get(m->ram + pa, size, m->cfg.big_endian);
	if (can_cache(m))
		fill(m, m->tcache->read[m->mode], vaddr, m->ram + (pa & ~0xfffu), mapped);
	return true;
}

void mmu_code_written(struct machine *m, uint32_t paddr, unsigned size)
{
	/* a store of up to 4 aligned bytes touches one instruction slot; a
	 * page's worth (a VMM copying or filling a frame) touches them all */
	for (uint32_t a = paddr & ~3u; a < paddr + size; a += 4) {
		struct dpage *p = m->dpages[a >> 12];
		if (!p) {
			a |= 0xffcu; /* nothing decoded on this page */
			continue;
		}
		p->slot[(a >> 2) & (DPAGE_SLOTS - 1)].op = m->op_decode;
	}
}

bool mmu_store(struct machine *m, uint32_t vaddr, unsigned size, uint32_t value, uint32_t mask,
               struct exc *e)
{
	uint32_t pa;
	bool mapped, dirty;
	bool ok = data_access(m, vaddr, MMU_STORE, &pa, &mapped, &dirty, e);
	if (m->rec)
		trace_rec_ref(m, vaddr, MMU_STORE, !ok);
	if (!ok)
		return false;
	if (mmu_console_access(m, vaddr, pa, size, true, &value))
		return true;
	uint8_t *host = m->ram + pa;
	if (m->rec)
		trace_rec_written(m, pa);
	if (mask != 0xffffffffu)
		value = (guestmem_get32(host, m->cfg.big_endian) & ~mask) | (value & mask);
	guestmem_put(host, size, value, m->cfg.big_endian);
	if (m->dpages[pa >> 12])
		mmu_code_written(m, pa, size);
	else if (can_cache(m))
		fill(m, m->tcache->write[m->mode], vaddr, m->ram + (pa & ~0xfffu), mapped);
	return true;
}

static struct dpage *dpage_get(struct machine *m, uint32_t ppn)
{
	struct dpage *p = m->dpages[ppn];
	if (p)
		return p;
	p = malloc(sizeof *p);
	if (!p)
		abort(); /* 16 KiB: nothing sensible is left to do */
	for (unsigned i = 0; i < DPAGE_SLOTS; i++)
		p->slot[i] = (struct dinsn){ .op = m->op_decode };
	p->slot[DPAGE_SLOTS] = (struct dinsn){ .op = m->op_page_end };
	p->ppn = ppn;
	m->dpages[ppn] = p;
	/* stores to this page must now see the decoded copy: no fast writes */
	tcache_flush_writes(m->tcache);
	return p;
}

/* count: the guest's own fetch (counted in the TLB's statistics, recorded
 * as a reference) or the simulator's question (mmu_peek_fetch). */
static inline bool fetch(struct machine *m, uint32_t vaddr, struct dpage **page, struct exc *e,
                         bool count)
{
	uint32_t pa;
	bool mapped, dirty;
	bool ok = translate(m, vaddr, MMU_FETCH, &pa, &mapped, &dirty, e, count);
	if (count && m->rec)
		trace_rec_ref(m, vaddr, MMU_FETCH, !ok);
	if (!ok)
		return false;
	if (pa >= (uint32_t)m->ram_pages * MACHINE_PAGE_SIZE) {
		*e = (struct exc){ .code = EXC_IBE };
		return false;
	}
	*page = dpage_get(m, pa >> 12);
	if (m->cfg.use_tcache) {
		struct tcache_fetch_entry *f = &m->tcache->fetch[m->mode][tcache_index(vaddr)];
		f->tag = vaddr & ~0xfffu;
		f->mapped = mapped;
		f->page = *page;
		filled(m, vaddr, mapped);
	}
	return true;
}

bool mmu_fetch(struct machine *m, uint32_t vaddr, struct dpage **page, struct exc *e)
{
	return fetch(m, vaddr, page, e, true);
}

bool mmu_peek_fetch(struct machine *m, uint32_t vaddr, struct dpage **page, struct exc *e)
{
	return fetch(m, vaddr, page, e, false);
}
