/* The evaluator: a tree-walking interpreter over the compiled node view.
 *
 * Expressions return a value or EXC (the exception is in `S->exc`);
 * statements return a completion (NORMAL, RETURN with the value in
 * `frame->ret`, BREAK/CONTINUE with an optional label in the frame, THROW).
 * Every function call pushes an `llrt_frame` on `S->frame`, every scope
 * with bindings an environment record on `frame->env` (interp.h explains
 * how references find their slot).
 *
 * Invariant: a value held in a C local across anything that can allocate
 * (nearly everything) is on the value stack `S->stack`; `PUSH`/`POPN`
 * bracket those regions, and the gc-stress tests catch violations.
 *
 * Must never: let a budget, out-of-memory or unsupported condition be caught
 * by JavaScript `catch` (`S->fatal` bypasses handlers). */
#include <alloca.h>
#include <stdio.h>
#include <stdlib.h>

#include "phantom.h"
#include "proxy.h"
#include "vm.h"

static llrt_value make_function(llrt_state *S, ll_nid n, llrt_value home);
static __attribute__((noinline)) llrt_value eval_class(llrt_state *S, ll_nid n);


/* The value stack never moves: frames keep `args` pointers into it, so it
 * is allocated once at its full size (the kernel commits pages lazily). */
#define LLRT_STACK_SLOTS ((size_t)1 << 20)

bool llrt__push_slow(llrt_state *S, llrt_value v) {
  if (S->sp == S->stackcap) {
    if (!S->stack) {
      S->stack = malloc(LLRT_STACK_SLOTS * sizeof *S->stack);
      if (S->stack) S->stackcap = LLRT_STACK_SLOTS;
    }
    if (S->sp == S->stackcap) {
      S->oom = true; /* reported as out of memory (runtime/README, "Not yet") */
      return false;
    }
  }
  S->stack[S->sp++] = v;
  return true;
}



/* ==== Errors and budgets ==== */



llrt_value llrt__unsupported(llrt_state *S, const char *what) {
  llrt_frame *f = S->frame;
  if (!S->unsupported) {
    S->unsupported = 1;
    if (f && f->script)
      snprintf(S->unsupported_msg, sizeof S->unsupported_msg,
               "unsupported: %s at %s:%u", what, f->script->path,
               f->script->js.nodes[f->node].row + 1);
    else
      snprintf(S->unsupported_msg, sizeof S->unsupported_msg,
               "unsupported: %s", what);
  }
  return fatal(S, LLRT_UNSUPPORTED);
}

/* The budget and interrupt checks, when the step count reaches
 * `S->step_check` (the next multiple of 16384 or the step past the
 * budget, whichever comes first; 0 means "recompute"). */
static __attribute__((noinline)) bool step_slow(llrt_state *S) {
  if (S->cfg.max_steps && S->steps > S->cfg.max_steps) {
    fatal(S, LLRT_BUDGET);
    return false;
  }
  if (S->cfg.interrupt && !(S->steps & 0x3FFF) && S->cfg.interrupt(S->cfg.host)) {
    S->interrupted = true;
    fatal(S, LLRT_BUDGET);
    return false;
  }
  if (S->oom) {
    nomem(S);
    return false;
  }
  uint64_t next = (S->steps | 0x3FFF) + 1;
  if (S->cfg.max_steps && S->cfg.max_steps + 1 < next) next = S->cfg.max_steps + 1;
  S->step_check = next;
  return true;
}

static inline bool step(llrt_state *S) {
  if (__builtin_expect(++S->steps < S->step_check && !S->oom, 1)) return true;
  return step_slow(S);
}

/* ==== Environments ==== */

static llrt_env *env_new(llrt_state *S, const llrt_script *sc, uint32_t scope,
                         llrt_env *parent) {
  uint32_t n = sc->nslots[scope];
  /* The parent stays reachable across the allocation: a heap record from
   * the value stack, a frame env (never a value) from its frame. */
  bool frame_env = !parent || (parent->h.flags & LLRT_GCF_FRAME_ENV);
  if (!llrt__push(S, frame_env ? LLRT_UNDEF : llrt_ptr(parent))) return NULL;
  llrt_env *e = llrt__alloc(S, LLRT_T_ENV, sizeof(llrt_env) + n * sizeof(llrt_value));
  llrt__popn(S, 1);
  if (!e) return NULL;
  if (parent && frame_env) e->h.flags |= LLRT_GCF_FRAME_PARENT;
  e->parent = parent;
  e->n = n;
  memcpy(e->slots, sc->init[scope], n * sizeof(llrt_value));
  return e;
}

static llrt_env *env_at(llrt_state *S, uint32_t hops) {
  llrt_env *e = S->frame->env;
  while (hops--) e = e->parent;
  return e;
}

/* Instantiates the function declarations directly inside `body` (callers
 * skip lists without OP_HOISTS: compile_fn.c). */
static bool hoist_functions(llrt_state *S, ll_nid body) {
  llrt_script *sc = SC;
  for (ll_nid c = FIRST(body); c != LL_NONE; c = NEXT(c)) {
    ll_nid d = c;
    if (KIND(c) == LL_K_export_statement) d = CHILD(c, declaration);
    if (d == LL_NONE) continue;
    ll_kind k = KIND(d);
    if (k != LL_K_function_declaration &&
        k != LL_K_generator_function_declaration)
      continue;
    ll_nid name = CHILD(d, name);
    if (name == LL_NONE || sc->ref[name] == REF_ARGUMENTS) continue;
    llrt_value f = make_function(S, d, LLRT_UNDEF);
    if (f == LLRT_EXC) return false;
    if (sc->ref[name] == REF_GLOBAL) { /* a classic script's function */
      if (!llrt__push(S, f)) return false;
      llrt_value r = llrt__set(S, S->global, K(name), f);
      llrt__popn(S, 1);
      if (r == LLRT_EXC) return false;
      continue;
    }
    llrt_env *e = env_at(S, sc->ref[name] >> 16);
    e->slots[sc->ref[name] & 0xFFFF] = f;
    llrt_barrier(S, e, f);
  }
  return true;
}

/* Enters the scope `n` opens (if it has bindings). Returns the previous
 * environment for `leave`, or NULL with an exception pending. */
static bool enter(llrt_state *S, ll_nid n, llrt_env **saved) {
  llrt_script *sc = SC;
  *saved = S->frame->env;
  uint32_t s = NODE(n)->scope;
  if (sc->js.scopes[s].node == n && sc->nslots[s]) {
    llrt_env *e = env_new(S, sc, s, S->frame->env);
    if (!e) return false;
    S->frame->env = e;
  }
  return true;
}

/* ==== Identifiers ==== */

static llrt_value get_arguments(llrt_state *S) {
  llrt_frame *f = S->frame;
  while (f && f->fn != LLRT_UNDEF && llrt_tt(f->fn) == LLRT_T_CLOSURE &&
         ((llrt_closure *)LLRT_PTR(f->fn))->kind == LLRT_FN_ARROW)
    f = f->parent; /* arrows see the enclosing function's arguments */
  if (!f) return LLRT_UNDEF;
  if (f->arguments != LLRT_UNDEF) return f->arguments;
  llrt_obj *a = llrt__obj_new(S, LLRT_T_ARGUMENTS, sizeof(llrt_obj),
                              S->proto_object);
  if (!a) return LLRT_EXC;
  f->arguments = llrt_ptr(a);
  if (!llrt__elems_reserve(S, a, (uint32_t)f->argc)) return LLRT_EXC;
  for (int i = 0; i < f->argc; i++) a->elems[i] = f->args[i];
  a->len = (uint32_t)f->argc;
  if (!llrt__define(S, a, S->atoms.length, llrt_num(f->argc),
                    LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    return LLRT_EXC;
  return f->arguments;
}

llrt_value llrt__vm_read_ident(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  uint32_t r = sc->ref[n];
  if (r == REF_GLOBAL) {
    llrt_obj *g = LLRT_OBJ(S->global);
    llrt_prop *p = llrt__find_own(g, K(n));
    if (p && !(p->flags & LLRT_P_ACCESSOR)) return p->val;
    if (!p && !llrt__has(S, S->global, K(n))) {
      if (text_is(sc, n, "undefined")) return LLRT_UNDEF;
      if (llrt__phantom_for_ident(S, sc, n)) return llrt__phantom_global(S, K(n));
      return llrt__throw(S, 3, "%s is not defined", LLRT_STR(K(n))->data);
    }
    return llrt__get(S, S->global, K(n));
  }
  if (r == REF_ARGUMENTS) return get_arguments(S);
  llrt_value v = env_at(S, r >> 16)->slots[r & 0xFFFF];
  if (v == LLRT_HOLE)
    return llrt__throw(S, 3, "Cannot access '%s' before initialization",
                       LLRT_STR(K(n))->data);
  return v;
}

/* Assigns to an identifier; `init` for declarations (ends the TDZ). */
llrt_value llrt__vm_write_ident(llrt_state *S, ll_nid n, llrt_value v,
                              bool init) {
  llrt_script *sc = SC;
  uint32_t r = sc->ref[n];
  if (!LLRT_IS_STR(K(n))) return llrt__unsupported(S, "assignment target");
  if (r == REF_GLOBAL || r == REF_ARGUMENTS) {
    if (ll_js_is_strict(&sc->js, n) && !llrt__has(S, S->global, K(n)))
      return llrt__throw(S, 3, "%s is not defined", LLRT_STR(K(n))->data);
    return llrt__set(S, S->global, K(n), v);
  }
  llrt_env *e = env_at(S, r >> 16);
  uint32_t slot = r & 0xFFFF;
  if (!init) {
    if (e->slots[slot] == LLRT_HOLE)
      return llrt__throw(S, 3, "Cannot access '%s' before initialization",
                         LLRT_STR(K(n))->data);
    uint32_t b = sc->js.ref[n];
    if (b != LL_UNRESOLVED && sc->js.bindings[b].kind == LL_BIND_CONST)
      return llrt__throw(S, 1, "Assignment to constant variable.");
  }
  e->slots[slot] = v;
  llrt_barrier(S, e, v);
  return v;
}

/* ==== Functions ==== */

static llrt_value make_function(llrt_state *S, ll_nid n, llrt_value home) {
  llrt_script *sc = SC;
  llrt_frame *f = S->frame;
  uint32_t saved = S->cur_site;
  S->cur_site = sc->site_base + n;
  if (!llrt__push(S, home)) return nomem(S);
  llrt_closure *c = (llrt_closure *)llrt__obj_new(
      S, LLRT_T_CLOSURE, sizeof(llrt_closure), S->proto_function);
  llrt__popn(S, 1);
  S->cur_site = saved;
  if (!c) return nomem(S);
  c->script = sc;
  c->node = n;
  c->info = &sc->fninfo[sc->aux[n]]; /* every closure node has one */
  c->env = f->env;
  c->home = home;
  c->this_val = LLRT_UNDEF;
  c->new_target = LLRT_UNDEF;
  c->fields = LLRT_UNDEF;
  if (__builtin_expect(S->nwatch_fn != 0, 0) && sc == S->watch_sc)
    for (uint32_t i = 0; i < S->nwatch_fn; i++)
      if (S->watch_fn[i] == n) S->watch_closure[i] = llrt_ptr(c); /* a root */
  if (__builtin_expect(n == S->watch_partner, 0) && sc == S->watch_sc)
    S->partner_closure = llrt_ptr(c);
  ll_kind k = KIND(n);
  if (k == LL_K_arrow_function) {
    c->kind = LLRT_FN_ARROW;
    c->this_val = f->this_val;
    c->new_target = f->new_target;
    c->home = f->home;
  } else if (k == LL_K_method_definition) {
    c->kind = LLRT_FN_METHOD;
  } else {
    c->kind = LLRT_FN_NORMAL;
  }
  return llrt_ptr(c);
}

llrt_value llrt__closure_prototype(llrt_state *S, llrt_closure *c) {
  if (c->info->flags & M_GEN) { /* generator objects inherit from it */
    llrt_value cv = llrt_ptr(c);
    if (!llrt__push(S, cv)) return LLRT_EXC;
    llrt_obj *po = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj),
                                 (c->info->flags & M_ASYNC) ? S->proto_async_generator
                                                            : S->proto_generator);
    llrt_value p = po ? llrt_ptr(po) : LLRT_EXC;
    bool ok = p != LLRT_EXC && llrt__push(S, p) &&
              llrt__define(S, &c->o, S->atoms.prototype, p, LLRT_P_WRITABLE);
    S->sp -= p != LLRT_EXC ? 2 : 1;
    return ok ? p : LLRT_EXC;
  }
  if (c->kind != LLRT_FN_NORMAL && c->kind != LLRT_FN_BASE_CTOR &&
      c->kind != LLRT_FN_DERIVED_CTOR)
    return LLRT_UNDEF;
  llrt_value cv = llrt_ptr(c);
  if (!llrt__push(S, cv)) return LLRT_EXC;
  llrt_value p = llrt__new_object(S);
  if (p == LLRT_EXC || !llrt__push(S, p)) {
    llrt__popn(S, 1);
    return LLRT_EXC;
  }
  bool ok = llrt__define(S, LLRT_OBJ(p), S->atoms.constructor, cv,
                         LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE) &&
            llrt__define(S, &c->o, S->atoms.prototype, p, LLRT_P_WRITABLE);
  llrt__popn(S, 2);
  return ok ? p : LLRT_EXC;
}

