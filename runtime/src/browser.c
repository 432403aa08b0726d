/* The browser-like host (llrt_browser.h): installs the JavaScript modules
 * "browser:events" (browser_events.c: EventTarget, Event, AbortController,
 * requestAnimationFrame) and "browser:dom" (browser_dom.c: window,
 * document, elements, observers, storage), gives them the two natives they
 * need, and reads their layout for the listener and observer census.
 *
 * Both modules are compiled once per state, like node.c's `events`. They
 * see two natives on a `host` object:
 *  - `make(proto, tail)`: an ordinary object with prototype `proto`,
 *    allocated at the *user's* call site (the innermost frame whose script
 *    is not "browser:*"), so `document.createElement('div')` or
 *    `new AbortController()` is reported where the page's code made it, not
 *    inside the host; `tail` marks it phantom-tailed (phantom.h);
 *  - `atUserSite(fn, ...args)`: calls native `fn` (the loop's setTimeout)
 *    with the allocation site set the same way, so a requestAnimationFrame
 *    timer is attributed to the page's call.
 *
 * Census layout (kept by browser_events.c): an EventTarget has an own
 * property keyed by the module's `LISTENERS` symbol holding a
 * null-prototype object that maps an event type to an array of listener
 * records; an observer has an own `OBSERVED` symbol property holding the
 * array of its targets.
 *
 * Must never: touch files or the clock (the loop owns time), or allocate
 * between the census's major collection and its walk of the heap. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "lazy_global.h"
#include "loop.h"
#include "phantom.h"
#include "runtime/include/llrt_browser.h"

extern const char llrt__browser_events_src[];
extern const size_t llrt__browser_events_src_len;
extern const char llrt__browser_dom_src[];
extern const size_t llrt__browser_dom_src_len;

#define EVENTS_PATH "browser:events"
#define DOM_PATH "browser:dom"

/* ==== Natives ==== */

static bool is_host_script(const llrt_script *sc) {
  return sc && !strncmp(sc->path, "browser:", 8);
}

/* The allocation site of the innermost call made by the page's own code:
 * the node its frame is evaluating (the call into the host). */
static uint32_t user_site(llrt_state *S) {
  for (llrt_frame *f = S->frame; f; f = f->parent)
    if (f->script && !is_host_script(f->script))
      return f->script->site_base + f->node;
  return S->cur_site;
}

NATIVE(n_make) {
  (void)this_val;
  (void)magic;
  (void)data;
  llrt_value proto = ARG(0);
  if (!LLRT_IS_OBJ(proto))
    proto = S->proto_object;
  uint32_t saved = S->cur_site;
  S->cur_site = user_site(S);
  llrt_obj *o = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), proto);
  S->cur_site = saved;
  if (!o)
    return LLRT_EXC;
  if (llrt__truthy(ARG(1)))
    llrt__phantom_tail(o);
  return llrt_ptr(o);
}

NATIVE(n_at_user_site) {
  (void)this_val;
  (void)magic;
  (void)data;
  if (!llrt__is_callable(ARG(0)))
    return llrt__throw(S, 1, "atUserSite: not a function");
  uint32_t saved = S->cur_site;
  S->cur_site = user_site(S);
  llrt_value r = llrt__call(S, argv[0], LLRT_UNDEF, argc - 1, argv + 1);
  S->cur_site = saved;
  return r;
}

/* ==== Install ==== */

/* Calls `exports.install(args...)` of the module at `path`. */
static bool call_install(llrt_state *S, const char *path, int argc,
                         const llrt_value *args) {
  llrt_value argv[2]; /* a copy: pushing may move the value stack */
  for (int i = 0; i < argc && i < 2; i++)
    argv[i] = args[i];
  size_t base = S->sp;
  llrt_value ex = llrt__host_module_exports(S, path);
  if (!LLRT_IS_OBJ(ex) || !llrt__push(S, ex))
    goto fail;
  llrt_value fn = llrt__get_str(S, ex, "install");
  if (!llrt__is_callable(fn) || !llrt__push(S, fn))
    goto fail;
  if (llrt__call(S, fn, ex, argc, argv) == LLRT_EXC)
    goto fail;
  S->sp = base;
  return true;
fail:
  S->sp = base;
  return false;
}

/* The object the JavaScript halves call back into (make, atUserSite). */
static llrt_value make_host(llrt_state *S) {
  llrt_value host = llrt__new_object(S);
  if (host == LLRT_EXC || !llrt__push(S, host))
    return LLRT_EXC;
  bool ok = llrt__def_fn(S, host, "make", n_make, 2, 0) != LLRT_EXC &&
            llrt__def_fn(S, host, "atUserSite", n_at_user_site, 1, 0) != LLRT_EXC;
  llrt__popn(S, 1);
  return ok ? host : LLRT_EXC;
}

