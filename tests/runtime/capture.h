/* Console capture shared by the runtime host suites: an `llrt_print_fn`
 * that appends each printed line to a buffer, followed by `sep` ('\n' when
 * 0; test_loop.c joins with spaces to compare one-line orders). */
#ifndef LL_TESTS_RUNTIME_CAPTURE_H
#define LL_TESTS_RUNTIME_CAPTURE_H

#include <string.h>

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

#endif
