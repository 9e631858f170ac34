/* The in-memory flat file system (fs.h).  An inode is a name and either
 * the /bin program's bytes in the kernel image or an index page of up to
 * FS_FILE_MAX / PAGE_SIZE pool pages.  An unlinked file lives on while
 * open files refer to it. */
#include "fs.h"

#include "errno.h"
#include "page.h"

#define NINODE 192

struct inode {
	char name[FS_NAME_MAX + 1];
	bool used, unlinked;
	const uint8_t *image; /* /bin: the program, read-only */
	uint32_t *pages;      /* others: physical page of each 4 KiB, or NULL */
	uint32_t size;
	unsigned holds;
};

/* The /bin archive (the generated binfs.S): name, bytes, size; a NULL
 * name ends it.  Each program starts on a page boundary, so its pages
 * can be mapped where they lie. */
struct binfs_entry {
	const char *name;
	const uint8_t *data;
	uint32_t size;
};
extern const struct binfs_entry binfs_table[];

static struct inode inodes[NINODE];

void fs_init(void)
{
	for (const struct binfs_entry *b = binfs_table; b->name; b++) {
		int err;
		struct inode *ip = strlen(b->name) <= FS_NAME_MAX ? fs_create(b->name, &err) : NULL;
		if (!ip)
			panic("the /bin archive does not fit the file system");
		ip->image = b->data;
		ip->size = b->size;
	}
}

struct inode *fs_lookup(const char *path)
{
	for (unsigned i = 0; i < NINODE; i++)
		if (inodes[i].used && !inodes[i].unlinked && !strcmp(inodes[i].name, path))
			return &inodes[i];
	return NULL;
}

struct inode *fs_create(const char *path, int *err)
{
	for (unsigned i = 0; i < NINODE; i++) {
		struct inode *ip = &inodes[i];
		if (ip->used)
			continue;
		*ip = (struct inode){ .used = true };
		memcpy(ip->name, path, strlen(path) + 1);
		return ip;
	}
	*err = -ENOSPC;
	return NULL;
}

static void free_data(struct inode *ip)
{
	if (!ip->pages)
		return;
	for (unsigned i = 0; i < FS_FILE_MAX / PAGE_SIZE; i++)
		if (ip->pages[i])
			page_unref(ip->pages[i]);
	page_unref(PADDR(ip->pages));
	ip->pages = NULL;
}

static void maybe_free(struct inode *ip)
{
	if (ip->unlinked && ip->holds == 0) {
		free_data(ip);
		ip->used = false;
	}
}

int fs_unlink(const char *path)
{
	struct inode *ip = fs_lookup(path);
	if (!ip)
		return -ENOENT;
	if (ip->image)
		return -EPERM;
	ip->unlinked = true;
	maybe_free(ip);
	return 0;
}

bool fs_readonly(const struct inode *ip) { return ip->image != NULL; }

uint32_t fs_size(const struct inode *ip) { return ip->size; }

const uint8_t *fs_image(const struct inode *ip) { return ip->image; }

void fs_truncate(struct inode *ip)
{
	free_data(ip);
	ip->size = 0;
}

void fs_hold(struct inode *ip) { ip->holds++; }

void fs_release(struct inode *ip)
{
	ip->holds--;
	maybe_free(ip);
}

/* How many of left bytes from file offset at lie in at's page. */
static uint32_t page_chunk(uint32_t at, uint32_t left)
{
	uint32_t room = PAGE_SIZE - (at & PAGE_MASK);
	return room < left ? room : left;
}

long fs_read(struct inode *ip, uint32_t off, struct vmspace *vs, uint32_t uva, uint32_t n)
{
	if (off >= ip->size)
		return 0;
	if (n > ip->size - off)
		n = ip->size - off;
	if (ip->image) {
		int r = vm_copyout(vs, uva, ip->image + off, n);
		return r ? r : (long)n;
	}
	uint32_t done = 0;
	while (done < n) {
		uint32_t at = off + done, in = at & PAGE_MASK, chunk = page_chunk(at, n - done);
		uint32_t pa = ip->pages[at / PAGE_SIZE];
		int r;
		if (pa) {
			r = vm_copyout(vs, uva + done, (uint8_t *)KVA(pa) + in, chunk);
		} else { /* never written (cannot happen without seek): zeros */
			static const uint8_t zeros[PAGE_SIZE];
			r = vm_copyout(vs, uva + done, zeros, chunk);
		}
		if (r)
			return done ? (long)done : r;
		done += chunk;
	}
	return (long)done;
}

long fs_write(struct inode *ip, uint32_t off, struct vmspace *vs, uint32_t uva, uint32_t n)
{
	if (ip->image)
		return -EPERM;
	if (off >= FS_FILE_MAX)
		return n ? -EFBIG : 0;
	if (n > FS_FILE_MAX - off)
		n = FS_FILE_MAX - off;
	if (!ip->pages && n) {
		uint32_t pa = page_alloc_zero();
		if (!pa)
			return -ENOSPC;
		ip->pages = KVA(pa);
	}
	uint32_t done = 0;
	while (done < n) {
		uint32_t at = off + done, in = at & PAGE_MASK, chunk = page_chunk(at, n - done);
		uint32_t *pa = &ip->pages[at / PAGE_SIZE];
		int r = 0;
		if (!*pa && !(*pa = page_alloc_zero()))
			r = -ENOSPC;
		if (!r)
			r = vm_copyin(vs, (uint8_t *)KVA(*pa) + in, uva + done, chunk);
		if (r) {
			n = done;
			if (!done)
				return r;
			break;
		}
		done += chunk;
	}
	if (off + done > ip->size)
		ip->size = off + done;
	return (long)done;
}
