/* The JSON-RPC / LSP protocol layer: the only module of the server that knows
 * JSON (cJSON). It validates each message body, dispatches it through
 * methods.def, decodes params into the plain structs of lsp.h, calls the
 * typed handlers, and encodes their results, the server's notifications
 * (publishDiagnostics, logMessage) and its requests to the client.
 *
 * Invariants:
 * - Every request gets exactly one reply. A request is marked pending before
 *   its handler runs; each reply unmarks it (asserting, in debug builds,
 *   that it was pending); after the handler returns it must be answered or
 *   parked (pull diagnostics), else debug builds assert and release builds
 *   answer InternalError. A `leaklint.confirm` request is answered when its
 *   run in the thread pool is done (or at once when it is cancelled).
 * - Malformed input is answered, never trusted: a body that is not JSON gets
 *   ParseError with id null; a message that is not a JSON-RPC request gets
 *   InvalidRequest; params of the wrong shape get InvalidParams (requests) or
 *   a log message (notifications).
 * - Before `initialize` only `initialize` and `exit` are served (requests get
 *   ServerNotInitialized); after `shutdown` only `exit` (requests get
 *   InvalidRequest). */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/alloc.h"
#include "cli/cli.h"
#include "cli/config.h"
#include "lsp/lsp.h"
#include "output/confirm.h"

/* ==== Ids ==== */

void ll__lsp_id_fini(ll_lsp_id *id) {
  if (id->kind == LL_LSP_ID_STR) ll_free(id->str);
  id->str = NULL;
  id->kind = LL_LSP_ID_NULL;
}

bool ll__lsp_id_copy(ll_lsp_id *dst, const ll_lsp_id *src) {
  *dst = *src;
  if (src->kind == LL_LSP_ID_STR && !(dst->str = ll_strdup(src->str))) {
    dst->kind = LL_LSP_ID_NULL;
    return false;
  }
  return true;
}

/* Decodes an id: false when `item` is present but not a number or string. */
static bool decode_id(const cJSON *item, ll_lsp_id *id) {
  memset(id, 0, sizeof *id);
  if (!item || cJSON_IsNull(item)) return true;
  if (cJSON_IsNumber(item)) {
    id->kind = LL_LSP_ID_NUM;
    id->num = item->valuedouble;
    return true;
  }
  if (cJSON_IsString(item)) {
    id->kind = LL_LSP_ID_STR;
    id->str = ll_strdup(item->valuestring);
    return id->str != NULL;
  }
  return false;
}

static cJSON *encode_id(const ll_lsp_id *id) {
  switch (id->kind) {
  case LL_LSP_ID_NUM: return cJSON_CreateNumber(id->num);
  case LL_LSP_ID_STR: return cJSON_CreateString(id->str);
  default: return cJSON_CreateNull();
  }
}

/* ==== Sending ==== */

/* Serialises and writes `msg`, then frees it. */
static void send_json(ll_lsp_server *s, cJSON *msg) {
  if (!msg) return;
  char *text = cJSON_PrintUnformatted(msg);
  cJSON_Delete(msg);
  if (!text) return; /* out of memory: nothing sensible to send */
  ll__lsp_write(s, text, strlen(text));
  cJSON_free(text);
}

static cJSON *message(void) {
  cJSON *m = cJSON_CreateObject();
  if (m) cJSON_AddStringToObject(m, "jsonrpc", "2.0");
  return m;
}

/* Answers `id` with `result` (consumed; NULL means JSON null). */
static void reply(ll_lsp_server *s, const ll_lsp_id *id, cJSON *result) {
  ll__lsp_pending_remove(s, id);
  cJSON *m = message();
  if (!m) {
    cJSON_Delete(result);
    return;
  }
  cJSON_AddItemToObject(m, "id", encode_id(id));
  cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
  send_json(s, m);
}

/* An error reply; `id` NULL means id null (a message we could not read). */
static void reply_error(ll_lsp_server *s, const ll_lsp_id *id, int code,
                        const char *text) {
  static const ll_lsp_id null_id = {LL_LSP_ID_NULL, 0, NULL};
  if (id && id->kind != LL_LSP_ID_NULL) ll__lsp_pending_remove(s, id);
  cJSON *m = message();
  if (!m) return;
  cJSON_AddItemToObject(m, "id", encode_id(id ? id : &null_id));
  cJSON *e = cJSON_AddObjectToObject(m, "error");
  if (e) {
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", text);
  }
  send_json(s, m);
}

void ll__lsp_reply_error(ll_lsp_server *s, const ll_lsp_id *id, int code,
                         const char *text) {
  reply_error(s, id, code, text);
}

static void notify(ll_lsp_server *s, const char *method, cJSON *params) {
  cJSON *m = message();
  if (!m) {
    cJSON_Delete(params);
    return;
  }
  cJSON_AddStringToObject(m, "method", method);
  if (params) cJSON_AddItemToObject(m, "params", params);
  send_json(s, m);
}

/* A request to the client; returns the number in its id ("leaklint-N").
 * Answers are read by `on_response` (most are ignored). */
static uint64_t request(ll_lsp_server *s, const char *method, cJSON *params) {
  uint64_t n = ++s->next_request_id;
  cJSON *m = message();
  if (!m) {
    cJSON_Delete(params);
    return n;
  }
  char id[32];
  snprintf(id, sizeof id, "leaklint-%llu", (unsigned long long)n);
  cJSON_AddStringToObject(m, "id", id);
  cJSON_AddStringToObject(m, "method", method);
  if (params) cJSON_AddItemToObject(m, "params", params);
  send_json(s, m);
  return n;
}

