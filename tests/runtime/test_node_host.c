/* The Node host's extras (runtime/src/node*.c, census_path.c, loop.c's
 * real-time mode, run_cmd.c's report): timers/promises ordering, util,
 * Buffer and its external bytes, process, __filename/__dirname, the real
 * clock, process.exit, globals added, and `leaklint run --format json`.
 * Expected output was printed by Node 20 for the same scripts (except the
 * sandboxed values: process.cwd() is "/", __dirname is the loader's path).
 * Scripts also run under gc-stress + verification. */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "runtime/include/llrt_loop.h"
#include "runtime/src/phantom.h"

#include "capture.h"

/* Serves "./sub/m.js" (as "/app/sub/m.js") to require. */
static char *load(void *ud, const char *from, const char *spec, size_t *len,
                  char **resolved) {
  (void)ud;
  (void)from;
  if (strcmp(spec, "./sub/m.js")) return NULL;
  const char *src = "module.exports = { f: __filename, d: __dirname };\n";
  *len = strlen(src);
  *resolved = strdup("/app/sub/m.js");
  return strdup(src);
}

static llrt_state *new_state(out_buf *b, bool stress, bool real_time) {
  llrt_config c;
  llrt_config_init(&c);
  c.host = b;
  c.print = capture;
  c.load = load;
  c.gc_stress = stress;
  c.gc_verify = stress;
  llrt_state *S = llrt_state_new(&c);
  cr_assert_not_null(S);
  cr_assert(llrt_node_install_ex(S, 0, real_time));
  return S;
}

/* Runs `src` then the loop until idle, normally and under gc-stress; both
 * outputs must equal `want` (one line per console call). */
static void expect_output(const char *src, const char *want) {
  for (int stress = 0; stress < 2; stress++) {
    out_buf b = {.n = 0};
    b.s[0] = 0;
    llrt_state *S = new_state(&b, stress, false);
    eval_ok(S, src);
    loop_ok(S, 1e6, true);
    cr_expect_str_eq(b.s, want, "got [%s] (stress %d)", b.s, stress);
    llrt_state_free(S);
  }
}

/* ==== timers/promises ==== */

Test(node, timers_promises_order_with_callback_timers) {
  expect_output(
      "const { setTimeout: sleep, setImmediate: imm, setInterval: every } = require('timers/promises');\n"
      "const log = console.log;\n"
      "sleep(30, 'c').then((v) => log(v));\n"
      "sleep(10, 'a').then((v) => log(v));\n"
      "setTimeout(() => log('cb10'), 10);\n"
      "sleep(20).then((v) => log('b', v));\n"
      "process.nextTick(() => log('tick'));\n"
      "Promise.resolve().then(() => log('micro'));\n"
      "(async () => {\n"
      "  const it = every(12, 'iv');\n"
      "  for (let i = 0; i < 3; i++) { const r = await it.next(); log('iv', i, r.value, r.done); }\n"
      "  const r = await it.return();\n"
      "  log('iv done', r.done, (await it.next()).done);\n"
      "})();\n"
      "const ac = new AbortController();\n"
      "sleep(100, 'x', { signal: ac.signal }).catch((e) => log(e.name, e.code, e.message));\n"
      "sleep(40).then(() => ac.abort());\n"
      "sleep(5, 'y', { signal: AbortSignal.abort() }).catch((e) => log('pre', e.name));\n"
      "log('sync');\n",
      "sync\ntick\nmicro\npre AbortError\na\ncb10\niv 0 iv false\nb undefined\n"
      "iv 1 iv false\nc\niv 2 iv false\niv done true true\n"
      "AbortError ABORT_ERR The operation was aborted\n");
}

Test(node, timers_promises_set_immediate) {
  expect_output("const { setImmediate: imm } = require('node:timers/promises');\n"
                "const log = console.log;\n"
                "imm('I').then(log);\n"
                "setImmediate(() => log('cbI'));\n"
                "imm().then((v) => log('I2', v));\n"
                "log('sync');\n",
                "sync\nI\ncbI\nI2 undefined\n");
}

Test(node, aborted_sleep_releases_its_timer) {
  out_buf b = {.n = 0};
  llrt_state *S = new_state(&b, false, false);
  eval_ok(S, "const { setTimeout: sleep } = require('timers/promises');\n"
             "const ac = new AbortController();\n"
             "sleep(1e6, 'x', { signal: ac.signal }).catch(() => {});\n"
             "sleep(1e6, 'y', { ref: false });\n"
             "ac.abort();\n");
  size_t n = 0;
  llrt_timer_info *t = llrt_loop_timers(S, &n);
  cr_expect_eq(n, 1); /* only the unref'd one */
  cr_expect(n == 1 && !t[0].ref);
  /* Reported where the program called timers/promises, not inside it. */
  cr_expect(n == 1 && t[0].file && !strcmp(t[0].file, "t.js") && t[0].line == 4);
  free(t);
  loop_ok(S, 1e9, true); /* idle at once: the unref'd timer does not hold it */
  cr_expect_lt(llrt_loop_now(S), 1);
  llrt_state_free(S);
}

