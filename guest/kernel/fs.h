/* The in-memory flat file system (guest/ABI.md, "The file system"): a
 * path is any string of at most FS_NAME_MAX bytes.  The programs of /bin
 * come with the kernel image (binfs, built by mkbinfs.sh) and are
 * read-only; other files live in pool pages, up to FS_FILE_MAX bytes. */
#ifndef KERNEL_FS_H
#define KERNEL_FS_H

#include "kernel.h"
#include "vm.h"

#define FS_NAME_MAX 63
#define FS_FILE_MAX (1u << 20)

struct inode;

void fs_init(void);
struct inode *fs_lookup(const char *path);
/* A new empty file: the inode, or NULL with *err = -ENOSPC / -EPERM. */
struct inode *fs_create(const char *path, int *err);
int fs_unlink(const char *path);
bool fs_readonly(const struct inode *ip);
uint32_t fs_size(const struct inode *ip);
/* The image bytes of a /bin program, or NULL for other files. */
const uint8_t *fs_image(const struct inode *ip);
void fs_truncate(struct inode *ip);
void fs_hold(struct inode *ip);    /* an open file refers to it */
void fs_release(struct inode *ip); /* ... no longer */
/* Transfers between a file at off and user memory: bytes moved (short at
 * end of file or of FS_FILE_MAX), or -errno when none moved. */
long fs_read(struct inode *ip, uint32_t off, struct vmspace *vs, uint32_t uva, uint32_t n);
long fs_write(struct inode *ip, uint32_t off, struct vmspace *vs, uint32_t uva, uint32_t n);

#endif
