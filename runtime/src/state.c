/* The state: creation and teardown, the root registration API, running
 * scripts and jobs, CommonJS `require` through the host's loader hook, and
 * turning an uncaught exception into an `llrt_result`.
 *
 * Must never: exit, print (except through the print hook), or touch the
 * file system: modules come only from `cfg.load`. */
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"
#include "heap.h"
#include "interp.h"
#include "loop.h"
#include "phantom.h"
#include "watch.h"

void llrt_config_init(llrt_config *c) {
  memset(c, 0, sizeof *c);
  c->nursery_bytes = (size_t)1 << 20;
  c->major_growth = 100;
  c->promote_age = 2;
  c->max_depth = 400;
#ifdef LLRT_GC_STRESS_DEFAULT
  c->gc_stress = true; /* -DLL_GC_STRESS=ON: every state stresses the heap */
#endif
}

/* ==== Roots ==== */

bool llrt_root_add(llrt_state *S, llrt_value *slots, size_t n) {
  if (S->nrootsets == S->rootsetcap) {
    size_t cap = S->rootsetcap ? S->rootsetcap * 2 : 16;
    llrt_rootset *r = realloc(S->rootsets, cap * sizeof *r);
    if (!r) return false;
    S->rootsets = r;
    S->rootsetcap = cap;
  }
  S->rootsets[S->nrootsets++] = (llrt_rootset){slots, n};
  return true;
}

void llrt_root_remove(llrt_state *S, llrt_value *slots) {
  for (size_t i = 0; i < S->nrootsets; i++)
    if (S->rootsets[i].slots == slots) {
      S->rootsets[i] = S->rootsets[--S->nrootsets];
      return;
    }
}

bool llrt_root_add_tracer(llrt_state *S, llrt_trace_fn fn, void *ud) {
  if (S->ntracers == S->tracercap) {
    size_t cap = S->tracercap ? S->tracercap * 2 : 8;
    llrt_tracer *t = realloc(S->tracers, cap * sizeof *t);
    if (!t) return false;
    S->tracers = t;
    S->tracercap = cap;
  }
  S->tracers[S->ntracers++] = (llrt_tracer){fn, ud};
  return true;
}

void llrt_root_remove_tracer(llrt_state *S, llrt_trace_fn fn, void *ud) {
  for (size_t i = 0; i < S->ntracers; i++)
    if (S->tracers[i].fn == fn && S->tracers[i].ud == ud) {
      S->tracers[i] = S->tracers[--S->ntracers];
      return;
    }
}

/* ==== Lifecycle ==== */

/* The realm's values, registered as one root set. */
#define REALM_FIRST global
#define REALM_LAST partner_closure

static bool init_atoms(llrt_state *S) {
  llrt_atoms *a = &S->atoms;
#define LLRT_ATOM_INIT(n) a->n = llrt__intern(S, #n, strlen(#n));
  LLRT_ATOMS(LLRT_ATOM_INIT)
#undef LLRT_ATOM_INIT
  a->default_ = llrt__intern(S, "default", 7);
  a->empty = llrt__intern(S, "", 0);
  a->undefined_s = llrt__intern(S, "undefined", 9);
  a->null_s = llrt__intern(S, "null", 4);
  a->true_s = llrt__intern(S, "true", 4);
  a->false_s = llrt__intern(S, "false", 5);
  a->object_s = llrt__intern(S, "object", 6);
  a->function_s = llrt__intern(S, "function", 8);
  a->number_s = llrt__intern(S, "number", 6);
  a->string_s = llrt__intern(S, "string", 6);
  a->boolean_s = llrt__intern(S, "boolean", 7);
  a->symbol_s = llrt__intern(S, "symbol", 6);
  a->bigint_s = llrt__intern(S, "bigint", 6);
  return !S->oom;
}