void ll__lsp_log(ll_lsp_server *s, int type, const char *fmt, ...) {
  char text[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  cJSON *p = cJSON_CreateObject();
  if (!p) return;
  cJSON_AddNumberToObject(p, "type", type);
  cJSON_AddStringToObject(p, "message", text);
  notify(s, "window/logMessage", p);
}

/* ==== Decoding helpers ==== */

static const cJSON *get(const cJSON *o, const char *key) {
  return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

static const char *get_str(const cJSON *o, const char *key) {
  const cJSON *v = get(o, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool get_bool(const cJSON *o, const char *key) {
  return cJSON_IsTrue(get(o, key));
}

/* A path of keys ("a", "b", NULL) into nested objects. */
static const cJSON *dig(const cJSON *o, ...) {
  va_list ap;
  va_start(ap, o);
  for (const char *k; o && (k = va_arg(ap, const char *));) o = get(o, k);
  va_end(ap);
  return o;
}

/* A non-negative integer that fits 32 bits; negatives and fractions fail.
 * Values over UINT32_MAX saturate (they are clamped later anyway). */
static bool to_u32(const cJSON *v, uint32_t *out) {
  if (!cJSON_IsNumber(v)) return false;
  double d = v->valuedouble;
  if (!(d >= 0) || d != floor(d)) return false;
  *out = d > 4294967295.0 ? UINT32_MAX : (uint32_t)d;
  return true;
}

static bool decode_pos(const cJSON *o, ll_lsp_pos *p) {
  return to_u32(get(o, "line"), &p->line) &&
         to_u32(get(o, "character"), &p->character);
}

static bool decode_range(const cJSON *o, ll_lsp_range *r) {
  return decode_pos(get(o, "start"), &r->start) &&
         decode_pos(get(o, "end"), &r->end);
}

static cJSON *encode_pos(ll_lsp_pos p) {
  cJSON *o = cJSON_CreateObject();
  if (o) {
    cJSON_AddNumberToObject(o, "line", p.line);
    cJSON_AddNumberToObject(o, "character", p.character);
  }
  return o;
}

static cJSON *encode_range(ll_lsp_range r) {
  cJSON *o = cJSON_CreateObject();
  if (o) {
    cJSON_AddItemToObject(o, "start", encode_pos(r.start));
    cJSON_AddItemToObject(o, "end", encode_pos(r.end));
  }
  return o;
}

/* The uri of params.textDocument. */
static const char *doc_uri(const cJSON *params) {
  return get_str(get(params, "textDocument"), "uri");
}

/* ==== Settings ==== */

/* Reads `{ "rules": {...}, "env": [...], "run": "onSave" }`, also wrapped in
 * `{ "leaklint": … }`. Unknown rule ids and words are logged and skipped. */
static bool decode_settings(ll_lsp_server *s, const cJSON *o,
                            ll_lsp_settings *st) {
  ll__lsp_settings_init(st);
  if (!cJSON_IsObject(o)) return false;
  const cJSON *inner = get(o, "leaklint");
  if (cJSON_IsObject(inner)) o = inner;
  bool any = false;
  const cJSON *rules = get(o, "rules"), *r;
  if (!cJSON_IsObject(rules)) rules = NULL;
  cJSON_ArrayForEach(r, rules) {
    any = true;
    int idx = ll_rule_find(r->string);
    const cJSON *v = cJSON_IsArray(r) ? cJSON_GetArrayItem(r, 0) : r;
    char word[32] = "";
    if (cJSON_IsString(v)) snprintf(word, sizeof word, "%s", v->valuestring);
    else if (cJSON_IsNumber(v)) snprintf(word, sizeof word, "%d", v->valueint);
    ll_severity sev;
    if (idx < 0) {
      const char *sug = ll_cli_suggest_rule(r->string);
      ll__lsp_log(s, LL_LSP_LOG_WARNING,
                  "settings: unknown rule id \"%s\"%s%s%s", r->string,
                  sug ? "; did you mean \"" : "", sug ? sug : "",
                  sug ? "\"?" : "");
    } else if (!ll_cli_parse_severity(word, &sev)) {
      ll__lsp_log(s, LL_LSP_LOG_WARNING,
                  "settings: rule \"%s\": unknown severity \"%s\" (use off, "
                  "info, warn or error)", r->string, word);
    } else {
      st->rules[idx] = sev;
    }
  }
  const cJSON *env = get(o, "env"), *e;
  if (cJSON_IsArray(env) || cJSON_IsString(env)) {
    any = true;
    st->has_env = true;
    st->env = 0;
    char buf[256];
    const char *list = cJSON_IsString(env) ? env->valuestring : NULL;
    if (list) { /* "node,browser" */
      snprintf(buf, sizeof buf, "%s", list);
      for (char *save = NULL, *w = strtok_r(buf, ", ", &save); w;
           w = strtok_r(NULL, ", ", &save)) {
        unsigned bit = ll_env_parse(w);
        if (!bit)
          ll__lsp_log(s, LL_LSP_LOG_WARNING, "settings: unknown env \"%s\"", w);
        st->env |= bit;
      }
    }
    const cJSON *arr = cJSON_IsArray(env) ? env : NULL;
    cJSON_ArrayForEach(e, arr) {
      unsigned bit = cJSON_IsString(e) ? ll_env_parse(e->valuestring) : 0;
      if (!bit)
        ll__lsp_log(s, LL_LSP_LOG_WARNING, "settings: unknown env \"%s\"",
                    cJSON_IsString(e) ? e->valuestring : "(not a string)");
      st->env |= bit;
    }
  }
  const char *run = get_str(o, "run");
  if (run) {
    any = true;
    st->run_on_save = strcmp(run, "onSave") == 0;
  }
  return any;
}

/* ==== Lifecycle ==== */

static void m_initialize(ll_lsp_server *s, const ll_lsp_id *id,
                         const cJSON *params) {
  if (s->state != LL_LSP_UNINITIALIZED) {
    reply_error(s, id, LL_LSP_INVALID_REQUEST,
                "initialize may be sent only once");
    return;
  }
  ll_lsp_init_params p;
  memset(&p, 0, sizeof p);
  const char *root = get_str(params, "rootUri");
  const cJSON *folders = get(params, "workspaceFolders");
  if (!root && cJSON_IsArray(folders))
    root = get_str(cJSON_GetArrayItem(folders, 0), "uri");
  if (root) p.root_path = ll_lsp_uri_to_path(root);
  if (!p.root_path && get_str(params, "rootPath"))
    p.root_path = ll_strdup(get_str(params, "rootPath"));
  const cJSON *opts = get(params, "initializationOptions");
  p.has_settings = decode_settings(s, opts, &p.settings);
  const char *mode = get_str(opts, "diagnosticMode");
  if (!mode && cJSON_IsObject(get(opts, "leaklint")))
    mode = get_str(get(opts, "leaklint"), "diagnosticMode");
  p.force_push = mode && strcmp(mode, "push") == 0;
  const cJSON *inc = get(opts, "incremental");
  if (!inc && cJSON_IsObject(get(opts, "leaklint")))
    inc = get(get(opts, "leaklint"), "incremental");
  p.no_incremental = cJSON_IsFalse(inc);
  const cJSON *caps = get(params, "capabilities");
  const cJSON *td = get(caps, "textDocument");
  p.related_info = get_bool(dig(td, "publishDiagnostics", NULL),
                            "relatedInformation");
  p.version_support = get_bool(dig(td, "publishDiagnostics", NULL),
                               "versionSupport");
  p.doc_changes = get_bool(dig(caps, "workspace", "workspaceEdit", NULL),
                           "documentChanges");
  p.watched_files_dynamic = get_bool(
      dig(caps, "workspace", "didChangeWatchedFiles", NULL),
      "dynamicRegistration");
  p.diagnostic_refresh =
      get_bool(dig(caps, "workspace", "diagnostics", NULL), "refreshSupport");
  p.config_pull = get_bool(get(caps, "workspace"), "configuration");
  p.code_action_literals =
      cJSON_IsObject(dig(td, "codeAction", "codeActionLiteralSupport", NULL));
  p.diagnostic_pull = cJSON_IsObject(get(td, "diagnostic"));
  const cJSON *fmt = dig(td, "hover", "contentFormat", NULL), *f;
  const cJSON *fmts = cJSON_IsArray(fmt) ? fmt : NULL;
  cJSON_ArrayForEach(f, fmts)
    if (cJSON_IsString(f) && !strcmp(f->valuestring, "markdown"))
      p.hover_markdown = true;
  if (!fmt) p.hover_markdown = true;

  if (ll__lsp_on_initialize(s, &p) != LL_OK) {
    reply_error(s, id, LL_LSP_INTERNAL_ERROR, "out of memory");
    return;
  }
  cJSON *res = cJSON_CreateObject();
  cJSON *c = cJSON_AddObjectToObject(res, "capabilities");
  cJSON_AddStringToObject(c, "positionEncoding", "utf-16");
  cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
  cJSON_AddBoolToObject(sync, "openClose", true);
  cJSON_AddNumberToObject(sync, "change", 2); /* incremental */
  cJSON *save = cJSON_AddObjectToObject(sync, "save");
  cJSON_AddBoolToObject(save, "includeText", false);
  cJSON_AddBoolToObject(c, "hoverProvider", true);
  if (s->client.code_action_literals) {
    cJSON *ca = cJSON_AddObjectToObject(c, "codeActionProvider");
    cJSON *kinds = cJSON_AddArrayToObject(ca, "codeActionKinds");
    cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
  } else {
    cJSON_AddBoolToObject(c, "codeActionProvider", true);
  }
  /* Advertised even without a runtime, where the command answers with an
   * error that says why (ll__lsp_on_confirm). */
  cJSON *ec = cJSON_AddObjectToObject(c, "executeCommandProvider");
  cJSON *cmds = cJSON_AddArrayToObject(ec, "commands");
  cJSON_AddItemToArray(cmds, cJSON_CreateString(LL_LSP_CMD_CONFIRM));
  if (s->client.diagnostic_pull) {
    cJSON *dp = cJSON_AddObjectToObject(c, "diagnosticProvider");
    cJSON_AddStringToObject(dp, "identifier", "leaklint");
    cJSON_AddBoolToObject(dp, "interFileDependencies", false);
    cJSON_AddBoolToObject(dp, "workspaceDiagnostics", false);
  }
  cJSON *info = cJSON_AddObjectToObject(res, "serverInfo");
  cJSON_AddStringToObject(info, "name", "leaklint");
  cJSON_AddStringToObject(info, "version", LL_VERSION);
  reply(s, id, res);
}

static void m_initialized(ll_lsp_server *s, const ll_lsp_id *id,
                          const cJSON *params) {
  ll__lsp_on_initialized(s);
}

static void m_shutdown(ll_lsp_server *s, const ll_lsp_id *id,
                       const cJSON *params) {
  s->state = LL_LSP_SHUTDOWN;
  reply(s, id, NULL);
}

static void m_exit(ll_lsp_server *s, const ll_lsp_id *id, const cJSON *params) {
  s->exit_code = s->state == LL_LSP_SHUTDOWN ? 0 : 1;
  s->state = LL_LSP_EXITED;
  ll__lsp_stop(s);
}

static void m_cancel_request(ll_lsp_server *s, const ll_lsp_id *id,
                             const cJSON *params) {
  ll_lsp_id target;
  const cJSON *v = get(params, "id");
  if (!v || !decode_id(v, &target) || target.kind == LL_LSP_ID_NULL) {
    ll__lsp_log(s, LL_LSP_LOG_WARNING,
                "$/cancelRequest without a number or string id: ignored");
    return;
  }
  ll__lsp_on_cancel(s, &target);
  ll__lsp_id_fini(&target);
}

static void m_set_trace(ll_lsp_server *s, const ll_lsp_id *id,
                        const cJSON *params) {
  const char *v = get_str(params, "value");
  if (!v || (strcmp(v, "off") && strcmp(v, "messages") && strcmp(v, "verbose"))) {
    ll__lsp_log(s, LL_LSP_LOG_WARNING,
                "$/setTrace: value must be \"off\", \"messages\" or "
                "\"verbose\": ignored");
    return;
  }
  char *copy = ll_strdup(v);
  if (!copy) return;
  ll_free(s->trace);
  s->trace = copy;
}

/* ==== Documents ==== */

static void m_did_open(ll_lsp_server *s, const ll_lsp_id *id,
                       const cJSON *params) {
  const cJSON *td = get(params, "textDocument");
  const char *uri = get_str(td, "uri");
  const cJSON *text = get(td, "text");
  const cJSON *ver = get(td, "version");
  if (!uri || !cJSON_IsString(text) || !cJSON_IsNumber(ver)) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR,
                "textDocument/didOpen: textDocument needs uri, version and "
                "text: ignored");
    return;
  }
  const char *lang = get_str(td, "languageId");
  ll__lsp_on_did_open(s, uri, lang ? lang : "", (int32_t)ver->valueint,
                      text->valuestring, strlen(text->valuestring));
}

static void m_did_change(ll_lsp_server *s, const ll_lsp_id *id,
                         const cJSON *params) {
  const cJSON *td = get(params, "textDocument");
  const char *uri = get_str(td, "uri");
  const cJSON *ver = get(td, "version");
  const cJSON *changes = get(params, "contentChanges");
  if (!uri || !cJSON_IsArray(changes)) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR,
                "textDocument/didChange: needs textDocument.uri and "
                "contentChanges: ignored");
    return;
  }
  int n = cJSON_GetArraySize(changes);
  ll_lsp_change *cs = ll_calloc(n ? (size_t)n : 1, sizeof *cs);
  if (!cs) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "textDocument/didChange: out of memory");
    return;
  }
  int k = 0;
  const cJSON *c;
  cJSON_ArrayForEach(c, changes) {
    const cJSON *text = get(c, "text");
    const cJSON *range = get(c, "range");
    if (!cJSON_IsString(text) ||
        (range && !cJSON_IsNull(range) && !decode_range(range, &cs[k].range))) {
      ll__lsp_log(s, LL_LSP_LOG_ERROR,
                  "textDocument/didChange for %s: change %d has no text or an "
                  "invalid range (positions must be non-negative integers): "
                  "the whole notification is ignored", uri, k);
      ll_free(cs);
      return;
    }
    cs[k].has_range = range && !cJSON_IsNull(range);
    cs[k].text = text->valuestring;
    cs[k].len = strlen(text->valuestring);
    k++;
  }
  int32_t version = cJSON_IsNumber(ver) ? (int32_t)ver->valueint : -1;
  ll__lsp_on_did_change(s, uri, version, cs, (size_t)k);
  ll_free(cs);
}

