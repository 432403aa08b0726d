/* Destructuring patterns and assignment targets, and collecting an
 * iterable into an array (spread, array patterns). Part of the evaluator
 * (vm.h). Must never: keep a value across an allocation off the stack. */
#include <stdio.h>
#include <stdlib.h>

#include "vm.h"

/* ==== Iteration helper for spread, for-of and array patterns ==== */

/* Collects the values `v` iterates into a new array (fast path for arrays). */
llrt_value llrt__vm_iterate_to_array(llrt_state *S, llrt_value v) {
  if (llrt_tt(v) == LLRT_T_ARRAY) {
    llrt_obj *a = LLRT_OBJ(v);
    if (!llrt__push(S, v)) return nomem(S);
    llrt_value r = llrt__new_array(S, a->len);
    llrt__popn(S, 1);
    TRY(r);
    a = LLRT_OBJ(v);
    llrt_obj *ro = LLRT_OBJ(r);
    for (uint32_t i = 0; i < a->len; i++)
      ro->elems[i] = a->elems[i] == LLRT_HOLE ? LLRT_UNDEF : a->elems[i];
    return r;
  }
  llrt_value it = llrt__get_iterator(S, v);
  TRY(it);
  if (!llrt__push(S, it)) return nomem(S);
  llrt_value r = llrt__new_array(S, 0);
  if (r == LLRT_EXC || !llrt__push(S, r)) {
    llrt__popn(S, 1);
    return LLRT_EXC;
  }
  for (;;) {
    llrt_value x = llrt__iter_step(S, it);
    if (x == LLRT_EXC) {
      llrt__popn(S, 2);
      return LLRT_EXC;
    }
    if (x == LLRT_HOLE) break;
    if (!llrt__array_push(S, LLRT_OBJ(r), x)) {
      llrt__popn(S, 2);
      return nomem(S);
    }
  }
  llrt__popn(S, 2);
  return r;
}

/* ==== Patterns ==== */

llrt_value llrt__vm_assign_target(llrt_state *S, ll_nid t, llrt_value v,
                                bool init);

static llrt_value with_default(llrt_state *S, ll_nid def, llrt_value v) {
  if (v != LLRT_UNDEF || def == LL_NONE) return v;
  return llrt__vm_eval(S, def);
}

static llrt_value bind_object_pattern(llrt_state *S, ll_nid p, llrt_value v,
                                      bool init) {
  llrt_script *sc = SC;
  if (LLRT_IS_NULLISH(v))
    return llrt__throw(S, 1, "Cannot destructure '%s' as it is %s.",
                       v == LLRT_NULL ? "null" : "undefined",
                       v == LLRT_NULL ? "null" : "undefined");
  size_t base = S->sp;
  if (!llrt__push(S, v)) return nomem(S);
  for (ll_nid c = FIRST(p); c != LL_NONE; c = NEXT(c)) {
    llrt_value r = LLRT_UNDEF;
    switch (KIND(c)) {
    case LL_K_shorthand_property_identifier_pattern: {
      llrt_value x = llrt__get(S, v, K(c));
      if (x == LLRT_EXC) goto fail;
      r = llrt__vm_write_ident(S, c, x, init);
      break;
    }
    case LL_K_object_assignment_pattern: {
      ll_nid left = CHILD(c, left), right = CHILD(c, right);
      llrt_value x;
      if (KIND(left) == LL_K_shorthand_property_identifier_pattern) {
        x = llrt__get(S, v, K(left));
        if (x == LLRT_EXC) goto fail;
        x = with_default(S, right, x);
        if (x == LLRT_EXC) goto fail;
        r = llrt__vm_write_ident(S, left, x, init);
      } else {
        r = llrt__unsupported(S, "object assignment pattern");
      }
      break;
    }
    case LL_K_pair_pattern: {
      ll_nid key = CHILD(c, key), val = CHILD(c, value);
      llrt_value kv;
      if (KIND(key) == LL_K_computed_property_name) {
        kv = llrt__vm_eval(S, FIRST(key));
      } else if (KIND(key) == LL_K_number) {
        kv = K(key);
      } else {
        kv = K(key);
      }
      if (kv == LLRT_EXC) goto fail;
      llrt_value x = llrt__get_v(S, v, kv);
      if (x == LLRT_EXC) goto fail;
      r = llrt__vm_assign_target(S, val, x, init);
      break;
    }
    case LL_K_rest_pattern: {
      llrt_value rest = llrt__new_object(S);
      if (rest == LLRT_EXC || !llrt__push(S, rest)) goto fail;
      llrt_obj *src = LLRT_OBJ(v);
      for (uint32_t i = 0; LLRT_IS_OBJ(v) && i < src->nprops; i++) {
        llrt_prop *pp = &src->props[i];
        if ((pp->flags & LLRT_P_DELETED) || !(pp->flags & LLRT_P_ENUMERABLE))
          continue;
        bool used = false;
        for (ll_nid d = FIRST(p); d != c; d = NEXT(d)) {
          ll_nid kn = KIND(d) == LL_K_pair_pattern ? CHILD(d, key)
                      : KIND(d) == LL_K_object_assignment_pattern ? CHILD(d, left)
                                                                  : d;
          if (K(kn) == pp->key) used = true;
        }
        if (used) continue;
        if (!llrt__define(S, LLRT_OBJ(rest), pp->key, pp->val, LLRT_P_DEFAULT))
          goto fail;
        src = LLRT_OBJ(v);
      }
      r = llrt__vm_assign_target(S, FIRST(c), rest, init);
      break;
    }
    default:
      continue;
    }
    if (r == LLRT_EXC) goto fail;
  }
  S->sp = base;
  return v;
fail:
  S->sp = base;
  return LLRT_EXC;
}

