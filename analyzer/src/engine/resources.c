/* Acquire/release pairs. The built-in ones are data (rules/resources/js.json,
 * embedded); a configuration adds more. Everything is copied into one
 * allocation-owning table so the JSON tree can be dropped right away. */
#include "engine/resources.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "base/alloc.h"
#include "engine/embedded.h"

bool ll_name_in(const char *const *list, const char *name, size_t len) {
  if (!list) return false;
  for (; *list; list++)
    if (strlen(*list) == len && memcmp(*list, name, len) == 0) return true;
  return false;
}

static void free_list(const char **list) {
  if (!list) return;
  for (const char **p = list; *p; p++) ll_free((void *)*p);
  ll_free(list);
}

static void free_pair(ll_res_pair *p) {
  ll_free((void *)p->rule);
  free_list(p->acquire);
  free_list(p->release);
  free_list(p->release_all);
  free_list(p->receivers);
  free_list(p->modules);
}

void ll_resources_free(ll_resources *r) {
  if (!r) return;
  for (size_t i = 0; i < r->count; i++) free_pair(&r->pairs[i]);
  ll_free(r->pairs);
  ll_free(r);
}

/* A NULL-terminated copy of a JSON array of strings (or of one string).
 * `*ok` turns false on OOM or a non-string item. Absent → NULL. */
static const char **copy_list(const cJSON *a, bool *ok) {
  if (!a) return NULL;
  if (cJSON_IsString(a)) {
    const char **l = ll_calloc(2, sizeof *l);
    if (!l || !(l[0] = ll_strdup(a->valuestring))) {
      ll_free(l);
      *ok = false;
      return NULL;
    }
    return l;
  }
  if (!cJSON_IsArray(a)) {
    *ok = false;
    return NULL;
  }
  int n = cJSON_GetArraySize(a);
  const char **l = ll_calloc((size_t)n + 1, sizeof *l);
  if (!l) {
    *ok = false;
    return NULL;
  }
  int i = 0;
  for (const cJSON *it = a->child; it; it = it->next) {
    if (!cJSON_IsString(it) || !(l[i] = ll_strdup(it->valuestring))) {
      *ok = false;
      break;
    }
    i++;
  }
  return l;
}

static bool add_builtin(ll_resources *r, const cJSON *p) {
  ll_res_pair *out = &r->pairs[r->count];
  memset(out, 0, sizeof *out);
  bool ok = true;
  const cJSON *rule = cJSON_GetObjectItemCaseSensitive(p, "rule");
  const cJSON *kind = cJSON_GetObjectItemCaseSensitive(p, "kind");
  out->rule = cJSON_IsString(rule) ? ll_strdup(rule->valuestring) : NULL;
  out->kind = cJSON_IsString(kind) && strcmp(kind->valuestring, "listener") == 0
                  ? LL_RES_LISTENER
                  : LL_RES_HANDLE;
  out->acquire = copy_list(cJSON_GetObjectItemCaseSensitive(p, "acquire"), &ok);
  out->release = copy_list(cJSON_GetObjectItemCaseSensitive(p, "release"), &ok);
  out->release_all =
      copy_list(cJSON_GetObjectItemCaseSensitive(p, "releaseAll"), &ok);
  out->receivers =
      copy_list(cJSON_GetObjectItemCaseSensitive(p, "receivers"), &ok);
  out->modules = copy_list(cJSON_GetObjectItemCaseSensitive(p, "modules"), &ok);
  out->self_removing_opts =
      cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "options"));
  out->returns_disposer =
      cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "returnsDisposer"));
  r->count++;
  return ok && out->rule && out->acquire && out->release;
}

static bool add_extra(ll_resources *r, const ll_resource_pair *e) {
  ll_res_pair *out = &r->pairs[r->count++];
  memset(out, 0, sizeof *out);
  out->kind = e->kind && strcmp(e->kind, "handle") == 0 ? LL_RES_HANDLE
                                                         : LL_RES_LISTENER;
  out->rule = ll_strdup(out->kind == LL_RES_HANDLE ? "no-uncleared-interval"
                                                   : "no-unremoved-listener");
  /* A user's `subscribe` may return its own unsubscribe function. */
  out->returns_disposer = true;
  out->acquire = ll_calloc(2, sizeof *out->acquire);
  out->release = ll_calloc(2, sizeof *out->release);
  if (!out->rule || !out->acquire || !out->release) return false;
  out->acquire[0] = ll_strdup(e->acquire);
  out->release[0] = ll_strdup(e->release);
  return out->acquire[0] && out->release[0];
}

ll_resources *ll_resources_new(const ll_resource_pair *extra, size_t nextra,
                               const char *path, ll_error *err) {
  const ll_embedded_file *f = ll__embedded_find("rules/resources/js.json");
  cJSON *root = f ? cJSON_ParseWithLength(f->data, f->size) : NULL;
  const cJSON *pairs = cJSON_GetObjectItemCaseSensitive(root, "pairs");
  ll_resources *r = ll_calloc(1, sizeof *r);
  size_t n = (size_t)cJSON_GetArraySize(pairs) + nextra;
  if (!r || !(r->pairs = ll_calloc(n, sizeof *r->pairs))) goto fail;
  for (const cJSON *p = pairs ? pairs->child : NULL; p; p = p->next)
    if (!add_builtin(r, p)) goto fail;
  for (size_t i = 0; i < nextra; i++)
    if (!add_extra(r, &extra[i])) goto fail;
  cJSON_Delete(root);
  return r;
fail:
  cJSON_Delete(root);
  ll_resources_free(r);
  ll_error_set(err, LL_ENOMEM, path,
               "%s: out of memory loading the acquire/release pairs",
               path ? path : "leaklint");
  return NULL;
}
