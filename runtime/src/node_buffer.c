/* Node's `Buffer` (global, and `require('buffer')`) with its bytes counted
 * as external memory.
 *
 * A Buffer is an array-typed object whose prototype is `Buffer.prototype`
 * (which inherits from `Array.prototype`, standing in for Uint8Array), so
 * `buf[i]`, `buf.length`, iteration and the array methods work through the
 * engine's element fast paths. Each element is a byte (0..255); writes are
 * masked when bytes are read back (`toString`, `concat`, `equals`).
 *
 * External memory: `llrt__node_buffer_bytes` is a census scan — the sum of
 * `length` over every Buffer still on the heap lists — so a Buffer stops
 * counting exactly when the collector frees it; no finalizer or side table
 * can go stale. (The element vector itself is heap memory; moving the bytes
 * off-heap would need an integer-indexed exotic hook in object.c — listed
 * under "Not yet" in runtime/README.md.)
 *
 * Must never: keep a pointer to a Buffer across an allocation without a
 * root, or treat a non-Buffer array as one (the prototype decides). */
#include <stdlib.h>
#include <strings.h>

#include "builtins.h"
#include "loop.h"

/* ==== Recognising Buffers ==== */

static bool is_buffer_obj(const llrt_state *S, const llrt_obj *o) {
  llrt_value bp = S->loop->v[LV_BUFFER_PROTO];
  if (o->h.tt != LLRT_T_ARRAY || !LLRT_IS_OBJ(bp)) return false;
  int hops = 0;
  for (const llrt_obj *p = o->proto; p && hops < 8; p = p->proto, hops++)
    if (p == LLRT_OBJ(bp)) return true;
  return false;
}

static bool is_buffer(const llrt_state *S, llrt_value v) {
  return LLRT_IS_OBJ(v) && is_buffer_obj(S, LLRT_OBJ(v));
}

size_t llrt__node_buffer_bytes(llrt_state *S) {
  if (!S->loop) return 0;
  size_t total = 0;
  llrt_gc *lists[2] = {S->old, S->young};
  for (int l = 0; l < 2; l++)
    for (llrt_gc *g = lists[l]; g; g = g->next)
      if (g->tt == LLRT_T_ARRAY && is_buffer_obj(S, (llrt_obj *)g))
        total += ((llrt_obj *)g)->len;
  return total;
}

size_t llrt_node_external_bytes(llrt_state *S) {
  if (!S->loop) return 0;
  llrt_gc_major(S);
  return llrt__node_buffer_bytes(S);
}

/* ==== Bytes in and out ==== */

static uint8_t byte_of(llrt_value v) {
  if (!LLRT_IS_NUM(v)) return 0;
  double d = llrt_tonum_raw(v);
  if (!(d == d) || isinf(d)) return 0;
  return (uint8_t)((int64_t)d & 0xFF);
}

/* A new Buffer of `n` zero bytes, or EXC. */
static llrt_value buf_new(llrt_state *S, size_t n) {
  if (n > (1u << 30)) return llrt__throw(S, 2, "Array buffer allocation failed");
  llrt_obj *o = llrt__obj_new(S, LLRT_T_ARRAY, sizeof(llrt_obj),
                              S->loop->v[LV_BUFFER_PROTO]);
  if (!o) return LLRT_EXC;
  o->extensible = false; /* fixed length: writes past the end are dropped */
  if (n) {
    if (!llrt__push(S, llrt_ptr(o))) return LLRT_EXC;
    bool ok = llrt__elems_reserve(S, o, (uint32_t)n);
    llrt__popn(S, 1);
    if (!ok) return LLRT_EXC;
    for (size_t i = 0; i < n; i++) o->elems[i] = llrt_num(0);
    o->len = (uint32_t)n;
  }
  return llrt_ptr(o);
}

