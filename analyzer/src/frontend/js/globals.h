/* Sets of known global names, from rules/globals/<env>.txt. */
#ifndef LL_FRONTEND_JS_GLOBALS_H
#define LL_FRONTEND_JS_GLOBALS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ll_name_set ll_name_set;

/** The set for these LL_ENV_* bits (ES builtins always included). Built on
 * first use, shared by all threads, read-only, lives as long as the process.
 * NULL on out-of-memory. */
const ll_name_set *ll__globals_for_env(unsigned env);
bool ll__name_set_has(const ll_name_set *s, const char *name, size_t len);

#endif
