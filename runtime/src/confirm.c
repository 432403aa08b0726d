/* The confirmation driver (llrt_confirm.h).
 *
 * For each candidate entry, innermost first, a fresh state loads the file
 * with the watch on (watch.h), gets the entry's closure (calling the next
 * outer entry once when the inner closure does not exist yet), and calls
 * it once: the first candidate whose call reaches the site is the entry.
 * The same state then keeps calling it up to each round's cumulative count,
 * advancing the virtual clock after every call, and after each round takes
 * a full collection and reads the metric (confirm_metric.c). The verdict
 * compares the last two rounds: growth is `confirmed`, none is `refuted`.
 *
 * Every call k gets fresh phantoms for call k (phantom.h), so each call
 * models a different request; a class method is called on one instance
 * (a long-lived object used many times), a constructor makes a new one per
 * call. Console output of the program is dropped.
 *
 * Must never: touch the file system except through the request's loader,
 * or let one confirmation's failure escape into the caller. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "confirm.h"
#include "loop.h"
#include "phantom.h"
#include "runtime/include/llrt_browser.h"
#include "runtime/include/llrt_loop.h"
#include "watch.h"

#define NARGS 4

static const unsigned default_rounds[] = {1, 10, 100};

static double clock_ms(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double now_ms(void) { return clock_ms(CLOCK_MONOTONIC); }
/* The time cap counts this thread's CPU time, so a busy machine (CI running
 * tests in parallel) does not turn verdicts into timeouts; ten times the cap
 * in wall time still stops a run that is starved or blocked. */
static double cpu_ms(void) { return clock_ms(CLOCK_THREAD_CPUTIME_ID); }

typedef struct confirm_ctx {
  const llrt_confirm_request *rq;
  llrt_state *template_state; /* the request's, until fresh_state takes it */
  double deadline, wall_deadline;
  const unsigned *rounds;
  size_t nrounds;
  double advance;
} confirm_ctx;

static bool past_deadline(void *ud) {
  const confirm_ctx *cx = ud;
  return cpu_ms() > cx->deadline || now_ms() > cx->wall_deadline;
}

static char *load_through(void *ud, const char *from, const char *spec, size_t *len,
                          char **resolved) {
  const llrt_confirm_request *rq = ((confirm_ctx *)ud)->rq;
  return rq->load ? rq->load(rq->host, from, spec, len, resolved) : NULL;
}

static void drop_output(void *ud, int level, const char *s, size_t n) {
  (void)ud;
  (void)level;
  (void)s;
  (void)n;
}

