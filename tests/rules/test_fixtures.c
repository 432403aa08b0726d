/* The rule fixtures: one test per rules.def row (a JS or C rule), generated
 * from the catalogue, plus a count of cases per rule.
 *
 * Each test analyses every `bad.*` and `good.*` file of the rule's folder
 * (rules/<lang>/<id>/; `bad.fixed.*` files hold fix output and are skipped)
 * with only that rule on, and compares the findings with the fixture
 * comments (see rules_util.h): every `expect:` line must get a finding of
 * the rule, every `ok:` line none, and no other line may get one. It then
 * runs the README's examples: each code block under "### Incorrect" must
 * produce at least one finding of the rule and each under "### Correct"
 * none. `parse-error` stays on throughout, since a fixture that does not
 * parse would test nothing. The pseudo-rules (LANG ANY) have no fixtures;
 * their README examples run with every rule on. A failure lists every
 * mismatch as `file:line: …`, the same list also going to stderr. */
#include <criterion/criterion.h>

#include "rules_util.h"

/* ==== Comparing findings with markers ==== */

static const char *sev_name(ll_severity s) { return ll_severity_name(s); }

static bool is_fixture_name(const char *name, ll_lang lang) {
  if (strncmp(name, "bad.", 4) != 0 && strncmp(name, "good.", 5) != 0)
    return false;
  if (strstr(name, ".fixed.")) return false;
  return ll_lang_for_path(name) == lang;
}

/* Analyses `src` with only rule `rule` on. Returns the result, or NULL after
 * adding the failure to `out`. */
static ll_file_result *analyse(const char *shown, const char *src, size_t len,
                               int rule, rt_buf *out) {
  ll_options o;
  ll_file_result *r = NULL;
  ll_error err;
  memset(&err, 0, sizeof err);
  /* A pseudo-rule (LANG ANY: parse-error, unused-disable) is about the other
   * rules' input or findings, so those stay on for it. */
  bool pseudo = ll_rule_get((size_t)rule)->lang == LL_LANG_ANY;
  rt_options_only(&o, pseudo ? -1 : rule);
  o.report_unused_disables = pseudo;
  ll_status st = ll_analyze_source(&o, shown, src, len, &r, &err);
  if (st != LL_OK || !r) {
    rt_buf_line(out, "%s: analysis failed: %s (%s)", shown, ll_status_name(st),
                err.message);
    ll_file_result_free(r);
    return NULL;
  }
  return r;
}

static bool marker_covers(const rt_marker *m, unsigned line, const char *id) {
  return m->target == line && strcmp(m->rule, id) == 0;
}

/* Checks one fixture file against its markers; adds mismatches to `out`.
 * Returns the number of markers naming this rule (the file's cases). */
