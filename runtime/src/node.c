/* The Node-like host: `process` (an EventEmitter with nextTick; its other
 * properties are in node_process.c), the builtin modules `events`,
 * `timers`, `timers/promises`, `util` and `buffer` (node_buffer.c), the
 * globals Node shares with browsers (`EventTarget`, `Event`,
 * `AbortController`, `AbortSignal`, … from browser_events.c, installed on
 * first use: lazy_global.h), calling an entry function of a
 * loaded module, the listener census and the list of globals a program
 * added.
 *
 * `events` is written in JavaScript (below) and compiled once per state as
 * the module "node:events", so it has Node's data layout: `_events` is a
 * null-prototype object mapping an event to one function or an array of
 * them, `_eventsCount` counts events. The listener census reads that layout
 * from every live object after a major collection.
 *
 * Must never: touch files or the clock (the loop owns time). */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "lazy_global.h"
#include "loop.h"

static const char events_src[] =
    "'use strict';\n"
    "function EventEmitter(opts) { EventEmitter.init.call(this, opts); }\n"
    "EventEmitter.prototype._events = undefined;\n"
    "EventEmitter.prototype._eventsCount = 0;\n"
    "EventEmitter.prototype._maxListeners = undefined;\n"
    "EventEmitter.defaultMaxListeners = 10;\n"
    "EventEmitter.init = function (opts) {\n"
    "  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {\n"
    "    this._events = Object.create(null);\n"
    "    this._eventsCount = 0;\n"
    "  }\n"
    "  this._maxListeners = this._maxListeners || undefined;\n"
    "};\n"
    "function checkListener(l) {\n"
    "  if (typeof l !== 'function')\n"
    "    throw new TypeError('The \"listener\" argument must be of type function. Received ' +\n"
    "      (l === null ? 'null' : typeof l === 'object' ? 'an instance of Object' : 'type ' + typeof l + ' (' + String(l) + ')'));\n"
    "}\n"
    "function addListener(target, type, listener, prepend) {\n"
    "  checkListener(listener);\n"
    "  let events = target._events;\n"
    "  if (events === undefined) {\n"
    "    events = target._events = Object.create(null);\n"
    "    target._eventsCount = 0;\n"
    "  } else if (events.newListener !== undefined) {\n"
    "    target.emit('newListener', type, listener.listener ? listener.listener : listener);\n"
    "    events = target._events;\n"
    "  }\n"
    "  const existing = events[type];\n"
    "  if (existing === undefined) {\n"
    "    events[type] = listener;\n"
    "    ++target._eventsCount;\n"
    "  } else if (typeof existing === 'function') {\n"
    "    events[type] = prepend ? [listener, existing] : [existing, listener];\n"
    "  } else if (prepend) {\n"
    "    existing.unshift(listener);\n"
    "  } else {\n"
    "    existing.push(listener);\n"
    "  }\n"
    "  const list = events[type];\n"
    "  const m = target.getMaxListeners();\n"
    "  if (m > 0 && typeof list !== 'function' && list.length > m && !list.warned) {\n"
    "    list.warned = true;\n"
    "    const name = target.constructor && target.constructor.name || 'EventEmitter';\n"
    "    const msg = '(node) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. ' +\n"
    "      list.length + ' ' + String(type) + ' listeners added to [' + name + ']. MaxListeners is ' + m +\n"
    "      '. Use emitter.setMaxListeners() to increase limit';\n"
    "    globalThis.process.nextTick(() => console.error(msg));\n"
    "  }\n"
    "  return target;\n"
    "}\n"
    "EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) { this._maxListeners = n; return this; };\n"
    "EventEmitter.prototype.getMaxListeners = function getMaxListeners() {\n"
    "  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;\n"
    "};\n"
    "EventEmitter.prototype.addListener = function addListener_(type, listener) { return addListener(this, type, listener, false); };\n"
    "EventEmitter.prototype.on = EventEmitter.prototype.addListener;\n"
    "EventEmitter.prototype.prependListener = function prependListener(type, listener) { return addListener(this, type, listener, true); };\n"
    "function onceWrapper(...args) {\n"
    "  if (!this.fired) {\n"
    "    this.target.removeListener(this.type, this.wrapFn);\n"
    "    this.fired = true;\n"
    "    return this.listener.apply(this.target, args);\n"
    "  }\n"
    "}\n"
    "function onceWrap(target, type, listener) {\n"
    "  const state = { fired: false, wrapFn: undefined, target, type, listener };\n"
    "  const wrapped = onceWrapper.bind(state);\n"
    "  wrapped.listener = listener;\n"
    "  state.wrapFn = wrapped;\n"
    "  return wrapped;\n"
    "}\n"
    "EventEmitter.prototype.once = function once(type, listener) {\n"
    "  checkListener(listener);\n"
    "  this.on(type, onceWrap(this, type, listener));\n"
    "  return this;\n"
    "};\n"
    "EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {\n"
    "  checkListener(listener);\n"
    "  this.prependListener(type, onceWrap(this, type, listener));\n"
    "  return this;\n"
    "};\n"
    "EventEmitter.prototype.removeListener = function removeListener(type, listener) {\n"
    "  checkListener(listener);\n"
    "  const events = this._events;\n"
    "  if (events === undefined) return this;\n"
    "  const list = events[type];\n"
    "  if (list === undefined) return this;\n"
    "  if (list === listener || list.listener === listener) {\n"
    "    if (--this._eventsCount === 0) this._events = Object.create(null);\n"
    "    else delete events[type];\n"
    "    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);\n"
    "  } else if (typeof list !== 'function') {\n"
    "    let position = -1;\n"
    "    for (let i = list.length - 1; i >= 0; i--) {\n"
    "      if (list[i] === listener || list[i].listener === listener) { position = i; break; }\n"
    "    }\n"
    "    if (position < 0) return this;\n"
    "    if (position === 0) list.shift(); else list.splice(position, 1);\n"
    "    if (list.length === 1) events[type] = list[0];\n"
    "    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);\n"
    "  }\n"
    "  return this;\n"
    "};\n"
    "EventEmitter.prototype.off = EventEmitter.prototype.removeListener;\n"
    "EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {\n"
    "  const events = this._events;\n"
    "  if (events === undefined) return this;\n"
    "  if (arguments.length === 0) {\n"
    "    this._events = Object.create(null);\n"
    "    this._eventsCount = 0;\n"
    "  } else if (events[type] !== undefined) {\n"
    "    if (--this._eventsCount === 0) this._events = Object.create(null);\n"
    "    else delete events[type];\n"
    "  }\n"
    "  return this;\n"
    "};\n"
    "EventEmitter.prototype.listeners = function listeners(type) {\n"
    "  const l = this._events === undefined ? undefined : this._events[type];\n"
    "  if (l === undefined) return [];\n"
    "  if (typeof l === 'function') return [l.listener || l];\n"
    "  return l.map((f) => f.listener || f);\n"
    "};\n"
    "EventEmitter.prototype.rawListeners = function rawListeners(type) {\n"
    "  const l = this._events === undefined ? undefined : this._events[type];\n"
    "  if (l === undefined) return [];\n"
    "  return typeof l === 'function' ? [l] : l.slice();\n"
    "};\n"
    "function listenerCount(type) {\n"
    "  const l = this._events === undefined ? undefined : this._events[type];\n"
    "  if (l === undefined) return 0;\n"
    "  return typeof l === 'function' ? 1 : l.length;\n"
    "}\n"
    "EventEmitter.prototype.listenerCount = listenerCount;\n"
    "EventEmitter.listenerCount = (emitter, type) => listenerCount.call(emitter, type);\n"
    "EventEmitter.prototype.eventNames = function eventNames() {\n"
    "  return this._eventsCount > 0 ? Object.keys(this._events) : [];\n"
    "};\n"
    "EventEmitter.prototype.emit = function emit(type, ...args) {\n"
    "  const events = this._events;\n"
    "  const handler = events === undefined ? undefined : events[type];\n"
    "  if (handler === undefined) {\n"
    "    if (type === 'error') {\n"
    "      const er = args[0];\n"
    "      if (er instanceof Error) throw er;\n"
    "      throw new Error('Unhandled error. (' + String(er) + ')');\n"
    "    }\n"
    "    return false;\n"
    "  }\n"
    "  if (typeof handler === 'function') {\n"
    "    handler.apply(this, args);\n"
    "  } else {\n"
    "    const listeners = handler.slice();\n"
    "    for (let i = 0; i < listeners.length; ++i) listeners[i].apply(this, args);\n"
    "  }\n"
    "  return true;\n"
    "};\n"
    "EventEmitter.EventEmitter = EventEmitter;\n"
    "module.exports = EventEmitter;\n";