static void m_did_save(ll_lsp_server *s, const ll_lsp_id *id,
                       const cJSON *params) {
  const char *uri = doc_uri(params);
  if (uri) ll__lsp_on_did_save(s, uri);
}

static void m_did_close(ll_lsp_server *s, const ll_lsp_id *id,
                        const cJSON *params) {
  const char *uri = doc_uri(params);
  if (uri) ll__lsp_on_did_close(s, uri);
  else
    ll__lsp_log(s, LL_LSP_LOG_ERROR,
                "textDocument/didClose without textDocument.uri: ignored");
}

/* ==== Diagnostics ==== */

static int lsp_severity(ll_severity sev) {
  return sev == LL_SEV_ERROR ? 1 : sev == LL_SEV_WARNING ? 2 : 3;
}

/* A 1-based finding position as a 0-based LSP one (end columns are already
 * exclusive). */
static ll_lsp_range finding_range(uint32_t line, uint32_t col, uint32_t eline,
                                  uint32_t ecol) {
  ll_lsp_range r;
  r.start.line = line ? line - 1 : 0;
  r.start.character = col ? col - 1 : 0;
  r.end.line = eline ? eline - 1 : r.start.line;
  r.end.character = ecol ? ecol - 1 : r.start.character;
  return r;
}

static cJSON *encode_diagnostics(const ll_lsp_server *s, const ll_lsp_doc *doc) {
  cJSON *arr = cJSON_CreateArray();
  const ll_file_result *r = doc->published;
  for (size_t i = 0; arr && r && i < r->count; i++) {
    const ll_finding *f = &r->findings[i];
    const ll_rule_info *info = ll_rule_get(f->rule);
    cJSON *d = cJSON_CreateObject();
    if (!d) break;
    cJSON_AddItemToArray(arr, d);
    cJSON_AddItemToObject(d, "range", encode_range(finding_range(
        f->line, f->column, f->end_line, f->end_column)));
    cJSON_AddNumberToObject(d, "severity", lsp_severity(f->severity));
    cJSON_AddStringToObject(d, "code", info ? info->id : "unknown-rule");
    char *href = ll__lsp_rule_href(s, f->rule);
    if (href) {
      cJSON *cd = cJSON_AddObjectToObject(d, "codeDescription");
      cJSON_AddStringToObject(cd, "href", href);
      ll_free(href);
    }
    cJSON_AddStringToObject(d, "source", "leaklint");
    /* A verdict of `leaklint.confirm` for this diagnostic: a second line. */
    const char *msg = f->message ? f->message : "";
    const char *verdict = ll__lsp_verdict_find(
        doc, f->rule, finding_range(f->line, f->column, 0, 0).start);
    char *joined = NULL;
    if (verdict) {
      size_t n = strlen(msg) + strlen(verdict) + 2;
      if ((joined = ll_malloc(n))) snprintf(joined, n, "%s\n%s", msg, verdict);
    }
    cJSON_AddStringToObject(d, "message", joined ? joined : msg);
    ll_free(joined);
    if (f->nrelated && s->client.related_info) {
      cJSON *rel = cJSON_AddArrayToObject(d, "relatedInformation");
      for (uint32_t k = 0; rel && k < f->nrelated; k++) {
        const ll_related *x = &f->related[k];
        cJSON *o = cJSON_CreateObject();
        if (!o) break;
        cJSON_AddItemToArray(rel, o);
        cJSON *loc = cJSON_AddObjectToObject(o, "location");
        cJSON_AddStringToObject(loc, "uri", doc->uri);
        cJSON_AddItemToObject(loc, "range", encode_range(finding_range(
            x->line, x->column, x->end_line, x->end_column)));
        cJSON_AddStringToObject(o, "message", x->message ? x->message : "");
      }
    }
  }
  return arr;
}

