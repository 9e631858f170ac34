/* Reading whole input files with errors that name the file. */
#ifndef VMMSIM_FILEUTIL_H
#define VMMSIM_FILEUTIL_H

#include <stddef.h>
#include <stdint.h>

/* Read the file at path into a malloc'd buffer (caller frees), NUL-terminated
 * one byte past *len for the convenience of text parsers.  Files larger than
 * max_size are refused.  On error returns -1 and writes one line to err:
 * "PATH: reason" (strerror, or "larger than N bytes"). */
int fileutil_read_all(const char *path, size_t max_size, uint8_t **buf, size_t *len, char *err,
                      size_t errlen);

#endif
