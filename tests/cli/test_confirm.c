/* `leaklint check --confirm` and `leaklint confirm`, run as a program: the
 * `confirm` object in the JSON and SARIF reports and the verdict line of the
 * text report (confirmed, refuted, inconclusive, not-run), --confirm-only,
 * the --confirm-* options and their usage errors, the one-site `confirm`
 * command, and the same report for any thread count. Each test works in its
 * own temporary folder; the snippets are inline. */
#include "helpers.h"

#include <cJSON.h>

/* Leaks one interval per call of `start`: confirmed, 1 timer per call. */
#define LEAK "function start(){ setInterval(() => {}, 1000); } module.exports = { start };\n"
#define LEAK_SITE "1:19"
/* Flagged by no-unremoved-listener (inline 'abort' listener), but the
 * listener sits on a per-call AbortSignal that dies with the call: refuted
 * (tests/oracle/cases/listener-abort-signal-per-call.js). Site 4:3. */
#define REFUTED                                                         \
  "function fetchWithCleanup(url, cache) {\n"                           \
  "  const controller = new AbortController();\n"                       \
  "  const key = String(url);\n"                                        \
  "  controller.signal.addEventListener('abort', () => cache.delete(key));\n" \
  "  cache.set(key, controller);\n"                                     \
  "  return key;\n"                                                     \
  "}\n"                                                                 \
  "module.exports = { fetchWithCleanup };\n"
/* A warning-level implicit global that is created once, then only updated:
 * refuted (tests/oracle/cases/global-counter-same-name.js). */
#define REFUTED_WARN                                                        \
  "function count(){ requestCount = (typeof requestCount === 'number' ? " \
  "requestCount : 0) + 1; return requestCount; }\n"                        \
  "module.exports = { count };\n"
/* The entry throws before the site: inconclusive. Site 1:27. */
#define THROWS                                                    \
  "function start(){ null.x; setInterval(() => {}, 1000); }\n"   \
  "module.exports = { start };\n"
/* A long loop before the site: runs into any small budget. */
#define HEAVY                                                                    \
  "function start(){ for (let i=0;i<1e8;i++){} setInterval(() => {}, 1000); }\n" \
  "module.exports = { start };\n"
/* A C heap leak: c-heap-leak, never run. */
#define C_LEAK                                                                 \
  "#include <stdlib.h>\n"                                                      \
  "void f(void) { char *p = malloc(10); if (!p) return; p[0] = 0; }\n"

static char *dir;
static void setup(void) { dir = tmp_new(); }
static void teardown(void) { tmp_remove(dir); }

TestSuite(confirm, .init = setup, .fini = teardown, .timeout = 120);

/* ==== Helpers ==== */

static cJSON *parse_out(const run_result *r) {
  cJSON *doc = cJSON_Parse(r->out);
  cr_assert(doc, "stdout is not JSON:\n%s\nstderr:\n%s", r->out, r->err);
  return doc;
}

/* The findings of a JSON report (the report stays owned by `*doc`). */
static cJSON *findings_of(const run_result *r, cJSON **doc) {
  *doc = parse_out(r);
  cJSON *f = cJSON_GetObjectItemCaseSensitive(*doc, "findings");
  cr_assert(cJSON_IsArray(f), "no findings array:\n%s", r->out);
  return f;
}

/* The one finding of file `file` in a JSON findings array. */
static cJSON *finding_in(cJSON *findings, const char *file) {
  cJSON *found = NULL, *f;
  cJSON_ArrayForEach(f, findings) {
    cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "file");
    if (cJSON_IsString(p) && !strcmp(p->valuestring, file)) {
      cr_assert(!found, "two findings in %s", file);
      found = f;
    }
  }
  cr_assert(found, "no finding in %s", file);
  return found;
}

static cJSON *item(const cJSON *o, const char *key) {
  cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  cr_assert(v, "no \"%s\" in %s", key, o && o->string ? o->string : "object");
  return v;
}

static const char *str_of(const cJSON *o, const char *key) {
  cJSON *v = item(o, key);
  cr_assert(cJSON_IsString(v), "\"%s\" is not a string", key);
  return v->valuestring;
}

static double num_of(const cJSON *o, const char *key) {
  cJSON *v = item(o, key);
  cr_assert(cJSON_IsNumber(v), "\"%s\" is not a number", key);
  return v->valuedouble;
}

/* The `confirm` object of a finding. */
static cJSON *confirm_of(const cJSON *finding) {
  cJSON *c = cJSON_GetObjectItemCaseSensitive(finding, "confirm");
  cr_assert(cJSON_IsObject(c), "finding has no confirm object");
  return c;
}

