/* String, Number, Boolean, Symbol, Math and JSON.
 *
 * Strings are stored as UTF-8 with their UTF-16 length (object.h); index
 * arguments are UTF-16 units and are mapped to byte offsets, with an ASCII
 * fast path. Math.random is a seeded xorshift: the runtime reads no clock or
 * entropy of its own, so runs are reproducible. */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "proxy.h"
#include "ops.h"

uint32_t llrt__unit_to_byte(const llrt_str *s, uint32_t u) {
  if (s->ascii) return u < s->len ? u : s->len;
  uint32_t b = 0, k = 0;
  while (b < s->len && k < u) {
    uint8_t c = (uint8_t)s->data[b];
    uint32_t w = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    k += w == 4 ? 2 : 1;
    b += w;
  }
  return b < s->len ? b : s->len;
}

uint32_t llrt__byte_to_unit(const llrt_str *s, uint32_t b) {
  if (s->ascii) return b;
  uint32_t u = 0;
  for (uint32_t i = 0; i < b && i < s->len; i++) {
    uint8_t c = (uint8_t)s->data[i];
    if ((c & 0xC0) == 0x80) continue;
    u += c >= 0xF0 ? 2 : 1;
  }
  return u;
}

llrt_value llrt__str_substring(llrt_state *S, llrt_value sv, uint32_t from,
                               uint32_t to) {
  llrt_str *s = LLRT_STR(sv);
  if (from >= to) return S->atoms.empty;
  uint32_t a = llrt__unit_to_byte(s, from), b = llrt__unit_to_byte(s, to);
  if (a == 0 && b == s->len) return sv;
  if (b - a == 1 && s->ascii) return llrt__intern(S, s->data + a, 1);
  if (!llrt__push(S, sv)) return LLRT_EXC;
  llrt_value r = llrt__str_new(S, LLRT_STR(sv)->data + a, b - a);
  llrt__popn(S, 1);
  return r;
}

static llrt_value this_str(llrt_state *S, llrt_value v) {
  if (LLRT_IS_STR(v)) return v;
  if (llrt_tt(v) == LLRT_T_BOXED) v = ((llrt_boxed *)LLRT_PTR(v))->prim;
  if (LLRT_IS_NULLISH(v))
    return llrt__throw(S, 1, "String.prototype method called on null or undefined");
  return llrt__to_string(S, v);
}

#define THIS_STR()                                                             \
  llrt_value sv = this_str(S, this_val);                                       \
  if (sv == LLRT_EXC) return sv;                                               \
  if (!llrt__push(S, sv)) return LLRT_EXC;                                     \
  llrt__popn(S, 1)

static double num_arg(llrt_state *S, llrt_value v, double dflt, bool *exc) {
  if (v == LLRT_UNDEF) return dflt;
  double d = llrt__to_number(S, v, exc);
  return d != d ? 0 : trunc(d);
}

static double clampd(double d, double lo, double hi) {
  return d < lo ? lo : d > hi ? hi : d;
}

/* ==== String ==== */

NATIVE(string_ctor) {
  (void)this_val; (void)magic; (void)data;
  if (argc && LLRT_IS_SYM(argv[0]) && this_val != LLRT_HOLE) { /* String(sym) */
    llrt_value d = ((llrt_sym *)LLRT_PTR(argv[0]))->desc;
    char buf[300];
    snprintf(buf, sizeof buf, "Symbol(%s)", LLRT_IS_STR(d) ? LLRT_STR(d)->data : "");
    return llrt__str_cstr(S, buf);
  }
  llrt_value s = argc ? (LLRT_IS_SYM(argv[0]) ? llrt__str_cstr(S, "Symbol()")
                                              : llrt__to_string(S, argv[0]))
                      : S->atoms.empty;
  if (s == LLRT_EXC || this_val != LLRT_HOLE) return s;
  return llrt__to_object(S, s);
}

/* String.raw(strings, ...subs): strings.raw[0] + subs[0] + strings.raw[1] … */
NATIVE(string_raw) {
  (void)this_val; (void)magic; (void)data;
  llrt_value cooked = llrt__to_object(S, ARG(0));
  if (cooked == LLRT_EXC || !llrt__push(S, cooked)) return LLRT_EXC;
  size_t base = S->sp - 1;
  llrt_value raw = llrt__get_str(S, cooked, "raw");
  if (raw == LLRT_EXC || !llrt__push(S, raw)) goto fail;
  llrt_value lenv = llrt__get(S, raw, S->atoms.length); /* a string's too */
  raw = lenv == LLRT_EXC ? lenv : llrt__to_object(S, raw);
  if (raw == LLRT_EXC) goto fail;
  S->stack[base + 1] = raw;
  bool exc = false;
  double len = lenv == LLRT_EXC ? 0 : llrt__to_number(S, lenv, &exc);
  if (lenv == LLRT_EXC || exc) goto fail;
  llrt_value acc = S->atoms.empty;
  if (!llrt__push(S, acc)) goto fail;
  for (uint32_t i = 0; i < len; i++) {
    llrt_value seg = llrt__get_index(S, S->stack[base + 1], i);
    if (seg == LLRT_EXC) goto fail;
    seg = llrt__to_string(S, seg);
    if (seg == LLRT_EXC) goto fail;
    acc = llrt__str_concat(S, S->stack[base + 2], seg);
    if (acc == LLRT_EXC) goto fail;
    S->stack[base + 2] = acc;
    if (i + 1 < len && (int)i + 1 < argc) {
      llrt_value sub = llrt__to_string(S, argv[i + 1]);
      if (sub == LLRT_EXC) goto fail;
      acc = llrt__str_concat(S, S->stack[base + 2], sub);
      if (acc == LLRT_EXC) goto fail;
      S->stack[base + 2] = acc;
    }
  }
  acc = S->stack[base + 2];
  S->sp = base;
  return acc;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(string_from_char_code) {
  (void)this_val; (void)magic; (void)data;
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "", 0);
  for (int i = 0; i < argc && ok; i++) {
    bool exc = false;
    uint32_t c = (uint32_t)llrt__to_number(S, argv[i], &exc) & (magic ? 0x1FFFFF : 0xFFFF);
    char u[4];
    size_t n;
    if (c < 0x80) { u[0] = (char)c; n = 1; }
    else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) { u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); n = 3; }
    else { u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F)); u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); n = 4; }
    ok = llrt__buf_put(&b, u, n);
  }
  llrt_value r = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  free(b.p);
  return r;
}

/* charAt (0), charCodeAt (1), at (2), codePointAt (3) */
NATIVE(sp_char_at) {
  (void)data;
  THIS_STR();
  bool exc = false;
  llrt_str *s = LLRT_STR(sv);
  double i = num_arg(S, ARG(0), 0, &exc);
  if (exc) return LLRT_EXC;
  if (magic == 2 && i < 0) i += s->ulen;
  if (i < 0 || i >= s->ulen)
    return magic == 0 ? S->atoms.empty : magic == 1 ? llrt_num(NAN) : LLRT_UNDEF;
  if (magic == 0 || magic == 2) return llrt__str_substring(S, sv, (uint32_t)i, (uint32_t)i + 1);
  uint32_t b = llrt__unit_to_byte(s, (uint32_t)i);
  uint8_t c = (uint8_t)s->data[b];
  if (c < 0x80) return llrt_num(c);
  uint32_t cp = c < 0xE0 ? (c & 0x1Fu) : c < 0xF0 ? (c & 0x0Fu) : (c & 0x07u);
  uint32_t w = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  for (uint32_t k = 1; k < w; k++) cp = (cp << 6) | ((uint8_t)s->data[b + k] & 0x3Fu);
  if (cp >= 0x10000 && magic == 1) return llrt_num(0xD800 + ((cp - 0x10000) >> 10));
  return llrt_num(cp);
}

