/* Documents and diagnostics through the real `leaklint lsp`: content of
 * publishDiagnostics, incremental edits (UTF-16, CRLF, several changes per
 * message) compared with a from-scratch open of the final text, unchanged
 * results not re-published, stale results dropped, pull diagnostics,
 * cancellation, configuration reloads, and bad document input. */
#include "client.h"

#define WS "file:///tmp/ll-lsp-diag"

/* One line per diagnostic: range, severity, code, message, related ranges
 * and messages (not their URIs), for comparing two documents. */
static char *summary(const cJSON *diags) {
  size_t cap = 1 << 16, len = 0;
  char *out = calloc(1, cap);
  const cJSON *d;
  cJSON_ArrayForEach(d, diags) {
    len += (size_t)snprintf(out + len, cap - len, "%d:%d-%d:%d s%d %s %s",
        jint(d, "range.start.line"), jint(d, "range.start.character"),
        jint(d, "range.end.line"), jint(d, "range.end.character"),
        jint(d, "severity"), jstr_or(d, "code"), jstr_or(d, "message"));
    const cJSON *r;
    cJSON_ArrayForEach(r, cJSON_GetObjectItem(d, "relatedInformation"))
      len += (size_t)snprintf(out + len, cap - len, " [%d:%d %s]",
          jint(r, "location.range.start.line"),
          jint(r, "location.range.start.character"), jstr_or(r, "message"));
    len += (size_t)snprintf(out + len, cap - len, "\n");
  }
  return out;
}

static bool has_code(const cJSON *diags, const char *code) {
  const cJSON *d;
  cJSON_ArrayForEach(d, diags)
    if (jstr(d, "code") && !strcmp(jstr(d, "code"), code)) return true;
  return false;
}

Test(diagnostics, publish_has_range_severity_code_href_related_version) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  client_open(c, WS "/a.js", 7,
              "function storedLocalCase() {\n"
              "  const localHandle = setInterval(poll, 1000);\n"
              "  console.log(localHandle);\n"
              "}\n");
  const cJSON *ds = client_diagnostics(c, WS "/a.js", 7, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1);
  const cJSON *d = cJSON_GetArrayItem(ds, 0);
  cr_assert_str_eq(jstr(d, "code"), "no-uncleared-interval");
  cr_assert_str_eq(jstr(d, "source"), "leaklint");
  cr_assert_eq(jint(d, "severity"), 1);
  cr_assert_eq(jint(d, "range.start.line"), 1, "0-based line");
  cr_assert_eq(jint(d, "range.start.character"), 22, "0-based column");
  const char *href = jstr(d, "codeDescription.href");
  cr_assert(href && !strncmp(href, "file:///", 8), "href: %s", href);
  cr_assert(strstr(href, "rules/js/no-uncleared-interval/README.md"));
  cr_assert_str_eq(jstr(d, "relatedInformation.0.message"),
                   "handle stored here");
  cr_assert_str_eq(jstr(d, "relatedInformation.0.location.uri"), WS "/a.js");
  cr_assert_eq(jint(d, "relatedInformation.0.location.range.start.line"), 1);
  cr_assert_eq(jint(d, "relatedInformation.0.location.range.start.character"),
               8);
  client_stop(c);
}