/* ==== util ==== */

Test(node, util_format_inspect_promisify_inherits) {
  expect_output(
      "const util = require('util');\n"
      "const log = console.log;\n"
      "log(util.format('%s=%d %j %O %%', 'x', 42, { a: [1, 'b'] }, [1]));\n"
      "log(util.format('a', 1, 'b'), util.format(1, 2), util.format('%s %s', 'only'));\n"
      "log(util.format('%i %f %d', '42.9px', '3.5', '7'), util.format('%s', { x: 1 }), util.format('%d', {}));\n"
      "log(util.inspect({ a: 'x', b: [1, 2] }), util.inspect('str'), util.types.isPromise(Promise.resolve()), util.types.isPromise({}));\n"
      "function A() {} function B() {} util.inherits(A, B); log(new A() instanceof B, A.super_ === B);\n"
      "const c = {}; c.self = c; log(util.format('%j', c));\n"
      "function add(a, b, cb) { setTimeout(() => cb(null, a + b), 1); }\n"
      "function fail(cb) { cb(new Error('bad')); }\n"
      "util.promisify(add)(2, 3).then((v) => log('sum', v));\n"
      "util.promisify(fail)().catch((e) => log('err', e.message));\n"
      "util.promisify(setTimeout)(5, 'p').then((v) => log('timer', v));\n"
      "log(typeof util.promisify.custom, util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));\n",
      "x=42 {\"a\":[1,\"b\"]} [ 1 ] %\n"
      "a 1 b 1 2 only %s\n"
      "42 3.5 7 { x: 1 } NaN\n"
      "{ a: 'x', b: [ 1, 2 ] } 'str' true false\n"
      "true true\n"
      "[Circular]\n"
      "symbol true\n"
      "err bad\n"
      "sum 5\n"
      "timer p\n");
}

Test(node, util_deprecate_warns_once_after_the_tick) {
  expect_output("const util = require('node:util');\n"
                "const f = util.deprecate((x) => x * 2, 'f() is old', 'DEP0999');\n"
                "console.log(f(1), f(2));\n",
                "2 4\n(node) [DEP0999] DeprecationWarning: f() is old\n");
}

/* ==== Buffer ==== */

Test(node, buffer_basics) {
  expect_output(
      "const log = console.log;\n"
      "const { Buffer: B2 } = require('buffer');\n"
      "log(B2 === Buffer, typeof Buffer.from);\n"
      "const b = Buffer.from('h\\u00e9llo');\n"
      "log(b.length, Buffer.byteLength('h\\u00e9llo'), b[0], b[1], b.toString(), b.toString('hex'), b.toString('base64'));\n"
      "const h = Buffer.from('68656c6c6f', 'hex'); log(h.toString(), Buffer.from('aGVsbG8=', 'base64').toString());\n"
      "const a = Buffer.alloc(4); a[1] = 255; log(a.length, a[1], a.toString('hex'), Buffer.alloc(3, 7).toString('hex'), Buffer.alloc(5, 'ab').toString());\n"
      "const c = Buffer.concat([Buffer.from([1, 2]), Buffer.from([3])]); log(c.length, c.toString('hex'), Buffer.isBuffer(c), Buffer.isBuffer([1]));\n"
      "log(JSON.stringify(Buffer.from([1, 2])), Buffer.from('abc').equals(Buffer.from('abc')), Buffer.from('abcdef').slice(1, 3).toString());\n"
      "log(Buffer.from([0xff, 0xfe]).toString('latin1').length, Buffer.from([0xc3]).toString() === '\\ufffd');\n"
      "let sum = 0; for (const x of Buffer.from([1, 2, 3])) sum += x; log(sum);\n"
      "const f = Buffer.alloc(4); f[10] = 1; f[2] = 7; log(f.length, f[10], f[2], f.indexOf(7), f.includes(7), [...f].join());\n",
      "true function\n"
      "6 6 104 195 h\xc3\xa9llo 68c3a96c6c6f aMOpbGxv\n"
      "hello hello\n"
      "4 255 00ff0000 070707 ababa\n"
      "3 010203 true false\n"
      "{\"type\":\"Buffer\",\"data\":[1,2]} true bc\n"
      "2 true\n"
      "6\n"
      "4 undefined 7 2 true 0,0,7,0\n");
}

