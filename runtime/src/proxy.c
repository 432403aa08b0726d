/* Proxy and Reflect.
 *
 * A proxy (`llrt_proxy`, proxy.h) is an object with no properties and no
 * prototype whose internal methods go to its handler's traps, or to its
 * target when the handler has no such trap. The object model reaches this
 * file only through hooks placed where it already tests an object's type:
 *   object.c  `get_from` (a proxy anywhere on the chain: `get`),
 *             `llrt__set` (the object itself or a proxy on its chain: `set`),
 *             `llrt__has` (`has`);
 *   vm.c      `llrt__call`/`llrt__construct` (`apply`/`construct`), the
 *             `delete` operator (`deleteProperty`), object spread (`ownKeys`,
 *             `getOwnPropertyDescriptor`, `get`); vm_ops.c the `in` operator
 *             (`has`) and `instanceof`'s walk (`getPrototypeOf`);
 *   conv.c    `llrt__is_callable` (a proxy over a function is callable);
 *   builtins  the own-keys function behind Object.keys/values/entries/assign,
 *             getOwnPropertyNames/Symbols, for-in and JSON (`ownKeys`, then
 *             `getOwnPropertyDescriptor` for enumerability), Object's
 *             descriptor, prototype and extensibility functions, hasOwn,
 *             Array.isArray, JSON.stringify and console.log (the target).
 * Operations that read an object's tables directly elsewhere (destructuring
 * rest, `isPrototypeOf`) see an empty object with no prototype.
 *
 * Invariant: a proxy's `target` and `handler` are objects, or both `null`
 * once revoked; `callable`/`ctor` are fixed at creation from the target.
 * The invariant checks of the spec (a trap may not report a non-configurable
 * property as missing, and so on) are not made. Must never: keep a value
 * across a trap call (which runs JavaScript and may collect) without
 * pushing it on the value stack. */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "proxy.h"

/* ==== Traps ==== */

/* clang-format off */
enum {
  T_GET, T_SET, T_HAS, T_DELETE, T_OWNKEYS, T_GOPD, T_DEFINE, T_GETPROTO,
  T_SETPROTO, T_ISEXT, T_PREVENT, T_APPLY, T_CONSTRUCT
};
static const char *const trap_names[] = {
    "get", "set", "has", "deleteProperty", "ownKeys",
    "getOwnPropertyDescriptor", "defineProperty", "getPrototypeOf",
    "setPrototypeOf", "isExtensible", "preventExtensions", "apply",
    "construct"};
/* clang-format on */

static llrt_value revoked(llrt_state *S, int t) {
  return llrt__throw(S, 1,
                     "Cannot perform '%s' on a proxy that has been revoked",
                     trap_names[t]);
}

/* Trap `t` of proxy `p` (which the caller keeps on the value stack): the
 * function, UNDEF when the handler has none, or EXC. `*target` is set to
 * the target as it is after the lookup (a handler getter may revoke). */
static llrt_value get_trap(llrt_state *S, llrt_obj *p, int t,
                           llrt_value *target) {
  llrt_proxy *px = LLRT_PROXY(p);
  if (px->handler == LLRT_NULL) return revoked(S, t);
  llrt_value f = llrt__get_str(S, px->handler, trap_names[t]);
  if (f == LLRT_EXC) return f;
  if (px->handler == LLRT_NULL) return revoked(S, t);
  *target = px->target;
  if (LLRT_IS_NULLISH(f)) return LLRT_UNDEF;
  if (!llrt__is_callable(f))
    return llrt__throw(S, 1, "'%s' on proxy: trap is not a function",
                       trap_names[t]);
  return f;
}

/* Calls trap `f` of `p` with the `n` values on top of the value stack. */
static llrt_value call_trap(llrt_state *S, llrt_obj *p, llrt_value f, int n) {
  return llrt__call(S, f, LLRT_PROXY(p)->handler, n, &S->stack[S->sp - n]);
}

/* Any key value as a property key: an interned string or a symbol. */
static llrt_value prop_key(llrt_state *S, llrt_value keyv) {
  llrt_value key;
  uint32_t idx;
  int k = llrt__to_key(S, keyv, &key, &idx);
  if (k < 0) return LLRT_EXC;
  if (k == 0) return key;
  llrt_value s = llrt__num_to_str(S, idx);
  return s == LLRT_EXC ? s : llrt__intern_value(S, s);
}

static bool push3(llrt_state *S, llrt_value a, llrt_value b, llrt_value c) {
  return llrt__push(S, a) && llrt__push(S, b) && llrt__push(S, c);
}

/* [[Get]] of `o` with receiver `recv` and a property key: integer keys go
 * through the element path first (elements are not in the property
 * table). */
