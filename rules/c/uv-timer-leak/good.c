/* uv-timer-leak: near-misses that must stay quiet. Each `ok:` covers the
 * next code line. */
#include <stdlib.h>
#include <uv.h>

struct client {
  uv_timer_t idle;
  uv_timer_t ping;
  uv_timer_t backoff;
  int closing;
};

static uv_timer_t g_tick;
static uv_timer_t g_report;
static uv_timer_t g_watchdog;
static uv_timer_t g_once;
static uv_timer_t g_cfg;
static const uint64_t ONE_SHOT = 0;
static uint64_t g_no_repeat = 0; /* never written: a constant */

static void on_tick(uv_timer_t *t) { (void)t; }

static void free_close(uv_handle_t *h) { free(h); }

/* The callback stops its own timer after the first tick. */
static void on_ping(uv_timer_t *t) { uv_timer_stop(t); }

/* The callback closes its own (heap) timer. */
static void on_heap_tick(uv_timer_t *t) {
  uv_close((uv_handle_t *)t, free_close);
}

/* Stopped in a shutdown function. */
void tick_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_tick);
  // ok: uv-timer-leak
  uv_timer_start(&g_tick, on_tick, 100, 100);
}

/* Closed in a shutdown function. */
void report_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_report);
  // ok: uv-timer-leak
  uv_timer_start(&g_report, on_tick, 1000, 1000);
}

void shutdown_all(void) {
  // ok: uv-timer-leak
  uv_timer_stop(&g_tick);
  // ok: uv-timer-leak
  uv_close((uv_handle_t *)&g_report, NULL);
}

/* One-shot timers: a repeat of 0. */
void once_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_once);
  // ok: uv-timer-leak
  uv_timer_start(&g_once, on_tick, 500, 0);
}

/* A repeat that is a constant 0 (a `static const`). */
void cfg_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_cfg);
  // ok: uv-timer-leak
  uv_timer_start(&g_cfg, on_tick, 10, ONE_SHOT);
}

/* A repeat that is a file-scope static never written after its
 * initialiser. */
void cfg_restart(void) {
  // ok: uv-timer-leak
  uv_timer_start(&g_cfg, on_tick, 20, g_no_repeat);
}

/* A struct field, stopped in the struct's close function. */
void client_idle_start(struct client *c) {
  // ok: uv-timer-leak
  uv_timer_start(&c->idle, on_tick, 30000, 30000);
}

void client_close(struct client *c) {
  c->closing = 1;
  // ok: uv-timer-leak
  uv_timer_stop(&c->idle);
}

/* Stopped by its own callback. */
void client_ping_start(struct client *c) {
  // ok: uv-timer-leak
  uv_timer_start(&c->ping, on_ping, 100, 100);
}

/* A field closed through a helper that takes a handle. */
static void stop_handle(uv_timer_t *t) { uv_timer_stop(t); }

void client_backoff(struct client *c, uint64_t ms) {
  // ok: uv-timer-leak
  uv_timer_start(&c->backoff, on_tick, ms, ms);
}

void client_backoff_done(struct client *c) { stop_handle(&c->backoff); }

/* A heap timer whose callback closes it. */
int heap_timer(uv_loop_t *loop) {
  uv_timer_t *t = malloc(sizeof *t);
  if (!t) return -1;
  uv_timer_init(loop, t);
  // ok: uv-timer-leak
  uv_timer_start(t, on_heap_tick, 100, 100);
  return 0;
}

/* Stopped on both branches of a condition, in the watchdog's own
 * functions. */
void watchdog_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_watchdog);
  // ok: uv-timer-leak
  uv_timer_start(&g_watchdog, on_tick, 1000, 1000);
}

void watchdog_feed(int healthy) {
  if (healthy) {
    // ok: uv-timer-leak
    uv_timer_again(&g_watchdog);
  } else {
    // ok: uv-timer-leak
    uv_timer_stop(&g_watchdog);
  }
}

/* A stack timer run to completion by a loop in the same function, and
 * stopped before the loop runs out. */
void run_stack_timer(uv_loop_t *loop) {
  uv_timer_t t;
  uv_timer_init(loop, &t);
  // ok: uv-timer-leak
  uv_timer_start(&t, on_ping, 10, 10);
  uv_run(loop, UV_RUN_DEFAULT);
}

/* Restarted timers that are stopped somewhere: still fine. */
void tick_restart(int fast) {
  if (fast)
    // ok: uv-timer-leak
    uv_timer_start(&g_tick, on_tick, 10, 10);
  else
    // ok: uv-timer-leak
    uv_timer_start(&g_tick, on_tick, 100, 100);
}

/* A one-shot chosen by a constant expression. */
void once_expr(void) {
  // ok: uv-timer-leak
  uv_timer_start(&g_once, on_tick, 1, 2 - 2);
}

/* Stopping with uv_close on the field. */
void client_ping_close(struct client *c) {
  // ok: uv-timer-leak
  uv_close((uv_handle_t *)&c->ping, NULL);
}
