/* Conversions (ToString, ToNumber, ToPrimitive, equality, typeof), errors
 * with their `stack`, and the value printer used by `console.log`.
 *
 * Invariant: every function that may call into JavaScript (valueOf,
 * toString, getters) keeps its inputs on the value stack across the call.
 * Must never: print (the host's print hook does). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"
#include "interp.h"
#include "proxy.h"

bool llrt__truthy(llrt_value v) {
  if (LLRT_IS_NUM(v)) {
    double d = llrt_tonum_raw(v);
    return d == d && d != 0;
  }
  if (v == LLRT_TRUE) return true;
  if (v == LLRT_FALSE || LLRT_IS_NULLISH(v)) return false;
  if (LLRT_IS_STR(v)) return LLRT_STR(v)->len != 0;
  return true;
}

bool llrt__is_callable(llrt_value v) {
  int t = llrt_tt(v);
  return t == LLRT_T_CLOSURE || t == LLRT_T_NATIVE || t == LLRT_T_BOUND ||
         (t == LLRT_T_PROXY && llrt__proxy_callable(v)); /* Proxy hook */
}

/* Shortest round-tripping decimal, JavaScript style. */
static void fmt_number(double d, char *buf, size_t cap) {
  if (d != d) { snprintf(buf, cap, "NaN"); return; }
  if (isinf(d)) { snprintf(buf, cap, d > 0 ? "Infinity" : "-Infinity"); return; }
  if (d == 0) { snprintf(buf, cap, "0"); return; }
  if (d == (double)(long long)d && fabs(d) < 1e21) {
    snprintf(buf, cap, "%lld", (long long)d);
    return;
  }
  char tmp[40];
  int prec;
  for (prec = 1; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, d);
    if (strtod(tmp, NULL) == d) break;
  }
  /* Rewrite C's exponent form (1e+21, 1.5e-07) the JavaScript way. */
  char *e = strchr(tmp, 'e');
  if (!e) {
    snprintf(buf, cap, "%s", tmp);
    return;
  }
  int exp = atoi(e + 1);
  *e = 0;
  char digits[40];
  size_t nd = 0;
  bool neg = tmp[0] == '-';
  for (char *p = tmp + neg; *p; p++)
    if (*p != '.') digits[nd++] = *p;
  digits[nd] = 0;
  if (exp >= -6 && exp < 21) {
    size_t o = 0;
    if (neg) buf[o++] = '-';
    if (exp < 0) {
      o += (size_t)snprintf(buf + o, cap - o, "0.");
      for (int i = -1; i > exp; i--) buf[o++] = '0';
      snprintf(buf + o, cap - o, "%s", digits);
    } else {
      for (size_t i = 0; i < nd || (int)i <= exp; i++) {
        if ((int)i == exp + 1) buf[o++] = '.';
        buf[o++] = i < nd ? digits[i] : '0';
      }
      buf[o] = 0;
    }
    return;
  }
  if (nd > 1)
    snprintf(buf, cap, "%s%c.%se%c%d", neg ? "-" : "", digits[0], digits + 1,
             exp < 0 ? '-' : '+', abs(exp));
  else
    snprintf(buf, cap, "%s%ce%c%d", neg ? "-" : "", digits[0],
             exp < 0 ? '-' : '+', abs(exp));
}

llrt_value llrt__num_to_str(llrt_state *S, double d) {
  char buf[64];
  if (d >= 0 && d < 10 && d == (int)d) return llrt__intern(S, (char[]){(char)('0' + (int)d)}, 1);
  fmt_number(d, buf, sizeof buf);
  return llrt__str_new(S, buf, strlen(buf));
}