void ll__lsp_publish(ll_lsp_server *s, const ll_lsp_doc *doc) {
  cJSON *p = cJSON_CreateObject();
  if (!p) return;
  cJSON_AddStringToObject(p, "uri", doc->uri);
  cJSON_AddNumberToObject(p, "version", doc->result_version);
  cJSON_AddItemToObject(p, "diagnostics", encode_diagnostics(s, doc));
  notify(s, "textDocument/publishDiagnostics", p);
}

void ll__lsp_publish_empty(ll_lsp_server *s, const char *uri) {
  cJSON *p = cJSON_CreateObject();
  if (!p) return;
  cJSON_AddStringToObject(p, "uri", uri);
  cJSON_AddItemToObject(p, "diagnostics", cJSON_CreateArray());
  notify(s, "textDocument/publishDiagnostics", p);
}

void ll__lsp_reply_diagnostic(ll_lsp_server *s, const ll_lsp_id *id,
                              const ll_lsp_doc *doc, const char *previous) {
  char rid[32];
  snprintf(rid, sizeof rid, "%llu", (unsigned long long)doc->result_id);
  cJSON *res = cJSON_CreateObject();
  if (!res) {
    reply_error(s, id, LL_LSP_INTERNAL_ERROR, "out of memory");
    return;
  }
  if (previous && strcmp(previous, rid) == 0) {
    cJSON_AddStringToObject(res, "kind", "unchanged");
    cJSON_AddStringToObject(res, "resultId", rid);
  } else {
    cJSON_AddStringToObject(res, "kind", "full");
    cJSON_AddStringToObject(res, "resultId", rid);
    cJSON_AddItemToObject(res, "items", encode_diagnostics(s, doc));
  }
  reply(s, id, res);
}

