/* analyze_cached.c, through ll_analyze_source_cached: the parse cache's
 * lifecycle, and the property that matters: after any sequence of edits
 * recorded with ll_parse_cache_edit, the incremental analysis finds exactly
 * what a from-scratch ll_analyze_source of the final text finds. The edit
 * sequences are random (seeded, so a failure reproduces) over the repo's own
 * JS/TS files: the rule fixtures and the examples. Speed is not asserted
 * here (the machine is shared); tests/bench/lsp/ measures it. */
#include <time.h>

#include "../helpers.h"

TestSuite(analyze_cached, .fini = unit_teardown);

/* ==== Text and points ==== */

typedef struct text {
  char *s;
  size_t len;
} text;

/* The tree-sitter point of byte `off`: rows end at "\n" only. */
static ll_point point_at(const char *s, size_t off) {
  ll_point p = {0, 0};
  size_t line = 0;
  for (size_t i = 0; i < off; i++)
    if (s[i] == '\n') p.row++, line = i + 1;
  p.column = (uint32_t)(off - line);
  return p;
}

/* The point reached from `p` after inserting `ins[0..n)`. */
static ll_point advance(ll_point p, const char *ins, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (ins[i] == '\n') p.row++, p.column = 0;
    else p.column++;
  }
  return p;
}

/* Replaces [a, b) with `ins` and records the edit in `cache`. */
static void edit(text *t, ll_parse_cache *cache, size_t a, size_t b,
                 const char *ins) {
  size_t n = strlen(ins);
  ll_point start = point_at(t->s, a), old_end = point_at(t->s, b);
  char *s = malloc(t->len - (b - a) + n + 1);
  memcpy(s, t->s, a);
  memcpy(s + a, ins, n);
  memcpy(s + a + n, t->s + b, t->len - b);
  t->len = t->len - (b - a) + n;
  s[t->len] = '\0';
  free(t->s);
  t->s = s;
  ll_parse_cache_edit(cache, (uint32_t)a, (uint32_t)b, (uint32_t)(a + n),
                      start, old_end, advance(start, ins, n));
}

/* ==== Comparing results ==== */

static void assert_same(const ll_file_result *a, const ll_file_result *b,
                        const char *what) {
  cr_assert_eq(a->count, b->count, "%s: %zu findings incrementally, %zu fresh",
               what, a->count, b->count);
  for (size_t i = 0; i < a->count; i++) {
    const ll_finding *x = &a->findings[i], *y = &b->findings[i];
    cr_assert(x->rule == y->rule && x->severity == y->severity &&
                  x->start_byte == y->start_byte &&
                  x->end_byte == y->end_byte && x->line == y->line &&
                  x->column == y->column && x->end_line == y->end_line &&
                  x->end_column == y->end_column &&
                  strcmp(x->message, y->message) == 0 &&
                  x->nrelated == y->nrelated,
              "%s: finding %zu differs:\n  incremental %s %u:%u %s\n  fresh       "
              "%s %u:%u %s",
              what, i, ll_rule_get(x->rule)->id, x->line, x->column,
              x->message, ll_rule_get(y->rule)->id, y->line, y->column,
              y->message);
    for (uint32_t k = 0; k < x->nrelated; k++)
      cr_assert(x->related[k].line == y->related[k].line &&
                    x->related[k].column == y->related[k].column &&
                    strcmp(x->related[k].message, y->related[k].message) == 0,
                "%s: finding %zu, related %u differs", what, i, k);
  }
}

/* Analyses `t` through `cache` and from scratch; both must agree. */
static void check(const ll_options *o, const char *path, const text *t,
                  ll_parse_cache *cache, const char *what) {
  ll_file_result *inc = NULL, *fresh = NULL;
  ll_error e1 = {0}, e2 = {0};
  ll_status s1 = ll_analyze_source_cached(o, path, t->s, t->len, cache, &inc,
                                          &e1);
  ll_status s2 = ll_analyze_source(o, path, t->s, t->len, &fresh, &e2);
  cr_assert_eq(s1, s2, "%s: %s vs %s", what, ll_status_name(s1),
               ll_status_name(s2));
  if (s1 == LL_OK) assert_same(inc, fresh, what);
  ll_file_result_free(inc);
  ll_file_result_free(fresh);
}

