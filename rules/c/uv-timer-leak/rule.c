/* uv-timer-leak: `uv_timer_start(t, cb, timeout, repeat)` with a repeat
 * that is not the constant 0 starts a timer that fires until it is stopped.
 * The file-wide timer pass (frontend/c/tu.c) matches each such start with a
 * `uv_timer_stop` or `uv_close` of the same handle (the same global, static
 * or struct field, or any handle a callback receives as a parameter) and
 * reports the starts nothing stops. This body words them. */
#include "frontend/c/c.h"

static void on_leak(ll_c_rule_ctx *ctx, const ll_c_leak *leak) {
  ll_c_report_leak(ctx, leak,
                   "Stop the timer with `uv_timer_stop` (or close it with "
                   "`uv_close`) when its work is done, for example in a "
                   "shutdown function or in its own callback; a timer that "
                   "runs once takes a repeat of 0.");
}

void ll_rule_uv_timer_leak_register(ll_c_rule_reg *reg) {
  ll_c_rule_on_leak(reg, on_leak);
}
