/* Allocation through the replaceable hooks of `ll_set_allocator`. */
#ifndef LL_BASE_ALLOC_H
#define LL_BASE_ALLOC_H

#include <stddef.h>

#include "leaklint/leaklint.h"

void *ll_malloc(size_t n);
void *ll_calloc(size_t count, size_t n);
void *ll_realloc(void *p, size_t n);
void ll_free(void *p);
/** Returns a `ll_malloc`ed copy of `s[0..n)` with a terminating NUL. */
char *ll_strndup(const char *s, size_t n);
char *ll_strdup(const char *s);

#endif
