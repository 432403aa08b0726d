/* Retaining paths for the `leaklint run` report, from *named* roots: one
 * breadth-first walk of the heap that finds, for several allocation sites at
 * once, the shortest chain from a root to a live object of each site.
 *
 * The walk is seeded in this order, so that among equally short paths the
 * most telling root wins: live timers ("timer #3 (poll.js:14)"), the
 * bindings of every program module's scope ("poll.js: cache"), the global
 * object's properties ("global.cache"), then every other root the collector
 * knows ("root": registered slots, tracers, the value stack, frames,
 * constants). Edges are `llrt__children`, the collector's own.
 *
 * A chain prints each object as "closure NAME", or "Type (file:line)", with
 * the property or index that leads on (".items", "[3]"); environment
 * records are left out (a closure reaches its captured variables through
 * them) and the last hop carries the site's object count.
 *
 * Must never: allocate GC memory or run JavaScript during the walk (it
 * holds raw pointers), or change a mark or list (it reads the heap only). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"
#include "interp.h"
#include "loop.h"

typedef struct pent {
  llrt_gc *o;
  uint32_t parent; /* index of the parent entry; UINT32_MAX for a seed */
  uint32_t label;  /* seeds: index into `labels` */
} pent;

typedef struct pwalk {
  llrt_gc **set; /* open addressing on the pointer */
  size_t setcap, nset;
  pent *q;
  size_t nq, qcap;
  char **labels;
  size_t nlabels, labcap;
  uint32_t cur;       /* the entry whose children are being visited */
  uint32_t cur_label; /* the label of the seeds being added */
  bool oom;
} pwalk;

static size_t ptr_hash(const void *p, size_t cap) {
  return (size_t)(((uintptr_t)p >> 4) * 11400714819323198485ull) & (cap - 1);
}

static bool set_add(pwalk *w, llrt_gc *o) {
  if ((w->nset + 1) * 2 > w->setcap) {
    size_t cap = w->setcap ? w->setcap * 2 : 4096;
    llrt_gc **ns = calloc(cap, sizeof *ns);
    if (!ns) {
      w->oom = true;
      return false;
    }
    for (size_t i = 0; i < w->setcap; i++) {
      if (!w->set[i]) continue;
      size_t j = ptr_hash(w->set[i], cap);
      while (ns[j]) j = (j + 1) & (cap - 1);
      ns[j] = w->set[i];
    }
    free(w->set);
    w->set = ns;
    w->setcap = cap;
  }
  size_t j = ptr_hash(o, w->setcap);
  while (w->set[j]) {
    if (w->set[j] == o) return false;
    j = (j + 1) & (w->setcap - 1);
  }
  w->set[j] = o;
  w->nset++;
  return true;
}

static void enqueue(pwalk *w, llrt_gc *o, uint32_t parent) {
  if (w->oom || !o || !set_add(w, o)) return;
  if (w->nq == w->qcap) {
    size_t cap = w->qcap ? w->qcap * 2 : 4096;
    pent *q = realloc(w->q, cap * sizeof *q);
    if (!q) {
      w->oom = true;
      return;
    }
    w->q = q;
    w->qcap = cap;
  }
  w->q[w->nq++] = (pent){o, parent, w->cur_label};
}

static void visit_child(llrt_state *S, llrt_gc *c, void *ud) {
  (void)S;
  pwalk *w = ud;
  enqueue(w, c, w->cur);
}

static void seed_value(llrt_state *S, llrt_value v, void *ud) {
  (void)S;
  if (LLRT_IS_PTR(v)) enqueue(ud, LLRT_PTR(v), UINT32_MAX);
}

/* Tracers take a mark function without user data: the walk borrows the
 * state's root-walk slot for the duration (as gc.c's own walks do). */
static void seed_trampoline(llrt_state *S, llrt_value v) {
  seed_value(S, v, S->root_ud);
}

