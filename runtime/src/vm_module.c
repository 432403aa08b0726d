/* `import` and `export` over the CommonJS loader: the exports object,
 * named/default/namespace imports and re-exports (`export … from`), all
 * snapshots, not live bindings.
 * Part of the evaluator (vm.h). */
#include <stdio.h>
#include <stdlib.h>

#include "vm.h"

/* ==== Modules ==== */

static llrt_value module_exports(llrt_state *S) {
  llrt_script *sc = SC;
  llrt_env *e = S->frame->env;
  while (e->parent) e = e->parent;
  (void)sc;
  llrt_value module = e->slots[SC->module_slot + 1];
  if (!LLRT_IS_OBJ(module)) return LLRT_UNDEF;
  return llrt__get(S, module, S->atoms.exports);
}

static int export_name(llrt_state *S, llrt_value name, llrt_value v) {
  if (!llrt__push(S, v) || !llrt__push(S, name)) return C_THROW;
  llrt_value ex = module_exports(S);
  int r = C_NORMAL;
  if (ex == LLRT_EXC) r = C_THROW;
  else if (LLRT_IS_OBJ(ex) && llrt__set(S, ex, name, v) == LLRT_EXC) r = C_THROW;
  llrt__popn(S, 2);
  return r;
}

static int export_pattern_names(llrt_state *S, ll_nid p) {
  llrt_script *sc = SC;
  if (KIND(p) == LL_K_identifier || KIND(p) == LL_K_shorthand_property_identifier_pattern) {
    llrt_value v = llrt__vm_read_ident(S, p);
    if (v == LLRT_EXC) return C_THROW;
    return export_name(S, K(p), v);
  }
  for (ll_nid c = FIRST(p); c != LL_NONE; c = NEXT(c))
    if (!is_skippable(sc, c) && NODE(c)->field != LL_F_right &&
        NODE(c)->field != LL_F_key && export_pattern_names(S, c) != C_NORMAL)
      return C_THROW;
  return C_NORMAL;
}

/* `export * from`, `export * as ns from`, `export { a, b as c } from`:
 * the source module's exports (a snapshot, like imports), re-exported.
 * `*` skips `default`, as the spec's star export does. */
static int export_from(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_value ex = llrt__require(S, sc->path, K(CHILD(n, source)));
  if (ex == LLRT_EXC) return C_THROW;
  size_t base = S->sp;
  if (!llrt__push(S, ex)) return C_THROW;
  int r = C_NORMAL;
  bool listed = false;
  for (ll_nid c = FIRST(n); c != LL_NONE && r == C_NORMAL; c = NEXT(c)) {
    if (KIND(c) == LL_K_namespace_export) { /* export * as ns */
      listed = true;
      ll_nid id = NAMED0(c);
      llrt_value name = id == LL_NONE ? LLRT_UNDEF : K(id);
      if (!LLRT_IS_STR(name) || KIND(id) == LL_K_string) {
        llrt__unsupported(S, "export * as with a string name");
        r = C_THROW;
      } else {
        r = export_name(S, name, ex);
      }
    } else if (KIND(c) == LL_K_export_clause) {
      listed = true;
      for (ll_nid s = FIRST(c); s != LL_NONE && r == C_NORMAL; s = NEXT(s)) {
        if (KIND(s) != LL_K_export_specifier) continue;
        ll_nid name = CHILD(s, name), alias = CHILD(s, alias);
        llrt_value v = llrt__get(S, ex, K(name));
        r = v == LLRT_EXC ? C_THROW
                          : export_name(S, K(alias != LL_NONE ? alias : name), v);
      }
    }
  }
  if (!listed && r == C_NORMAL && LLRT_IS_OBJ(ex)) { /* export * */
    /* The names first (a getter may change `ex` while we copy). */
    uint32_t nk = 0, *idx = llrt__ordered_props(LLRT_OBJ(ex), &nk);
    llrt_value keys = idx ? llrt__new_array(S, 0) : LLRT_EXC;
    if (keys == LLRT_EXC || !llrt__push(S, keys)) r = C_THROW;
    for (uint32_t i = 0; r == C_NORMAL && i < nk; i++) {
      llrt_prop *p = &LLRT_OBJ(ex)->props[idx[i]];
      if ((p->flags & LLRT_P_ENUMERABLE) && p->key != S->atoms.default_ &&
          !llrt__array_push(S, LLRT_OBJ(keys), p->key))
        r = C_THROW;
    }
    free(idx);
    for (uint32_t i = 0; r == C_NORMAL && i < LLRT_OBJ(keys)->len; i++) {
      llrt_value k = LLRT_OBJ(keys)->elems[i];
      llrt_value v = llrt__get(S, ex, k);
      r = v == LLRT_EXC ? C_THROW : export_name(S, k, v);
    }
  }
  S->sp = base;
  return r;
}