static bool starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Asserts the samples of `evidence`: calls and values, `n` of them. */
static void assert_samples(const cJSON *evidence, const double *calls,
                           const double *values, int n) {
  cJSON *s = item(evidence, "samples");
  cr_assert(cJSON_IsArray(s));
  cr_assert_eq(cJSON_GetArraySize(s), n, "%d samples, want %d",
               cJSON_GetArraySize(s), n);
  for (int i = 0; i < n; i++) {
    cJSON *e = cJSON_GetArrayItem(s, i);
    cr_assert_eq(num_of(e, "calls"), calls[i], "sample %d: calls", i);
    cr_assert_eq(num_of(e, "value"), values[i], "sample %d: value", i);
  }
}

/* Removes every "durationMs" member, at any depth (the only part of a
 * report that differs from run to run). */
static void strip_durations(cJSON *o) {
  if (!o) return;
  cJSON_DeleteItemFromObjectCaseSensitive(o, "durationMs");
  for (cJSON *c = o->child; c; c = c->next) strip_durations(c);
}

/* The line after the finding line that ends with "  RULE" in text output
 * (owned), or NULL. `indent` gets its count of leading spaces. */
static char *verdict_line(const char *out, const char *rule, size_t *indent) {
  char needle[128];
  snprintf(needle, sizeof needle, "  %s\n", rule);
  const char *p = strstr(out, needle);
  if (!p) return NULL;
  p += strlen(needle);
  size_t sp = strspn(p, " ");
  if (indent) *indent = sp;
  p += sp;
  size_t n = strcspn(p, "\n");
  char *line = malloc(n + 1);
  memcpy(line, p, n);
  line[n] = '\0';
  return line;
}

/* ==== check --confirm: the JSON report ==== */

