/* The generational mark-sweep collector (gc.h states the rules in prose).
 *
 * A collection is: mark the roots (and, in a minor, the remembered set's
 * children), drain the mark stack, converge the ephemeron tables, settle
 * FinalizationRegistry cells and WeakRefs, clear dead weak entries, sweep
 * (the young list only in a minor), and fix up the remembered set. Pauses
 * are timed into per-kind sample arrays for the statistics.
 *
 * Must never: run JavaScript, allocate a GC object, or (in a minor) change
 * an old object other than through its remembered flag. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gc.h"
#include "heap.h"
#include "interp.h"
#include "proxy.h"

const char *const llrt_type_names[LLRT_T_COUNT] = {
#define LLRT_TYPE(id, name) name,
#include "types.def"
#undef LLRT_TYPE
};

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ==== Sizes ==== */

size_t llrt__obj_size(llrt_gc *o) {
  switch (o->tt) {
  case LLRT_T_STRING: return sizeof(llrt_str) + ((llrt_str *)o)->len + 1;
  case LLRT_T_SYMBOL: return sizeof(llrt_sym);
  case LLRT_T_ENV:
    return sizeof(llrt_env) + ((llrt_env *)o)->n * sizeof(llrt_value);
  case LLRT_T_CLOSURE: return sizeof(llrt_closure);
  case LLRT_T_NATIVE: return sizeof(llrt_native);
  case LLRT_T_BOUND: return sizeof(llrt_bound);
  case LLRT_T_BOXED: return sizeof(llrt_boxed);
  case LLRT_T_MAP: case LLRT_T_SET: return sizeof(llrt_map);
  case LLRT_T_MAPITER: return sizeof(llrt_mapiter);
  case LLRT_T_ARRAYITER: return sizeof(llrt_arrayiter);
  case LLRT_T_WEAKMAP: case LLRT_T_WEAKSET: return sizeof(llrt_weakmap);
  case LLRT_T_WEAKREF: return sizeof(llrt_weakref);
  case LLRT_T_FINREG: return sizeof(llrt_finreg);
  case LLRT_T_PROMISE: return sizeof(llrt_promise);
  case LLRT_T_DATE: return sizeof(llrt_date);
  case LLRT_T_REGEXP: return sizeof(llrt_regexp);
  case LLRT_T_GENERATOR: return sizeof(llrt_gen);
  case LLRT_T_PROXY: return sizeof(llrt_proxy);
  case LLRT_T_OBJECT: return LLRT_PLAIN_OBJ_SIZE;
  default: return sizeof(llrt_obj);
  }
}

/* ==== Children ==== */

typedef void (*child_fn)(llrt_state *S, llrt_gc *c, void *ud);

#define VISIT(v)                                                               \
  do {                                                                         \
    llrt_value v_ = (v);                                                       \
    if (LLRT_IS_PTR(v_)) fn(S, LLRT_PTR(v_), ud);                              \
  } while (0)
#define VISITP(p)                                                              \
  do {                                                                         \
    if (p) fn(S, (llrt_gc *)(p), ud);                                          \
  } while (0)

typedef struct gen_adapter {
  child_fn fn;
  void *ud;
} gen_adapter;

static void gen_child(llrt_state *S, llrt_value v, void *ud) {
  gen_adapter *a = ud;
  if (LLRT_IS_PTR(v)) a->fn(S, LLRT_PTR(v), a->ud);
}

