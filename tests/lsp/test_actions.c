/* Code actions and hover through the real `leaklint lsp`: the suppressions
 * and the no-implicit-global quick fix, applied to the text and checked by
 * analysing the result again; hover text from the rule's README. */
#include "client.h"

#define WS "file:///tmp/ll-lsp-act"

/* Applies a single-position insertion (ASCII text) to `text`. */
static char *apply_insert(const char *text, int line, int ch, const char *ins) {
  const char *p = text;
  for (int l = 0; l < line; l++) p = strchr(p, '\n') + 1;
  p += ch;
  size_t a = (size_t)(p - text);
  char *out = malloc(strlen(text) + strlen(ins) + 1);
  memcpy(out, text, a);
  strcpy(out + a, ins);
  strcat(out, p);
  return out;
}

/* The single TextDocumentEdit's edit, checking the version. */
static const cJSON *the_edit(const cJSON *action, int version) {
  const cJSON *dc = jget(action, "edit.documentChanges.0");
  cr_assert(dc, "a documentChanges edit");
  cr_assert_eq(jint(dc, "textDocument.version"), version);
  return jget(dc, "edits.0");
}

/* Opens `text` as a new document and returns its diagnostics count. */
static int count_after(client *c, const char *name, const char *text) {
  char uri[256];
  snprintf(uri, sizeof uri, WS "/%s", name);
  client_open(c, uri, 1, text);
  return cJSON_GetArraySize(client_diagnostics(c, uri, 1, 5000));
}

static char *apply(const char *text, const cJSON *edit) {
  cr_assert_eq(jint(edit, "range.start.line"), jint(edit, "range.end.line"));
  cr_assert_eq(jint(edit, "range.start.character"),
               jint(edit, "range.end.character"), "an insertion");
  return apply_insert(text, jint(edit, "range.start.line"),
                      jint(edit, "range.start.character"),
                      jstr(edit, "newText"));
}

Test(actions, suppress_on_this_line_matches_indentation) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *text = "function f() {\n    x = 1;\n}\n";
  client_open(c, WS "/s.js", 3, text);
  const cJSON *ds = client_diagnostics(c, WS "/s.js", 3, 5000);
  const cJSON *a = client_find_action(client_actions_for(c, WS "/s.js",
                                           cJSON_GetArrayItem(ds, 0)),
                               "on this line");
  cr_assert(a);
  cr_assert_str_eq(jstr(a, "kind"), "quickfix");
  cr_assert_str_eq(jstr(a, "diagnostics.0.code"), "no-implicit-global");
  const cJSON *e = the_edit(a, 3);
  cr_assert_str_eq(jstr(e, "newText"),
                   "    // leaklint-disable-next-line no-implicit-global -- "
                   "reason\n");
  char *fixed = apply(text, e);
  cr_assert_eq(count_after(c, "s2.js", fixed), 0);
  free(fixed);
  client_stop(c);
}

Test(actions, suppress_in_file_goes_after_shebang_and_use_strict) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *text = "#!/usr/bin/env node\n'use strict';\nfunction f() {\n"
                     "  setInterval(f, 10);\n}\n";
  client_open(c, WS "/f.js", 1, text);
  const cJSON *ds = client_diagnostics(c, WS "/f.js", 1, 5000);
  const cJSON *a = client_find_action(client_actions_for(c, WS "/f.js",
                                           cJSON_GetArrayItem(ds, 0)),
                               "in this file");
  cr_assert(a);
  const cJSON *e = the_edit(a, 1);
  cr_assert_eq(jint(e, "range.start.line"), 2);
  cr_assert_str_eq(jstr(e, "newText"),
                   "/* leaklint-disable no-uncleared-interval -- reason */\n");
  char *fixed = apply(text, e);
  cr_assert_eq(count_after(c, "f2.js", fixed), 0);
  free(fixed);
  client_stop(c);
}

Test(actions, existing_next_line_directive_is_extended) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *text = "function f() {\n  // leaklint-disable-next-line "
                     "no-uncleared-interval -- ok\n  x = setInterval(f, 1);\n"
                     "}\n";
  client_open(c, WS "/e.js", 1, text);
  const cJSON *ds = client_diagnostics(c, WS "/e.js", 1, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1);
  const cJSON *a = client_find_action(client_actions_for(c, WS "/e.js",
                                           cJSON_GetArrayItem(ds, 0)),
                               "on this line");
  const cJSON *e = the_edit(a, 1);
  cr_assert_str_eq(jstr(e, "newText"), ", no-implicit-global");
  char *fixed = apply(text, e);
  cr_assert(strstr(fixed, "no-uncleared-interval, no-implicit-global -- ok"),
            "%s", fixed);
  cr_assert_eq(count_after(c, "e2.js", fixed), 0);
  free(fixed);
  client_stop(c);
}

