/* The `leaklint` program's bridge from the CLI and the language server to
 * the runtime's confirmation driver (cli/confirm.h): installed by main.c,
 * it turns settings into an `llrt_confirm_request` and the runtime's result
 * into the report's `ll_confirm`.
 *
 * Isolation: each confirmation runs in a forked child that writes its
 * result (a plain struct) to a pipe and exits, so an engine crash or a
 * runaway allocation costs one verdict ("inconclusive: the engine crashed
 * …"), never the run or the language server. LEAKLINT_CONFIRM_IN_PROCESS=1
 * runs it in the calling thread instead (debuggers, sanitizers).
 *
 * Templates: the parent keeps states with the hosts already built (a small
 * pool, one per thread that confirms at a time); a child inherits one by
 * the fork and starts from it, so building the hosts is paid once per
 * thread, not once per finding. The parent never runs code in them. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/confirm.h"
#include "cli/confirm_runtime.h"
#include "runtime/include/llrt_confirm.h"
#include "runtime/include/llrt_host.h"
#include "runtime/include/llrt_loop.h"

_Static_assert(LL_CONFIRM_MAX_SAMPLES == LLRT_CONFIRM_MAX_ROUNDS,
               "the report keeps every sample the runtime takes");

#define POOL_MAX 16

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static llrt_state *pool[POOL_MAX];
static size_t npool;

static llrt_state *take_template(void) {
  pthread_mutex_lock(&pool_mu);
  llrt_state *S = npool ? pool[--npool] : NULL;
  pthread_mutex_unlock(&pool_mu);
  return S ? S : llrt_confirm_template_new();
}

/* A template going back to the pool will be copied again: what the Node
 * host builds on first use is built in it now, once, instead of in every
 * copy (a one-off confirmation never pays for it before its run). */
static void give_template(llrt_state *S) {
  if (!S) return;
  if (!llrt_node_prebuild(S)) {
    llrt_state_free(S);
    return;
  }
  pthread_mutex_lock(&pool_mu);
  if (npool < POOL_MAX) pool[npool++] = S, S = NULL;
  pthread_mutex_unlock(&pool_mu);
  llrt_state_free(S);
}

static void free_pool(void) {
  while (npool) llrt_state_free(pool[--npool]);
}

static void confirm_with(llrt_state *tmpl, const ll_confirm_settings *s, const char *path,
                         const char *src, size_t len, const char *rule, uint32_t start,
                         uint32_t end, ll_confirm *out) {
  llrt_confirm_request rq = {
      .path = path, .src = src, .len = len, .rule = rule,
      .site_start = start, .site_end = end,
      .rounds = s->nrounds ? s->rounds : NULL, .nrounds = s->nrounds,
      .advance_ms = s->advance_ms, .max_steps = s->max_steps,
      .heap_cap = s->heap_cap, .max_ms = s->max_ms,
      .load = llrt_host_load_file,
      .template_state = tmpl,
  };
  llrt_confirm_result r;
  llrt_confirm(&rq, &r);
  out->status = r.verdict == LLRT_CONFIRMED ? LL_CONFIRM_CONFIRMED
                : r.verdict == LLRT_REFUTED ? LL_CONFIRM_REFUTED
                                            : LL_CONFIRM_INCONCLUSIVE;
  snprintf(out->entry, sizeof out->entry, "%s", r.entry);
  snprintf(out->metric, sizeof out->metric, "%s", r.metric);
  snprintf(out->reason, sizeof out->reason, "%s", r.reason);
  out->calls = r.calls;
  out->per_call = r.per_call;
  out->retained_bytes_per_call = r.retained_bytes_per_call;
  out->plateau = r.plateau;
  out->nsamples = r.nsamples;
  memcpy(out->samples, r.samples, sizeof out->samples);
  memcpy(out->sample_calls, r.sample_calls, sizeof out->sample_calls);
  out->phantom_uses = r.phantom_uses;
  out->ms = r.ms;
}

static void confirm_here(const ll_confirm_settings *s, const char *path, const char *src,
                         size_t len, const char *rule, uint32_t start, uint32_t end,
                         ll_confirm *out) {
  confirm_with(NULL, s, path, src, len, rule, start, end, out);
}

static bool write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    c += w;
    n -= (size_t)w;
  }
  return true;
}

static double mono_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Reads up to `n` bytes until EOF or `deadline` (monotonic ms); sets
 * `*late` when the deadline passed first. */
static size_t read_until(int fd, void *p, size_t n, double deadline, bool *late) {
  char *c = p;
  size_t got = 0;
  *late = false;
  while (got < n) {
    double left = deadline - mono_ms();
    if (left <= 0) {
      *late = true;
      break;
    }
    struct pollfd pf = {.fd = fd, .events = POLLIN};
    int k = poll(&pf, 1, left > 1e6 ? 1000000 : (int)left + 1);
    if (k < 0 && errno == EINTR) continue;
    if (k == 0) continue; /* the loop re-checks the deadline */
    if (k < 0) break;
    ssize_t r = read(fd, c + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  return got;
}

static void confirm_in_child(const ll_confirm_settings *s, const char *path,
                             const char *src, size_t len, const char *rule,
                             uint32_t start, uint32_t end, ll_confirm *out) {
  int fds[2];
  if (pipe(fds) != 0) {
    confirm_here(s, path, src, len, rule, start, end, out);
    return;
  }
  llrt_state *tmpl = take_template();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    give_template(tmpl);
    confirm_here(s, path, src, len, rule, start, end, out);
    return;
  }
  if (pid == 0) {
    close(fds[0]);
    ll_confirm c;
    memset(&c, 0, sizeof c);
    confirm_with(tmpl, s, path, src, len, rule, start, end, &c); /* its own copy */
    _exit(write_all(fds[1], &c, sizeof c) ? 0 : 1);
  }
  give_template(tmpl); /* untouched here: the child ran in a copy */
  close(fds[1]);
  /* The child stops itself at its time cap (10x in wall time); past that
   * and a margin it is stuck outside JavaScript (a lock inherited through
   * the fork, say): it is killed, and the verdict is inconclusive. */
  double cap = s->max_ms > 0 ? s->max_ms : 2000, limit = cap * 10 + 10000;
  ll_confirm c;
  bool late = false;
  size_t got = read_until(fds[0], &c, sizeof c, mono_ms() + limit, &late);
  close(fds[0]);
  if (late) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (got == sizeof c && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    *out = c;
    return;
  }
  memset(out, 0, sizeof *out);
  out->status = LL_CONFIRM_INCONCLUSIVE;
  if (late)
    snprintf(out->reason, sizeof out->reason,
             "the confirmation process did not answer within %.0f s and was stopped",
             limit / 1000);
  else if (WIFSIGNALED(status))
    snprintf(out->reason, sizeof out->reason,
             "the engine crashed (signal %d) — a leaklint bug worth reporting with this file",
             WTERMSIG(status));
  else
    snprintf(out->reason, sizeof out->reason, "the confirmation process failed (status %d)",
             WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

void ll_cli_install_runtime(void) {
  const char *in = getenv("LEAKLINT_CONFIRM_IN_PROCESS");
  bool here = in && *in && strcmp(in, "0");
  ll_cli_set_confirmer(here ? confirm_here : confirm_in_child);
  if (!here) atexit(free_pool);
}