/* Calls `fn` on every child; weak references only when `weak`. */
static void children(llrt_state *S, llrt_gc *o, child_fn fn, void *ud,
                     bool weak) {
  switch (o->tt) {
  case LLRT_T_STRING: return;
  case LLRT_T_SYMBOL: VISIT(((llrt_sym *)o)->desc); return;
  case LLRT_T_ENV: {
    llrt_env *e = (llrt_env *)o;
    /* A frame env is not a heap object: its frame traces it (and once the
     * call returned, the pointer dangles: never read through it). */
    if (!(o->flags & LLRT_GCF_FRAME_PARENT)) VISITP(e->parent);
    for (uint32_t i = 0; i < e->n; i++) VISIT(e->slots[i]);
    return;
  }
  default: break;
  }
  /* Every object type: prototype, properties, elements. */
  llrt_obj *ob = (llrt_obj *)o;
  VISITP(ob->proto);
  for (uint32_t i = 0; i < ob->nprops; i++) {
    llrt_prop *p = &ob->props[i];
    if (p->flags & LLRT_P_DELETED) continue;
    VISIT(p->key);
    VISIT(p->val);
    VISIT(p->setter);
  }
  for (uint32_t i = 0; i < ob->len && ob->elems; i++) VISIT(ob->elems[i]);
  switch (o->tt) {
  case LLRT_T_CLOSURE: {
    llrt_closure *c = (llrt_closure *)o;
    VISITP(c->env);
    VISIT(c->this_val);
    VISIT(c->home);
    VISIT(c->new_target);
    return;
  }
  case LLRT_T_NATIVE:
    VISIT(((llrt_native *)o)->data[0]);
    VISIT(((llrt_native *)o)->data[1]);
    return;
  case LLRT_T_BOUND: {
    llrt_bound *b = (llrt_bound *)o;
    VISIT(b->target);
    VISIT(b->this_val);
    for (uint32_t i = 0; i < b->nargs; i++) VISIT(b->args[i]);
    return;
  }
  case LLRT_T_BOXED: VISIT(((llrt_boxed *)o)->prim); return;
  case LLRT_T_MAP: case LLRT_T_SET: {
    llrt_map *m = (llrt_map *)o;
    for (uint32_t i = m->first; i < m->nents; i++) {
      VISIT(m->ents[i].key);
      VISIT(m->ents[i].val);
    }
    return;
  }
  case LLRT_T_MAPITER: VISITP(((llrt_mapiter *)o)->map); return;
  case LLRT_T_ARRAYITER: VISIT(((llrt_arrayiter *)o)->target); return;
  case LLRT_T_WEAKMAP: case LLRT_T_WEAKSET: {
    if (!weak) return;
    llrt_weakmap *w = (llrt_weakmap *)o;
    for (uint32_t i = 0; i < w->cap; i++) {
      if (!LLRT_IS_PTR(w->ents[i].key)) continue;
      VISIT(w->ents[i].key);
      VISIT(w->ents[i].val);
    }
    return;
  }
  case LLRT_T_WEAKREF:
    if (weak) VISIT(((llrt_weakref *)o)->target);
    return;
  case LLRT_T_FINREG: {
    llrt_finreg *r = (llrt_finreg *)o;
    VISIT(r->cleanup);
    for (uint32_t i = 0; i < r->n; i++) {
      VISIT(r->cells[i].held);
      if (weak) {
        VISIT(r->cells[i].target);
        VISIT(r->cells[i].token);
      }
    }
    return;
  }
  case LLRT_T_PROMISE:
    VISIT(((llrt_promise *)o)->result);
    VISIT(((llrt_promise *)o)->reactions);
    return;
  case LLRT_T_REGEXP:
    VISIT(((llrt_regexp *)o)->source);
    VISIT(((llrt_regexp *)o)->flags);
    return;
  case LLRT_T_PROXY: /* `null` (revoked) is not a pointer */
    VISIT(LLRT_PROXY(o)->target);
    VISIT(LLRT_PROXY(o)->handler);
    return;
  case LLRT_T_GENERATOR: {
    gen_adapter a = {fn, ud};
    llrt__gen_children(S, (llrt_gen *)o, gen_child, &a);
    return;
  }
  default: return;
  }
}

void llrt__children(llrt_state *S, llrt_gc *o, child_fn fn, void *ud) {
  children(S, o, fn, ud, false);
}

/* ==== Marking ==== */

/* Pushes a freshly marked object. When the stack cannot grow (no memory,
 * or the debug `gray_limit`), the object stays marked but unscanned and
 * `drain` rescans the heap for such objects. */
static bool gray_push(llrt_state *S, llrt_gc *o) {
  if (S->ngray == S->graycap) {
    size_t cap = S->graycap ? S->graycap * 2 : 1024;
    if (S->cfg.gray_limit && cap > S->cfg.gray_limit) cap = S->cfg.gray_limit;
    llrt_gc **g = cap > S->graycap ? realloc(S->gray, cap * sizeof *g) : NULL;
    if (!g) {
      S->gray_overflow = true;
      return false;
    }
    S->gray = g;
    S->graycap = cap;
  }
  S->gray[S->ngray++] = o;
  return true;
}

void llrt__mark_ptr(llrt_state *S, llrt_gc *o) {
  if (o->mark == LLRT_BLACK) return;
  if (S->in_minor && o->age == LLRT_AGE_OLD) return; /* invariant (M) */
  o->mark = LLRT_BLACK;
  if (o->tt == LLRT_T_STRING) return; /* no children: never gray */
  gray_push(S, o);
}

void llrt__mark_value(llrt_state *S, llrt_value v) {
  if (LLRT_IS_PTR(v)) llrt__mark_ptr(S, LLRT_PTR(v));
}

static void mark_cb(llrt_state *S, llrt_gc *c, void *ud) {
  (void)ud;
  llrt__mark_ptr(S, c);
}

