/* The event loop's internals shared by loop.c (timers, microtasks, the
 * virtual clock) and node.c (process, events, require of builtins). */
#ifndef LLRT_LOOP_INTERNAL_H
#define LLRT_LOOP_INTERNAL_H

#include "runtime/include/llrt_loop.h"
#include "object.h"

enum { LT_TIMEOUT, LT_INTERVAL, LT_IMMEDIATE };

/* One timer or immediate. C memory: referenced from `byid`, the live list,
 * the priority queue (possibly by stale entries) and the immediate FIFO. It
 * is released (values dropped, unlinked) when cleared or done, and freed
 * once no queue entry points at it. */
typedef struct lt_timer {
  uint32_t id;
  uint8_t kind;
  bool active, ref, firing;
  uint32_t npq;       /* priority-queue entries pointing here */
  bool in_imm;        /* in the immediate FIFO */
  double due, delay;
  uint64_t seq;       /* the queue entry that is current */
  uint32_t site;      /* the call that created it */
  llrt_value fn, obj, args; /* traced while active */
  struct lt_timer *prev, *next; /* live list, creation order */
} lt_timer;

typedef struct lt_pqent {
  double due;
  uint64_t seq;
  lt_timer *t;
} lt_pqent;

/* Values the loop keeps (one root set). `LV_GLOBALS` is the array of the
 * global object's own keys right after the host was installed; `LV_ARGV`
 * the argv array waiting for `process` to be built (node.c: on first use). */
enum { LV_TIMEOUT_PROTO, LV_IMMEDIATE_PROTO, LV_SYM_ID, LV_TICKS,
       LV_PROCESS, LV_EMITTER_PROTO, LV_BUFFER_PROTO, LV_GLOBALS, LV_ENV,
       LV_ARGV, LV_COUNT };

struct lt_uv; /* loop.c: the libuv loop of the real-time mode */

typedef struct llrt_loop {
  double now, start;
  uint64_t seq;
  uint32_t next_id;
  lt_timer **byid;      /* id -> live timer (NULL when released) */
  size_t byidcap;
  lt_pqent *pq;         /* binary min-heap on (due, seq) */
  size_t npq, pqcap;
  lt_timer **imm;       /* immediate FIFO */
  size_t nimm, immhead, immcap;
  lt_timer *live_first, *live_last;
  size_t nlive, nref;
  uint32_t tickhead;
  llrt_value v[LV_COUNT];
  struct lt_uv *uv;     /* non-NULL: real-time mode (libuv clock) */
  uint64_t hr0;         /* uv_hrtime() when the real clock read `start` */
  bool exited;          /* process.exit() was called */
  int exit_code;
} llrt_loop;

double llrt__loop_now(const llrt_state *S);
void llrt__loop_free(llrt_state *S);
/** loop.c: creates the loop and installs timers and queueMicrotask; with
 * `real_time`, the clock follows libuv's monotonic time from `start_ms`. */
bool llrt__loop_install(llrt_state *S, double start_ms, bool real_time);
/** loop.c: the nextTick native (node.c puts it on `process`). */
llrt_value llrt__loop_next_tick_fn(llrt_state *S);

/* ==== node_buffer.c, node_process.c ==== */

/** Installs the global `Buffer` and the module `node:buffer`. */
bool llrt__node_buffer_init(llrt_state *S);
/** Sums the lengths of the Buffers on the heap lists (no collection: a
 * garbage Buffer counts until a collection frees it). */
size_t llrt__node_buffer_bytes(llrt_state *S);
/** Adds env, argv, platform, version, cwd, memoryUsage, hrtime, uptime and
 * exit to the `process` object. */
bool llrt__node_process_init(llrt_state *S, llrt_value process);
/** Adds the natives `format` and `inspect` to `util`'s exports. */
bool llrt__node_util_init(llrt_state *S, llrt_value util);
/** state.c's failure-to-result conversion, for the loop's callbacks. */
llrt_status llrt__fail_result(llrt_state *S, llrt_result *out);
/** A host's own module (builtin JavaScript source) evaluated as `path`;
 * false only when out of memory (the tests run every host module). */
bool llrt__host_eval_module(llrt_state *S, const char *path, const char *src,
                            size_t len);
/** `module.exports` of the module cached as `path`, UNDEF when there is
 * none, or EXC. */
llrt_value llrt__host_module_exports(llrt_state *S, const char *path);

#endif
