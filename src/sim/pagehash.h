/* A page's content as one 64-bit number: FNV-1a taking the page a 64-bit
 * word at a time (the bytes as the host holds them: equal pages hash equal,
 * which is all its users need: the page-sharing scanner, and the trace
 * recorder's PAGE_HASH records); and whether a page holds only zeros (the
 * recorder's hash 0, and replay's test before it fills a page). */
#ifndef VMMSIM_PAGEHASH_H
#define VMMSIM_PAGEHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t page_hash64(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3ull;
	}
	return h;
}

static inline bool page_is_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w)
			return false;
	}
	return true;
}

#endif
