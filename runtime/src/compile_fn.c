/* Per-function facts the call path reads instead of re-deriving them at
 * every call (compile time, once per script):
 *
 *   - a *simple* parameter list — plain identifiers, no defaults, rest,
 *     patterns or TypeScript parameter properties — becomes a vector of
 *     slots in the function's own environment record (`auxv`: the count,
 *     then one slot per parameter), so binding the arguments is one store
 *     each;
 *   - a statement list (function body, block, program) that declares
 *     functions directly gets OP_HOISTS, so the others skip the scan;
 *   - strict functions get OP_FN_STRICT and `import(…)` calls
 *     OP_DYNAMIC_IMPORT, read on every call;
 *   - every closure node (function, or class for its implicit
 *     constructor) gets an `llrt_fninfo` (`aux[n]` indexes `fninfo`): the
 *     call path reads one record instead of a dozen scattered tables;
 *   - a function no closure can capture the record of (nothing inside it
 *     makes a function or class; not a generator or async function, whose
 *     frames outlive a suspension) gets OP_FRAME_ENV: its calls keep the
 *     record on the C stack instead of the heap;
 *   - the program gets a record too, for top-level `await` (it then runs
 *     as an async function: `top_level_await`), and the parameters of a
 *     list that is not simple start in their TDZ.
 *
 * Must never: mark a list simple when binding it could run code, throw or
 * touch anything but the new record (those lists take the general path);
 * give OP_FRAME_ENV to a function whose record could outlive its call. */
#include <stdlib.h>

#include "interp.h"

static bool accessibility_prefix(const llrt_script *sc, ll_nid p) {
  static const char *const words[] = {"private", "public", "protected",
                                      "readonly"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t l = strlen(words[i]);
    if (llrt__tlen(sc, p) >= l && !memcmp(llrt__text(sc, p), words[i], l))
      return true;
  }
  return false;
}

/* The identifier a simple parameter binds, or LL_NONE. */
static ll_nid simple_param(const llrt_script *sc, ll_nid p) {
  ll_kind k = (ll_kind)sc->js.nodes[p].kind;
  if (k == LL_K_required_parameter || k == LL_K_optional_parameter) {
    if (llrt__child(sc, p, LL_F_value) != LL_NONE || accessibility_prefix(sc, p))
      return LL_NONE;
    p = llrt__child(sc, p, LL_F_pattern);
    if (p == LL_NONE) return LL_NONE;
    k = (ll_kind)sc->js.nodes[p].kind;
  }
  if (k != LL_K_identifier) return LL_NONE;
  uint32_t r = sc->ref[p];
  if (r >= REF_ARGUMENTS || (r >> 16) != 0) return LL_NONE;
  return p;
}

static bool push_aux(llrt_script *sc, uint32_t v, uint32_t *cap) {
  if (sc->nauxv == *cap) {
    uint32_t c = *cap ? *cap * 2 : 64;
    uint32_t *a = realloc(sc->auxv, c * sizeof *a);
    if (!a) return false;
    sc->auxv = a;
    *cap = c;
  }
  sc->auxv[sc->nauxv++] = v;
  return true;
}

static bool is_function_kind(ll_kind k) {
  return k == LL_K_function_declaration || k == LL_K_function_expression ||
         k == LL_K_function || k == LL_K_arrow_function ||
         k == LL_K_generator_function_declaration ||
         k == LL_K_generator_function || k == LL_K_method_definition;
}

static bool declares_functions(const llrt_script *sc, ll_nid list) {
  for (ll_nid c = sc->js.nodes[list].first; c != LL_NONE; c = sc->js.nodes[c].next) {
    ll_nid d = c;
    if (sc->js.nodes[c].kind == LL_K_export_statement)
      d = llrt__child(sc, c, LL_F_declaration);
    if (d == LL_NONE) continue;
    ll_kind k = (ll_kind)sc->js.nodes[d].kind;
    if (k == LL_K_function_declaration || k == LL_K_generator_function_declaration)
      return true;
  }
  return false;
}

