/* The rule catalogue against the rules/ tree.
 *
 * Fails when a rules.def row lacks its folder (rules/<lang>/<id>/, or
 * rules/common/<id>/ for LANG ANY), its README.md or the README's headings,
 * its body (rule.c or rule.scm, JS and C rows) or a bad.* / good.* fixture
 * (JS and C rows); when a folder under rules/js/, rules/c/ or rules/common/
 * has no row; and when the registry built from the same rows disagrees with
 * them (ids, docs paths, the embedded README text). Every failure names the
 * row or folder concerned. */
#include <criterion/criterion.h>

#include "rules_util.h"

/* ==== The rows, read straight from rules.def ==== */

typedef struct row {
  const char *sym, *id, *lang; /* lang: "ANY", "JS" or "C" */
} row;

static const row rows[] = {
#define LL_RULE(sym, id, lang, cat, sev, fix, desc) {#sym, id, #lang},
#include "rules/rules.def"
#undef LL_RULE
};
enum { NROWS = sizeof rows / sizeof rows[0] };

/* "rules/js/<id>" etc., relative to the source tree. */
static const char *lang_dir(const char *lang) {
  if (!strcmp(lang, "JS")) return "js";
  if (!strcmp(lang, "C")) return "c";
  return "common";
}

static void row_dir(const row *r, char *rel, size_t rsz, char *abs, size_t asz) {
  snprintf(rel, rsz, "rules/%s/%s", lang_dir(r->lang), r->id);
  snprintf(abs, asz, "%s/%s", LL_SOURCE_DIR, rel);
}

static bool has_prefixed_file(const char *dir, const char *prefix) {
  size_t n = 0;
  bool found = false;
  char **names = rt_list_dir(dir, &n);
  for (size_t i = 0; names && i < n && !found; i++)
    found = !strncmp(names[i], prefix, strlen(prefix)) && !strstr(names[i], ".fixed.");
  if (names) rt_free_names(names, n);
  return found;
}

static void fail_if(rt_buf *out) {
  if (out->lines) {
    fprintf(stderr, "%s", rt_buf_str(out));
    cr_expect_fail("%zu problem(s):\n%s", out->lines, rt_buf_str(out));
  }
  rt_buf_free(out);
}

/* ==== README headings ==== */

static const char *const headings[] = {
    "## What it does", "## Why is this bad?", "## Examples", "### Incorrect",
    "### Correct",     "## Options",          "## When not to use it",
};
enum { NHEADINGS = sizeof headings / sizeof headings[0] };

/* Checks the title and the section headings of one README (fenced code is
 * skipped). `##` headings must be exactly the five sections, in order;
 * `### Incorrect` and `### Correct` must both be under `## Examples`. */
static void check_headings(const char *rel, const char *id, const char *text,
                           size_t len, rt_buf *out) {
  const char *p = text, *end = text + len;
  bool fence = false, titled = false;
  unsigned line = 0;
  size_t next = 0;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    const char *le = eol;
    while (le > p && (le[-1] == '\r' || le[-1] == ' ')) le--;
    line++;
    if (rt_starts(p, le, "```")) {
      fence = !fence;
    } else if (!fence && !titled) {
      if (le > p) {
        char want[256];
        snprintf(want, sizeof want, "# %s", id);
        if ((size_t)(le - p) != strlen(want) || memcmp(p, want, strlen(want)) != 0)
          rt_buf_line(out, "%s:%u: the title must be \"%s\", got \"%.*s\"", rel,
                      line, want, (int)(le - p), p);
        titled = true;
      }
    } else if (!fence && (rt_starts(p, le, "## ") || rt_starts(p, le, "### "))) {
      bool is_h3 = rt_starts(p, le, "### ");
      if (next < NHEADINGS && (size_t)(le - p) == strlen(headings[next]) &&
          !memcmp(p, headings[next], strlen(headings[next]))) {
        next++;
      } else if (!is_h3) {
        rt_buf_line(out, "%s:%u: unexpected heading \"%.*s\" (wanted \"%s\")", rel,
                    line, (int)(le - p), p,
                    next < NHEADINGS ? headings[next] : "no more sections");
      } else if (next >= 3 && next <= 5) {
        /* An extra ### inside Examples: only Incorrect and Correct belong. */
        rt_buf_line(out, "%s:%u: unexpected heading \"%.*s\" under ## Examples",
                    rel, line, (int)(le - p), p);
      }
    }
    p = eol < end ? eol + 1 : end;
  }
  if (!titled) rt_buf_line(out, "%s: empty README", rel);
  if (fence) rt_buf_line(out, "%s: unterminated code block", rel);
  for (; next < NHEADINGS; next++)
    rt_buf_line(out, "%s: missing heading \"%s\"", rel, headings[next]);
}

