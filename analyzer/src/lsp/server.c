/* The language server's loop: reads stdin with libuv, frames it into
 * messages (transport.c), hands each to protocol.c, writes replies and
 * notifications to stdout, and decides the exit code.
 *
 * Invariants: one thread (the loop's) reads, dispatches and writes; analysis
 * and confirmation jobs run in libuv's thread pool and come back through
 * their after-work callbacks on this thread, so no server state is ever
 * shared across threads. Writes are whole messages, blocking, in order.
 * Input after `exit` is ignored; the loop ends once the input is closed and
 * the jobs in flight have finished. The exit code follows the LSP: 0 when
 * `shutdown` came before `exit` (or before the end of input), 1 otherwise.
 * This module never prints anything but protocol messages and never exits
 * the process. */
#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "base/alloc.h"
#include "lsp/lsp.h"

/* ==== Writing ==== */

/* Writes all of iov[0..n) to `fd`, waiting when it is non-blocking. */
static bool write_all(int fd, struct iovec *iov, int n) {
  while (n > 0) {
    ssize_t w = writev(fd, iov, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        poll(&p, 1, 1000);
        continue;
      }
      return false;
    }
    size_t done = (size_t)w;
    while (n > 0 && done >= iov->iov_len) {
      done -= iov->iov_len;
      iov++, n--;
    }
    if (n > 0) {
      iov->iov_base = (char *)iov->iov_base + done;
      iov->iov_len -= done;
    }
  }
  return true;
}

bool ll__lsp_write(ll_lsp_server *s, const char *body, size_t len) {
  if (s->out_fd < 0) return false;
  char head[64];
  int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
  struct iovec iov[2] = {{head, (size_t)hn}, {(void *)body, len}};
  if (write_all(s->out_fd, iov, 2)) return true;
  /* The client is gone: nothing more can be said, so stop. */
  s->out_fd = -1;
  if (s->state != LL_LSP_EXITED) s->exit_code = 1;
  ll__lsp_stop(s);
  return false;
}

/* ==== Replying once ==== */

void ll__lsp_pending_add(ll_lsp_server *s, const ll_lsp_id *id) {
  if (s->npending == s->pending_cap) {
    size_t cap = s->pending_cap ? s->pending_cap * 2 : 16;
    ll_lsp_id *p = ll_realloc(s->pending, cap * sizeof *p);
    if (!p) return; /* bookkeeping only: the request is still served */
    s->pending = p;
    s->pending_cap = cap;
  }
  if (ll__lsp_id_copy(&s->pending[s->npending], id)) s->npending++;
}

void ll__lsp_pending_remove(ll_lsp_server *s, const ll_lsp_id *id) {
  for (size_t i = 0; i < s->npending; i++) {
    if (!ll__lsp_id_equal(&s->pending[i], id)) continue;
    ll__lsp_id_fini(&s->pending[i]);
    s->pending[i] = s->pending[--s->npending];
    return;
  }
  /* Replying to a request that is not outstanding means a second reply. */
  assert(!"a request was answered twice (or was never received)");
}

/* ==== Reading ==== */

static void on_frame_error(void *ud, const char *message) {
  ll__lsp_log(ud, LL_LSP_LOG_ERROR, "%s", message);
}

static void on_body(void *ud, const char *body, size_t len) {
  ll_lsp_server *s = ud;
  if (s->state == LL_LSP_EXITED || s->out_fd < 0) return;
  ll__lsp_handle_body(s, body, len);
}

static void on_input_end(ll_lsp_server *s) {
  if (s->state != LL_LSP_EXITED)
    s->exit_code = s->state == LL_LSP_SHUTDOWN ? 0 : 1;
  ll__lsp_stop(s);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  ll_lsp_server *s = h->data;
  *buf = uv_buf_init(s->fs_buf, sizeof s->fs_buf);
}

static void on_read(uv_stream_t *st, ssize_t n, const uv_buf_t *buf) {
  ll_lsp_server *s = st->data;
  if (n > 0) ll_lsp_framer_feed(&s->framer, buf->base, (size_t)n);
  else if (n < 0) on_input_end(s);
}

static void start_file_read(ll_lsp_server *s);

static void on_fs_read(uv_fs_t *req) {
  ll_lsp_server *s = req->data;
  ssize_t n = req->result;
  uv_fs_req_cleanup(req);
  s->in_open = false;
  if (n > 0) ll_lsp_framer_feed(&s->framer, s->fs_buf, (size_t)n);
  if (n <= 0) on_input_end(s);
  else if (!s->stopping) start_file_read(s);
}

