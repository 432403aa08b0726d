/* The protocol layer of `leaklint lsp`, driven through the real binary:
 * lifecycle and exit codes, the errors JSON-RPC asks for, and every kind of
 * bad input (malformed JSON, wrong or missing Content-Length, huge messages,
 * requests before initialize, unknown methods) answered or logged without a
 * crash or a hang. */
#include "client.h"

#define URI "file:///tmp/ll-lsp-proto/a.js"

/* ==== Lifecycle ==== */

Test(lifecycle, initialize_advertises_only_what_is_implemented) {
  client *c = client_start(NULL);
  const cJSON *r = client_initialize(c, NULL, NULL, NULL);
  const cJSON *caps = jget(r, "capabilities");
  cr_assert_eq(jint(caps, "textDocumentSync.change"), 2, "incremental sync");
  cr_assert(cJSON_IsTrue(jget(caps, "textDocumentSync.openClose")));
  cr_assert(cJSON_IsTrue(jget(caps, "hoverProvider")));
  cr_assert_str_eq(jstr(caps, "codeActionProvider.codeActionKinds.0"),
                   "quickfix");
  cr_assert_str_eq(jstr(caps, "positionEncoding"), "utf-16");
  cr_assert_str_eq(jstr(caps, "executeCommandProvider.commands.0"),
                   "leaklint.confirm");
  cr_assert_eq(cJSON_GetArraySize(jget(caps, "executeCommandProvider.commands")),
               1);
  cr_assert_null(jget(caps, "diagnosticProvider"), "no pull for push clients");
  cr_assert_null(jget(caps, "completionProvider"));
  cr_assert_str_eq(jstr(r, "serverInfo.name"), "leaklint");
  client_stop(c);
}

Test(lifecycle, pull_capable_client_gets_diagnostic_provider) {
  client *c = client_start(NULL);
  const cJSON *r = client_initialize(
      c, NULL, "{\"textDocument\":{\"diagnostic\":{}}}", NULL);
  cr_assert_str_eq(jstr(r, "capabilities.diagnosticProvider.identifier"),
                   "leaklint");
  client_stop(c);
}

Test(lifecycle, exit_after_shutdown_is_code_0) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_stop(c); /* asserts 0 */
}

Test(lifecycle, exit_without_shutdown_is_code_1) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_notify(c, "exit", NULL);
  cr_assert_eq(client_finish(c, 5000), 1);
}

Test(lifecycle, end_of_input_without_shutdown_is_code_1) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  cr_assert_eq(client_finish(c, 5000), 1);
}

Test(lifecycle, end_of_input_after_shutdown_is_code_0) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  int id = client_request(c, "shutdown", NULL);
  client_response(c, id);
  cr_assert_eq(client_finish(c, 5000), 0);
}

Test(lifecycle, exit_before_initialize_is_code_1) {
  client *c = client_start(NULL);
  client_notify(c, "exit", NULL);
  cr_assert_eq(client_finish(c, 5000), 1);
}

Test(lifecycle, request_before_initialize_gets_server_not_initialized) {
  client *c = client_start(NULL);
  int id = client_request(c, "textDocument/hover", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" URI "\"},\"position\":{\"line\":0,"
      "\"character\":0}}"));
  cr_assert_eq(jint(client_response(c, id), "error.code"), -32002);
  /* A notification before initialize is dropped: no diagnostics later. */
  client_open(c, URI, 1, "function f() { leak = 1; }\n");
  client_initialize(c, NULL, NULL, NULL);
  cr_assert_not(client_published(c, URI, 400));
  client_stop(c);
}

Test(lifecycle, unknown_request_gets_method_not_found) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  int id = client_request(c, "textDocument/completion", cJSON_CreateObject());
  cr_assert_eq(jint(client_response(c, id), "error.code"), -32601);
  id = client_request(c, "leaklint/nonsense", NULL);
  cr_assert_eq(jint(client_response(c, id), "error.code"), -32601);
  client_stop(c);
}

