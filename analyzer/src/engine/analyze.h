/* The per-file pipeline's internal entry points, shared by analyze.c (the
 * pipeline) and analyze_cached.c (the parse cache of editors). */
#ifndef LL_ENGINE_ANALYZE_H
#define LL_ENGINE_ANALYZE_H

#include "frontend/js/js.h"
#include "leaklint/leaklint.h"

/** `ll_analyze_source`, parsing through `cache` when it is not NULL. */
ll_status ll__analyze_source(const ll_options *o, const char *path,
                             const char *src, size_t len,
                             ll_parse_cache *cache, ll_file_result **out,
                             ll_error *err);

/** `ll_js_parse` through `cache`: reparses from its tree (when it has one of
 * the same dialect) and keeps the new tree there. */
ll_status ll__parse_cache_parse(ll_parse_cache *cache, ll_js *js,
                                ll_arena *arena, const char *path,
                                const char *src, uint32_t len,
                                const ll_options *o);

#endif
