/* `leaklint check`: its options, and the run (collect the files, analyse
 * them on worker threads, write the report, pick the exit code). */
#ifndef LL_CLI_CHECK_H
#define LL_CLI_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/config.h"
#include "cli/confirm.h"
#include "leaklint/leaklint.h"

typedef enum ll_color_mode {
  LL_COLOR_AUTO,   /* only when stdout is a TTY and NO_COLOR is unset */
  LL_COLOR_ALWAYS,
  LL_COLOR_NEVER,
} ll_color_mode;

/** The options of `leaklint check`. Strings point into `argv`. */
typedef struct ll_check_args {
  char **paths;                 /* owned array (not the strings); may be empty */
  int npaths;
  const char *format;           /* "text" (default), "json", "sarif" */
  const char *output;           /* -o FILE, or NULL for stdout */
  const char *config;           /* --config FILE, or NULL to search */
  ll_overrides ov;              /* --rule, --env, --report-unused-disables,
                                   --max-file-size */
  long max_warnings;            /* -1: no limit */
  bool quiet;
  ll_color_mode color;
  bool use_stdin;
  const char *stdin_filename;   /* default "<stdin>.js" */
  unsigned jobs;                /* 0: all cores */
  bool no_ignore;
  const char *compile_commands; /* --compile-commands DIR, or NULL */
  ll_confirm_settings confirm;  /* --confirm, --confirm-only, --confirm-* */
  bool help;                    /* --help: print usage, do nothing else */
} ll_check_args;

/** Parses `argv[1..argc)` (argv[0] is "check") into `a`, which the caller
 * releases with `ll_check_args_fini`, also after a failure. Fails with
 * LL_EUSAGE and a message naming the option, or LL_ENOMEM. */
ll_status ll_check_args_parse(ll_check_args *a, int argc, char **argv,
                              LL_NULLABLE ll_error *err);

/** Frees what `ll_check_args_parse` allocated. */
void ll_check_args_fini(ll_check_args *a);

/** Runs a parsed check and returns the exit code (LL_EXIT_*). Messages go to
 * stderr, the report to stdout or `a->output`. */
int ll_check_run(const ll_check_args *a);

#endif
