/* The virtual-clock event loop and the Node host (runtime/src/loop.c,
 * node.c): timer ordering, intervals over virtual time, clearInterval
 * releasing the closure, nextTick/promise ordering, EventEmitter counts, and
 * `leaklint run --entry` on a leaking and a clean file. Expected orders were
 * checked against Node 22 where Node is deterministic. Every script also
 * runs under gc-stress + verification. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "runtime/include/llrt_loop.h"
#include "runtime/src/gc.h"

#include "capture.h"

static llrt_state *new_state(out_buf *b, bool stress) {
  llrt_config c;
  llrt_config_init(&c);
  c.host = b;
  c.print = capture;
  c.gc_stress = stress;
  c.gc_verify = stress;
  llrt_state *S = llrt_state_new(&c);
  cr_assert_not_null(S);
  cr_assert(llrt_node_install(S, 0));
  return S;
}

/* Runs `src`, then the loop until idle (at most `ms`), normally and under
 * gc-stress; both outputs must equal `want` (lines joined by spaces). */
static void expect_output(const char *src, double ms, const char *want) {
  for (int stress = 0; stress < 2; stress++) {
    out_buf b = {.n = 0, .sep = ' '};
    b.s[0] = 0;
    llrt_state *S = new_state(&b, stress);
    eval_ok(S, src);
    loop_ok(S, ms, true);
    cr_expect_str_eq(b.s, want, "got [%s] (stress %d)", b.s, stress);
    llrt_state_free(S);
  }
}

Test(loop, timers_fire_in_due_then_creation_order) {
  expect_output("const log = console.log;\n"
                "setTimeout(() => log('c30'), 30);\n"
                "setTimeout(() => log('a10'), 10);\n"
                "setTimeout(() => log('b20'), 20);\n"
                "setTimeout(() => log('a10bis', Date.now()), 10);\n"
                "setTimeout(() => log('one'), 0);\n"
                "setTimeout((x, y) => log('args', x, y), 15, 1, 'two');\n"
                "log('sync');\n",
                1e6, "sync one a10 a10bis 10 args 1 two b20 c30 ");
}

Test(loop, immediates_run_in_the_check_phase) {
  /* As Node: immediates queued by an immediate run in the next iteration;
   * a timeout set from an immediate fires after the clock moves. */
  expect_output("const log = console.log;\n"
                "setImmediate(() => { log('I1'); setImmediate(() => log('I3'));\n"
                "  setTimeout(() => log('T0'), 0); });\n"
                "const i2 = setImmediate(() => log('never'));\n"
                "setImmediate((a) => log('I2', a), 'x');\n"
                "clearImmediate(i2);\n",
                1e6, "I1 I2 x I3 T0 ");
}

Test(loop, nexttick_runs_before_promise_jobs) {
  /* Node 22 prints exactly this. */
  expect_output(
      "const log = console.log;\n"
      "Promise.resolve().then(() => { log('p1'); process.nextTick(() => log('t-from-p')); })\n"
      "  .then(() => log('p2'));\n"
      "process.nextTick(() => { log('t1'); Promise.resolve().then(() => log('p-from-t')); });\n"
      "process.nextTick((a, b) => log('t2', a, b), 1, 2);\n"
      "queueMicrotask(() => log('q'));\n"
      "setTimeout(() => { log('T1'); process.nextTick(() => log('T1-tick'));\n"
      "  Promise.resolve().then(() => log('T1-p')); }, 5);\n"
      "setTimeout(() => log('T2'), 5);\n",
      1e6, "t1 t2 1 2 p1 q p-from-t p2 t-from-p T1 T1-tick T1-p T2 ");
}

