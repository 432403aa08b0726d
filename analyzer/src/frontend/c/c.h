/* The C frontend: libclang translation units, a control-flow graph per
 * function, and a dataflow of every acquired resource's state.
 *
 * Pipeline for one file (`ll__c_analyze`): resolve the compiler flags
 * (flags.c), parse with libclang (one CXIndex per call, so worker threads
 * share nothing), report the first error as one `parse-error` warning, then
 * for each function defined in the main file build its CFG (cfg.c) and run
 * the resource dataflow (flow.c). Summaries of the file's own functions are
 * iterated to a fixpoint before the final, reporting pass. Leaks go to the
 * C rules (rules/c/<id>/rule.c), which word the findings.
 *
 * Invariants: every CXIndex, CXTranslationUnit, CXString and compilation
 * database is disposed before `ll__c_analyze` returns; nothing calls chdir
 * (compile-database folders are passed as `-working-directory`). */
#ifndef LL_FRONTEND_C_H
#define LL_FRONTEND_C_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "engine/report.h"
#include "engine/suppress.h"
#include "leaklint/leaklint.h"

/* ==== The resource model (rules/resources/c.json) ==== */

typedef struct ll_c_pair {
  const char *rule;          /* rule id */
  int rule_index;            /* its catalogue index, or -1 */
  const char *kind;          /* "heap", "file", "fd", ... */
  const char *what;          /* "memory", "FILE stream", ... */
  const char **acquire;      /* NULL-terminated lists; NULL when absent */
  const char **acquire_out;
  int out_arg;
  const char **release;
  int release_arg;
  const char **realloc_fns;
  int consumes_arg;          /* -1: none */
  const char **init;         /* uv_*_init: registers caller-owned memory */
  int init_arg;
  const char **start;        /* uv_timer_start */
  int repeat_arg;
} ll_c_pair;

typedef struct ll_c_model {
  ll_c_pair *pairs;
  uint32_t npairs;
  const char **borrow;   /* NULL-terminated */
  const char **noreturn; /* NULL-terminated */
  struct ll_c_model_entry *index; /* every listed name, by hash */
  uint32_t index_cap;    /* a power of two */
  ll_arena *arena;       /* owns everything above */
} ll_c_model;

/** The built-in model (parsed once per process, read-only, shared). NULL
 * when the embedded JSON cannot be loaded (out of memory). */
const ll_c_model *ll__c_model_builtin(void);

/** What a call to the function `name` does, by the model. */
typedef enum ll_c_role {
  LL_C_UNKNOWN,
  LL_C_ACQUIRE,     /* returns a new resource */
  LL_C_ACQUIRE_OUT, /* stores a new resource through argument `arg` */
  LL_C_RELEASE,     /* releases argument `arg` */
  LL_C_REALLOC,     /* releases argument 0, returns a new resource */
  LL_C_INIT,        /* registers argument `arg` (caller memory) */
  LL_C_START,       /* starts a repeating timer on argument 0 */
  LL_C_BORROW,      /* only reads/writes through its arguments */
  LL_C_NORETURN,
} ll_c_role;

typedef struct ll_c_call_model {
  ll_c_role role;
  int pair; /* index into `pairs`, or -1 */
  int arg;  /* the argument concerned, or -1 */
} ll_c_call_model;

/** Looks `name` up in the model. Release roles take precedence over
 * acquire roles, which take precedence over borrow and noreturn. */
ll_c_call_model ll__c_model_lookup(const ll_c_model *m, const char *name);
bool ll__c_model_is_noreturn(const ll_c_model *m, const char *name);

/* ==== Leaks, as the dataflow reports them to the rules ==== */

typedef enum ll_c_leak_how {
  LL_C_LEAK_RETURN,      /* owned when a `return` leaves the function */
  LL_C_LEAK_END,         /* owned when control reaches the closing brace */
  LL_C_LEAK_OVERWRITE,   /* the only pointer to it was overwritten */
  LL_C_LEAK_DISCARDED,   /* the acquiring call's result was never kept */
  LL_C_LEAK_REALLOC,     /* `p = realloc(p, n)`: lost when realloc fails */
  LL_C_LEAK_OWNER_FREED, /* its owning struct was freed first */
  LL_C_LEAK_NOT_CLOSED,  /* libuv: handle freed or lost without uv_close */
  LL_C_LEAK_NO_CLOSE_CB, /* libuv: uv_close without a callback to free it */
  LL_C_LEAK_REPEATING,   /* libuv: a repeating timer never stopped */
  LL_C_LEAK_FIELD,       /* a struct's release function frees the struct
                            but not the resource stored in its field: `var`
                            the field, `function` the release function (the
                            leak point), `detail` the struct parameter, the
                            acquisition the store into the field */
} ll_c_leak_how;

