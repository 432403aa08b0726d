/* Multiplicity × lifetime facts (DESIGN.md).
 *
 * Multiplicity: code runs once at module top level, in a top-level IIFE and
 * in a class static block (or a static field initialiser); it runs many
 * times inside any other function (a callback, a method, a constructor, a
 * React component), inside a loop, and in an instance field initialiser.
 *
 * Lifetime: who keeps an object alive. Well-known host objects, module-level
 * bindings, members reached through `this`, and parameters of named functions
 * are long-lived (or unknown, which is treated the same); a parameter of an
 * inline callback is a per-event object; an object created in the same
 * function that never escapes is local.
 *
 * These are syntactic approximations. They err towards "many" and "long" so
 * rules can subtract what is certainly safe; the confirmation runtime checks
 * the rest by running the code. */
#include <string.h>

#include "frontend/js/js.h"

static bool is_loop(ll_kind k) {
  return k == LL_K_for_statement || k == LL_K_for_in_statement ||
         k == LL_K_while_statement || k == LL_K_do_statement;
}

/* The call that invokes function node `fn` immediately, or LL_NONE. */
static ll_nid iife_call(const ll_js *js, ll_nid fn) {
  ll_nid p = js->nodes[fn].parent;
  while (p != LL_NONE && ll_js_kind(js, p) == LL_K_parenthesized_expression) {
    fn = p;
    p = js->nodes[p].parent;
  }
  if (ll_js_kind(js, p) == LL_K_call_expression &&
      js->nodes[fn].field == LL_F_function)
    return p;
  /* `(function () { … }.call(this))` and `.apply` */
  if (ll_js_kind(js, p) == LL_K_member_expression &&
      js->nodes[fn].field == LL_F_object) {
    ll_nid prop = ll_js_child(js, p, LL_F_property);
    ll_nid call = js->nodes[p].parent;
    if ((ll_js_text_is(js, prop, "call") || ll_js_text_is(js, prop, "apply")) &&
        ll_js_kind(js, call) == LL_K_call_expression)
      return call;
  }
  return LL_NONE;
}

/* A `static` keyword token among the member's own children, before its
 * name (a field named `static` has no keyword: `static = 1`). */
static bool is_static_member(const ll_js *js, ll_nid n) {
  for (ll_nid c = js->nodes[n].first; c != LL_NONE; c = js->nodes[c].next) {
    ll_field f = (ll_field)js->nodes[c].field;
    if (f == LL_F_decorator) continue;
    if (f != LL_F_none) return false; /* reached the name */
    if (ll_js_kind(js, c) == LL_K_token && ll_js_text_is(js, c, "static"))
      return true;
  }
  return false;
}

ll_multiplicity ll_js_multiplicity(const ll_js *js, ll_nid n, ll_nid *why) {
  ll_nid child = n;
  for (ll_nid a = js->nodes[n].parent; a != LL_NONE;
       child = a, a = js->nodes[a].parent) {
    ll_kind k = ll_js_kind(js, a);
    if (is_loop(k)) {
      /* The loop's body and condition repeat; its initialiser does not. */
      ll_field f = (ll_field)js->nodes[child].field;
      if (k == LL_K_for_statement && f == LL_F_initializer) continue;
      if (k == LL_K_for_in_statement && f == LL_F_right) continue;
      if (why) *why = a;
      return LL_MANY;
    }
    if (k == LL_K_class_static_block) continue;
    if (k == LL_K_field_definition || k == LL_K_public_field_definition) {
      if (is_static_member(js, a)) continue;
      if (why) *why = a;
      return LL_MANY;
    }
    if (ll_js_is_function(k)) {
      if (iife_call(js, a) != LL_NONE) continue;
      if (why) *why = a;
      return LL_MANY;
    }
  }
  if (why) *why = LL_NONE;
  return LL_ONCE;
}

ll_nid ll_js_enclosing_function(const ll_js *js, ll_nid n) {
  for (ll_nid a = js->nodes[n].parent; a != LL_NONE; a = js->nodes[a].parent)
    if (ll_js_is_function(ll_js_kind(js, a))) return a;
  return LL_NONE;
}

