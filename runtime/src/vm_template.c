/* Tagged templates: `tag`a${x}b`` calls `tag(strings, x)`, where `strings`
 * holds the cooked segments ("a", "b"), `strings.raw` the source text of
 * each, and both arrays are frozen. As the language requires, one call site
 * always passes the same strings object (libraries such as lit key caches
 * on it), so it is made once per site and kept in `S->template_cache`. */
#include <stdio.h>
#include <stdlib.h>

#include "vm.h"

static void freeze(llrt_obj *o) {
  o->extensible = false;
  o->frozen = true;
  for (uint32_t i = 0; i < o->nprops; i++)
    o->props[i].flags &= ~(uint32_t)(LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
}

/* Appends one segment [from, to) of the source to `cooked` and `raw`. */
static bool segment(llrt_state *S, const llrt_script *sc, uint32_t from, uint32_t to,
                    llrt_obj *cooked, llrt_obj *raw) {
  size_t n = to > from ? to - from : 0;
  char *buf = malloc(n + 1);
  if (!buf) return false;
  size_t l = llrt__unescape(sc->src + from, n, buf);
  llrt_value c = llrt__str_new(S, buf, l);
  free(buf);
  if (c == LLRT_EXC || !llrt__push(S, c)) return false;
  bool ok = llrt__array_push(S, cooked, c);
  llrt__popn(S, 1);
  llrt_value r = ok ? llrt__str_new(S, sc->src + from, n) : LLRT_EXC;
  if (r == LLRT_EXC || !llrt__push(S, r)) return false;
  ok = llrt__array_push(S, raw, r);
  llrt__popn(S, 1);
  return ok;
}

/* The strings object of template `tpl`: from the cache, else made. */
static llrt_value strings_of(llrt_state *S, ll_nid tpl) {
  llrt_script *sc = SC;
  char key[24];
  snprintf(key, sizeof key, "%u", sc->site_base + tpl);
  llrt_value k = llrt__intern(S, key, strlen(key));
  if (k == LLRT_EXC || !llrt__push(S, k)) return LLRT_EXC;
  llrt_value cached = llrt__get(S, S->template_cache, k);
  if (cached != LLRT_UNDEF) {
    llrt__popn(S, 1);
    return cached;
  }
  size_t base = S->sp;
  llrt_value cooked = llrt__new_array(S, 0);
  if (cooked == LLRT_EXC || !llrt__push(S, cooked)) goto fail;
  llrt_value raw = llrt__new_array(S, 0);
  if (raw == LLRT_EXC || !llrt__push(S, raw)) goto fail;
  uint32_t pos = NODE(tpl)->start + 1, end = NODE(tpl)->end - 1;
  for (ll_nid c = FIRST(tpl);; c = NEXT(c)) {
    while (c != LL_NONE && KIND(c) != LL_K_template_substitution) c = NEXT(c);
    uint32_t stop = c == LL_NONE ? end : NODE(c)->start;
    if (!segment(S, sc, pos, stop, LLRT_OBJ(cooked), LLRT_OBJ(raw))) goto fail;
    if (c == LL_NONE) break;
    pos = NODE(c)->end;
  }
  freeze(LLRT_OBJ(raw));
  if (!llrt__define(S, LLRT_OBJ(cooked), llrt__intern(S, "raw", 3), raw, 0)) goto fail;
  freeze(LLRT_OBJ(cooked));
  if (llrt__set(S, S->template_cache, k, cooked) == LLRT_EXC) goto fail;
  S->sp = base - 1;
  return cooked;
fail:
  S->sp = base - 1;
  return LLRT_EXC;
}

llrt_value llrt__vm_template_args(llrt_state *S, ll_nid tpl, int *argc) {
  llrt_script *sc = SC;
  size_t base = S->sp;
  llrt_value strings = strings_of(S, tpl);
  if (strings == LLRT_EXC || !llrt__push(S, strings)) return LLRT_EXC;
  for (ll_nid c = FIRST(tpl); c != LL_NONE; c = NEXT(c)) {
    if (KIND(c) != LL_K_template_substitution) continue;
    llrt_value v = llrt__vm_eval(S, ll_js_named_child(&sc->js, c, 0));
    if (v == LLRT_EXC || !llrt__push(S, v)) return LLRT_EXC;
  }
  *argc = (int)(S->sp - base);
  return LLRT_UNDEF;
}