/* Weak containers are queued so the steps after marking can settle them. */
static void queue_weak(llrt_state *S, llrt_gc *o) {
  switch (o->tt) {
  case LLRT_T_WEAKMAP: case LLRT_T_WEAKSET: {
    llrt_weakmap *w = (llrt_weakmap *)o;
    if (!w->queued) {
      w->queued = true;
      w->next_eph = S->ephemerons;
      S->ephemerons = w;
    }
    break;
  }
  case LLRT_T_WEAKREF: {
    llrt_weakref *w = (llrt_weakref *)o;
    if (!w->queued) {
      w->queued = true;
      w->next_weak = S->weakrefs;
      S->weakrefs = w;
    }
    break;
  }
  case LLRT_T_FINREG: {
    llrt_finreg *r = (llrt_finreg *)o;
    if (!r->queued) {
      r->queued = true;
      r->next_weak = S->finregs;
      S->finregs = r;
    }
    break;
  }
  default: break;
  }
}

static void scan(llrt_state *S, llrt_gc *o) {
  children(S, o, mark_cb, NULL, false);
  if (o->tt >= LLRT_T_WEAKMAP && o->tt <= LLRT_T_FINREG) queue_weak(S, o);
}

static void drain_stack(llrt_state *S) {
  while (S->ngray) scan(S, S->gray[--S->ngray]);
}

/* Empties the mark stack; after an overflow, scans every marked object of
 * the lists being collected again (scanning is idempotent) until a pass
 * overflows no more. Each overflowing pass marks at least one more object,
 * so this ends. */
static void drain(llrt_state *S) {
  drain_stack(S);
  while (S->gray_overflow) {
    S->gray_overflow = false;
    for (int list = 0; list < (S->in_minor ? 1 : 2); list++)
      for (llrt_gc *o = list ? S->old : S->young; o; o = o->next)
        if (o->mark == LLRT_BLACK && o->tt != LLRT_T_STRING) {
          scan(S, o);
          drain_stack(S);
        }
  }
}

/* ==== Roots ==== */

typedef void (*root_fn)(llrt_state *S, llrt_value v, void *ud);

void llrt__frame_children(llrt_state *S, llrt_frame *f,
                          void (*fn)(llrt_state *, llrt_value, void *),
                          void *ud) {
  fn(S, f->fn, ud);
  fn(S, f->this_val, ud);
  fn(S, f->new_target, ud);
  fn(S, f->arguments, ud);
  fn(S, f->ret, ud);
  fn(S, f->home, ud);
  /* The chain may hold frame envs (the running function's record and, for
   * a block inside it, below a heap one): their slots are roots here. */
  for (llrt_env *e = f->env; e; e = e->parent) {
    if (!(e->h.flags & LLRT_GCF_FRAME_ENV)) {
      fn(S, llrt_ptr(e), ud);
      continue;
    }
    for (uint32_t i = 0; i < e->n; i++) fn(S, e->slots[i], ud);
    if (e->parent) fn(S, llrt_ptr(e->parent), ud); /* heap from here up */
    break;
  }
  for (int i = 0; i < f->argc; i++) fn(S, f->args[i], ud);
}

/* The tracer API passes a plain mark function; this trampoline forwards to
 * whichever walk (marking, verification, paths) is running, kept in
 * `S->root_fn`/`S->root_ud` for the duration of one `each_root` call. */
static void root_trampoline(llrt_state *S, llrt_value v) {
  S->root_fn(S, v, S->root_ud);
}

static void each_root(llrt_state *S, root_fn fn, void *ud) {
  for (size_t i = 0; i < S->nrootsets; i++)
    for (size_t j = 0; j < S->rootsets[i].n; j++)
      fn(S, S->rootsets[i].slots[j], ud);
  for (size_t i = 0; i < S->sp; i++) fn(S, S->stack[i], ud);
  for (llrt_frame *f = S->frame; f; f = f->parent) llrt__frame_children(S, f, fn, ud);
  fn(S, S->exc, ud);
  fn(S, S->native_nt, ud);
  /* Value stacks of resumers whose coroutine is running. */
  for (llrt_gen *g = S->cur_gen; g; g = g->prev_running)
    for (size_t i = 0; i < g->outer_sp; i++) fn(S, g->outer_stack[i], ud);
  root_fn saved_fn = S->root_fn;
  void *saved_ud = S->root_ud;
  S->root_fn = fn;
  S->root_ud = ud;
  for (size_t i = 0; i < S->ntracers; i++)
    S->tracers[i].fn(S, S->tracers[i].ud, root_trampoline);
  llrt__trace_scripts(S, root_trampoline);
  S->root_fn = saved_fn;
  S->root_ud = saved_ud;
}

static void mark_root(llrt_state *S, llrt_value v, void *ud) {
  (void)ud;
  llrt__mark_value(S, v);
}

/* ==== Weak settlement ==== */

static bool is_live(const llrt_state *S, llrt_value v) {
  if (!LLRT_IS_PTR(v)) return true;
  llrt_gc *o = LLRT_PTR(v);
  if (o->mark == LLRT_BLACK) return true;
  if (S->in_minor && o->age == LLRT_AGE_OLD) return true;
  return false;
}

