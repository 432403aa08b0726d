/* The resource dataflow of one C function.
 *
 * Every acquisition site of the function (a call the model or a summary
 * says returns or stores a new resource) is one abstract resource, and so
 * is every parameter (a pseudo-resource, only watched for summaries). The
 * state at a program point maps
 *   - each resource to the set of states it may be in: null (the acquire
 *     failed, or a check showed it null), owned, released, escaped, or
 *     realloc-pending; plus whether a libuv loop holds it;
 *   - each slot (a local variable or parameter, or a one-level field
 *     `v->f` / `v.f` of one) to the set of resources it may point to;
 *   - each resource to the resource that owns it (stored in its field).
 * Joins are unions, so the analysis is a may-analysis over a finite lattice
 * and the worklist ends. Conditions refine: on the edge where `p` is null,
 * only p's null state survives, and an edge whose resource has no state
 * left is not taken (`if (!p) return -1;` leaks nothing).
 *
 * A resource leaks when it may be owned where a `return` leaves the
 * function or control reaches its closing brace, when the only slot that
 * points to it is overwritten, when the acquiring call's result is dropped,
 * when its owning struct is freed first, or (`p = realloc(p, n)`) when a
 * failing realloc would lose it. Escapes end tracking: returned, stored
 * into a global, a static, a field of a parameter or of an escaped object,
 * through a pointer (`*out = p`), or passed to a function that keeps it
 * (its summary, or any unknown function unless c.unknownCalls is borrow).
 *
 * Ownership by struct field: a resource stored into a field of a struct
 * pointer is recorded (`f->field_stores`, first store per struct type and
 * field). In a field pass (tu.c) each function taking a pointer to such a
 * struct runs again with a pseudo-resource per stored field of the
 * parameter, owned and possibly null at entry; where the parameter may have
 * been released and the field's resource was owned when the struct was
 * freed (or on every path) at an exit, the function is the release function
 * that forgets the field (LL_C_LEAK_FIELD). Freeing a libuv handle field is
 * not closing it.
 *
 * Must never: report a leak for a parameter, or keep cursors past the
 * translation unit. Memory: the scratch arena and `ll_malloc`ed arrays
 * freed before returning. */
#include "frontend/c/flow.h"

#include <string.h>

enum {
  M_NUL = 1,   /* null / invalid (-1 for descriptors) */
  M_OWN = 2,   /* owned by this function */
  M_REL = 4,   /* released */
  M_ESC = 8,   /* escaped: someone else owns it now */
  M_RPEND = 16, /* passed to realloc whose result is not checked yet */
  M_UVH = 32,  /* registered with a libuv loop (uv_*_init) */
};
enum { MAXRES = 64, MAXSLOTS = 1024 };

typedef uint64_t rset;

typedef struct resource {
  CXCursor site;        /* the acquiring call, or a null cursor (params) */
  int pair;             /* model pair, -1 for parameters */
  int param;            /* parameter index, or -1 */
  const char *acquire;  /* the acquiring function */
  const char *var;      /* the first slot that held it */
  uint32_t start, end;  /* the site's bytes */
  rset realloc_of;      /* for a realloc result: the old blocks */
  const char *uvtype;   /* the libuv handle type it was initialised as */
  int fstore;           /* a field of a struct parameter (release-function
                           check): its `field_stores` index; -1 otherwise */
  int fslot, fbase;     /* ... its field slot and its parameter's resource */
} resource;

typedef struct slot {
  CXCursor decl;       /* VarDecl/ParmDecl; null for field slots */
  int base;            /* field slots: the variable slot; -1 otherwise */
  const char *name;    /* "p", "s->buf" */
  const char *field;   /* field slots: the field name */
  int param;           /* parameter index, or -1 */
} slot;

typedef struct state {
  bool live;
  uint8_t *mask;   /* [nres] */
  int8_t *owner;   /* [nres]: -1 none */
  int8_t *status;  /* [nslots]: the acquire-out resource whose call result
                      the slot holds, or -1 */
  rset *pts;       /* [nslots] */
} state;

typedef struct fnctx {
  ll_c_file *f;
  CXCursor fn;
  const char *fname;
  ll_array(resource) res;
  ll_array(slot) slots;
  uint32_t *slot_index; /* open addressing: slot + 1, 0 empty */
  uint32_t slot_cap;    /* a power of two, or 0 */
  ll_cfg cfg;
  state *in;       /* per block */
  size_t state_bytes;
  uint8_t *pool;   /* the states' storage */
  /* evaluation */
  state *st;
  bool report;
  int cur_block;
  int fresh;           /* the resource the last acquisition made, or -1 */
  bool fresh_was_owned; /* ... and whether its previous instance was owned */
  bool fresh_was_uvh;   /* ... or held by a libuv loop */
  int realloc_slot;    /* `p` of the last `realloc(p, n)`, or -1 */
  rset realloc_old;
  /* summary facts */
  uint8_t param_exit[LL_C_MAX_PARAMS];
  int returns_pair;
  bool reaches_exit;
  /* the release-function check (f->field_pass) */
  bool field_report;    /* the reporting pass of a field pass */
  rset field_reported;  /* the field pseudo-resources already reported */
  rset field_at_free;   /* ... that may be owned where the struct is freed */
} fnctx;

typedef struct val {
  rset set;    /* resources the value may point to */
  int status;  /* an acquire-out resource whose call returned this, or -1;
                  UV_INIT_STATUS(r): the result of initialising handle r */
} val;

#define UV_INIT_STATUS(r) (-2 - (r))

static const val NOVAL = {0, -1};

/* ==== Small helpers ==== */

static const char *spell(ll_c_file *f, CXCursor c) {
  CXString s = LLC(getCursorSpelling)(c);
  const char *r = ll_arena_strdup(f->scratch, LLC(getCString)(s));
  LLC(disposeString)(s);
  return r;
}

static uint32_t str_hash(const char *s) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Rebuilds the name index of the summaries at twice the size. */
static bool sum_index_grow(ll_c_file *f) {
  uint32_t cap = f->sum_cap ? f->sum_cap * 2 : 256;
  uint32_t *idx = ll_calloc(cap, sizeof *idx);
  if (!idx) return false;
  for (uint32_t i = 0; i < f->sums.len; i++) {
    uint32_t h = str_hash(f->sums.items[i].name) & (cap - 1);
    while (idx[h]) h = (h + 1) & (cap - 1);
    idx[h] = i + 1;
  }
  ll_free(f->sum_index);
  f->sum_index = idx;
  f->sum_cap = cap;
  return true;
}

ll_c_summary *ll__c_summary(ll_c_file *f, const char *name) {
  /* Every call looks its callee up: a hash, since a file such as the
   * SQLite amalgamation has thousands of functions. */
  if ((f->sums.len + 1) * 2 > f->sum_cap && !sum_index_grow(f)) {
    f->oom = true;
    return NULL;
  }
  uint32_t h = str_hash(name) & (f->sum_cap - 1);
  for (; f->sum_index[h]; h = (h + 1) & (f->sum_cap - 1)) {
    ll_c_summary *s = &f->sums.items[f->sum_index[h] - 1];
    if (!strcmp(s->name, name)) return s;
  }
  ll_c_summary s;
  memset(&s, 0, sizeof s);
  s.name = ll_arena_strdup(f->scratch, name);
  s.attr_noreturn = -1;
  s.returns_pair = -1;
  s.fn_index = -1;
  if (!s.name || !ll_array_push(&f->sums, s)) {
    f->oom = true;
    return NULL;
  }
  f->sum_index[h] = f->sums.len;
  return &ll_array_last(&f->sums);
}

const char *ll__c_callee_name(ll_c_file *f, CXCursor call) {
  CXCursor ref = LLC(getCursorReferenced)(call);
  if (LLC(Cursor_isNull)(ref) || LLC(getCursorKind)(ref) != CXCursor_FunctionDecl)
    return NULL;
  return spell(f, ref);
}

typedef struct attr_scan {
  CXTranslationUnit tu;
  bool found;
} attr_scan;

static enum CXChildVisitResult attr_visit(CXCursor c, CXCursor p,
                                          CXClientData d) {
  (void)p;
  attr_scan *a = d;
  if (!LLC(isAttribute)(LLC(getCursorKind)(c))) return CXChildVisit_Continue;
  CXToken *toks = NULL;
  unsigned n = 0;
  LLC(tokenize)(a->tu, LLC(getCursorExtent)(c), &toks, &n);
  for (unsigned i = 0; i < n && !a->found; i++) {
    CXString s = LLC(getTokenSpelling)(a->tu, toks[i]);
    if (strstr(LLC(getCString)(s), "oreturn")) a->found = true;
    LLC(disposeString)(s);
  }
  if (toks) LLC(disposeTokens)(a->tu, toks, n);
  return CXChildVisit_Continue;
}