Test(confirm, leaking_interval_is_confirmed_with_its_evidence) {
  write_file(dir, "leak.js", LEAK);
  run_result r = run(dir, "check", "--confirm", "--format", "json", "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cr_assert_str_eq(r.err, "");
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 1, "%s", r.out);
  cJSON *finding = cJSON_GetArrayItem(f, 0);
  cr_assert_str_eq(str_of(finding, "rule"), "no-uncleared-interval");
  cJSON *c = confirm_of(finding);
  cr_assert_str_eq(str_of(c, "status"), "confirmed");
  cr_assert_str_eq(str_of(c, "entry"), "start");
  cr_assert_eq(num_of(c, "calls"), 100);
  cr_assert_eq(num_of(c, "phantomUses"), 0);
  cr_assert_geq(num_of(c, "durationMs"), 0);
  cr_assert_null(cJSON_GetObjectItem(c, "reason"), "%s", r.out);
  cJSON *ev = item(c, "evidence");
  cr_assert_str_eq(str_of(ev, "metric"), "live-timers");
  cr_assert_eq(num_of(ev, "perCall"), 1);
  cr_assert_gt(num_of(ev, "retainedBytesPerCall"), 0);
  cr_assert_eq(num_of(ev, "plateau"), 100);
  assert_samples(ev, (double[]){1, 10, 100}, (double[]){1, 10, 100}, 3);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, listener_on_a_per_call_signal_is_refuted) {
  write_file(dir, "ref.js", REFUTED);
  run_result r = run(dir, "check", "--confirm", "--format", "json", "ref.js");
  /* Without --confirm-only the error stays an error. */
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 1, "%s", r.out);
  cJSON *finding = cJSON_GetArrayItem(f, 0);
  cr_assert_str_eq(str_of(finding, "rule"), "no-unremoved-listener");
  cr_assert_eq(num_of(finding, "line"), 4);
  cr_assert_eq(num_of(finding, "column"), 3);
  cJSON *c = confirm_of(finding);
  cr_assert_str_eq(str_of(c, "status"), "refuted");
  cr_assert_str_eq(str_of(c, "entry"), "fetchWithCleanup");
  cr_assert_eq(num_of(c, "calls"), 100);
  cJSON *ev = item(c, "evidence");
  cr_assert_str_eq(str_of(ev, "metric"), "listeners");
  cr_assert_eq(num_of(ev, "perCall"), 0);
  cr_assert_eq(num_of(ev, "plateau"), 0);
  assert_samples(ev, (double[]){1, 10, 100}, (double[]){0, 0, 0}, 3);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, entry_that_throws_before_the_site_is_inconclusive) {
  write_file(dir, "inc.js", THROWS);
  run_result r = run(dir, "check", "--confirm", "--format", "json", "inc.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 1, "%s", r.out);
  cJSON *c = confirm_of(cJSON_GetArrayItem(f, 0));
  cr_assert_str_eq(str_of(c, "status"), "inconclusive");
  const char *reason = str_of(c, "reason");
  cr_assert(starts_with(reason, "exception thrown at inc.js:1"), "reason: %s", reason);
  cr_assert(strstr(reason, "before the site was reached"), "reason: %s", reason);
  cr_assert(strstr(reason, "TypeError"), "reason: %s", reason);
  /* No run finished: no call count and no evidence. */
  cr_assert_null(cJSON_GetObjectItem(c, "calls"), "%s", r.out);
  cr_assert_null(cJSON_GetObjectItem(c, "evidence"), "%s", r.out);
  cr_assert(cJSON_IsNumber(item(c, "durationMs")));
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, c_findings_are_not_run) {
  write_file(dir, "a.c", C_LEAK);
  write_file(dir, "leak.js", LEAK);
  run_result r = run(dir, "check", "--confirm", "--format", "json", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *cf = finding_in(f, "a.c");
  cr_assert_str_eq(str_of(cf, "rule"), "c-heap-leak");
  cr_assert_str_eq(str_of(cf, "language"), "c");
  cJSON *c = confirm_of(cf);
  cr_assert_str_eq(str_of(c, "status"), "not-run");
  cr_assert_str_eq(str_of(c, "reason"), "C findings are not confirmed by running");
  /* Nothing ran: only the status and the reason. */
  cr_assert_eq(cJSON_GetArraySize(c), 2, "%s", r.out);
  /* The JS finding of the same run is still confirmed. */
  cr_assert_str_eq(str_of(confirm_of(finding_in(f, "leak.js")), "status"), "confirmed");
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, parse_errors_are_not_run) {
  write_file(dir, "broken.js", "const ok = 1;\nlet x = ;\n");
  run_result r = run(dir, "check", "--confirm", "--format", "json", "broken.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *finding = finding_in(f, "broken.js");
  cr_assert_str_eq(str_of(finding, "rule"), "parse-error");
  cJSON *c = confirm_of(finding);
  cr_assert_str_eq(str_of(c, "status"), "not-run");
  cr_assert_str_eq(str_of(c, "reason"), "not a leak the runtime can measure");
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, no_confirm_key_without_the_flag) {
  write_file(dir, "leak.js", LEAK);
  write_file(dir, "a.c", C_LEAK);
  run_result r = run(dir, "check", "--format", "json", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 2, "%s", r.out);
  cJSON *finding;
  cJSON_ArrayForEach(finding, f)
    cr_assert_null(cJSON_GetObjectItem(finding, "confirm"), "%s", r.out);
  cr_assert(!strstr(r.out, "\"confirm\""), "%s", r.out);
  cJSON_Delete(doc);
  run_free(&r);
  r = run(dir, "check", "--format", "sarif", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cr_assert(!strstr(r.out, "\"confirm\""), "%s", r.out);
  run_free(&r);
  r = run(dir, "check", "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cr_assert(!strstr(r.out, "confirmed:"), "%s", r.out);
  run_free(&r);
  /* A --confirm-* setting alone does not turn confirmation on. */
  r = run(dir, "check", "--format", "json", "--confirm-rounds", "1,5", "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cr_assert(!strstr(r.out, "\"confirm\""), "%s", r.out);
  run_free(&r);
}

/* ==== check --confirm: SARIF and text ==== */

Test(confirm, sarif_carries_the_confirm_object_in_result_properties) {
  write_file(dir, "leak.js", LEAK);
  write_file(dir, "ref.js", REFUTED);
  write_file(dir, "inc.js", THROWS);
  write_file(dir, "a.c", C_LEAK);
  run_result r = run(dir, "check", "--confirm", "--format", "sarif", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc = parse_out(&r);
  cJSON *run0 = cJSON_GetArrayItem(item(doc, "runs"), 0);
  cr_assert(run0, "%s", r.out);
  cJSON *results = item(run0, "results");
  cr_assert_eq(cJSON_GetArraySize(results), 4, "%s", r.out);
  const char *files[] = {"a.c", "inc.js", "leak.js", "ref.js"};
  const char *want[] = {"not-run", "inconclusive", "confirmed", "refuted"};
  int seen = 0;
  cJSON *res;
  cJSON_ArrayForEach(res, results) {
    cJSON *loc = cJSON_GetArrayItem(item(res, "locations"), 0);
    cJSON *art = item(item(loc, "physicalLocation"), "artifactLocation");
    const char *uri = str_of(art, "uri");
    cJSON *c = item(item(res, "properties"), "confirm");
    for (int i = 0; i < 4; i++) {
      if (strcmp(uri, files[i])) continue;
      cr_assert_str_eq(str_of(c, "status"), want[i], "%s", uri);
      seen |= 1 << i;
    }
  }
  cr_assert_eq(seen, 15, "results for %#x of the 4 files\n%s", seen, r.out);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, sarif_confirm_object_equals_the_json_one) {
  write_file(dir, "leak.js", LEAK);
  run_result j = run(dir, "check", "--confirm", "--format", "json", "leak.js");
  run_result s = run(dir, "check", "--confirm", "--format", "sarif", "leak.js");
  cr_assert_eq(j.code, 1, "%s", j.err);
  cr_assert_eq(s.code, 1, "%s", s.err);
  cJSON *jd, *sd = parse_out(&s);
  cJSON *jc = confirm_of(cJSON_GetArrayItem(findings_of(&j, &jd), 0));
  cJSON *res = cJSON_GetArrayItem(item(cJSON_GetArrayItem(item(sd, "runs"), 0), "results"), 0);
  cJSON *sc = item(item(res, "properties"), "confirm");
  strip_durations(jc);
  strip_durations(sc);
  char *a = cJSON_PrintUnformatted(jc), *b = cJSON_PrintUnformatted(sc);
  cr_assert_str_eq(a, b);
  free(a);
  free(b);
  cJSON_Delete(jd);
  cJSON_Delete(sd);
  run_free(&j);
  run_free(&s);
}

Test(confirm, text_puts_the_verdict_on_the_second_line) {
  write_file(dir, "leak.js", LEAK);
  write_file(dir, "ref.js", REFUTED);
  write_file(dir, "inc.js", THROWS);
  write_file(dir, "a.c", C_LEAK);
  run_result r = run(dir, "check", "--confirm", "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  size_t indent = 0;
  char *line = verdict_line(r.out, "no-uncleared-interval", &indent);
  cr_assert(line, "%s", r.out);
  /* Under the message: the location column ("1:19") plus 4. */
  cr_assert_eq(indent, strlen(LEAK_SITE) + 4, "indent %zu\n%s", indent, r.out);
  cr_assert(starts_with(line, "confirmed: +1 timer and +"), "%s", line);
  cr_assert(strstr(line, " B per call (100 calls, entry start)"), "%s", line);
  free(line);
  run_free(&r);

  r = run(dir, "check", "--confirm", "ref.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  line = verdict_line(r.out, "no-unremoved-listener", NULL);
  cr_assert(line, "%s", r.out);
  cr_assert_str_eq(line, "refuted: stays at 0 listeners after 100 calls "
                         "(entry fetchWithCleanup)");
  free(line);
  run_free(&r);

  r = run(dir, "check", "--confirm", "inc.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  line = verdict_line(r.out, "no-uncleared-interval", NULL);
  cr_assert(line, "%s", r.out);
  cr_assert(starts_with(line, "inconclusive: exception thrown at inc.js:1 before "
                              "the site was reached: TypeError"), "%s", line);
  free(line);
  run_free(&r);

  r = run(dir, "check", "--confirm", "a.c");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  line = verdict_line(r.out, "c-heap-leak", NULL);
  cr_assert(line, "%s", r.out);
  cr_assert_str_eq(line, "not-run: C findings are not confirmed by running");
  free(line);
  run_free(&r);
}

Test(confirm, stdin_is_confirmed_under_its_file_name) {
  run_result r = run_stdin(dir, LEAK, "check", "--stdin", "--stdin-filename", "src/x.js",
                           "--confirm", "--format", "json");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *c = confirm_of(finding_in(f, "src/x.js"));
  cr_assert_str_eq(str_of(c, "status"), "confirmed");
  cr_assert_str_eq(str_of(c, "entry"), "start");
  cJSON_Delete(doc);
  run_free(&r);
}

/* ==== --confirm-only ==== */

Test(confirm, confirm_only_drops_refuted_and_inconclusive_findings) {
  write_file(dir, "ref.js", REFUTED);
  write_file(dir, "inc.js", THROWS);
  write_file(dir, "warn.js", REFUTED_WARN);
  /* Only unconfirmed findings: none is left, exit 0. */
  run_result r = run(dir, "check", "--confirm-only", "--format", "json", ".");
  cr_assert_eq(r.code, 0, "stdout:\n%s\nstderr:\n%s", r.out, r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 0, "%s", r.out);
  cJSON *sum = item(doc, "summary");
  cr_assert_eq(num_of(sum, "files"), 3);
  cr_assert_eq(num_of(sum, "errors"), 0);
  cr_assert_eq(num_of(sum, "warnings"), 0);
  cJSON_Delete(doc);
  run_free(&r);
  /* The same files with plain --confirm: 2 errors and a warning, exit 1. */
  r = run(dir, "check", "--confirm", "--format", "json", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 3, "%s", r.out);
  sum = item(doc, "summary");
  cr_assert_eq(num_of(sum, "errors"), 2);
  cr_assert_eq(num_of(sum, "warnings"), 1);
  cJSON_Delete(doc);
  run_free(&r);
  /* Text: nothing printed at all. */
  r = run(dir, "check", "--confirm-only", ".");
  cr_assert_eq(r.code, 0, "stdout:\n%s\nstderr:\n%s", r.out, r.err);
  cr_assert(!strstr(r.out, "refuted:") && !strstr(r.out, "inconclusive:"), "%s", r.out);
  run_free(&r);
}

/* Not asserted (reported as a question for the owner): --confirm-only also
 * drops every "not-run" finding, so a C leak or a parse-error alone gives no
 * output and exit 0 (`check --confirm-only broken.js` with "let x = ;"). */
Test(confirm, confirm_only_keeps_confirmed_errors_and_their_exit_code) {
  write_file(dir, "leak.js", LEAK);
  write_file(dir, "ref.js", REFUTED);
  write_file(dir, "inc.js", THROWS);
  write_file(dir, "warn.js", REFUTED_WARN);
  run_result r = run(dir, "check", "--confirm-only", "--format", "json", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 1, "%s", r.out);
  cJSON *finding = cJSON_GetArrayItem(f, 0);
  cr_assert_str_eq(str_of(finding, "file"), "leak.js");
  cr_assert_str_eq(str_of(confirm_of(finding), "status"), "confirmed");
  cJSON *sum = item(doc, "summary");
  cr_assert_eq(num_of(sum, "files"), 4);
  cr_assert_eq(num_of(sum, "errors"), 1);
  cr_assert_eq(num_of(sum, "warnings"), 0);
  cr_assert_eq(num_of(sum, "infos"), 0);
  cJSON_Delete(doc);
  run_free(&r);
  /* Text: only the confirmed finding, and the summary counts it alone. */
  r = run(dir, "check", "--confirm-only", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cr_assert(strstr(r.out, "confirmed: +1 timer"), "%s", r.out);
  cr_assert(!strstr(r.out, "ref.js") && !strstr(r.out, "inc.js") &&
                !strstr(r.out, "warn.js"), "%s", r.out);
  cr_assert(strstr(r.out, "1 problem (1 error, 0 warnings)"), "%s", r.out);
  run_free(&r);
  /* SARIF: one result. */
  r = run(dir, "check", "--confirm-only", "--format", "sarif", ".");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  doc = parse_out(&r);
  cJSON *results = item(cJSON_GetArrayItem(item(doc, "runs"), 0), "results");
  cr_assert_eq(cJSON_GetArraySize(results), 1, "%s", r.out);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, confirm_only_warnings_left_count_for_max_warnings) {
  write_file(dir, "warn.js", REFUTED_WARN);
  /* The refuted warning is dropped before --max-warnings counts. */
  run_result r = run(dir, "check", "--confirm-only", "--max-warnings", "0", "warn.js");
  cr_assert_eq(r.code, 0, "stdout:\n%s\nstderr:\n%s", r.out, r.err);
  cr_assert_str_eq(r.err, "");
  run_free(&r);
  r = run(dir, "check", "--confirm", "--max-warnings", "0", "warn.js");
  assert_run(r, 1, "too many warnings: 1 (--max-warnings is 0)");
  run_free(&r);
}

/* ==== --confirm-* settings ==== */

Test(confirm, rounds_setting_changes_the_calls) {
  write_file(dir, "leak.js", LEAK);
  run_result r = run(dir, "check", "--confirm", "--confirm-rounds", "1,5",
                     "--format", "json", "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *c = confirm_of(cJSON_GetArrayItem(f, 0));
  cr_assert_str_eq(str_of(c, "status"), "confirmed");
  cr_assert_eq(num_of(c, "calls"), 5);
  cJSON *ev = item(c, "evidence");
  cr_assert_eq(num_of(ev, "perCall"), 1);
  assert_samples(ev, (double[]){1, 5}, (double[]){1, 5}, 2);
  cJSON_Delete(doc);
  run_free(&r);
  /* The --opt=value form, and four rounds. */
  r = run(dir, "check", "--confirm", "--confirm-rounds=2,4,8,16", "--format", "json",
          "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  f = findings_of(&r, &doc);
  c = confirm_of(cJSON_GetArrayItem(f, 0));
  cr_assert_eq(num_of(c, "calls"), 16);
  assert_samples(item(c, "evidence"), (double[]){2, 4, 8, 16}, (double[]){2, 4, 8, 16}, 4);
  cJSON_Delete(doc);
  run_free(&r);
  /* Text shows the call count too. */
  r = run(dir, "check", "--confirm", "--confirm-rounds", "1,5", "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cr_assert(strstr(r.out, "(5 calls, entry start)"), "%s", r.out);
  run_free(&r);
}

Test(confirm, timeout_on_a_heavy_entry_is_inconclusive_naming_the_budget) {
  write_file(dir, "heavy.js", HEAVY);
  run_result r = run(dir, "check", "--confirm", "--confirm-timeout", "1",
                     "--format", "json", "heavy.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *c = confirm_of(cJSON_GetArrayItem(f, 0));
  cr_assert_str_eq(str_of(c, "status"), "inconclusive");
  const char *reason = str_of(c, "reason");
  cr_assert(strstr(reason, "budget"), "reason: %s", reason);
  cr_assert_str_eq(reason, "budget exceeded (time cap) before the site was reached");
  cJSON_Delete(doc);
  run_free(&r);
  /* The loop after the site: the site ran, the budget still ends it. */
  write_file(dir, "heavy.js",
             "function start(){ setInterval(() => {}, 1000); for (let i=0;i<1e8;i++){} }\n"
             "module.exports = { start };\n");
  r = run(dir, "check", "--confirm", "--confirm-timeout", "1", "--format", "json",
          "heavy.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  f = findings_of(&r, &doc);
  c = confirm_of(cJSON_GetArrayItem(f, 0));
  cr_assert_str_eq(str_of(c, "status"), "inconclusive");
  reason = str_of(c, "reason");
  cr_assert(strstr(reason, "budget exceeded (time cap)"), "reason: %s", reason);
  cr_assert(strstr(reason, "after the site ran"), "reason: %s", reason);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, instruction_budget_on_a_heavy_entry_is_inconclusive) {
  write_file(dir, "heavy.js", HEAVY);
  run_result r = run(dir, "check", "--confirm", "--confirm-max-steps", "100000",
                     "--format", "json", "heavy.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *c = confirm_of(cJSON_GetArrayItem(f, 0));
  cr_assert_str_eq(str_of(c, "status"), "inconclusive");
  cr_assert_str_eq(str_of(c, "reason"),
                   "budget exceeded (instruction cap) before the site was reached");
  cJSON_Delete(doc);
  run_free(&r);
  /* The hosts' own set-up does not count against the budget: even a tiny
   * one names the instruction cap. */
  write_file(dir, "leak.js", LEAK);
  r = run(dir, "check", "--confirm", "--confirm-max-steps", "1000", "--format", "json",
          "leak.js");
  f = findings_of(&r, &doc);
  c = confirm_of(cJSON_GetArrayItem(f, 0));
  cr_assert_str_neq(str_of(c, "reason"), "out of memory");
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, heap_cap_and_advance_are_accepted) {
  write_file(dir, "leak.js", LEAK);
  run_result r = run(dir, "check", "--confirm", "--confirm-heap-cap", "64M",
                     "--confirm-advance", "500", "--format", "json", "leak.js");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_str_eq(str_of(confirm_of(cJSON_GetArrayItem(f, 0)), "status"), "confirmed");
  cJSON_Delete(doc);
  run_free(&r);
}

Test(confirm, bad_confirm_settings_are_usage_errors) {
  write_file(dir, "leak.js", LEAK);
  const char *cases[][3] = {
      {"--confirm-rounds", "10,1",
       "leaklint: --confirm-rounds 10,1: expected at least two ascending call "
       "counts, e.g. 1,10,100\n"},
      {"--confirm-rounds", "5",
       "leaklint: --confirm-rounds 5: expected at least two ascending call "
       "counts, e.g. 1,10,100\n"},
      {"--confirm-rounds", "x",
       "leaklint: --confirm-rounds x: expected at least two ascending call "
       "counts, e.g. 1,10,100\n"},
      {"--confirm-rounds", "1,1",
       "leaklint: --confirm-rounds 1,1: expected at least two ascending call "
       "counts, e.g. 1,10,100\n"},
      {"--confirm-rounds", "0,10",
       "leaklint: --confirm-rounds 0,10: expected at least two ascending call "
       "counts, e.g. 1,10,100\n"},
      {"--confirm-timeout", "0", "leaklint: --confirm-timeout 0: expected milliseconds\n"},
      {"--confirm-timeout", "soon",
       "leaklint: --confirm-timeout soon: expected milliseconds\n"},
      {"--confirm-advance", "x", "leaklint: --confirm-advance x: expected milliseconds\n"},
      {"--confirm-max-steps", "0",
       "leaklint: --confirm-max-steps 0: expected a number of steps\n"},
      {"--confirm-heap-cap", "10",
       "leaklint: --confirm-heap-cap 10: expected bytes, at least 1M (suffixes K, M, "
       "G allowed)\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    run_result r = run(dir, "check", "--confirm", cases[i][0], cases[i][1], "leak.js");
    cr_assert_eq(r.code, 2, "%s %s: exit %d\n%s", cases[i][0], cases[i][1], r.code,
                 r.err);
    cr_assert_str_eq(r.err, cases[i][2]);
    cr_assert_str_eq(r.out, "");
    run_free(&r);
  }
  run_result r = run(dir, "check", "leak.js", "--confirm-rounds");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: option '--confirm-rounds' needs a value\n");
  run_free(&r);
  /* The --opt=value form names the option alone. */
  r = run(dir, "check", "--confirm-timeout=0", "leak.js");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: --confirm-timeout 0: expected milliseconds\n");
  run_free(&r);
  r = run(dir, "check", "--confirm-rounds", "1,5,", "leak.js");
  cr_assert_eq(r.code, 2, "a trailing comma is not a list");
  run_free(&r);
}

/* ==== leaklint confirm FILE:LINE[:COL] --rule RULE ==== */

Test(confirm, confirm_command_usage_errors) {
  write_file(dir, "leak.js", LEAK);
  run_result r = run(dir, "confirm", "leak.js:1:19");
  assert_run(r, 2, "leaklint: confirm: --rule RULE is required\n");
  cr_assert(strstr(r.err, "usage: leaklint confirm FILE:LINE[:COL] --rule RULE"),
            "%s", r.err);
  run_free(&r);
  r = run(dir, "confirm", "--rule", "no-uncleared-interval");
  assert_run(r, 2, "leaklint: confirm: expected FILE:LINE[:COL]\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:1:19", "--rule", "no-such-rule");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: --rule no-such-rule: unknown rule id "
                          "(`leaklint rules` lists them)\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:1:19", "--rule", "c-heap-leak");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: --rule c-heap-leak: only JavaScript "
                          "rules are confirmed by running\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: 'leak.js': expected FILE:LINE or "
                          "FILE:LINE:COL\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:0", "--rule", "no-uncleared-interval");
  assert_run(r, 2, "confirm: 'leak.js:0': expected FILE:LINE or FILE:LINE:COL");
  run_free(&r);
  r = run(dir, "confirm", "missing.js:1", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: missing.js: no such file or directory\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:9", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: leak.js has no line 9\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:1:19", "--rule", "no-uncleared-interval",
          "--format", "xml");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: --format xml: expected text or json\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:1:19", "--rule", "no-uncleared-interval",
          "--rounds", "5");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: --rounds 5: expected at least two "
                          "ascending call counts, e.g. 1,10,100\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:1:19", "--rule", "no-uncleared-interval",
          "--timeout", "0");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: --timeout 0: expected a positive number\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:1:19", "leak.js:1", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: one site at a time ('leak.js:1')\n");
  run_free(&r);
  r = run(dir, "confirm", "leak.js:1:19", "--rule");
  cr_assert_eq(r.code, 2);
  cr_assert_str_eq(r.err, "leaklint: confirm: unknown option or missing value "
                          "'--rule' (`leaklint confirm --help`)\n");
  run_free(&r);
  r = run(dir, "confirm", "--help");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_assert(starts_with(r.out, "usage: leaklint confirm FILE:LINE[:COL] --rule RULE"),
            "%s", r.out);
  run_free(&r);
}

Test(confirm, confirm_command_confirmed_site_exits_1_with_json) {
  write_file(dir, "leak.js", LEAK);
  run_result r = run(dir, "confirm", "leak.js:" LEAK_SITE, "--rule",
                     "no-uncleared-interval", "--format", "json");
  cr_assert_eq(r.code, 1, "stdout:\n%s\nstderr:\n%s", r.out, r.err);
  cr_assert_str_eq(r.err, "");
  cJSON *doc = parse_out(&r);
  cr_assert_eq(cJSON_GetArraySize(doc), 1, "only the confirm key:\n%s", r.out);
  cJSON *c = item(doc, "confirm");
  cr_assert_str_eq(str_of(c, "status"), "confirmed");
  cr_assert_str_eq(str_of(c, "entry"), "start");
  cr_assert_eq(num_of(c, "calls"), 100);
  cJSON *ev = item(c, "evidence");
  cr_assert_str_eq(str_of(ev, "metric"), "live-timers");
  cr_assert_eq(num_of(ev, "perCall"), 1);
  assert_samples(ev, (double[]){1, 10, 100}, (double[]){1, 10, 100}, 3);
  cJSON_Delete(doc);
  run_free(&r);
  /* The FILE:LINE form: the line's first character that is not a blank. */
  write_file(dir, "flat.js", "function start() {\nsetInterval(() => {}, 1000);\n}\n"
                             "module.exports = { start };\n");
  r = run(dir, "confirm", "flat.js:2", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 1, "stdout:\n%s\nstderr:\n%s", r.out, r.err);
  cr_assert(starts_with(r.out, "flat.js:2: confirmed: +1 timer and +"), "%s", r.out);
  run_free(&r);
  write_file(dir, "ind.js", "function start() {\n  setInterval(() => {}, 1000);\n}\n"
                            "module.exports = { start };\n");
  r = run(dir, "confirm", "ind.js:2", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 1, "stdout:\n%s\nstderr:\n%s", r.out, r.err);
  cr_assert(starts_with(r.out, "ind.js:2: confirmed: +1 timer and +"), "%s", r.out);
  run_free(&r);
}

Test(confirm, confirm_command_text_and_exit_codes) {
  write_file(dir, "leak.js", LEAK);
  write_file(dir, "ref.js", REFUTED);
  write_file(dir, "inc.js", THROWS);
  run_result r = run(dir, "confirm", "leak.js:1:19", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  cr_assert(starts_with(r.out, "leak.js:1:19: confirmed: +1 timer and +"), "%s", r.out);
  cr_assert(strstr(r.out, " B per call (100 calls, entry start)  no-uncleared-interval\n"),
            "%s", r.out);
  run_free(&r);
  r = run(dir, "confirm", "ref.js:4:3", "--rule", "no-unremoved-listener");
  cr_assert_eq(r.code, 0, "stderr: %s", r.err);
  cr_assert_str_eq(r.out, "ref.js:4:3: refuted: stays at 0 listeners after 100 calls "
                          "(entry fetchWithCleanup)  no-unremoved-listener\n");
  run_free(&r);
  r = run(dir, "confirm", "ref.js:4:3", "--rule", "no-unremoved-listener", "--format",
          "json");
  cr_assert_eq(r.code, 0, "stderr: %s", r.err);
  cJSON *doc = parse_out(&r);
  cr_assert_str_eq(str_of(item(doc, "confirm"), "status"), "refuted");
  cJSON_Delete(doc);
  run_free(&r);
  r = run(dir, "confirm", "inc.js:1:27", "--rule", "no-uncleared-interval");
  cr_assert_eq(r.code, 0, "stderr: %s", r.err);
  cr_assert(starts_with(r.out, "inc.js:1:27: inconclusive: exception thrown at inc.js:1"),
            "%s", r.out);
  run_free(&r);
  /* --rounds and --timeout reach the run. */
  r = run(dir, "confirm", "leak.js:1:19", "--rule", "no-uncleared-interval", "--rounds",
          "1,5", "--format", "json");
  cr_assert_eq(r.code, 1, "stderr: %s", r.err);
  doc = parse_out(&r);
  cr_assert_eq(num_of(item(doc, "confirm"), "calls"), 5);
  cJSON_Delete(doc);
  run_free(&r);
  write_file(dir, "heavy.js", HEAVY);
  r = run(dir, "confirm", "heavy.js:1:45", "--rule", "no-uncleared-interval",
          "--timeout", "1");
  cr_assert_eq(r.code, 0, "stderr: %s", r.err);
  cr_assert(starts_with(r.out, "heavy.js:1:45: inconclusive: budget exceeded"), "%s",
            r.out);
  run_free(&r);
}

Test(confirm, confirm_command_agrees_with_check) {
  /* The site of a check finding, given to `confirm`, gives the same
   * verdict object (modulo durations). */
  write_file(dir, "leak.js", LEAK);
  run_result a = run(dir, "check", "--confirm", "--format", "json", "leak.js");
  run_result b = run(dir, "confirm", "leak.js:" LEAK_SITE, "--rule",
                     "no-uncleared-interval", "--format", "json");
  cr_assert_eq(a.code, 1, "%s", a.err);
  cr_assert_eq(b.code, 1, "%s", b.err);
  cJSON *da, *db = parse_out(&b);
  cJSON *ca = confirm_of(cJSON_GetArrayItem(findings_of(&a, &da), 0));
  cJSON *cb = item(db, "confirm");
  strip_durations(ca);
  strip_durations(cb);
  char *sa = cJSON_PrintUnformatted(ca), *sb = cJSON_PrintUnformatted(cb);
  cr_assert_str_eq(sa, sb);
  free(sa);
  free(sb);
  cJSON_Delete(da);
  cJSON_Delete(db);
  run_free(&a);
  run_free(&b);
}

/* ==== Threads ==== */

Test(confirm, same_report_for_any_thread_count) {
  write_file(dir, "a.js", LEAK);
  write_file(dir, "b.js", "function handle(res){ process.on('exit', () => res.end()); }\n"
                          "module.exports = { handle };\n");
  write_file(dir, "c.js", "function remember(k, v){ if (typeof cache === 'undefined') "
                          "cache = {}; cache[k] = v; }\nmodule.exports = { remember };\n");
  write_file(dir, "d/e.js", "class P { start(){ this.t = setInterval(() => {}, 1000); } }\n"
                            "module.exports = { P };\n");
  char *first = NULL;
  const char *jobs[] = {"1", "2"};
  for (size_t k = 0; k < 2; k++) {
    run_result r = run(dir, "check", "--confirm", "--format", "json", "-j", jobs[k], ".");
    cr_assert_eq(r.code, 1, "-j %s: %s", jobs[k], r.err);
    cr_assert_str_eq(r.err, "");
    cJSON *doc, *f = findings_of(&r, &doc);
    cr_assert_eq(cJSON_GetArraySize(f), 4, "%s", r.out);
    const char *want[] = {"a.js", "b.js", "c.js", "d/e.js"};
    for (int i = 0; i < 4; i++) {
      cJSON *fi = cJSON_GetArrayItem(f, i);
      cr_assert_str_eq(str_of(fi, "file"), want[i]);
      cr_assert_str_eq(str_of(confirm_of(fi), "status"), "confirmed", "-j %s %s\n%s",
                       jobs[k], want[i], r.out);
    }
    strip_durations(doc);
    char *s = cJSON_PrintUnformatted(doc);
    if (!first) {
      first = s;
    } else {
      cr_assert_str_eq(s, first, "-j %s differs from -j 1", jobs[k]);
      free(s);
    }
    cJSON_Delete(doc);
    run_free(&r);
  }
  free(first);
}