static void m_diagnostic(ll_lsp_server *s, const ll_lsp_id *id,
                         const cJSON *params) {
  const char *uri = doc_uri(params);
  if (!uri) {
    reply_error(s, id, LL_LSP_INVALID_PARAMS,
                "textDocument/diagnostic needs textDocument.uri");
    return;
  }
  const char *prev = get_str(params, "previousResultId");
  bool unknown = false;
  ll_lsp_doc *doc = ll__lsp_on_diagnostic(s, id, uri, prev, &unknown);
  if (doc) {
    ll__lsp_reply_diagnostic(s, id, doc, prev);
  } else if (unknown) {
    cJSON *res = cJSON_CreateObject();
    cJSON_AddStringToObject(res, "kind", "full");
    cJSON_AddItemToObject(res, "items", cJSON_CreateArray());
    reply(s, id, res);
  } /* else parked: answered when the analysis is done */
}

/* ==== Code actions and hover ==== */

static void m_code_action(ll_lsp_server *s, const ll_lsp_id *id,
                          const cJSON *params) {
  const char *uri = doc_uri(params);
  ll_lsp_range range;
  if (!uri || !decode_range(get(params, "range"), &range)) {
    reply_error(s, id, LL_LSP_INVALID_PARAMS,
                "textDocument/codeAction needs textDocument.uri and a range");
    return;
  }
  const cJSON *ctx_diags = dig(params, "context", "diagnostics", NULL);
  int n = cJSON_IsArray(ctx_diags) ? cJSON_GetArraySize(ctx_diags) : 0;
  ll_lsp_context_diag *diags = ll_calloc(n ? (size_t)n : 1, sizeof *diags);
  if (!diags) {
    reply_error(s, id, LL_LSP_INTERNAL_ERROR, "out of memory");
    return;
  }
  for (int i = 0; i < n; i++) {
    const cJSON *d = cJSON_GetArrayItem(ctx_diags, i);
    const char *src = get_str(d, "source");
    const char *code = get_str(d, "code");
    diags[i].rule = -1;
    if (!decode_range(get(d, "range"), &diags[i].range)) continue;
    if (code && (!src || !strcmp(src, "leaklint")))
      diags[i].rule = ll_rule_find(code);
  }
  ll_lsp_action *acts = NULL;
  size_t nacts = 0;
  int32_t version = 0;
  ll_status st = ll__lsp_on_code_action(s, uri, range, diags, (size_t)n, &acts,
                                        &nacts, &version);
  ll_free(diags);
  if (st != LL_OK) {
    reply_error(s, id, LL_LSP_INTERNAL_ERROR, ll_status_str(st));
    return;
  }
  cJSON *arr = cJSON_CreateArray();
  for (size_t i = 0; arr && i < nacts; i++) {
    const ll_lsp_action *a = &acts[i];
    cJSON *o = cJSON_CreateObject();
    if (!o) break;
    cJSON_AddItemToArray(arr, o);
    cJSON_AddStringToObject(o, "title", a->title);
    /* Every action is a "quickfix", the confirmation too although it edits
     * nothing: clients list quick fixes with the diagnostic (VS Code's light
     * bulb and hover, Neovim's code_action()), while "source" actions hide
     * in a separate menu and are not tied to a diagnostic. */
    cJSON_AddStringToObject(o, "kind", "quickfix");
    if (a->diag >= 0 && a->diag < n) {
      cJSON *ds = cJSON_AddArrayToObject(o, "diagnostics");
      cJSON_AddItemToArray(
          ds, cJSON_Duplicate(cJSON_GetArrayItem(ctx_diags, a->diag), true));
    }
    if (a->preferred) cJSON_AddBoolToObject(o, "isPreferred", true);
    if (a->confirm_rule >= 0) {
      const ll_rule_info *info = ll_rule_get((size_t)a->confirm_rule);
      cJSON *cmd = cJSON_AddObjectToObject(o, "command");
      cJSON_AddStringToObject(cmd, "title", a->title);
      cJSON_AddStringToObject(cmd, "command", LL_LSP_CMD_CONFIRM);
      cJSON *args = cJSON_AddArrayToObject(cmd, "arguments");
      cJSON_AddItemToArray(args, cJSON_CreateString(uri));
      cJSON_AddItemToArray(args, cJSON_CreateNumber(a->range.start.line));
      cJSON_AddItemToArray(args, cJSON_CreateNumber(a->range.start.character));
      cJSON_AddItemToArray(args, cJSON_CreateString(info ? info->id : ""));
      continue;
    }
    cJSON *edit = cJSON_AddObjectToObject(o, "edit");
    cJSON *te = cJSON_CreateArray();
    for (int k = -1; te && k < a->nextra; k++) {
      cJSON *one = cJSON_CreateObject();
      if (!one) break;
      cJSON_AddItemToArray(te, one);
      cJSON_AddItemToObject(one, "range",
                            encode_range(k < 0 ? a->range : a->extra[k].range));
      cJSON_AddStringToObject(one, "newText",
                              k < 0 ? a->new_text : a->extra[k].new_text);
    }
    if (s->client.doc_changes) {
      cJSON *dc = cJSON_AddArrayToObject(edit, "documentChanges");
      cJSON *tde = cJSON_CreateObject();
      cJSON_AddItemToArray(dc, tde);
      cJSON *vd = cJSON_AddObjectToObject(tde, "textDocument");
      cJSON_AddStringToObject(vd, "uri", uri);
      cJSON_AddNumberToObject(vd, "version", version);
      cJSON_AddItemToObject(tde, "edits", te);
    } else {
      cJSON *ch = cJSON_AddObjectToObject(edit, "changes");
      cJSON_AddItemToObject(ch, uri, te);
    }
  }
  ll__lsp_actions_free(acts, nacts);
  reply(s, id, arr);
}