int llrt__vm_exec_export(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid decl = CHILD(n, declaration), value = CHILD(n, value);
  if (decl != LL_NONE) {
    int r = llrt__vm_exec(S, decl);
    if (r != C_NORMAL) return r;
    ll_kind k = KIND(decl);
    if (k == LL_K_lexical_declaration || k == LL_K_variable_declaration) {
      for (ll_nid d = FIRST(decl); d != LL_NONE; d = NEXT(d))
        if (KIND(d) == LL_K_variable_declarator &&
            export_pattern_names(S, CHILD(d, name)) != C_NORMAL)
          return C_THROW;
      return C_NORMAL;
    }
    ll_nid name = CHILD(decl, name);
    if (name == LL_NONE) return C_NORMAL;
    llrt_value v = llrt__vm_read_ident(S, name);
    if (v == LLRT_EXC) return C_THROW;
    bool dflt = text_starts(sc, n, "export default");
    return export_name(S, dflt ? S->atoms.default_ : K(name), v);
  }
  if (value != LL_NONE || text_starts(sc, n, "export default")) {
    ll_nid e = value != LL_NONE ? value : ll_js_named_child(&sc->js, n, 0);
    llrt_value v = llrt__vm_eval(S, e);
    if (v == LLRT_EXC) return C_THROW;
    return export_name(S, S->atoms.default_, v);
  }
  if (CHILD(n, source) != LL_NONE) return export_from(S, n);
  for (ll_nid c = FIRST(n); c != LL_NONE; c = NEXT(c)) {
    if (KIND(c) != LL_K_export_clause) continue;
    for (ll_nid s = FIRST(c); s != LL_NONE; s = NEXT(s)) {
      if (KIND(s) != LL_K_export_specifier) continue;
      ll_nid name = CHILD(s, name), alias = CHILD(s, alias);
      llrt_value v = llrt__vm_read_ident(S, name);
      if (v == LLRT_EXC) return C_THROW;
      if (export_name(S, K(alias != LL_NONE ? alias : name), v) != C_NORMAL)
        return C_THROW;
    }
    return C_NORMAL;
  }
  llrt__unsupported(S, "export form");
  return C_THROW;
}

int llrt__vm_exec_import(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid src = CHILD(n, source);
  if (src == LL_NONE) {
    llrt__unsupported(S, "import form");
    return C_THROW;
  }
  llrt_value ex = llrt__require(S, sc->path, K(src));
  if (ex == LLRT_EXC) return C_THROW;
  size_t base = S->sp;
  if (!llrt__push(S, ex)) return C_THROW;
  int r = C_NORMAL;
  for (ll_nid c = FIRST(n); c != LL_NONE && r == C_NORMAL; c = NEXT(c)) {
    if (KIND(c) != LL_K_import_clause) continue;
    for (ll_nid d = FIRST(c); d != LL_NONE && r == C_NORMAL; d = NEXT(d)) {
      switch (KIND(d)) {
      case LL_K_identifier: { /* default import */
        llrt_value v = llrt__get(S, ex, S->atoms.default_);
        if (v == LLRT_UNDEF && !llrt__has(S, ex, S->atoms.default_)) v = ex;
        if (v == LLRT_EXC || llrt__vm_write_ident(S, d, v, true) == LLRT_EXC) r = C_THROW;
        break;
      }
      case LL_K_namespace_import: {
        ll_nid id = ll_js_named_child(&sc->js, d, 0);
        if (llrt__vm_write_ident(S, id, ex, true) == LLRT_EXC) r = C_THROW;
        break;
      }
      case LL_K_named_imports:
        for (ll_nid s = FIRST(d); s != LL_NONE; s = NEXT(s)) {
          if (KIND(s) != LL_K_import_specifier) continue;
          ll_nid name = CHILD(s, name), alias = CHILD(s, alias);
          llrt_value v = llrt__get(S, ex, K(name));
          if (v == LLRT_EXC ||
              llrt__vm_write_ident(S, alias != LL_NONE ? alias : name, v, true) == LLRT_EXC) {
            r = C_THROW;
            break;
          }
        }
        break;
      default: break;
      }
    }
  }
  S->sp = base;
  return r;
}