Test(node, buffer_bytes_are_external_until_garbage) {
  for (int stress = 0; stress < 2; stress++) {
    out_buf b = {.n = 0};
    llrt_state *S = new_state(&b, stress, false);
    eval_ok(S, "globalThis.keep = [Buffer.alloc(1000), Buffer.from('abc')];\n"
               "for (let i = 0; i < 50; i++) Buffer.alloc(5000); // garbage\n");
    cr_expect_eq(llrt_node_external_bytes(S), 1003);
    eval_ok(S, "const m = process.memoryUsage();\n"
               "console.log(m.external, m.arrayBuffers, m.heapUsed > 8000);\n");
    cr_expect_str_eq(b.s, "1003 1003 true\n");
    eval_ok(S, "keep.pop();\n");
    cr_expect_eq(llrt_node_external_bytes(S), 1000);
    eval_ok(S, "keep = null;\n");
    cr_expect_eq(llrt_node_external_bytes(S), 0);
    llrt_state_free(S);
  }
}

/* ==== process, modules, globals ==== */

Test(node, process_properties) {
  expect_output("const log = console.log;\n"
                "log(process.platform, typeof process.version, process.cwd(), process.argv.length,\n"
                "  JSON.stringify(process.env), typeof process.hrtime()[0]);\n"
                "const m = process.memoryUsage();\n"
                "log(['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'].every((k) => typeof m[k] === 'number'));\n"
                "setTimeout(() => { const [s, ns] = process.hrtime(); log(s, ns, process.uptime()); }, 1500);\n",
                "linux string / 1 {} number\ntrue\n1 500000000 1.5\n");
}

Test(node, process_env_is_empty_or_phantom_tailed) {
  out_buf b = {.n = 0};
  b.s[0] = 0;
  llrt_state *S = new_state(&b, false, false);
  eval_ok(S, "console.log(typeof process.env.PORT, Object.keys(process.env).length);\n"
             "process.env.MODE = 'x'; console.log(process.env.MODE);\n");
  cr_expect_eq(llrt_node_phantom_uses(S), 0);
  cr_assert(llrt__phantom_init(S)); /* phantoms on, as the confirmation driver does */
  eval_ok(S, "console.log(typeof process.env.PORT, process.env.MODE, Object.keys(process.env).join());\n");
  cr_expect_str_eq(b.s, "undefined 0\nx\nfunction x MODE\n");
  cr_expect_gt(llrt_node_phantom_uses(S), 0);
  llrt_state_free(S);
}

Test(node, dirname_and_filename_in_commonjs_modules) {
  expect_output("const m = require('./sub/m.js');\n"
                "console.log(m.f, m.d, __filename, __dirname);\n"
                "console.log(typeof require('events'), (() => __dirname)());\n",
                "/app/sub/m.js /app/sub t.js .\nfunction .\n");
}

Test(node, process_exit_stops_the_run) {
  for (int stress = 0; stress < 2; stress++) {
    out_buf b = {.n = 0};
    b.s[0] = 0;
    llrt_state *S = new_state(&b, stress, false);
    eval_ok(S, "const log = console.log;\n"
               "process.on('exit', (c) => log('exit', c));\n"
               "setTimeout(() => {\n"
               "  log('before');\n"
               "  try { process.exit(3); } catch (e) { log('caught'); } finally { log('finally'); }\n"
               "  log('never');\n"
               "}, 10);\n"
               "setTimeout(() => log('never2'), 20);\n");
    loop_ok(S, 1e6, true);
    int code = -1;
    cr_expect(llrt_node_exited(S, &code));
    cr_expect_eq(code, 3);
    cr_expect_str_eq(b.s, "before\nexit 3\n"); /* as Node */
    loop_ok(S, 1e6, true);                      /* stays stopped */
    cr_expect_str_eq(b.s, "before\nexit 3\n");
    llrt_state_free(S);
  }
}

Test(node, globals_added_since_install) {
  out_buf b = {.n = 0};
  llrt_state *S = new_state(&b, false, false);
  eval_ok(S, "var local = 1; sloppy = 2; globalThis.explicit = 3; setTimeout(() => {}, 1);\n");
  size_t n = 0;
  const char **g = llrt_node_globals_added(S, &n);
  cr_assert_eq(n, 2);
  cr_expect_str_eq(g[0], "sloppy");
  cr_expect_str_eq(g[1], "explicit");
  free(g);
  cr_assert(llrt_node_snapshot_globals(S));
  cr_expect_null(llrt_node_globals_added(S, &n));
  cr_expect_eq(n, 0);
  llrt_state_free(S);
}