/* ==== Tests ==== */

Test(catalog, rows_have_valid_ids_and_symbols) {
  rt_buf out = {0};
  for (size_t i = 0; i < NROWS; i++) {
    const row *r = &rows[i];
    bool kebab = r->id[0] >= 'a' && r->id[0] <= 'z';
    for (const char *c = r->id; *c; c++)
      if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
        kebab = false;
    if (!kebab) rt_buf_line(&out, "rules.def: id \"%s\" is not kebab-case", r->id);
    char snake[128];
    size_t k = 0;
    for (; r->id[k] && k + 1 < sizeof snake; k++)
      snake[k] = r->id[k] == '-' ? '_' : r->id[k];
    snake[k] = '\0';
    if (strcmp(snake, r->sym) != 0)
      rt_buf_line(&out, "rules.def: symbol %s of \"%s\" should be %s", r->sym, r->id,
                  snake);
    for (size_t j = 0; j < i; j++)
      if (!strcmp(rows[j].id, r->id))
        rt_buf_line(&out, "rules.def: \"%s\" has two rows", r->id);
  }
  fail_if(&out);
}

Test(catalog, rows_are_grouped_by_language_and_sorted) {
  rt_buf out = {0};
  for (size_t i = 1; i < NROWS; i++) {
    const row *a = &rows[i - 1], *b = &rows[i];
    if (!strcmp(a->lang, b->lang)) {
      if (strcmp(a->id, b->id) > 0)
        rt_buf_line(&out, "rules.def: \"%s\" should come before \"%s\"", b->id, a->id);
    } else {
      for (size_t j = 0; j + 1 < i; j++)
        if (!strcmp(rows[j].lang, b->lang)) {
          rt_buf_line(&out, "rules.def: the %s rows are not together (\"%s\")",
                      b->lang, b->id);
          break;
        }
    }
  }
  fail_if(&out);
}

Test(catalog, every_row_has_its_folder_readme_body_and_fixtures) {
  rt_buf out = {0};
  for (size_t i = 0; i < NROWS; i++) {
    const row *r = &rows[i];
    char rel[1024], abs[2048], path[4096];
    row_dir(r, rel, sizeof rel, abs, sizeof abs);
    if (!rt_is_dir(abs)) {
      rt_buf_line(&out, "%s/: missing folder for rules.def row \"%s\"", rel, r->id);
      continue;
    }
    snprintf(path, sizeof path, "%s/README.md", abs);
    if (!rt_is_file(path)) rt_buf_line(&out, "%s/README.md: missing", rel);
    if (!strcmp(r->lang, "ANY")) continue;
    char body_c[4096], body_scm[4096];
    snprintf(body_c, sizeof body_c, "%s/rule.c", abs);
    snprintf(body_scm, sizeof body_scm, "%s/rule.scm", abs);
    if (!rt_is_file(body_c) && !rt_is_file(body_scm))
      rt_buf_line(&out, "%s/: missing the rule's body (rule.c or rule.scm)", rel);
    if (!has_prefixed_file(abs, "bad."))
      rt_buf_line(&out, "%s/: missing a bad.* fixture", rel);
    if (!has_prefixed_file(abs, "good."))
      rt_buf_line(&out, "%s/: missing a good.* fixture", rel);
  }
  fail_if(&out);
}

