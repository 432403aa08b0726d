/* What the runtime host suites share: console capture (an `llrt_print_fn`
 * that appends each printed line to a buffer, followed by `sep` ('\n' when
 * 0; test_loop.c joins with spaces to compare one-line orders)), and
 * evaluating a program (as EVAL_PATH, "t.js" unless the suite defines it
 * first) or running the loop with the result asserted OK. */
#ifndef LL_TESTS_RUNTIME_CAPTURE_H
#define LL_TESTS_RUNTIME_CAPTURE_H

#include <criterion/criterion.h>
#include <string.h>

#include "runtime/include/llrt_loop.h"

#ifndef EVAL_PATH
#define EVAL_PATH "t.js"
#endif

typedef struct out_buf {
  char s[16384];
  size_t n;
  char sep;
} out_buf;

static inline void capture(void *ud, int level, const char *s, size_t n) {
  (void)level;
  out_buf *b = ud;
  if (b->n + n + 2 >= sizeof b->s) return;
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n++] = b->sep ? b->sep : '\n';
  b->s[b->n] = 0;
}

static inline void eval_ok(llrt_state *S, const char *src) {
  llrt_result r;
  llrt_status st = llrt_eval(S, EVAL_PATH, src, strlen(src), true, &r);
  cr_assert_eq(st, LLRT_OK, "%s at %u", r.message ? r.message : "?", r.line);
  llrt_result_fini(&r);
}

static inline void loop_ok(llrt_state *S, double ms, bool idle) {
  llrt_result r;
  llrt_status st = llrt_loop_run(S, ms, idle, &r);
  cr_assert_eq(st, LLRT_OK, "%s", r.message ? r.message : "?");
  llrt_result_fini(&r);
}

#endif
