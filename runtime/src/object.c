/* Strings, the intern table, and the object model: property tables,
 * elements, and the [[Get]]/[[Set]] paths with prototypes and accessors.
 *
 * Invariants: a property key is an interned string or a symbol, so keys
 * compare by pointer; a property table keeps insertion order (deleted entries
 * are tombstones until the table is rebuilt); array `len` never exceeds
 * `ecap`, and elements past `len` are not read. Every store of a value into
 * an object goes through `llrt_barrier` (gc.h).
 *
 * Must never: keep a `llrt_value` across an allocation without pushing it on
 * the value stack (accessors call back into JavaScript). */
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"
#include "interp.h"
#include "phantom.h"
#include "proxy.h"

/* ==== Strings ==== */

uint32_t llrt__hash_bytes(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h ? h : 1;
}

static uint32_t utf16_len(const char *s, size_t n, bool *ascii) {
  uint32_t u = 0;
  *ascii = true;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = (uint8_t)s[i];
    if (c < 0x80) {
      u++;
    } else {
      *ascii = false;
      if ((c & 0xC0) == 0x80) continue;      /* continuation byte */
      u += (c >= 0xF0) ? 2 : 1;              /* astral: a surrogate pair */
    }
  }
  return u;
}

llrt_value llrt__str_new(llrt_state *S, const char *s, size_t n) {
  llrt_str *str = llrt__alloc(S, LLRT_T_STRING, sizeof(llrt_str) + n + 1);
  if (!str) return LLRT_EXC;
  str->len = (uint32_t)n;
  if (n) memcpy(str->data, s, n);
  str->data[n] = 0;
  str->hash = 0; /* computed on first use: llrt__str_hash */
  str->ulen = utf16_len(s, n, &str->ascii);
  return llrt_ptr(str);
}

llrt_value llrt__str_cstr(llrt_state *S, const char *s) {
  return llrt__str_new(S, s, strlen(s));
}

bool llrt__str_eq(llrt_value a, llrt_value b) {
  if (a == b) return true;
  llrt_str *x = LLRT_STR(a), *y = LLRT_STR(b);
  return x->len == y->len &&
         (!x->hash || !y->hash || x->hash == y->hash) &&
         !memcmp(x->data, y->data, x->len);
}

llrt_value llrt__str_concat(llrt_state *S, llrt_value a, llrt_value b) {
  llrt_str *x = LLRT_STR(a), *y = LLRT_STR(b);
  if (!x->len) return b;
  if (!y->len) return a;
  size_t n = (size_t)x->len + y->len;
  if (!llrt__push(S, a) || !llrt__push(S, b)) return LLRT_EXC;
  llrt_str *r = llrt__alloc(S, LLRT_T_STRING, sizeof(llrt_str) + n + 1);
  llrt__popn(S, 2);
  if (!r) return LLRT_EXC;
  x = LLRT_STR(a);
  y = LLRT_STR(b);
  memcpy(r->data, x->data, x->len);
  memcpy(r->data + x->len, y->data, y->len);
  r->data[n] = 0;
  r->len = (uint32_t)n;
  r->hash = 0; /* lazy: hashing every `s += x` result made loops quadratic */
  r->ulen = x->ulen + y->ulen;
  r->ascii = x->ascii && y->ascii;
  return llrt_ptr(r);
}

/* ==== The intern table (weak: dead strings leave it when freed) ==== */

#define TOMB ((llrt_str *)(uintptr_t)1)

static bool intern_grow(llrt_state *S) {
  uint32_t cap = S->icap ? S->icap * 2 : 1024;
  while (S->icount * 2 >= cap) cap *= 2;
  llrt_str **t = calloc(cap, sizeof *t);
  if (!t) return false;
  for (uint32_t i = 0; i < S->icap; i++) {
    llrt_str *s = S->intern[i];
    if (!s || s == TOMB) continue;
    uint32_t j = s->hash & (cap - 1);
    while (t[j]) j = (j + 1) & (cap - 1);
    t[j] = s;
  }
  free(S->intern);
  S->intern = t;
  S->icap = cap;
  S->itomb = 0;
  return true;
}

