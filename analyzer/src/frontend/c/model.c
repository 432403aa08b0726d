/* The C resource model: rules/resources/c.json (embedded at build time),
 * read once per process into an arena and shared read-only by every worker
 * thread. It says which functions acquire, release, reallocate, borrow or
 * never return; the dataflow (flow.c) asks it about every call. */
#include <cjson/cJSON.h>
#include <pthread.h>
#include <string.h>

#include "engine/embedded.h"
#include "frontend/c/c.h"

/* One name of the model and what a call to it does, precomputed: the
 * dataflow asks about every call several times. */
typedef struct ll_c_model_entry {
  const char *name; /* NULL: an empty bucket */
  ll_c_call_model m;
  bool noreturn;
} ll_c_model_entry;

static ll_c_model *builtin;

static uint32_t name_hash(const char *s) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static ll_c_call_model lookup_slow(const ll_c_model *m, const char *name);
static bool in(const char *const *list, const char *name);

static void index_add(ll_c_model *m, const char *name) {
  uint32_t h = name_hash(name) & (m->index_cap - 1);
  for (; m->index[h].name; h = (h + 1) & (m->index_cap - 1))
    if (!strcmp(m->index[h].name, name)) return;
  m->index[h].name = name;
  m->index[h].m = lookup_slow(m, name);
  m->index[h].noreturn = in(m->noreturn, name);
}

static void index_list(ll_c_model *m, const char **l) {
  for (; l && *l; l++) index_add(m, *l);
}

static size_t list_len(const char **l) {
  size_t n = 0;
  for (; l && *l; l++) n++;
  return n;
}

/* Builds `m->index` from every list of the model. */
static bool build_index(ll_c_model *m) {
  size_t n = list_len(m->borrow) + list_len(m->noreturn);
  for (uint32_t i = 0; i < m->npairs; i++) {
    const ll_c_pair *p = &m->pairs[i];
    n += list_len(p->acquire) + list_len(p->acquire_out) +
         list_len(p->release) + list_len(p->realloc_fns) +
         list_len(p->init) + list_len(p->start);
  }
  uint32_t cap = 64;
  while (cap < 2 * n + 2) cap *= 2;
  m->index = ll_arena_alloc(m->arena, cap * sizeof *m->index);
  if (!m->index) return false;
  memset(m->index, 0, cap * sizeof *m->index);
  m->index_cap = cap;
  for (uint32_t i = 0; i < m->npairs; i++) {
    const ll_c_pair *p = &m->pairs[i];
    index_list(m, p->acquire);
    index_list(m, p->acquire_out);
    index_list(m, p->release);
    index_list(m, p->realloc_fns);
    index_list(m, p->init);
    index_list(m, p->start);
  }
  index_list(m, m->borrow);
  index_list(m, m->noreturn);
  return true;
}

static const ll_c_model_entry *index_find(const ll_c_model *m,
                                          const char *name) {
  uint32_t h = name_hash(name) & (m->index_cap - 1);
  for (; m->index[h].name; h = (h + 1) & (m->index_cap - 1))
    if (!strcmp(m->index[h].name, name)) return &m->index[h];
  return NULL;
}
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

/* A NULL-terminated arena copy of a JSON array of strings; NULL when absent
 * or malformed. */
static const char **copy_list(ll_arena *a, const cJSON *j) {
  if (!cJSON_IsArray(j)) return NULL;
  int n = cJSON_GetArraySize(j);
  const char **l = ll_arena_alloc(a, ((size_t)n + 1) * sizeof *l);
  if (!l) return NULL;
  int i = 0;
  for (const cJSON *it = j->child; it; it = it->next)
    if (cJSON_IsString(it)) l[i++] = ll_arena_strdup(a, it->valuestring);
  return l;
}

static int get_int(const cJSON *o, const char *key, int def) {
  const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsNumber(j) ? j->valueint : def;
}

static const char *get_str(ll_arena *a, const cJSON *o, const char *key) {
  const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(j) ? ll_arena_strdup(a, j->valuestring) : NULL;
}