llrt_state *llrt_state_new(const llrt_config *c) {
  llrt_state *S = calloc(1, sizeof *S);
  if (!S) return NULL;
  if (c) S->cfg = *c;
  else llrt_config_init(&S->cfg);
  if (!S->cfg.nursery_bytes) S->cfg.nursery_bytes = (size_t)1 << 20;
  if (!S->cfg.major_growth) S->cfg.major_growth = 100;
  if (!S->cfg.promote_age) S->cfg.promote_age = 2;
  S->next_site = 1;
  S->exc = S->native_nt = LLRT_UNDEF;
  /* Every value field of the realm starts undefined before it is a root. */
  for (llrt_value *v = &S->REALM_FIRST; v <= &S->REALM_LAST; v++) *v = LLRT_UNDEF;
  llrt_value *av = (llrt_value *)&S->atoms;
  for (size_t i = 0; i < sizeof S->atoms / sizeof(llrt_value); i++) av[i] = LLRT_UNDEF;
  S->jobs = LLRT_UNDEF;
  llrt__gc_init(S);
  /* Builtins are set up with the collector quiet: stress starts after. */
  bool stress = S->cfg.gc_stress;
  uint64_t fail_at = S->cfg.fail_alloc_at;
  S->cfg.gc_stress = false;
  S->cfg.fail_alloc_at = 0;
  if (!llrt_root_add(S, (llrt_value *)&S->atoms,
                     sizeof S->atoms / sizeof(llrt_value)) ||
      !llrt_root_add(S, &S->REALM_FIRST,
                     (size_t)(&S->REALM_LAST - &S->REALM_FIRST) + 1) ||
      !llrt_root_add(S, &S->jobs, 1) || !init_atoms(S))
    goto fail;
  S->jobs = llrt__new_array(S, 0);
  if (S->jobs == LLRT_EXC || !llrt__builtins_init(S) ||
      !llrt__builtins_coll_init(S) || !llrt__builtins_more_init(S) ||
      !llrt__builtins_gen_init(S) || !llrt__builtins_agen_init(S))
    goto fail;
  S->cfg.gc_stress = stress;
  S->cfg.fail_alloc_at = fail_at;
  S->nalloc = 0;
  return S;
fail:
  llrt_state_free(S);
  return NULL;
}

void llrt_state_free(llrt_state *S) {
  if (!S) return;
  llrt__loop_free(S);
  llrt__gc_fini(S);
  llrt__gen_spares_free(S);
  for (size_t i = 0; i < S->nscripts; i++) llrt__script_free(S, S->scripts[i]);
  free(S->scripts);
  free(S->intern);
  free(S->rootsets);
  free(S->tracers);
  free(S->stack);
  llrt__heap_fini(S);
  free(S);
}

/* ==== Results ==== */

void llrt_result_fini(llrt_result *r) {
  if (!r) return;
  free(r->message);
  free(r->file);
  r->message = r->file = NULL;
}