/* Whether the module at `path` was installed: 1 yes, 0 no, -1 failure
 * (no loop, out of memory). */
static int installed(llrt_state *S, const char *path) {
  if (!S->loop)
    return -1;
  llrt_value done = llrt__host_module_exports(S, path);
  return done == LLRT_EXC ? -1 : done != LLRT_UNDEF;
}

bool llrt_browser_install_events(llrt_state *S) {
  int done = installed(S, EVENTS_PATH);
  if (done)
    return done > 0;
  if (!llrt__lazy_events_clear(S))
    return false;
  size_t base = S->sp;
  if (!llrt__host_eval_module(S, EVENTS_PATH, llrt__browser_events_src,
                   llrt__browser_events_src_len))
    return false;
  llrt_value host = make_host(S);
  if (host == LLRT_EXC || !llrt__push(S, host) ||
      !call_install(S, EVENTS_PATH, 1, &S->stack[base]))
    goto fail;
  S->sp = base;
  return true;
fail:
  S->sp = base;
  return false;
}

bool llrt_browser_install(llrt_state *S) {
  int done = installed(S, DOM_PATH);
  if (done)
    return done > 0;
  if (!llrt_browser_install_events(S))
    return false;
  size_t base = S->sp;
  llrt_value host = make_host(S);
  if (host == LLRT_EXC || !llrt__push(S, host))
    goto fail;
  if (!llrt__host_eval_module(S, DOM_PATH, llrt__browser_dom_src,
                   llrt__browser_dom_src_len))
    goto fail;
  llrt_value ev = llrt__host_module_exports(S, EVENTS_PATH);
  if (!LLRT_IS_OBJ(ev) || !llrt__push(S, ev) ||
      !call_install(S, DOM_PATH, 2, &S->stack[base]))
    goto fail;
  S->sp = base;
  return true;
fail:
  S->sp = base;
  return false;
}

/* ==== Census ==== */

/* What the census needs, read before its collection: the two symbols, the
 * document and the property names of an element. All stay on the value
 * stack during the collection. */
typedef struct census_keys {
  llrt_value listeners, observed, document, tag, id;
} census_keys;

static bool census_begin(llrt_state *S, census_keys *k) {
  size_t base = S->sp;
  llrt_value ev = llrt__host_module_exports(S, EVENTS_PATH);
  if (!LLRT_IS_OBJ(ev) || !llrt__push(S, ev))
    goto fail;
  llrt_value dom = llrt__host_module_exports(S, DOM_PATH);
  if (!LLRT_IS_OBJ(dom) || !llrt__push(S, dom))
    goto fail;
  k->listeners = llrt__get_str(S, ev, "LISTENERS");
  if (!LLRT_IS_SYM(k->listeners) || !llrt__push(S, k->listeners))
    goto fail;
  k->observed = llrt__get_str(S, dom, "OBSERVED");
  if (!LLRT_IS_SYM(k->observed) || !llrt__push(S, k->observed))
    goto fail;
  k->document = llrt__get_str(S, dom, "document");
  if (k->document == LLRT_EXC || !llrt__push(S, k->document))
    goto fail;
  k->tag = llrt__intern(S, "tagName", 7);
  if (k->tag == LLRT_EXC || !llrt__push(S, k->tag))
    goto fail;
  k->id = llrt__intern(S, "id", 2);
  if (k->id == LLRT_EXC || !llrt__push(S, k->id))
    goto fail;
  llrt_gc_major(S);
  S->sp = base; /* nothing allocates from here on */
  return true;
fail:
  S->sp = base;
  return false;
}

static llrt_value own_data(llrt_obj *o, llrt_value key) {
  llrt_prop *p = llrt__find_own(o, key);
  if (!p || (p->flags & LLRT_P_ACCESSOR))
    return LLRT_UNDEF;
  return p->val;
}

/* The constructor name of `o` without allocating: an own `name` string on
 * the constructor, else a closure's name as written, else a native's. */
static void ctor_name(llrt_state *S, llrt_obj *o, char *buf, size_t cap) {
  snprintf(buf, cap, "EventTarget");
  for (llrt_obj *p = o->proto; p; p = p->proto) {
    llrt_value c = own_data(p, S->atoms.constructor);
    if (!LLRT_IS_OBJ(c))
      continue;
    llrt_value nm = own_data(LLRT_OBJ(c), S->atoms.name);
    if (!LLRT_IS_STR(nm) && llrt_tt(c) == LLRT_T_CLOSURE) {
      nm = llrt__closure_lazy(S, (llrt_closure *)LLRT_PTR(c), S->atoms.name);
      if (!LLRT_IS_STR(nm) || !LLRT_STR(nm)->len)
        continue; /* anonymous */
    }
    if (LLRT_IS_STR(nm))
      snprintf(buf, cap, "%s", LLRT_STR(nm)->data);
    return;
  }
}