static void load_builtin(void) {
  const ll_embedded_file *f = ll__embedded_find("rules/resources/c.json");
  cJSON *root = f ? cJSON_ParseWithLength(f->data, f->size) : NULL;
  ll_arena *a = ll_arena_new();
  ll_c_model *m = a ? ll_arena_alloc(a, sizeof *m) : NULL;
  if (!root || !m) goto fail;
  m->arena = a;
  const cJSON *pairs = cJSON_GetObjectItemCaseSensitive(root, "pairs");
  int n = cJSON_GetArraySize(pairs);
  m->pairs = ll_arena_alloc(a, ((size_t)n + 1) * sizeof *m->pairs);
  if (!m->pairs) goto fail;
  for (const cJSON *p = pairs ? pairs->child : NULL; p; p = p->next) {
    ll_c_pair *out = &m->pairs[m->npairs++];
    out->rule = get_str(a, p, "rule");
    out->rule_index = out->rule ? ll_rule_find(out->rule) : -1;
    out->kind = get_str(a, p, "kind");
    out->what = get_str(a, p, "what");
    out->acquire = copy_list(a, cJSON_GetObjectItemCaseSensitive(p, "acquire"));
    out->acquire_out =
        copy_list(a, cJSON_GetObjectItemCaseSensitive(p, "acquireOut"));
    out->out_arg = get_int(p, "outArg", 0);
    out->release = copy_list(a, cJSON_GetObjectItemCaseSensitive(p, "release"));
    out->release_arg = get_int(p, "releaseArg", 0);
    out->realloc_fns =
        copy_list(a, cJSON_GetObjectItemCaseSensitive(p, "realloc"));
    out->consumes_arg = get_int(p, "consumesArg", -1);
    out->init = copy_list(a, cJSON_GetObjectItemCaseSensitive(p, "init"));
    out->init_arg = get_int(p, "initArg", 0);
    out->start = copy_list(a, cJSON_GetObjectItemCaseSensitive(p, "start"));
    out->repeat_arg = get_int(p, "repeatArg", 3);
    if (!out->kind) out->kind = "resource";
    if (!out->what) out->what = out->kind;
  }
  m->borrow = copy_list(a, cJSON_GetObjectItemCaseSensitive(root, "borrow"));
  m->noreturn =
      copy_list(a, cJSON_GetObjectItemCaseSensitive(root, "noreturn"));
  if (!build_index(m)) goto fail;
  cJSON_Delete(root);
  builtin = m;
  return;
fail:
  cJSON_Delete(root);
  ll_arena_free(a);
}

const ll_c_model *ll__c_model_builtin(void) {
  pthread_once(&builtin_once, load_builtin);
  return builtin;
}

static bool in(const char *const *list, const char *name) {
  if (!list) return false;
  for (; *list; list++)
    if (strcmp(*list, name) == 0) return true;
  return false;
}

bool ll__c_model_is_noreturn(const ll_c_model *m, const char *name) {
  const ll_c_model_entry *e = index_find(m, name);
  return e && e->noreturn;
}

ll_c_call_model ll__c_model_lookup(const ll_c_model *m, const char *name) {
  const ll_c_model_entry *e = index_find(m, name);
  return e ? e->m : (ll_c_call_model){LL_C_UNKNOWN, -1, -1};
}

static ll_c_call_model lookup_slow(const ll_c_model *m, const char *name) {
  ll_c_call_model r = {LL_C_UNKNOWN, -1, -1};
  for (uint32_t i = 0; i < m->npairs; i++) {
    const ll_c_pair *p = &m->pairs[i];
    if (in(p->realloc_fns, name)) return (ll_c_call_model){LL_C_REALLOC, (int)i, 0};
  }
  for (uint32_t i = 0; i < m->npairs; i++) {
    const ll_c_pair *p = &m->pairs[i];
    /* uv_close releases a handle, not a timer; the timer pair lists it as
     * a stop too, so the handle pair must win here. */
    if (in(p->release, name) && !p->start)
      return (ll_c_call_model){LL_C_RELEASE, (int)i, p->release_arg};
  }
  for (uint32_t i = 0; i < m->npairs; i++) {
    const ll_c_pair *p = &m->pairs[i];
    if (in(p->release, name))
      return (ll_c_call_model){LL_C_RELEASE, (int)i, p->release_arg};
    if (in(p->acquire, name)) return (ll_c_call_model){LL_C_ACQUIRE, (int)i, -1};
    if (in(p->acquire_out, name))
      return (ll_c_call_model){LL_C_ACQUIRE_OUT, (int)i, p->out_arg};
    if (in(p->init, name)) return (ll_c_call_model){LL_C_INIT, (int)i, p->init_arg};
    if (in(p->start, name)) return (ll_c_call_model){LL_C_START, (int)i, 0};
  }
  if (in(m->borrow, name)) r.role = LL_C_BORROW;
  else if (in(m->noreturn, name)) r.role = LL_C_NORETURN;
  return r;
}