llrt_value llrt__intern(llrt_state *S, const char *s, size_t n) {
  uint32_t h = llrt__hash_bytes(s, n);
  if ((S->icount + S->itomb + 1) * 2 > S->icap && !intern_grow(S)) {
    S->oom = true;
    return LLRT_EXC;
  }
  uint32_t j = h & (S->icap - 1), tomb = UINT32_MAX;
  for (llrt_str *e; (e = S->intern[j]); j = (j + 1) & (S->icap - 1)) {
    if (e == TOMB) {
      if (tomb == UINT32_MAX) tomb = j;
      continue;
    }
    if (e->hash == h && e->len == n && !memcmp(e->data, s, n))
      return llrt_ptr(e);
  }
  llrt_value v = llrt__str_new(S, s, n);
  if (v == LLRT_EXC) return v;
  /* The allocation may have collected and freed interned strings, which
   * only leaves tombstones: the slot search below is still valid. */
  j = h & (S->icap - 1);
  while (S->intern[j] && S->intern[j] != TOMB) j = (j + 1) & (S->icap - 1);
  if (S->intern[j] == TOMB) S->itomb--;
  (void)tomb;
  LLRT_STR(v)->hash = h;
  S->intern[j] = LLRT_STR(v);
  S->icount++;
  LLRT_PTR(v)->flags |= LLRT_GCF_INTERNED;
  return v;
}

llrt_value llrt__intern_value(llrt_state *S, llrt_value str) {
  if (LLRT_PTR(str)->flags & LLRT_GCF_INTERNED) return str;
  llrt_str *s = LLRT_STR(str);
  /* Copy the bytes out: interning may allocate and collect `s`. */
  if (s->len < 256) {
    char buf[256];
    memcpy(buf, s->data, s->len);
    return llrt__intern(S, buf, s->len);
  }
  char *buf = malloc(s->len);
  if (!buf) return LLRT_EXC;
  size_t n = s->len;
  memcpy(buf, s->data, n);
  llrt_value r = llrt__intern(S, buf, n);
  free(buf);
  return r;
}

void llrt__intern_remove(llrt_state *S, llrt_str *s) {
  uint32_t j = s->hash & (S->icap - 1);
  for (llrt_str *e; (e = S->intern[j]); j = (j + 1) & (S->icap - 1)) {
    if (e == s) {
      S->intern[j] = TOMB;
      S->icount--;
      S->itomb++;
      return;
    }
  }
}

/* ==== Objects ==== */

llrt_obj *llrt__obj_new(llrt_state *S, int tt, size_t size, llrt_value proto) {
  if (tt == LLRT_T_OBJECT) size = LLRT_PLAIN_OBJ_SIZE;
  if (!llrt__push(S, proto)) return NULL;
  llrt_obj *o = llrt__alloc(S, tt, size);
  llrt__popn(S, 1);
  if (!o) return NULL;
  o->proto = LLRT_IS_OBJ(proto) ? LLRT_OBJ(proto) : NULL;
  o->extensible = true;
  if (tt == LLRT_T_OBJECT) {
    o->props = llrt__inline_props(o);
    o->pcap = LLRT_INLINE_PROPS;
  }
  return o;
}

llrt_value llrt__new_object(llrt_state *S) {
  llrt_obj *o = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj),
                              S->proto_object);
  return o ? llrt_ptr(o) : LLRT_EXC;
}

bool llrt__elems_reserve(llrt_state *S, llrt_obj *a, uint32_t n) {
  if (n <= a->ecap) return true;
  uint32_t cap = a->ecap ? a->ecap : 4;
  while (cap < n) cap = cap < (1u << 30) ? cap * 2 : n;
  llrt_value *e = llrt__mem_realloc(S, a->h.tt, a->elems,
                                    a->ecap * sizeof *e, cap * sizeof *e);
  if (!e) return false;
  a->elems = e;
  a->ecap = cap;
  return true;
}

llrt_value llrt__new_array(llrt_state *S, uint32_t len) {
  llrt_obj *a = llrt__obj_new(S, LLRT_T_ARRAY, sizeof(llrt_obj),
                              S->proto_array);
  if (!a) return LLRT_EXC;
  if (len) {
    if (!llrt__elems_reserve(S, a, len)) return LLRT_EXC;
    for (uint32_t i = 0; i < len; i++) a->elems[i] = LLRT_HOLE;
    a->len = len;
  }
  return llrt_ptr(a);
}

