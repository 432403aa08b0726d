/* Hand-made analysis results for the output tests: the golden files
 * (the .expected files beside it) and the SARIF validation (sarif_sample.c) are
 * built from these, so the writers are tested without the analysis core. */
#ifndef LL_TESTS_OUTPUT_SAMPLE_H
#define LL_TESTS_OUTPUT_SAMPLE_H

#include "base/arena.h"
#include "output/output.h"

#define LL_SAMPLE_MAX_FILES 8

/** A set of file results and the run summary a writer takes. */
typedef struct ll_sample {
  ll_arena *arena; /* owns every finding, string and related location */
  ll_file_result files[LL_SAMPLE_MAX_FILES];
  const ll_file_result *ptrs[LL_SAMPLE_MAX_FILES]; /* the writers' argument */
  size_t n;
  ll_run_summary summary;
} ll_sample;

/** Fills `s` with the standard sample: several JS files (tabs, CJK, an
 * astral character, a control character, a minified line, a multi-line
 * span, a path with a space and an accent), a file without findings and an
 * absolute C path with a parse error. Free with `ll_sample_fini`. */
void ll_sample_init(ll_sample *s);
/** Fills `s` with files that have no findings at all. */
void ll_sample_init_clean(ll_sample *s);
void ll_sample_fini(ll_sample *s);

/** The 1-based UTF-16 column where `needle` starts in `line` (must occur). */
uint32_t ll_sample_col(const char *line, const char *needle);

#endif
