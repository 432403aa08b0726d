/* uv-handle-leak: near-misses that must stay quiet. Each `ok:` covers the
 * next code line. Handles are closed with callbacks that free them, handed
 * to longer-lived owners, or not heap-allocated at all. */
#include <stdlib.h>
#include <uv.h>

struct conn {
  uv_tcp_t tcp; /* embedded: freed with the conn */
  int id;
};

struct app {
  uv_timer_t *timer;
  uv_idle_t *idle;
};

static uv_signal_t *g_signal;
static uv_timer_t g_static_timer;

static void free_close(uv_handle_t *h) { free(h); }

/* Frees the struct the handle is embedded in (the handle is its first
 * member). */
static void conn_close(uv_handle_t *h) {
  struct conn *c = (struct conn *)h;
  free(c);
}

/* A close callback that keeps the handle for reuse is not a leak either. */
static uv_handle_t *spare;
static void keep_close(uv_handle_t *h) { spare = h; }

static void on_tick(uv_timer_t *t) {
  /* A timer callback that closes its own timer, freeing it. */
  uv_close((uv_handle_t *)t, free_close);
}

/* Closed with a callback that frees it. */
void idle_closed(uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_idle_t *h = malloc(sizeof *h);
  if (!h) return;
  uv_idle_init(loop, h);
  // ok: uv-handle-leak
  uv_close((uv_handle_t *)h, free_close);
}

/* `free` itself as the close callback. */
void check_closed_with_free(uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_check_t *c = malloc(sizeof *c);
  if (!c) return;
  uv_check_init(loop, c);
  // ok: uv-handle-leak
  uv_close((uv_handle_t *)c, (uv_close_cb)free);
}

/* A callback that keeps the handle. */
void prepare_kept(uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_prepare_t *p = malloc(sizeof *p);
  if (!p) return;
  uv_prepare_init(loop, p);
  // ok: uv-handle-leak
  uv_close((uv_handle_t *)p, keep_close);
}

/* The timer's own callback closes it (on_tick above): timers are closed in
 * this file, so one left running here is the callback's to close. */
void timer_closed_by_callback(uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_timer_t *t = malloc(sizeof *t);
  if (!t) return;
  uv_timer_init(loop, t);
  uv_timer_start(t, on_tick, 100, 0);
}

/* Stored in a global: a shutdown function closes it. */
void signal_global(uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_signal_t *s = malloc(sizeof *s);
  if (!s) return;
  uv_signal_init(loop, s);
  g_signal = s;
}

/* Stored in a field of a parameter. */
int app_start(struct app *app, uv_loop_t *loop) {
  // ok: uv-handle-leak
  app->idle = malloc(sizeof *app->idle);
  if (!app->idle) return -1;
  return uv_idle_init(loop, app->idle);
}

/* Returned to the caller. */
uv_async_t *async_new(uv_loop_t *loop, uv_async_cb cb) {
  // ok: uv-handle-leak
  uv_async_t *a = malloc(sizeof *a);
  if (!a) return NULL;
  if (uv_async_init(loop, a, cb) != 0) {
    free(a);
    return NULL;
  }
  return a;
}

/* Through an out-parameter. */
int udp_open(uv_loop_t *loop, uv_udp_t **out) {
  // ok: uv-handle-leak
  uv_udp_t *u = malloc(sizeof *u);
  if (!u) return -1;
  uv_udp_init(loop, u);
  *out = u;
  return 0;
}

/* The init failed: the loop does not hold the handle, so `free` is right. */
int poll_init_failed(uv_loop_t *loop, int fd) {
  // ok: uv-handle-leak
  uv_poll_t *p = malloc(sizeof *p);
  if (!p) return -1;
  int r = uv_poll_init(loop, p, fd);
  if (r != 0) {
    // ok: uv-handle-leak
    free(p);
    return r;
  }
  uv_close((uv_handle_t *)p, free_close);
  return 0;
}

/* The same with the call in the condition and `< 0`. */
int fs_poll_init_failed(uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_fs_poll_t *p = malloc(sizeof *p);
  if (!p) return -1;
  if (uv_fs_poll_init(loop, p) < 0) {
    free(p);
    return -1;
  }
  uv_close((uv_handle_t *)p, free_close);
  return 0;
}

/* Freed before it was ever initialised. */
void freed_before_init(uv_loop_t *loop, int skip) {
  // ok: uv-handle-leak
  uv_tty_t *t = malloc(sizeof *t);
  if (!t) return;
  if (skip) {
    free(t);
    return;
  }
  uv_tty_init(loop, t, 1, 0);
  uv_close((uv_handle_t *)t, free_close);
}