Test(diagnostics, incremental_edits_match_a_fresh_open_of_the_final_text) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/inc.js";
  client_open(c, uri, 1,
              "// caf\xc3\xa9 \xe2\x98\x95 \xf0\x9f\x98\x80\r\n"
              "function storedLocalCase() {\r\n"
              "  const localHandle = setInterval(poll, 1000);\r\n"
              "  console.log(localHandle, '\xf0\x9f\x98\x80');\r\n"
              "}\r\n"
              "function g() { x = 1; }\n");
  client_diagnostics(c, uri, 1, 5000);
  client_change(c, uri, 2, 0, 10, 0, 12, "ok");     /* the emoji: 2 units */
  client_change(c, uri, 3, 5, 15, 5, 16, "yy");     /* x -> yy */
  client_change(c, uri, 4, 1, 0, 1, 0, "leak1 = 2;\r\n");
  /* Two changes in one message, applied in order. */
  client_send(c,
      "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
      "\"textDocument\":{\"uri\":\"" WS "/inc.js\",\"version\":5},"
      "\"contentChanges\":["
      "{\"range\":{\"start\":{\"line\":4,\"character\":33},\"end\":{\"line\":4,"
      "\"character\":33}},\"text\":\" zz = '\xf0\x9f\x98\x80';\"},"
      "{\"range\":{\"start\":{\"line\":5,\"character\":1},\"end\":{\"line\":6,"
      "\"character\":0}},\"text\":\"\"}]}}");
  char *inc = summary(client_diagnostics(c, uri, 5, 5000));
  const char *final_text =
      "// caf\xc3\xa9 \xe2\x98\x95 ok\r\n"
      "leak1 = 2;\r\n"
      "function storedLocalCase() {\r\n"
      "  const localHandle = setInterval(poll, 1000);\r\n"
      "  console.log(localHandle, '\xf0\x9f\x98\x80'); zz = '\xf0\x9f\x98\x80';\r\n"
      "}function g() { yy = 1; }\n";
  client_open(c, WS "/fresh.js", 1, final_text);
  char *fresh = summary(client_diagnostics(c, WS "/fresh.js", 1, 5000));
  cr_assert_str_eq(inc, fresh);
  cr_assert(strstr(fresh, "'leak1'") && strstr(fresh, "'zz'") &&
            strstr(fresh, "'yy'"), "%s", fresh);
  cr_assert(strstr(fresh, "4:34-4:36"), "UTF-16 column after an emoji: %s",
            fresh);
  free(inc);
  free(fresh);
  client_stop(c);
}

Test(diagnostics, unchanged_results_are_not_republished) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/same.js";
  client_open(c, uri, 1, "function f() { x = 1; }\n// note\n");
  client_diagnostics(c, uri, 1, 5000);
  client_change(c, uri, 2, 1, 7, 1, 7, " more"); /* a comment edit */
  cr_assert_not(client_published(c, uri, 600), "same findings: no publish");
  client_change(c, uri, 3, 0, 15, 0, 16, "y");
  const cJSON *ds = client_diagnostics(c, uri, 3, 5000);
  cr_assert(strstr(jstr(ds, "0.message"), "'y'"));
  client_stop(c);
}

Test(diagnostics, rapid_edits_end_with_the_final_version) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/rapid.js";
  client_open(c, uri, 1, "function f() { a = 1; }\n");
  client_diagnostics(c, uri, 1, 5000);
  for (int v = 2; v <= 40; v++)
    client_change(c, uri, v, 0, 15, 0, 16, v % 2 ? "a" : "b");
  const cJSON *ds = client_diagnostics(c, uri, 40, 5000);
  cr_assert(strstr(jstr(ds, "0.message"), "'b'"));
  /* Versions only increase, and none arrives after the last. */
  cr_assert_not(client_published(c, uri, 300));
  int last = 0;
  for (int i = 0; i < c->nseen; i++) {
    diag_key k = {uri, -1};
    if (!is_diagnostics(c->seen[i], &k)) continue;
    int v = jint(c->seen[i], "params.version");
    cr_assert_gt(v, last, "stale result published: %d after %d", v, last);
    last = v;
  }
  client_stop(c);
}

Test(diagnostics, close_clears_the_diagnostics) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/close.js";
  client_open(c, uri, 1, "function f() { x = 1; }\n");
  client_diagnostics(c, uri, 1, 5000);
  client_notify(c, "textDocument/didClose", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" WS "/close.js\"}}"));
  const cJSON *ds = client_diagnostics(c, uri, -1, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 0);
  client_stop(c);
}

Test(diagnostics, unknown_document_edit_is_logged) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  client_change(c, WS "/nope.js", 2, 0, 0, 0, 0, "x");
  cr_assert(client_log(c, "not open", 3000));
  client_notify(c, "textDocument/didClose", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" WS "/nope.js\"}}"));
  cr_assert(client_log(c, "didClose", 3000));
  client_stop(c);
}

Test(diagnostics, out_of_range_edits_are_clamped_and_logged) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/range.js";
  client_open(c, uri, 1, "function f() {}\n");
  client_diagnostics(c, uri, 1, 5000);
  client_change(c, uri, 2, 99, 0, 120, 5, "function g() { q = 1; }\n");
  cr_assert(client_log(c, "clamped", 3000));
  const cJSON *ds = client_diagnostics(c, uri, 2, 5000);
  cr_assert_eq(jint(ds, "0.range.start.line"), 1, "appended at the end");
  client_change(c, uri, 3, 0, 500, 0, 600, "");
  cr_assert(client_log(c, "clamped", 3000));
  client_stop(c);
}