/* indexOf (0), lastIndexOf (1), includes (2), startsWith (3), endsWith (4) */
NATIVE(sp_index_of) {
  (void)data;
  THIS_STR();
  if (llrt_tt(ARG(0)) == LLRT_T_REGEXP && magic >= 2)
    return llrt__throw(S, 1, "First argument must not be a regular expression");
  llrt_value needle = llrt__to_string(S, ARG(0));
  if (needle == LLRT_EXC) return needle;
  llrt_str *s = LLRT_STR(sv), *n = LLRT_STR(needle);
  bool exc = false;
  double pos;
  switch (magic) {
  case 0: case 2: case 3: {
    pos = clampd(num_arg(S, ARG(1), 0, &exc), 0, s->ulen);
    uint32_t b = llrt__unit_to_byte(s, (uint32_t)pos);
    if (magic == 3)
      return llrt_bool(b + n->len <= s->len && !memcmp(s->data + b, n->data, n->len));
    for (uint32_t i = b; i + n->len <= s->len; i++)
      if (!memcmp(s->data + i, n->data, n->len))
        return magic == 2 ? LLRT_TRUE : llrt_num(llrt__byte_to_unit(s, i));
    return magic == 2 ? LLRT_FALSE : llrt_num(-1);
  }
  case 1: { /* from position ToNumber(arg 1) (NaN: the end) down */
    double from = argc > 1 ? llrt__to_number(S, ARG(1), &exc) : NAN;
    if (exc) return LLRT_EXC;
    from = from != from ? s->ulen : clampd(from, 0, s->ulen);
    uint32_t last = llrt__unit_to_byte(s, (uint32_t)from);
    if (s->len < n->len) return llrt_num(-1);
    if (last > s->len - n->len) last = s->len - n->len;
    for (uint32_t i = last + 1; i-- > 0;)
      if (!memcmp(s->data + i, n->data, n->len)) return llrt_num(llrt__byte_to_unit(s, i));
    return llrt_num(-1);
  }
  default: {
    pos = clampd(num_arg(S, ARG(1), s->ulen, &exc), 0, s->ulen);
    uint32_t e = llrt__unit_to_byte(s, (uint32_t)pos);
    return llrt_bool(e >= n->len && !memcmp(s->data + e - n->len, n->data, n->len));
  }
  }
}

/* slice (0), substring (1), substr (2) */
NATIVE(sp_slice) {
  (void)data;
  THIS_STR();
  bool exc = false;
  double len = LLRT_STR(sv)->ulen;
  double a = num_arg(S, ARG(0), 0, &exc);
  double b;
  if (magic == 2) {
    if (a < 0) a = a + len < 0 ? 0 : a + len;
    b = a + clampd(num_arg(S, ARG(1), len, &exc), 0, len);
  } else {
    b = num_arg(S, ARG(1), len, &exc);
  }
  if (exc) return LLRT_EXC;
  if (magic == 0) {
    if (a < 0) a = a + len < 0 ? 0 : a + len;
    if (b < 0) b = b + len < 0 ? 0 : b + len;
  } else if (magic == 1) {
    a = clampd(a, 0, len);
    b = clampd(b, 0, len);
    if (a > b) { double t = a; a = b; b = t; }
  }
  a = clampd(a, 0, len);
  b = clampd(b, 0, len);
  return llrt__str_substring(S, sv, (uint32_t)a, (uint32_t)b);
}

/* toUpperCase (0), toLowerCase (1) — ASCII letters only */
NATIVE(sp_case) {
  (void)argc; (void)argv; (void)data;
  THIS_STR();
  llrt_str *s = LLRT_STR(sv);
  char *buf = malloc(s->len + 1);
  if (!buf) return LLRT_EXC;
  for (uint32_t i = 0; i < s->len; i++) {
    char c = s->data[i];
    if (magic == 0 && c >= 'a' && c <= 'z') c = (char)(c - 32);
    if (magic == 1 && c >= 'A' && c <= 'Z') c = (char)(c + 32);
    buf[i] = c;
  }
  llrt_value r = llrt__str_new(S, buf, s->len);
  free(buf);
  return r;
}

/* trim (0), trimStart (1), trimEnd (2): WhiteSpace and LineTerminator
 * code points, Unicode ones included (conv.c has the set). */
NATIVE(sp_trim) {
  (void)argc; (void)argv; (void)data;
  THIS_STR();
  llrt_str *s = LLRT_STR(sv);
  const char *a = s->data, *b = s->data + s->len;
  if (magic != 2)
    for (uint32_t w; (w = llrt__space_at(a, b)) != 0;) a += w;
  if (magic != 1)
    for (uint32_t w; (w = llrt__space_before(a, b)) != 0;) b -= w;
  if (a == s->data && b == s->data + s->len) return sv;
  return llrt__str_new(S, a, (size_t)(b - a));
}

NATIVE(sp_split) {
  (void)magic; (void)data;
  THIS_STR();
  if (llrt_tt(ARG(0)) == LLRT_T_REGEXP) return llrt__regexp_split(S, ARG(0), sv);
  size_t base = S->sp;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out) || !llrt__push(S, sv)) goto fail;
  bool exc = false;
  double limit = ARG(1) == LLRT_UNDEF ? 4294967295.0 : llrt__to_number(S, ARG(1), &exc);
  if (ARG(0) == LLRT_UNDEF) {
    if (!llrt__array_push(S, LLRT_OBJ(out), sv)) goto fail;
    S->sp = base;
    return out;
  }
  llrt_value sep = llrt__to_string(S, ARG(0));
  if (sep == LLRT_EXC || !llrt__push(S, sep)) goto fail;
  llrt_str *s = LLRT_STR(sv), *p = LLRT_STR(sep);
  if (p->len == 0) {
    for (uint32_t i = 0; i < s->ulen && LLRT_OBJ(out)->len < limit; i++) {
      llrt_value c = llrt__str_substring(S, sv, i, i + 1);
      if (c == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(out), c)) goto fail;
    }
  } else {
    uint32_t start = 0;
    for (uint32_t i = 0; i + p->len <= LLRT_STR(sv)->len && LLRT_OBJ(out)->len < limit;) {
      s = LLRT_STR(sv);
      p = LLRT_STR(sep);
      if (memcmp(s->data + i, p->data, p->len)) {
        i++;
        continue;
      }
      llrt_value part = llrt__str_new(S, s->data + start, i - start);
      if (part == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(out), part)) goto fail;
      i += LLRT_STR(sep)->len;
      start = i;
    }
    s = LLRT_STR(sv);
    if (LLRT_OBJ(out)->len < limit) {
      llrt_value part = llrt__str_new(S, s->data + start, s->len - start);
      if (part == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(out), part)) goto fail;
    }
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(sp_repeat) {
  (void)magic; (void)data;
  THIS_STR();
  bool exc = false;
  double n = num_arg(S, ARG(0), 0, &exc);
  if (exc) return LLRT_EXC;
  if (n < 0 || !isfinite(n)) return llrt__throw(S, 2, "Invalid count value: %g", n);
  llrt_str *s = LLRT_STR(sv);
  size_t total = (size_t)s->len * (size_t)n;
  if (total > (1u << 28)) return llrt__throw(S, 2, "Invalid string length");
  char *buf = malloc(total + 1);
  if (!buf) return LLRT_EXC;
  for (size_t i = 0; i < (size_t)n; i++) memcpy(buf + i * s->len, s->data, s->len);
  llrt_value r = llrt__str_new(S, buf, total);
  free(buf);
  return r;
}

/* padStart (0), padEnd (1) */
NATIVE(sp_pad) {
  (void)data;
  THIS_STR();
  bool exc = false;
  double target = num_arg(S, ARG(0), 0, &exc);
  if (exc) return LLRT_EXC;
  llrt_value fill = ARG(1) == LLRT_UNDEF ? llrt__intern(S, " ", 1) : llrt__to_string(S, ARG(1));
  if (fill == LLRT_EXC) return fill;
  llrt_str *s = LLRT_STR(sv), *f = LLRT_STR(fill);
  if (target <= s->ulen || !f->len || target > (1 << 28)) return sv;
  size_t padn = (size_t)target - s->ulen; /* ASCII fill assumed */
  char *buf = malloc(s->len + padn + 1);
  if (!buf) return LLRT_EXC;
  size_t o = 0;
  if (magic == 1) { memcpy(buf, s->data, s->len); o = s->len; }
  for (size_t i = 0; i < padn; i++) buf[o++] = f->data[i % f->len];
  if (magic == 0) { memcpy(buf + o, s->data, s->len); o += s->len; }
  llrt_value r = llrt__str_new(S, buf, o);
  free(buf);
  return r;
}

