/* no-implicit-global: assignment to a name that nothing declares.
 *
 * In sloppy code such an assignment creates a property of the global object
 * that lives as long as the process (a warning; an error when the same name
 * accumulates data — push/set/add, `+=`, property writes — in code that runs
 * many times). In strict code it throws a ReferenceError (an error).
 * `this.x = …` inside a sloppy plain function that is called without `new`
 * writes to the global object too.
 *
 * Write sites are collected during the walk; severities are decided at the
 * end, once every use of every undeclared name has been seen. */
#include <string.h>

#include "base/array.h"
#include "engine/report.h"
#include "engine/rule.h"

typedef struct site {
  ll_nid id; /* the identifier written */
  struct site *next;
} site;

typedef struct state {
  site *writes;
} state;

static const char *const HELP =
    "Declare it with let, const or var in the scope that owns it; if it really "
    "is a global, assign it as a property of globalThis or list it in the "
    "configuration's `globals`.";

static bool undeclared(const ll_js *js, ll_nid id) {
  if (js->ref[id] != LL_UNRESOLVED) return false;
  const ll_node *n = &js->nodes[id];
  const char *name = js->src + n->start;
  size_t len = n->end - n->start;
  if (len == 9 && memcmp(name, "arguments", 9) == 0) return false;
  return !ll_js_is_known_global(js, name, len);
}

static void note_write(ll_rule_ctx *ctx, ll_nid id) {
  state *st = ctx->state;
  if (!undeclared(ctx->js, id)) return;
  site *s = ll_rule_alloc(ctx, sizeof *s);
  if (!s) return;
  s->id = id;
  s->next = st->writes;
  st->writes = s;
}

/* Every name a destructuring assignment target writes. Iterative: nesting
 * can be far deeper than the C stack. */
static void note_pattern(ll_rule_ctx *ctx, ll_nid n) {
  const ll_js *js = ctx->js;
  ll_array(ll_nid) stack = {0};
  if (!ll_array_push(&stack, n)) {
    ctx->sink->oom = true;
    return;
  }
  while (stack.len) {
    n = ll_js_unwrap(js, stack.items[--stack.len]);
    ll_nid next = LL_NONE;
    switch (ll_js_kind(js, n)) {
    case LL_K_identifier:
    case LL_K_shorthand_property_identifier_pattern:
      note_write(ctx, n);
      break;
    case LL_K_object_pattern:
    case LL_K_array_pattern:
      for (ll_nid c = js->nodes[n].first; c != LL_NONE; c = js->nodes[c].next)
        if (!ll_array_push(&stack, c)) ctx->sink->oom = true;
      break;
    case LL_K_pair_pattern:
      next = ll_js_child(js, n, LL_F_value);
      break;
    case LL_K_assignment_pattern:
    case LL_K_object_assignment_pattern:
      next = ll_js_child(js, n, LL_F_left);
      break;
    case LL_K_rest_pattern:
      next = ll_js_named_child(js, n, 0);
      break;
    default:
      break;
    }
    if (next != LL_NONE && !ll_array_push(&stack, next)) ctx->sink->oom = true;
  }
  ll_array_free(&stack);
}

/* ==== `this.x = …` in a plain function called without `new` ==== */

/* The binding naming a plain function (declaration or `const f = function`). */
static uint32_t plain_function_binding(const ll_js *js, ll_nid fn) {
  ll_kind k = ll_js_kind(js, fn);
  if (k == LL_K_function_declaration) {
    ll_nid name = ll_js_child(js, fn, LL_F_name);
    return name == LL_NONE ? LL_UNRESOLVED : js->ref[name];
  }
  if (k != LL_K_function_expression && k != LL_K_function) return LL_UNRESOLVED;
  ll_nid p = js->nodes[fn].parent;
  if (ll_js_kind(js, p) != LL_K_variable_declarator) return LL_UNRESOLVED;
  ll_nid name = ll_js_child(js, p, LL_F_name);
  return ll_js_kind(js, name) == LL_K_identifier ? js->ref[name] : LL_UNRESOLVED;
}

typedef struct calls {
  bool plain, constructed;
} calls;

static bool classify_use(const ll_js *js, ll_nid ref, void *ud) {
  calls *c = ud;
  ll_nid p = js->nodes[ref].parent;
  ll_kind pk = ll_js_kind(js, p);
  if (pk == LL_K_call_expression && js->nodes[ref].field == LL_F_function)
    c->plain = true;
  else if (pk == LL_K_new_expression)
    c->constructed = true;
  else if (pk == LL_K_member_expression &&
           ll_js_text_is(js, ll_js_child(js, p, LL_F_property), "prototype"))
    c->constructed = true;
  else if (pk == LL_K_class_heritage)
    c->constructed = true;
  return true;
}

static void check_this_write(ll_rule_ctx *ctx, ll_nid assign, ll_nid left) {
  const ll_js *js = ctx->js;
  ll_nid obj = ll_js_unwrap(js, ll_js_child(js, left, LL_F_object));
  if (ll_js_kind(js, obj) != LL_K_this) return;
  ll_nid fn = ll_js_enclosing_function(js, assign);
  while (fn != LL_NONE && ll_js_kind(js, fn) == LL_K_arrow_function)
    fn = ll_js_enclosing_function(js, fn);
  if (fn == LL_NONE || ll_js_is_strict(js, fn)) return;
  uint32_t b = plain_function_binding(js, fn);
  if (b == LL_UNRESOLVED) return;
  const ll_binding *bd = &js->bindings[b];
  char first = js->src[bd->name_start];
  if (first >= 'A' && first <= 'Z') return; /* a constructor by convention */
  calls c = {0};
  ll_js_each_ref(js, b, classify_use, &c);
  if (!c.plain || c.constructed) return;
  ll_nid prop = ll_js_child(js, left, LL_F_property);
  ll_report(ctx, left, LL_SEV_WARNING,
            "Call the function with `new`, make it a method, or use a local "
            "variable; `this` in a plain sloppy-mode call is the global object.",
            "'this.%s' in function '%.*s' called without 'new' sets a property "
            "of the global object",
            ll_js_text(js, prop), (int)bd->name_len, js->src + bd->name_start);
}

