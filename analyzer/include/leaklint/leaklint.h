/* leaklint: finds memory and resource leaks in JavaScript and C.
 *
 * The public API of the analyzer: status codes, the rule catalogue, analysis
 * options, and per-file results. Ownership is stated on every declaration:
 * LL_OWNED results are the caller's to free with the named function,
 * LL_BORROWED ones stay owned by the callee. */
#ifndef LEAKLINT_H
#define LEAKLINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LL_OWNED    /* the caller frees the result */
#define LL_BORROWED /* the callee keeps ownership */
#define LL_NULLABLE /* may be NULL */

/* ==== Status codes ==== */

typedef enum ll_status {
#define LL_STATUS(name, value, text) LL_##name = value,
#include "base/status.def"
#undef LL_STATUS
} ll_status;

/** The status's enum name ("LL_ENOENT"); static storage. */
const char *ll_status_name(ll_status s);
/** A lower-case description ("no such file or directory"); static storage. */
const char *ll_status_str(ll_status s);

/** What went wrong, filled by fallible functions that take one. */
typedef struct ll_error {
  ll_status code;
  char path[1024];   /* the file concerned, or "" */
  uint32_t line, column; /* 1-based, 0 when not about a position */
  char message[1024]; /* a full sentence naming the cause */
} ll_error;