Test(loop, intervals_fire_over_virtual_time) {
  for (int stress = 0; stress < 2; stress++) {
    out_buf b = {.n = 0, .sep = ' '};
    b.s[0] = 0;
    llrt_state *S = new_state(&b, stress);
    eval_ok(S, "globalThis.n = 0; globalThis.times = [];\n"
               "setInterval(() => { n++; if (times.length < 3) times.push(Date.now()); }, 100);\n");
    loop_ok(S, 1000, false);
    cr_expect_eq(llrt_loop_now(S), 1000);
    eval_ok(S, "console.log(n, times.join(','), Date.now(), performance.now());");
    /* An hour of a 1 s interval is 3600 calls, no waiting. */
    loop_ok(S, 3600 * 1000.0, false);
    eval_ok(S, "console.log(n);");
    cr_expect_str_eq(b.s, "10 100,200,300 1000 1000 36010 ");
    llrt_state_free(S);
  }
}

Test(loop, timeout_object_basics) {
  expect_output("const log = console.log;\n"
                "const t = setTimeout(() => log('fired'), 50);\n"
                "log(typeof t, t.hasRef(), t.unref() === t, t.hasRef(), t.ref().hasRef());\n"
                "log(+t === Number(t), `${t}` === String(+t), +t > 0);\n"
                "const u = setTimeout(() => log('cleared by number'), 10);\n"
                "clearTimeout(+u);\n"
                "const r = setTimeout(() => log('refreshed', Date.now()), 20);\n"
                "setTimeout(() => r.refresh(), 15);\n"
                "require('timers').setTimeout(() => log('via timers'), 60);\n"
                "log(require('node:timers').clearInterval === clearInterval);\n",
                1e6, "object true true false true true true true true refreshed 35 fired via timers ");
}

Test(loop, unref_timers_do_not_keep_the_loop_alive) {
  out_buf b = {.n = 0, .sep = ' '};
  b.s[0] = 0;
  llrt_state *S = new_state(&b, false);
  eval_ok(S, "setInterval(() => console.log('tick'), 1000).unref();\n"
             "setTimeout(() => console.log('done'), 1500);\n");
  loop_ok(S, 1e9, true);
  cr_expect_str_eq(b.s, "tick done ");
  cr_expect_eq(llrt_loop_now(S), 1500);
  size_t n = 0;
  llrt_timer_info *t = llrt_loop_timers(S, &n);
  cr_assert_eq(n, 1);
  cr_expect_str_eq(t[0].kind, "setInterval");
  cr_expect(!t[0].ref);
  cr_expect_str_eq(t[0].file, "t.js");
  cr_expect_eq(t[0].line, 1);
  free(t);
  llrt_state_free(S);
}

/* N calls of an entry that starts an interval; `clear` makes it clear
 * itself. Returns the live closures from the interval's callback line. */
static size_t interval_survivors(bool clear, bool stress, size_t *timers) {
  out_buf b = {.n = 0, .sep = ' '};
  llrt_state *S = new_state(&b, stress);
  char src[600];
  snprintf(src, sizeof src,
           "function start() {\n"
           "  const data = new Array(32).fill(1);\n"
           "  let n = 0;\n"
           "  const h = setInterval(() => { data[0]++; if (%s && ++n === 2) clearInterval(h); }, 100);\n"
           "}\n"
           "exports.start = start;\n",
           clear ? "true" : "false");
  eval_ok(S, src);
  for (int i = 0; i < 10; i++) {
    llrt_result r;
    cr_assert_eq(llrt_node_call(S, "t.js", "start", &r), LLRT_OK, "%s", r.message);
    llrt_result_fini(&r);
    loop_ok(S, 1000, false);
  }
  size_t n = 0;
  free(llrt_loop_timers(S, &n));
  *timers = n;
  size_t closures = llrt_census_count(S, "Closure", "t.js", 4);
  size_t arrays = llrt_census_count(S, "Array", "t.js", 2);
  cr_expect_eq(closures, arrays);
  const char *why = NULL;
  cr_expect(llrt_gc_verify(S, &why), "%s", why);
  llrt_state_free(S);
  return closures;
}

Test(loop, clear_interval_releases_the_timer_and_its_closure) {
  for (int stress = 0; stress < 2; stress++) {
    size_t timers = 0;
    cr_expect_eq(interval_survivors(false, stress, &timers), 10);
    cr_expect_eq(timers, 10);
    cr_expect_eq(interval_survivors(true, stress, &timers), 0);
    cr_expect_eq(timers, 0);
  }
}