ll_nid ll_js_enclosing_class(const ll_js *js, ll_nid n) {
  for (ll_nid a = js->nodes[n].parent; a != LL_NONE; a = js->nodes[a].parent) {
    ll_kind k = ll_js_kind(js, a);
    if (k == LL_K_class_body) return a;
    /* A plain function has its own `this`: stop there. Arrows see through. */
    if (k == LL_K_function_declaration || k == LL_K_function_expression ||
        k == LL_K_function || k == LL_K_generator_function ||
        k == LL_K_generator_function_declaration) {
      /* `this.dispose = function () { this… }` inside a constructor: the
       * function is a method of the same object, its `this` the same. */
      ll_nid p = js->nodes[a].parent;
      if (ll_js_kind(js, p) == LL_K_assignment_expression &&
          js->nodes[a].field == LL_F_right) {
        ll_nid left = ll_js_unwrap(js, ll_js_child(js, p, LL_F_left));
        if (ll_js_kind(js, left) == LL_K_member_expression &&
            ll_js_kind(js, ll_js_unwrap(js, ll_js_child(js, left, LL_F_object))) ==
                LL_K_this)
          continue;
      }
      return LL_NONE;
    }
  }
  return LL_NONE;
}

bool ll_js_method_named(const ll_js *js, ll_nid method, const char *s) {
  return ll_js_text_is(js, ll_js_child(js, method, LL_F_name), s);
}

/* ==== Escapes ==== */

/* True when reference `r` (an identifier) lets its object escape. */
static bool ref_escapes(const ll_js *js, ll_nid r) {
  ll_nid use = r, p = js->nodes[r].parent;
  while (p != LL_NONE &&
         (ll_js_kind(js, p) == LL_K_parenthesized_expression ||
          ll_js_kind(js, p) == LL_K_as_expression ||
          ll_js_kind(js, p) == LL_K_non_null_expression)) {
    use = p;
    p = js->nodes[p].parent;
  }
  if (p == LL_NONE) return false;
  ll_field f = (ll_field)js->nodes[use].field;
  switch (ll_js_kind(js, p)) {
  case LL_K_member_expression:
  case LL_K_subscript_expression:
    return false; /* receiver of a property access or method call */
  case LL_K_variable_declarator:
    return f == LL_F_value; /* aliased */
  case LL_K_assignment_expression:
    return f == LL_F_right;
  case LL_K_arguments:
  case LL_K_return_statement:
  case LL_K_array:
  case LL_K_pair:
  case LL_K_object:
  case LL_K_spread_element:
  case LL_K_yield_expression:
  case LL_K_throw_statement:
  case LL_K_jsx_expression:
  case LL_K_ternary_expression:
  case LL_K_binary_expression: /* `a || el` may hand it on */
    return true;
  case LL_K_arrow_function:
    return f == LL_F_body; /* `() => el` returns it */
  case LL_K_new_expression:
    return true;
  default:
    return false;
  }
}

bool ll_js_binding_escapes(const ll_js *js, uint32_t b) {
  for (ll_nid r = js->first_ref[b]; r != LL_NONE; r = js->next_ref[r]) {
    if (r == js->bindings[b].decl) continue;
    if (ref_escapes(js, r)) return true;
  }
  return false;
}

void ll_js_each_ref(const ll_js *js, uint32_t b,
                    bool (*fn)(const ll_js *js, ll_nid ref, void *ud), void *ud) {
  for (ll_nid r = js->first_ref[b]; r != LL_NONE; r = js->next_ref[r])
    if (!fn(js, r, ud)) return;
}

/* ==== Lifetime ==== */

static const char *const host_roots[] = {
    "process", "window", "document", "globalThis", "self", "global",
    "navigator", "screen", "location", "history", "top", "parent",
    "visualViewport", "console", NULL};

static bool is_host_root(const ll_js *js, ll_nid n) {
  for (const char *const *r = host_roots; *r; r++)
    if (ll_js_text_is(js, n, *r)) return true;
  return false;
}

/* True when the function node `fn` is written inline as an argument. */
static bool is_inline_callback(const ll_js *js, ll_nid fn) {
  ll_nid p = js->nodes[fn].parent;
  while (ll_js_kind(js, p) == LL_K_parenthesized_expression)
    p = js->nodes[p].parent;
  return ll_js_kind(js, p) == LL_K_arguments;
}

bool ll_js_is_creation(const ll_js *js, ll_nid v) {
  v = ll_js_unwrap(js, v);
  switch (ll_js_kind(js, v)) {
  case LL_K_new_expression:
  case LL_K_object:
  case LL_K_array:
  case LL_K_class:
    return true;
  case LL_K_call_expression: {
    ll_nid callee = ll_js_child(js, v, LL_F_function);
    if (ll_js_kind(js, callee) != LL_K_member_expression) return false;
    ll_nid prop = ll_js_child(js, callee, LL_F_property);
    const ll_node *pn = &js->nodes[prop];
    return (pn->end - pn->start > 6 &&
            memcmp(js->src + pn->start, "create", 6) == 0) ||
           ll_js_text_is(js, prop, "cloneNode");
  }
  default:
    return false;
  }
}

