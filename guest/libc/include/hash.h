/* The guest libc: checksums and hashes over values (never over the memory
 * layout of a value, so that they agree across byte orders and the host). */
#ifndef GUEST_HASH_H
#define GUEST_HASH_H

#include <stddef.h>
#include <stdint.h>

/* CRC-32 (IEEE 802.3, reflected, as zlib's crc32): start from 0. */
uint32_t crc32_update(uint32_t crc, const void *buf, size_t n);

/* Fold a 32-bit value into a running checksum (MurmurHash3's block mix);
 * hash_final() finishes it (MurmurHash3's avalanche). */
uint32_t hash_mix(uint32_t h, uint32_t v);
uint32_t hash_final(uint32_t h);

/* FNV-1a over a NUL-terminated string: the symbol-table hash. */
uint32_t hash_str(const char *s);

#endif
