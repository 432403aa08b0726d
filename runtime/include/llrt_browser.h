/* llrt's browser-like host (runtime/src/browser.c, browser_events.c,
 * browser_dom.c).
 *
 * `llrt_browser_install` adds, on top of the Node host's loop: `window`,
 * `self` (both the global object, itself an EventTarget), `EventTarget`,
 * `Event`, `CustomEvent` and the UI event classes, `DOMException`,
 * `AbortController`/`AbortSignal` (with `abort`, `timeout`, `any`), a
 * `document` with elements (a small tree: appendChild/removeChild,
 * attributes, classList, style, simple selectors), `requestAnimationFrame`
 * on the virtual clock, `ResizeObserver`, `MutationObserver`,
 * `IntersectionObserver`, `localStorage`/`sessionStorage`, `location`,
 * `navigator`, `matchMedia`.
 *
 * It models what keeps things alive in a page: listeners live on their
 * target until removed (by `removeEventListener`, `once`, or their
 * `signal`); `document.querySelector` and `getElementById` always answer,
 * with the same element for the same selector or id, so listeners
 * accumulate on it as on a real page; an observer observing a target is
 * held by the document until `disconnect()` or its last `unobserve()`.
 * DOM elements and `document` are phantom-tailed (phantom.h): with phantoms
 * on, an API the host lacks reads as a phantom instead of undefined. */
#ifndef LLRT_BROWSER_H
#define LLRT_BROWSER_H

#include "llrt.h"
#include "llrt_loop.h"

/** Installs the part of the host Node has too: `EventTarget`, `Event`,
 * `CustomEvent`, `DOMException`, `AbortController`/`AbortSignal` (and
 * `requestAnimationFrame`). The Node host installs it on first use of one of
 * those globals. Returns false without the loop or out of memory. */
bool llrt_browser_install_events(llrt_state *S);

/** Installs the browser host. Call after `llrt_node_install` (it needs the
 * loop's timers) and before user code; calling it twice does nothing.
 * Returns false when out of memory. */
bool llrt_browser_install(llrt_state *S);

/** Runs a major collection, then lists listener counts per live
 * (EventTarget, type). `emitter` is "window", "document", an element as
 * "div#id" (tag, then `#id` when it has one), or the target's constructor
 * name ("AbortSignal", "EventTarget", a subclass's name); `file`/`line`/
 * `col` say where the target was allocated (NULL for the host's own
 * objects). Returns a malloc'd array of `*n` entries the caller frees with
 * `free` (NULL with `*n` 0 when there are none or the host is missing). */
LLRT_OWNED llrt_listener_info *llrt_browser_listeners(llrt_state *S, size_t *n);

/** Runs a major collection, then counts live ResizeObserver,
 * MutationObserver and IntersectionObserver objects observing at least one
 * target. */
size_t llrt_browser_observers(llrt_state *S);

#endif