static bool new_label(pwalk *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool new_label(pwalk *w, const char *fmt, ...) {
  if (w->nlabels == w->labcap) {
    size_t cap = w->labcap ? w->labcap * 2 : 64;
    char **l = realloc(w->labels, cap * sizeof *l);
    if (!l) return false;
    w->labels = l;
    w->labcap = cap;
  }
  char buf[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  char *s = strdup(buf);
  if (!s) return false;
  w->cur_label = (uint32_t)w->nlabels;
  w->labels[w->nlabels++] = s;
  return true;
}

/* ==== Seeds ==== */

static void seed_timers(llrt_state *S, pwalk *w) {
  llrt_loop *L = S->loop;
  if (!L) return;
  for (lt_timer *t = L->live_first; t && !w->oom; t = t->next) {
    const char *file = NULL;
    unsigned line = 0, col = 0;
    if (llrt__site_location(S, t->site, &file, &line, &col))
      new_label(w, "timer #%u (%s:%u)", t->id, file, line);
    else
      new_label(w, "timer #%u", t->id);
    seed_value(S, t->fn, w);
    seed_value(S, t->args, w);
    seed_value(S, t->obj, w);
  }
}

static void seed_modules(llrt_state *S, pwalk *w) {
  llrt_obj *cache = LLRT_IS_OBJ(S->module_cache) ? LLRT_OBJ(S->module_cache) : NULL;
  if (!cache) return;
  for (size_t i = 0; i < S->nscripts && !w->oom; i++) {
    llrt_script *sc = S->scripts[i];
    if (!strncmp(sc->path, "node:", 5)) continue;
    /* The module object cached under the script's path, and its scope. */
    llrt_obj *m = NULL;
    for (uint32_t k = 0; k < cache->nprops && !m; k++) {
      llrt_prop *p = &cache->props[k];
      if ((p->flags & LLRT_P_DELETED) || !LLRT_IS_STR(p->key) || !LLRT_IS_OBJ(p->val))
        continue;
      if (!strcmp(LLRT_STR(p->key)->data, sc->path)) m = LLRT_OBJ(p->val);
    }
    if (!m) continue;
    llrt_env *e = NULL;
    for (uint32_t k = 0; k < m->nprops && !e; k++) {
      llrt_prop *p = &m->props[k];
      if (!(p->flags & LLRT_P_DELETED) && LLRT_IS_STR(p->key) &&
          !strcmp(LLRT_STR(p->key)->data, "@@scope") && LLRT_IS_PTR(p->val) &&
          LLRT_PTR(p->val)->tt == LLRT_T_ENV)
        e = (llrt_env *)LLRT_PTR(p->val);
    }
    if (!e || e->n < sc->module_slot) continue;
    uint32_t slot = 0;
    for (uint32_t b = 0; b < sc->js.nbindings && !w->oom; b++) {
      const ll_binding *bd = &sc->js.bindings[b];
      if (bd->scope != 0) continue;
      if (LLRT_IS_PTR(e->slots[slot]) &&
          new_label(w, "%s: %.*s", sc->path, (int)bd->name_len, sc->src + bd->name_start))
        seed_value(S, e->slots[slot], w);
      slot++;
    }
    if (new_label(w, "%s: module", sc->path)) enqueue(w, &m->h, UINT32_MAX);
  }
}

static void seed_globals(llrt_state *S, pwalk *w) {
  llrt_obj *g = LLRT_OBJ(S->global);
  for (uint32_t i = 0; i < g->nprops && !w->oom; i++) {
    llrt_prop *p = &g->props[i];
    if ((p->flags & (LLRT_P_DELETED | LLRT_P_ACCESSOR)) || !LLRT_IS_STR(p->key) ||
        !LLRT_IS_PTR(p->val))
      continue;
    if (new_label(w, "global.%s", LLRT_STR(p->key)->data)) seed_value(S, p->val, w);
  }
  if (new_label(w, "global")) enqueue(w, &g->h, UINT32_MAX);
}

static void seed_roots(llrt_state *S, pwalk *w) {
  if (!new_label(w, "root")) return;
  for (size_t i = 0; i < S->nrootsets; i++)
    for (size_t j = 0; j < S->rootsets[i].n; j++) seed_value(S, S->rootsets[i].slots[j], w);
  for (size_t i = 0; i < S->sp; i++) seed_value(S, S->stack[i], w);
  for (llrt_frame *f = S->frame; f; f = f->parent) llrt__frame_children(S, f, seed_value, w);
  seed_value(S, S->exc, w);
  for (llrt_gen *g = S->cur_gen; g; g = g->prev_running)
    for (size_t i = 0; i < g->outer_sp; i++) seed_value(S, g->outer_stack[i], w);
  void *saved = S->root_ud;
  S->root_ud = w;
  for (size_t i = 0; i < S->ntracers; i++) S->tracers[i].fn(S, S->tracers[i].ud, seed_trampoline);
  llrt__trace_scripts(S, seed_trampoline);
  S->root_ud = saved;
}

/* ==== Printing ==== */

typedef struct sbuf {
  char *p;
  size_t n, cap;
  bool oom;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...) {
  if (b->oom) return;
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if (b->p && b->n + (size_t)k < b->cap) {
      b->n += (size_t)k;
      return;
    }
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->n + (size_t)k + 1) cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np) {
      b->oom = true;
      return;
    }
    b->p = np;
    b->cap = cap;
  }
}

