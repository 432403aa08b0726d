/* Array, array iterators, and the generic iteration protocol used by
 * spread, for-of, destructuring and the collection constructors.
 *
 * Methods read through [[Get]] so they work on array-likes; the callbacks
 * they call may mutate the array, so every element access re-reads
 * `LLRT_OBJ(arr)` after a call. Must never: hold an element pointer across a
 * call. */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "proxy.h"

static double len_of(llrt_state *S, llrt_value o, bool *exc) {
  if (llrt_tt(o) == LLRT_T_ARRAY) return LLRT_OBJ(o)->len;
  llrt_value l = llrt__get(S, o, S->atoms.length);
  if (l == LLRT_EXC) {
    *exc = true;
    return 0;
  }
  double d = llrt__to_number(S, l, exc);
  return d != d || d < 0 ? 0 : floor(d);
}

static double rel_index(llrt_state *S, llrt_value v, double len, double dflt,
                        bool *exc) {
  if (v == LLRT_UNDEF) return dflt;
  double d = llrt__to_number(S, v, exc);
  if (d != d) d = 0;
  d = trunc(d);
  if (d < 0) d = d + len < 0 ? 0 : d + len;
  return d > len ? len : d;
}

/* ==== Iterators ==== */

llrt_value llrt__new_array_iter(llrt_state *S, llrt_value target, int kind) {
  if (!llrt__push(S, target)) return LLRT_EXC;
  llrt_arrayiter *it = (llrt_arrayiter *)llrt__obj_new(
      S, LLRT_T_ARRAYITER, sizeof *it, S->proto_arrayiter);
  llrt__popn(S, 1);
  if (!it) return LLRT_EXC;
  it->target = target;
  it->kind = (uint8_t)kind;
  return llrt_ptr(it);
}

NATIVE(arrayiter_next) {
  UNUSED_NATIVE_ARGS;
  if (llrt_tt(this_val) != LLRT_T_ARRAYITER)
    return llrt__throw(S, 1, "next called on incompatible receiver");
  llrt_arrayiter *it = (llrt_arrayiter *)LLRT_PTR(this_val);
  if (it->target == LLRT_UNDEF) return llrt__iter_result(S, LLRT_UNDEF, true);
  bool exc = false;
  double len = LLRT_IS_STR(it->target) ? LLRT_STR(it->target)->ulen
                                       : len_of(S, it->target, &exc);
  if (exc) return LLRT_EXC;
  if (it->pos >= len) {
    it->target = LLRT_UNDEF;
    return llrt__iter_result(S, LLRT_UNDEF, true);
  }
  uint32_t i = it->pos++;
  if (it->kind == 0) return llrt__iter_result(S, llrt_num(i), false);
  if (LLRT_IS_STR(it->target)) { /* by code point: a non-BMP char is 2 units */
    const llrt_str *str = LLRT_STR(it->target);
    if (i + 1 < str->ulen &&
        (unsigned char)str->data[llrt__unit_to_byte(str, i)] >= 0xF0) {
      it->pos++;
      llrt_value cp = llrt__str_substring(S, it->target, i, i + 2);
      if (cp == LLRT_EXC) return cp;
      return llrt__iter_result(S, cp, false);
    }
  }
  llrt_value v = llrt__get_index(S, it->target, i);
  if (v == LLRT_EXC) return v;
  if (it->kind == 1) return llrt__iter_result(S, v, false);
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_value pair = llrt__new_array(S, 2);
  llrt__popn(S, 1);
  if (pair == LLRT_EXC) return pair;
  LLRT_OBJ(pair)->elems[0] = llrt_num(i);
  LLRT_OBJ(pair)->elems[1] = v;
  return llrt__iter_result(S, pair, false);
}

NATIVE(iter_self) {
  UNUSED_NATIVE_ARGS;
  (void)S;
  return this_val;
}

llrt_value llrt__get_iterator(llrt_state *S, llrt_value v) {
  int tt = llrt_tt(v);
  if (tt == LLRT_T_ARRAY || tt == LLRT_T_STRING || tt == LLRT_T_ARGUMENTS) {
    /* Fast path unless Symbol.iterator was replaced on the instance. */
    if (tt == LLRT_T_STRING || !llrt__find_own(LLRT_OBJ(v), S->sym_iterator))
      return llrt__new_array_iter(S, v, 1);
  }
  if (LLRT_IS_NULLISH(v))
    return llrt__throw(S, 1, "%s is not iterable", v == LLRT_NULL ? "null" : "undefined");
  llrt_value f = llrt__get(S, v, S->sym_iterator);
  if (f == LLRT_EXC) return f;
  if (!llrt__is_callable(f)) {
    char buf[64];
    llrt__describe(S, v, buf, sizeof buf);
    return llrt__throw(S, 1, "%s is not iterable", buf);
  }
  llrt_value it = llrt__call(S, f, v, 0, NULL);
  if (it != LLRT_EXC && !LLRT_IS_OBJ(it))
    return llrt__throw(S, 1, "Result of the Symbol.iterator method is not an object");
  return it;
}

