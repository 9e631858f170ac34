/* What every Check suite's main() does with its suite: run it and exit with
 * success only if every test passed. */
#ifndef VMMSIM_TESTS_UNIT_H
#define VMMSIM_TESTS_UNIT_H

#include <check.h>
#include <stdlib.h>

static inline int unit_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
