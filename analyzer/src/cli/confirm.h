/* Confirmation from the CLI and the language server: settings, and the hook
 * through which the analyzer library reaches the runtime. The library
 * (leaklint_core) cannot depend on the runtime (the runtime depends on it),
 * so the `leaklint` program installs the runtime's driver at start-up with
 * `ll_cli_set_confirmer` (cli/confirm_runtime.c); without one, --confirm
 * reports every finding as not run. */
#ifndef LL_CLI_CONFIRM_H
#define LL_CLI_CONFIRM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "leaklint/leaklint.h"

#define LL_CONFIRM_MAX_ROUNDS 8

typedef struct ll_confirm_settings {
  bool on;                  /* --confirm */
  bool only;                /* --confirm-only: drop refuted and inconclusive
                               findings (not-run ones, C and parse errors, stay) */
  unsigned rounds[LL_CONFIRM_MAX_ROUNDS]; /* cumulative calls; nrounds 0: default */
  size_t nrounds;
  double advance_ms;        /* 0: default */
  uint64_t max_steps;       /* 0: default */
  size_t heap_cap;          /* 0: default */
  double max_ms;            /* 0: default */
} ll_confirm_settings;

/** Confirms the finding at bytes [start, end) of rule `rule` in `src`. */
typedef void (*ll_confirm_fn)(const ll_confirm_settings *s, const char *path,
                              const char *src, size_t len, const char *rule,
                              uint32_t start, uint32_t end, ll_confirm *out);

void ll_cli_set_confirmer(ll_confirm_fn fn);
ll_confirm_fn ll_cli_confirmer(void);

/** Parses "1,10,100" (ascending, each 1..100000) into `s->rounds`. */
bool ll_confirm_parse_rounds(ll_confirm_settings *s, const char *v);

/** Confirms every finding of a JS rule in `results` on `jobs` threads (0:
 * all cores). `text_of(ud, path, &len)` gives a file's text (owned by the
 * caller, or NULL when unreadable). Verdicts are stored in `*store` (owned
 * by the caller: `ll_free`) and linked from the findings. With `s->only`,
 * every result then drops its refuted and inconclusive findings (counts
 * updated). */
ll_status ll_cli_confirm_results(const ll_confirm_settings *s, ll_file_result **results,
                                 size_t n, unsigned jobs,
                                 const char *(*text_of)(void *ud, const char *path,
                                                        size_t *len),
                                 void *ud, LL_OWNED ll_confirm **store);

#endif
