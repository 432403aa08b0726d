/* Globals installed on first use (lazy_global.h): the names of each kind
 * are a fixed list.
 *
 * Must never: leave an accessor of a kind behind once it is installed. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "lazy_global.h"
#include "runtime/include/llrt_browser.h"

static const char *const events_names[] = {
    "EventTarget", "Event", "CustomEvent", "DOMException", "AbortController",
    "AbortSignal", "requestAnimationFrame", "cancelAnimationFrame"};

static const char *const *names_of(llrt_lazy_kind kind, size_t *n) {
  (void)kind; /* one kind so far */
  *n = sizeof events_names / sizeof *events_names;
  return events_names;
}

bool llrt__lazy_clear(llrt_state *S, llrt_lazy_kind kind) {
  size_t n;
  const char *const *names = names_of(kind, &n);
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
  (void)kind;
  bool ok = llrt_browser_install_events(S);
  if (!ok) return llrt__throw(S, 0, "the browser host could not be installed");
  if (!(magic & 1)) return llrt__get(S, S->global, key);
  llrt_value r = llrt__set(S, S->global, key, argc > 0 ? argv[0] : LLRT_UNDEF);
  return r == LLRT_EXC ? r : LLRT_UNDEF;
}

bool llrt__lazy_define(llrt_state *S, llrt_lazy_kind kind) {
  size_t n;
  const char *const *names = names_of(kind, &n);
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