Test(actions, declare_with_let_when_certain) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *text = "function load(rows) {\n  'use strict';\n"
                     "  for (i = 0; i < rows.length; i++) {\n"
                     "    console.log(rows[i]);\n  }\n}\n";
  client_open(c, WS "/d.js", 2, text);
  const cJSON *ds = client_diagnostics(c, WS "/d.js", 2, 5000);
  const cJSON *a = client_find_action(client_actions_for(c, WS "/d.js",
                                           cJSON_GetArrayItem(ds, 0)),
                               "Declare 'i' with let");
  cr_assert(a);
  cr_assert(cJSON_IsTrue(jget(a, "isPreferred")));
  const cJSON *e = the_edit(a, 2);
  cr_assert_eq(jint(e, "range.start.line"), 2, "after the directive");
  cr_assert_str_eq(jstr(e, "newText"), "  let i;\n");
  char *fixed = apply(text, e);
  cr_assert_eq(count_after(c, "d2.js", fixed), 0);
  free(fixed);
  client_stop(c);
}

Test(actions, no_declare_fix_when_the_value_carries_over) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/n.js";
  client_open(c, uri, 1, "function h(id) {\n  seen = seen || [];\n"
                         "  seen.push(id);\n}\n");
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  const cJSON *acts = client_actions_for(c, uri, cJSON_GetArrayItem(ds, 0));
  cr_assert_null(client_find_action(acts, "Declare"));
  cr_assert(client_find_action(acts, "on this line"), "suppressions are offered");
  client_stop(c);
}

Test(actions, changes_map_without_document_changes_support) {
  client *c = client_start(NULL);
  client_initialize(c, WS, "{\"textDocument\":{\"codeAction\":{"
                    "\"codeActionLiteralSupport\":{}}}}", NULL);
  const char *uri = WS "/c.js";
  client_open(c, uri, 1, "x = 1;\n");
  const cJSON *ds = client_diagnostics(c, uri, 1, 5000);
  const cJSON *acts = client_actions_for(c, uri, cJSON_GetArrayItem(ds, 0));
  const cJSON *a = client_find_action(acts, "on this line");
  cr_assert(jget(a, "edit.changes"));
  cr_assert_null(jget(a, "edit.documentChanges"));
  /* A module-level declaration is offered too. */
  cr_assert(client_find_action(acts, "in the module scope"));
  client_stop(c);
}

Test(actions, hover_shows_rule_docs_on_a_finding_only) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *uri = WS "/h.js";
  client_open(c, uri, 1, "function f() {\n  leakyName = 1;\n}\n");
  client_diagnostics(c, uri, 1, 5000);
  int id = client_request(c, "textDocument/hover", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" WS "/h.js\"},\"position\":{\"line\":1,"
      "\"character\":4}}"));
  const cJSON *r = jget(client_response(c, id), "result");
  cr_assert_str_eq(jstr(r, "contents.kind"), "markdown");
  const char *md = jstr(r, "contents.value");
  cr_assert(strstr(md, "no-implicit-global"));
  cr_assert(strstr(md, "Reports every assignment to a name"),
            "the README's What it does section");
  cr_assert(strstr(md, "```js"), "an example");
  cr_assert_eq(jint(r, "range.start.line"), 1);
  id = client_request(c, "textDocument/hover", cJSON_Parse(
      "{\"textDocument\":{\"uri\":\"" WS "/h.js\"},\"position\":{\"line\":0,"
      "\"character\":1}}"));
  cr_assert(cJSON_IsNull(jget(client_response(c, id), "result")));
  client_stop(c);
}

/* ==== The no-uncleared-interval quick fix ==== */

/* Applies every (insertion) edit of the action's single TextDocumentEdit,
 * last position first. */
