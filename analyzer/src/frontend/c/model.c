/* The C resource model: rules/resources/c.json (embedded at build time),
 * read once per process into an arena and shared read-only by every worker
 * thread. It says which functions acquire, release, reallocate, borrow or
 * never return; the dataflow (flow.c) asks it about every call. */
#include <cjson/cJSON.h>
#include <pthread.h>
#include <string.h>

#include "engine/embedded.h"
#include "frontend/c/c.h"

static ll_c_model *builtin;
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
  return in(m->noreturn, name);
}

ll_c_call_model ll__c_model_lookup(const ll_c_model *m, const char *name) {
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
