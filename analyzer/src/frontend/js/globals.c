/* Known globals. Each environment's names come from an embedded text file
 * (one name per line, `#` comments). A set per combination of environments
 * is built on first use under a mutex and then only read; its strings point
 * into the embedded data, so nothing is copied. */
#include "frontend/js/globals.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "base/alloc.h"
#include "engine/embedded.h"
#include "leaklint/leaklint.h"

typedef struct entry {
  const char *name;
  uint32_t len;
} entry;

struct ll_name_set {
  entry *slots;
  uint32_t mask;
};

enum { ENV_COMBOS = 16 };
static const ll_name_set *sets[ENV_COMBOS];
static pthread_mutex_t sets_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void insert(ll_name_set *set, const char *name, uint32_t len) {
  uint32_t i = hash(name, len) & set->mask;
  while (set->slots[i].name) {
    if (set->slots[i].len == len && memcmp(set->slots[i].name, name, len) == 0)
      return;
    i = (i + 1) & set->mask;
  }
  set->slots[i].name = name;
  set->slots[i].len = len;
}

/* Calls `fn` on every name of an embedded list. */
static size_t each_name(const char *path, ll_name_set *set) {
  const ll_embedded_file *f = ll__embedded_find(path);
  if (!f) return 0;
  size_t count = 0;
  const char *p = f->data, *end = f->data + f->size;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    const char *a = p, *b = eol;
    while (a < b && (*a == ' ' || *a == '\t')) a++;
    for (const char *q = a; q < b; q++)
      if (*q == '#') {
        b = q; /* a comment runs to the end of the line */
        break;
      }
    while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) b--;
    if (b > a) {
      if (set) insert(set, a, (uint32_t)(b - a));
      count++;
    }
    p = eol + 1;
  }
  return count;
}

static const char *files_for(unsigned env, size_t i) {
  const char *all[] = {"rules/globals/es.txt",
                       (env & LL_ENV_NODE) ? "rules/globals/node.txt" : NULL,
                       (env & (LL_ENV_NODE | LL_ENV_COMMONJS))
                           ? "rules/globals/commonjs.txt"
                           : NULL,
                       (env & LL_ENV_BROWSER) ? "rules/globals/browser.txt" : NULL,
                       (env & LL_ENV_WORKER) ? "rules/globals/worker.txt" : NULL};
  return i < 5 ? all[i] : NULL;
}

static ll_name_set *build(unsigned env) {
  size_t total = 0;
  for (size_t i = 0; i < 5; i++)
    if (files_for(env, i)) total += each_name(files_for(env, i), NULL);
  uint32_t cap = 64;
  while (cap < total * 2 + 16) cap *= 2;
  ll_name_set *set = ll_calloc(1, sizeof *set);
  if (!set) return NULL;
  set->slots = ll_calloc(cap, sizeof *set->slots);
  if (!set->slots) {
    ll_free(set);
    return NULL;
  }
  set->mask = cap - 1;
  for (size_t i = 0; i < 5; i++)
    if (files_for(env, i)) each_name(files_for(env, i), set);
  return set;
}

const ll_name_set *ll__globals_for_env(unsigned env) {
  env &= ENV_COMBOS - 1;
  pthread_mutex_lock(&sets_lock);
  if (!sets[env]) sets[env] = build(env);
  const ll_name_set *s = sets[env];
  pthread_mutex_unlock(&sets_lock);
  return s;
}

bool ll__name_set_has(const ll_name_set *s, const char *name, size_t len) {
  if (!s) return false;
  uint32_t i = hash(name, len) & s->mask;
  while (s->slots[i].name) {
    if (s->slots[i].len == len && memcmp(s->slots[i].name, name, len) == 0)
      return true;
    i = (i + 1) & s->mask;
  }
  return false;
}

unsigned ll_env_parse(const char *name) {
  if (strcmp(name, "node") == 0) return LL_ENV_NODE;
  if (strcmp(name, "browser") == 0) return LL_ENV_BROWSER;
  if (strcmp(name, "worker") == 0) return LL_ENV_WORKER;
  if (strcmp(name, "commonjs") == 0) return LL_ENV_COMMONJS;
  return 0;
}