/* An embedded handle: the close callback frees the struct around it. */
void conn_closed(uv_loop_t *loop) {
  struct conn *c = malloc(sizeof *c);
  if (!c) return;
  // ok: uv-handle-leak
  uv_tcp_init(loop, &c->tcp);
  // ok: uv-handle-leak
  uv_close((uv_handle_t *)&c->tcp, conn_close);
}

/* A static handle needs no callback to free it. */
void static_timer(uv_loop_t *loop) {
  uv_timer_init(loop, &g_static_timer);
  // ok: uv-handle-leak
  uv_close((uv_handle_t *)&g_static_timer, NULL);
}

/* A stack handle, closed before the loop ends. */
void stack_idle(uv_loop_t *loop) {
  uv_idle_t h;
  // ok: uv-handle-leak
  uv_idle_init(loop, &h);
  uv_close((uv_handle_t *)&h, NULL);
  uv_run(loop, UV_RUN_DEFAULT);
}

/* Closed on every path of a branch. */
void pipe_both_paths(uv_loop_t *loop, const char *name) {
  // ok: uv-handle-leak
  uv_pipe_t *p = malloc(sizeof *p);
  if (!p) return;
  uv_pipe_init(loop, p, 0);
  if (uv_pipe_bind(p, name) != 0) {
    uv_close((uv_handle_t *)p, free_close);
    return;
  }
  uv_close((uv_handle_t *)p, free_close);
}

/* A helper closes it: its summary frees the parameter. */
static void close_and_free(uv_handle_t *h) { uv_close(h, free_close); }

void helper_closes(uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_fs_event_t *e = malloc(sizeof *e);
  if (!e) return;
  uv_fs_event_init(loop, e);
  close_and_free((uv_handle_t *)e);
}

/* Handed to a struct the caller owns, which closes it in its destroy
 * function. */
void app_set_timer(struct app *app, uv_loop_t *loop) {
  // ok: uv-handle-leak
  uv_timer_t *t = malloc(sizeof *t);
  if (!t) return;
  uv_timer_init(loop, t);
  app->timer = t;
}

void app_destroy(struct app *app) {
  // ok: uv-handle-leak
  uv_close((uv_handle_t *)app->timer, free_close);
}

/* Ownership by struct field: release functions that close the handle
 * field, directly, through a helper, after a null check, or hand it off. */
struct client {
  uv_tcp_t *tcp;
  uv_timer_t *ping;
  uv_idle_t *idle;
  uv_async_t *wake;
};

void handle_park(uv_handle_t *h); /* keeps it: closes it later */

struct client *client_new(uv_loop_t *loop) {
  struct client *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  // ok: uv-handle-leak
  c->tcp = malloc(sizeof *c->tcp);
  c->ping = malloc(sizeof *c->ping);
  c->idle = malloc(sizeof *c->idle);
  c->wake = malloc(sizeof *c->wake);
  if (!c->tcp || !c->ping || !c->idle || !c->wake) {
    free(c->tcp);
    free(c->ping);
    free(c->idle);
    free(c->wake);
    free(c);
    return NULL;
  }
  uv_tcp_init(loop, c->tcp);
  uv_timer_init(loop, c->ping);
  uv_idle_init(loop, c->idle);
  uv_async_init(loop, c->wake, NULL);
  return c;
}

// ok: uv-handle-leak
void client_free(struct client *c) {
  if (!c) return;
  uv_close((uv_handle_t *)c->tcp, free_close);
  if (c->ping) uv_close((uv_handle_t *)c->ping, free_close);
  close_and_free((uv_handle_t *)c->idle);
  handle_park((uv_handle_t *)c->wake);
  free(c);
}

/* Takes the struct, never frees it: no claim about its fields. */
// ok: uv-handle-leak
void client_pause(struct client *c) { uv_timer_stop(c->ping); }

/* A reference count: the struct and its handle go together. */
struct peer {
  uv_tcp_t *tcp;
  int refs;
};

int peer_init(struct peer *p, uv_loop_t *loop) {
  // ok: uv-handle-leak
  p->tcp = malloc(sizeof *p->tcp);
  if (!p->tcp) return -1;
  p->refs = 1;
  return uv_tcp_init(loop, p->tcp);
}

// ok: uv-handle-leak
void peer_release(struct peer *p) {
  if (--p->refs > 0) goto out;
  uv_close((uv_handle_t *)p->tcp, free_close);
  free(p);
out:
  return;
}
