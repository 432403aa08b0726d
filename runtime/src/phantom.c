/* Phantoms (phantom.h): callable stand-ins for whatever the hosts do not
 * model, so a confirmation runs flagged code as far as it can.
 *
 * A phantom is a native function whose `magic` is the call it was made for
 * and whose `data[0]` is its name. The shared prototype (itself inheriting
 * Function.prototype, so `bind`/`call`/`apply` work) holds `then:
 * undefined`, `Symbol.toPrimitive` and `Symbol.iterator`; everything else a
 * phantom lacks is made on first read by `llrt__phantom_get` (object.c's
 * lookup calls it at the end of a prototype chain that contains a phantom).
 *
 * Must never: throw for a read, call or `new` on a phantom, or keep a
 * callback passed to one alive: the confirmation's watch (watch.h) keeps the
 * closures it needs as entries. */
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "interp.h"
#include "phantom.h"

#define NAME_MAX_LEN 120

static llrt_value phantom_make(llrt_state *S, llrt_value name, uint32_t call);

static const char *name_of(llrt_value v) {
  if (!LLRT_IS_OBJ(v) || llrt_tt(v) != LLRT_T_NATIVE) return "phantom";
  llrt_value n = ((llrt_native *)LLRT_PTR(v))->data[0];
  return LLRT_IS_STR(n) ? LLRT_STR(n)->data : "phantom";
}

/* Calling a phantom or `new` on it: a fresh phantom, or — when a class
 * extends a phantom and calls `super()` — an ordinary phantom-tailed
 * instance of that class. */
NATIVE(phantom_call) {
  (void)magic;
  (void)argc;
  (void)argv;
  S->phantom_uses++;
  bool construct = this_val == LLRT_HOLE;
  llrt_value self = data[1];
  if (construct && S->native_nt != LLRT_UNDEF && S->native_nt != self) {
    llrt_value proto = llrt__get(S, S->native_nt, S->atoms.prototype);
    if (proto == LLRT_EXC) return proto;
    llrt_obj *o = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj),
                                LLRT_IS_OBJ(proto) ? proto : S->proto_object);
    if (!o) return LLRT_EXC;
    o->h.flags |= LLRT_GCF_PHANTOM;
    return llrt_ptr(o);
  }
  char buf[NAME_MAX_LEN + 8];
  snprintf(buf, sizeof buf, "%s%s", construct ? "new " : "", LLRT_IS_STR(data[0])
               ? LLRT_STR(data[0])->data : "phantom");
  size_t n = strlen(buf);
  if (!construct && n + 2 < sizeof buf) memcpy(buf + n, "()", 3);
  llrt_value name = llrt__str_cstr(S, buf);
  if (name == LLRT_EXC) return name;
  return phantom_make(S, name, S->phantom_call);
}

static llrt_value phantom_make(llrt_state *S, llrt_value name, uint32_t call) {
  if (!llrt__push(S, name)) return LLRT_EXC;
  llrt_native *f = (llrt_native *)llrt__obj_new(S, LLRT_T_NATIVE, sizeof *f,
                                                LLRT_IS_OBJ(S->phantom_proto)
                                                    ? S->phantom_proto
                                                    : S->proto_function);
  llrt__popn(S, 1);
  if (!f) return LLRT_EXC;
  f->fn = phantom_call;
  f->magic = (int)call;
  f->ctor = true;
  f->data[0] = name;
  f->data[1] = llrt_ptr(f); /* itself: `new p` versus `super()` from a subclass */
  f->o.h.flags |= LLRT_GCF_PHANTOM;
  return llrt_ptr(f);
}

llrt_value llrt__phantom_new(llrt_state *S, const char *name) {
  llrt_value n = llrt__str_cstr(S, name);
  if (n == LLRT_EXC) return n;
  return phantom_make(S, n, S->phantom_call);
}

void llrt__phantom_tail(llrt_obj *o) { o->h.flags |= LLRT_GCF_PHANTOM; }

