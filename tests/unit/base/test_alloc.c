/* alloc.c: the allocation hooks. The wrappers themselves, then the two
 * whole-pipeline checks the hooks exist for: every allocation made by
 * `ll_analyze_source` is freed by `ll_file_result_free` (a leak check), and
 * failing allocation N for N = 1, 2, … until the analysis succeeds gives
 * LL_ENOMEM every time, never a crash, a leak or a silently different result.
 *
 * Process-wide tables (grammar tables, known-global sets, the built-in
 * resource pairs, the rule registry) are built on first use and live as long
 * as the process; `warm_up` builds them with the default allocator first so
 * they are not counted. tree-sitter's own allocations do not go through the
 * hooks. */
#include "../helpers.h"

TestSuite(alloc, .fini = unit_teardown);

/* ==== The wrappers ==== */

Test(alloc, malloc_of_zero_bytes_returns_a_block) {
  void *p = ll_malloc(0);
  cr_assert_not_null(p);
  ll_free(p);
}

Test(alloc, calloc_returns_zeroed_memory) {
  hk_fill = 0xCC;
  hooks_install(0);
  unsigned char *p = ll_calloc(100, 3);
  cr_assert_not_null(p);
  for (int i = 0; i < 300; i++) cr_assert_eq(p[i], 0);
  ll_free(p);
  cr_assert_eq(hk_live, 0);
  hk_fill = 0;
}

Test(alloc, realloc_keeps_the_contents) {
  char *p = ll_malloc(4);
  memcpy(p, "abc", 4);
  p = ll_realloc(p, 100000);
  cr_assert_str_eq(p, "abc");
  ll_free(p);
}

Test(alloc, free_null_is_a_no_op) {
  hooks_install(0);
  ll_free(NULL);
  cr_assert_eq(hk_live, 0, "the free hook was called for NULL");
}

Test(alloc, strndup_and_strdup_copy_and_terminate) {
  char *a = ll_strndup("abcdef", 3);
  char *b = ll_strdup("xyz");
  char *c = ll_strndup("", 0);
  cr_assert_str_eq(a, "abc");
  cr_assert_str_eq(b, "xyz");
  cr_assert_str_eq(c, "");
  ll_free(a);
  ll_free(b);
  ll_free(c);
}

Test(alloc, strdup_returns_null_when_out_of_memory) {
  hooks_install(1);
  cr_assert_null(ll_strdup("x"));
  cr_assert(hk_failed);
}

Test(alloc, every_wrapper_goes_through_the_hooks) {
  hooks_install(0);
  void *a = ll_malloc(10);
  void *b = ll_calloc(2, 10);
  void *c = ll_realloc(NULL, 10);
  c = ll_realloc(c, 1000);
  char *d = ll_strdup("hooked");
  cr_assert_eq(hk_calls, 5);
  cr_assert_eq(hk_live, 4);
  ll_free(a);
  ll_free(b);
  ll_free(c);
  ll_free(d);
  cr_assert_eq(hk_live, 0);
}

Test(alloc, null_hooks_restore_the_c_library_allocator) {
  hooks_install(0);
  hooks_remove();
  void *p = ll_malloc(10);
  ll_free(p);
  cr_assert_eq(hk_calls, 0);
  cr_assert_eq(hk_live, 0);
}

Test(alloc, each_null_hook_falls_back_on_its_own) {
  ll_set_allocator(hk_malloc, NULL, NULL, hk_free);
  hk_live = hk_calls = 0;
  void *p = ll_malloc(8);
  cr_assert_eq(hk_calls, 1);
  ll_free(p);
  cr_assert_eq(hk_live, 0);
}

/* ==== The whole pipeline ==== */

/* A small file that makes every part of the engine allocate: a parse
 * error, three rules' findings with related locations, suppressions (used,
 * unused, and a block), comments declaring globals. */
static const char JS_SRC[] =
    "/* global configured */\n"
    "// leaklint-disable-next-line no-implicit-global -- it is fine\n"
    "quiet = 1;\n"
    "// leaklint-disable-next-line no-uncleared-interval\n"
    "const unusedHere = 1;\n"
    "function start(el) {\n"
    "  leak = leak || [];\n"
    "  leak.push(el);\n"
    "  const h = setInterval(() => el.tick(), 1000);\n"
    "  window.addEventListener('resize', () => el.layout());\n"
    "  this.t = setInterval(tick, 5);\n"
    "}\n"
    "function tick() {}\n"
    "/* leaklint-disable */ hidden = 2; /* leaklint-enable */\n"
    "class Poller { start() { this.timer = setInterval(tick, 1); } }\n"
    "let broken = (1 + ;\n"
    "after = 3;\n";

