/* no-unremoved-listener: a listener added, many times, to a target that
 * outlives the code adding it, and never removed.
 *
 * Pairs come from rules/resources/js.json (kind "listener"):
 * `addEventListener`/`removeEventListener` and the emitter family `on`/
 * `addListener`/`prependListener` with `off`/`removeListener`/
 * `removeAllListeners`; configured listener pairs join them.
 *
 * An addition is a leak when all of these hold:
 *   - it runs many times (inside a function, callback, method, loop);
 *   - its target is long-lived (process/window/document, a module-level
 *     binding, `this.x`, a parameter of a named function) — not a local
 *     object that never escapes, not `this` itself, not a callback's per-event
 *     parameter (`req`, `socket`);
 *   - it does not remove itself: no `{ once: true }`, no `{ signal }` whose
 *     controller is aborted somewhere (or comes from outside);
 *   - no removal in the file matches the same target, the same event and the
 *     same function identity (binding, or `this.prop`), no removeAll on the
 *     target, and no returned/called unsubscribe function.
 * An inline function or a `.bind()` result can never match a removal. A
 * removal given a new function object removes nothing: it is reported too. */
#include <string.h>

#include "engine/rule.h"

typedef struct call {
  ll_nid call, target, event, fn, opts; /* target LL_NONE: a bare call */
  const ll_res_pair *pair;
  struct call *next;
} call;

typedef struct state {
  call *adds, *removes, *remove_alls;
  struct aborted {
    ll_nid obj;
    struct aborted *next;
  } * aborts;
} state;

static const char *const HELP =
    "Keep the listener in a variable (or bind it once in the constructor) and "
    "remove it with removeEventListener/off when the work ends, or pass "
    "{ once: true } or { signal } from an AbortController that is aborted.";

static bool capture_of(const ll_js *js, ll_nid opts);
static bool made_here(const ll_js *js, ll_nid target, ll_nid add);


static bool is_new_function(const ll_js *js, ll_nid fn) {
  fn = ll_js_unwrap(js, fn);
  ll_kind k = ll_js_kind(js, fn);
  if (k == LL_K_arrow_function || k == LL_K_function_expression ||
      k == LL_K_function)
    return true;
  if (k == LL_K_call_expression) {
    ll_nid callee = ll_js_child(js, fn, LL_F_function);
    return ll_js_kind(js, callee) == LL_K_member_expression &&
           ll_js_text_is(js, ll_js_child(js, callee, LL_F_property), "bind");
  }
  return false;
}

static call *new_call(ll_rule_ctx *ctx, ll_nid c, ll_nid target,
                      const ll_res_pair *p, call **list) {
  const ll_js *js = ctx->js;
  call *x = ll_rule_alloc(ctx, sizeof *x);
  if (!x) return NULL;
  ll_nid args = ll_js_child(js, c, LL_F_arguments);
  x->call = c;
  x->target = target;
  x->event = ll_js_named_child(js, args, 0);
  x->fn = ll_js_unwrap(js, ll_js_named_child(js, args, 1));
  x->opts = ll_js_unwrap(js, ll_js_named_child(js, args, 2));
  x->pair = p;
  x->next = *list;
  *list = x;
  return x;
}

static void on_call(ll_rule_ctx *ctx, ll_nid c) {
  state *st = ctx->state;
  const ll_js *js = ctx->js;
  ll_nid callee = ll_js_unwrap(js, ll_js_child(js, c, LL_F_function));
  ll_nid method, target;
  if (ll_js_kind(js, callee) == LL_K_member_expression) {
    method = ll_js_child(js, callee, LL_F_property);
    target = ll_js_unwrap(js, ll_js_child(js, callee, LL_F_object));
    if (ll_js_text_is(js, method, "abort")) {
      struct aborted *a = ll_rule_alloc(ctx, sizeof *a);
      if (a) {
        a->obj = target;
        a->next = st->aborts;
        st->aborts = a;
      }
      return;
    }
  } else if (ll_js_kind(js, callee) == LL_K_identifier &&
             js->ref[callee] == LL_UNRESOLVED) {
    method = callee; /* `addEventListener(…)` on the global object */
    target = LL_NONE;
  } else {
    return;
  }
  const char *rule = ll_rule_get(ctx->rule)->id;
  for (size_t i = 0; i < ctx->res->count; i++) {
    const ll_res_pair *p = &ctx->res->pairs[i];
    if (p->kind != LL_RES_LISTENER || strcmp(p->rule, rule) != 0) continue;
    if (ll_js_name_in(js, method, p->acquire)) {
      new_call(ctx, c, target, p, &st->adds);
      return;
    }
    if (ll_js_name_in(js, method, p->release)) {
      new_call(ctx, c, target, p, &st->removes);
      return;
    }
    if (ll_js_name_in(js, method, p->release_all)) {
      new_call(ctx, c, target, p, &st->remove_alls);
      return;
    }
  }
}

