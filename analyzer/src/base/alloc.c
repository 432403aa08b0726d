/* The allocation hooks. Every byte leaklint allocates goes through here, so a
 * test can count, limit or fail allocations (`ll_set_allocator`). The hooks
 * are process-wide and must be set before any other call. */
#include "base/alloc.h"

#include <stdlib.h>
#include <string.h>

static void *(*hook_malloc)(size_t) = malloc;
static void *(*hook_calloc)(size_t, size_t) = calloc;
static void *(*hook_realloc)(void *, size_t) = realloc;
static void (*hook_free)(void *) = free;

void ll_set_allocator(void *(*new_malloc)(size_t),
                      void *(*new_calloc)(size_t, size_t),
                      void *(*new_realloc)(void *, size_t),
                      void (*new_free)(void *)) {
  hook_malloc = new_malloc ? new_malloc : malloc;
  hook_calloc = new_calloc ? new_calloc : calloc;
  hook_realloc = new_realloc ? new_realloc : realloc;
  hook_free = new_free ? new_free : free;
}

void *ll_malloc(size_t n) { return hook_malloc(n ? n : 1); }
void *ll_calloc(size_t count, size_t n) {
  return hook_calloc(count ? count : 1, n ? n : 1);
}
void *ll_realloc(void *p, size_t n) { return hook_realloc(p, n ? n : 1); }
void ll_free(void *p) {
  if (p) hook_free(p);
}

char *ll_strndup(const char *s, size_t n) {
  char *r = ll_malloc(n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

char *ll_strdup(const char *s) { return ll_strndup(s, strlen(s)); }
