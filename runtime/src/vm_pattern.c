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

/* IteratorClose: calls `it.return()` when it has one (an array's iterator
 * does not). Keeps a pending exception: the caller's completion wins. */
static bool iter_close(llrt_state *S, llrt_value it, bool abrupt) {
  if (llrt_tt(it) == LLRT_T_ARRAYITER) return true;
  llrt_value saved = S->exc;
  if (!llrt__push(S, saved)) return false;
  llrt_value key = llrt__intern(S, "return", 6);
  llrt_value m = key == LLRT_EXC ? key : llrt__get(S, it, key);
  llrt_value r = m;
  if (m != LLRT_EXC && llrt__is_callable(m)) r = llrt__call(S, m, it, 0, NULL);
  llrt__popn(S, 1);
  if (abrupt) { /* the original exception, not the one return() threw */
    S->exc = saved;
    return true;
  }
  if (r == LLRT_EXC) return false;
  if (m != LLRT_UNDEF && llrt__is_callable(m) && !LLRT_IS_OBJ(r)) {
    llrt__throw(S, 1, "Iterator result is not an object");
    return false;
  }
  return true;
}

/* Commas in [from, to): elisions and separators of an array pattern. */
static uint32_t commas(const llrt_script *sc, uint32_t from, uint32_t to) {
  uint32_t n = 0;
  for (uint32_t b = from; b < to; b++) n += sc->src[b] == ',';
  return n;
}

/* `[a, , b = 1, ...rest] = v`: steps v's iterator only as far as the
 * pattern reads (an endless generator is fine), and closes it when the
 * pattern stops before it is done, as the spec's IteratorClose. */
static llrt_value bind_array_pattern(llrt_state *S, ll_nid p, llrt_value v,
                                     bool init) {
  llrt_script *sc = SC;
  llrt_value it = llrt__get_iterator(S, v);
  TRY(it);
  size_t base = S->sp;
  if (!llrt__push(S, it)) return nomem(S);
  uint32_t index = 0, pos = 0; /* the element's index (the commas before
                                  it); the steps taken */
  bool done = false, any = false;
  uint32_t prev_end = NODE(p)->start + 1;
  for (ll_nid c = FIRST(p); c != LL_NONE; c = NEXT(c)) {
    if (is_skippable(sc, c)) continue;
    /* Elisions: the commas since the previous element. */
    index += commas(sc, prev_end, NODE(c)->start);
    any = true;
    prev_end = NODE(c)->end;
    while (!done && pos < index) { /* skipped by elisions */
      llrt_value x = llrt__iter_step(S, it);
      if (x == LLRT_EXC) goto fail_done;
      if (x == LLRT_HOLE) done = true;
      pos++;
    }
    llrt_value r;
    if (KIND(c) == LL_K_rest_pattern) {
      llrt_value rest = llrt__new_array(S, 0);
      if (rest == LLRT_EXC || !llrt__push(S, rest)) goto fail;
      while (!done) {
        llrt_value x = llrt__iter_step(S, it);
        if (x == LLRT_EXC) goto fail_done;
        if (x == LLRT_HOLE) done = true;
        else if (!llrt__array_push(S, LLRT_OBJ(rest), x)) goto fail;
      }
      r = llrt__vm_assign_target(S, FIRST(c), rest, init);
    } else {
      /* A property target is evaluated before the step, as the spec orders. */
      ll_kind ck = KIND(c);
      bool member = ck == LL_K_member_expression || ck == LL_K_subscript_expression;
      llrt_value tobj = LLRT_UNDEF, tkey = LLRT_UNDEF;
      if (member) {
        tobj = llrt__vm_eval(S, CHILD(c, object));
        if (tobj == LLRT_EXC || !llrt__push(S, tobj)) goto fail;
        tkey = ck == LL_K_member_expression ? K(CHILD(c, property))
                                            : llrt__vm_eval(S, CHILD(c, index));
        if (tkey == LLRT_EXC || !llrt__push(S, tkey)) goto fail;
      }
      llrt_value x = LLRT_UNDEF;
      if (!done) {
        x = llrt__iter_step(S, it);
        if (x == LLRT_EXC) goto fail_done;
        if (x == LLRT_HOLE) {
          done = true;
          x = LLRT_UNDEF;
        }
        pos++;
      }
      if (!llrt__push(S, x)) goto fail;
      r = member ? llrt__vm_put(S, c, tobj, tkey, x, ck != LL_K_member_expression)
                 : llrt__vm_assign_target(S, c, x, init);
    }
    if (r == LLRT_EXC) goto fail;
  }
  /* Trailing elisions (`[a, , ] = it`: the last comma only ends the list). */
  uint32_t tail = commas(sc, prev_end, NODE(p)->end);
  if (tail > 1 && any)
    for (uint32_t k = 0; k + 1 < tail && !done; k++) {
      llrt_value x = llrt__iter_step(S, it);
      if (x == LLRT_EXC) goto fail_done;
      if (x == LLRT_HOLE) done = true;
    }
  if (!done && !iter_close(S, it, false)) goto fail_done;
  S->sp = base;
  return v;
fail:
  if (!done && !S->fatal) iter_close(S, S->stack[base], true);
fail_done:
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