static void set_reason(llrt_confirm_result *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void set_reason(llrt_confirm_result *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(out->reason, sizeof out->reason, fmt, ap);
  va_end(ap);
}

/* A state with the Node and browser hosts and phantoms; `cfg`'s hooks are
 * set per request. Building the browser host costs ~20 ms, but the program
 * forks copies of one (llrt_confirm_template_new): only a second entry
 * tried pays it. */
static llrt_state *hosts_state(void) {
  llrt_config cfg;
  llrt_config_init(&cfg);
  cfg.print = drop_output;
  llrt_state *S = llrt_state_new(&cfg);
  if (!S) return NULL;
  if (!llrt_node_install(S, 0) || !llrt_browser_install(S) || !llrt__phantom_init(S)) {
    llrt_state_free(S);
    return NULL;
  }
  return S;
}

llrt_state *llrt_confirm_template_new(void) { return hosts_state(); }

static llrt_state *fresh_state(confirm_ctx *cx) {
  llrt_state *S = cx->template_state;
  cx->template_state = NULL; /* taken over: the first entry tried uses it */
  if (!S) S = hosts_state();
  if (!S) return NULL;
  S->cfg.heap_cap = cx->rq->heap_cap ? cx->rq->heap_cap : (size_t)256 << 20;
  S->cfg.host = cx;
  S->cfg.load = load_through;
  S->cfg.print = drop_output;
  S->cfg.interrupt = past_deadline;
  /* The budget is the program's: the hosts' own set-up does not count. */
  S->cfg.max_steps = cx->rq->max_steps ? cx->rq->max_steps : 50000000;
  S->steps = 0;
  S->step_check = 0; /* the budget changed: step() recomputes */
  S->watch_path = cx->rq->path;
  S->watch_start = cx->rq->site_start;
  S->watch_end = cx->rq->site_end;
  return S;
}

/* ==== Entries ==== */

typedef enum entry_kind { E_CALL, E_METHOD, E_STATIC, E_NEW } entry_kind;

static entry_kind kind_of(llrt_state *S, uint32_t i) {
  const llrt_script *sc = S->watch_sc;
  ll_nid n = S->watch_fn[i];
  ll_kind k = (ll_kind)sc->js.nodes[n].kind;
  if (k == LL_K_class || k == LL_K_class_declaration ||
      k == LL_K_abstract_class_declaration)
    return E_NEW;
  if (k != LL_K_method_definition) return E_CALL;
  if (sc->op[n] & M_STATIC) return E_STATIC;
  llrt_closure *c = (llrt_closure *)LLRT_PTR(S->watch_closure[i]);
  if (c->kind == LLRT_FN_BASE_CTOR || c->kind == LLRT_FN_DERIVED_CTOR) return E_NEW;
  /* A class method's home is the class prototype (its constructor is a
   * class); an object literal method's home is the object. */
  if (LLRT_IS_OBJ(c->home)) {
    llrt_prop *p = llrt__find_own(LLRT_OBJ(c->home), S->atoms.constructor);
    if (p && LLRT_IS_OBJ(p->val) && LLRT_OBJ(p->val)->is_class_ctor) return E_METHOD;
  }
  return E_CALL;
}

/* A readable name for entry `i`: "start", "Widget#mount", "new Widget",
 * "Widget.create", or "callback at file:line". */
static void entry_name(llrt_state *S, uint32_t i, char *buf, size_t cap) {
  const llrt_script *sc = S->watch_sc;
  ll_nid n = S->watch_fn[i];
  const ll_node *nodes = sc->js.nodes;
  char cls[64] = "";
  ll_nid name = llrt__child(sc, n, LL_F_name);
  ll_kind k = (ll_kind)nodes[n].kind;
  ll_nid holder = k == LL_K_method_definition || k == LL_K_class ||
                          k == LL_K_class_declaration
                      ? n : LL_NONE;
  /* The class around a method (or the class itself). */
  for (ll_nid p = holder; p != LL_NONE; p = nodes[p].parent) {
    ll_kind pk = (ll_kind)nodes[p].kind;
    if (pk == LL_K_class || pk == LL_K_class_declaration) {
      ll_nid cn = llrt__child(sc, p, LL_F_name);
      if (cn == LL_NONE && nodes[p].parent != LL_NONE &&
          nodes[nodes[p].parent].kind == LL_K_variable_declarator)
        cn = llrt__child(sc, nodes[p].parent, LL_F_name);
      if (cn != LL_NONE)
        snprintf(cls, sizeof cls, "%.*s", (int)llrt__tlen(sc, cn), llrt__text(sc, cn));
      break;
    }
  }
  entry_kind ek = kind_of(S, i);
  if (ek == E_NEW) {
    snprintf(buf, cap, "new %s", cls[0] ? cls : "(anonymous class)");
    return;
  }
  if (name == LL_NONE && nodes[n].parent != LL_NONE) {
    /* `const start = () => …`, `exports.start = function …`, `{ start: … }` */
    ll_nid p = nodes[n].parent;
    ll_kind pk = (ll_kind)nodes[p].kind;
    if (pk == LL_K_variable_declarator || pk == LL_K_pair) {
      name = llrt__child(sc, p, pk == LL_K_pair ? LL_F_key : LL_F_name);
    } else if (pk == LL_K_assignment_expression) {
      ll_nid left = llrt__child(sc, p, LL_F_left);
      if (left != LL_NONE && nodes[left].kind == LL_K_member_expression)
        name = llrt__child(sc, left, LL_F_property);
      else
        name = left;
    }
  }
  if (name != LL_NONE) {
    int len = (int)llrt__tlen(sc, name);
    const char *txt = llrt__text(sc, name);
    if (ek == E_METHOD) snprintf(buf, cap, "%s#%.*s", cls, len, txt);
    else if (ek == E_STATIC) snprintf(buf, cap, "%s.%.*s", cls, len, txt);
    else snprintf(buf, cap, "%.*s", len, txt);
    return;
  }
  const char *file = strrchr(sc->path, '/');
  snprintf(buf, cap, "callback at %s:%u", file ? file + 1 : sc->path, nodes[n].row + 1);
}

/* "Panel#mount then Panel#unmount" (the partner, watch.c, runs first), or
 * "new Spinner then Spinner#destroy" (a constructor's disposer runs after). */
static void partner_name(llrt_state *S, char *buf, size_t cap) {
  char entry[160], partner[160];
  snprintf(entry, sizeof entry, "%s", buf);
  uint32_t saved = S->watch_fn[0];
  S->watch_fn[0] = S->watch_partner;
  llrt_value sc = S->watch_closure[0];
  S->watch_closure[0] = S->partner_closure;
  entry_name(S, 0, partner, sizeof partner);
  S->watch_fn[0] = saved;
  S->watch_closure[0] = sc;
  const char *first = S->partner_after ? entry : partner;
  const char *second = S->partner_after ? partner : entry;
  size_t fl = strlen(first), sl = strlen(second);
  if (fl + sl + 7 > cap) return; /* keep the entry's own name */
  memmove(buf, first, fl);
  memcpy(buf + fl, " then ", 6);
  memcpy(buf + fl + 6, second, sl + 1);
}

/* Pushes NARGS fresh phantoms for call `k`; returns false on failure. */
static bool push_args(llrt_state *S, uint32_t k) {
  S->phantom_call = k;
  for (int a = 0; a < NARGS; a++) {
    char nm[16];
    snprintf(nm, sizeof nm, "arg%d", a + 1);
    llrt_value p = llrt__phantom_new(S, nm);
    if (p == LLRT_EXC || !llrt__push(S, p)) return false;
  }
  return true;
}

/* One call of entry `i` (or the module when `i == nwatch_fn`) as call `k`,
 * then the microtasks. */
static llrt_status call_entry(confirm_ctx *cx, llrt_state *S, uint32_t i, uint32_t k,
                              llrt_result *r) {
  memset(r, 0, sizeof *r);
  if (i >= S->nwatch_fn) {
    S->phantom_call = k;
    return llrt_eval(S, cx->rq->path, cx->rq->src, cx->rq->len, true, r);
  }
  size_t base = S->sp;
  llrt_value fn = S->watch_closure[i];
  if (!push_args(S, k)) goto fail;
  llrt_value *args = &S->stack[base];
  llrt_closure *c = (llrt_closure *)LLRT_PTR(fn);
  llrt_value res;
  switch (kind_of(S, i)) {
  case E_NEW:
    res = llrt__construct(S, fn, NARGS, args, fn);
    if (res != LLRT_EXC && i == 0 && S->partner_after &&
        S->partner_closure != LLRT_UNDEF) { /* the object's disposer */
      if (!llrt__push(S, res)) goto fail;
      if (llrt__call(S, S->partner_closure, res, NARGS, args) == LLRT_EXC) goto fail;
    }
    break;
  case E_STATIC:
    res = llrt__call(S, fn, c->home, NARGS, args);
    break;
  case E_METHOD: {
    /* One instance (built with the first call's phantoms), the method
     * called on it again and again: a long-lived object used many times. */
    if (S->entry_this == LLRT_UNDEF) {
      llrt_value ctor = llrt__get(S, c->home, S->atoms.constructor);
      if (ctor == LLRT_EXC) goto fail;
      if (!llrt__push(S, ctor)) goto fail;
      llrt_value inst = llrt__construct(S, ctor, NARGS, args, ctor);
      if (inst == LLRT_EXC) goto fail;
      S->entry_this = inst;
    }
    if (i == 0 && !S->partner_after && S->partner_closure != LLRT_UNDEF &&
        llrt__call(S, S->partner_closure, S->entry_this, NARGS, args) == LLRT_EXC)
      goto fail;
    res = llrt__call(S, fn, S->entry_this, NARGS, args);
    break;
  }
  default: {
    llrt_value self = LLRT_IS_OBJ(c->home) ? c->home : LLRT_UNDEF;
    if (i == 0 && !S->partner_after && S->partner_closure != LLRT_UNDEF &&
        llrt__call(S, S->partner_closure, self, NARGS, args) == LLRT_EXC)
      goto fail;
    res = llrt__call(S, fn, self, NARGS, args);
    break;
  }
  }
  if (res == LLRT_EXC) goto fail;
  if (LLRT_IS_OBJ(res) && llrt_tt(res) == LLRT_T_GENERATOR) {
    /* A generator function's body runs on the first next(). */
    if (!llrt__push(S, res)) goto fail;
    llrt_value next = llrt__get(S, res, S->atoms.next);
    if (next == LLRT_EXC || llrt__call(S, next, res, 0, NULL) == LLRT_EXC) goto fail;
  }
  S->sp = base;
  return llrt_loop_drain(S, r);
fail:
  S->sp = base;
  return llrt__fail_result(S, r);
}

/* Makes sure entry `i`'s closure exists, calling the next outer entry once
 * (recursively) when it does not. */
static bool obtain(confirm_ctx *cx, llrt_state *S, uint32_t i, llrt_result *r) {
  if (S->watch_closure[i] != LLRT_UNDEF) return true;
  if (i + 1 >= S->nwatch_fn || !obtain(cx, S, i + 1, r)) return false;
  llrt_status st = call_entry(cx, S, i + 1, 0, r);
  if (st != LLRT_OK && r->status != LLRT_THROWN) return false;
  return S->watch_closure[i] != LLRT_UNDEF;
}

/* ==== Driving and the verdict ==== */

/* The first failure worth reporting when nothing reaches the site. */
typedef struct failure {
  llrt_status status;
  char text[300];
} failure;

/* "unsupported construct at FILE:LINE: WHAT" from the engine's
 * "unsupported: WHAT at FILE:LINE" (or its result's location). */
static void unsupported_text(char *buf, size_t cap, const llrt_result *r, const char *when) {
  const char *msg = r->message ? r->message : "?";
  if (!strncmp(msg, "unsupported: ", 13)) msg += 13;
  const char *at = strstr(msg, " at ");
  for (const char *p = at; p; p = strstr(p + 1, " at ")) at = p; /* the last one */
  if (at) {
    const char *loc = at + 4, *slash = strrchr(loc, '/');
    snprintf(buf, cap, "unsupported construct at %s%s: %.*s", slash ? slash + 1 : loc, when,
             (int)(at - msg), msg);
  } else {
    const char *file = r->file ? strrchr(r->file, '/') : NULL;
    snprintf(buf, cap, "unsupported construct at %s:%u%s: %s",
             file ? file + 1 : r->file ? r->file : "?", r->line, when, msg);
  }
}

static void keep_failure(failure *f, const llrt_result *r, const char *when) {
  if (f->status != LLRT_OK || r->status == LLRT_OK) return;
  f->status = r->status;
  const char *file = r->file ? strrchr(r->file, '/') : NULL;
  file = file ? file + 1 : r->file;
  if (r->status == LLRT_UNSUPPORTED)
    unsupported_text(f->text, sizeof f->text, r, "");
  else if (r->status == LLRT_THROWN)
    snprintf(f->text, sizeof f->text, "exception thrown at %s:%u %s the site was reached: %s",
             file ? file : "?", r->line, when, r->message ? r->message : "?");
  else
    snprintf(f->text, sizeof f->text, "%s", r->message ? r->message : "failed");
}

static void verdict(llrt_confirm_result *out,
                    const double *bytes) {
  size_t m = out->nsamples;
  if (m < 2) {
    out->verdict = LLRT_INCONCLUSIVE;
    return;
  }
  double dc = (double)(out->sample_calls[m - 1] - out->sample_calls[m - 2]);
  double d = out->samples[m - 1] - out->samples[m - 2];
  out->per_call = d / dc;
  out->retained_bytes_per_call = (bytes[m - 1] - bytes[m - 2]) / dc;
  out->plateau = out->samples[m - 1];
  out->calls = out->sample_calls[m - 1];
  bool grows = strcmp(out->metric, "retained-bytes") ? d > 0 : out->per_call >= 32;
  out->verdict = grows ? LLRT_CONFIRMED : LLRT_REFUTED;
}

/* Calls entry `i` up to every round's count in state `S` (one call was
 * made already) and fills in the samples. */
static void drive(confirm_ctx *cx, llrt_state *S, uint32_t i, const llrt_baseline *base,
                  llrt_confirm_result *out) {
  double bytes[LLRT_CONFIRM_MAX_ROUNDS];
  llrt_result r;
  unsigned done = 1, errors = 0;
  char first_error[200] = "";
  /* The first call was the probe; let its virtual time pass too. */
  llrt_status st = llrt_loop_run(S, cx->advance, false, &r);
  for (size_t round = 0; round < cx->nrounds && out->nsamples < LLRT_CONFIRM_MAX_ROUNDS;
       round++) {
    for (;;) {
      if (st == LLRT_THROWN) { /* after the site was reached: keep going */
        if (!errors++)
          snprintf(first_error, sizeof first_error, "%s", r.message ? r.message : "?");
        st = LLRT_OK;
      }
      if (st != LLRT_OK || done >= cx->rounds[round]) break;
      llrt_result_fini(&r);
      st = call_entry(cx, S, i, done + 1, &r);
      if (st == LLRT_OK) {
        llrt_result_fini(&r);
        st = llrt_loop_run(S, cx->advance, false, &r);
      }
      if (st != LLRT_BUDGET && st != LLRT_NOMEM && st != LLRT_UNSUPPORTED) done++;
    }
    if (st != LLRT_OK) {
      if (st == LLRT_UNSUPPORTED) {
        char when[40];
        snprintf(when, sizeof when, " (after %u calls)", done);
        unsupported_text(out->reason, sizeof out->reason, &r, when);
      } else {
        set_reason(out, "budget exceeded after %u calls (%s)", done,
                   st == LLRT_NOMEM ? "heap cap" : S->interrupted ? "time cap"
                                                                 : "instruction cap");
      }
      break;
    }
    out->samples[out->nsamples] = llrt__confirm_measure(S, out->metric, base);
    bytes[out->nsamples] = (double)llrt_gc_live_bytes(S, -1);
    out->sample_calls[out->nsamples++] = done;
  }
  llrt_result_fini(&r);
  verdict(out, bytes);
  if (out->verdict == LLRT_INCONCLUSIVE && !out->reason[0])
    set_reason(out, "too few rounds completed");
  else if (out->verdict != LLRT_INCONCLUSIVE && errors && !out->reason[0])
    set_reason(out, "%u of %u calls threw after the site ran (first: %.120s)", errors,
               done, first_error);
}

const char *llrt_verdict_name(llrt_verdict v) {
  return v == LLRT_CONFIRMED ? "confirmed" : v == LLRT_REFUTED ? "refuted" : "inconclusive";
}

bool llrt_confirm(const llrt_confirm_request *rq, llrt_confirm_result *out) {
  memset(out, 0, sizeof *out);
  double t0 = now_ms(), cap = rq->max_ms > 0 ? rq->max_ms : 2000;
  confirm_ctx cx = {.rq = rq,
                    .deadline = cpu_ms() + cap,
                    .wall_deadline = t0 + 10 * cap,
                    .rounds = rq->nrounds ? rq->rounds : default_rounds,
                    .nrounds = rq->nrounds ? rq->nrounds
                                           : sizeof default_rounds / sizeof *default_rounds,
                    .advance = rq->advance_ms > 0 ? rq->advance_ms : 1000,
                    .template_state = rq->template_state};
  out->verdict = LLRT_INCONCLUSIVE;
  snprintf(out->metric, sizeof out->metric, "%s", llrt_confirm_metric(rq->rule));
  failure fail = {0};
  bool ok = true, reached = false;
  char tried[160] = "";
  for (uint32_t i = 0;; i++) {
    llrt_state *S = fresh_state(&cx);
    if (!S) {
      set_reason(out, "out of memory");
      ok = false;
      break;
    }
    llrt_baseline *base = llrt__confirm_baseline(S);
    if (!base) {
      llrt_state_free(S);
      set_reason(out, "out of memory");
      ok = false;
      break;
    }
    llrt_result r;
    llrt_status st = llrt_eval(S, rq->path, rq->src, rq->len, true, &r);
    /* A budget or the heap cap ran out: no point in going on. */
    llrt_status stop = st == LLRT_BUDGET || st == LLRT_NOMEM ? st : LLRT_OK;
    uint32_t n = S->nwatch_fn;
    if (!S->watch_sc) { /* the file did not compile */
      keep_failure(&fail, &r, "before");
      llrt_result_fini(&r);
      llrt__confirm_baseline_free(S, base);
      llrt_state_free(S);
      break;
    }
    if (i > n) {
      llrt_result_fini(&r);
      llrt__confirm_baseline_free(S, base);
      llrt_state_free(S);
      break;
    }
    bool module_entry = i == n;
    if (module_entry) {
      /* The load was the first call of the module entry. */
      if (st != LLRT_OK) keep_failure(&fail, &r, "before");
      snprintf(out->entry, sizeof out->entry, "module");
    } else {
      if (st != LLRT_OK && r.status != LLRT_THROWN) keep_failure(&fail, &r, "before");
      llrt_result_fini(&r);
      bool have = !stop && obtain(&cx, S, i, &r);
      if (r.status == LLRT_BUDGET || r.status == LLRT_NOMEM) stop = r.status;
      S->site_hits = 0; /* only the entry's own call counts */
      if (have) {
        llrt_result_fini(&r);
        entry_name(S, i, out->entry, sizeof out->entry);
        if (i == 0 && S->partner_closure != LLRT_UNDEF)
          partner_name(S, out->entry, sizeof out->entry);
        st = call_entry(&cx, S, i, 1, &r);
        if (st == LLRT_BUDGET || st == LLRT_NOMEM) stop = st;
        if (st != LLRT_OK && !S->site_hits) keep_failure(&fail, &r, "before");
      } else {
        keep_failure(&fail, &r, "before");
      }
    }
    llrt_result_fini(&r);
    if (stop != LLRT_OK) {
      set_reason(out, "budget exceeded (%s) %s",
                 stop == LLRT_NOMEM ? "heap cap" : S->interrupted ? "time cap"
                                                                 : "instruction cap",
                 S->site_hits ? "in the first call, after the site ran"
                              : "before the site was reached");
      llrt__confirm_baseline_free(S, base);
      llrt_state_free(S);
      break;
    }
    if (S->site_hits) {
      reached = true;
      drive(&cx, S, i, base, out);
      out->site_hits = S->site_hits;
      out->phantom_uses = S->phantom_uses;
      llrt__confirm_baseline_free(S, base);
      llrt_state_free(S);
      break;
    }
    if (out->entry[0] && strlen(tried) + strlen(out->entry) + 3 < sizeof tried)
      snprintf(tried + strlen(tried), sizeof tried - strlen(tried), "%s%s",
               tried[0] ? ", " : "", out->entry);
    out->entry[0] = 0;
    llrt__confirm_baseline_free(S, base);
    llrt_state_free(S);
    if (module_entry) break;
  }
  if (!reached && !out->reason[0]) {
    if (fail.status != LLRT_OK) set_reason(out, "%s", fail.text);
    else set_reason(out, "the site never executed (entries tried: %s)", tried[0] ? tried : "none");
  }
  llrt_state_free(cx.template_state); /* when no entry was tried */
  out->ms = now_ms() - t0;
  return ok;
}