/* "12,000" */
static void put_count(sbuf *b, size_t n) {
  char d[32];
  snprintf(d, sizeof d, "%zu", n);
  size_t len = strlen(d);
  for (size_t i = 0; i < len; i++) {
    sb_printf(b, "%c", d[i]);
    if ((len - i - 1) % 3 == 0 && i + 1 < len) sb_printf(b, ",");
  }
}

/* A closure's name from the syntax alone (no allocation): its own name, or
 * the binding, property or key it is assigned to. */
static bool closure_name(const llrt_closure *c, const char **s, uint32_t *len) {
  const llrt_script *sc = c->script;
  ll_nid n = c->node, nm = llrt__child(sc, n, LL_F_name);
  if (nm == LL_NONE) {
    ll_nid p = sc->js.nodes[n].parent;
    if (p == LL_NONE) return false;
    switch ((ll_kind)sc->js.nodes[p].kind) {
    case LL_K_variable_declarator: nm = llrt__child(sc, p, LL_F_name); break;
    case LL_K_assignment_expression: nm = llrt__child(sc, p, LL_F_left); break;
    case LL_K_pair: nm = llrt__child(sc, p, LL_F_key); break;
    default: break;
    }
  }
  if (nm == LL_NONE) return false;
  *s = llrt__text(sc, nm);
  *len = llrt__tlen(sc, nm);
  if (*len > 60) *len = 60;
  return true;
}

static void put_object(llrt_state *S, sbuf *b, llrt_gc *o, size_t count) {
  const char *file = NULL;
  unsigned line = 0, col = 0;
  bool where = llrt__site_location(S, o->site, &file, &line, &col) && strncmp(file, "node:", 5);
  if (count) {
    put_count(b, count);
    sb_printf(b, " ");
  }
  if (o->tt == LLRT_T_CLOSURE) {
    const char *s;
    uint32_t len;
    if (closure_name((llrt_closure *)o, &s, &len)) sb_printf(b, "closure %.*s", (int)len, s);
    else if (where) sb_printf(b, "closure (%s:%u)", file, line);
    else sb_printf(b, "closure");
    return;
  }
  if (where) sb_printf(b, "%s (%s:%u)", llrt_type_names[o->tt], file, line);
  else sb_printf(b, "%s", llrt_type_names[o->tt]);
}