llrt_value llrt__closure_lazy(llrt_state *S, llrt_closure *c, llrt_value key) {
  const llrt_script *sc = c->script;
  if (key == S->atoms.prototype) return llrt__closure_prototype(S, c);
  if (key == S->atoms.name) {
    ll_nid name = ll_js_child(&sc->js, c->node, LL_F_name);
    if (name != LL_NONE && LLRT_IS_STR(sc->k[name])) return sc->k[name];
    /* An anonymous function takes the name it is bound to. */
    const ll_node *n = &sc->js.nodes[c->node];
    ll_nid p = n->parent;
    if (p != LL_NONE) {
      ll_kind pk = (ll_kind)sc->js.nodes[p].kind;
      ll_nid nm = LL_NONE;
      if (pk == LL_K_variable_declarator && n->field == LL_F_value)
        nm = ll_js_child(&sc->js, p, LL_F_name);
      else if ((pk == LL_K_assignment_expression) && n->field == LL_F_right)
        nm = ll_js_child(&sc->js, p, LL_F_left);
      else if (pk == LL_K_pair && n->field == LL_F_value)
        nm = ll_js_child(&sc->js, p, LL_F_key);
      else if ((pk == LL_K_field_definition || pk == LL_K_public_field_definition) && n->field == LL_F_value)
        nm = ll_js_child(&sc->js, p, LL_F_property);
      if (nm != LL_NONE && LLRT_IS_STR(sc->k[nm])) return sc->k[nm];
    }
    return S->atoms.empty;
  }
  if (key == S->atoms.length) {
    ll_nid ps = ll_js_child(&sc->js, c->node, LL_F_parameters);
    if (ps == LL_NONE) return llrt_num(ll_js_child(&sc->js, c->node, LL_F_parameter) != LL_NONE);
    int count = 0;
    for (ll_nid p = sc->js.nodes[ps].first; p != LL_NONE; p = sc->js.nodes[p].next) {
      ll_kind k = (ll_kind)sc->js.nodes[p].kind;
      if (k == LL_K_comment || k == LL_K_token) continue;
      if (k == LL_K_assignment_pattern || k == LL_K_rest_pattern) break;
      count++;
    }
    return llrt_num(count);
  }
  return LLRT_HOLE;
}

static llrt_value run_fields(llrt_state *S, llrt_closure *ctor,
                             llrt_value obj);
static llrt_value run_body(llrt_state *S, llrt_closure *c);

/* Runs a generator's or async function's body inside its coroutine, in a
 * frame like `call_closure`'s, recorded as the coroutine's base frame. */
llrt_value llrt__gen_run_body(llrt_state *S, llrt_gen *g) {
  llrt_closure *c = (llrt_closure *)LLRT_PTR(g->fn);
  llrt_value this_val = c->kind == LLRT_FN_ARROW ? c->this_val : g->this_val;
  llrt_frame f = {.parent = S->frame, .fn = g->fn, .this_val = this_val,
                  .new_target = LLRT_UNDEF, .args = g->args, .argc = g->argc,
                  .arguments = LLRT_UNDEF, .env = c->env, .script = c->script,
                  .node = c->node, .ret = LLRT_UNDEF, .home = c->home};
  S->frame = &f;
  g->base = &f;
  llrt_value r = run_body(S, c);
  S->frame = f.parent; /* the current resumer's frame (re-pointed each resume) */
  return r;
}

/* Binds parameters and runs the body of closure `c`; the frame is set up. */
static llrt_value call_body(llrt_state *S, llrt_closure *c) {
  llrt_frame *f = S->frame;
  uint8_t flags = c->info->flags;
  if ((flags & M_GEN) && (flags & M_ASYNC))
    return llrt__agen_new(S, c, f->this_val, f->argc, f->args);
  if (flags & M_GEN)
    return llrt__gen_new(S, c, f->this_val, f->argc, f->args, false);
  if (flags & M_ASYNC)
    return llrt__async_start(S, c, f->this_val, f->argc, f->args);
  return run_body(S, c);
}

/* The body proper: parameters, hoisting, statements. */
static llrt_value run_body(llrt_state *S, llrt_closure *c) {
  llrt_script *sc = c->script;
  const llrt_fninfo *fi = c->info;
  llrt_frame *f = S->frame;
  if (fi->flags & OP_FRAME_ENV) {
    /* Nothing can capture this record (compile_fn.c): it lives on the C
     * stack for the call and its frame traces it (gc.h). */
    uint32_t n = fi->nslots;
    llrt_env *e = alloca(sizeof(llrt_env) + n * sizeof(llrt_value));
    memset(&e->h, 0, sizeof e->h);
    e->h.tt = LLRT_T_ENV;
    e->h.flags = LLRT_GCF_FRAME_ENV;
    e->parent = c->env;
    e->n = n;
    memcpy(e->slots, fi->init, n * sizeof(llrt_value));
    f->env = e;
  } else if (fi->nslots) {
    llrt_env *e = env_new(S, sc, fi->scope, c->env);
    if (!e) return nomem(S);
    f->env = e;
  }
  /* A named function expression sees itself by name. */
  if (fi->self_name != LL_NONE) llrt__vm_write_ident(S, fi->self_name, f->fn, true);
  ll_nid params = fi->params;
  if (fi->pslots) {
    /* Plain identifiers: one store each into the new (young) record. */
    const uint32_t *slots = fi->pslots;
    llrt_value *env = f->env->slots;
    int np = (int)slots[0];
    for (int i = 0; i < np; i++)
      env[slots[i + 1]] = i < f->argc ? f->args[i] : LLRT_UNDEF;
  } else if (params == LL_NONE) {
    ll_nid p = fi->param;
    if (p != LL_NONE)
      TRY(llrt__vm_bind_pattern(S, p, f->argc > 0 ? f->args[0] : LLRT_UNDEF, true));
  } else {
    int i = 0;
    for (ll_nid p = FIRST(params); p != LL_NONE; p = NEXT(p)) {
      if (is_skippable(sc, p)) continue;
      ll_nid pat = p;
      if (KIND(p) == LL_K_required_parameter || KIND(p) == LL_K_optional_parameter) {
        pat = CHILD(p, pattern);
        ll_nid def = CHILD(p, value);
        llrt_value v = i < f->argc ? f->args[i] : LLRT_UNDEF;
        if (v == LLRT_UNDEF && def != LL_NONE) {
          v = llrt__vm_eval(S, def);
          TRY(v);
        }
        if (!llrt__push(S, v)) return nomem(S);
        llrt_value r = llrt__vm_bind_pattern(S, pat, v, true);
        /* TypeScript parameter properties: `constructor(private r)`. */
        if (r != LLRT_EXC && KIND(pat) == LL_K_identifier &&
            (text_starts(sc, p, "private") || text_starts(sc, p, "public") ||
             text_starts(sc, p, "protected") || text_starts(sc, p, "readonly")) &&
            LLRT_IS_OBJ(f->this_val))
          r = llrt__set(S, f->this_val, K(pat), v);
        llrt__popn(S, 1);
        TRY(r);
        i++;
        continue;
      }
      if (KIND(p) == LL_K_rest_pattern) {
        llrt_value arr = llrt__new_array(S, 0);
        TRY(arr);
        if (!llrt__push(S, arr)) return nomem(S);
        for (int j = i; j < f->argc; j++)
          if (!llrt__array_push(S, LLRT_OBJ(arr), f->args[j])) return nomem(S);
        llrt_value r = llrt__vm_bind_pattern(S, FIRST(p), arr, true);
        llrt__popn(S, 1);
        TRY(r);
        break;
      }
      TRY(llrt__vm_bind_pattern(S, pat, i < f->argc ? f->args[i] : LLRT_UNDEF, true));
      i++;
    }
  }
  if (c->kind == LLRT_FN_BASE_CTOR && f->new_target != LLRT_UNDEF)
    TRY(run_fields(S, c, f->this_val));
  ll_nid body = fi->body;
  if (body == LL_NONE) return LLRT_UNDEF;
  if (KIND(body) == LL_K_class_body) { /* an implicit constructor */
    if (c->kind != LLRT_FN_DERIVED_CTOR) return LLRT_UNDEF;
    llrt_obj *parent = c->o.proto;
    llrt_value r = llrt__construct(S, parent ? llrt_ptr(parent) : LLRT_NULL,
                                   f->argc, f->args, f->new_target);
    TRY(r);
    f->this_val = r;
    return run_fields(S, c, r);
  }
  bool program = KIND(body) == LL_K_program; /* top-level await (run_script) */
  if (KIND(body) != LL_K_statement_block && !program) return llrt__vm_eval(S, body);
  if (!program && (sc->op[body] & OP_HOISTS) && !hoist_functions(S, body))
    return LLRT_EXC;
  for (ll_nid s = NAMED0(body); s != LL_NONE; s = NEXT(s)) { /* past `{` */
    if (is_skippable(sc, s)) continue;
    int r = llrt__vm_exec(S, s);
    if (r == C_THROW) return LLRT_EXC;
    if (r == C_RETURN) return f->ret;
  }
  return LLRT_UNDEF;
}

static llrt_value call_closure(llrt_state *S, llrt_closure *c,
                               llrt_value this_val, int argc,
                               llrt_value *argv, llrt_value new_target) {
  unsigned max = S->cfg.max_depth ? S->cfg.max_depth : 400;
  if (S->depth >= max)
    return llrt__throw(S, 2, "Maximum call stack size exceeded");
  if (c->kind == LLRT_FN_ARROW) {
    this_val = c->this_val;
    new_target = c->new_target;
  } else if (!(c->info->flags & OP_FN_STRICT) && new_target == LLRT_UNDEF &&
             this_val != LLRT_HOLE && !LLRT_IS_OBJ(this_val)) {
    /* Sloppy mode: no `this` is the global object, a primitive is boxed. */
    if (LLRT_IS_NULLISH(this_val)) {
      this_val = S->global;
    } else {
      if (!llrt__push(S, llrt_ptr(c))) return nomem(S);
      this_val = llrt__to_object(S, this_val);
      llrt__popn(S, 1);
      TRY(this_val);
    }
  }
  llrt_frame f = {.parent = S->frame, .fn = llrt_ptr(c), .this_val = this_val,
                  .new_target = new_target, .args = argv, .argc = argc,
                  .arguments = LLRT_UNDEF, .env = c->env, .script = c->script,
                  .node = c->node, .ret = LLRT_UNDEF, .home = c->home};
  S->frame = &f;
  S->depth++;
  llrt_value r = call_body(S, c);
  S->depth--;
  S->frame = f.parent;
  if (r != LLRT_EXC && new_target != LLRT_UNDEF) {
    if (LLRT_IS_OBJ(r)) return r;
    if (f.this_val == LLRT_HOLE)
      return llrt__throw(S, 3, "Must call super constructor in derived class "
                               "before accessing 'this' or returning");
    return f.this_val;
  }
  return r;
}

llrt_value llrt__call(llrt_state *S, llrt_value fn, llrt_value this_val,
                      int argc, llrt_value *argv) {
  if (!step(S)) return LLRT_EXC;
  switch (llrt_tt(fn)) {
  case LLRT_T_CLOSURE: {
    llrt_closure *c = (llrt_closure *)LLRT_PTR(fn);
    if (c->kind == LLRT_FN_BASE_CTOR || c->kind == LLRT_FN_DERIVED_CTOR)
      return llrt__throw(S, 1, "Class constructor cannot be invoked without 'new'");
    return call_closure(S, c, this_val, argc, argv, LLRT_UNDEF);
  }
  case LLRT_T_NATIVE: {
    llrt_native *nf = (llrt_native *)LLRT_PTR(fn);
    unsigned max = S->cfg.max_depth ? S->cfg.max_depth : 400;
    if (S->depth >= max)
      return llrt__throw(S, 2, "Maximum call stack size exceeded");
    S->depth++;
    llrt_value r = nf->fn(S, this_val, argc, argv, nf->magic, nf->data);
    S->depth--;
    return r;
  }
  case LLRT_T_BOUND: {
    llrt_bound *b = (llrt_bound *)LLRT_PTR(fn);
    size_t base = S->sp;
    for (uint32_t i = 0; i < b->nargs; i++)
      if (!llrt__push(S, b->args[i])) return nomem(S);
    for (int i = 0; i < argc; i++)
      if (!llrt__push(S, argv[i])) return nomem(S);
    llrt_value r = llrt__call(S, b->target, b->this_val,
                              (int)(S->sp - base), &S->stack[base]);
    S->sp = base;
    return r;
  }
  case LLRT_T_PROXY: /* Proxy hook: apply trap */
    return llrt__proxy_call(S, fn, this_val, argc, argv);
  default: {
    char buf[64];
    llrt__describe(S, fn, buf, sizeof buf);
    return llrt__throw(S, 1, "%s is not a function", buf);
  }
  }
}