/* Marks values whose keys are live until a round marks nothing. */
static void converge_ephemerons(llrt_state *S) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (llrt_weakmap *w = S->ephemerons; w; w = w->next_eph) {
      for (uint32_t i = 0; i < w->cap; i++) {
        llrt_wentry *e = &w->ents[i];
        if (!LLRT_IS_PTR(e->key) || !is_live(S, e->key)) continue;
        if (!is_live(S, e->val)) {
          llrt__mark_value(S, e->val);
          changed = true;
        }
      }
      drain(S);
    }
  }
}

static void settle_weak(llrt_state *S) {
  /* FinalizationRegistry: a cell whose target died queues its callback. */
  for (llrt_finreg *r = S->finregs; r; r = r->next_weak) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < r->n; i++) {
      llrt_fincell c = r->cells[i];
      if (!is_live(S, c.target)) {
        llrt__enqueue_job(S, r->cleanup, c.held);
        continue;
      }
      if (!is_live(S, c.token)) c.token = LLRT_UNDEF;
      r->cells[k++] = c;
    }
    r->n = k;
  }
  for (llrt_weakref *w = S->weakrefs; w; w = w->next_weak)
    if (!is_live(S, w->target)) w->target = LLRT_UNDEF;
  for (llrt_weakmap *w = S->ephemerons; w; w = w->next_eph) {
    for (uint32_t i = 0; i < w->cap; i++) {
      llrt_wentry *e = &w->ents[i];
      if (LLRT_IS_PTR(e->key) && !is_live(S, e->key)) {
        e->key = LLRT_HOLE;
        e->val = LLRT_UNDEF;
        w->count--;
      }
    }
  }
  /* Unqueue everything for the next cycle. */
  for (llrt_weakmap *w = S->ephemerons, *n; w; w = n) {
    n = w->next_eph;
    w->queued = false;
    w->next_eph = NULL;
  }
  for (llrt_weakref *w = S->weakrefs, *n; w; w = n) {
    n = w->next_weak;
    w->queued = false;
  }
  for (llrt_finreg *r = S->finregs, *n; r; r = n) {
    n = r->next_weak;
    r->queued = false;
  }
  S->ephemerons = NULL;
  S->weakrefs = NULL;
  S->finregs = NULL;
}

/* ==== Freeing ==== */

void llrt__free_obj(llrt_state *S, llrt_gc *o) {
  int tt = o->tt;
  if (tt == LLRT_T_STRING) {
    if (o->flags & LLRT_GCF_INTERNED) llrt__intern_remove(S, (llrt_str *)o);
  } else if (tt >= LLRT_T_OBJECT) {
    llrt_obj *ob = (llrt_obj *)o;
    if (!llrt__props_inline(ob))
      llrt__mem_free(S, tt, ob->props, ob->pcap * sizeof *ob->props);
    llrt__mem_free(S, tt, ob->hidx, ob->hcap * sizeof *ob->hidx);
    llrt__mem_free(S, tt, ob->elems, ob->ecap * sizeof *ob->elems);
    switch (tt) {
    case LLRT_T_BOUND: {
      llrt_bound *b = (llrt_bound *)o;
      llrt__mem_free(S, tt, b->args, b->nargs * sizeof *b->args);
      break;
    }
    case LLRT_T_MAP: case LLRT_T_SET: llrt__map_free(S, (llrt_map *)o); break;
    case LLRT_T_MAPITER: llrt__mapiter_detach(S, (llrt_mapiter *)o); break;
    case LLRT_T_WEAKMAP: case LLRT_T_WEAKSET: {
      llrt_weakmap *w = (llrt_weakmap *)o;
      llrt__mem_free(S, tt, w->ents, w->cap * sizeof *w->ents);
      break;
    }
    case LLRT_T_FINREG: {
      llrt_finreg *r = (llrt_finreg *)o;
      llrt__mem_free(S, tt, r->cells, r->cap * sizeof *r->cells);
      break;
    }
    case LLRT_T_REGEXP: llrt__regexp_free(S, (llrt_regexp *)o); break;
    case LLRT_T_GENERATOR: llrt__gen_free(S, (llrt_gen *)o); break;
    default: break;
    }
  }
  size_t sz = llrt__obj_size(o);
  if (llrt_is_old(o)) S->old_bytes -= sz;
  else S->young_bytes -= sz;
  S->live_count[tt]--;
  llrt__raw_free(S, o, sz);
  llrt__account(S, tt, -(long)sz);
}

/* ==== Sweeping ==== */

static void has_young_cb(llrt_state *S, llrt_gc *c, void *ud) {
  (void)S;
  if (c->age != LLRT_AGE_OLD) *(bool *)ud = true;
}

static bool has_young_child(llrt_state *S, llrt_gc *o) {
  bool found = false;
  children(S, o, has_young_cb, &found, true);
  return found;
}

