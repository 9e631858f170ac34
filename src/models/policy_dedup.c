/* The `dedup` policy: content-based page sharing across and within VMs, as
 * ESX does it (Waldspurger 2002), with Disco's boot-image variant.
 *
 * With it the pmaps become shareable (pmap.h): guest memory is given out on
 * the first write (until then a page maps the zero frame), and a scanner
 * visits guest pages at --dedup-rate pages per million cycles, in a random
 * order drawn from the run's seed.  It hashes each page (64-bit FNV-1a over
 * its words),
 * confirms a hash match by comparing the pages word by word, and maps the
 * copy onto the frame it matched, read-only; an all-zero page goes to the
 * zero frame (counted apart).  The first write to a shared page copies it
 * (`trap` handles that fault).  --dedup-image shares the pages of the boot
 * image that every VM loaded identically at once, as Disco shared IRIX's text
 * between VMs booted from one image.  A paravirtual guest's MC_FREE_PAGE
 * hands the page's frame back at once.
 *
 * Reported: pages scanned, shared, zero pages shared, copy-on-write breaks,
 * the virtual footprint (pages the guests use) against the machine
 * footprint (frames behind them), totals and a time series.
 */
#include <stdlib.h>
#include <string.h>

#include "models/policy.h"
#include "models/vmm.h"
#include "sim/pagehash.h"
#include "sim/services.h"

#define PAGE MACHINE_PAGE_SIZE
#define SERIES_MAX 256
#define SAMPLE_PERIOD 1000000u

struct sample {
	uint64_t cycle, used_bytes, machine_bytes;
};

struct dedup {
	/* the hash table: frame of a page seen with that hash (open addressing) */
	uint64_t *hash;
	uint32_t *frame;
	uint32_t slots;
	/* the scan order: an LCG over [0, 2^k) visiting every (vm, page) once
	 * per pass, skipping the values past the last page */
	uint64_t order_mask, order_a, order_c, order_x, total_pages;
	uint64_t last_cycle, credit; /* credit: millionths of a page owed */
	uint64_t scanned, shared, zero_shared, image_shared;
	struct sample series[SERIES_MAX];
	unsigned nseries;
	uint64_t sample_period, next_sample;
};