static llrt_value buf_from_bytes(llrt_state *S, const uint8_t *p, size_t n) {
  llrt_value b = buf_new(S, n);
  if (b == LLRT_EXC) return b;
  llrt_obj *o = LLRT_OBJ(b);
  for (size_t i = 0; i < n; i++) o->elems[i] = llrt_num(p[i]);
  return b;
}

/* The bytes of Buffer/array `o` in [from, to), malloc'd (NULL: no memory). */
static uint8_t *bytes_of(const llrt_obj *o, uint32_t from, uint32_t to) {
  if (to > o->len) to = o->len;
  if (from > to) from = to;
  uint8_t *p = malloc((size_t)(to - from) + 1);
  if (!p) return NULL;
  for (uint32_t i = from; i < to; i++) p[i - from] = byte_of(o->elems[i]);
  return p;
}

enum { ENC_UTF8, ENC_HEX, ENC_BASE64, ENC_LATIN1, ENC_ASCII, ENC_BAD };

static int encoding_of(llrt_value v) {
  if (v == LLRT_UNDEF || v == LLRT_NULL) return ENC_UTF8;
  if (!LLRT_IS_STR(v)) return ENC_BAD;
  const char *s = LLRT_STR(v)->data;
  if (!strcasecmp(s, "utf8") || !strcasecmp(s, "utf-8")) return ENC_UTF8;
  if (!strcasecmp(s, "hex")) return ENC_HEX;
  if (!strcasecmp(s, "base64") || !strcasecmp(s, "base64url")) return ENC_BASE64;
  if (!strcasecmp(s, "latin1") || !strcasecmp(s, "binary")) return ENC_LATIN1;
  if (!strcasecmp(s, "ascii")) return ENC_ASCII;
  return ENC_BAD;
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_val(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

static int hex_val(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decodes string `s` in encoding `enc` into malloc'd bytes. Latin-1 and
 * ASCII take each UTF-16 unit's low byte (code points up to U+FFFF). */
static uint8_t *decode_string(const llrt_str *s, int enc, size_t *n) {
  uint8_t *p = malloc((size_t)s->len + 1);
  if (!p) return NULL;
  size_t k = 0;
  const char *d = s->data;
  switch (enc) {
  case ENC_HEX:
    for (uint32_t i = 0; i + 1 < s->len; i += 2) {
      int hi = hex_val(d[i]), lo = hex_val(d[i + 1]);
      if (hi < 0 || lo < 0) break; /* as Node: stop at the first bad pair */
      p[k++] = (uint8_t)(hi * 16 + lo);
    }
    break;
  case ENC_BASE64: {
    uint32_t acc = 0;
    int bits = 0;
    for (uint32_t i = 0; i < s->len; i++) {
      int v = b64_val(d[i]);
      if (v < 0) continue; /* padding and whitespace */
      acc = (acc << 6) | (uint32_t)v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        p[k++] = (uint8_t)(acc >> bits);
      }
    }
    break;
  }
  case ENC_LATIN1:
  case ENC_ASCII:
    for (uint32_t i = 0; i < s->len;) {
      uint8_t c = (uint8_t)d[i];
      uint32_t cp = c, len = 1;
      if (c >= 0xF0) { cp = c & 7; len = 4; }
      else if (c >= 0xE0) { cp = c & 15; len = 3; }
      else if (c >= 0xC0) { cp = c & 31; len = 2; }
      for (uint32_t j = 1; j < len && i + j < s->len; j++)
        cp = (cp << 6) | ((uint8_t)d[i + j] & 63);
      p[k++] = (uint8_t)cp;
      i += len;
    }
    break;
  default:
    memcpy(p, d, s->len);
    k = s->len;
  }
  *n = k;
  return p;
}

static bool put_byte(llrt_buf *b, uint8_t c) {
  char ch = (char)c;
  return llrt__buf_put(b, &ch, 1);
}

/* Length of a valid UTF-8 sequence at p[0..n), or 0. */
static size_t utf8_seq(const uint8_t *p, size_t n) {
  uint8_t c = p[0];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (!len || len > n) return 0;
  for (size_t i = 1; i < len; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  if (len == 2 && c < 0xC2) return 0;                    /* overlong */
  if (len == 3 && c == 0xE0 && p[1] < 0xA0) return 0;    /* overlong */
  if (len == 3 && c == 0xED && p[1] >= 0xA0) return 0;   /* surrogate */
  if (len == 4 && ((c == 0xF0 && p[1] < 0x90) || c > 0xF4 || (c == 0xF4 && p[1] >= 0x90)))
    return 0;
  return len;
}

/* Encodes bytes as a JavaScript string in `enc`. */
static llrt_value encode_bytes(llrt_state *S, const uint8_t *p, size_t n, int enc) {
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "", 0);
  switch (enc) {
  case ENC_HEX:
    for (size_t i = 0; ok && i < n; i++) {
      char h[3] = {"0123456789abcdef"[p[i] >> 4], "0123456789abcdef"[p[i] & 15], 0};
      ok = llrt__buf_put(&b, h, 2);
    }
    break;
  case ENC_BASE64:
    for (size_t i = 0; ok && i < n; i += 3) {
      uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) |
                   (i + 2 < n ? p[i + 2] : 0);
      char q[4] = {b64[v >> 18], b64[(v >> 12) & 63], i + 1 < n ? b64[(v >> 6) & 63] : '=',
                   i + 2 < n ? b64[v & 63] : '='};
      ok = llrt__buf_put(&b, q, 4);
    }
    break;
  case ENC_LATIN1:
  case ENC_ASCII:
    for (size_t i = 0; ok && i < n; i++) {
      uint8_t c = enc == ENC_ASCII ? p[i] & 0x7F : p[i];
      if (c < 0x80) ok = put_byte(&b, c);
      else ok = put_byte(&b, (uint8_t)(0xC0 | (c >> 6))) && put_byte(&b, (uint8_t)(0x80 | (c & 63)));
    }
    break;
  default:
    for (size_t i = 0; ok && i < n;) {
      size_t l = utf8_seq(p + i, n - i);
      if (l) {
        ok = llrt__buf_put(&b, (const char *)p + i, l);
        i += l;
      } else {
        ok = llrt__buf_put(&b, "\xEF\xBF\xBD", 3); /* U+FFFD */
        i++;
      }
    }
  }
  llrt_value r = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  if (!ok) S->oom = true;
  free(b.p);
  return r;
}

/* ==== Natives ==== */

static llrt_value bad_encoding(llrt_state *S, llrt_value v) {
  char d[64];
  llrt__describe(S, v, d, sizeof d);
  return llrt__throw(S, 1, "Unknown encoding: %s", d);
}

static llrt_value from_value(llrt_state *S, llrt_value v, llrt_value enc) {
  if (LLRT_IS_STR(v)) {
    int e = encoding_of(enc);
    if (e == ENC_BAD) return bad_encoding(S, enc);
    size_t n = 0;
    uint8_t *p = decode_string(LLRT_STR(v), e, &n);
    if (!p) {
      S->oom = true;
      return LLRT_EXC;
    }
    llrt_value r = buf_from_bytes(S, p, n);
    free(p);
    return r;
  }
  if (LLRT_IS_OBJ(v)) {
    llrt_obj *o = LLRT_OBJ(v);
    if (o->h.tt == LLRT_T_ARRAY || o->h.tt == LLRT_T_ARGUMENTS) {
      size_t base = S->sp;
      if (!llrt__push(S, v)) return LLRT_EXC;
      uint32_t n = o->len;
      llrt_value r = buf_new(S, n);
      if (r == LLRT_EXC || !llrt__push(S, r)) {
        S->sp = base;
        return LLRT_EXC;
      }
      for (uint32_t i = 0; i < n && i < LLRT_OBJ(v)->len; i++) {
        llrt_value e = LLRT_OBJ(v)->elems[i];
        if (!LLRT_IS_NUM(e) && e != LLRT_HOLE) {
          bool exc = false;
          double d = llrt__to_number(S, e, &exc); /* may run valueOf */
          if (exc) {
            S->sp = base;
            return LLRT_EXC;
          }
          e = llrt_num(d);
        }
        LLRT_OBJ(r)->elems[i] = llrt_num(byte_of(e));
      }
      S->sp = base;
      return r;
    }
  }
  return llrt__throw(S, 1, "The first argument must be of type string or an instance of "
                           "Buffer, ArrayBuffer, or Array or an Array-like Object.");
}

/* Buffer(x) and Buffer.from(x, enc); Buffer.alloc(n, fill) (magic 1). */
NATIVE(n_buffer_from) {
  (void)this_val;
  (void)data;
  if (magic == 1 || (magic == 0 && LLRT_IS_NUM(ARG(0)))) {
    double d = LLRT_IS_NUM(ARG(0)) ? llrt_tonum_raw(ARG(0)) : -1;
    if (!(d >= 0 && d <= (double)(1u << 30)) || d != floor(d))
      return llrt__throw(S, 2, "The argument 'size' is invalid. Received %g", d);
    llrt_value b = buf_new(S, (size_t)d);
    if (b == LLRT_EXC || argc < 2 || ARG(1) == LLRT_UNDEF || !d) return b;
    /* fill: a number, or a string repeated */
    if (!llrt__push(S, b)) return LLRT_EXC;
    llrt_obj *o = LLRT_OBJ(b);
    if (LLRT_IS_STR(ARG(1))) {
      int e = encoding_of(ARG(2));
      size_t n = 0;
      uint8_t *p = e == ENC_BAD ? NULL : decode_string(LLRT_STR(ARG(1)), e, &n);
      for (uint32_t i = 0; p && n && i < o->len; i++) o->elems[i] = llrt_num(p[i % n]);
      free(p);
    } else {
      bool exc = false;
      double f = llrt__to_number(S, ARG(1), &exc);
      uint8_t byte = byte_of(llrt_num(f));
      for (uint32_t i = 0; i < o->len; i++) o->elems[i] = llrt_num(byte);
    }
    llrt__popn(S, 1);
    return b;
  }
  return from_value(S, ARG(0), ARG(1));
}

NATIVE(n_buffer_is_buffer) {
  UNUSED_NATIVE_ARGS;
  return llrt_bool(is_buffer(S, ARG(0)));
}

NATIVE(n_buffer_byte_length) {
  UNUSED_NATIVE_ARGS;
  llrt_value v = ARG(0);
  if (LLRT_IS_OBJ(v) && llrt_tt(v) == LLRT_T_ARRAY) return llrt_num(LLRT_OBJ(v)->len);
  if (!LLRT_IS_STR(v))
    return llrt__throw(S, 1, "The \"string\" argument must be of type string or an "
                             "instance of Buffer or ArrayBuffer.");
  int e = encoding_of(ARG(1));
  if (e == ENC_UTF8 || e == ENC_BAD) return llrt_num(LLRT_STR(v)->len);
  size_t n = 0;
  uint8_t *p = decode_string(LLRT_STR(v), e, &n);
  if (!p) {
    S->oom = true;
    return LLRT_EXC;
  }
  free(p);
  return llrt_num((double)n);
}

NATIVE(n_buffer_concat) {
  UNUSED_NATIVE_ARGS;
  llrt_value list = ARG(0);
  if (!LLRT_IS_OBJ(list) || llrt_tt(list) != LLRT_T_ARRAY)
    return llrt__throw(S, 1, "The \"list\" argument must be an instance of Array.");
  size_t total = 0;
  llrt_obj *l = LLRT_OBJ(list);
  for (uint32_t i = 0; i < l->len; i++) {
    llrt_value b = l->elems[i];
    if (!is_buffer(S, b))
      return llrt__throw(S, 1, "The \"list[%u]\" argument must be an instance of Buffer "
                               "or Uint8Array.", i);
    total += LLRT_OBJ(b)->len;
  }
  if (argc > 1 && LLRT_IS_NUM(ARG(1)) && llrt_tonum_raw(ARG(1)) >= 0)
    total = (size_t)llrt_tonum_raw(ARG(1));
  llrt_value r = buf_new(S, total);
  if (r == LLRT_EXC) return r;
  l = LLRT_OBJ(list);
  llrt_obj *ro = LLRT_OBJ(r);
  size_t k = 0;
  for (uint32_t i = 0; i < l->len && k < total; i++) {
    llrt_obj *b = LLRT_OBJ(l->elems[i]);
    for (uint32_t j = 0; j < b->len && k < total; j++) ro->elems[k++] = llrt_num(byte_of(b->elems[j]));
  }
  return r;
}

static uint32_t clamp_index(llrt_value v, uint32_t len, uint32_t dflt) {
  if (!LLRT_IS_NUM(v)) return dflt;
  double d = llrt_tonum_raw(v);
  if (!(d == d)) return 0;
  if (d < 0) d += len;
  if (d < 0) return 0;
  return d > len ? len : (uint32_t)d;
}

/* Buffer.prototype: 0 toString, 1 toJSON, 2 equals, 3 slice/subarray (a
 * copy: no shared memory), 4 fill(byte). */
NATIVE(n_buffer_method) {
  (void)data;
  if (!is_buffer(S, this_val))
    return llrt__throw(S, 1, "argument must be a buffer");
  llrt_obj *o = LLRT_OBJ(this_val);
  switch (magic) {
  case 0: {
    int e = encoding_of(ARG(0));
    if (e == ENC_BAD) return bad_encoding(S, ARG(0));
    uint32_t from = clamp_index(ARG(1), o->len, 0), to = clamp_index(ARG(2), o->len, o->len);
    if (LLRT_IS_NUM(ARG(1)) && llrt_tonum_raw(ARG(1)) < 0) from = 0; /* Node clamps */
    uint8_t *p = bytes_of(o, from, to);
    if (!p) {
      S->oom = true;
      return LLRT_EXC;
    }
    llrt_value r = encode_bytes(S, p, from < to ? to - from : 0, e);
    free(p);
    return r;
  }
  case 1: {
    /* { type: 'Buffer', data: [...] } */
    size_t base = S->sp;
    llrt_value r = llrt__new_object(S);
    if (r == LLRT_EXC || !llrt__push(S, r)) goto fail1;
    llrt_value t = llrt__str_cstr(S, "Buffer");
    if (t == LLRT_EXC || !llrt__push(S, t)) goto fail1;
    llrt_value tk = llrt__intern(S, "type", 4);
    if (tk == LLRT_EXC || !llrt__define(S, LLRT_OBJ(r), tk, t, LLRT_P_DEFAULT)) goto fail1;
    llrt_value a = llrt__new_array(S, 0);
    if (a == LLRT_EXC || !llrt__push(S, a)) goto fail1;
    for (uint32_t i = 0; i < LLRT_OBJ(this_val)->len; i++)
      if (!llrt__array_push(S, LLRT_OBJ(a), llrt_num(byte_of(LLRT_OBJ(this_val)->elems[i]))))
        goto fail1;
    llrt_value dk = llrt__intern(S, "data", 4);
    if (dk == LLRT_EXC || !llrt__define(S, LLRT_OBJ(r), dk, a, LLRT_P_DEFAULT)) goto fail1;
    S->sp = base;
    return r;
  fail1:
    S->sp = base;
    return LLRT_EXC;
  }
  case 2: {
    llrt_value b = ARG(0);
    if (!is_buffer(S, b))
      return llrt__throw(S, 1, "The \"otherBuffer\" argument must be an instance of Buffer "
                               "or Uint8Array.");
    llrt_obj *x = LLRT_OBJ(b);
    if (x->len != o->len) return LLRT_FALSE;
    for (uint32_t i = 0; i < o->len; i++)
      if (byte_of(o->elems[i]) != byte_of(x->elems[i])) return LLRT_FALSE;
    return LLRT_TRUE;
  }
  case 3: {
    uint32_t from = clamp_index(ARG(0), o->len, 0), to = clamp_index(ARG(1), o->len, o->len);
    uint8_t *p = bytes_of(o, from, to);
    if (!p) {
      S->oom = true;
      return LLRT_EXC;
    }
    llrt_value r = buf_from_bytes(S, p, from < to ? to - from : 0);
    free(p);
    return r;
  }
  default: {
    bool exc = false;
    double f = LLRT_IS_STR(ARG(0)) && LLRT_STR(ARG(0))->len
                   ? (double)(uint8_t)LLRT_STR(ARG(0))->data[0]
                   : llrt__to_number(S, ARG(0), &exc);
    if (exc) return LLRT_EXC;
    uint32_t from = clamp_index(ARG(1), o->len, 0), to = clamp_index(ARG(2), o->len, o->len);
    for (uint32_t i = from; i < to; i++) o->elems[i] = llrt_num(byte_of(llrt_num(f)));
    return this_val;
  }
  }
}

static const char buffer_src[] =
    "'use strict';\n"
    "module.exports = { Buffer, kMaxLength: 1073741824,\n"
    "  constants: { MAX_LENGTH: 1073741824, MAX_STRING_LENGTH: 536870888 } };\n";

bool llrt__node_buffer_init(llrt_state *S) {
  llrt_loop *L = S->loop;
  llrt_obj *po = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_array);
  if (!po) return false;
  L->v[LV_BUFFER_PROTO] = llrt_ptr(po);
  llrt_value proto = L->v[LV_BUFFER_PROTO];
  llrt_value ctor = llrt__def_fn(S, S->global, "Buffer", n_buffer_from, 2, 0);
  if (ctor == LLRT_EXC || !llrt__push(S, ctor)) return false;
  bool ok = llrt__define(S, LLRT_OBJ(ctor), S->atoms.prototype, proto, 0) &&
            llrt__define(S, po, S->atoms.constructor, ctor,
                         LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  static const struct {
    const char *name;
    llrt_native_fn fn;
    int n, magic;
  } statics[] = {{"from", n_buffer_from, 2, 2},      {"alloc", n_buffer_from, 2, 1},
                 {"allocUnsafe", n_buffer_from, 1, 1}, {"isBuffer", n_buffer_is_buffer, 1, 0},
                 {"byteLength", n_buffer_byte_length, 2, 0},
                 {"concat", n_buffer_concat, 2, 0}},
    methods[] = {{"toString", n_buffer_method, 0, 0}, {"toJSON", n_buffer_method, 0, 1},
                 {"equals", n_buffer_method, 1, 2},   {"slice", n_buffer_method, 2, 3},
                 {"subarray", n_buffer_method, 2, 3}, {"fill", n_buffer_method, 1, 4}};
  for (size_t i = 0; ok && i < sizeof statics / sizeof *statics; i++)
    ok = llrt__def_fn(S, ctor, statics[i].name, statics[i].fn, statics[i].n,
                      statics[i].magic) != LLRT_EXC;
  for (size_t i = 0; ok && i < sizeof methods / sizeof *methods; i++)
    ok = llrt__def_fn(S, proto, methods[i].name, methods[i].fn, methods[i].n,
                      methods[i].magic) != LLRT_EXC;
  llrt__popn(S, 1);
  if (!ok) return false;
  return llrt__host_eval_module(S, "node:buffer", buffer_src, sizeof buffer_src - 1);
}