static void remember(llrt_state *S, llrt_gc *o) {
  if (o->flags & LLRT_GCF_REMEMBERED) return;
  if (S->nremembered == S->remcap) {
    size_t cap = S->remcap ? S->remcap * 2 : 256;
    llrt_gc **r = realloc(S->remembered, cap * sizeof *r);
    if (!r) {
      S->oom = true;
      return;
    }
    S->remembered = r;
    S->remcap = cap;
  }
  o->flags |= LLRT_GCF_REMEMBERED;
  S->remembered[S->nremembered++] = o;
}

void llrt__barrier_slow(llrt_state *S, llrt_gc *o) { remember(S, o); }

/* Minor sweep: frees white young objects, ages the rest, promotes. Returns
 * the number of objects promoted (they are at the head of the old list). */
static size_t sweep_young(llrt_state *S) {
  size_t promoted = 0;
  llrt_gc **link = &S->young;
  unsigned promote = S->cfg.promote_age ? S->cfg.promote_age : 1;
  while (*link) {
    llrt_gc *o = *link;
    if (o->mark == LLRT_WHITE) {
      *link = o->next;
      llrt__free_obj(S, o);
      continue;
    }
    o->mark = LLRT_WHITE;
    if (++o->age >= promote) {
      size_t sz = llrt__obj_size(o);
      *link = o->next;
      o->age = LLRT_AGE_OLD;
      o->next = S->old;
      S->old = o;
      S->young_bytes -= sz;
      S->old_bytes += sz;
      S->bytes_promoted += sz;
      promoted++;
      continue;
    }
    link = &o->next;
  }
  return promoted;
}

static void sweep_list(llrt_state *S, llrt_gc **link) {
  while (*link) {
    llrt_gc *o = *link;
    if (o->mark == LLRT_WHITE && !(o->flags & LLRT_GCF_FIXED)) {
      *link = o->next;
      llrt__free_obj(S, o);
      continue;
    }
    o->mark = LLRT_WHITE;
    link = &o->next;
  }
}

/* Keeps remembered only the old objects that still point to young ones. */
static void refresh_remembered(llrt_state *S) {
  size_t k = 0;
  for (size_t i = 0; i < S->nremembered; i++) {
    llrt_gc *o = S->remembered[i];
    if (has_young_child(S, o)) S->remembered[k++] = o;
    else o->flags &= (uint8_t)~LLRT_GCF_REMEMBERED;
  }
  S->nremembered = k;
}

/* ==== Collections ==== */

static void record_pause(llrt_state *S, bool major, double ms) {
  double **arr = major ? &S->major_ms : &S->minor_ms;
  size_t *n = major ? &S->nmajor_ms : &S->nminor_ms;
  size_t *cap = major ? &S->major_mscap : &S->minor_mscap;
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 64;
    double *a = realloc(*arr, c * sizeof *a);
    if (!a) return;
    *arr = a;
    *cap = c;
  }
  (*arr)[(*n)++] = ms;
}

static void verify_or_report(llrt_state *S) {
  const char *why = NULL;
  if (S->cfg.gc_verify && !llrt_gc_verify(S, &why)) {
    fprintf(stderr, "llrt: heap verification failed: %s\n", why);
    abort(); /* an invariant: a debug mode only, never on in production */
  }
}

void llrt_gc_minor(llrt_state *S) {
  if (S->collecting) return;
  double t0 = now_ms();
  S->collecting = true;
  S->in_minor = true;
  each_root(S, mark_root, NULL);
  for (size_t i = 0; i < S->nremembered; i++) {
    llrt_gc *o = S->remembered[i];
    children(S, o, mark_cb, NULL, false);
    if (o->tt >= LLRT_T_WEAKMAP && o->tt <= LLRT_T_FINREG) queue_weak(S, o);
  }
  drain(S);
  converge_ephemerons(S);
  settle_weak(S);
  size_t promoted = sweep_young(S);
  /* Newly promoted objects with young children join the remembered set. */
  llrt_gc *o = S->old;
  for (size_t i = 0; i < promoted && o; i++, o = o->next)
    if (has_young_child(S, o)) remember(S, o);
  refresh_remembered(S);
  S->in_minor = false;
  S->collecting = false;
  S->since_gc = 0;
  S->minors++;
  record_pause(S, false, now_ms() - t0);
  verify_or_report(S);
}

void llrt_gc_major(llrt_state *S) {
  if (S->collecting) return;
  double t0 = now_ms();
  S->collecting = true;
  S->in_minor = false;
  each_root(S, mark_root, NULL);
  drain(S);
  converge_ephemerons(S);
  settle_weak(S);
  /* Dead remembered objects leave the set before the sweep frees them. */
  size_t k = 0;
  for (size_t i = 0; i < S->nremembered; i++)
    if (S->remembered[i]->mark == LLRT_BLACK) S->remembered[k++] = S->remembered[i];
  S->nremembered = k;
  sweep_list(S, &S->young);
  sweep_list(S, &S->old);
  refresh_remembered(S);
  S->collecting = false;
  S->since_gc = 0;
  S->major_base = S->total_bytes;
  S->majors++;
  record_pause(S, true, now_ms() - t0);
  verify_or_report(S);
}

