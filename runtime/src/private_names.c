/* `#private` names as private symbols (compile time, once per script).
 *
 * Every `#x` in a class body names a symbol of its own: the class body that
 * declares `#x` (a field, method or accessor) and the name pick it, so
 * `this.#x` anywhere inside that body, nested functions included, reads the
 * same key, and a same-named `#x` of another class is another key. The
 * symbol carries LLRT_GCF_PRIVATE_NAME: its properties are defined
 * non-enumerable and no key listing shows them (Object.keys, for-in, JSON,
 * spread, getOwnPropertyNames/Symbols, Reflect.ownKeys, inspect).
 *
 * Not modelled: a fresh name per *evaluation* of a class (a class made in a
 * loop shares its names across the classes it makes), and the TypeError of
 * reading `#x` from an object without it (it reads undefined).
 *
 * Must never: hand one private symbol to two declaring class bodies. */
#include <stdlib.h>

#include "gc.h"
#include "interp.h"

typedef struct pname {
  ll_nid body; /* the declaring class body, or LL_NONE */
  llrt_value name; /* interned "#x" */
  ll_nid first;    /* the node whose k[] holds the symbol (a root) */
} pname;

/* Whether class body `body` declares `name` (an interned "#x"). */
static bool declares(llrt_script *sc, ll_nid body, llrt_value name) {
  const ll_js *js = &sc->js;
  for (ll_nid m = js->nodes[body].first; m != LL_NONE; m = js->nodes[m].next) {
    ll_kind k = (ll_kind)js->nodes[m].kind;
    ll_nid key = LL_NONE;
    if (k == LL_K_method_definition) key = llrt__child(sc, m, LL_F_name);
    else if (k == LL_K_field_definition || k == LL_K_public_field_definition) {
      key = llrt__child(sc, m, LL_F_property);
      if (key == LL_NONE) key = llrt__child(sc, m, LL_F_name);
    }
    if (key != LL_NONE && js->nodes[key].kind == LL_K_private_property_identifier &&
        sc->k[key] == name)
      return true;
  }
  return false;
}

static ll_nid declaring_body(llrt_script *sc, ll_nid n, llrt_value name) {
  const ll_js *js = &sc->js;
  for (ll_nid p = js->nodes[n].parent; p != LL_NONE; p = js->nodes[p].parent)
    if (js->nodes[p].kind == LL_K_class_body && declares(sc, p, name)) return p;
  return LL_NONE;
}

bool llrt__compile_private_names(llrt_state *S, llrt_script *sc) {
  const ll_js *js = &sc->js;
  /* First every name's declaring body, while k[] still holds the names. */
  size_t count = 0;
  for (ll_nid n = 0; n < js->count; n++)
    count += js->nodes[n].kind == LL_K_private_property_identifier;
  if (!count) return true;
  ll_nid *nodes = malloc(count * sizeof *nodes), *bodies = malloc(count * sizeof *bodies);
  pname *seen = malloc(count * sizeof *seen);
  bool ok = nodes && bodies && seen;
  size_t m = 0, nseen = 0;
  for (ll_nid n = 0; ok && n < js->count; n++) {
    if (js->nodes[n].kind != LL_K_private_property_identifier) continue;
    nodes[m] = n;
    bodies[m++] = declaring_body(sc, n, sc->k[n]);
  }
  /* Then one symbol per (body, name). */
  for (size_t j = 0; ok && j < m; j++) {
    ll_nid n = nodes[j];
    llrt_value name = sc->k[n]; /* still the interned "#x" */
    size_t i = 0;
    while (i < nseen && !(seen[i].body == bodies[j] && seen[i].name == name)) i++;
    if (i < nseen) {
      sc->k[n] = sc->k[seen[i].first];
      continue;
    }
    /* `name` stays reachable through k[n] until the symbol replaces it;
     * the symbol's description holds it from then on. */
    llrt_value sym = llrt__symbol_new(S, name);
    if (sym == LLRT_EXC) { ok = false; break; }
    LLRT_PTR(sym)->flags |= LLRT_GCF_PRIVATE_NAME;
    sc->k[n] = sym;
    seen[nseen++] = (pname){bodies[j], name, n};
  }
  free(nodes);
  free(bodies);
  free(seen);
  return ok;
}