static const char process_src[] =
    "'use strict';\n"
    "const EventEmitter = require('events');\n"
    "function process() {}\n"
    "Object.setPrototypeOf(process.prototype, EventEmitter.prototype);\n"
    "const p = new process();\n"
    "EventEmitter.init.call(p);\n"
    "module.exports = p;\n";

static const char timers_src[] =
    "'use strict';\n"
    "module.exports = { setTimeout, clearTimeout, setInterval, clearInterval,\n"
    "  setImmediate, clearImmediate };\n";

/* timers/promises: promises on the same timers (so they order with the
 * callback forms), an AbortSignal option, and `setInterval` as an async
 * iterator (`next`/`return`, so `for await` works). */
static const char timers_promises_src[] =
    "'use strict';\n"
    "const { setTimeout: st, clearTimeout: ct, setImmediate: si, clearImmediate: ci,\n"
    "  setInterval: sv, clearInterval: cv } = globalThis;\n"
    "function abortError(signal) {\n"
    "  const e = new Error('The operation was aborted');\n"
    "  e.name = 'AbortError'; e.code = 'ABORT_ERR';\n"
    "  if (signal && signal.reason !== undefined) e.cause = signal.reason;\n"
    "  return e;\n"
    "}\n"
    "function checkOptions(options) {\n"
    "  if (options === null || typeof options !== 'object')\n"
    "    throw new TypeError('The \"options\" argument must be of type object.');\n"
    "  return options.signal;\n"
    "}\n"
    "function later(make, clear, delay, value, options) {\n"
    "  let signal;\n"
    "  try { signal = checkOptions(options); } catch (e) { return Promise.reject(e); }\n"
    "  if (signal && signal.aborted) return Promise.reject(abortError(signal));\n"
    "  return new Promise((resolve, reject) => {\n"
    "    let onAbort;\n"
    "    const t = make(() => {\n"
    "      if (signal) signal.removeEventListener('abort', onAbort);\n"
    "      resolve(value);\n"
    "    }, delay);\n"
    "    if (options.ref === false) t.unref();\n"
    "    if (signal) {\n"
    "      onAbort = () => { clear(t); reject(abortError(signal)); };\n"
    "      signal.addEventListener('abort', onAbort, { once: true });\n"
    "    }\n"
    "  });\n"
    "}\n"
    "function setTimeout(delay, value, options = {}) { return later(st, ct, delay, value, options); }\n"
    "function setImmediate(value, options = {}) {\n"
    "  return later((f) => si(f), ci, 0, value, options);\n"
    "}\n"
    "function setInterval(delay, value, options = {}) {\n"
    "  const signal = checkOptions(options);\n"
    "  let pending = 0, waiter = null, done = false, onAbort;\n"
    "  const timer = sv(() => {\n"
    "    if (waiter) { const w = waiter; waiter = null; w.resolve({ value, done: false }); }\n"
    "    else pending++;\n"
    "  }, delay);\n"
    "  if (options.ref === false) timer.unref();\n"
    "  function finish() { done = true; cv(timer); if (signal) signal.removeEventListener('abort', onAbort); }\n"
    "  if (signal) {\n"
    "    onAbort = () => {\n"
    "      finish();\n"
    "      if (waiter) { const w = waiter; waiter = null; w.reject(abortError(signal)); }\n"
    "    };\n"
    "    if (signal.aborted) done = true, cv(timer);\n"
    "    else signal.addEventListener('abort', onAbort, { once: true });\n"
    "  }\n"
    "  return {\n"
    "    next() {\n"
    "      if (signal && signal.aborted) return Promise.reject(abortError(signal));\n"
    "      if (done) return Promise.resolve({ value: undefined, done: true });\n"
    "      if (pending > 0) { pending--; return Promise.resolve({ value, done: false }); }\n"
    "      return new Promise((resolve, reject) => { waiter = { resolve, reject }; });\n"
    "    },\n"
    "    return() {\n"
    "      finish();\n"
    "      if (waiter) { const w = waiter; waiter = null; w.resolve({ value: undefined, done: true }); }\n"
    "      return Promise.resolve({ value: undefined, done: true });\n"
    "    },\n"
    "    [Symbol.asyncIterator]() { return this; },\n"
    "  };\n"
    "}\n"
    "const scheduler = { wait: (delay, options) => setTimeout(delay, undefined, options),\n"
    "  yield: () => setImmediate() };\n"
    "const custom = Symbol.for('nodejs.util.promisify.custom');\n"
    "st[custom] = setTimeout;\n"
    "si[custom] = setImmediate;\n"
    "module.exports = { setTimeout, setImmediate, setInterval, scheduler };\n";