/* Returns the next value, HOLE when done, or EXC. */
llrt_value llrt__iter_step(llrt_state *S, llrt_value it) {
  if (llrt_tt(it) == LLRT_T_ARRAYITER) {
    llrt_arrayiter *ai = (llrt_arrayiter *)LLRT_PTR(it);
    if (ai->kind == 1 && llrt_tt(ai->target) == LLRT_T_ARRAY) {
      llrt_obj *a = LLRT_OBJ(ai->target);
      if (ai->pos >= a->len) {
        ai->target = LLRT_UNDEF;
        return LLRT_HOLE;
      }
      llrt_value v = a->elems[ai->pos++];
      return v == LLRT_HOLE ? LLRT_UNDEF : v;
    }
  }
  llrt_value next = llrt__get(S, it, S->atoms.next);
  if (next == LLRT_EXC) return next;
  llrt_value r = llrt__call(S, next, it, 0, NULL);
  if (r == LLRT_EXC) return r;
  if (!LLRT_IS_OBJ(r)) return llrt__throw(S, 1, "Iterator result is not an object");
  if (!llrt__push(S, r)) return LLRT_EXC;
  llrt_value done = llrt__get(S, r, S->atoms.done);
  llrt_value v = done == LLRT_EXC ? done
               : llrt__truthy(done) ? LLRT_HOLE : llrt__get(S, r, S->atoms.value);
  llrt__popn(S, 1);
  return v;
}

/* ==== Array ==== */

NATIVE(array_ctor) {
  (void)this_val; (void)magic; (void)data;
  if (argc == 1 && LLRT_IS_NUM(argv[0])) {
    double d = llrt_tonum_raw(argv[0]);
    if (d < 0 || d != (double)(uint32_t)d) return llrt__throw(S, 2, "Invalid array length");
    return llrt__new_array(S, (uint32_t)d);
  }
  llrt_value a = llrt__new_array(S, (uint32_t)argc);
  if (a == LLRT_EXC) return a;
  for (int i = 0; i < argc; i++) LLRT_OBJ(a)->elems[i] = argv[i];
  return a;
}

NATIVE(array_is_array) {
  UNUSED_NATIVE_ARGS;
  return llrt__is_array(S, ARG(0)); /* sees through proxies */
}

NATIVE(array_of) {
  (void)this_val; (void)magic; (void)data;
  llrt_value a = llrt__new_array(S, (uint32_t)argc);
  if (a == LLRT_EXC) return a;
  for (int i = 0; i < argc; i++) LLRT_OBJ(a)->elems[i] = argv[i];
  return a;
}