llrt_value llrt__construct(llrt_state *S, llrt_value fn, int argc,
                           llrt_value *argv, llrt_value new_target) {
  if (!step(S)) return LLRT_EXC;
  switch (llrt_tt(fn)) {
  case LLRT_T_CLOSURE: {
    llrt_closure *c = (llrt_closure *)LLRT_PTR(fn);
    if (c->kind == LLRT_FN_ARROW || c->kind == LLRT_FN_METHOD)
      return llrt__throw(S, 1, "function is not a constructor");
    if (c->kind == LLRT_FN_DERIVED_CTOR)
      return call_closure(S, c, LLRT_HOLE, argc, argv, new_target);
    llrt_value proto = llrt__get(S, new_target, S->atoms.prototype);
    TRY(proto);
    llrt_obj *o = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj),
                                LLRT_IS_OBJ(proto) ? proto : S->proto_object);
    if (!o) return nomem(S);
    llrt_value ov = llrt_ptr(o);
    if (!llrt__push(S, ov)) return nomem(S);
    llrt_value r = call_closure(S, c, ov, argc, argv, new_target);
    llrt__popn(S, 1);
    return r;
  }
  case LLRT_T_NATIVE: {
    llrt_native *nf = (llrt_native *)LLRT_PTR(fn);
    if (!nf->ctor) return llrt__throw(S, 1, "not a constructor");
    llrt_value saved = S->native_nt;
    S->native_nt = new_target;
    llrt_value r = nf->fn(S, LLRT_HOLE, argc, argv, nf->magic, nf->data);
    S->native_nt = saved;
    return r;
  }
  case LLRT_T_BOUND: {
    llrt_bound *b = (llrt_bound *)LLRT_PTR(fn);
    size_t base = S->sp;
    for (uint32_t i = 0; i < b->nargs; i++)
      if (!llrt__push(S, b->args[i])) return nomem(S);
    for (int i = 0; i < argc; i++)
      if (!llrt__push(S, argv[i])) return nomem(S);
    llrt_value nt = new_target == fn ? b->target : new_target;
    llrt_value r = llrt__construct(S, b->target, (int)(S->sp - base),
                                   &S->stack[base], nt);
    S->sp = base;
    return r;
  }
  case LLRT_T_PROXY: /* Proxy hook: construct trap */
    return llrt__proxy_construct(S, fn, argc, argv, new_target);
  default: {
    char buf[64];
    llrt__describe(S, fn, buf, sizeof buf);
    return llrt__throw(S, 1, "%s is not a constructor", buf);
  }
  }
}

/* ==== Expressions ==== */

static llrt_value eval_binary(llrt_state *S, ll_nid n);
static llrt_value eval_call(llrt_state *S, ll_nid n);

/* Evaluates `n`, reading leaves — a local binding past its TDZ, a number
 * or string literal — and starting binary expressions and calls without a
 * trip through the dispatch. A watched node (watch.c counts its hits)
 * always takes the full path. */
static inline llrt_value eval_operand(llrt_state *S, const llrt_script *sc,
                                      ll_nid n) {
  if (__builtin_expect(n != S->watch_site, 1)) {
    uint8_t k = sc->kind8[n];
    if (k == LL_K_identifier) {
      uint32_t r = sc->ref[n];
      if (r < REF_ARGUMENTS) {
        llrt_env *e = S->frame->env;
        for (uint32_t h = r >> 16; h; h--) e = e->parent;
        llrt_value v = e->slots[r & 0xFFFF];
        if (v != LLRT_HOLE) return v;
      }
    } else if (k == LL_K_number || k == LL_K_string) {
      return sc->k[n];
    } else if (k == LL_K_binary_expression) {
      return eval_binary(S, n);
    } else if (k == LL_K_call_expression) { /* eval_chain's call case */
      llrt_value r = eval_call(S, n);
      return r == LLRT_HOLE && (sc->op[n] & OP_CHAIN_TOP) ? LLRT_UNDEF : r;
    }
  }
  return llrt__vm_eval(S, n);
}

static llrt_value eval_args(llrt_state *S, ll_nid args, int *argc) {
  llrt_script *sc = SC;
  size_t base = S->sp;
  if (args == LL_NONE) {
    *argc = 0;
    return LLRT_UNDEF;
  }
  if (KIND(args) == LL_K_template_string) /* tagged template */
    return llrt__vm_template_args(S, args, argc);
  for (ll_nid a = FIRST(args); a != LL_NONE; a = NEXT(a)) {
    if (is_skippable(sc, a)) continue;
    if (KIND(a) == LL_K_spread_element) {
      llrt_value v = llrt__vm_eval(S, FIRST(a));
      if (v == LLRT_EXC) return v;
      llrt_value arr = llrt__vm_iterate_to_array(S, v);
      if (arr == LLRT_EXC) return arr;
      llrt_obj *o = LLRT_OBJ(arr);
      if (!llrt__push(S, arr)) return nomem(S);
      S->sp--; /* keep it reachable only while copying below */
      for (uint32_t i = 0; i < o->len; i++)
        if (!llrt__push(S, o->elems[i])) return nomem(S);
      continue;
    }
    llrt_value v = eval_operand(S, sc, a);
    if (v == LLRT_EXC) return v;
    if (!llrt__push(S, v)) return nomem(S);
  }
  *argc = (int)(S->sp - base);
  return LLRT_UNDEF;
}

