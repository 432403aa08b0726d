/* The event loop: timers and immediates, the nextTick queue, and Node's
 * microtask ordering (llrt_loop.h states the contract), on a virtual clock
 * by default or on libuv's real clock (`real_time`).
 *
 * Timers live in C memory (`lt_timer`); their callback, arguments and
 * Timeout object are traced by `trace_timers` while the timer is active and
 * dropped when it is released, so a cleared interval's closure becomes
 * garbage. Due order is a binary heap on (due, seq); clearing or refreshing
 * leaves stale heap entries that are skipped when popped.
 *
 * Real time: as in Node, one `uv_timer_t` drives the whole timer heap. The
 * JavaScript timers keep their (due, creation) order in the heap; between
 * two phases the loop arms the uv timer for the next due time (or the end
 * of the run) and blocks in `uv_run(UV_RUN_ONCE)`. The clock is
 * `start + (uv_hrtime() - hr0)`, so `Date.now()` and `performance.now()`
 * follow real time. A timers phase compares against the time read when it
 * began, so a timer made by a callback never fires in the same phase.
 *
 * Must never: read the clock or sleep in virtual mode (the clock jumps), or
 * free a timer while a queue entry or a running callback points at it. */
#include <math.h>
#include <stdlib.h>
#include <uv.h>

#include "builtins.h"
#include "loop.h"

#define TIMEOUT_MAX 2147483647.0

/* The real-time mode's libuv loop and its one wake-up timer. */
typedef struct lt_uv {
  uv_loop_t loop;
  uv_timer_t wake;
} lt_uv;

static double clock_now(const llrt_loop *L) {
  if (L->uv) return L->start + (double)(uv_hrtime() - L->hr0) / 1e6;
  return L->now;
}

double llrt__loop_now(const llrt_state *S) { return S->loop ? clock_now(S->loop) : 0; }
double llrt_loop_now(const llrt_state *S) { return llrt__loop_now(S); }

static void wake_cb(uv_timer_t *h) { (void)h; }

/* Real time: blocks in libuv until `t` (ms on the loop's clock). libuv's
 * timers have 1 ms ticks, so the wake-up may come a little early: the
 * caller's loop then simply waits again. */
static void wait_until(llrt_loop *L, double t) {
  double d = t - clock_now(L);
  if (d <= 0) return;
  uv_update_time(&L->uv->loop);
  uv_timer_start(&L->uv->wake, wake_cb, (uint64_t)ceil(d), 0);
  uv_run(&L->uv->loop, UV_RUN_ONCE);
  uv_timer_stop(&L->uv->wake);
}

static void uv_fini(llrt_loop *L) {
  if (!L->uv) return;
  uv_close((uv_handle_t *)&L->uv->wake, NULL);
  uv_run(&L->uv->loop, UV_RUN_DEFAULT); /* runs the close callback */
  uv_loop_close(&L->uv->loop);
  free(L->uv);
  L->uv = NULL;
}

/* ==== Timer bookkeeping ==== */

static void maybe_free(lt_timer *t) {
  if (!t->active && !t->npq && !t->in_imm && !t->firing) free(t);
}

static void release(llrt_loop *L, lt_timer *t) {
  if (!t->active) return;
  t->active = false;
  if (t->prev) t->prev->next = t->next;
  else L->live_first = t->next;
  if (t->next) t->next->prev = t->prev;
  else L->live_last = t->prev;
  t->prev = t->next = NULL;
  L->nlive--;
  if (t->ref) L->nref--;
  if (t->id < L->byidcap) L->byid[t->id] = NULL;
  t->fn = t->obj = t->args = LLRT_UNDEF;
  maybe_free(t);
}

static bool pq_less(const lt_pqent *a, const lt_pqent *b) {
  return a->due < b->due || (a->due == b->due && a->seq < b->seq);
}

static bool pq_push(llrt_loop *L, lt_timer *t) {
  if (L->npq == L->pqcap) {
    size_t cap = L->pqcap ? L->pqcap * 2 : 64;
    lt_pqent *p = realloc(L->pq, cap * sizeof *p);
    if (!p) return false;
    L->pq = p;
    L->pqcap = cap;
  }
  t->seq = ++L->seq;
  t->npq++;
  size_t i = L->npq++;
  L->pq[i] = (lt_pqent){t->due, t->seq, t};
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (!pq_less(&L->pq[i], &L->pq[p])) break;
    lt_pqent tmp = L->pq[i];
    L->pq[i] = L->pq[p];
    L->pq[p] = tmp;
    i = p;
  }
  return true;
}