/* ==== Random edits ==== */

static uint64_t rng;

/* A seed per (seed, file, round), mixed so that nearby seeds differ. */
static void seed_rng(uint64_t seed, size_t file, int round) {
  uint64_t z = seed * 0x9E3779B97F4A7C15ULL + file * 0xBF58476D1CE4E5B9ULL +
               (uint64_t)round * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  rng = z * 0xD6E8FEB86659FD93ULL;
}

static uint32_t next_rand(void) {
  rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
  return (uint32_t)(rng >> 33);
}

/* Moves `off` back to the start of a UTF-8 character. */
static size_t char_start(const text *t, size_t off) {
  while (off > 0 && off < t->len && ((unsigned char)t->s[off] & 0xC0) == 0x80)
    off--;
  return off;
}

static const char *const snippets[] = {
    "x", "1", "(", ")", "{", "}", ";", "\n", " ", "'", "\"", "`", "/*", "*/",
    "//", "\r\n", "caf\xc3\xa9", "\xf0\x9f\x98\x80", "=", "=>", ".",
    "setInterval(tick, 1000);\n",
    "window.addEventListener('resize', () => {});\n",
    "leaked = 1;\n", "function f() {\n  g = 2;\n}\n",
    "class K { start() { setInterval(this.t, 5); } stop() {} }\n",
    "if (a) {", "return", "const ", "let y = ", "this.", "async ", "await ",
    "<div>", "</div>", ": number", "as any",
};

/* One random edit of `t`: delete, insert or replace a short span, or (rarely)
 * cut a longer one; offsets on character boundaries. */
static void random_edit(text *t, ll_parse_cache *cache) {
  size_t a = t->len ? char_start(t, next_rand() % (t->len + 1)) : 0;
  size_t span = next_rand() % 8 == 0 ? next_rand() % 200 : next_rand() % 6;
  size_t b = a + span > t->len ? t->len : a + span;
  b = char_start(t, b);
  if (b < a) b = a;
  const char *ins = "";
  uint32_t kind = next_rand() % 3; /* insert, replace, delete */
  if (kind == 0) b = a;
  if (kind != 2)
    ins = snippets[next_rand() % (sizeof snippets / sizeof *snippets)];
  edit(t, cache, a, b, ins);
}

/* True when a fresh analysis of `s` reports a syntax error. */
static bool broken(const ll_options *o, const char *path, const char *s,
                   size_t len) {
  ll_file_result *r = NULL;
  if (ll_analyze_source(o, path, s, len, &r, NULL) != LL_OK) return true;
  bool bad = false;
  for (size_t i = 0; i < r->count; i++)
    if (strcmp(ll_rule_get(r->findings[i].rule)->id, "parse-error") == 0)
      bad = true;
  ll_file_result_free(r);
  return bad;
}

static const char *const statements[] = {
    "leaked = 1;\n", "setInterval(tick, 1000);\n", "// a note\n", "\n",
    "function f2() {\n  g = 2;\n}\n",
    "window.addEventListener('resize', () => {});\n",
    "class K2 { start() { setInterval(this.t, 5); } stop() {} }\n",
    "/* caf\xc3\xa9 \xf0\x9f\x98\x80 */\n",
};

/* One random edit that keeps the text free of syntax errors (candidates
 * that would break it are tried on a copy and dropped): rename a letter of
 * an identifier, insert a statement at a line start, delete a line, insert
 * a blank. False when no candidate fitted. */