Test(catalog, readmes_have_the_title_and_sections) {
  rt_buf out = {0};
  for (size_t i = 0; i < NROWS; i++) {
    const row *r = &rows[i];
    char rel[1024], abs[2048], path[4096], relreadme[2048];
    row_dir(r, rel, sizeof rel, abs, sizeof abs);
    snprintf(path, sizeof path, "%s/README.md", abs);
    snprintf(relreadme, sizeof relreadme, "%s/README.md", rel);
    size_t len = 0;
    char *text = rt_read_file(path, &len);
    if (!text) {
      rt_buf_line(&out, "%s: missing", relreadme);
      continue;
    }
    check_headings(relreadme, r->id, text, len, &out);
    free(text);
  }
  fail_if(&out);
}

/* Folders under rules/js/, rules/c/ and rules/common/ need a row of that
 * language. */
Test(catalog, every_folder_has_a_row) {
  static const struct { const char *dir, *lang; } trees[] = {
      {"js", "JS"}, {"c", "C"}, {"common", "ANY"}};
  rt_buf out = {0};
  for (size_t t = 0; t < sizeof trees / sizeof trees[0]; t++) {
    char base[2048];
    size_t n = 0;
    snprintf(base, sizeof base, "%s/rules/%s", LL_SOURCE_DIR, trees[t].dir);
    char **names = rt_list_dir(base, &n);
    for (size_t i = 0; names && i < n; i++) {
      char sub[4096];
      snprintf(sub, sizeof sub, "%s/%s", base, names[i]);
      if (!rt_is_dir(sub)) continue;
      bool found = false;
      for (size_t k = 0; k < NROWS && !found; k++)
        found = !strcmp(rows[k].id, names[i]) && !strcmp(rows[k].lang, trees[t].lang);
      if (!found)
        rt_buf_line(&out, "rules/%s/%s/: no %s row in rules/rules.def", trees[t].dir,
                    names[i], trees[t].lang);
    }
    if (names) rt_free_names(names, n);
  }
  fail_if(&out);
}

/* The registry generated from the same rows: ids found, docs path right,
 * and the README embedded at build time equal to the file (a stale build or
 * a README missing from CMakeLists.txt's LL_EMBEDDED_FILES fails here). */
Test(catalog, registry_and_embedded_docs_match_the_tree) {
  rt_buf out = {0};
  if ((size_t)NROWS != (size_t)LL_RULE_COUNT)
    rt_buf_line(&out, "rules.def has %d rows but LL_RULE_COUNT is %d", (int)NROWS,
                (int)LL_RULE_COUNT);
  for (size_t i = 0; i < NROWS; i++) {
    const row *r = &rows[i];
    int idx = ll_rule_find(r->id);
    if (idx < 0) {
      rt_buf_line(&out, "ll_rule_find(\"%s\") fails", r->id);
      continue;
    }
    const ll_rule_info *info = ll_rule_get((size_t)idx);
    char rel[1024], abs[2048], want_docs[2048], path[4096];
    row_dir(r, rel, sizeof rel, abs, sizeof abs);
    snprintf(want_docs, sizeof want_docs, "%s/README.md", rel);
    if (!info || !info->docs_path || strcmp(info->docs_path, want_docs) != 0)
      rt_buf_line(&out, "%s: docs_path is \"%s\", wanted \"%s\"", r->id,
                  info && info->docs_path ? info->docs_path : "(null)", want_docs);
    size_t elen = 0, flen = 0;
    const char *embedded = ll_rule_docs((size_t)idx, &elen);
    snprintf(path, sizeof path, "%s/README.md", abs);
    char *file = rt_read_file(path, &flen);
    if (!embedded)
      rt_buf_line(&out, "%s: README not embedded (add it to LL_EMBEDDED_FILES)", want_docs);
    else if (file && (elen != flen || memcmp(embedded, file, flen) != 0))
      rt_buf_line(&out, "%s: the embedded README differs from the file (rebuild)",
                  want_docs);
    free(file);
  }
  fail_if(&out);
}