static lt_pqent pq_pop(llrt_loop *L) {
  lt_pqent top = L->pq[0];
  L->pq[0] = L->pq[--L->npq];
  size_t i = 0;
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < L->npq && pq_less(&L->pq[l], &L->pq[m])) m = l;
    if (r < L->npq && pq_less(&L->pq[r], &L->pq[m])) m = r;
    if (m == i) break;
    lt_pqent tmp = L->pq[i];
    L->pq[i] = L->pq[m];
    L->pq[m] = tmp;
    i = m;
  }
  top.t->npq--;
  return top;
}

/* Drops stale entries from the top; true when a current one is left. */
static bool pq_peek(llrt_loop *L, lt_pqent *out) {
  while (L->npq) {
    lt_pqent *e = &L->pq[0];
    if (e->t->active && e->t->seq == e->seq) {
      *out = *e;
      return true;
    }
    lt_pqent dead = pq_pop(L);
    maybe_free(dead.t);
  }
  return false;
}

static void trace_timers(llrt_state *S, void *ud,
                         void (*mark)(llrt_state *S, llrt_value v)) {
  llrt_loop *L = ud;
  for (lt_timer *t = L->live_first; t; t = t->next) {
    mark(S, t->fn);
    mark(S, t->obj);
    mark(S, t->args);
  }
}

void llrt__loop_free(llrt_state *S) {
  llrt_loop *L = S->loop;
  if (!L) return;
  llrt_root_remove_tracer(S, trace_timers, L);
  llrt_root_remove(S, L->v);
  /* Every live timer is in a queue (or both): drop them all, then free
   * each when its last queue entry goes. */
  for (lt_timer *t = L->live_first; t; t = t->next) {
    t->active = false;
    t->firing = false;
  }
  for (size_t i = 0; i < L->npq; i++) {
    lt_timer *t = L->pq[i].t;
    t->npq--;
    maybe_free(t);
  }
  for (size_t i = L->immhead; i < L->nimm; i++) {
    lt_timer *t = L->imm[i];
    t->in_imm = false;
    maybe_free(t);
  }
  free(L->pq);
  free(L->imm);
  free(L->byid);
  uv_fini(L);
  free(L);
  S->loop = NULL;
}

/* ==== Natives: timers ==== */

static lt_timer *timer_of(llrt_state *S, llrt_value v) {
  llrt_loop *L = S->loop;
  double id = NAN;
  if (LLRT_IS_OBJ(v)) {
    llrt_prop *p = llrt__find_own(LLRT_OBJ(v), L->v[LV_SYM_ID]);
    if (p && LLRT_IS_NUM(p->val)) id = llrt_tonum_raw(p->val);
  } else if (LLRT_IS_NUM(v)) {
    id = llrt_tonum_raw(v);
  } else if (LLRT_IS_STR(v)) {
    id = strtod(LLRT_STR(v)->data, NULL);
  }
  if (!(id >= 1 && id < (double)L->byidcap) || id != floor(id)) return NULL;
  return L->byid[(size_t)id];
}

/* A timer made inside a builtin module (timers/promises) is reported at
 * the program's call into it: the innermost frame outside "node:" code. */
static uint32_t program_site(llrt_state *S, uint32_t site) {
  const char *file = NULL;
  unsigned line = 0, col = 0;
  if (!llrt__site_location(S, site, &file, &line, &col) || strncmp(file, "node:", 5))
    return site;
  for (llrt_frame *f = S->frame; f; f = f->parent)
    if (f->script && strncmp(f->script->path, "node:", 5))
      return f->script->site_base + f->node;
  return site;
}