static char *dup_cstr(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

/* Fills `out` from the pending failure and clears it. */
static llrt_status fail_result(llrt_state *S, llrt_result *out) {
  llrt_status st = S->fatal ? S->fatal : S->oom ? LLRT_NOMEM : LLRT_THROWN;
  char msg[600];
  msg[0] = 0;
  if (st == LLRT_UNSUPPORTED) {
    snprintf(msg, sizeof msg, "%s", S->unsupported_msg);
  } else if (st == LLRT_BUDGET && S->interrupted) {
    snprintf(msg, sizeof msg, "budget exceeded: stopped by the host (time cap)");
  } else if (st == LLRT_BUDGET) {
    snprintf(msg, sizeof msg, "budget exceeded: more than %llu steps",
             (unsigned long long)S->cfg.max_steps);
  } else if (st == LLRT_NOMEM) {
    snprintf(msg, sizeof msg, S->cfg.heap_cap ? "out of memory: heap cap exceeded"
                                              : "out of memory");
  } else {
    llrt_value e = S->exc;
    bool old_oom = S->oom;
    S->oom = false;
    llrt_value stack = LLRT_IS_OBJ(e) && llrt_tt(e) == LLRT_T_ERROR
                           ? llrt__get(S, e, S->atoms.stack) : LLRT_UNDEF;
    if (LLRT_IS_STR(stack)) {
      snprintf(msg, sizeof msg, "%s", LLRT_STR(stack)->data);
      char *nl = strchr(msg, '\n');
      if (nl) *nl = 0; /* the location is reported separately */
    } else {
      llrt_value s = llrt__to_string(S, e);
      if (s != LLRT_EXC && LLRT_IS_STR(s))
        snprintf(msg, sizeof msg, "Uncaught %s", LLRT_STR(s)->data);
      else
        snprintf(msg, sizeof msg, "Uncaught exception");
    }
    S->oom = old_oom;
  }
  if (out) {
    out->status = st;
    out->message = dup_cstr(msg);
    if (S->exc_script) {
      const ll_node *n = &S->exc_script->js.nodes[S->exc_node];
      out->file = dup_cstr(S->exc_script->path);
      out->line = n->row + 1;
      out->col = n->col + 1;
    }
  }
  S->exc = LLRT_UNDEF;
  S->exc_script = NULL;
  S->fatal = LLRT_OK;
  S->unsupported = 0;
  S->oom = false;
  if (!S->frame) S->sp = 0; /* nested (a host module mid-run): the caller unwinds */
  return st;
}

llrt_status llrt__fail_result(llrt_state *S, llrt_result *out) {
  if (out) memset(out, 0, sizeof *out);
  return fail_result(S, out);
}

/* ==== Jobs ==== */

bool llrt__enqueue_job(llrt_state *S, llrt_value fn, llrt_value arg) {
  llrt_obj *q = LLRT_OBJ(S->jobs);
  /* No GC allocation: the collector calls this (FinalizationRegistry). */
  if (q->len + 2 > q->ecap && !llrt__elems_reserve(S, q, q->len + 2))
    return false;
  q->elems[q->len++] = fn;
  q->elems[q->len++] = arg;
  llrt_barrier(S, q, fn);
  llrt_barrier(S, q, arg);
  return true;
}

llrt_status llrt_run_jobs(llrt_state *S, llrt_result *out) {
  if (out) memset(out, 0, sizeof *out);
  for (;;) {
    llrt_obj *q = LLRT_OBJ(S->jobs);
    if (S->jobhead >= q->len) break;
    llrt_value fn = q->elems[S->jobhead], arg = q->elems[S->jobhead + 1];
    S->jobhead += 2;
    if (S->jobhead >= q->len) {
      q->len = 0;
      S->jobhead = 0;
    }
    if (!llrt__push(S, fn) || !llrt__push(S, arg)) return LLRT_NOMEM;
    llrt_value r = llrt__call(S, fn, LLRT_UNDEF, 1, &S->stack[S->sp - 1]);
    llrt__popn(S, 2);
    if (r == LLRT_EXC) return fail_result(S, out);
  }
  return LLRT_OK;
}

/* ==== Running ==== */

static llrt_value make_module(llrt_state *S, const char *path) {
  size_t base = S->sp;
  llrt_value m = llrt__new_object(S);
  if (m == LLRT_EXC || !llrt__push(S, m)) goto fail;
  llrt_value ex = llrt__new_object(S);
  if (ex == LLRT_EXC || !llrt__define(S, LLRT_OBJ(m), S->atoms.exports, ex, LLRT_P_DEFAULT))
    goto fail;
  llrt_value req = llrt__get(S, S->global, S->atoms.require);
  if (req == LLRT_EXC || !llrt__define(S, LLRT_OBJ(m), S->atoms.require, req, LLRT_P_DEFAULT))
    goto fail;
  llrt_value id = llrt__str_cstr(S, path);
  if (id == LLRT_EXC || !llrt__push(S, id)) goto fail;
  llrt_value idk = llrt__intern(S, "id", 2);
  if (idk == LLRT_EXC || !llrt__define(S, LLRT_OBJ(m), idk, id, LLRT_P_DEFAULT))
    goto fail;
  S->sp = base;
  return m;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_status llrt_eval(llrt_state *S, const char *path, const char *src,
                      size_t len, bool as_module, llrt_result *out) {
  if (out) memset(out, 0, sizeof *out);
  const char *err = NULL;
  unsigned eline = 0;
  llrt_script *sc = llrt__compile(S, path, src, len, !as_module, &err, &eline);
  if (!sc || (err && !strcmp(err, "out of memory"))) {
    if (out) {
      out->status = LLRT_NOMEM;
      out->message = dup_cstr("out of memory");
    }
    return LLRT_NOMEM;
  }
  if (err) {
    if (out) {
      char msg[300];
      snprintf(msg, sizeof msg, "SyntaxError: cannot parse %s at line %u",
               sc->path, eline);
      out->status = LLRT_SYNTAX;
      out->message = dup_cstr(msg);
      out->file = dup_cstr(sc->path);
      out->line = eline;
      out->col = 1;
    }
    return LLRT_SYNTAX;
  }
  if (S->watch_path && !S->watch_sc && !strcmp(sc->path, S->watch_path))
    llrt__watch_resolve(S, sc);
  llrt_value module = LLRT_UNDEF;
  if (as_module) {
    /* The main module is cached like a required one, so its scope stays
     * alive after the run (the confirmation driver calls into it). */
    module = make_module(S, sc->path);
    if (module == LLRT_EXC || !llrt__push(S, module)) return fail_result(S, out);
    llrt_value key = llrt__intern(S, sc->path, strlen(sc->path));
    llrt__popn(S, 1);
    if (key == LLRT_EXC || llrt__set(S, S->module_cache, key, module) == LLRT_EXC)
      return fail_result(S, out);
  }
  if (!llrt__push(S, module)) return fail_result(S, out);
  llrt_value r = llrt__run_script(S, sc, module);
  llrt__popn(S, 1);
  if (r == LLRT_EXC) return fail_result(S, out);
  /* A host module evaluated while the program runs (a lazy global,
   * lazy_global.h) leaves the queue to the program's own turn. */
  if (S->frame) return LLRT_OK;
  /* With the Node host: nextTick callbacks before promise jobs. */
  return S->loop ? llrt_loop_drain(S, out) : llrt_run_jobs(S, out);
}

/* ==== Host modules ==== */

bool llrt__host_eval_module(llrt_state *S, const char *path, const char *src,
                            size_t len) {
  llrt_result r;
  llrt_status st = llrt_eval(S, path, src, len, true, &r);
  llrt_result_fini(&r);
  return st == LLRT_OK;
}

llrt_value llrt__host_module_exports(llrt_state *S, const char *path) {
  llrt_value key = llrt__intern(S, path, strlen(path));
  if (key == LLRT_EXC) return LLRT_EXC;
  llrt_value m = llrt__get(S, S->module_cache, key);
  if (!LLRT_IS_OBJ(m)) return LLRT_UNDEF;
  return llrt__get(S, m, S->atoms.exports);
}

/* ==== require ==== */

/* A module that is neither a builtin nor a file in the input: one phantom
 * per specifier (so two requires of 'express' give the same object). */
static llrt_value missing_module_phantom(llrt_state *S, const char *spec) {
  char name[160];
  snprintf(name, sizeof name, "require('%.120s')", spec);
  llrt_value key = llrt__intern(S, name, strlen(name));
  if (key == LLRT_EXC) return key;
  llrt_value p = llrt__get(S, S->phantom_globals, key);
  if (p != LLRT_UNDEF) return p;
  p = llrt__phantom_new(S, name);
  if (p == LLRT_EXC || !llrt__push(S, p)) return LLRT_EXC;
  llrt_value r = llrt__set(S, S->phantom_globals, key, p);
  llrt__popn(S, 1);
  return r == LLRT_EXC ? r : p;
}

llrt_value llrt__require(llrt_state *S, const char *from, llrt_value spec) {
  if (!LLRT_IS_STR(spec)) return llrt__throw(S, 1, "require: the path must be a string");
  const char *sp = LLRT_STR(spec)->data;
  if (S->loop && sp[0] != '.' && sp[0] != '/') {
    /* The Node host's builtin modules are cached as "node:NAME". */
    char name[128];
    snprintf(name, sizeof name, "%s%s", strncmp(sp, "node:", 5) ? "node:" : "", sp);
    llrt_value key = llrt__intern(S, name, strlen(name));
    llrt_value m = key == LLRT_EXC ? key : llrt__get(S, S->module_cache, key);
    if (m == LLRT_EXC) return m;
    if (m == LLRT_UNDEF && S->require_builtin) {
      if (!llrt__push(S, key)) return LLRT_EXC; /* interned names are weak */
      bool loaded = S->require_builtin(S, name);
      llrt__popn(S, 1);
      if (S->fatal) return LLRT_EXC;
      if (loaded) m = llrt__get(S, S->module_cache, key);
    }
    if (m == LLRT_EXC) return m;
    if (LLRT_IS_OBJ(m)) return llrt__get(S, m, S->atoms.exports);
  }
  size_t len = 0;
  char *resolved = NULL;
  char *src = S->cfg.load ? S->cfg.load(S->cfg.host, from, sp, &len, &resolved) : NULL;
  if (!src) {
    free(resolved);
    if (S->phantoms) return missing_module_phantom(S, sp);
    return llrt__throw(S, 0, "Cannot find module '%s'", LLRT_STR(spec)->data);
  }
  const char *name = resolved ? resolved : LLRT_STR(spec)->data;
  llrt_value key = llrt__intern(S, name, strlen(name));
  llrt_value cached = key == LLRT_EXC ? key : llrt__get(S, S->module_cache, key);
  if (cached != LLRT_UNDEF) {
    free(src);
    free(resolved);
    return cached == LLRT_EXC ? cached
                              : llrt__get(S, cached, S->atoms.exports);
  }
  const char *err = NULL;
  unsigned eline = 0;
  llrt_script *sc = llrt__compile(S, name, src, len, false, &err, &eline);
  free(src);
  free(resolved);
  if (!sc) return llrt__throw(S, 0, "out of memory");
  if (err) return llrt__throw(S, 4, "cannot parse %s at line %u", sc->path, eline);
  size_t base = S->sp;
  llrt_value module = make_module(S, sc->path);
  if (module == LLRT_EXC || !llrt__push(S, module)) goto fail;
  key = llrt__intern(S, sc->path, strlen(sc->path));
  if (key == LLRT_EXC || llrt__set(S, S->module_cache, key, module) == LLRT_EXC)
    goto fail;
  if (llrt__run_script(S, sc, module) == LLRT_EXC) goto fail;
  S->sp = base;
  return llrt__get(S, module, S->atoms.exports);
fail:
  S->sp = base;
  return LLRT_EXC;
}