typedef struct ll_c_leak {
  ll_c_leak_how how;
  const ll_c_pair *pair;
  const char *acquire;       /* the acquiring function's name */
  const char *var;           /* the variable or field that held it, or NULL */
  const char *function;      /* the enclosing function */
  uint32_t acq_start, acq_end, acq_line; /* the acquisition (bytes, 1-based line) */
  uint32_t at_start, at_end, at_line;    /* where it leaks */
  const char *context;       /* e.g. "the `if (n < 0)` branch", or NULL */
  const char *detail;        /* e.g. the owner's name, or NULL */
  int fn_index;              /* internal: the analysis that found it ... */
  uint32_t gen;              /* ... and its generation (see tu.c) */
} ll_c_leak;

/* ==== The C rules ==== */

typedef struct ll_c_rule_ctx {
  const ll_options *opts;
  uint16_t rule;
  ll_report_sink *sink;
  const ll_text *text;
} ll_c_rule_ctx;

typedef void (*ll_c_leak_fn)(ll_c_rule_ctx *ctx, const ll_c_leak *leak);

typedef struct ll_c_rule_reg {
  uint16_t current;
  ll_c_leak_fn on_leak[LL_RULE_COUNT];
} ll_c_rule_reg;

/** Subscribes the registering rule to the leaks of its pairs. */
void ll_c_rule_on_leak(ll_c_rule_reg *reg, ll_c_leak_fn fn);

/** Reports a finding of the current rule over bytes [start, end). Returns
 * its handle for `ll_c_report_related`, or -1 (rule off, or OOM). */
int ll_c_report(ll_c_rule_ctx *ctx, uint32_t start, uint32_t end,
                const char *help, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void ll_c_report_related(ll_c_rule_ctx *ctx, int handle, uint32_t start,
                         uint32_t end, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/** Reports `leak` in the common wording (the resource, where it was
 * acquired, where and how it leaks), at the acquisition, with the
 * acquisition and the leak point as related locations. */
int ll_c_report_leak(ll_c_rule_ctx *ctx, const ll_c_leak *leak,
                     const char *help);

/* The rule bodies, one per LL_RULE row with LANG C. */
#define LL__CDECL_ANY(sym)
#define LL__CDECL_JS(sym)
#define LL__CDECL_C(sym) void ll_rule_##sym##_register(ll_c_rule_reg *reg);
#define LL_RULE(sym, id, lang, cat, sev, fix, desc) LL__CDECL_##lang(sym)
#include "rules/rules.def"
#undef LL_RULE
#undef LL__CDECL_ANY
#undef LL__CDECL_JS
#undef LL__CDECL_C

/** The C rule registrations; built once, read-only, thread-safe. */
const ll_c_rule_reg *ll__c_registry(void);

/* ==== Cross-translation-unit summaries (xtu.c) ==== */

typedef struct ll_c_xtu ll_c_xtu;

/** What an external function does, as callers in other files see it. */
typedef struct ll_c_xtu_summary {
  bool noreturn;
  int returns_pair;      /* a model pair index, or -1 */
  uint8_t param[16];     /* LL_C_P_* bits (flow.h), per parameter */
} ll_c_xtu_summary;

/** A new, empty store (collecting); NULL on OOM. Free with
 * `ll__c_xtu_free` (NULL is fine). */
ll_c_xtu *ll__c_xtu_new(void);
void ll__c_xtu_free(LL_NULLABLE ll_c_xtu *x);
/** Collecting: the summary of `usr`, defined in `path` (copied; the first
 * definition wins). Thread-safe. */
void ll__c_xtu_publish(ll_c_xtu *x, const char *path, const char *usr,
                       const ll_c_xtu_summary *s);
/** Collecting: `path` uses the function `usr` without defining it. */
void ll__c_xtu_use(ll_c_xtu *x, const char *path, const char *usr);
/** Ends collecting: the store is read-only from here on. Call it with no
 * worker running. */
void ll__c_xtu_freeze(ll_c_xtu *x);
bool ll__c_xtu_frozen(LL_NULLABLE const ll_c_xtu *x);
/** Frozen: the summary of `usr` from a file other than `path`, or NULL. */
const ll_c_xtu_summary *ll__c_xtu_lookup(const ll_c_xtu *x, const char *path,
                                         const char *usr);
/** Frozen: whether `path` uses a function another file summarised. */
bool ll__c_xtu_needs_recheck(const ll_c_xtu *x, const char *path);

/* ==== The per-file entry point ==== */

/** Analyses the C file `path` whose text is `t` (the caller's buffer, used
 * as the main file's contents), adding findings to `sink`. Never fails on
 * bad C: parse problems become one `parse-error` finding. Returns LL_ENOMEM
 * or LL_EPARSER (libclang unusable) with `err` set. */
ll_status ll__c_analyze(const ll_options *o, const char *path, const ll_text *t,
                        ll_report_sink *sink, LL_NULLABLE ll_error *err);

/** The comments of C text `t` (for suppression directives), skipping string
 * and character literals: a new array in `t`'s arena, or NULL on OOM. */
ll_comment_span *ll__c_comments(const ll_text *t, uint32_t *n);

#endif
