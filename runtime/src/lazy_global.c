/* The events globals installed on first use (lazy_global.h).
 *
 * Must never: leave an accessor behind once the part is installed. */
#include <string.h>

#include "builtins.h"
#include "lazy_global.h"
#include "runtime/include/llrt_browser.h"

static const char *const names[] = {
    "EventTarget", "Event", "CustomEvent", "DOMException", "AbortController",
    "AbortSignal", "requestAnimationFrame", "cancelAnimationFrame"};
#define NNAMES (sizeof names / sizeof *names)

bool llrt__lazy_events_clear(llrt_state *S) {
  llrt_obj *g = LLRT_OBJ(S->global);
  for (size_t i = 0; i < NNAMES; i++) {
    llrt_value k = llrt__intern(S, names[i], strlen(names[i]));
    if (k == LLRT_EXC) return false;
    llrt_prop *p = llrt__find_own(g, k);
    if (p && (p->flags & LLRT_P_ACCESSOR) && LLRT_IS_OBJ(p->val) &&
        llrt_tt(p->val) == LLRT_T_NATIVE)
      llrt__delete_own(S, g, k);
  }
  return true;
}

/* magic 0: the getter; 1: the setter. data[0]: the name. */
NATIVE(lazy_global) {
  (void)this_val;
  llrt_value key = data[0];
  if (!llrt_browser_install_events(S))
    return llrt__throw(S, 0, "the browser host could not be installed");
  if (!magic) return llrt__get(S, S->global, key);
  llrt_value r = llrt__set(S, S->global, key, argc > 0 ? argv[0] : LLRT_UNDEF);
  return r == LLRT_EXC ? r : LLRT_UNDEF;
}

bool llrt__lazy_events_define(llrt_state *S) {
  llrt_obj *g = LLRT_OBJ(S->global);
  for (size_t i = 0; i < NNAMES; i++) {
    llrt_value k = llrt__intern(S, names[i], strlen(names[i]));
    if (k == LLRT_EXC) return false;
    if (llrt__find_own(g, k)) continue; /* defined already */
    if (!llrt__push(S, k)) return false;
    llrt_value get = llrt__native_new(S, names[i], lazy_global, 0, 0);
    if (get == LLRT_EXC || !llrt__push(S, get)) return false;
    llrt_value set = llrt__native_new(S, names[i], lazy_global, 1, 1);
    if (set == LLRT_EXC || !llrt__push(S, set)) return false;
    ((llrt_native *)LLRT_PTR(get))->data[0] = k;
    ((llrt_native *)LLRT_PTR(set))->data[0] = k;
    bool ok = llrt__define_accessor(S, g, k, get, set, LLRT_P_CONFIGURABLE);
    llrt__popn(S, 3);
    if (!ok) return false;
  }
  return true;
}