static size_t check_fixture(const char *dir, const char *shown_dir,
                            const char *name, int rule, const char *id,
                            bool is_good, rt_buf *out) {
  char path[4096], shown[4096];
  size_t len = 0, cases = 0;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  snprintf(shown, sizeof shown, "%s/%s", shown_dir, name);
  char *src = rt_read_file(path, &len);
  if (!src) {
    rt_buf_line(out, "%s: cannot read the file", shown);
    return 0;
  }
  rt_markers ms;
  memset(&ms, 0, sizeof ms);
  rt_markers_parse(&ms, shown, src, len);
  if (ms.errors.len) rt_buf_append(out, "%s", rt_buf_str(&ms.errors));
  out->lines += ms.errors.lines;

  for (size_t i = 0; i < ms.n; i++) {
    if (ll_rule_find(ms.v[i].rule) < 0)
      rt_buf_line(out, "%s:%u: unknown rule id '%s' in a marker", shown,
                  ms.v[i].line, ms.v[i].rule);
    if (strcmp(ms.v[i].rule, id) != 0) continue;
    cases++;
    if (is_good && ms.v[i].kind == RT_EXPECT)
      rt_buf_line(out, "%s:%u: a good.* file holds near-misses only: move "
                  "this expect: case to a bad.* file", shown, ms.v[i].line);
  }

  ll_file_result *r = analyse(shown, src, len, rule, out);
  if (r) {
    int parse_error = ll_rule_find("parse-error");
    /* Every finding needs an expect:/todo-* marker on its line. */
    for (size_t f = 0; f < r->count; f++) {
      const ll_finding *fd = &r->findings[f];
      if ((int)fd->rule == parse_error && parse_error != rule) {
        rt_buf_line(out, "%s:%u:%u: the fixture does not parse: %s", shown,
                    fd->line, fd->column, fd->message);
        continue;
      }
      if ((int)fd->rule != rule) continue;
      bool covered = false, ok_marked = false;
      for (size_t i = 0; i < ms.n; i++) {
        if (!marker_covers(&ms.v[i], fd->line, id)) continue;
        if (ms.v[i].kind == RT_OK) ok_marked = true;
        else covered = true; /* expect:, todo-expect:, todo-ok: */
      }
      if (!covered)
        rt_buf_line(out, "%s:%u: unexpected %s (%s%s): %s", shown, fd->line, id,
                    sev_name(fd->severity), ok_marked ? ", marked ok:" : "",
                    fd->message);
    }
    /* Every expect: marker needs a matching finding on its target line. */
    for (size_t i = 0; i < ms.n; i++) {
      const rt_marker *m = &ms.v[i];
      if (m->kind != RT_EXPECT || strcmp(m->rule, id) != 0 || !m->target)
        continue;
      const ll_finding *seen = NULL;
      bool matched = false;
      for (size_t f = 0; f < r->count && !matched; f++) {
        const ll_finding *fd = &r->findings[f];
        if ((int)fd->rule != rule || fd->line != m->target) continue;
        seen = fd;
        matched = (m->severity == LL_SEV_DEFAULT || fd->severity == m->severity) &&
                  (!m->message[0] || (fd->message && strstr(fd->message, m->message)));
      }
      if (matched) continue;
      if (!seen) {
        rt_buf_line(out, "%s:%u: expected %s but got nothing", shown, m->target, id);
        continue;
      }
      char want[400] = "";
      if (m->severity != LL_SEV_DEFAULT)
        snprintf(want, sizeof want, " (%s)", sev_name(m->severity));
      if (m->message[0])
        snprintf(want + strlen(want), sizeof want - strlen(want),
                 " with \"%s\"", m->message);
      rt_buf_line(out, "%s:%u: expected %s%s but got %s: %s", shown, m->target,
                  id, want, sev_name(seen->severity), seen->message);
    }
    ll_file_result_free(r);
  }
  rt_markers_free(&ms);
  free(src);
  return cases;
}

/* ==== README examples ==== */

typedef enum { SEC_NONE, SEC_INCORRECT, SEC_CORRECT } readme_section;

static const char *fence_ext(const char *lang, size_t n) {
  static const struct { const char *lang, *ext; } map[] = {
      {"js", "js"}, {"javascript", "js"}, {"jsx", "jsx"}, {"mjs", "mjs"},
      {"cjs", "cjs"}, {"ts", "ts"}, {"typescript", "ts"}, {"tsx", "tsx"},
      {"c", "c"},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strlen(map[i].lang) == n && !memcmp(map[i].lang, lang, n)) return map[i].ext;
  return NULL;
}

static void check_readme_block(const char *readme, unsigned line,
                               readme_section sec, const char *ext,
                               const char *code, size_t len, int rule,
                               const char *id, rt_buf *out) {
  char shown[8192];
  snprintf(shown, sizeof shown, "%s:%u.%s", readme, line, ext);
  ll_file_result *r = analyse(shown, code, len, rule, out);
  if (!r) return;
  int parse_error = ll_rule_find("parse-error");
  size_t mine = 0;
  for (size_t f = 0; f < r->count; f++) {
    const ll_finding *fd = &r->findings[f];
    if ((int)fd->rule == rule)
      mine++;
    else if ((int)fd->rule == parse_error)
      rt_buf_line(out, "%s:%u: the example does not parse (line %u of the block): %s",
                  readme, line, fd->line, fd->message);
  }
  if (sec == SEC_INCORRECT && mine == 0)
    rt_buf_line(out, "%s:%u: expected %s but got nothing (an \"Incorrect\" example)",
                readme, line, id);
  if (sec == SEC_CORRECT)
    for (size_t f = 0; f < r->count; f++)
      if ((int)r->findings[f].rule == rule)
        rt_buf_line(out, "%s:%u: unexpected %s: %s (line %u of a \"Correct\" example)",
                    readme, line, id, r->findings[f].message, r->findings[f].line);
  ll_file_result_free(r);
}