static void m_hover(ll_lsp_server *s, const ll_lsp_id *id,
                    const cJSON *params) {
  const char *uri = doc_uri(params);
  ll_lsp_pos pos;
  if (!uri || !decode_pos(get(params, "position"), &pos)) {
    reply_error(s, id, LL_LSP_INVALID_PARAMS,
                "textDocument/hover needs textDocument.uri and a position");
    return;
  }
  ll_lsp_range range;
  char *md = ll__lsp_on_hover(s, uri, pos, &range);
  if (!md) {
    reply(s, id, NULL);
    return;
  }
  cJSON *res = cJSON_CreateObject();
  cJSON *contents = cJSON_AddObjectToObject(res, "contents");
  cJSON_AddStringToObject(contents, "kind",
                          s->client.hover_markdown ? "markdown" : "plaintext");
  cJSON_AddStringToObject(contents, "value", md);
  cJSON_AddItemToObject(res, "range", encode_range(range));
  ll_free(md);
  reply(s, id, res);
}

/* ==== Commands ==== */

/* `workspace/executeCommand`. Arguments are checked here for shape and in
 * `ll__lsp_on_confirm` against the document; each complaint names what is
 * wrong. */
static void m_execute_command(ll_lsp_server *s, const ll_lsp_id *id,
                              const cJSON *params) {
  const char *cmd = get_str(params, "command");
  char why[400];
  if (!cmd) {
    reply_error(s, id, LL_LSP_INVALID_PARAMS,
                "workspace/executeCommand needs a command (a string)");
    return;
  }
  if (strcmp(cmd, LL_LSP_CMD_CONFIRM) != 0) {
    snprintf(why, sizeof why, "unknown command \"%.200s\" (leaklint runs "
             "only \"" LL_LSP_CMD_CONFIRM "\")", cmd);
    reply_error(s, id, LL_LSP_INVALID_PARAMS, why);
    return;
  }
  const cJSON *args = get(params, "arguments");
  const char *usage = LL_LSP_CMD_CONFIRM " takes [uri, line, character, "
                      "ruleId]";
  if (!cJSON_IsArray(args) || cJSON_GetArraySize(args) != 4) {
    snprintf(why, sizeof why, "%s: %s", usage,
             cJSON_IsArray(args) ? "expected 4 arguments"
                                 : "arguments must be an array");
    reply_error(s, id, LL_LSP_INVALID_PARAMS, why);
    return;
  }
  ll_lsp_confirm_params p;
  memset(&p, 0, sizeof p);
  p.uri = cJSON_IsString(cJSON_GetArrayItem(args, 0))
              ? cJSON_GetArrayItem(args, 0)->valuestring : NULL;
  const cJSON *rule = cJSON_GetArrayItem(args, 3);
  int idx = cJSON_IsString(rule) ? ll_rule_find(rule->valuestring) : -1;
  const char *bad = NULL;
  if (!p.uri) bad = "the uri (argument 1) must be a string";
  else if (!to_u32(cJSON_GetArrayItem(args, 1), &p.pos.line))
    bad = "the line (argument 2) must be a non-negative integer";
  else if (!to_u32(cJSON_GetArrayItem(args, 2), &p.pos.character))
    bad = "the character (argument 3) must be a non-negative integer";
  else if (!cJSON_IsString(rule))
    bad = "the ruleId (argument 4) must be a string";
  if (bad) {
    snprintf(why, sizeof why, "%s: %s", usage, bad);
    reply_error(s, id, LL_LSP_INVALID_PARAMS, why);
    return;
  }
  if (idx < 0) {
    const char *sug = ll_cli_suggest_rule(rule->valuestring);
    snprintf(why, sizeof why, "%s: unknown rule id \"%.100s\"%s%s%s", usage,
             rule->valuestring, sug ? "; did you mean \"" : "",
             sug ? sug : "", sug ? "\"?" : "");
    reply_error(s, id, LL_LSP_INVALID_PARAMS, why);
    return;
  }
  p.rule = (size_t)idx;
  const cJSON *tok = get(params, "workDoneToken");
  if (tok && (cJSON_IsNumber(tok) || cJSON_IsString(tok)) &&
      decode_id(tok, &p.token))
    p.has_token = true;
  int code = ll__lsp_on_confirm(s, id, &p, why, sizeof why);
  if (code != 0) reply_error(s, id, code, why);
  if (p.has_token) ll__lsp_id_fini(&p.token); /* the job keeps a copy */
}