Test(node, retaining_paths_name_the_timer_and_closure) {
  out_buf b = {.n = 0};
  llrt_state *S = new_state(&b, false, false);
  eval_ok(S, "function start() {\n"
             "  const seen = [];\n"
             "  function onTick() { for (let i = 0; i < 10; i++) seen.push({ i }); }\n"
             "  setInterval(onTick, 100);\n"
             "}\n"
             "const cache = new Map();\n"
             "globalThis.registry = { items: [new Map()] };\n"
             "start();\n");
  loop_ok(S, 1000, false);
  size_t rows = 0;
  llrt_census_row *c = llrt_census(S, &rows);
  llrt_census_row want[3];
  size_t k = 0;
  for (size_t i = 0; i < rows && k < 3; i++) {
    if (!c[i].file || strcmp(c[i].file, "t.js")) continue;
    if ((c[i].line == 3 && !strcmp(c[i].type, "Object")) ||
        (c[i].line == 6 && !strcmp(c[i].type, "Map")) ||
        (c[i].line == 7 && !strcmp(c[i].type, "Map")))
      want[k++] = c[i];
  }
  free(c);
  cr_assert_eq(k, 3);
  char *paths[3];
  cr_assert(llrt_node_paths(S, want, 3, paths));
  for (size_t i = 0; i < 3; i++) {
    cr_assert_not_null(paths[i]);
    if (want[i].line == 3)
      cr_expect_str_eq(paths[i], "timer #1 (t.js:4) -> closure onTick -> Array (t.js:2)[0] -> 100 Object (t.js:3)");
    else if (want[i].line == 6)
      cr_expect_str_eq(paths[i], "t.js: cache -> 1 Map (t.js:6)");
    else
      cr_expect_str_eq(paths[i], "global.registry -> Object (t.js:7).items -> Array (t.js:7)[0] -> 1 Map (t.js:7)");
    free(paths[i]);
  }
  llrt_state_free(S);
}

/* ==== Real time ==== */

static double mono_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

Test(node, real_time_timers_wait_for_the_clock) {
  out_buf b = {.n = 0};
  b.s[0] = 0;
  llrt_state *S = new_state(&b, false, true);
  double t0 = mono_ms();
  eval_ok(S, "const t0 = Date.now(), p0 = performance.now();\n"
             "setTimeout(() => console.log('t40', Date.now() - t0 >= 39, performance.now() - p0 >= 39), 40);\n"
             "setTimeout(() => console.log('t15'), 15);\n"
             "setImmediate(() => console.log('imm'));\n");
  loop_ok(S, 1000, true);
  double spent = mono_ms() - t0;
  cr_expect_str_eq(b.s, "imm\nt15\nt40 true true\n");
  cr_expect_geq(spent, 39, "spent %g ms", spent);
  cr_expect_lt(spent, 200, "spent %g ms", spent);
  /* A bounded run without timers sleeps its whole span. */
  t0 = mono_ms();
  loop_ok(S, 30, false);
  spent = mono_ms() - t0;
  cr_expect_geq(spent, 29, "spent %g ms", spent);
  cr_expect_lt(spent, 150, "spent %g ms", spent);
  llrt_state_free(S);
}

/* ==== leaklint run ==== */

static int run_cli(const char *args, char *out, size_t cap, bool with_stderr) {
  const char *bin = getenv("LEAKLINT_BIN");
  cr_assert_not_null(bin, "LEAKLINT_BIN is not set");
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cd '%s/tests/runtime/loop' && '%s' run %s %s", LL_SOURCE_DIR,
           bin, args, with_stderr ? "2>&1" : "2>/dev/null");
  FILE *p = popen(cmd, "r");
  cr_assert_not_null(p);
  size_t n = fread(out, 1, cap - 1, p);
  out[n] = 0;
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const cJSON *field(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  cr_assert_not_null(v, "no field %s", k);
  return v;
}