bool llrt__array_push(llrt_state *S, llrt_obj *a, llrt_value v) {
  if (a->len == a->ecap) {
    if (!llrt__push(S, v)) return false;
    bool ok = llrt__elems_reserve(S, a, a->len + 1);
    llrt__popn(S, 1);
    if (!ok) return false;
  }
  a->elems[a->len++] = v;
  llrt_barrier(S, a, v);
  return true;
}

static uint32_t key_hash(llrt_value k) {
  uint64_t x = k * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(x >> 32);
}

static bool rebuild_index(llrt_state *S, llrt_obj *o, uint32_t hcap) {
  uint32_t *h = llrt__mem_alloc(S, o->h.tt, hcap * sizeof *h);
  if (!h) return false;
  memset(h, 0xff, hcap * sizeof *h);
  for (uint32_t i = 0; i < o->nprops; i++) {
    if (o->props[i].flags & LLRT_P_DELETED) continue;
    uint32_t b = key_hash(o->props[i].key) & (hcap - 1);
    o->props[i].hnext = h[b];
    h[b] = i;
  }
  llrt__mem_free(S, o->h.tt, o->hidx, o->hcap * sizeof *o->hidx);
  o->hidx = h;
  o->hcap = hcap;
  return true;
}

llrt_prop *llrt__find_own(llrt_obj *o, llrt_value key) {
  if (o->hidx) {
    for (uint32_t i = o->hidx[key_hash(key) & (o->hcap - 1)]; i != UINT32_MAX;
         i = o->props[i].hnext)
      if (o->props[i].key == key) return &o->props[i];
    return NULL;
  }
  for (uint32_t i = 0; i < o->nprops; i++)
    if (o->props[i].key == key && !(o->props[i].flags & LLRT_P_DELETED))
      return &o->props[i];
  return NULL;
}

/* Drops tombstones once they are half the table. */
static bool compact_props(llrt_state *S, llrt_obj *o) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < o->nprops; i++)
    if (!(o->props[i].flags & LLRT_P_DELETED)) o->props[k++] = o->props[i];
  o->nprops = k;
  o->ndeleted = 0;
  if (o->hidx) return rebuild_index(S, o, o->hcap);
  return true;
}

static llrt_prop *add_prop(llrt_state *S, llrt_obj *o, llrt_value key) {
  if (o->nprops == o->pcap) {
    if (o->ndeleted > o->nprops / 2 && !compact_props(S, o)) return NULL;
    if (o->nprops == o->pcap) {
      uint32_t cap = o->pcap ? o->pcap * 2 : 4;
      llrt_prop *p;
      if (llrt__props_inline(o)) { /* the inline room stays with the object */
        p = llrt__mem_alloc(S, o->h.tt, cap * sizeof *p);
        if (p) memcpy(p, o->props, o->nprops * sizeof *p);
      } else {
        p = llrt__mem_realloc(S, o->h.tt, o->props, o->pcap * sizeof *p,
                              cap * sizeof *p);
      }
      if (!p) return NULL;
      o->props = p;
      o->pcap = cap;
    }
  }
  uint32_t i = o->nprops++;
  llrt_prop *p = &o->props[i];
  p->key = key;
  p->val = p->setter = LLRT_UNDEF;
  p->flags = LLRT_P_DEFAULT;
  p->hnext = UINT32_MAX;
  if (o->hidx) {
    if (o->nprops * 2 > o->hcap) {
      if (!rebuild_index(S, o, o->hcap * 2)) return NULL;
      p = &o->props[i];
    } else {
      uint32_t b = key_hash(key) & (o->hcap - 1);
      p->hnext = o->hidx[b];
      o->hidx[b] = i;
    }
  } else if (o->nprops > 8) {
    if (!rebuild_index(S, o, 32)) return NULL;
    p = &o->props[i];
  }
  llrt_barrier(S, o, key);
  return p;
}

