/* napi-reference-leak: near-misses that must stay quiet. Each `ok:` covers
 * the next code line. */
/* The few N-API declarations used here (from node_api.h / js_native_api.h),
 * declared locally so the fixture parses without Node's headers. */
#include <stddef.h>
#include <stdlib.h>
typedef struct napi_env__ *napi_env;
typedef struct napi_value__ *napi_value;
typedef struct napi_ref__ *napi_ref;
typedef struct napi_handle_scope__ *napi_handle_scope;
typedef struct napi_escapable_handle_scope__ *napi_escapable_handle_scope;
typedef struct napi_callback_info__ *napi_callback_info;
typedef enum { napi_ok, napi_invalid_arg, napi_generic_failure } napi_status;
typedef void (*napi_finalize)(napi_env env, void *data, void *hint);
napi_status napi_create_reference(napi_env env, napi_value value,
                                  unsigned int initial_refcount, napi_ref *result);
napi_status napi_delete_reference(napi_env env, napi_ref ref);
napi_status napi_get_reference_value(napi_env env, napi_ref ref, napi_value *result);
napi_status napi_open_handle_scope(napi_env env, napi_handle_scope *result);
napi_status napi_close_handle_scope(napi_env env, napi_handle_scope scope);
napi_status napi_open_escapable_handle_scope(napi_env env,
                                             napi_escapable_handle_scope *result);
napi_status napi_close_escapable_handle_scope(napi_env env,
                                              napi_escapable_handle_scope scope);
napi_status napi_escape_handle(napi_env env, napi_escapable_handle_scope scope,
                               napi_value escapee, napi_value *result);
napi_status napi_wrap(napi_env env, napi_value js_object, void *native_object,
                      napi_finalize finalize_cb, void *finalize_hint,
                      napi_ref *result);
napi_status napi_call_function(napi_env env, napi_value recv, napi_value func,
                               size_t argc, const napi_value *argv,
                               napi_value *result);
napi_status napi_create_int32(napi_env env, int value, napi_value *result);

struct addon {
  napi_ref callback;
  napi_ref self;
};

struct wrapped {
  napi_ref peer;
  int value;
};

static napi_ref g_constructor;

/* Deleted on every path. */
int deleted_everywhere(napi_env env, napi_value v, int skip) {
  napi_ref ref;
  // ok: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return -1;
  if (skip) {
    napi_delete_reference(env, ref);
    return 1;
  }
  napi_delete_reference(env, ref);
  return 0;
}

/* A failed create leaves nothing to delete. */
int create_failed(napi_env env, napi_value v) {
  napi_ref ref;
  // ok: napi-reference-leak
  napi_status st = napi_create_reference(env, v, 1, &ref);
  if (st != napi_ok) return -1;
  napi_delete_reference(env, ref);
  return 0;
}

/* Stored in a global: the module keeps it for its lifetime. */
napi_status keep_constructor(napi_env env, napi_value ctor) {
  // ok: napi-reference-leak
  return napi_create_reference(env, ctor, 1, &g_constructor);
}

/* Stored in the addon's instance data; its finalizer deletes it. */
napi_status keep_callback(napi_env env, struct addon *a, napi_value cb) {
  // ok: napi-reference-leak
  return napi_create_reference(env, cb, 1, &a->callback);
}

/* The finalizer that deletes it. */
static void addon_finalize(napi_env env, void *data, void *hint) {
  struct addon *a = data;
  (void)hint;
  // ok: napi-reference-leak
  napi_delete_reference(env, a->callback);
  free(a);
}

/* A reference held by a wrapped native object, handed to napi_wrap with a
 * finalizer that deletes it. */
static void wrapped_finalize(napi_env env, void *data, void *hint) {
  struct wrapped *w = data;
  (void)hint;
  napi_delete_reference(env, w->peer);
  free(w);
}

napi_status wrap_with_peer(napi_env env, napi_value obj, napi_value peer) {
  struct wrapped *w = malloc(sizeof *w);
  if (!w) return napi_generic_failure;
  // ok: napi-reference-leak
  if (napi_create_reference(env, peer, 1, &w->peer) != napi_ok) {
    free(w);
    return napi_generic_failure;
  }
  return napi_wrap(env, obj, w, wrapped_finalize, NULL, NULL);
}