/* Whether a closure could capture `fn`'s own record: a function, class
 * or method anywhere inside it (they capture the running environment). */
static bool captures_possible(const llrt_script *sc, ll_nid fn) {
  const ll_js *js = &sc->js;
  for (ll_nid d = fn + 1; d < js->nodes[fn].end_index; d++) {
    ll_kind k = (ll_kind)js->nodes[d].kind;
    if (is_function_kind(k) || k == LL_K_class || k == LL_K_class_declaration ||
        k == LL_K_abstract_class_declaration || k == LL_K_class_body ||
        k == LL_K_class_static_block)
      return true;
  }
  return false;
}

/* Records the slot vector of `fn` when its parameter list is simple. */
static bool simple_params(llrt_script *sc, ll_nid fn, uint32_t *cap) {
  ll_nid params = llrt__child(sc, fn, LL_F_parameters);
  ll_nid one = llrt__child(sc, fn, LL_F_parameter);
  uint32_t start = sc->nauxv;
  if (!push_aux(sc, 0, cap)) return false;
  if (params == LL_NONE && one != LL_NONE) {
    ll_nid id = simple_param(sc, one);
    if (id == LL_NONE) goto not_simple;
    if (!push_aux(sc, sc->ref[id] & 0xFFFF, cap)) return false;
  } else if (params != LL_NONE) {
    for (ll_nid p = sc->js.nodes[params].first; p != LL_NONE; p = sc->js.nodes[p].next) {
      ll_kind k = (ll_kind)sc->js.nodes[p].kind;
      if (k == LL_K_comment || k == LL_K_token) continue;
      ll_nid id = simple_param(sc, p);
      if (id == LL_NONE) goto not_simple;
      if (!push_aux(sc, sc->ref[id] & 0xFFFF, cap)) return false;
    }
  }
  sc->auxv[start] = sc->nauxv - start - 1;
  sc->aux[fn] = start; /* until the fninfo table takes over `aux` */
  sc->op[fn] |= OP_SIMPLE_PARAMS;
  return true;
not_simple:
  sc->nauxv = start;
  return true;
}

/* Whether `await` at node `n` (or `for await`) is outside every function. */
static bool at_top_level(const llrt_script *sc, ll_nid n) {
  const ll_js *js = &sc->js;
  for (uint32_t s = js->nodes[n].scope; s != LL_NONE; s = js->scopes[s].parent)
    if (js->scopes[s].kind == LL_SCOPE_FUNCTION) return false;
  return true;
}

static bool is_class_kind(ll_kind k) {
  return k == LL_K_class || k == LL_K_class_declaration ||
         k == LL_K_abstract_class_declaration;
}

/* A named function expression binds its own name inside itself. */
static ll_nid self_name(const llrt_script *sc, ll_nid fn) {
  ll_nid name = llrt__child(sc, fn, LL_F_name);
  ll_kind k = (ll_kind)sc->js.nodes[fn].kind;
  if (name == LL_NONE || k == LL_K_function_declaration ||
      k == LL_K_generator_function_declaration || k == LL_K_method_definition ||
      sc->ref[name] >= REF_ARGUMENTS ||
      sc->js.nodes[name].kind != LL_K_identifier)
    return LL_NONE;
  return name;
}

/* The call-time facts of closure node `n` (a function or, for its implicit
 * constructor, a class) in one record. */
static void fill_info(llrt_script *sc, ll_nid n, llrt_fninfo *fi) {
  const ll_js *js = &sc->js;
  uint32_t scope = js->nodes[n].scope;
  if (n == 0) { /* the program, run as an async function for top-level
                   await in the record run_script made: nothing to set up */
    memset(fi, 0, sizeof *fi);
    fi->self_name = fi->params = fi->param = LL_NONE;
    fi->body = 0;
    return;
  }
  fi->scope = scope;
  fi->nslots = sc->nslots[scope];
  fi->init = sc->init[scope];
  fi->flags = sc->op[n];
  fi->self_name = self_name(sc, n);
  fi->params = llrt__child(sc, n, LL_F_parameters);
  fi->param = llrt__child(sc, n, LL_F_parameter);
  fi->body = llrt__child(sc, n, LL_F_body);
  fi->pslots = NULL; /* set once `auxv` stops moving */
}