/* ".key" or "[i]" when `parent` holds `child` in a property or element. */
static void put_edge(sbuf *b, llrt_gc *parent, llrt_gc *child) {
  if (parent->tt < LLRT_T_OBJECT) return;
  llrt_obj *o = (llrt_obj *)parent;
  llrt_value cv = llrt_ptr(child);
  for (uint32_t i = 0; i < o->nprops; i++) {
    llrt_prop *p = &o->props[i];
    if ((p->flags & LLRT_P_DELETED) || (p->val != cv && p->setter != cv)) continue;
    if (LLRT_IS_STR(p->key) && strcmp(LLRT_STR(p->key)->data, "@@scope")) {
      sb_printf(b, ".%s", LLRT_STR(p->key)->data);
    } else if (LLRT_IS_SYM(p->key)) { /* `.#x` for a private name */
      llrt_value d = ((llrt_sym *)LLRT_PTR(p->key))->desc;
      const char *ds = LLRT_IS_STR(d) ? LLRT_STR(d)->data : "";
      if (llrt__is_private_key(p->key)) sb_printf(b, ".%s", ds);
      else sb_printf(b, "[Symbol(%s)]", ds);
    }
    return;
  }
  for (uint32_t i = 0; i < o->len && o->elems; i++)
    if (o->elems[i] == cv) {
      sb_printf(b, "[%u]", i);
      return;
    }
}

static char *format_path(llrt_state *S, const pwalk *w, uint32_t at, size_t count) {
  uint32_t chain[64];
  size_t depth = 0;
  for (uint32_t i = at; depth < 64;) {
    chain[depth++] = i;
    if (w->q[i].parent == UINT32_MAX) break;
    i = w->q[i].parent;
  }
  sbuf b = {0};
  const pent *seed = &w->q[chain[depth - 1]];
  sb_printf(&b, "%s", w->labels[seed->label]);
  /* The global object is named by its label already. */
  bool skip_first = !strcmp(w->labels[seed->label], "global");
  for (size_t d = depth; d-- > 0;) {
    llrt_gc *o = w->q[chain[d]].o;
    if (d == depth - 1 && skip_first) {
      if (d > 0) put_edge(&b, o, w->q[chain[d - 1]].o);
      continue;
    }
    if (o->tt == LLRT_T_ENV && d > 0) continue;
    sb_printf(&b, " -> ");
    put_object(S, &b, o, d == 0 ? count : 0);
    if (d > 0) put_edge(&b, o, w->q[chain[d - 1]].o);
  }
  if (b.oom) {
    free(b.p);
    return NULL;
  }
  return b.p;
}

bool llrt_node_paths(llrt_state *S, const llrt_census_row *rows, size_t n,
                     char **paths) {
  for (size_t i = 0; i < n; i++) paths[i] = NULL;
  if (!n) return true;
  llrt_gc_major(S);
  pwalk w = {0};
  uint32_t *found = malloc(n * sizeof *found);
  if (!found) return false;
  for (size_t i = 0; i < n; i++) found[i] = UINT32_MAX;
  seed_timers(S, &w);
  seed_modules(S, &w);
  seed_globals(S, &w);
  seed_roots(S, &w);
  size_t left = n;
  for (size_t i = 0; i < w.nq && left && !w.oom; i++) {
    llrt_gc *o = w.q[i].o;
    if (o->site)
      for (size_t k = 0; k < n; k++)
        if (found[k] == UINT32_MAX && rows[k].site == o->site &&
            !strcmp(rows[k].type, llrt_type_names[o->tt])) {
          found[k] = (uint32_t)i;
          left--;
        }
    w.cur = (uint32_t)i;
    w.cur_label = w.q[i].label;
    llrt__children(S, o, visit_child, &w);
  }
  bool ok = !w.oom;
  for (size_t k = 0; k < n && ok; k++)
    if (found[k] != UINT32_MAX) paths[k] = format_path(S, &w, found[k], rows[k].count);
  for (size_t i = 0; i < w.nlabels; i++) free(w.labels[i]);
  free(w.labels);
  free(w.set);
  free(w.q);
  free(found);
  return ok;
}