llrt_value llrt__to_primitive(llrt_state *S, llrt_value v, int hint) {
  if (!LLRT_IS_OBJ(v)) return v;
  if (llrt_tt(v) == LLRT_T_BOXED) return ((llrt_boxed *)LLRT_PTR(v))->prim;
  if (llrt_tt(v) == LLRT_T_DATE && hint == 0) hint = 2;
  if (!llrt__push(S, v)) return LLRT_EXC;
  /* v[Symbol.toPrimitive](hint) first (Node's Timeout has one). */
  llrt_value ex = LLRT_IS_SYM(S->sym_to_primitive) ? llrt__get(S, v, S->sym_to_primitive)
                                                   : LLRT_UNDEF;
  if (ex == LLRT_EXC) { llrt__popn(S, 1); return ex; }
  if (!LLRT_IS_NULLISH(ex)) {
    if (!llrt__is_callable(ex)) {
      llrt__popn(S, 1);
      return llrt__throw(S, 1, "Symbol.toPrimitive is not a function");
    }
    llrt_value h = hint == 2 ? S->atoms.string_s : hint == 1 ? S->atoms.number_s
                                                             : S->atoms.default_;
    size_t base = S->sp - 1;
    if (!llrt__push(S, ex) || !llrt__push(S, h)) {
      S->sp = base;
      return LLRT_EXC;
    }
    llrt_value r = llrt__call(S, ex, v, 1, &S->stack[S->sp - 1]);
    S->sp = base;
    if (r != LLRT_EXC && LLRT_IS_OBJ(r))
      return llrt__throw(S, 1, "Cannot convert object to primitive value");
    return r;
  }
  llrt_value names[2] = {S->atoms.valueOf, S->atoms.toString};
  if (hint == 2) {
    names[0] = S->atoms.toString;
    names[1] = S->atoms.valueOf;
  }
  for (int i = 0; i < 2; i++) {
    llrt_value f = llrt__get(S, v, names[i]);
    if (f == LLRT_EXC) { llrt__popn(S, 1); return f; }
    if (!llrt__is_callable(f)) continue;
    llrt_value r = llrt__call(S, f, v, 0, NULL);
    if (r == LLRT_EXC || !LLRT_IS_OBJ(r)) {
      llrt__popn(S, 1);
      return r;
    }
  }
  llrt__popn(S, 1);
  return llrt__throw(S, 1, "Cannot convert object to primitive value");
}

llrt_value llrt__to_string(llrt_state *S, llrt_value v) {
  if (LLRT_IS_STR(v)) return v;
  if (LLRT_IS_NUM(v)) return llrt__num_to_str(S, llrt_tonum_raw(v));
  switch (v) {
  case LLRT_UNDEF: return S->atoms.undefined_s;
  case LLRT_NULL: return S->atoms.null_s;
  case LLRT_TRUE: return S->atoms.true_s;
  case LLRT_FALSE: return S->atoms.false_s;
  default: break;
  }
  if (LLRT_IS_SYM(v))
    return llrt__throw(S, 1, "Cannot convert a Symbol value to a string");
  llrt_value p = llrt__to_primitive(S, v, 2);
  if (p == LLRT_EXC) return p;
  return llrt__to_string(S, p);
}

/* ==== White space ==== */

/* The byte length of the ECMAScript WhiteSpace or LineTerminator code point
 * that starts at `p` (before `e`), or 0. The set: TAB, VT, FF, SP, LF, CR,
 * U+00A0, U+FEFF, the Zs space separators (U+1680, U+2000..U+200A, U+202F,
 * U+205F, U+3000) and U+2028/U+2029. U+0085 and U+180E are not in it. */
