/* The bundled examples/ project: the public API, with default options (every
 * rule at its catalogue severity, env node + browser) as `leaklint check
 * examples/` uses them, must find exactly the findings listed in
 * tests/rules/examples.expected (`relpath:line:rule-id`, paths relative to
 * examples/) and nothing else. A failure lists the missing and the
 * unexpected findings, with their messages. */
#include <criterion/criterion.h>

#include "rules_util.h"

typedef struct entry {
  char *path; /* relative to examples/ */
  unsigned line;
  char *rule;
  char *message; /* NULL for expected entries */
} entry;

typedef struct entries {
  entry *v;
  size_t n, cap;
} entries;

static void entries_add(entries *e, const char *path, unsigned line,
                        const char *rule, const char *message) {
  if (e->n == e->cap) {
    e->cap = e->cap ? e->cap * 2 : 32;
    e->v = realloc(e->v, e->cap * sizeof *e->v);
  }
  e->v[e->n].path = strdup(path);
  e->v[e->n].line = line;
  e->v[e->n].rule = strdup(rule);
  e->v[e->n].message = message ? strdup(message) : NULL;
  e->n++;
}

static void entries_free(entries *e) {
  for (size_t i = 0; i < e->n; i++) {
    free(e->v[i].path);
    free(e->v[i].rule);
    free(e->v[i].message);
  }
  free(e->v);
  memset(e, 0, sizeof *e);
}

/* By path, then line (numerically), then rule. */
static int entry_cmp(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  int c = strcmp(a->path, b->path);
  if (c) return c;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  return strcmp(a->rule, b->rule);
}

/* Analyses every JS/TS/C file under `dir` (relative path `rel`), recursively,
 * skipping node_modules and hidden folders. */
static void scan(const char *dir, const char *rel, const ll_options *o,
                 entries *found, size_t *nfiles, rt_buf *out) {
  size_t n = 0;
  char **names = rt_list_dir(dir, &n);
  if (!names) {
    rt_buf_line(out, "examples/%s: cannot open the folder", rel);
    return;
  }
  for (size_t i = 0; i < n; i++) {
    char path[4096], sub[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
    if (rt_is_dir(path)) {
      if (names[i][0] != '.' && strcmp(names[i], "node_modules") != 0)
        scan(path, sub, o, found, nfiles, out);
      continue;
    }
    if (ll_lang_for_path(names[i]) == LL_LANG_ANY) continue;
    size_t len = 0;
    char *src = rt_read_file(path, &len);
    if (!src) {
      rt_buf_line(out, "examples/%s: cannot read the file", sub);
      continue;
    }
    (*nfiles)++;
    ll_file_result *r = NULL;
    ll_error err;
    memset(&err, 0, sizeof err);
    ll_status st = ll_analyze_source(o, sub, src, len, &r, &err);
    if (st != LL_OK || !r) {
      rt_buf_line(out, "examples/%s: analysis failed: %s (%s)", sub,
                  ll_status_name(st), err.message);
    } else {
      for (size_t f = 0; f < r->count; f++) {
        const ll_rule_info *info = ll_rule_get(r->findings[f].rule);
        entries_add(found, sub, r->findings[f].line, info ? info->id : "?",
                    r->findings[f].message);
      }
    }
    ll_file_result_free(r);
    free(src);
  }
  rt_free_names(names, n);
}

/* Reads examples.expected: `path:line:rule-id` per line; `#` comments and
 * blank lines are skipped. */
static void read_expected(entries *want, rt_buf *out) {
  char path[2048];
  size_t len = 0;
  snprintf(path, sizeof path, "%s/tests/rules/examples.expected", LL_SOURCE_DIR);
  char *text = rt_read_file(path, &len);
  if (!text) {
    rt_buf_line(out, "tests/rules/examples.expected: cannot read the file");
    return;
  }
  unsigned lineno = 0;
  for (char *p = text, *eol; *p; p = eol + (*eol ? 1 : 0)) {
    eol = p + strcspn(p, "\n");
    lineno++;
    char saved = *eol;
    *eol = '\0';
    char *t = p;
    while (*t == ' ' || *t == '\t') t++;
    size_t tl = strlen(t);
    while (tl && (t[tl - 1] == '\r' || t[tl - 1] == ' ')) t[--tl] = '\0';
    if (*t && *t != '#') {
      char *c1 = strchr(t, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
      char *num_end = NULL;
      unsigned long ln = c1 ? strtoul(c1 + 1, &num_end, 10) : 0;
      if (!c1 || !c2 || num_end != c2 || ln == 0 || !c2[1]) {
        rt_buf_line(out, "tests/rules/examples.expected:%u: not path:line:rule-id: %s",
                    lineno, t);
      } else {
        *c1 = '\0';
        if (ll_rule_find(c2 + 1) < 0)
          rt_buf_line(out, "tests/rules/examples.expected:%u: unknown rule id '%s'",
                      lineno, c2 + 1);
        entries_add(want, t, (unsigned)ln, c2 + 1, NULL);
      }
    }
    *eol = saved;
  }
  free(text);
}

Test(examples, finds_exactly_the_expected_leaks) {
  rt_buf out = {0};
  entries want = {0}, found = {0};
  ll_options o;
  size_t nfiles = 0;
  char dir[2048];

  ll_options_init(&o);
  read_expected(&want, &out);
  snprintf(dir, sizeof dir, "%s/examples", LL_SOURCE_DIR);
  scan(dir, "", &o, &found, &nfiles, &out);
  if (!nfiles) rt_buf_line(&out, "examples/: no JavaScript or TypeScript file");

  if (want.n) qsort(want.v, want.n, sizeof *want.v, entry_cmp);
  if (found.n) qsort(found.v, found.n, sizeof *found.v, entry_cmp);
  /* A merge of the two sorted lists (as multisets). */
  size_t i = 0, j = 0;
  while (i < want.n || j < found.n) {
    int c = i == want.n ? 1 : j == found.n ? -1 : entry_cmp(&want.v[i], &found.v[j]);
    if (c == 0) {
      i++, j++;
    } else if (c < 0) {
      rt_buf_line(&out, "examples/%s:%u: expected %s but got nothing", want.v[i].path,
                  want.v[i].line, want.v[i].rule);
      i++;
    } else {
      rt_buf_line(&out, "examples/%s:%u: unexpected %s: %s", found.v[j].path,
                  found.v[j].line, found.v[j].rule, found.v[j].message);
      j++;
    }
  }
  if (out.lines) {
    fprintf(stderr, "%s", rt_buf_str(&out));
    cr_expect_fail("%zu mismatch(es) against tests/rules/examples.expected:\n%s",
                   out.lines, rt_buf_str(&out));
  }
  rt_buf_free(&out);
  entries_free(&want);
  entries_free(&found);
}

/* examples.expected stays sorted (path, then line) so that diffs stay small. */
Test(examples, expected_list_is_sorted) {
  rt_buf out = {0};
  entries want = {0};
  read_expected(&want, &out);
  for (size_t k = 1; k < want.n; k++)
    if (entry_cmp(&want.v[k - 1], &want.v[k]) > 0)
      rt_buf_line(&out, "tests/rules/examples.expected: %s:%u:%s is out of order",
                  want.v[k].path, want.v[k].line, want.v[k].rule);
  if (out.lines) cr_expect_fail("%s", rt_buf_str(&out));
  rt_buf_free(&out);
  entries_free(&want);
}
