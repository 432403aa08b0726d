/* Binary operators and the numeric conversions they share: arithmetic,
 * comparison, equality, `in`, `instanceof`. Part of the evaluator (vm.h). */
#include <stdio.h>
#include <stdlib.h>

#include "proxy.h"
#include "vm.h"

/* ==== Operators ==== */

llrt_value llrt__vm_to_numeric(llrt_state *S, llrt_value v, double *out) {
  bool exc = false;
  *out = llrt__to_number(S, v, &exc);
  return exc ? LLRT_EXC : LLRT_UNDEF;
}

int32_t llrt__vm_to_int32(double d) {
  if (!isfinite(d)) return 0;
  d = trunc(fmod(d, 4294967296.0));
  if (d < 0) d += 4294967296.0;
  return (int32_t)(uint32_t)d;
}

static llrt_value instance_of(llrt_state *S, llrt_value v, llrt_value ctor) {
  if (LLRT_IS_OBJ(ctor)) { /* a user-defined static [Symbol.hasInstance] */
    if (!llrt__push(S, v) || !llrt__push(S, ctor)) return nomem(S);
    llrt_value h = llrt__get(S, ctor, S->sym_has_instance);
    if (h != LLRT_EXC && h != LLRT_UNDEF && h != LLRT_NULL) {
      if (!llrt__is_callable(h)) h = llrt__throw(S, 1, "Symbol.hasInstance is not callable");
      else h = llrt__call(S, h, ctor, 1, &S->stack[S->sp - 2]);
      llrt__popn(S, 2);
      return h == LLRT_EXC ? h : llrt__truthy(h) ? LLRT_TRUE : LLRT_FALSE;
    }
    llrt__popn(S, 2);
    TRY(h);
  }
  if (!llrt__is_callable(ctor))
    return llrt__throw(S, 1, "Right-hand side of 'instanceof' is not callable");
  if (llrt_tt(ctor) == LLRT_T_BOUND) ctor = ((llrt_bound *)LLRT_PTR(ctor))->target;
  if (!LLRT_IS_OBJ(v)) return LLRT_FALSE;
  llrt_value proto = llrt__get(S, ctor, S->atoms.prototype);
  TRY(proto);
  if (!LLRT_IS_OBJ(proto)) return LLRT_FALSE;
  if (llrt_tt(v) == LLRT_T_PROXY) /* Proxy hook: getPrototypeOf trap */
    return llrt__proxy_instance_of(S, LLRT_OBJ(v), proto);
  for (llrt_obj *o = LLRT_OBJ(v)->proto; o; o = o->proto) {
    if (o == LLRT_OBJ(proto)) return LLRT_TRUE;
    if (o->h.tt == LLRT_T_PROXY) /* Proxy hook: a proxy on the chain */
      return llrt__proxy_instance_of(S, o, proto);
  }
  return LLRT_FALSE;
}

/* Relational comparison: returns 1 true, 0 false, -1 undefined (NaN), -2 exc */
static int less_than(llrt_state *S, llrt_value a, llrt_value b) {
  if (LLRT_IS_NUM(a) && LLRT_IS_NUM(b)) {
    double x = llrt_tonum_raw(a), y = llrt_tonum_raw(b);
    if (x != x || y != y) return -1;
    return x < y;
  }
  if (!llrt__push(S, a) || !llrt__push(S, b)) return -2;
  a = llrt__to_primitive(S, a, 1);
  if (a == LLRT_EXC) { llrt__popn(S, 2); return -2; }
  S->stack[S->sp - 2] = a;
  b = llrt__to_primitive(S, b, 1);
  llrt__popn(S, 2);
  if (b == LLRT_EXC) return -2;
  if (LLRT_IS_STR(a) && LLRT_IS_STR(b)) {
    llrt_str *x = LLRT_STR(a), *y = LLRT_STR(b);
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    return c < 0 || (c == 0 && x->len < y->len);
  }
  bool exc = false;
  double x = llrt__to_number(S, a, &exc);
  if (exc) return -2;
  double y = llrt__to_number(S, b, &exc);
  if (exc) return -2;
  if (x != x || y != y) return -1;
  return x < y;
}

