/* no-uncleared-interval: a repeating timer whose handle cannot be, or never
 * is, cleared.
 *
 * The acquire/release names come from rules/resources/js.json (kind
 * "handle"): `setInterval` as a global (bare, or on globalThis/window/self/
 * global) or from the `timers` module, released by `clearInterval`/
 * `clearTimeout`; configured handle pairs (`subscribe`/`unsubscribe`) are
 * checked the same way, released by `release(h)` or `h.release()`.
 *
 * For each acquisition the rule asks where the handle goes:
 *   discarded                → nothing can ever clear it;
 *   a variable / a member    → some release must take that same binding or
 *                              member chain, somewhere in the file; and a
 *                              method that can run again must not overwrite a
 *                              live handle without reading it first;
 *   returned / passed on     → the receiver owns it (a collection needs some
 *                              release in the file).
 * Many × no release is an error; once (module level) is a daemon: warning.
 * Acquisitions and releases are collected during the walk and matched at
 * the end of the file. */
#include <string.h>

#include "engine/rule.h"

typedef struct acq {
  ll_nid call;
  const ll_res_pair *pair;
  struct acq *next;
} acq;

typedef struct rel {
  ll_nid call; /* the release call */
  ll_nid arg;  /* its handle argument (or the receiver of h.release()) */
  struct rel *next;
} rel;

typedef struct state {
  acq *acqs;
  rel *rels;
  bool bulk_release; /* a release function passed as a value (forEach(clearInterval)) */
  rel *bulk;         /* those calls: `call` is `xs.forEach(clearInterval)` */
} state;

static const char *const HELP =
    "Keep the handle and pass it to clearInterval when the work should stop: "
    "in a stop()/dispose() method, a returned disposer, or an AbortSignal's "
    "'abort' listener.";

/* ==== Matching names against the pairs ==== */


/* True when binding `b` holds the module named in `modules` (an import of
 * it, or `require('timers')`, possibly destructured). */
static bool binding_from_module(const ll_js *js, uint32_t b,
                                const char *const *modules) {
  if (!modules || b == LL_UNRESOLVED) return false;
  const ll_binding *bd = &js->bindings[b];
  ll_nid src = LL_NONE;
  if (bd->kind == LL_BIND_IMPORT) {
    for (ll_nid a = bd->owner; a != LL_NONE; a = js->nodes[a].parent)
      if (ll_js_kind(js, a) == LL_K_import_statement) {
        src = ll_js_child(js, a, LL_F_source);
        break;
      }
  } else if (bd->kind == LL_BIND_CONST || bd->kind == LL_BIND_LET ||
             bd->kind == LL_BIND_VAR) {
    ll_nid v = ll_js_unwrap(js, ll_js_child(js, bd->owner, LL_F_value));
    if (ll_js_kind(js, v) == LL_K_call_expression &&
        ll_js_text_is(js, ll_js_child(js, v, LL_F_function), "require"))
      src = ll_js_named_child(js, ll_js_child(js, v, LL_F_arguments), 0);
  }
  const char *name = src != LL_NONE ? ll_js_string_value(js, src) : NULL;
  return name && ll_name_in(modules, name, strlen(name));
}

/* The name a binding imports: `setInterval` for `import { setInterval as
 * every }` and for `const { setInterval: every } = require('timers')`. */
static ll_nid imported_name(const ll_js *js, uint32_t b) {
  const ll_binding *bd = &js->bindings[b];
  ll_nid decl = bd->decl, p = js->nodes[decl].parent;
  if (ll_js_kind(js, p) == LL_K_import_specifier)
    return ll_js_child(js, p, LL_F_name);
  if (ll_js_kind(js, p) == LL_K_pair_pattern)
    return ll_js_child(js, p, LL_F_key);
  return decl;
}