/* `_Noreturn` or `__attribute__((noreturn))` on any declaration. */
static bool has_noreturn_attr(ll_c_file *f, CXCursor decl) {
  CXType t = LLC(getCursorType)(decl);
  CXString ts = LLC(getTypeSpelling)(t);
  bool found = strstr(LLC(getCString)(ts), "noreturn") != NULL;
  LLC(disposeString)(ts);
  if (found) return true;
  attr_scan a = {f->tu, false};
  LLC(visitChildren)(decl, attr_visit, &a);
  return a.found;
}

bool ll__c_call_noreturn(void *ud, CXCursor call) {
  ll_c_file *f = ud;
  const char *name = ll__c_callee_name(f, call);
  if (!name) return false;
  if (ll__c_model_is_noreturn(f->model, name)) return true;
  ll_c_summary *s = ll__c_summary(f, name);
  if (!s) return false;
  if (s->attr_noreturn < 0)
    s->attr_noreturn =
        has_noreturn_attr(f, LLC(getCursorReferenced)(call)) ? 1 : 0;
  return s->attr_noreturn == 1 || (s->defined && s->noreturn);
}

const char *ll__c_uv_type(ll_c_file *f, CXCursor arg) {
  CXCursor u = ll__c_unwrap(arg);
  CXType t = LLC(getCanonicalType)(LLC(getCursorType)(u));
  if (t.kind != CXType_Pointer) return NULL;
  CXType pt = LLC(getCanonicalType)(LLC(getPointeeType)(t));
  if (pt.kind != CXType_Record) return NULL;
  CXString s = LLC(getTypeSpelling)(pt);
  const char *n = LLC(getCString)(s);
  if (!strncmp(n, "struct ", 7)) n += 7;
  const char *r = ll_arena_strdup(f->scratch, n);
  LLC(disposeString)(s);
  return r;
}

bool ll__c_uv_type_generic(const char *type) {
  return !type || !strcmp(type, "uv_handle_s") || !strcmp(type, "uv_stream_s");
}

/* ==== Constants ==== */

static bool fold(ll_c_file *f, CXCursor c, long long *v, int depth) {
  if (ll__c_int_const(c, v)) return true;
  if (depth > 16) return false;
  CXCursor u = ll__c_unwrap(c);
  CXCursor kid[2];
  long long a, b;
  switch (LLC(getCursorKind)(u)) {
  case CXCursor_DeclRefExpr: {
    CXCursor d = LLC(getCanonicalCursor)(LLC(getCursorReferenced)(u));
    for (uint32_t i = 0; i < f->consts.len; i++)
      if (LLC(equalCursors)(f->consts.items[i].decl, d)) {
        if (f->consts.items[i].written) return false;
        *v = f->consts.items[i].value;
        return true;
      }
    return false;
  }
  case CXCursor_UnaryOperator:
    if (ll__c_kids(u, kid, 1) != 1 || !fold(f, kid[0], &a, depth + 1))
      return false;
    switch (LLC(getCursorUnaryOperatorKind)(u)) {
    case CXUnaryOperator_LNot: *v = !a; return true;
    case CXUnaryOperator_Minus: *v = -a; return true;
    case CXUnaryOperator_Plus: *v = a; return true;
    default: return false;
    }
  case CXCursor_BinaryOperator: {
    if (ll__c_kids(u, kid, 2) != 2) return false;
    enum CXBinaryOperatorKind op = LLC(getCursorBinaryOperatorKind)(u);
    if (!fold(f, kid[0], &a, depth + 1)) return false;
    if (op == CXBinaryOperator_LAnd && !a) return *v = 0, true;
    if (op == CXBinaryOperator_LOr && a) return *v = 1, true;
    if (!fold(f, kid[1], &b, depth + 1)) return false;
    switch (op) {
    case CXBinaryOperator_EQ: *v = a == b; return true;
    case CXBinaryOperator_NE: *v = a != b; return true;
    case CXBinaryOperator_LT: *v = a < b; return true;
    case CXBinaryOperator_GT: *v = a > b; return true;
    case CXBinaryOperator_LE: *v = a <= b; return true;
    case CXBinaryOperator_GE: *v = a >= b; return true;
    case CXBinaryOperator_LAnd:
    case CXBinaryOperator_LOr: *v = b != 0; return true;
    default: return false;
    }
  }
  default:
    return false;
  }
}

bool ll__c_fold(void *ud, CXCursor c, long long *v) {
  return fold(ud, c, v, 0);
}

static uint32_t line_of(fnctx *x, uint32_t off) {
  return ll__text_line_of(x->f->text, off) + 1;
}

/* ==== Slots ==== */

static bool is_local_decl(fnctx *x, CXCursor d) {
  enum CXCursorKind k = LLC(getCursorKind)(d);
  if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl) return false;
  if (k == CXCursor_VarDecl) {
    enum CX_StorageClass sc = LLC(Cursor_getStorageClass)(d);
    if (sc == CX_SC_Static || sc == CX_SC_Extern) return false;
    CXCursor parent = LLC(getCursorSemanticParent)(d);
    if (LLC(getCursorKind)(parent) != CXCursor_FunctionDecl) return false;
  }
  (void)x;
  return true;
}

/* Slots are looked up on every variable reference: by hash, since some
 * functions (SQLite's VDBE loop) have hundreds of them. */
static uint32_t slot_hash(const slot *s) {
  if (s->base < 0) return LLC(hashCursor)(s->decl);
  return (uint32_t)s->base * 2654435761u ^ str_hash(s->field);
}

static bool slot_index_grow(fnctx *x) {
  uint32_t cap = x->slot_cap ? x->slot_cap * 2 : 64;
  uint32_t *idx = ll_calloc(cap, sizeof *idx);
  if (!idx) return false;
  for (uint32_t i = 0; i < x->slots.len; i++) {
    uint32_t h = slot_hash(&x->slots.items[i]) & (cap - 1);
    while (idx[h]) h = (h + 1) & (cap - 1);
    idx[h] = i + 1;
  }
  ll_free(x->slot_index);
  x->slot_index = idx;
  x->slot_cap = cap;
  return true;
}

/* The slot equal to `key`, or -1; `*bucket` gets where to insert it. */
static int slot_find(fnctx *x, const slot *key, uint32_t *bucket) {
  uint32_t h = slot_hash(key) & (x->slot_cap - 1);
  for (; x->slot_index[h]; h = (h + 1) & (x->slot_cap - 1)) {
    const slot *s = &x->slots.items[x->slot_index[h] - 1];
    if (s->base != key->base) continue;
    if (key->base < 0 ? LLC(equalCursors)(s->decl, key->decl)
                      : !strcmp(s->field, key->field))
      return (int)x->slot_index[h] - 1;
  }
  *bucket = h;
  return -1;
}

static int slot_add(fnctx *x, slot s) {
  uint32_t bucket;
  if (!ll_array_push(&x->slots, s)) {
    x->f->oom = true;
    return -1;
  }
  int found = slot_find(x, &s, &bucket);
  (void)found; /* absent: the callers looked */
  x->slot_index[bucket] = x->slots.len;
  return (int)x->slots.len - 1;
}

static int var_slot(fnctx *x, CXCursor decl, bool create) {
  if ((x->slots.len + 1) * 2 > x->slot_cap && !slot_index_grow(x)) {
    x->f->oom = true;
    return -1;
  }
  slot key = {decl, -1, NULL, NULL, -1};
  uint32_t bucket;
  int i = slot_find(x, &key, &bucket);
  if (i >= 0 || !create || x->slots.len >= MAXSLOTS) return i;
  key.name = spell(x->f, decl);
  return slot_add(x, key);
}

static int field_slot(fnctx *x, int base, const char *field, bool arrow,
                      bool create) {
  if (!field) return -1;
  if ((x->slots.len + 1) * 2 > x->slot_cap && !slot_index_grow(x)) {
    x->f->oom = true;
    return -1;
  }
  slot key = {LLC(getNullCursor)(), base, NULL, field, -1};
  uint32_t bucket;
  int i = slot_find(x, &key, &bucket);
  if (i >= 0 || !create || x->slots.len >= MAXSLOTS) return i;
  key.name = ll_arena_printf(x->f->scratch, "%s%s%s", x->slots.items[base].name,
                             arrow ? "->" : ".", field);
  return slot_add(x, key);
}

/* The slot an lvalue/rvalue expression names: a local variable, or one
 * field of one. -1 otherwise. */
static int slot_of(fnctx *x, CXCursor e, bool create) {
  CXCursor u = ll__c_unwrap(e);
  enum CXCursorKind k = LLC(getCursorKind)(u);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor d = LLC(getCursorReferenced)(u);
    if (!is_local_decl(x, d)) return -1;
    return var_slot(x, d, create);
  }
  if (k == CXCursor_MemberRefExpr) {
    CXCursor kid[1];
    if (ll__c_kids(u, kid, 1) != 1) return -1;
    CXCursor base = ll__c_unwrap(kid[0]);
    if (LLC(getCursorKind)(base) != CXCursor_DeclRefExpr) return -1;
    CXCursor d = LLC(getCursorReferenced)(base);
    if (!is_local_decl(x, d)) return -1;
    int b = var_slot(x, d, create);
    if (b < 0) return -1;
    CXType bt = LLC(getCursorType)(d);
    bool arrow = LLC(getCanonicalType)(bt).kind == CXType_Pointer;
    const char *field = spell(x->f, u);
    return field ? field_slot(x, b, field, arrow, create) : -1;
  }
  return -1;
}