static void maybe_collect(llrt_state *S, size_t size) {
  if (S->collecting) return;
  if (S->cfg.gc_stress) {
    if (++S->stress_count % 16 == 0) llrt_gc_major(S);
    else llrt_gc_minor(S);
    return;
  }
  size_t base = S->major_base < (1u << 20) ? (1u << 20) : S->major_base;
  if (S->total_bytes + size > base + base / 100 * S->cfg.major_growth)
    llrt_gc_major(S);
  else if (S->since_gc + size > S->cfg.nursery_bytes)
    llrt_gc_minor(S);
  if (S->cfg.heap_cap && S->total_bytes + size > S->cfg.heap_cap) {
    llrt_gc_major(S);
  }
}

void *llrt__alloc(llrt_state *S, int tt, size_t size) {
  maybe_collect(S, size);
  if (S->cfg.heap_cap && S->total_bytes + size > S->cfg.heap_cap) {
    S->oom = true;
    return NULL;
  }
  if (S->cfg.fail_alloc_at && ++S->nalloc == S->cfg.fail_alloc_at) {
    S->oom = true;
    return NULL;
  }
  llrt_gc *o = llrt__raw_alloc(S, size);
  if (!o) {
    S->oom = true;
    return NULL;
  }
  /* A string's bytes are written by its maker: zero only its header. */
  memset(o, 0, tt == LLRT_T_STRING ? sizeof(llrt_str) : size);
  o->tt = (uint8_t)tt;
  o->site = S->cur_site;
  o->next = S->young;
  S->young = o;
  S->young_bytes += size;
  S->live_count[tt]++;
  llrt__account(S, tt, (long)size);
  return o;
}

/* ==== Verification ==== */

typedef struct ptrset {
  uintptr_t *slots;
  size_t cap, n;
} ptrset;

static size_t ph(uintptr_t p, size_t cap) {
  return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull) & (cap - 1);
}
static bool ps_add(ptrset *s, const void *p) {
  if ((s->n + 1) * 2 > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 1024;
    uintptr_t *n = calloc(cap, sizeof *n);
    if (!n) return false;
    for (size_t i = 0; i < s->cap; i++)
      if (s->slots[i]) {
        size_t j = ph(s->slots[i], cap);
        while (n[j]) j = (j + 1) & (cap - 1);
        n[j] = s->slots[i];
      }
    free(s->slots);
    s->slots = n;
    s->cap = cap;
  }
  size_t j = ph((uintptr_t)p, s->cap);
  while (s->slots[j]) {
    if (s->slots[j] == (uintptr_t)p) return false;
    j = (j + 1) & (s->cap - 1);
  }
  s->slots[j] = (uintptr_t)p;
  s->n++;
  return true;
}
static bool ps_has(const ptrset *s, const void *p) {
  if (!s->cap) return false;
  size_t j = ph((uintptr_t)p, s->cap);
  while (s->slots[j]) {
    if (s->slots[j] == (uintptr_t)p) return true;
    j = (j + 1) & (s->cap - 1);
  }
  return false;
}

typedef struct vwalk {
  ptrset all, seen;
  llrt_gc **queue;
  size_t nq, qcap;
  const char *why;
} vwalk;

static void vw_visit(llrt_state *S, llrt_gc *c, void *ud) {
  (void)S;
  vwalk *w = ud;
  if (!ps_has(&w->all, c)) {
    if (!w->why) w->why = "a reachable object is not on any heap list (freed)";
    return;
  }
  if (!ps_add(&w->seen, c)) return;
  if (w->nq == w->qcap) {
    size_t cap = w->qcap ? w->qcap * 2 : 1024;
    llrt_gc **q = realloc(w->queue, cap * sizeof *q);
    if (!q) return;
    w->queue = q;
    w->qcap = cap;
  }
  w->queue[w->nq++] = c;
}
static void vw_root(llrt_state *S, llrt_value v, void *ud) {
  if (LLRT_IS_PTR(v)) vw_visit(S, LLRT_PTR(v), ud);
}

bool llrt_gc_verify(llrt_state *S, const char **why) {
  vwalk w = {0};
  const char *fail = NULL;
  for (llrt_gc *o = S->young; o && !fail; o = o->next) {
    if (o->age == LLRT_AGE_OLD) fail = "an old object on the young list";
    else if (o->mark != LLRT_WHITE) fail = "a young object left marked";
    else if (!ps_add(&w.all, o)) fail = "an object twice on the lists";
  }
  for (llrt_gc *o = S->old; o && !fail; o = o->next) {
    if (o->age != LLRT_AGE_OLD) fail = "a young object on the old list";
    else if (o->mark != LLRT_WHITE) fail = "an old object left marked";
    else if (!ps_add(&w.all, o)) fail = "an object twice on the lists";
    else if (has_young_child(S, o) && !(o->flags & LLRT_GCF_REMEMBERED))
      fail = "an old object points to a young one outside the remembered set";
  }
  if (!fail) {
    each_root(S, vw_root, &w);
    while (w.nq && !w.why) {
      llrt_gc *o = w.queue[--w.nq];
      children(S, o, vw_visit, &w, false);
    }
    fail = w.why;
  }
  free(w.all.slots);
  free(w.seen.slots);
  free(w.queue);
  if (why) *why = fail;
  return fail == NULL;
}