static bool valid_edit(const ll_options *o, const char *path, text *t,
                       ll_parse_cache *cache) {
  for (int tries = 0; tries < 100; tries++) {
    size_t a = t->len ? next_rand() % t->len : 0, b = a;
    const char *ins = "";
    char letter[2] = {0};
    switch (next_rand() % 4) {
    case 0: { /* a letter inside an identifier */
      unsigned char ch = (unsigned char)t->s[a];
      if (a == 0 || !((ch | 32) >= 'a' && (ch | 32) <= 'z') ||
          !(((unsigned char)t->s[a - 1] | 32) >= 'a' &&
            ((unsigned char)t->s[a - 1] | 32) <= 'z'))
        continue;
      letter[0] = (char)('a' + next_rand() % 26);
      ins = letter;
      b = a + 1;
      break;
    }
    case 1: /* a statement at a line start */
      while (a > 0 && t->s[a - 1] != '\n') a--;
      b = a;
      ins = statements[next_rand() % (sizeof statements / sizeof *statements)];
      break;
    case 2: /* a whole line */
      while (a > 0 && t->s[a - 1] != '\n') a--;
      b = a;
      while (b < t->len && t->s[b] != '\n') b++;
      if (b < t->len) b++;
      break;
    default: /* a blank */
      a = char_start(t, a);
      b = a;
      ins = " ";
      break;
    }
    size_t n = strlen(ins), len = t->len - (b - a) + n;
    char *copy = malloc(len + 1);
    memcpy(copy, t->s, a);
    memcpy(copy + a, ins, n);
    memcpy(copy + a + n, t->s + b, t->len - b);
    bool bad = broken(o, path, copy, len);
    free(copy);
    if (bad) continue;
    edit(t, cache, a, b, ins);
    return true;
  }
  return false;
}

static char *slurp(const char *rel, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", LL_SOURCE_DIR, rel);
  FILE *f = fopen(path, "rb");
  cr_assert(f, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
  s[n] = '\0';
  fclose(f);
  *len = (size_t)n;
  return s;
}

static const char *const files[] = {
    "rules/js/no-uncleared-interval/bad.js",
    "rules/js/no-uncleared-interval/good.js",
    "rules/js/no-uncleared-interval/good.ts",
    "rules/js/no-unremoved-listener/bad.js",
    "rules/js/no-unremoved-listener/good.js",
    "rules/js/no-unremoved-listener/good.tsx",
    "rules/js/no-implicit-global/bad.js",
    "rules/js/no-implicit-global/good.js",
    "rules/js/no-implicit-global/bad.ts",
    "examples/service/heartbeat.js",
    "examples/service/handlers.js",
};

/* For each file: `rounds` sequences of up to `steps` analyses, each after
 * 1-4 edits (several edits per analysis, as in one didChange). */
static void random_sequences(uint64_t seed, int rounds, int steps) {
  int reused = 0, total = 0;
  ll_options o;
  ll_options_init(&o);
  for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
    for (int round = 0; round < rounds; round++) {
      seed_rng(seed, f, round);
      text t;
      t.s = slurp(files[f], &t.len);
      ll_parse_cache *cache = ll_parse_cache_new();
      cr_assert(cache);
      char what[256];
      snprintf(what, sizeof what, "%s round %d step 0", files[f], round);
      check(&o, files[f], &t, cache, what);
      for (int step = 1; step <= steps; step++) {
        int nedits = 1 + (int)(next_rand() % 4);
        for (int k = 0; k < nedits; k++) random_edit(&t, cache);
        snprintf(what, sizeof what, "%s round %d step %d (seed %llu)",
                 files[f], round, step, (unsigned long long)seed);
        check(&o, files[f], &t, cache, what);
        reused += ll_parse_cache_reused(cache);
        total++;
      }
      ll_parse_cache_free(cache);
      free(t.s);
    }
  }
  /* Random edits break the syntax often (then the parse starts afresh), but
   * not always: the incremental path must have been taken too. */
  fprintf(stderr, "analyze_cached: %d of %d reparses were incremental\n",
          reused, total);
  cr_assert(reused > 0, "no reparse was incremental");
}

