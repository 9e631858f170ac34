/* malloc and free over sbrk: the classic first-fit allocator of Kernighan
 * and Ritchie (The C Programming Language, 2nd ed., section 8.7).
 *
 * Free blocks form a circular list sorted by address; free() merges a block
 * with its neighbours; malloc() takes the first block that fits, splitting
 * its tail off, and asks sbrk for at least MORECORE_MIN bytes when nothing
 * fits.  Memory is never given back to the kernel.  Every block starts with
 * a one-unit header; a unit is the header's size, 8 bytes on the guest, so
 * every pointer returned is 8-byte aligned.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

union header {
	struct {
		union header *next; /* the next free block (free blocks only) */
		size_t units;       /* the block's size, header included */
	} s;
	long long align; /* forces 8-byte alignment of every unit */
};

typedef union header header;

/* Fresh memory from sbrk comes in chunks of at least this, so that small
 * allocations do not each cost a system call. */
#define MORECORE_MIN (64 * 1024)

static header base;   /* an empty block that anchors the list */
static header *freep; /* where the last search stopped */

/* Put a block on the free list, merging it with the blocks around it. */
static void release(header *bp)
{
	header *p = freep;
	/* Find p with p < bp < p->next, or the wrap-around point. */
	while (!(bp > p && bp < p->s.next)) {
		if (p >= p->s.next && (bp > p || bp < p->s.next))
			break;
		p = p->s.next;
	}
	if (bp + bp->s.units == p->s.next) {
		bp->s.units += p->s.next->s.units;
		bp->s.next = p->s.next->s.next;
	} else {
		bp->s.next = p->s.next;
	}
	if (p + p->s.units == bp) {
		p->s.units += bp->s.units;
		p->s.next = bp->s.next;
	} else {
		p->s.next = bp;
	}
	freep = p;
}

/* Ask the kernel for at least units more; false when it has none. */
static int morecore(size_t units)
{
	size_t min_units = MORECORE_MIN / sizeof(header);
	if (units < min_units)
		units = min_units;
	if (units > (SIZE_MAX - sizeof(header)) / sizeof(header))
		return 0;
	char *cp = sbrk(0);
	if (cp == (char *)-1)
		return 0;
	/* The break starts wherever bss ended: align the first block. */
	size_t skew = (size_t)(-(uintptr_t)cp & (sizeof(header) - 1));
	if (sbrk((intptr_t)(units * sizeof(header) + skew)) == (void *)-1)
		return 0;
	header *hp = (header *)(void *)(cp + skew);
	hp->s.units = units;
	release(hp);
	return 1;
}

void *malloc(size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	size_t units = (n + sizeof(header) - 1) / sizeof(header) + 1;

	if (freep == NULL) {
		base.s.next = freep = &base;
		base.s.units = 0;
	}
	for (header *prev = freep, *p = prev->s.next;; prev = p, p = p->s.next) {
		if (p->s.units >= units) {
			if (p->s.units == units) {
				prev->s.next = p->s.next;
			} else { /* hand out the tail, keep the head free */
				p->s.units -= units;
				p += p->s.units;
				p->s.units = units;
			}
			freep = prev;
			return p + 1;
		}
		if (p == freep) { /* went all the way round */
			if (!morecore(units)) {
				errno = ENOMEM;
				return NULL;
			}
			/* The new memory is on the list just after freep. */
			p = freep;
		}
	}
}

void free(void *ap)
{
	if (ap != NULL)
		release((header *)ap - 1);
}

void *calloc(size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(count * size);
	return p ? memset(p, 0, count * size) : NULL;
}

void *realloc(void *ap, size_t n)
{
	if (ap == NULL)
		return malloc(n);
	if (n == 0) {
		free(ap);
		return NULL;
	}
	header *hp = (header *)ap - 1;
	size_t have = (hp->s.units - 1) * sizeof(header);
	if (n <= have)
		return ap;
	void *np = malloc(n);
	if (np == NULL)
		return NULL;
	memcpy(np, ap, have);
	free(ap);
	return np;
}