Test(loop, fired_timeout_is_released) {
  out_buf b = {.n = 0, .sep = ' '};
  llrt_state *S = new_state(&b, false);
  eval_ok(S, "for (let i = 0; i < 5; i++) { const big = [i]; setTimeout(() => big, 10); }\n");
  cr_expect_eq(llrt_census_count(S, "Closure", "t.js", 1), 5);
  loop_ok(S, 100, true);
  size_t n = 0;
  free(llrt_loop_timers(S, &n));
  cr_expect_eq(n, 0);
  cr_expect_eq(llrt_census_count(S, "Closure", "t.js", 1), 0);
  llrt_state_free(S);
}

Test(loop, event_emitter_add_remove_counts) {
  expect_output(
      "const EventEmitter = require('events');\n"
      "const log = console.log;\n"
      "const e = new EventEmitter();\n"
      "function f(x) { log('f', x); }\n"
      "function g(x) { log('g', x); }\n"
      "e.on('a', f); e.addListener('a', g); e.once('a', (x) => log('once', x));\n"
      "e.on('b', f);\n"
      "log(e.listenerCount('a'), e.listenerCount('b'), e.listenerCount('zz'));\n"
      "log(e.emit('a', 1), e.listenerCount('a'), e.emit('nothing'));\n"
      "e.off('a', f); log(e.listenerCount('a'));\n"
      "e.removeListener('a', f); log(e.listenerCount('a'));\n"
      "e.once('c', g); e.removeListener('c', g); log(e.listenerCount('c'));\n"
      "e.removeAllListeners('a'); log(e.listenerCount('a'), e.eventNames().join());\n"
      "e.removeAllListeners(); log(e.eventNames().length);\n"
      "class Bus extends EventEmitter {}\n"
      "const bus = new Bus(); bus.on('x', f); bus.emit('x', 2);\n"
      "log(bus instanceof EventEmitter, require('node:events') === EventEmitter,\n"
      "  EventEmitter.EventEmitter === EventEmitter);\n"
      "try { e.emit('error', new Error('boom')); } catch (err) { log(err.message); }\n"
      "process.on('exit', f); log(process.listenerCount('exit'));\n"
      "process.off('exit', f); log(process.listenerCount('exit'));\n",
      0,
      "3 1 0 f 1 g 1 once 1 true 2 false 1 1 0 0 b 0 f 2 true true true boom 1 0 ");
}

Test(loop, max_listeners_warning_is_printed_once_after_the_tick) {
  /* As Node (without the pid), on stderr, after synchronous code. */
  expect_output(
      "const EventEmitter = require('events');\n"
      "class Bus extends EventEmitter {}\n"
      "const b = new Bus();\n"
      "for (let i = 0; i < 12; i++) b.on('data', () => {});\n"
      "const e = new EventEmitter(); e.setMaxListeners(1);\n"
      "e.on('x', () => {}); e.prependListener('x', () => {});\n"
      "const z = new EventEmitter(); z.setMaxListeners(0);\n"
      "for (let i = 0; i < 20; i++) z.on('y', () => {});\n"
      "console.log('done', e.getMaxListeners(), b.getMaxListeners(), e.listeners('x').length);\n",
      0,
      "done 1 10 2 "
      "(node) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "
      "11 data listeners added to [Bus]. MaxListeners is 10. Use emitter.setMaxListeners() "
      "to increase limit "
      "(node) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "
      "2 x listeners added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() "
      "to increase limit ");
}

