/* Loading libclang at first use (clang_api.h). The library is the one the
 * build found (`LL_LIBCLANG_PATH`, a CMake definition); its soname is tried
 * next, so a moved build still finds the system's. LEAKLINT_LIBCLANG=PATH
 * picks another one (and only that one). */
#include "frontend/c/clang_api.h"

#include "base/dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

ll_clang_api ll__clang;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure = "libclang was not loaded"; /* NULL once loaded */

static void load(void) {
  const char *paths[] = {LL_LIBCLANG_PATH, LL_LIBCLANG_SONAME};
  size_t n = sizeof paths / sizeof *paths;
  const char *env = getenv("LEAKLINT_LIBCLANG"); /* another libclang, by path */
  if (env && *env) paths[0] = env, n = 1;
  void *h = ll_dl_open_first(paths, n, "libclang could not be loaded", &failure);
  if (!h) return;
#define LL_CLANG_FN(name)                                                      \
  if (!(*(void **)&ll__clang.name = dlsym(h, "clang_" #name))) {              \
    failure = "libclang lacks clang_" #name;                                   \
    return;                                                                    \
  }
#include "frontend/c/clang_api.def"
#undef LL_CLANG_FN
  failure = NULL;
}

bool ll_clang_load(const char **why) {
  pthread_once(&once, load); /* `failure` is written only in there */
  if (failure && why) *why = failure;
  return failure == NULL;
}