static const char TS_SRC[] =
    "import { EventEmitter } from 'events';\n"
    "interface Job { id: number }\n"
    "const bus: EventEmitter = new EventEmitter();\n"
    "export function add(job: Job): void {\n"
    "  bus.on('job', (j: Job) => console.log(j.id));\n"
    "  const t = setInterval(() => job, 10) as unknown as number;\n"
    "}\n"
    "enum Color { Red }\n"
    "namespace NS { export const v = 1; }\n";

static const ll_resource_pair EXTRA_PAIRS[] = {
    {"subscribe", "unsubscribe", "listener"},
    {"acquireLock", "releaseLock", "handle"},
};

typedef struct {
  const char *path;
  const char *src;
  bool pairs;  /* use configured pairs (the resources are built per file) */
} sample;

/* Enough findings that the arena needs new blocks while the rules run. */
static char MANY_SRC[40000];

static const sample SAMPLES[] = {
    {"sample.js", JS_SRC, false},
    {"sample.ts", TS_SRC, false},
    {"sample.js", JS_SRC, true},
    {"many.js", MANY_SRC, false},
};

static void make_many(void) {
  size_t used = 0;
  for (int i = 0; i < 150; i++)
    used += (size_t)snprintf(MANY_SRC + used, sizeof MANY_SRC - used,
                             "function f%d(el) { global%d = 1; "
                             "setInterval(f%d, 1); "
                             "window.addEventListener('x', () => el); }\n",
                             i, i, i);
  cr_assert_lt(used, sizeof MANY_SRC - 1);
}

static void sample_options(ll_options *o, const sample *s) {
  ll_options_init(o);
  o->report_unused_disables = true;
  if (s->pairs) {
    o->pairs = EXTRA_PAIRS;
    o->npairs = 2;
  }
}

static ll_status run(const sample *s, ll_file_result **out, ll_error *err) {
  ll_options o;
  sample_options(&o, s);
  return ll_analyze_source(&o, s->path, s->src, strlen(s->src), out, err);
}

/* Builds the process-wide tables with the C library's allocator. */
static void warm_up(void) {
  make_many();
  for (size_t i = 0; i < sizeof SAMPLES / sizeof *SAMPLES; i++) {
    ll_file_result *r = NULL;
    cr_assert_eq(run(&SAMPLES[i], &r, NULL), LL_OK);
    ll_file_result_free(r);
  }
}

/* Two results are the same: the same findings at the same places with the
 * same messages. */
static void assert_same_result(const ll_file_result *a,
                               const ll_file_result *b, long n) {
  for (size_t rule = 0; rule < LL_RULE_COUNT; rule++) {
    size_t in_a = 0, in_b = 0;
    for (size_t i = 0; i < a->count; i++) in_a += a->findings[i].rule == rule;
    for (size_t i = 0; i < b->count; i++) in_b += b->findings[i].rule == rule;
    cr_assert_eq(in_a, in_b,
                 "failing allocation %ld changed the number of %s findings "
                 "%zu -> %zu instead of failing",
                 n, ll_rule_get(rule)->id, in_a, in_b);
  }
  cr_assert_eq(a->count, b->count, "allocation %ld", n);
  for (size_t i = 0; i < a->count; i++) {
    const ll_finding *x = &a->findings[i], *y = &b->findings[i];
    cr_assert_eq(x->rule, y->rule, "allocation %ld, finding %zu", n, i);
    cr_assert_eq(x->start_byte, y->start_byte, "allocation %ld", n);
    cr_assert_str_eq(x->message, y->message, "allocation %ld", n);
    cr_assert_eq(x->severity, y->severity, "allocation %ld", n);
    cr_assert_eq(x->nrelated, y->nrelated, "allocation %ld", n);
  }
}

Test(alloc, analysis_frees_everything_it_allocated) {
  warm_up();
  for (size_t i = 0; i < sizeof SAMPLES / sizeof *SAMPLES; i++) {
    ll_file_result *r = NULL;
    hooks_install(0);
    ll_status st = run(&SAMPLES[i], &r, NULL);
    cr_assert_eq(st, LL_OK);
    cr_assert_gt(r->count, 1, "the sample should produce findings");
    cr_assert_gt(hk_calls, 10, "nothing went through the hooks");
    cr_assert_gt(hk_live, 0, "the result owns no memory");
    ll_file_result_free(r);
    cr_assert_eq(hk_live, 0, "%s (pairs %d): %ld blocks leaked",
                 SAMPLES[i].path, SAMPLES[i].pairs, hk_live);
    hooks_remove();
  }
}

Test(alloc, rejected_files_allocate_nothing_that_stays) {
  warm_up();
  ll_options o;
  ll_options_init(&o);
  o.max_file_size = 4;
  ll_file_result *r = (ll_file_result *)1;
  hooks_install(0);
  cr_assert_eq(ll_analyze_source(&o, "a.js", "x = 12;", 7, &r, NULL),
               LL_ETOOBIG);
  cr_assert_eq(ll_analyze_source(&o, "a.py", "x", 1, &r, NULL), LL_ELANG);
  cr_assert_null(r);
  cr_assert_eq(hk_live, 0);
}

