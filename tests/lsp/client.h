/* A scripted LSP client for the server suites: spawns the real `leaklint lsp`
 * (LEAKLINT_BIN) on pipes, writes framed or raw bytes, and reads framed
 * messages back with timeouts. Every message read is kept in a backlog, so a
 * test can wait for one kind of message without losing the others (log
 * messages, notifications that arrive in between). Everything is static:
 * each suite includes this once. */
#ifndef LL_TESTS_LSP_CLIENT_H
#define LL_TESTS_LSP_CLIENT_H

#define _GNU_SOURCE /* memmem, asprintf, mkdtemp, nftw */

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#define UNUSED __attribute__((unused))
#define MAX_SEEN 4096

typedef struct client {
  pid_t pid;
  int to, from; /* our ends: the server's stdin and stdout */
  char *buf;
  size_t len, cap;
  cJSON *seen[MAX_SEEN];
  bool used[MAX_SEEN];
  int nseen;
  bool eof;
  int next_id;
} client;

static UNUSED long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Starts `leaklint lsp` in folder `cwd` (NULL: inherit). */
static UNUSED client *client_start(const char *cwd) {
  const char *bin = getenv("LEAKLINT_BIN");
  cr_assert(bin, "LEAKLINT_BIN is not set");
  int in[2], out[2];
  cr_assert(pipe(in) == 0 && pipe(out) == 0);
  signal(SIGPIPE, SIG_IGN);
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    if (cwd && chdir(cwd) != 0) _exit(127);
    execl(bin, bin, "lsp", (char *)NULL);
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  client *c = calloc(1, sizeof *c);
  c->pid = pid;
  c->to = in[1];
  c->from = out[0];
  c->next_id = 100;
  return c;
}

static UNUSED void client_send_raw(client *c, const void *data, size_t n) {
  const char *p = data;
  while (n > 0) {
    ssize_t w = write(c->to, p, n);
    if (w < 0 && errno == EINTR) continue;
    cr_assert(w > 0, "write to the server failed: %s", strerror(errno));
    p += w, n -= (size_t)w;
  }
}

/* Frames `json` and sends it. */
static UNUSED void client_send(client *c, const char *json) {
  char head[64];
  int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n",
                    strlen(json));
  client_send_raw(c, head, (size_t)hn);
  client_send_raw(c, json, strlen(json));
}

