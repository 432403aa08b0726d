/* The interpreter's compiled form of a script (compile.c) and the entry
 * points of the evaluator (vm.c).
 *
 * A script keeps the analyzer's flat node view (`ll_js`) and adds side
 * tables indexed by node id, computed once by `llrt__compile`:
 *   `k[n]`    a constant: the interned name of an identifier or property
 *             key, the value of a number or string literal, or of a
 *             template fragment (cooked);
 *   `ref[n]`  for an identifier that names a binding: `(hops << 16) | slot`,
 *             the environment record `hops` levels out and the slot in it;
 *             REF_GLOBAL for a global name, REF_ARGUMENTS for `arguments`;
 *   `op[n]`   the operator of unary/binary/update/assignment nodes, the
 *             method kind of methods, and per-node flags (chain top);
 * and per scope the number of slots (`nslots`, 0 = no record is made) and
 * their initial values (`init`: undefined, or HOLE for TDZ bindings). */
#ifndef LLRT_INTERP_H
#define LLRT_INTERP_H

#include "analyzer/src/frontend/js/js.h"
#include "object.h"

#define REF_GLOBAL 0xFFFFFFFFu
#define REF_ARGUMENTS 0xFFFFFFFEu

typedef struct llrt_script {
  ll_arena *arena;
  ll_js js;
  char *path;
  char *src;
  uint32_t len;
  llrt_value *k;
  uint32_t *ref;
  uint8_t *op;
  uint32_t *nslots;   /* per scope */
  llrt_value **init;  /* per scope: initial slot values */
  uint32_t site_base; /* allocation site = site_base + node id */
  uint32_t module_slot; /* slot of `require` in the module env (then module, exports) */
  bool script_mode;   /* a classic script: top-level var/function are globals */
} llrt_script;

/* op[] values for method_definition / field nodes */
enum { M_STATIC = 1, M_GET = 2, M_SET = 4, M_ASYNC = 8, M_GEN = 16 };
/* flag bit for member/call/subscript nodes: the top of an optional chain */
#define OP_CHAIN_TOP 0x80

llrt_script *llrt__compile(llrt_state *S, const char *path, const char *src,
                           size_t len, bool script_mode, const char **err,
                           unsigned *eline);
void llrt__script_free(llrt_state *S, llrt_script *sc);
void llrt__trace_scripts(llrt_state *S, void (*mark)(llrt_state *, llrt_value));
bool llrt__site_location(llrt_state *S, uint32_t site, const char **file,
                         unsigned *line, unsigned *col);
/** The lazy `prototype`/`name`/`length` of a closure, or UNDEF. */
llrt_value llrt__closure_prototype(llrt_state *S, llrt_closure *c);
llrt_value llrt__closure_lazy(llrt_state *S, llrt_closure *c, llrt_value key);
/** Runs a compiled script: its module scope gets `require`, `module` and
 * `exports` when `module` is an object. Returns the completion or EXC. */
llrt_value llrt__run_script(llrt_state *S, llrt_script *sc, llrt_value module);
/** `require(spec)` from `from`: the loader hook, a cache, CommonJS. */
llrt_value llrt__require(llrt_state *S, const char *from, llrt_value spec);

/** `ll_js_child`, inlined: the evaluator asks for children constantly. */
static inline ll_nid llrt__child(const llrt_script *sc, ll_nid n, ll_field f) {
  const ll_node *nodes = sc->js.nodes;
  for (ll_nid c = nodes[n].first; c != LL_NONE; c = nodes[c].next)
    if (nodes[c].field == f) return c;
  return LL_NONE;
}

static inline const char *llrt__text(const llrt_script *sc, ll_nid n) {
  return sc->src + sc->js.nodes[n].start;
}
static inline uint32_t llrt__tlen(const llrt_script *sc, ll_nid n) {
  return sc->js.nodes[n].end - sc->js.nodes[n].start;
}

#endif
