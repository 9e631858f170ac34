/* Checksums: CRC-32 for byte streams, a Murmur3-style mix for values. */
#include <hash.h>

/* The CRC table is built on first use (1 KiB of bss instead of data). */
static uint32_t crc_table[256];
static int crc_ready;

static void crc_build(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
	crc_ready = 1;
}

uint32_t crc32_update(uint32_t crc, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	if (!crc_ready)
		crc_build();
	crc = ~crc;
	while (n--)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

uint32_t hash_mix(uint32_t h, uint32_t v)
{
	v *= 0xcc9e2d51u;
	v = rotl(v, 15);
	v *= 0x1b873593u;
	h ^= v;
	h = rotl(h, 13);
	return h * 5 + 0xe6546b64u;
}

uint32_t hash_final(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	return h ^ (h >> 16);
}

uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}