/* The lifetime of an expression that is not a member access. */
static ll_lifetime root_lifetime(const ll_js *js, ll_nid n) {
  switch (ll_js_kind(js, n)) {
  case LL_K_this:
    return LL_LIFE_SELF;
  case LL_K_new_expression:
    return LL_LIFE_LOCAL;
  case LL_K_identifier: {
    uint32_t b = js->ref[n];
    if (b == LL_UNRESOLVED) return LL_LIFE_LONG; /* a global */
    const ll_binding *bd = &js->bindings[b];
    if (bd->scope == 0) return LL_LIFE_LONG; /* module level */
    switch ((ll_binding_kind)bd->kind) {
    case LL_BIND_PARAM:
      return is_inline_callback(js, bd->owner) ? LL_LIFE_PER_EVENT
                                               : LL_LIFE_LONG;
    case LL_BIND_CATCH:
      return LL_LIFE_LOCAL;
    case LL_BIND_VAR:
    case LL_BIND_LET:
    case LL_BIND_CONST:
      if (bd->init != LL_NONE && ll_js_is_creation(js, bd->init) &&
          !ll_js_binding_escapes(js, b))
        return LL_LIFE_LOCAL;
      return LL_LIFE_LONG;
    default:
      return LL_LIFE_LONG;
    }
  }
  default:
    return LL_LIFE_LONG;
  }
}

ll_lifetime ll_js_lifetime(const ll_js *js, ll_nid n) {
  n = ll_js_unwrap(js, n);
  bool member = false;
  /* Down the member chain (a loop: chains can be very long). A member of a
   * local object is local; a member of anything else outlives the call. */
  while (ll_js_kind(js, n) == LL_K_member_expression) {
    ll_nid obj = ll_js_unwrap(js, ll_js_child(js, n, LL_F_object));
    if (ll_js_kind(js, obj) == LL_K_identifier && is_host_root(js, obj))
      return LL_LIFE_LONG;
    member = true;
    n = obj;
  }
  ll_lifetime base = root_lifetime(js, n);
  if (!member) return base;
  return base == LL_LIFE_LOCAL ? LL_LIFE_LOCAL : LL_LIFE_LONG;
}

/* ==== Same holder ==== */

/* `const self = this;` makes `self` another name for `this`. */
static ll_nid this_alias(const ll_js *js, ll_nid n) {
  if (ll_js_kind(js, n) != LL_K_identifier || js->ref[n] == LL_UNRESOLVED)
    return n;
  const ll_binding *bd = &js->bindings[js->ref[n]];
  if (bd->kind != LL_BIND_CONST && bd->kind != LL_BIND_LET &&
      bd->kind != LL_BIND_VAR)
    return n;
  ll_nid init = ll_js_unwrap(js, bd->init);
  return ll_js_kind(js, init) == LL_K_this ? init : n;
}

bool ll_js_same_place(const ll_js *js, ll_nid a, ll_nid b) {
  /* Walks both member chains together (a loop: chains can be long). */
  for (;;) {
    a = this_alias(js, ll_js_unwrap(js, a));
    b = this_alias(js, ll_js_unwrap(js, b));
    if (a == LL_NONE || b == LL_NONE) return false;
    ll_kind ka = ll_js_kind(js, a), kb = ll_js_kind(js, b);
    if (ka == LL_K_shorthand_property_identifier) ka = LL_K_identifier;
    if (kb == LL_K_shorthand_property_identifier) kb = LL_K_identifier;
    if (ka != kb) return false;
    switch (ka) {
    case LL_K_identifier: {
      uint32_t ra = js->ref[a], rb = js->ref[b];
      if (ra != LL_UNRESOLVED || rb != LL_UNRESOLVED) return ra == rb;
      return ll_js_same_text(js, a, b);
    }
    case LL_K_this:
      return ll_js_enclosing_class(js, a) == ll_js_enclosing_class(js, b);
    case LL_K_member_expression:
      if (!ll_js_same_text(js, ll_js_child(js, a, LL_F_property),
                           ll_js_child(js, b, LL_F_property)))
        return false;
      break;
    case LL_K_subscript_expression:
      if (!ll_js_same_text(js, ll_js_child(js, a, LL_F_index),
                           ll_js_child(js, b, LL_F_index)))
        return false;
      break;
    default:
      return false;
    }
    a = ll_js_child(js, a, LL_F_object);
    b = ll_js_child(js, b, LL_F_object);
  }
}

/* ==== Owned members ==== */