static llrt_value get_recv(llrt_state *S, llrt_value o, llrt_value key,
                           llrt_value recv) {
  llrt_value k;
  uint32_t idx;
  if (llrt_tt(o) != LLRT_T_PROXY && LLRT_IS_STR(key) &&
      llrt__to_key(S, key, &k, &idx) == 1)
    return llrt__get_index(S, o, idx);
  return llrt__get_recv(S, o, recv, key);
}

/* ==== Ordinary fallbacks that see proxies ==== */

/* [[HasProperty]] of any object with a string or symbol key. */
static llrt_value has_prop(llrt_state *S, llrt_value obj, llrt_value key) {
  if (llrt_tt(obj) == LLRT_T_PROXY)
    return llrt__proxy_has(S, LLRT_OBJ(obj), key);
  llrt_value k;
  uint32_t idx;
  if (LLRT_IS_STR(key) && llrt__to_key(S, key, &k, &idx) == 1) {
    llrt_obj *o = LLRT_OBJ(obj);
    if (o->elems && idx < o->len && o->elems[idx] != LLRT_HOLE)
      return LLRT_TRUE;
  }
  return llrt_bool(llrt__has(S, obj, key));
}

/* [[Delete]] of any object with a property key. */
static llrt_value delete_prop(llrt_state *S, llrt_value obj, llrt_value key) {
  if (llrt_tt(obj) == LLRT_T_PROXY)
    return llrt__proxy_delete(S, LLRT_OBJ(obj), key);
  llrt_obj *o = LLRT_OBJ(obj);
  llrt_value k;
  uint32_t idx;
  if (LLRT_IS_STR(key) && llrt__to_key(S, key, &k, &idx) == 1 && o->elems &&
      idx < o->len) {
    if (o->frozen) return LLRT_FALSE;
    o->elems[idx] = LLRT_HOLE;
    return LLRT_TRUE;
  }
  return llrt_bool(llrt__delete_own(S, o, key));
}

/* OrdinarySet with a receiver: finds a setter or a read-only property on
 * the chain from `start`, else creates or updates the data property on
 * `recv` (through its traps when it is a proxy). TRUE, FALSE or EXC. */
