/* Globals installed on first use (lazy_global.h).
 *
 * The browser kind's names are learnt once per process, by installing the
 * host in a throwaway state and comparing the global object's keys before
 * and after; the events kind's are a fixed list.
 *
 * Must never: leave an accessor of a kind behind once it is installed. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "lazy_global.h"
#include "runtime/include/llrt_browser.h"
#include "runtime/include/llrt_confirm.h"
#include "runtime/include/llrt_loop.h"

static const char *const events_names[] = {
    "EventTarget", "Event", "CustomEvent", "DOMException", "AbortController",
    "AbortSignal", "requestAnimationFrame", "cancelAnimationFrame"};

static char **browser_names;
static size_t nbrowser;
static pthread_once_t browser_once = PTHREAD_ONCE_INIT;

static bool has_key(const llrt_value *keys, size_t n, llrt_value k) {
  for (size_t i = 0; i < n; i++)
    if (keys[i] == k) return true;
  return false;
}

static void learn_browser_names(void) {
  llrt_state *S = llrt_state_new(NULL);
  llrt_value *before = NULL;
  if (!S || !llrt_node_install(S, 0) || !llrt_browser_install_events(S)) goto done;
  llrt_obj *g = LLRT_OBJ(S->global);
  size_t nbefore = 0;
  before = calloc(g->nprops ? g->nprops : 1, sizeof *before);
  if (!before) goto done;
  for (uint32_t i = 0; i < g->nprops; i++) /* interned keys the global holds */
    if (!(g->props[i].flags & LLRT_P_DELETED)) before[nbefore++] = g->props[i].key;
  if (!llrt_browser_install(S)) goto done;
  g = LLRT_OBJ(S->global);
  char **names = calloc(g->nprops ? g->nprops : 1, sizeof *names);
  size_t n = 0;
  for (uint32_t i = 0; names && i < g->nprops; i++) {
    const llrt_prop *p = &g->props[i];
    if ((p->flags & LLRT_P_DELETED) || !LLRT_IS_STR(p->key) ||
        has_key(before, nbefore, p->key))
      continue;
    if ((names[n] = strdup(LLRT_STR(p->key)->data))) n++;
  }
  browser_names = names;
  nbrowser = names ? n : 0;
done:
  free(before);
  llrt_state_free(S);
}

/* With `learn`, the browser kind's names are learnt first if need be;
 * without (clearing), a state that has the kind's accessors was made after
 * the learning, and the learning itself clears nothing. */
static const char *const *names_of(llrt_lazy_kind kind, size_t *n, bool learn) {
  if (kind == LLRT_LAZY_EVENTS) {
    *n = sizeof events_names / sizeof *events_names;
    return events_names;
  }
  if (learn) pthread_once(&browser_once, learn_browser_names);
  *n = nbrowser;
  return (const char *const *)browser_names;
}

bool llrt__lazy_clear(llrt_state *S, llrt_lazy_kind kind) {
  size_t n;
  const char *const *names = names_of(kind, &n, false);
  llrt_obj *g = LLRT_OBJ(S->global);
  for (size_t i = 0; i < n; i++) {
    llrt_value k = llrt__intern(S, names[i], strlen(names[i]));
    if (k == LLRT_EXC) return false;
    llrt_prop *p = llrt__find_own(g, k);
    if (p && (p->flags & LLRT_P_ACCESSOR) && LLRT_IS_OBJ(p->val) &&
        llrt_tt(p->val) == LLRT_T_NATIVE)
      llrt__delete_own(S, g, k);
  }
  return true;
}

/* magic: kind * 2 + (0 getter, 1 setter); data[0]: the name. */
NATIVE(lazy_global) {
  (void)this_val;
  llrt_lazy_kind kind = (llrt_lazy_kind)(magic / 2);
  llrt_value key = data[0];
  bool ok = kind == LLRT_LAZY_EVENTS ? llrt_browser_install_events(S)
                                     : llrt_browser_install(S);
  if (!ok) return llrt__throw(S, 0, "the browser host could not be installed");
  if (!(magic & 1)) return llrt__get(S, S->global, key);
  llrt_value r = llrt__set(S, S->global, key, argc > 0 ? argv[0] : LLRT_UNDEF);
  return r == LLRT_EXC ? r : LLRT_UNDEF;
}

bool llrt__lazy_define(llrt_state *S, llrt_lazy_kind kind) {
  size_t n;
  const char *const *names = names_of(kind, &n, true);
  llrt_obj *g = LLRT_OBJ(S->global);
  for (size_t i = 0; i < n; i++) {
    llrt_value k = llrt__intern(S, names[i], strlen(names[i]));
    if (k == LLRT_EXC) return false;
    if (llrt__find_own(g, k)) continue; /* defined already */
    if (!llrt__push(S, k)) return false;
    llrt_value get = llrt__native_new(S, names[i], lazy_global, 0, (int)kind * 2);
    if (get == LLRT_EXC || !llrt__push(S, get)) return false;
    llrt_value set = llrt__native_new(S, names[i], lazy_global, 1, (int)kind * 2 + 1);
    if (set == LLRT_EXC || !llrt__push(S, set)) return false;
    ((llrt_native *)LLRT_PTR(get))->data[0] = k;
    ((llrt_native *)LLRT_PTR(set))->data[0] = k;
    bool ok = llrt__define_accessor(S, g, k, get, set, LLRT_P_CONFIGURABLE);
    llrt__popn(S, 3);
    if (!ok) return false;
  }
  return true;
}

void llrt_confirm_prepare(void) { pthread_once(&browser_once, learn_browser_names); }
