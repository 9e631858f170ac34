/* Atomic result files: see outfile.h. */
#include "cli/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool outfile_open(struct outfile *o, const char *path)
{
	size_t n = strlen(path) + 32;
	o->path = strdup(path);
	o->tmp = malloc(n);
	o->fp = NULL;
	if (!o->path || !o->tmp) {
		fprintf(stderr, "vmmsim: %s: out of memory\n", path);
		outfile_abort(o);
		return false;
	}
	snprintf(o->tmp, n, "%s.tmp.%ld", path, (long)getpid());
	o->fp = fopen(o->tmp, "w");
	if (!o->fp) {
		fprintf(stderr, "vmmsim: %s: %s\n", path, strerror(errno));
		outfile_abort(o);
		return false;
	}
	return true;
}

bool outfile_commit(struct outfile *o)
{
	bool ok = true;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		ok = false;
	if (fclose(o->fp) != 0)
		ok = false;
	o->fp = NULL;
	if (ok && rename(o->tmp, o->path) != 0)
		ok = false;
	if (!ok) {
		fprintf(stderr, "vmmsim: %s: %s\n", o->path, strerror(errno));
		outfile_abort(o);
		return false;
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return true;
}

void outfile_abort(struct outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}
