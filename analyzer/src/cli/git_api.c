/* Loading libgit2 at first use (git_api.h). The library is the one the
 * build found (`LL_LIBGIT2_PATH`, a CMake definition); its file name is
 * tried next, so a moved build still finds the system's. */
#include "cli/git_api.h"

#include "base/dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

ll_git_api ll__git;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure = "libgit2 was not loaded"; /* NULL once loaded */

static void load(void) {
  const char *const paths[] = {LL_LIBGIT2_PATH, LL_LIBGIT2_SONAME};
  void *h = ll_dl_open_first(paths, sizeof paths / sizeof *paths,
                             "libgit2 could not be loaded", &failure);
  if (!h) return;
#define LL_GIT_FN(name)                                                        \
  if (!(*(void **)&ll__git.name = dlsym(h, "git_" #name))) {                   \
    failure = "libgit2 lacks git_" #name;                                      \
    return;                                                                    \
  }
#include "cli/git_api.def"
#undef LL_GIT_FN
  failure = NULL;
}

bool ll_git_load(const char **why) {
  pthread_once(&once, load); /* `failure` is written only in there */
  if (failure && why) *why = failure;
  return failure == NULL;
}