static char *apply_all(const char *text, const cJSON *action, int version) {
  const cJSON *dc = jget(action, "edit.documentChanges.0");
  cr_assert(dc);
  cr_assert_eq(jint(dc, "textDocument.version"), version);
  const cJSON *edits = jget(dc, "edits");
  int n = cJSON_GetArraySize(edits);
  int order[8];
  cr_assert(n >= 1 && n <= 8);
  for (int i = 0; i < n; i++) order[i] = i;
  for (int i = 0; i < n; i++) /* by position, descending */
    for (int j = i + 1; j < n; j++) {
      const cJSON *a = cJSON_GetArrayItem(edits, order[i]);
      const cJSON *b = cJSON_GetArrayItem(edits, order[j]);
      int la = jint(a, "range.start.line"), lb = jint(b, "range.start.line");
      int ca = jint(a, "range.start.character");
      int cb = jint(b, "range.start.character");
      if (lb > la || (lb == la && cb > ca)) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
  char *cur = strdup(text);
  for (int i = 0; i < n; i++) {
    char *next = apply(cur, cJSON_GetArrayItem(edits, order[i]));
    free(cur);
    cur = next;
  }
  return cur;
}

/* Opens `text`, asks for actions on its first diagnostic, and returns the
 * interval fix (or NULL). */
static const cJSON *interval_action(client *c, const char *uri,
                                    const char *text) {
  client_open(c, uri, 4, text);
  const cJSON *ds = client_diagnostics(c, uri, 4, 5000);
  cr_assert_eq(cJSON_GetArraySize(ds), 1, "one finding");
  cr_assert_str_eq(jstr(cJSON_GetArrayItem(ds, 0), "code"),
                   "no-uncleared-interval");
  const cJSON *acts = client_actions_for(c, uri, cJSON_GetArrayItem(ds, 0));
  cr_assert(client_find_action(acts, "on this line"), "suppressions still offered");
  return client_find_action(acts, "Keep the interval in this.");
}

Test(actions, interval_kept_and_cleared_in_the_cleanup_method) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  const char *text = "class Poller {\n"
                     "  constructor(url) {\n"
                     "    this.url = url;\n"
                     "    setInterval(this.poll, 1000);\n"
                     "  }\n"
                     "  poll() {}\n"
                     "  stop() {\n"
                     "    this.url = null;\n"
                     "  }\n"
                     "}\n";
  const cJSON *a = interval_action(c, WS "/i1.js", text);
  cr_assert(a, "the fix is offered");
  cr_assert_str_eq(jstr(a, "title"),
                   "Keep the interval in this.pollInterval and clear it in "
                   "stop()");
  cr_assert(cJSON_IsTrue(jget(a, "isPreferred")));
  char *fixed = apply_all(text, a, 4);
  cr_assert_str_eq(fixed, "class Poller {\n"
                          "  constructor(url) {\n"
                          "    this.url = url;\n"
                          "    this.pollInterval = setInterval(this.poll, 1000);\n"
                          "  }\n"
                          "  poll() {}\n"
                          "  stop() {\n"
                          "    clearInterval(this.pollInterval);\n"
                          "    this.url = null;\n"
                          "  }\n"
                          "}\n");
  cr_assert_eq(count_after(c, "i1b.js", fixed), 0, "%s", fixed);
  free(fixed);
  client_stop(c);
}

Test(actions, interval_fix_in_a_method_that_can_run_again_clears_first) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  /* start() may run twice: the fix clears the previous handle too. The
   * cleanup method is empty and on one line; `interval` is taken. */
  const char *text = "class Clock {\n"
                     "  start() {\n"
                     "    const interval = 5;\n"
                     "    setInterval(() => this.tick(), interval);\n"
                     "  }\n"
                     "  tick() {}\n"
                     "  dispose() {}\n"
                     "}\n";
  const cJSON *a = interval_action(c, WS "/i2.js", text);
  cr_assert(a);
  char *fixed = apply_all(text, a, 4);
  cr_assert_str_eq(fixed, "class Clock {\n"
                          "  start() {\n"
                          "    const interval = 5;\n"
                          "    clearInterval(this.interval2);\n"
                          "    this.interval2 = setInterval(() => this.tick(), "
                          "interval);\n"
                          "  }\n"
                          "  tick() {}\n"
                          "  dispose() { clearInterval(this.interval2); }\n"
                          "}\n");
  cr_assert_eq(count_after(c, "i2b.js", fixed), 0, "%s", fixed);
  free(fixed);
  client_stop(c);
}

Test(actions, no_interval_fix_when_it_is_not_certain) {
  client *c = client_start(NULL);
  client_initialize(c, WS, NULL, NULL);
  /* No cleanup method. */
  cr_assert_null(interval_action(c, WS "/n1.js",
      "class A {\n  start() {\n    setInterval(f, 1);\n  }\n}\n"));
  /* A plain function inside the method: its `this` is not the instance. */
  cr_assert_null(interval_action(c, WS "/n2.js",
      "class B {\n  start() {\n    items.forEach(function () {\n"
      "      setInterval(f, 1);\n    });\n  }\n  stop() {}\n}\n"));
  /* A static method. */
  cr_assert_null(interval_action(c, WS "/n3.js",
      "class C {\n  static start() {\n    setInterval(f, 1);\n  }\n"
      "  stop() {}\n}\n"));
  /* Not a statement of a block: `if (x) setInterval(…)`. */
  cr_assert_null(interval_action(c, WS "/n4.js",
      "class D {\n  start() {\n    if (on) setInterval(f, 1);\n  }\n"
      "  stop() {}\n}\n"));
  /* A shadowed clearInterval. */
  cr_assert_null(interval_action(c, WS "/n5.js",
      "const clearInterval = () => {};\nclass E {\n  start() {\n"
      "    setInterval(f, 1);\n  }\n  stop() {}\n}\n"));
  /* TypeScript: `this.x` would need a declared field. */
  cr_assert_null(interval_action(c, WS "/n6.ts",
      "class F {\n  start(): void {\n    setInterval(f, 1);\n  }\n"
      "  stop(): void {}\n}\n"));
  client_stop(c);
}