/* Through an out-parameter. */
napi_status make_ref(napi_env env, napi_value v, napi_ref *out) {
  napi_ref ref;
  // ok: napi-reference-leak
  napi_status st = napi_create_reference(env, v, 1, &ref);
  if (st == napi_ok) *out = ref;
  return st;
}

/* Returned. */
napi_ref new_ref(napi_env env, napi_value v) {
  napi_ref ref = NULL;
  // ok: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return NULL;
  return ref;
}

/* Deleted by a helper of this file. */
static void drop_ref(napi_env env, napi_ref r) { napi_delete_reference(env, r); }

void helper_deletes(napi_env env, napi_value v) {
  napi_ref ref;
  // ok: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return;
  drop_ref(env, ref);
}

/* A `goto` cleanup that deletes. */
int goto_cleanup(napi_env env, napi_value v, napi_value fn) {
  napi_ref ref;
  napi_value res;
  int rc = -1;
  // ok: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return -1;
  if (napi_call_function(env, v, fn, 0, NULL, &res) != napi_ok) goto out;
  rc = 0;
out:
  napi_delete_reference(env, ref);
  return rc;
}

/* Every switch arm deletes. */
void switch_all(napi_env env, napi_value v, int mode) {
  napi_ref ref;
  // ok: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return;
  switch (mode) {
  case 0:
    napi_delete_reference(env, ref);
    break;
  default:
    napi_delete_reference(env, ref);
    break;
  }
}

/* A handle scope closed on every path. */
napi_status scope_closed(napi_env env, napi_value fn) {
  napi_handle_scope scope;
  napi_value res;
  // ok: napi-reference-leak
  napi_status st = napi_open_handle_scope(env, &scope);
  if (st != napi_ok) return st;
  st = napi_call_function(env, fn, fn, 0, NULL, &res);
  napi_close_handle_scope(env, scope);
  return st;
}

/* Closed on the error path too. */
napi_status scope_error_closed(napi_env env, napi_value fn) {
  napi_handle_scope scope;
  napi_value res;
  // ok: napi-reference-leak
  if (napi_open_handle_scope(env, &scope) != napi_ok) return napi_generic_failure;
  if (napi_call_function(env, fn, fn, 0, NULL, &res) != napi_ok) {
    // ok: napi-reference-leak
    napi_close_handle_scope(env, scope);
    return napi_generic_failure;
  }
  // ok: napi-reference-leak
  return napi_close_handle_scope(env, scope);
}

/* One scope per iteration, each closed in the iteration. */
void scope_per_iteration(napi_env env, int n) {
  for (int i = 0; i < n; i++) {
    napi_handle_scope scope;
    napi_value v;
    // ok: napi-reference-leak
    if (napi_open_handle_scope(env, &scope) != napi_ok) break;
    napi_create_int32(env, i, &v);
    napi_close_handle_scope(env, scope);
  }
}

/* An escapable scope closed after escaping, on both paths. */
napi_value escapable_closed(napi_env env, napi_value v) {
  napi_escapable_handle_scope scope;
  napi_value out = NULL;
  // ok: napi-reference-leak
  if (napi_open_escapable_handle_scope(env, &scope) != napi_ok) return NULL;
  if (napi_escape_handle(env, scope, v, &out) != napi_ok) out = NULL;
  napi_close_escapable_handle_scope(env, scope);
  return out;
}

/* Deleted when non-null, after a possibly failed create. */
void null_checked(napi_env env, napi_value v) {
  napi_ref ref = NULL;
  // ok: napi-reference-leak
  napi_create_reference(env, v, 1, &ref);
  if (ref != NULL) napi_delete_reference(env, ref);
}

/* Two references, both kept by the addon struct of a parameter. */
void keep_both(napi_env env, struct addon *a, napi_value cb, napi_value self) {
  // ok: napi-reference-leak
  napi_create_reference(env, cb, 1, &a->callback);
  // ok: napi-reference-leak
  napi_create_reference(env, self, 1, &a->self);
}

/* The finalizer is used, so it is not dead code. */
napi_status set_instance(napi_env env, napi_value obj, struct addon *a) {
  return napi_wrap(env, obj, a, addon_finalize, NULL, NULL);
}
