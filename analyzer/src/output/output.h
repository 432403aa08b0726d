/* Writers for the three output formats. Each takes every file's result (in
 * the order the files were given/found) and writes the whole report. They
 * know nothing of the CLI; the CLI picks one by name (`ll_output_find`). */
#ifndef LL_OUTPUT_H
#define LL_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "leaklint/leaklint.h"

typedef struct ll_run_summary {
  size_t files;          /* files analysed */
  size_t errors, warnings, infos; /* findings written (after --quiet) */
  double duration_ms;
} ll_run_summary;

typedef struct ll_output_opts {
  bool color;               /* ANSI colour (text only) */
  ll_severity min_severity; /* findings below are not written (--quiet = ERROR) */
} ll_output_opts;

typedef ll_status (*ll_output_fn)(FILE *out, const ll_file_result *const *results,
                                  size_t n, const ll_run_summary *summary,
                                  const ll_output_opts *opts);

/** Text: grouped by file, `line:col  severity  message  rule-id`, a code
 * frame under each finding, and a summary line. */
ll_status ll_output_text(FILE *out, const ll_file_result *const *results,
                         size_t n, const ll_run_summary *summary,
                         const ll_output_opts *opts);
/** JSON, schema version 1 of DESIGN.md. */
ll_status ll_output_json(FILE *out, const ll_file_result *const *results,
                         size_t n, const ll_run_summary *summary,
                         const ll_output_opts *opts);
/** SARIF 2.1.0 with the rule catalogue in `tool.driver.rules`. */
ll_status ll_output_sarif(FILE *out, const ll_file_result *const *results,
                          size_t n, const ll_run_summary *summary,
                          const ll_output_opts *opts);

/** The writer for "text", "json" or "sarif", or NULL. */
ll_output_fn ll_output_find(const char *name);

#endif
