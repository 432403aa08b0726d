/* Core builtins: the global object, Object, Function, Array, Error and its
 * subtypes, console (with a Node-like inspect), and `require`.
 *
 * Invariant: natives keep every value they hold across an allocation on the
 * value stack, like the evaluator. Must never: print except through the
 * host's print hook. */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "proxy.h"

/* ==== Helpers ==== */

llrt_value llrt__native_new(llrt_state *S, const char *name, llrt_native_fn fn,
                            int nargs, int magic) {
  llrt_native *f = (llrt_native *)llrt__obj_new(S, LLRT_T_NATIVE, sizeof *f,
                                                S->proto_function);
  if (!f) return LLRT_EXC;
  f->fn = fn;
  f->magic = magic;
  f->data[0] = f->data[1] = LLRT_UNDEF;
  llrt_value fv = llrt_ptr(f);
  if (!llrt__push(S, fv)) return LLRT_EXC;
  llrt_value nm = llrt__intern(S, name, strlen(name));
  bool ok = nm != LLRT_EXC &&
            llrt__define(S, &f->o, S->atoms.name, nm, LLRT_P_CONFIGURABLE) &&
            llrt__define(S, &f->o, S->atoms.length, llrt_num(nargs),
                         LLRT_P_CONFIGURABLE);
  llrt__popn(S, 1);
  return ok ? fv : LLRT_EXC;
}

