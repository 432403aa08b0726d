/* Globals installed on first use (lazy_global.c). A host part that costs
 * milliseconds to build — the browser host's JavaScript — is installed only
 * when the program reads or writes one of the globals it defines
 * (`typeof window` included): until then each of those names is an accessor
 * that installs the part, then does the read or write. */
#ifndef LLRT_LAZY_GLOBAL_H
#define LLRT_LAZY_GLOBAL_H

#include "object.h"

typedef enum llrt_lazy_kind {
  LLRT_LAZY_EVENTS, /* EventTarget, Event, AbortController, … (Node has them) */
} llrt_lazy_kind;

/** Defines the accessors of `kind` on the global object. */
bool llrt__lazy_define(llrt_state *S, llrt_lazy_kind kind);
/** Removes the accessors of `kind` that are still there (the installer
 * calls it before it defines the real globals). */
bool llrt__lazy_clear(llrt_state *S, llrt_lazy_kind kind);

#endif