uint32_t llrt__space_at(const char *p, const char *e) {
  const uint8_t *u = (const uint8_t *)p;
  size_t n = (size_t)(e - p);
  if (!n) return 0;
  switch (u[0]) {
  case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    return 1;
  case 0xC2: /* U+00A0 */
    return n >= 2 && u[1] == 0xA0 ? 2 : 0;
  case 0xE1: /* U+1680 */
    return n >= 3 && u[1] == 0x9A && u[2] == 0x80 ? 3 : 0;
  case 0xE2:
    if (n < 3) return 0;
    if (u[1] == 0x80) /* U+2000..U+200A, U+2028, U+2029, U+202F */
      return u[2] <= 0x8A || u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF ? 3 : 0;
    return u[1] == 0x81 && u[2] == 0x9F ? 3 : 0; /* U+205F */
  case 0xE3: /* U+3000 */
    return n >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
  case 0xEF: /* U+FEFF */
    return n >= 3 && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
  default:
    return 0;
  }
}

/* The byte length of the white space code point that ends at `e` (after
 * `b`), or 0: steps back over UTF-8 continuation bytes to its first byte. */
uint32_t llrt__space_before(const char *b, const char *e) {
  const char *p = e;
  while (p > b && e - p < 4) {
    --p;
    if (((uint8_t)*p & 0xC0) != 0x80) break;
  }
  if (p == e) return 0;
  uint32_t n = llrt__space_at(p, e);
  return n == (uint32_t)(e - p) ? n : 0;
}

static double str_to_number(const llrt_str *s) {
  const char *p = s->data, *e = s->data + s->len;
  for (uint32_t w; (w = llrt__space_at(p, e)) != 0;) p += w;
  for (uint32_t w; (w = llrt__space_before(p, e)) != 0;) e -= w;
  if (p == e) return 0;
  char buf[128];
  size_t n = (size_t)(e - p);
  if (n >= sizeof buf) return NAN;
  memcpy(buf, p, n);
  buf[n] = 0;
  if (!strcmp(buf, "Infinity") || !strcmp(buf, "+Infinity")) return INFINITY;
  if (!strcmp(buf, "-Infinity")) return -INFINITY;
  if (n > 2 && buf[0] == '0' && (buf[1] | 0x20) == 'x') {
    char *end;
    double d = (double)strtoull(buf + 2, &end, 16);
    return *end ? NAN : d;
  }
  if (n > 2 && buf[0] == '0' && ((buf[1] | 0x20) == 'b' || (buf[1] | 0x20) == 'o')) {
    char *end;
    double d = (double)strtoull(buf + 2, &end, (buf[1] | 0x20) == 'b' ? 2 : 8);
    return *end ? NAN : d;
  }
  for (size_t i = 0; i < n; i++) /* reject C-only forms: hex floats, "nan", "inf" */
    if ((buf[i] | 0x20) == 'x' || (buf[i] | 0x20) == 'n' || (buf[i] | 0x20) == 'i')
      return NAN;
  char *end;
  double d = strtod(buf, &end);
  return *end ? NAN : d;
}

double llrt__to_number(llrt_state *S, llrt_value v, bool *exc) {
  if (LLRT_IS_NUM(v)) return llrt_tonum_raw(v);
  switch (v) {
  case LLRT_UNDEF: return NAN;
  case LLRT_NULL: case LLRT_FALSE: return 0;
  case LLRT_TRUE: return 1;
  default: break;
  }
  if (LLRT_IS_STR(v)) return str_to_number(LLRT_STR(v));
  if (LLRT_IS_SYM(v)) {
    llrt__throw(S, 1, "Cannot convert a Symbol value to a number");
    *exc = true;
    return 0;
  }
  llrt_value p = llrt__to_primitive(S, v, 1);
  if (p == LLRT_EXC) {
    *exc = true;
    return 0;
  }
  return llrt__to_number(S, p, exc);
}

llrt_value llrt__to_object(llrt_state *S, llrt_value v) {
  if (LLRT_IS_OBJ(v)) return v;
  if (LLRT_IS_NULLISH(v))
    return llrt__throw(S, 1, "Cannot convert undefined or null to object");
  llrt_value proto = LLRT_IS_NUM(v) ? S->proto_number
                   : LLRT_IS_STR(v) ? S->proto_string
                   : LLRT_IS_BOOL(v) ? S->proto_boolean : S->proto_symbol;
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_boxed *b = (llrt_boxed *)llrt__obj_new(S, LLRT_T_BOXED, sizeof *b, proto);
  llrt__popn(S, 1);
  if (!b) return LLRT_EXC;
  b->prim = v;
  return llrt_ptr(b);
}