/* As `random_sequences`, with edits that keep the syntax valid: every
 * reparse must then be incremental. */
static void valid_sequences(uint64_t seed, int rounds, int steps) {
  int reused = 0, total = 0;
  ll_options o;
  ll_options_init(&o);
  for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
    for (int round = 0; round < rounds; round++) {
      seed_rng(seed, f, round);
      text t;
      t.s = slurp(files[f], &t.len);
      cr_assert_not(broken(&o, files[f], t.s, t.len), "%s parses", files[f]);
      ll_parse_cache *cache = ll_parse_cache_new();
      char what[256];
      snprintf(what, sizeof what, "%s round %d step 0", files[f], round);
      check(&o, files[f], &t, cache, what);
      for (int step = 1; step <= steps; step++) {
        int nedits = 1 + (int)(next_rand() % 3);
        for (int k = 0; k < nedits; k++)
          cr_assert(valid_edit(&o, files[f], &t, cache));
        snprintf(what, sizeof what, "%s round %d step %d (seed %llu, valid)",
                 files[f], round, step, (unsigned long long)seed);
        check(&o, files[f], &t, cache, what);
        reused += ll_parse_cache_reused(cache);
        total++;
      }
      ll_parse_cache_free(cache);
      free(t.s);
    }
  }
  /* Nearly every reparse is incremental. The rare exception is a tree that
   * came out with an error a fresh parse does not have (seen with the
   * `<T>(x)` type assertion of TypeScript): it is parsed again. */
  fprintf(stderr, "analyze_cached: %d of %d reparses were incremental\n",
          reused, total);
  cr_assert(reused >= total * 3 / 4, "only %d of %d reparses were "
            "incremental", reused, total);
}

/* ==== Tests ==== */

Test(analyze_cached, new_and_free_go_together) {
  ll_parse_cache *c = ll_parse_cache_new();
  cr_assert(c);
  cr_assert_not(ll_parse_cache_reused(c));
  ll_parse_cache_reset(c);
  ll_parse_cache_free(c);
  ll_parse_cache_free(NULL);
}

Test(analyze_cached, first_analysis_parses_from_scratch_then_reuses) {
  ll_options o;
  ll_options_init(&o);
  ll_parse_cache *c = ll_parse_cache_new();
  text t = {strdup("function f() {\n  setInterval(g, 1);\n}\n"), 0};
  t.len = strlen(t.s);
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source_cached(&o, "a.js", t.s, t.len, c, &r, NULL),
               LL_OK);
  cr_assert_not(ll_parse_cache_reused(c));
  cr_assert_eq(r->count, 1);
  ll_file_result_free(r);
  edit(&t, c, 15, 15, "x = 1;\n  "); /* a new implicit global */
  cr_assert_eq(ll_analyze_source_cached(&o, "a.js", t.s, t.len, c, &r, NULL),
               LL_OK);
  cr_assert(ll_parse_cache_reused(c));
  cr_assert_eq(r->count, 2);
  cr_assert_eq(r->findings[0].line, 2);
  cr_assert_eq(r->findings[1].line, 3, "the interval moved down a line");
  ll_file_result_free(r);
  ll_parse_cache_free(c);
  free(t.s);
}

Test(analyze_cached, a_wrong_edit_falls_back_to_a_full_parse) {
  ll_options o;
  ll_options_init(&o);
  ll_parse_cache *c = ll_parse_cache_new();
  const char *a = "x = 1;\n", *b = "x = 1;\ny = 22;\n";
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source_cached(&o, "a.js", a, strlen(a), c, &r, NULL),
               LL_OK);
  ll_file_result_free(r);
  /* The text grew by 8 bytes but no edit was recorded. */
  cr_assert_eq(ll_analyze_source_cached(&o, "a.js", b, strlen(b), c, &r, NULL),
               LL_OK);
  cr_assert_not(ll_parse_cache_reused(c));
  cr_assert_eq(r->count, 2);
  ll_file_result_free(r);
  ll_parse_cache_free(c);
}