Test(loop, listener_census_counts_per_emitter_and_event) {
  out_buf b = {.n = 0, .sep = ' '};
  llrt_state *S = new_state(&b, false);
  eval_ok(S, "const EventEmitter = require('events');\n"
             "class Bus extends EventEmitter {}\n"
             "const bus = new Bus();\n"
             "globalThis.keep = bus;\n"
             "for (let i = 0; i < 7; i++) bus.on('data', () => i);\n"
             "bus.on('end', () => 0);\n"
             "process.on('exit', () => 0);\n"
             "new EventEmitter().on('gone', () => 0); // garbage\n");
  size_t n = 0;
  llrt_listener_info *l = llrt_node_listeners(S, &n);
  size_t data = 0, end = 0, exitn = 0, gone = 0;
  for (size_t i = 0; i < n; i++) {
    if (!strcmp(l[i].event, "data")) {
      data = l[i].count;
      cr_expect_str_eq(l[i].emitter, "Bus");
      cr_expect_str_eq(l[i].file, "t.js");
      cr_expect_eq(l[i].line, 3);
    }
    if (!strcmp(l[i].event, "end")) end = l[i].count;
    if (!strcmp(l[i].event, "exit")) {
      exitn = l[i].count;
      cr_expect_str_eq(l[i].emitter, "process");
    }
    if (!strcmp(l[i].event, "gone")) gone = l[i].count;
  }
  free(l);
  cr_expect_eq(data, 7);
  cr_expect_eq(end, 1);
  cr_expect_eq(exitn, 1);
  cr_expect_eq(gone, 0);
  llrt_state_free(S);
}

Test(loop, uncaught_exception_in_a_timer_is_a_result) {
  out_buf b = {.n = 0, .sep = ' '};
  llrt_state *S = new_state(&b, false);
  eval_ok(S, "setTimeout(() => { throw new TypeError('late'); }, 10);\n");
  llrt_result r;
  cr_expect_eq(llrt_loop_run(S, 100, true, &r), LLRT_THROWN);
  cr_expect(r.message && strstr(r.message, "TypeError: late"), "%s", r.message);
  cr_expect_eq(r.line, 1);
  llrt_result_fini(&r);
  cr_expect_eq(llrt_loop_run(S, 100, true, &r), LLRT_OK);
  llrt_result_fini(&r);
  llrt_state_free(S);
}

/* ==== leaklint run --entry ==== */

static int run_cli(const char *args, char *out, size_t cap) {
  const char *bin = getenv("LEAKLINT_BIN");
  cr_assert_not_null(bin, "LEAKLINT_BIN is not set");
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cd '%s/tests/runtime/loop' && '%s' run %s 2>&1", LL_SOURCE_DIR, bin, args);
  FILE *p = popen(cmd, "r");
  cr_assert_not_null(p);
  size_t n = fread(out, 1, cap - 1, p);
  out[n] = 0;
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

Test(loop, cli_run_entry_reports_leaking_intervals) {
  char out[8192];
  int rc = run_cli("--entry start --calls 10 interval_leak.js", out, sizeof out);
  cr_expect_eq(rc, 0, "%s", out);
  cr_expect(strstr(out, "entry start called 10 times, virtual clock at 10000 ms"), "%s", out);
  cr_expect(strstr(out, "live timers: 10\n"), "%s", out);
  cr_expect(strstr(out, "10  setInterval 1000 ms  interval_leak.js:6:3"), "%s", out);
  cr_expect(strstr(out, "Array"), "%s", out);
}

Test(loop, cli_run_entry_reports_nothing_for_cleared_intervals) {
  char out[8192];
  int rc = run_cli("--entry start --calls 10 interval_cleared.js", out, sizeof out);
  cr_expect_eq(rc, 0, "%s", out);
  cr_expect(strstr(out, "live timers: 0\n"), "%s", out);
  cr_expect(strstr(out, "listeners: 0\n"), "%s", out);
  cr_expect(!strstr(out, "interval_cleared.js:6"), "%s", out);
}

Test(loop, cli_run_bad_entry_and_bad_numbers) {
  char out[8192];
  cr_expect_eq(run_cli("--entry nope interval_leak.js", out, sizeof out), 1, "%s", out);
  cr_expect(strstr(out, "entry 'nope' is not a function"), "%s", out);
  cr_expect_eq(run_cli("--entry start --calls ten interval_leak.js", out, sizeof out), 2, "%s", out);
  cr_expect(strstr(out, "--calls expects a non-negative number"), "%s", out);
}