/* The handle pair whose acquire function `call` calls, or NULL. */
static const ll_res_pair *acquired(const ll_js *js, const ll_resources *res,
                                   const char *rule, ll_nid call) {
  ll_nid callee = ll_js_unwrap(js, ll_js_child(js, call, LL_F_function));
  ll_kind ck = ll_js_kind(js, callee);
  for (size_t i = 0; i < res->count; i++) {
    const ll_res_pair *p = &res->pairs[i];
    if (p->kind != LL_RES_HANDLE || strcmp(p->rule, rule) != 0) continue;
    if (ck == LL_K_identifier) {
      uint32_t b = js->ref[callee];
      if (b == LL_UNRESOLVED) {
        if (ll_js_name_in(js, callee, p->acquire) &&
            (!p->receivers || ll_name_in(p->receivers, "", 0)))
          return p;
      } else if (binding_from_module(js, b, p->modules) &&
                 ll_js_name_in(js, imported_name(js, b), p->acquire)) {
        return p; /* also `import { setInterval as every } from 'timers'` */
      }
    } else if (ck == LL_K_member_expression &&
               ll_js_name_in(js, ll_js_child(js, callee, LL_F_property), p->acquire)) {
      if (!p->receivers) return p;
      ll_nid obj = ll_js_unwrap(js, ll_js_child(js, callee, LL_F_object));
      if (ll_js_kind(js, obj) != LL_K_identifier) continue;
      uint32_t b = js->ref[obj];
      if (b == LL_UNRESOLVED ? ll_js_name_in(js, obj, p->receivers)
                             : binding_from_module(js, b, p->modules))
        return p;
    }
  }
  return NULL;
}

/* True when `call` calls a release function of a handle pair of this rule;
 * `*arg` is the handle it releases. */
static bool released(const ll_js *js, const ll_resources *res,
                     const char *rule, ll_nid call, ll_nid *arg) {
  ll_nid callee = ll_js_unwrap(js, ll_js_child(js, call, LL_F_function));
  ll_nid args = ll_js_child(js, call, LL_F_arguments);
  for (size_t i = 0; i < res->count; i++) {
    const ll_res_pair *p = &res->pairs[i];
    if (p->kind != LL_RES_HANDLE || strcmp(p->rule, rule) != 0) continue;
    ll_kind ck = ll_js_kind(js, callee);
    if (ck == LL_K_identifier && ll_js_name_in(js, callee, p->release)) {
      *arg = ll_js_named_child(js, args, 0);
      return *arg != LL_NONE;
    }
    if (ck == LL_K_member_expression &&
        ll_js_name_in(js, ll_js_child(js, callee, LL_F_property), p->release)) {
      /* globalThis.clearInterval(h), or h.unsubscribe() */
      ll_nid first = ll_js_named_child(js, args, 0);
      *arg = first != LL_NONE ? first : ll_js_child(js, callee, LL_F_object);
      return true;
    }
  }
  return false;
}

/* ==== Walk ==== */

static void on_call(ll_rule_ctx *ctx, ll_nid call) {
  state *st = ctx->state;
  const ll_js *js = ctx->js;
  const char *rule = ll_rule_get(ctx->rule)->id;
  const ll_res_pair *p = acquired(js, ctx->res, rule, call);
  if (p) {
    acq *a = ll_rule_alloc(ctx, sizeof *a);
    if (!a) return;
    *a = (acq){call, p, st->acqs};
    st->acqs = a;
    return;
  }
  ll_nid arg;
  if (released(js, ctx->res, rule, call, &arg)) {
    rel *r = ll_rule_alloc(ctx, sizeof *r);
    if (!r) return;
    *r = (rel){call, ll_js_unwrap(js, arg), st->rels};
    st->rels = r;
  }
}

/* A release function used as a value: `handles.forEach(clearInterval)`. */
static void on_identifier(ll_rule_ctx *ctx, ll_nid id) {
  state *st = ctx->state;
  const ll_js *js = ctx->js;
  ll_nid p = js->nodes[id].parent;
  if (ll_js_kind(js, p) != LL_K_arguments) return;
  const char *rule = ll_rule_get(ctx->rule)->id;
  for (size_t i = 0; i < ctx->res->count; i++) {
    const ll_res_pair *pair = &ctx->res->pairs[i];
    if (pair->kind == LL_RES_HANDLE && strcmp(pair->rule, rule) == 0 &&
        ll_js_name_in(js, id, pair->release)) {
      rel *r = ll_rule_alloc(ctx, sizeof *r);
      if (!r) return;
      *r = (rel){js->nodes[p].parent, id, st->bulk};
      st->bulk = r;
      st->bulk_release = true;
      return;
    }
  }
}

/* ==== Matching at the end ==== */

static const rel *release_of(const ll_js *js, const state *st, ll_nid place) {
  for (const rel *r = st->rels; r; r = r->next)
    if (ll_js_same_place(js, r->arg, place)) return r;
  return NULL;
}

/* A release of any reference to binding `b` (also `h.release()`), or an
 * escape of the handle to a caller or another owner. */
