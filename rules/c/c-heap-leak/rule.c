/* c-heap-leak: heap memory (malloc, calloc, strdup, realloc, asprintf, and
 * the file's own functions that return such memory) still owned on some
 * path out of the function, overwritten while owned, dropped at once, lost
 * by `p = realloc(p, n)` when realloc fails, or left behind when the struct
 * that owns it is freed, or by the release function of a struct that holds
 * it in a field (`conn_free()` frees `c` but not `c->buf`). The dataflow (analyzer/src/frontend/c/flow.c)
 * finds the leaks; this body words them. */
#include "frontend/c/c.h"

static void on_leak(ll_c_rule_ctx *ctx, const ll_c_leak *leak) {
  const char *help =
      leak->how == LL_C_LEAK_REALLOC
          ? "Assign the result to a temporary, check it for NULL, and only "
            "then overwrite the original pointer."
      : leak->how == LL_C_LEAK_FIELD
          ? "The struct owns the memory stored in its field: free the field "
            "in the function that frees the struct (or clear the field when "
            "the memory is handed to someone else)."
      : leak->how == LL_C_LEAK_OWNER_FREED
          ? "Free the field before freeing the struct that holds it (or "
            "free the struct with its destroy function)."
          : "Free it on every path out of the function (a single `goto "
            "out` cleanup label helps), or hand it to something that keeps "
            "it: return it, or store it in a longer-lived object.";
  ll_c_report_leak(ctx, leak, help);
}

void ll_rule_c_heap_leak_register(ll_c_rule_reg *reg) {
  ll_c_rule_on_leak(reg, on_leak);
}
