/* The `leaklint.confirm` command through the real `leaklint lsp` (which has
 * the runtime): the code action offered per JavaScript finding, the
 * workspace/executeCommand verdicts with their progress, the verdict shown
 * with the re-published diagnostic until the next edit, cancellation, and
 * the InvalidParams errors for bad arguments. One suite runs the server of
 * the library alone (forked in-process, no runtime installed) to check the
 * "no runtime" answer. */
#include "client.h"

#include "lsp/lsp.h"

#define WS "file:///tmp/ll-lsp-confirm"

/* A discarded interval per call: leaks. */
static const char leak_js[] =
    "function start(){ setInterval(() => {}, 1000); } "
    "module.exports = { start };\n";
/* Flagged too, but a guard makes it run once: one timer whatever the
 * number of calls. */
static const char guarded_js[] =
    "let started = false;\n"
    "function start(){ if (started) return; started = true; "
    "setInterval(() => {}, 1000); } module.exports = { start };\n";

/* ==== Helpers ==== */

/* Starts the server of the analyzer library in a child process: the same
 * loop as `leaklint lsp`, but no runtime is installed. */
static client *client_start_library(void) {
  int in[2], out[2];
  cr_assert(pipe(in) == 0 && pipe(out) == 0);
  signal(SIGPIPE, SIG_IGN);
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    close(in[1]), close(out[0]);
    _exit(ll_lsp_run(in[0], out[1]));
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

/* Sends workspace/executeCommand with `args_json` (and a workDoneToken when
 * `token` is not NULL); returns the request id. */
static int execute(client *c, const char *command, const char *args_json,
                   const char *token) {
  cJSON *p = cJSON_CreateObject();
  cJSON_AddStringToObject(p, "command", command);
  if (args_json) cJSON_AddItemToObject(p, "arguments", cJSON_Parse(args_json));
  if (token) cJSON_AddStringToObject(p, "workDoneToken", token);
  return client_request(c, "workspace/executeCommand", p);
}

/* `leaklint.confirm` for [uri, line, character, rule]. */
static int confirm(client *c, const char *uri, int line, int ch,
                   const char *rule, const char *token) {
  char args[512];
  snprintf(args, sizeof args, "[\"%s\", %d, %d, \"%s\"]", uri, line, ch, rule);
  return execute(c, "leaklint.confirm", args, token);
}

/* The response to `id`, waiting long enough for a run (the runtime caps one
 * at 2 s; sanitizer builds are slower). */
static const cJSON *slow_response(client *c, int id) {
  const cJSON *m = client_wait(c, 30000, is_response_to, &id);
  cr_assert(m, "no response to request %d", id);
  return m;
}

/* The error code of the response to `id`, its message into `*msg`. */
static int error_of(client *c, int id, const char **msg) {
  const cJSON *r = slow_response(c, id);
  cr_assert(jget(r, "error"), "an error, got %s",
            cJSON_PrintUnformatted(jget(r, "result")));
  *msg = jstr(r, "error.message");
  return jint(r, "error.code");
}

typedef struct progress_key {
  const char *token, *kind;
} progress_key;

static bool is_progress(const cJSON *m, const void *ud) {
  const progress_key *k = ud;
  return is_method(m, "$/progress") &&
         !strcmp(jstr_or(m, "params.token"), k->token) &&
         !strcmp(jstr_or(m, "params.value.kind"), k->kind);
}

/* The index in the backlog of message `m` (to check an order). */
static int seen_at(const client *c, const cJSON *m) {
  for (int i = 0; i < c->nseen; i++)
    if (c->seen[i] == m) return i;
  return -1;
}

/* The next publishDiagnostics for `uri` whose first message contains
 * `needle` (NULL: any), within `timeout_ms`. */
typedef struct pub_key {
  const char *uri, *needle;
} pub_key;

static bool is_pub_with(const cJSON *m, const void *ud) {
  const pub_key *k = ud;
  diag_key dk = {k->uri, -1};
  if (!is_diagnostics(m, &dk)) return false;
  const char *msg = jstr(m, "params.diagnostics.0.message");
  return msg && (!k->needle || strstr(msg, k->needle));
}

static const cJSON *publish_with(client *c, const char *uri,
                                 const char *needle, int timeout_ms) {
  pub_key k = {uri, needle};
  return client_wait(c, timeout_ms, is_pub_with, &k);
}

/* ==== The code action ==== */

Test(confirm, action_runs_the_command_for_a_js_finding) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/a.js";
  client_open(c, uri, 1, leak_js);
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1);
  const cJSON *acts = client_actions_for(c, uri, cJSON_GetArrayItem(ds, 0));
  const cJSON *a = client_find_action(acts, "by running it");
  cr_assert(a, "a confirmation is offered");
  cr_assert_str_eq(jstr(a, "title"),
                   "Confirm no-uncleared-interval by running it (leaklint)");
  cr_assert_str_eq(jstr(a, "kind"), "quickfix");
  cr_assert_null(jget(a, "edit"), "it edits nothing");
  cr_assert_str_eq(jstr(a, "diagnostics.0.code"), "no-uncleared-interval");
  cr_assert_str_eq(jstr(a, "command.command"), "leaklint.confirm");
  const cJSON *args = jget(a, "command.arguments");
  cr_assert_eq(cJSON_GetArraySize(args), 4);
  cr_assert_str_eq(jstr(args, "0"), uri);
  cr_assert_eq(jint(args, "1"), 0);
  cr_assert_eq(jint(args, "2"), 18, "the diagnostic's start");
  cr_assert_str_eq(jstr(args, "3"), "no-uncleared-interval");
  cr_assert(client_find_action(acts, "on this line"), "suppressions still offered");
  client_stop(c);
}

