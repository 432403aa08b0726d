/* llrt: leaklint's small JavaScript engine.
 *
 * One `llrt_state` is one isolated JavaScript world: a heap with a
 * generational mark-sweep collector, a global object, and an interpreter.
 * Nothing is global or shared between states, and a state touches no file,
 * network, process, environment or clock of its own: everything from the
 * outside world comes through the host hooks in `llrt_config`.
 *
 * Ownership: `llrt_state_new` returns an owned state freed by
 * `llrt_state_free`; strings returned in results are owned by the result and
 * freed by `llrt_result_fini`. Values (`llrt_value`) are borrowed and only
 * stay valid while something the collector knows about holds them: register
 * a slot with `llrt_root_add` before the next allocation if you keep one. */
#ifndef LLRT_H
#define LLRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LLRT_OWNED
#define LLRT_BORROWED
#define LLRT_NULLABLE

typedef struct llrt_state llrt_state;
/** A NaN-boxed JavaScript value (object.h explains the encoding). */
typedef uint64_t llrt_value;

/* ==== Configuration and host hooks ==== */

/** Loads the source text of module `spec` required from `from`. Returns a
 * malloc'd buffer the runtime frees, and its resolved name in `*resolved`
 * (malloc'd too), or NULL when the module does not exist. */
typedef char *(*llrt_load_fn)(void *ud, const char *from, const char *spec,
                              size_t *len, char **resolved);
/** Milliseconds since the epoch, for `Date.now()` and `new Date()`. */
typedef double (*llrt_clock_fn)(void *ud);
/** Receives one line of console output (no trailing newline). `level` is
 * 0 log/info/debug, 1 warn, 2 error. */
typedef void (*llrt_print_fn)(void *ud, int level, const char *s, size_t n);

typedef struct llrt_config {
  /* Heap */
  size_t nursery_bytes;   /* minor collection after this many new bytes (1 MiB) */
  unsigned major_growth;  /* major when the heap grew this % since the last (100) */
  unsigned promote_age;   /* minors an object survives before it is old (2) */
  size_t heap_cap;        /* a run fails with "heap cap exceeded" past this (0: none) */
  bool gc_stress;         /* a collection at every allocation */
  bool gc_verify;         /* verify the heap after every collection (slow) */
  uint64_t fail_alloc_at; /* fail the Nth allocation (1-based; 0: never) */
  size_t gray_limit;      /* debug: the mark stack never grows past this many
                             entries (0: no limit), to exercise the rescan
                             that follows a mark-stack overflow */
  /* Interpreter budgets */
  uint64_t max_steps;     /* evaluation steps before "budget exceeded" (0: none) */
  unsigned max_depth;     /* call depth before RangeError (default 400) */
  /* Host hooks (all optional) */
  void *host;
  llrt_print_fn print;    /* default: stdout (log) and stderr (warn/error) */
  llrt_clock_fn clock;    /* default: Date.now() is 0 */
  llrt_load_fn load;      /* default: require/import fail with "not found" */
  /* Polled every 16,384 evaluation steps; returning true stops the run with
   * LLRT_BUDGET (a wall-clock cap lives in the host, not the engine). */
  bool (*interrupt)(void *ud);
} llrt_config;

/** Fills `c` with the defaults above. */
void llrt_config_init(llrt_config *c);

/** Creates a state with builtins installed. Returns NULL when out of memory.
 * `c` is copied; NULL means the defaults. Free it with `llrt_state_free`. */
LLRT_OWNED llrt_state *llrt_state_new(LLRT_NULLABLE const llrt_config *c);
/** Frees everything the state owns. NULL does nothing. */
void llrt_state_free(LLRT_NULLABLE llrt_state *S);

/* ==== Running code ==== */

typedef enum llrt_status {
  LLRT_OK = 0,
  LLRT_THROWN = -1,      /* an uncaught exception: see `message`, `file`, `line` */
  LLRT_UNSUPPORTED = -2, /* syntax or a builtin the engine lacks: "unsupported: …" */
  LLRT_BUDGET = -3,      /* the instruction budget ran out */
  LLRT_NOMEM = -4,       /* the heap cap or the system ran out of memory */
  LLRT_SYNTAX = -5,      /* the file does not parse */
} llrt_status;