/* Runs every fenced JS/TS/C block under "### Incorrect" / "### Correct". */
static void check_readme(const char *dir, const char *shown_dir, int rule,
                         const char *id, rt_buf *out) {
  char path[4096], shown[4096];
  size_t len = 0;
  snprintf(path, sizeof path, "%s/README.md", dir);
  snprintf(shown, sizeof shown, "%s/README.md", shown_dir);
  char *text = rt_read_file(path, &len);
  if (!text) {
    rt_buf_line(out, "%s: cannot read the README", shown);
    return;
  }
  readme_section sec = SEC_NONE;
  unsigned line = 0, nincorrect = 0, ncorrect = 0;
  const char *p = text, *end = text + len;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    line++;
    if (rt_starts(p, eol, "```")) {
      /* A fence: collect the block up to the closing fence. */
      const char *lang = p + 3, *le = eol;
      while (le > lang && (le[-1] == ' ' || le[-1] == '\r')) le--;
      const char *ext = fence_ext(lang, (size_t)(le - lang));
      unsigned open_line = line;
      const char *body = eol < end ? eol + 1 : end, *q = body, *body_end = end;
      bool closed = false;
      while (q < end) {
        const char *qe = memchr(q, '\n', (size_t)(end - q));
        if (!qe) qe = end;
        line++;
        if (rt_starts(q, qe, "```")) {
          body_end = q;
          closed = true;
          p = qe < end ? qe + 1 : end;
          break;
        }
        q = qe < end ? qe + 1 : end;
      }
      if (!closed) {
        rt_buf_line(out, "%s:%u: unterminated code block", shown, open_line);
        break;
      }
      if (ext && sec != SEC_NONE) {
        if (sec == SEC_INCORRECT) nincorrect++;
        else ncorrect++;
        check_readme_block(shown, open_line + 1, sec, ext, body,
                           (size_t)(body_end - body), rule, id, out);
      }
      continue;
    }
    if (rt_starts(p, eol, "### Incorrect")) sec = SEC_INCORRECT;
    else if (rt_starts(p, eol, "### Correct")) sec = SEC_CORRECT;
    else if (rt_starts(p, eol, "#")) sec = SEC_NONE;
    p = eol < end ? eol + 1 : end;
  }
  if (!nincorrect)
    rt_buf_line(out, "%s: no ```js (or ```c) block under \"### Incorrect\"", shown);
  if (!ncorrect)
    rt_buf_line(out, "%s: no ```js (or ```c) block under \"### Correct\"", shown);
  free(text);
}

/* ==== One rule ==== */

static void rule_dir(const char *id, char *dir, size_t dsz, char *shown,
                     size_t ssz) {
  int rule = ll_rule_find(id);
  const ll_rule_info *info = rule >= 0 ? ll_rule_get((size_t)rule) : NULL;
  const char *sub = !info || info->lang == LL_LANG_ANY ? "common"
                                                        : ll_lang_name(info->lang);
  snprintf(shown, ssz, "rules/%s/%s", sub, id);
  snprintf(dir, dsz, "%s/%s", LL_SOURCE_DIR, shown);
}

/* Runs every fixture and README example of rule `id`; returns the number of
 * cases (markers naming the rule) and fills `out` with mismatches. */
static size_t run_rule(const char *id, rt_buf *out) {
  char dir[2048], shown[1024];
  size_t count = 0, cases = 0;
  int rule = ll_rule_find(id);
  if (rule < 0) {
    rt_buf_line(out, "%s: ll_rule_find does not know this rules.def row", id);
    return 0;
  }
  rule_dir(id, dir, sizeof dir, shown, sizeof shown);
  char **names = rt_list_dir(dir, &count);
  if (!names) {
    rt_buf_line(out, "%s/: the rule's folder is missing", shown);
    return 0;
  }
  ll_lang lang = ll_rule_get((size_t)rule)->lang;
  size_t nfiles = 0;
  for (size_t i = 0; i < count; i++) {
    if (!is_fixture_name(names[i], lang)) continue;
    nfiles++;
    cases += check_fixture(dir, shown, names[i], rule, id,
                           strncmp(names[i], "good.", 5) == 0, out);
  }
  if (!nfiles)
    rt_buf_line(out, "%s/: no bad.* or good.* fixture for this rule", shown);
  rt_free_names(names, count);
  check_readme(dir, shown, rule, id, out);
  return cases;
}

static void fixture_test(const char *id) {
  rt_buf out = {0};
  run_rule(id, &out);
  if (out.lines) {
    fprintf(stderr, "%s: %zu fixture mismatch(es):\n%s", id, out.lines, rt_buf_str(&out));
    /* Criterion carries the message to the runner; keep it bounded. */
    const size_t cap = 12000;
    cr_expect_fail("%zu fixture mismatch(es) for %s:\n%.*s%s", out.lines, id,
                   (int)(out.len < cap ? out.len : cap), rt_buf_str(&out),
                   out.len < cap ? "" : "… (the full list is on stderr)\n");
  }
  rt_buf_free(&out);
}

/* ==== The tests: one per JS/C row of rules.def ==== */

#define LL_FIXTURE_TEST_ANY(sym, id)
#define LL_FIXTURE_TEST_JS(sym, id) \
  Test(fixtures, sym) { fixture_test(id); }
