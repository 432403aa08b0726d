/* A bump allocator: many small allocations, one free. Each analysed file owns
 * one arena for its node view, scopes, strings and findings. */
#ifndef LL_BASE_ARENA_H
#define LL_BASE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ll_arena ll_arena;

/** Creates an empty arena; free it with `ll_arena_free`. NULL on OOM. */
ll_arena *ll_arena_new(void);
/** The same with a first block of `first` bytes (later blocks double), for
 * arenas that usually hold little. */
ll_arena *ll_arena_new_sized(size_t first);
/** Frees the arena and everything allocated from it. NULL is a no-op. */
void ll_arena_free(ll_arena *a);
/** Returns `n` zeroed bytes aligned for any type, owned by the arena. */
void *ll_arena_alloc(ll_arena *a, size_t n);
/** Copies `s[0..n)` plus a NUL into the arena. */
char *ll_arena_strndup(ll_arena *a, const char *s, size_t n);
char *ll_arena_strdup(ll_arena *a, const char *s);
/** printf into the arena. */
char *ll_arena_printf(ll_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *ll_arena_vprintf(ll_arena *a, const char *fmt, va_list ap);
/** Bytes handed out so far (for tests and statistics). */
size_t ll_arena_used(const ll_arena *a);

#endif