/** Fills `err` (when not NULL) and returns `code`. */
ll_status ll_error_set(LL_NULLABLE ll_error *err, ll_status code,
                       LL_NULLABLE const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** Replaces the allocator used for everything leaklint allocates. NULL
 * restores the C library's. Set before any other call. */
void ll_set_allocator(void *(*new_malloc)(size_t),
                      void *(*new_calloc)(size_t, size_t),
                      void *(*new_realloc)(void *, size_t),
                      void (*new_free)(void *));

/* ==== Rules ==== */

typedef enum ll_severity {
  LL_SEV_DEFAULT = -1, /* in options: keep the catalogue's default */
  LL_SEV_OFF = 0,
  LL_SEV_INFO = 1,
  LL_SEV_WARNING = 2,
  LL_SEV_ERROR = 3,
} ll_severity;

typedef enum ll_lang { LL_LANG_ANY, LL_LANG_JS, LL_LANG_C } ll_lang;
typedef enum ll_category {
  LL_CAT_CORRECTNESS, LL_CAT_SUSPICIOUS, LL_CAT_PERF, LL_CAT_STYLE,
  LL_CAT_NURSERY
} ll_category;
typedef enum ll_fix_kind { LL_FIX_NONE, LL_FIX_SAFE, LL_FIX_SUGGESTION } ll_fix_kind;

/** The rule ids, as enum constants generated from rules/rules.def:
 * `LL_RULE_no_implicit_global`, … in catalogue order. */
typedef enum ll_rule_id {
#define LL_RULE(sym, id, lang, cat, sev, fix, desc) LL_RULE_##sym,
#include "rules/rules.def"
#undef LL_RULE
  LL_RULE_COUNT
} ll_rule_id;

typedef struct ll_rule_info {
  const char *id;          /* stable kebab-case id, e.g. "no-uncleared-interval" */
  const char *sym;         /* C symbol form, e.g. "no_uncleared_interval" */
  ll_lang lang;
  ll_category category;
  ll_severity severity;    /* default severity */
  ll_fix_kind fix;
  const char *description; /* one sentence */
  const char *docs_path;   /* "rules/js/<id>/README.md" (relative to the repo) */
} ll_rule_info;

/** The rule with index `i` (< LL_RULE_COUNT), or NULL. Static storage. */
LL_BORROWED const ll_rule_info *ll_rule_get(size_t i);
/** Index of the rule with this id, or -1. */
int ll_rule_find(const char *id);
/** The rule's README text (embedded at build time), or NULL. */
LL_BORROWED const char *ll_rule_docs(size_t i, size_t *len);
const char *ll_severity_name(ll_severity s); /* "error", "warning", "info", "off" */
const char *ll_category_name(ll_category c);
const char *ll_lang_name(ll_lang l); /* "js", "c", "any" */

/* ==== Analysis options ==== */

/** Environments whose globals are known (rules/globals/<name>.txt). ES
 * builtins are always known. */
enum {
  LL_ENV_NODE = 1u << 0,     /* node.txt + commonjs.txt */
  LL_ENV_BROWSER = 1u << 1,  /* browser.txt */
  LL_ENV_WORKER = 1u << 2,   /* worker.txt */
  LL_ENV_COMMONJS = 1u << 3, /* commonjs.txt only */
  LL_ENV_DEFAULT = LL_ENV_NODE | LL_ENV_BROWSER,
};
/** Parses "node", "browser", "worker", "commonjs"; 0 when unknown. */
unsigned ll_env_parse(const char *name);

/** One acquire/release pair added by configuration, checked by the same
 * engine as the built-in ones of rules/resources/js.json. */
typedef struct ll_resource_pair {
  const char *acquire; /* method or function name, e.g. "subscribe" */
  const char *release; /* e.g. "unsubscribe" */
  const char *kind;    /* "listener" (target+event+fn identity) or "handle" (the returned value) */
} ll_resource_pair;

typedef struct ll_options {
  ll_severity severity[LL_RULE_COUNT]; /* LL_SEV_DEFAULT keeps the catalogue's */
  unsigned env;                        /* LL_ENV_* bits */
  const char *const *globals;          /* extra known globals (borrowed) */
  size_t nglobals;
  const ll_resource_pair *pairs;       /* extra pairs (borrowed) */
  size_t npairs;
  bool report_unused_disables;
  size_t max_file_size;                /* bytes; 0 = default (4 MiB) */
  /* C files (libclang). */
  const char *compile_commands;        /* folder of compile_commands.json;
                                          NULL: search from the file upward */
  const char *const *c_args;           /* extra compiler arguments (-I, -D,
                                          -std=), borrowed */
  size_t nc_args;
  bool c_unknown_borrow;               /* unknown functions only borrow their
                                          arguments (default: they escape) */
  struct ll_c_xtu *c_xtu;              /* internal: the cross-file C summaries
                                          of a `leaklint check` run (borrowed),
                                          or NULL for one file at a time */
} ll_options;

/** Default options: every rule at its catalogue severity, LL_ENV_DEFAULT. */
void ll_options_init(ll_options *o);
/** The effective severity of rule `rule` under `o`. */
ll_severity ll_options_severity(const ll_options *o, size_t rule);

/* ==== Results ==== */

typedef struct ll_related {
  uint32_t line, column, end_line, end_column; /* 1-based; columns in UTF-16 units */
  const char *message;
} ll_related;

/* What a confirmation run found (`leaklint check --confirm`): filled by the
 * CLI from the runtime (runtime/include/llrt_confirm.h); the analyzer itself
 * never runs code. */
typedef enum ll_confirm_status {
  LL_CONFIRM_NOT_RUN,      /* not a finding the runtime can confirm */
  LL_CONFIRM_CONFIRMED,    /* the rule's metric grows per call */
  LL_CONFIRM_REFUTED,      /* it stays bounded */
  LL_CONFIRM_INCONCLUSIVE, /* see `reason` */
} ll_confirm_status;

#define LL_CONFIRM_MAX_SAMPLES 8

typedef struct ll_confirm {
  ll_confirm_status status;
  char entry[160];        /* the function the run called ("startPolling") */
  unsigned calls;         /* calls measured */
  char metric[32];        /* "live-timers", "listeners", "global-entries",
                             "retained-bytes" */
  double per_call;        /* metric growth per call over the last round */
  double retained_bytes_per_call;
  double plateau;         /* the metric after the last round */
  double samples[LL_CONFIRM_MAX_SAMPLES];
  unsigned sample_calls[LL_CONFIRM_MAX_SAMPLES];
  size_t nsamples;
  uint64_t phantom_uses;  /* reads, calls and `new` on phantom values */
  double ms;              /* wall time of the confirmation */
  char reason[320];       /* why inconclusive or not run; a note otherwise */
} ll_confirm;

/** "confirmed", "refuted", "inconclusive", "not-run". */
const char *ll_confirm_status_name(ll_confirm_status s);

typedef struct ll_finding {
  uint16_t rule;          /* index into the catalogue */
  ll_severity severity;   /* effective severity (never OFF) */
  uint32_t line, column, end_line, end_column; /* 1-based; UTF-16 columns */
  uint32_t start_byte, end_byte;
  const char *message;    /* what is wrong */
  const char *help;       /* how to fix it, or NULL */
  const char *source_line; /* the text of `line` without its newline, for code frames */
  const ll_related *related;
  uint32_t nrelated;      /* related locations are in the same file */
  const ll_confirm *confirm; /* the confirmation verdict, NULL without --confirm */
} ll_finding;

typedef struct ll_file_result {
  const char *path;       /* as given */
  ll_lang lang;
  const ll_finding *findings; /* sorted by position */
  size_t count;
  size_t errors, warnings, infos;
  size_t bytes;           /* size of the analysed text */
  struct ll_arena *arena; /* owns everything above */
} ll_file_result;

/** Languages by file name: LL_LANG_JS for .js .mjs .cjs .jsx .ts .mts .cts
 * .tsx; LL_LANG_C for .c .h; LL_LANG_ANY (= unsupported) otherwise. */
ll_lang ll_lang_for_path(const char *path);

/** Analyses one file's text. `src` need not be NUL-terminated and is not kept.
 * On LL_OK `*out` is a new result (free with `ll_file_result_free`); syntax
 * errors are `parse-error` findings, not failures. Fails with LL_ETOOBIG,
 * LL_EBINARY, LL_ELANG or LL_ENOMEM, `*out` NULL and `err` filled. */
ll_status ll_analyze_source(const ll_options *o, const char *path,
                            const char *src, size_t len,
                            LL_OWNED ll_file_result **out,
                            LL_NULLABLE ll_error *err);

/** Frees a result. NULL is a no-op. */
void ll_file_result_free(LL_OWNED ll_file_result *r);

/* ==== Incremental analysis (editors) ==== */

/** A place in a text as tree-sitter counts it: a 0-based row (rows end at
 * "\n" only; a lone "\r" does not start one) and a 0-based byte column. */
typedef struct ll_point {
  uint32_t row, column;
} ll_point;

/** The syntax tree of one document's last analysis, kept so that the next
 * analysis after an edit reparses only what changed. A cache belongs to one
 * document and is not thread-safe: only one thread at a time may use it (a
 * language server gives it to at most one background job at a time, and
 * records edits only while no job holds it). */
typedef struct ll_parse_cache ll_parse_cache;

/** A new, empty cache, or NULL when out of memory. Free it with
 * `ll_parse_cache_free`. */
LL_OWNED ll_parse_cache *ll_parse_cache_new(void);
/** Frees `c` and its tree. NULL is a no-op. */
void ll_parse_cache_free(LL_OWNED LL_NULLABLE ll_parse_cache *c);
/** Drops the tree: the next analysis parses from scratch. Use it after a
 * whole-text replacement or an edit that could not be described exactly. */
void ll_parse_cache_reset(ll_parse_cache *c);
/** Records one edit (`ts_tree_edit`): bytes [start_byte, old_end_byte) of
 * the text the tree matches were replaced, and the replacement ends at
 * new_end_byte. The points are the same three places (`old_end_point` in
 * the text before the edit, the others after it). Every edit must be
 * recorded, in order, before the next `ll_analyze_source_cached`; an edit
 * described wrongly gives a wrong tree. Nothing is kept but the numbers. */
void ll_parse_cache_edit(ll_parse_cache *c, uint32_t start_byte,
                         uint32_t old_end_byte, uint32_t new_end_byte,
                         ll_point start_point, ll_point old_end_point,
                         ll_point new_end_point);
/** True when the last `ll_analyze_source_cached` with `c` reused a previous
 * tree (an incremental reparse) rather than parsing from scratch. A text
 * with a syntax error is always parsed from scratch, so that its findings
 * never depend on the edit history. */
bool ll_parse_cache_reused(const ll_parse_cache *c);

/** As `ll_analyze_source`, with the same findings for the same text, but
 * reparsing incrementally from the tree in `cache` (borrowed, not kept; it
 * must not be used by anyone else during the call). The new tree replaces
 * the old one in `cache`. A file that is not JavaScript or TypeScript resets
 * the cache. `*out` is freed with `ll_file_result_free`. */
ll_status ll_analyze_source_cached(const ll_options *o, const char *path,
                                   const char *src, size_t len,
                                   ll_parse_cache *cache,
                                   LL_OWNED ll_file_result **out,
                                   LL_NULLABLE ll_error *err);

#ifdef __cplusplus
}
#endif

#endif