/* ==== Matching ==== */

static bool is_global_object(const ll_js *js, ll_nid n) {
  return n == LL_NONE ||
         (ll_js_kind(js, n) == LL_K_identifier && js->ref[n] == LL_UNRESOLVED &&
          (ll_js_text_is(js, n, "window") || ll_js_text_is(js, n, "self") ||
           ll_js_text_is(js, n, "globalThis")));
}

static bool same_target(const ll_js *js, ll_nid a, ll_nid b) {
  if (a == LL_NONE || b == LL_NONE)
    return is_global_object(js, a) && is_global_object(js, b);
  return ll_js_same_place(js, a, b);
}

static bool same_event(const ll_js *js, ll_nid a, ll_nid b) {
  const char *x = ll_js_string_value(js, a), *y = ll_js_string_value(js, b);
  if (x && y) return strcmp(x, y) == 0;
  return ll_js_same_place(js, a, b) || ll_js_same_text(js, a, b);
}

/* Two targets that may be one object under two names: unless both have a
 * known identity (`window` vs `document`, two objects made here), a member
 * chain, a parameter or an alias may be anything. */
static bool known_identity(const ll_js *js, ll_nid n) {
  if (n == LL_NONE) return true;
  if (ll_js_kind(js, n) != LL_K_identifier) return false;
  uint32_t b = js->ref[n];
  if (b == LL_UNRESOLVED) return true; /* `window`, `process`, `document` */
  const ll_binding *bd = &js->bindings[b];
  switch ((ll_binding_kind)bd->kind) {
  case LL_BIND_PARAM:
  case LL_BIND_CATCH:
    return false; /* whatever the caller passes */
  case LL_BIND_VAR:
  case LL_BIND_LET:
  case LL_BIND_CONST: {
    /* `const el = event.target` is another name for an unknown object. */
    ll_kind k = ll_js_kind(js, ll_js_unwrap(js, bd->init));
    return k == LL_K_new_expression || k == LL_K_object || k == LL_K_call_expression;
  }
  default:
    return true;
  }
}

static bool maybe_same_object(const ll_js *js, ll_nid a, ll_nid b) {
  if (same_target(js, a, b)) return true;
  return !(known_identity(js, a) && known_identity(js, b));
}

static const call *find_removal(const ll_js *js, const state *st,
                                const call *add, bool *wrong_fn) {
  /* The same event and the very same function, removed from a target we
   * cannot prove is the same object (an alias, `this.el` vs a parameter
   * `el`): a named function is strong evidence that the pair belongs
   * together, and a false alarm costs more than this rare miss. */
  if (!is_new_function(js, add->fn)) {
    for (const call *r = st->removes; r; r = r->next)
      if (maybe_same_object(js, add->target, r->target) &&
          same_event(js, add->event, r->event) &&
          ll_js_same_place(js, add->fn, r->fn) &&
          (!add->pair->self_removing_opts ||
           capture_of(js, add->opts) == capture_of(js, r->opts)))
        return r;
  }
  for (const call *r = st->removes; r; r = r->next) {
    if (!same_target(js, add->target, r->target) ||
        !same_event(js, add->event, r->event))
      continue;
    /* A capturing listener is removed only with capture set, and back. */
    if (add->pair->self_removing_opts &&
        capture_of(js, add->opts) != capture_of(js, r->opts))
      continue;
    if (ll_js_same_place(js, add->fn, r->fn)) return r;
    if (is_new_function(js, r->fn)) *wrong_fn = true;
    /* A named function expression removing itself by name. */
    if (ll_js_kind(js, r->fn) == LL_K_identifier && js->ref[r->fn] != LL_UNRESOLVED &&
        js->bindings[js->ref[r->fn]].kind == LL_BIND_FUNCTION_NAME &&
        js->bindings[js->ref[r->fn]].owner == add->fn)
      return r;
  }
  return NULL;
}

static bool removed_all(const ll_js *js, const state *st, const call *add) {
  for (const call *r = st->remove_alls; r; r = r->next)
    if (same_target(js, add->target, r->target) &&
        (r->event == LL_NONE || same_event(js, add->event, r->event)))
      return true;
  return false;
}