/* ==== Resources ==== */

static int site_resource(fnctx *x, CXCursor call) {
  for (uint32_t i = 0; i < x->res.len; i++)
    if (x->res.items[i].param < 0 &&
        LLC(equalRanges)(LLC(getCursorExtent)(x->res.items[i].site),
                          LLC(getCursorExtent)(call)))
      return (int)i;
  return -1;
}

static int add_resource(fnctx *x, CXCursor site, int pair, int param,
                        const char *acquire) {
  if (x->res.len >= MAXRES) return -1;
  resource r;
  memset(&r, 0, sizeof r);
  r.site = site;
  r.pair = pair;
  r.param = param;
  r.acquire = acquire;
  r.fstore = r.fslot = r.fbase = -1;
  if (!LLC(Cursor_isNull)(site)) {
    r.start = ll__c_start(site);
    r.end = ll__c_end(site);
  }
  if (!ll_array_push(&x->res, r)) {
    x->f->oom = true;
    return -1;
  }
  return (int)x->res.len - 1;
}

/* How a call acquires, by the model or a summary; `*pair` gets the pair. */
static ll_c_call_model call_model(fnctx *x, CXCursor call, const char **name) {
  *name = ll__c_callee_name(x->f, call);
  ll_c_call_model m = {LL_C_UNKNOWN, -1, -1};
  if (!*name) return m;
  m = ll__c_model_lookup(x->f->model, *name);
  if (m.role != LL_C_UNKNOWN) return m;
  ll_c_summary *s = ll__c_summary(x->f, *name);
  if (s && s->defined && s->returns_pair >= 0)
    return (ll_c_call_model){LL_C_ACQUIRE, s->returns_pair, -1};
  return m;
}

static enum CXChildVisitResult collect_visit(CXCursor c, CXCursor p,
                                             CXClientData d) {
  (void)p;
  fnctx *x = d;
  enum CXCursorKind k = LLC(getCursorKind)(c);
  if (k == CXCursor_VarDecl && is_local_decl(x, c)) var_slot(x, c, true);
  if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr)
    slot_of(x, c, true);
  if (k == CXCursor_CallExpr) {
    const char *name;
    ll_c_call_model m = call_model(x, c, &name);
    if ((m.role == LL_C_ACQUIRE || m.role == LL_C_ACQUIRE_OUT ||
         m.role == LL_C_REALLOC) &&
        site_resource(x, c) < 0)
      add_resource(x, c, m.pair, -1, name);
  }
  return CXChildVisit_Recurse;
}

/* ==== States ==== */

static void state_bind(fnctx *x, state *s, uint8_t *mem) {
  size_t nr = x->res.len, ns = x->slots.len;
  s->mask = mem;
  s->owner = (int8_t *)(mem + nr);
  s->status = (int8_t *)(mem + 2 * nr);
  size_t off = 2 * nr + ns;
  off = (off + 7) & ~(size_t)7;
  s->pts = (rset *)(mem + off);
}

static size_t state_size(fnctx *x) {
  size_t nr = x->res.len, ns = x->slots.len;
  size_t off = (2 * nr + ns + 7) & ~(size_t)7;
  return off + ns * sizeof(rset);
}

static void state_copy(fnctx *x, state *dst, const state *src) {
  dst->live = src->live;
  memcpy(dst->mask, src->mask, x->state_bytes);
}

/* dst |= src; true when dst changed. */
static bool state_join(fnctx *x, state *dst, const state *src) {
  if (!src->live) return false;
  if (!dst->live) {
    state_copy(x, dst, src);
    return true;
  }
  bool changed = false;
  for (uint32_t r = 0; r < x->res.len; r++) {
    uint8_t m = dst->mask[r] | src->mask[r];
    if (m != dst->mask[r]) dst->mask[r] = m, changed = true;
    if (dst->owner[r] != src->owner[r] && dst->owner[r] < 0 && src->owner[r] >= 0)
      dst->owner[r] = src->owner[r], changed = true;
  }
  for (uint32_t s = 0; s < x->slots.len; s++) {
    rset p = dst->pts[s] | src->pts[s];
    if (p != dst->pts[s]) dst->pts[s] = p, changed = true;
    if (dst->status[s] != src->status[s] && dst->status[s] != -1)
      dst->status[s] = -1, changed = true;
  }
  return changed;
}

/* ==== Leaks ==== */

static void leak(fnctx *x, int r, ll_c_leak_how how, CXCursor at,
                 const char *ctx, const char *detail) {
  if (!x->report || r < 0) return;
  const resource *res = &x->res.items[r];
  if (res->param >= 0 || res->pair < 0) return;
  ll_c_leak l;
  memset(&l, 0, sizeof l);
  l.how = how;
  l.pair = &x->f->model->pairs[res->pair];
  l.acquire = res->acquire;
  l.var = res->var;
  l.function = x->fname;
  l.acq_start = res->start;
  l.acq_end = res->end;
  l.acq_line = line_of(x, res->start);
  if (LLC(Cursor_isNull)(at)) {
    l.at_start = x->cfg.end_offset;
    l.at_end = x->cfg.end_offset + 1;
  } else {
    l.at_start = ll__c_start(at);
    l.at_end = ll__c_end(at);
  }
  l.at_line = line_of(x, l.at_start);
  l.context = ctx;
  l.detail = detail;
  l.fn_index = x->f->cur_fn;
  l.gen = x->f->cur_gen;
  if (!ll_array_push(&x->f->leaks, l)) x->f->oom = true;
}

/* A leak reported under the libuv handle pair (the resource's own pair is
 * heap memory). Nothing when `leak` reported nothing. */
static void uv_leak(fnctx *x, int r, ll_c_leak_how how, CXCursor at,
                    const char *ctx, const char *detail) {
  int uvp = -1;
  for (uint32_t k = 0; k < x->f->model->npairs; k++)
    if (!strcmp(x->f->model->pairs[k].kind, "uv-handle")) uvp = (int)k;
  if (uvp < 0 || !x->report) return;
  size_t before = x->f->leaks.len;
  leak(x, r, how, at, ctx, detail);
  if (x->f->leaks.len > before)
    ll_array_last(&x->f->leaks).pair = &x->f->model->pairs[uvp];
}

/* The field `name` of struct type `rec`, or a null cursor. */
typedef struct field_find {
  const char *name;
  CXCursor found;
} field_find;

static enum CXVisitorResult field_visit(CXCursor c, CXClientData d) {
  field_find *ff = d;
  CXString s = LLC(getCursorSpelling)(c);
  bool hit = !strcmp(LLC(getCString)(s), ff->name);
  LLC(disposeString)(s);
  if (!hit) return CXVisit_Continue;
  ff->found = c;
  return CXVisit_Break;
}

/* `v` (a set of owned resources) is stored into field slot `sl` of what a
 * struct pointer points to: the first such store of each struct type and
 * field is recorded for the release-function check. A field that links to
 * the struct's own type (a list) is not: such chains are freed by loops. */
static void record_store(fnctx *x, const slot *sl, rset v, CXCursor at) {
  ll_c_file *f = x->f;
  if (f->field_pass) return;
  int pair = -1;
  for (uint32_t r = 0; r < x->res.len && pair < 0; r++)
    if ((v & (1ull << r)) && x->res.items[r].param < 0 &&
        x->res.items[r].fstore < 0 && x->res.items[r].pair >= 0 &&
        (x->st->mask[r] & M_OWN))
      pair = x->res.items[r].pair;
  if (pair < 0) return;
  CXType bt = LLC(getCanonicalType)(
      LLC(getCursorType)(x->slots.items[sl->base].decl));
  if (bt.kind != CXType_Pointer) return;
  CXType rt = LLC(getCanonicalType)(LLC(getPointeeType)(bt));
  if (rt.kind != CXType_Record) return;
  CXString ts = LLC(getTypeSpelling)(rt);
  const char *type = ll_arena_strdup(f->scratch, LLC(getCString)(ts));
  LLC(disposeString)(ts);
  if (!type) {
    f->oom = true;
    return;
  }
  for (uint32_t i = 0; i < f->field_stores.len; i++)
    if (!strcmp(f->field_stores.items[i].type, type) &&
        !strcmp(f->field_stores.items[i].field, sl->field))
      return;
  field_find ff = {sl->field, LLC(getNullCursor)()};
  LLC(Type_visitFields)(rt, field_visit, &ff);
  if (LLC(Cursor_isNull)(ff.found)) return;
  CXType ft = LLC(getCanonicalType)(LLC(getCursorType)(ff.found));
  if (ft.kind == CXType_Pointer) {
    CXType pt = LLC(getCanonicalType)(LLC(getPointeeType)(ft));
    if (LLC(equalTypes)(pt, rt)) return;
    if (pt.kind == CXType_Record) {
      CXString ps = LLC(getTypeSpelling)(pt);
      bool uv = !strncmp(LLC(getCString)(ps), "struct uv_", 10);
      LLC(disposeString)(ps);
      for (uint32_t k = 0; uv && k < f->model->npairs; k++)
        if (!strcmp(f->model->pairs[k].kind, "uv-handle")) pair = (int)k;
    }
  }
  ll_c_field_store fs = {type, sl->field, pair, ll__c_start(at), ll__c_end(at), 0};
  fs.line = line_of(x, fs.start);
  if (!ll_array_push(&f->field_stores, fs)) f->oom = true;
}