#define LL_FIXTURE_TEST_C(sym, id) \
  Test(fixtures, sym) { fixture_test(id); }
#define LL_RULE(sym, id, lang, cat, sev, fix, desc) LL_FIXTURE_TEST_##lang(sym, id)
#include "rules/rules.def"
#undef LL_RULE

/* The pseudo-rules (LANG ANY) have no fixtures, but their README examples
 * run like the others', with every rule on and unused directives reported. */
Test(fixtures, pseudo_rule_readme_examples) {
  rt_buf out = {0};
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *info = ll_rule_get(i);
    if (!info || info->lang != LL_LANG_ANY) continue;
    char dir[2048], shown[1024];
    rule_dir(info->id, dir, sizeof dir, shown, sizeof shown);
    check_readme(dir, shown, (int)i, info->id, &out);
  }
  if (out.lines) {
    fprintf(stderr, "%s", rt_buf_str(&out));
    cr_expect_fail("%zu README mismatch(es):\n%s", out.lines, rt_buf_str(&out));
  }
  rt_buf_free(&out);
}

/* Every JS/C rule has at least 20 cases (expect:, ok: and todo-* markers
 * naming it, over its bad.* and good.* files), and at least one expect: in
 * its bad.* files. */
Test(fixtures, counts) {
  enum { MIN_CASES = 20 };
  rt_buf out = {0};
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *info = ll_rule_get(i);
    if (!info || info->lang == LL_LANG_ANY) continue;
    char dir[2048], shown[1024];
    size_t count = 0, cases = 0, expects = 0;
    rule_dir(info->id, dir, sizeof dir, shown, sizeof shown);
    char **names = rt_list_dir(dir, &count);
    for (size_t k = 0; names && k < count; k++) {
      if (!is_fixture_name(names[k], info->lang)) continue;
      char path[4096];
      size_t len = 0;
      snprintf(path, sizeof path, "%s/%s", dir, names[k]);
      char *src = rt_read_file(path, &len);
      if (!src) continue;
      rt_markers ms;
      memset(&ms, 0, sizeof ms);
      rt_markers_parse(&ms, names[k], src, len);
      for (size_t m = 0; m < ms.n; m++) {
        if (strcmp(ms.v[m].rule, info->id) != 0) continue;
        cases++;
        if (ms.v[m].kind == RT_EXPECT && !strncmp(names[k], "bad.", 4)) expects++;
      }
      rt_markers_free(&ms);
      free(src);
    }
    if (names) rt_free_names(names, count);
    if (cases < MIN_CASES)
      rt_buf_line(&out, "%s/: %zu fixture cases, at least %d wanted", shown, cases,
                  MIN_CASES);
    if (!expects)
      rt_buf_line(&out, "%s/: no expect: case in any bad.* file", shown);
  }
  if (out.lines) {
    fprintf(stderr, "%s", rt_buf_str(&out));
    cr_expect_fail("%s", rt_buf_str(&out));
  }
  rt_buf_free(&out);
}

/* The marker parser itself, on a small text. */
Test(fixtures, marker_parser) {
  const char *src =
      "// header\n"
      "// expect: no-implicit-global error \"creates 'x'\"\n"
      "// ok: no-uncleared-interval\n"
      "\n"
      "/* a block\n"
      "   comment */\n"
      "x = 1;\n"
      "// todo-ok: no-unremoved-listener -- known false alarm\n"
      "y();\n";
  rt_markers ms;
  memset(&ms, 0, sizeof ms);
  rt_markers_parse(&ms, "t.js", src, strlen(src));
  cr_assert_eq(ms.errors.lines, 0, "%s", rt_buf_str(&ms.errors));
  cr_assert_eq(ms.n, 3);
  cr_assert_eq(ms.v[0].kind, RT_EXPECT);
  cr_assert_str_eq(ms.v[0].rule, "no-implicit-global");
  cr_assert_eq(ms.v[0].severity, LL_SEV_ERROR);
  cr_assert_str_eq(ms.v[0].message, "creates 'x'");
  cr_assert_eq(ms.v[0].target, 7);
  cr_assert_eq(ms.v[1].kind, RT_OK);
  cr_assert_eq(ms.v[1].target, 7);
  cr_assert_eq(ms.v[2].kind, RT_TODO_OK);
  cr_assert_eq(ms.v[2].target, 9);
  rt_markers_free(&ms);

  const char *bad = "f(); // expect: no-implicit-global\n// ok: no-implicit-global\n";
  rt_markers_parse(&ms, "u.js", bad, strlen(bad));
  cr_assert_eq(ms.errors.lines, 2, "%s", rt_buf_str(&ms.errors));
  rt_markers_free(&ms);
}
