/* Open files and the file system calls (file.h). */
#include "file.h"

#include "errno.h"
#include "fs.h"
#include "openflags.h"

#define NFILE 256

struct file {
	unsigned refs;
	struct inode *ip; /* NULL: the console */
	uint32_t off;
	int flags;
};

static struct file files[NFILE];
static struct file console = { .refs = 1, .flags = O_RDWR };

struct file *file_console(void)
{
	console.refs++;
	return &console;
}

void file_dup(struct file *f) { f->refs++; }

void file_close(struct file *f)
{
	if (--f->refs || f == &console)
		return;
	fs_release(f->ip);
	f->ip = NULL;
}

static struct file *fd_file(struct proc *p, uint32_t fd)
{
	return fd < NOFILE ? p->fd[fd] : NULL;
}

long sys_open(struct proc *p, struct trapframe *tf)
{
	char path[FS_NAME_MAX + 1];
	int flags = (int)tf->r[REG_A1];
	long n = vm_copyinstr(&p->vm, path, tf->r[REG_A0], sizeof path);
	if (n < 0)
		return n;
	if (n == 0)
		return -ENOENT;
	if ((flags & O_ACCMODE) == O_ACCMODE || (flags & ~(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND)))
		return -EINVAL;
	unsigned fd = 0;
	while (fd < NOFILE && p->fd[fd])
		fd++;
	if (fd == NOFILE)
		return -EMFILE;
	struct file *f = NULL;
	for (unsigned i = 0; i < NFILE && !f; i++)
		if (!files[i].refs)
			f = &files[i];
	if (!f)
		return -ENOSPC;
	bool writing = (flags & O_ACCMODE) != O_RDONLY;
	struct inode *ip = fs_lookup(path);
	if (!ip) {
		int err;
		if (!(flags & O_CREAT))
			return -ENOENT;
		if (!memcmp(path, "/bin/", 5))
			return -EPERM; /* /bin is the image's */
		if (!(ip = fs_create(path, &err)))
			return err;
	} else if (fs_readonly(ip) && (writing || (flags & O_TRUNC))) {
		return -EPERM;
	} else if ((flags & O_TRUNC) && writing) {
		fs_truncate(ip);
	}
	*f = (struct file){ .refs = 1, .ip = ip, .flags = flags };
	fs_hold(ip);
	p->fd[fd] = f;
	return fd;
}

long sys_close(struct proc *p, struct trapframe *tf)
{
	struct file *f = fd_file(p, tf->r[REG_A0]);
	if (!f)
		return -EBADF;
	p->fd[tf->r[REG_A0]] = NULL;
	file_close(f);
	return 0;
}

long sys_read(struct proc *p, struct trapframe *tf)
{
	struct file *f = fd_file(p, tf->r[REG_A0]);
	if (!f || (f->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!f->ip)
		return 0; /* batch runs: the console never has input */
	long n = fs_read(f->ip, f->off, &p->vm, tf->r[REG_A1], tf->r[REG_A2]);
	if (n > 0)
		f->off += (uint32_t)n;
	return n;
}

/* Write n bytes of user memory at uva to the console. */
static long console_write(struct proc *p, uint32_t uva, uint32_t n)
{
	char buf[128];
	for (uint32_t done = 0; done < n;) {
		uint32_t chunk = n - done < sizeof buf ? n - done : sizeof buf;
		int r = vm_copyin(&p->vm, buf, uva + done, chunk);
		if (r)
			return done ? (long)done : r;
		for (uint32_t i = 0; i < chunk; i++)
			kputc(buf[i]);
		done += chunk;
	}
	return (long)n;
}

long sys_write(struct proc *p, struct trapframe *tf)
{
	struct file *f = fd_file(p, tf->r[REG_A0]);
	if (!f || (f->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!f->ip)
		return console_write(p, tf->r[REG_A1], tf->r[REG_A2]);
	if (f->flags & O_APPEND)
		f->off = fs_size(f->ip);
	long n = fs_write(f->ip, f->off, &p->vm, tf->r[REG_A1], tf->r[REG_A2]);
	if (n > 0)
		f->off += (uint32_t)n;
	return n;
}

long sys_unlink(struct proc *p, struct trapframe *tf)
{
	char path[FS_NAME_MAX + 1];
	long n = vm_copyinstr(&p->vm, path, tf->r[REG_A0], sizeof path);
	if (n < 0)
		return n;
	return fs_unlink(path);
}

long sys_console(struct proc *p, struct trapframe *tf)
{
	return console_write(p, tf->r[REG_A0], tf->r[REG_A1]);
}
