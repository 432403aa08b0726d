/* Cross-translation-unit summaries: what each externally visible C function
 * does with its arguments and result, keyed by its USR
 * (`clang_getCursorUSR`), shared by the worker threads of one
 * `leaklint check` run.
 *
 * Two phases. While collecting, every analysed file publishes the
 * summaries of its external functions and records which functions it uses
 * without defining them; writers take the mutex. `ll__c_xtu_freeze` ends
 * collecting (the caller joins the workers first, which orders every write
 * before it); from then on the store is read-only and lookups take no
 * lock. A file whose used-but-undefined functions got a summary from
 * another file is analysed again, with those summaries visible
 * (`ll__c_xtu_needs_recheck`). One recheck: a wrapper of a wrapper defined
 * in a third file is seen as far as the first pass summarised it.
 *
 * Must never: hold a libclang object (only strings and flags), or print. */
#include <pthread.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/array.h"
#include "frontend/c/c.h"

typedef struct xtu_entry {
  const char *usr;  /* NULL: an empty bucket */
  const char *path; /* the file that defines it */
  ll_c_xtu_summary sum;
} xtu_entry;

typedef struct xtu_use {
  const char *path;
  const char *usr;
} xtu_use;

struct ll_c_xtu {
  pthread_mutex_t lock;
  ll_arena *arena; /* the strings */
  xtu_entry *table;
  uint32_t cap, len;
  ll_array(xtu_use) uses;
  bool frozen;
  bool oom;
};

static uint32_t hash(const char *s) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

ll_c_xtu *ll__c_xtu_new(void) {
  ll_c_xtu *x = ll_calloc(1, sizeof *x);
  if (!x) return NULL;
  if (!(x->arena = ll_arena_new()) || pthread_mutex_init(&x->lock, NULL)) {
    ll_arena_free(x->arena);
    ll_free(x);
    return NULL;
  }
  return x;
}

void ll__c_xtu_free(ll_c_xtu *x) {
  if (!x) return;
  pthread_mutex_destroy(&x->lock);
  ll_arena_free(x->arena);
  ll_free(x->table);
  ll_array_free(&x->uses);
  ll_free(x);
}

static xtu_entry *find(const ll_c_xtu *x, const char *usr) {
  if (!x->cap) return NULL;
  uint32_t h = hash(usr) & (x->cap - 1);
  for (; x->table[h].usr; h = (h + 1) & (x->cap - 1))
    if (!strcmp(x->table[h].usr, usr)) return &x->table[h];
  return NULL;
}

static bool grow(ll_c_xtu *x) {
  uint32_t cap = x->cap ? x->cap * 2 : 256;
  xtu_entry *t = ll_calloc(cap, sizeof *t);
  if (!t) return false;
  for (uint32_t i = 0; i < x->cap; i++) {
    if (!x->table[i].usr) continue;
    uint32_t h = hash(x->table[i].usr) & (cap - 1);
    while (t[h].usr) h = (h + 1) & (cap - 1);
    t[h] = x->table[i];
  }
  ll_free(x->table);
  x->table = t;
  x->cap = cap;
  return true;
}

void ll__c_xtu_publish(ll_c_xtu *x, const char *path, const char *usr,
                       const ll_c_xtu_summary *s) {
  if (!x || !usr || !*usr) return;
  pthread_mutex_lock(&x->lock);
  if (x->frozen || find(x, usr)) goto out; /* the first definition wins */
  if ((x->len + 1) * 2 > x->cap && !grow(x)) {
    x->oom = true;
    goto out;
  }
  xtu_entry e = {ll_arena_strdup(x->arena, usr), ll_arena_strdup(x->arena, path),
                 *s};
  if (!e.usr || !e.path) {
    x->oom = true;
    goto out;
  }
  uint32_t h = hash(usr) & (x->cap - 1);
  while (x->table[h].usr) h = (h + 1) & (x->cap - 1);
  x->table[h] = e;
  x->len++;
out:
  pthread_mutex_unlock(&x->lock);
}

void ll__c_xtu_use(ll_c_xtu *x, const char *path, const char *usr) {
  if (!x || !usr || !*usr) return;
  pthread_mutex_lock(&x->lock);
  if (!x->frozen) {
    xtu_use u = {ll_arena_strdup(x->arena, path), ll_arena_strdup(x->arena, usr)};
    if (!u.path || !u.usr || !ll_array_push(&x->uses, u)) x->oom = true;
  }
  pthread_mutex_unlock(&x->lock);
}

void ll__c_xtu_freeze(ll_c_xtu *x) {
  if (!x) return;
  pthread_mutex_lock(&x->lock);
  x->frozen = true;
  pthread_mutex_unlock(&x->lock);
}

bool ll__c_xtu_frozen(const ll_c_xtu *x) { return x && x->frozen; }

const ll_c_xtu_summary *ll__c_xtu_lookup(const ll_c_xtu *x, const char *path,
                                         const char *usr) {
  if (!x || !x->frozen || !usr) return NULL;
  const xtu_entry *e = find(x, usr);
  return e && strcmp(e->path, path) ? &e->sum : NULL;
}

bool ll__c_xtu_needs_recheck(const ll_c_xtu *x, const char *path) {
  if (!x || !x->frozen) return false;
  for (uint32_t i = 0; i < x->uses.len; i++)
    if (!strcmp(x->uses.items[i].path, path) &&
        ll__c_xtu_lookup(x, path, x->uses.items[i].usr))
      return true;
  return false;
}