static __attribute__((noinline)) llrt_value eval_template(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  size_t base = S->sp;
  llrt_value acc = S->atoms.empty;
  if (!llrt__push(S, acc)) return nomem(S);
  uint32_t pos = NODE(n)->start + 1, end = NODE(n)->end - 1;
  ll_nid c = FIRST(n);
  for (;;) {
    while (c != LL_NONE && KIND(c) != LL_K_template_substitution) c = NEXT(c);
    uint32_t stop = c == LL_NONE ? end : NODE(c)->start;
    if (stop > pos) {
      char *buf = malloc(stop - pos + 1);
      if (!buf) return nomem(S);
      size_t l = llrt__unescape(sc->src + pos, stop - pos, buf);
      llrt_value s = llrt__str_new(S, buf, l);
      free(buf);
      if (s == LLRT_EXC) goto fail;
      acc = llrt__str_concat(S, S->stack[base], s);
      if (acc == LLRT_EXC) goto fail;
      S->stack[base] = acc;
    }
    if (c == LL_NONE) break;
    llrt_value v = llrt__vm_eval(S, NAMED0(c));
    if (v == LLRT_EXC) goto fail;
    if (!LLRT_IS_STR(v)) {
      if (LLRT_IS_SYM(v)) {
        llrt__throw(S, 1, "Cannot convert a Symbol value to a string");
        goto fail;
      }
      v = llrt__to_string(S, v);
      if (v == LLRT_EXC) goto fail;
    }
    acc = llrt__str_concat(S, S->stack[base], v);
    if (acc == LLRT_EXC) goto fail;
    S->stack[base] = acc;
    pos = NODE(c)->end;
    c = NEXT(c);
  }
  S->sp = base;
  return acc;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* Evaluates the key of a pair/method/field: a name, string, number or
 * computed key. */
static llrt_value prop_key(llrt_state *S, ll_nid key) {
  llrt_script *sc = SC;
  if (key == LL_NONE) return llrt__unsupported(S, "property key");
  switch (KIND(key)) {
  case LL_K_computed_property_name: {
    llrt_value v = llrt__vm_eval(S, NAMED0(key));
    TRY(v);
    llrt_value k;
    uint32_t idx;
    int r = llrt__to_key(S, v, &k, &idx);
    if (r < 0) return LLRT_EXC;
    if (r == 1) {
      char buf[16];
      snprintf(buf, sizeof buf, "%u", idx);
      return llrt__intern(S, buf, strlen(buf));
    }
    return k;
  }
  case LL_K_number: {
    llrt_value s = llrt__to_string(S, K(key));
    TRY(s);
    return llrt__intern_value(S, s);
  }
  default:
    return K(key);
  }
}

static __attribute__((noinline)) llrt_value eval_object(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  S->cur_site = sc->site_base + n;
  llrt_value ov = llrt__new_object(S);
  TRY(ov);
  size_t base = S->sp;
  if (!llrt__push(S, ov)) return nomem(S);
  for (ll_nid c = FIRST(n); c != LL_NONE; c = NEXT(c)) {
    llrt_obj *o = LLRT_OBJ(ov);
    switch (KIND(c)) {
    case LL_K_pair: {
      llrt_value k = prop_key(S, CHILD(c, key));
      if (k == LLRT_EXC || !llrt__push(S, k)) goto fail;
      llrt_value v = llrt__vm_eval(S, CHILD(c, value));
      if (v == LLRT_EXC) goto fail;
      if (k == S->atoms.__proto__ && KIND(CHILD(c, key)) != LL_K_computed_property_name) {
        if (LLRT_IS_OBJ(v) || v == LLRT_NULL) {
          o->proto = v == LLRT_NULL ? NULL : LLRT_OBJ(v);
          llrt_barrier(S, o, v);
        }
      } else if (!llrt__define(S, o, k, v, LLRT_P_DEFAULT)) {
        goto fail;
      }
      llrt__popn(S, 1);
      break;
    }
    case LL_K_shorthand_property_identifier: {
      llrt_value v = llrt__vm_read_ident(S, c);
      if (v == LLRT_EXC || !llrt__define(S, o, K(c), v, LLRT_P_DEFAULT))
        goto fail;
      break;
    }
    case LL_K_method_definition: {
      llrt_value k = prop_key(S, CHILD(c, name));
      if (k == LLRT_EXC || !llrt__push(S, k)) goto fail;
      llrt_value f = make_function(S, c, ov);
      if (f == LLRT_EXC) goto fail;
      uint8_t fl = sc->op[c];
      bool ok = fl & M_GET ? llrt__define_accessor(S, o, k, f, LLRT_UNDEF, LLRT_P_ENUMERABLE | LLRT_P_CONFIGURABLE)
              : fl & M_SET ? llrt__define_accessor(S, o, k, LLRT_UNDEF, f, LLRT_P_ENUMERABLE | LLRT_P_CONFIGURABLE)
                           : llrt__define(S, o, k, f, LLRT_P_DEFAULT);
      llrt__popn(S, 1);
      if (!ok) goto fail;
      break;
    }
    case LL_K_spread_element: {
      llrt_value v = llrt__vm_eval(S, FIRST(c));
      if (v == LLRT_EXC) goto fail;
      if (llrt_tt(v) == LLRT_T_PROXY) { /* Proxy hook: ownKeys, get traps */
        if (llrt__proxy_spread(S, ov, v) == LLRT_EXC) goto fail;
      } else if (LLRT_IS_OBJ(v)) {
        if (!llrt__push(S, v)) goto fail;
        llrt_obj *src = LLRT_OBJ(v);
        for (uint32_t i = 0; src->elems && i < src->len; i++) {
          if (src->elems[i] == LLRT_HOLE) continue;
          if (llrt__set_index(S, ov, i, src->elems[i]) == LLRT_EXC) goto fail;
          src = LLRT_OBJ(v);
        }
        for (uint32_t i = 0; i < src->nprops; i++) {
          llrt_prop *p = &src->props[i];
          if ((p->flags & LLRT_P_DELETED) || !(p->flags & LLRT_P_ENUMERABLE))
            continue;
          llrt_value pk = p->key;
          llrt_value pv = p->flags & LLRT_P_ACCESSOR ? llrt__get(S, v, pk) : p->val;
          if (pv == LLRT_EXC ||
              !llrt__define(S, LLRT_OBJ(ov), pk, pv, LLRT_P_DEFAULT))
            goto fail;
          src = LLRT_OBJ(v);
        }
        llrt__popn(S, 1);
      } else if (LLRT_IS_STR(v)) {
        llrt_str *s = LLRT_STR(v);
        for (uint32_t i = 0; i < s->ulen; i++) {
          llrt_value ch = llrt__get_index(S, v, i);
          if (ch == LLRT_EXC || llrt__set_index(S, ov, i, ch) == LLRT_EXC)
            goto fail;
        }
      }
      break;
    }
    default:
      break;
    }
  }
  S->sp = base;
  return ov;
fail:
  S->sp = base;
  return LLRT_EXC;
}

static __attribute__((noinline)) llrt_value eval_array(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  S->cur_site = sc->site_base + n;
  llrt_value av = llrt__new_array(S, 0);
  TRY(av);
  size_t base = S->sp;
  if (!llrt__push(S, av)) return nomem(S);
  uint32_t prev_end = NODE(n)->start + 1;
  bool first = true;
  for (ll_nid c = FIRST(n); c != LL_NONE; c = NEXT(c)) {
    if (is_skippable(sc, c)) continue;
    /* Holes: a comma with no element before it. */
    int commas = 0;
    for (uint32_t b = prev_end; b < NODE(c)->start; b++)
      if (sc->src[b] == ',') commas++;
    int holes = first ? commas : commas - 1;
    for (int h = 0; h < holes; h++)
      if (!llrt__array_push(S, LLRT_OBJ(av), LLRT_HOLE)) goto fail;
    first = false;
    prev_end = NODE(c)->end;
    if (KIND(c) == LL_K_spread_element) {
      llrt_value v = llrt__vm_eval(S, FIRST(c));
      if (v == LLRT_EXC) goto fail;
      llrt_value arr = llrt__vm_iterate_to_array(S, v);
      if (arr == LLRT_EXC || !llrt__push(S, arr)) goto fail;
      for (uint32_t i = 0; i < LLRT_OBJ(arr)->len; i++)
        if (!llrt__array_push(S, LLRT_OBJ(av), LLRT_OBJ(arr)->elems[i])) goto fail;
      llrt__popn(S, 1);
      continue;
    }
    llrt_value v = llrt__vm_eval(S, c);
    if (v == LLRT_EXC) goto fail;
    if (!llrt__array_push(S, LLRT_OBJ(av), v)) goto fail;
  }
  S->sp = base;
  return av;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* Evaluates a callee, giving the `this` for the call in `*this_out` (pushed
 * on the stack by the caller). Returns HOLE for a short-circuited chain. */
static __attribute__((noinline)) llrt_value eval_chain(llrt_state *S, ll_nid n);

static llrt_value super_base(llrt_state *S) {
  llrt_value home = S->frame->home;
  if (!LLRT_IS_OBJ(home)) return llrt__throw(S, 4, "'super' keyword unexpected here");
  llrt_obj *p = LLRT_OBJ(home)->proto;
  return p ? llrt_ptr(p) : LLRT_NULL;
}

static llrt_value member_get(llrt_state *S, ll_nid n, llrt_value *this_out) {
  llrt_script *sc = SC;
  ll_nid on = CHILD(n, object);
  llrt_value obj;
  bool is_super = KIND(on) == LL_K_super;
  if (is_super) {
    obj = super_base(S);
    *this_out = S->frame->this_val;
  } else {
    obj = eval_chain(S, on);
    *this_out = obj;
  }
  if (obj == LLRT_EXC || obj == LLRT_HOLE) return obj;
  if (CHILD(n, optional_chain) != LL_NONE && LLRT_IS_NULLISH(obj))
    return LLRT_HOLE;
  if (!llrt__push(S, obj)) return nomem(S);
  llrt_value r;
  if (KIND(n) == LL_K_member_expression) {
    /* Getters on super run with the current `this`. */
    r = is_super ? llrt__get_recv(S, obj, *this_out, K(CHILD(n, property)))
                 : llrt__get(S, obj, K(CHILD(n, property)));
  } else {
    llrt_value key = eval_operand(S, sc, CHILD(n, index));
    r = key == LLRT_EXC ? key : llrt__get_v(S, obj, key);
  }
  llrt__popn(S, 1);
  return r;
}

static llrt_value eval_call(llrt_state *S, ll_nid n);

static __attribute__((noinline)) llrt_value eval_chain(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_value r, t;
  switch (KIND(n)) {
  case LL_K_member_expression:
  case LL_K_subscript_expression:
    r = member_get(S, n, &t);
    break;
  case LL_K_call_expression:
    r = eval_call(S, n);
    break;
  default:
    return eval_operand(S, sc, n);
  }
  if (r == LLRT_HOLE && (sc->op[n] & OP_CHAIN_TOP)) return LLRT_UNDEF;
  return r;
}

static llrt_value run_fields(llrt_state *S, llrt_closure *ctor,
                             llrt_value obj);

static llrt_value eval_super_call(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_frame *f = S->frame;
  while (f && llrt_tt(f->fn) == LLRT_T_CLOSURE &&
         ((llrt_closure *)LLRT_PTR(f->fn))->kind == LLRT_FN_ARROW)
    f = f->parent;
  if (!f || llrt_tt(f->fn) != LLRT_T_CLOSURE)
    return llrt__throw(S, 4, "'super' keyword unexpected here");
  llrt_closure *ctor = (llrt_closure *)LLRT_PTR(f->fn);
  llrt_obj *parent = ctor->o.proto;
  size_t base = S->sp;
  int argc = 0;
  if (eval_args(S, CHILD(n, arguments), &argc) == LLRT_EXC) {
    S->sp = base;
    return LLRT_EXC;
  }
  if (f->this_val != LLRT_HOLE) {
    S->sp = base;
    return llrt__throw(S, 3, "Super constructor may only be called once");
  }
  S->cur_site = sc->site_base + n;
  llrt_value r = llrt__construct(S, parent ? llrt_ptr(parent) : LLRT_NULL,
                                 argc, &S->stack[base], f->new_target);
  S->sp = base;
  TRY(r);
  f->this_val = r;
  if (S->frame != f) S->frame->this_val = r; /* an arrow inside the ctor */
  TRY(run_fields(S, ctor, r));
  return LLRT_UNDEF;
}

static llrt_value eval_call(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid fn = CHILD(n, function);
  if (KIND(fn) == LL_K_super) return eval_super_call(S, n);
  size_t base = S->sp;
  llrt_value callee, this_val = LLRT_UNDEF;
  /* `(a.m)()` and `(a?.m)()` call with `this` = a: parentheses keep the
   * reference, though they end an optional chain. */
  ll_nid target = fn;
  while (KIND(target) == LL_K_parenthesized_expression && NAMED0(target) != LL_NONE)
    target = NAMED0(target);
  if (KIND(target) == LL_K_member_expression || KIND(target) == LL_K_subscript_expression) {
    callee = member_get(S, target, &this_val);
    if (callee == LLRT_HOLE && target != fn) callee = LLRT_UNDEF; /* `(a?.m)` */
  } else if (sc->op[n] & OP_DYNAMIC_IMPORT) {
    return llrt__unsupported(S, "dynamic import()");
  } else {
    callee = eval_chain(S, fn);
  }
  if (callee == LLRT_EXC || callee == LLRT_HOLE) return callee;
  if (CHILD(n, optional_chain) != LL_NONE && LLRT_IS_NULLISH(callee))
    return LLRT_HOLE;
  if (!llrt__push(S, callee) || !llrt__push(S, this_val)) return nomem(S);
  int argc = 0;
  if (eval_args(S, CHILD(n, arguments), &argc) == LLRT_EXC) {
    S->sp = base;
    return LLRT_EXC;
  }
  S->frame->node = n;
  S->cur_site = sc->site_base + n;
  if (llrt_tt(callee) != LLRT_T_CLOSURE && !llrt__is_callable(callee)) {
    S->sp = base;
    char buf[96];
    uint32_t l = llrt__tlen(sc, fn);
    snprintf(buf, sizeof buf, "%.*s", (int)(l > 60 ? 60 : l), llrt__text(sc, fn));
    return llrt__throw(S, 1, "%s is not a function", buf);
  }
  llrt_value r;
  llrt_closure *c = (llrt_closure *)LLRT_PTR(callee);
  if (llrt_tt(callee) == LLRT_T_CLOSURE && c->kind != LLRT_FN_BASE_CTOR &&
      c->kind != LLRT_FN_DERIVED_CTOR)
    r = step(S) ? call_closure(S, c, this_val, argc, &S->stack[base + 2], LLRT_UNDEF)
                : LLRT_EXC; /* llrt__call's closure case, inline */
  else
    r = llrt__call(S, callee, this_val, argc, &S->stack[base + 2]);
  S->sp = base;
  return r;
}

static __attribute__((noinline)) llrt_value eval_new(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  size_t base = S->sp;
  llrt_value ctor = llrt__vm_eval(S, CHILD(n, constructor));
  TRY(ctor);
  if (!llrt__push(S, ctor)) return nomem(S);
  int argc = 0;
  if (eval_args(S, CHILD(n, arguments), &argc) == LLRT_EXC) {
    S->sp = base;
    return LLRT_EXC;
  }
  S->frame->node = n;
  S->cur_site = sc->site_base + n;
  llrt_value r = llrt__construct(S, ctor, argc, &S->stack[base + 1], ctor);
  S->sp = base;
  return r;
}

/* How Node names the object in those messages: `#<Ctor>` (the name of the
 * nearest `constructor` data property), `[object Array]`, or for a
 * primitive `string 'abc'`. Reads no getter. */
static void refused_target(llrt_state *S, llrt_value obj, char *buf, size_t cap) {
  if (!LLRT_IS_OBJ(obj)) {
    llrt_value t = llrt__typeof(S, obj);
    const char *ts = LLRT_IS_STR(t) ? LLRT_STR(t)->data : "value";
    if (LLRT_IS_STR(obj)) snprintf(buf, cap, "%s '%.40s'", ts, LLRT_STR(obj)->data);
    else if (LLRT_IS_NUM(obj)) snprintf(buf, cap, "%s '%.17g'", ts, llrt_tonum_raw(obj));
    else snprintf(buf, cap, "%s", ts);
    return;
  }
  if (llrt_tt(obj) == LLRT_T_ARRAY) {
    snprintf(buf, cap, "[object Array]");
    return;
  }
  snprintf(buf, cap, "#<Object>");
  for (llrt_obj *o = LLRT_OBJ(obj)->proto; o; o = o->proto) {
    llrt_prop *c = llrt__find_own(o, S->atoms.constructor);
    if (!c || (c->flags & LLRT_P_ACCESSOR) || !LLRT_IS_OBJ(c->val)) continue;
    llrt_prop *nm = llrt__find_own(LLRT_OBJ(c->val), S->atoms.name);
    if (nm && !(nm->flags & LLRT_P_ACCESSOR) && LLRT_IS_STR(nm->val) && LLRT_STR(nm->val)->len)
      snprintf(buf, cap, "#<%.40s>", LLRT_STR(nm->val)->data);
    else if (llrt_tt(c->val) == LLRT_T_CLOSURE) {
      llrt_value lazy = llrt__closure_lazy(S, (llrt_closure *)LLRT_PTR(c->val), S->atoms.name);
      if (LLRT_IS_STR(lazy) && LLRT_STR(lazy)->len)
        snprintf(buf, cap, "#<%.40s>", LLRT_STR(lazy)->data);
    }
    return;
  }
}

/* The key and the object as the messages below name them. */
static bool refused_names(llrt_state *S, llrt_value obj, llrt_value key,
                          char *k, size_t kcap, char *what, size_t wcap) {
  snprintf(k, kcap, "?");
  if (LLRT_IS_STR(key)) snprintf(k, kcap, "%s", LLRT_STR(key)->data);
  else if (LLRT_IS_NUM(key)) snprintf(k, kcap, "%.17g", llrt_tonum_raw(key));
  if (!llrt__push(S, obj) || !llrt__push(S, key)) return false;
  refused_target(S, obj, what, wcap);
  llrt__popn(S, 2);
  return true;
}

/* The TypeError strict code gets for a write [[Set]] refused, worded as
 * Node's. */
static __attribute__((noinline)) llrt_value refused_error(llrt_state *S, int why,
                                                          llrt_value obj,
                                                          llrt_value key) {
  char k[80], what[96];
  if (!refused_names(S, obj, key, k, sizeof k, what, sizeof what)) return LLRT_EXC;
  switch (why) {
  case LLRT_REFUSED_READ_ONLY:
    return llrt__throw(S, 1, "Cannot assign to read only property '%s' of object '%s'", k, what);
  case LLRT_REFUSED_GETTER_ONLY:
    return llrt__throw(S, 1, "Cannot set property %s of %s which has only a getter", k, what);
  case LLRT_REFUSED_NOT_EXTENSIBLE:
    return llrt__throw(S, 1, "Cannot add property %s, object is not extensible", k);
  case LLRT_REFUSED_PROXY:
    return llrt__throw(S, 1, "'set' on proxy: trap returned falsish for property '%s'", k);
  default:
    return llrt__throw(S, 1, "Cannot create property '%s' on %s", k, what);
  }
}

/* `delete obj[key]` at node `n` answered `ok`: strict code gets a
 * TypeError for a property that cannot be deleted, worded as Node's. */
static llrt_value delete_result(llrt_state *S, ll_nid n, bool ok, llrt_value obj,
                                llrt_value key) {
  if (ok || !ll_js_is_strict(&SC->js, n)) return llrt_bool(ok);
  char k[80], what[96];
  if (!refused_names(S, obj, key, k, sizeof k, what, sizeof what)) return LLRT_EXC;
  return llrt__throw(S, 1, "Cannot delete property '%s' of %s", k, what);
}

/* `obj[key] = v` for the assignment at node `n` (`computed`: any key
 * value, else an interned name): strict code gets a TypeError where
 * [[Set]] refused the write; sloppy code goes on, as in Node. */
llrt_value llrt__vm_put(llrt_state *S, ll_nid n, llrt_value obj, llrt_value key,
                        llrt_value v, bool computed) {
  S->refused = LLRT_REFUSED_NONE;
  llrt_value r = computed ? llrt__set_v(S, obj, key, v) : llrt__set(S, obj, key, v);
  if (__builtin_expect(S->refused == LLRT_REFUSED_NONE, 1) || r == LLRT_EXC) return r;
  int why = S->refused;
  S->refused = LLRT_REFUSED_NONE;
  if (!ll_js_is_strict(&SC->js, n)) return r;
  return refused_error(S, why, obj, key);
}

/* Reads the current value of an assignment target (for `+=`, `++`). */
static llrt_value read_target(llrt_state *S, ll_nid t, size_t *pushed) {
  llrt_script *sc = SC;
  *pushed = 0;
  if (KIND(t) == LL_K_identifier) return llrt__vm_read_ident(S, t);
  if (KIND(t) == LL_K_parenthesized_expression)
    return read_target(S, NAMED0(t), pushed);
  if (KIND(t) == LL_K_member_expression || KIND(t) == LL_K_subscript_expression) {
    llrt_value obj = llrt__vm_eval(S, CHILD(t, object));
    TRY(obj);
    if (!llrt__push(S, obj)) return nomem(S);
    llrt_value key = KIND(t) == LL_K_member_expression ? K(CHILD(t, property))
                                                       : llrt__vm_eval(S, CHILD(t, index));
    if (key == LLRT_EXC || !llrt__push(S, key)) {
      llrt__popn(S, 1);
      return LLRT_EXC;
    }
    *pushed = 2;
    return llrt__get_v(S, obj, key);
  }
  return llrt__unsupported(S, "assignment target");
}

/* Writes after `read_target` (object and key are on the stack). */
static llrt_value write_target(llrt_state *S, ll_nid t, llrt_value v,
                               size_t pushed) {
  llrt_script *sc = SC;
  if (KIND(t) == LL_K_parenthesized_expression)
    return write_target(S, NAMED0(t), v, pushed);
  if (!pushed) return llrt__vm_write_ident(S, t, v, false);
  llrt_value obj = S->stack[S->sp - 2], key = S->stack[S->sp - 1];
  llrt_value r = llrt__vm_put(S, t, obj, key, v, true);
  llrt__popn(S, 2);
  return r == LLRT_EXC ? r : v;
}

static __attribute__((noinline)) llrt_value eval_update(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid arg = CHILD(n, argument);
  size_t pushed;
  llrt_value old = read_target(S, arg, &pushed);
  if (old == LLRT_EXC) {
    S->sp -= pushed;
    return old;
  }
  double d;
  if (LLRT_IS_NUM(old)) {
    d = llrt_tonum_raw(old);
  } else if (llrt__vm_to_numeric(S, old, &d) == LLRT_EXC) {
    S->sp -= pushed;
    return LLRT_EXC;
  }
  double nv = sc->op[n] == OP_INC ? d + 1 : d - 1;
  llrt_value r = write_target(S, arg, llrt_num(nv), pushed);
  TRY(r);
  bool prefix = NODE(CHILD(n, operator))->start < NODE(arg)->start;
  return llrt_num(prefix ? nv : d);
}

static __attribute__((noinline)) llrt_value eval_assign(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid left = CHILD(n, left), right = CHILD(n, right);
  ll_kind lk = KIND(left);
  if (lk == LL_K_identifier) {
    llrt_value v = eval_operand(S, sc, right);
    TRY(v);
    /* Anonymous functions take the variable's name: nothing to do, the name
     * comes from the node lazily. */
    return llrt__vm_write_ident(S, left, v, false);
  }
  if (lk == LL_K_member_expression || lk == LL_K_subscript_expression) {
    size_t base = S->sp;
    llrt_value obj = eval_operand(S, sc, CHILD(left, object));
    if (obj == LLRT_EXC || !llrt__push(S, obj)) goto fail;
    llrt_value key;
    if (lk == LL_K_member_expression) {
      key = K(CHILD(left, property));
    } else {
      key = eval_operand(S, sc, CHILD(left, index));
      if (key == LLRT_EXC) goto fail;
    }
    if (!llrt__push(S, key)) goto fail;
    llrt_value v = eval_operand(S, sc, right);
    if (v == LLRT_EXC || !llrt__push(S, v)) goto fail;
    llrt_value r = llrt__vm_put(S, left, obj, key, v, lk != LL_K_member_expression);
    S->sp = base;
    return r == LLRT_EXC ? r : v;
  fail:
    S->sp = base;
    return LLRT_EXC;
  }
  llrt_value v = eval_operand(S, sc, right);
  TRY(v);
  if (!llrt__push(S, v)) return nomem(S);
  llrt_value r = llrt__vm_assign_target(S, left, v, false);
  llrt__popn(S, 1);
  return r == LLRT_EXC ? r : v;
}

static __attribute__((noinline)) llrt_value eval_augmented(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid left = CHILD(n, left);
  int op = sc->op[n];
  size_t pushed;
  llrt_value old = read_target(S, left, &pushed);
  if (old == LLRT_EXC) {
    S->sp -= pushed;
    return old;
  }
  llrt_value v;
  if (op == OP_AND_A || op == OP_OR_A || op == OP_NULLISH_A) {
    bool keep = op == OP_AND_A ? !llrt__truthy(old)
              : op == OP_OR_A  ? llrt__truthy(old)
                               : !LLRT_IS_NULLISH(old);
    if (keep) {
      S->sp -= pushed;
      return old;
    }
    v = llrt__vm_eval(S, CHILD(n, right));
  } else {
    if (!llrt__push(S, old)) return nomem(S);
    llrt_value rhs = llrt__vm_eval(S, CHILD(n, right));
    if (rhs == LLRT_EXC) {
      S->sp -= pushed + 1;
      return rhs;
    }
    static const int base_op[] = {
        [OP_ADD_A] = OP_ADD, [OP_SUB_A] = OP_SUB, [OP_MUL_A] = OP_MUL,
        [OP_DIV_A] = OP_DIV, [OP_MOD_A] = OP_MOD, [OP_EXP_A] = OP_EXP,
        [OP_BAND_A] = OP_BAND, [OP_BOR_A] = OP_BOR, [OP_BXOR_A] = OP_BXOR,
        [OP_SHL_A] = OP_SHL, [OP_SAR_A] = OP_SAR, [OP_SHR_A] = OP_SHR};
    v = llrt__binary(S, base_op[op], old, rhs);
    llrt__popn(S, 1);
  }
  if (v == LLRT_EXC) {
    S->sp -= pushed;
    return v;
  }
  return write_target(S, left, v, pushed);
}

static __attribute__((noinline)) llrt_value eval_unary(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid arg = CHILD(n, argument);
  int op = sc->op[n];
  if (op == OP_TYPEOF && KIND(arg) == LL_K_identifier &&
      sc->ref[arg] == REF_GLOBAL && !llrt__has(S, S->global, K(arg)))
    return S->atoms.undefined_s;
  if (op == OP_DELETE) {
    if (KIND(arg) != LL_K_member_expression && KIND(arg) != LL_K_subscript_expression)
      return LLRT_TRUE;
    llrt_value obj = llrt__vm_eval(S, CHILD(arg, object));
    TRY(obj);
    if (!LLRT_IS_OBJ(obj)) return LLRT_TRUE;
    if (!llrt__push(S, obj)) return nomem(S);
    llrt_value key;
    uint32_t idx;
    int k;
    if (KIND(arg) == LL_K_member_expression) {
      key = K(CHILD(arg, property));
      k = 0;
    } else {
      llrt_value kv = llrt__vm_eval(S, CHILD(arg, index));
      if (kv == LLRT_EXC) { llrt__popn(S, 1); return kv; }
      k = llrt__to_key(S, kv, &key, &idx);
    }
    llrt__popn(S, 1);
    if (k < 0) return LLRT_EXC;
    llrt_obj *o = LLRT_OBJ(obj);
    if (k == 1) {
      if (o->elems && idx < o->len) {
        if (o->frozen) return delete_result(S, n, false, obj, llrt_num(idx));
        o->elems[idx] = LLRT_HOLE;
        return LLRT_TRUE;
      }
      char buf[16];
      snprintf(buf, sizeof buf, "%u", idx);
      if (!llrt__push(S, obj)) return nomem(S);
      key = llrt__intern(S, buf, strlen(buf));
      llrt__popn(S, 1);
      TRY(key);
    }
    if (o->h.tt == LLRT_T_PROXY) /* Proxy hook: deleteProperty trap */
      return llrt__proxy_delete(S, o, key);
    return delete_result(S, n, llrt__delete_own(S, o, key), obj, key);
  }
  llrt_value v = llrt__vm_eval(S, arg);
  TRY(v);
  double d;
  switch (op) {
  case OP_NOT: return llrt_bool(!llrt__truthy(v));
  case OP_TYPEOF: return llrt__typeof(S, v);
  case OP_VOID: return LLRT_UNDEF;
  case OP_SUB:
    TRY(llrt__vm_to_numeric(S, v, &d));
    return llrt_num(-d);
  case OP_ADD:
    TRY(llrt__vm_to_numeric(S, v, &d));
    return llrt_num(d);
  case OP_BNOT:
    TRY(llrt__vm_to_numeric(S, v, &d));
    return llrt_num(~llrt__vm_to_int32(d));
  default: return llrt__unsupported(S, "unary operator");
  }
}


static __attribute__((noinline)) llrt_value eval_binary(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  int op = sc->op[n];
  llrt_value a = eval_operand(S, sc, CHILD(n, left));
  TRY(a);
  if (op == OP_AND) return llrt__truthy(a) ? llrt__vm_eval(S, CHILD(n, right)) : a;
  if (op == OP_OR) return llrt__truthy(a) ? a : llrt__vm_eval(S, CHILD(n, right));
  if (op == OP_NULLISH) return LLRT_IS_NULLISH(a) ? llrt__vm_eval(S, CHILD(n, right)) : a;
  if (!llrt__push(S, a)) return nomem(S);
  llrt_value b = eval_operand(S, sc, CHILD(n, right));
  if (b == LLRT_EXC) {
    llrt__popn(S, 1);
    return b;
  }
  if (LLRT_IS_NUM(a) && LLRT_IS_NUM(b)) {
    llrt_value r = llrt__number_binary(op, a, b);
    if (r != LLRT_HOLE) {
      llrt__popn(S, 1);
      return r;
    }
  } else if ((op == OP_SEQ || op == OP_SNE) && (a == b || !LLRT_IS_STR(a) ||
                                                !LLRT_IS_STR(b))) {
    /* Not two numbers, not two distinct strings: identity decides. */
    llrt__popn(S, 1);
    return llrt_bool((a == b) == (op == OP_SEQ));
  }
  llrt_value r = llrt__binary(S, op, a, b);
  llrt__popn(S, 1);
  return r;
}

static __attribute__((noinline)) llrt_value eval_this(llrt_state *S) {
  llrt_value t = S->frame->this_val;
  if (t == LLRT_HOLE)
    return llrt__throw(S, 3, "Must call super constructor in derived class "
                             "before accessing 'this' or returning");
  return t;
}

/* The rarer expressions live out of line so the dispatch's own frame
 * stays small (it recurses for every subexpression). */
/* Suspends the running coroutine, saying why (async generators tell an
 * await from a yield: async_generator.c). */
static llrt_value suspend(llrt_state *S, llrt_value v, int why) {
  if (S->cur_gen) S->cur_gen->susp = (uint8_t)why;
  return llrt__gen_suspend(S, v);
}

/* `yield* v`: re-yields the values of `v`'s iterator — in an async
 * generator its async one (or its sync one, values awaited) — passing what
 * each yield receives on to the inner `next`; the result is the inner
 * iterator's return value. On an abrupt resume (throw/return) the inner
 * iterator is closed first. */
static llrt_value yield_star(llrt_state *S, llrt_value v, bool in_async) {
  size_t base = S->sp;
  llrt_value m = in_async ? llrt__get(S, v, S->sym_async_iterator) : LLRT_UNDEF;
  bool sync = LLRT_IS_NULLISH(m);
  llrt_value it = m == LLRT_EXC ? m
                : sync ? llrt__get_iterator(S, v) : llrt__call(S, m, v, 0, NULL);
  if (it == LLRT_EXC || !llrt__push(S, it)) return LLRT_EXC;
  llrt_value next = llrt__get(S, it, S->atoms.next);
  if (next == LLRT_EXC || !llrt__push(S, next) || !llrt__push(S, LLRT_UNDEF)) {
    S->sp = base;
    return LLRT_EXC;
  }
  for (;;) { /* stack: it, next, received */
    llrt_value r = llrt__call(S, S->stack[base + 1], S->stack[base], 1, &S->stack[base + 2]);
    if (r != LLRT_EXC && in_async && !sync) r = suspend(S, r, LLRT_SUSP_AWAIT);
    if (r == LLRT_EXC) break;
    if (!LLRT_IS_OBJ(r)) {
      llrt__throw(S, 1, "Iterator result is not an object");
      break;
    }
    if (!llrt__push(S, r)) break;
    llrt_value done = llrt__get(S, r, S->atoms.done);
    llrt_value x = done == LLRT_EXC ? done : llrt__get(S, r, S->atoms.value);
    llrt__popn(S, 1);
    if (x == LLRT_EXC) break;
    if (llrt__truthy(done)) {
      S->sp = base;
      return x;
    }
    if (in_async && sync) x = suspend(S, x, LLRT_SUSP_AWAIT);
    if (x == LLRT_EXC) break;
    llrt_value got = suspend(S, x, LLRT_SUSP_YIELD);
    if (got == LLRT_EXC) { /* thrown into or returned from: close the inner one */
      if (!S->fatal) {
        llrt_value saved = S->exc;
        bool returning = S->gen_returning;
        if (llrt__push(S, saved)) {
          llrt_value key = llrt__intern(S, "return", 6);
          llrt_value ret = key == LLRT_EXC ? key : llrt__get(S, S->stack[base], key);
          if (ret != LLRT_EXC && llrt__is_callable(ret))
            llrt__call(S, ret, S->stack[base], 0, NULL);
        }
        S->exc = saved;
        S->gen_returning = returning;
      }
      break;
    }
    S->stack[base + 2] = got;
  }
  S->sp = base;
  return LLRT_EXC;
}

static __attribute__((noinline)) llrt_value eval_suspend(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  if (KIND(n) == LL_K_await_expression) {
    llrt_value v = llrt__vm_eval(S, NAMED0(n));
    TRY(v);
    S->frame->node = n;
    return suspend(S, v, LLRT_SUSP_AWAIT);
  }
  {
    ll_nid arg = NAMED0(n);
    llrt_value v = arg == LL_NONE ? LLRT_UNDEF : llrt__vm_eval(S, arg);
    TRY(v);
    S->frame->node = n;
    bool star = text_starts(sc, n, "yield*") || text_starts(sc, n, "yield *");
    bool in_async = S->cur_gen && S->cur_gen->is_agen;
    if (star) {
      if (!S->cur_gen) return suspend(S, v, LLRT_SUSP_YIELD); /* reports it */
      return yield_star(S, v, in_async);
    }
    if (in_async) {
      v = suspend(S, v, LLRT_SUSP_AWAIT); /* an async generator's yield awaits */
      TRY(v);
    }
    return suspend(S, v, LLRT_SUSP_YIELD);
  }
}

static __attribute__((noinline)) llrt_value eval_unsupported(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  char what[80];
  snprintf(what, sizeof what, "expression '%.*s'",
           (int)(llrt__tlen(sc, n) > 30 ? 30 : llrt__tlen(sc, n)),
           llrt__text(sc, n));
  S->frame->node = n;
  return llrt__unsupported(S, what);
}

static __attribute__((noinline)) llrt_value eval_ternary(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_value c = eval_operand(S, sc, CHILD(n, condition));
  TRY(c);
  return eval_operand(S, sc, llrt__truthy_fast(c) ? CHILD(n, consequence)
                                                 : CHILD(n, alternative));
}

static __attribute__((noinline)) llrt_value eval_sequence(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_value v = LLRT_UNDEF;
  for (ll_nid c = FIRST(n); c != LL_NONE; c = NEXT(c)) {
    if (is_skippable(sc, c)) continue;
    v = llrt__vm_eval(S, c);
    TRY(v);
  }
  return v;
}

static __attribute__((noinline)) llrt_value eval_regex(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  return llrt__regexp_literal(S, llrt__text(sc, n), llrt__tlen(sc, n));
}

static __attribute__((noinline)) llrt_value eval_meta(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  if (text_starts(sc, n, "new")) return S->frame->new_target;
  return llrt__unsupported(S, "import.meta");
}

/* The dispatch: every case is a leaf or a tail call, so it keeps no frame
 * of its own (the recursion through subexpressions stays cheap). */
llrt_value llrt__vm_eval(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  if (n == LL_NONE) return llrt__unsupported(S, "missing expression");
  if (__builtin_expect(n == S->watch_site, 0) && sc == S->watch_sc) S->site_hits++;
  switch (KIND(n)) {
  case LL_K_number:
  case LL_K_string: return K(n);
  case LL_K_identifier: return llrt__vm_read_ident(S, n);
  case LL_K_true: return LLRT_TRUE;
  case LL_K_false: return LLRT_FALSE;
  case LL_K_null: return LLRT_NULL;
  case LL_K_undefined: return LLRT_UNDEF;
  case LL_K_this: return eval_this(S);
  case LL_K_parenthesized_expression:
    return llrt__vm_eval(S, NAMED0(n));
  case LL_K_template_string: return eval_template(S, n);
  case LL_K_object: return eval_object(S, n);
  case LL_K_array: return eval_array(S, n);
  case LL_K_function_expression:
  case LL_K_function:
  case LL_K_arrow_function:
  case LL_K_generator_function:
    return make_function(S, n, LLRT_UNDEF);
  case LL_K_class: return eval_class(S, n);
  case LL_K_member_expression:
  case LL_K_subscript_expression:
  case LL_K_call_expression:
    return eval_chain(S, n);
  case LL_K_new_expression: return eval_new(S, n);
  case LL_K_assignment_expression: return eval_assign(S, n);
  case LL_K_augmented_assignment_expression: return eval_augmented(S, n);
  case LL_K_update_expression: return eval_update(S, n);
  case LL_K_unary_expression: return eval_unary(S, n);
  case LL_K_binary_expression: return eval_binary(S, n);
  case LL_K_ternary_expression: return eval_ternary(S, n);
  case LL_K_sequence_expression: return eval_sequence(S, n);
  case LL_K_as_expression:
  case LL_K_satisfies_expression:
  case LL_K_non_null_expression:
  case LL_K_type_assertion:
  case LL_K_instantiation_expression:
    return llrt__vm_eval(S, NAMED0(n));
  case LL_K_regex: return eval_regex(S, n);
  case LL_K_meta_property: return eval_meta(S, n);
  case LL_K_await_expression:
  case LL_K_yield_expression:
    return eval_suspend(S, n);
  case LL_K_private_property_identifier: return K(n);
  default:
    return eval_unsupported(S, n);
  }
}

/* ==== Classes ==== */

/* A field's attributes: a `#private` one is not enumerable (no key list
 * shows it: private_names.c). */
static uint32_t field_flags(llrt_value key) {
  return llrt__is_private_key(key) ? LLRT_P_WRITABLE : LLRT_P_DEFAULT;
}

/* The key node of a class field: `property` in JavaScript's grammar,
 * `name` in TypeScript's (`private timer?: T`). */
static ll_nid field_key(const llrt_script *sc, ll_nid m) {
  ll_nid k = CHILD(m, property);
  return k != LL_NONE ? k : CHILD(m, name);
}

/* Instance fields of the class whose constructor is `ctor`, onto `obj`. */
static llrt_value run_fields(llrt_state *S, llrt_closure *ctor,
                             llrt_value obj) {
  if (ctor->fields == LLRT_UNDEF) return LLRT_UNDEF;
  llrt_script *sc = ctor->script;
  ll_nid cls = (ll_nid)llrt_tonum_raw(ctor->fields);
  ll_nid body = ll_js_child(&sc->js, cls, LL_F_body);
  llrt_frame f = {.parent = S->frame, .fn = llrt_ptr(ctor), .this_val = obj,
                  .new_target = LLRT_UNDEF, .args = NULL, .argc = 0,
                  .arguments = LLRT_UNDEF, .env = ctor->env, .script = sc,
                  .node = cls, .ret = LLRT_UNDEF, .home = ctor->home};
  S->frame = &f;
  llrt_value r = LLRT_UNDEF;
  for (ll_nid m = FIRST(body); m != LL_NONE; m = NEXT(m)) {
    if (KIND(m) != LL_K_field_definition && KIND(m) != LL_K_public_field_definition)
      continue;
    if (sc->op[m] & M_STATIC) continue;
    llrt_value k = prop_key(S, field_key(sc, m));
    if (k == LLRT_EXC || !llrt__push(S, k)) { r = LLRT_EXC; break; }
    ll_nid vn = CHILD(m, value);
    llrt_value v = vn == LL_NONE ? LLRT_UNDEF : llrt__vm_eval(S, vn);
    if (v == LLRT_EXC ||
        !llrt__define(S, LLRT_OBJ(obj), k, v, field_flags(k))) {
      llrt__popn(S, 1);
      r = LLRT_EXC;
      break;
    }
    llrt__popn(S, 1);
  }
  S->frame = f.parent;
  return r;
}

static __attribute__((noinline)) llrt_value eval_class(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_env *saved;
  size_t base = S->sp;
  llrt_value parent = LLRT_UNDEF;
  bool has_parent = false;
  for (ll_nid c = FIRST(n); c != LL_NONE; c = NEXT(c))
    if (KIND(c) == LL_K_class_heritage) {
      ll_nid e = NAMED0(c);
      if (e == LL_NONE) continue; /* TypeScript `implements` only: erased */
      parent = llrt__vm_eval(S, e);
      TRY(parent);
      has_parent = true;
    }
  if (!llrt__push(S, parent)) return nomem(S);
  if (!enter(S, n, &saved)) return nomem(S);
  llrt_value proto_parent = S->proto_object;
  if (has_parent) {
    if (parent == LLRT_NULL) {
      proto_parent = LLRT_NULL;
    } else if (!llrt__is_callable(parent)) {
      S->frame->env = saved;
      S->sp = base;
      return llrt__throw(S, 1, "Class extends value is not a constructor or null");
    } else {
      proto_parent = llrt__get(S, parent, S->atoms.prototype);
      if (proto_parent == LLRT_EXC) goto fail;
    }
  }
  if (!llrt__push(S, proto_parent)) goto fail;
  S->cur_site = sc->site_base + n;
  llrt_obj *proto = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj),
                                  proto_parent);
  if (!proto) goto fail;
  llrt_value pv = llrt_ptr(proto);
  if (!llrt__push(S, pv)) goto fail;
  ll_nid body = CHILD(n, body), ctor_node = LL_NONE;
  for (ll_nid m = FIRST(body); m != LL_NONE; m = NEXT(m))
    if (KIND(m) == LL_K_method_definition && !(sc->op[m] & M_STATIC) &&
        text_is(sc, CHILD(m, name), "constructor"))
      ctor_node = m;
  /* The constructor: the written one, or an implicit empty one made from
   * the class node itself (its body is the class body, so a call runs no
   * statements). */
  llrt_value ctor = make_function(S, ctor_node != LL_NONE ? ctor_node : n, pv);
  if (ctor == LLRT_EXC || !llrt__push(S, ctor)) goto fail;
  llrt_closure *cc = (llrt_closure *)LLRT_PTR(ctor);
  cc->kind = has_parent ? LLRT_FN_DERIVED_CTOR : LLRT_FN_BASE_CTOR;
  cc->fields = llrt_num(n);
  cc->o.is_class_ctor = true;
  if (has_parent && parent != LLRT_NULL) {
    cc->o.proto = LLRT_OBJ(parent);
    llrt_barrier(S, cc, parent);
  }
  if (!llrt__define(S, &cc->o, S->atoms.prototype, pv, 0) ||
      !llrt__define(S, proto, S->atoms.constructor, ctor,
                    LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    goto fail;
  ll_nid name = CHILD(n, name);
  if (name != LL_NONE &&
      !llrt__define(S, &cc->o, S->atoms.name, K(name), LLRT_P_CONFIGURABLE))
    goto fail;
  /* The class's own name is bound before static members run. */
  if (name != LL_NONE && sc->ref[name] < REF_ARGUMENTS)
    llrt__vm_write_ident(S, name, ctor, true);
  for (ll_nid m = FIRST(body); m != LL_NONE; m = NEXT(m)) {
    uint8_t fl = sc->op[m];
    llrt_obj *target = fl & M_STATIC ? &cc->o : proto;
    llrt_value tv = llrt_ptr(target);
    if (KIND(m) == LL_K_method_definition) {
      if (m == ctor_node) continue;
      llrt_value k = prop_key(S, CHILD(m, name));
      if (k == LLRT_EXC || !llrt__push(S, k)) goto fail;
      llrt_value f = make_function(S, m, tv);
      if (f == LLRT_EXC) goto fail;
      bool ok = fl & M_GET ? llrt__define_accessor(S, target, k, f, LLRT_UNDEF, LLRT_P_CONFIGURABLE)
              : fl & M_SET ? llrt__define_accessor(S, target, k, LLRT_UNDEF, f, LLRT_P_CONFIGURABLE)
                           : llrt__define(S, target, k, f, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
      llrt__popn(S, 1);
      if (!ok) goto fail;
    } else if ((KIND(m) == LL_K_field_definition ||
                KIND(m) == LL_K_public_field_definition) && (fl & M_STATIC)) {
      llrt_value k = prop_key(S, field_key(sc, m));
      if (k == LLRT_EXC || !llrt__push(S, k)) goto fail;
      llrt_value saved_this = S->frame->this_val, saved_home = S->frame->home;
      S->frame->this_val = ctor;
      S->frame->home = ctor;
      ll_nid vn = CHILD(m, value);
      llrt_value v = vn == LL_NONE ? LLRT_UNDEF : llrt__vm_eval(S, vn);
      S->frame->this_val = saved_this;
      S->frame->home = saved_home;
      if (v == LLRT_EXC || !llrt__define(S, &cc->o, k, v, field_flags(k))) goto fail;
      llrt__popn(S, 1);
    } else if (KIND(m) == LL_K_class_static_block) {
      llrt_value saved_this = S->frame->this_val;
      S->frame->this_val = ctor;
      int r = C_NORMAL;
      ll_nid blk = CHILD(m, body);
      for (ll_nid s = blk == LL_NONE ? LL_NONE : FIRST(blk); s != LL_NONE && r == C_NORMAL; s = NEXT(s))
        if (!is_skippable(sc, s)) r = llrt__vm_exec(S, s);
      S->frame->this_val = saved_this;
      if (r == C_THROW) goto fail;
    }
  }
  S->frame->env = saved;
  S->sp = base;
  return ctor;
fail:
  S->frame->env = saved;
  S->sp = base;
  return LLRT_EXC;
}

/* ==== Statements ==== */

static bool label_matches(llrt_state *S, ll_nid stmt) {
  llrt_script *sc = SC;
  llrt_frame *f = S->frame;
  if (!f->label) return true;
  ll_nid p = NODE(stmt)->parent;
  while (p != LL_NONE && KIND(p) == LL_K_labeled_statement) {
    ll_nid l = CHILD(p, label);
    if (llrt__tlen(sc, l) == f->label_len &&
        !memcmp(llrt__text(sc, l), f->label, f->label_len))
      return true;
    p = NODE(p)->parent;
  }
  return false;
}

/* After a loop body: returns -1 to keep looping, or the completion to
 * return from the loop. */
static int loop_completion(llrt_state *S, ll_nid loop, int r, bool *stop) {
  *stop = false;
  if (r == C_BREAK && label_matches(S, loop)) {
    S->frame->label = NULL;
    *stop = true;
    return C_NORMAL;
  }
  if (r == C_CONTINUE && label_matches(S, loop)) {
    S->frame->label = NULL;
    return -1;
  }
  if (r != C_NORMAL) {
    *stop = true;
    return r;
  }
  return -1;
}

static int exec_block(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_env *saved;
  if (!enter(S, n, &saved)) return C_THROW;
  int r = C_NORMAL;
  if ((sc->op[n] & OP_HOISTS) && !hoist_functions(S, n)) r = C_THROW;
  for (ll_nid s = FIRST(n); s != LL_NONE && r == C_NORMAL; s = NEXT(s))
    if (!is_skippable(sc, s)) r = llrt__vm_exec(S, s);
  S->frame->env = saved;
  return r;
}

static int exec_declaration(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  bool is_var = KIND(n) == LL_K_variable_declaration;
  for (ll_nid d = FIRST(n); d != LL_NONE; d = NEXT(d)) {
    if (KIND(d) != LL_K_variable_declarator) continue;
    ll_nid name = CHILD(d, name), val = CHILD(d, value);
    if (val == LL_NONE) {
      if (is_var) continue; /* `var x;` keeps the hoisted value */
      if (llrt__vm_write_ident(S, name, LLRT_UNDEF, true) == LLRT_EXC) return C_THROW;
      continue;
    }
    llrt_value v = llrt__vm_eval(S, val);
    if (v == LLRT_EXC) return C_THROW;
    if (!llrt__push(S, v)) return C_THROW;
    llrt_value r = llrt__vm_bind_pattern(S, name, v, true);
    llrt__popn(S, 1);
    if (r == LLRT_EXC) return C_THROW;
  }
  return C_NORMAL;
}

/* Copies the loop's environment so closures of each iteration see their
 * own `let` bindings. */
static bool fresh_iteration_env(llrt_state *S, llrt_env *outer) {
  llrt_env *cur = S->frame->env;
  if (cur == outer) return true;
  llrt_env *e = llrt__alloc(S, LLRT_T_ENV, sizeof(llrt_env) + cur->n * sizeof(llrt_value));
  if (!e) return false;
  cur = S->frame->env;
  e->parent = cur->parent;
  e->h.flags |= cur->h.flags & LLRT_GCF_FRAME_PARENT;
  e->n = cur->n;
  memcpy(e->slots, cur->slots, cur->n * sizeof(llrt_value));
  S->frame->env = e;
  return true;
}

static int exec_for(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_env *saved;
  if (!enter(S, n, &saved)) return C_THROW;
  int result = C_NORMAL;
  ll_nid init = CHILD(n, initializer), cond = CHILD(n, condition),
         incr = CHILD(n, increment), body = CHILD(n, body);
  if (init != LL_NONE) {
    ll_kind ik = KIND(init);
    if (ik == LL_K_lexical_declaration || ik == LL_K_variable_declaration) {
      if (exec_declaration(S, init) == C_THROW) goto throw;
    } else if (ik != LL_K_other && ik != LL_K_token) {
      if (llrt__vm_eval(S, init) == LLRT_EXC) goto throw;
    }
  }
  for (;;) {
    if (!step(S)) goto throw;
    if (cond != LL_NONE && KIND(cond) != LL_K_other && KIND(cond) != LL_K_token) {
      llrt_value c = llrt__vm_eval(S, cond);
      if (c == LLRT_EXC) goto throw;
      if (!llrt__truthy(c)) break;
    }
    bool stop;
    int r = loop_completion(S, n, llrt__vm_exec(S, body), &stop);
    if (stop) {
      result = r;
      break;
    }
    if (!fresh_iteration_env(S, saved)) goto throw;
    if (incr != LL_NONE && llrt__vm_eval(S, incr) == LLRT_EXC) goto throw;
  }
  S->frame->env = saved;
  return result;
throw:
  S->frame->env = saved;
  return C_THROW;
}

/* One step of `for await`: awaits `iter.next()`; the value (awaited too
 * for a sync iterable), HOLE when done, or EXC. */
static llrt_value async_step(llrt_state *S, llrt_value iter, bool sync_values) {
  llrt_value next = llrt__get(S, iter, S->atoms.next);
  if (next == LLRT_EXC) return next;
  llrt_value r = llrt__call(S, next, iter, 0, NULL);
  if (r == LLRT_EXC) return r;
  if (!sync_values) r = llrt__gen_suspend(S, r); /* await */
  if (r == LLRT_EXC) return r;
  if (!LLRT_IS_OBJ(r)) {
    char buf[64];
    llrt__describe(S, r, buf, sizeof buf);
    return llrt__throw(S, 1, "Iterator result %s is not an object", buf);
  }
  if (!llrt__push(S, r)) return LLRT_EXC;
  llrt_value done = llrt__get(S, r, S->atoms.done);
  llrt_value v = done == LLRT_EXC ? done : llrt__truthy(done) ? LLRT_HOLE
                                                              : llrt__get(S, r, S->atoms.value);
  llrt__popn(S, 1);
  if (v == LLRT_EXC || v == LLRT_HOLE || !sync_values) return v;
  return llrt__gen_suspend(S, v); /* a sync iterable's values are awaited */
}

static int exec_for_in(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid left = CHILD(n, left), right = CHILD(n, right), body = CHILD(n, body);
  ll_nid opn = CHILD(n, operator);
  bool of = opn != LL_NONE && text_is(sc, opn, "of");
  bool decl = CHILD(n, kind) != LL_NONE;
  bool await_ = text_starts(sc, n, "for await");
  if (await_ && (!S->cur_gen || !S->cur_gen->is_async)) {
    llrt__unsupported(S, "for await outside an async function");
    return C_THROW;
  }
  llrt_env *saved;
  if (!enter(S, n, &saved)) return C_THROW;
  size_t base = S->sp;
  int result = C_NORMAL;
  llrt_value obj = llrt__vm_eval(S, right);
  if (obj == LLRT_EXC || !llrt__push(S, obj)) goto throw;
  llrt_value items = LLRT_UNDEF, iter = LLRT_UNDEF;
  bool sync_values = false; /* for await over a sync iterable: await each value */
  if (of && await_) {
    llrt_value m = llrt__get(S, obj, S->sym_async_iterator);
    if (m == LLRT_EXC) goto throw;
    if (llrt__is_callable(m)) iter = llrt__call(S, m, obj, 0, NULL);
    else iter = llrt__get_iterator(S, obj), sync_values = true;
    if (iter == LLRT_EXC || !llrt__push(S, iter)) goto throw;
    if (!LLRT_IS_OBJ(iter)) {
      llrt__throw(S, 1, "Result of the Symbol.asyncIterator method is not an object");
      goto throw;
    }
  } else if (of) {
    iter = llrt__get_iterator(S, obj); /* lazy: generators may be endless */
    if (iter == LLRT_EXC || !llrt__push(S, iter)) goto throw;
  } else {
    items = llrt__for_in_keys(S, obj);
    if (items == LLRT_EXC || !llrt__push(S, items)) goto throw;
  }
  for (uint32_t i = 0; of || i < LLRT_OBJ(items)->len; i++) {
    if (!step(S)) goto throw;
    llrt_value v;
    if (of && await_) {
      v = async_step(S, iter, sync_values);
      if (v == LLRT_EXC) goto throw;
      if (v == LLRT_HOLE) break;
    } else if (of) {
      v = llrt__iter_step(S, iter);
      if (v == LLRT_EXC) goto throw;
      if (v == LLRT_HOLE) break;
    } else {
      v = LLRT_OBJ(items)->elems[i];
      if (v == LLRT_HOLE) v = LLRT_UNDEF;
    }
    if (!llrt__push(S, v)) goto throw;
    llrt_env *iter_env = S->frame->env;
    if (iter_env != saved) {
      llrt_env *e = env_new(S, sc, NODE(n)->scope, saved);
      if (!e) goto throw;
      S->frame->env = e;
    }
    llrt__popn(S, 1);
    if (llrt__vm_assign_target(S, left, v, decl) == LLRT_EXC) goto throw;
    bool stop;
    int body_r = llrt__vm_exec(S, body);
    int r = loop_completion(S, n, body_r, &stop);
    if (stop) {
      result = r;
      /* Leaving early closes the iterator (a generator runs its finally). */
      if (of && LLRT_IS_OBJ(iter) && llrt_tt(iter) != LLRT_T_ARRAYITER &&
          !S->fatal && !S->oom) {
        llrt_value exc = S->exc, ret = S->frame->ret;
        const char *label = S->frame->label;
        uint32_t label_len = S->frame->label_len;
        if (!llrt__push(S, exc) || !llrt__push(S, ret)) goto throw;
        llrt_value close = llrt__get(S, iter, llrt__intern(S, "return", 6));
        if (close != LLRT_EXC && llrt__is_callable(close))
          close = llrt__call(S, close, iter, 0, NULL);
        if (close != LLRT_EXC && await_ && !sync_values)
          close = llrt__gen_suspend(S, close); /* await the async return() */
        if (close == LLRT_EXC && body_r != C_THROW) goto throw;
        S->exc = exc;
        S->frame->ret = ret;
        S->frame->label = label;
        S->frame->label_len = label_len;
      }
      break;
    }
  }
  S->sp = base;
  S->frame->env = saved;
  return result;
throw:
  S->sp = base;
  S->frame->env = saved;
  return C_THROW;
}

static int exec_while(llrt_state *S, ll_nid n, bool do_while) {
  llrt_script *sc = SC;
  ll_nid cond = CHILD(n, condition), body = CHILD(n, body);
  bool first = true;
  for (;;) {
    if (!step(S)) return C_THROW;
    if (!(do_while && first)) {
      llrt_value c = llrt__vm_eval(S, cond);
      if (c == LLRT_EXC) return C_THROW;
      if (!llrt__truthy(c)) return C_NORMAL;
    }
    first = false;
    bool stop;
    int r = loop_completion(S, n, llrt__vm_exec(S, body), &stop);
    if (stop) return r;
  }
}

static int exec_switch(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  llrt_value d = llrt__vm_eval(S, CHILD(n, value));
  if (d == LLRT_EXC) return C_THROW;
  llrt_env *saved;
  size_t base = S->sp;
  if (!llrt__push(S, d) || !enter(S, n, &saved)) return C_THROW;
  ll_nid body = CHILD(n, body), start = LL_NONE, def = LL_NONE;
  int result = C_NORMAL;
  for (ll_nid c = FIRST(body); c != LL_NONE && start == LL_NONE; c = NEXT(c)) {
    if (KIND(c) == LL_K_switch_default) {
      def = c;
      continue;
    }
    if (KIND(c) != LL_K_switch_case) continue;
    llrt_value v = llrt__vm_eval(S, CHILD(c, value));
    if (v == LLRT_EXC) goto throw;
    if (llrt__strict_eq(d, v)) start = c;
  }
  if (start == LL_NONE) start = def;
  for (ll_nid c = start; c != LL_NONE; c = NEXT(c)) {
    if (KIND(c) != LL_K_switch_case && KIND(c) != LL_K_switch_default) continue;
    for (ll_nid s = FIRST(c); s != LL_NONE; s = NEXT(s)) {
      if (NODE(s)->field != LL_F_body || is_skippable(sc, s)) continue;
      int r = llrt__vm_exec(S, s);
      if (r == C_BREAK && !S->frame->label) goto done;
      if (r != C_NORMAL) {
        result = r;
        goto done;
      }
    }
  }
done:
  S->frame->env = saved;
  S->sp = base;
  return result;
throw:
  S->frame->env = saved;
  S->sp = base;
  return C_THROW;
}

static int exec_try(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  ll_nid body = CHILD(n, body), handler = CHILD(n, handler),
         finalizer = CHILD(n, finalizer);
  llrt_env *env0 = S->frame->env;
  size_t sp0 = S->sp;
  int r = llrt__vm_exec(S, body);
  if (r == C_THROW && handler != LL_NONE && !S->fatal && !S->oom &&
      !S->gen_returning) {
    S->frame->env = env0;
    S->sp = sp0;
    llrt_value exc = S->exc;
    S->exc = LLRT_UNDEF;
    llrt_env *saved;
    if (!llrt__push(S, exc) || !enter(S, handler, &saved)) return C_THROW;
    ll_nid param = CHILD(handler, parameter);
    r = C_NORMAL;
    if (param != LL_NONE && llrt__vm_bind_pattern(S, param, exc, true) == LLRT_EXC)
      r = C_THROW;
    llrt__popn(S, 1);
    if (r == C_NORMAL) r = llrt__vm_exec(S, CHILD(handler, body));
    S->frame->env = saved;
  }
  if (finalizer != LL_NONE && !S->fatal && !S->oom) {
    S->frame->env = env0;
    /* Keep the pending completion's value across the finally block. */
    llrt_value keep = r == C_THROW ? S->exc : S->frame->ret;
    const char *label = S->frame->label;
    uint32_t label_len = S->frame->label_len;
    if (!llrt__push(S, keep)) return C_THROW;
    int fr = llrt__vm_exec(S, NAMED0(finalizer));
    llrt__popn(S, 1);
    if (fr != C_NORMAL) return fr;
    if (r == C_THROW) S->exc = keep;
    else S->frame->ret = keep;
    S->frame->label = label;
    S->frame->label_len = label_len;
  }
  return r;
}


/* Jumps, empty statements, TypeScript declarations and the unsupported:
 * out of line, like eval_unsupported. */
static __attribute__((noinline)) int exec_other(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  if (text_starts(sc, n, "break") || text_starts(sc, n, "continue")) {
    ll_nid l = CHILD(n, label);
    S->frame->label = l == LL_NONE ? NULL : llrt__text(sc, l);
    S->frame->label_len = l == LL_NONE ? 0 : llrt__tlen(sc, l);
    return text_starts(sc, n, "break") ? C_BREAK : C_CONTINUE;
  }
  if (text_is(sc, n, ";") || text_starts(sc, n, "debugger")) return C_NORMAL;
  if (KIND(n) == LL_K_enum_declaration || KIND(n) == LL_K_internal_module ||
      KIND(n) == LL_K_module) {
    llrt__unsupported(S, "TypeScript enum/namespace");
    return C_THROW;
  }
  if (KIND(n) == LL_K_ambient_declaration || KIND(n) == LL_K_function_signature)
    return C_NORMAL; /* declarations only: nothing runs */
  {
    char what[80];
    snprintf(what, sizeof what, "statement '%.*s'",
             (int)(llrt__tlen(sc, n) > 30 ? 30 : llrt__tlen(sc, n)),
             llrt__text(sc, n));
    llrt__unsupported(S, what);
  }
  return C_THROW;
}

int llrt__vm_exec(llrt_state *S, ll_nid n) {
  llrt_script *sc = SC;
  S->frame->node = n;
  if (__builtin_expect(n == S->watch_site, 0) && sc == S->watch_sc) S->site_hits++;
  if (!step(S)) return C_THROW;
  switch (KIND(n)) {
  case LL_K_expression_statement: {
    ll_nid e = NAMED0(n);
    if (e == LL_NONE) return C_NORMAL;
    return llrt__vm_eval(S, e) == LLRT_EXC ? C_THROW : C_NORMAL;
  }
  case LL_K_lexical_declaration:
  case LL_K_variable_declaration:
    return exec_declaration(S, n);
  case LL_K_function_declaration:
  case LL_K_generator_function_declaration:
    return C_NORMAL; /* hoisted */
  case LL_K_class_declaration: {
    llrt_value c = eval_class(S, n);
    if (c == LLRT_EXC) return C_THROW;
    return llrt__vm_write_ident(S, CHILD(n, name), c, true) == LLRT_EXC ? C_THROW : C_NORMAL;
  }
  case LL_K_statement_block: return exec_block(S, n);
  case LL_K_if_statement: {
    llrt_value c = eval_operand(S, sc, CHILD(n, condition));
    if (c == LLRT_EXC) return C_THROW;
    if (llrt__truthy_fast(c)) return llrt__vm_exec(S, CHILD(n, consequence));
    ll_nid alt = CHILD(n, alternative);
    if (alt == LL_NONE) return C_NORMAL;
    return llrt__vm_exec(S, NAMED0(alt));
  }
  case LL_K_else_clause: return llrt__vm_exec(S, NAMED0(n));
  case LL_K_for_statement: return exec_for(S, n);
  case LL_K_for_in_statement: return exec_for_in(S, n);
  case LL_K_while_statement: return exec_while(S, n, false);
  case LL_K_do_statement: return exec_while(S, n, true);
  case LL_K_switch_statement: return exec_switch(S, n);
  case LL_K_try_statement: return exec_try(S, n);
  case LL_K_return_statement: {
    ll_nid e = NAMED0(n);
    llrt_value v = LLRT_UNDEF;
    if (e != LL_NONE) {
      v = eval_operand(S, sc, e);
      if (v == LLRT_EXC) return C_THROW;
    }
    S->frame->ret = v;
    return C_RETURN;
  }
  case LL_K_throw_statement: {
    llrt_value v = llrt__vm_eval(S, NAMED0(n));
    if (v == LLRT_EXC) return C_THROW;
    llrt__throw_value(S, v);
    return C_THROW;
  }
  case LL_K_labeled_statement: {
    int r = llrt__vm_exec(S, CHILD(n, body));
    if (r == C_BREAK && S->frame->label) {
      ll_nid l = CHILD(n, label);
      if (llrt__tlen(sc, l) == S->frame->label_len &&
          !memcmp(llrt__text(sc, l), S->frame->label, S->frame->label_len)) {
        S->frame->label = NULL;
        return C_NORMAL;
      }
    }
    return r;
  }
  case LL_K_import_statement: return llrt__vm_exec_import(S, n);
  case LL_K_export_statement: return llrt__vm_exec_export(S, n);
  case LL_K_comment:
  case LL_K_token:
  case LL_K_hash_bang_line:
    return C_NORMAL;
  case LL_K_ERROR:
    llrt__throw(S, 4, "Unexpected token");
    return C_THROW;
  case LL_K_with_statement:
    llrt__unsupported(S, "with statement");
    return C_THROW;
  default:
    return exec_other(S, n);
  }
}

/* ==== Running a script ==== */

/* A rejection of a module's top-level-await promise is an uncaught error.
 * A `then` handler that throws only rejects its own promise, so the
 * handler (magic 0) queues a job that throws the reason (magic 1,
 * data[0] of the handler): a failing job ends the run with that error,
 * as Node exits with it. */
static llrt_value module_rejected(llrt_state *S, llrt_value this_val, int argc,
                                  llrt_value *argv, int magic, llrt_value *data) {
  (void)this_val;
  llrt_value reason = argc > 0 ? argv[0] : LLRT_UNDEF;
  if (magic) return llrt__throw_value(S, reason);
  if (!llrt__enqueue_job(S, data[0], reason)) return nomem(S);
  return LLRT_UNDEF;
}

/* Runs the program (the current frame's, its record and hoisting done) as
 * the body of an async function: it goes on after each top-level `await`
 * from the job queue. */
static llrt_value run_async_module(llrt_state *S, llrt_value this_val) {
  size_t base = S->sp;
  llrt_value fn = make_function(S, 0, LLRT_UNDEF); /* closes over the record */
  if (fn == LLRT_EXC || !llrt__push(S, fn)) return LLRT_EXC;
  llrt_value p = llrt__async_start(S, (llrt_closure *)LLRT_PTR(fn), this_val, 0, NULL);
  if (p == LLRT_EXC || !llrt__push(S, p)) { S->sp = base; return LLRT_EXC; }
  llrt_value thrower = llrt__native_new(S, "", module_rejected, 1, 1);
  if (thrower == LLRT_EXC || !llrt__push(S, thrower)) { S->sp = base; return LLRT_EXC; }
  llrt_value onrej = llrt__native_new(S, "", module_rejected, 1, 0);
  if (onrej == LLRT_EXC || !llrt__push(S, onrej) || !llrt__push(S, LLRT_UNDEF)) {
    S->sp = base;
    return LLRT_EXC;
  }
  ((llrt_native *)LLRT_PTR(onrej))->data[0] = thrower;
  S->stack[S->sp - 2] = LLRT_UNDEF; /* then(undefined, onrej) */
  S->stack[S->sp - 1] = onrej;
  llrt_value then = llrt__get(S, p, S->atoms.then);
  llrt_value r = then == LLRT_EXC ? then : llrt__call(S, then, p, 2, &S->stack[S->sp - 2]);
  S->sp = base;
  return r == LLRT_EXC ? r : LLRT_UNDEF;
}

llrt_value llrt__run_script(llrt_state *S, llrt_script *sc, llrt_value module) {
  llrt_frame f = {.parent = S->frame, .fn = LLRT_UNDEF, .this_val = LLRT_UNDEF,
                  .new_target = LLRT_UNDEF, .args = NULL, .argc = 0,
                  .arguments = LLRT_UNDEF, .env = NULL, .script = sc, .node = 0,
                  .ret = LLRT_UNDEF, .home = LLRT_UNDEF};
  S->frame = &f;
  llrt_value result = LLRT_UNDEF;
  llrt_env *e = env_new(S, sc, 0, NULL);
  if (!e) {
    S->frame = f.parent;
    return nomem(S);
  }
  f.env = e;
  if (LLRT_IS_OBJ(module)) {
    /* The module keeps its scope alive (hidden, non-enumerable). */
    llrt_value ek = llrt__intern(S, "@@scope", 7);
    if (ek == LLRT_EXC || !llrt__define(S, LLRT_OBJ(module), ek, llrt_ptr(e), 0)) {
      S->frame = f.parent;
      return LLRT_EXC;
    }
    llrt_value exports = llrt__get(S, module, S->atoms.exports);
    /* `this` at the top of a CommonJS module is its exports; of an ES
     * module (import/export syntax, .mjs/.mts), undefined. */
    f.this_val = sc->js.is_module ? LLRT_UNDEF : exports;
    e->slots[sc->module_slot] = llrt__get_str(S, module, "require");
    e->slots[sc->module_slot + 1] = module;
    e->slots[sc->module_slot + 2] = exports;
    llrt_barrier(S, e, module);
  }
  /* A classic script's top-level `var`s are properties of the global. */
  for (uint32_t b = 0; sc->script_mode && b < sc->js.nbindings; b++) {
    const ll_binding *bd = &sc->js.bindings[b];
    if (bd->scope != 0 || bd->kind != LL_BIND_VAR) continue;
    llrt_value key = K(bd->decl);
    if (LLRT_IS_STR(key) && !llrt__has(S, S->global, key) &&
        llrt__set(S, S->global, key, LLRT_UNDEF) == LLRT_EXC) {
      S->frame = f.parent;
      return LLRT_EXC;
    }
  }
  if ((sc->op[0] & OP_HOISTS) && !hoist_functions(S, 0)) {
    S->frame = f.parent;
    return LLRT_EXC;
  }
  if (sc->top_level_await) {
    result = run_async_module(S, f.this_val);
    S->frame = f.parent;
    return result;
  }
  for (ll_nid s = FIRST(0); s != LL_NONE; s = NEXT(s)) {
    if (is_skippable(sc, s)) continue;
    int r = llrt__vm_exec(S, s);
    if (r == C_THROW) {
      result = LLRT_EXC;
      break;
    }
    if (r != C_NORMAL) break;
  }
  S->frame = f.parent;
  return result;
}