NATIVE(array_from) {
  (void)this_val; (void)magic; (void)data;
  llrt_value src = ARG(0), fn = ARG(1);
  size_t base = S->sp;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out)) return LLRT_EXC;
  bool iterable = LLRT_IS_STR(src) ||
                  (LLRT_IS_OBJ(src) && llrt__has(S, src, S->sym_iterator));
  if (iterable) {
    llrt_value it = llrt__get_iterator(S, src);
    if (it == LLRT_EXC || !llrt__push(S, it)) goto fail;
    for (uint32_t i = 0;; i++) {
      llrt_value v = llrt__iter_step(S, it);
      if (v == LLRT_EXC) goto fail;
      if (v == LLRT_HOLE) break;
      if (llrt__is_callable(fn)) {
        llrt_value args[2] = {v, llrt_num(i)};
        if (!llrt__push(S, v)) goto fail;
        v = llrt__call(S, fn, LLRT_UNDEF, 2, args);
        llrt__popn(S, 1);
        if (v == LLRT_EXC) goto fail;
      }
      if (!llrt__array_push(S, LLRT_OBJ(out), v)) goto fail;
    }
  } else if (LLRT_IS_OBJ(src)) {
    bool exc = false;
    double n = len_of(S, src, &exc);
    if (exc) goto fail;
    for (uint32_t i = 0; i < n; i++) {
      llrt_value v = llrt__get_index(S, src, i);
      if (v == LLRT_EXC) goto fail;
      if (llrt__is_callable(fn)) {
        if (!llrt__push(S, v)) goto fail;
        llrt_value args[2] = {v, llrt_num(i)};
        v = llrt__call(S, fn, LLRT_UNDEF, 2, args);
        llrt__popn(S, 1);
        if (v == LLRT_EXC) goto fail;
      }
      if (!llrt__array_push(S, LLRT_OBJ(out), v)) goto fail;
    }
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(ap_push) {
  (void)magic; (void)data;
  if (llrt_tt(this_val) == LLRT_T_ARRAY && !LLRT_OBJ(this_val)->frozen) {
    for (int i = 0; i < argc; i++)
      if (!llrt__array_push(S, LLRT_OBJ(this_val), argv[i])) return LLRT_EXC;
    return llrt_num(LLRT_OBJ(this_val)->len);
  }
  if (llrt_tt(this_val) == LLRT_T_ARRAY)
    return llrt__throw(S, 1, "Cannot add property, object is not extensible");
  bool exc = false;
  double n = len_of(S, this_val, &exc);
  if (exc) return LLRT_EXC;
  for (int i = 0; i < argc; i++)
    if (llrt__set_index(S, this_val, (uint32_t)n++, argv[i]) == LLRT_EXC) return LLRT_EXC;
  if (llrt__set(S, this_val, S->atoms.length, llrt_num(n)) == LLRT_EXC) return LLRT_EXC;
  return llrt_num(n);
}

NATIVE(ap_pop) {
  UNUSED_NATIVE_ARGS;
  if (llrt_tt(this_val) != LLRT_T_ARRAY) return LLRT_UNDEF;
  llrt_obj *a = LLRT_OBJ(this_val);
  if (!a->len) return LLRT_UNDEF;
  llrt_value v = a->elems[--a->len];
  (void)S;
  return v == LLRT_HOLE ? LLRT_UNDEF : v;
}

NATIVE(ap_shift) {
  UNUSED_NATIVE_ARGS;
  (void)S;
  if (llrt_tt(this_val) != LLRT_T_ARRAY) return LLRT_UNDEF;
  llrt_obj *a = LLRT_OBJ(this_val);
  if (!a->len) return LLRT_UNDEF;
  llrt_value v = a->elems[0];
  memmove(a->elems, a->elems + 1, (a->len - 1) * sizeof *a->elems);
  a->len--;
  return v == LLRT_HOLE ? LLRT_UNDEF : v;
}

NATIVE(ap_unshift) {
  (void)magic; (void)data;
  if (llrt_tt(this_val) != LLRT_T_ARRAY) return LLRT_UNDEF;
  llrt_obj *a = LLRT_OBJ(this_val);
  if (!llrt__elems_reserve(S, a, a->len + (uint32_t)argc)) return LLRT_EXC;
  memmove(a->elems + argc, a->elems, a->len * sizeof *a->elems);
  for (int i = 0; i < argc; i++) {
    a->elems[i] = argv[i];
    llrt_barrier(S, a, argv[i]);
  }
  a->len += (uint32_t)argc;
  return llrt_num(a->len);
}

NATIVE(ap_slice) {
  (void)magic; (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  double from = rel_index(S, ARG(0), len, 0, &exc);
  double to = rel_index(S, ARG(1), len, len, &exc);
  if (exc) return LLRT_EXC;
  uint32_t n = to > from ? (uint32_t)(to - from) : 0;
  llrt_value out = llrt__new_array(S, n);
  if (out == LLRT_EXC || !llrt__push(S, out)) return LLRT_EXC;
  for (uint32_t i = 0; i < n; i++) {
    llrt_value v;
    if (llrt_tt(this_val) == LLRT_T_ARRAY) {
      llrt_obj *a = LLRT_OBJ(this_val);
      v = (uint32_t)from + i < a->len ? a->elems[(uint32_t)from + i] : LLRT_HOLE;
    } else {
      v = llrt__get_index(S, this_val, (uint32_t)from + i);
      if (v == LLRT_EXC) { llrt__popn(S, 1); return v; }
    }
    LLRT_OBJ(out)->elems[i] = v;
    llrt_barrier(S, LLRT_OBJ(out), v);
  }
  llrt__popn(S, 1);
  return out;
}

NATIVE(ap_splice) {
  (void)magic; (void)data;
  if (llrt_tt(this_val) != LLRT_T_ARRAY) return llrt__unsupported(S, "splice on a non-array");
  bool exc = false;
  llrt_obj *a = LLRT_OBJ(this_val);
  double len = a->len;
  double start = rel_index(S, ARG(0), len, 0, &exc);
  double del = argc < 2 ? len - start : llrt__to_number(S, ARG(1), &exc);
  if (exc) return LLRT_EXC;
  if (del != del || del < 0) del = 0;
  if (del > len - start) del = len - start;
  uint32_t s = (uint32_t)start, d = (uint32_t)del, ins = argc > 2 ? (uint32_t)argc - 2 : 0;
  llrt_value out = llrt__new_array(S, d);
  if (out == LLRT_EXC) return out;
  a = LLRT_OBJ(this_val);
  if (d) memcpy(LLRT_OBJ(out)->elems, a->elems + s, d * sizeof(llrt_value));
  if (!llrt__push(S, out)) return LLRT_EXC;
  bool ok = llrt__elems_reserve(S, a, a->len - d + ins);
  llrt__popn(S, 1);
  if (!ok) return LLRT_EXC;
  if (a->len - s - d)
    memmove(a->elems + s + ins, a->elems + s + d, (a->len - s - d) * sizeof(llrt_value));
  for (uint32_t i = 0; i < ins; i++) {
    a->elems[s + i] = argv[2 + i];
    llrt_barrier(S, a, argv[2 + i]);
  }
  a->len = a->len - d + ins;
  return out;
}

NATIVE(ap_concat) {
  (void)magic; (void)data;
  size_t base = S->sp;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out)) return LLRT_EXC;
  for (int i = -1; i < argc; i++) {
    llrt_value v = i < 0 ? this_val : argv[i];
    if (llrt_tt(v) == LLRT_T_ARRAY) {
      for (uint32_t k = 0; k < LLRT_OBJ(v)->len; k++)
        if (!llrt__array_push(S, LLRT_OBJ(out), LLRT_OBJ(v)->elems[k])) goto fail;
    } else if (!llrt__array_push(S, LLRT_OBJ(out), v)) {
      goto fail;
    }
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(ap_join) {
  (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  if (exc) return LLRT_EXC;
  const char *sep = ",";
  size_t seplen = 1;
  char sepbuf[256];
  if (!magic && ARG(0) != LLRT_UNDEF) {
    llrt_value s = llrt__to_string(S, ARG(0));
    if (s == LLRT_EXC) return s;
    seplen = LLRT_STR(s)->len < sizeof sepbuf ? LLRT_STR(s)->len : sizeof sepbuf - 1;
    memcpy(sepbuf, LLRT_STR(s)->data, seplen);
    sep = sepbuf;
  }
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "", 0);
  for (uint32_t i = 0; i < len && ok; i++) {
    if (i) ok = llrt__buf_put(&b, sep, seplen);
    llrt_value v = llrt__get_index(S, this_val, i);
    if (v == LLRT_EXC) { ok = false; break; }
    if (LLRT_IS_NULLISH(v)) continue;
    llrt_value s = llrt__to_string(S, v);
    if (s == LLRT_EXC) { ok = false; break; }
    ok = llrt__buf_put(&b, LLRT_STR(s)->data, LLRT_STR(s)->len);
  }
  llrt_value r = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  free(b.p);
  return r;
}

NATIVE(ap_reverse) {
  UNUSED_NATIVE_ARGS;
  (void)S;
  if (llrt_tt(this_val) != LLRT_T_ARRAY) return this_val;
  llrt_obj *a = LLRT_OBJ(this_val);
  for (uint32_t i = 0, j = a->len ? a->len - 1 : 0; i < j; i++, j--) {
    llrt_value t = a->elems[i];
    a->elems[i] = a->elems[j];
    a->elems[j] = t;
  }
  return this_val;
}

/* A hole of a dense array (`[1, , 3]`): absent, so indexOf and reduce skip
 * it (includes and find treat it as undefined). */
static bool is_hole(llrt_value a, uint32_t i) {
  if (!LLRT_IS_OBJ(a) || llrt_tt(a) != LLRT_T_ARRAY) return false;
  const llrt_obj *o = LLRT_OBJ(a);
  return i < o->len && o->elems && o->elems[i] == LLRT_HOLE;
}

/* indexOf (0), lastIndexOf (1), includes (2) */
NATIVE(ap_index_of) {
  (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  if (exc) return LLRT_EXC;
  llrt_value x = ARG(0);
  if (magic == 1) {
    double from = argc > 1 ? rel_index(S, ARG(1), len, len - 1, &exc) : len - 1;
    for (double i = from >= len ? len - 1 : from; i >= 0; i--) {
      if (is_hole(this_val, (uint32_t)i)) continue;
      llrt_value v = llrt__get_index(S, this_val, (uint32_t)i);
      if (v == LLRT_EXC) return v;
      if (llrt__strict_eq(v, x)) return llrt_num(i);
    }
    return llrt_num(-1);
  }
  double from = rel_index(S, ARG(1), len, 0, &exc);
  for (uint32_t i = (uint32_t)from; i < len; i++) {
    if (magic != 2 && is_hole(this_val, i)) continue;
    llrt_value v = llrt__get_index(S, this_val, i);
    if (v == LLRT_EXC) return v;
    if (magic == 2 ? llrt__same_value_zero(v, x) : llrt__strict_eq(v, x))
      return magic == 2 ? LLRT_TRUE : llrt_num(i);
  }
  return magic == 2 ? LLRT_FALSE : llrt_num(-1);
}

/* The callback family. magic: 0 forEach, 1 map, 2 filter, 3 find,
 * 4 findIndex, 5 some, 6 every, 7 findLast, 8 findLastIndex, 9 flatMap */
NATIVE(ap_iterate) {
  (void)data;
  llrt_value fn = ARG(0), this_arg = ARG(1);
  if (!llrt__is_callable(fn)) {
    return llrt__throw(S, 1, "%s is not a function",
                       LLRT_IS_NULLISH(fn) ? (fn == LLRT_NULL ? "null" : "undefined") : "callback");
  }
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  if (exc) return LLRT_EXC;
  size_t base = S->sp;
  llrt_value out = LLRT_UNDEF;
  if (magic == 1) out = llrt__new_array(S, (uint32_t)len);
  else if (magic == 2 || magic == 9) out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out) || !llrt__push(S, this_val)) goto fail;
  bool rev = magic == 7 || magic == 8;
  for (uint32_t k = 0; k < len; k++) {
    uint32_t i = rev ? (uint32_t)len - 1 - k : k;
    llrt_value v;
    if (llrt_tt(this_val) == LLRT_T_ARRAY) {
      llrt_obj *a = LLRT_OBJ(this_val);
      if (i >= a->len) break;
      v = a->elems[i];
      if (v == LLRT_HOLE) {
        if (magic <= 2 || magic == 5 || magic == 6 || magic == 9) continue;
        v = LLRT_UNDEF;
      }
    } else {
      v = llrt__get_index(S, this_val, i);
      if (v == LLRT_EXC) goto fail;
    }
    if (!llrt__push(S, v) || !llrt__push(S, llrt_num(i)) || !llrt__push(S, this_val))
      goto fail;
    llrt_value r = llrt__call(S, fn, this_arg, 3, &S->stack[S->sp - 3]);
    llrt__popn(S, 3);
    if (r == LLRT_EXC) goto fail;
    switch (magic) {
    case 1:
      LLRT_OBJ(out)->elems[i] = r;
      llrt_barrier(S, LLRT_OBJ(out), r);
      break;
    case 2:
      if (llrt__truthy(r) && !llrt__array_push(S, LLRT_OBJ(out), v)) goto fail;
      break;
    case 3: case 7:
      if (llrt__truthy(r)) { S->sp = base; return v; }
      break;
    case 4: case 8:
      if (llrt__truthy(r)) { S->sp = base; return llrt_num(i); }
      break;
    case 5:
      if (llrt__truthy(r)) { S->sp = base; return LLRT_TRUE; }
      break;
    case 6:
      if (!llrt__truthy(r)) { S->sp = base; return LLRT_FALSE; }
      break;
    case 9:
      if (llrt_tt(r) == LLRT_T_ARRAY) {
        if (!llrt__push(S, r)) goto fail;
        for (uint32_t j = 0; j < LLRT_OBJ(r)->len; j++)
          if (!llrt__array_push(S, LLRT_OBJ(out), LLRT_OBJ(r)->elems[j])) goto fail;
        llrt__popn(S, 1);
      } else if (!llrt__array_push(S, LLRT_OBJ(out), r)) {
        goto fail;
      }
      break;
    default: break;
    }
  }
  S->sp = base;
  switch (magic) {
  case 1: case 2: case 9: return out;
  case 4: case 8: return llrt_num(-1);
  case 5: return LLRT_FALSE;
  case 6: return LLRT_TRUE;
  default: return LLRT_UNDEF;
  }
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* reduce (0) and reduceRight (1) */
NATIVE(ap_reduce) {
  (void)data;
  llrt_value fn = ARG(0);
  if (!llrt__is_callable(fn)) return llrt__throw(S, 1, "reducer is not a function");
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  if (exc) return LLRT_EXC;
  size_t base = S->sp;
  uint32_t k = 0;
  llrt_value acc;
  if (argc > 1) {
    acc = argv[1];
  } else { /* the first element present (holes skipped) */
    while (k < len && is_hole(this_val, magic ? (uint32_t)len - 1 - k : k)) k++;
    if (k >= len) return llrt__throw(S, 1, "Reduce of empty array with no initial value");
    acc = llrt__get_index(S, this_val, magic ? (uint32_t)len - 1 - k : k);
    if (acc == LLRT_EXC) return acc;
    k++;
  }
  if (!llrt__push(S, acc) || !llrt__push(S, this_val)) goto fail;
  for (; k < len; k++) {
    uint32_t i = magic ? (uint32_t)len - 1 - k : k;
    if (is_hole(this_val, i)) continue;
    llrt_value v = llrt__get_index(S, this_val, i);
    if (v == LLRT_EXC) goto fail;
    if (!llrt__push(S, S->stack[base]) || !llrt__push(S, v) ||
        !llrt__push(S, llrt_num(i)) || !llrt__push(S, this_val))
      goto fail;
    llrt_value r = llrt__call(S, fn, LLRT_UNDEF, 4, &S->stack[S->sp - 4]);
    llrt__popn(S, 4);
    if (r == LLRT_EXC) goto fail;
    S->stack[base] = r;
  }
  acc = S->stack[base];
  S->sp = base;
  return acc;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* Merge sort on a value array kept on the value stack (so GC sees it). */
static int sort_cmp(llrt_state *S, llrt_value fn, llrt_value a, llrt_value b) {
  if (a == LLRT_UNDEF) return b == LLRT_UNDEF ? 0 : 1;
  if (b == LLRT_UNDEF) return -1;
  if (fn != LLRT_UNDEF) {
    llrt_value args[2] = {a, b};
    llrt_value r = llrt__call(S, fn, LLRT_UNDEF, 2, args);
    if (r == LLRT_EXC) return 2;
    bool exc = false;
    double d = llrt__to_number(S, r, &exc);
    if (exc) return 2;
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  llrt_value x = llrt__to_string(S, a);
  if (x == LLRT_EXC || !llrt__push(S, x)) return 2;
  llrt_value y = llrt__to_string(S, b);
  llrt__popn(S, 1);
  if (y == LLRT_EXC) return 2;
  llrt_str *p = LLRT_STR(x), *q = LLRT_STR(y);
  uint32_t n = p->len < q->len ? p->len : q->len;
  int c = memcmp(p->data, q->data, n);
  return c ? (c < 0 ? -1 : 1) : (p->len < q->len ? -1 : p->len > q->len);
}

NATIVE(ap_sort) {
  (void)magic; (void)data;
  llrt_value fn = ARG(0);
  if (fn != LLRT_UNDEF && !llrt__is_callable(fn))
    return llrt__throw(S, 1, "The comparison function must be either a function or undefined");
  if (llrt_tt(this_val) != LLRT_T_ARRAY) return this_val;
  uint32_t n = LLRT_OBJ(this_val)->len;
  size_t base = S->sp;
  /* Two runs of n slots on the stack: data and scratch. */
  for (uint32_t i = 0; i < 2 * n; i++) {
    llrt_value v = i < n ? LLRT_OBJ(this_val)->elems[i] : LLRT_UNDEF;
    if (!llrt__push(S, v == LLRT_HOLE ? LLRT_UNDEF : v)) goto fail;
  }
  for (uint32_t w = 1; w < n; w *= 2) {
    for (uint32_t lo = 0; lo < n; lo += 2 * w) {
      uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      uint32_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        int c = sort_cmp(S, fn, S->stack[base + j], S->stack[base + i]);
        if (c == 2) goto fail;
        S->stack[base + n + k++] = c < 0 ? S->stack[base + j++] : S->stack[base + i++];
      }
      while (i < mid) S->stack[base + n + k++] = S->stack[base + i++];
      while (j < hi) S->stack[base + n + k++] = S->stack[base + j++];
    }
    memcpy(&S->stack[base], &S->stack[base + n], n * sizeof(llrt_value));
  }
  llrt_obj *a = LLRT_OBJ(this_val);
  for (uint32_t i = 0; i < n && i < a->len; i++) a->elems[i] = S->stack[base + i];
  S->sp = base;
  return this_val;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(ap_fill) {
  (void)magic; (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  double from = rel_index(S, ARG(1), len, 0, &exc);
  double to = rel_index(S, ARG(2), len, len, &exc);
  if (exc) return LLRT_EXC;
  for (uint32_t i = (uint32_t)from; i < to; i++)
    if (llrt__set_index(S, this_val, i, ARG(0)) == LLRT_EXC) return LLRT_EXC;
  return this_val;
}

static bool flatten(llrt_state *S, llrt_obj *out, llrt_value v, double depth) {
  for (uint32_t i = 0; i < LLRT_OBJ(v)->len; i++) {
    llrt_value e = LLRT_OBJ(v)->elems[i];
    if (e == LLRT_HOLE) continue;
    if (depth > 0 && llrt_tt(e) == LLRT_T_ARRAY) {
      if (!flatten(S, out, e, depth - 1)) return false;
    } else if (!llrt__array_push(S, out, e)) {
      return false;
    }
  }
  return true;
}

NATIVE(ap_flat) {
  (void)magic; (void)data;
  bool exc = false;
  double depth = ARG(0) == LLRT_UNDEF ? 1 : llrt__to_number(S, ARG(0), &exc);
  if (exc || llrt_tt(this_val) != LLRT_T_ARRAY) return exc ? LLRT_EXC : this_val;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out)) return LLRT_EXC;
  bool ok = flatten(S, LLRT_OBJ(out), this_val, depth);
  llrt__popn(S, 1);
  return ok ? out : LLRT_EXC;
}

NATIVE(ap_at) {
  (void)magic; (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  double i = llrt__to_number(S, ARG(0), &exc);
  if (exc) return LLRT_EXC;
  i = i != i ? 0 : trunc(i);
  if (i < 0) i += len;
  if (i < 0 || i >= len) return LLRT_UNDEF;
  return llrt__get_index(S, this_val, (uint32_t)i);
}

/* ==== Copying and in-place block moves (ES2023) ==== */

/* copyWithin(target, start, end): moves a block inside the array, in the
 * direction that keeps overlapping ranges intact. */
NATIVE(ap_copy_within) {
  (void)magic; (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  double to = rel_index(S, ARG(0), len, 0, &exc);
  double from = rel_index(S, ARG(1), len, 0, &exc);
  double fin = rel_index(S, ARG(2), len, len, &exc);
  if (exc) return LLRT_EXC;
  double count = fmin(fin - from, len - to);
  if (count <= 0) return this_val;
  double dir = 1;
  if (from < to && to < from + count) {
    dir = -1;
    from += count - 1;
    to += count - 1;
  }
  if (!llrt__push(S, this_val)) return LLRT_EXC;
  for (; count > 0; count--, from += dir, to += dir) {
    llrt_value v = llrt__get_index(S, this_val, (uint32_t)from);
    if (v == LLRT_EXC ||
        llrt__set_index(S, this_val, (uint32_t)to, v) == LLRT_EXC) {
      llrt__popn(S, 1);
      return LLRT_EXC;
    }
  }
  llrt__popn(S, 1);
  return this_val;
}

/* A new dense array of `n` elements read from `src` (holes read as
 * undefined): slot i takes src[i] before `skip_at`, then `gap` slots are
 * left undefined for the caller, then slot i takes src[i - gap + skip]; or
 * src[n - 1 - i] for every slot when `reversed`. */
static llrt_value copy_array(llrt_state *S, llrt_value src, uint32_t n,
                             uint32_t skip_at, uint32_t skip, uint32_t gap,
                             bool reversed) {
  size_t base = S->sp;
  if (!llrt__push(S, src)) return LLRT_EXC;
  llrt_value out = llrt__new_array(S, n);
  if (out == LLRT_EXC || !llrt__push(S, out)) goto fail;
  for (uint32_t i = 0; i < n; i++) {
    /* Output slots [skip_at, skip_at + gap) are the caller's. */
    if (i >= skip_at && i < skip_at + gap) {
      LLRT_OBJ(out)->elems[i] = LLRT_UNDEF;
      continue;
    }
    uint32_t j = i < skip_at ? i : i - gap + skip;
    if (reversed) j = n - 1 - i;
    llrt_value v = llrt__get_index(S, src, j);
    if (v == LLRT_EXC) goto fail;
    LLRT_OBJ(out)->elems[i] = v;
    llrt_barrier(S, LLRT_OBJ(out), v);
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* toReversed (0), toSorted (1) */
NATIVE(ap_to_reversed) {
  bool exc = false;
  llrt_value fn = ARG(0);
  if (magic == 1 && fn != LLRT_UNDEF && !llrt__is_callable(fn))
    return llrt__throw(S, 1, "The comparison function must be either a function or undefined");
  double len = len_of(S, this_val, &exc);
  if (exc) return LLRT_EXC;
  if (len > 4294967295.0) return llrt__throw(S, 2, "Invalid array length");
  llrt_value out = copy_array(S, this_val, (uint32_t)len, (uint32_t)len, 0, 0,
                              magic == 0);
  if (out == LLRT_EXC || magic == 0) return out;
  if (!llrt__push(S, out)) return LLRT_EXC;
  llrt_value r = ap_sort(S, out, argc > 0 ? 1 : 0, argv, 0, data);
  llrt__popn(S, 1);
  return r;
}

/* toSpliced(start, skipCount, ...items) */
NATIVE(ap_to_spliced) {
  (void)magic; (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  double start = rel_index(S, ARG(0), len, 0, &exc);
  double skip = argc == 0 ? 0 : argc == 1 ? len - start
                                          : llrt__to_number(S, ARG(1), &exc);
  if (exc) return LLRT_EXC;
  skip = skip != skip ? 0 : trunc(skip);
  skip = fmax(0, fmin(skip, len - start));
  uint32_t ins = argc > 2 ? (uint32_t)argc - 2 : 0;
  double n = len + ins - skip;
  if (n > 9007199254740991.0) return llrt__throw(S, 1, "Invalid array length");
  if (n > 4294967295.0) return llrt__throw(S, 2, "Invalid array length");
  llrt_value out = copy_array(S, this_val, (uint32_t)n, (uint32_t)start,
                              (uint32_t)skip, ins, false);
  if (out == LLRT_EXC) return out;
  for (uint32_t i = 0; i < ins; i++) {
    LLRT_OBJ(out)->elems[(uint32_t)start + i] = argv[2 + i];
    llrt_barrier(S, LLRT_OBJ(out), argv[2 + i]);
  }
  return out;
}

/* with(index, value): a copy with one element replaced. */
NATIVE(ap_with) {
  (void)magic; (void)data;
  bool exc = false;
  double len = len_of(S, this_val, &exc);
  double i = llrt__to_number(S, ARG(0), &exc);
  if (exc) return LLRT_EXC;
  i = i != i ? 0 : trunc(i);
  double at = i >= 0 ? i : len + i;
  if (at >= len || at < 0) {
    char buf[64];
    llrt__describe(S, llrt_num(i), buf, sizeof buf);
    return llrt__throw(S, 2, "Invalid index : %s", buf);
  }
  llrt_value out = copy_array(S, this_val, (uint32_t)len, (uint32_t)len, 0, 0,
                              false);
  if (out == LLRT_EXC) return out;
  LLRT_OBJ(out)->elems[(uint32_t)at] = ARG(1);
  llrt_barrier(S, LLRT_OBJ(out), ARG(1));
  return out;
}

/* keys (0), values (1), entries (2) */
NATIVE(ap_iter) {
  (void)argc; (void)argv; (void)data;
  return llrt__new_array_iter(S, this_val, magic);
}


bool llrt__builtins_array_init(llrt_state *S) {
  llrt_value A = llrt__def_ctor(S, "Array", array_ctor, 1, S->proto_array);
  CHECK(A);
  FN(A, "isArray", array_is_array, 1, 0);
  FN(A, "of", array_of, 0, 0);
  FN(A, "from", array_from, 1, 0);
  llrt_value P = S->proto_array;
  FN(P, "push", ap_push, 1, 0);
  FN(P, "pop", ap_pop, 0, 0);
  FN(P, "shift", ap_shift, 0, 0);
  FN(P, "unshift", ap_unshift, 1, 0);
  FN(P, "slice", ap_slice, 2, 0);
  FN(P, "splice", ap_splice, 2, 0);
  FN(P, "concat", ap_concat, 1, 0);
  FN(P, "join", ap_join, 1, 0);
  FN(P, "toString", ap_join, 0, 1);
  FN(P, "reverse", ap_reverse, 0, 0);
  FN(P, "indexOf", ap_index_of, 1, 0);
  FN(P, "lastIndexOf", ap_index_of, 1, 1);
  FN(P, "includes", ap_index_of, 1, 2);
  FN(P, "forEach", ap_iterate, 1, 0);
  FN(P, "map", ap_iterate, 1, 1);
  FN(P, "filter", ap_iterate, 1, 2);
  FN(P, "find", ap_iterate, 1, 3);
  FN(P, "findIndex", ap_iterate, 1, 4);
  FN(P, "some", ap_iterate, 1, 5);
  FN(P, "every", ap_iterate, 1, 6);
  FN(P, "findLast", ap_iterate, 1, 7);
  FN(P, "findLastIndex", ap_iterate, 1, 8);
  FN(P, "flatMap", ap_iterate, 1, 9);
  FN(P, "reduce", ap_reduce, 1, 0);
  FN(P, "reduceRight", ap_reduce, 1, 1);
  FN(P, "sort", ap_sort, 1, 0);
  FN(P, "fill", ap_fill, 1, 0);
  FN(P, "flat", ap_flat, 0, 0);
  FN(P, "at", ap_at, 1, 0);
  FN(P, "copyWithin", ap_copy_within, 2, 0);
  FN(P, "toReversed", ap_to_reversed, 0, 0);
  FN(P, "toSorted", ap_to_reversed, 1, 1);
  FN(P, "toSpliced", ap_to_spliced, 2, 0);
  FN(P, "with", ap_with, 2, 0);
  FN(P, "keys", ap_iter, 0, 0);
  FN(P, "entries", ap_iter, 0, 2);
  llrt_value values = llrt__def_fn(S, P, "values", ap_iter, 0, 1);
  CHECK(values);
  llrt_obj *it = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_object);
  if (!it) return false;
  S->proto_iterator = llrt_ptr(it);
  llrt_obj *ai = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_iterator);
  if (!ai) return false;
  S->proto_arrayiter = llrt_ptr(ai);
  FN(S->proto_arrayiter, "next", arrayiter_next, 0, 0);
  llrt_value selfit = llrt__native_new(S, "[Symbol.iterator]", iter_self, 0, 0);
  CHECK(selfit);
  if (!llrt__define(S, LLRT_OBJ(S->proto_iterator), S->sym_iterator, selfit,
                    LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE) ||
      !llrt__define(S, LLRT_OBJ(P), S->sym_iterator, values,
                    LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    return false;
  return true;
}