static llrt_value set_recv(llrt_state *S, llrt_value start, llrt_value key,
                           llrt_value v, llrt_value recv) {
  size_t base = S->sp;
  llrt_value r = LLRT_TRUE;
  if (!push3(S, key, v, recv) || !llrt__push(S, start)) goto fail;
  for (llrt_obj *o = LLRT_OBJ(start); o; o = o->proto) {
    if (o->h.tt == LLRT_T_PROXY) {
      r = llrt__proxy_set(S, o, key, v, recv);
      S->sp = base;
      return r == LLRT_EXC ? r : LLRT_TRUE;
    }
    llrt_prop *p = llrt__find_own(o, key);
    if (!p) continue;
    if (p->flags & LLRT_P_ACCESSOR) {
      if (p->setter == LLRT_UNDEF) goto refuse;
      r = llrt__call(S, p->setter, recv, 1, &S->stack[base + 1]);
      S->sp = base;
      return r == LLRT_EXC ? r : LLRT_TRUE;
    }
    if (!(p->flags & LLRT_P_WRITABLE) || o->frozen) goto refuse;
    break;
  }
  if (!LLRT_IS_OBJ(recv)) goto refuse;
  if (llrt_tt(recv) == LLRT_T_PROXY) {
    llrt_value d = llrt__proxy_get_own_desc(S, LLRT_OBJ(recv), key);
    if (d == LLRT_EXC || !llrt__push(S, d)) goto fail;
    llrt_value nd = llrt__new_object(S);
    if (nd == LLRT_EXC || !llrt__push(S, nd)) goto fail;
    bool exists = LLRT_IS_OBJ(d);
    if (!llrt__define(S, LLRT_OBJ(nd), S->atoms.value, S->stack[base + 1],
                      LLRT_P_DEFAULT) ||
        (!exists && (!llrt__define(S, LLRT_OBJ(nd), S->atoms.writable,
                                   LLRT_TRUE, LLRT_P_DEFAULT) ||
                     !llrt__define(S, LLRT_OBJ(nd), S->atoms.enumerable,
                                   LLRT_TRUE, LLRT_P_DEFAULT) ||
                     !llrt__define(S, LLRT_OBJ(nd), S->atoms.configurable,
                                   LLRT_TRUE, LLRT_P_DEFAULT))))
      goto fail;
    r = llrt__proxy_define(S, LLRT_OBJ(recv), key, nd);
    S->sp = base;
    return r;
  }
  llrt_obj *ro = LLRT_OBJ(recv);
  if (ro->h.tt == LLRT_T_ARRAY || ro->h.tt == LLRT_T_ARGUMENTS) {
    r = llrt__set_v(S, recv, key, v); /* elements and `length` */
  } else {
    llrt_prop *own = llrt__find_own(ro, key);
    if (own) {
      if ((own->flags & LLRT_P_ACCESSOR) || !(own->flags & LLRT_P_WRITABLE) ||
          ro->frozen)
        goto refuse;
      own->val = v;
      llrt_barrier(S, ro, v);
    } else if (!ro->extensible) {
      goto refuse;
    } else if (!llrt__define(S, ro, key, v, LLRT_P_DEFAULT)) {
      goto fail;
    }
  }
  S->sp = base;
  return r == LLRT_EXC ? r : LLRT_TRUE;
refuse:
  S->sp = base;
  return LLRT_FALSE;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* ToPropertyDescriptor then FromPropertyDescriptor: a complete, fresh
 * descriptor object for what a getOwnPropertyDescriptor trap returned. */
static llrt_value normalize_desc(llrt_state *S, llrt_value d) {
  if (d == LLRT_UNDEF) return d;
  if (!LLRT_IS_OBJ(d))
    return llrt__throw(S, 1,
                       "'getOwnPropertyDescriptor' on proxy: trap "
                       "returned neither object nor undefined");
  size_t base = S->sp;
  if (!llrt__push(S, d)) return LLRT_EXC;
  llrt_value out = llrt__new_object(S);
  if (out == LLRT_EXC || !llrt__push(S, out)) goto fail;
  bool acc = llrt__has(S, d, S->atoms.get) || llrt__has(S, d, S->atoms.set);
  llrt_value names[4] = {S->atoms.value, S->atoms.writable, S->atoms.enumerable,
                         S->atoms.configurable};
  if (acc) {
    names[0] = S->atoms.get;
    names[1] = S->atoms.set;
  }
  for (int i = 0; i < 4; i++) {
    llrt_value v = llrt__get(S, S->stack[base], names[i]);
    if (v == LLRT_EXC) goto fail;
    if (i >= (acc ? 2 : 1)) v = llrt_bool(llrt__truthy(v));
    if (!llrt__define(S, LLRT_OBJ(out), names[i], v, LLRT_P_DEFAULT)) goto fail;
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

static bool is_ctor(llrt_value v) {
  switch (llrt_tt(v)) {
  case LLRT_T_CLOSURE: {
    uint8_t k = ((llrt_closure *)LLRT_PTR(v))->kind;
    return k != LLRT_FN_ARROW && k != LLRT_FN_METHOD;
  }
  case LLRT_T_NATIVE: return ((llrt_native *)LLRT_PTR(v))->ctor;
  case LLRT_T_BOUND: return is_ctor(((llrt_bound *)LLRT_PTR(v))->target);
  case LLRT_T_PROXY: return LLRT_PROXY(LLRT_PTR(v))->ctor;
  default: return false;
  }
}

/* ==== Internal methods of a proxy ==== */

llrt_value llrt__proxy_get(llrt_state *S, llrt_obj *p, llrt_value key,
                           llrt_value recv) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!push3(S, llrt_ptr(p), key, recv)) goto out;
  llrt_value f = get_trap(S, p, T_GET, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = get_recv(S, target, key, recv);
  } else if (push3(S, target, key, recv)) {
    r = call_trap(S, p, f, 3);
  }
out:
  S->sp = base;
  return r;
}

llrt_value llrt__proxy_set(llrt_state *S, llrt_obj *p, llrt_value key,
                           llrt_value v, llrt_value recv) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!push3(S, llrt_ptr(p), key, v) || !llrt__push(S, recv)) goto out;
  llrt_value f = get_trap(S, p, T_SET, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) { /* no trap: the target's [[Set]], refusals included */
    r = set_recv(S, target, key, v, recv);
    if (r != LLRT_EXC)
      S->refused = r == LLRT_FALSE ? LLRT_REFUSED_READ_ONLY : LLRT_REFUSED_NONE;
  } else if (push3(S, target, key, v) && llrt__push(S, recv)) {
    r = call_trap(S, p, f, 4);
    /* A falsish result: ignored by sloppy code, a TypeError in strict
     * code (vm.c reads `refused`, whatever the trap's own code left). */
    if (r != LLRT_EXC)
      S->refused = llrt__truthy(r) ? LLRT_REFUSED_NONE : LLRT_REFUSED_PROXY;
  }
out:
  S->sp = base;
  return r == LLRT_EXC ? r : v;
}

