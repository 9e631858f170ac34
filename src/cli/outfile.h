/* Writing result files atomically: into FILE.tmp.PID, then rename(2), so a
 * reader (or an interrupted sweep) never sees half a file. */
#ifndef VMMSIM_OUTFILE_H
#define VMMSIM_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

struct outfile {
	FILE *fp;
	char *path;
	char *tmp;
};

/* Open a temporary beside path; false (with a message on stderr) on error. */
bool outfile_open(struct outfile *o, const char *path);
/* Flush, close and rename into place; false (message printed) on error, in
 * which case the temporary is removed. */
bool outfile_commit(struct outfile *o);
/* Drop the temporary. */
void outfile_abort(struct outfile *o);

#endif