llrt_value llrt__binary(llrt_state *S, int op, llrt_value a, llrt_value b) {
  double x, y;
  if (LLRT_IS_NUM(a) && LLRT_IS_NUM(b)) {
    llrt_value r = llrt__number_binary(op, a, b);
    if (r != LLRT_HOLE) return r;
  }
  switch (op) {
  case OP_SEQ: return llrt_bool(llrt__strict_eq(a, b));
  case OP_SNE: return llrt_bool(!llrt__strict_eq(a, b));
  case OP_EQ: return llrt__loose_eq(S, a, b);
  case OP_NE: {
    llrt_value r = llrt__loose_eq(S, a, b);
    TRY(r);
    return llrt_bool(r == LLRT_FALSE);
  }
  case OP_LT: case OP_GT: case OP_LE: case OP_GE: {
    int r = op == OP_LT || op == OP_GE ? less_than(S, a, b) : less_than(S, b, a);
    if (r == -2) return LLRT_EXC;
    if (r == -1) return LLRT_FALSE;
    return llrt_bool(op == OP_LT || op == OP_GT ? r : !r);
  }
  case OP_INSTANCEOF: return instance_of(S, a, b);
  case OP_IN: {
    if (!LLRT_IS_OBJ(b))
      return llrt__throw(S, 1, "Cannot use 'in' operator to search for a key in a primitive");
    llrt_value key;
    uint32_t idx;
    if (!llrt__push(S, b)) return nomem(S);
    int k = llrt__to_key(S, a, &key, &idx);
    llrt__popn(S, 1);
    if (k < 0) return LLRT_EXC;
    if (k == 1) {
      llrt_obj *o = LLRT_OBJ(b);
      if (o->elems && idx < o->len && o->elems[idx] != LLRT_HOLE) return LLRT_TRUE;
      if (o->h.tt == LLRT_T_MAP || o->h.tt == LLRT_T_SET) return LLRT_FALSE;
      char buf[16];
      snprintf(buf, sizeof buf, "%u", idx);
      if (!llrt__push(S, b)) return nomem(S);
      key = llrt__intern(S, buf, strlen(buf));
      llrt__popn(S, 1);
      TRY(key);
    }
    if (llrt_tt(b) == LLRT_T_PROXY) /* Proxy hook: has trap */
      return llrt__proxy_has(S, LLRT_OBJ(b), key);
    return llrt_bool(llrt__has(S, b, key));
  }
  case OP_ADD: {
    if (!llrt__push(S, a) || !llrt__push(S, b)) return nomem(S);
    a = llrt__to_primitive(S, a, 0);
    if (a == LLRT_EXC) { llrt__popn(S, 2); return a; }
    S->stack[S->sp - 2] = a;
    b = llrt__to_primitive(S, b, 0);
    if (b == LLRT_EXC) { llrt__popn(S, 2); return b; }
    S->stack[S->sp - 1] = b;
    if (LLRT_IS_STR(a) || LLRT_IS_STR(b)) {
      if (!LLRT_IS_STR(a)) {
        a = llrt__to_string(S, a);
        S->stack[S->sp - 2] = a;
      }
      if (a != LLRT_EXC && !LLRT_IS_STR(b)) {
        b = llrt__to_string(S, b);
        S->stack[S->sp - 1] = b;
      }
      llrt_value r = a == LLRT_EXC || b == LLRT_EXC ? LLRT_EXC
                                                    : llrt__str_concat(S, a, b);
      llrt__popn(S, 2);
      return r;
    }
    llrt__popn(S, 2);
    break;
  }
  default: break;
  }
  if (!llrt__push(S, b)) return nomem(S);
  llrt_value e = llrt__vm_to_numeric(S, a, &x);
  llrt__popn(S, 1);
  TRY(e);
  TRY(llrt__vm_to_numeric(S, b, &y));
  switch (op) {
  case OP_ADD: return llrt_num(x + y);
  case OP_SUB: return llrt_num(x - y);
  case OP_MUL: return llrt_num(x * y);
  case OP_DIV: return llrt_num(x / y);
  case OP_MOD: return llrt_num(fmod(x, y));
  case OP_EXP:
    if ((x == 1 || x == -1) && !isfinite(y)) return llrt_num(NAN);
    return llrt_num(pow(x, y));
  case OP_BAND: return llrt_num(llrt__vm_to_int32(x) & llrt__vm_to_int32(y));
  case OP_BOR: return llrt_num(llrt__vm_to_int32(x) | llrt__vm_to_int32(y));
  case OP_BXOR: return llrt_num(llrt__vm_to_int32(x) ^ llrt__vm_to_int32(y));
  case OP_SHL: return llrt_num((int32_t)((uint32_t)llrt__vm_to_int32(x) << (llrt__vm_to_int32(y) & 31)));
  case OP_SAR: return llrt_num(llrt__vm_to_int32(x) >> (llrt__vm_to_int32(y) & 31));
  case OP_SHR: return llrt_num((uint32_t)llrt__vm_to_int32(x) >> (llrt__vm_to_int32(y) & 31));
  default: return llrt__unsupported(S, "operator");
  }
}