Test(analyze_cached, dialect_change_and_c_files_reset_the_tree) {
  ll_options o;
  ll_options_init(&o);
  ll_parse_cache *c = ll_parse_cache_new();
  const char *src = "let a: number = 1;\nb = a;\n";
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source_cached(&o, "a.ts", src, strlen(src), c, &r,
                                        NULL), LL_OK);
  ll_file_result_free(r);
  /* The same text under a .js name: another grammar, so no reuse. */
  cr_assert_eq(ll_analyze_source_cached(&o, "a.js", src, strlen(src), c, &r,
                                        NULL), LL_OK);
  cr_assert_not(ll_parse_cache_reused(c));
  ll_file_result_free(r);
  cr_assert_eq(ll_analyze_source_cached(&o, "a.py", src, strlen(src), c, &r,
                                        NULL), LL_ELANG);
  cr_assert_null(r);
  ll_parse_cache_free(c);
}

/* LL_TEST_SEED and LL_TEST_ROUNDS widen the search by hand. */
Test(analyze_cached, random_edit_sequences_match_fresh_analyses) {
  const char *seed = getenv("LL_TEST_SEED"), *rounds = getenv("LL_TEST_ROUNDS");
  random_sequences(seed ? strtoull(seed, NULL, 10) : 20261125,
                   rounds ? atoi(rounds) : 3, 25);
}

Test(analyze_cached, syntax_preserving_edit_sequences_reuse_and_match) {
  const char *seed = getenv("LL_TEST_SEED"), *rounds = getenv("LL_TEST_ROUNDS");
  valid_sequences(seed ? strtoull(seed, NULL, 10) : 20261125,
                  rounds ? atoi(rounds) : 2, 20);
}

Test(analyze_cached, edits_that_only_grow_a_file_match_fresh_analyses) {
  /* Typing a file from nothing, a few characters per edit. */
  ll_options o;
  ll_options_init(&o);
  size_t len;
  char *final = slurp("rules/js/no-uncleared-interval/bad.js", &len);
  text t = {strdup(""), 0};
  ll_parse_cache *c = ll_parse_cache_new();
  rng = 7;
  for (size_t at = 0; at < len;) {
    size_t n = 1 + next_rand() % 16;
    if (at + n > len) n = len - at;
    char chunk[17];
    memcpy(chunk, final + at, n);
    chunk[n] = '\0';
    edit(&t, c, t.len, t.len, chunk);
    at += n;
    if (next_rand() % 4 == 0 || at == len) {
      char what[64];
      snprintf(what, sizeof what, "typed %zu of %zu bytes", at, len);
      check(&o, "typed.js", &t, c, what);
    }
  }
  cr_assert_eq(t.len, len);
  ll_parse_cache_free(c);
  free(t.s);
  free(final);
}

/* ==== Speed, measured and logged (never asserted: the machine is shared) */

#include <tree_sitter/api.h>

#include "frontend/js/lang.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, by_value);
  return v[n / 2];
}

/* A 10,000-line file of small exported functions, one in 25 with a
 * discarded interval (a finding); `*edit_at` is the `v` of one
 * `return vN * 2;` in the middle. */
static char *ten_k_lines(size_t *len, size_t *edit_at) {
  size_t cap = 1 << 20, n = 0;
  char *s = malloc(cap);
  for (int i = 0; n < cap - 200 && i < 1250; i++) {
    if (i == 625) *edit_at = n + (size_t)snprintf(NULL, 0,
        "export function f%d(v%d) {\n  const w%d = v%d + 1;\n  return ", i, i,
        i, i);
    n += (size_t)snprintf(s + n, cap - n,
        "export function f%d(v%d) {\n  const w%d = v%d + 1;\n  return v%d * 2"
        " + w%d;\n}\n%s\n\n\n", i, i, i, i, i, i,
        i % 25 ? "" : "setInterval(() => f0(1), 1000);");
  }
  *len = n;
  return s;
}

