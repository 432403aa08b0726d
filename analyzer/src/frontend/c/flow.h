/* The resource dataflow over a function's CFG, and the per-file summaries
 * of the file's own functions. */
#ifndef LL_FRONTEND_C_FLOW_H
#define LL_FRONTEND_C_FLOW_H

#include "frontend/c/clang_api.h"

#include "base/array.h"
#include "frontend/c/cfg.h"

enum { LL_C_MAX_PARAMS = 16 };

/** What a function does with its arguments and result, as callers see it.
 * Keyed by name: C has one function per name in a translation unit. */
typedef struct ll_c_summary {
  const char *name;
  bool defined;        /* has a body in this file: the flags below apply */
  bool noreturn;       /* no path reaches a return (or an attribute says so) */
  int8_t attr_noreturn; /* -1: not looked at yet */
  uint8_t param[LL_C_MAX_PARAMS]; /* LL_C_P_* bits */
  int returns_pair;    /* returns a new resource of this model pair, or -1 */
  int fn_index;        /* its definition in the file's function list, or -1 */
  bool ext_used;       /* recorded as used without a definition (xtu.c) */
} ll_c_summary;

enum {
  LL_C_P_FREES = 1,  /* releases the argument on some path */
  LL_C_P_KEEPS = 2,  /* stores it somewhere that outlives the call */
};

/** A file-scope variable with an integer initialiser; `written` once any
 * code in the file assigns it, increments it or takes its address. */
typedef struct ll_c_const {
  CXCursor decl; /* canonical VarDecl */
  long long value;
  bool written;
} ll_c_const;

/** A resource stored into a field of a struct (the first store of each
 * struct type and field): the struct owns it, and the struct's release
 * function must release it. */
typedef struct ll_c_field_store {
  const char *type;  /* the struct's canonical spelling ("struct conn") */
  const char *field; /* the field's name */
  int pair;          /* the model pair its leak reports under */
  uint32_t start, end, line; /* the store (bytes, 1-based line) */
} ll_c_field_store;

/** Everything the analysis of one file shares between its functions. */
typedef struct ll_c_file {
  const ll_c_model *model;
  const ll_options *opts;
  const ll_text *text;
  const char *text_path; /* the file's path, as given */
  CXTranslationUnit tu;
  ll_arena *scratch;
  ll_array(ll_c_summary) sums;
  uint32_t *sum_index; /* open addressing by name: index + 1, 0 empty */
  uint32_t sum_cap;    /* a power of two, or 0 */
  bool unknown_borrow; /* c.unknownCalls: borrow */
  bool has_uv_close;   /* some code in the file calls uv_close */
  bool uv_closed_any;  /* ... on a `uv_handle_t *` or `uv_stream_t *` */
  ll_array(const char *) uv_closed; /* handle types it closes ("uv_timer_s") */
  ll_array(ll_c_const) consts; /* see ll__c_fold */
  bool changed;        /* a summary changed in this round */
  ll_array(ll_c_field_store) field_stores;
  bool field_pass;     /* checking release functions against the stores:
                          only LL_C_LEAK_FIELD is reported */
  ll_array(ll_c_leak) leaks;
  int cur_fn;          /* the function being analysed (its index) ... */
  uint32_t cur_gen;    /* ... and how many times it has been */
  bool oom;
} ll_c_file;

/** The summary of `name`, created (undefined) on first use; NULL on OOM. */
ll_c_summary *ll__c_summary(ll_c_file *f, const char *name);

/** Analyses function definition `fn`. Updates its summary (setting
 * `f->changed` when it differs); when `report`, appends its leaks to
 * `f->leaks`. */
void ll__c_flow_function(ll_c_file *f, CXCursor fn, bool report);

/** The noreturn test the CFG builder uses (`ud` is the `ll_c_file`). */
bool ll__c_call_noreturn(void *ud, CXCursor call);

/** The libuv handle type an argument points to, as its struct tag
 * ("uv_timer_s"), looking through casts and `&`; an arena copy, or NULL when
 * it is not a pointer to a struct. */
const char *ll__c_uv_type(ll_c_file *f, CXCursor arg);

/** True when a `uv_handle_t *` or `uv_stream_t *` could be any handle. */
bool ll__c_uv_type_generic(const char *type);

/** Folds `c` to an integer, seeing file-scope variables that are never
 * written after their initialiser as the constants they are. */
bool ll__c_fold(void *ud, CXCursor c, long long *v);

/** The callee's name of a direct call (arena copy), or NULL. */
const char *ll__c_callee_name(ll_c_file *f, CXCursor call);

#endif