/* ==== Visitors ==== */

static void on_assign(ll_rule_ctx *ctx, ll_nid n) {
  const ll_js *js = ctx->js;
  ll_nid left = ll_js_unwrap(js, ll_js_child(js, n, LL_F_left));
  if (ll_js_kind(js, left) == LL_K_member_expression)
    check_this_write(ctx, n, left);
  else
    note_pattern(ctx, left);
}

static void on_update(ll_rule_ctx *ctx, ll_nid n) {
  ll_nid arg = ll_js_unwrap(ctx->js, ll_js_child(ctx->js, n, LL_F_argument));
  if (ll_js_kind(ctx->js, arg) == LL_K_identifier) note_write(ctx, arg);
}

static void on_for_in(ll_rule_ctx *ctx, ll_nid n) {
  if (ll_js_child(ctx->js, n, LL_F_kind) != LL_NONE) return; /* declares */
  note_pattern(ctx, ll_js_child(ctx->js, n, LL_F_left));
}

/* ==== Accumulation ==== */

static bool is_growth_method(const ll_js *js, ll_nid prop) {
  static const char *const names[] = {"push", "set", "add", "unshift",
                                      "splice", "append", "fill", NULL};
  for (const char *const *m = names; *m; m++)
    if (ll_js_text_is(js, prop, *m)) return true;
  return false;
}

/* True when identifier `id` is used in a way that grows what it holds. */
static bool accumulates(const ll_js *js, ll_nid id) {
  ll_nid p = js->nodes[id].parent;
  ll_kind pk = ll_js_kind(js, p);
  if (pk == LL_K_augmented_assignment_expression &&
      js->nodes[id].field == LL_F_left) {
    ll_nid op = ll_js_child(js, p, LL_F_operator);
    return ll_js_text_is(js, op, "+=") || ll_js_text_is(js, op, "||=") ||
           ll_js_text_is(js, op, "?\?=");
  }
  if ((pk == LL_K_member_expression || pk == LL_K_subscript_expression) &&
      js->nodes[id].field == LL_F_object) {
    ll_nid gp = js->nodes[p].parent;
    ll_kind gk = ll_js_kind(js, gp);
    if ((gk == LL_K_assignment_expression ||
         gk == LL_K_augmented_assignment_expression) &&
        js->nodes[p].field == LL_F_left)
      return true;
    if (pk == LL_K_member_expression && gk == LL_K_call_expression &&
        js->nodes[p].field == LL_F_function)
      return is_growth_method(js, ll_js_child(js, p, LL_F_property));
  }
  return false;
}

typedef struct growing {
  ll_nid *ids; /* one identifier per accumulating name */
  uint32_t len, cap;
} growing;

static bool grows(const ll_js *js, const growing *g, ll_nid id) {
  for (uint32_t i = 0; i < g->len; i++)
    if (ll_js_same_text(js, g->ids[i], id)) return true;
  return false;
}

static void collect_growing(ll_rule_ctx *ctx, growing *g) {
  const ll_js *js = ctx->js;
  for (ll_nid i = 0; i < js->count; i++) {
    if (js->nodes[i].kind != LL_K_identifier || js->ref[i] != LL_UNRESOLVED)
      continue;
    if (!accumulates(js, i) || ll_js_multiplicity(js, i, NULL) != LL_MANY)
      continue;
    if (grows(js, g, i)) continue;
    if (g->len == g->cap) {
      uint32_t cap = g->cap ? g->cap * 2 : 16;
      ll_nid *ids = ll_rule_alloc(ctx, cap * sizeof *ids);
      if (!ids) return;
      if (g->len) memcpy(ids, g->ids, g->len * sizeof *ids);
      g->ids = ids;
      g->cap = cap;
    }
    g->ids[g->len++] = i;
  }
}

static void on_end(ll_rule_ctx *ctx) {
  state *st = ctx->state;
  const ll_js *js = ctx->js;
  if (!st->writes) return;
  growing g = {0};
  collect_growing(ctx, &g);
  for (site *s = st->writes; s; s = s->next) {
    const char *name = ll_js_text(js, s->id);
    if (ll_js_is_strict(js, s->id)) {
      ll_report(ctx, s->id, LL_SEV_ERROR, HELP,
                "Assignment to undeclared variable '%s' throws a "
                "ReferenceError in strict mode",
                name);
    } else if (grows(js, &g, s->id)) {
      ll_report(ctx, s->id, LL_SEV_ERROR, HELP,
                "Assignment to undeclared variable '%s' creates an implicit "
                "global that accumulates data in code that runs many times",
                name);
    } else {
      ll_report(ctx, s->id, LL_SEV_WARNING, HELP,
                "Assignment to undeclared variable '%s' creates an implicit "
                "global",
                name);
    }
  }
}

void ll_rule_no_implicit_global_register(ll_rule_reg *reg) {
  ll_rule_state(reg, sizeof(state));
  ll_rule_on(reg, LL_K_assignment_expression, on_assign);
  ll_rule_on(reg, LL_K_augmented_assignment_expression, on_assign);
  ll_rule_on(reg, LL_K_update_expression, on_update);
  ll_rule_on(reg, LL_K_for_in_statement, on_for_in);
  ll_rule_on_end(reg, on_end);
}
