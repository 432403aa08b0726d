/* libgit2, loaded when the first file list honours .gitignore (git_api.c).
 *
 * leaklint links no libgit2: with it come a dozen libraries (TLS, Kerberos,
 * SSH, zlib) whose relocation was half of every process's start-up, paid
 * by `leaklint run`, `confirm` and `lsp` that never read an ignore file.
 * Every call goes through the table: `LLG(repository_free)(r)` is
 * `git_repository_free(r)`. Call `ll_git_load` before the first use; it is
 * thread-safe and idempotent. */
#ifndef LL_CLI_GIT_API_H
#define LL_CLI_GIT_API_H

#include <stdbool.h>

#include <git2.h>

typedef struct ll_git_api {
#define LL_GIT_FN(name) __typeof__(git_##name) *name;
#include "cli/git_api.def"
#undef LL_GIT_FN
} ll_git_api;

/** The table; valid once `ll_git_load` returned true. */
extern ll_git_api ll__git;

/** Loads libgit2 (once per process). False when it cannot, with the
 * reason (static text, or dlerror's) in `*why`. */
bool ll_git_load(const char **why);

#define LLG(name) (ll__git.name)

#endif