bool llrt__define(llrt_state *S, llrt_obj *o, llrt_value key, llrt_value v,
                  uint32_t flags) {
  llrt_prop *p = llrt__find_own(o, key);
  if (!p) {
    if (!llrt__push(S, v) || !llrt__push(S, key)) return false;
    p = add_prop(S, o, key);
    llrt__popn(S, 2);
    if (!p) return false;
  }
  p->val = v;
  p->setter = LLRT_UNDEF;
  p->flags = flags;
  llrt_barrier(S, o, v);
  return true;
}

bool llrt__define_accessor(llrt_state *S, llrt_obj *o, llrt_value key,
                           llrt_value getter, llrt_value setter,
                           uint32_t flags) {
  llrt_prop *p = llrt__find_own(o, key);
  if (p && (p->flags & LLRT_P_ACCESSOR)) {
    /* `get x` then `set x` in one literal: keep the other half. */
    if (getter == LLRT_UNDEF) getter = p->val;
    if (setter == LLRT_UNDEF) setter = p->setter;
  }
  if (!p) {
    if (!llrt__push(S, getter) || !llrt__push(S, setter) ||
        !llrt__push(S, key))
      return false;
    p = add_prop(S, o, key);
    llrt__popn(S, 3);
    if (!p) return false;
  }
  p->val = getter;
  p->setter = setter;
  p->flags = flags | LLRT_P_ACCESSOR;
  llrt_barrier(S, o, getter);
  llrt_barrier(S, o, setter);
  return true;
}

bool llrt__delete_own(llrt_state *S, llrt_obj *o, llrt_value key) {
  llrt_prop *p = llrt__find_own(o, key);
  if (!p) return true;
  if (!(p->flags & LLRT_P_CONFIGURABLE) || o->frozen) return false;
  uint32_t i = (uint32_t)(p - o->props);
  if (o->hidx) {
    /* Unlink from its chain. */
    uint32_t *link = &o->hidx[key_hash(key) & (o->hcap - 1)];
    while (*link != i) link = &o->props[*link].hnext;
    *link = p->hnext;
  }
  p->flags = LLRT_P_DELETED;
  p->key = p->val = p->setter = LLRT_UNDEF;
  o->ndeleted++;
  (void)S;
  return true;
}

/* ==== Keys ==== */

static bool canonical_index(const char *s, uint32_t n, uint32_t *idx) {
  if (n == 0 || n > 10 || (n > 1 && s[0] == '0')) return false;
  uint64_t v = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (uint64_t)(s[i] - '0');
  }
  if (v >= 0xFFFFFFFFull) return false;
  *idx = (uint32_t)v;
  return true;
}

int llrt__to_key(llrt_state *S, llrt_value v, llrt_value *key, uint32_t *idx) {
  if (LLRT_IS_NUM(v)) {
    double d = llrt_tonum_raw(v);
    if (d >= 0 && d < 4294967295.0 && d == (double)(uint32_t)d) {
      *idx = (uint32_t)d;
      return 1;
    }
  }
  if (LLRT_IS_SYM(v)) {
    *key = v;
    return 0;
  }
  if (!LLRT_IS_STR(v)) {
    v = llrt__to_string(S, v);
    if (v == LLRT_EXC) return -1;
  }
  llrt_str *s = LLRT_STR(v);
  if (canonical_index(s->data, s->len, idx)) return 1;
  *key = llrt__intern_value(S, v);
  return *key == LLRT_EXC ? -1 : 0;
}

static llrt_value index_key(llrt_state *S, uint32_t i) {
  char buf[16];
  int n = snprintf(buf, sizeof buf, "%u", i);
  return llrt__intern(S, buf, (size_t)n);
}

/* ==== [[Get]] ==== */

static llrt_value proto_of_primitive(llrt_state *S, llrt_value v) {
  if (LLRT_IS_NUM(v)) return S->proto_number;
  if (LLRT_IS_STR(v)) return S->proto_string;
  if (LLRT_IS_BOOL(v)) return S->proto_boolean;
  if (LLRT_IS_SYM(v)) return S->proto_symbol;
  return LLRT_UNDEF;
}

static llrt_value nullish_read(llrt_state *S, llrt_value obj, llrt_value key) {
  char kb[64] = "?";
  if (LLRT_IS_STR(key)) snprintf(kb, sizeof kb, "%s", LLRT_STR(key)->data);
  return llrt__throw(S, 1, "Cannot read properties of %s (reading '%s')",
                     obj == LLRT_NULL ? "null" : "undefined", kb);
}