/* util: the JavaScript half (format and inspect are natives added by
 * node_process.c). */
static const char util_src[] =
    "'use strict';\n"
    "const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');\n"
    "function promisify(original) {\n"
    "  if (typeof original !== 'function')\n"
    "    throw new TypeError('The \"original\" argument must be of type function');\n"
    "  if (typeof original[kCustomPromisify] === 'function') return original[kCustomPromisify];\n"
    "  function fn(...args) {\n"
    "    return new Promise((resolve, reject) => {\n"
    "      original.call(this, ...args, (err, ...values) => {\n"
    "        if (err) reject(err); else resolve(values[0]);\n"
    "      });\n"
    "    });\n"
    "  }\n"
    "  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));\n"
    "  return fn;\n"
    "}\n"
    "promisify.custom = kCustomPromisify;\n"
    "function callbackify(original) {\n"
    "  if (typeof original !== 'function')\n"
    "    throw new TypeError('The \"original\" argument must be of type function');\n"
    "  return function (...args) {\n"
    "    const cb = args.pop();\n"
    "    original.apply(this, args).then((v) => process.nextTick(cb, null, v),\n"
    "      (e) => process.nextTick(cb, e));\n"
    "  };\n"
    "}\n"
    "function inherits(ctor, superCtor) {\n"
    "  if (typeof ctor !== 'function' || typeof superCtor !== 'function' || superCtor.prototype === undefined)\n"
    "    throw new TypeError('The \"ctor\" and \"superCtor\" arguments must be functions');\n"
    "  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });\n"
    "  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);\n"
    "}\n"
    "const warned = new Set();\n"
    "function deprecate(fn, msg, code) {\n"
    "  let done = false;\n"
    "  return function deprecated(...args) {\n"
    "    if (!done && !(code !== undefined && warned.has(code))) {\n"
    "      done = true;\n"
    "      if (code !== undefined) warned.add(code);\n"
    "      const line = '(node) ' + (code !== undefined ? '[' + code + '] ' : '') + 'DeprecationWarning: ' + msg;\n"
    "      process.nextTick(() => console.error(line));\n"
    "    }\n"
    "    return new.target ? new fn(...args) : fn.apply(this, args);\n"
    "  };\n"
    "}\n"
    "const types = {\n"
    "  isPromise: (v) => v instanceof Promise,\n"
    "  isDate: (v) => v instanceof Date,\n"
    "  isRegExp: (v) => v instanceof RegExp,\n"
    "  isMap: (v) => v instanceof Map,\n"
    "  isSet: (v) => v instanceof Set,\n"
    "  isWeakMap: (v) => v instanceof WeakMap,\n"
    "  isWeakSet: (v) => v instanceof WeakSet,\n"
    "  isNativeError: (v) => v instanceof Error,\n"
    "  isAsyncFunction: (v) => typeof v === 'function' && v.constructor !== Function &&\n"
    "    String(v).startsWith('async'),\n"
    "};\n"
    "module.exports = { promisify, callbackify, inherits, deprecate, types,\n"
    "  isArray: Array.isArray,\n"
    "  isDeepStrictEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b) };\n";