llrt_value llrt__phantom_get(llrt_state *S, llrt_obj *o, llrt_value key) {
  if (key == S->atoms.then || !LLRT_IS_STR(key)) return LLRT_UNDEF;
  S->phantom_uses++;
  char buf[NAME_MAX_LEN + 1];
  snprintf(buf, sizeof buf, "%s.%s", name_of(llrt_ptr(o)), LLRT_STR(key)->data);
  llrt_value ov = llrt_ptr(o);
  if (!llrt__push(S, ov)) return LLRT_EXC;
  llrt_value child = llrt__phantom_new(S, buf);
  if (child == LLRT_EXC || !llrt__push(S, child)) {
    S->sp -= child == LLRT_EXC ? 1 : 0;
    return LLRT_EXC;
  }
  /* Cached, so `req.body` is one object; non-enumerable, so `Object.keys`
   * of a phantom-tailed host object lists only what the program set. */
  bool ok = !o->extensible ||
            llrt__define(S, o, key, child, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  llrt__popn(S, 2);
  return ok ? child : LLRT_EXC;
}

llrt_value llrt__phantom_global(llrt_state *S, llrt_value name) {
  llrt_value cached = llrt__get(S, S->phantom_globals, name);
  if (cached != LLRT_UNDEF) return cached;
  S->phantom_uses++;
  llrt_value p = phantom_make(S, name, S->phantom_call);
  if (p == LLRT_EXC || !llrt__push(S, p)) return LLRT_EXC;
  llrt_value r = llrt__set(S, S->phantom_globals, name, p);
  llrt__popn(S, 1);
  return r == LLRT_EXC ? r : p;
}

/* p[Symbol.toPrimitive](hint): the number of the call it was made for, or
 * that number's string. */
NATIVE(phantom_to_primitive) {
  (void)magic;
  (void)data;
  double k = 0;
  if (LLRT_IS_OBJ(this_val) && llrt_tt(this_val) == LLRT_T_NATIVE)
    k = ((llrt_native *)LLRT_PTR(this_val))->magic;
  if (argc > 0 && argv[0] == S->atoms.string_s) return llrt__num_to_str(S, k);
  return llrt_num(k);
}

/* p[Symbol.iterator](): one phantom, then done. */
NATIVE(phantom_iterator) {
  (void)argc;
  (void)argv;
  (void)magic;
  (void)data;
  S->phantom_uses++;
  char buf[NAME_MAX_LEN + 1];
  snprintf(buf, sizeof buf, "%s[0]", name_of(this_val));
  llrt_value item = llrt__phantom_new(S, buf);
  if (item == LLRT_EXC || !llrt__push(S, item)) return LLRT_EXC;
  llrt_value arr = llrt__new_array(S, 1);
  if (arr == LLRT_EXC) {
    llrt__popn(S, 1);
    return arr;
  }
  LLRT_OBJ(arr)->elems[0] = item;
  llrt_barrier(S, LLRT_OBJ(arr), item);
  if (!llrt__push(S, arr)) return LLRT_EXC;
  llrt_value it = llrt__new_array_iter(S, arr, 1);
  llrt__popn(S, 2);
  return it;
}

bool llrt__phantom_init(llrt_state *S) {
  if (LLRT_IS_OBJ(S->phantom_proto)) return true;
  llrt_obj *proto = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_function);
  if (!proto) return false;
  S->phantom_proto = llrt_ptr(proto);
  llrt_obj *globals = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), LLRT_NULL);
  if (!globals) return false;
  S->phantom_globals = llrt_ptr(globals);
  if (!llrt__define(S, proto, S->atoms.then, LLRT_UNDEF, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    return false;
  llrt_value f = llrt__native_new(S, "[Symbol.toPrimitive]", phantom_to_primitive, 1, 0);
  if (f == LLRT_EXC || !llrt__define(S, proto, S->sym_to_primitive, f, LLRT_P_CONFIGURABLE))
    return false;
  f = llrt__native_new(S, "[Symbol.iterator]", phantom_iterator, 0, 0);
  if (f == LLRT_EXC || !llrt__define(S, proto, S->sym_iterator, f, LLRT_P_CONFIGURABLE))
    return false;
  S->phantoms = true;
  return true;
}

/* True when `sc` itself assigns the global `name` (`x = …`, `x += …`,
 * `x++`) and no `global` comment declares it: then the program, not the
 * host, owns the name, and reading it before the first assignment throws
 * as in Node rather than yielding a phantom. */
static bool program_assigns(const llrt_script *sc, ll_nid id) {
  const char *name = llrt__text(sc, id);
  uint32_t len = llrt__tlen(sc, id);
  for (uint32_t i = 0; i < sc->js.ncomment_globals; i++)
    if (sc->js.comment_globals[2 * i + 1] == len &&
        !memcmp(sc->src + sc->js.comment_globals[2 * i], name, len))
      return false;
  for (ll_nid n = 0; n < sc->js.count; n++) {
    ll_kind k = (ll_kind)sc->js.nodes[n].kind;
    ll_nid t = LL_NONE;
    if (k == LL_K_assignment_expression || k == LL_K_augmented_assignment_expression)
      t = llrt__child(sc, n, LL_F_left);
    else if (k == LL_K_update_expression)
      t = llrt__child(sc, n, LL_F_argument);
    if (t != LL_NONE && sc->js.nodes[t].kind == LL_K_identifier &&
        sc->ref[t] == REF_GLOBAL && llrt__tlen(sc, t) == len &&
        !memcmp(llrt__text(sc, t), name, len))
      return true;
  }
  return false;
}

bool llrt__phantom_for_ident(llrt_state *S, const llrt_script *sc, ll_nid id) {
  return S->phantoms && !program_assigns(sc, id);
}
