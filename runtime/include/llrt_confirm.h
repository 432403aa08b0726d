/* Confirmation: runs the code around one static finding many times and
 * decides, by measurement, whether what the rule is about grows per call
 * (runtime/src/confirm*.c).
 *
 * One call of `llrt_confirm` builds fresh states (one per entry it tries),
 * loads the file with the Node and browser hosts and phantoms on, picks the
 * entry (the innermost function, method, constructor or callback that
 * contains the site, then outward up to the module), calls it in rounds on
 * the virtual clock, and after each round forces a full collection and
 * measures the rule's metric. Nothing is shared between calls: confirmations
 * may run in parallel threads.
 *
 * Ownership: the request is borrowed; every string in the result is owned by
 * the result (fixed arrays), so it needs no clean-up. */
#ifndef LLRT_CONFIRM_H
#define LLRT_CONFIRM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "llrt.h"

typedef enum llrt_verdict {
  LLRT_CONFIRMED,    /* the metric grows per call */
  LLRT_REFUTED,      /* the metric stays bounded */
  LLRT_INCONCLUSIVE, /* see `reason` */
} llrt_verdict;

#define LLRT_CONFIRM_MAX_ROUNDS 8

typedef struct llrt_confirm_request {
  const char *path;       /* the file, as loaded (relative requires resolve from it) */
  const char *src;        /* its text (borrowed) */
  size_t len;
  const char *rule;       /* rule id: picks the metric */
  uint32_t site_start;    /* byte range of the finding in `src` */
  uint32_t site_end;
  /* Driving (0 / NULL: defaults) */
  const unsigned *rounds; /* cumulative call counts, ascending (1, 10, 100) */
  size_t nrounds;
  double advance_ms;      /* virtual ms between calls (1000) */
  uint64_t max_steps;     /* instruction budget per entry tried (50,000,000) */
  size_t heap_cap;        /* bytes (256 MiB) */
  double max_ms;          /* time cap for the whole confirmation, in CPU ms of
                             the calling thread (2000); 10x that in wall time */
  /* Host */
  llrt_load_fn load;      /* relative requires of files that exist; NULL: none */
  void *host;
  /* A state from `llrt_confirm_template_new` the confirmation takes over for
   * the first entry it tries (and frees), so a forked child that inherits
   * one skips building the hosts; NULL: it builds its own. */
  llrt_state *template_state;
} llrt_confirm_request;

typedef struct llrt_confirm_result {
  llrt_verdict verdict;
  char entry[160];        /* "startPolling", "Widget#mount", "new Cache",
                             "callback at poll.js:12", "module" */
  unsigned calls;         /* calls measured (the last completed round) */
  char metric[32];        /* "live-timers", "listeners", "global-entries",
                             "retained-bytes" */
  double per_call;        /* metric growth per call over the last round */
  double retained_bytes_per_call;
  double plateau;         /* the metric after the last round */
  double samples[LLRT_CONFIRM_MAX_ROUNDS]; /* the metric after each round */
  unsigned sample_calls[LLRT_CONFIRM_MAX_ROUNDS];
  size_t nsamples;
  uint64_t site_hits;     /* times the finding's site ran */
  uint64_t phantom_uses;  /* reads, calls and `new` on phantom values */
  double ms;              /* wall time spent */
  char reason[320];       /* inconclusive: why; otherwise a one-line summary */
} llrt_confirm_result;

/** Runs one confirmation. Returns false only when out of memory before any
 * run could start (the result then says so as an inconclusive reason). */
bool llrt_confirm(const llrt_confirm_request *req, llrt_confirm_result *out);

/** A state with the confirmation hosts installed and nothing else run: a
 * starting point to copy (by `fork`) rather than build per confirmation.
 * NULL when out of memory. Free it with `llrt_state_free` if unused. */
LLRT_OWNED llrt_state *llrt_confirm_template_new(void);

/** The metric a rule is measured by ("retained-bytes" for rules without a
 * more specific one). Static string. */
const char *llrt_confirm_metric(const char *rule);

/** "confirmed", "refuted", "inconclusive". */
const char *llrt_verdict_name(llrt_verdict v);

#endif