Test(confirm, no_action_for_a_c_finding) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/leak.c";
  client_open_lang(c, uri, "c", 1,
           "#include <stdlib.h>\nvoid f(unsigned n) {\n"
           "  char *p = malloc(n);\n  p[0] = 1;\n}\n");
  const cJSON *ds = client_diagnostics(c, uri, 1, 10000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1);
  cr_assert_str_eq(jstr(ds, "0.code"), "c-heap-leak");
  const cJSON *acts = client_actions_for(c, uri, cJSON_GetArrayItem(ds, 0));
  cr_assert(client_find_action(acts, "on this line"));
  cr_assert_null(client_find_action(acts, "by running it"));
  client_stop(c);
}

/* ==== workspace/executeCommand ==== */

Test(confirm, confirms_a_leak_with_progress_and_republishes) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/leak.js";
  client_open(c, uri, 1, leak_js);
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  const char *before = jstr(ds, "0.message");
  cr_assert(before && !strchr(before, '\n'));
  int id = confirm(c, uri, 0, 18, "no-uncleared-interval", "tok-1");
  const cJSON *r = jget(slow_response(c, id), "result");
  cr_assert_str_eq(jstr_or(r, "status"), "confirmed", "%s",
                   cJSON_PrintUnformatted(r));
  cr_assert_str_eq(jstr(r, "entry"), "start");
  cr_assert_eq(jint(r, "calls"), 100);
  cr_assert_str_eq(jstr(r, "evidence.metric"), "live-timers");
  cr_assert_eq(jint(r, "evidence.perCall"), 1);
  const char *line = jstr(r, "message");
  cr_assert(line && !strncmp(line, "confirmed: +1 timer and +", 25), "%s",
            line);
  cr_assert(strstr(line, "(100 calls, entry start)"), "%s", line);

  /* Progress: begin, then end with the verdict line. */
  progress_key kb = {"tok-1", "begin"}, ke = {"tok-1", "end"};
  const cJSON *b = client_wait(c, 1000, is_progress, &kb);
  const cJSON *e = client_wait(c, 1000, is_progress, &ke);
  cr_assert(b && e, "$/progress begin and end");
  cr_assert_str_eq(jstr(b, "params.value.title"),
                   "Confirming no-uncleared-interval\xe2\x80\xa6");
  cr_assert_str_eq(jstr(e, "params.value.message"), line);
  cr_assert_lt(seen_at(c, b), seen_at(c, e));

  /* The diagnostic again, with the verdict on a line of its own. */
  const cJSON *p = publish_with(c, uri, "\nconfirmed: ", 5000);
  cr_assert(p, "the diagnostic is re-published with the verdict");
  char want[1024];
  snprintf(want, sizeof want, "%s\n%s", before, line);
  cr_assert_str_eq(jstr(p, "params.diagnostics.0.message"), want);
  cr_assert_eq(jint(p, "params.version"), 1);
  /* With a token the verdict is not also shown as a message. */
  cr_assert_null(client_wait(c, 200, is_method, "window/showMessage"));
  client_stop(c);
}

Test(confirm, refutes_a_guarded_interval_and_shows_a_message) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/guard.js";
  client_open(c, uri, 1, guarded_js);
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1, "the rule flags it");
  int line = jint(ds, "0.range.start.line");
  int ch = jint(ds, "0.range.start.character");
  int id = confirm(c, uri, line, ch, "no-uncleared-interval", NULL);
  const cJSON *r = jget(slow_response(c, id), "result");
  cr_assert_str_eq(jstr_or(r, "status"), "refuted", "%s",
                   cJSON_PrintUnformatted(r));
  cr_assert_str_eq(jstr(r, "message"),
                   "refuted: stays at 1 timer after 100 calls (entry start)");
  cr_assert_null(jget(r, "reason"));
  /* No token, no progress: the verdict comes as a message instead. */
  const cJSON *m = client_wait(c, 1000, is_method, "window/showMessage");
  cr_assert(m);
  cr_assert_str_eq(jstr(m, "params.message"),
                   "leaklint: no-uncleared-interval at 2:56: refuted: stays "
                   "at 1 timer after 100 calls (entry start)");
  cr_assert_eq(jint(m, "params.type"), 3);
  cr_assert_null(client_wait(c, 100, is_method, "$/progress"));
  cr_assert(publish_with(c, uri, "\nrefuted: stays at 1 timer", 5000));
  client_stop(c);
}