/* Looks `key` up from `start` with receiver `recv`. */
static llrt_value get_from(llrt_state *S, llrt_obj *start, llrt_value recv,
                           llrt_value key) {
  llrt_obj *phantom = NULL; /* the first phantom on the chain (phantom.h) */
  for (llrt_obj *o = start; o; o = o->proto) {
    if (__builtin_expect(o->h.flags & LLRT_GCF_PHANTOM, 0) && !phantom) phantom = o;
    if (o->h.tt == LLRT_T_ARRAY && key == S->atoms.length)
      return llrt_num(o->len);
    if (key == S->atoms.length && llrt__is_string_object(o)) /* String objects */
      return llrt_num(LLRT_STR(((llrt_boxed *)o)->prim)->ulen);
    llrt_prop *p = llrt__find_own(o, key);
    if (!p) {
      if (o->h.tt == LLRT_T_CLOSURE) { /* lazy prototype, name, length */
        llrt_value v = llrt__closure_lazy(S, (llrt_closure *)o, key);
        if (v != LLRT_HOLE) return v;
      } else if (o->h.tt == LLRT_T_PROXY) { /* Proxy hook: get trap */
        return llrt__proxy_get(S, o, key, recv);
      }
      continue;
    }
    if (!(p->flags & LLRT_P_ACCESSOR)) return p->val;
    if (p->val == LLRT_UNDEF) return LLRT_UNDEF;
    return llrt__call(S, p->val, recv, 0, NULL);
  }
  return phantom && S->phantoms ? llrt__phantom_get(S, phantom, key) : LLRT_UNDEF;
}

static llrt_value string_char(llrt_state *S, llrt_str *s, uint32_t i);

llrt_value llrt__get(llrt_state *S, llrt_value obj, llrt_value key) {
  if (LLRT_IS_OBJ(obj)) return get_from(S, LLRT_OBJ(obj), obj, key);
  if (LLRT_IS_NULLISH(obj)) return nullish_read(S, obj, key);
  if (LLRT_IS_STR(obj) && key == S->atoms.length)
    return llrt_num(LLRT_STR(obj)->ulen);
  llrt_value proto = proto_of_primitive(S, obj);
  if (!LLRT_IS_OBJ(proto)) return LLRT_UNDEF;
  return get_from(S, LLRT_OBJ(proto), obj, key);
}

llrt_value llrt__get_recv(llrt_state *S, llrt_value obj, llrt_value recv,
                          llrt_value key) {
  if (!LLRT_IS_OBJ(obj)) return llrt__get(S, obj, key);
  return get_from(S, LLRT_OBJ(obj), recv, key);
}

llrt_value llrt__get_index(llrt_state *S, llrt_value obj, uint32_t i) {
  if (LLRT_IS_OBJ(obj)) {
    llrt_obj *o = LLRT_OBJ(obj);
    if (o->elems && i < o->len && o->elems[i] != LLRT_HOLE) return o->elems[i];
    if (o->h.tt == LLRT_T_BOXED && LLRT_IS_STR(((llrt_boxed *)o)->prim)) {
      llrt_str *s = LLRT_STR(((llrt_boxed *)o)->prim);
      if (i < s->ulen) return string_char(S, s, i);
    }
    if (o->h.tt == LLRT_T_ARRAY && !o->nprops && o->proto &&
        o->proto == LLRT_OBJ(S->proto_array) && !o->proto->elems)
      return LLRT_UNDEF; /* the common case: a plain array, out of range */
  } else if (LLRT_IS_STR(obj)) {
    llrt_str *s = LLRT_STR(obj);
    if (i < s->ulen) return string_char(S, s, i);
  }
  if (!llrt__push(S, obj)) return LLRT_EXC;
  llrt_value key = index_key(S, i);
  llrt__popn(S, 1);
  if (key == LLRT_EXC) return key;
  return llrt__get(S, obj, key);
}

llrt_value llrt__get_v(llrt_state *S, llrt_value obj, llrt_value keyv) {
  llrt_value key;
  uint32_t idx;
  if (!llrt__push(S, obj)) return LLRT_EXC;
  int k = llrt__to_key(S, keyv, &key, &idx);
  llrt__popn(S, 1);
  if (k < 0) return LLRT_EXC;
  if (k == 1) return llrt__get_index(S, obj, idx);
  return llrt__get(S, obj, key);
}