/** What a run produced. Strings are owned by the result. */
typedef struct llrt_result {
  llrt_status status;
  char *message; /* "TypeError: x is not a function", NULL when OK */
  char *file;    /* where it was thrown or found, NULL when unknown */
  unsigned line, col; /* 1-based */
} llrt_result;

/** Compiles and runs `src[0..len)` as a script (CommonJS-style module with
 * `require`, `module` and `exports` when `as_module`), then drains the job
 * queue (promise reactions, finalization callbacks) — unless called while
 * JavaScript is running (a host installing a module on first use), when
 * the queue is left to the running program. `src` is copied. */
llrt_status llrt_eval(llrt_state *S, const char *path, const char *src,
                      size_t len, bool as_module, llrt_result *out);
/** Runs queued jobs (microtasks and FinalizationRegistry callbacks) until
 * none is left. Returns the first failure, reported in `out`. */
llrt_status llrt_run_jobs(llrt_state *S, llrt_result *out);
/** Frees the strings of a result. */
void llrt_result_fini(llrt_result *r);

/* ==== Roots: the one registration API ==== */

/** Calls `mark(S, v)` on every value the host holds. */
typedef void (*llrt_trace_fn)(llrt_state *S, void *ud,
                              void (*mark)(llrt_state *S, llrt_value v));

/** Registers `n` value slots the collector must treat as roots (and keep
 * up to date: the collector never moves objects, so slots are only read).
 * The slots are borrowed until `llrt_root_remove`. */
bool llrt_root_add(llrt_state *S, llrt_value *slots, size_t n);
void llrt_root_remove(llrt_state *S, llrt_value *slots);
/** Registers a tracer called at every collection (timers, listeners, the
 * job queue use this). */
bool llrt_root_add_tracer(llrt_state *S, llrt_trace_fn fn, void *ud);
void llrt_root_remove_tracer(llrt_state *S, llrt_trace_fn fn, void *ud);

/* ==== The collector ==== */

/** Runs a minor (young-only) or a major (full) collection now. */
void llrt_gc_minor(llrt_state *S);
void llrt_gc_major(llrt_state *S);
/** Checks the heap invariants (gc.h); returns false and describes the first
 * violation in `why` (static text) when one fails. */
bool llrt_gc_verify(llrt_state *S, const char **why);

typedef struct llrt_gc_stats {
  uint64_t minors, majors;
  uint64_t bytes_allocated, bytes_promoted, bytes_freed;
  size_t live_bytes, old_bytes, young_bytes;
  size_t live_objects;
  double minor_median_ms, minor_p99_ms, minor_max_ms;
  double major_median_ms, major_p99_ms, major_max_ms;
} llrt_gc_stats;
void llrt_gc_get_stats(llrt_state *S, llrt_gc_stats *out);
/** Zeroes the counters and pause samples (to measure one phase). */
void llrt_gc_reset_stats(llrt_state *S);
/** Live bytes of one type (types.def order; -1 for the total). */
size_t llrt_gc_live_bytes(const llrt_state *S, int type);

/* ==== Census ==== */

typedef struct llrt_census_row {
  uint32_t site;     /* allocation site id (0: internal) */
  const char *type;  /* "Array", "Closure", … (static) */
  const char *file;  /* borrowed from the state; NULL for internal */
  unsigned line, col;
  size_t count, bytes;
} llrt_census_row;

/** Runs a major collection, then groups live objects by (site, type), largest
 * bytes first. Returns a malloc'd array of `*n` rows (free with `free`). */
LLRT_OWNED llrt_census_row *llrt_census(llrt_state *S, size_t *n);
/** Writes one retaining path from a root to a live object allocated at
 * `site` ("root -> Object -> Array -> Closure (a.js:3:5)") into `buf`.
 * Returns false when no object from that site is live. */
bool llrt_census_path(llrt_state *S, uint32_t site, char *buf, size_t cap);
/** Counts live objects of census type `type` (e.g. "Closure") at
 * `file:line` (line 0: any line) after a major collection. */
size_t llrt_census_count(llrt_state *S, const char *type, const char *file,
                         unsigned line);

#endif