/* replace (0), replaceAll (1) with a string pattern */
NATIVE(sp_replace) {
  (void)data;
  THIS_STR();
  if (llrt_tt(ARG(0)) == LLRT_T_REGEXP) {
    if (magic == 1 && !((llrt_regexp *)LLRT_PTR(ARG(0)))->global)
      return llrt__throw(S, 1, "replaceAll must be called with a global RegExp");
    return llrt__regexp_replace(S, ARG(0), sv, ARG(1));
  }
  size_t base = S->sp;
  llrt_value pat = llrt__to_string(S, ARG(0));
  if (pat == LLRT_EXC || !llrt__push(S, sv) || !llrt__push(S, pat)) goto fail;
  llrt_value repl = ARG(1);
  bool fn = llrt__is_callable(repl);
  if (!fn) {
    repl = llrt__to_string(S, repl);
    if (repl == LLRT_EXC || !llrt__push(S, repl)) goto fail;
  }
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "", 0);
  uint32_t i = 0, last = 0;
  for (;;) {
    llrt_str *s = LLRT_STR(sv), *p = LLRT_STR(pat);
    uint32_t hit = UINT32_MAX;
    for (uint32_t k = i; k + p->len <= s->len; k++)
      if (!memcmp(s->data + k, p->data, p->len)) { hit = k; break; }
    if (hit == UINT32_MAX) break;
    ok = ok && llrt__buf_put(&b, s->data + last, hit - last);
    if (fn) {
      llrt_value m = llrt__str_new(S, s->data + hit, p->len);
      if (m == LLRT_EXC || !llrt__push(S, m)) { ok = false; break; }
      llrt_value args[3] = {m, llrt_num(llrt__byte_to_unit(LLRT_STR(sv), hit)), sv};
      llrt_value r = llrt__call(S, repl, LLRT_UNDEF, 3, args);
      llrt__popn(S, 1);
      if (r == LLRT_EXC) { ok = false; break; }
      r = llrt__to_string(S, r);
      if (r == LLRT_EXC) { ok = false; break; }
      ok = ok && llrt__buf_put(&b, LLRT_STR(r)->data, LLRT_STR(r)->len);
    } else {
      size_t ov[2] = {hit, hit + LLRT_STR(pat)->len};
      ok = ok && llrt__get_substitution(&b, LLRT_STR(sv), LLRT_STR(repl), ov, 1,
                                        NULL);
    }
    last = hit + LLRT_STR(pat)->len;
    i = LLRT_STR(pat)->len ? last : last + 1;
    /* After an empty match, step over a whole UTF-8 character. */
    while (i < LLRT_STR(sv)->len && (LLRT_STR(sv)->data[i] & 0xC0) == 0x80) i++;
    if (!magic || i > LLRT_STR(sv)->len) break;
  }
  if (ok) ok = llrt__buf_put(&b, LLRT_STR(sv)->data + last, LLRT_STR(sv)->len - last);
  llrt_value r = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  free(b.p);
  S->sp = base;
  return r;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(sp_match) {
  (void)data;
  THIS_STR();
  llrt_value re = ARG(0);
  if (llrt_tt(re) != LLRT_T_REGEXP) {
    llrt_value ctor = llrt__get_str(S, S->global, "RegExp");
    if (ctor == LLRT_EXC || !llrt__push(S, sv)) return LLRT_EXC;
    llrt_value args[1] = {re};
    re = llrt__construct(S, ctor, 1, args, ctor);
    llrt__popn(S, 1);
    if (re == LLRT_EXC) return re;
  }
  return llrt__regexp_match(S, re, sv, magic == 1);
}

NATIVE(sp_concat) {
  (void)magic; (void)data;
  THIS_STR();
  size_t base = S->sp;
  if (!llrt__push(S, sv)) return LLRT_EXC;
  for (int i = 0; i < argc; i++) {
    llrt_value s = llrt__to_string(S, argv[i]);
    if (s == LLRT_EXC) { S->sp = base; return s; }
    s = llrt__str_concat(S, S->stack[base], s);
    if (s == LLRT_EXC) { S->sp = base; return s; }
    S->stack[base] = s;
  }
  llrt_value r = S->stack[base];
  S->sp = base;
  return r;
}

NATIVE(sp_to_string) {
  (void)argc; (void)argv; (void)magic; (void)data;
  if (LLRT_IS_STR(this_val)) return this_val;
  if (llrt_tt(this_val) == LLRT_T_BOXED && LLRT_IS_STR(((llrt_boxed *)LLRT_PTR(this_val))->prim))
    return ((llrt_boxed *)LLRT_PTR(this_val))->prim;
  return llrt__throw(S, 1, "String.prototype.toString requires that 'this' be a String");
}

NATIVE(sp_iter) {
  UNUSED_NATIVE_ARGS;
  THIS_STR();
  return llrt__new_array_iter(S, sv, 1);
}

NATIVE(sp_locale_compare) {
  (void)magic; (void)data;
  THIS_STR();
  if (!llrt__push(S, sv)) return LLRT_EXC;
  llrt_value o = llrt__to_string(S, ARG(0));
  llrt__popn(S, 1);
  if (o == LLRT_EXC) return o;
  int c = strcmp(LLRT_STR(sv)->data, LLRT_STR(o)->data);
  return llrt_num(c < 0 ? -1 : c > 0);
}

/* ==== Number and Boolean ==== */

NATIVE(number_ctor) {
  (void)magic; (void)data;
  bool exc = false;
  double d = argc ? llrt__to_number(S, argv[0], &exc) : 0;
  if (exc) return LLRT_EXC;
  if (this_val != LLRT_HOLE) return llrt_num(d);
  return llrt__to_object(S, llrt_num(d));
}

static llrt_value this_num(llrt_state *S, llrt_value v, double *d) {
  if (llrt_tt(v) == LLRT_T_BOXED) v = ((llrt_boxed *)LLRT_PTR(v))->prim;
  if (!LLRT_IS_NUM(v)) return llrt__throw(S, 1, "not a number");
  *d = llrt_tonum_raw(v);
  return LLRT_UNDEF;
}

NATIVE(np_to_string) {
  (void)magic; (void)data;
  double d = 0;
  if (this_num(S, this_val, &d) == LLRT_EXC) return LLRT_EXC;
  bool exc = false;
  double radix = ARG(0) == LLRT_UNDEF ? 10 : llrt__to_number(S, ARG(0), &exc);
  if (exc) return LLRT_EXC;
  if (radix < 2 || radix > 36) return llrt__throw(S, 2, "toString() radix must be between 2 and 36");
  if (radix == 10 || !isfinite(d)) return llrt__num_to_str(S, d);
  char buf[80];
  int o = 79;
  buf[o] = 0;
  bool neg = d < 0;
  double x = trunc(fabs(d));
  do {
    int digit = (int)fmod(x, radix);
    buf[--o] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
    x = trunc(x / radix);
  } while (x > 0 && o > 1);
  if (neg) buf[--o] = '-';
  double frac = fabs(d) - trunc(fabs(d));
  if (frac > 0) { /* fraction digits, at most 52 */
    char out[160];
    size_t k = (size_t)snprintf(out, sizeof out, "%s.", buf + o);
    for (int i = 0; i < 52 && frac > 0 && k + 1 < sizeof out; i++) {
      frac *= radix;
      int digit = (int)frac;
      out[k++] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
      frac -= digit;
    }
    out[k] = 0;
    return llrt__str_cstr(S, out);
  }
  return llrt__str_cstr(S, buf + o);
}

/* toFixed (0), toPrecision (1) */
NATIVE(np_to_fixed) {
  (void)data;
  double d = 0;
  if (this_num(S, this_val, &d) == LLRT_EXC) return LLRT_EXC;
  bool exc = false;
  double f = ARG(0) == LLRT_UNDEF ? (magic ? -1 : 0) : llrt__to_number(S, ARG(0), &exc);
  if (exc) return LLRT_EXC;
  if (f > 100) return llrt__throw(S, 2, "toFixed() digits argument must be between 0 and 100");
  if (magic && f < 0) return llrt__num_to_str(S, d);
  if (!magic && (!isfinite(d) || fabs(d) >= 1e21)) return llrt__num_to_str(S, d);
  char buf[160];
  if (magic) {
    if (f < 1 || f > 100) return llrt__throw(S, 2, "toPrecision() argument must be between 1 and 100");
    if (!isfinite(d)) return llrt__num_to_str(S, d);
    /* JavaScript switches to exponent form when e < -6 or e >= precision. */
    snprintf(buf, sizeof buf, "%.*e", (int)f - 1, d);
    int e = atoi(strchr(buf, 'e') + 1);
    if (e < -6 || e >= (int)f) {
      char *ep = strchr(buf, 'e');
      char mant[120];
      snprintf(mant, sizeof mant, "%.*s", (int)(ep - buf), buf);
      snprintf(buf, sizeof buf, "%se%c%d", mant, e < 0 ? '-' : '+', abs(e));
    } else {
      snprintf(buf, sizeof buf, "%.*f", (int)f - 1 - e, d);
    }
    return llrt__str_cstr(S, buf);
  }
  snprintf(buf, sizeof buf, "%.*f", (int)f, d);
  return llrt__str_cstr(S, buf);
}