llrt_value llrt__typeof(llrt_state *S, llrt_value v) {
  if (LLRT_IS_NUM(v)) return S->atoms.number_s;
  if (LLRT_IS_BOOL(v)) return S->atoms.boolean_s;
  if (v == LLRT_UNDEF) return S->atoms.undefined_s;
  if (v == LLRT_NULL) return S->atoms.object_s;
  if (LLRT_IS_STR(v)) return S->atoms.string_s;
  if (LLRT_IS_SYM(v)) return S->atoms.symbol_s;
  if (llrt__is_callable(v)) return S->atoms.function_s;
  return S->atoms.object_s;
}

bool llrt__strict_eq(llrt_value a, llrt_value b) {
  if (LLRT_IS_NUM(a) && LLRT_IS_NUM(b))
    return llrt_tonum_raw(a) == llrt_tonum_raw(b);
  if (a == b) return true;
  if (LLRT_IS_STR(a) && LLRT_IS_STR(b)) return llrt__str_eq(a, b);
  return false;
}

bool llrt__same_value_zero(llrt_value a, llrt_value b) {
  if (LLRT_IS_NUM(a) && LLRT_IS_NUM(b)) {
    double x = llrt_tonum_raw(a), y = llrt_tonum_raw(b);
    return x == y || (x != x && y != y);
  }
  return llrt__strict_eq(a, b);
}

llrt_value llrt__loose_eq(llrt_state *S, llrt_value a, llrt_value b) {
  for (;;) {
    if (llrt__strict_eq(a, b)) return LLRT_TRUE;
    if (LLRT_IS_NUM(a) && LLRT_IS_NUM(b)) return LLRT_FALSE;
    if (LLRT_IS_STR(a) && LLRT_IS_STR(b)) return LLRT_FALSE;
    if (LLRT_IS_NULLISH(a) || LLRT_IS_NULLISH(b))
      return llrt_bool(LLRT_IS_NULLISH(a) && LLRT_IS_NULLISH(b));
    if (LLRT_IS_OBJ(a) && LLRT_IS_OBJ(b)) return LLRT_FALSE;
    if (LLRT_IS_SYM(a) || LLRT_IS_SYM(b)) return LLRT_FALSE;
    if (LLRT_IS_OBJ(a) || LLRT_IS_OBJ(b)) {
      if (!llrt__push(S, a) || !llrt__push(S, b)) return LLRT_EXC;
      if (LLRT_IS_OBJ(a)) a = llrt__to_primitive(S, a, 0);
      else b = llrt__to_primitive(S, b, 0);
      llrt__popn(S, 2);
      if (a == LLRT_EXC || b == LLRT_EXC) return LLRT_EXC;
      continue;
    }
    bool exc = false;
    double x = llrt__to_number(S, a, &exc), y = llrt__to_number(S, b, &exc);
    return llrt_bool(x == y);
  }
}

/* ==== Errors ==== */

static const char *const error_names[] = {
    "Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError",
    "EvalError", "URIError", "AggregateError"};

/* "    at file:line:col" lines for the current frames. */
static size_t format_stack(llrt_state *S, char *buf, size_t cap) {
  size_t o = 0;
  int depth = 0;
  for (llrt_frame *f = S->frame; f && o < cap && depth < 10; f = f->parent, depth++) {
    if (!f->script) continue;
    const ll_node *n = &f->script->js.nodes[f->node];
    o += (size_t)snprintf(buf + o, cap - o, "\n    at %s:%u:%u", f->script->path,
                          n->row + 1, n->col + 1);
  }
  return o < cap ? o : cap - 1;
}

