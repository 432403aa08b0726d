/* llrt's event loop and Node-like host (runtime/src/loop.c, node.c).
 *
 * `llrt_node_install` attaches a **virtual-clock** event loop to a state and
 * installs the Node-like host: timers (`setTimeout`, `setInterval`,
 * `setImmediate`, their `clear*`, Timeout objects with ref/unref/hasRef/
 * refresh/close/[Symbol.toPrimitive]), `queueMicrotask`, `performance.now`,
 * `process` (an EventEmitter with `nextTick`), and the builtin modules
 * `events` and `timers` (also as `node:events`, `node:timers`).
 *
 * The virtual clock never sleeps: `llrt_loop_run` jumps from one due timer
 * to the next, so an hour of `setInterval(f, 1000)` costs only the
 * callbacks. `Date.now()` and `performance.now()` follow it. Microtasks run
 * with Node's ordering: all `process.nextTick` callbacks, then all promise
 * jobs, repeated until both queues are empty, after the main script and
 * after every timer or immediate callback.
 *
 * Timers' callbacks, arguments and Timeout objects are GC roots (a tracer
 * registered through `llrt_root_add_tracer`) only while the timer is live: a
 * cleared timer, or a timeout that fired, is released.
 *
 * A real-time (libuv) clock is not implemented yet (issue #4). */
#ifndef LLRT_LOOP_H
#define LLRT_LOOP_H

#include "llrt.h"

/** Attaches the loop (virtual clock starting at `start_ms`, in ms since the
 * epoch, as `Date.now()` sees it) and installs the Node host. Call once,
 * before evaluating user code. Returns false when out of memory. */
bool llrt_node_install(llrt_state *S, double start_ms);

/** Drains microtasks (nextTick queue, then promise jobs, until both are
 * empty). */
llrt_status llrt_loop_drain(llrt_state *S, llrt_result *out);
/** Runs the loop for `ms` of virtual time: fires every timer due up to
 * now + ms (in due order, then creation order), runs immediates, drains
 * microtasks after each callback, and leaves the clock at now + ms. With
 * `until_idle`, stops early when no ref'd timer or immediate is left. */
llrt_status llrt_loop_run(llrt_state *S, double ms, bool until_idle,
                          llrt_result *out);
/** The virtual clock, in ms since the epoch. */
double llrt_loop_now(const llrt_state *S);

typedef struct llrt_timer_info {
  uint32_t id;
  const char *kind;   /* "setTimeout", "setInterval", "setImmediate" (static) */
  double delay;       /* ms (0 for immediates) */
  bool ref;
  const char *file;   /* creation site, borrowed; NULL when unknown */
  unsigned line, col;
} llrt_timer_info;
/** Live (not yet released) timers and immediates, oldest first. Returns a
 * malloc'd array of `*n` entries (free with `free`). */
LLRT_OWNED llrt_timer_info *llrt_loop_timers(llrt_state *S, size_t *n);

typedef struct llrt_listener_info {
  char emitter[64];   /* "process", or the emitter's constructor name */
  const char *file;   /* where the emitter was allocated, borrowed; NULL: runtime */
  unsigned line, col;
  char event[64];
  size_t count;
} llrt_listener_info;
/** Runs a major collection, then lists listener counts per live
 * (EventEmitter, event). Malloc'd array of `*n` entries. */
LLRT_OWNED llrt_listener_info *llrt_node_listeners(llrt_state *S, size_t *n);

/** Calls the function `name` of the module loaded from `path` (by
 * `llrt_eval(S, path, …, true, …)`): its `module.exports[name]`, else a
 * top-level binding of that name, else a global. No arguments, `this`
 * undefined; microtasks are drained afterwards. LLRT_THROWN with
 * "entry 'NAME' is not a function" when nothing callable has that name. */
llrt_status llrt_node_call(llrt_state *S, const char *path, const char *name,
                           llrt_result *out);

#endif