/* toExponential(digits): d.ddde±x; without digits, as many as the number
 * needs to read back exactly. */
NATIVE(np_to_exponential) {
  (void)magic; (void)data;
  double d = 0;
  if (this_num(S, this_val, &d) == LLRT_EXC) return LLRT_EXC;
  bool exc = false;
  double f = ARG(0) == LLRT_UNDEF ? -1 : llrt__to_number(S, ARG(0), &exc);
  if (exc) return LLRT_EXC;
  if (!isfinite(d)) return llrt__num_to_str(S, d);
  if (f != f) f = 0;
  if (f > 100 || (f < 0 && ARG(0) != LLRT_UNDEF))
    return llrt__throw(S, 2, "toExponential() argument must be between 0 and 100");
  char buf[160];
  if (f < 0) { /* the shortest that reads back */
    for (int p = 0; p <= 16; p++) {
      snprintf(buf, sizeof buf, "%.*e", p, d);
      if (strtod(buf, NULL) == d) break;
    }
  } else {
    snprintf(buf, sizeof buf, "%.*e", (int)f, d);
  }
  char *ep = strchr(buf, 'e');
  int e = atoi(ep + 1);
  char out[180];
  snprintf(out, sizeof out, "%.*se%c%d", (int)(ep - buf), buf, e < 0 ? '-' : '+', abs(e));
  return llrt__str_cstr(S, out);
}

NATIVE(np_value_of) {
  UNUSED_NATIVE_ARGS;
  double d = 0;
  if (this_num(S, this_val, &d) == LLRT_EXC) return LLRT_EXC;
  return llrt_num(d);
}

/* isInteger (0), isFinite (1), isNaN (2), isSafeInteger (3) */
NATIVE(number_is) {
  (void)this_val; (void)data; (void)S;
  llrt_value v = ARG(0);
  if (!LLRT_IS_NUM(v)) return LLRT_FALSE;
  double d = llrt_tonum_raw(v);
  switch (magic) {
  case 0: return llrt_bool(isfinite(d) && d == trunc(d));
  case 1: return llrt_bool(isfinite(d));
  case 2: return llrt_bool(d != d);
  default: return llrt_bool(isfinite(d) && d == trunc(d) && fabs(d) <= 9007199254740991.0);
  }
}

NATIVE(boolean_ctor) {
  (void)magic; (void)data;
  llrt_value b = llrt_bool(llrt__truthy(ARG(0)));
  if (this_val != LLRT_HOLE) return b;
  return llrt__to_object(S, b);
}

NATIVE(bp_value_of) {
  (void)argc; (void)argv; (void)data;
  llrt_value v = this_val;
  if (llrt_tt(v) == LLRT_T_BOXED) v = ((llrt_boxed *)LLRT_PTR(v))->prim;
  if (!LLRT_IS_BOOL(v)) return llrt__throw(S, 1, "not a boolean");
  return magic ? (v == LLRT_TRUE ? S->atoms.true_s : S->atoms.false_s) : v;
}

/* ==== Symbol ==== */

llrt_value llrt__symbol_new(llrt_state *S, llrt_value desc) {
  if (!llrt__push(S, desc)) return LLRT_EXC;
  llrt_sym *s = llrt__alloc(S, LLRT_T_SYMBOL, sizeof *s);
  llrt__popn(S, 1);
  if (!s) return LLRT_EXC;
  s->desc = desc;
  return llrt_ptr(s);
}

NATIVE(symbol_ctor) {
  (void)magic; (void)data;
  if (this_val == LLRT_HOLE) return llrt__throw(S, 1, "Symbol is not a constructor");
  llrt_value d = ARG(0) == LLRT_UNDEF ? LLRT_UNDEF : llrt__to_string(S, ARG(0));
  if (d == LLRT_EXC) return d;
  return llrt__symbol_new(S, d);
}

NATIVE(symbol_for) {
  (void)this_val; (void)magic; (void)data;
  llrt_value d = llrt__to_string(S, ARG(0));
  if (d == LLRT_EXC) return d;
  llrt_value key = llrt__intern_value(S, d);
  if (key == LLRT_EXC) return key;
  llrt_value reg = llrt__get_str(S, S->module_cache, "@@symbols");
  if (reg == LLRT_EXC) return reg;
  if (!LLRT_IS_OBJ(reg)) {
    if (!llrt__push(S, key)) return LLRT_EXC;
    reg = llrt__new_object(S);
    llrt__popn(S, 1);
    if (reg == LLRT_EXC || !llrt__def_val(S, S->module_cache, "@@symbols", reg)) return LLRT_EXC;
  }
  llrt_value s = llrt__get(S, reg, key);
  if (s != LLRT_UNDEF) return s;
  if (!llrt__push(S, reg) || !llrt__push(S, key)) return LLRT_EXC;
  s = llrt__symbol_new(S, key);
  if (s != LLRT_EXC && llrt__set(S, reg, key, s) == LLRT_EXC) s = LLRT_EXC;
  llrt__popn(S, 2);
  return s;
}

/* Symbol.keyFor: the registry key of a symbol made by Symbol.for. */
NATIVE(symbol_key_for) {
  (void)this_val; (void)magic; (void)data;
  llrt_value sym = ARG(0);
  if (!LLRT_IS_SYM(sym)) {
    char buf[64];
    llrt__describe(S, sym, buf, sizeof buf);
    return llrt__throw(S, 1, "%s is not a symbol", buf);
  }
  llrt_value d = ((llrt_sym *)LLRT_PTR(sym))->desc;
  if (!LLRT_IS_STR(d)) return LLRT_UNDEF;
  if (!llrt__push(S, sym)) return LLRT_EXC;
  llrt_value reg = llrt__get_str(S, S->module_cache, "@@symbols");
  llrt_value r = LLRT_IS_OBJ(reg) ? llrt__get(S, reg, d) : reg;
  llrt__popn(S, 1);
  if (r == LLRT_EXC) return r;
  return r == sym ? d : LLRT_UNDEF;
}

NATIVE(symp_to_string) {
  UNUSED_NATIVE_ARGS;
  llrt_value v = this_val;
  if (llrt_tt(v) == LLRT_T_BOXED) v = ((llrt_boxed *)LLRT_PTR(v))->prim;
  if (!LLRT_IS_SYM(v)) return llrt__throw(S, 1, "not a symbol");
  llrt_value d = ((llrt_sym *)LLRT_PTR(v))->desc;
  if (magic) return d;
  char buf[300];
  snprintf(buf, sizeof buf, "Symbol(%s)", LLRT_IS_STR(d) ? LLRT_STR(d)->data : "");
  return llrt__str_cstr(S, buf);
}

/* ==== Math ==== */

NATIVE(math_fn1) {
  (void)this_val; (void)data;
  bool exc = false;
  double x = llrt__to_number(S, ARG(0), &exc);
  if (exc) return LLRT_EXC;
  switch (magic) {
  case 0: return llrt_num(floor(x));
  case 1: return llrt_num(ceil(x));
  case 2: {
    if (x != x || isinf(x)) return llrt_num(x);
    double r = floor(x);
    if (x - r >= 0.5) r += 1;
    return llrt_num(r == 0 && (x < 0 || signbit(x)) ? -0.0 : r);
  }
  case 3: return llrt_num(fabs(x));
  case 4: return llrt_num(sqrt(x));
  case 5: return llrt_num(trunc(x));
  case 6: return llrt_num(x > 0 ? 1 : x < 0 ? -1 : x);
  case 7: return llrt_num(log(x));
  case 8: return llrt_num(exp(x));
  case 9: return llrt_num(sin(x));
  case 10: return llrt_num(cos(x));
  case 11: return llrt_num(tan(x));
  case 12: return llrt_num(atan(x));
  case 13: return llrt_num(log2(x));
  case 14: return llrt_num(log10(x));
  case 15: {
    double r = cbrt(x), k = round(r);
    return llrt_num(k * k * k == x ? k : r); /* glibc's cbrt(27) is not 3 */
  }
  case 16: return llrt_num(asin(x));
  case 17: return llrt_num(acos(x));
  case 18: return llrt_num((float)x);
  case 19: return llrt_num(log1p(x));
  case 20: return llrt_num(expm1(x));
  default: { /* clz32: ToUint32, then count leading zero bits */
    double m = isfinite(x) ? fmod(trunc(x), 4294967296.0) : 0;
    uint32_t u = (uint32_t)(m < 0 ? m + 4294967296.0 : m);
    return llrt_num(u ? __builtin_clz(u) : 32);
  }
  }
}