/* The release-function check, at an exit: the struct parameter may have
 * been freed while its field's resource certainly was not released nor
 * handed off. Reported at the function's name. */
static void field_leak(fnctx *x, int r) {
  const resource *res = &x->res.items[r];
  const ll_c_field_store *fs = &x->f->field_stores.items[res->fstore];
  ll_c_leak l;
  memset(&l, 0, sizeof l);
  l.how = LL_C_LEAK_FIELD;
  l.pair = &x->f->model->pairs[fs->pair];
  l.acquire = fs->field;
  l.var = x->slots.items[res->fslot].name;
  l.function = x->fname;
  l.acq_start = fs->start;
  l.acq_end = fs->end;
  l.acq_line = fs->line;
  CXSourceRange nr = LLC(Cursor_getSpellingNameRange)(x->fn, 0, 0);
  unsigned a = 0, b = 0;
  LLC(getExpansionLocation)(LLC(getRangeStart)(nr), NULL, NULL, NULL, &a);
  LLC(getExpansionLocation)(LLC(getRangeEnd)(nr), NULL, NULL, NULL, &b);
  l.at_start = a;
  l.at_end = b > a ? b : a + 1;
  l.at_line = line_of(x, a);
  int bs = x->slots.items[res->fslot].base;
  l.detail = bs >= 0 ? x->slots.items[bs].name : NULL;
  l.fn_index = x->f->cur_fn;
  l.gen = x->f->cur_gen;
  x->field_reported |= 1ull << r;
  if (!ll_array_push(&x->f->leaks, l)) x->f->oom = true;
}

/* True when no slot but `except` points to `r`. */
static bool sole_holder(fnctx *x, int r, int except) {
  for (uint32_t s = 0; s < x->slots.len; s++)
    if ((int)s != except && (x->st->pts[s] & (1ull << r))) return false;
  return true;
}

/* ==== Effects ==== */

static void escape_set(fnctx *x, rset v, int depth) {
  state *st = x->st;
  for (uint32_t r = 0; r < x->res.len; r++) {
    if (!(v & (1ull << r))) continue;
    uint8_t m = st->mask[r];
    if (m & (M_OWN | M_RPEND)) m = (uint8_t)((m & ~(M_OWN | M_RPEND)) | M_ESC);
    st->mask[r] = m;
    if (x->res.items[r].param >= 0) st->mask[r] |= M_ESC;
    /* What it owns escapes with it. */
    if (depth < 8)
      for (uint32_t c = 0; c < x->res.len; c++)
        if (st->owner[c] == (int8_t)r && (st->mask[c] & M_OWN))
          escape_set(x, 1ull << c, depth + 1);
  }
}

/* Releases every resource of `v`. `deep`: what they own goes too (a
 * summary's destroy function); otherwise what they own leaks here. */
static void release_set(fnctx *x, rset v, bool deep, CXCursor at, int depth) {
  state *st = x->st;
  for (uint32_t r = 0; r < x->res.len; r++) {
    if (!(v & (1ull << r))) continue;
    uint8_t m = st->mask[r];
    if (m & (M_OWN | M_RPEND))
      m = (uint8_t)((m & ~(M_OWN | M_RPEND)) | M_REL);
    if (x->res.items[r].param >= 0) m |= M_REL;
    st->mask[r] = m & (uint8_t)~M_UVH;
    if (depth >= 8) continue;
    for (uint32_t c = 0; c < x->res.len; c++) {
      if (st->owner[c] != (int8_t)r || !(st->mask[c] & M_OWN)) continue;
      /* A field of a struct parameter: judged at the exit. */
      if (!deep && x->res.items[c].fstore >= 0) {
        x->field_at_free |= 1ull << c; /* may still hold it here */
        continue;
      }
      if (deep) {
        release_set(x, 1ull << c, true, at, depth + 1);
      } else {
        const char *owner = x->res.items[r].var;
        leak(x, (int)c, LL_C_LEAK_OWNER_FREED, at, NULL,
             owner ? owner : x->res.items[r].acquire);
        st->mask[c] = (uint8_t)((st->mask[c] & ~M_OWN) | M_ESC);
      }
    }
  }
}

static void name_resources(fnctx *x, rset v, int s) {
  for (uint32_t r = 0; r < x->res.len; r++)
    if ((v & (1ull << r)) && !x->res.items[r].var)
      x->res.items[r].var = x->slots.items[s].name;
}

/* Stores `v` into slot `s` at `at`: what `s` held alone and owned is lost. */
static void assign_slot(fnctx *x, int s, val v, CXCursor at) {
  state *st = x->st;
  rset old = st->pts[s];
  for (uint32_t r = 0; r < x->res.len; r++) {
    if (!(old & (1ull << r))) continue;
    bool same = (v.set & (1ull << r)) != 0;
    if (same && !((int)r == x->fresh && x->fresh_was_owned)) continue;
    if (s == x->realloc_slot && (x->realloc_old & (1ull << r))) {
      /* Reported at the realloc (its result's resource): the old block
       * may be a parameter's. */
      /* Lost only when no other variable still holds it (SQLite's
       * `p = pPrior; p--; p = realloc(p, n)` keeps `pPrior`). */
      if ((st->mask[r] & (M_OWN | M_RPEND)) && sole_holder(x, (int)r, s))
        leak(x, x->fresh, LL_C_LEAK_REALLOC, at, NULL, x->slots.items[s].name);
      st->mask[r] = (uint8_t)((st->mask[r] & ~(M_OWN | M_RPEND)) | M_REL);
      continue;
    }
    /* A handle a loop holds is judged at the exit (uv-handle-leak). */
    if ((int)r == x->fresh ? x->fresh_was_uvh : (st->mask[r] & M_UVH) != 0)
      continue;
    if ((st->mask[r] & M_OWN) && sole_holder(x, (int)r, s) &&
        x->res.items[r].param < 0) {
      leak(x, (int)r, LL_C_LEAK_OVERWRITE, at, NULL, x->slots.items[s].name);
      st->mask[r] = (uint8_t)((st->mask[r] & ~M_OWN) | M_ESC); /* once */
    }
  }
  st->pts[s] = v.set;
  st->status[s] = (int8_t)v.status;
  name_resources(x, v.set, s);
  /* A field of an owned object: the object owns what goes in; a field of
   * a parameter, of an escaped object or of an unknown pointer: escape. */
  const slot *sl = &x->slots.items[s];
  if (sl->base >= 0 && v.set) {
    rset base = st->pts[sl->base];
    bool owned = false, escaped = !base;
    for (uint32_t r = 0; r < x->res.len; r++) {
      if (!(base & (1ull << r))) continue;
      if (x->res.items[r].param >= 0) escaped = true;
      else if (st->mask[r] & M_ESC) escaped = true;
      else if (st->mask[r] & M_OWN) owned = true;
    }
    CXType t = LLC(getCursorType)(x->slots.items[sl->base].decl);
    bool by_value = LLC(getCanonicalType)(t).kind == CXType_Record;
    if (by_value) return; /* a local struct: the field is a local too */
    record_store(x, sl, v.set, at);
    if (escaped || !owned) {
      escape_set(x, v.set, 0);
    } else {
      int owner = -1;
      for (uint32_t r = 0; r < x->res.len && owner < 0; r++)
        if ((base & (1ull << r)) && (st->mask[r] & M_OWN)) owner = (int)r;
      for (uint32_t r = 0; r < x->res.len; r++)
        if (v.set & (1ull << r)) st->owner[r] = (int8_t)owner;
    }
  }
}

static val eval(fnctx *x, CXCursor c);

static void assign(fnctx *x, CXCursor lhs, val v, CXCursor at) {
  int s = slot_of(x, lhs, false);
  if (s >= 0) {
    assign_slot(x, s, v, at);
    return;
  }
  /* A global, a static, `*out`, an array element, a deeper field: the
   * value escapes. The lvalue's own subexpressions still run. */
  CXCursor u = ll__c_unwrap(lhs);
  if (LLC(getCursorKind)(u) != CXCursor_DeclRefExpr) eval(x, u);
  escape_set(x, v.set, 0);
}