bool llrt__compile_functions(llrt_script *sc) {
  const ll_js *js = &sc->js;
  uint32_t cap = 0, ninfo = 0;
  sc->aux = malloc((js->count ? js->count : 1) * sizeof *sc->aux);
  if (!sc->aux) return false;
  for (ll_nid n = 0; n < js->count; n++) {
    ll_kind k = (ll_kind)js->nodes[n].kind;
    sc->aux[n] = UINT32_MAX;
    if (is_function_kind(k) || is_class_kind(k) || n == 0) ninfo++;
    if ((k == LL_K_await_expression ||
         (k == LL_K_for_in_statement && llrt__tlen(sc, n) > 9 &&
          !memcmp(llrt__text(sc, n), "for await", 9))) &&
        !sc->script_mode && at_top_level(sc, n))
      sc->top_level_await = true;
    if ((k == LL_K_statement_block || k == LL_K_program) &&
        declares_functions(sc, n))
      sc->op[n] |= OP_HOISTS;
    if (k == LL_K_call_expression) {
      ll_nid f = llrt__child(sc, n, LL_F_function);
      if (f != LL_NONE && llrt__tlen(sc, f) == 6 &&
          !memcmp(llrt__text(sc, f), "import", 6)) /* `import` node or name */
        sc->op[n] |= OP_DYNAMIC_IMPORT;
    }
    if (is_function_kind(k)) {
      uint32_t scope = js->nodes[n].scope;
      if (js->scopes[scope].strict) sc->op[n] |= OP_FN_STRICT;
      /* Parameters bind in the function's own record, which exists
       * whenever there is one (a body-less scope has no slots). */
      if (js->scopes[scope].node == n && !simple_params(sc, n, &cap))
        return false;
      if (js->scopes[scope].node == n && sc->nslots[scope] &&
          !(sc->op[n] & (M_GEN | M_ASYNC)) && !captures_possible(sc, n))
        sc->op[n] |= OP_FRAME_ENV;
    }
  }
  /* Parameters of a list with defaults or patterns are in their TDZ until
   * bound, in order: `function f(a = b, b) {}` reads `b` too early. */
  for (uint32_t b = 0; b < js->nbindings; b++) {
    const ll_binding *bd = &js->bindings[b];
    if (bd->kind != LL_BIND_PARAM || bd->decl == LL_NONE) continue;
    ll_nid fn = js->scopes[bd->scope].node;
    if (fn == LL_NONE || !is_function_kind((ll_kind)js->nodes[fn].kind) ||
        (sc->op[fn] & OP_SIMPLE_PARAMS) || !sc->init[bd->scope])
      continue;
    uint32_t r = sc->ref[bd->decl];
    if (r < REF_ARGUMENTS && (r >> 16) == 0 && (r & 0xFFFF) < sc->nslots[bd->scope])
      sc->init[bd->scope][r & 0xFFFF] = LLRT_HOLE;
  }
  sc->fninfo = calloc(ninfo ? ninfo : 1, sizeof *sc->fninfo);
  if (!sc->fninfo) return false;
  uint32_t i = 0;
  for (ll_nid n = 0; n < js->count; n++) {
    ll_kind k = (ll_kind)js->nodes[n].kind;
    if (!is_function_kind(k) && !is_class_kind(k) && n != 0) continue;
    llrt_fninfo *fi = &sc->fninfo[i];
    fill_info(sc, n, fi);
    if (sc->aux[n] != UINT32_MAX) fi->pslots = &sc->auxv[sc->aux[n]];
    sc->aux[n] = i++;
  }
  return true;
}