llrt_value llrt__get_str(llrt_state *S, llrt_value obj, const char *name) {
  if (!llrt__push(S, obj)) return LLRT_EXC;
  llrt_value key = llrt__intern(S, name, strlen(name));
  llrt__popn(S, 1);
  if (key == LLRT_EXC) return key;
  return llrt__get(S, obj, key);
}

bool llrt__has(llrt_state *S, llrt_value obj, llrt_value key) {
  (void)S;
  for (llrt_obj *o = LLRT_OBJ(obj); o; o = o->proto) {
    if ((o->h.tt == LLRT_T_ARRAY || llrt__is_string_object(o)) && key == S->atoms.length)
      return true;
    if (o->h.tt == LLRT_T_PROXY) /* Proxy hook (a throwing trap: false) */
      return llrt__proxy_has(S, o, key) == LLRT_TRUE;
    if (llrt__find_own(o, key)) return true;
  }
  return false;
}

/* The UTF-16 unit `i` of `s` as a one-unit string (ASCII fast path). */
static llrt_value string_char(llrt_state *S, llrt_str *s, uint32_t i) {
  if (s->ascii) return llrt__intern(S, s->data + i, 1);
  return llrt__str_substring(S, llrt_ptr(s), i, i + 1);
}

/* ==== [[Set]] ==== */

static llrt_value set_length(llrt_state *S, llrt_obj *a, llrt_value v) {
  bool exc = false;
  double d = llrt__to_number(S, v, &exc);
  if (exc) return LLRT_EXC;
  if (d < 0 || d != (double)(uint32_t)d)
    return llrt__throw(S, 2, "Invalid array length");
  uint32_t n = (uint32_t)d;
  if (n > a->len) {
    if (!llrt__elems_reserve(S, a, n)) return LLRT_EXC;
    for (uint32_t i = a->len; i < n; i++) a->elems[i] = LLRT_HOLE;
  }
  a->len = n;
  return v;
}

llrt_value llrt__set(llrt_state *S, llrt_value obj, llrt_value key,
                     llrt_value v) {
  if (!LLRT_IS_OBJ(obj)) {
    if (LLRT_IS_NULLISH(obj)) {
      char kb[64] = "?";
      if (LLRT_IS_STR(key)) snprintf(kb, sizeof kb, "%s", LLRT_STR(key)->data);
      return llrt__throw(S, 1, "Cannot set properties of %s (setting '%s')",
                         obj == LLRT_NULL ? "null" : "undefined", kb);
    }
    S->refused = LLRT_REFUSED_PRIMITIVE;
    return v; /* primitives: ignored (sloppy mode; vm.c throws in strict) */
  }
  llrt_obj *self = LLRT_OBJ(obj);
  if (self->h.tt == LLRT_T_ARRAY && key == S->atoms.length)
    return set_length(S, self, v);
  if (self->h.tt == LLRT_T_PROXY) /* Proxy hook: set trap (sets `refused`) */
    return llrt__proxy_set(S, self, key, v, obj);
  llrt_prop *own = llrt__find_own(self, key);
  if (own && !(own->flags & LLRT_P_ACCESSOR)) {
    if (!(own->flags & LLRT_P_WRITABLE) || self->frozen) {
      S->refused = LLRT_REFUSED_READ_ONLY;
      return v;
    }
    own->val = v;
    llrt_barrier(S, self, v);
    return v;
  }
  /* Inherited setters and read-only properties. */
  for (llrt_obj *o = own ? self : self->proto; o; o = o->proto) {
    llrt_prop *p = o == self ? own : llrt__find_own(o, key);
    if (!p) {
      if (o->h.tt == LLRT_T_PROXY) /* Proxy hook: a proxy on the chain */
        return llrt__proxy_set(S, o, key, v, obj);
      continue;
    }
    if (p->flags & LLRT_P_ACCESSOR) {
      if (p->setter == LLRT_UNDEF) {
        S->refused = LLRT_REFUSED_GETTER_ONLY;
        return v;
      }
      if (!llrt__push(S, v)) return LLRT_EXC;
      llrt_value r = llrt__call(S, p->setter, obj, 1, &S->stack[S->sp - 1]);
      llrt__popn(S, 1);
      S->refused = LLRT_REFUSED_NONE; /* whatever the setter's code did */
      return r == LLRT_EXC ? r : v;
    }
    if (!(p->flags & LLRT_P_WRITABLE)) {
      S->refused = LLRT_REFUSED_READ_ONLY;
      return v;
    }
    break;
  }
  if (!self->extensible) {
    S->refused = LLRT_REFUSED_NOT_EXTENSIBLE;
    return v;
  }
  /* A new own property (an own one returned above): no second lookup. */
  if (!llrt__push(S, v) || !llrt__push(S, key)) return LLRT_EXC;
  llrt_prop *p = add_prop(S, self, key);
  llrt__popn(S, 2);
  if (!p) return LLRT_EXC;
  p->val = v;
  llrt_barrier(S, self, v);
  return v;
}

