/* Growable arrays of any element type, as macros over a small struct:
 *
 *   ll_array(int) xs = {0};
 *   if (!ll_array_push(&xs, 42)) goto fail;
 *   ll_array_free(&xs);
 *
 * Storage comes from `ll_realloc`; a failed push leaves the array unchanged
 * and evaluates to false. */
#ifndef LL_BASE_ARRAY_H
#define LL_BASE_ARRAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/alloc.h"

#define ll_array(T)  \
  struct {           \
    T *items;        \
    uint32_t len;    \
    uint32_t cap;    \
  }

/* Makes room for `extra` more elements of size `elem`. */
static inline bool ll__array_grow(void **items, uint32_t len, uint32_t *cap,
                                  size_t extra, size_t elem) {
  size_t need = (size_t)len + extra;
  if (need <= *cap) return true;
  if (need > UINT32_MAX) return false;
  size_t cap2 = *cap ? *cap : 8;
  while (cap2 < need) cap2 *= 2;
  if (cap2 > UINT32_MAX) cap2 = UINT32_MAX;
  void *p = ll_realloc(*items, cap2 * elem);
  if (!p) return false;
  *items = p;
  *cap = (uint32_t)cap2;
  return true;
}

#define ll_array_reserve(a, extra)                                        \
  ll__array_grow((void **)&(a)->items, (a)->len, &(a)->cap, (extra),      \
                 sizeof *(a)->items)

#define ll_array_push(a, value) \
  (ll_array_reserve((a), 1) ? ((a)->items[(a)->len++] = (value), true) : false)

#define ll_array_free(a)     \
  do {                       \
    ll_free((a)->items);     \
    (a)->items = NULL;       \
    (a)->len = (a)->cap = 0; \
  } while (0)

#define ll_array_last(a) ((a)->items[(a)->len - 1])

#endif