typedef struct fate {
  const state *st;
  const rel *release;
  bool escapes;
} fate;

/* Calls that only look at their arguments: logging and conversions. */
static bool borrows(const ll_js *js, ll_nid call) {
  ll_nid callee = ll_js_unwrap(js, ll_js_child(js, call, LL_F_function));
  if (ll_js_kind(js, callee) == LL_K_member_expression) {
    ll_nid obj = ll_js_unwrap(js, ll_js_child(js, callee, LL_F_object));
    return ll_js_text_is(js, obj, "console") ||
           (ll_js_text_is(js, obj, "JSON") &&
            ll_js_text_is(js, ll_js_child(js, callee, LL_F_property), "stringify"));
  }
  return ll_js_text_is(js, callee, "String") || ll_js_text_is(js, callee, "Number") ||
         ll_js_text_is(js, callee, "Boolean");
}

static bool follow_ref(const ll_js *js, ll_nid ref, void *ud) {
  fate *f = ud;
  for (const rel *r = f->st->rels; r; r = r->next)
    if (r->arg == ref) {
      f->release = r;
      return false;
    }
  ll_nid use = ref, p = js->nodes[ref].parent;
  while (ll_js_kind(js, p) == LL_K_parenthesized_expression) {
    use = p;
    p = js->nodes[p].parent;
  }
  switch (ll_js_kind(js, p)) {
  case LL_K_arguments:
    if (!borrows(js, js->nodes[p].parent)) f->escapes = true;
    break;
  case LL_K_return_statement:
  case LL_K_pair:
  case LL_K_array:
  case LL_K_shorthand_property_identifier:
  case LL_K_object:
  case LL_K_yield_expression:
    f->escapes = true;
    break;
  case LL_K_arrow_function:
    if (js->nodes[use].field == LL_F_body) f->escapes = true;
    break;
  case LL_K_assignment_expression:
    if (js->nodes[use].field == LL_F_right) f->escapes = true;
    break;
  default:
    break;
  }
  return true;
}

/* True when the code of function `fn` before byte `before` reads `place`
 * (clears it or tests it): a start() that guards against a second start. */
static bool read_before(const ll_js *js, ll_nid fn, ll_nid place,
                        ll_nid assign) {
  for (ll_nid i = fn + 1; i < js->nodes[fn].end_index; i++) {
    if (js->nodes[i].start >= js->nodes[assign].start) break;
    if (js->nodes[i].kind != js->nodes[place].kind) continue;
    if (ll_js_same_place(js, i, place)) return true;
  }
  return false;
}

/* The identifier at the root of a member chain (`job` in `job.a.b`). */
static ll_nid chain_root(const ll_js *js, ll_nid n) {
  n = ll_js_unwrap(js, n);
  while (ll_js_kind(js, n) == LL_K_member_expression ||
         ll_js_kind(js, n) == LL_K_subscript_expression)
    n = ll_js_unwrap(js, ll_js_child(js, n, LL_F_object));
  return n;
}

/* True when some release takes the elements of collection `coll`:
 * `coll.forEach(clearInterval)`, `clearInterval(coll[i])`,
 * `for (const h of coll) clearInterval(h)`, `coll.forEach(h => clearInterval(h))`. */
static bool elements_released(const ll_js *js, const state *st, ll_nid coll) {
  for (const rel *b = st->bulk; b; b = b->next) {
    ll_nid callee = ll_js_unwrap(js, ll_js_child(js, b->call, LL_F_function));
    if (ll_js_kind(js, callee) == LL_K_member_expression &&
        ll_js_same_place(js, ll_js_child(js, callee, LL_F_object), coll))
      return true;
  }
  for (const rel *r = st->rels; r; r = r->next) {
    ll_nid arg = r->arg;
    if (ll_js_kind(js, arg) == LL_K_subscript_expression &&
        ll_js_same_place(js, ll_js_child(js, arg, LL_F_object), coll))
      return true;
    if (ll_js_kind(js, arg) != LL_K_identifier || js->ref[arg] == LL_UNRESOLVED)
      continue;
    const ll_binding *bd = &js->bindings[js->ref[arg]];
    ll_nid owner = bd->owner;
    if (ll_js_kind(js, owner) == LL_K_for_in_statement &&
        ll_js_same_place(js, ll_js_child(js, owner, LL_F_right), coll))
      return true;
    if (bd->kind == LL_BIND_PARAM && ll_js_is_function(ll_js_kind(js, owner))) {
      /* the callback of coll.forEach / coll.map / coll.splice(…).forEach */
      ll_nid call = js->nodes[js->nodes[owner].parent].parent;
      if (ll_js_kind(js, call) != LL_K_call_expression) continue;
      ll_nid callee = ll_js_unwrap(js, ll_js_child(js, call, LL_F_function));
      if (ll_js_kind(js, callee) != LL_K_member_expression) continue;
      ll_nid obj = ll_js_unwrap(js, ll_js_child(js, callee, LL_F_object));
      while (ll_js_kind(js, obj) == LL_K_call_expression) {
        ll_nid inner = ll_js_unwrap(js, ll_js_child(js, obj, LL_F_function));
        if (ll_js_kind(js, inner) != LL_K_member_expression) break;
        obj = ll_js_unwrap(js, ll_js_child(js, inner, LL_F_object));
      }
      if (ll_js_same_place(js, obj, coll)) return true;
    }
  }
  return false;
}