static UNUSED void client_sendf(client *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static UNUSED void client_sendf(client *c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = NULL;
  cr_assert(vasprintf(&s, fmt, ap) >= 0);
  va_end(ap);
  client_send(c, s);
  free(s);
}

/* Sends a cJSON object (consumed). */
static UNUSED void client_send_json(client *c, cJSON *msg) {
  char *s = cJSON_PrintUnformatted(msg);
  cJSON_Delete(msg);
  client_send(c, s);
  free(s);
}

/* Takes one framed message out of the buffer, if complete. */
static cJSON *take_message(client *c) {
  char *end = c->len ? memmem(c->buf, c->len, "\r\n\r\n", 4) : NULL;
  if (!end) return NULL;
  size_t head = (size_t)(end - c->buf) + 4;
  char *cl = memmem(c->buf, head, "Content-Length:", 15);
  cr_assert(cl, "server sent a header block without Content-Length");
  size_t n = strtoul(cl + 15, NULL, 10);
  if (c->len < head + n) return NULL;
  cJSON *m = cJSON_ParseWithLength(c->buf + head, n);
  cr_assert(m, "server sent invalid JSON: %.*s", (int)n, c->buf + head);
  memmove(c->buf, c->buf + head + n, c->len - head - n);
  c->len -= head + n;
  return m;
}

/* Reads until one more message arrives or `deadline` (ms) passes. */
static UNUSED bool read_one(client *c, long deadline) {
  for (;;) {
    cJSON *m = take_message(c);
    if (m) {
      cr_assert(c->nseen < MAX_SEEN);
      c->seen[c->nseen++] = m;
      return true;
    }
    if (c->eof) return false;
    long left = deadline - now_ms();
    if (left <= 0) return false;
    struct pollfd p = {.fd = c->from, .events = POLLIN};
    int r = poll(&p, 1, (int)left);
    if (r <= 0) continue;
    if (c->cap - c->len < 65536) {
      c->cap = c->cap ? c->cap * 2 : 131072;
      c->buf = realloc(c->buf, c->cap);
    }
    ssize_t n = read(c->from, c->buf + c->len, c->cap - c->len);
    if (n <= 0) c->eof = true;
    else c->len += (size_t)n;
  }
}

typedef bool (*msg_pred)(const cJSON *m, const void *ud);

/* The first not-yet-taken message matching `pred`, waiting up to
 * `timeout_ms`; NULL on timeout. The message stays owned by the client. */
static UNUSED const cJSON *client_wait(client *c, int timeout_ms, msg_pred pred,
                                       const void *ud) {
  long deadline = now_ms() + timeout_ms;
  int scanned = 0;
  for (;;) {
    for (; scanned < c->nseen; scanned++) {
      if (!c->used[scanned] && pred(c->seen[scanned], ud)) {
        c->used[scanned] = true;
        return c->seen[scanned];
      }
    }
    if (!read_one(c, deadline)) return NULL;
  }
}

static UNUSED bool is_response_to(const cJSON *m, const void *ud) {
  const cJSON *id = cJSON_GetObjectItem(m, "id");
  return !cJSON_GetObjectItem(m, "method") && cJSON_IsNumber(id) &&
         id->valueint == *(const int *)ud;
}

static UNUSED bool is_null_id_error(const cJSON *m, const void *ud) {
  const cJSON *id = cJSON_GetObjectItem(m, "id");
  return cJSON_IsNull(id) && cJSON_GetObjectItem(m, "error");
}

static UNUSED bool is_method(const cJSON *m, const void *ud) {
  const cJSON *meth = cJSON_GetObjectItem(m, "method");
  return cJSON_IsString(meth) && !strcmp(meth->valuestring, ud);
}

typedef struct diag_key {
  const char *uri;
  int version; /* -1: any */
} diag_key;

static UNUSED bool is_diagnostics(const cJSON *m, const void *ud) {
  const diag_key *k = ud;
  if (!is_method(m, "textDocument/publishDiagnostics")) return false;
  const cJSON *p = cJSON_GetObjectItem(m, "params");
  const cJSON *uri = cJSON_GetObjectItem(p, "uri");
  const cJSON *v = cJSON_GetObjectItem(p, "version");
  if (!cJSON_IsString(uri) || strcmp(uri->valuestring, k->uri)) return false;
  return k->version < 0 || (cJSON_IsNumber(v) && v->valueint == k->version);
}

/* The response to request `id` (fails the test after 5 s). */
static UNUSED const cJSON *client_response(client *c, int id) {
  const cJSON *m = client_wait(c, 5000, is_response_to, &id);
  cr_assert(m, "no response to request %d", id);
  return m;
}

/* Sends a request built from `method` and `params` (consumed); returns its id. */
static UNUSED int client_request(client *c, const char *method, cJSON *params) {
  int id = c->next_id++;
  cJSON *m = cJSON_CreateObject();
  cJSON_AddStringToObject(m, "jsonrpc", "2.0");
  cJSON_AddNumberToObject(m, "id", id);
  cJSON_AddStringToObject(m, "method", method);
  if (params) cJSON_AddItemToObject(m, "params", params);
  client_send_json(c, m);
  return id;
}

static UNUSED void client_notify(client *c, const char *method, cJSON *params) {
  cJSON *m = cJSON_CreateObject();
  cJSON_AddStringToObject(m, "jsonrpc", "2.0");
  cJSON_AddStringToObject(m, "method", method);
  if (params) cJSON_AddItemToObject(m, "params", params);
  client_send_json(c, m);
}

/* The diagnostics array of the publishDiagnostics for `uri` with `version`
 * (-1: any); fails after `timeout_ms`. */
static UNUSED const cJSON *client_diagnostics(client *c, const char *uri,
                                              int version, int timeout_ms) {
  diag_key k = {uri, version};
  const cJSON *m = client_wait(c, timeout_ms, is_diagnostics, &k);
  cr_assert(m, "no publishDiagnostics for %s version %d", uri, version);
  return cJSON_GetObjectItem(cJSON_GetObjectItem(m, "params"), "diagnostics");
}

/* True when a publishDiagnostics for `uri` arrives within `timeout_ms`. */
static UNUSED bool client_published(client *c, const char *uri, int timeout_ms) {
  diag_key k = {uri, -1};
  return client_wait(c, timeout_ms, is_diagnostics, &k) != NULL;
}

/* The first window/logMessage whose text contains `needle`, or NULL. */
static UNUSED bool log_contains(const cJSON *m, const void *ud) {
  if (!is_method(m, "window/logMessage")) return false;
  const cJSON *t = cJSON_GetObjectItem(cJSON_GetObjectItem(m, "params"),
                                       "message");
  return cJSON_IsString(t) && strstr(t->valuestring, ud);
}

static UNUSED const cJSON *client_log(client *c, const char *needle,
                                      int timeout_ms) {
  return client_wait(c, timeout_ms, log_contains, needle);
}

/* initialize (+ initialized) with the given capabilities JSON (NULL: the
 * usual ones) and root folder URI; returns the initialize result. */
static UNUSED const cJSON *client_initialize(client *c, const char *root_uri,
                                             const char *caps_json,
                                             const char *init_options) {
  const char *caps = caps_json ? caps_json
      : "{\"textDocument\":{\"publishDiagnostics\":{\"relatedInformation\":"
        "true,\"versionSupport\":true},\"codeAction\":{"
        "\"codeActionLiteralSupport\":{\"codeActionKind\":{\"valueSet\":["
        "\"quickfix\"]}}},\"hover\":{\"contentFormat\":[\"markdown\"]}},"
        "\"workspace\":{\"workspaceEdit\":{\"documentChanges\":true}}}";
  cJSON *p = cJSON_CreateObject();
  cJSON_AddNumberToObject(p, "processId", getpid());
  if (root_uri) cJSON_AddStringToObject(p, "rootUri", root_uri);
  else cJSON_AddNullToObject(p, "rootUri");
  cJSON_AddItemToObject(p, "capabilities", cJSON_Parse(caps));
  if (init_options)
    cJSON_AddItemToObject(p, "initializationOptions", cJSON_Parse(init_options));
  int id = client_request(c, "initialize", p);
  const cJSON *r = client_response(c, id);
  client_notify(c, "initialized", cJSON_CreateObject());
  return cJSON_GetObjectItem(r, "result");
}

static UNUSED void client_open(client *c, const char *uri, int version,
                               const char *text) {
  cJSON *p = cJSON_CreateObject();
  cJSON *td = cJSON_AddObjectToObject(p, "textDocument");
  cJSON_AddStringToObject(td, "uri", uri);
  cJSON_AddStringToObject(td, "languageId", "javascript");
  cJSON_AddNumberToObject(td, "version", version);
  cJSON_AddStringToObject(td, "text", text);
  client_notify(c, "textDocument/didOpen", p);
}

/* One incremental change: replace (l1,c1)-(l2,c2) with `text`. */
static UNUSED void client_change(client *c, const char *uri, int version,
                                 int l1, int c1, int l2, int c2,
                                 const char *text) {
  char *s = NULL;
  cJSON *t = cJSON_CreateString(text);
  char *quoted = cJSON_PrintUnformatted(t);
  cJSON_Delete(t);
  cr_assert(asprintf(&s,
      "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":"
      "{\"textDocument\":{\"uri\":\"%s\",\"version\":%d},\"contentChanges\":"
      "[{\"range\":{\"start\":{\"line\":%d,\"character\":%d},\"end\":"
      "{\"line\":%d,\"character\":%d}},\"text\":%s}]}}",
      uri, version, l1, c1, l2, c2, quoted) >= 0);
  free(quoted);
  client_send(c, s);
  free(s);
}

/* Closes the server's stdin and returns its exit status (-1 when it had to
 * be killed after `timeout_ms`). Frees the client. */
static UNUSED int client_finish(client *c, int timeout_ms) {
  close(c->to);
  long deadline = now_ms() + timeout_ms;
  int status = 0, code = -1;
  for (;;) {
    /* Drain output so the server never blocks writing. */
    char tmp[65536];
    struct pollfd p = {.fd = c->from, .events = POLLIN};
    if (poll(&p, 1, 10) > 0 && read(c->from, tmp, sizeof tmp) <= 0) {
    }
    pid_t r = waitpid(c->pid, &status, WNOHANG);
    if (r == c->pid) {
      code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    if (now_ms() > deadline) {
      kill(c->pid, SIGKILL);
      waitpid(c->pid, &status, 0);
      break;
    }
  }
  close(c->from);
  for (int i = 0; i < c->nseen; i++) cJSON_Delete(c->seen[i]);
  free(c->buf);
  free(c);
  return code;
}

/* shutdown + exit; asserts exit code 0. */
static UNUSED void client_stop(client *c) {
  int id = client_request(c, "shutdown", NULL);
  const cJSON *r = client_response(c, id);
  cr_assert(cJSON_IsNull(cJSON_GetObjectItem(r, "result")));
  client_notify(c, "exit", NULL);
  cr_assert_eq(client_finish(c, 5000), 0);
}

/* ==== Small JSON accessors ==== */

static UNUSED const cJSON *jget(const cJSON *o, const char *path) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *save = NULL, *k = strtok_r(buf, ".", &save); k && o;
       k = strtok_r(NULL, ".", &save)) {
    if (cJSON_IsArray(o)) o = cJSON_GetArrayItem(o, atoi(k));
    else o = cJSON_GetObjectItemCaseSensitive(o, k);
  }
  return o;
}

