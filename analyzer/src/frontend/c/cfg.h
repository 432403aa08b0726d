/* A control-flow graph per C function, built from libclang cursors.
 *
 * A block holds a run of elements (expressions, `VarDecl`s with their
 * initialiser, `ReturnStmt`s) evaluated in order, then one terminator. The
 * builder fills one block at a time and never reopens one, so each block's
 * elements are a contiguous slice of `elems`. */
#ifndef LL_FRONTEND_C_CFG_H
#define LL_FRONTEND_C_CFG_H

#include "frontend/c/clang_api.h"

#include "base/array.h"
#include "frontend/c/c.h"

typedef enum ll_cterm {
  LL_CT_GOTO,   /* to succ[0] */
  LL_CT_BRANCH, /* succ[0] when `cond` is true, succ[1] when false; a null
                   `cond` is a choice the analysis cannot see (switch) */
  LL_CT_RETURN, /* `at` is the ReturnStmt */
  LL_CT_END,    /* control reaches the closing brace */
  LL_CT_SINK,   /* a call that never returns: the path ends, no leak */
} ll_cterm;

typedef struct ll_cblock {
  uint32_t first, n; /* elements: elems[first .. first + n) */
  ll_cterm term;
  int succ[2];       /* -1: none */
  CXCursor cond;     /* LL_CT_BRANCH */
  CXCursor at;       /* LL_CT_RETURN */
  const char *ctx;   /* LL_CT_RETURN: the branch it is in, or NULL */
  bool entered;      /* builder bookkeeping */
} ll_cblock;

typedef struct ll_cfg {
  ll_array(ll_cblock) blocks;
  ll_array(CXCursor) elems;
  int entry;
  uint32_t end_offset; /* the function's closing brace (byte offset) */
} ll_cfg;

/** Tells whether a call never returns (model list, attributes, summaries). */
typedef bool (*ll_c_noreturn_fn)(void *ud, CXCursor call);
/** Folds a condition to an integer when it is constant (`ud` as above). */
typedef bool (*ll_c_const_fn)(void *ud, CXCursor e, long long *v);

/** Builds the CFG of function definition `fn` into the empty `g`; `konst`
 * (may be NULL) folds conditions beyond C's constant expressions. Context
 * strings are allocated in `scratch`, their text taken from `t`. False on
 * OOM (release `g` with `ll__cfg_fini` either way). */
bool ll__cfg_build(ll_cfg *g, CXCursor fn, const ll_text *t, ll_arena *scratch,
                   ll_c_noreturn_fn noreturn, ll_c_const_fn konst, void *ud);
void ll__cfg_fini(ll_cfg *g);

/* ==== Cursor helpers shared with the dataflow ==== */

/** `c` without implicit casts, parentheses and explicit casts. */
CXCursor ll__c_unwrap(CXCursor c);
/** Up to `max` children of `c`; returns how many there are in all. */
unsigned ll__c_kids(CXCursor c, CXCursor *out, unsigned max);
/** The byte offset of `c`'s start (or end) in the file it expands in. */
uint32_t ll__c_start(CXCursor c);
uint32_t ll__c_end(CXCursor c);
/** True when an integer constant expression; `*v` gets its value. */
bool ll__c_int_const(CXCursor c, long long *v);

#endif