static bool is_null_const(CXCursor c) {
  long long v;
  return ll__c_int_const(c, &v) && v == 0;
}

/* An argument passed as `&slot`: returns the slot, or -1. */
static int addr_of_slot(fnctx *x, CXCursor arg) {
  CXCursor u = ll__c_unwrap(arg);
  if (LLC(getCursorKind)(u) != CXCursor_UnaryOperator ||
      LLC(getCursorUnaryOperatorKind)(u) != CXUnaryOperator_AddrOf)
    return -1;
  CXCursor kid[1];
  if (ll__c_kids(u, kid, 1) != 1) return -1;
  return slot_of(x, kid[0], false);
}

/* `&slot` given to a function we know nothing about: what the slot (and
 * its fields) held escapes, and it may hold anything after. */
static void clobber_slot(fnctx *x, int s) {
  escape_set(x, x->st->pts[s], 0);
  x->st->pts[s] = 0;
  x->st->status[s] = -1;
  for (uint32_t i = 0; i < x->slots.len; i++)
    if (x->slots.items[i].base == s) {
      escape_set(x, x->st->pts[i], 0);
      x->st->pts[i] = 0;
    }
}

/* `&c->tcp` or `&c.tcp`: what `c` points to; 0 otherwise. */
static rset embedded_base(fnctx *x, CXCursor arg) {
  CXCursor u = ll__c_unwrap(arg), kid[1];
  if (LLC(getCursorKind)(u) != CXCursor_UnaryOperator ||
      LLC(getCursorUnaryOperatorKind)(u) != CXUnaryOperator_AddrOf ||
      ll__c_kids(u, kid, 1) != 1)
    return 0;
  CXCursor m = ll__c_unwrap(kid[0]);
  if (LLC(getCursorKind)(m) != CXCursor_MemberRefExpr ||
      ll__c_kids(m, kid, 1) != 1)
    return 0;
  int s = slot_of(x, kid[0], false);
  return s >= 0 ? x->st->pts[s] : 0;
}

/* Whether a close callback frees the handle it gets: `free` itself, a
 * function of the file whose summary frees or keeps its first parameter, or
 * one defined elsewhere (assumed to). `*name` gets a file function's name. */
static bool close_cb_frees(fnctx *x, CXCursor cb, const char **name) {
  CXCursor u = ll__c_unwrap(cb);
  if (LLC(getCursorKind)(u) != CXCursor_DeclRefExpr) return true;
  CXCursor d = LLC(getCursorReferenced)(u);
  if (LLC(getCursorKind)(d) != CXCursor_FunctionDecl) return true;
  const char *n = spell(x->f, d);
  if (!n) return true;
  ll_c_call_model m = ll__c_model_lookup(x->f->model, n);
  if (m.role == LL_C_RELEASE) return true;
  ll_c_summary *s = ll__c_summary(x->f, n);
  if (!s || !s->defined) return true;
  *name = s->name;
  return (s->param[0] & (LL_C_P_FREES | LL_C_P_KEEPS)) != 0;
}

static val eval_call(fnctx *x, CXCursor call) {
  const char *name;
  ll_c_call_model m = call_model(x, call, &name);
  int nargs = LLC(Cursor_getNumArguments)(call);
  if (nargs < 0) nargs = 0;
  val out = NOVAL;
  /* A copy: evaluating the arguments may add summaries (and move them). */
  ll_c_summary sumv, *sum = NULL;
  if (m.role == LL_C_UNKNOWN && name) {
    ll_c_summary *s = ll__c_summary(x->f, name);
    if (s && s->defined) sumv = *s, sum = &sumv;
  }
  if (m.role == LL_C_UNKNOWN && !name) {
    /* A call through a pointer: the callee expression runs too. */
    CXCursor kid[1];
    if (ll__c_kids(call, kid, 1) == 1) eval(x, kid[0]);
  }
  x->realloc_slot = -1;
  rset realloc_old = 0, inited = 0;
  for (int i = 0; i < nargs; i++) {
    CXCursor a = LLC(Cursor_getArgument)(call, (unsigned)i);
    switch (m.role) {
    case LL_C_ACQUIRE_OUT:
      if (i == m.arg) continue; /* handled below */
      eval(x, a);
      break;
    case LL_C_RELEASE:
    case LL_C_INIT: {
      val v = eval(x, a);
      if (i != m.arg) break;
      const ll_c_pair *p = &x->f->model->pairs[m.pair];
      if (m.role == LL_C_INIT) {
        const char *type = ll__c_uv_type(x->f, a);
        inited = v.set;
        for (uint32_t r = 0; r < x->res.len; r++)
          if (v.set & (1ull << r)) {
            x->st->mask[r] |= M_UVH;
            if (!x->res.items[r].uvtype) x->res.items[r].uvtype = type;
          }
        break;
      }
      if (!strcmp(p->kind, "uv-handle")) {
        /* uv_close(h, cb): the callback frees h; without one, nothing
         * does. `uv_close(&c->tcp, cb)`: the callback frees `c`, the
         * struct the handle is embedded in. */
        if (!v.set) v.set = embedded_base(x, a);
        CXCursor cb = nargs > 1 ? LLC(Cursor_getArgument)(call, 1)
                                : LLC(getNullCursor)();
        const char *cb_name = NULL;
        bool no_cb = LLC(Cursor_isNull)(cb) || is_null_const(cb) ||
                     !close_cb_frees(x, cb, &cb_name);
        for (uint32_t r = 0; r < x->res.len; r++) {
          if (!(v.set & (1ull << r))) continue;
          if (no_cb && (x->st->mask[r] & M_OWN) && x->res.items[r].param < 0 &&
              x->res.items[r].pair >= 0 &&
              !strcmp(x->f->model->pairs[x->res.items[r].pair].kind, "heap"))
            uv_leak(x, (int)r, LL_C_LEAK_NO_CLOSE_CB, call, NULL, cb_name);
          x->st->mask[r] &= (uint8_t)~M_UVH;
        }
        if (!no_cb) release_set(x, v.set, true, call, 0);
        else escape_set(x, v.set, 0);
        break;
      }
      if (!strcmp(p->kind, "uv-timer")) break; /* uv_timer_stop */
      /* free(h) on a handle a loop still holds. */
      for (uint32_t r = 0; r < x->res.len; r++)
        if ((v.set & (1ull << r)) && (x->st->mask[r] & M_UVH) &&
            (x->st->mask[r] & M_OWN))
          uv_leak(x, (int)r, LL_C_LEAK_NOT_CLOSED, call, NULL, "freed");
      /* A struct's libuv handle field is released by uv_close, not free:
       * the release-function check still finds it open. */
      for (uint32_t r = 0; r < x->res.len; r++)
        if ((v.set & (1ull << r)) && x->res.items[r].fstore >= 0 &&
            !strcmp(x->f->model
                        ->pairs[x->f->field_stores.items[x->res.items[r].fstore].pair]
                        .kind,
                    "uv-handle"))
          v.set &= ~(1ull << r);
      release_set(x, v.set, false, call, 0);
      break;
    }
    case LL_C_REALLOC: {
      val v = eval(x, a);
      if (i == 0) {
        realloc_old = v.set;
        x->realloc_slot = slot_of(x, a, false);
      }
      break;
    }
    case LL_C_ACQUIRE: {
      val v = eval(x, a);
      const ll_c_pair *p = m.pair >= 0 ? &x->f->model->pairs[m.pair] : NULL;
      if (p && p->consumes_arg == i) escape_set(x, v.set, 0);
      break;
    }
    case LL_C_BORROW:
    case LL_C_NORETURN:
    case LL_C_START:
      eval(x, a);
      break;
    case LL_C_UNKNOWN: {
      int s = addr_of_slot(x, a);
      if (s >= 0) {
        /* `&p`: the callee may free, replace or keep what p holds. */
        clobber_slot(x, s);
        break;
      }
      val v = eval(x, a);
      if (sum) {
        uint8_t pf = i < LL_C_MAX_PARAMS ? sum->param[i] : LL_C_P_KEEPS;
        if (pf & LL_C_P_KEEPS) escape_set(x, v.set, 0);
        else if (pf & LL_C_P_FREES) release_set(x, v.set, true, call, 0);
      } else if (!x->f->unknown_borrow) {
        escape_set(x, v.set, 0);
      }
      break;
    }
    }
  }
  x->fresh = -1;
  /* `uv_*_init`'s result: zero when the loop took the handle. */
  for (uint32_t r = 0; inited && r < x->res.len; r++)
    if (inited == 1ull << r) out.status = UV_INIT_STATUS((int)r);
  if (m.role == LL_C_ACQUIRE || m.role == LL_C_REALLOC ||
      m.role == LL_C_ACQUIRE_OUT) {
    int r = site_resource(x, call);
    if (r >= 0) {
      x->fresh = r;
      x->fresh_was_owned = (x->st->mask[r] & M_OWN) != 0;
      x->fresh_was_uvh = (x->st->mask[r] & (M_OWN | M_UVH)) == (M_OWN | M_UVH);
      x->st->mask[r] = M_NUL | M_OWN;
      x->st->owner[r] = -1;
      if (m.role == LL_C_REALLOC) {
        x->res.items[r].realloc_of = realloc_old;
        x->realloc_old = realloc_old;
        for (uint32_t o = 0; o < x->res.len; o++)
          if ((realloc_old & (1ull << o)) && (x->st->mask[o] & M_OWN))
            x->st->mask[o] = (uint8_t)((x->st->mask[o] & ~M_OWN) | M_RPEND);
      }
      if (m.role == LL_C_ACQUIRE_OUT) {
        out.status = r;
        CXCursor a = m.arg < nargs ? LLC(Cursor_getArgument)(call, (unsigned)m.arg)
                                   : LLC(getNullCursor)();
        int s = LLC(Cursor_isNull)(a) ? -1 : addr_of_slot(x, a);
        if (s >= 0) {
          val v = {1ull << r, -1};
          assign_slot(x, s, v, call);
        } else if (!LLC(Cursor_isNull)(a)) {
          eval(x, a);
          escape_set(x, 1ull << r, 0); /* stored somewhere we do not track */
        }
      } else {
        out.set = 1ull << r;
      }
    }
  } else if (m.role == LL_C_ACQUIRE_OUT) {
    CXCursor a = m.arg < nargs ? LLC(Cursor_getArgument)(call, (unsigned)m.arg)
                               : LLC(getNullCursor)();
    if (!LLC(Cursor_isNull)(a)) eval(x, a);
  }
  return out;
}

