/* llrt's event loop and Node-like host (runtime/src/loop.c, node.c,
 * node_buffer.c, node_process.c, census_path.c).
 *
 * `llrt_node_install` attaches a **virtual-clock** event loop to a state and
 * installs the Node-like host: timers (`setTimeout`, `setInterval`,
 * `setImmediate`, their `clear*`, Timeout objects with ref/unref/hasRef/
 * refresh/close/[Symbol.toPrimitive]), `queueMicrotask`, `performance.now`,
 * `process` (an EventEmitter with `nextTick`, `env` (empty), `argv`,
 * `platform`, `version`, `cwd()` ("/"), `memoryUsage()`, `hrtime()`,
 * `uptime()`, `exit()`), the globals `Buffer`, `AbortController` and
 * `AbortSignal`, and the builtin modules `events`, `timers`,
 * `timers/promises`, `util` and `buffer` (each also as `node:NAME`).
 * CommonJS modules see `__filename` (the resolved path) and `__dirname`.
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
 * Real time: `llrt_node_install_ex(S, start, true)` puts the loop on
 * libuv's monotonic clock instead (a `uv_loop_t` owned by the loop, one
 * `uv_timer_t` driving the timer heap as in Node): `llrt_loop_run` then
 * blocks in `uv_run` until the next timer is due, and `Date.now()` and
 * `performance.now()` follow real time from `start`. Ordering rules are
 * the same in both modes; only the virtual one is deterministic. */
#ifndef LLRT_LOOP_H
#define LLRT_LOOP_H

#include "llrt.h"

/** Attaches the loop (virtual clock starting at `start_ms`, in ms since the
 * epoch, as `Date.now()` sees it) and installs the Node host. Call once,
 * before evaluating user code. Returns false when out of memory. */
bool llrt_node_install(llrt_state *S, double start_ms);
/** As `llrt_node_install`; with `real_time` the clock is libuv's (see
 * above) and `llrt_loop_run(S, ms, …)` waits up to `ms` real ms. */
bool llrt_node_install_ex(llrt_state *S, double start_ms, bool real_time);
/** Builds now what the Node host otherwise builds on first use (`process`
 * with `events`, `timers`, `timers/promises`, `util`): for a state that
 * is a template many runs copy (confirmation), so each copy does not pay
 * for it again. */
bool llrt_node_prebuild(llrt_state *S);
/** Sets `process.argv` (the strings are copied). */
bool llrt_node_set_argv(llrt_state *S, int argc, const char *const *argv);
/** True once the program called `process.exit(code)`; its code in `*code`.
 * The call stops the run: `llrt_loop_run`/`llrt_loop_drain` then return
 * LLRT_OK, while an `llrt_eval` whose top level exited returns
 * LLRT_THROWN with "process.exit(N)". */
bool llrt_node_exited(const llrt_state *S, LLRT_NULLABLE int *code);

/** Drains microtasks (nextTick queue, then promise jobs, until both are
 * empty). */
llrt_status llrt_loop_drain(llrt_state *S, llrt_result *out);
/** Runs the loop for `ms` of virtual time: fires every timer due up to
 * now + ms (in due order, then creation order), runs immediates, drains
 * microtasks after each callback, and leaves the clock at now + ms. With
 * `until_idle`, stops early when no ref'd timer or immediate is left. */
llrt_status llrt_loop_run(llrt_state *S, double ms, bool until_idle,
                          llrt_result *out);
/** The loop's clock (virtual, or real in real-time mode), in ms since the
 * epoch. */
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
  /* Where the most recent of them was added: for an EventTarget, the
   * `addEventListener` call; for an EventEmitter, where its function was
   * made — for an inline listener, the `on(…)` call. NULL: unknown. */
  const char *added_file;
  unsigned added_line, added_col;
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

/** Runs a major collection, then returns the bytes of the live Buffers
 * (Node's "external" memory): a Buffer that became garbage stops counting
 * at the collection that frees it. */
size_t llrt_node_external_bytes(llrt_state *S);

/** Reads, calls and `new` on phantom values so far (0 with phantoms off). */
uint64_t llrt_node_phantom_uses(const llrt_state *S);

/** Records the global object's own keys as the baseline of
 * `llrt_node_globals_added` (`llrt_node_install` already did it once). */
bool llrt_node_snapshot_globals(llrt_state *S);
/** Names of global properties added since the baseline, in creation
 * order. Returns one malloc'd block holding the array and the strings
 * (free it with `free`), NULL when there are none (`*n` = 0). */
LLRT_OWNED const char **llrt_node_globals_added(llrt_state *S, size_t *n);

/** Writes, for each of the `n` census rows `rows[i]` (from `llrt_census`),
 * one retaining path from a named root to a live object of that site and
 * type into `paths[i]` (malloc'd; NULL when none is live), shortest first,
 * as a chain such as "timer #3 (poll.js:14) -> closure onTick -> Array
 * (poll.js:9) -> 12,000 Object (poll.js:10)" — the last hop carries the
 * row's count.
 * Roots are named: live timers ("timer #ID (file:line)"), module-scope
 * bindings ("poll.js: name"), global properties ("global.name"), then the
 * engine's other roots ("root"). Runs a major collection first. Frees
 * nothing the caller passes; free each path with `free`. */
bool llrt_node_paths(llrt_state *S, const llrt_census_row *rows, size_t n,
                     LLRT_OWNED char **paths);

#endif
