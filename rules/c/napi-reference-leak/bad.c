/* napi-reference-leak: references never deleted and handle scopes left open
 * on some path. Each `expect:` covers the next code line, the creating call. */
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

struct pair {
  napi_ref a;
  napi_ref b;
};

/* Deleted on the normal path, not on the early return. */
int early_return(napi_env env, napi_value v, int skip) {
  napi_ref ref;
  // expect: napi-reference-leak "leaked when returning at line"
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return -1;
  if (skip) return 1;
  napi_delete_reference(env, ref);
  return 0;
}

/* Never deleted. */
void never_deleted(napi_env env, napi_value v) {
  napi_ref ref;
  // expect: napi-reference-leak "leaked at the end of `never_deleted`"
  napi_create_reference(env, v, 1, &ref);
}

/* Used, then forgotten. */
napi_value used_then_forgotten(napi_env env, napi_value v) {
  napi_ref ref;
  napi_value out = NULL;
  // expect: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return NULL;
  napi_get_reference_value(env, ref, &out);
  return out;
}

/* A new reference per iteration: the previous one is lost. */
void in_loop(napi_env env, napi_value *vs, int n) {
  napi_ref ref = NULL;
  for (int i = 0; i < n; i++)
    // expect: napi-reference-leak "overwritten"
    napi_create_reference(env, vs[i], 1, &ref);
  if (ref) napi_delete_reference(env, ref);
}

/* A `goto` that skips the delete. */
int goto_skips(napi_env env, napi_value v, napi_value fn) {
  napi_ref ref;
  napi_value res;
  // expect: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) goto fail;
  if (napi_call_function(env, v, fn, 0, NULL, &res) != napi_ok) goto fail;
  napi_delete_reference(env, ref);
  return 0;
fail:
  return -1;
}

/* Deleted in one switch arm only. */
void switch_arm(napi_env env, napi_value v, int mode) {
  napi_ref ref;
  // expect: napi-reference-leak
  if (napi_create_reference(env, v, 1, &ref) != napi_ok) return;
  switch (mode) {
  case 0:
    napi_delete_reference(env, ref);
    break;
  case 1:
    break;
  }
}

/* A struct on the stack owns nothing beyond the function. */
void local_struct(napi_env env, napi_value v, napi_value w) {
  struct pair p;
  napi_create_reference(env, v, 1, &p.a); /* deleted below */
  // expect: napi-reference-leak
  napi_create_reference(env, w, 1, &p.b);
  napi_delete_reference(env, p.a);
  (void)p.b;
}

/* The second reference leaks when the first fails to be created. */
int second_leaks(napi_env env, napi_value v, napi_value w) {
  napi_ref a, b;
  // expect: napi-reference-leak
  if (napi_create_reference(env, v, 1, &a) != napi_ok) return -1;
  if (napi_create_reference(env, w, 1, &b) != napi_ok) return -1;
  napi_delete_reference(env, a);
  napi_delete_reference(env, b);
  return 0;
}

/* A handle scope left open on an error path. */
napi_status scope_error_path(napi_env env, napi_value fn) {
  napi_handle_scope scope;
  napi_value res;
  // expect: napi-reference-leak "N-API handle scope"
  napi_status st = napi_open_handle_scope(env, &scope);
  if (st != napi_ok) return st;
  st = napi_call_function(env, fn, fn, 0, NULL, &res);
  if (st != napi_ok) return st;
  return napi_close_handle_scope(env, scope);
}

/* A handle scope never closed. */
void scope_never_closed(napi_env env) {
  napi_handle_scope scope;
  napi_value v;
  // expect: napi-reference-leak
  napi_open_handle_scope(env, &scope);
  napi_create_int32(env, 1, &v);
}

/* One scope per iteration, closed once after the loop. */
void scope_per_iteration(napi_env env, int n) {
  napi_handle_scope scope = NULL;
  for (int i = 0; i < n; i++) {
    napi_value v;
    // expect: napi-reference-leak
    napi_open_handle_scope(env, &scope);
    napi_create_int32(env, i, &v);
  }
  if (scope) napi_close_handle_scope(env, scope);
}

/* An escapable scope left open when escaping fails. */
napi_value escapable_error(napi_env env, napi_value v) {
  napi_escapable_handle_scope scope;
  napi_value out;
  // expect: napi-reference-leak "escapable handle scope"
  if (napi_open_escapable_handle_scope(env, &scope) != napi_ok) return NULL;
  if (napi_escape_handle(env, scope, v, &out) != napi_ok) return NULL;
  napi_close_escapable_handle_scope(env, scope);
  return out;
}