Test(lifecycle, unknown_notifications_are_ignored) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_notify(c, "$/unknownThing", cJSON_CreateObject());
  client_notify(c, "workspace/somethingNew", NULL);
  int id = client_request(c, "shutdown", NULL);
  const cJSON *r = client_response(c, id);
  cr_assert(cJSON_IsNull(jget(r, "result")));
  /* Nothing answered the notifications: only the one response so far. */
  int responses = 0;
  for (int i = 0; i < c->nseen; i++)
    if (cJSON_GetObjectItem(c->seen[i], "id")) responses++;
  cr_assert_eq(responses, 2, "initialize + shutdown only");
  client_notify(c, "exit", NULL);
  cr_assert_eq(client_finish(c, 5000), 0);
}

Test(lifecycle, second_initialize_is_invalid) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  int id = client_request(c, "initialize", cJSON_Parse("{\"capabilities\":{}}"));
  cr_assert_eq(jint(client_response(c, id), "error.code"), -32600);
  client_stop(c);
}

Test(lifecycle, requests_after_shutdown_are_invalid) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  int id = client_request(c, "shutdown", NULL);
  client_response(c, id);
  id = client_request(c, "textDocument/hover", cJSON_CreateObject());
  cr_assert_eq(jint(client_response(c, id), "error.code"), -32600);
  client_notify(c, "exit", NULL);
  cr_assert_eq(client_finish(c, 5000), 0);
}

Test(lifecycle, string_ids_are_echoed) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_send(c, "{\"jsonrpc\":\"2.0\",\"id\":\"abc-1\",\"method\":\"x/y\"}");
  bool found = false;
  long end = now_ms() + 3000;
  while (!found && now_ms() < end) {
    read_one(c, now_ms() + 100);
    for (int i = 0; i < c->nseen; i++)
      if (jstr(c->seen[i], "id") && !strcmp(jstr(c->seen[i], "id"), "abc-1"))
        found = true;
  }
  cr_assert(found);
  client_stop(c);
}

Test(lifecycle, set_trace_and_cancel_of_unknown_id_are_accepted) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_notify(c, "$/setTrace", cJSON_Parse("{\"value\":\"verbose\"}"));
  client_notify(c, "$/cancelRequest", cJSON_Parse("{\"id\":12345}"));
  client_notify(c, "$/setTrace", cJSON_Parse("{\"value\":42}"));
  cr_assert(client_log(c, "$/setTrace", 2000), "a bad value is logged");
  client_stop(c);
}

/* ==== Bad input ==== */

Test(bad_input, malformed_json_gets_parse_error_with_id_null) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_send(c, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":");
  const cJSON *e = client_wait(c, 3000, is_null_id_error, NULL);
  cr_assert(e);
  cr_assert_eq(jint(e, "error.code"), -32700);
  cr_assert(client_log(c, "invalid JSON", 1000));
  client_stop(c);
}

Test(bad_input, non_object_messages_are_invalid_requests) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_send(c, "[1,2,3]");
  const cJSON *e = client_wait(c, 3000, is_null_id_error, NULL);
  cr_assert(e);
  cr_assert_eq(jint(e, "error.code"), -32600);
  client_send(c, "42");
  e = client_wait(c, 3000, is_null_id_error, NULL);
  cr_assert_eq(jint(e, "error.code"), -32600);
  client_send(c, "{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"shutdown\"}");
  cr_assert_eq(jint(client_response(c, 9), "error.code"), -32600);
  client_send(c, "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"a\"}");
  e = client_wait(c, 3000, is_null_id_error, NULL);
  cr_assert_eq(jint(e, "error.code"), -32600);
  client_send(c, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"textDocument/"
                 "hover\",\"params\":\"no\"}");
  cr_assert_eq(jint(client_response(c, 10), "error.code"), -32602);
  client_send(c, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"textDocument/"
                 "hover\",\"params\":{\"textDocument\":{}}}");
  cr_assert_eq(jint(client_response(c, 11), "error.code"), -32602);
  client_stop(c);
}

