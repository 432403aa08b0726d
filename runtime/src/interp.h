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

/* What a call of a closure node needs, gathered at compile time
 * (compile_fn.c); a closure points at its node's record. */
typedef struct llrt_fninfo {
  uint32_t scope;        /* the node's scope */
  uint32_t nslots;       /* slots of its record (0: none is made) */
  const llrt_value *init; /* their initial values */
  const uint32_t *pslots; /* simple parameters: count, then slots; or NULL */
  ll_nid self_name;      /* a named function expression's name, or LL_NONE */
  ll_nid params, param, body; /* the fields, or LL_NONE */
  uint8_t flags;         /* its op[] bits: M_*, OP_SIMPLE_PARAMS, OP_FRAME_ENV, OP_FN_STRICT */
} llrt_fninfo;

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
  ll_nid *kid;        /* child-slot table (kids.c): LLRT_KIDS per node */
  uint8_t *kidf;      /* the field filling each slot, 0, or LLRT_KID_MIXED */
  ll_nid *named0;     /* the first named child of each node, or LL_NONE */
  uint8_t *kind8;     /* each node's kind, packed (the dispatch reads it) */
  uint32_t *aux;      /* closure nodes: index in `fninfo` (compile_fn.c) */
  uint32_t *auxv, nauxv; /* simple parameter slot vectors */
  struct llrt_fninfo *fninfo;
  uint32_t site_base; /* allocation site = site_base + node id */
  uint32_t module_slot; /* slot of `require` in the module env (then module, exports) */
  bool script_mode;   /* a classic script: top-level var/function are globals */
  bool top_level_await; /* a module with `await` outside functions: its body
                           runs as an async function (vm.c run_script) */
} llrt_script;

/* op[] values for method_definition / field nodes */
enum { M_STATIC = 1, M_GET = 2, M_SET = 4, M_ASYNC = 8, M_GEN = 16 };
/* flag bit for member/call/subscript nodes: the top of an optional chain */
#define OP_CHAIN_TOP 0x80
/* function nodes: the parameter list is simple (compile_fn.c) */
#define OP_SIMPLE_PARAMS 0x20
/* statement_block/program nodes: declares functions directly */
#define OP_HOISTS 0x40
/* function nodes: no closure can capture the function's own record, so a
 * call keeps it on the C stack (compile_fn.c, gc.h LLRT_GCF_FRAME_ENV) */
#define OP_FRAME_ENV 0x40
/* function nodes: strict code (a sloppy call boxes a nullish `this`) */
#define OP_FN_STRICT 0x80
/* call nodes: `import(…)` (dynamic import) */
#define OP_DYNAMIC_IMPORT 0x01

/** Replaces the `#x` names in `k[]` by private symbols, one per
 * declaring class body and name (private_names.c). */
bool llrt__compile_private_names(llrt_state *S, llrt_script *sc);

/** Fills `aux`/`auxv` and the OP_SIMPLE_PARAMS/OP_HOISTS bits
 * (compile_fn.c); runs after `ref` and `op` are filled. */
bool llrt__compile_functions(llrt_script *sc);

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

#define LLRT_KIDS 4
#define LLRT_KID_MIXED 0xFF

/* The slot of a hot field in the child-slot table, or -1. No node kind
 * the evaluator reads uses two fields of one slot (kids.c checks). */
static inline int llrt__kid_slot(ll_field f) {
  switch (f) {
  case LL_F_left: case LL_F_condition: case LL_F_function: case LL_F_object:
  case LL_F_constructor: case LL_F_argument: case LL_F_handler:
  case LL_F_label: case LL_F_value:
    return 0;
  case LL_F_right: case LL_F_consequence: case LL_F_arguments:
  case LL_F_property: case LL_F_index: case LL_F_parameters:
  case LL_F_parameter: case LL_F_increment: case LL_F_finalizer:
    return 1;
  case LL_F_alternative: case LL_F_optional_chain: case LL_F_body:
    return 2;
  case LL_F_name: case LL_F_initializer: case LL_F_key: case LL_F_pattern:
  case LL_F_kind:
    return 3;
  default:
    return -1;
  }
}

/** Fills `kid`/`kidf` (kids.c). */
bool llrt__build_kids(llrt_script *sc);

/** `ll_js_named_child(js, n, 0)` from the table (LL_NONE for LL_NONE). */
static inline ll_nid llrt__named0(const llrt_script *sc, ll_nid n) {
  return n == LL_NONE ? LL_NONE : sc->named0[n];
}

/** `ll_js_child` through the child-slot table: the evaluator asks for
 * children constantly. */
static inline ll_nid llrt__child(const llrt_script *sc, ll_nid n, ll_field f) {
  int s = llrt__kid_slot(f);
  if (s >= 0) {
    size_t i = (size_t)n * LLRT_KIDS + (size_t)s;
    uint8_t kf = sc->kidf[i];
    if (kf == f) return sc->kid[i];
    if (kf != LLRT_KID_MIXED) return LL_NONE;
  }
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