Test(diagnostics, pull_reports_full_then_unchanged_and_never_pushes) {
  client *c = client_start(NULL);
  client_initialize(c, WS, "{\"textDocument\":{\"diagnostic\":{}}}", NULL);
  const char *uri = WS "/pull.js";
  client_open(c, uri, 1, "function f() { x = 1; }\n");
  int id = client_request(c, "textDocument/diagnostic", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" WS "/pull.js\"}}"));
  const cJSON *r = jget(client_response(c, id), "result");
  cr_assert_str_eq(jstr(r, "kind"), "full");
  cr_assert_eq(cJSON_GetArraySize(jget(r, "items")), 1);
  char rid[64];
  snprintf(rid, sizeof rid, "%s", jstr(r, "resultId"));
  cJSON *p = cJSON_Parse("{\"textDocument\":{\"uri\":\"" WS "/pull.js\"}}");
  cJSON_AddStringToObject(p, "previousResultId", rid);
  id = client_request(c, "textDocument/diagnostic", p);
  cr_assert_str_eq(jstr(client_response(c, id), "result.kind"), "unchanged");
  client_change(c, uri, 2, 0, 15, 0, 16, "y");
  p = cJSON_Parse("{\"textDocument\":{\"uri\":\"" WS "/pull.js\"}}");
  cJSON_AddStringToObject(p, "previousResultId", rid);
  id = client_request(c, "textDocument/diagnostic", p);
  r = jget(client_response(c, id), "result");
  cr_assert_str_eq(jstr(r, "kind"), "full");
  cr_assert(strstr(jstr(r, "items.0.message"), "'y'"));
  /* Unknown documents get an empty report. */
  id = client_request(c, "textDocument/diagnostic", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" WS "/other.js\"}}"));
  cr_assert_eq(cJSON_GetArraySize(jget(client_response(c, id), "result.items")),
               0);
  cr_assert_not(client_published(c, uri, 200), "a pull client is not pushed");
  client_stop(c);
}

Test(diagnostics, cancelled_pull_is_answered_once_with_request_cancelled) {
  client *c = client_start(NULL);
  client_initialize(c, WS, "{\"textDocument\":{\"diagnostic\":{}}}", NULL);
  /* One write: the three messages are read together, so the pull is parked
   * (its analysis cannot finish in between) when the cancel arrives. */
  const char *m[3] = {
      "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
      "\"textDocument\":{\"uri\":\"" WS "/cancel.js\",\"languageId\":"
      "\"javascript\",\"version\":1,\"text\":\"x = 1;\\n\"}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"textDocument/diagnostic\","
      "\"params\":{\"textDocument\":{\"uri\":\"" WS "/cancel.js\"}}}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{"
      "\"id\":77}}"};
  char buf[4096];
  size_t n = 0;
  for (int i = 0; i < 3; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n,
                          "Content-Length: %zu\r\n\r\n%s", strlen(m[i]), m[i]);
  client_send_raw(c, buf, n);
  cr_assert_eq(jint(client_response(c, 77), "error.code"), -32800);
  int again = 77;
  cr_assert_null(client_wait(c, 500, is_response_to, &again),
                 "answered exactly once");
  client_stop(c);
}

Test(diagnostics, config_file_and_settings_apply_and_reload) {
  char *ws = ws_new();
  ws_write(ws, ".leaklintrc.json",
           "{ \"rules\": { \"no-implicit-global\": \"off\" } }");
  char root[512], uri[600], cfg[600];
  snprintf(root, sizeof root, "file://%s", ws);
  snprintf(uri, sizeof uri, "file://%s/a.js", ws);
  snprintf(cfg, sizeof cfg, "file://%s/.leaklintrc.json", ws);
  client *c = client_start(ws);
  client_initialize(c, root, NULL, NULL);
  client_open(c, uri, 1, "function f() { x = 1; setInterval(f, 5); }\n");
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert_not(has_code(ds, "no-implicit-global"));
  cr_assert(has_code(ds, "no-uncleared-interval"));
  /* The file changes: the watcher notification reloads it. */
  ws_write(ws, ".leaklintrc.json", "{}");
  cJSON *p = cJSON_CreateObject();
  cJSON *ch = cJSON_AddArrayToObject(p, "changes");
  cJSON *e = cJSON_CreateObject();
  cJSON_AddStringToObject(e, "uri", cfg);
  cJSON_AddNumberToObject(e, "type", 2);
  cJSON_AddItemToArray(ch, e);
  char *watched = cJSON_PrintUnformatted(p);
  client_notify(c, "workspace/didChangeWatchedFiles", p);
  ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert(has_code(ds, "no-implicit-global"));
  /* Client settings turn a rule off on top of the files. */
  client_notify(c, "workspace/didChangeConfiguration", cJSON_Parse(
      "{\"settings\":{\"leaklint\":{\"rules\":{\"no-uncleared-interval\":"
      "\"off\"}}}}"));
  ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert_not(has_code(ds, "no-uncleared-interval"));
  cr_assert(has_code(ds, "no-implicit-global"));
  /* A broken config is reported, not fatal. */
  ws_write(ws, ".leaklintrc.json", "{ \"rules\": ");
  client_notify(c, "workspace/didChangeWatchedFiles", cJSON_Parse(watched));
  free(watched);
  cr_assert(client_log(c, "configuration", 5000));
  client_stop(c);
  ws_remove(ws);
}

