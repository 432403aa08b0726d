/* Helpers for the unit suites: parsing a snippet into a node view, finding a
 * node by kind and text, analysing a snippet, and allocator hooks that count
 * or fail allocations. Everything is static: each suite includes this once
 * and uses what it needs.
 *
 * Objects made by `parse`/`analyze` are kept in file statics and freed by
 * `unit_teardown`, which every suite using them passes as its `.fini`, so a
 * failed assertion frees them too. */
#ifndef LL_TESTS_UNIT_HELPERS_H
#define LL_TESTS_UNIT_HELPERS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "frontend/js/js.h"
#include "frontend/js/lang.h"
#include "leaklint/leaklint.h"

#define UNUSED __attribute__((unused))

/* ==== Parsing ==== */

static ll_arena *T_arena;
static ll_js T_js;
static bool T_have_js;
static ll_file_result *T_result;

/* Parses `src` as the file `path` with the environments `env`; the view is
 * freed by `unit_teardown`. */
static UNUSED ll_js *parse_env(const char *path, const char *src,
                               unsigned env) {
  cr_assert_null(T_arena, "parse called twice in one test");
  T_arena = ll_arena_new();
  cr_assert_not_null(T_arena);
  ll_status st = ll_js_parse(&T_js, T_arena, path, src, (uint32_t)strlen(src),
                             env, NULL, 0);
  T_have_js = true;
  cr_assert_eq(st, LL_OK, "ll_js_parse: %s", ll_status_name(st));
  return &T_js;
}

static UNUSED ll_js *parse(const char *path, const char *src) {
  return parse_env(path, src, LL_ENV_DEFAULT);
}

/* The `nth` (0-based) node of `kind` whose text is `text` (any text when
 * NULL), in pre-order; LL_NONE when there is none. */
static UNUSED ll_nid find_nth(const ll_js *js, ll_kind kind, const char *text,
                              unsigned nth) {
  for (ll_nid i = 0; i < js->count; i++) {
    if (js->nodes[i].kind != kind) continue;
    if (text && !ll_js_text_is(js, i, text)) continue;
    if (nth-- == 0) return i;
  }
  return LL_NONE;
}

/* Like `find_nth` but the node must exist. */
static UNUSED ll_nid must_find_nth(const ll_js *js, ll_kind kind,
                                   const char *text, unsigned nth) {
  ll_nid n = find_nth(js, kind, text, nth);
  cr_assert_neq(n, LL_NONE, "no %s #%u with text '%s'", ll__js_kind_name(kind),
                nth, text ? text : "(any)");
  return n;
}

#define must_find(js, kind, text) must_find_nth((js), (kind), (text), 0)
/* The `nth` identifier spelled `name`. */
#define ident(js, name, nth) must_find_nth((js), LL_K_identifier, (name), (nth))

/* ==== Analysing ==== */

/* Analyses `src` as `path` under `o` (default options when NULL); the result
 * must be LL_OK and is freed by `unit_teardown`. */
static UNUSED const ll_file_result *analyze_opts(const ll_options *o,
                                                 const char *path,
                                                 const char *src) {
  ll_options defaults;
  if (!o) {
    ll_options_init(&defaults);
    o = &defaults;
  }
  cr_assert_null(T_result, "analyze called twice in one test");
  ll_error err = {0};
  ll_status st = ll_analyze_source(o, path, src, strlen(src), &T_result, &err);
  cr_assert_eq(st, LL_OK, "ll_analyze_source: %s: %s", ll_status_name(st),
               err.message);
  cr_assert_not_null(T_result);
  return T_result;
}

static UNUSED const ll_file_result *analyze(const char *path,
                                            const char *src) {
  return analyze_opts(NULL, path, src);
}

/* Number of findings of rule `id` in `r`. */
static UNUSED size_t count_rule(const ll_file_result *r, const char *id) {
  int rule = ll_rule_find(id);
  cr_assert_geq(rule, 0, "unknown rule %s", id);
  size_t n = 0;
  for (size_t i = 0; i < r->count; i++)
    if (r->findings[i].rule == rule) n++;
  return n;
}

/* The `nth` finding of rule `id`, which must exist. */
static UNUSED const ll_finding *nth_of_rule(const ll_file_result *r,
                                            const char *id, size_t nth) {
  int rule = ll_rule_find(id);
  size_t left = nth;
  for (size_t i = 0; i < r->count; i++)
    if (r->findings[i].rule == rule && left-- == 0) return &r->findings[i];
  cr_assert_fail("no finding #%zu of %s", nth, id);
  return NULL;
}

/* The lines (1-based) of the findings of rule `id`, as "3,7" (static). */
static UNUSED const char *lines_of(const ll_file_result *r, const char *id) {
  static char buf[256];
  int rule = ll_rule_find(id);
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < r->count && used < sizeof buf - 16; i++) {
    if (r->findings[i].rule != rule) continue;
    used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%u",
                             used ? "," : "", r->findings[i].line);
  }
  return buf;
}

#define assert_has(hay, needle)                                          \
  cr_assert(strstr((hay), (needle)), "\"%s\" lacks \"%s\"", (hay), (needle))

/* ==== Teardown ==== */

static unsigned char hk_fill;

static UNUSED void unit_teardown(void) {
  ll_set_allocator(NULL, NULL, NULL, NULL);
  hk_fill = 0;
  if (T_have_js) ll_js_fini(&T_js);
  T_have_js = false;
  ll_arena_free(T_arena);
  T_arena = NULL;
  ll_file_result_free(T_result);
  T_result = NULL;
}

/* ==== Allocator hooks ====
 *
 * `count_*` count live blocks (allocations minus frees) and calls; when
 * `fail_at` is non-zero the `fail_at`-th allocation call (1-based) returns
 * NULL, and `failed` says whether that happened. Install them with
 * `hooks_install`; `unit_teardown` restores the C library's allocator. */

static long hk_live;     /* blocks allocated and not yet freed */
static long hk_calls;    /* allocation calls (malloc, calloc, realloc) */
static long hk_fail_at;  /* 0: never fail */
static bool hk_failed;
/* `hk_fill` (above): fresh malloc memory is filled with this byte. */

static bool hk_should_fail(void) {
  hk_calls++;
  if (hk_fail_at && hk_calls == hk_fail_at) {
    hk_failed = true;
    return true;
  }
  return false;
}

static UNUSED void *hk_malloc(size_t n) {
  if (hk_should_fail()) return NULL;
  void *p = malloc(n);
  if (p) {
    memset(p, hk_fill, n);
    hk_live++;
  }
  return p;
}

static UNUSED void *hk_calloc(size_t c, size_t n) {
  if (hk_should_fail()) return NULL;
  void *p = calloc(c, n);
  if (p) hk_live++;
  return p;
}

static UNUSED void *hk_realloc(void *old, size_t n) {
  if (hk_should_fail()) return NULL;
  void *p = realloc(old, n);
  if (p && !old) hk_live++;
  return p;
}

static UNUSED void hk_free(void *p) {
  if (p) hk_live--;
  free(p);
}

/* Installs the counting hooks, failing allocation `fail_at` (0: none). */
static UNUSED void hooks_install(long fail_at) {
  hk_live = hk_calls = 0;
  hk_failed = false;
  hk_fail_at = fail_at;
  ll_set_allocator(hk_malloc, hk_calloc, hk_realloc, hk_free);
}

static UNUSED void hooks_remove(void) {
  ll_set_allocator(NULL, NULL, NULL, NULL);
}

#endif
