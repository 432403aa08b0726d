/* Collections and weak references: Map, Set (ordered hash tables with O(1)
 * delete), their iterators, WeakMap/WeakSet (ephemeron tables: gc.c settles
 * them), WeakRef, FinalizationRegistry, and Promise with its job queue.
 *
 * Map/Set layout (object.h): entries in insertion order, deleted ones become
 * HOLE keys; `first` skips a deleted prefix so `keys().next()` on an LRU is
 * O(1); a compaction (when deleted entries outnumber live ones) rewrites
 * `ents` and fixes up the positions of live iterators, which the map lists
 * weakly. Must never: let an iterator outlive its map's memory (the sweep
 * detaches iterators from a dying map and maps from dying iterators). */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "proxy.h"

/* ==== Hashing of keys (SameValueZero) ==== */

static uint32_t mhash(llrt_value k) {
  if (LLRT_IS_NUM(k)) {
    double d = llrt_tonum_raw(k);
    if (d == 0) d = 0; /* -0 and +0 hash alike */
    uint64_t b;
    memcpy(&b, &d, 8);
    return (uint32_t)((b * 0x9E3779B97F4A7C15ull) >> 32);
  }
  if (LLRT_IS_STR(k)) return llrt__str_hash(LLRT_STR(k));
  return (uint32_t)((k * 0x9E3779B97F4A7C15ull) >> 32);
}

static int map_tt(llrt_value v) { return llrt_tt(v); }

static uint32_t map_find(llrt_map *m, llrt_value k) {
  if (!m->hidx) return UINT32_MAX;
  for (uint32_t i = m->hidx[mhash(k) & (m->hcap - 1)]; i != UINT32_MAX; i = m->ents[i].hnext)
    if (m->ents[i].key != LLRT_HOLE && llrt__same_value_zero(m->ents[i].key, k)) return i;
  return UINT32_MAX;
}

static bool map_rehash(llrt_state *S, llrt_map *m, uint32_t hcap) {
  int tt = m->o.h.tt;
  uint32_t *h = llrt__mem_alloc(S, tt, hcap * sizeof *h);
  if (!h) return false;
  memset(h, 0xff, hcap * sizeof *h);
  for (uint32_t i = 0; i < m->nents; i++) {
    if (m->ents[i].key == LLRT_HOLE) continue;
    uint32_t b = mhash(m->ents[i].key) & (hcap - 1);
    m->ents[i].hnext = h[b];
    h[b] = i;
  }
  llrt__mem_free(S, tt, m->hidx, m->hcap * sizeof *m->hidx);
  m->hidx = h;
  m->hcap = hcap;
  return true;
}

/* Drops deleted entries; live iterators move to the new positions. */
static bool map_compact(llrt_state *S, llrt_map *m) {
  /* live[i]: live entries before index i, the new position of index i. */
  uint32_t *live = m->niters ? malloc((m->nents + 1) * sizeof *live) : NULL;
  if (m->niters && !live) return false;
  uint32_t k = 0;
  for (uint32_t i = 0; i < m->nents; i++) {
    if (live) live[i] = k;
    if (m->ents[i].key != LLRT_HOLE) m->ents[k++] = m->ents[i];
  }
  if (live) live[m->nents] = k;
  for (uint32_t t = 0; t < m->niters; t++) {
    uint32_t p = m->iters[t]->pos;
    m->iters[t]->pos = p > m->nents ? k : live[p];
  }
  free(live);
  m->nents = k;
  m->first = 0;
  m->epoch++;
  return map_rehash(S, m, m->hcap ? m->hcap : 8);
}

static bool map_set(llrt_state *S, llrt_map *m, llrt_value k, llrt_value v) {
  if (LLRT_IS_NUM(k) && llrt_tonum_raw(k) == 0) k = llrt_num(0);
  uint32_t i = map_find(m, k);
  if (i != UINT32_MAX) {
    m->ents[i].val = v;
    llrt_barrier(S, m, v);
    return true;
  }
  int tt = m->o.h.tt;
  if (m->nents == m->ecap) {
    if (m->nents - m->count > m->count && m->nents > 8) {
      if (!map_compact(S, m)) return false;
    }
    if (m->nents == m->ecap) {
      uint32_t cap = m->ecap ? m->ecap * 2 : 8;
      llrt_mentry *e = llrt__mem_realloc(S, tt, m->ents, m->ecap * sizeof *e, cap * sizeof *e);
      if (!e) return false;
      m->ents = e;
      m->ecap = cap;
    }
  }
  if (m->nents + 1 > m->hcap / 2 * 1 + m->hcap / 4 || !m->hidx) {
    if (!map_rehash(S, m, m->hcap ? m->hcap * 2 : 16)) return false;
  }
  i = m->nents++;
  m->ents[i].key = k;
  m->ents[i].val = v;
  uint32_t b = mhash(k) & (m->hcap - 1);
  m->ents[i].hnext = m->hidx[b];
  m->hidx[b] = i;
  m->count++;
  llrt_barrier(S, m, k);
  llrt_barrier(S, m, v);
  return true;
}

static bool map_delete(llrt_map *m, llrt_value k) {
  uint32_t i = map_find(m, k);
  if (i == UINT32_MAX) return false;
  uint32_t *link = &m->hidx[mhash(k) & (m->hcap - 1)];
  while (*link != i) link = &m->ents[*link].hnext;
  *link = m->ents[i].hnext;
  m->ents[i].key = LLRT_HOLE;
  m->ents[i].val = LLRT_UNDEF;
  m->count--;
  while (m->first < m->nents && m->ents[m->first].key == LLRT_HOLE) m->first++;
  return true;
}

void llrt__map_free(llrt_state *S, llrt_map *m) {
  int tt = m->o.h.tt;
  for (uint32_t t = 0; t < m->niters; t++) m->iters[t]->map = NULL;
  llrt__mem_free(S, tt, m->ents, m->ecap * sizeof *m->ents);
  llrt__mem_free(S, tt, m->hidx, m->hcap * sizeof *m->hidx);
  llrt__mem_free(S, tt, m->iters, m->itcap * sizeof *m->iters);
}

void llrt__mapiter_detach(llrt_state *S, llrt_mapiter *it) {
  (void)S;
  llrt_map *m = it->map;
  if (!m) return;
  uint32_t t = it->slot;
  if (t < m->niters && m->iters[t] == it) {
    m->iters[t] = m->iters[--m->niters];
    m->iters[t]->slot = t;
  }
  it->map = NULL;
}

/* ==== Map and Set ==== */

static llrt_map *this_map(llrt_state *S, llrt_value v, int tt, const char *what) {
  if (map_tt(v) != tt) {
    llrt__throw(S, 1, "Method %s called on incompatible receiver", what);
    return NULL;
  }
  return (llrt_map *)LLRT_PTR(v);
}