/* "window", "document", "div#id", or the constructor's name. */
static void target_name(llrt_state *S, const census_keys *k, llrt_obj *o,
                        char *buf, size_t cap) {
  if (LLRT_IS_OBJ(S->global) && o == LLRT_OBJ(S->global)) {
    snprintf(buf, cap, "window");
    return;
  }
  if (LLRT_IS_OBJ(k->document) && o == LLRT_OBJ(k->document)) {
    snprintf(buf, cap, "document");
    return;
  }
  llrt_value tag = own_data(o, k->tag);
  if (LLRT_IS_STR(tag)) {
    llrt_value id = own_data(o, k->id);
    const char *ids = LLRT_IS_STR(id) ? LLRT_STR(id)->data : "";
    snprintf(buf, cap, "%s%s%s", LLRT_STR(tag)->data, *ids ? "#" : "", ids);
    for (char *c = buf; *c && *c != '#'; c++)
      *c = (char)tolower((unsigned char)*c);
    return;
  }
  ctor_name(S, o, buf, cap);
}

static bool push_info(llrt_listener_info **v, size_t *n, size_t *cap,
                      const llrt_listener_info *x) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 16;
    llrt_listener_info *nv = realloc(*v, c * sizeof *nv);
    if (!nv)
      return false;
    *v = nv;
    *cap = c;
  }
  (*v)[(*n)++] = *x;
  return true;
}

static bool scan_target(llrt_state *S, const census_keys *k, llrt_gc *g,
                        llrt_listener_info **v, size_t *n, size_t *cap) {
  llrt_obj *o = (llrt_obj *)g;
  llrt_value m = own_data(o, k->listeners);
  if (!LLRT_IS_OBJ(m) || LLRT_OBJ(m)->proto)
    return true;
  llrt_obj *map = LLRT_OBJ(m);
  llrt_listener_info x;
  memset(&x, 0, sizeof x);
  bool named = false;
  for (uint32_t i = 0; i < map->nprops; i++) {
    llrt_prop *p = &map->props[i];
    if ((p->flags & (LLRT_P_DELETED | LLRT_P_ACCESSOR)) || !LLRT_IS_STR(p->key))
      continue;
    if (!LLRT_IS_OBJ(p->val) || llrt_tt(p->val) != LLRT_T_ARRAY)
      continue;
    size_t count = LLRT_OBJ(p->val)->len;
    if (!count)
      continue;
    if (!named) {
      target_name(S, k, o, x.emitter, sizeof x.emitter);
      if (!llrt__site_location(S, g->site, &x.file, &x.line, &x.col) ||
          !strncmp(x.file, "browser:", 8)) {
        x.file = NULL; /* made by the host itself */
        x.line = x.col = 0;
      }
      named = true;
    }
    snprintf(x.event, sizeof x.event, "%s", LLRT_STR(p->key)->data);
    x.count = count;
    /* The newest record was made at its addEventListener call (host.make). */
    llrt_value last = LLRT_OBJ(p->val)->elems[count - 1];
    x.added_file = NULL;
    x.added_line = x.added_col = 0;
    if (LLRT_IS_OBJ(last) &&
        llrt__site_location(S, LLRT_PTR(last)->site, &x.added_file, &x.added_line,
                            &x.added_col) &&
        !strncmp(x.added_file, "browser:", 8))
      x.added_file = NULL;
    if (!push_info(v, n, cap, &x))
      return false;
  }
  return true;
}

llrt_listener_info *llrt_browser_listeners(llrt_state *S, size_t *n) {
  *n = 0;
  census_keys k;
  if (!census_begin(S, &k))
    return NULL;
  llrt_listener_info *v = NULL;
  size_t cap = 0;
  llrt_gc *lists[2] = {S->old, S->young};
  for (int l = 0; l < 2; l++)
    for (llrt_gc *g = lists[l]; g; g = g->next)
      if (g->tt >= LLRT_T_OBJECT && !scan_target(S, &k, g, &v, n, &cap)) {
        free(v);
        *n = 0;
        return NULL;
      }
  return v;
}

size_t llrt_browser_observers(llrt_state *S) {
  census_keys k;
  if (!census_begin(S, &k))
    return 0;
  size_t count = 0;
  llrt_gc *lists[2] = {S->old, S->young};
  for (int l = 0; l < 2; l++)
    for (llrt_gc *g = lists[l]; g; g = g->next) {
      if (g->tt < LLRT_T_OBJECT)
        continue;
      llrt_value t = own_data((llrt_obj *)g, k.observed);
      if (LLRT_IS_OBJ(t) && llrt_tt(t) == LLRT_T_ARRAY && LLRT_OBJ(t)->len)
        count++;
    }
  return count;
}
