/* libclang, loaded when the first C file is analysed (clang_api.c).
 *
 * leaklint links no libclang: it `dlopen`s the build's libclang on first
 * use, so a run that checks JavaScript only (and `leaklint run`, `confirm`,
 * `lsp` on JS) never pays for relocating libLLVM — tens of milliseconds and
 * tens of MiB per process. Every call goes through the table:
 * `LLC(getCursorKind)(c)` is `clang_getCursorKind(c)`. Call
 * `ll_clang_load` before the first use; it is thread-safe and idempotent. */
#ifndef LL_FRONTEND_C_CLANG_API_H
#define LL_FRONTEND_C_CLANG_API_H

#include <stdbool.h>

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>

typedef struct ll_clang_api {
#define LL_CLANG_FN(name) __typeof__(clang_##name) *name;
#include "frontend/c/clang_api.def"
#undef LL_CLANG_FN
} ll_clang_api;

/** The table; valid once `ll_clang_load` returned true. */
extern ll_clang_api ll__clang;

/** Loads libclang (once per process). False when it cannot, with the
 * reason (static text, or dlerror's) in `*why`. */
bool ll_clang_load(const char **why);

#define LLC(name) (ll__clang.name)

#endif
