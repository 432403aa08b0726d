/* The evaluator's shared internals: vm.c (expressions, statements, calls),
 * vm_pattern.c (destructuring, iteration), vm_ops.c (operators) and
 * vm_module.c (import/export). Split only for size; one evaluator. */
#ifndef LLRT_VM_H
#define LLRT_VM_H

#include <stdio.h>

#include "gc.h"
#include "interp.h"
#include "ops.h"

enum { C_NORMAL, C_RETURN, C_BREAK, C_CONTINUE, C_THROW };

#define K(n) (sc->k[n])
#define CHILD(n, f) llrt__child(sc, (n), LL_F_##f)
#define KIND(n) ((ll_kind)sc->kind8[n])
#define NODE(n) (&sc->js.nodes[n])
#define FIRST(n) (sc->js.nodes[n].first)
#define NAMED0(n) llrt__named0(sc, (n))
#define NEXT(n) (sc->js.nodes[n].next)
#define TRY(v)                                                                 \
  do {                                                                         \
    if ((v) == LLRT_EXC) return LLRT_EXC;                                      \
  } while (0)

#define SC (S->frame->script)

/* ==== Small helpers ==== */

static inline bool is_skippable(const llrt_script *sc, ll_nid n) {
  ll_kind k = KIND(n);
  return k == LL_K_comment || k == LL_K_token || k == LL_K_html_comment ||
         k == LL_K_hash_bang_line;
}

static inline bool text_is(const llrt_script *sc, ll_nid n, const char *w) {
  size_t l = strlen(w);
  return llrt__tlen(sc, n) == l && !memcmp(llrt__text(sc, n), w, l);
}

static inline bool text_starts(const llrt_script *sc, ll_nid n, const char *w) {
  size_t l = strlen(w);
  return llrt__tlen(sc, n) >= l && !memcmp(llrt__text(sc, n), w, l);
}

static inline llrt_value fatal(llrt_state *S, llrt_status st) {
  if (!S->fatal) S->fatal = st;
  S->exc = LLRT_UNDEF;
  return LLRT_EXC;
}

static inline llrt_value nomem(llrt_state *S) { return fatal(S, LLRT_NOMEM); }

/* Two numbers under the operators that need no conversion (the
 * evaluator's fast path and llrt__binary's); HOLE when the general path
 * must decide. */
static inline llrt_value llrt__number_binary(int op, llrt_value a, llrt_value b) {
  double x = llrt_tonum_raw(a), y = llrt_tonum_raw(b);
  switch (op) {
  case OP_ADD: return llrt_num(x + y);
  case OP_SUB: return llrt_num(x - y);
  case OP_MUL: return llrt_num(x * y);
  case OP_DIV: return llrt_num(x / y);
  case OP_LT: return llrt_bool(x < y);
  case OP_GT: return llrt_bool(x > y);
  case OP_LE: return llrt_bool(x <= y);
  case OP_GE: return llrt_bool(x >= y);
  case OP_EQ: case OP_SEQ: return llrt_bool(x == y);
  case OP_NE: case OP_SNE: return llrt_bool(x != y);
  default: return LLRT_HOLE;
  }
}

/* ==== Shared entry points ==== */

llrt_value llrt__vm_eval(llrt_state *S, ll_nid n);
int llrt__vm_exec(llrt_state *S, ll_nid n);
llrt_value llrt__vm_read_ident(llrt_state *S, ll_nid n);
llrt_value llrt__vm_write_ident(llrt_state *S, ll_nid n, llrt_value v, bool init);
llrt_value llrt__vm_assign_target(llrt_state *S, ll_nid t, llrt_value v, bool init);
/** `obj[key] = v` for the assignment at `n`: a TypeError in strict code
 * where [[Set]] refused the write (vm.c). */
llrt_value llrt__vm_put(llrt_state *S, ll_nid n, llrt_value obj, llrt_value key,
                        llrt_value v, bool computed);
llrt_value llrt__vm_bind_pattern(llrt_state *S, ll_nid p, llrt_value v, bool init);
llrt_value llrt__vm_iterate_to_array(llrt_state *S, llrt_value v);
llrt_value llrt__vm_to_numeric(llrt_state *S, llrt_value v, double *out);
int32_t llrt__vm_to_int32(double d);
int llrt__vm_exec_export(llrt_state *S, ll_nid n);
/** Pushes the arguments of a tagged template call (vm_template.c): the
 * site's frozen strings array (with `raw`), then the substitutions. */
llrt_value llrt__vm_template_args(llrt_state *S, ll_nid tpl, int *argc);
int llrt__vm_exec_import(llrt_state *S, ll_nid n);

#endif