static void *dedup_setup(struct vmm *v, char *err, size_t errlen)
{
	struct dedup *d = calloc(1, sizeof *d);
	uint64_t pages = v->m->cfg.mem_size / PAGE;
	if (d) {
		d->slots = 1;
		while (d->slots < 2 * pages)
			d->slots <<= 1;
		d->hash = calloc(d->slots, sizeof *d->hash);
		d->frame = calloc(d->slots, sizeof *d->frame);
	}
	if (!d || !d->hash || !d->frame) {
		if (d) {
			free(d->hash);
			free(d->frame);
		}
		free(d);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	v->sharing = true;
	d->total_pages = pages;
	d->order_mask = 1;
	while (d->order_mask < pages)
		d->order_mask <<= 1;
	d->order_mask -= 1;
	/* a full-period LCG mod 2^k: c odd, a = 1 mod 4 (Hull-Dobell), both
	 * from the seed */
	uint64_t s = v->params.seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
	d->order_a = ((s >> 17) & ~3ull) | 1;
	d->order_c = (s >> 33) | 1;
	d->order_x = s & d->order_mask;
	d->sample_period = SAMPLE_PERIOD;
	return d;
}

static void dedup_teardown(void *st)
{
	struct dedup *d = st;
	free(d->hash);
	free(d->frame);
	free(d);
}

static void sample(struct dedup *d, struct vmm *v)
{
	if (d->nseries == SERIES_MAX) { /* keep every other sample, half as often */
		for (unsigned i = 0; i < SERIES_MAX / 2; i++)
			d->series[i] = d->series[2 * i];
		d->nseries = SERIES_MAX / 2;
		d->sample_period *= 2;
	}
	struct sample *s = &d->series[d->nseries++];
	s->cycle = v->m->cycles;
	vmm_memory_use(v, &s->used_bytes, &s->machine_bytes);
	d->next_sample = v->m->cycles + d->sample_period;
}

static void dedup_start(void *st, struct vmm *v)
{
	struct dedup *d = st;
	if (v->params.dedup_image)
		for (unsigned i = 1; i < v->nvms; i++) {
			struct vm *vm = v->vm[i], *first = v->vm[0];
			for (uint32_t p = 0; p < vm->image_end && p < first->image_end; p += PAGE)
				if (!memcmp(v->m->ram + vmm_machine_addr(vm, p),
				            v->m->ram + vmm_machine_addr(first, p), PAGE)) {
					pmap_map_shared(v, vm, p, first->pmap[p / PAGE]);
					d->image_shared++;
				}
		}
	sample(d, v);
}

/* The next (vm, page) in scan order. */
static void next_page(struct dedup *d, struct vmm *v, struct vm **vm, uint32_t *p)
{
	uint64_t i;
	do {
		d->order_x = (d->order_a * d->order_x + d->order_c) & d->order_mask;
		i = d->order_x;
	} while (i >= d->total_pages);
	uint64_t at = i * PAGE;
	for (unsigned k = 0; k < v->nvms; k++)
		if (at >= v->vm[k]->mem_base && at - v->vm[k]->mem_base < v->vm[k]->mem_size) {
			*vm = v->vm[k];
			*p = (uint32_t)(at - v->vm[k]->mem_base);
			return;
		}
	*vm = NULL;
}

/* Scan one page; returns the cycles it cost. */
static uint64_t scan_page(struct dedup *d, struct vmm *v, struct vm *vm, uint32_t p)
{
	const struct costmodel *c = vmm_cost(v);
	struct pmap_frames *f = &v->frames;
	uint32_t frame = vm->pmap[p / PAGE];
	d->scanned++;
	if (vm->halted || frame == f->zero || f->refs[frame] > 1)
		return c->vmm_pmap; /* nothing to gain */
	const uint8_t *mine = v->m->ram + (uint64_t)frame * PAGE;
	uint64_t cost = (uint64_t)c->vmm_pmap + c->vmm_page_hash;
	uint64_t h = page_hash64(mine, PAGE);
	if (!memcmp(mine, v->m->ram + (uint64_t)f->zero * PAGE, PAGE)) {
		pmap_map_shared(v, vm, p, f->zero);
		d->zero_shared++;
		return cost + c->vmm_page_compare;
	}
	uint32_t s = (uint32_t)h & (d->slots - 1);
	while (d->hash[s] && d->hash[s] != h)
		s = (s + 1) & (d->slots - 1);
	if (d->hash[s] == h) {
		uint32_t other = d->frame[s];
		cost += c->vmm_page_compare;
		if (other != frame && f->refs[other] > 0 &&
		    !memcmp(mine, v->m->ram + (uint64_t)other * PAGE, PAGE)) {
			pmap_map_shared(v, vm, p, other);
			d->shared++;
			return cost;
		}
	}
	d->hash[s] = h ? h : 1; /* this frame now stands for the hash */
	d->frame[s] = frame;
	return cost;
}

static bool dedup_tick(void *st, struct vmm *v, struct vm *vm, struct vmm_trap *t)
{
	(void)vm;
	(void)t;
	struct dedup *d = st;
	struct machine *m = v->m;
	d->credit += (m->cycles - d->last_cycle) * v->params.dedup_rate;
	d->last_cycle = m->cycles;
	uint64_t cost = 0;
	for (; d->credit >= 1000000; d->credit -= 1000000) {
		struct vm *which;
		uint32_t p;
		next_page(d, v, &which, &p);
		if (which)
			cost += scan_page(d, v, which, p);
	}
	if (cost)
		vmm_charge_background(v, LEDGER_C_DEDUP_SCAN, SERVICE_PAGE_SCAN, cost);
	if (m->cycles >= d->next_sample)
		sample(d, v);
	return false; /* the timer itself is `trap`'s */
}

static void dedup_stats_json(void *st, struct vmm *v, FILE *out)
{
	struct dedup *d = st;
	sample(d, v); /* the end of the run */
	const struct sample *last = &d->series[d->nseries - 1];
	fprintf(out,
	        "\"dedup\": {\"rate\": %u, \"image\": %s, \"scanned\": %llu, \"shared\": %llu, "
	        "\"zero_shared\": %llu, \"image_shared\": %llu, \"freed\": %llu, \"cow_breaks\": %llu, "
	        "\"zero_cow_breaks\": %llu, \"virtual_bytes\": %llu, \"machine_bytes\": %llu, "
	        "\"series\": [",
	        v->params.dedup_rate, v->params.dedup_image ? "true" : "false",
	        (unsigned long long)d->scanned, (unsigned long long)d->shared,
	        (unsigned long long)d->zero_shared, (unsigned long long)d->image_shared,
	        (unsigned long long)v->frames.freed, (unsigned long long)v->frames.cow_breaks,
	        (unsigned long long)v->frames.zero_cow_breaks, (unsigned long long)last->used_bytes,
	        (unsigned long long)last->machine_bytes);
	for (unsigned i = 0; i < d->nseries; i++)
		fprintf(out, "%s[%llu, %llu, %llu]", i ? ", " : "",
		        (unsigned long long)d->series[i].cycle,
		        (unsigned long long)d->series[i].used_bytes,
		        (unsigned long long)d->series[i].machine_bytes);
	fputs("]}", out);
}

const struct policy_ops policy_dedup = {
	.name = "dedup",
	.summary = "content-based page sharing across and within VMs (ESX; Disco's image variant)",
	.setup = dedup_setup,
	.start = dedup_start,
	.tick = dedup_tick,
	.stats_json = dedup_stats_json,
	.teardown = dedup_teardown,
};