static bool aborted(const ll_js *js, const state *st, ll_nid controller) {
  for (const struct aborted *a = st->aborts; a; a = a->next)
    if (ll_js_same_place(js, a->obj, controller)) return true;
  return false;
}

/* `{ once: true }`, or `{ signal }` whose controller is aborted somewhere
 * (or comes from elsewhere). */
static bool removes_itself(const ll_js *js, const state *st, ll_nid opts) {
  if (ll_js_kind(js, opts) != LL_K_object) return false;
  for (ll_nid c = js->nodes[opts].first; c != LL_NONE; c = js->nodes[c].next) {
    ll_nid key, value;
    if (ll_js_kind(js, c) == LL_K_pair) {
      key = ll_js_child(js, c, LL_F_key);
      value = ll_js_unwrap(js, ll_js_child(js, c, LL_F_value));
    } else if (ll_js_kind(js, c) == LL_K_shorthand_property_identifier) {
      key = value = c;
    } else {
      continue;
    }
    if (ll_js_text_is(js, key, "once") && ll_js_kind(js, value) == LL_K_true)
      return true;
    if (!ll_js_text_is(js, key, "signal")) continue;
    /* signal: ctrl.signal → is ctrl aborted? */
    ll_nid src = value;
    if (ll_js_kind(js, src) == LL_K_identifier && js->ref[src] != LL_UNRESOLVED) {
      const ll_binding *bd = &js->bindings[js->ref[src]];
      if (bd->init == LL_NONE || bd->kind == LL_BIND_PARAM) return true;
      src = ll_js_unwrap(js, bd->init);
    }
    if (ll_js_kind(js, src) == LL_K_member_expression &&
        ll_js_text_is(js, ll_js_child(js, src, LL_F_property), "signal"))
      return aborted(js, st, ll_js_unwrap(js, ll_js_child(js, src, LL_F_object)));
    return true; /* a signal from somewhere we cannot see */
  }
  return false;
}

/* The addition's result is an unsubscribe function that is called or
 * handed on (`const off = bus.on(…); … off()` / `return bus.on(…)`). */
static bool unsubscribe_kept(const ll_js *js, ll_nid c) {
  ll_nid p = js->nodes[c].parent;
  while (ll_js_kind(js, p) == LL_K_parenthesized_expression)
    p = js->nodes[p].parent;
  ll_kind pk = ll_js_kind(js, p);
  if (pk == LL_K_return_statement ||
      (pk == LL_K_arrow_function && js->nodes[c].field == LL_F_body))
    return true;
  if (pk != LL_K_variable_declarator) return false;
  ll_nid name = ll_js_child(js, p, LL_F_name);
  if (ll_js_kind(js, name) != LL_K_identifier || js->ref[name] == LL_UNRESOLVED)
    return false;
  uint32_t b = js->ref[name];
  for (ll_nid r = js->first_ref[b]; r != LL_NONE; r = js->next_ref[r]) {
    if (r == name) continue;
    ll_nid rp = js->nodes[r].parent;
    if (ll_js_kind(js, rp) == LL_K_call_expression &&
        js->nodes[r].field == LL_F_function)
      return true;
    if (ll_js_kind(js, rp) == LL_K_return_statement ||
        ll_js_kind(js, rp) == LL_K_arguments)
      return true;
  }
  return false;
}

/* True when `target` names an object created in the function that adds
 * the listener, outside any loop there. */
static bool made_here(const ll_js *js, ll_nid target, ll_nid add) {
  if (ll_js_kind(js, target) != LL_K_identifier || js->ref[target] == LL_UNRESOLVED)
    return false;
  const ll_binding *bd = &js->bindings[js->ref[target]];
  if (bd->kind != LL_BIND_CONST && bd->kind != LL_BIND_LET && bd->kind != LL_BIND_VAR)
    return false;
  ll_kind k = ll_js_kind(js, ll_js_unwrap(js, bd->init));
  bool creation = k != LL_K_array && k != LL_K_class && ll_js_is_creation(js, bd->init);
  if (!creation) return false;
  ll_nid fn = ll_js_enclosing_function(js, add);
  if (fn == LL_NONE || ll_js_enclosing_function(js, bd->decl) != fn) return false;
  /* The add must not repeat on the same object: no loop between them. */
  for (ll_nid a = js->nodes[add].parent; a != fn && a != LL_NONE; a = js->nodes[a].parent) {
    ll_kind ak = ll_js_kind(js, a);
    if (ak == LL_K_for_statement || ak == LL_K_for_in_statement ||
        ak == LL_K_while_statement || ak == LL_K_do_statement)
      return js->nodes[bd->decl].start > js->nodes[a].start; /* made in the loop */
  }
  return true;
}