Test(bad_input, missing_content_length_is_logged_and_skipped) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  const char *bad = "Content-Type: application/json\r\n\r\n";
  client_send_raw(c, bad, strlen(bad));
  cr_assert(client_log(c, "no Content-Length", 3000));
  client_stop(c); /* the stream is still in step */
}

Test(bad_input, invalid_content_length_is_logged_and_skipped) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  const char *bad = "Content-Length: twelve\r\n\r\n";
  client_send_raw(c, bad, strlen(bad));
  cr_assert(client_log(c, "invalid Content-Length", 3000));
  const char *neg = "Content-Length: -5\r\n\r\n";
  client_send_raw(c, neg, strlen(neg));
  cr_assert(client_log(c, "invalid Content-Length \"-5\"", 3000));
  client_stop(c);
}

Test(bad_input, too_short_content_length_resynchronises) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  const char *msg = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}";
  char head[64];
  snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", strlen(msg) - 10);
  client_send_raw(c, head, strlen(head));
  client_send_raw(c, msg, strlen(msg));
  const cJSON *e = client_wait(c, 3000, is_null_id_error, NULL);
  cr_assert(e, "the truncated body is a parse error");
  cr_assert_eq(jint(e, "error.code"), -32700);
  /* The leftover bytes are dropped as garbage; the next message works. */
  client_stop(c);
  (void)0;
}

Test(bad_input, too_long_content_length_swallows_then_recovers) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  const char *msg = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x/y\"}";
  char head[64];
  snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", strlen(msg) + 30);
  client_send_raw(c, head, strlen(head));
  client_send_raw(c, msg, strlen(msg));
  /* 30 more bytes complete the bad body: it is not valid JSON. */
  client_send_raw(c, "                             x", 30);
  const cJSON *e = client_wait(c, 3000, is_null_id_error, NULL);
  cr_assert(e);
  client_stop(c);
}

Test(bad_input, huge_message_is_skipped_without_buffering, .timeout = 60) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  size_t n = ((size_t)64 << 20) + 4096; /* over the 64 MiB cap */
  char head[64];
  snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
  client_send_raw(c, head, strlen(head));
  char *chunk = malloc(1 << 20);
  memset(chunk, ' ', 1 << 20);
  for (size_t sent = 0; sent < n;) {
    size_t k = n - sent < (1 << 20) ? n - sent : (1 << 20);
    client_send_raw(c, chunk, k);
    sent += k;
    read_one(c, now_ms()); /* keep the server's output flowing */
  }
  free(chunk);
  cr_assert(client_log(c, "over the", 5000));
  client_stop(c); /* still in step after the skipped body */
}

Test(bad_input, unrepresentable_content_length_does_not_crash) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  const char *bad = "Content-Length: 99999999999999999999999999\r\n\r\n{}";
  client_send_raw(c, bad, strlen(bad));
  cr_assert(client_log(c, "too large", 3000));
  cr_assert_eq(client_finish(c, 5000), 1, "input ends without shutdown");
}

Test(bad_input, garbage_and_nul_bytes_are_dropped) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  static const char junk[] = "\x00\x01garbage\xff\xfe\r\nmore junk\r\n\r\n";
  client_send_raw(c, junk, sizeof junk - 1);
  cr_assert(client_log(c, "not a message header", 3000));
  client_stop(c);
}

Test(bad_input, notification_with_bad_params_is_logged) {
  client *c = client_start(NULL);
  client_initialize(c, NULL, NULL, NULL);
  client_notify(c, "textDocument/didOpen", cJSON_Parse("{\"textDocument\":{}}"));
  cr_assert(client_log(c, "didOpen", 3000));
  client_notify(c, "textDocument/didChange", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" URI "\",\"version\":2},"
      "\"contentChanges\":[{\"range\":{\"start\":{\"line\":-1,\"character\":0},"
      "\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}]}"));
  cr_assert(client_log(c, "didChange", 3000));
  client_stop(c);
}
