/* uv-timer-leak: repeating timers that nothing stops or closes. Each
 * `expect:` covers the next code line, the `uv_timer_start` call. */
#include <stdlib.h>
#include <uv.h>

struct poller {
  uv_timer_t poll;
  uv_timer_t heartbeat;
  uv_timer_t retry;
  int misses;
};

static uv_timer_t g_stats;
uv_timer_t g_flush;
static uv_timer_t g_keepalive;
static uv_timer_t g_gc;

static void on_stats(uv_timer_t *t) { (void)t; }
static void on_flush(uv_timer_t *t) { (void)t; }
static void on_poll(uv_timer_t *t) { (void)t; }
static void on_beat(uv_timer_t *t) { (void)t; }

/* A timer callback that stops its own timer: it stops only the timers
 * started with it (`on_once`), not the others. */
static void on_once(uv_timer_t *t) { uv_timer_stop(t); }

/* A static timer, repeating every second. */
void stats_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_stats);
  // expect: uv-timer-leak "Repeating timer `g_stats` started at line 31 is never stopped"
  uv_timer_start(&g_stats, on_stats, 1000, 1000);
}

/* A global timer; the repeat is a variable. */
void flush_start(uv_loop_t *loop, uint64_t every) {
  uv_timer_init(loop, &g_flush);
  // expect: uv-timer-leak
  uv_timer_start(&g_flush, on_flush, every, every);
}

/* A struct field. */
void poller_start(struct poller *p, uv_loop_t *loop) {
  uv_timer_init(loop, &p->poll);
  // expect: uv-timer-leak "`poll`"
  uv_timer_start(&p->poll, on_poll, 0, 250);
}

/* Started on one branch only; still never stopped. */
void heartbeat_maybe(struct poller *p, uv_loop_t *loop, int enabled) {
  uv_timer_init(loop, &p->heartbeat);
  if (enabled)
    // expect: uv-timer-leak
    uv_timer_start(&p->heartbeat, on_beat, 5000, 5000);
}

/* Restarted in a loop over attempts. */
void retry_loop(struct poller *p, int n) {
  for (int i = 0; i < n; i++)
    // expect: uv-timer-leak
    uv_timer_start(&p->retry, on_poll, 100u << i, 100);
}

/* Through a pointer to the global, `->` on a struct pointer to it. */
void keepalive_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_keepalive);
  // expect: uv-timer-leak
  uv_timer_start(&g_keepalive, on_once == NULL ? on_beat : on_stats, 30000, 30000);
}

/* The callback that stops timers is on_once: a timer started with another
 * callback is not stopped by it. */
void gc_start(uv_loop_t *loop) {
  uv_timer_init(loop, &g_gc);
  // expect: uv-timer-leak
  uv_timer_start(&g_gc, on_stats, 60000, 60000);
}

/* The repeat comes from a switch. */
void mode_switch(struct poller *p, int mode) {
  uint64_t rep = 0;
  switch (mode) {
  case 1: rep = 100; break;
  case 2: rep = 1000; break;
  default: break;
  }
  // expect: uv-timer-leak
  uv_timer_start(&p->retry, on_poll, 10, rep);
}

/* An early return skips nothing: no code stops the timer. */
int poll_early(struct poller *p, int fail) {
  if (fail) return -1;
  // expect: uv-timer-leak
  uv_timer_start(&p->poll, on_poll, 1, 1);
  return 0;
}

/* Started again after an error. */
void heartbeat_restart(struct poller *p, int err) {
  if (err) {
    // expect: uv-timer-leak
    uv_timer_start(&p->heartbeat, on_beat, 1000, 1000);
    return;
  }
  // expect: uv-timer-leak
  uv_timer_start(&p->heartbeat, on_beat, 100, 100);
}

/* A one-shot timer started with the stopping callback is fine; the repeating
 * one beside it is not. */
void two_timers(struct poller *p) {
  uv_timer_start(&p->retry, on_once, 10, 10);
  // expect: uv-timer-leak
  uv_timer_start(&g_stats, on_stats, 5, 5);
}