/* The builtin modules but `buffer` are evaluated on first use: parsing
 * them was most of every run's start-up. `events` and `process` come with
 * the first read of the global `process` (an accessor until then, as in
 * Node) or the first `require` of either. */

static bool has_module(llrt_state *S, const char *name) {
  llrt_value k = llrt__intern(S, name, strlen(name));
  return k != LLRT_EXC && llrt__get(S, S->module_cache, k) != LLRT_UNDEF;
}

static bool ensure_module(llrt_state *S, const char *name, const char *src,
                          size_t len) {
  return has_module(S, name) || llrt__host_eval_module(S, name, src, len);
}

/* Builds `process`: an EventEmitter with nextTick and node_process.c's
 * properties; then the global is a plain data property. */
static bool make_process(llrt_state *S) {
  llrt_loop *L = S->loop;
  if (LLRT_IS_OBJ(L->v[LV_PROCESS])) return true;
  if (!ensure_module(S, "node:events", events_src, sizeof events_src - 1) ||
      !ensure_module(S, "node:process", process_src, sizeof process_src - 1))
    return false;
  llrt_value ee = llrt__host_module_exports(S, "node:events");
  if (!LLRT_IS_OBJ(ee)) return false;
  L->v[LV_EMITTER_PROTO] = llrt__get(S, ee, S->atoms.prototype);
  llrt_value p = llrt__host_module_exports(S, "node:process");
  if (!LLRT_IS_OBJ(p)) return false;
  L->v[LV_PROCESS] = p; /* a root from here on */
  llrt_value nt = llrt__loop_next_tick_fn(S);
  if (nt == LLRT_EXC || !llrt__push(S, nt)) return false;
  llrt_value key = llrt__intern(S, "nextTick", 8);
  bool ok = key != LLRT_EXC &&
            llrt__define(S, LLRT_OBJ(p), key, nt, LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  llrt__popn(S, 1);
  if (!ok || !llrt__node_process_init(S, p)) return false;
  llrt_value argv = L->v[LV_ARGV];
  if (LLRT_IS_OBJ(argv)) {
    llrt_value k = llrt__intern(S, "argv", 4);
    if (k == LLRT_EXC || !llrt__define(S, LLRT_OBJ(p), k, argv, LLRT_P_DEFAULT))
      return false;
  }
  return llrt__def_val(S, S->global, "process", p); /* replaces the accessor */
}

/* The global `process` until it is built: magic 0 the getter, 1 the
 * setter. */
NATIVE(lazy_process) {
  (void)this_val;
  (void)data;
  if (!make_process(S)) {
    if (S->fatal) return LLRT_EXC;
    return llrt__throw(S, 0, "the process object could not be built");
  }
  if (!magic) return S->loop->v[LV_PROCESS];
  llrt_value key = llrt__intern(S, "process", 7);
  llrt_value r = key == LLRT_EXC ? key
               : llrt__set(S, S->global, key, argc > 0 ? argv[0] : LLRT_UNDEF);
  return r == LLRT_EXC ? r : LLRT_UNDEF;
}

static bool define_lazy_process(llrt_state *S) {
  llrt_value get = llrt__native_new(S, "get process", lazy_process, 0, 0);
  if (get == LLRT_EXC || !llrt__push(S, get)) return false;
  llrt_value set = llrt__native_new(S, "set process", lazy_process, 1, 1);
  if (set == LLRT_EXC || !llrt__push(S, set)) return false;
  llrt_value key = llrt__intern(S, "process", 7);
  bool ok = key != LLRT_EXC &&
            llrt__define_accessor(S, LLRT_OBJ(S->global), key, get, set,
                                  LLRT_P_CONFIGURABLE);
  llrt__popn(S, 2);
  return ok;
}

/* The `require` hook (S->require_builtin): true when `name` was one of the
 * lazy modules and is now in the module cache. */
static bool lazy_module(llrt_state *S, const char *name) {
  if (!strcmp(name, "node:events"))
    return llrt__host_eval_module(S, name, events_src, sizeof events_src - 1);
  if (!strcmp(name, "node:process")) return make_process(S);
  if (!strcmp(name, "node:timers"))
    return llrt__host_eval_module(S, name, timers_src, sizeof timers_src - 1);
  static const char tp[] = "node:timers/promises";
  if (!strcmp(name, tp))
    return llrt__host_eval_module(S, name, timers_promises_src, sizeof timers_promises_src - 1);
  if (strcmp(name, "node:util")) return false;
  /* timers/promises gives setTimeout/setImmediate their promisify.custom,
   * which util.promisify reads (until then it reads undefined). */
  if (!ensure_module(S, tp, timers_promises_src, sizeof timers_promises_src - 1) ||
      !llrt__host_eval_module(S, name, util_src, sizeof util_src - 1))
    return false;
  llrt_value util = llrt__host_module_exports(S, name);
  return LLRT_IS_OBJ(util) && llrt__node_util_init(S, util);
}

bool llrt_node_prebuild(llrt_state *S) {
  if (!S->loop) return false;
  static const char *const lazy[] = {"node:timers", "node:util"}; /* util brings
                                                       timers/promises */
  if (!make_process(S)) return false;
  for (size_t i = 0; i < sizeof lazy / sizeof *lazy; i++)
    if (!has_module(S, lazy[i]) && !lazy_module(S, lazy[i])) return false;
  return true;
}

/* The global object's own string keys, as an array. */
static llrt_value global_keys(llrt_state *S) {
  llrt_value a = llrt__new_array(S, 0);
  if (a == LLRT_EXC || !llrt__push(S, a)) return LLRT_EXC;
  llrt_obj *g = LLRT_OBJ(S->global);
  for (uint32_t i = 0; i < g->nprops; i++) {
    llrt_prop *p = &g->props[i];
    if ((p->flags & LLRT_P_DELETED) || !LLRT_IS_STR(p->key)) continue;
    if (!llrt__array_push(S, LLRT_OBJ(a), p->key)) {
      llrt__popn(S, 1);
      return LLRT_EXC;
    }
  }
  llrt__popn(S, 1);
  return a;
}

bool llrt_node_snapshot_globals(llrt_state *S) {
  if (!S->loop) return false;
  llrt_value a = global_keys(S);
  if (a == LLRT_EXC) return false;
  S->loop->v[LV_GLOBALS] = a;
  return true;
}

/* The name of global property `p` when the program added it (not in the
 * snapshot `snap`), else NULL. */
static const llrt_str *added_name(const llrt_obj *snap, const llrt_prop *p) {
  if ((p->flags & LLRT_P_DELETED) || !LLRT_IS_STR(p->key)) return NULL;
  for (uint32_t j = 0; j < snap->len; j++)
    if (snap->elems[j] == p->key) return NULL;
  return LLRT_STR(p->key);
}

const char **llrt_node_globals_added(llrt_state *S, size_t *n) {
  *n = 0;
  llrt_loop *L = S->loop;
  if (!L || !LLRT_IS_OBJ(L->v[LV_GLOBALS])) return NULL;
  llrt_obj *snap = LLRT_OBJ(L->v[LV_GLOBALS]), *g = LLRT_OBJ(S->global);
  size_t count = 0, bytes = 0;
  for (uint32_t i = 0; i < g->nprops; i++) {
    const llrt_str *k = added_name(snap, &g->props[i]);
    if (!k) continue;
    count++;
    bytes += k->len + 1;
  }
  if (!count) return NULL;
  /* One block: the pointer array, then the names. */
  const char **v = malloc(count * sizeof *v + bytes);
  if (!v) return NULL;
  char *text = (char *)(v + count);
  for (uint32_t i = 0; i < g->nprops; i++) {
    const llrt_str *k = added_name(snap, &g->props[i]);
    if (!k) continue;
    memcpy(text, k->data, k->len + 1);
    v[(*n)++] = text;
    text += k->len + 1;
  }
  return v;
}

bool llrt_node_install(llrt_state *S, double start_ms) {
  return llrt_node_install_ex(S, start_ms, false);
}

bool llrt_node_install_ex(llrt_state *S, double start_ms, bool real_time) {
  if (S->loop) return true;
  if (!llrt__loop_install(S, start_ms, real_time)) return false;
  S->require_builtin = lazy_module;
  if (!define_lazy_process(S) || !llrt__node_buffer_init(S) ||
      !llrt__lazy_events_define(S)) /* EventTarget, AbortController, … */
    return false;
  return llrt_node_snapshot_globals(S);
}

/* ==== Entry calls ==== */

/* The module-scope binding `name` of the script loaded as `path`. */
static llrt_value module_binding(llrt_state *S, llrt_value module,
                                 const char *path, const char *name) {
  llrt_value ek = llrt__intern(S, "@@scope", 7);
  if (ek == LLRT_EXC) return LLRT_EXC;
  llrt_prop *sp = llrt__find_own(LLRT_OBJ(module), ek);
  if (!sp || !LLRT_IS_PTR(sp->val) || LLRT_PTR(sp->val)->tt != LLRT_T_ENV)
    return LLRT_UNDEF;
  llrt_env *e = (llrt_env *)LLRT_PTR(sp->val);
  size_t nl = strlen(name);
  for (size_t i = S->nscripts; i-- > 0;) {
    llrt_script *sc = S->scripts[i];
    if (strcmp(sc->path, path)) continue;
    uint32_t slot = 0;
    for (uint32_t b = 0; b < sc->js.nbindings; b++) {
      const ll_binding *bd = &sc->js.bindings[b];
      if (bd->scope != 0) continue;
      if (bd->name_len == nl && !memcmp(sc->src + bd->name_start, name, nl))
        return slot < e->n ? e->slots[slot] : LLRT_UNDEF;
      slot++;
    }
    break;
  }
  return LLRT_UNDEF;
}

llrt_status llrt_node_call(llrt_state *S, const char *path, const char *name,
                           llrt_result *out) {
  if (out) memset(out, 0, sizeof *out);
  size_t base = S->sp;
  llrt_value fn = LLRT_UNDEF;
  llrt_value key = llrt__intern(S, path, strlen(path));
  llrt_value m = key == LLRT_EXC ? key : llrt__get(S, S->module_cache, key);
  if (m == LLRT_EXC) return llrt__fail_result(S, out);
  if (LLRT_IS_OBJ(m)) {
    if (!llrt__push(S, m)) return llrt__fail_result(S, out);
    llrt_value ex = llrt__get(S, m, S->atoms.exports);
    if (ex == LLRT_EXC) goto fail;
    if (LLRT_IS_OBJ(ex)) {
      fn = llrt__get_str(S, ex, name);
      if (fn == LLRT_EXC) goto fail;
    }
    if (!llrt__is_callable(fn)) fn = module_binding(S, m, path, name);
    if (fn == LLRT_EXC) goto fail;
  }
  if (!llrt__is_callable(fn)) {
    fn = llrt__get_str(S, S->global, name);
    if (fn == LLRT_EXC) goto fail;
  }
  if (!llrt__is_callable(fn)) {
    S->sp = base;
    if (out) {
      char msg[200];
      snprintf(msg, sizeof msg, "entry '%s' is not a function", name);
      out->status = LLRT_THROWN;
      out->message = strdup(msg);
    }
    return LLRT_THROWN;
  }
  if (!llrt__push(S, fn)) goto fail;
  llrt_value r = llrt__call(S, fn, LLRT_UNDEF, 0, NULL);
  S->sp = base;
  if (r == LLRT_EXC) return llrt__fail_result(S, out);
  return llrt_loop_drain(S, out);
fail:
  S->sp = base;
  return llrt__fail_result(S, out);
}

/* ==== Listener census ==== */

/* The constructor name of emitter `o` without allocating: a class or
 * function's name as written, or a native's. */
static void emitter_name(llrt_state *S, llrt_obj *o, char *buf, size_t cap) {
  llrt_loop *L = S->loop;
  if (LLRT_IS_OBJ(L->v[LV_PROCESS]) && o == LLRT_OBJ(L->v[LV_PROCESS])) {
    snprintf(buf, cap, "process");
    return;
  }
  snprintf(buf, cap, "EventEmitter");
  for (llrt_obj *p = o->proto; p; p = p->proto) {
    llrt_prop *c = llrt__find_own(p, S->atoms.constructor);
    if (!c || (c->flags & LLRT_P_ACCESSOR) || !LLRT_IS_PTR(c->val)) continue;
    if (LLRT_PTR(c->val)->tt != LLRT_T_CLOSURE) return;
    llrt_closure *cl = (llrt_closure *)LLRT_PTR(c->val);
    llrt_script *sc = cl->script;
    ll_nid nm = llrt__child(sc, cl->node, LL_F_name);
    if (nm == LL_NONE) {
      /* `class X` under a declaration: the name is on the class node. */
      return;
    }
    snprintf(buf, cap, "%.*s", (int)llrt__tlen(sc, nm), llrt__text(sc, nm));
    return;
  }
}

static bool push_listener(llrt_listener_info **v, size_t *n, size_t *cap,
                          const llrt_listener_info *x) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 16;
    llrt_listener_info *nv = realloc(*v, c * sizeof *nv);
    if (!nv) return false;
    *v = nv;
    *cap = c;
  }
  (*v)[(*n)++] = *x;
  return true;
}