static void report_leak(ll_rule_ctx *ctx, const acq *a, ll_severity sev,
                        ll_nid stored, const char *fmt, const char *what) {
  int h = ll_report(ctx, a->call, sev, HELP, fmt, what);
  if (stored != LL_NONE) ll_report_related(ctx, h, stored, "handle stored here");
  ll_nid cleanup = ll_js_cleanup_site(ctx->js, a->call);
  if (cleanup != LL_NONE)
    ll_report_related(ctx, h, cleanup, "no %s of this handle here",
                      a->pair->release[0]);
}

static void check_holder(ll_rule_ctx *ctx, const acq *a, ll_nid holder,
                         ll_nid assign, ll_severity sev) {
  const ll_js *js = ctx->js;
  const state *st = ctx->state;
  const char *what = ll_js_text(js, holder);
  const rel *r = NULL;
  fate f = {.st = st};
  uint32_t b = ll_js_kind(js, holder) == LL_K_identifier ? js->ref[holder]
                                                          : LL_UNRESOLVED;
  if (b != LL_UNRESOLVED) {
    ll_js_each_ref(js, b, follow_ref, &f);
    r = f.release;
    if (f.escapes && !r) return; /* returned or handed on: the receiver owns it */
  } else {
    r = release_of(js, st, holder);
  }
  if (!r) {
    report_leak(ctx, a, sev, holder,
                "interval handle '%s' is never cleared", what);
    return;
  }
  /* Overwriting a live handle: a method that can run again replaces the
   * handle without clearing or checking the previous one. Only holders that
   * outlive the call matter (a member or an outer variable). */
  ll_nid fn = ll_js_enclosing_function(js, a->call);
  if (fn == LL_NONE || ll_js_runs_once_per_instance(js, fn)) return;
  if (ll_js_multiplicity(js, a->call, NULL) != LL_MANY) return;
  ll_nid root = chain_root(js, holder);
  if (ll_js_kind(js, root) == LL_K_identifier && js->ref[root] != LL_UNRESOLVED) {
    ll_nid decl_fn = ll_js_enclosing_function(js, js->bindings[js->ref[root]].decl);
    if (decl_fn == fn) return; /* a fresh local (or its member) per call */
  }
  if (read_before(js, fn, holder, assign)) return;
  int h = ll_report(ctx, a->call, sev, HELP,
                    "'%s' is overwritten by setInterval without clearing the "
                    "previous interval",
                    what);
  ll_report_related(ctx, h, r->call, "cleared here, but only once");
}

