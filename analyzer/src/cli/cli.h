/* The command-line interface: subcommands, exit codes and the diagnostic
 * channel shared by the CLI modules (check.c, commands.c, config.c, files.c).
 *
 * Every subcommand returns an exit code instead of exiting: only main.c calls
 * exit(). Our own messages go to stderr prefixed "leaklint: "; reports go to
 * stdout or the `-o` file. */
#ifndef LL_CLI_H
#define LL_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "leaklint/leaklint.h"

/* Exit codes (DESIGN.md, "Exit codes"). */
enum {
  LL_EXIT_OK = 0,       /* nothing at error level */
  LL_EXIT_FINDINGS = 1, /* an error-level finding, or --max-warnings exceeded */
  LL_EXIT_FAILURE = 2,  /* usage, configuration, unreadable input, internal */
};

/* The analyzer's size limit when `ll_options.max_file_size` is 0 (see
 * leaklint.h). The CLI checks sizes before reading so it can name both. */
#define LL_CLI_DEFAULT_MAX_FILE_SIZE ((size_t)4 << 20)

/** Prints "leaklint: <message>\n" to stderr. */
void ll_cli_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Writes "N bytes" or, when large, "N bytes (X.Y MiB)" describing `n` into
 * `buf` (caller-owned, `cap` bytes). Returns `buf`. */
char *ll_cli_format_size(char *buf, size_t cap, size_t n);

/** The catalogue id closest to `id` (a likely typo), or NULL. Static storage. */
const char *ll_cli_suggest_rule(const char *id);

/** Parses a severity word for `--rule` and config files: "off", "info",
 * "warn"/"warning", "error", or "0", "1", "2". Returns false when unknown. */
bool ll_cli_parse_severity(const char *s, ll_severity *out);

/** Calls `fn(ud, i)` for every i < n on `jobs` threads in all (0: one per
 * core), the calling thread included; returns when all are done. */
void ll_cli_parallel(size_t n, unsigned jobs, void (*fn)(void *ud, size_t i), void *ud);

/* ==== Subcommands: each returns an exit code ==== */

/** `leaklint check [options] [PATH…]`; `argv[0]` is "check". */
int ll_cli_check(int argc, char **argv);
/** `leaklint rules`: the catalogue as a table on `out`. */
int ll_cli_rules(int argc, char **argv, FILE *out);
/** `leaklint explain ID`: the rule's README on `out`. */
int ll_cli_explain(int argc, char **argv, FILE *out);
/** `leaklint lsp`: the language server on stdin/stdout (cli/lsp.c). */
int ll_cli_lsp(int argc, char **argv);
/** The top-level usage text. */
void ll_cli_help(FILE *out);
/** The usage text of `leaklint check`. */
void ll_cli_check_help(FILE *out);
/** "leaklint X.Y.Z". */
void ll_cli_version(FILE *out);

#endif