Test(analyze_cached, reparse_after_one_character_is_measured) {
  size_t len, at = 0;
  char *src = ten_k_lines(&len, &at);
  cr_assert_eq(src[at], 'v');
  const TSLanguage *lang = ll__js_lang_table(0)->language;
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, lang);
  enum { RUNS = 15 };
  double full[RUNS], inc[RUNS], afull[RUNS], ainc[RUNS];
  ll_options o;
  ll_options_init(&o);
  for (int r = 0; r < RUNS; r++) {
    double t0 = now_ms();
    TSTree *tree = ts_parser_parse_string(p, NULL, src, (uint32_t)len);
    full[r] = now_ms() - t0;
    /* Flip `v` to `1` and back, as an editor would send it. */
    src[at] = r % 2 ? 'v' : '1';
    TSInputEdit e = {(uint32_t)at, (uint32_t)at + 1, (uint32_t)at + 1,
                     {0, 0}, {0, 0}, {0, 0}};
    TSPoint pt = {0, 0};
    for (size_t i = 0; i < at; i++)
      if (src[i] == '\n') pt.row++, pt.column = 0;
      else pt.column++;
    e.start_point = pt;
    e.old_end_point = e.new_end_point = (TSPoint){pt.row, pt.column + 1};
    ts_tree_edit(tree, &e);
    t0 = now_ms();
    TSTree *again = ts_parser_parse_string(p, tree, src, (uint32_t)len);
    inc[r] = now_ms() - t0;
    ts_tree_delete(again);
    ts_tree_delete(tree);
    src[at] = 'v';
  }
  ll_parse_cache *c = ll_parse_cache_new();
  ll_file_result *res = NULL;
  cr_assert_eq(ll_analyze_source_cached(&o, "big.js", src, len, c, &res, NULL),
               LL_OK);
  size_t baseline = res->count;
  ll_file_result_free(res);
  for (int r = 0; r < RUNS; r++) {
    double t0 = now_ms();
    cr_assert_eq(ll_analyze_source(&o, "big.js", src, len, &res, NULL), LL_OK);
    afull[r] = now_ms() - t0;
    ll_file_result_free(res);
    src[at] = src[at] == 'v' ? '1' : 'v';
    ll_point pt = point_at(src, at);
    ll_parse_cache_edit(c, (uint32_t)at, (uint32_t)at + 1, (uint32_t)at + 1,
                        pt, (ll_point){pt.row, pt.column + 1},
                        (ll_point){pt.row, pt.column + 1});
    t0 = now_ms();
    cr_assert_eq(ll_analyze_source_cached(&o, "big.js", src, len, c, &res,
                                          NULL), LL_OK);
    ainc[r] = now_ms() - t0;
    cr_assert(ll_parse_cache_reused(c));
    ll_file_result *fresh = NULL;
    cr_assert_eq(ll_analyze_source(&o, "big.js", src, len, &fresh, NULL),
                 LL_OK);
    assert_same(res, fresh, "10k lines");
    ll_file_result_free(fresh);
    ll_file_result_free(res);
  }
  fprintf(stderr,
          "analyze_cached: 10,000 lines (%zu bytes, %zu findings), median of "
          "%d: tree-sitter parse %.2f ms, reparse after a 1-char edit %.2f "
          "ms; whole analysis %.2f ms from scratch, %.2f ms cached\n",
          len, baseline, RUNS, median(full, RUNS), median(inc, RUNS),
          median(afull, RUNS), median(ainc, RUNS));
  ll_parse_cache_free(c);
  ts_parser_delete(p);
  free(src);
}