void ll__lsp_reply_confirm(ll_lsp_server *s, const ll_lsp_id *id,
                           const ll_confirm *c, const char *line) {
  cJSON *res = ll__confirm_json(c);
  if (!res || !cJSON_AddStringToObject(res, "message", line)) {
    cJSON_Delete(res);
    reply_error(s, id, LL_LSP_INTERNAL_ERROR, "out of memory");
    return;
  }
  reply(s, id, res);
}

void ll__lsp_progress(ll_lsp_server *s, const ll_lsp_id *token, bool begin,
                      const char *text) {
  cJSON *p = cJSON_CreateObject();
  if (!p) return;
  cJSON_AddItemToObject(p, "token", encode_id(token));
  cJSON *v = cJSON_AddObjectToObject(p, "value");
  cJSON_AddStringToObject(v, "kind", begin ? "begin" : "end");
  if (begin) {
    cJSON_AddStringToObject(v, "title", text);
    cJSON_AddBoolToObject(v, "cancellable", false);
  } else {
    cJSON_AddStringToObject(v, "message", text);
  }
  notify(s, "$/progress", p);
}

void ll__lsp_confirm_line(const ll_confirm *c, char *buf, size_t cap) {
  ll__confirm_line(c, buf, cap);
}

void ll__lsp_show_message(ll_lsp_server *s, int type, const char *text) {
  cJSON *p = cJSON_CreateObject();
  if (!p) return;
  cJSON_AddNumberToObject(p, "type", type);
  cJSON_AddStringToObject(p, "message", text);
  notify(s, "window/showMessage", p);
}

/* ==== Workspace ==== */

static void m_did_change_configuration(ll_lsp_server *s, const ll_lsp_id *id,
                                       const cJSON *params) {
  /* A client that answers workspace/configuration is asked (its
   * notification often carries `settings: null`); others push them. */
  if (s->client.config_pull) {
    ll__lsp_pull_configuration(s);
    return;
  }
  ll_lsp_settings st;
  decode_settings(s, get(params, "settings"), &st);
  ll__lsp_on_configuration(s, &st);
}

void ll__lsp_pull_configuration(ll_lsp_server *s) {
  cJSON *p = cJSON_CreateObject();
  cJSON *items = cJSON_AddArrayToObject(p, "items");
  cJSON *it = cJSON_CreateObject();
  cJSON_AddItemToArray(items, it);
  if (s->client.root_path) {
    char *uri = ll_lsp_path_to_uri(s->client.root_path);
    if (uri) cJSON_AddStringToObject(it, "scopeUri", uri);
    ll_free(uri);
  }
  cJSON_AddStringToObject(it, "section", "leaklint");
  s->config_request = request(s, "workspace/configuration", p);
}

/* The answer to our workspace/configuration: `[settings-of-"leaklint"]`.
 * Null (no such section) keeps the settings there are; an object replaces
 * them. Only the latest request counts. */
static void on_configuration_answer(ll_lsp_server *s, const cJSON *result) {
  s->config_request = 0;
  const cJSON *v = cJSON_IsArray(result) ? cJSON_GetArrayItem(result, 0) : NULL;
  if (!cJSON_IsObject(v)) {
    ll__lsp_log(s, LL_LSP_LOG_LOG, "workspace/configuration: no \"leaklint\" "
                "settings; keeping the current ones");
    return;
  }
  ll_lsp_settings st;
  decode_settings(s, v, &st);
  ll__lsp_on_configuration(s, &st);
}

static void m_did_change_watched_files(ll_lsp_server *s, const ll_lsp_id *id,
                                       const cJSON *params) {
  const cJSON *changes = get(params, "changes"), *c;
  if (!cJSON_IsArray(changes)) changes = NULL;
  cJSON_ArrayForEach(c, changes) {
    const char *uri = get_str(c, "uri");
    char *path = uri ? ll_lsp_uri_to_path(uri) : NULL;
    ll__lsp_on_watched_file(s, path);
    ll_free(path);
  }
}

void ll__lsp_register_watchers(ll_lsp_server *s) {
  cJSON *p = cJSON_CreateObject();
  cJSON *regs = cJSON_AddArrayToObject(p, "registrations");
  cJSON *r = cJSON_CreateObject();
  cJSON_AddItemToArray(regs, r);
  cJSON_AddStringToObject(r, "id", "leaklint-config-watcher");
  cJSON_AddStringToObject(r, "method", "workspace/didChangeWatchedFiles");
  cJSON *opts = cJSON_AddObjectToObject(r, "registerOptions");
  cJSON *ws = cJSON_AddArrayToObject(opts, "watchers");
  cJSON *w = cJSON_CreateObject();
  cJSON_AddItemToArray(ws, w);
  cJSON_AddStringToObject(w, "globPattern", "**/" LL_CONFIG_FILE_NAME);
  request(s, "client/registerCapability", p);
}

void ll__lsp_refresh_diagnostics(ll_lsp_server *s) {
  request(s, "workspace/diagnostic/refresh", NULL);
}

/* ==== Dispatch ==== */

typedef void (*method_fn)(ll_lsp_server *s, const ll_lsp_id *id,
                          const cJSON *params);

enum { REQUEST, NOTIFY };

static const struct method {
  const char *name;
  int kind;
  method_fn fn;
} methods[] = {
#define LSP_METHOD(name, kind, handler) {name, kind, m_##handler},
#include "lsp/methods.def"
#undef LSP_METHOD
};

static const struct method *find_method(const char *name) {
  for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
    if (strcmp(methods[i].name, name) == 0) return &methods[i];
  return NULL;
}

