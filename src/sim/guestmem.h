/* Reading and writing guest memory in the guest's byte order.  RAM holds the
 * bytes exactly as the guest sees them; these helpers compose values. */
#ifndef VMMSIM_GUESTMEM_H
#define VMMSIM_GUESTMEM_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t guestmem_get32(const uint8_t *p, bool big)
{
	uint32_t v;
	memcpy(&v, p, 4);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return big ? __builtin_bswap32(v) : v;
#else
	return big ? v : __builtin_bswap32(v);
#endif
}

static inline uint32_t guestmem_get16(const uint8_t *p, bool big)
{
	uint16_t v;
	memcpy(&v, p, 2);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return big ? __builtin_bswap16(v) : v;
#else
	return big ? v : __builtin_bswap16(v);
#endif
}

static inline void guestmem_put32(uint8_t *p, uint32_t v, bool big)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	v = big ? __builtin_bswap32(v) : v;
#else
	v = big ? v : __builtin_bswap32(v);
#endif
	memcpy(p, &v, 4);
}

static inline void guestmem_put16(uint8_t *p, uint32_t v, bool big)
{
	uint16_t h = (uint16_t)v;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	h = big ? __builtin_bswap16(h) : h;
#else
	h = big ? h : __builtin_bswap16(h);
#endif
	memcpy(p, &h, 2);
}

static inline uint32_t guestmem_get(const uint8_t *p, unsigned size, bool big)
{
	return size == 4 ? guestmem_get32(p, big) : size == 2 ? guestmem_get16(p, big) : p[0];
}

static inline void guestmem_put(uint8_t *p, unsigned size, uint32_t v, bool big)
{
	if (size == 4)
		guestmem_put32(p, v, big);
	else if (size == 2)
		guestmem_put16(p, v, big);
	else
		p[0] = (uint8_t)v;
}

#endif
