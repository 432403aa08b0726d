/* Resolving the confirmation watch (watch.h) on a compiled script.
 *
 * The site is the innermost call, `new`, assignment or update expression
 * that covers the finding's range (the acquisition itself), else the
 * innermost statement. The functions are those enclosing it, innermost
 * first; a site in an instance field initializer is reached through the
 * class's constructor (the written one, or the class node, from which the
 * evaluator makes the implicit one).
 *
 * A site that *releases* (`removeEventListener`, `off`, `removeListener`)
 * leaks only if what it fails to release was acquired: its partner is the
 * function (a method of the same class, else any function of the file)
 * that adds a listener for the same event, and the driver calls the
 * partner before each call of the entry. A constructor entry's partner is
 * the class's disposer, called after (find_disposer). */
#include <string.h>

#include "watch.h"

#define KIND(n) ((ll_kind)sc->js.nodes[n].kind)

bool llrt__is_function_node(ll_kind k) {
  return k == LL_K_function_declaration || k == LL_K_generator_function_declaration ||
         k == LL_K_function_expression || k == LL_K_function ||
         k == LL_K_generator_function || k == LL_K_arrow_function ||
         k == LL_K_method_definition;
}

static bool is_site_kind(ll_kind k) {
  return k == LL_K_call_expression || k == LL_K_new_expression ||
         k == LL_K_assignment_expression || k == LL_K_augmented_assignment_expression ||
         k == LL_K_update_expression;
}

static bool is_statement(ll_kind k) {
  switch (k) {
  case LL_K_expression_statement: case LL_K_if_statement: case LL_K_switch_statement:
  case LL_K_for_statement: case LL_K_for_in_statement: case LL_K_while_statement:
  case LL_K_do_statement: case LL_K_try_statement: case LL_K_return_statement:
  case LL_K_throw_statement: case LL_K_variable_declaration:
  case LL_K_lexical_declaration: case LL_K_statement_block:
    return true;
  default:
    return false;
  }
}

/* The deepest node whose byte range covers [start, end). */
static ll_nid deepest(const llrt_script *sc, uint32_t start, uint32_t end) {
  const ll_node *nodes = sc->js.nodes;
  if (!sc->js.count) return LL_NONE;
  ll_nid n = 0;
  for (;;) {
    ll_nid next = LL_NONE;
    for (ll_nid c = nodes[n].first; c != LL_NONE; c = nodes[c].next)
      if (nodes[c].start <= start && end <= nodes[c].end && nodes[c].end > nodes[c].start) {
        next = c;
        break;
      }
    if (next == LL_NONE) return n;
    n = next;
  }
}

/* The constructor node of class `cls`: its written constructor, else the
 * class node itself. */
static ll_nid class_ctor(const llrt_script *sc, ll_nid cls) {
  ll_nid body = llrt__child(sc, cls, LL_F_body);
  if (body == LL_NONE) return cls;
  for (ll_nid m = sc->js.nodes[body].first; m != LL_NONE; m = sc->js.nodes[m].next) {
    if (KIND(m) != LL_K_method_definition || (sc->op[m] & M_STATIC)) continue;
    ll_nid name = llrt__child(sc, m, LL_F_name);
    if (name != LL_NONE && llrt__tlen(sc, name) == 11 &&
        !memcmp(llrt__text(sc, name), "constructor", 11))
      return m;
  }
  return cls;
}

static void find_partner(llrt_state *S, const llrt_script *sc, ll_nid site);

void llrt__watch_resolve(llrt_state *S, llrt_script *sc) {
  S->watch_partner = LL_NONE;
  S->partner_after = false;
  uint32_t end = S->watch_end > S->watch_start ? S->watch_end : S->watch_start + 1;
  ll_nid d = deepest(sc, S->watch_start, end);
  if (d == LL_NONE) return;
  S->watch_sc = sc;
  ll_nid site = LL_NONE, stmt = LL_NONE;
  for (ll_nid n = d; n != LL_NONE; n = sc->js.nodes[n].parent) {
    ll_kind k = KIND(n);
    if (llrt__is_function_node(k) || k == LL_K_program) break;
    if (site == LL_NONE && is_site_kind(k)) site = n;
    if (stmt == LL_NONE && is_statement(k)) stmt = n;
  }
  S->watch_site = site != LL_NONE ? site : stmt != LL_NONE ? stmt : d;
  S->nwatch_fn = 0;
  for (ll_nid n = d; n != LL_NONE && S->nwatch_fn < LLRT_WATCH_MAX;
       n = sc->js.nodes[n].parent) {
    ll_kind k = KIND(n);
    ll_nid w = LL_NONE;
    if (llrt__is_function_node(k)) {
      w = n;
    } else if ((k == LL_K_field_definition || k == LL_K_public_field_definition) &&
               !(sc->op[n] & M_STATIC)) {
      ll_nid body = sc->js.nodes[n].parent;
      ll_nid cls = body != LL_NONE ? sc->js.nodes[body].parent : LL_NONE;
      if (cls != LL_NONE) w = class_ctor(sc, cls);
    }
    if (w != LL_NONE && (S->nwatch_fn == 0 || S->watch_fn[S->nwatch_fn - 1] != w))
      S->watch_fn[S->nwatch_fn++] = w;
  }
  find_partner(S, sc, S->watch_site);
}