/* ==== Statistics ==== */

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void percentiles(const double *s, size_t n, double *med, double *p99,
                        double *max) {
  *med = *p99 = *max = 0;
  if (!n) return;
  double *c = malloc(n * sizeof *c);
  if (!c) return;
  memcpy(c, s, n * sizeof *c);
  qsort(c, n, sizeof *c, cmp_double);
  *med = c[n / 2];
  *p99 = c[(size_t)((double)(n - 1) * 0.99)];
  *max = c[n - 1];
  free(c);
}

void llrt_gc_get_stats(llrt_state *S, llrt_gc_stats *out) {
  memset(out, 0, sizeof *out);
  out->minors = S->minors;
  out->majors = S->majors;
  out->bytes_allocated = S->bytes_allocated;
  out->bytes_promoted = S->bytes_promoted;
  out->bytes_freed = S->bytes_freed;
  out->live_bytes = S->total_bytes;
  out->old_bytes = S->old_bytes;
  out->young_bytes = S->young_bytes;
  for (int i = 0; i < LLRT_T_COUNT; i++) out->live_objects += S->live_count[i];
  percentiles(S->minor_ms, S->nminor_ms, &out->minor_median_ms,
              &out->minor_p99_ms, &out->minor_max_ms);
  percentiles(S->major_ms, S->nmajor_ms, &out->major_median_ms,
              &out->major_p99_ms, &out->major_max_ms);
}

void llrt_gc_reset_stats(llrt_state *S) {
  S->minors = S->majors = 0;
  S->bytes_allocated = S->bytes_promoted = S->bytes_freed = 0;
  S->nminor_ms = S->nmajor_ms = 0;
}

size_t llrt_gc_live_bytes(const llrt_state *S, int type) {
  if (type < 0 || type >= LLRT_T_COUNT) return S->total_bytes;
  return S->live_bytes[type];
}

/* ==== Census ==== */

typedef struct crow {
  uint32_t site;
  int tt;
  size_t count, bytes;
} crow;

static size_t obj_total_bytes(llrt_gc *o) {
  size_t sz = llrt__obj_size(o);
  if (o->tt >= LLRT_T_OBJECT) {
    llrt_obj *ob = (llrt_obj *)o;
    sz += (llrt__props_inline(ob) ? 0 : ob->pcap * sizeof(llrt_prop)) +
          ob->hcap * sizeof(uint32_t) +
          ob->ecap * sizeof(llrt_value);
  }
  return sz;
}

static int cmp_rows(const void *a, const void *b) {
  const llrt_census_row *x = a, *y = b;
  return x->bytes < y->bytes ? 1 : x->bytes > y->bytes ? -1 : 0;
}

llrt_census_row *llrt_census(llrt_state *S, size_t *n) {
  llrt_gc_major(S);
  size_t cap = 1024, len = 0;
  crow *rows = calloc(cap, sizeof *rows); /* open addressing on (site, tt) */
  llrt_census_row *out = NULL;
  if (!rows) goto fail;
  for (int pass = 0; pass < 2; pass++) {
    for (llrt_gc *o = pass ? S->old : S->young; o; o = o->next) {
      if ((len + 1) * 2 > cap) {
        size_t ncap = cap * 2;
        crow *nr = calloc(ncap, sizeof *nr);
        if (!nr) goto fail;
        for (size_t i = 0; i < cap; i++) {
          if (!rows[i].count) continue;
          size_t j = ((rows[i].site * 31u + (unsigned)rows[i].tt) * 2654435761u) &
                     (ncap - 1);
          while (nr[j].count) j = (j + 1) & (ncap - 1);
          nr[j] = rows[i];
        }
        free(rows);
        rows = nr;
        cap = ncap;
      }
      size_t j = ((o->site * 31u + o->tt) * 2654435761u) & (cap - 1);
      while (rows[j].count && (rows[j].site != o->site || rows[j].tt != o->tt))
        j = (j + 1) & (cap - 1);
      if (!rows[j].count) {
        rows[j].site = o->site;
        rows[j].tt = o->tt;
        len++;
      }
      rows[j].count++;
      rows[j].bytes += obj_total_bytes(o);
    }
  }
  out = malloc((len ? len : 1) * sizeof *out);
  if (!out) goto fail;
  size_t k = 0;
  for (size_t i = 0; i < cap; i++) {
    if (!rows[i].count) continue;
    llrt_census_row *r = &out[k++];
    r->site = rows[i].site;
    r->type = llrt_type_names[rows[i].tt];
    r->count = rows[i].count;
    r->bytes = rows[i].bytes;
    r->file = NULL;
    r->line = r->col = 0;
    llrt__site_location(S, r->site, &r->file, &r->line, &r->col);
  }
  qsort(out, k, sizeof *out, cmp_rows);
  free(rows);
  *n = k;
  return out;
fail:
  free(rows);
  free(out);
  *n = 0;
  return NULL;
}