static void check(ll_rule_ctx *ctx, const acq *a) {
  const ll_js *js = ctx->js;
  const state *st = ctx->state;
  ll_severity sev = ll_js_multiplicity(js, a->call, NULL) == LL_MANY
                        ? LL_SEV_DEFAULT
                        : LL_SEV_WARNING;
  const char *fn_name = a->pair->acquire[0];
  ll_nid use = a->call, p = js->nodes[use].parent;
  /* Look through parens and a chained `.unref()`/`.ref()`. */
  for (;;) {
    ll_kind pk = ll_js_kind(js, p);
    if (pk == LL_K_parenthesized_expression || pk == LL_K_as_expression ||
        pk == LL_K_non_null_expression || pk == LL_K_await_expression) {
      use = p;
      p = js->nodes[p].parent;
      continue;
    }
    if (pk == LL_K_member_expression && js->nodes[use].field == LL_F_object) {
      ll_nid prop = ll_js_child(js, p, LL_F_property);
      ll_nid call = js->nodes[p].parent;
      if ((ll_js_text_is(js, prop, "unref") || ll_js_text_is(js, prop, "ref")) &&
          ll_js_kind(js, call) == LL_K_call_expression) {
        use = call;
        p = js->nodes[call].parent;
        continue;
      }
    }
    break;
  }
  switch (ll_js_kind(js, p)) {
  case LL_K_expression_statement:
  case LL_K_sequence_expression:
    if (sev == LL_SEV_WARNING)
      ll_report(ctx, a->call, sev, HELP,
                "module-level %s handle is discarded: the interval runs for "
                "the life of the process and can never be cleared",
                fn_name);
    else
      ll_report(ctx, a->call, sev, HELP,
                "%s handle is discarded: the interval can never be cleared",
                fn_name);
    return;
  case LL_K_variable_declarator: {
    ll_nid name = ll_js_child(js, p, LL_F_name);
    if (ll_js_kind(js, name) == LL_K_identifier)
      check_holder(ctx, a, name, a->call, sev);
    return;
  }
  case LL_K_assignment_expression:
    if (js->nodes[use].field == LL_F_right)
      check_holder(ctx, a, ll_js_unwrap(js, ll_js_child(js, p, LL_F_left)), p,
                   sev);
    return;
  case LL_K_field_definition:
  case LL_K_public_field_definition: {
    /* A class field `timer = setInterval(…)`: the holder is `this.timer`. */
    ll_nid prop = ll_js_child(js, p, LL_F_property);
    if (prop == LL_NONE) prop = ll_js_child(js, p, LL_F_name);
    for (const rel *r = st->rels; r; r = r->next) {
      ll_nid arg = r->arg;
      if (ll_js_kind(js, arg) == LL_K_member_expression &&
          ll_js_kind(js, ll_js_unwrap(js, ll_js_child(js, arg, LL_F_object))) ==
              LL_K_this &&
          ll_js_same_text(js, ll_js_child(js, arg, LL_F_property), prop))
        return;
    }
    report_leak(ctx, a, sev, prop, "interval handle 'this.%s' is never cleared",
                ll_js_text(js, prop));
    return;
  }
  case LL_K_arguments: {
    /* `handles.push(setInterval(…))`: the collection must be cleared over.
     * Handed to any other function, the handle is that function's. */
    ll_nid callee = ll_js_unwrap(js, ll_js_child(js, js->nodes[p].parent,
                                                  LL_F_function));
    if (ll_js_kind(js, callee) != LL_K_member_expression) return;
    ll_nid method = ll_js_child(js, callee, LL_F_property);
    if (!ll_js_text_is(js, method, "push") && !ll_js_text_is(js, method, "add") &&
        !ll_js_text_is(js, method, "unshift") && !ll_js_text_is(js, method, "set"))
      return;
    ll_nid coll = ll_js_unwrap(js, ll_js_child(js, callee, LL_F_object));
    if (!elements_released(js, st, coll))
      report_leak(ctx, a, sev, coll,
                  "interval handles collected in '%s' are never cleared",
                  ll_js_text(js, coll));
    return;
  }
  case LL_K_array:
    if (!st->rels && !st->bulk_release)
      report_leak(ctx, a, sev, LL_NONE,
                  "interval handle is put in an array but no interval is "
                  "ever cleared in this file%s",
                  "");
    return;
  case LL_K_pair: {
    ll_nid key = ll_js_child(js, p, LL_F_key);
    for (const rel *r = st->rels; r; r = r->next)
      if (ll_js_kind(js, r->arg) == LL_K_member_expression &&
          ll_js_same_text(js, ll_js_child(js, r->arg, LL_F_property), key))
        return;
    if (!st->bulk_release)
      report_leak(ctx, a, sev, key,
                  "interval handle stored as '%s' is never cleared",
                  ll_js_text(js, key));
    return;
  }
  default:
    return; /* returned, or an expression we cannot follow: no claim */
  }
}

static void on_end(ll_rule_ctx *ctx) {
  const state *st = ctx->state;
  for (const acq *a = st->acqs; a; a = a->next) check(ctx, a);
}

void ll_rule_no_uncleared_interval_register(ll_rule_reg *reg) {
  ll_rule_state(reg, sizeof(state));
  ll_rule_on(reg, LL_K_call_expression, on_call);
  ll_rule_on(reg, LL_K_identifier, on_identifier);
  ll_rule_on_end(reg, on_end);
}