llrt_value llrt__make_error(llrt_state *S, int k, llrt_value msg) {
  size_t base = S->sp;
  llrt_value proto = S->err_protos[k];
  if (LLRT_IS_OBJ(S->native_nt) && S->native_nt != LLRT_UNDEF) {
    /* new.target's prototype: subclasses of Error. */
    llrt_value p = llrt__get(S, S->native_nt, S->atoms.prototype);
    if (p == LLRT_EXC) return p;
    if (LLRT_IS_OBJ(p)) proto = p;
  }
  if (!llrt__push(S, msg) || !llrt__push(S, proto)) return LLRT_EXC;
  llrt_obj *e = llrt__obj_new(S, LLRT_T_ERROR, sizeof(llrt_obj), proto);
  if (!e) goto fail;
  llrt_value ev = llrt_ptr(e);
  if (!llrt__push(S, ev)) goto fail;
  if (msg != LLRT_UNDEF) {
    llrt_value ms = llrt__to_string(S, msg);
    if (ms == LLRT_EXC || !llrt__push(S, ms)) goto fail;
    if (!llrt__define(S, e, S->atoms.message, ms,
                      LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
      goto fail;
    msg = ms;
  }
  /* stack: "Name: message\n    at file:line:col" */
  llrt_value name = llrt__get(S, ev, S->atoms.name);
  if (name == LLRT_EXC) goto fail;
  char head[512];
  size_t o = (size_t)snprintf(head, sizeof head, "%s",
                              LLRT_IS_STR(name) ? LLRT_STR(name)->data : error_names[k]);
  if (LLRT_IS_STR(msg) && LLRT_STR(msg)->len)
    o += (size_t)snprintf(head + o, sizeof head - o, ": %s", LLRT_STR(msg)->data);
  if (o >= sizeof head) o = sizeof head - 1;
  o += format_stack(S, head + o, sizeof head - o);
  llrt_value st = llrt__str_new(S, head, o);
  if (st == LLRT_EXC ||
      !llrt__define(S, e, S->atoms.stack, st, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    goto fail;
  S->sp = base;
  return ev;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__throw_value(llrt_state *S, llrt_value v) {
  S->exc = v;
  if (S->frame) {
    S->exc_script = S->frame->script;
    S->exc_node = S->frame->node;
  }
  return LLRT_EXC;
}

llrt_value llrt__throw(llrt_state *S, int k, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (S->oom) return LLRT_EXC;
  llrt_value saved = S->native_nt;
  S->native_nt = LLRT_UNDEF;
  llrt_value msg = llrt__str_cstr(S, buf);
  llrt_value e = msg == LLRT_EXC ? msg : llrt__make_error(S, k, msg);
  S->native_nt = saved;
  if (e == LLRT_EXC) return e;
  return llrt__throw_value(S, e);
}

/* ==== Describing values (error messages, console) ==== */

void llrt__describe(llrt_state *S, llrt_value v, char *buf, size_t cap) {
  (void)S;
  if (LLRT_IS_NUM(v)) {
    fmt_number(llrt_tonum_raw(v), buf, cap);
    return;
  }
  switch (v) {
  case LLRT_UNDEF: snprintf(buf, cap, "undefined"); return;
  case LLRT_NULL: snprintf(buf, cap, "null"); return;
  case LLRT_TRUE: snprintf(buf, cap, "true"); return;
  case LLRT_FALSE: snprintf(buf, cap, "false"); return;
  default: break;
  }
  if (LLRT_IS_STR(v)) {
    snprintf(buf, cap, "\"%s\"", LLRT_STR(v)->data);
    return;
  }
  if (LLRT_IS_SYM(v)) {
    snprintf(buf, cap, "Symbol()");
    return;
  }
  snprintf(buf, cap, "%s", llrt__is_callable(v) ? "function" : "object");
}