static void dispatch(ll_lsp_server *s, const cJSON *msg) {
  const cJSON *idv = get(msg, "id");
  const cJSON *mv = get(msg, "method");
  const char *ver = get_str(msg, "jsonrpc");
  ll_lsp_id id;
  if (!decode_id(idv, &id)) {
    reply_error(s, NULL, LL_LSP_INVALID_REQUEST,
                "the id must be a number or a string");
    return;
  }
  bool is_request = idv != NULL && id.kind != LL_LSP_ID_NULL;
  if (!mv) {
    if (is_request && (get(msg, "result") || get(msg, "error"))) {
      /* An answer to one of our requests (registerCapability, refresh,
       * configuration). */
      const char *err = get_str(get(msg, "error"), "message");
      char want[32];
      snprintf(want, sizeof want, "leaklint-%llu",
               (unsigned long long)s->config_request);
      bool config = s->config_request && id.kind == LL_LSP_ID_STR &&
                    strcmp(id.str, want) == 0;
      if (config && !err) on_configuration_answer(s, get(msg, "result"));
      else if (config) s->config_request = 0;
      if (err)
        ll__lsp_log(s, LL_LSP_LOG_LOG, "the client refused a request: %s", err);
    } else {
      reply_error(s, is_request ? &id : NULL, LL_LSP_INVALID_REQUEST,
                  "a message needs a method (or is a response with an id)");
    }
    goto done;
  }
  /* From here on every request is answered exactly once, by some path. */
  if (is_request) ll__lsp_pending_add(s, &id);
  if (!cJSON_IsString(mv) || !ver || strcmp(ver, "2.0") != 0) {
    if (is_request || idv)
      reply_error(s, is_request ? &id : NULL, LL_LSP_INVALID_REQUEST,
                  !cJSON_IsString(mv) ? "method must be a string"
                                      : "jsonrpc must be \"2.0\"");
    else
      ll__lsp_log(s, LL_LSP_LOG_ERROR,
                  "a notification without jsonrpc \"2.0\" or with a "
                  "non-string method was ignored");
    goto done;
  }
  const char *name = mv->valuestring;
  const cJSON *params = get(msg, "params");
  if (params && !cJSON_IsObject(params) && !cJSON_IsArray(params) &&
      !cJSON_IsNull(params)) {
    if (is_request)
      reply_error(s, &id, LL_LSP_INVALID_PARAMS,
                  "params must be an object or an array");
    goto done;
  }
  const struct method *m = find_method(name);
  if (s->state == LL_LSP_UNINITIALIZED && !(m && (m->fn == m_initialize ||
                                                  m->fn == m_exit))) {
    if (is_request)
      reply_error(s, &id, LL_LSP_SERVER_NOT_INITIALIZED,
                  "the server is not initialized: send initialize first");
    goto done;
  }
  if (s->state == LL_LSP_SHUTDOWN && !(m && m->fn == m_exit)) {
    if (is_request)
      reply_error(s, &id, LL_LSP_INVALID_REQUEST,
                  "the server is shutting down: only exit is accepted");
    goto done;
  }
  if (s->state == LL_LSP_EXITED) goto done;
  if (!m) {
    if (is_request) {
      char text[300];
      snprintf(text, sizeof text, "method not found: %.256s", name);
      reply_error(s, &id, LL_LSP_METHOD_NOT_FOUND, text);
    } /* unknown notifications (`$/…` included) are ignored */
    goto done;
  }
  if (m->kind == REQUEST && !is_request) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR,
                "%s is a request but came without an id: ignored", name);
    goto done;
  }
  if (m->kind == NOTIFY && is_request) {
    reply_error(s, &id, LL_LSP_INVALID_REQUEST,
                "this method is a notification and takes no id");
    goto done;
  }
  m->fn(s, is_request ? &id : NULL, params);
  if (is_request) {
    bool outstanding = false;
    for (size_t i = 0; i < s->npending; i++) {
      const ll_lsp_id *p = &s->pending[i];
      if (p->kind == id.kind &&
          (p->kind == LL_LSP_ID_NUM ? p->num == id.num
                                    : strcmp(p->str, id.str) == 0))
        outstanding = true;
    }
    if (outstanding && !ll__lsp_is_deferred(s, &id)) {
      assert(!"a request handler returned without answering");
      reply_error(s, &id, LL_LSP_INTERNAL_ERROR, "the request was not answered");
    }
  }
done:
  ll__lsp_id_fini(&id);
}

static bool ids_equal(const ll_lsp_id *a, const ll_lsp_id *b) {
  if (a->kind != b->kind) return false;
  if (a->kind == LL_LSP_ID_NUM) return a->num == b->num;
  if (a->kind == LL_LSP_ID_STR) return strcmp(a->str, b->str) == 0;
  return true;
}

bool ll__lsp_is_deferred(const ll_lsp_server *s, const ll_lsp_id *id) {
  for (const ll_lsp_parked *p = s->parked; p; p = p->next)
    if (ids_equal(&p->id, id)) return true;
  for (const ll_lsp_confirm_job *j = s->confirms; j; j = j->next)
    if (!j->cancelled && ids_equal(&j->id, id)) return true;
  return false;
}

bool ll__lsp_id_equal(const ll_lsp_id *a, const ll_lsp_id *b) {
  return ids_equal(a, b);
}

void ll__lsp_handle_body(ll_lsp_server *s, const char *body, size_t len) {
  const char *end = NULL;
  cJSON *msg = cJSON_ParseWithLengthOpts(body, len, &end, false);
  if (msg) { /* one JSON value and nothing after it but blanks */
    const char *p = end;
    while (p < body + len && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
      p++;
    if (p < body + len) {
      cJSON_Delete(msg);
      msg = NULL;
      end = p;
    }
  }
  if (!msg) {
    size_t at = end && end >= body ? (size_t)(end - body) : 0;
    char text[128];
    snprintf(text, sizeof text, "parse error: invalid JSON at byte %zu of %zu",
             at, len);
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "%s", text);
    reply_error(s, NULL, LL_LSP_PARSE_ERROR, text);
    return;
  }
  if (cJSON_IsArray(msg)) {
    reply_error(s, NULL, LL_LSP_INVALID_REQUEST,
                "batches are not supported by the Language Server Protocol");
  } else if (!cJSON_IsObject(msg)) {
    reply_error(s, NULL, LL_LSP_INVALID_REQUEST,
                "a message must be a JSON object");
  } else {
    dispatch(s, msg);
  }
  cJSON_Delete(msg);
}