static llrt_value add_timer(llrt_state *S, int kind, int argc, llrt_value *argv) {
  llrt_loop *L = S->loop;
  uint32_t site = program_site(S, S->cur_site);
  llrt_value fn = ARG(0);
  if (!llrt__is_callable(fn))
    return llrt__throw(S, 1, "The \"callback\" argument must be of type function");
  double delay = 0;
  int first_arg = kind == LT_IMMEDIATE ? 1 : 2;
  if (kind != LT_IMMEDIATE) {
    bool exc = false;
    delay = argc > 1 ? llrt__to_number(S, argv[1], &exc) : 1;
    if (exc) return LLRT_EXC;
    if (!(delay >= 1 && delay <= TIMEOUT_MAX)) delay = 1; /* as Node */
  }
  size_t base = S->sp;
  llrt_value args = LLRT_UNDEF;
  if (argc > first_arg) {
    args = llrt__new_array(S, 0);
    if (args == LLRT_EXC || !llrt__push(S, args)) goto fail;
    for (int i = first_arg; i < argc; i++)
      if (!llrt__array_push(S, LLRT_OBJ(args), argv[i])) goto fail;
  }
  llrt_value proto = L->v[kind == LT_IMMEDIATE ? LV_IMMEDIATE_PROTO : LV_TIMEOUT_PROTO];
  S->cur_site = site;
  llrt_obj *o = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), proto);
  if (!o || !llrt__push(S, llrt_ptr(o))) goto fail;
  uint32_t id = L->next_id++;
  if (!llrt__define(S, o, L->v[LV_SYM_ID], llrt_num(id), 0)) goto fail;
  if (id >= L->byidcap) {
    size_t cap = L->byidcap ? L->byidcap * 2 : 64;
    while (cap <= id) cap *= 2;
    lt_timer **b = realloc(L->byid, cap * sizeof *b);
    if (!b) goto oom;
    for (size_t i = L->byidcap; i < cap; i++) b[i] = NULL;
    L->byid = b;
    L->byidcap = cap;
  }
  lt_timer *t = calloc(1, sizeof *t);
  if (!t) goto oom;
  t->id = id;
  t->kind = (uint8_t)kind;
  t->active = t->ref = true;
  t->delay = delay;
  t->due = clock_now(L) + delay;
  t->site = site;
  t->fn = fn;
  t->obj = llrt_ptr(o);
  t->args = args;
  if (kind == LT_IMMEDIATE) {
    if (L->nimm == L->immcap) {
      size_t cap = L->immcap ? L->immcap * 2 : 64;
      lt_timer **q = realloc(L->imm, cap * sizeof *q);
      if (!q) {
        free(t);
        goto oom;
      }
      L->imm = q;
      L->immcap = cap;
    }
    L->imm[L->nimm++] = t;
    t->in_imm = true;
  } else if (!pq_push(L, t)) {
    free(t);
    goto oom;
  }
  L->byid[id] = t;
  t->prev = L->live_last;
  if (L->live_last) L->live_last->next = t;
  else L->live_first = t;
  L->live_last = t;
  L->nlive++;
  L->nref++;
  S->sp = base;
  return llrt_ptr(o);
oom:
  S->oom = true;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(n_set_timeout) {
  (void)this_val;
  (void)data;
  return add_timer(S, magic, argc, argv);
}

NATIVE(n_clear) {
  UNUSED_NATIVE_ARGS;
  lt_timer *t = timer_of(S, ARG(0));
  if (t) release(S->loop, t);
  return LLRT_UNDEF;
}

/* Timeout.prototype / Immediate.prototype: 0 ref, 1 unref, 2 hasRef,
 * 3 refresh, 4 close, 5 [Symbol.toPrimitive]. */
NATIVE(n_timer_method) {
  (void)argc;
  (void)argv;
  (void)data;
  llrt_loop *L = S->loop;
  lt_timer *t = timer_of(S, this_val);
  switch (magic) {
  case 0:
  case 1:
    if (t && t->ref != (magic == 0)) {
      t->ref = magic == 0;
      if (t->ref) L->nref++;
      else L->nref--;
    }
    return this_val;
  case 2:
    return llrt_bool(t && t->ref);
  case 3:
    if (t && t->kind != LT_IMMEDIATE) {
      t->due = clock_now(L) + t->delay;
      if (!pq_push(L, t)) {
        S->oom = true;
        return LLRT_EXC;
      }
    }
    return this_val;
  case 4:
    if (t) release(L, t);
    return this_val;
  default: {
    if (!LLRT_IS_OBJ(this_val)) return LLRT_UNDEF;
    llrt_prop *p = llrt__find_own(LLRT_OBJ(this_val), L->v[LV_SYM_ID]);
    return p ? p->val : LLRT_UNDEF;
  }
  }
}