/* Evaluates an expression for its effects; returns what it points to. */
static val eval(fnctx *x, CXCursor c) {
  enum CXCursorKind k = LLC(getCursorKind)(c);
  CXCursor kid[3];
  unsigned n;
  switch (k) {
  case CXCursor_UnexposedExpr:
  case CXCursor_ParenExpr:
  case CXCursor_CStyleCastExpr: {
    CXCursor u = ll__c_unwrap(c);
    if (LLC(equalCursors)(u, c)) {
      /* An unexposed node we cannot see through: run its children. */
      CXCursor ks[8];
      n = ll__c_kids(c, ks, 8);
      val v = NOVAL;
      for (unsigned i = 0; i < n && i < 8; i++) v = eval(x, ks[i]);
      return v;
    }
    return eval(x, u);
  }
  case CXCursor_DeclRefExpr:
  case CXCursor_MemberRefExpr: {
    int s = slot_of(x, c, false);
    if (s >= 0) return (val){x->st->pts[s], x->st->status[s]};
    if (k == CXCursor_MemberRefExpr && ll__c_kids(c, kid, 1) == 1) eval(x, kid[0]);
    return NOVAL;
  }
  case CXCursor_CallExpr:
    return eval_call(x, c);
  case CXCursor_BinaryOperator: {
    if (ll__c_kids(c, kid, 2) != 2) return NOVAL;
    enum CXBinaryOperatorKind op = LLC(getCursorBinaryOperatorKind)(c);
    if (op == CXBinaryOperator_Assign) {
      val v = eval(x, kid[1]);
      assign(x, kid[0], v, c);
      x->realloc_slot = -1;
      x->fresh = -1;
      return v;
    }
    if (op == CXBinaryOperator_Comma) {
      eval(x, kid[0]);
      return eval(x, kid[1]);
    }
    val a = eval(x, kid[0]);
    val b = eval(x, kid[1]);
    if (op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub)
      return (val){a.set | b.set, -1}; /* pointer arithmetic aliases */
    return NOVAL;
  }
  case CXCursor_CompoundAssignOperator:
    n = ll__c_kids(c, kid, 2);
    for (unsigned i = 0; i < n && i < 2; i++) eval(x, kid[i]);
    return NOVAL;
  case CXCursor_UnaryOperator: {
    if (ll__c_kids(c, kid, 1) != 1) return NOVAL;
    enum CXUnaryOperatorKind op = LLC(getCursorUnaryOperatorKind)(c);
    if (op == CXUnaryOperator_AddrOf) {
      /* `&x->f`: the address of a field of what x points to. */
      eval(x, kid[0]);
      return NOVAL;
    }
    eval(x, kid[0]);
    return NOVAL;
  }
  case CXCursor_ConditionalOperator: {
    if (ll__c_kids(c, kid, 3) != 3) return NOVAL;
    eval(x, kid[0]);
    val a = eval(x, kid[1]);
    val b = eval(x, kid[2]);
    return (val){a.set | b.set, -1};
  }
  case CXCursor_UnaryExpr: /* sizeof, alignof: not evaluated */
    return NOVAL;
  case CXCursor_InitListExpr:
  case CXCursor_CompoundLiteralExpr: {
    CXCursor ks[64];
    n = ll__c_kids(c, ks, 64);
    for (unsigned i = 0; i < n && i < 64; i++) escape_set(x, eval(x, ks[i]).set, 0);
    return NOVAL;
  }
  case CXCursor_ReturnStmt: {
    if (ll__c_kids(c, kid, 1) != 1) return NOVAL;
    val v = eval(x, kid[0]);
    for (uint32_t r = 0; r < x->res.len; r++)
      if ((v.set & (1ull << r)) && x->res.items[r].param < 0 &&
          (x->st->mask[r] & M_OWN) && x->returns_pair < 0)
        x->returns_pair = x->res.items[r].pair;
    escape_set(x, v.set, 0);
    return NOVAL;
  }
  case CXCursor_VarDecl: {
    CXCursor init = LLC(Cursor_getVarDeclInitializer)(c);
    int s = is_local_decl(x, c) ? var_slot(x, c, false) : -1;
    if (LLC(Cursor_isNull)(init)) {
      if (s >= 0) x->st->pts[s] = 0, x->st->status[s] = -1;
      return NOVAL;
    }
    val v = eval(x, init);
    if (s >= 0) assign_slot(x, s, v, c);
    else escape_set(x, v.set, 0); /* a static local */
    x->realloc_slot = -1;
    x->fresh = -1;
    return NOVAL;
  }
  case CXCursor_StmtExpr:
  case CXCursor_GCCAsmStmt:
  case CXCursor_MSAsmStmt:
  case CXCursor_CompoundStmt: {
    /* Rare in leak paths: what goes in escapes. */
    CXCursor ks[32];
    n = ll__c_kids(c, ks, 32);
    for (unsigned i = 0; i < n && i < 32; i++) escape_set(x, eval(x, ks[i]).set, 0);
    return NOVAL;
  }
  default: {
    CXCursor ks[16];
    n = ll__c_kids(c, ks, 16);
    for (unsigned i = 0; i < n && i < 16; i++) eval(x, ks[i]);
    return NOVAL;
  }
  }
}

/* An expression statement that drops an acquiring call's result. */
static void eval_elem(fnctx *x, CXCursor c) {
  x->fresh = -1;
  val v = eval(x, c);
  CXCursor u = ll__c_unwrap(c);
  if (LLC(getCursorKind)(u) == CXCursor_CallExpr && v.set) {
    for (uint32_t r = 0; r < x->res.len; r++)
      if ((v.set & (1ull << r)) && (x->st->mask[r] & M_OWN)) {
        leak(x, (int)r, LL_C_LEAK_DISCARDED, c, NULL, NULL);
        x->st->mask[r] = (uint8_t)((x->st->mask[r] & ~M_OWN) | M_ESC);
      }
  }
}

/* ==== Conditions ==== */

/* Keeps, for the resources of `v`, the states allowed when the value is
 * (`valid`) or is not a valid resource. Returns false when the edge is
 * impossible. */
static bool refine_set(fnctx *x, rset v, bool valid) {
  int count = 0;
  for (uint32_t r = 0; r < x->res.len; r++) count += (v >> r) & 1;
  bool emptied = false;
  for (uint32_t r = 0; r < x->res.len; r++) {
    if (!(v & (1ull << r))) continue;
    uint8_t m = x->st->mask[r];
    uint8_t keep = valid ? (uint8_t)(m & ~M_NUL) : (uint8_t)(m & (M_NUL | M_UVH));
    if (!(keep & ~M_UVH)) {
      if (count == 1) emptied = true;
      continue; /* ambiguous: leave it */
    }
    x->st->mask[r] = keep;
    /* A realloc that succeeded freed the old block; one that failed left it. */
    rset old = x->res.items[r].realloc_of;
    for (uint32_t o = 0; old && o < x->res.len; o++) {
      if (!(old & (1ull << o)) || !(x->st->mask[o] & M_RPEND)) continue;
      uint8_t om = (uint8_t)(x->st->mask[o] & ~M_RPEND);
      x->st->mask[o] = om | (valid ? M_REL : M_OWN);
    }
  }
  return !emptied;
}

/* The resources a condition operand tests: a slot, an assignment, or an
 * acquiring call itself. `*status` tells whether it is a status result. */