Test(node, cli_run_format_json_report) {
  static char out[65536];
  int rc = run_cli("--entry start --calls 3 --format json poll_leak.js", out, sizeof out, false);
  cr_assert_eq(rc, 0, "%s", out);
  cJSON *j = cJSON_Parse(out);
  cr_assert_not_null(j, "not JSON: %s", out);
  cr_expect_str_eq(field(j, "file")->valuestring, "poll_leak.js");
  cr_expect_str_eq(field(j, "entry")->valuestring, "start");
  cr_expect_eq(field(j, "calls")->valuedouble, 3);
  cr_expect_eq(field(j, "clockMs")->valuedouble, 3000);
  const cJSON *timers = field(j, "timers");
  cr_assert_eq(cJSON_GetArraySize(timers), 1);
  const cJSON *t = cJSON_GetArrayItem(timers, 0);
  cr_expect_str_eq(field(t, "kind")->valuestring, "setInterval");
  cr_expect_eq(field(t, "delay")->valuedouble, 500);
  cr_expect_eq(field(t, "count")->valuedouble, 3);
  cr_expect_str_eq(field(t, "file")->valuestring, "poll_leak.js");
  cr_expect_eq(field(t, "line")->valuedouble, 13);
  cr_expect_eq(field(t, "column")->valuedouble, 3);
  const cJSON *ls = field(j, "listeners");
  cr_assert_eq(cJSON_GetArraySize(ls), 1);
  const cJSON *l = cJSON_GetArrayItem(ls, 0);
  cr_expect_str_eq(field(l, "target")->valuestring, "EventEmitter");
  cr_expect_str_eq(field(l, "event")->valuestring, "data");
  cr_expect_eq(field(l, "count")->valuedouble, 3);
  cr_expect_eq(field(l, "line")->valuedouble, 6);
  const cJSON *g = field(j, "globalsAdded");
  cr_assert_eq(cJSON_GetArraySize(g), 2);
  cr_expect_str_eq(cJSON_GetArrayItem(g, 0)->valuestring, "lastStart");
  cr_expect_str_eq(cJSON_GetArrayItem(g, 1)->valuestring, "startCount");
  cr_expect_eq(field(j, "externalBytes")->valuedouble, 3000);
  cr_expect_eq(field(j, "phantomUses")->valuedouble, 0);
  const cJSON *objs = field(j, "objects");
  cr_assert_geq(cJSON_GetArraySize(objs), 3);
  const cJSON *top = cJSON_GetArrayItem(objs, 0);
  cr_expect_str_eq(field(top, "type")->valuestring, "Object");
  cr_expect_eq(field(top, "count")->valuedouble, 1200);
  cr_expect_gt(field(top, "bytes")->valuedouble, 0);
  cr_expect_eq(field(top, "line")->valuedouble, 11);
  cr_expect_str_eq(field(top, "path")->valuestring,
                   "timer #1 (poll_leak.js:13) -> closure onTick -> Array (poll_leak.js:9)[0] "
                   "-> 1,200 Object (poll_leak.js:11)");
  cJSON_Delete(j);
}

Test(node, cli_run_text_report_paths_and_globals) {
  static char out[16384];
  int rc = run_cli("--entry start --calls 3 poll_leak.js", out, sizeof out, true);
  cr_expect_eq(rc, 0, "%s", out);
  cr_expect(strstr(out, "globals added: 2  lastStart, startCount\n"), "%s", out);
  cr_expect(strstr(out, "external memory (Buffers): 3000 B\n"), "%s", out);
  cr_expect(strstr(out, "retaining paths of the top sites:\n  timer #1 (poll_leak.js:13) -> "
                        "closure onTick -> Array (poll_leak.js:9)[0] -> 1,200 Object (poll_leak.js:11)\n"),
            "%s", out);
}

Test(node, cli_run_real_time_and_exit_code) {
  static char out[4096];
  int rc = run_cli("--real-time real_time.js", out, sizeof out, true);
  cr_expect_eq(rc, 7, "%s", out);
  cr_expect_str_eq(out, "start\nwaited true\n");
  rc = run_cli("--format yaml real_time.js", out, sizeof out, true);
  cr_expect_eq(rc, 2, "%s", out);
}

Test(node, cli_run_browser_listeners_and_where_they_were_added) {
  static char out[16384];
  int rc = run_cli("--browser --entry go --calls 2 listener_sites.js", out, sizeof out, true);
  cr_expect_eq(rc, 0, "%s", out);
  cr_expect(strstr(out, "listeners: 6\n"), "%s", out);
  cr_expect(strstr(out, "2  process 'exit', last added at listener_sites.js:3:1\n"), "%s", out);
  cr_expect(strstr(out, "2  process 'beforeExit', last added at listener_sites.js:9:30\n"),
            "%s", out);
  cr_expect(strstr(out, "2  window 'resize', last added at listener_sites.js:5:3\n"), "%s", out);
  cr_expect(strstr(out, "globals added: 0\n"), "%s", out); /* the host's are not the program's */
  rc = run_cli("--entry go --calls 1 listener_sites.js", out, sizeof out, true);
  cr_expect_eq(rc, 1, "without --browser there is no window: %s", out);
  cr_expect(strstr(out, "window is not defined"), "%s", out);
}
