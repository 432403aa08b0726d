/* Scope analysis over the node view (called by `ll_js_parse`). */
#ifndef LL_FRONTEND_JS_SCOPE_H
#define LL_FRONTEND_JS_SCOPE_H

#include "frontend/js/js.h"

/** Builds scopes and bindings, resolves every identifier, records strictness
 * and the known globals. Returns LL_ENOMEM on failure. */
ll_status ll__js_analyze_scopes(ll_js *js, const char *path, unsigned env,
                                const char *const *globals, size_t nglobals);

#endif
