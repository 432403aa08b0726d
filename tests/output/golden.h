/* Golden-file helpers for the output tests: run a writer into memory and
 * compare its report with tests/output/<name>.expected. Set the environment
 * variable LL_UPDATE_GOLDEN=1 to rewrite the expected files instead (then
 * review the diff before committing). */
#ifndef LL_TESTS_OUTPUT_GOLDEN_H
#define LL_TESTS_OUTPUT_GOLDEN_H

#include "output/output.h"
#include "sample.h"

/** Runs `fn` on the sample's files and returns the report (free with
 * `free`); `*st` gets the writer's status. Never NULL. */
char *ll_golden_run(ll_output_fn fn, const ll_sample *s,
                    const ll_output_opts *o, ll_status *st);
/** Replaces every `from` in `text` by `to`; frees `text`, returns a new
 * string (free with `free`). */
char *ll_golden_replace(char *text, const char *from, const char *to);
/** Asserts that `actual` equals the file tests/output/<name>, naming the
 * first differing line when it does not. */
void ll_golden_check(const char *name, const char *actual);

#endif