/* Fails allocation N = 1, 2, … of one analysis until it succeeds without a
 * failure. Each failing run returns LL_ENOMEM with no result, an error
 * record saying so, and nothing left allocated; a run that succeeds although
 * an allocation failed must give the same result as a clean run. */
static void fail_each_allocation(const sample *s) {
  ll_file_result *ref = NULL;
  cr_assert_eq(run(s, &ref, NULL), LL_OK);
  long n;
  for (n = 1; n < 100000; n++) {
    ll_file_result *r = (ll_file_result *)1;
    ll_error err = {0};
    hooks_install(n);
    ll_status st = run(s, &r, &err);
    bool failed = hk_failed;
    if (st == LL_OK) {
      cr_assert_not_null(r);
      if (failed) assert_same_result(ref, r, n);
      ll_file_result_free(r);
      cr_assert_eq(hk_live, 0, "allocation %ld: %ld blocks leaked", n,
                   hk_live);
      hooks_remove();
      if (!failed) break;
      continue;
    }
    hooks_remove();
    cr_assert(failed, "allocation %ld: %s without any failure", n,
              ll_status_name(st));
    cr_assert_eq(st, LL_ENOMEM, "allocation %ld: %s", n, ll_status_name(st));
    cr_assert_null(r, "allocation %ld: a result despite the failure", n);
    cr_assert_eq(err.code, LL_ENOMEM, "allocation %ld", n);
    cr_assert_neq(err.message[0], '\0', "allocation %ld: no message", n);
    cr_assert_eq(hk_live, 0, "allocation %ld: %ld blocks leaked", n, hk_live);
  }
  cr_assert_gt(n, 10, "only %ld allocations were tried", n);
  ll_file_result_free(ref);
}

Test(alloc, failing_any_allocation_of_a_js_file_gives_enomem) {
  warm_up();
  fail_each_allocation(&SAMPLES[0]);
}

Test(alloc, failing_any_allocation_of_a_ts_file_gives_enomem) {
  warm_up();
  fail_each_allocation(&SAMPLES[1]);
}

Test(alloc, failing_any_allocation_with_configured_pairs_gives_enomem) {
  warm_up();
  fail_each_allocation(&SAMPLES[2]);
}

Test(alloc, failing_any_allocation_of_a_file_with_many_findings_gives_enomem) {
  // Regression test for a bug fixed in the same change that enabled it.
  warm_up();
  fail_each_allocation(&SAMPLES[3]);
}

Test(alloc, the_default_allocator_works_again_after_the_hooks) {
  warm_up();
  hooks_install(1);
  ll_file_result *r = NULL;
  cr_assert_eq(run(&SAMPLES[0], &r, NULL), LL_ENOMEM);
  hooks_remove();
  cr_assert_eq(run(&SAMPLES[0], &r, NULL), LL_OK);
  cr_assert_gt(r->count, 0);
  ll_file_result_free(r);
}

/* Each Criterion test runs in a fresh process, so here the process-wide
 * tables are built under the failing allocator. */
Test(alloc, out_of_memory_on_first_use_is_not_permanent) {
  // Regression test for a bug fixed in the same change that enabled it.
  for (long n = 1; n <= 3; n++) {
    ll_file_result *r = NULL;
    hooks_install(n);
    ll_status st = run(&SAMPLES[0], &r, NULL);
    hooks_remove();
    if (st == LL_OK) ll_file_result_free(r);
    else cr_assert_eq(st, LL_ENOMEM);
  }
  ll_file_result *r = NULL;
  cr_assert_eq(run(&SAMPLES[0], &r, NULL), LL_OK);
  ll_file_result_free(r);
}

Test(alloc, out_of_memory_overwrites_a_reused_error_record) {
  // Regression test for a bug fixed in the same change that enabled it.
  warm_up();
  ll_options o;
  ll_options_init(&o);
  o.max_file_size = 2;
  ll_error err = {0};
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source(&o, "a.js", "x = 1;", 6, &r, &err),
               LL_ETOOBIG);
  cr_assert_eq(err.code, LL_ETOOBIG);
  ll_options_init(&o);
  hooks_install(1);
  ll_status st = ll_analyze_source(&o, "b.js", "x = 1;", 6, &r, &err);
  hooks_remove();
  cr_assert_eq(st, LL_ENOMEM);
  cr_assert_eq(err.code, LL_ENOMEM, "err still says %s: %s",
               ll_status_name(err.code), err.message);
  assert_has(err.message, "b.js");
}