llrt_value llrt__proxy_has(llrt_state *S, llrt_obj *p, llrt_value key) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, llrt_ptr(p)) || !llrt__push(S, key)) goto out;
  llrt_value f = get_trap(S, p, T_HAS, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = has_prop(S, target, key);
  } else if (llrt__push(S, target) && llrt__push(S, key)) {
    r = call_trap(S, p, f, 2);
    if (r != LLRT_EXC) r = llrt_bool(llrt__truthy(r));
  }
out:
  S->sp = base;
  return r;
}

llrt_value llrt__proxy_delete(llrt_state *S, llrt_obj *p, llrt_value key) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, llrt_ptr(p)) || !llrt__push(S, key)) goto out;
  llrt_value f = get_trap(S, p, T_DELETE, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = delete_prop(S, target, key);
  } else if (llrt__push(S, target) && llrt__push(S, key)) {
    r = call_trap(S, p, f, 2);
    if (r != LLRT_EXC) r = llrt_bool(llrt__truthy(r));
  }
out:
  S->sp = base;
  return r;
}

llrt_value llrt__proxy_own_keys(llrt_state *S, llrt_obj *p) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, llrt_ptr(p))) goto out;
  llrt_value f = get_trap(S, p, T_OWNKEYS, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = llrt__obj_own_keys(S, target, LLRT_KEYS_ALL);
    goto out;
  }
  if (!llrt__push(S, target)) goto out;
  llrt_value list = call_trap(S, p, f, 1);
  if (list == LLRT_EXC || !llrt__push(S, list)) goto out;
  size_t at = S->sp;
  int n = llrt__push_array_like(S, list);
  if (n < 0) goto out;
  r = llrt__new_array(S, (uint32_t)n);
  if (r == LLRT_EXC) goto out;
  for (int i = 0; i < n; i++) {
    llrt_value k = S->stack[at + (size_t)i];
    if (!LLRT_IS_STR(k) && !LLRT_IS_SYM(k)) {
      char buf[64];
      llrt__describe(S, k, buf, sizeof buf);
      r = llrt__throw(S, 1, "%s is not a valid property name", buf);
      goto out;
    }
    if (LLRT_IS_STR(k)) {
      if (!llrt__push(S, r)) {
        r = LLRT_EXC;
        goto out;
      }
      k = llrt__intern_value(S, k);
      llrt__popn(S, 1);
      if (k == LLRT_EXC) {
        r = k;
        goto out;
      }
    }
    LLRT_OBJ(r)->elems[i] = k;
    llrt_barrier(S, LLRT_OBJ(r), k);
  }
out:
  S->sp = base;
  return r;
}

llrt_value llrt__proxy_get_own_desc(llrt_state *S, llrt_obj *p,
                                    llrt_value keyv) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, llrt_ptr(p))) goto out;
  llrt_value key = prop_key(S, keyv);
  if (key == LLRT_EXC || !llrt__push(S, key)) goto out;
  llrt_value f = get_trap(S, p, T_GOPD, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = llrt__obj_get_own_desc(S, target, key);
  } else if (llrt__push(S, target) && llrt__push(S, key)) {
    r = call_trap(S, p, f, 2);
    if (r != LLRT_EXC) r = normalize_desc(S, r);
  }
out:
  S->sp = base;
  return r;
}

llrt_value llrt__proxy_define(llrt_state *S, llrt_obj *p, llrt_value keyv,
                              llrt_value desc) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, llrt_ptr(p)) || !llrt__push(S, desc)) goto out;
  llrt_value key = prop_key(S, keyv);
  if (key == LLRT_EXC || !llrt__push(S, key)) goto out;
  llrt_value f = get_trap(S, p, T_DEFINE, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = llrt__obj_define_own(S, target, key, desc);
  } else if (push3(S, target, key, desc)) {
    r = call_trap(S, p, f, 3);
    if (r != LLRT_EXC) r = llrt_bool(llrt__truthy(r));
  }
out:
  S->sp = base;
  return r;
}

/* getPrototypeOf, setPrototypeOf, isExtensible, preventExtensions: one
 * shape (target [, proto]) -> value; `fallback` does the target's part. */
static llrt_value simple_trap(llrt_state *S, llrt_obj *p, int t, llrt_value arg,
                              llrt_value (*fallback)(llrt_state *, llrt_value,
                                                     llrt_value)) {
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, llrt_ptr(p)) || !llrt__push(S, arg)) goto out;
  llrt_value f = get_trap(S, p, t, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = fallback(S, target, arg);
  } else if (llrt__push(S, target) && (t != T_SETPROTO || llrt__push(S, arg))) {
    r = call_trap(S, p, f, t == T_SETPROTO ? 2 : 1);
    if (r == LLRT_EXC) goto out;
    if (t == T_GETPROTO) {
      if (!LLRT_IS_OBJ(r) && r != LLRT_NULL)
        r = llrt__throw(S, 1,
                        "'getPrototypeOf' on proxy: trap returned "
                        "neither object nor null");
    } else {
      r = llrt_bool(llrt__truthy(r));
    }
  }