static UNUSED int jint(const cJSON *o, const char *path) {
  const cJSON *v = jget(o, path);
  cr_assert(cJSON_IsNumber(v), "%s is not a number", path);
  return v->valueint;
}

static UNUSED const char *jstr(const cJSON *o, const char *path) {
  const cJSON *v = jget(o, path);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The string at `path`, or "(none)" for printing. */
static UNUSED const char *jstr_or(const cJSON *o, const char *path) {
  const char *s = jstr(o, path);
  return s ? s : "(none)";
}

/* ==== Temporary workspaces ==== */

static int rm_one(const char *p, const struct stat *sb, int flag,
                  struct FTW *ftw) {
  (void)sb, (void)ftw;
  return flag == FTW_DP ? rmdir(p) : unlink(p);
}

static UNUSED char *ws_new(void) {
  char *p = strdup("/tmp/ll-lsp-XXXXXX");
  cr_assert(mkdtemp(p));
  return p;
}

static UNUSED void ws_write(const char *dir, const char *rel, const char *text) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "wb");
  cr_assert(f);
  fputs(text, f);
  fclose(f);
}

static UNUSED void ws_remove(char *dir) {
  nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
  free(dir);
}

/* The code actions offered for diagnostic `diag` of `uri`. */
static UNUSED const cJSON *client_actions_for(client *c, const char *uri,
                                              const cJSON *diag) {
  cJSON *p = cJSON_CreateObject();
  cJSON *td = cJSON_AddObjectToObject(p, "textDocument");
  cJSON_AddStringToObject(td, "uri", uri);
  cJSON_AddItemToObject(p, "range",
                        cJSON_Duplicate(cJSON_GetObjectItem(diag, "range"), 1));
  cJSON *ctx = cJSON_AddObjectToObject(p, "context");
  cJSON *ds = cJSON_AddArrayToObject(ctx, "diagnostics");
  cJSON_AddItemToArray(ds, cJSON_Duplicate(diag, 1));
  int id = client_request(c, "textDocument/codeAction", p);
  return jget(client_response(c, id), "result");
}

/* The first action whose title contains `title_part`, or NULL. */
static UNUSED const cJSON *client_find_action(const cJSON *acts, const char *title_part) {
  const cJSON *a;
  cJSON_ArrayForEach(a, acts)
    if (strstr(jstr(a, "title"), title_part)) return a;
  return NULL;
}

/* didOpen with an explicit languageId. */
static UNUSED void client_open_lang(client *c, const char *uri, const char *lang,
                                    int version, const char *text) {
  cJSON *p = cJSON_CreateObject();
  cJSON *td = cJSON_AddObjectToObject(p, "textDocument");
  cJSON_AddStringToObject(td, "uri", uri);
  cJSON_AddStringToObject(td, "languageId", lang);
  cJSON_AddNumberToObject(td, "version", version);
  cJSON_AddStringToObject(td, "text", text);
  client_notify(c, "textDocument/didOpen", p);
}

#endif
