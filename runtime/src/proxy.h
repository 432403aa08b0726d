/* Proxy objects and the proxy-aware internal methods (proxy.c,
 * builtins_core.c).
 *
 * A proxy is a GC object of type `LLRT_T_PROXY`: an `llrt_obj` with no own
 * properties and no prototype, plus its target and handler. The object model
 * sends an operation to a proxy only where it already looks at the object's
 * type, so ordinary objects pay one type test at most (the hooks are listed
 * in proxy.c). Invariant checks of the spec (non-configurable properties,
 * non-extensible targets) are not made.
 *
 * The `llrt__obj_*` functions below are the [[OwnPropertyKeys]],
 * [[GetOwnProperty]] and [[DefineOwnProperty]] of any object: a proxy goes
 * to its trap (or target), an ordinary object to its tables. Object.* and
 * Reflect.* are built on them. */
#ifndef LLRT_PROXY_H
#define LLRT_PROXY_H

#include "object.h"

typedef struct llrt_proxy {
  llrt_obj o;
  llrt_value target, handler; /* both `null` (LLRT_NULL) once revoked */
  bool callable, ctor;        /* from the target, fixed at creation */
} llrt_proxy;

#define LLRT_PROXY(o) ((llrt_proxy *)(o))

/* ==== Hooks of the object model and the evaluator (proxy.c) ==== */

/** [[Get]] on proxy `p` with receiver `recv`: the value or EXC. */
llrt_value llrt__proxy_get(llrt_state *S, llrt_obj *p, llrt_value key,
                           llrt_value recv);
/** [[Set]]: returns `v` (also when the trap says false) or EXC. */
llrt_value llrt__proxy_set(llrt_state *S, llrt_obj *p, llrt_value key,
                           llrt_value v, llrt_value recv);
/** [[HasProperty]], [[Delete]]: TRUE, FALSE or EXC. */
llrt_value llrt__proxy_has(llrt_state *S, llrt_obj *p, llrt_value key);
llrt_value llrt__proxy_delete(llrt_state *S, llrt_obj *p, llrt_value key);
/** [[OwnPropertyKeys]]: a new array of strings and symbols, or EXC. */
llrt_value llrt__proxy_own_keys(llrt_state *S, llrt_obj *p);
/** [[GetOwnProperty]] (a descriptor object, UNDEF or EXC) and
 * [[DefineOwnProperty]] (TRUE, FALSE or EXC); `keyv` is any key value. */
llrt_value llrt__proxy_get_own_desc(llrt_state *S, llrt_obj *p,
                                    llrt_value keyv);
llrt_value llrt__proxy_define(llrt_state *S, llrt_obj *p, llrt_value keyv,
                              llrt_value desc);
/** [[GetPrototypeOf]]: an object, NULL or EXC. [[SetPrototypeOf]],
 * [[IsExtensible]], [[PreventExtensions]]: TRUE, FALSE or EXC. */
llrt_value llrt__proxy_get_proto(llrt_state *S, llrt_obj *p);
llrt_value llrt__proxy_set_proto(llrt_state *S, llrt_obj *p, llrt_value proto);
llrt_value llrt__proxy_is_extensible(llrt_state *S, llrt_obj *p);
llrt_value llrt__proxy_prevent_ext(llrt_state *S, llrt_obj *p);
/** [[Call]] and [[Construct]] of a proxy over a function. */
llrt_value llrt__proxy_call(llrt_state *S, llrt_value fn, llrt_value this_val,
                            int argc, llrt_value *argv);
llrt_value llrt__proxy_construct(llrt_state *S, llrt_value fn, int argc,
                                 llrt_value *argv, llrt_value new_target);
/** `{...p}`: copies the enumerable own properties of proxy `src` (ownKeys,
 * getOwnPropertyDescriptor and get traps) onto `dst`. UNDEF or EXC. */
llrt_value llrt__proxy_spread(llrt_state *S, llrt_value dst, llrt_value src);
/** OrdinaryHasInstance's walk from proxy `p` up (getPrototypeOf traps):
 * TRUE when `proto` is on the chain above `p`, FALSE, or EXC. */
llrt_value llrt__proxy_instance_of(llrt_state *S, llrt_obj *p,
                                   llrt_value proto);
/** IsArray through proxies (a revoked one throws: EXC). */
llrt_value llrt__is_array(llrt_state *S, llrt_value v);
/** Installs Proxy and Reflect on the global object. */
bool llrt__proxy_init(llrt_state *S);

static inline bool llrt__proxy_callable(llrt_value v) {
  return LLRT_PROXY(LLRT_PTR(v))->callable;
}

/* ==== Internal methods of any object (builtins_core.c) ==== */

enum {
  LLRT_KEYS_ENUM = 0,    /* enumerable string keys (Object.keys) */
  LLRT_KEYS_STRINGS = 1, /* all string keys (getOwnPropertyNames) */
  LLRT_KEYS_SYMBOLS = 2, /* all symbol keys */
  LLRT_KEYS_ALL = 3      /* strings then symbols (Reflect.ownKeys) */
};
/** Own keys of `v` as a new array (`what`: LLRT_KEYS_*), or EXC. */
llrt_value llrt__obj_own_keys(llrt_state *S, llrt_value v, int what);
/** A descriptor object for own property `keyv` of `o`, UNDEF, or EXC. */
llrt_value llrt__obj_get_own_desc(llrt_state *S, llrt_value o, llrt_value keyv);
/** Defines own property `keyv` of `o` from descriptor object `desc`:
 * TRUE, FALSE (a trap refused) or EXC. */
llrt_value llrt__obj_define_own(llrt_state *S, llrt_value o, llrt_value keyv,
                                llrt_value desc);

#endif