out:
  S->sp = base;
  return r;
}

static llrt_value get_proto_of(llrt_state *S, llrt_value o, llrt_value unused) {
  (void)unused;
  if (llrt_tt(o) == LLRT_T_PROXY) return llrt__proxy_get_proto(S, LLRT_OBJ(o));
  llrt_obj *pr = LLRT_OBJ(o)->proto;
  return pr ? llrt_ptr(pr) : LLRT_NULL;
}

static llrt_value set_proto_of(llrt_state *S, llrt_value o, llrt_value proto) {
  if (llrt_tt(o) == LLRT_T_PROXY)
    return llrt__proxy_set_proto(S, LLRT_OBJ(o), proto);
  llrt_obj *ob = LLRT_OBJ(o);
  llrt_obj *np = proto == LLRT_NULL ? NULL : LLRT_OBJ(proto);
  if (np == ob->proto) return LLRT_TRUE;
  if (!ob->extensible) return LLRT_FALSE;
  for (llrt_obj *q = np; q; q = q->proto) {
    if (q == ob) return LLRT_FALSE; /* a cycle */
    if (q->h.tt == LLRT_T_PROXY) break;
  }
  ob->proto = np;
  llrt_barrier(S, ob, proto);
  return LLRT_TRUE;
}

static llrt_value is_ext_of(llrt_state *S, llrt_value o, llrt_value unused) {
  (void)unused;
  if (llrt_tt(o) == LLRT_T_PROXY)
    return llrt__proxy_is_extensible(S, LLRT_OBJ(o));
  return llrt_bool(LLRT_OBJ(o)->extensible);
}

static llrt_value prevent_ext_of(llrt_state *S, llrt_value o,
                                 llrt_value unused) {
  (void)unused;
  if (llrt_tt(o) == LLRT_T_PROXY)
    return llrt__proxy_prevent_ext(S, LLRT_OBJ(o));
  LLRT_OBJ(o)->extensible = false;
  return LLRT_TRUE;
}

llrt_value llrt__proxy_get_proto(llrt_state *S, llrt_obj *p) {
  return simple_trap(S, p, T_GETPROTO, LLRT_UNDEF, get_proto_of);
}
llrt_value llrt__proxy_set_proto(llrt_state *S, llrt_obj *p, llrt_value proto) {
  return simple_trap(S, p, T_SETPROTO, proto, set_proto_of);
}
llrt_value llrt__proxy_is_extensible(llrt_state *S, llrt_obj *p) {
  return simple_trap(S, p, T_ISEXT, LLRT_UNDEF, is_ext_of);
}
llrt_value llrt__proxy_prevent_ext(llrt_state *S, llrt_obj *p) {
  return simple_trap(S, p, T_PREVENT, LLRT_UNDEF, prevent_ext_of);
}

/* An array holding the `argc` values at `argv` (the apply/construct traps
 * take the arguments as one array). */
static llrt_value args_array(llrt_state *S, int argc, llrt_value *argv) {
  llrt_value a = llrt__new_array(S, (uint32_t)argc);
  if (a == LLRT_EXC) return a;
  for (int i = 0; i < argc; i++) {
    LLRT_OBJ(a)->elems[i] = argv[i];
    llrt_barrier(S, LLRT_OBJ(a), argv[i]);
  }
  return a;
}

llrt_value llrt__proxy_call(llrt_state *S, llrt_value fn, llrt_value this_val,
                            int argc, llrt_value *argv) {
  llrt_obj *p = LLRT_OBJ(fn);
  if (!LLRT_PROXY(p)->callable) {
    char buf[64];
    llrt__describe(S, fn, buf, sizeof buf);
    return llrt__throw(S, 1, "%s is not a function", buf);
  }
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, fn) || !llrt__push(S, this_val)) goto out;
  llrt_value f = get_trap(S, p, T_APPLY, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = llrt__call(S, target, this_val, argc, argv);
    goto out;
  }
  if (!llrt__push(S, f) || !llrt__push(S, target)) goto out;
  llrt_value a = args_array(S, argc, argv);
  if (a == LLRT_EXC || !push3(S, target, this_val, a)) goto out;
  r = call_trap(S, p, f, 3); /* (target, thisArg, argumentsList) */