/* The capture flag of listener options: `true`, `{ capture: true }`. */
static bool capture_of(const ll_js *js, ll_nid opts) {
  if (ll_js_kind(js, opts) == LL_K_true) return true;
  if (ll_js_kind(js, opts) != LL_K_object) return false;
  for (ll_nid c = js->nodes[opts].first; c != LL_NONE; c = js->nodes[c].next)
    if (ll_js_kind(js, c) == LL_K_pair &&
        ll_js_text_is(js, ll_js_child(js, c, LL_F_key), "capture"))
      return ll_js_kind(js, ll_js_unwrap(js, ll_js_child(js, c, LL_F_value))) ==
             LL_K_true;
  return false;
}

static const char *target_text(const ll_js *js, ll_nid target) {
  return target == LL_NONE ? "window" : ll_js_text(js, target);
}

static void check_add(ll_rule_ctx *ctx, const call *add) {
  const ll_js *js = ctx->js;
  const state *st = ctx->state;
  if (add->fn == LL_NONE) return;
  if (ll_js_multiplicity(js, add->call, NULL) != LL_MANY) return;
  if (add->target != LL_NONE && ll_js_lifetime(js, add->target) != LL_LIFE_LONG)
    return;
  /* A target made by this very call (`const ee = new EventEmitter()`) gets
   * one listener per object, even when the object is handed on: nothing
   * piles up on a holder that outlives the call. */
  if (made_here(js, add->target, add->call)) return;
  /* A child the object created itself (`this.$input = createElement(…)`),
   * listened to once per instance: it dies with its owner. */
  if (add->target != LL_NONE && ll_js_owned_member(js, add->target) &&
      ll_js_runs_once_per_instance(js, ll_js_enclosing_function(js, add->call)))
    return;
  if (add->pair->self_removing_opts && removes_itself(js, st, add->opts)) return;
  if (removed_all(js, st, add) ||
      (add->pair->returns_disposer && unsubscribe_kept(js, add->call)))
    return;
  bool wrong_fn = false;
  const call *r = find_removal(js, st, add, &wrong_fn);
  if (r) return;
  const char *event = ll_js_text(js, add->event);
  const char *target = target_text(js, add->target);
  ll_nid cleanup = ll_js_cleanup_site(js, add->call);
  if (is_new_function(js, add->fn)) {
    int h = ll_report(ctx, add->call, LL_SEV_DEFAULT, HELP,
                      "inline listener for %s on '%s' can never be removed",
                      event, target);
    ll_report_related(ctx, h, cleanup,
                      "cleanup here has no reference to that function object");
    return;
  }
  int h = ll_report(ctx, add->call, LL_SEV_DEFAULT, HELP,
                    "listener '%s' for %s on '%s' is never removed",
                    ll_js_text(js, add->fn), event, target);
  ll_report_related(ctx, h, cleanup, "no matching %s here",
                    add->pair->release[0]);
  if (wrong_fn) {
    for (const call *x = st->removes; x; x = x->next)
      if (same_target(js, add->target, x->target) &&
          same_event(js, add->event, x->event) && is_new_function(js, x->fn))
        ll_report_related(ctx, h, x->call,
                          "this removal passes a different function object");
  }
}

static void check_remove(ll_rule_ctx *ctx, const call *r) {
  const ll_js *js = ctx->js;
  if (r->fn == LL_NONE || !is_new_function(js, r->fn)) return;
  ll_nid callee = ll_js_unwrap(js, ll_js_child(js, r->call, LL_F_function));
  const char *method = ll_js_text(
      js, ll_js_kind(js, callee) == LL_K_member_expression
              ? ll_js_child(js, callee, LL_F_property)
              : callee);
  ll_report(ctx, r->call, LL_SEV_DEFAULT,
            "Pass the very function object that was added: store it once "
            "(e.g. `this.onX = this.onX.bind(this)` in the constructor) and "
            "use it for both calls.",
            "%s is given a new function: it removes nothing", method);
}

static void on_end(ll_rule_ctx *ctx) {
  const state *st = ctx->state;
  for (const call *r = st->removes; r; r = r->next) check_remove(ctx, r);
  for (const call *a = st->adds; a; a = a->next) check_add(ctx, a);
}

void ll_rule_no_unremoved_listener_register(ll_rule_reg *reg) {
  ll_rule_state(reg, sizeof(state));
  ll_rule_on(reg, LL_K_call_expression, on_call);
  ll_rule_on_end(reg, on_end);
}
