/* What a confirmation measures (confirm.h): one metric per rule, read after
 * a full collection. The table is the contract between the static rules and
 * the runtime (and the Node oracle under tests/oracle, which measures the
 * same way); a rule without a row is measured by retained bytes.
 *
 * "global-entries" counts the global object's properties added since the
 * baseline plus the entries each of them holds (a Map's or Set's size, an
 * array's length, an object's own enumerable string keys): an implicit
 * global leaks by multiplying names (`this[id] = …` in a sloppy call) or by
 * filling one name (`cache[key] = …`). */
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "gc.h"
#include "runtime/include/llrt_browser.h"
#include "runtime/include/llrt_loop.h"

static const struct {
  const char *rule, *metric;
} metric_of[] = {
    {"no-uncleared-interval", "live-timers"},
    {"no-runaway-timeout", "live-timers"},
    {"no-unremoved-listener", "listeners"},
    {"no-unlimited-listeners", "listeners"},
    {"no-implicit-global", "global-entries"},
};

const char *llrt_confirm_metric(const char *rule) {
  for (size_t i = 0; rule && i < sizeof metric_of / sizeof *metric_of; i++)
    if (!strcmp(metric_of[i].rule, rule)) return metric_of[i].metric;
  return "retained-bytes";
}

struct llrt_baseline {
  llrt_value *keys; /* the global object's own keys at the baseline (rooted) */
  size_t n;
};

static double listeners(llrt_state *S) {
  size_t n = 0, total = 0;
  llrt_listener_info *l = llrt_node_listeners(S, &n);
  for (size_t i = 0; l && i < n; i++) total += l[i].count;
  free(l);
  l = llrt_browser_listeners(S, &n);
  for (size_t i = 0; l && i < n; i++) total += l[i].count;
  free(l);
  return (double)total;
}

/* Timers that keep the loop alive: an unref'd one is the host's own
 * (AbortSignal.timeout), which Node does not count either. */
static double timers(llrt_state *S) {
  size_t n = 0, live = 0;
  llrt_timer_info *t = llrt_loop_timers(S, &n);
  for (size_t i = 0; t && i < n; i++) live += t[i].ref;
  free(t);
  return (double)live;
}

/* Entries held by `v`, as described at the top. */
static double entries(llrt_value v) {
  if (!LLRT_IS_OBJ(v)) return 0;
  llrt_obj *o = LLRT_OBJ(v);
  int tt = o->h.tt;
  if (tt == LLRT_T_MAP || tt == LLRT_T_SET) return ((llrt_map *)o)->count;
  if (tt == LLRT_T_ARRAY) return o->len;
  double n = 0;
  for (uint32_t i = 0; i < o->nprops; i++) {
    const llrt_prop *p = &o->props[i];
    if (!(p->flags & LLRT_P_DELETED) && (p->flags & LLRT_P_ENUMERABLE) &&
        LLRT_IS_STR(p->key))
      n++;
  }
  return n;
}

static bool in_baseline(const llrt_baseline *b, llrt_value key) {
  for (size_t i = 0; i < b->n; i++)
    if (b->keys[i] == key) return true;
  return false;
}

static double global_entries(llrt_state *S, const llrt_baseline *b) {
  llrt_obj *g = LLRT_OBJ(S->global);
  double n = 0;
  for (uint32_t i = 0; i < g->nprops; i++) {
    const llrt_prop *p = &g->props[i];
    if ((p->flags & LLRT_P_DELETED) || in_baseline(b, p->key)) continue;
    n += 1 + ((p->flags & LLRT_P_ACCESSOR) ? 0 : entries(p->val));
  }
  return n;
}

double llrt__confirm_measure(llrt_state *S, const char *metric, const llrt_baseline *b) {
  llrt_gc_major(S);
  if (!strcmp(metric, "live-timers")) return timers(S);
  if (!strcmp(metric, "listeners")) return listeners(S);
  if (!strcmp(metric, "global-entries")) return global_entries(S, b);
  return (double)llrt_gc_live_bytes(S, -1);
}

llrt_baseline *llrt__confirm_baseline(llrt_state *S) {
  llrt_baseline *b = calloc(1, sizeof *b);
  if (!b) return NULL;
  llrt_obj *g = LLRT_OBJ(S->global);
  b->keys = calloc(g->nprops ? g->nprops : 1, sizeof *b->keys);
  if (!b->keys) {
    free(b);
    return NULL;
  }
  for (uint32_t i = 0; i < g->nprops; i++)
    if (!(g->props[i].flags & LLRT_P_DELETED)) b->keys[b->n++] = g->props[i].key;
  if (b->n && !llrt_root_add(S, b->keys, b->n)) {
    llrt__confirm_baseline_free(S, b);
    return NULL;
  }
  return b;
}

void llrt__confirm_baseline_free(llrt_state *S, llrt_baseline *b) {
  if (!b) return;
  if (b->n) llrt_root_remove(S, b->keys);
  free(b->keys);
  free(b);
}