bool ll_js_owned_member(const ll_js *js, ll_nid member) {
  member = ll_js_unwrap(js, member);
  if (ll_js_kind(js, member) != LL_K_member_expression) return false;
  ll_nid obj = this_alias(js, ll_js_unwrap(js, ll_js_child(js, member, LL_F_object)));
  if (ll_js_kind(js, obj) != LL_K_this) return false;
  ll_nid prop = ll_js_child(js, member, LL_F_property);
  ll_nid cls = ll_js_enclosing_class(js, obj);
  ll_nid lo = 0, hi = js->count;
  if (cls != LL_NONE) {
    lo = cls;
    hi = js->nodes[cls].end_index;
  } else {
    ll_nid fn = ll_js_enclosing_function(js, obj);
    if (fn != LL_NONE) {
      lo = fn;
      hi = js->nodes[fn].end_index;
    }
  }
  for (ll_nid i = lo; i < hi; i++) {
    if (js->nodes[i].kind != LL_K_assignment_expression) continue;
    ll_nid left = ll_js_unwrap(js, ll_js_child(js, i, LL_F_left));
    if (ll_js_kind(js, left) != LL_K_member_expression ||
        !ll_js_same_text(js, ll_js_child(js, left, LL_F_property), prop))
      continue;
    ll_nid lobj = this_alias(js, ll_js_unwrap(js, ll_js_child(js, left, LL_F_object)));
    if (ll_js_kind(js, lobj) == LL_K_this &&
        ll_js_is_creation(js, ll_js_child(js, i, LL_F_right)))
      return true;
  }
  return false;
}

/* ==== Where a release belongs ==== */

ll_nid ll_js_cleanup_site(const ll_js *js, ll_nid n) {
  static const char *const names[] = {
      "dispose", "destroy", "close", "stop", "teardown", "cleanup", "unmount",
      "componentWillUnmount", "disconnectedCallback", "ngOnDestroy",
      "unmounted", "beforeUnmount", "onDestroy", NULL};
  ll_nid cls = ll_js_enclosing_class(js, n);
  if (cls != LL_NONE) {
    for (ll_nid m = js->nodes[cls].first; m != LL_NONE; m = js->nodes[m].next) {
      if (ll_js_kind(js, m) != LL_K_method_definition) continue;
      for (const char *const *name = names; *name; name++)
        if (ll_js_method_named(js, m, *name)) return m;
    }
  }
  /* An effect-style callback: the function it returns is its cleanup. */
  ll_nid fn = ll_js_enclosing_function(js, n);
  if (fn == LL_NONE) return LL_NONE;
  ll_nid body = ll_js_child(js, fn, LL_F_body);
  if (ll_js_kind(js, body) != LL_K_statement_block) return LL_NONE;
  for (ll_nid st = js->nodes[body].first; st != LL_NONE; st = js->nodes[st].next) {
    if (ll_js_kind(js, st) != LL_K_return_statement) continue;
    ll_nid v = ll_js_unwrap(js, ll_js_named_child(js, st, 0));
    if (ll_js_is_function(ll_js_kind(js, v))) return v;
  }
  return LL_NONE;
}

/* ==== Once per instance ==== */

bool ll_js_runs_once_per_instance(const ll_js *js, ll_nid fn) {
  static const char *const hooks[] = {
      "constructor", "componentDidMount", "connectedCallback", "ngOnInit",
      "mounted", "created", "beforeMount", "onMount", NULL};
  if (fn == LL_NONE) return true; /* the top level */
  /* An arrow called back from inside a constructor belongs to it; an
   * arrow that is itself a method (a class field) or a top-level function
   * is not once per instance. */
  while (ll_js_kind(js, fn) == LL_K_arrow_function) {
    ll_nid outer = ll_js_enclosing_function(js, fn);
    if (outer == LL_NONE) return false;
    fn = outer;
  }
  if (ll_js_kind(js, fn) == LL_K_method_definition) {
    for (const char *const *h = hooks; *h; h++)
      if (ll_js_method_named(js, fn, *h)) return true;
    return false;
  }
  /* A function-style constructor: `function Widget() { this.x = … }`. */
  ll_nid name = ll_js_child(js, fn, LL_F_name);
  if (name == LL_NONE) return false;
  char c = js->src[js->nodes[name].start];
  return c >= 'A' && c <= 'Z';
}

bool ll_js_name_in(const ll_js *js, ll_nid n, const char *const *names) {
  if (n == LL_NONE || !names) return false;
  const ll_node *node = &js->nodes[n];
  for (; *names; names++)
    if (strlen(*names) == node->end - node->start &&
        memcmp(*names, js->src + node->start, node->end - node->start) == 0)
      return true;
  return false;
}
