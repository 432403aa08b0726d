/* uv-handle-leak: heap-allocated libuv handles that are never closed, closed
 * without a callback that frees them, or freed while their loop holds them.
 * Each `expect:` covers the next code line. No code in this file closes a
 * timer, prepare, check, async, signal, TCP, UDP, pipe, poll or fs-event
 * handle, so those kinds are never closed here; idle handles are closed,
 * badly. */
#include <stdlib.h>
#include <uv.h>

struct server {
  uv_loop_t *loop;
  int port;
};

static void on_tick(uv_timer_t *t) { (void)t; }
static void on_idle(uv_idle_t *h) { (void)h; }

/* A close callback that forgets the handle (it only clears `data`). */
static void forget_close(uv_handle_t *h) { h->data = NULL; }

/* Initialised and never closed. */
void timer_never_closed(uv_loop_t *loop) {
  // expect: uv-handle-leak "nothing in this file calls `uv_close` on a `uv_timer_t` handle"
  uv_timer_t *t = malloc(sizeof *t);
  if (!t) return;
  uv_timer_init(loop, t);
  uv_timer_start(t, on_tick, 10, 0);
}

/* An early return after the init. */
int prepare_early_return(uv_loop_t *loop, int fail) {
  // expect: uv-handle-leak "`uv_prepare_t`"
  uv_prepare_t *p = malloc(sizeof *p);
  if (!p) return -1;
  uv_prepare_init(loop, p);
  if (fail) return -1;
  return 0;
}

/* calloc is heap memory too. */
void check_calloc(uv_loop_t *loop) {
  // expect: uv-handle-leak
  uv_check_t *c = calloc(1, sizeof *c);
  if (c == NULL) return;
  uv_check_init(loop, c);
}

/* The init's result is checked, but the success path still never closes. */
int async_checked(uv_loop_t *loop, uv_async_cb cb) {
  // expect: uv-handle-leak
  uv_async_t *a = malloc(sizeof *a);
  if (!a) return -1;
  if (uv_async_init(loop, a, cb) != 0) {
    free(a);
    return -1;
  }
  return 0;
}

/* Started with a libuv function that only borrows the handle. */
void signal_started(uv_loop_t *loop, uv_signal_cb cb) {
  // expect: uv-handle-leak
  uv_signal_t *s = malloc(sizeof *s);
  if (!s) return;
  uv_signal_init(loop, s);
  uv_signal_start(s, cb, 2);
}

/* A TCP handle set up in a loop: each iteration's handle is lost. */
void tcp_in_loop(uv_loop_t *loop, int n) {
  for (int i = 0; i < n; i++) {
    // expect: uv-handle-leak
    uv_tcp_t *t = malloc(sizeof *t);
    if (!t) break;
    uv_tcp_init(loop, t);
    uv_tcp_nodelay(t, 1);
  }
}

/* In one switch arm. */
void udp_switch(uv_loop_t *loop, int mode) {
  switch (mode) {
  case 1: {
    // expect: uv-handle-leak
    uv_udp_t *u = malloc(sizeof *u);
    if (!u) return;
    uv_udp_init(loop, u);
    break;
  }
  default:
    break;
  }
}

/* Past a `goto` to the error label. */
int pipe_goto(uv_loop_t *loop, const char *name) {
  // expect: uv-handle-leak
  uv_pipe_t *p = malloc(sizeof *p);
  if (!p) goto fail;
  uv_pipe_init(loop, p, 0);
  if (uv_pipe_bind(p, name) != 0) goto fail;
  return 0;
fail:
  return -1;
}

/* The fields of a struct the function owns do not make the handle escape. */
void poll_with_server(struct server *srv, int fd) {
  // expect: uv-handle-leak
  uv_poll_t *p = malloc(sizeof *p);
  if (!p) return;
  uv_poll_init(srv->loop, p, fd);
}

/* fs events, through an `if`/`else`. */
void fs_event_else(uv_loop_t *loop, int watch) {
  // expect: uv-handle-leak
  uv_fs_event_t *e = malloc(sizeof *e);
  if (!e) return;
  if (watch) uv_fs_event_init(loop, e);
  else free(e);
}

/* Closed without a callback: nothing frees it. */
void idle_no_callback(uv_loop_t *loop) {
  uv_idle_t *h = malloc(sizeof *h);
  if (!h) return;
  uv_idle_init(loop, h);
  uv_idle_start(h, on_idle);
  // expect: uv-handle-leak "has no close callback"
  uv_close((uv_handle_t *)h, NULL);
}

/* Closed with a callback that does not free it. */
void idle_callback_forgets(uv_loop_t *loop) {
  uv_idle_t *h = malloc(sizeof *h);
  if (!h) return;
  uv_idle_init(loop, h);
  // expect: uv-handle-leak "`forget_close`, that does not free the handle"
  uv_close((uv_handle_t *)h, forget_close);
}

/* Freed while the loop still holds it. */
void idle_freed(uv_loop_t *loop) {
  uv_idle_t *h = malloc(sizeof *h);
  if (!h) return;
  uv_idle_init(loop, h);
  // expect: uv-handle-leak "freed at line"
  free(h);
}

/* Freed on an error path after a successful init. */
int idle_freed_on_error(uv_loop_t *loop, uv_idle_cb cb) {
  uv_idle_t *h = malloc(sizeof *h);
  if (!h) return -1;
  if (uv_idle_init(loop, h) != 0) {
    free(h);
    return -1;
  }
  if (uv_idle_start(h, cb) != 0) {
    // expect: uv-handle-leak "while its loop still holds it"
    free(h);
    return -1;
  }
  return 0;
}

/* Ownership by struct field: a struct that holds a handle in a field owns
 * it, so the function that frees the struct must `uv_close` the handle.
 * The finding is on the release function's name. */
static void free_handle(uv_handle_t *h) { free(h); }

struct watcher {
  uv_fs_poll_t *poll;
  int interval;
};

struct watcher *watcher_new(uv_loop_t *loop) {
  struct watcher *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->poll = malloc(sizeof *w->poll);
  if (w->poll) uv_fs_poll_init(loop, w->poll);
  return w;
}

// expect: uv-handle-leak "`w->poll` is not closed by watcher_free() (line 187), which frees `w`"
void watcher_free(struct watcher *w) {
  free(w);
}

/* Freeing the handle field is not closing it: the loop still holds it. */
struct console {
  uv_tty_t *tty;
};

int console_init(struct console *c, uv_loop_t *loop) {
  c->tty = malloc(sizeof *c->tty);
  if (!c->tty) return -1;
  return uv_tty_init(loop, c->tty, 1, 0);
}

// expect: uv-handle-leak "`c->tty` is not closed by console_free()"
void console_free(struct console *c) {
  free(c->tty);
  free(c);
}

/* Closed on one path only. */
struct term {
  uv_tty_t *out;
};

struct term *term_new(uv_loop_t *loop) {
  struct term *t = malloc(sizeof *t);
  if (!t) return NULL;
  t->out = malloc(sizeof *t->out);
  if (!t->out || uv_tty_init(loop, t->out, 1, 0)) {
    free(t->out);
    free(t);
    return NULL;
  }
  return t;
}

// expect: uv-handle-leak "which frees `t`"
void term_free(struct term *t, int graceful) {
  if (graceful) uv_close((uv_handle_t *)t->out, free_handle);
  free(t);
}