static llrt_value bind_array_pattern(llrt_state *S, ll_nid p, llrt_value v,
                                     bool init) {
  llrt_script *sc = SC;
  llrt_value arr = llrt__vm_iterate_to_array(S, v);
  TRY(arr);
  size_t base = S->sp;
  if (!llrt__push(S, arr)) return nomem(S);
  uint32_t i = 0;
  uint32_t prev_end = NODE(p)->start + 1;
  for (ll_nid c = FIRST(p); c != LL_NONE; c = NEXT(c)) {
    if (is_skippable(sc, c)) continue;
    /* Elisions: count commas since the previous element. */
    for (uint32_t b = prev_end; b < NODE(c)->start; b++)
      if (sc->src[b] == ',') i++;
    prev_end = NODE(c)->end;
    llrt_value r;
    if (KIND(c) == LL_K_rest_pattern) {
      llrt_obj *a = LLRT_OBJ(arr);
      llrt_value rest = llrt__new_array(S, 0);
      if (rest == LLRT_EXC || !llrt__push(S, rest)) goto fail;
      for (uint32_t j = i; j < LLRT_OBJ(arr)->len; j++) {
        a = LLRT_OBJ(arr);
        if (!llrt__array_push(S, LLRT_OBJ(rest), a->elems[j])) goto fail;
      }
      r = llrt__vm_assign_target(S, FIRST(c), rest, init);
    } else {
      llrt_obj *a = LLRT_OBJ(arr);
      llrt_value x = i < a->len ? a->elems[i] : LLRT_UNDEF;
      r = llrt__vm_assign_target(S, c, x, init);
    }
    if (r == LLRT_EXC) goto fail;
  }
  S->sp = base;
  return v;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__vm_bind_pattern(llrt_state *S, ll_nid p, llrt_value v,
                               bool init) {
  return llrt__vm_assign_target(S, p, v, init);
}

llrt_value llrt__vm_assign_target(llrt_state *S, ll_nid t, llrt_value v,
                                bool init) {
  llrt_script *sc = SC;
  switch (KIND(t)) {
  case LL_K_identifier:
  case LL_K_shorthand_property_identifier_pattern:
    return llrt__vm_write_ident(S, t, v, init);
  case LL_K_object_pattern: return bind_object_pattern(S, t, v, init);
  case LL_K_array_pattern: return bind_array_pattern(S, t, v, init);
  case LL_K_assignment_pattern: {
    if (!llrt__push(S, v)) return nomem(S);
    llrt_value x = with_default(S, CHILD(t, right), v);
    llrt__popn(S, 1);
    TRY(x);
    return llrt__vm_assign_target(S, CHILD(t, left), x, init);
  }
  case LL_K_parenthesized_expression:
    return llrt__vm_assign_target(S, ll_js_named_child(&sc->js, t, 0), v, init);
  case LL_K_member_expression:
  case LL_K_subscript_expression: {
    size_t base = S->sp;
    if (!llrt__push(S, v)) return nomem(S);
    llrt_value obj = llrt__vm_eval(S, CHILD(t, object));
    if (obj == LLRT_EXC || !llrt__push(S, obj)) goto fail;
    llrt_value r;
    if (KIND(t) == LL_K_member_expression) {
      r = llrt__vm_put(S, t, obj, K(CHILD(t, property)), v, false);
    } else {
      llrt_value key = llrt__vm_eval(S, CHILD(t, index));
      if (key == LLRT_EXC || !llrt__push(S, key)) goto fail;
      r = llrt__vm_put(S, t, obj, key, v, true);
    }
    S->sp = base;
    return r == LLRT_EXC ? r : v;
  fail:
    S->sp = base;
    return LLRT_EXC;
  }
  default:
    return llrt__unsupported(S, "assignment target");
  }
}

