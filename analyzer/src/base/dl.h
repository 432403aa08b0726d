/* Loading an optional shared library at first use (libclang, libgit2):
 * the first of several candidate paths that loads. */
#ifndef LL_BASE_DL_H
#define LL_BASE_DL_H

#include <stddef.h>

/** dlopen()s the first of `paths[0..n)` that loads (RTLD_NOW|RTLD_LOCAL);
 * NULL with the reason in `*why` (dlerror's, or `fallback`) when none does. */
void *ll_dl_open_first(const char *const *paths, size_t n, const char *fallback,
                       const char **why);

#endif