Test(confirm, position_counts_utf16_units) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  /* "é" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units. */
  const char *uri = WS "/wide.js";
  client_open(c, uri, 1,
              "function start(){ const s = '\xc3\xa9\xf0\x9f\x98\x80'; "
              "setInterval(() => {}, 1000); } module.exports = { start };\n");
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  cr_assert_eq(jint(ds, "0.range.start.character"), 35);
  int id = confirm(c, uri, 0, 35, "no-uncleared-interval", NULL);
  const cJSON *r = jget(slow_response(c, id), "result");
  cr_assert_str_eq(jstr_or(r, "status"), "confirmed", "%s",
                   cJSON_PrintUnformatted(r));
  cr_assert(publish_with(c, uri, "\nconfirmed: ", 5000),
            "the verdict is matched to the diagnostic");
  client_stop(c);
}

Test(confirm, verdict_stays_until_the_document_changes) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/keep.js";
  client_open(c, uri, 1, leak_js);
  client_diagnostics(c, uri, 1, 5000);
  int id = confirm(c, uri, 0, 18, "no-uncleared-interval", NULL);
  slow_response(c, id);
  cr_assert(publish_with(c, uri, "\nconfirmed: ", 5000));
  /* A later publish for the same text (the severity changed) keeps it. */
  client_notify(c, "workspace/didChangeConfiguration", cJSON_Parse(
      "{\"settings\":{\"leaklint\":{\"rules\":{\"no-uncleared-interval\":"
      "\"warn\"}}}}"));
  const cJSON *p = publish_with(c, uri, NULL, 5000);
  cr_assert(p);
  cr_assert_eq(jint(p, "params.diagnostics.0.severity"), 2);
  cr_assert(strstr(jstr(p, "params.diagnostics.0.message"), "\nconfirmed: "),
            "kept: %s", jstr(p, "params.diagnostics.0.message"));
  /* An edit drops it, even though the findings stay the same. */
  client_change(c, uri, 2, 1, 0, 1, 0, "\n");
  const cJSON *ds = client_diagnostics(c, uri, 2, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1);
  cr_assert_null(strchr(jstr(ds, "0.message"), '\n'), "dropped: %s",
                 jstr(ds, "0.message"));
  client_stop(c);
}

Test(confirm, pull_client_is_asked_to_pull_the_verdict) {
  client *c = client_start(NULL);
  client_initialize(c, WS, "{\"textDocument\":{\"diagnostic\":{}},"
                    "\"workspace\":{\"diagnostics\":{\"refreshSupport\":"
                    "true}}}", NULL);
  const char *uri = WS "/pull.js";
  client_open(c, uri, 1, leak_js);
  int id = client_request(c, "textDocument/diagnostic", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" WS "/pull.js\"}}"));
  const cJSON *r = jget(client_response(c, id), "result");
  cr_assert_eq(cJSON_GetArraySize(jget(r, "items")), 1);
  char rid[64];
  snprintf(rid, sizeof rid, "%s", jstr(r, "resultId"));
  id = confirm(c, uri, 0, 18, "no-uncleared-interval", NULL);
  cr_assert_str_eq(jstr_or(slow_response(c, id), "result.status"),
                   "confirmed");
  cr_assert(client_wait(c, 2000, is_method, "workspace/diagnostic/refresh"));
  cJSON *p = cJSON_Parse("{\"textDocument\":{\"uri\":\"" WS "/pull.js\"}}");
  cJSON_AddStringToObject(p, "previousResultId", rid);
  id = client_request(c, "textDocument/diagnostic", p);
  r = jget(client_response(c, id), "result");
  cr_assert_str_eq(jstr(r, "kind"), "full", "the old result id is stale");
  cr_assert(strstr(jstr(r, "items.0.message"), "\nconfirmed: "), "%s",
            jstr(r, "items.0.message"));
  cr_assert_not(client_published(c, uri, 100), "a pull client is not pushed");
  client_stop(c);
}