out:
  S->sp = base;
  return r;
}

llrt_value llrt__proxy_construct(llrt_state *S, llrt_value fn, int argc,
                                 llrt_value *argv, llrt_value new_target) {
  llrt_obj *p = LLRT_OBJ(fn);
  if (!LLRT_PROXY(p)->ctor) {
    char buf[64];
    llrt__describe(S, fn, buf, sizeof buf);
    return llrt__throw(S, 1, "%s is not a constructor", buf);
  }
  size_t base = S->sp;
  llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
  if (!llrt__push(S, fn) || !llrt__push(S, new_target)) goto out;
  llrt_value f = get_trap(S, p, T_CONSTRUCT, &target);
  if (f == LLRT_EXC) goto out;
  if (f == LLRT_UNDEF) {
    r = llrt__construct(S, target, argc, argv, new_target);
    goto out;
  }
  if (!llrt__push(S, f) || !llrt__push(S, target)) goto out;
  llrt_value a = args_array(S, argc, argv);
  if (a == LLRT_EXC || !push3(S, target, a, new_target)) goto out;
  r = call_trap(S, p, f, 3); /* (target, argumentsList, newTarget) */
  if (r != LLRT_EXC && !LLRT_IS_OBJ(r))
    r = llrt__throw(S, 1, "proxy [[Construct]] must return an object");
out:
  S->sp = base;
  return r;
}