llrt_value llrt__def_fn(llrt_state *S, llrt_value obj, const char *name,
                        llrt_native_fn fn, int nargs, int magic) {
  if (!llrt__push(S, obj)) return LLRT_EXC;
  llrt_value f = llrt__native_new(S, name, fn, nargs, magic);
  if (f == LLRT_EXC || !llrt__push(S, f)) {
    llrt__popn(S, 1);
    return LLRT_EXC;
  }
  llrt_value key = llrt__intern(S, name, strlen(name));
  bool ok = key != LLRT_EXC &&
            llrt__define(S, LLRT_OBJ(obj), key, f,
                         LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  llrt__popn(S, 2);
  return ok ? f : LLRT_EXC;
}

bool llrt__def_val(llrt_state *S, llrt_value obj, const char *name,
                   llrt_value v) {
  if (!llrt__push(S, obj) || !llrt__push(S, v)) return false;
  llrt_value key = llrt__intern(S, name, strlen(name));
  bool ok = key != LLRT_EXC &&
            llrt__define(S, LLRT_OBJ(obj), key, v,
                         LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  llrt__popn(S, 2);
  return ok;
}

llrt_value llrt__def_ctor(llrt_state *S, const char *name, llrt_native_fn fn,
                          int nargs, llrt_value proto) {
  llrt_value c = llrt__def_fn(S, S->global, name, fn, nargs, 0);
  if (c == LLRT_EXC) return c;
  ((llrt_native *)LLRT_PTR(c))->ctor = true;
  if (!llrt__define(S, LLRT_OBJ(c), S->atoms.prototype, proto, 0) ||
      !llrt__define(S, LLRT_OBJ(proto), S->atoms.constructor, c,
                    LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    return LLRT_EXC;
  return c;
}

llrt_value llrt__proto_for(llrt_state *S, llrt_value dflt) {
  if (!LLRT_IS_OBJ(S->native_nt)) return dflt;
  llrt_value p = llrt__get(S, S->native_nt, S->atoms.prototype);
  if (p == LLRT_EXC) return p;
  return LLRT_IS_OBJ(p) ? p : dflt;
}

double llrt__arg_num(llrt_state *S, llrt_value v, bool *exc) {
  return llrt__to_number(S, v, exc);
}

llrt_value llrt__iter_result(llrt_state *S, llrt_value v, bool done) {
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_value r = llrt__new_object(S);
  if (r == LLRT_EXC || !llrt__push(S, r)) {
    llrt__popn(S, 1);
    return LLRT_EXC;
  }
  bool ok = llrt__define(S, LLRT_OBJ(r), S->atoms.value, v, LLRT_P_DEFAULT) &&
            llrt__define(S, LLRT_OBJ(r), S->atoms.done, llrt_bool(done),
                         LLRT_P_DEFAULT);
  llrt__popn(S, 2);
  return ok ? r : LLRT_EXC;
}

/* ==== inspect ==== */

bool llrt__buf_put(llrt_buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) return false;
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
  return true;
}
#define PUTS(s) llrt__buf_put(b, s, strlen(s))

static bool is_ident(const llrt_str *s) {
  if (!s->len || (s->data[0] >= '0' && s->data[0] <= '9')) return false;
  for (uint32_t i = 0; i < s->len; i++) {
    char c = s->data[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '_' || c == '$'))
      return false;
  }
  return true;
}

static bool put_quoted(llrt_buf *b, const llrt_str *s) {
  bool ok = PUTS("'");
  for (uint32_t i = 0; i < s->len && ok; i++) {
    char c = s->data[i];
    if (c == '\'') ok = PUTS("\\'");
    else if (c == '\n') ok = PUTS("\\n");
    else if (c == '\\') ok = PUTS("\\\\");
    else ok = llrt__buf_put(b, &c, 1);
  }
  return ok && PUTS("'");
}

static llrt_value fn_name(llrt_state *S, llrt_value f) {
  llrt_value n = llrt__get(S, f, S->atoms.name);
  return n == LLRT_EXC || !LLRT_IS_STR(n) ? S->atoms.empty : n;
}

bool llrt__inspect(llrt_state *S, llrt_buf *b, llrt_value v, int depth,
                   bool top) {
  char num[64];
  if (LLRT_IS_STR(v)) {
    if (top) return llrt__buf_put(b, LLRT_STR(v)->data, LLRT_STR(v)->len);
    return put_quoted(b, LLRT_STR(v));
  }
  if (!LLRT_IS_PTR(v)) {
    if (LLRT_IS_NUM(v) && llrt_tonum_raw(v) == 0 && signbit(llrt_tonum_raw(v)))
      return PUTS("-0");
    llrt__describe(S, v, num, sizeof num);
    return PUTS(num);
  }
  if (LLRT_IS_SYM(v)) {
    llrt_value d = ((llrt_sym *)LLRT_PTR(v))->desc;
    return PUTS("Symbol(") &&
           (!LLRT_IS_STR(d) || llrt__buf_put(b, LLRT_STR(d)->data, LLRT_STR(d)->len)) &&
           PUTS(")");
  }
  while (llrt_tt(v) == LLRT_T_PROXY) { /* Node shows the target */
    v = LLRT_PROXY(LLRT_PTR(v))->target;
    if (v == LLRT_NULL) return PUTS("<Revoked Proxy>");
  }
  if (!llrt__push(S, v)) return false;
  bool ok = true;
  llrt_obj *o = LLRT_OBJ(v);
  int tt = o->h.tt;
  if (llrt__is_callable(v)) {
    llrt_value n = fn_name(S, v);
    if (o->is_class_ctor) ok = PUTS("[class ") && PUTS(LLRT_STR(n)->len ? LLRT_STR(n)->data : "(anonymous)") && PUTS("]");
    else if (LLRT_STR(n)->len) ok = PUTS("[Function: ") && PUTS(LLRT_STR(n)->data) && PUTS("]");
    else ok = PUTS("[Function (anonymous)]");
    goto done;
  }
  if (tt == LLRT_T_ERROR) {
    llrt_value st = llrt__get(S, v, S->atoms.stack);
    if (LLRT_IS_STR(st)) ok = llrt__buf_put(b, LLRT_STR(st)->data, LLRT_STR(st)->len);
    else ok = PUTS("Error");
    goto done;
  }
  if (tt == LLRT_T_BOXED) {
    llrt_value p = ((llrt_boxed *)o)->prim;
    ok = PUTS(LLRT_IS_NUM(p) ? "[Number: " : LLRT_IS_STR(p) ? "[String: " : "[Boolean: ") &&
         llrt__inspect(S, b, p, depth, false) && PUTS("]");
    goto done;
  }
  if (tt == LLRT_T_DATE) {
    llrt_value s = llrt__get_str(S, v, "toISOString");
    llrt_value r = llrt__is_callable(s) ? llrt__call(S, s, v, 0, NULL) : LLRT_UNDEF;
    ok = LLRT_IS_STR(r) ? llrt__buf_put(b, LLRT_STR(r)->data, LLRT_STR(r)->len) : PUTS("Invalid Date");
    goto done;
  }
  if (tt == LLRT_T_REGEXP) {
    llrt_regexp *re = (llrt_regexp *)o;
    ok = PUTS("/") && PUTS(LLRT_STR(re->source)->data) && PUTS("/") && PUTS(LLRT_STR(re->flags)->data);
    goto done;
  }
  if (tt == LLRT_T_WEAKMAP || tt == LLRT_T_WEAKSET || tt == LLRT_T_WEAKREF ||
      tt == LLRT_T_PROMISE || tt == LLRT_T_FINREG) {
    static const char *const names[] = {"WeakMap { <items unknown> }",
                                        "WeakSet { <items unknown> }",
                                        "WeakRef { <target> }",
                                        "FinalizationRegistry {}", "Promise {}"};
    ok = PUTS(names[tt == LLRT_T_WEAKMAP ? 0 : tt == LLRT_T_WEAKSET ? 1
                    : tt == LLRT_T_WEAKREF ? 2 : tt == LLRT_T_FINREG ? 3 : 4]);
    goto done;
  }
  if (depth > 2) {
    ok = PUTS(tt == LLRT_T_ARRAY ? "[Array]" : "[Object]");
    goto done;
  }
  if (tt == LLRT_T_MAP || tt == LLRT_T_SET) {
    llrt_map *m = (llrt_map *)o;
    snprintf(num, sizeof num, "%s(%u) {", tt == LLRT_T_MAP ? "Map" : "Set", m->count);
    ok = PUTS(num);
    bool first = true;
    for (uint32_t i = m->first; ok && i < m->nents; i++) {
      m = (llrt_map *)LLRT_OBJ(v);
      if (i >= m->nents) break;
      if (m->ents[i].key == LLRT_HOLE) continue;
      ok = PUTS(first ? " " : ", ");
      first = false;
      llrt_value k = m->ents[i].key, val = m->ents[i].val;
      ok = ok && llrt__inspect(S, b, k, depth + 1, false);
      if (tt == LLRT_T_MAP) ok = ok && PUTS(" => ") && llrt__inspect(S, b, val, depth + 1, false);
    }
    ok = ok && PUTS(first ? "}" : " }");
    goto done;
  }
  bool arr = tt == LLRT_T_ARRAY;
  size_t start = b->n;
  if (!arr && o->proto && o->proto != LLRT_OBJ(S->proto_object)) {
    llrt_value c = llrt__get(S, llrt_ptr(o->proto), S->atoms.constructor);
    if (llrt__is_callable(c)) {
      llrt_value n = fn_name(S, c);
      if (LLRT_STR(n)->len && strcmp(LLRT_STR(n)->data, "Object"))
        ok = PUTS(LLRT_STR(n)->data) && PUTS(" ");
    }
  } else if (!arr && !o->proto) {
    ok = PUTS("[Object: null prototype] ");
  }
  ok = ok && PUTS(arr ? "[" : "{");
  bool first = true;
  uint32_t count = 0;
  if (arr) {
    for (uint32_t i = 0; ok && i < LLRT_OBJ(v)->len; i++) {
      if (++count > 100) {
        ok = PUTS(", ...");
        break;
      }
      ok = PUTS(first ? " " : ", ");
      first = false;
      llrt_value e = LLRT_OBJ(v)->elems[i];
      ok = ok && (e == LLRT_HOLE ? PUTS("<1 empty item>")
                                 : llrt__inspect(S, b, e, depth + 1, false));
    }
  }
  for (uint32_t pass = 0, i = 0; ok && pass < 2; i = 0, pass++)
  for (; ok && i < LLRT_OBJ(v)->nprops; i++) {
    llrt_prop *p = &LLRT_OBJ(v)->props[i];
    if ((p->flags & LLRT_P_DELETED) || !(p->flags & LLRT_P_ENUMERABLE)) continue;
    /* Integer-like keys first, as JavaScript orders them. */
    bool intkey = LLRT_IS_STR(p->key) && LLRT_STR(p->key)->len &&
                  strspn(LLRT_STR(p->key)->data, "0123456789") == LLRT_STR(p->key)->len;
    if (intkey != (pass == 0)) continue;
    ok = PUTS(first ? " " : ", ");
    first = false;
    llrt_value k = p->key, pv = p->val;
    bool acc = p->flags & LLRT_P_ACCESSOR;
    if (LLRT_IS_SYM(k)) ok = ok && PUTS("[") && llrt__inspect(S, b, k, depth, false) && PUTS("]");
    else if (is_ident(LLRT_STR(k))) ok = ok && PUTS(LLRT_STR(k)->data);
    else ok = ok && put_quoted(b, LLRT_STR(k));
    ok = ok && PUTS(": ");
    if (acc) ok = ok && PUTS("[Getter/Setter]");
    else ok = ok && llrt__inspect(S, b, pv, depth + 1, false);
  }
  ok = ok && PUTS(first ? (arr ? "]" : "}") : (arr ? " ]" : " }"));
  /* Node breaks long literals over lines; keep short ones on one line. */
  if (ok && b->n - start > 72) {
    size_t len = b->n - start;
    char *copy = malloc(len + 1);
    if (copy) {
      memcpy(copy, b->p + start, len);
      copy[len] = 0;
      b->n = start;
      /* Re-render with newlines after each top-level comma. */
      int lvl = 0;
      bool inq = false;
      for (size_t i = 0; i < len && ok; i++) {
        char c = copy[i];
        if (c == '\'' && (i == 0 || copy[i - 1] != '\\')) inq = !inq;
        if (!inq && (c == '{' || c == '[')) lvl++;
        if (!inq && (c == '}' || c == ']')) {
          lvl--;
          if (lvl == 0 && i > 0 && copy[i - 1] == ' ') {
            b->n--;
            ok = PUTS("\n") && llrt__buf_put(b, "  ", 2 * (size_t)depth) && llrt__buf_put(b, &c, 1);
            continue;
          }
        }
        if (!inq && lvl == 1 && (c == '{' || c == '[') && i + 1 < len && copy[i + 1] == ' ' &&
            (i == 0 || copy[i - 1] != '{')) {
          ok = llrt__buf_put(b, &c, 1) && PUTS("\n") && llrt__buf_put(b, "  ", 2 * (size_t)depth + 2);
          i++;
          continue;
        }
        if (!inq && lvl == 1 && c == ',' && i + 1 < len && copy[i + 1] == ' ') {
          ok = PUTS(",\n") && llrt__buf_put(b, "  ", 2 * (size_t)depth + 2);
          i++;
          continue;
        }
        ok = llrt__buf_put(b, &c, 1);
      }
      free(copy);
    }
  }
done:
  llrt__popn(S, 1);
  return ok;
}

/* ==== console ==== */

NATIVE(console_log) {
  (void)this_val;
  (void)data;
  llrt_buf b = {0};
  bool ok = true;
  int i = 0;
  /* printf-style %s %d %i %o %j in the first argument */
  if (argc > 1 && LLRT_IS_STR(argv[0]) && strchr(LLRT_STR(argv[0])->data, '%')) {
    const llrt_str *f = LLRT_STR(argv[0]);
    int a = 1;
    for (uint32_t k = 0; k < f->len && ok; k++) {
      if (f->data[k] == '%' && k + 1 < f->len && a < argc &&
          strchr("sdifoOj", f->data[k + 1])) {
        char c = f->data[++k];
        if (c == 'd' || c == 'i' || c == 'f') {
          bool exc = false;
          double d = llrt__to_number(S, argv[a++], &exc);
          if (c == 'i') d = trunc(d);
          char nb[64];
          llrt__describe(S, llrt_num(d), nb, sizeof nb);
          ok = llrt__buf_put(&b, nb, strlen(nb));
        } else {
          ok = llrt__inspect(S, &b, argv[a++], 0, c == 's');
        }
      } else if (f->data[k] == '%' && k + 1 < f->len && f->data[k + 1] == '%') {
        ok = llrt__buf_put(&b, "%", 1);
        k++;
      } else {
        ok = llrt__buf_put(&b, &f->data[k], 1);
      }
    }
    i = a;
    if (i < argc) ok = ok && llrt__buf_put(&b, " ", 1);
  }
  for (int first = i; i < argc && ok; i++) {
    if (i > first) ok = llrt__buf_put(&b, " ", 1);
    ok = ok && llrt__inspect(S, &b, argv[i], 0, true);
  }
  if (!b.p) ok = ok && llrt__buf_put(&b, "", 0);
  if (ok) {
    if (S->cfg.print) {
      S->cfg.print(S->cfg.host, magic, b.p, b.n);
    } else {
      FILE *out = magic ? stderr : stdout;
      fwrite(b.p, 1, b.n, out);
      fputc('\n', out);
    }
  }
  free(b.p);
  return ok ? LLRT_UNDEF : LLRT_EXC;
}

/* ==== Global functions ==== */

/* parseFloat: the longest prefix (after white space) that is a
 * StrDecimalLiteral, so C-only forms ("0x1p3", "inf", "nan") are not
 * accepted the way strtod would take them. */
NATIVE(g_parse_float) {
  UNUSED_NATIVE_ARGS;
  llrt_value s = llrt__to_string(S, ARG(0));
  if (s == LLRT_EXC) return s;
  const char *p = LLRT_STR(s)->data, *e = p + LLRT_STR(s)->len;
  for (uint32_t w; (w = llrt__space_at(p, e)) != 0;) p += w;
  const char *q = p + (p < e && (*p == '+' || *p == '-'));
  if ((size_t)(e - q) >= 8 && !strncmp(q, "Infinity", 8))
    return llrt_num(*p == '-' ? -INFINITY : INFINITY);
  const char *d = q;
  size_t digits = 0;
  while (d < e && *d >= '0' && *d <= '9') d++, digits++;
  if (d < e && *d == '.')
    for (d++; d < e && *d >= '0' && *d <= '9'; d++) digits++;
  if (!digits) return llrt_num(NAN);
  if (d < e && (*d | 0x20) == 'e') { /* an exponent only with digits */
    const char *x = d + 1;
    if (x < e && (*x == '+' || *x == '-')) x++;
    if (x < e && *x >= '0' && *x <= '9') {
      while (x < e && *x >= '0' && *x <= '9') x++;
      d = x;
    }
  }
  char *buf = malloc((size_t)(d - p) + 1);
  if (!buf) return LLRT_EXC;
  memcpy(buf, p, (size_t)(d - p));
  buf[d - p] = 0;
  double v = strtod(buf, NULL);
  free(buf);
  return llrt_num(v);
}

NATIVE(g_parse_int) {
  UNUSED_NATIVE_ARGS;
  llrt_value s = llrt__to_string(S, ARG(0));
  if (s == LLRT_EXC) return s;
  bool exc = false;
  int radix = argc > 1 && ARG(1) != LLRT_UNDEF ? (int)llrt__to_number(S, ARG(1), &exc) : 0;
  const char *p = LLRT_STR(s)->data, *e = p + LLRT_STR(s)->len;
  for (uint32_t w; (w = llrt__space_at(p, e)) != 0;) p += w;
  int sign = 1;
  if (*p == '-' || *p == '+') sign = *p++ == '-' ? -1 : 1;
  if ((radix == 0 || radix == 16) && p[0] == '0' && (p[1] | 0x20) == 'x') {
    p += 2;
    radix = 16;
  }
  if (radix == 0) radix = 10;
  if (radix < 2 || radix > 36) return llrt_num(NAN);
  double v = 0;
  bool any = false;
  for (; *p; p++) {
    int d = *p >= '0' && *p <= '9' ? *p - '0'
          : (*p | 0x20) >= 'a' && (*p | 0x20) <= 'z' ? (*p | 0x20) - 'a' + 10 : 99;
    if (d >= radix) break;
    v = v * radix + d;
    any = true;
  }
  return any ? llrt_num(sign * v) : llrt_num(NAN);
}

NATIVE(g_is_nan) {
  UNUSED_NATIVE_ARGS;
  bool exc = false;
  double d = llrt__to_number(S, ARG(0), &exc);
  return exc ? LLRT_EXC : llrt_bool(d != d);
}

NATIVE(g_is_finite) {
  UNUSED_NATIVE_ARGS;
  bool exc = false;
  double d = llrt__to_number(S, ARG(0), &exc);
  return exc ? LLRT_EXC : llrt_bool(isfinite(d));
}

NATIVE(g_require) {
  UNUSED_NATIVE_ARGS;
  const char *from = S->frame && S->frame->script ? S->frame->script->path : "";
  return llrt__require(S, from, ARG(0));
}

/* ==== Object ==== */

static llrt_value proxy_keys(llrt_state *S, llrt_value v, int what);

/* Own enumerable string keys in order: integer indices, then the rest. */
static llrt_value own_keys(llrt_state *S, llrt_value v, bool all, bool symbols) {
  if (llrt_tt(v) == LLRT_T_PROXY) /* Proxy hook: ownKeys trap */
    return proxy_keys(S, v, symbols ? LLRT_KEYS_SYMBOLS
                            : all   ? LLRT_KEYS_STRINGS
                                    : LLRT_KEYS_ENUM);
  size_t base = S->sp;
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out)) goto fail;
  if (LLRT_IS_STR(v)) { /* as its String object: indices, then `length` */
    for (uint32_t i = 0; !symbols && i < LLRT_STR(v)->ulen; i++) {
      llrt_value k = llrt__num_to_str(S, i);
      if (k == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(out), k)) goto fail;
    }
    if (all && !symbols && !llrt__array_push(S, LLRT_OBJ(out), S->atoms.length))
      goto fail;
    S->sp = base;
    return out;
  }
  if (!LLRT_IS_OBJ(v)) {
    S->sp = base;
    return out;
  }
  for (uint32_t i = 0; !symbols && LLRT_OBJ(v)->elems && i < LLRT_OBJ(v)->len; i++) {
    if (LLRT_OBJ(v)->elems[i] == LLRT_HOLE) continue;
    llrt_value k = llrt__num_to_str(S, i);
    if (k == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(out), k)) goto fail;
  }
  if (!symbols && llrt_tt(v) == LLRT_T_BOXED &&
      LLRT_IS_STR(((llrt_boxed *)LLRT_PTR(v))->prim)) {
    for (uint32_t i = 0; i < LLRT_STR(((llrt_boxed *)LLRT_PTR(v))->prim)->ulen; i++) {
      llrt_value k = llrt__num_to_str(S, i);
      if (k == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(out), k)) goto fail;
    }
  }
  /* `length` of arrays and String objects: own, non-enumerable, and made
   * before any other string key, so it follows the integer keys. */
  bool strobj = llrt_tt(v) == LLRT_T_BOXED &&
                LLRT_IS_STR(((llrt_boxed *)LLRT_PTR(v))->prim);
  bool has_length = all && !symbols && (llrt_tt(v) == LLRT_T_ARRAY || strobj);
  /* Integer-like string keys first (ascending), as the spec orders them. */
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1 && has_length &&
        !llrt__array_push(S, LLRT_OBJ(out), S->atoms.length))
      goto fail;
    for (uint32_t i = 0; i < LLRT_OBJ(v)->nprops; i++) {
      llrt_prop *p = &LLRT_OBJ(v)->props[i];
      if (p->flags & LLRT_P_DELETED) continue;
      if (!all && !(p->flags & LLRT_P_ENUMERABLE)) continue;
      if (LLRT_IS_SYM(p->key) != symbols) continue;
      if (llrt__is_private_key(p->key)) continue; /* `#x`: never listed */
      bool isnum = false;
      if (!symbols) {
        const llrt_str *ks = LLRT_STR(p->key);
        isnum = ks->len > 0 && ks->len < 10 && (ks->len == 1 || ks->data[0] != '0');
        for (uint32_t c = 0; isnum && c < ks->len; c++)
          if (ks->data[c] < '0' || ks->data[c] > '9') isnum = false;
      }
      if (isnum != (pass == 0)) continue;
      if (!llrt__array_push(S, LLRT_OBJ(out), p->key)) goto fail;
    }
  }
  /* Integer keys ascend, as the spec orders them (insertion sort). */
  {
    llrt_obj *a = LLRT_OBJ(out);
    for (uint32_t i = 1; i < a->len; i++) {
      llrt_value k = a->elems[i];
      if (!LLRT_IS_STR(k)) continue;
      double kv = strtod(LLRT_STR(k)->data, NULL);
      const llrt_str *ks = LLRT_STR(k);
      bool isnum = ks->len && ks->data[0] >= '0' && ks->data[0] <= '9' && (ks->len == 1 || ks->data[0] != '0');
      for (uint32_t c = 0; isnum && c < ks->len; c++)
        if (ks->data[c] < '0' || ks->data[c] > '9') isnum = false;
      if (!isnum) continue;
      uint32_t j = i;
      while (j > 0 && LLRT_IS_STR(a->elems[j - 1])) {
        const llrt_str *ps = LLRT_STR(a->elems[j - 1]);
        bool pnum = ps->len && ps->data[0] >= '0' && ps->data[0] <= '9';
        for (uint32_t c = 0; pnum && c < ps->len; c++)
          if (ps->data[c] < '0' || ps->data[c] > '9') pnum = false;
        if (!pnum || strtod(ps->data, NULL) <= kv) break;
        a->elems[j] = a->elems[j - 1];
        j--;
      }
      a->elems[j] = k;
    }
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* The keys of proxy `v` filtered as `what` asks; enumerability comes from
 * [[GetOwnProperty]] (a trap or the target), as in the spec. */
static llrt_value proxy_keys(llrt_state *S, llrt_value v, int what) {
  size_t base = S->sp;
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_value all = llrt__proxy_own_keys(S, LLRT_OBJ(v));
  if (all == LLRT_EXC || !llrt__push(S, all)) goto fail;
  if (what == LLRT_KEYS_ALL) {
    S->sp = base;
    return all;
  }
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out)) goto fail;
  for (uint32_t i = 0; i < LLRT_OBJ(all)->len; i++) {
    llrt_value k = LLRT_OBJ(all)->elems[i];
    if (LLRT_IS_SYM(k) != (what == LLRT_KEYS_SYMBOLS)) continue;
    if (what == LLRT_KEYS_ENUM) {
      llrt_value d = llrt__obj_get_own_desc(S, v, k);
      if (d == LLRT_EXC) goto fail;
      if (!LLRT_IS_OBJ(d)) continue;
      llrt_value e = llrt__get(S, d, S->atoms.enumerable);
      if (e == LLRT_EXC) goto fail;
      if (!llrt__truthy(e)) continue;
      k = LLRT_OBJ(all)->elems[i];
    }
    if (!llrt__array_push(S, LLRT_OBJ(out), k)) goto fail;
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__obj_own_keys(llrt_state *S, llrt_value v, int what) {
  if (llrt_tt(v) == LLRT_T_PROXY) return proxy_keys(S, v, what);
  if (what != LLRT_KEYS_ALL)
    return own_keys(S, v, what == LLRT_KEYS_STRINGS, what == LLRT_KEYS_SYMBOLS);
  size_t base = S->sp;
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_value a = own_keys(S, v, true, false);
  if (a == LLRT_EXC || !llrt__push(S, a)) goto fail;
  llrt_value b = own_keys(S, v, true, true);
  if (b == LLRT_EXC || !llrt__push(S, b)) goto fail;
  for (uint32_t i = 0; i < LLRT_OBJ(b)->len; i++)
    if (!llrt__array_push(S, LLRT_OBJ(a), LLRT_OBJ(b)->elems[i])) goto fail;
  S->sp = base;
  return a;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__for_in_keys(llrt_state *S, llrt_value v) {
  if (LLRT_IS_NULLISH(v)) return llrt__new_array(S, 0);
  size_t base = S->sp;
  llrt_value out = own_keys(S, v, false, false);
  if (out == LLRT_EXC || !llrt__push(S, out)) return LLRT_EXC;
  /* Inherited enumerable keys (not shadowed). */
  for (llrt_obj *p = LLRT_IS_OBJ(v) ? LLRT_OBJ(v)->proto : NULL; p; p = p->proto) {
    for (uint32_t i = 0; i < p->nprops; i++) {
      llrt_prop *pp = &p->props[i];
      if ((pp->flags & LLRT_P_DELETED) || !(pp->flags & LLRT_P_ENUMERABLE) ||
          LLRT_IS_SYM(pp->key))
        continue;
      bool seen = false;
      for (uint32_t k = 0; k < LLRT_OBJ(out)->len && !seen; k++)
        seen = llrt__str_eq(LLRT_OBJ(out)->elems[k], pp->key);
      if (!seen && !llrt__array_push(S, LLRT_OBJ(out), pp->key)) {
        S->sp = base;
        return LLRT_EXC;
      }
    }
  }
  S->sp = base;
  return out;
}

NATIVE(obj_ctor) {
  (void)this_val; (void)magic; (void)data;
  llrt_value v = ARG(0);
  if (LLRT_IS_NULLISH(v)) return llrt__new_object(S);
  return llrt__to_object(S, v);
}

/* magic: 0 keys, 1 values, 2 entries, 3 getOwnPropertyNames, 4 symbols */
NATIVE(obj_keys) {
  (void)this_val; (void)data;
  llrt_value v = ARG(0);
  if (LLRT_IS_NULLISH(v)) return llrt__throw(S, 1, "Cannot convert undefined or null to object");
  llrt_value keys = own_keys(S, v, magic == 3, magic == 4);
  if (keys == LLRT_EXC || magic == 0 || magic >= 3) return keys;
  size_t base = S->sp;
  if (!llrt__push(S, keys)) return LLRT_EXC;
  llrt_value out = llrt__new_array(S, LLRT_OBJ(keys)->len);
  if (out == LLRT_EXC || !llrt__push(S, out)) goto fail;
  for (uint32_t i = 0; i < LLRT_OBJ(keys)->len; i++) {
    llrt_value k = LLRT_OBJ(keys)->elems[i];
    llrt_value val = llrt__get_v(S, v, k);
    if (val == LLRT_EXC) goto fail;
    if (magic == 2) {
      if (!llrt__push(S, val)) goto fail;
      llrt_value pair = llrt__new_array(S, 2);
      llrt__popn(S, 1);
      if (pair == LLRT_EXC) goto fail;
      LLRT_OBJ(pair)->elems[0] = LLRT_OBJ(keys)->elems[i];
      LLRT_OBJ(pair)->elems[1] = val;
      val = pair;
    }
    LLRT_OBJ(out)->elems[i] = val;
    llrt_barrier(S, LLRT_OBJ(out), val);
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* Object.assign(target, ...sources): each source's enumerable own string
 * keys, then its enumerable own symbols, copied with [[Get]] and [[Set]].
 * null and undefined sources are skipped; other primitives count as their
 * wrapper objects, so a string gives its characters by index. A proxy
 * source gives its string keys only. */
NATIVE(obj_assign) {
  (void)this_val; (void)magic; (void)data;
  llrt_value t = llrt__to_object(S, ARG(0));
  if (t == LLRT_EXC || !llrt__push(S, t)) return LLRT_EXC;
  size_t base = S->sp - 1;
  for (int i = 1; i < argc; i++) {
    llrt_value src = argv[i];
    if (!LLRT_IS_OBJ(src) && !LLRT_IS_STR(src)) continue; /* no own keys */
    for (int pass = 0; pass < 2; pass++) {
      if (pass == 1 && (!LLRT_IS_OBJ(src) || llrt_tt(src) == LLRT_T_PROXY)) break;
      llrt_value keys = own_keys(S, src, false, pass == 1);
      if (keys == LLRT_EXC || !llrt__push(S, keys)) goto fail;
      for (uint32_t k = 0; k < LLRT_OBJ(keys)->len; k++) {
        llrt_value key = LLRT_OBJ(keys)->elems[k];
        llrt_value v = llrt__get_v(S, src, key);
        if (v == LLRT_EXC || llrt__set_v(S, t, key, v) == LLRT_EXC) goto fail;
      }
      llrt__popn(S, 1);
    }
  }
  S->sp = base;
  return t;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* magic 0 freeze, 1 isFrozen, 2 preventExtensions, 3 isExtensible,
 * 4 isSealed, 5 seal. Elements carry no attributes: an array with elements
 * that is not extensible counts as sealed (but not frozen unless frozen). */
NATIVE(obj_freeze) {
  (void)this_val;
  llrt_value v = ARG(0);
  if (!LLRT_IS_OBJ(v))
    return magic == 1 || magic == 4 ? LLRT_TRUE : magic == 3 ? LLRT_FALSE : v;
  if (llrt_tt(v) == LLRT_T_PROXY) { /* Proxy hook: traps, else the target */
    if (magic == 3) return llrt__proxy_is_extensible(S, LLRT_OBJ(v));
    if (magic == 2) {
      llrt_value r = llrt__proxy_prevent_ext(S, LLRT_OBJ(v));
      return r == LLRT_EXC ? r : v;
    }
    llrt_value t = LLRT_PROXY(LLRT_OBJ(v))->target;
    if (t == LLRT_NULL)
      return llrt__throw(S, 1, "Cannot perform operation on a revoked proxy");
    llrt_value r = obj_freeze(S, LLRT_UNDEF, 1, &t, magic, data);
    return (magic == 0 || magic == 5) && r != LLRT_EXC ? v : r;
  }
  llrt_obj *o = LLRT_OBJ(v);
  if (magic == 1 || magic == 4) {
    if (o->frozen) return LLRT_TRUE;
    if (o->extensible) return LLRT_FALSE;
    if (o->elems && o->len) return llrt_bool(magic == 4);
    for (uint32_t i = 0; i < o->nprops; i++) {
      const llrt_prop *p = &o->props[i];
      if (p->flags & LLRT_P_DELETED) continue;
      if (p->flags & LLRT_P_CONFIGURABLE) return LLRT_FALSE;
      if (magic == 1 && !(p->flags & LLRT_P_ACCESSOR) &&
          (p->flags & LLRT_P_WRITABLE))
        return LLRT_FALSE;
    }
    return LLRT_TRUE;
  }
  if (magic == 3) return llrt_bool(o->extensible);
  o->extensible = false;
  if (magic == 0 || magic == 5) {
    uint32_t drop = magic == 0 ? LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE
                               : LLRT_P_CONFIGURABLE;
    for (uint32_t i = 0; i < o->nprops; i++) o->props[i].flags &= ~drop;
  }
  if (magic == 0) o->frozen = true;
  return v;
}

static llrt_value obj_define_properties(llrt_state *S, llrt_value this_val,
                                        int argc, llrt_value *argv, int magic,
                                        llrt_value *data);

NATIVE(obj_create) {
  (void)this_val; (void)magic;
  llrt_value p = ARG(0);
  if (!LLRT_IS_OBJ(p) && p != LLRT_NULL) {
    char buf[64];
    llrt__describe(S, p, buf, sizeof buf);
    return llrt__throw(S, 1, "Object prototype may only be an Object or null: %s", buf);
  }
  llrt_obj *o = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), p);
  if (!o) return LLRT_EXC;
  if (ARG(1) == LLRT_UNDEF) return llrt_ptr(o);
  /* Object.create(proto, descriptors): as Object.defineProperties. */
  size_t base = S->sp;
  if (!llrt__push(S, llrt_ptr(o)) || !llrt__push(S, ARG(1))) {
    S->sp = base;
    return LLRT_EXC;
  }
  llrt_value r = obj_define_properties(S, LLRT_UNDEF, 2, &S->stack[base], 0, data);
  S->sp = base;
  return r;
}

NATIVE(obj_get_proto) {
  (void)this_val; (void)magic; (void)data;
  llrt_value v = ARG(0);
  if (llrt_tt(v) == LLRT_T_PROXY) /* Proxy hook: getPrototypeOf trap */
    return llrt__proxy_get_proto(S, LLRT_OBJ(v));
  if (!LLRT_IS_OBJ(v)) {
    if (LLRT_IS_NUM(v)) return S->proto_number;
    if (LLRT_IS_STR(v)) return S->proto_string;
    if (LLRT_IS_BOOL(v)) return S->proto_boolean;
    return llrt__throw(S, 1, "Cannot convert undefined or null to object");
  }
  llrt_obj *p = LLRT_OBJ(v)->proto;
  return p ? llrt_ptr(p) : LLRT_NULL;
}

NATIVE(obj_set_proto) {
  (void)this_val; (void)magic; (void)data;
  llrt_value v = ARG(0), p = ARG(1);
  if (!LLRT_IS_OBJ(v)) return v;
  if (!LLRT_IS_OBJ(p) && p != LLRT_NULL)
    return llrt__throw(S, 1, "Object prototype may only be an Object or null");
  if (llrt_tt(v) == LLRT_T_PROXY) { /* Proxy hook: setPrototypeOf trap */
    llrt_value r = llrt__proxy_set_proto(S, LLRT_OBJ(v), p);
    return r == LLRT_EXC ? r : v;
  }
  LLRT_OBJ(v)->proto = LLRT_IS_OBJ(p) ? LLRT_OBJ(p) : NULL;
  llrt_barrier(S, LLRT_OBJ(v), p);
  return v;
}

static uint32_t desc_flags(llrt_state *S, llrt_value desc, bool *exc) {
  uint32_t f = 0;
  static const uint32_t bits[] = {LLRT_P_WRITABLE, LLRT_P_ENUMERABLE, LLRT_P_CONFIGURABLE};
  llrt_value names[] = {S->atoms.writable, S->atoms.enumerable, S->atoms.configurable};
  for (int i = 0; i < 3; i++) {
    llrt_value v = llrt__get(S, desc, names[i]);
    if (v == LLRT_EXC) {
      *exc = true;
      return 0;
    }
    if (llrt__truthy(v)) f |= bits[i];
  }
  return f;
}

static bool define_from_desc(llrt_state *S, llrt_value o, llrt_value key,
                             llrt_value desc) {
  bool exc = false;
  if (!LLRT_IS_OBJ(desc)) {
    llrt__throw(S, 1, "Property description must be an object");
    return false;
  }
  uint32_t f = desc_flags(S, desc, &exc);
  if (exc) return false;
  llrt_value g = llrt__get(S, desc, S->atoms.get), s;
  if (g == LLRT_EXC || !llrt__push(S, g)) return false;
  s = llrt__get(S, desc, S->atoms.set);
  if (s == LLRT_EXC || !llrt__push(S, s)) {
    llrt__popn(S, 1);
    return false;
  }
  bool ok;
  if (g != LLRT_UNDEF || s != LLRT_UNDEF) {
    ok = llrt__define_accessor(S, LLRT_OBJ(o), key, g, s, f & ~(uint32_t)LLRT_P_WRITABLE);
  } else {
    llrt_value v = llrt__get(S, desc, S->atoms.value);
    llrt_prop *old = llrt__find_own(LLRT_OBJ(o), key);
    if (old && !llrt__has(S, desc, S->atoms.value)) v = old->val;
    ok = v != LLRT_EXC && llrt__define(S, LLRT_OBJ(o), key, v, f);
  }
  llrt__popn(S, 2);
  return ok;
}

NATIVE(obj_define_property) {
  (void)this_val; (void)magic; (void)data;
  llrt_value o = ARG(0);
  if (!LLRT_IS_OBJ(o)) return llrt__throw(S, 1, "Object.defineProperty called on non-object");
  if (llrt_tt(o) == LLRT_T_PROXY) { /* Proxy hook: defineProperty trap */
    llrt_value r = llrt__proxy_define(S, LLRT_OBJ(o), ARG(1), ARG(2));
    if (r == LLRT_FALSE)
      return llrt__throw(S, 1, "'defineProperty' on proxy: trap returned falsish");
    return r == LLRT_EXC ? r : o;
  }
  llrt_value key;
  uint32_t idx;
  int k = llrt__to_key(S, ARG(1), &key, &idx);
  if (k < 0) return LLRT_EXC;
  if (k == 1) {
    llrt_value s = llrt__num_to_str(S, idx);
    if (s == LLRT_EXC) return s;
    key = llrt__intern_value(S, s);
    if (key == LLRT_EXC) return key;
    llrt_obj *ob = LLRT_OBJ(o);
    if (ob->h.tt == LLRT_T_ARRAY) {
      llrt_value v = llrt__get(S, ARG(2), S->atoms.value);
      if (v == LLRT_EXC) return v;
      return llrt__set_index(S, o, idx, v) == LLRT_EXC ? LLRT_EXC : o;
    }
  }
  if (!llrt__push(S, key)) return LLRT_EXC;
  bool ok = define_from_desc(S, o, key, ARG(2));
  llrt__popn(S, 1);
  return ok ? o : LLRT_EXC;
}

NATIVE(obj_define_properties) {
  (void)this_val; (void)magic; (void)data;
  llrt_value o = ARG(0), props = ARG(1);
  if (!LLRT_IS_OBJ(o) || !LLRT_IS_OBJ(props)) return o;
  llrt_value keys = own_keys(S, props, false, false);
  if (keys == LLRT_EXC || !llrt__push(S, keys)) return LLRT_EXC;
  for (uint32_t i = 0; i < LLRT_OBJ(keys)->len; i++) {
    llrt_value key = LLRT_OBJ(keys)->elems[i];
    llrt_value d = llrt__get_v(S, props, key);
    if (d == LLRT_EXC || !llrt__push(S, d)) goto fail;
    bool ok = llrt__obj_define_own(S, o, key, d) != LLRT_EXC;
    llrt__popn(S, 1);
    if (!ok) goto fail;
  }
  llrt__popn(S, 1);
  return o;
fail:
  llrt__popn(S, 1);
  return LLRT_EXC;
}

NATIVE(obj_get_own_desc) {
  (void)this_val; (void)magic; (void)data;
  llrt_value o = ARG(0);
  if (llrt_tt(o) == LLRT_T_PROXY) /* Proxy hook: getOwnPropertyDescriptor */
    return llrt__proxy_get_own_desc(S, LLRT_OBJ(o), ARG(1));
  if (!LLRT_IS_OBJ(o)) return LLRT_UNDEF;
  llrt_value key;
  uint32_t idx;
  int k = llrt__to_key(S, ARG(1), &key, &idx);
  if (k < 0) return LLRT_EXC;
  llrt_value val = LLRT_UNDEF, getter = LLRT_UNDEF, setter = LLRT_UNDEF;
  uint32_t f;
  bool acc = false;
  if (k == 1) {
    llrt_obj *ob = LLRT_OBJ(o);
    if (ob->elems && idx < ob->len && ob->elems[idx] != LLRT_HOLE) {
      val = ob->elems[idx];
      f = ob->frozen ? LLRT_P_ENUMERABLE : LLRT_P_DEFAULT;
      goto make;
    }
    /* Integer keys of plain objects live in the property table. */
    llrt_value ks = llrt__num_to_str(S, idx);
    if (ks == LLRT_EXC) return ks;
    key = llrt__intern_value(S, ks);
    if (key == LLRT_EXC) return key;
  }
  {
    llrt_prop *p = llrt__find_own(LLRT_OBJ(o), key);
    if (!p) {
      if (llrt_tt(o) == LLRT_T_ARRAY && key == S->atoms.length) {
        val = llrt_num(LLRT_OBJ(o)->len);
        f = LLRT_P_WRITABLE;
      } else {
        return LLRT_UNDEF;
      }
    } else {
      f = p->flags;
      acc = f & LLRT_P_ACCESSOR;
      if (acc) {
        getter = p->val;
        setter = p->setter;
      } else {
        val = p->val;
      }
    }
  }
make:;
  size_t base = S->sp;
  if (!llrt__push(S, val) || !llrt__push(S, getter) || !llrt__push(S, setter)) return LLRT_EXC;
  llrt_value d = llrt__new_object(S);
  if (d == LLRT_EXC || !llrt__push(S, d)) goto fail;
  llrt_obj *dob = LLRT_OBJ(d);
  bool ok;
  if (acc)
    ok = llrt__define(S, dob, S->atoms.get, getter, LLRT_P_DEFAULT) &&
         llrt__define(S, dob, S->atoms.set, setter, LLRT_P_DEFAULT);
  else
    ok = llrt__define(S, dob, S->atoms.value, val, LLRT_P_DEFAULT) &&
         llrt__define(S, dob, S->atoms.writable, llrt_bool(f & LLRT_P_WRITABLE), LLRT_P_DEFAULT);
  ok = ok && llrt__define(S, dob, S->atoms.enumerable, llrt_bool(f & LLRT_P_ENUMERABLE), LLRT_P_DEFAULT) &&
       llrt__define(S, dob, S->atoms.configurable, llrt_bool(f & LLRT_P_CONFIGURABLE), LLRT_P_DEFAULT);
  if (!ok) goto fail;
  S->sp = base;
  return d;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__obj_get_own_desc(llrt_state *S, llrt_value o,
                                  llrt_value keyv) {
  size_t base = S->sp;
  if (!llrt__push(S, o) || !llrt__push(S, keyv)) return LLRT_EXC;
  llrt_value r = obj_get_own_desc(S, LLRT_UNDEF, 2, &S->stack[base], 0, NULL);
  S->sp = base;
  return r;
}

llrt_value llrt__obj_define_own(llrt_state *S, llrt_value o, llrt_value keyv,
                                llrt_value desc) {
  if (llrt_tt(o) == LLRT_T_PROXY)
    return llrt__proxy_define(S, LLRT_OBJ(o), keyv, desc);
  size_t base = S->sp;
  if (!llrt__push(S, o) || !llrt__push(S, keyv) || !llrt__push(S, desc))
    return LLRT_EXC;
  llrt_value r = obj_define_property(S, LLRT_UNDEF, 3, &S->stack[base], 0, NULL);
  S->sp = base;
  return r == LLRT_EXC ? r : LLRT_TRUE;
}

llrt_value llrt__group_by(llrt_state *S, llrt_value items, llrt_value fn, llrt_value out,
                          bool (*add)(llrt_state *S, llrt_value out, llrt_value key,
                                      llrt_value item)) {
  if (!llrt__is_callable(fn)) return llrt__throw(S, 1, "callback is not a function");
  size_t base = S->sp;
  if (!llrt__push(S, out)) goto fail;
  llrt_value it = llrt__get_iterator(S, items);
  if (it == LLRT_EXC || !llrt__push(S, it)) goto fail;
  for (double i = 0;; i++) {
    llrt_value x = llrt__iter_step(S, it);
    if (x == LLRT_EXC) goto fail;
    if (x == LLRT_HOLE) break;
    if (!llrt__push(S, x) || !llrt__push(S, llrt_num(i))) goto fail;
    llrt_value k = llrt__call(S, fn, LLRT_UNDEF, 2, &S->stack[S->sp - 2]);
    if (k == LLRT_EXC || !llrt__push(S, k) || !add(S, out, k, S->stack[S->sp - 3])) goto fail;
    llrt__popn(S, 3);
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* Object.groupBy's grouping: the key as a property key, arrays by key. */
static bool group_into_object(llrt_state *S, llrt_value out, llrt_value k, llrt_value item) {
  if (!LLRT_IS_SYM(k)) { /* ToPropertyKey */
    k = llrt__to_string(S, k);
    if (k == LLRT_EXC) return false;
    k = llrt__intern_value(S, k);
    if (k == LLRT_EXC) return false;
  }
  if (!llrt__push(S, k)) return false;
  llrt_prop *p = llrt__find_own(LLRT_OBJ(out), k);
  llrt_value arr = p ? p->val : llrt__new_array(S, 0);
  bool ok = arr != LLRT_EXC &&
            (p || llrt__define(S, LLRT_OBJ(out), k, arr, LLRT_P_DEFAULT)) &&
            llrt__array_push(S, LLRT_OBJ(arr), item);
  llrt__popn(S, 1);
  return ok;
}

/* Object.groupBy(items, fn): a null-prototype object of arrays by key. */
NATIVE(obj_group_by) {
  (void)this_val; (void)magic; (void)data;
  llrt_obj *out = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), LLRT_NULL);
  if (!out) return LLRT_EXC;
  return llrt__group_by(S, ARG(0), ARG(1), llrt_ptr(out), group_into_object);
}

NATIVE(obj_from_entries) {
  (void)this_val; (void)magic; (void)data;
  size_t base = S->sp;
  llrt_value out = llrt__new_object(S);
  if (out == LLRT_EXC || !llrt__push(S, out)) return LLRT_EXC;
  llrt_value it = llrt__get_iterator(S, ARG(0));
  if (it == LLRT_EXC || !llrt__push(S, it)) goto fail;
  for (;;) {
    llrt_value e = llrt__iter_step(S, it);
    if (e == LLRT_EXC) goto fail;
    if (e == LLRT_HOLE) break;
    if (!llrt__push(S, e)) goto fail;
    llrt_value k = llrt__get_index(S, e, 0);
    if (k == LLRT_EXC || !llrt__push(S, k)) goto fail;
    llrt_value v = llrt__get_index(S, e, 1);
    if (v == LLRT_EXC || llrt__set_v(S, out, k, v) == LLRT_EXC) goto fail;
    llrt__popn(S, 2);
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(obj_is) {
  UNUSED_NATIVE_ARGS;
  llrt_value a = ARG(0), b = ARG(1);
  if (LLRT_IS_NUM(a) && LLRT_IS_NUM(b)) {
    double x = llrt_tonum_raw(a), y = llrt_tonum_raw(b);
    if (x != x && y != y) return LLRT_TRUE;
    if (x == 0 && y == 0) return llrt_bool(signbit(x) == signbit(y));
    return llrt_bool(x == y);
  }
  return llrt_bool(llrt__strict_eq(a, b));
}

NATIVE(objp_has_own) {
  (void)data;
  llrt_value o = magic ? ARG(0) : this_val;
  llrt_value kv = magic ? ARG(1) : ARG(0);
  if (!LLRT_IS_OBJ(o)) {
    if (LLRT_IS_STR(o)) {
      llrt_value key;
      uint32_t idx;
      int k = llrt__to_key(S, kv, &key, &idx);
      if (k < 0) return LLRT_EXC;
      return llrt_bool((k == 1 && idx < LLRT_STR(o)->ulen) || key == S->atoms.length);
    }
    return LLRT_FALSE;
  }
  if (llrt_tt(o) == LLRT_T_PROXY) { /* Proxy hook: getOwnPropertyDescriptor */
    llrt_value d = llrt__proxy_get_own_desc(S, LLRT_OBJ(o), kv);
    return d == LLRT_EXC ? d : llrt_bool(d != LLRT_UNDEF);
  }
  llrt_value key;
  uint32_t idx;
  if (!llrt__push(S, o)) return LLRT_EXC;
  int k = llrt__to_key(S, kv, &key, &idx);
  llrt__popn(S, 1);
  if (k < 0) return LLRT_EXC;
  llrt_obj *ob = LLRT_OBJ(o);
  if (k == 1) {
    if (ob->elems && idx < ob->len && ob->elems[idx] != LLRT_HOLE) return LLRT_TRUE;
    llrt_value s = llrt__num_to_str(S, idx);
    if (s == LLRT_EXC) return s;
    key = llrt__intern_value(S, s);
    if (key == LLRT_EXC) return key;
  }
  if ((ob->h.tt == LLRT_T_ARRAY || llrt__is_string_object(ob)) &&
      key == S->atoms.length)
    return LLRT_TRUE;
  return llrt_bool(llrt__find_own(LLRT_OBJ(o), key) != NULL);
}

/* Object.prototype.toString: "[object " + tag + "]", the tag being
 * this[Symbol.toStringTag] when that is a string, else the built-in tag of
 * the object's kind (Array also for a proxy of an array). Map, Set and
 * Promise carry their tag on their prototypes; their kinds stay here so an
 * object whose tag was deleted still reads as before. */
NATIVE(objp_to_string) {
  (void)argc; (void)argv; (void)magic; (void)data;
  if (this_val == LLRT_UNDEF) return llrt__str_cstr(S, "[object Undefined]");
  if (this_val == LLRT_NULL) return llrt__str_cstr(S, "[object Null]");
  llrt_value o = llrt__to_object(S, this_val);
  if (o == LLRT_EXC || !llrt__push(S, o)) return LLRT_EXC;
  size_t base = S->sp - 1;
  llrt_value out = LLRT_EXC;
  llrt_value isarr = llrt__is_array(S, o);
  if (isarr == LLRT_EXC) goto done;
  const char *t = "Object";
  int tt = llrt_tt(o);
  llrt_value prim = tt == LLRT_T_BOXED ? ((llrt_boxed *)LLRT_PTR(o))->prim : LLRT_UNDEF;
  if (isarr == LLRT_TRUE) t = "Array";
  else if (tt == LLRT_T_ARGUMENTS) t = "Arguments";
  else if (llrt__is_callable(o)) t = "Function";
  else if (tt == LLRT_T_ERROR) t = "Error";
  else if (tt == LLRT_T_BOXED && LLRT_IS_NUM(prim)) t = "Number";
  else if (tt == LLRT_T_BOXED && LLRT_IS_STR(prim)) t = "String";
  else if (tt == LLRT_T_BOXED && LLRT_IS_BOOL(prim)) t = "Boolean";
  else if (tt == LLRT_T_DATE) t = "Date";
  else if (tt == LLRT_T_REGEXP) t = "RegExp";
  else if (tt == LLRT_T_MAP) t = "Map";
  else if (tt == LLRT_T_SET) t = "Set";
  else if (tt == LLRT_T_PROMISE) t = "Promise";
  llrt_value tag = llrt__get(S, o, S->sym_to_string_tag);
  if (tag == LLRT_EXC) goto done;
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "[object ", 8);
  if (LLRT_IS_STR(tag)) ok = ok && llrt__buf_put(&b, LLRT_STR(tag)->data, LLRT_STR(tag)->len);
  else ok = ok && llrt__buf_put(&b, t, strlen(t));
  ok = ok && llrt__buf_put(&b, "]", 1);
  out = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  free(b.p);
done:
  S->sp = base;
  return out;
}

NATIVE(objp_value_of) {
  (void)argc; (void)argv; (void)magic; (void)data;
  return llrt__to_object(S, this_val);
}

NATIVE(objp_is_proto_of) {
  (void)magic; (void)data; (void)S;
  llrt_value v = ARG(0);
  if (!LLRT_IS_OBJ(v) || !LLRT_IS_OBJ(this_val)) return LLRT_FALSE;
  for (llrt_obj *o = LLRT_OBJ(v)->proto; o; o = o->proto)
    if (o == LLRT_OBJ(this_val)) return LLRT_TRUE;
  return LLRT_FALSE;
}

NATIVE(objp_prop_is_enum) {
  (void)magic; (void)data;
  if (!LLRT_IS_OBJ(this_val)) return LLRT_FALSE;
  llrt_value key;
  uint32_t idx;
  int k = llrt__to_key(S, ARG(0), &key, &idx);
  if (k < 0) return LLRT_EXC;
  if (k == 1) return llrt_bool(LLRT_OBJ(this_val)->elems && idx < LLRT_OBJ(this_val)->len);
  llrt_prop *p = llrt__find_own(LLRT_OBJ(this_val), key);
  return llrt_bool(p && (p->flags & LLRT_P_ENUMERABLE));
}

NATIVE(objp_proto_get) {
  UNUSED_NATIVE_ARGS;
  (void)S;
  if (!LLRT_IS_OBJ(this_val)) return LLRT_NULL;
  llrt_obj *p = LLRT_OBJ(this_val)->proto;
  return p ? llrt_ptr(p) : LLRT_NULL;
}

NATIVE(objp_proto_set) {
  (void)magic; (void)data;
  if (!LLRT_IS_OBJ(this_val)) return LLRT_UNDEF;
  llrt_value p = ARG(0);
  if (LLRT_IS_OBJ(p) || p == LLRT_NULL) {
    LLRT_OBJ(this_val)->proto = p == LLRT_NULL ? NULL : LLRT_OBJ(p);
    llrt_barrier(S, LLRT_OBJ(this_val), p);
  }
  return LLRT_UNDEF;
}

/* ==== Function ==== */

NATIVE(fn_call) {
  (void)magic; (void)data;
  return llrt__call(S, this_val, ARG(0), argc > 0 ? argc - 1 : 0, argv + (argc > 0));
}

/* CreateListFromArrayLike: pushes the elements of array-like `a` on the
 * value stack; returns their count, or -1 with an exception pending. */
int llrt__push_array_like(llrt_state *S, llrt_value a) {
  if (!LLRT_IS_OBJ(a)) {
    llrt__throw(S, 1, "CreateListFromArrayLike called on non-object");
    return -1;
  }
  llrt_value lv = llrt__get(S, a, S->atoms.length);
  if (lv == LLRT_EXC) return -1;
  bool exc = false;
  double n = llrt__to_number(S, lv, &exc);
  if (exc) return -1;
  if (n != n || n < 0) n = 0;
  if (n > 1e6) {
    llrt__throw(S, 2, "Too many arguments in function call");
    return -1;
  }
  for (uint32_t i = 0; i < (uint32_t)n; i++) {
    llrt_value v = llrt__get_index(S, a, i);
    if (v == LLRT_EXC || !llrt__push(S, v)) return -1;
  }
  return (int)n;
}

NATIVE(fn_apply) {
  (void)magic; (void)data;
  size_t base = S->sp;
  int n = LLRT_IS_NULLISH(ARG(1)) ? 0 : llrt__push_array_like(S, ARG(1));
  if (n < 0) {
    S->sp = base;
    return LLRT_EXC;
  }
  llrt_value r = llrt__call(S, this_val, ARG(0), n, &S->stack[base]);
  S->sp = base;
  return r;
}

NATIVE(fn_bind) {
  (void)magic; (void)data;
  if (!llrt__is_callable(this_val)) return llrt__throw(S, 1, "Bind must be called on a function");
  llrt_bound *b = (llrt_bound *)llrt__obj_new(S, LLRT_T_BOUND, sizeof *b, S->proto_function);
  if (!b) return LLRT_EXC;
  b->target = this_val;
  b->this_val = ARG(0);
  b->nargs = 0;
  b->args = NULL;
  if (argc > 1) {
    b->args = llrt__mem_alloc(S, LLRT_T_BOUND, (size_t)(argc - 1) * sizeof *b->args);
    if (!b->args) return LLRT_EXC;
    memcpy(b->args, argv + 1, (size_t)(argc - 1) * sizeof *b->args);
    b->nargs = (uint32_t)(argc - 1);
  }
  /* name "bound f", length: the target's minus the bound arguments */
  llrt_value bv = llrt_ptr(b);
  size_t base = S->sp;
  if (!llrt__push(S, bv)) return LLRT_EXC;
  llrt_value name = llrt__get(S, this_val, S->atoms.name);
  if (name == LLRT_EXC) goto fail;
  if (!LLRT_IS_STR(name)) name = S->atoms.empty;
  llrt_value bound = llrt__str_cstr(S, "bound ");
  if (bound == LLRT_EXC || !llrt__push(S, bound)) goto fail;
  name = llrt__str_concat(S, bound, name);
  if (name == LLRT_EXC || !llrt__push(S, name)) goto fail;
  llrt_value lenv = llrt__get(S, this_val, S->atoms.length);
  if (lenv == LLRT_EXC) goto fail;
  double len = LLRT_IS_NUM(lenv) ? llrt_tonum_raw(lenv) - b->nargs : 0;
  if (!(len > 0)) len = 0;
  if (!llrt__define(S, &b->o, S->atoms.name, name, LLRT_P_CONFIGURABLE) ||
      !llrt__define(S, &b->o, S->atoms.length, llrt_num(len), LLRT_P_CONFIGURABLE))
    goto fail;
  S->sp = base;
  return bv;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(fn_to_string) {
  UNUSED_NATIVE_ARGS;
  if (llrt_tt(this_val) == LLRT_T_CLOSURE) {
    llrt_closure *c = (llrt_closure *)LLRT_PTR(this_val);
    const ll_node *n = &c->script->js.nodes[c->node];
    return llrt__str_new(S, c->script->src + n->start, n->end - n->start);
  }
  return llrt__str_cstr(S, "function () { [native code] }");
}

NATIVE(fn_has_instance) {
  (void)magic; (void)data;
  return llrt__binary(S, 24 /* OP_INSTANCEOF */, ARG(0), this_val);
}

NATIVE(fn_ctor) {
  UNUSED_NATIVE_ARGS;
  return llrt__unsupported(S, "Function constructor (eval)");
}

/* ==== Error ==== */

NATIVE(error_ctor) {
  (void)this_val; (void)data;
  llrt_value msg = ARG(magic == 7 ? 1 : 0);
  llrt_value e = llrt__make_error(S, magic, msg);
  if (e == LLRT_EXC) return e;
  if (!llrt__push(S, e)) return LLRT_EXC;
  llrt_value opts = ARG(magic == 7 ? 2 : 1);
  if (LLRT_IS_OBJ(opts) && llrt__has(S, opts, S->atoms.cause)) {
    llrt_value c = llrt__get(S, opts, S->atoms.cause);
    if (c == LLRT_EXC || !llrt__define(S, LLRT_OBJ(e), S->atoms.cause, c,
                                       LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE)) {
      llrt__popn(S, 1);
      return LLRT_EXC;
    }
  }
  if (magic == 7) { /* AggregateError(errors, message) */
    llrt_value arr = llrt__new_array(S, 0);
    if (arr == LLRT_EXC || !llrt__push(S, arr)) { llrt__popn(S, 1); return LLRT_EXC; }
    llrt_value it = llrt__get_iterator(S, ARG(0));
    if (it == LLRT_EXC || !llrt__push(S, it)) { llrt__popn(S, 2); return LLRT_EXC; }
    for (;;) {
      llrt_value x = llrt__iter_step(S, it);
      if (x == LLRT_EXC) { llrt__popn(S, 3); return x; }
      if (x == LLRT_HOLE) break;
      if (!llrt__array_push(S, LLRT_OBJ(arr), x)) { llrt__popn(S, 3); return LLRT_EXC; }
    }
    bool ok = llrt__define(S, LLRT_OBJ(e), S->atoms.errors, arr, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
    llrt__popn(S, 2);
    if (!ok) { llrt__popn(S, 1); return LLRT_EXC; }
  }
  llrt__popn(S, 1);
  return e;
}

NATIVE(errorp_to_string) {
  UNUSED_NATIVE_ARGS;
  if (!LLRT_IS_OBJ(this_val)) return llrt__throw(S, 1, "Error.prototype.toString called on non-object");
  llrt_value name = llrt__get(S, this_val, S->atoms.name);
  if (name == LLRT_EXC || !llrt__push(S, name)) return LLRT_EXC;
  llrt_value msg = llrt__get(S, this_val, S->atoms.message);
  llrt__popn(S, 1);
  if (msg == LLRT_EXC) return msg;
  const char *n = LLRT_IS_STR(name) ? LLRT_STR(name)->data : "Error";
  const char *m = LLRT_IS_STR(msg) ? LLRT_STR(msg)->data : "";
  char buf[600];
  snprintf(buf, sizeof buf, "%s%s%s", n, *m && *n ? ": " : "", m);
  return llrt__str_cstr(S, buf);
}

/* ==== Setup ==== */

static const char *const error_names[] = {
    "Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError",
    "EvalError", "URIError", "AggregateError"};

static llrt_value make_proto(llrt_state *S, int tt, size_t size, llrt_value parent) {
  llrt_obj *o = llrt__obj_new(S, tt, size, parent);
  return o ? llrt_ptr(o) : LLRT_EXC;
}


bool llrt__builtins_init(llrt_state *S) {
  llrt_value v;
  CHECK(S->proto_object = make_proto(S, LLRT_T_OBJECT, sizeof(llrt_obj), LLRT_NULL));
  CHECK(v = make_proto(S, LLRT_T_NATIVE, sizeof(llrt_native), S->proto_object));
  ((llrt_native *)LLRT_PTR(v))->fn = fn_ctor; /* Function.prototype is callable */
  S->proto_function = v;
  CHECK(S->global = make_proto(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_object));
  CHECK(S->proto_array = make_proto(S, LLRT_T_ARRAY, sizeof(llrt_obj), S->proto_object));
  CHECK(S->module_cache = make_proto(S, LLRT_T_OBJECT, sizeof(llrt_obj), LLRT_NULL));
  CHECK(S->template_cache = make_proto(S, LLRT_T_OBJECT, sizeof(llrt_obj), LLRT_NULL));
  CHECK(S->proto_error = make_proto(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_object));
  S->err_protos[0] = S->proto_error;
  for (int i = 1; i < 8; i++)
    CHECK(S->err_protos[i] = make_proto(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_error));
  llrt_value g = S->global;
  static const char *const wk[] = {"Symbol.iterator", "Symbol.asyncIterator",
                                   "Symbol.hasInstance", "Symbol.toPrimitive",
                                   "Symbol.toStringTag"};
  llrt_value *wks[] = {&S->sym_iterator, &S->sym_async_iterator,
                       &S->sym_has_instance, &S->sym_to_primitive,
                       &S->sym_to_string_tag};
  for (int i = 0; i < 5; i++) {
    llrt_value d = llrt__intern(S, wk[i], strlen(wk[i]));
    CHECK(d);
    CHECK(*wks[i] = llrt__symbol_new(S, d));
  }
  if (!llrt__def_val(S, g, "globalThis", g) ||
      !llrt__def_val(S, g, "NaN", llrt_num(NAN)) ||
      !llrt__def_val(S, g, "Infinity", llrt_num(INFINITY)) ||
      !llrt__def_val(S, g, "undefined", LLRT_UNDEF))
    return false;
  FN(g, "parseInt", g_parse_int, 2, 0);
  FN(g, "parseFloat", g_parse_float, 1, 0);
  FN(g, "isNaN", g_is_nan, 1, 0);
  FN(g, "isFinite", g_is_finite, 1, 0);
  FN(g, "require", g_require, 1, 0);
  /* console */
  CHECK(v = llrt__new_object(S));
  if (!llrt__def_val(S, g, "console", v)) return false;
  FN(v, "log", console_log, 0, 0);
  FN(v, "info", console_log, 0, 0);
  FN(v, "debug", console_log, 0, 0);
  FN(v, "trace", console_log, 0, 2);
  FN(v, "warn", console_log, 0, 1);
  FN(v, "error", console_log, 0, 2);
  /* Object */
  llrt_value O = llrt__def_ctor(S, "Object", obj_ctor, 1, S->proto_object);
  CHECK(O);
  FN(O, "keys", obj_keys, 1, 0);
  FN(O, "values", obj_keys, 1, 1);
  FN(O, "entries", obj_keys, 1, 2);
  FN(O, "getOwnPropertyNames", obj_keys, 1, 3);
  FN(O, "getOwnPropertySymbols", obj_keys, 1, 4);
  FN(O, "assign", obj_assign, 2, 0);
  FN(O, "freeze", obj_freeze, 1, 0);
  FN(O, "isFrozen", obj_freeze, 1, 1);
  FN(O, "seal", obj_freeze, 1, 5);
  FN(O, "isSealed", obj_freeze, 1, 4);
  FN(O, "groupBy", obj_group_by, 2, 0);
  FN(O, "preventExtensions", obj_freeze, 1, 2);
  FN(O, "isExtensible", obj_freeze, 1, 3);
  FN(O, "create", obj_create, 2, 0);
  FN(O, "getPrototypeOf", obj_get_proto, 1, 0);
  FN(O, "setPrototypeOf", obj_set_proto, 2, 0);
  FN(O, "defineProperty", obj_define_property, 3, 0);
  FN(O, "defineProperties", obj_define_properties, 2, 0);
  FN(O, "getOwnPropertyDescriptor", obj_get_own_desc, 2, 0);
  FN(O, "fromEntries", obj_from_entries, 1, 0);
  FN(O, "is", obj_is, 2, 0);
  FN(O, "hasOwn", objp_has_own, 2, 1);
  llrt_value OP = S->proto_object;
  FN(OP, "hasOwnProperty", objp_has_own, 1, 0);
  FN(OP, "toString", objp_to_string, 0, 0);
  FN(OP, "toLocaleString", objp_to_string, 0, 0);
  FN(OP, "valueOf", objp_value_of, 0, 0);
  FN(OP, "isPrototypeOf", objp_is_proto_of, 1, 0);
  FN(OP, "propertyIsEnumerable", objp_prop_is_enum, 1, 0);
  {
    llrt_value gt = llrt__native_new(S, "get __proto__", objp_proto_get, 0, 0);
    CHECK(gt);
    if (!llrt__push(S, gt)) return false;
    llrt_value st = llrt__native_new(S, "set __proto__", objp_proto_set, 1, 0);
    llrt__popn(S, 1);
    CHECK(st);
    if (!llrt__define_accessor(S, LLRT_OBJ(OP), S->atoms.__proto__, gt, st,
                               LLRT_P_CONFIGURABLE))
      return false;
  }
  /* Function */
  llrt_value F = llrt__def_ctor(S, "Function", fn_ctor, 1, S->proto_function);
  CHECK(F);
  llrt_value FP = S->proto_function;
  FN(FP, "call", fn_call, 1, 0);
  FN(FP, "apply", fn_apply, 2, 0);
  FN(FP, "bind", fn_bind, 1, 0);
  FN(FP, "toString", fn_to_string, 0, 0);
  (void)fn_has_instance;
  /* Errors */
  for (int i = 0; i < 8; i++) {
    llrt_value c = llrt__def_fn(S, g, error_names[i], error_ctor, 1, i);
    CHECK(c);
    ((llrt_native *)LLRT_PTR(c))->ctor = true;
    if (i) LLRT_OBJ(c)->proto = LLRT_OBJ(llrt__get_str(S, g, "Error"));
    if (!llrt__define(S, LLRT_OBJ(c), S->atoms.prototype, S->err_protos[i], 0) ||
        !llrt__define(S, LLRT_OBJ(S->err_protos[i]), S->atoms.constructor, c,
                      LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
      return false;
    llrt_value nm = llrt__intern(S, error_names[i], strlen(error_names[i]));
    CHECK(nm);
    if (!llrt__define(S, LLRT_OBJ(S->err_protos[i]), S->atoms.name, nm,
                      LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE) ||
        !llrt__define(S, LLRT_OBJ(S->err_protos[i]), S->atoms.message,
                      S->atoms.empty, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
      return false;
  }
  FN(S->proto_error, "toString", errorp_to_string, 0, 0);
  return llrt__builtins_array_init(S) && llrt__builtins_string_init(S);
}
