/* The confirmation watch (watch.c): which node's evaluation counts as the
 * finding's site running (`S->site_hits`), and which functions around it
 * have their latest closure kept (`S->watch_closure`), innermost first, so
 * the driver can call them as entries. Set `S->watch_path`, `watch_start`
 * and `watch_end` before loading the file; `llrt_eval` resolves the watch
 * when it compiles that file. */
#ifndef LLRT_WATCH_H
#define LLRT_WATCH_H

#include "interp.h"

void llrt__watch_resolve(llrt_state *S, llrt_script *sc);

/** True for the node kinds that make a callable closure. */
bool llrt__is_function_node(ll_kind k);

#endif