llrt_value llrt__set_index(llrt_state *S, llrt_value obj, uint32_t i,
                           llrt_value v) {
  if (LLRT_IS_OBJ(obj)) {
    llrt_obj *o = LLRT_OBJ(obj);
    if ((o->h.tt == LLRT_T_ARRAY || o->h.tt == LLRT_T_ARGUMENTS) &&
        !o->frozen) {
      if (i < o->len) {
        o->elems[i] = v;
        llrt_barrier(S, o, v);
        return v;
      }
      if (o->h.tt == LLRT_T_ARRAY && o->extensible &&
          i < o->len + (1u << 20)) {
        if (!llrt__push(S, v)) return LLRT_EXC;
        bool ok = llrt__elems_reserve(S, o, i + 1);
        llrt__popn(S, 1);
        if (!ok) return LLRT_EXC;
        for (uint32_t k = o->len; k < i; k++) o->elems[k] = LLRT_HOLE;
        o->elems[i] = v;
        o->len = i + 1;
        llrt_barrier(S, o, v);
        return v;
      }
    }
  }
  if (!llrt__push(S, obj) || !llrt__push(S, v)) return LLRT_EXC;
  llrt_value key = index_key(S, i);
  llrt__popn(S, 2);
  if (key == LLRT_EXC) return key;
  return llrt__set(S, obj, key, v);
}

llrt_value llrt__set_v(llrt_state *S, llrt_value obj, llrt_value keyv,
                       llrt_value v) {
  llrt_value key;
  uint32_t idx;
  if (!llrt__push(S, obj) || !llrt__push(S, v)) return LLRT_EXC;
  int k = llrt__to_key(S, keyv, &key, &idx);
  llrt__popn(S, 2);
  if (k < 0) return LLRT_EXC;
  if (k == 1) return llrt__set_index(S, obj, idx, v);
  return llrt__set(S, obj, key, v);
}

/* ==== Key order ==== */

static bool is_int_key(llrt_value k) {
  if (!LLRT_IS_STR(k)) return false;
  const llrt_str *s = LLRT_STR(k);
  uint32_t idx;
  return canonical_index(s->data, s->len, &idx);
}

uint32_t *llrt__ordered_props(const llrt_obj *o, uint32_t *n) {
  uint32_t *out = malloc((o->nprops + 1) * sizeof *out), k = 0, ints = 0;
  if (!out) return NULL;
  for (int pass = 0; pass < 2; pass++)
    for (uint32_t i = 0; i < o->nprops; i++) {
      const llrt_prop *p = &o->props[i];
      if ((p->flags & LLRT_P_DELETED) || LLRT_IS_SYM(p->key)) continue;
      if (is_int_key(p->key) != (pass == 0)) continue;
      out[k++] = i;
      if (pass == 0) ints++;
    }
  /* Integer keys ascend (insertion sort: they are usually few). */
  for (uint32_t i = 1; i < ints; i++) {
    uint32_t x = out[i], j = i;
    double xv = strtod(LLRT_STR(o->props[x].key)->data, NULL);
    while (j > 0 && strtod(LLRT_STR(o->props[out[j - 1]].key)->data, NULL) > xv) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = x;
  }
  *n = k;
  return out;
}