/* The callee's property name of call `n` (`x.off(…)` -> "off"), or NULL. */
static bool callee_is(const llrt_script *sc, ll_nid call, const char *const *names) {
  if (KIND(call) != LL_K_call_expression) return false;
  ll_nid fn = llrt__child(sc, call, LL_F_function);
  if (fn == LL_NONE || KIND(fn) != LL_K_member_expression) return false;
  ll_nid prop = llrt__child(sc, fn, LL_F_property);
  if (prop == LL_NONE) return false;
  for (size_t i = 0; names[i]; i++)
    if (llrt__tlen(sc, prop) == strlen(names[i]) &&
        !memcmp(llrt__text(sc, prop), names[i], strlen(names[i])))
      return true;
  return false;
}

static ll_nid first_arg(const llrt_script *sc, ll_nid call) {
  ll_nid args = llrt__child(sc, call, LL_F_arguments);
  return args == LL_NONE ? LL_NONE : ll_js_named_child(&sc->js, args, 0);
}

static bool same_text(const llrt_script *sc, ll_nid a, ll_nid b) {
  return a != LL_NONE && b != LL_NONE && llrt__tlen(sc, a) == llrt__tlen(sc, b) &&
         !memcmp(llrt__text(sc, a), llrt__text(sc, b), llrt__tlen(sc, a));
}

static ll_nid enclosing_function(const llrt_script *sc, ll_nid n) {
  for (ll_nid p = sc->js.nodes[n].parent; p != LL_NONE; p = sc->js.nodes[p].parent)
    if (llrt__is_function_node(KIND(p))) return p;
  return LL_NONE;
}

/* A constructor entry: the class's method that releases (a disposer such
 * as `destroy() { clearInterval(this.timer) }`), so each object runs its
 * whole lifecycle — made, then disposed — as its owner is expected to do. */
static void find_disposer(llrt_state *S, const llrt_script *sc, ll_nid ctor) {
  static const char *const releases[] = {
      "clearInterval", "clearTimeout", "clearImmediate", "removeEventListener",
      "removeListener", "off", "removeAllListeners", "disconnect", "unobserve",
      "abort", "cancelAnimationFrame", NULL};
  ll_nid cls = ctor;
  while (cls != LL_NONE && KIND(cls) != LL_K_class && KIND(cls) != LL_K_class_declaration)
    cls = sc->js.nodes[cls].parent;
  ll_nid body = cls == LL_NONE ? LL_NONE : llrt__child(sc, cls, LL_F_body);
  if (body == LL_NONE) return;
  for (ll_nid m = sc->js.nodes[body].first; m != LL_NONE; m = sc->js.nodes[m].next) {
    if (KIND(m) != LL_K_method_definition || m == ctor || (sc->op[m] & M_STATIC)) continue;
    for (ll_nid n = m; n < sc->js.nodes[m].end_index; n++) {
      bool call = KIND(n) == LL_K_call_expression;
      ll_nid fn = call ? llrt__child(sc, n, LL_F_function) : LL_NONE;
      bool plain = fn != LL_NONE && KIND(fn) == LL_K_identifier;
      bool hit = callee_is(sc, n, releases);
      for (size_t i = 0; plain && !hit && releases[i]; i++)
        hit = llrt__tlen(sc, fn) == strlen(releases[i]) &&
              !memcmp(llrt__text(sc, fn), releases[i], strlen(releases[i]));
      if (hit && enclosing_function(sc, n) == m) {
        S->watch_partner = m;
        S->partner_after = true;
        return;
      }
    }
  }
}

static void find_partner(llrt_state *S, const llrt_script *sc, ll_nid site) {
  static const char *const removes[] = {"removeEventListener", "removeListener", "off", NULL};
  static const char *const adds[] = {"addEventListener", "addListener", "on",
                                     "prependListener", NULL};
  if (!S->nwatch_fn) return;
  ll_nid first = S->watch_fn[0];
  bool ctor = KIND(first) == LL_K_class || KIND(first) == LL_K_class_declaration ||
              (KIND(first) == LL_K_method_definition && !(sc->op[first] & M_STATIC) &&
               llrt__child(sc, first, LL_F_name) != LL_NONE &&
               llrt__tlen(sc, llrt__child(sc, first, LL_F_name)) == 11 &&
               !memcmp(llrt__text(sc, llrt__child(sc, first, LL_F_name)), "constructor", 11));
  if (ctor) {
    find_disposer(S, sc, first);
    return;
  }
  if (!callee_is(sc, site, removes)) return;
  ll_nid event = first_arg(sc, site), entry = S->watch_fn[0];
  /* Search the entry's class body when it is a method, else the file. */
  ll_nid scope = 0;
  if (KIND(entry) == LL_K_method_definition && sc->js.nodes[entry].parent != LL_NONE)
    scope = sc->js.nodes[entry].parent;
  for (ll_nid n = scope; n < sc->js.nodes[scope].end_index; n++) {
    if (!callee_is(sc, n, adds) || !same_text(sc, first_arg(sc, n), event)) continue;
    ll_nid f = enclosing_function(sc, n);
    if (f != LL_NONE && f != entry &&
        (KIND(f) == LL_K_method_definition) == (KIND(entry) == LL_K_method_definition)) {
      S->watch_partner = f;
      return;
    }
  }
}
