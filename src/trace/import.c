/* The table of trace importers (import.h): adding an input format is its
 * parser file and one line here. */
#include "trace/import.h"

#include <string.h>

const struct import_format *const import_formats[] = {
	&import_din_format,
	&import_dinD_format,
	&import_lackey_format,
	NULL,
};

const struct import_format *import_format_find(const char *name)
{
	for (size_t i = 0; import_formats[i]; i++)
		if (!strcmp(import_formats[i]->name, name))
			return import_formats[i];
	return NULL;
}
