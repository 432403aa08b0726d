#include "base/dl.h"

#include <dlfcn.h>

void *ll_dl_open_first(const char *const *paths, size_t n, const char *fallback,
                       const char **why) {
  void *h = NULL;
  for (size_t i = 0; !h && i < n; i++) h = dlopen(paths[i], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    *why = e ? e : fallback;
  }
  return h;
}