/* magic 0 Map, 1 Set */
NATIVE(map_ctor) {
  (void)data;
  if (this_val != LLRT_HOLE)
    return llrt__throw(S, 1, "Constructor %s requires 'new'", magic ? "Set" : "Map");
  llrt_value proto = llrt__proto_for(S, magic ? S->proto_set : S->proto_map);
  if (proto == LLRT_EXC) return proto;
  llrt_map *m = (llrt_map *)llrt__obj_new(S, magic ? LLRT_T_SET : LLRT_T_MAP, sizeof *m, proto);
  if (!m) return LLRT_EXC;
  llrt_value mv = llrt_ptr(m);
  if (LLRT_IS_NULLISH(ARG(0))) return mv;
  size_t base = S->sp;
  if (!llrt__push(S, mv)) return LLRT_EXC;
  llrt_value it = llrt__get_iterator(S, ARG(0));
  if (it == LLRT_EXC || !llrt__push(S, it)) goto fail;
  for (;;) {
    llrt_value e = llrt__iter_step(S, it);
    if (e == LLRT_EXC) goto fail;
    if (e == LLRT_HOLE) break;
    if (magic) {
      if (!map_set(S, (llrt_map *)LLRT_PTR(mv), e, LLRT_TRUE)) goto fail;
      continue;
    }
    if (!llrt__push(S, e)) goto fail;
    llrt_value k = llrt__get_index(S, e, 0);
    if (k == LLRT_EXC || !llrt__push(S, k)) goto fail;
    llrt_value v = llrt__get_index(S, e, 1);
    if (v == LLRT_EXC || !map_set(S, (llrt_map *)LLRT_PTR(mv), k, v)) goto fail;
    llrt__popn(S, 2);
  }
  S->sp = base;
  return mv;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* Map.groupBy's grouping: -0 is 0, arrays by key in a Map. */
static bool group_into_map(llrt_state *S, llrt_value out, llrt_value k, llrt_value item) {
  llrt_map *m = (llrt_map *)LLRT_PTR(out);
  if (LLRT_IS_NUM(k) && llrt_tonum_raw(k) == 0) k = llrt_num(0);
  uint32_t e = map_find(m, k);
  llrt_value arr = e != UINT32_MAX ? m->ents[e].val : llrt__new_array(S, 0);
  if (arr == LLRT_EXC || !llrt__push(S, arr)) return false;
  bool ok = (e != UINT32_MAX || map_set(S, m, k, arr)) &&
            llrt__array_push(S, LLRT_OBJ(arr), item);
  llrt__popn(S, 1);
  return ok;
}

/* Map.groupBy(items, fn): a Map from each key to the array of its items. */
NATIVE(map_group_by) {
  (void)this_val; (void)magic; (void)data;
  llrt_map *m = (llrt_map *)llrt__obj_new(S, LLRT_T_MAP, sizeof *m, S->proto_map);
  if (!m) return LLRT_EXC;
  return llrt__group_by(S, ARG(0), ARG(1), llrt_ptr(m), group_into_map);
}

/* ==== structuredClone ==== */

/* Throws the DataCloneError of Node (a DOMException there, a TypeError
 * named "DataCloneError" here). */
static llrt_value clone_error(llrt_state *S, llrt_value v) {
  char buf[64];
  llrt__describe(S, v, buf, sizeof buf);
  llrt__throw(S, 1, "%s could not be cloned.", buf);
  llrt_value e = S->exc;
  if (!LLRT_IS_OBJ(e) || !llrt__push(S, e)) return LLRT_EXC;
  llrt_value n = llrt__intern(S, "DataCloneError", 14);
  if (n != LLRT_EXC)
    llrt__define(S, LLRT_OBJ(e), S->atoms.name, n,
                 LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  llrt__popn(S, 1);
  S->exc = e;
  return LLRT_EXC;
}

/* Clones `v`; `memo` (an internal Map, on the value stack) maps every
 * object already cloned to its copy, so cycles and sharing survive. */
static llrt_value clone_value(llrt_state *S, llrt_value memo, llrt_value v,
                              int depth) {
  if (!LLRT_IS_PTR(v) || LLRT_IS_STR(v)) return v;
  if (LLRT_IS_SYM(v) || llrt__is_callable(v)) return clone_error(S, v);
  llrt_map *mm = (llrt_map *)LLRT_PTR(memo);
  uint32_t hit = map_find(mm, v);
  if (hit != UINT32_MAX) return mm->ents[hit].val;
  if (depth > 2000) return llrt__throw(S, 2, "Maximum call stack size exceeded");
  size_t base = S->sp;
  int tt = llrt_tt(v);
  llrt_value out = LLRT_UNDEF;
  if (!llrt__push(S, v)) return LLRT_EXC;
  switch (tt) {
  case LLRT_T_ARRAY: out = llrt__new_array(S, LLRT_OBJ(v)->len); break;
  case LLRT_T_MAP: case LLRT_T_SET: {
    llrt_obj *o = llrt__obj_new(S, tt, sizeof(llrt_map),
                                tt == LLRT_T_MAP ? S->proto_map : S->proto_set);
    out = o ? llrt_ptr(o) : LLRT_EXC;
    break;
  }
  case LLRT_T_DATE: {
    llrt_date *d = (llrt_date *)llrt__obj_new(S, LLRT_T_DATE, sizeof *d, S->proto_date);
    if (d) d->t = ((llrt_date *)LLRT_PTR(v))->t;
    out = d ? llrt_ptr(d) : LLRT_EXC;
    break;
  }
  case LLRT_T_REGEXP: {
    llrt_value R = llrt__get_str(S, S->global, "RegExp");
    out = R == LLRT_EXC ? R : llrt__construct(S, R, 1, &S->stack[base], R);
    break;
  }
  case LLRT_T_BOXED: out = llrt__to_object(S, ((llrt_boxed *)LLRT_PTR(v))->prim); break;
  case LLRT_T_OBJECT: case LLRT_T_ARGUMENTS: case LLRT_T_ERROR:
    out = llrt__new_object(S);
    break;
  default: /* proxies, weak collections, promises, generators, … */
    S->sp = base;
    return clone_error(S, v);
  }
  if (out == LLRT_EXC || !llrt__push(S, out) ||
      !map_set(S, (llrt_map *)LLRT_PTR(memo), v, out))
    goto fail;
  if (tt == LLRT_T_ARRAY) {
    for (uint32_t i = 0; i < LLRT_OBJ(v)->len && i < LLRT_OBJ(out)->len; i++) {
      llrt_value e = LLRT_OBJ(v)->elems[i];
      if (e == LLRT_HOLE) continue;
      llrt_value c = clone_value(S, memo, e, depth + 1);
      if (c == LLRT_EXC) goto fail;
      LLRT_OBJ(out)->elems[i] = c;
      llrt_barrier(S, LLRT_OBJ(out), c);
    }
  } else if (tt == LLRT_T_MAP || tt == LLRT_T_SET) {
    for (uint32_t i = ((llrt_map *)LLRT_PTR(v))->first;
         i < ((llrt_map *)LLRT_PTR(v))->nents; i++) {
      llrt_mentry *en = &((llrt_map *)LLRT_PTR(v))->ents[i];
      if (en->key == LLRT_HOLE) continue;
      llrt_value val = en->val;
      llrt_value k = clone_value(S, memo, en->key, depth + 1);
      if (k == LLRT_EXC || !llrt__push(S, k)) goto fail;
      llrt_value c = tt == LLRT_T_SET ? val : clone_value(S, memo, val, depth + 1);
      if (c == LLRT_EXC || !map_set(S, (llrt_map *)LLRT_PTR(out), k, c)) goto fail;
      llrt__popn(S, 1);
    }
  } else if (tt == LLRT_T_OBJECT || tt == LLRT_T_ARGUMENTS || tt == LLRT_T_ERROR) {
    llrt_value keys = llrt__obj_own_keys(S, v, LLRT_KEYS_ENUM);
    if (keys == LLRT_EXC || !llrt__push(S, keys)) goto fail;
    for (uint32_t i = 0; i < LLRT_OBJ(keys)->len; i++) {
      llrt_value val = llrt__get_v(S, v, LLRT_OBJ(keys)->elems[i]);
      if (val == LLRT_EXC) goto fail;
      llrt_value c = clone_value(S, memo, val, depth + 1);
      if (c == LLRT_EXC ||
          llrt__set_v(S, out, LLRT_OBJ(keys)->elems[i], c) == LLRT_EXC)
        goto fail;
    }
  }
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

NATIVE(structured_clone) {
  (void)this_val; (void)magic; (void)data;
  if (argc < 1) return llrt__throw(S, 1, "The \"value\" argument must be specified");
  size_t base = S->sp;
  llrt_obj *memo = llrt__obj_new(S, LLRT_T_MAP, sizeof(llrt_map), LLRT_NULL);
  if (!memo || !llrt__push(S, llrt_ptr(memo))) return LLRT_EXC;
  llrt_value r = clone_value(S, llrt_ptr(memo), argv[0], 0);
  S->sp = base;
  return r;
}

/* get 0, set 1, has 2, delete 3, clear 4, size 5, add 6 (Set) */
NATIVE(map_op) {
  (void)data;
  int tt = llrt_tt(this_val);
  if (tt != LLRT_T_MAP && tt != LLRT_T_SET)
    return llrt__throw(S, 1, "Map/Set method called on incompatible receiver");
  llrt_map *m = this_map(S, this_val, tt, "");
  llrt_value k = ARG(0);
  switch (magic) {
  case 0: {
    uint32_t i = map_find(m, k);
    return i == UINT32_MAX ? LLRT_UNDEF : m->ents[i].val;
  }
  case 1: return map_set(S, m, k, ARG(1)) ? this_val : LLRT_EXC;
  case 6: return map_set(S, m, k, LLRT_TRUE) ? this_val : LLRT_EXC;
  case 2: return llrt_bool(map_find(m, k) != UINT32_MAX);
  case 3: return llrt_bool(map_delete(m, k));
  case 4:
    for (uint32_t i = m->first; i < m->nents; i++) m->ents[i].key = LLRT_HOLE;
    m->count = 0;
    m->first = m->nents;
    if (m->hidx) memset(m->hidx, 0xff, m->hcap * sizeof *m->hidx);
    return LLRT_UNDEF;
  default: return llrt_num(m->count);
  }
}

llrt_value llrt__new_map_iter(llrt_state *S, llrt_value map, int kind) {
  if (!llrt__push(S, map)) return LLRT_EXC;
  llrt_mapiter *it = (llrt_mapiter *)llrt__obj_new(S, LLRT_T_MAPITER, sizeof *it,
                                                   S->proto_mapiter);
  llrt__popn(S, 1);
  if (!it) return LLRT_EXC;
  llrt_map *m = (llrt_map *)LLRT_PTR(map);
  if (m->niters == m->itcap) {
    uint32_t cap = m->itcap ? m->itcap * 2 : 4;
    llrt_mapiter **a = llrt__mem_realloc(S, m->o.h.tt, m->iters, m->itcap * sizeof *a, cap * sizeof *a);
    if (!a) return LLRT_EXC;
    m->iters = a;
    m->itcap = cap;
  }
  it->slot = m->niters;
  m->iters[m->niters++] = it;
  it->map = m;
  it->pos = m->first;
  it->kind = (uint8_t)kind;
  llrt_barrier_ptr(S, it, m);
  return llrt_ptr(it);
}

/* keys 0, values 1, entries 2 */
NATIVE(map_iter) {
  (void)argc; (void)argv; (void)data;
  int tt = llrt_tt(this_val);
  if (tt != LLRT_T_MAP && tt != LLRT_T_SET)
    return llrt__throw(S, 1, "Map/Set iterator called on incompatible receiver");
  return llrt__new_map_iter(S, this_val, tt == LLRT_T_SET && magic == 0 ? 1 : magic);
}

NATIVE(mapiter_next) {
  UNUSED_NATIVE_ARGS;
  if (llrt_tt(this_val) != LLRT_T_MAPITER) return llrt__throw(S, 1, "not a Map iterator");
  llrt_mapiter *it = (llrt_mapiter *)LLRT_PTR(this_val);
  llrt_map *m = it->map;
  if (!m) return llrt__iter_result(S, LLRT_UNDEF, true);
  if (it->pos < m->first) it->pos = m->first;
  while (it->pos < m->nents && m->ents[it->pos].key == LLRT_HOLE) it->pos++;
  if (it->pos >= m->nents) {
    llrt__mapiter_detach(S, it);
    return llrt__iter_result(S, LLRT_UNDEF, true);
  }
  llrt_mentry e = m->ents[it->pos++];
  bool is_set = m->o.h.tt == LLRT_T_SET;
  if (it->kind == 0) return llrt__iter_result(S, e.key, false);
  if (it->kind == 1) return llrt__iter_result(S, is_set ? e.key : e.val, false);
  if (!llrt__push(S, e.key) || !llrt__push(S, e.val)) return LLRT_EXC;
  llrt_value pair = llrt__new_array(S, 2);
  llrt__popn(S, 2);
  if (pair == LLRT_EXC) return pair;
  LLRT_OBJ(pair)->elems[0] = e.key;
  LLRT_OBJ(pair)->elems[1] = is_set ? e.key : e.val;
  return llrt__iter_result(S, pair, false);
}

NATIVE(map_for_each) {
  (void)magic; (void)data;
  int tt = llrt_tt(this_val);
  if (tt != LLRT_T_MAP && tt != LLRT_T_SET) return llrt__throw(S, 1, "incompatible receiver");
  llrt_value fn = ARG(0);
  if (!llrt__is_callable(fn)) return llrt__throw(S, 1, "callback is not a function");
  llrt_value it = llrt__new_map_iter(S, this_val, 2);
  if (it == LLRT_EXC || !llrt__push(S, it)) return LLRT_EXC;
  llrt_mapiter *mi = (llrt_mapiter *)LLRT_PTR(it);
  for (;;) {
    llrt_map *m = mi->map;
    if (!m) break;
    while (mi->pos < m->nents && m->ents[mi->pos].key == LLRT_HOLE) mi->pos++;
    if (mi->pos >= m->nents) break;
    llrt_mentry e = m->ents[mi->pos++];
    llrt_value args[3] = {tt == LLRT_T_SET ? e.key : e.val, e.key, this_val};
    if (!llrt__push(S, args[0]) || !llrt__push(S, args[1])) { llrt__popn(S, 1); return LLRT_EXC; }
    llrt_value r = llrt__call(S, fn, ARG(1), 3, args);
    llrt__popn(S, 2);
    if (r == LLRT_EXC) { llrt__popn(S, 1); return r; }
  }
  llrt__mapiter_detach(S, mi);
  llrt__popn(S, 1);
  return LLRT_UNDEF;
}

/* ==== WeakMap and WeakSet ==== */

static bool can_be_weak(llrt_value k) {
  return LLRT_IS_OBJ(k) || LLRT_IS_SYM(k);
}

static uint32_t wslot(const llrt_weakmap *w, llrt_value k, bool for_insert) {
  uint32_t cap = w->cap, i = mhash(k) & (cap - 1), tomb = UINT32_MAX;
  for (;;) {
    llrt_value e = w->ents[i].key;
    if (e == LLRT_UNDEF) return for_insert && tomb != UINT32_MAX ? tomb : i;
    if (e == LLRT_HOLE) {
      if (tomb == UINT32_MAX) tomb = i;
    } else if (e == k) {
      return i;
    }
    i = (i + 1) & (cap - 1);
  }
}

static bool wgrow(llrt_state *S, llrt_weakmap *w) {
  uint32_t cap = w->cap ? w->cap : 8;
  while (w->count * 2 + 2 > cap) cap *= 2;
  int tt = w->o.h.tt;
  llrt_wentry *old = w->ents;
  uint32_t oldcap = w->cap;
  llrt_wentry *n = llrt__mem_alloc(S, tt, cap * sizeof *n);
  if (!n) return false;
  for (uint32_t i = 0; i < cap; i++) n[i].key = n[i].val = LLRT_UNDEF;
  w->ents = n;
  w->cap = cap;
  w->used = 0;
  w->count = 0;
  for (uint32_t i = 0; i < oldcap; i++) {
    if (!LLRT_IS_PTR(old[i].key)) continue;
    uint32_t j = wslot(w, old[i].key, true);
    w->ents[j] = old[i];
    w->count++;
    w->used++;
  }
  llrt__mem_free(S, tt, old, oldcap * sizeof *old);
  return true;
}

NATIVE(weak_ctor) {
  (void)data;
  if (this_val != LLRT_HOLE) return llrt__throw(S, 1, "Constructor requires 'new'");
  llrt_value proto = llrt__proto_for(S, magic ? S->proto_weakset : S->proto_weakmap);
  if (proto == LLRT_EXC) return proto;
  llrt_weakmap *w = (llrt_weakmap *)llrt__obj_new(S, magic ? LLRT_T_WEAKSET : LLRT_T_WEAKMAP,
                                                  sizeof *w, proto);
  if (!w) return LLRT_EXC;
  llrt_value wv = llrt_ptr(w);
  if (LLRT_IS_NULLISH(ARG(0))) return wv;
  return llrt__unsupported(S, "WeakMap/WeakSet constructor with entries");
}

/* get 0, set 1, has 2, delete 3, add 4 */
NATIVE(weak_op) {
  (void)data;
  int tt = llrt_tt(this_val);
  if (tt != LLRT_T_WEAKMAP && tt != LLRT_T_WEAKSET)
    return llrt__throw(S, 1, "WeakMap/WeakSet method called on incompatible receiver");
  llrt_weakmap *w = (llrt_weakmap *)LLRT_PTR(this_val);
  llrt_value k = ARG(0);
  if (!can_be_weak(k)) {
    if (magic == 1 || magic == 4) return llrt__throw(S, 1, "Invalid value used as weak map key");
    return magic == 0 ? LLRT_UNDEF : LLRT_FALSE;
  }
  if (magic == 1 || magic == 4) {
    if ((w->used + 1) * 2 > w->cap && !wgrow(S, w)) return LLRT_EXC;
    uint32_t i = wslot(w, k, true);
    if (w->ents[i].key != k) {
      if (w->ents[i].key == LLRT_UNDEF) w->used++;
      w->count++;
    }
    w->ents[i].key = k;
    w->ents[i].val = magic == 4 ? LLRT_TRUE : ARG(1);
    llrt_barrier(S, w, k);
    llrt_barrier(S, w, w->ents[i].val);
    return this_val;
  }
  if (!w->cap) return magic == 0 ? LLRT_UNDEF : LLRT_FALSE;
  uint32_t i = wslot(w, k, false);
  bool found = w->ents[i].key == k;
  switch (magic) {
  case 0: return found ? w->ents[i].val : LLRT_UNDEF;
  case 2: return llrt_bool(found);
  default:
    if (!found) return LLRT_FALSE;
    w->ents[i].key = LLRT_HOLE;
    w->ents[i].val = LLRT_UNDEF;
    w->count--;
    return LLRT_TRUE;
  }
}

/* ==== WeakRef and FinalizationRegistry ==== */

NATIVE(weakref_ctor) {
  (void)magic; (void)data;
  if (this_val != LLRT_HOLE) return llrt__throw(S, 1, "Constructor WeakRef requires 'new'");
  if (!can_be_weak(ARG(0))) return llrt__throw(S, 1, "WeakRef: target must be an object");
  llrt_value proto = llrt__proto_for(S, S->proto_weakref);
  if (proto == LLRT_EXC) return proto;
  llrt_weakref *w = (llrt_weakref *)llrt__obj_new(S, LLRT_T_WEAKREF, sizeof *w, proto);
  if (!w) return LLRT_EXC;
  w->target = ARG(0);
  llrt_barrier(S, w, w->target);
  return llrt_ptr(w);
}

NATIVE(weakref_deref) {
  UNUSED_NATIVE_ARGS;
  if (llrt_tt(this_val) != LLRT_T_WEAKREF) return llrt__throw(S, 1, "not a WeakRef");
  return ((llrt_weakref *)LLRT_PTR(this_val))->target;
}

NATIVE(finreg_ctor) {
  (void)magic; (void)data;
  if (this_val != LLRT_HOLE) return llrt__throw(S, 1, "Constructor FinalizationRegistry requires 'new'");
  if (!llrt__is_callable(ARG(0)))
    return llrt__throw(S, 1, "FinalizationRegistry: cleanup must be callable");
  llrt_value proto = llrt__proto_for(S, S->proto_finreg);
  if (proto == LLRT_EXC) return proto;
  llrt_finreg *r = (llrt_finreg *)llrt__obj_new(S, LLRT_T_FINREG, sizeof *r, proto);
  if (!r) return LLRT_EXC;
  r->cleanup = ARG(0);
  llrt_barrier(S, r, r->cleanup);
  return llrt_ptr(r);
}

/* register 0, unregister 1 */
NATIVE(finreg_op) {
  (void)data;
  if (llrt_tt(this_val) != LLRT_T_FINREG) return llrt__throw(S, 1, "not a FinalizationRegistry");
  llrt_finreg *r = (llrt_finreg *)LLRT_PTR(this_val);
  if (magic == 1) {
    llrt_value tok = ARG(0);
    if (!can_be_weak(tok)) return llrt__throw(S, 1, "Invalid unregisterToken");
    uint32_t k = 0;
    bool any = false;
    for (uint32_t i = 0; i < r->n; i++) {
      if (r->cells[i].token == tok) { any = true; continue; }
      r->cells[k++] = r->cells[i];
    }
    r->n = k;
    return llrt_bool(any);
  }
  llrt_value target = ARG(0), held = ARG(1), tok = ARG(2);
  if (!can_be_weak(target)) return llrt__throw(S, 1, "FinalizationRegistry.register: invalid target");
  if (llrt__strict_eq(target, held))
    return llrt__throw(S, 1, "FinalizationRegistry.register: target and holdings must not be same");
  if (r->n == r->cap) {
    uint32_t cap = r->cap ? r->cap * 2 : 4;
    llrt_fincell *c = llrt__mem_realloc(S, LLRT_T_FINREG, r->cells, r->cap * sizeof *c, cap * sizeof *c);
    if (!c) return LLRT_EXC;
    r->cells = c;
    r->cap = cap;
  }
  r->cells[r->n++] = (llrt_fincell){target, held, can_be_weak(tok) ? tok : LLRT_UNDEF};
  llrt_barrier(S, r, target);
  llrt_barrier(S, r, held);
  llrt_barrier(S, r, tok);
  return LLRT_UNDEF;
}

/* ==== Promise ==== */

static llrt_value promise_settle(llrt_state *S, llrt_value p, int state, llrt_value v);

/* The resolving functions: data[0] the promise, magic 0 resolve, 1 reject.
 * data[1] is a shared "already resolved" cell (an array of one). */
NATIVE(promise_resolver) {
  (void)this_val;
  llrt_value cell = data[1];
  if (LLRT_IS_OBJ(cell)) {
    if (LLRT_OBJ(cell)->elems[0] == LLRT_TRUE) return LLRT_UNDEF;
    LLRT_OBJ(cell)->elems[0] = LLRT_TRUE;
  }
  return promise_settle(S, data[0], magic ? 2 : 1, ARG(0));
}

static bool make_resolvers(llrt_state *S, llrt_value p, llrt_value *res, llrt_value *rej) {
  size_t base = S->sp;
  llrt_value cell = llrt__new_array(S, 1);
  if (cell == LLRT_EXC || !llrt__push(S, cell)) goto fail;
  LLRT_OBJ(cell)->elems[0] = LLRT_FALSE;
  for (int k = 0; k < 2; k++) {
    llrt_value f = llrt__native_new(S, k ? "reject" : "resolve", promise_resolver, 1, k);
    if (f == LLRT_EXC || !llrt__push(S, f)) goto fail;
    ((llrt_native *)LLRT_PTR(f))->data[0] = p;
    ((llrt_native *)LLRT_PTR(f))->data[1] = cell;
    llrt_barrier(S, LLRT_PTR(f), p);
    llrt_barrier(S, LLRT_PTR(f), cell);
  }
  *res = S->stack[base + 1];
  *rej = S->stack[base + 2];
  S->sp = base;
  return true;
fail:
  S->sp = base;
  return false;
}

/* A reaction job: arg = [handler, derived promise, state, value] */
NATIVE(promise_reaction_job) {
  (void)this_val; (void)magic; (void)data; (void)argc;
  llrt_value job = argv[0];
  llrt_obj *j = LLRT_OBJ(job);
  llrt_value handler = j->elems[0], derived = j->elems[1], val = j->elems[3];
  int state = (int)llrt_tonum_raw(j->elems[2]);
  llrt_value r;
  int out_state = 1;
  if (!llrt__is_callable(handler)) {
    r = val;
    out_state = state;
  } else {
    r = llrt__call(S, handler, LLRT_UNDEF, 1, &val);
    if (r == LLRT_EXC) {
      if (S->fatal || S->oom) return r;
      r = S->exc;
      S->exc = LLRT_UNDEF;
      out_state = 2;
    }
  }
  if (!LLRT_IS_OBJ(derived)) return LLRT_UNDEF;
  if (!llrt__push(S, r)) return LLRT_EXC;
  llrt_value x = promise_settle(S, derived, out_state, r);
  llrt__popn(S, 1);
  return x;
}

static bool queue_reaction(llrt_state *S, llrt_value handler, llrt_value derived,
                           int state, llrt_value v) {
  size_t base = S->sp;
  if (!llrt__push(S, handler) || !llrt__push(S, derived) || !llrt__push(S, v)) return false;
  llrt_value job = llrt__new_array(S, 4);
  bool ok = false;
  if (job != LLRT_EXC && llrt__push(S, job)) {
    llrt_obj *j = LLRT_OBJ(job);
    j->elems[0] = handler;
    j->elems[1] = derived;
    j->elems[2] = llrt_num(state);
    j->elems[3] = v;
    llrt_value fn = llrt__get_str(S, S->module_cache, "@@reaction");
    ok = fn != LLRT_EXC && llrt__enqueue_job(S, fn, job);
  }
  S->sp = base;
  return ok;
}

/* Resolves (state 1, following thenables) or rejects (2) promise `p`. */
static llrt_value promise_settle(llrt_state *S, llrt_value p, int state, llrt_value v) {
  llrt_promise *pr = (llrt_promise *)LLRT_PTR(p);
  if (pr->state) return LLRT_UNDEF;
  if (state == 1 && LLRT_IS_OBJ(v)) {
    if (v == p) return promise_settle(S, p, 2, LLRT_UNDEF);
    size_t base = S->sp;
    if (!llrt__push(S, p) || !llrt__push(S, v)) return LLRT_EXC;
    llrt_value then = llrt__get(S, v, S->atoms.then);
    if (then == LLRT_EXC) {
      S->sp = base;
      llrt_value e = S->exc;
      if (S->fatal || S->oom) return LLRT_EXC;
      return promise_settle(S, p, 2, e);
    }
    if (llrt__is_callable(then)) {
      /* NewPromiseResolveThenableJob: call `then` from a job. */
      if (!llrt__push(S, then)) { S->sp = base; return LLRT_EXC; }
      llrt_value job = llrt__new_array(S, 3);
      llrt_value fn = job == LLRT_EXC ? job : llrt__get_str(S, S->module_cache, "@@thenable");
      bool ok = fn != LLRT_EXC;
      if (ok) {
        llrt_obj *j = LLRT_OBJ(job);
        j->elems[0] = S->stack[base + 2];
        j->elems[1] = S->stack[base + 1];
        j->elems[2] = S->stack[base];
        ok = llrt__push(S, job) && llrt__enqueue_job(S, fn, job);
      }
      S->sp = base;
      return ok ? LLRT_UNDEF : LLRT_EXC;
    }
    S->sp = base;
  }
  pr = (llrt_promise *)LLRT_PTR(p);
  pr->state = (uint8_t)state;
  pr->result = v;
  llrt_barrier(S, pr, v);
  llrt_value reactions = pr->reactions;
  pr->reactions = LLRT_UNDEF;
  if (LLRT_IS_OBJ(reactions)) {
    if (!llrt__push(S, reactions)) return LLRT_EXC;
    for (uint32_t i = 0; i + 2 < LLRT_OBJ(reactions)->len; i += 3) {
      llrt_obj *r = LLRT_OBJ(reactions);
      if (!queue_reaction(S, r->elems[i + (state == 1 ? 0 : 1)], r->elems[i + 2], state, v)) {
        llrt__popn(S, 1);
        return LLRT_EXC;
      }
    }
    llrt__popn(S, 1);
  }
  return LLRT_UNDEF;
}

NATIVE(promise_thenable_job) {
  (void)this_val; (void)magic; (void)data; (void)argc;
  llrt_obj *j = LLRT_OBJ(argv[0]);
  llrt_value then = j->elems[0], thenable = j->elems[1], p = j->elems[2];
  llrt_value res, rej;
  size_t base = S->sp;
  if (!make_resolvers(S, p, &res, &rej) || !llrt__push(S, res) || !llrt__push(S, rej)) {
    S->sp = base;
    return LLRT_EXC;
  }
  llrt_value args[2] = {res, rej};
  llrt_value r = llrt__call(S, then, thenable, 2, args);
  if (r == LLRT_EXC && !S->fatal && !S->oom) {
    llrt_value e = S->exc;
    S->exc = LLRT_UNDEF;
    r = llrt__call(S, rej, LLRT_UNDEF, 1, &e);
  }
  S->sp = base;
  return r == LLRT_EXC ? r : LLRT_UNDEF;
}

static llrt_value promise_new(llrt_state *S, llrt_value proto) {
  llrt_promise *p = (llrt_promise *)llrt__obj_new(S, LLRT_T_PROMISE, sizeof *p, proto);
  if (!p) return LLRT_EXC;
  p->result = LLRT_UNDEF;
  p->reactions = LLRT_UNDEF;
  return llrt_ptr(p);
}

NATIVE(promise_ctor) {
  (void)magic; (void)data;
  if (this_val != LLRT_HOLE) return llrt__throw(S, 1, "Promise constructor cannot be invoked without 'new'");
  llrt_value exec = ARG(0);
  if (!llrt__is_callable(exec)) return llrt__throw(S, 1, "Promise resolver is not a function");
  llrt_value proto = llrt__proto_for(S, S->proto_promise);
  if (proto == LLRT_EXC) return proto;
  size_t base = S->sp;
  llrt_value p = promise_new(S, proto);
  llrt_value res, rej;
  if (p == LLRT_EXC || !llrt__push(S, p) || !make_resolvers(S, p, &res, &rej) ||
      !llrt__push(S, res) || !llrt__push(S, rej))
    goto fail;
  llrt_value args[2] = {res, rej};
  llrt_value r = llrt__call(S, exec, LLRT_UNDEF, 2, args);
  if (r == LLRT_EXC) {
    if (S->fatal || S->oom) goto fail;
    llrt_value e = S->exc;
    S->exc = LLRT_UNDEF;
    if (llrt__call(S, rej, LLRT_UNDEF, 1, &e) == LLRT_EXC) goto fail;
  }
  S->sp = base;
  return p;
fail:
  S->sp = base;
  return LLRT_EXC;
}

static llrt_value promise_finally(llrt_state *S, llrt_value p, llrt_value fn);

/* then 0, catch 1, finally 2 (finally passes the value through) */
NATIVE(promise_then) {
  (void)data;
  if (llrt_tt(this_val) != LLRT_T_PROMISE) return llrt__throw(S, 1, "not a promise");
  llrt_value onf = magic == 1 ? LLRT_UNDEF : ARG(0);
  llrt_value onr = magic == 1 ? ARG(0) : magic == 2 ? ARG(0) : ARG(1);
  if (magic == 2) return promise_finally(S, this_val, ARG(0));
  size_t base = S->sp;
  llrt_value derived = promise_new(S, S->proto_promise);
  if (derived == LLRT_EXC || !llrt__push(S, derived)) goto fail;
  llrt_promise *p = (llrt_promise *)LLRT_PTR(this_val);
  p->handled = true;
  if (p->state) {
    if (!queue_reaction(S, p->state == 1 ? onf : onr, derived, p->state, p->result)) goto fail;
  } else {
    if (!LLRT_IS_OBJ(p->reactions)) {
      llrt_value arr = llrt__new_array(S, 0);
      if (arr == LLRT_EXC) goto fail;
      p = (llrt_promise *)LLRT_PTR(this_val);
      p->reactions = arr;
      llrt_barrier(S, p, arr);
    }
    llrt_obj *r = LLRT_OBJ(p->reactions);
    if (!llrt__array_push(S, r, onf) || !llrt__array_push(S, r, onr) ||
        !llrt__array_push(S, r, derived))
      goto fail;
  }
  S->sp = base;
  return derived;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* resolve 0, reject 1 */
NATIVE(promise_static) {
  (void)this_val; (void)data;
  llrt_value v = ARG(0);
  if (magic == 0 && llrt_tt(v) == LLRT_T_PROMISE) return v;
  llrt_value p = promise_new(S, S->proto_promise);
  if (p == LLRT_EXC || !llrt__push(S, p)) return LLRT_EXC;
  llrt_value r = promise_settle(S, p, magic ? 2 : 1, v);
  llrt__popn(S, 1);
  return r == LLRT_EXC ? r : p;
}

bool llrt__promise_with_resolvers(llrt_state *S, llrt_value *p, llrt_value *res,
                                  llrt_value *rej) {
  size_t base = S->sp;
  llrt_value pv = promise_new(S, S->proto_promise);
  if (pv == LLRT_EXC || !llrt__push(S, pv) || !make_resolvers(S, pv, res, rej)) {
    S->sp = base;
    return false;
  }
  /* The caller stores all three before its next allocation. */
  S->sp = base;
  *p = pv;
  return true;
}

/* ==== finally and the combinators ==== */

/* data[0] = onFinally; magic 0 passes a value through, 1 rethrows it. */
NATIVE(finally_step) {
  (void)this_val;
  llrt_value v = ARG(0);
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_value r = llrt__is_callable(data[0]) ? llrt__call(S, data[0], LLRT_UNDEF, 0, NULL) : LLRT_UNDEF;
  llrt__popn(S, 1);
  if (r == LLRT_EXC) return r;
  return magic ? llrt__throw_value(S, v) : v;
}

static llrt_value promise_finally(llrt_state *S, llrt_value p, llrt_value fn) {
  size_t base = S->sp;
  if (!llrt__push(S, p) || !llrt__push(S, fn)) return LLRT_EXC;
  for (int k = 0; k < 2; k++) {
    llrt_value f = llrt__native_new(S, "finally", finally_step, 1, k);
    if (f == LLRT_EXC || !llrt__push(S, f)) { S->sp = base; return LLRT_EXC; }
    ((llrt_native *)LLRT_PTR(f))->data[0] = fn;
  }
  llrt_value args[2] = {S->stack[base + 2], S->stack[base + 3]};
  llrt_value r = promise_then(S, p, 2, args, 0, NULL);
  S->sp = base;
  return r;
}

/* The shared state of one combinator call: [resolve, reject, values,
 * remaining, kind]. kind: 0 all, 1 allSettled, 2 any, 3 race. */
enum { C_RES, C_REJ, C_VALS, C_LEFT, C_KIND };

static llrt_value settled_record(llrt_state *S, bool ok, llrt_value v) {
  if (!llrt__push(S, v)) return LLRT_EXC;
  llrt_value o = llrt__new_object(S);
  bool good = o != LLRT_EXC && llrt__push(S, o);
  if (good) {
    llrt_value st = llrt__str_cstr(S, ok ? "fulfilled" : "rejected");
    good = st != LLRT_EXC &&
           llrt__define(S, LLRT_OBJ(o), S->atoms.status, st, LLRT_P_DEFAULT) &&
           llrt__define(S, LLRT_OBJ(o), ok ? S->atoms.value : S->atoms.reason, v, LLRT_P_DEFAULT);
    llrt__popn(S, 1);
  }
  llrt__popn(S, 1);
  return good ? o : LLRT_EXC;
}

/* One element settled: magic = index * 2 + (1 when rejected). */
NATIVE(combinator_elem) {
  (void)this_val;
  llrt_obj *st = LLRT_OBJ(data[0]);
  uint32_t i = (uint32_t)magic / 2;
  bool rejected = magic & 1;
  int kind = (int)llrt_tonum_raw(st->elems[C_KIND]);
  llrt_value v = ARG(0);
  if (kind == 3) return llrt__call(S, st->elems[rejected ? C_REJ : C_RES], LLRT_UNDEF, 1, &v);
  if (kind == 0 && rejected) return llrt__call(S, st->elems[C_REJ], LLRT_UNDEF, 1, &v);
  if (kind == 2 && !rejected) return llrt__call(S, st->elems[C_RES], LLRT_UNDEF, 1, &v);
  if (kind == 1) {
    v = settled_record(S, !rejected, v);
    if (v == LLRT_EXC) return v;
    st = LLRT_OBJ(data[0]);
  }
  llrt_obj *vals = LLRT_OBJ(st->elems[C_VALS]);
  if (i < vals->len) {
    vals->elems[i] = v;
    llrt_barrier(S, vals, v);
  }
  double left = llrt_tonum_raw(st->elems[C_LEFT]) - 1;
  st->elems[C_LEFT] = llrt_num(left);
  if (left > 0) return LLRT_UNDEF;
  llrt_value out = st->elems[C_VALS];
  if (kind == 2) {
    llrt_value ctor = llrt__get_str(S, S->global, "AggregateError");
    if (ctor == LLRT_EXC || !llrt__push(S, ctor)) return LLRT_EXC;
    llrt_value msg = llrt__str_cstr(S, "All promises were rejected");
    llrt_value args[2] = {out, msg};
    llrt_value e = msg == LLRT_EXC ? msg : llrt__construct(S, ctor, 2, args, ctor);
    llrt__popn(S, 1);
    if (e == LLRT_EXC) return e;
    return llrt__call(S, LLRT_OBJ(data[0])->elems[C_REJ], LLRT_UNDEF, 1, &e);
  }
  return llrt__call(S, st->elems[C_RES], LLRT_UNDEF, 1, &out);
}

/* all 0, allSettled 1, any 2, race 3 */
NATIVE(promise_combinator) {
  (void)this_val; (void)data;
  size_t base = S->sp;
  llrt_value p = promise_new(S, S->proto_promise);
  llrt_value res, rej;
  if (p == LLRT_EXC || !llrt__push(S, p) || !make_resolvers(S, p, &res, &rej) ||
      !llrt__push(S, res) || !llrt__push(S, rej))
    goto fail;
  llrt_value st = llrt__new_array(S, 5);
  if (st == LLRT_EXC || !llrt__push(S, st)) goto fail;
  llrt_value vals = llrt__new_array(S, 0);
  if (vals == LLRT_EXC) goto fail;
  llrt_obj *so = LLRT_OBJ(st);
  so->elems[C_RES] = res;
  so->elems[C_REJ] = rej;
  so->elems[C_VALS] = vals;
  so->elems[C_LEFT] = llrt_num(1); /* one extra, dropped after the loop */
  so->elems[C_KIND] = llrt_num(magic);
  llrt_value it = llrt__get_iterator(S, ARG(0));
  if (it == LLRT_EXC || !llrt__push(S, it)) goto fail;
  for (int i = 0;; i++) {
    llrt_value x = llrt__iter_step(S, it);
    if (x == LLRT_EXC) goto fail;
    if (x == LLRT_HOLE) break;
    if (!llrt__push(S, x)) goto fail;
    llrt_value xp = x;
    if (llrt_tt(x) != LLRT_T_PROMISE) {
      xp = promise_new(S, S->proto_promise);
      if (xp == LLRT_EXC || !llrt__push(S, xp)) goto fail;
      if (promise_settle(S, xp, 1, S->stack[S->sp - 2]) == LLRT_EXC) goto fail;
      llrt__popn(S, 1);
    }
    if (!llrt__push(S, xp)) goto fail;
    if (!llrt__array_push(S, LLRT_OBJ(LLRT_OBJ(st)->elems[C_VALS]), LLRT_UNDEF)) goto fail;
    LLRT_OBJ(st)->elems[C_LEFT] = llrt_num(llrt_tonum_raw(LLRT_OBJ(st)->elems[C_LEFT]) + 1);
    llrt_value fs[2];
    for (int k = 0; k < 2; k++) {
      llrt_value f = llrt__native_new(S, "", combinator_elem, 1, i * 2 + k);
      if (f == LLRT_EXC || !llrt__push(S, f)) goto fail;
      ((llrt_native *)LLRT_PTR(f))->data[0] = st;
      fs[k] = f;
    }
    if (promise_then(S, S->stack[S->sp - 3], 2, fs, 0, NULL) == LLRT_EXC) goto fail;
    llrt__popn(S, 4);
  }
  /* Drop the extra count; an empty input settles now. */
  {
    llrt_obj *s2 = LLRT_OBJ(st);
    double left = llrt_tonum_raw(s2->elems[C_LEFT]) - 1;
    s2->elems[C_LEFT] = llrt_num(left);
    if (left == 0 && magic != 3) {
      llrt_value out = s2->elems[C_VALS];
      if (magic == 2) {
        llrt_value ctor = llrt__get_str(S, S->global, "AggregateError");
        llrt_value args[2] = {out, S->atoms.empty};
        llrt_value e = ctor == LLRT_EXC ? ctor : llrt__construct(S, ctor, 2, args, ctor);
        if (e == LLRT_EXC || llrt__call(S, rej, LLRT_UNDEF, 1, &e) == LLRT_EXC) goto fail;
      } else if (llrt__call(S, res, LLRT_UNDEF, 1, &out) == LLRT_EXC) {
        goto fail;
      }
    }
  }
  S->sp = base;
  return p;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* ==== Setup ==== */


static llrt_value plain_proto(llrt_state *S, llrt_value parent) {
  llrt_obj *o = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), parent);
  return o ? llrt_ptr(o) : LLRT_EXC;
}

static bool getter(llrt_state *S, llrt_value obj, const char *name,
                   llrt_native_fn fn, int magic) {
  llrt_value f = llrt__native_new(S, name, fn, 0, magic);
  if (f == LLRT_EXC || !llrt__push(S, f)) return false;
  llrt_value key = llrt__intern(S, name, strlen(name));
  bool ok = key != LLRT_EXC &&
            llrt__define_accessor(S, LLRT_OBJ(obj), key, f, LLRT_UNDEF, LLRT_P_CONFIGURABLE);
  llrt__popn(S, 1);
  return ok;
}

static bool tag(llrt_state *S, llrt_value proto, const char *name) {
  llrt_value s = llrt__str_cstr(S, name);
  return s != LLRT_EXC &&
         llrt__define(S, LLRT_OBJ(proto), S->sym_to_string_tag, s, LLRT_P_CONFIGURABLE);
}

bool llrt__builtins_coll_init(llrt_state *S) {
  CHECK(S->proto_map = plain_proto(S, S->proto_object));
  CHECK(S->proto_set = plain_proto(S, S->proto_object));
  CHECK(S->proto_mapiter = plain_proto(S, S->proto_iterator));
  CHECK(S->proto_weakmap = plain_proto(S, S->proto_object));
  CHECK(S->proto_weakset = plain_proto(S, S->proto_object));
  CHECK(S->proto_weakref = plain_proto(S, S->proto_object));
  CHECK(S->proto_finreg = plain_proto(S, S->proto_object));
  CHECK(S->proto_promise = plain_proto(S, S->proto_object));
  llrt_value c;
  CHECK(c = llrt__def_ctor(S, "Map", map_ctor, 0, S->proto_map));
  ((llrt_native *)LLRT_PTR(c))->magic = 0;
  FN(c, "groupBy", map_group_by, 2, 0);
  FN(S->global, "structuredClone", structured_clone, 1, 0);
  CHECK(c = llrt__def_ctor(S, "Set", map_ctor, 0, S->proto_set));
  ((llrt_native *)LLRT_PTR(c))->magic = 1;
  llrt_value M = S->proto_map, St = S->proto_set;
  FN(M, "get", map_op, 1, 0);
  FN(M, "set", map_op, 2, 1);
  FN(M, "has", map_op, 1, 2);
  FN(M, "delete", map_op, 1, 3);
  FN(M, "clear", map_op, 0, 4);
  FN(M, "keys", map_iter, 0, 0);
  FN(M, "values", map_iter, 0, 1);
  FN(M, "forEach", map_for_each, 1, 0);
  llrt_value ment = llrt__def_fn(S, M, "entries", map_iter, 0, 2);
  CHECK(ment);
  if (!getter(S, M, "size", map_op, 5) || !tag(S, M, "Map") ||
      !llrt__define(S, LLRT_OBJ(M), S->sym_iterator, ment, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    return false;
  FN(St, "add", map_op, 1, 6);
  FN(St, "has", map_op, 1, 2);
  FN(St, "delete", map_op, 1, 3);
  FN(St, "clear", map_op, 0, 4);
  FN(St, "entries", map_iter, 0, 2);
  FN(St, "forEach", map_for_each, 1, 0);
  llrt_value svals = llrt__def_fn(S, St, "values", map_iter, 0, 1);
  CHECK(svals);
  if (!llrt__def_val(S, St, "keys", svals) || !getter(S, St, "size", map_op, 5) ||
      !tag(S, St, "Set") ||
      !llrt__define(S, LLRT_OBJ(St), S->sym_iterator, svals, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE))
    return false;
  FN(S->proto_mapiter, "next", mapiter_next, 0, 0);
  CHECK(c = llrt__def_ctor(S, "WeakMap", weak_ctor, 0, S->proto_weakmap));
  CHECK(c = llrt__def_ctor(S, "WeakSet", weak_ctor, 0, S->proto_weakset));
  ((llrt_native *)LLRT_PTR(c))->magic = 1;
  FN(S->proto_weakmap, "get", weak_op, 1, 0);
  FN(S->proto_weakmap, "set", weak_op, 2, 1);
  FN(S->proto_weakmap, "has", weak_op, 1, 2);
  FN(S->proto_weakmap, "delete", weak_op, 1, 3);
  FN(S->proto_weakset, "add", weak_op, 1, 4);
  FN(S->proto_weakset, "has", weak_op, 1, 2);
  FN(S->proto_weakset, "delete", weak_op, 1, 3);
  CHECK(c = llrt__def_ctor(S, "WeakRef", weakref_ctor, 1, S->proto_weakref));
  FN(S->proto_weakref, "deref", weakref_deref, 0, 0);
  CHECK(c = llrt__def_ctor(S, "FinalizationRegistry", finreg_ctor, 1, S->proto_finreg));
  FN(S->proto_finreg, "register", finreg_op, 2, 0);
  FN(S->proto_finreg, "unregister", finreg_op, 1, 1);
  CHECK(c = llrt__def_ctor(S, "Promise", promise_ctor, 1, S->proto_promise));
  S->ctor_promise = c;
  FN(c, "resolve", promise_static, 1, 0);
  FN(c, "reject", promise_static, 1, 1);
  FN(c, "all", promise_combinator, 1, 0);
  FN(c, "allSettled", promise_combinator, 1, 1);
  FN(c, "any", promise_combinator, 1, 2);
  FN(c, "race", promise_combinator, 1, 3);
  FN(S->proto_promise, "then", promise_then, 2, 0);
  FN(S->proto_promise, "catch", promise_then, 1, 1);
  FN(S->proto_promise, "finally", promise_then, 1, 2);
  llrt_value job = llrt__native_new(S, "reactionJob", promise_reaction_job, 1, 0);
  CHECK(job);
  if (!llrt__def_val(S, S->module_cache, "@@reaction", job)) return false;
  CHECK(job = llrt__native_new(S, "thenableJob", promise_thenable_job, 1, 0));
  return llrt__def_val(S, S->module_cache, "@@thenable", job);
}
