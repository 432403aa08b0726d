/* uv-handle-leak: a libuv handle in memory this function allocated, once
 * registered with a loop (`uv_*_init`), must be released with `uv_close`
 * and freed in the close callback. The dataflow (frontend/c/flow.c) reports
 * four shapes: the handle is lost or the function ends and nothing in the
 * file ever calls `uv_close`; `uv_close(h, NULL)` on a handle nothing else
 * frees; `free(h)` while the loop still holds it; the release function of
 * a struct holding the handle in a field frees the struct without closing
 * it. This body words them. */
#include "frontend/c/c.h"

static void on_leak(ll_c_rule_ctx *ctx, const ll_c_leak *leak) {
  const char *help =
      leak->how == LL_C_LEAK_FIELD
          ? "The struct owns the handle in its field: its release function "
            "must `uv_close` it (with a close callback that frees it) before "
            "or instead of freeing the struct."
      : leak->how == LL_C_LEAK_NO_CLOSE_CB
          ? "Pass a close callback that frees the handle: "
            "`uv_close((uv_handle_t *)h, on_close)` with "
            "`static void on_close(uv_handle_t *h) { free(h); }`."
      : leak->detail
          ? "Call `uv_close` on the handle and free it in the close callback; "
            "the loop keeps a pointer to it until the callback has run."
          : "Close the handle with `uv_close(h, on_close)` when it is no "
            "longer needed, and free it in `on_close`.";
  ll_c_report_leak(ctx, leak, help);
}

void ll_rule_uv_handle_leak_register(ll_c_rule_reg *reg) {
  ll_c_rule_on_leak(reg, on_leak);
}