static rset test_target(fnctx *x, CXCursor e, bool *status) {
  CXCursor u = ll__c_unwrap(e);
  enum CXCursorKind k = LLC(getCursorKind)(u);
  CXCursor kid[2];
  *status = false;
  if (k == CXCursor_BinaryOperator &&
      LLC(getCursorBinaryOperatorKind)(u) == CXBinaryOperator_Assign &&
      ll__c_kids(u, kid, 2) == 2)
    return test_target(x, kid[0], status);
  int s = slot_of(x, u, false);
  if (s >= 0) {
    if (x->st->status[s] >= 0) {
      *status = true;
      return 1ull << x->st->status[s];
    }
    return x->st->pts[s];
  }
  if (k == CXCursor_CallExpr) {
    int r = site_resource(x, u);
    if (r >= 0) {
      const ll_c_pair *p = x->res.items[r].pair >= 0
                               ? &x->f->model->pairs[x->res.items[r].pair]
                               : NULL;
      *status = p && p->acquire_out && !x->res.items[r].realloc_of &&
                ll__c_model_lookup(x->f->model, x->res.items[r].acquire).role ==
                    LL_C_ACQUIRE_OUT;
      return 1ull << r;
    }
  }
  return 0;
}

/* The handle whose `uv_*_init` result `e` is (a slot holding it, or the
 * call itself), or -1. */
static int uv_init_target(fnctx *x, CXCursor e) {
  CXCursor u = ll__c_unwrap(e);
  CXCursor kid[2];
  if (LLC(getCursorKind)(u) == CXCursor_BinaryOperator &&
      LLC(getCursorBinaryOperatorKind)(u) == CXBinaryOperator_Assign &&
      ll__c_kids(u, kid, 2) == 2)
    return uv_init_target(x, kid[0]);
  int s = slot_of(x, u, false);
  if (s >= 0)
    return x->st->status[s] <= -2 ? -2 - x->st->status[s] : -1;
  if (LLC(getCursorKind)(u) != CXCursor_CallExpr) return -1;
  const char *name = ll__c_callee_name(x->f, u);
  ll_c_call_model m = name ? ll__c_model_lookup(x->f->model, name)
                           : (ll_c_call_model){LL_C_UNKNOWN, -1, -1};
  if (m.role != LL_C_INIT || LLC(Cursor_getNumArguments)(u) <= m.arg)
    return -1;
  s = slot_of(x, LLC(Cursor_getArgument)(u, (unsigned)m.arg), false);
  if (s < 0) return -1;
  for (uint32_t r = 0; r < x->res.len; r++)
    if (x->st->pts[s] == 1ull << r) return (int)r;
  return -1;
}

/* `if (uv_tcp_init(loop, h) != 0)`: on the failing edge the loop does not
 * hold the handle, so freeing it is right. `failed_when` is the truth of
 * the condition that means failure. */
static void refine_uv_init(fnctx *x, int r, bool truth, bool failed_when) {
  if (truth == failed_when) x->st->mask[r] &= (uint8_t)~M_UVH;
}

/* Applies what `cond` being `truth` tells. False: the edge is impossible. */
static bool refine(fnctx *x, CXCursor cond, bool truth) {
  CXCursor u = ll__c_unwrap(cond);
  enum CXCursorKind k = LLC(getCursorKind)(u);
  CXCursor kid[2];
  int uvr = uv_init_target(x, u);
  if (uvr >= 0) {
    refine_uv_init(x, uvr, truth, true); /* `if (uv_idle_init(...))` */
    return true;
  }
  if (k == CXCursor_UnaryOperator &&
      LLC(getCursorUnaryOperatorKind)(u) == CXUnaryOperator_LNot &&
      ll__c_kids(u, kid, 1) == 1)
    return refine(x, kid[0], !truth);
  if (k == CXCursor_BinaryOperator && ll__c_kids(u, kid, 2) == 2) {
    enum CXBinaryOperatorKind op = LLC(getCursorBinaryOperatorKind)(u);
    if (op == CXBinaryOperator_Assign) return refine(x, kid[0], truth);
    long long kv;
    CXCursor var = kid[0];
    bool swapped = false;
    if (!ll__c_int_const(kid[1], &kv)) {
      if (!ll__c_int_const(kid[0], &kv)) return true;
      var = kid[1];
      swapped = true;
    }
    if (swapped) { /* `0 > fd` is `fd < 0` */
      if (op == CXBinaryOperator_LT) op = CXBinaryOperator_GT;
      else if (op == CXBinaryOperator_GT) op = CXBinaryOperator_LT;
      else if (op == CXBinaryOperator_LE) op = CXBinaryOperator_GE;
      else if (op == CXBinaryOperator_GE) op = CXBinaryOperator_LE;
    }
    int uvi = uv_init_target(x, var);
    if (uvi >= 0) {
      if (op == CXBinaryOperator_NE && kv == 0) refine_uv_init(x, uvi, truth, true);
      if (op == CXBinaryOperator_EQ && kv == 0) refine_uv_init(x, uvi, truth, false);
      if (op == CXBinaryOperator_LT && kv == 0) refine_uv_init(x, uvi, truth, true);
      return true;
    }
    bool status;
    rset v = test_target(x, var, &status);
    if (!v) return true;
    /* Which values the test accepts, as valid (created) or not. Pointers
     * and status codes: 0 is null / success. Descriptors: < 0 is invalid. */
    int valid; /* 1: true means valid, 0: true means invalid, -1: unknown */
    switch (op) {
    case CXBinaryOperator_EQ:
      valid = kv == 0 ? (status ? 1 : 0) : kv < 0 ? 0 : -1;
      break;
    case CXBinaryOperator_NE:
      valid = kv == 0 ? (status ? 0 : 1) : kv < 0 ? 1 : -1;
      break;
    case CXBinaryOperator_LT: valid = kv <= 0 ? 0 : -1; break;
    case CXBinaryOperator_LE: valid = kv < 0 ? 0 : -1; break;
    case CXBinaryOperator_GE: valid = kv <= 0 && kv >= -1 ? 1 : -1; break;
    case CXBinaryOperator_GT: valid = kv < 0 && kv >= -1 ? 1 : -1; break;
    default: valid = -1; break;
    }
    if (valid < 0) return true;
    return refine_set(x, v, truth ? valid == 1 : valid == 0);
  }
  bool status;
  rset v = test_target(x, u, &status);
  if (!v) return true;
  /* `if (p)`: non-null is valid; `if (status)`: non-zero is a failure. */
  return refine_set(x, v, status ? !truth : truth);
}

/* ==== The worklist ==== */

/* Whether some code of the file closes handles of `type` (a handle whose
 * type is unknown counts as closed when anything is). */
static bool uv_closed(ll_c_file *f, const char *type) {
  if (f->uv_closed_any || (!type && f->uv_closed.len)) return true;
  for (uint32_t i = 0; type && i < f->uv_closed.len; i++)
    if (!strcmp(f->uv_closed.items[i], type)) return true;
  return false;
}

static void check_exit(fnctx *x, const ll_cblock *b) {
  state *st = x->st;
  x->reaches_exit = true;
  for (uint32_t r = 0; r < x->res.len; r++) {
    const resource *res = &x->res.items[r];
    if (res->fstore >= 0) {
      /* The struct may be freed and the field's resource still owned:
       * owned where the struct was freed (not released after, through an
       * alias), or owned on every path here. */
      uint8_t m = st->mask[r];
      if (x->field_report && !(x->field_reported & (1ull << r)) &&
          (m & M_OWN) && res->fbase >= 0 && (st->mask[res->fbase] & M_REL) &&
          ((x->field_at_free & (1ull << r)) || !(m & (M_REL | M_ESC))))
        field_leak(x, (int)r);
      continue;
    }
    if (res->param >= 0) {
      if (res->param < LL_C_MAX_PARAMS) x->param_exit[res->param] |= st->mask[r];
      continue;
    }
    if (!(st->mask[r] & M_OWN)) continue;
    /* Owned by a struct that is itself owned: the struct is the leak. */
    int o = st->owner[r];
    if (o >= 0 && (st->mask[o] & M_OWN)) continue;
    const ll_c_pair *p = &x->f->model->pairs[res->pair];
    if ((st->mask[r] & M_UVH) && !strcmp(p->kind, "heap")) {
      /* A handle a loop holds: a leak only if nothing in the file ever
       * closes a handle. */
      if (uv_closed(x->f, res->uvtype)) continue;
      uv_leak(x, (int)r, LL_C_LEAK_NOT_CLOSED,
              b->term == LL_CT_RETURN ? b->at : LLC(getNullCursor)(), b->ctx,
              res->uvtype);
      continue;
    }
    leak(x, (int)r, b->term == LL_CT_RETURN ? LL_C_LEAK_RETURN : LL_C_LEAK_END,
         b->term == LL_CT_RETURN ? b->at : LLC(getNullCursor)(), b->ctx, NULL);
  }
}