Test(confirm, cancel_answers_request_cancelled) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/cancel.js";
  client_open(c, uri, 1, leak_js);
  client_diagnostics(c, uri, 1, 5000);
  int id = confirm(c, uri, 0, 18, "no-uncleared-interval", "tok-c");
  char cancel[128];
  snprintf(cancel, sizeof cancel,
           "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":"
           "{\"id\":%d}}", id);
  client_send(c, cancel);
  const char *msg;
  cr_assert_eq(error_of(c, id, &msg), -32800);
  progress_key ke = {"tok-c", "end"};
  cr_assert(client_wait(c, 1000, is_progress, &ke), "the progress ends");
  /* The run finishes unseen: no second answer, no verdict. */
  cr_assert_null(client_wait(c, 1500, is_response_to, &id));
  cr_assert_null(publish_with(c, uri, "\nconfirmed", 100));
  client_stop(c);
}

Test(confirm, bad_arguments_are_invalid_params) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/args.js";
  client_open(c, uri, 1, leak_js);
  client_open_lang(c, WS "/notes.txt", "plaintext", 1, "setInterval(f, 1)\n");
  client_diagnostics(c, uri, 1, 5000);
  static const struct {
    const char *command, *args, *says;
  } cases[] = {
      {"leaklint.frobnicate", "[]", "unknown command \"leaklint.frobnicate\""},
      {"leaklint.confirm", NULL, "arguments must be an array"},
      {"leaklint.confirm", "[\"" WS "/args.js\", 0, 18]",
       "expected 4 arguments"},
      {"leaklint.confirm", "[1, 0, 18, \"no-uncleared-interval\"]",
       "the uri (argument 1) must be a string"},
      {"leaklint.confirm",
       "[\"" WS "/args.js\", -1, 18, \"no-uncleared-interval\"]",
       "the line (argument 2) must be a non-negative integer"},
      {"leaklint.confirm",
       "[\"" WS "/args.js\", 0, 1.5, \"no-uncleared-interval\"]",
       "the character (argument 3) must be a non-negative integer"},
      {"leaklint.confirm", "[\"" WS "/args.js\", 0, 18, 7]",
       "the ruleId (argument 4) must be a string"},
      {"leaklint.confirm", "[\"" WS "/args.js\", 0, 18, \"no-uncleared\"]",
       "unknown rule id \"no-uncleared\""},
      {"leaklint.confirm", "[\"" WS "/args.js\", 0, 18, \"c-heap-leak\"]",
       "c-heap-leak is not a JavaScript rule"},
      {"leaklint.confirm",
       "[\"" WS "/closed.js\", 0, 18, \"no-uncleared-interval\"]",
       "is not an open document"},
      {"leaklint.confirm",
       "[\"" WS "/notes.txt\", 0, 0, \"no-uncleared-interval\"]",
       "is not JavaScript or TypeScript"},
      {"leaklint.confirm",
       "[\"" WS "/args.js\", 5, 0, \"no-uncleared-interval\"]",
       "line 5 is past the end of the document"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int id = execute(c, cases[i].command, cases[i].args, "tok-bad");
    const char *msg = NULL;
    cr_assert_eq(error_of(c, id, &msg), -32602, "case %zu", i);
    cr_assert(msg && strstr(msg, cases[i].says), "case %zu: %s", i, msg);
  }
  /* No command at all. */
  int id = client_request(c, "workspace/executeCommand", cJSON_CreateObject());
  const char *msg = NULL;
  cr_assert_eq(error_of(c, id, &msg), -32602);
  cr_assert(strstr(msg, "needs a command"), "%s", msg);
  /* Nothing was started. */
  cr_assert_null(client_wait(c, 200, is_method, "$/progress"));
  client_stop(c);
}

/* ==== Without a runtime ==== */

Test(library, no_runtime_no_action_and_an_internal_error) {
  client *c = client_start_library();
  const cJSON *r = client_initialize(c, WS, NULL, NULL);
  cr_assert_str_eq(jstr(r, "capabilities.executeCommandProvider.commands.0"),
                   "leaklint.confirm");
  const char *uri = WS "/lib.js";
  client_open(c, uri, 1, leak_js);
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  const cJSON *acts = client_actions_for(c, uri, cJSON_GetArrayItem(ds, 0));
  cr_assert(client_find_action(acts, "on this line"));
  cr_assert_null(client_find_action(acts, "by running it"), "it could only fail");
  int id = confirm(c, uri, 0, 18, "no-uncleared-interval", "tok-lib");
  const char *msg = NULL;
  cr_assert_eq(error_of(c, id, &msg), -32603);
  cr_assert(strstr(msg, "no JavaScript runtime"), "%s", msg);
  /* Bad arguments are still named as such. */
  id = confirm(c, uri, 0, 18, "c-heap-leak", NULL);
  cr_assert_eq(error_of(c, id, &msg), -32602);
  cr_assert_null(client_wait(c, 100, is_method, "$/progress"));
  client_stop(c);
}