llrt_value llrt__proxy_spread(llrt_state *S, llrt_value dst, llrt_value src) {
  size_t base = S->sp;
  if (!llrt__push(S, dst) || !llrt__push(S, src)) return LLRT_EXC;
  llrt_value keys = llrt__proxy_own_keys(S, LLRT_OBJ(src));
  if (keys == LLRT_EXC || !llrt__push(S, keys)) goto fail;
  for (uint32_t i = 0; i < LLRT_OBJ(keys)->len; i++) {
    llrt_value k = LLRT_OBJ(keys)->elems[i];
    llrt_value d = llrt__proxy_get_own_desc(S, LLRT_OBJ(src), k);
    if (d == LLRT_EXC) goto fail;
    if (!LLRT_IS_OBJ(d)) continue;
    llrt_value e = llrt__get(S, d, S->atoms.enumerable);
    if (e == LLRT_EXC) goto fail;
    if (!llrt__truthy(e)) continue;
    k = LLRT_OBJ(keys)->elems[i];
    llrt_value v = llrt__get(S, src, k);
    if (v == LLRT_EXC ||
        llrt__set_v(S, dst, LLRT_OBJ(keys)->elems[i], v) == LLRT_EXC)
      goto fail;
  }
  S->sp = base;
  return LLRT_UNDEF;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__proxy_instance_of(llrt_state *S, llrt_obj *p,
                                   llrt_value proto) {
  size_t base = S->sp;
  llrt_value r = LLRT_FALSE;
  if (!llrt__push(S, proto) || !llrt__push(S, llrt_ptr(p))) goto fail;
  for (unsigned steps = 0; steps < 100000; steps++) {
    llrt_value cur = get_proto_of(S, S->stack[base + 1], LLRT_UNDEF);
    if (cur == LLRT_EXC) goto fail;
    if (cur == proto) {
      r = LLRT_TRUE;
      break;
    }
    if (!LLRT_IS_OBJ(cur)) break;
    S->stack[base + 1] = cur;
  }
  S->sp = base;
  return r;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__is_array(llrt_state *S, llrt_value v) {
  while (llrt_tt(v) == LLRT_T_PROXY) {
    if (LLRT_PROXY(LLRT_PTR(v))->handler == LLRT_NULL)
      return llrt__throw(
          S, 1, "Cannot perform 'IsArray' on a proxy that has been revoked");
    v = LLRT_PROXY(LLRT_PTR(v))->target;
  }
  return llrt_bool(llrt_tt(v) == LLRT_T_ARRAY);
}

/* ==== Proxy ==== */

static llrt_value proxy_new(llrt_state *S, llrt_value target,
                            llrt_value handler) {
  if (!LLRT_IS_OBJ(target) || !LLRT_IS_OBJ(handler))
    return llrt__throw(
        S, 1, "Cannot create proxy with a non-object as target or handler");
  if (!llrt__push(S, target) || !llrt__push(S, handler)) return LLRT_EXC;
  llrt_proxy *px =
      (llrt_proxy *)llrt__obj_new(S, LLRT_T_PROXY, sizeof *px, LLRT_NULL);
  llrt__popn(S, 2);
  if (!px) return LLRT_EXC;
  px->target = target;
  px->handler = handler;
  px->callable = llrt__is_callable(target);
  px->ctor = is_ctor(target);
  llrt_barrier(S, &px->o, target);
  llrt_barrier(S, &px->o, handler);
  return llrt_ptr(px);
}

NATIVE(proxy_ctor) {
  (void)magic;
  (void)data;
  if (this_val != LLRT_HOLE)
    return llrt__throw(S, 1, "Constructor Proxy requires 'new'");
  return proxy_new(S, ARG(0), ARG(1));
}

NATIVE(proxy_revoke) {
  UNUSED_NATIVE_ARGS;
  (void)S;
  if (llrt_tt(data[0]) == LLRT_T_PROXY) {
    llrt_proxy *px = LLRT_PROXY(LLRT_PTR(data[0]));
    px->target = px->handler = LLRT_NULL;
  }
  data[0] = LLRT_UNDEF;
  return LLRT_UNDEF;
}

NATIVE(proxy_revocable) {
  (void)this_val;
  (void)magic;
  (void)data;
  size_t base = S->sp;
  llrt_value p = proxy_new(S, ARG(0), ARG(1));
  if (p == LLRT_EXC || !llrt__push(S, p)) goto fail;
  llrt_value rv = llrt__native_new(S, "", proxy_revoke, 0, 0);
  if (rv == LLRT_EXC || !llrt__push(S, rv)) goto fail;
  ((llrt_native *)LLRT_PTR(rv))->data[0] = p;
  llrt_barrier(S, LLRT_OBJ(rv), p);
  llrt_value out = llrt__new_object(S);
  if (out == LLRT_EXC || !llrt__push(S, out)) goto fail;
  llrt_value kp = llrt__intern(S, "proxy", 5);
  if (kp == LLRT_EXC || !llrt__define(S, LLRT_OBJ(out), kp, p, LLRT_P_DEFAULT))
    goto fail;
  llrt_value kr = llrt__intern(S, "revoke", 6);
  if (kr == LLRT_EXC || !llrt__define(S, LLRT_OBJ(out), kr, rv, LLRT_P_DEFAULT))
    goto fail;
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* ==== Reflect ==== */

static bool need_object(llrt_state *S, llrt_value v, const char *fn) {
  if (LLRT_IS_OBJ(v)) return true;
  llrt__throw(S, 1, "Reflect.%s called on non-object", fn);
  return false;
}

NATIVE(reflect_apply) {
  (void)this_val;
  (void)magic;
  (void)data;
  if (!llrt__is_callable(ARG(0))) {
    char buf[64];
    llrt__describe(S, ARG(0), buf, sizeof buf);
    return llrt__throw(S, 1,
                       "Function.prototype.apply was called on %s, which "
                       "is not a function",
                       buf);
  }
  size_t base = S->sp;
  int n = llrt__push_array_like(S, ARG(2));
  llrt_value r =
      n < 0 ? LLRT_EXC : llrt__call(S, ARG(0), ARG(1), n, &S->stack[base]);
  S->sp = base;
  return r;
}

NATIVE(reflect_construct) {
  (void)this_val;
  (void)magic;
  (void)data;
  llrt_value f = ARG(0), nt = argc > 2 ? argv[2] : f;
  if (!is_ctor(f) || !is_ctor(nt)) {
    char buf[64];
    llrt__describe(S, is_ctor(f) ? nt : f, buf, sizeof buf);
    return llrt__throw(S, 1, "%s is not a constructor", buf);
  }
  size_t base = S->sp;
  int n = llrt__push_array_like(S, ARG(1));
  llrt_value r =
      n < 0 ? LLRT_EXC : llrt__construct(S, f, n, &S->stack[base], nt);
  S->sp = base;
  return r;
}

NATIVE(reflect_define_property) {
  (void)this_val;
  (void)magic;
  (void)data;
  if (!need_object(S, ARG(0), "defineProperty")) return LLRT_EXC;
  return llrt__obj_define_own(S, ARG(0), ARG(1), ARG(2));
}

/* deleteProperty (0), has (1) */
NATIVE(reflect_delete_has) {
  (void)this_val;
  (void)data;
  if (!need_object(S, ARG(0), magic ? "has" : "deleteProperty"))
    return LLRT_EXC;
  llrt_value key = prop_key(S, ARG(1));
  if (key == LLRT_EXC) return key;
  return magic ? has_prop(S, ARG(0), key) : delete_prop(S, ARG(0), key);
}

NATIVE(reflect_get) {
  (void)this_val;
  (void)magic;
  (void)data;
  llrt_value o = ARG(0);
  if (!need_object(S, o, "get")) return LLRT_EXC;
  llrt_value recv = argc > 2 ? argv[2] : o;
  if (recv == o) return llrt__get_v(S, o, ARG(1));
  llrt_value key = prop_key(S, ARG(1));
  if (key == LLRT_EXC) return key;
  return get_recv(S, o, key, recv);
}

NATIVE(reflect_set) {
  (void)this_val;
  (void)magic;
  (void)data;
  llrt_value o = ARG(0);
  if (!need_object(S, o, "set")) return LLRT_EXC;
  llrt_value key = prop_key(S, ARG(1));
  if (key == LLRT_EXC) return key;
  llrt_value recv = argc > 3 ? argv[3] : o;
  if (llrt_tt(o) == LLRT_T_PROXY && recv == o) {
    /* The set trap's own answer, not the sloppy-mode value. */
    size_t base = S->sp;
    llrt_value target = LLRT_UNDEF, r = LLRT_EXC;
    if (!llrt__push(S, key)) return LLRT_EXC;
    llrt_value f = get_trap(S, LLRT_OBJ(o), T_SET, &target);
    if (f == LLRT_UNDEF)
      r = set_recv(S, target, key, ARG(2), recv);
    else if (f != LLRT_EXC && push3(S, target, key, ARG(2)) &&
             llrt__push(S, recv))
      r = call_trap(S, LLRT_OBJ(o), f, 4);
    S->sp = base;
    return r == LLRT_EXC ? r : llrt_bool(llrt__truthy(r));
  }
  return set_recv(S, o, key, ARG(2), recv);
}

NATIVE(reflect_gopd) {
  (void)this_val;
  (void)magic;
  (void)data;
  if (!need_object(S, ARG(0), "getOwnPropertyDescriptor")) return LLRT_EXC;
  return llrt__obj_get_own_desc(S, ARG(0), ARG(1));
}

/* getPrototypeOf (0), isExtensible (1), preventExtensions (2), ownKeys (3) */
NATIVE(reflect_unary) {
  (void)this_val;
  (void)data;
  static const char *const names[] = {"getPrototypeOf", "isExtensible",
                                      "preventExtensions", "ownKeys"};
  llrt_value o = ARG(0);
  if (!need_object(S, o, names[magic])) return LLRT_EXC;
  switch (magic) {
  case 0: return get_proto_of(S, o, LLRT_UNDEF);
  case 1: return is_ext_of(S, o, LLRT_UNDEF);
  case 2: return prevent_ext_of(S, o, LLRT_UNDEF);
  default: return llrt__obj_own_keys(S, o, LLRT_KEYS_ALL);
  }
}

NATIVE(reflect_set_proto) {
  (void)this_val;
  (void)magic;
  (void)data;
  if (!need_object(S, ARG(0), "setPrototypeOf")) return LLRT_EXC;
  if (!LLRT_IS_OBJ(ARG(1)) && ARG(1) != LLRT_NULL)
    return llrt__throw(S, 1, "Object prototype may only be an Object or null");
  return set_proto_of(S, ARG(0), ARG(1));
}

/* ==== Setup ==== */

bool llrt__proxy_init(llrt_state *S) {
  llrt_value P = llrt__def_fn(S, S->global, "Proxy", proxy_ctor, 2, 0);
  CHECK(P);
  ((llrt_native *)LLRT_PTR(P))->ctor = true;
  FN(P, "revocable", proxy_revocable, 2, 0);
  llrt_value R = llrt__new_object(S);
  CHECK(R);
  if (!llrt__def_val(S, S->global, "Reflect", R)) return false;
  FN(R, "apply", reflect_apply, 3, 0);
  FN(R, "construct", reflect_construct, 2, 0);
  FN(R, "defineProperty", reflect_define_property, 3, 0);
  FN(R, "deleteProperty", reflect_delete_has, 2, 0);
  FN(R, "get", reflect_get, 2, 0);
  FN(R, "getOwnPropertyDescriptor", reflect_gopd, 2, 0);
  FN(R, "getPrototypeOf", reflect_unary, 1, 0);
  FN(R, "has", reflect_delete_has, 2, 1);
  FN(R, "isExtensible", reflect_unary, 1, 1);
  FN(R, "ownKeys", reflect_unary, 1, 3);
  FN(R, "preventExtensions", reflect_unary, 1, 2);
  FN(R, "set", reflect_set, 3, 0);
  FN(R, "setPrototypeOf", reflect_set_proto, 2, 0);
  llrt_value tag = llrt__intern(S, "Reflect", 7);
  CHECK(tag);
  return llrt__define(S, LLRT_OBJ(R), S->sym_to_string_tag, tag,
                      LLRT_P_CONFIGURABLE);
}