/* Where listener `fn` was made, for `x->added_*`: a `once` wrapper (made in
 * node:events) stands for its `.listener`. No allocation (the census runs
 * between collections). */
static void added_site(llrt_state *S, llrt_value fn, llrt_value listener_key,
                       llrt_listener_info *x) {
  x->added_file = NULL;
  x->added_line = x->added_col = 0;
  for (int hop = 0; hop < 2 && LLRT_IS_OBJ(fn); hop++) {
    const char *file;
    unsigned line, col;
    if (llrt__site_location(S, LLRT_PTR(fn)->site, &file, &line, &col) &&
        strncmp(file, "node:", 5)) {
      x->added_file = file;
      x->added_line = line;
      x->added_col = col;
      return;
    }
    llrt_prop *lp = llrt__find_own(LLRT_OBJ(fn), listener_key);
    fn = lp && !(lp->flags & LLRT_P_ACCESSOR) ? lp->val : LLRT_UNDEF;
  }
}

static bool scan_emitter(llrt_state *S, llrt_gc *g, llrt_value events_key,
                         llrt_value listener_key, llrt_listener_info **v, size_t *n,
                         size_t *cap) {
  llrt_obj *o = (llrt_obj *)g;
  llrt_prop *ep = llrt__find_own(o, events_key);
  if (!ep || (ep->flags & LLRT_P_ACCESSOR) || !LLRT_IS_OBJ(ep->val)) return true;
  llrt_obj *ev = LLRT_OBJ(ep->val);
  if (ev->proto) return true; /* Node's layout: a null-prototype object */
  llrt_listener_info x;
  memset(&x, 0, sizeof x);
  emitter_name(S, o, x.emitter, sizeof x.emitter);
  if (!llrt__site_location(S, g->site, &x.file, &x.line, &x.col) ||
      !strncmp(x.file, "node:", 5))
    x.file = NULL; /* made by the host itself (process) */
  for (uint32_t i = 0; i < ev->nprops; i++) {
    llrt_prop *p = &ev->props[i];
    if ((p->flags & (LLRT_P_DELETED | LLRT_P_ACCESSOR)) || !LLRT_IS_PTR(p->key))
      continue;
    size_t count = 0;
    if (llrt__is_callable(p->val)) count = 1;
    else if (LLRT_IS_OBJ(p->val) && llrt_tt(p->val) == LLRT_T_ARRAY) count = LLRT_OBJ(p->val)->len;
    if (!count) continue;
    llrt_value last = count == 1 && llrt__is_callable(p->val)
                          ? p->val : LLRT_OBJ(p->val)->elems[count - 1];
    added_site(S, last, listener_key, &x);
    if (LLRT_IS_STR(p->key))
      snprintf(x.event, sizeof x.event, "%s", LLRT_STR(p->key)->data);
    else
      snprintf(x.event, sizeof x.event, "Symbol()");
    x.count = count;
    if (!push_listener(v, n, cap, &x)) return false;
  }
  return true;
}

llrt_listener_info *llrt_node_listeners(llrt_state *S, size_t *n) {
  *n = 0;
  llrt_value key = llrt__intern(S, "_events", 7);
  if (key == LLRT_EXC || !llrt__push(S, key)) return NULL;
  llrt_value lkey = llrt__intern(S, "listener", 8);
  if (lkey == LLRT_EXC || !llrt__push(S, lkey)) {
    llrt__popn(S, 1);
    return NULL;
  }
  llrt_gc_major(S);
  llrt__popn(S, 2); /* no allocation from here on */
  llrt_listener_info *v = NULL;
  size_t cap = 0;
  llrt_gc *lists[2] = {S->old, S->young};
  for (int l = 0; l < 2; l++)
    for (llrt_gc *g = lists[l]; g; g = g->next)
      if (g->tt >= LLRT_T_OBJECT && !scan_emitter(S, g, key, lkey, &v, n, &cap)) {
        free(v);
        *n = 0;
        return NULL;
      }
  return v;
}