/* Runs block `i` from its in-state into `tmp`, then pushes to successors. */
static void run_block(fnctx *x, int i, state *tmp, state *edge, int *work,
                      uint8_t *queued, int *nwork) {
  const ll_cblock *b = &x->cfg.blocks.items[i];
  state_copy(x, tmp, &x->in[i]);
  x->st = tmp;
  x->cur_block = i;
  for (uint32_t e = 0; e < b->n; e++) eval_elem(x, x->cfg.elems.items[b->first + e]);
  int succ[2] = {-1, -1};
  switch (b->term) {
  case LL_CT_GOTO:
    succ[0] = b->succ[0];
    break;
  case LL_CT_BRANCH:
    for (int s = 0; s < 2; s++) {
      if (b->succ[s] < 0) continue;
      state_copy(x, edge, tmp);
      x->st = edge;
      bool ok = LLC(Cursor_isNull)(b->cond) || refine(x, b->cond, s == 0);
      x->st = tmp;
      if (ok && state_join(x, &x->in[b->succ[s]], edge) && !queued[b->succ[s]]) {
        queued[b->succ[s]] = 1;
        work[(*nwork)++] = b->succ[s];
      }
    }
    return;
  case LL_CT_RETURN:
  case LL_CT_END:
    check_exit(x, b);
    return;
  case LL_CT_SINK:
    return;
  }
  for (int s = 0; s < 2; s++)
    if (succ[s] >= 0 && state_join(x, &x->in[succ[s]], tmp) && !queued[succ[s]]) {
      queued[succ[s]] = 1;
      work[(*nwork)++] = succ[s];
    }
}

static enum CXChildVisitResult params_visit(CXCursor c, CXCursor p,
                                            CXClientData d) {
  (void)p;
  fnctx *x = d;
  if (LLC(getCursorKind)(c) != CXCursor_ParmDecl) return CXChildVisit_Continue;
  int s = var_slot(x, c, true);
  if (s < 0) return CXChildVisit_Continue;
  int idx = 0;
  for (uint32_t i = 0; i < x->slots.len; i++)
    if (x->slots.items[i].param >= 0) idx++;
  x->slots.items[s].param = idx;
  return CXChildVisit_Continue;
}

/* The release-function check: a pseudo-resource for each field of a struct
 * parameter into which some function of the file stores a resource. */
static void add_field_resources(fnctx *x) {
  ll_c_file *f = x->f;
  uint32_t nslots = x->slots.len;
  for (uint32_t s = 0; s < nslots; s++) {
    if (x->slots.items[s].param < 0 || x->slots.items[s].base >= 0) continue;
    CXType bt = LLC(getCanonicalType)(LLC(getCursorType)(x->slots.items[s].decl));
    if (bt.kind != CXType_Pointer) continue;
    CXType rt = LLC(getCanonicalType)(LLC(getPointeeType)(bt));
    if (rt.kind != CXType_Record) continue;
    CXString ts = LLC(getTypeSpelling)(rt);
    const char *type = LLC(getCString)(ts);
    int base = -1;
    for (uint32_t r = 0; r < x->res.len; r++)
      if (x->res.items[r].param == x->slots.items[s].param) base = (int)r;
    for (uint32_t k = 0; base >= 0 && k < f->field_stores.len; k++) {
      if (strcmp(f->field_stores.items[k].type, type)) continue;
      int fs = field_slot(x, (int)s, f->field_stores.items[k].field, true, true);
      if (fs < 0) continue;
      int r = add_resource(x, LLC(getNullCursor)(), -1, -1, NULL);
      if (r < 0) break;
      x->res.items[r].fstore = (int)k;
      x->res.items[r].fslot = fs;
      x->res.items[r].fbase = base;
    }
    LLC(disposeString)(ts);
  }
}

void ll__c_flow_function(ll_c_file *f, CXCursor fn, bool report) {
  fnctx x;
  memset(&x, 0, sizeof x);
  x.f = f;
  x.fn = fn;
  x.fname = spell(f, fn);
  x.report = report;
  x.fresh = -1;
  x.realloc_slot = -1;
  x.returns_pair = -1;
  if (!x.fname || !ll__c_summary(f, x.fname)) return;

  /* Parameters first (their pseudo-resources), then the body's slots and
   * acquisition sites. */
  LLC(visitChildren)(fn, params_visit, &x);
  for (uint32_t s = 0; s < x.slots.len; s++)
    if (x.slots.items[s].param >= 0 && x.slots.items[s].param < LL_C_MAX_PARAMS)
      add_resource(&x, LLC(getNullCursor)(), -1, x.slots.items[s].param, NULL);
  LLC(visitChildren)(fn, collect_visit, &x);
  if (f->field_pass) add_field_resources(&x);
  if (!ll__cfg_build(&x.cfg, fn, f->text, f->scratch, ll__c_call_noreturn,
                     ll__c_fold, f))
    f->oom = true;
  if (f->oom) goto done;

  uint32_t nb = x.cfg.blocks.len;
  x.state_bytes = state_size(&x);
  size_t per = (x.state_bytes + 7) & ~(size_t)7;
  x.pool = ll_calloc((size_t)nb + 2, per);
  x.in = ll_calloc(nb + 2, sizeof *x.in);
  int *work = ll_calloc((size_t)nb * 2 + 4, sizeof *work);
  uint8_t *queued = ll_calloc(nb + 1, 1);
  if (!x.pool || !x.in || !work || !queued) {
    f->oom = true;
    ll_free(work);
    ll_free(queued);
    goto done;
  }
  for (uint32_t i = 0; i < nb + 2; i++) state_bind(&x, &x.in[i], x.pool + i * per);
  state *tmp = &x.in[nb], *edge = &x.in[nb + 1];
  for (uint32_t i = 0; i < nb + 2; i++) {
    memset(x.in[i].owner, -1, x.res.len);
    memset(x.in[i].status, -1, x.slots.len);
  }
  /* The entry: each parameter points to its pseudo-resource. */
  state *e = &x.in[x.cfg.entry];
  e->live = true;
  for (uint32_t r = 0; r < x.res.len; r++) {
    if (x.res.items[r].param < 0) continue;
    e->mask[r] = M_NUL | M_OWN;
    for (uint32_t s = 0; s < x.slots.len; s++)
      if (x.slots.items[s].param == x.res.items[r].param) e->pts[s] = 1ull << r;
  }
  /* ... and each field of a struct parameter that holds a resource (the
   * release-function check) to its own, owned by the parameter's. */
  for (uint32_t r = 0; r < x.res.len; r++) {
    const resource *res = &x.res.items[r];
    if (res->fstore < 0) continue;
    e->mask[r] = M_NUL | M_OWN;
    e->owner[r] = (int8_t)res->fbase;
    e->pts[res->fslot] = 1ull << r;
  }

  /* Fixpoint without reporting; then one reporting pass over the final
   * in-states, so each leak is seen once. A stack worklist; a block is
   * queued at most once at a time, so the stack never holds more than nb. */
  bool want_report = x.report;
  x.report = false;
  int nwork = 0;
  work[nwork++] = x.cfg.entry;
  queued[x.cfg.entry] = 1;
  size_t steps = 0, limit = (size_t)nb * 64 + 1024;
  while (nwork && steps++ < limit) {
    int i = work[--nwork];
    queued[i] = 0;
    run_block(&x, i, tmp, edge, work, queued, &nwork);
  }
  memset(x.param_exit, 0, sizeof x.param_exit);
  x.reaches_exit = false;
  x.returns_pair = -1;
  x.report = want_report;
  x.field_report = f->field_pass;
  for (uint32_t i = 0; i < nb; i++) {
    if (!x.in[i].live) continue;
    nwork = 0;
    run_block(&x, (int)i, tmp, edge, work, queued, &nwork);
    for (int k = 0; k < nwork; k++) queued[work[k]] = 0;
  }
  ll_free(work);
  ll_free(queued);

  /* The summary (looked up again: the table may have moved). */
  ll_c_summary *sum = ll__c_summary(f, x.fname);
  if (!sum) goto done;
  ll_c_summary ns = *sum;
  ns.defined = true;
  ns.noreturn = !x.reaches_exit;
  ns.returns_pair = x.returns_pair;
  memset(ns.param, 0, sizeof ns.param);
  for (int p = 0; p < LL_C_MAX_PARAMS; p++) {
    if (x.param_exit[p] & M_REL) ns.param[p] |= LL_C_P_FREES;
    if (x.param_exit[p] & M_ESC) ns.param[p] |= LL_C_P_KEEPS;
  }
  if (memcmp(sum, &ns, sizeof ns) != 0) {
    *sum = ns;
    f->changed = true;
  }
done:
  ll__cfg_fini(&x.cfg);
  ll_free(x.pool);
  ll_free(x.in);
  ll_array_free(&x.res);
  ll_array_free(&x.slots);
  ll_free(x.slot_index);
}