/* min (0), max (1), hypot (2), pow (3), atan2 (4), imul (5) */
NATIVE(math_fnn) {
  (void)this_val; (void)data;
  bool exc = false;
  if (magic >= 3) {
    double a = llrt__to_number(S, ARG(0), &exc), b = llrt__to_number(S, ARG(1), &exc);
    if (exc) return LLRT_EXC;
    if (magic == 3) return llrt__binary(S, OP_EXP, llrt_num(a), llrt_num(b));
    if (magic == 4) return llrt_num(atan2(a, b));
    return llrt_num((int32_t)((uint32_t)(int64_t)a * (uint32_t)(int64_t)b));
  }
  double r = magic == 0 ? INFINITY : magic == 1 ? -INFINITY : 0;
  bool nan = false;
  for (int i = 0; i < argc; i++) {
    double x = llrt__to_number(S, argv[i], &exc);
    if (exc) return LLRT_EXC;
    if (x != x) nan = true;
    if (magic == 0 && (x < r || (x == 0 && r == 0 && signbit(x)))) r = x;
    if (magic == 1 && (x > r || (x == 0 && r == 0 && !signbit(x)))) r = x;
    if (magic == 2) r += x * x;
  }
  if (nan) return llrt_num(NAN);
  return llrt_num(magic == 2 ? sqrt(r) : r);
}

NATIVE(math_random) {
  UNUSED_NATIVE_ARGS;
  /* xorshift64*, seeded per state: deterministic by design. */
  uint64_t *st = (uint64_t *)&S->tmp[56];
  if (!*st) *st = 0x9E3779B97F4A7C15ull;
  uint64_t x = *st;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *st = x;
  return llrt_num((double)((x * 2685821657736338717ull) >> 11) / 9007199254740992.0);
}

/* ==== JSON ==== */

typedef struct jsonp {
  llrt_state *S;
  const char *p, *e;
  int depth;
} jsonp;