Test(diagnostics, env_setting_from_initialization_options) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, "{\"env\":[\"node\"]}");
  const char *uri = WS "/env.js";
  /* `name` is a browser global (window.name): with node only it is not. */
  client_open(c, uri, 1, "function f() { name = 1; }\n");
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert(has_code(ds, "no-implicit-global"));
  client_stop(c);
}

/* Answers the server's next workspace/configuration request with `result`
 * (JSON), checking that it asks for the "leaklint" section. */
static void answer_configuration(client *c, const char *result) {
  const cJSON *req = client_wait(c, 5000, is_method, "workspace/configuration");
  cr_assert(req, "the server asks for its configuration");
  cr_assert_str_eq(jstr(req, "params.items.0.section"), "leaklint");
  cJSON *m = cJSON_CreateObject();
  cJSON_AddStringToObject(m, "jsonrpc", "2.0");
  cJSON_AddItemToObject(m, "id",
                        cJSON_Duplicate(cJSON_GetObjectItem(req, "id"), 1));
  cJSON_AddItemToObject(m, "result", cJSON_Parse(result));
  client_send_json(c, m);
}

Test(diagnostics, configuration_is_pulled_on_initialized_and_on_change) {
  client *c = client_start(NULL);
  client_initialize(c, WS,
      "{\"workspace\":{\"configuration\":true},\"textDocument\":{"
      "\"publishDiagnostics\":{\"versionSupport\":true}}}", NULL);
  answer_configuration(c, "[{\"rules\":{\"no-implicit-global\":\"off\"}}]");
  const char *uri = WS "/cfgpull.js";
  client_open(c, uri, 1, "function f() {\n  x = 1;\n  setInterval(f, 9);\n}\n");
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1);
  cr_assert_not(has_code(ds, "no-implicit-global"), "turned off by the pull");
  /* A change notification without settings: the server asks again. */
  client_notify(c, "workspace/didChangeConfiguration",
                cJSON_Parse("{\"settings\":null}"));
  answer_configuration(c, "[{\"rules\":{\"no-uncleared-interval\":\"off\"}}]");
  ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1);
  cr_assert(has_code(ds, "no-implicit-global"), "the new answer replaces");
  /* No "leaklint" section: the settings stay as they are. */
  client_notify(c, "workspace/didChangeConfiguration",
                cJSON_Parse("{\"settings\":{}}"));
  answer_configuration(c, "[null]");
  cr_assert(client_log(c, "keeping the current ones", 5000));
  cr_assert_not(client_published(c, uri, 300), "nothing changed");
  client_stop(c);
}

Test(diagnostics, clients_without_configuration_support_are_not_asked) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, "{\"rules\":{\"no-implicit-global\":\"off\"}}");
  const char *uri = WS "/nopull.js";
  client_open(c, uri, 1, "x = 1;\n");
  cr_assert_eq(cJSON_GetArraySize(client_diagnostics(c, uri, 1, 5000)), 0);
  client_notify(c, "workspace/didChangeConfiguration",
                cJSON_Parse("{\"settings\":{\"leaklint\":{}}}"));
  cr_assert_eq(cJSON_GetArraySize(client_diagnostics(c, uri, 1, 5000)), 1,
               "pushed settings apply");
  cr_assert_null(client_wait(c, 300, is_method, "workspace/configuration"));
  client_stop(c);
}
