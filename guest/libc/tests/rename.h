/* The host unit test of the guest libc (test_libc.c): force-included into
 * the libc sources compiled for the host, it renames the functions that
 * glibc also defines, so that the test calls the guest's versions and
 * compares them with glibc's. */
#ifndef GUEST_LIBC_TEST_RENAME_H
#define GUEST_LIBC_TEST_RENAME_H

#define printf guest_printf
#define vprintf guest_vprintf
#define dprintf guest_dprintf
#define vdprintf guest_vdprintf
#define snprintf guest_snprintf
#define vsnprintf guest_vsnprintf
#define putchar guest_putchar
#define puts guest_puts
#define memcpy guest_memcpy
#define memmove guest_memmove
#define memset guest_memset
#define memcmp guest_memcmp
#define memchr guest_memchr
#define strlen guest_strlen
#define strnlen guest_strnlen
#define strcmp guest_strcmp
#define strncmp guest_strncmp
#define strcpy guest_strcpy
#define strncpy guest_strncpy
#define strcat guest_strcat
#define strchr guest_strchr
#define strrchr guest_strrchr
#define strstr guest_strstr
#define strdup guest_strdup

#endif