/* JSON's white space is only TAB, LF, CR and SP. */
static void jws(jsonp *j) {
  while (j->p < j->e &&
         (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
    j->p++;
}

static llrt_value jerr(jsonp *j) {
  return llrt__throw(j->S, 4, "Unexpected token in JSON at position %ld",
                     (long)(j->e - j->p));
}

static llrt_value jvalue(jsonp *j);

static llrt_value jstring(jsonp *j) {
  const char *start = ++j->p;
  bool esc = false;
  while (j->p < j->e && *j->p != '"') {
    if (*j->p == '\\') { esc = true; j->p++; }
    j->p++;
  }
  if (j->p >= j->e) return jerr(j);
  size_t n = (size_t)(j->p - start);
  j->p++;
  if (!esc) return llrt__str_new(j->S, start, n);
  char *buf = malloc(n + 1);
  if (!buf) return LLRT_EXC;
  size_t o = llrt__unescape(start, n, buf);
  llrt_value r = llrt__str_new(j->S, buf, o);
  free(buf);
  return r;
}

static llrt_value jvalue(jsonp *j) {
  llrt_state *S = j->S;
  jws(j);
  if (j->p >= j->e) return jerr(j);
  if (++j->depth > 500) return llrt__throw(S, 2, "JSON nesting too deep");
  llrt_value r;
  char c = *j->p;
  if (c == '{') {
    j->p++;
    r = llrt__new_object(S);
    if (r == LLRT_EXC || !llrt__push(S, r)) return LLRT_EXC;
    jws(j);
    if (j->p < j->e && *j->p == '}') j->p++;
    else for (;;) {
      jws(j);
      if (j->p >= j->e || *j->p != '"') { llrt__popn(S, 1); return jerr(j); }
      llrt_value k = jstring(j);
      if (k == LLRT_EXC || !llrt__push(S, k)) { llrt__popn(S, 1); return LLRT_EXC; }
      jws(j);
      if (j->p >= j->e || *j->p != ':') { llrt__popn(S, 2); return jerr(j); }
      j->p++;
      llrt_value v = jvalue(j);
      if (v == LLRT_EXC || llrt__set_v(S, r, k, v) == LLRT_EXC) { llrt__popn(S, 2); return LLRT_EXC; }
      llrt__popn(S, 1);
      jws(j);
      if (j->p < j->e && *j->p == ',') { j->p++; continue; }
      if (j->p < j->e && *j->p == '}') { j->p++; break; }
      llrt__popn(S, 1);
      return jerr(j);
    }
    llrt__popn(S, 1);
  } else if (c == '[') {
    j->p++;
    r = llrt__new_array(S, 0);
    if (r == LLRT_EXC || !llrt__push(S, r)) return LLRT_EXC;
    jws(j);
    if (j->p < j->e && *j->p == ']') j->p++;
    else for (;;) {
      llrt_value v = jvalue(j);
      if (v == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(r), v)) { llrt__popn(S, 1); return LLRT_EXC; }
      jws(j);
      if (j->p < j->e && *j->p == ',') { j->p++; continue; }
      if (j->p < j->e && *j->p == ']') { j->p++; break; }
      llrt__popn(S, 1);
      return jerr(j);
    }
    llrt__popn(S, 1);
  } else if (c == '"') {
    r = jstring(j);
  } else if (!strncmp(j->p, "true", 4) && j->e - j->p >= 4) {
    j->p += 4;
    r = LLRT_TRUE;
  } else if (!strncmp(j->p, "false", 5) && j->e - j->p >= 5) {
    j->p += 5;
    r = LLRT_FALSE;
  } else if (!strncmp(j->p, "null", 4) && j->e - j->p >= 4) {
    j->p += 4;
    r = LLRT_NULL;
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    /* JSON's number grammar, stricter than strtod's: no leading zeros, no
     * hex, no "1." or "-", digits after '.', 'e' and its sign. */
    const char *q = j->p, *e = j->e;
    if (q < e && *q == '-') q++;
    if (q < e && *q == '0') q++;
    else if (q < e && *q >= '1' && *q <= '9') while (q < e && *q >= '0' && *q <= '9') q++;
    else return jerr(j);
    if (q < e && *q == '.') {
      const char *f = ++q;
      while (q < e && *q >= '0' && *q <= '9') q++;
      if (q == f) return jerr(j);
    }
    if (q < e && (*q == 'e' || *q == 'E')) {
      q++;
      if (q < e && (*q == '+' || *q == '-')) q++;
      const char *x = q;
      while (q < e && *q >= '0' && *q <= '9') q++;
      if (q == x) return jerr(j);
    }
    char num[64], *big = NULL;
    size_t n = (size_t)(q - j->p);
    char *buf = n < sizeof num ? num : (big = malloc(n + 1));
    if (!buf) return jerr(j);
    memcpy(buf, j->p, n);
    buf[n] = 0;
    double d = strtod(buf, NULL);
    free(big);
    j->p = q;
    r = llrt_num(d);
  } else {
    return jerr(j);
  }
  j->depth--;
  return r;
}

/* Deletes `holder[key]` for the reviver (an element becomes a hole). */
static bool jdelete(llrt_state *S, llrt_value holder, llrt_value keyv) {
  llrt_value key;
  uint32_t idx;
  int k = llrt__to_key(S, keyv, &key, &idx);
  if (k < 0) return false;
  llrt_obj *o = LLRT_OBJ(holder);
  if (k == 1) {
    if (o->elems && idx < o->len) {
      o->elems[idx] = LLRT_HOLE;
      return true;
    }
    llrt_value ks = llrt__num_to_str(S, idx);
    if (ks == LLRT_EXC) return false;
    key = llrt__intern_value(S, ks);
    if (key == LLRT_EXC) return false;
  }
  llrt__delete_own(S, o, key);
  return true;
}

/* InternalizeJSONProperty: revives `holder[key]`'s children first, then
 * calls `fn(key, value)` with `holder` as this. */
static llrt_value jrevive(llrt_state *S, llrt_value holder, llrt_value key,
                          llrt_value fn) {
  size_t base = S->sp;
  llrt_value val = llrt__get_v(S, holder, key);
  if (val == LLRT_EXC || !llrt__push(S, val)) goto fail;
  if (LLRT_IS_OBJ(val)) {
    llrt_value keys;
    if (llrt_tt(val) == LLRT_T_ARRAY) {
      uint32_t n = LLRT_OBJ(val)->len;
      keys = llrt__new_array(S, 0);
      if (keys == LLRT_EXC || !llrt__push(S, keys)) goto fail;
      for (uint32_t i = 0; i < n; i++) {
        llrt_value k = llrt__num_to_str(S, i);
        if (k == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(keys), k)) goto fail;
      }
    } else {
      keys = llrt__obj_own_keys(S, val, LLRT_KEYS_ENUM);
      if (keys == LLRT_EXC || !llrt__push(S, keys)) goto fail;
    }
    for (uint32_t i = 0; i < LLRT_OBJ(keys)->len; i++) {
      llrt_value k = LLRT_OBJ(keys)->elems[i];
      llrt_value nv = jrevive(S, val, k, fn);
      if (nv == LLRT_EXC) goto fail;
      if (nv == LLRT_UNDEF) {
        if (!jdelete(S, val, LLRT_OBJ(keys)->elems[i])) goto fail;
      } else if (llrt__set_v(S, val, LLRT_OBJ(keys)->elems[i], nv) == LLRT_EXC) {
        goto fail;
      }
    }
  }
  if (!llrt__push(S, key) || !llrt__push(S, S->stack[base])) goto fail;
  llrt_value r = llrt__call(S, fn, holder, 2, &S->stack[S->sp - 2]);
  S->sp = base;
  return r;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(json_parse) {
  (void)this_val; (void)magic; (void)data;
  llrt_value s = llrt__to_string(S, ARG(0));
  if (s == LLRT_EXC || !llrt__push(S, s)) return LLRT_EXC;
  jsonp j = {S, LLRT_STR(s)->data, LLRT_STR(s)->data + LLRT_STR(s)->len, 0};
  llrt_value r = jvalue(&j);
  jws(&j);
  if (r != LLRT_EXC && j.p != j.e) r = jerr(&j);
  llrt__popn(S, 1);
  if (r == LLRT_EXC || !llrt__is_callable(ARG(1))) return r;
  /* The reviver walks a holder `{"": r}`. */
  size_t base = S->sp;
  if (!llrt__push(S, r)) return LLRT_EXC;
  llrt_value root = llrt__new_object(S);
  if (root == LLRT_EXC || !llrt__push(S, root) ||
      !llrt__define(S, LLRT_OBJ(root), S->atoms.empty, S->stack[base],
                    LLRT_P_DEFAULT)) {
    S->sp = base;
    return LLRT_EXC;
  }
  r = jrevive(S, root, S->atoms.empty, ARG(1));
  S->sp = base;
  return r;
}

static bool jquote(llrt_buf *b, const llrt_str *s) {
  bool ok = llrt__buf_put(b, "\"", 1);
  for (uint32_t i = 0; i < s->len && ok; i++) {
    unsigned char c = (unsigned char)s->data[i];
    char esc[8];
    if (c == '"') ok = llrt__buf_put(b, "\\\"", 2);
    else if (c == '\\') ok = llrt__buf_put(b, "\\\\", 2);
    else if (c == '\n') ok = llrt__buf_put(b, "\\n", 2);
    else if (c == '\r') ok = llrt__buf_put(b, "\\r", 2);
    else if (c == '\t') ok = llrt__buf_put(b, "\\t", 2);
    else if (c == '\b') ok = llrt__buf_put(b, "\\b", 2);
    else if (c == '\f') ok = llrt__buf_put(b, "\\f", 2);
    else if (c < 0x20) {
      snprintf(esc, sizeof esc, "\\u%04x", c);
      ok = llrt__buf_put(b, esc, 6);
    } else ok = llrt__buf_put(b, (const char *)&c, 1);
  }
  return ok && llrt__buf_put(b, "\"", 1);
}

/* The serializer's state. `replacer` is the replacer function and `plist`
 * the property list (an array of distinct string keys) of an array
 * replacer, each UNDEF when absent; both, and every object in `open`, are on
 * the value stack while they are referenced here. `open` holds the objects
 * being written (the spec's `stack`), for the cycle check. */
typedef struct jsonw {
  llrt_buf b;
  char indent[16];
  int depth;
  llrt_value replacer, plist;
  llrt_value *open;
  int nopen, capopen;
} jsonw;

static bool jnl(jsonw *w) {
  if (!w->indent[0]) return true;
  if (!llrt__buf_put(&w->b, "\n", 1)) return false;
  for (int i = 0; i < w->depth; i++)
    if (!llrt__buf_put(&w->b, w->indent, strlen(w->indent))) return false;
  return true;
}

static int jprop(llrt_state *S, jsonw *w, llrt_value holder, llrt_value key,
                 llrt_value v);

/* A property key as the string toJSON and the replacer receive: array
 * elements are keyed by their index, passed here as a number. */
static llrt_value jkey(llrt_state *S, llrt_value key) {
  return LLRT_IS_NUM(key) ? llrt__num_to_str(S, llrt_tonum_raw(key)) : key;
}

/* Writes array (or array proxy) `v`: `length` read once, then every index
 * through SerializeJSONProperty; undefined, functions and symbols become
 * null. Returns 1 or -1. */
static int jarray(llrt_state *S, jsonw *w, llrt_value v) {
  bool exc = false;
  double n;
  if (llrt_tt(v) == LLRT_T_ARRAY) {
    n = LLRT_OBJ(v)->len;
  } else {
    llrt_value l = llrt__get(S, v, S->atoms.length);
    n = l == LLRT_EXC ? 0 : llrt__to_number(S, l, &exc);
    if (l == LLRT_EXC || exc) return -1;
  }
  bool ok = llrt__buf_put(&w->b, "[", 1);
  w->depth++;
  for (uint32_t i = 0; ok && i < (uint32_t)n; i++) {
    llrt_value e;
    if (llrt_tt(v) == LLRT_T_ARRAY && i < LLRT_OBJ(v)->len &&
        LLRT_OBJ(v)->elems[i] != LLRT_HOLE)
      e = LLRT_OBJ(v)->elems[i]; /* a plain element: no [[Get]] needed */
    else
      e = llrt__get_index(S, v, i);
    if (e == LLRT_EXC) { ok = false; break; }
    if (i) ok = llrt__buf_put(&w->b, ",", 1);
    ok = ok && jnl(w);
    int r = ok ? jprop(S, w, v, llrt_num(i), e) : -1;
    if (r < 0) ok = false;
    else if (r == 0) ok = llrt__buf_put(&w->b, "null", 4);
  }
  w->depth--;
  if (ok && n >= 1) ok = jnl(w);
  ok = ok && llrt__buf_put(&w->b, "]", 1);
  return ok ? 1 : -1;
}

/* Writes object (or proxy) `v`: the property list when there is one, else
 * its enumerable own string keys (taken before any value is read, so a
 * replacer that adds keys does not see them written), each read with
 * [[Get]] and skipped when it serializes to nothing. Returns 1 or -1. */
static int jobject(llrt_state *S, jsonw *w, llrt_value v) {
  size_t base = S->sp;
  llrt_value keys = w->plist != LLRT_UNDEF
                        ? w->plist
                        : llrt__obj_own_keys(S, v, LLRT_KEYS_ENUM);
  if (keys == LLRT_EXC || !llrt__push(S, keys)) return -1;
  bool ok = llrt__buf_put(&w->b, "{", 1), any = false;
  w->depth++;
  for (uint32_t i = 0; ok && i < LLRT_OBJ(keys)->len; i++) {
    llrt_value key = LLRT_OBJ(keys)->elems[i];
    llrt_value pv = llrt__get_v(S, v, key); /* "0" may be an element */
    if (pv == LLRT_EXC) { ok = false; break; }
    size_t mark = w->b.n;
    if (any) ok = llrt__buf_put(&w->b, ",", 1);
    ok = ok && jnl(w) && jquote(&w->b, LLRT_STR(key)) &&
         llrt__buf_put(&w->b, w->indent[0] ? ": " : ":", w->indent[0] ? 2 : 1);
    int r = ok ? jprop(S, w, v, key, pv) : -1;
    if (r < 0) ok = false;
    else if (r == 0) w->b.n = mark; /* undefined: the key goes too */
    else any = true;
  }
  w->depth--;
  if (ok && any) ok = jnl(w);
  ok = ok && llrt__buf_put(&w->b, "}", 1);
  S->sp = base;
  return ok ? 1 : -1;
}

/* SerializeJSONProperty: `v` is `holder[key]`; toJSON(key), then the
 * replacer (this = holder), then the value is written. Returns 1 written,
 * 0 nothing to write (undefined, a function, a symbol), -1 error. */
static int jprop(llrt_state *S, jsonw *w, llrt_value holder, llrt_value key,
                 llrt_value v) {
  size_t base = S->sp;
  int res = -1;
  if (!llrt__push(S, holder) || !llrt__push(S, key) || !llrt__push(S, v))
    goto done;
  if (LLRT_IS_OBJ(v)) {
    llrt_value tj = llrt__get(S, v, S->atoms.toJSON);
    if (tj == LLRT_EXC) goto done;
    if (llrt__is_callable(tj)) {
      if (!llrt__push(S, tj)) goto done;
      llrt_value k = jkey(S, key);
      if (k == LLRT_EXC) goto done;
      S->stack[base + 1] = k;
      v = llrt__call(S, tj, v, 1, &S->stack[base + 1]);
      if (v == LLRT_EXC) goto done;
      S->stack[base + 2] = v;
    }
  }
  if (w->replacer != LLRT_UNDEF) {
    llrt_value k = jkey(S, key);
    if (k == LLRT_EXC) goto done;
    S->stack[base + 1] = k; /* the call's arguments: key, value */
    v = llrt__call(S, w->replacer, holder, 2, &S->stack[base + 1]);
    if (v == LLRT_EXC) goto done;
    S->stack[base + 2] = v;
  }
  if (llrt_tt(v) == LLRT_T_BOXED) v = ((llrt_boxed *)LLRT_PTR(v))->prim;
  if (v == LLRT_UNDEF || llrt__is_callable(v) || LLRT_IS_SYM(v)) {
    res = 0;
  } else if (v == LLRT_NULL || v == LLRT_TRUE || v == LLRT_FALSE) {
    const char *t = v == LLRT_NULL ? "null" : v == LLRT_TRUE ? "true" : "false";
    res = llrt__buf_put(&w->b, t, strlen(t)) ? 1 : -1;
  } else if (LLRT_IS_NUM(v)) {
    double d = llrt_tonum_raw(v);
    llrt_value s = isfinite(d) ? llrt__num_to_str(S, d) : LLRT_NULL;
    if (s == LLRT_NULL) res = llrt__buf_put(&w->b, "null", 4) ? 1 : -1;
    else if (s != LLRT_EXC)
      res = llrt__buf_put(&w->b, LLRT_STR(s)->data, LLRT_STR(s)->len) ? 1 : -1;
  } else if (LLRT_IS_STR(v)) {
    res = jquote(&w->b, LLRT_STR(v)) ? 1 : -1;
  } else {
    for (int i = 0; i < w->nopen; i++)
      if (w->open[i] == v) {
        llrt__throw(S, 1, "Converting circular structure to JSON");
        goto done;
      }
    if (w->depth > 5000) { /* the C stack, not the spec, sets this limit */
      llrt__throw(S, 2, "Maximum call stack size exceeded");
      goto done;
    }
    llrt_value isarr = llrt__is_array(S, v);
    if (isarr == LLRT_EXC) goto done;
    if (w->nopen == w->capopen) {
      int cap = w->capopen ? w->capopen * 2 : 16;
      llrt_value *o = realloc(w->open, (size_t)cap * sizeof *o);
      if (!o) { S->oom = true; goto done; }
      w->open = o;
      w->capopen = cap;
    }
    w->open[w->nopen++] = v; /* rooted: it is S->stack[base + 2] */
    res = isarr == LLRT_TRUE ? jarray(S, w, v) : jobject(S, w, v);
    w->nopen--;
  }
done:
  S->sp = base;
  return res;
}

/* The property list of an array replacer: strings, numbers and String or
 * Number objects, as strings, without repeats; other elements are ignored.
 * A new array, or EXC. */
static llrt_value jplist(llrt_state *S, llrt_value rep) {
  size_t base = S->sp;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out)) goto fail;
  llrt_value lv = llrt__get(S, rep, S->atoms.length);
  bool exc = lv == LLRT_EXC;
  double n = exc ? 0 : llrt__to_number(S, lv, &exc);
  if (exc) goto fail;
  for (uint32_t i = 0; i < (uint32_t)n; i++) {
    llrt_value e = llrt__get_index(S, rep, i);
    if (e == LLRT_EXC) goto fail;
    int tt = llrt_tt(e);
    bool boxed = tt == LLRT_T_BOXED &&
                 (LLRT_IS_STR(((llrt_boxed *)LLRT_PTR(e))->prim) ||
                  LLRT_IS_NUM(((llrt_boxed *)LLRT_PTR(e))->prim));
    if (!LLRT_IS_STR(e) && !LLRT_IS_NUM(e) && !boxed) continue;
    llrt_value k = llrt__to_string(S, e);
    if (k == LLRT_EXC) goto fail;
    k = llrt__intern_value(S, k); /* keys compare by pointer */
    if (k == LLRT_EXC) goto fail;
    bool seen = false;
    for (uint32_t j = 0; j < LLRT_OBJ(out)->len && !seen; j++)
      seen = LLRT_OBJ(out)->elems[j] == k;
    if (!seen && !llrt__array_push(S, LLRT_OBJ(out), k)) goto fail;
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* JSON.stringify(v, replacer, indent) without the argument checks:
 * `replacer` is a function, an array (or array proxy), or ignored. */
static llrt_value json_stringify_with(llrt_state *S, llrt_value v,
                                      llrt_value replacer, llrt_value indent) {
  jsonw w = {{0}, {0}, 0, LLRT_UNDEF, LLRT_UNDEF, NULL, 0, 0};
  size_t base = S->sp;
  llrt_value out = LLRT_EXC;
  if (!llrt__push(S, v)) return LLRT_EXC;
  if (llrt__is_callable(replacer)) {
    w.replacer = replacer;
    if (!llrt__push(S, replacer)) goto done;
  } else if (LLRT_IS_OBJ(replacer)) {
    llrt_value isarr = llrt__is_array(S, replacer);
    if (isarr == LLRT_EXC) goto done;
    if (isarr == LLRT_TRUE) {
      w.plist = jplist(S, replacer);
      if (w.plist == LLRT_EXC || !llrt__push(S, w.plist)) goto done;
    }
  }
  if (LLRT_IS_NUM(indent)) {
    int n = (int)llrt_tonum_raw(indent);
    for (int i = 0; i < n && i < 10; i++) w.indent[i] = ' ';
  } else if (LLRT_IS_STR(indent)) {
    snprintf(w.indent, sizeof w.indent, "%.10s", LLRT_STR(indent)->data);
  }
  /* The root is written as the "" property of a fresh wrapper object. */
  llrt_value wrapper = llrt__new_object(S);
  if (wrapper == LLRT_EXC || !llrt__push(S, wrapper) ||
      !llrt__define(S, LLRT_OBJ(wrapper), S->atoms.empty, v, LLRT_P_DEFAULT))
    goto done;
  int r = jprop(S, &w, wrapper, S->atoms.empty, v);
  out = r < 0 ? LLRT_EXC : r == 0 ? LLRT_UNDEF : llrt__str_new(S, w.b.p, w.b.n);
done:
  free(w.b.p);
  free(w.open);
  S->sp = base;
  return out;
}

llrt_value llrt__json_stringify(llrt_state *S, llrt_value v, llrt_value indent) {
  return json_stringify_with(S, v, LLRT_UNDEF, indent);
}

NATIVE(json_stringify) {
  (void)this_val; (void)magic; (void)data;
  return json_stringify_with(S, ARG(0), ARG(1), ARG(2));
}

/* ==== Setup ==== */


static llrt_value boxed_proto(llrt_state *S, llrt_value prim) {
  llrt_boxed *b = (llrt_boxed *)llrt__obj_new(S, LLRT_T_BOXED, sizeof *b, S->proto_object);
  if (!b) return LLRT_EXC;
  b->prim = prim;
  return llrt_ptr(b);
}

bool llrt__def_tag(llrt_state *S, llrt_value obj, const char *name) {
  llrt_value s = llrt__intern(S, name, strlen(name));
  return s != LLRT_EXC &&
         llrt__define(S, LLRT_OBJ(obj), S->sym_to_string_tag, s, LLRT_P_CONFIGURABLE);
}

bool llrt__builtins_string_init(llrt_state *S) {
  llrt_value g = S->global;
  CHECK(S->proto_string = boxed_proto(S, S->atoms.empty));
  CHECK(S->proto_number = boxed_proto(S, llrt_num(0)));
  CHECK(S->proto_boolean = boxed_proto(S, LLRT_FALSE));
  llrt_obj *sp = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_object);
  if (!sp) return false;
  S->proto_symbol = llrt_ptr(sp);
  llrt_value Str = llrt__def_ctor(S, "String", string_ctor, 1, S->proto_string);
  CHECK(Str);
  FN(Str, "fromCharCode", string_from_char_code, 1, 0);
  FN(Str, "raw", string_raw, 1, 0);
  FN(Str, "fromCodePoint", string_from_char_code, 1, 1);
  llrt_value P = S->proto_string;
  FN(P, "charAt", sp_char_at, 1, 0);
  FN(P, "charCodeAt", sp_char_at, 1, 1);
  FN(P, "at", sp_char_at, 1, 2);
  FN(P, "codePointAt", sp_char_at, 1, 3);
  FN(P, "indexOf", sp_index_of, 1, 0);
  FN(P, "lastIndexOf", sp_index_of, 1, 1);
  FN(P, "includes", sp_index_of, 1, 2);
  FN(P, "startsWith", sp_index_of, 1, 3);
  FN(P, "endsWith", sp_index_of, 1, 4);
  FN(P, "slice", sp_slice, 2, 0);
  FN(P, "substring", sp_slice, 2, 1);
  FN(P, "substr", sp_slice, 2, 2);
  FN(P, "toUpperCase", sp_case, 0, 0);
  FN(P, "toLowerCase", sp_case, 0, 1);
  FN(P, "toLocaleUpperCase", sp_case, 0, 0);
  FN(P, "toLocaleLowerCase", sp_case, 0, 1);
  FN(P, "trim", sp_trim, 0, 0);
  FN(P, "trimStart", sp_trim, 0, 1);
  FN(P, "trimEnd", sp_trim, 0, 2);
  FN(P, "split", sp_split, 2, 0);
  FN(P, "repeat", sp_repeat, 1, 0);
  FN(P, "padStart", sp_pad, 2, 0);
  FN(P, "padEnd", sp_pad, 2, 1);
  FN(P, "replace", sp_replace, 2, 0);
  FN(P, "replaceAll", sp_replace, 2, 1);
  FN(P, "match", sp_match, 1, 0);
  FN(P, "matchAll", sp_match, 1, 1);
  FN(P, "concat", sp_concat, 1, 0);
  FN(P, "toString", sp_to_string, 0, 0);
  FN(P, "valueOf", sp_to_string, 0, 0);
  FN(P, "localeCompare", sp_locale_compare, 1, 0);
  llrt_value it = llrt__native_new(S, "[Symbol.iterator]", sp_iter, 0, 0);
  CHECK(it);
  if (!llrt__define(S, LLRT_OBJ(P), S->sym_iterator, it, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    return false;
  /* Number */
  llrt_value N = llrt__def_ctor(S, "Number", number_ctor, 1, S->proto_number);
  CHECK(N);
  FN(N, "isInteger", number_is, 1, 0);
  FN(N, "isFinite", number_is, 1, 1);
  FN(N, "isNaN", number_is, 1, 2);
  FN(N, "isSafeInteger", number_is, 1, 3);
  if (!llrt__def_val(S, N, "MAX_SAFE_INTEGER", llrt_num(9007199254740991.0)) ||
      !llrt__def_val(S, N, "MIN_SAFE_INTEGER", llrt_num(-9007199254740991.0)) ||
      !llrt__def_val(S, N, "EPSILON", llrt_num(2.220446049250313e-16)) ||
      !llrt__def_val(S, N, "MAX_VALUE", llrt_num(1.7976931348623157e308)) ||
      !llrt__def_val(S, N, "MIN_VALUE", llrt_num(5e-324)) ||
      !llrt__def_val(S, N, "POSITIVE_INFINITY", llrt_num(INFINITY)) ||
      !llrt__def_val(S, N, "NEGATIVE_INFINITY", llrt_num(-INFINITY)) ||
      !llrt__def_val(S, N, "NaN", llrt_num(NAN)) ||
      !llrt__def_val(S, N, "parseFloat", llrt__get_str(S, g, "parseFloat")) ||
      !llrt__def_val(S, N, "parseInt", llrt__get_str(S, g, "parseInt")))
    return false;
  FN(S->proto_number, "toString", np_to_string, 1, 0);
  FN(S->proto_number, "toFixed", np_to_fixed, 1, 0);
  FN(S->proto_number, "toPrecision", np_to_fixed, 1, 1);
  FN(S->proto_number, "toExponential", np_to_exponential, 1, 0);
  FN(S->proto_number, "valueOf", np_value_of, 0, 0);
  FN(S->proto_number, "toLocaleString", np_to_string, 0, 0);
  llrt_value B = llrt__def_ctor(S, "Boolean", boolean_ctor, 1, S->proto_boolean);
  CHECK(B);
  FN(S->proto_boolean, "valueOf", bp_value_of, 0, 0);
  FN(S->proto_boolean, "toString", bp_value_of, 0, 1);
  /* Symbol */
  llrt_value Sym = llrt__def_ctor(S, "Symbol", symbol_ctor, 0, S->proto_symbol);
  CHECK(Sym);
  FN(Sym, "for", symbol_for, 1, 0);
  FN(Sym, "keyFor", symbol_key_for, 1, 0);
  if (!llrt__def_val(S, Sym, "iterator", S->sym_iterator) ||
      !llrt__def_val(S, Sym, "asyncIterator", S->sym_async_iterator) ||
      !llrt__def_val(S, Sym, "hasInstance", S->sym_has_instance) ||
      !llrt__def_val(S, Sym, "toPrimitive", S->sym_to_primitive) ||
      !llrt__def_val(S, Sym, "toStringTag", S->sym_to_string_tag))
    return false;
  FN(S->proto_symbol, "toString", symp_to_string, 0, 0);
  if (!llrt__def_tag(S, S->proto_symbol, "Symbol")) return false;
  {
    llrt_value d = llrt__native_new(S, "description", symp_to_string, 0, 1);
    CHECK(d);
    if (!llrt__define_accessor(S, LLRT_OBJ(S->proto_symbol), llrt__intern(S, "description", 11),
                               d, LLRT_UNDEF, LLRT_P_CONFIGURABLE))
      return false;
  }
  /* Math */
  llrt_value M = llrt__new_object(S);
  CHECK(M);
  if (!llrt__def_val(S, g, "Math", M) || !llrt__def_tag(S, M, "Math")) return false;
  static const char *const f1[] = {"floor", "ceil", "round", "abs", "sqrt", "trunc", "sign",
                                   "log", "exp", "sin", "cos", "tan", "atan", "log2", "log10",
                                   "cbrt", "asin", "acos", "fround", "log1p", "expm1",
                                   "clz32"};
  for (int i = 0; i < (int)(sizeof f1 / sizeof *f1); i++) FN(M, f1[i], math_fn1, 1, i);
  FN(M, "min", math_fnn, 2, 0);
  FN(M, "max", math_fnn, 2, 1);
  FN(M, "hypot", math_fnn, 2, 2);
  FN(M, "pow", math_fnn, 2, 3);
  FN(M, "atan2", math_fnn, 2, 4);
  FN(M, "imul", math_fnn, 2, 5);
  FN(M, "random", math_random, 0, 0);
  if (!llrt__def_val(S, M, "PI", llrt_num(3.141592653589793)) || !llrt__def_val(S, M, "E", llrt_num(2.718281828459045)) ||
      !llrt__def_val(S, M, "LN2", llrt_num(0.6931471805599453)) || !llrt__def_val(S, M, "LN10", llrt_num(2.302585092994046)) ||
      !llrt__def_val(S, M, "SQRT2", llrt_num(1.4142135623730951)) ||
      !llrt__def_val(S, M, "LOG2E", llrt_num(1.4426950408889634)) ||
      !llrt__def_val(S, M, "LOG10E", llrt_num(0.4342944819032518)))
    return false;
  /* JSON */
  llrt_value J = llrt__new_object(S);
  CHECK(J);
  if (!llrt__def_val(S, g, "JSON", J) || !llrt__def_tag(S, J, "JSON")) return false;
  FN(J, "parse", json_parse, 2, 0);
  FN(J, "stringify", json_stringify, 3, 0);
  return true;
}