NATIVE(n_queue_microtask) {
  UNUSED_NATIVE_ARGS;
  if (!llrt__is_callable(ARG(0)))
    return llrt__throw(S, 1, "The \"callback\" argument must be of type function");
  if (!llrt__enqueue_job(S, ARG(0), LLRT_UNDEF)) {
    S->oom = true;
    return LLRT_EXC;
  }
  return LLRT_UNDEF;
}

NATIVE(n_next_tick) {
  UNUSED_NATIVE_ARGS;
  llrt_loop *L = S->loop;
  if (!llrt__is_callable(ARG(0)))
    return llrt__throw(S, 1, "The \"callback\" argument must be of type function");
  size_t base = S->sp;
  llrt_value args = LLRT_UNDEF;
  if (argc > 1) {
    args = llrt__new_array(S, 0);
    if (args == LLRT_EXC || !llrt__push(S, args)) goto fail;
    for (int i = 1; i < argc; i++)
      if (!llrt__array_push(S, LLRT_OBJ(args), argv[i])) goto fail;
  }
  llrt_obj *q = LLRT_OBJ(L->v[LV_TICKS]);
  if (!llrt__array_push(S, q, argv[0]) || !llrt__array_push(S, q, args)) goto fail;
  S->sp = base;
  return LLRT_UNDEF;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(n_perf_now) {
  UNUSED_NATIVE_ARGS;
  return llrt_num(clock_now(S->loop) - S->loop->start);
}

/* ==== Running ==== */

/* Calls fn(...args) with `this`; args an array or undefined. */
static llrt_value call_with(llrt_state *S, llrt_value fn, llrt_value this_val,
                            llrt_value args) {
  size_t base = S->sp;
  if (!llrt__push(S, fn) || !llrt__push(S, this_val) || !llrt__push(S, args))
    goto fail;
  int argc = 0;
  if (LLRT_IS_OBJ(args)) {
    llrt_obj *a = LLRT_OBJ(args);
    for (uint32_t i = 0; i < a->len; i++) {
      llrt_value v = a->elems[i] == LLRT_HOLE ? LLRT_UNDEF : a->elems[i];
      if (!llrt__push(S, v)) goto fail;
      argc++;
    }
  }
  llrt_value r = llrt__call(S, fn, this_val, argc, &S->stack[base + 3]);
  S->sp = base;
  return r;
fail:
  S->sp = base;
  S->oom = true;
  return LLRT_EXC;
}

/* A callback failed: its result, except after `process.exit()`, whose
 * uncatchable stop ends the run normally. */
static llrt_status cb_failed(llrt_state *S, llrt_result *out) {
  llrt_status st = llrt__fail_result(S, out);
  if (!S->loop->exited) return st;
  if (out) {
    llrt_result_fini(out);
    memset(out, 0, sizeof *out);
  }
  return LLRT_OK;
}

llrt_status llrt_loop_drain(llrt_state *S, llrt_result *out) {
  if (out) memset(out, 0, sizeof *out);
  llrt_loop *L = S->loop;
  if (!L) return llrt_run_jobs(S, out);
  for (;;) {
    if (L->exited) return LLRT_OK;
    llrt_obj *q = LLRT_OBJ(L->v[LV_TICKS]);
    while (L->tickhead + 1 < q->len) {
      llrt_value fn = q->elems[L->tickhead], args = q->elems[L->tickhead + 1];
      L->tickhead += 2;
      if (L->tickhead >= q->len) {
        q->len = 0;
        L->tickhead = 0;
      }
      if (call_with(S, fn, LLRT_UNDEF, args) == LLRT_EXC)
        return cb_failed(S, out);
      q = LLRT_OBJ(L->v[LV_TICKS]);
    }
    llrt_status st = llrt_run_jobs(S, out);
    if (st != LLRT_OK) {
      if (!L->exited) return st;
      if (out) {
        llrt_result_fini(out);
        memset(out, 0, sizeof *out);
      }
      return LLRT_OK;
    }
    q = LLRT_OBJ(L->v[LV_TICKS]);
    if (L->tickhead >= q->len) return LLRT_OK;
  }
}

/* Runs one timer's callback, then reschedules or releases it. */
static llrt_status fire(llrt_state *S, lt_timer *t, llrt_result *out) {
  llrt_loop *L = S->loop;
  uint64_t seq = t->seq;
  t->firing = true;
  if (t->kind == LT_IMMEDIATE) {
    /* An immediate is done before its callback runs (as Node). */
    llrt_value fn = t->fn, obj = t->obj, args = t->args;
    if (!llrt__push(S, fn) || !llrt__push(S, obj) || !llrt__push(S, args)) {
      S->oom = true;
      t->firing = false;
      return cb_failed(S, out);
    }
    release(L, t);
    llrt_value r = call_with(S, fn, obj, args);
    llrt__popn(S, 3);
    t->firing = false;
    maybe_free(t);
    if (r == LLRT_EXC) return cb_failed(S, out);
    return llrt_loop_drain(S, out);
  }
  llrt_value r = call_with(S, t->fn, t->obj, t->args);
  if (r == LLRT_EXC) {
    if (t->kind == LT_TIMEOUT && t->seq == seq) release(L, t);
    t->firing = false;
    maybe_free(t);
    return cb_failed(S, out);
  }
  if (t->active && t->seq == seq) { /* not cleared or refreshed meanwhile */
    if (t->kind == LT_TIMEOUT) {
      release(L, t);
    } else {
      t->due = clock_now(L) + t->delay;
      if (!pq_push(L, t)) {
        S->oom = true;
        t->firing = false;
        return cb_failed(S, out);
      }
    }
  }
  t->firing = false;
  maybe_free(t);
  return llrt_loop_drain(S, out);
}

llrt_status llrt_loop_run(llrt_state *S, double ms, bool until_idle,
                          llrt_result *out) {
  if (out) memset(out, 0, sizeof *out);
  llrt_loop *L = S->loop;
  if (!L) return llrt_run_jobs(S, out);
  double until = clock_now(L) + (ms > 0 ? ms : 0);
  llrt_status st = llrt_loop_drain(S, out);
  if (st != LLRT_OK) return st;
  while (!L->exited) {
    /* Timers phase: everything due when it starts, in (due, creation)
     * order. */
    lt_pqent e;
    double phase = clock_now(L);
    while (!L->exited && pq_peek(L, &e) && e.due <= phase) {
      pq_pop(L);
      st = fire(S, e.t, out);
      if (st != LLRT_OK) return st;
    }
    /* Check phase: the immediates queued before it started. */
    size_t end = L->nimm;
    while (!L->exited && L->immhead < end) {
      lt_timer *t = L->imm[L->immhead++];
      t->in_imm = false;
      if (!t->active) {
        maybe_free(t);
        continue;
      }
      st = fire(S, t, out);
      if (st != LLRT_OK) return st;
    }
    if (L->immhead == L->nimm) L->immhead = L->nimm = 0;
    if (L->exited) break;
    if (L->immhead < L->nimm) continue; /* queued during the check phase */
    if (until_idle && L->nref == 0) break;
    bool more = pq_peek(L, &e);
    if (L->uv) {
      /* Real time: sleep in libuv until the next due timer or the end. */
      if (clock_now(L) >= until || (!more && until_idle)) break;
      wait_until(L, more && e.due < until ? e.due : until);
      continue;
    }
    if (!more || e.due > until) break;
    if (e.due > L->now) L->now = e.due; /* the virtual clock jumps */
  }
  if (!L->uv && !L->exited && (!until_idle || L->nref))
    L->now = until > L->now ? until : L->now;
  return LLRT_OK;
}

llrt_timer_info *llrt_loop_timers(llrt_state *S, size_t *n) {
  *n = 0;
  llrt_loop *L = S->loop;
  if (!L || !L->nlive) return NULL;
  llrt_timer_info *v = calloc(L->nlive, sizeof *v);
  if (!v) return NULL;
  static const char *const kinds[] = {"setTimeout", "setInterval", "setImmediate"};
  for (lt_timer *t = L->live_first; t; t = t->next) {
    llrt_timer_info *i = &v[(*n)++];
    i->id = t->id;
    i->kind = kinds[t->kind];
    i->delay = t->kind == LT_IMMEDIATE ? 0 : t->delay;
    i->ref = t->ref;
    if (!llrt__site_location(S, t->site, &i->file, &i->line, &i->col)) i->file = NULL;
  }
  return v;
}

/* ==== Install ==== */

static bool def_methods(llrt_state *S, llrt_value proto, bool timeout) {
  static const char *const names[] = {"ref", "unref", "hasRef", "refresh", "close"};
  for (int i = 0; i < 5; i++) {
    if (!timeout && i >= 3) break;
    if (llrt__def_fn(S, proto, names[i], n_timer_method, 0, i) == LLRT_EXC) return false;
  }
  if (!timeout) return true;
  llrt_value f = llrt__native_new(S, "[Symbol.toPrimitive]", n_timer_method, 0, 5);
  if (f == LLRT_EXC || !llrt__push(S, f)) return false;
  bool ok = llrt__define(S, LLRT_OBJ(proto), S->sym_to_primitive, f,
                         LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  llrt__popn(S, 1);
  return ok;
}

bool llrt__loop_install(llrt_state *S, double start_ms, bool real_time) {
  if (S->loop) return true;
  llrt_loop *L = calloc(1, sizeof *L);
  if (!L) return false;
  for (int i = 0; i < LV_COUNT; i++) L->v[i] = LLRT_UNDEF;
  L->now = L->start = start_ms;
  L->next_id = 1;
  if (real_time) {
    L->uv = calloc(1, sizeof *L->uv);
    if (!L->uv || uv_loop_init(&L->uv->loop)) {
      free(L->uv);
      free(L);
      return false;
    }
    uv_timer_init(&L->uv->loop, &L->uv->wake);
    L->hr0 = uv_hrtime();
  }
  if (!llrt_root_add(S, L->v, LV_COUNT)) {
    uv_fini(L);
    free(L);
    return false;
  }
  if (!llrt_root_add_tracer(S, trace_timers, L)) {
    llrt_root_remove(S, L->v);
    uv_fini(L);
    free(L);
    return false;
  }
  S->loop = L;
  llrt_value g = S->global;
  L->v[LV_TICKS] = llrt__new_array(S, 0);
  if (L->v[LV_TICKS] == LLRT_EXC) return false;
  llrt_value desc = llrt__str_cstr(S, "timerId");
  if (desc == LLRT_EXC || !llrt__push(S, desc)) return false;
  L->v[LV_SYM_ID] = llrt__symbol_new(S, desc);
  llrt__popn(S, 1);
  if (L->v[LV_SYM_ID] == LLRT_EXC) return false;
  for (int k = 0; k < 2; k++) {
    llrt_value p = llrt__new_object(S);
    if (p == LLRT_EXC) return false;
    L->v[k ? LV_IMMEDIATE_PROTO : LV_TIMEOUT_PROTO] = p;
    if (!def_methods(S, p, k == 0)) return false;
  }
  if (llrt__def_fn(S, g, "setTimeout", n_set_timeout, 2, LT_TIMEOUT) == LLRT_EXC ||
      llrt__def_fn(S, g, "setInterval", n_set_timeout, 2, LT_INTERVAL) == LLRT_EXC ||
      llrt__def_fn(S, g, "setImmediate", n_set_timeout, 1, LT_IMMEDIATE) == LLRT_EXC ||
      llrt__def_fn(S, g, "clearTimeout", n_clear, 1, 0) == LLRT_EXC ||
      llrt__def_fn(S, g, "clearInterval", n_clear, 1, 0) == LLRT_EXC ||
      llrt__def_fn(S, g, "clearImmediate", n_clear, 1, 0) == LLRT_EXC ||
      llrt__def_fn(S, g, "queueMicrotask", n_queue_microtask, 1, 0) == LLRT_EXC)
    return false;
  llrt_value perf = llrt__new_object(S);
  if (perf == LLRT_EXC || !llrt__push(S, perf)) return false;
  bool ok = llrt__def_fn(S, perf, "now", n_perf_now, 0, 0) != LLRT_EXC &&
            llrt__def_val(S, g, "performance", perf);
  llrt__popn(S, 1);
  return ok;
}

llrt_value llrt__loop_next_tick_fn(llrt_state *S) {
  return llrt__native_new(S, "nextTick", n_next_tick, 1, 0);
}
