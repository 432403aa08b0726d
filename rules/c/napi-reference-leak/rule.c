/* napi-reference-leak: an N-API reference (`napi_create_reference`) still
 * held on some path out of the function that created it, or a handle scope
 * (`napi_open_handle_scope`, `napi_open_escapable_handle_scope`) still open
 * there. Same dataflow as c-heap-leak: the pairs in rules/resources/c.json
 * name the creating and the deleting calls, a `!= napi_ok` check refines
 * the state, and a reference stored in a longer-lived object (a struct a
 * finalizer frees, `napi_wrap` data, a global) escapes. This body words the
 * findings. */
#include <string.h>

#include "frontend/c/c.h"

static void on_leak(ll_c_rule_ctx *ctx, const ll_c_leak *leak) {
  bool scope = leak->pair && !strcmp(leak->pair->kind, "napi-scope");
  ll_c_report_leak(
      ctx, leak,
      scope ? "Close the scope with `napi_close_handle_scope` (or "
              "`napi_close_escapable_handle_scope`) on every path out of the "
              "function, including the error returns."
            : "Delete the reference with `napi_delete_reference` on every path "
              "that does not store it, or store it where a finalizer deletes "
              "it.");
}

void ll_rule_napi_reference_leak_register(ll_c_rule_reg *reg) {
  ll_c_rule_on_leak(reg, on_leak);
}
