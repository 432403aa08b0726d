/* Line tables: the byte offset where each line starts, ascending, with
 * line_starts[0] == 0. Shared by the JS node view and plain texts (C). */
#ifndef LL_BASE_LINES_H
#define LL_BASE_LINES_H

#include <stdint.h>

/** 0-based line containing `byte` (binary search; `n` >= 1). */
static inline uint32_t ll_line_of(const uint32_t *line_starts, uint32_t n,
                                  uint32_t byte) {
  uint32_t lo = 0, hi = n;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (line_starts[mid] <= byte) lo = mid;
    else hi = mid;
  }
  return lo;
}

#endif
