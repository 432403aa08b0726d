/* The globals Node shares with browsers (EventTarget, Event, CustomEvent,
 * DOMException, AbortController, AbortSignal), installed on first use
 * (lazy_global.c): they come from the browser host's JavaScript, which
 * costs milliseconds to build, so until a program reads or writes one of
 * them (`typeof` included) each name is an accessor that installs that part
 * (`llrt_browser_install_events`) and then does the read or write. */
#ifndef LLRT_LAZY_GLOBAL_H
#define LLRT_LAZY_GLOBAL_H

#include "object.h"

/** Defines the accessors on the global object (the Node host does). */
bool llrt__lazy_events_define(llrt_state *S);
/** Removes those still there (the installer calls it before it defines the
 * real globals). */
bool llrt__lazy_events_clear(llrt_state *S);

#endif