static void start_file_read(ll_lsp_server *s) {
  uv_buf_t b = uv_buf_init(s->fs_buf, sizeof s->fs_buf);
  s->fs_req.data = s;
  if (uv_fs_read(s->loop, &s->fs_req, s->in_fd, &b, 1, -1, on_fs_read) == 0)
    s->in_open = true;
  else
    on_input_end(s);
}

static bool start_reading(ll_lsp_server *s) {
  uv_handle_type t = uv_guess_handle(s->in_fd);
  int rc = -1;
  if (t == UV_NAMED_PIPE || t == UV_TCP) {
    rc = uv_pipe_init(s->loop, &s->in.pipe, 0);
    if (rc == 0) {
      s->in.pipe.data = s;
      s->in_is_stream = s->in_open = true;
      rc = uv_pipe_open(&s->in.pipe, s->in_fd);
    }
  } else if (t == UV_TTY) {
    rc = uv_tty_init(s->loop, &s->in.tty, s->in_fd, 1);
    if (rc == 0) {
      s->in.tty.data = s;
      s->in_is_stream = s->in_open = true;
    }
  } else {
    start_file_read(s);
    return true;
  }
  if (rc == 0)
    rc = uv_read_start((uv_stream_t *)&s->in, on_alloc, on_read);
  if (rc != 0) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "cannot read standard input: %s",
                uv_strerror(rc));
    return false;
  }
  return true;
}

uint64_t ll__lsp_now(const ll_lsp_server *s) { return uv_now(s->loop); }

void ll__lsp_stop(ll_lsp_server *s) {
  if (s->stopping) return;
  s->stopping = true;
  if (s->in_is_stream && s->in_open) {
    uv_read_stop((uv_stream_t *)&s->in);
    uv_close((uv_handle_t *)&s->in, NULL);
    s->in_open = false;
  }
  /* A file read in flight finishes on its own and is not restarted. */
  while (s->parked) { /* nobody is listening for these any more */
    ll_lsp_parked *p = s->parked;
    s->parked = p->next;
    ll__lsp_pending_remove(s, &p->id);
    ll__lsp_id_fini(&p->id);
    ll_free(p->previous_result_id);
    ll__lsp_doc_unref(s, p->doc);
    ll_free(p);
  }
  ll__lsp_docs_close_all(s);
}

/* ==== The server ==== */

/* The folder holding rules/rules.def near the executable (a build folder
 * inside the source tree), or LEAKLINT_SOURCE_DIR: where README links point. */
static char *find_docs_dir(void) {
  const char *env = getenv("LEAKLINT_SOURCE_DIR");
  char path[4096], probe[4200];
  if (env && *env) {
    snprintf(probe, sizeof probe, "%s/rules/rules.def", env);
    if (access(probe, R_OK) == 0) return ll_strdup(env);
  }
  size_t n = sizeof path;
  if (uv_exepath(path, &n) != 0) return NULL;
  for (int up = 0; up < 4; up++) {
    char *slash = strrchr(path, '/');
    if (!slash || slash == path) return NULL;
    *slash = '\0';
    snprintf(probe, sizeof probe, "%s/rules/rules.def", path);
    if (access(probe, R_OK) == 0) return ll_strdup(path);
  }
  return NULL;
}

int ll_lsp_run(int in_fd, int out_fd) {
  uv_loop_t loop;
  if (uv_loop_init(&loop) != 0) return 1;
  ll_lsp_server *s = ll_calloc(1, sizeof *s);
  if (!s) {
    uv_loop_close(&loop);
    return 1;
  }
  s->loop = &loop;
  s->in_fd = in_fd;
  s->out_fd = out_fd;
  s->exit_code = 1;
  s->push = true;
  s->debounce_ms = 75;
  ll__lsp_settings_init(&s->settings);
  s->docs_dir = find_docs_dir();
  ll_lsp_framer_init(&s->framer, 0, on_body, on_frame_error, s);
  if (start_reading(s)) uv_run(&loop, UV_RUN_DEFAULT);
  ll__lsp_stop(s);
  uv_run(&loop, UV_RUN_DEFAULT); /* close callbacks and jobs in flight */
  int code = s->exit_code;
  /* Everything is closed now; free what is left. */
  ll__lsp_config_unref(s->config);
  for (size_t i = 0; i < s->npending; i++) ll__lsp_id_fini(&s->pending[i]);
  ll_free(s->pending);
  ll_lsp_framer_fini(&s->framer);
  ll_free(s->client.root_path);
  ll_free(s->trace);
  ll_free(s->docs_dir);
  ll_free(s);
  uv_loop_close(&loop);
  return code;
}