size_t llrt_census_count(llrt_state *S, const char *type, const char *file,
                         unsigned line) {
  size_t n = 0, total = 0;
  llrt_census_row *rows = llrt_census(S, &n);
  for (size_t i = 0; i < n; i++) {
    if (type && strcmp(rows[i].type, type)) continue;
    if (file && (!rows[i].file || strcmp(rows[i].file, file))) continue;
    if (line && rows[i].line != line) continue;
    total += rows[i].count;
  }
  free(rows);
  return total;
}

/* ==== Retaining paths ==== */

typedef struct pwalk {
  ptrset seen;
  llrt_gc **queue;   /* BFS order */
  llrt_gc **parent;  /* parent[i] of queue[i]; NULL for roots */
  size_t nq, qcap;
  llrt_gc *cur;
} pwalk;

static void pw_visit(llrt_state *S, llrt_gc *c, void *ud) {
  (void)S;
  pwalk *w = ud;
  if (!ps_add(&w->seen, c)) return;
  if (w->nq == w->qcap) {
    size_t cap = w->qcap ? w->qcap * 2 : 1024;
    llrt_gc **q = realloc(w->queue, cap * sizeof *q);
    llrt_gc **p = q ? realloc(w->parent, cap * sizeof *p) : NULL;
    if (q) w->queue = q;
    if (!p) return;
    w->parent = p;
    w->qcap = cap;
  }
  w->queue[w->nq] = c;
  w->parent[w->nq] = w->cur;
  w->nq++;
}
static void pw_root(llrt_state *S, llrt_value v, void *ud) {
  if (LLRT_IS_PTR(v)) pw_visit(S, LLRT_PTR(v), ud);
}

static size_t index_of(const pwalk *w, const llrt_gc *o) {
  for (size_t i = 0; i < w->nq; i++)
    if (w->queue[i] == o) return i;
  return SIZE_MAX;
}

bool llrt_census_path(llrt_state *S, uint32_t site, char *buf, size_t cap) {
  pwalk w = {0};
  bool ok = false;
  llrt_gc_major(S);
  each_root(S, pw_root, &w);
  size_t found = SIZE_MAX;
  for (size_t i = 0; i < w.nq; i++) {
    if (w.queue[i]->site == site && w.queue[i]->tt != LLRT_T_STRING) {
      found = i;
      break;
    }
    w.cur = w.queue[i];
    children(S, w.queue[i], pw_visit, &w, false);
  }
  if (found != SIZE_MAX && cap) {
    /* Walk the parents back to the root, then print root-first. */
    llrt_gc *chain[64];
    size_t depth = 0;
    for (size_t i = found; i != SIZE_MAX && depth < 64;) {
      chain[depth++] = w.queue[i];
      i = w.parent[i] ? index_of(&w, w.parent[i]) : SIZE_MAX;
    }
    size_t off = (size_t)snprintf(buf, cap, "root");
    for (size_t d = depth; d-- > 0 && off < cap;) {
      const char *file = NULL;
      unsigned line = 0, col = 0;
      llrt__site_location(S, chain[d]->site, &file, &line, &col);
      if (file)
        off += (size_t)snprintf(buf + off, cap - off, " -> %s (%s:%u:%u)",
                                llrt_type_names[chain[d]->tt], file, line, col);
      else
        off += (size_t)snprintf(buf + off, cap - off, " -> %s",
                                llrt_type_names[chain[d]->tt]);
    }
    ok = true;
  }
  free(w.seen.slots);
  free(w.queue);
  free(w.parent);
  return ok;
}

/* ==== Lifecycle ==== */

void llrt__gc_init(llrt_state *S) {
  S->young = S->old = NULL;
  S->major_base = 0;
}

void llrt__gc_fini(llrt_state *S) {
  for (int pass = 0; pass < 2; pass++) {
    llrt_gc *o = pass ? S->old : S->young;
    while (o) {
      llrt_gc *n = o->next;
      o->flags &= (uint8_t)~LLRT_GCF_INTERNED; /* the table goes as a whole */
      llrt__free_obj(S, o);
      o = n;
    }
  }
  S->young = S->old = NULL;
  free(S->remembered);
  free(S->gray);
  free(S->minor_ms);
  free(S->major_ms);
  S->remembered = NULL;
  S->gray = NULL;
}
