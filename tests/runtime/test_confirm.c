/* The confirmation driver (runtime/src/confirm.c, watch.c, phantom.c,
 * confirm_metric.c): entry choice (function, method on one instance,
 * constructor, field initializer, static method, callback given to a
 * phantom, the module), the partner of a removal site, the metric per rule,
 * verdicts, and every inconclusive reason. Each case is a small file whose
 * site is marked by the first occurrence of a marker string. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "runtime/include/llrt_confirm.h"

static llrt_confirm_result run_path(const char *path, const char *src, const char *rule,
                                    const char *marker, uint64_t max_steps, double max_ms) {
  const char *at = strstr(src, marker);
  cr_assert_not_null(at, "marker '%s' not in the source", marker);
  llrt_confirm_request rq = {.path = path, .src = src, .len = strlen(src),
                             .rule = rule,
                             .site_start = (uint32_t)(at - src),
                             .site_end = (uint32_t)(at - src + strlen(marker)),
                             .max_steps = max_steps, .max_ms = max_ms ? max_ms : 20000};
  llrt_confirm_result r;
  cr_assert(llrt_confirm(&rq, &r));
  return r;
}

static llrt_confirm_result run_opts(const char *src, const char *rule, const char *marker,
                                    uint64_t max_steps, double max_ms) {
  return run_path("t.js", src, rule, marker, max_steps, max_ms);
}

static llrt_confirm_result run(const char *src, const char *rule, const char *marker) {
  return run_opts(src, rule, marker, 0, 0);
}

static void expect(const llrt_confirm_result *r, llrt_verdict v, const char *entry) {
  cr_assert_eq(r->verdict, v, "verdict %s (%s), expected %s", llrt_verdict_name(r->verdict),
               r->reason, llrt_verdict_name(v));
  if (entry) cr_assert_str_eq(r->entry, entry);
}

#define INTERVAL "no-uncleared-interval"
#define LISTENER "no-unremoved-listener"
#define GLOBAL "no-implicit-global"

Test(confirm, discarded_interval_grows_one_per_call) {
  llrt_confirm_result r = run("function start(req) {\n"
                              "  setInterval(() => req.write('x'), 1000);\n"
                              "}\nmodule.exports = { start };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "start");
  cr_assert_str_eq(r.metric, "live-timers");
  cr_assert_eq(r.nsamples, 3);
  cr_assert_eq(r.sample_calls[0], 1);
  cr_assert_eq(r.sample_calls[2], 100);
  cr_assert_eq(r.samples[0], 1);
  cr_assert_eq(r.samples[1], 10);
  cr_assert_eq(r.samples[2], 100);
  cr_assert_eq(r.per_call, 1);
  cr_assert_eq(r.calls, 100);
  cr_assert_gt(r.retained_bytes_per_call, 0);
  cr_assert_gt(r.phantom_uses, 0, "req.write is a phantom");
}

Test(confirm, interval_cleared_in_the_entry_is_refuted) {
  llrt_confirm_result r = run("function tick(n) {\n"
                              "  const t = setInterval(() => { if (--n <= 0) clearInterval(t); }, 10);\n"
                              "}\nmodule.exports = { tick };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_REFUTED, "tick");
  cr_assert_eq(r.plateau, 0);
}

Test(confirm, listener_on_process_per_call_is_confirmed) {
  llrt_confirm_result r = run("function handle(req) {\n"
                              "  process.on('exit', () => req.end());\n"
                              "}\nmodule.exports = { handle };\n",
                              LISTENER, "process.on");
  expect(&r, LLRT_CONFIRMED, "handle");
  cr_assert_str_eq(r.metric, "listeners");
  cr_assert_eq(r.per_call, 1);
}

Test(confirm, listener_on_a_per_call_emitter_is_refuted) {
  llrt_confirm_result r = run("const EventEmitter = require('events');\n"
                              "function handle() {\n"
                              "  const e = new EventEmitter();\n"
                              "  e.on('data', () => {});\n"
                              "  return e.listenerCount('data');\n"
                              "}\nmodule.exports = { handle };\n",
                              LISTENER, "e.on");
  expect(&r, LLRT_REFUTED, "handle");
  cr_assert_eq(r.plateau, 0, "the emitters are garbage");
}

Test(confirm, a_method_is_called_on_one_instance) {
  llrt_confirm_result r = run("class Reconnector {\n"
                              "  connect() { this.timer = setInterval(() => {}, 2000); }\n"
                              "  close() { clearInterval(this.timer); }\n"
                              "}\nmodule.exports = { Reconnector };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "Reconnector#connect");
}

Test(confirm, a_guarded_method_is_refuted) {
  llrt_confirm_result r = run("class Heartbeat {\n"
                              "  start() { if (this.timer) return; this.timer = setInterval(() => {}, 1000); }\n"
                              "}\nmodule.exports = { Heartbeat };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_REFUTED, "Heartbeat#start");
  cr_assert_eq(r.plateau, 1);
}

Test(confirm, a_constructor_is_called_with_new_each_time) {
  llrt_confirm_result r = run("class Meter {\n"
                              "  constructor(name) { this.t = setInterval(() => name.flush(), 1000); }\n"
                              "}\nmodule.exports = { Meter };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "new Meter");
}

Test(confirm, a_field_initializer_runs_through_the_constructor) {
  llrt_confirm_result r = run("class Clock {\n"
                              "  timer = setInterval(() => this.tick(), 1000);\n"
                              "  tick() {}\n"
                              "}\nmodule.exports = { Clock };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "new Clock");
}

Test(confirm, a_static_method_runs_on_the_class) {
  llrt_confirm_result r = run("class Poller {\n"
                              "  static start() { Poller.timer = setInterval(() => {}, 1000); }\n"
                              "}\nmodule.exports = { Poller };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "Poller.start");
}

Test(confirm, a_removal_site_runs_after_its_partner) {
  const char *src = "class Panel {\n"
                    "  mount() { window.addEventListener('resize', this.layout.bind(this)); }\n"
                    "  unmount() { window.removeEventListener('resize', this.layout.bind(this)); }\n"
                    "  layout() {}\n"
                    "}\nmodule.exports = { Panel };\n";
  llrt_confirm_result r = run(src, LISTENER, "window.removeEventListener");
  expect(&r, LLRT_CONFIRMED, "Panel#mount then Panel#unmount");
  cr_assert_eq(r.per_call, 1);
}

Test(confirm, a_removal_with_the_same_function_is_refuted) {
  const char *src = "class Panel {\n"
                    "  constructor() { this.onResize = () => {}; }\n"
                    "  mount() { window.addEventListener('resize', this.onResize); }\n"
                    "  unmount() { window.removeEventListener('resize', this.onResize); }\n"
                    "}\nmodule.exports = { Panel };\n";
  llrt_confirm_result r = run(src, LISTENER, "window.removeEventListener");
  expect(&r, LLRT_REFUTED, "Panel#mount then Panel#unmount");
  cr_assert_eq(r.plateau, 0);
}

Test(confirm, an_implicit_global_that_fills_up_is_confirmed) {
  llrt_confirm_result r = run("function remember(key, value) {\n"
                              "  if (typeof cache === 'undefined') cache = {};\n"
                              "  cache[key] = value;\n"
                              "}\nmodule.exports = { remember };\n",
                              GLOBAL, "cache = {}");
  expect(&r, LLRT_CONFIRMED, "remember");
  cr_assert_str_eq(r.metric, "global-entries");
  cr_assert_eq(r.per_call, 1, "each call's key differs: phantoms convert to the call number");
}

Test(confirm, an_implicit_global_with_one_value_is_refuted) {
  llrt_confirm_result r = run("function count() {\n"
                              "  total = (typeof total === 'number' ? total : 0) + 1;\n"
                              "}\nmodule.exports = { count };\n",
                              GLOBAL, "total =");
  expect(&r, LLRT_REFUTED, "count");
  cr_assert_eq(r.plateau, 1);
}

Test(confirm, a_callback_given_to_an_npm_module_is_an_entry) {
  llrt_confirm_result r = run("const express = require('express');\n"
                              "const app = express();\n"
                              "app.get('/events', (req, res) => {\n"
                              "  setInterval(() => res.write('ping'), 1000);\n"
                              "});\n"
                              "app.listen(3000);\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "callback at t.js:3");
  cr_assert_gt(r.phantom_uses, 0);
}

Test(confirm, unknown_host_globals_are_phantoms) {
  llrt_confirm_result r = run("function watch(tab) {\n"
                              "  chrome.tabs.onUpdated.addListener(() => {});\n"
                              "  setInterval(() => tab.reload(), 1000);\n"
                              "}\nmodule.exports = { watch };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "watch");
}

Test(confirm, a_name_the_program_assigns_throws_before_it_exists) {
  llrt_confirm_result r = run("function bump() {\n"
                              "  hits = hits + 1;\n"
                              "  setInterval(() => {}, 1000);\n"
                              "}\nmodule.exports = { bump };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_INCONCLUSIVE, NULL);
  cr_assert(strstr(r.reason, "exception thrown at t.js:2 before the site was reached"),
            "%s", r.reason);
  cr_assert(strstr(r.reason, "hits is not defined"), "%s", r.reason);
}

Test(confirm, a_site_that_never_runs_is_inconclusive) {
  llrt_confirm_result r = run("function start(opts) {\n"
                              "  if (opts === 42) setInterval(() => {}, 1000);\n"
                              "}\nmodule.exports = { start };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_INCONCLUSIVE, "");
  cr_assert_str_eq(r.reason, "the site never executed (entries tried: start, module)");
}

Test(confirm, an_unsupported_construct_is_named) {
  llrt_confirm_result r = run("function start(opts) {\n"
                              "  with (opts) { setInterval(() => {}, 1000); }\n"
                              "}\nmodule.exports = { start };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_INCONCLUSIVE, NULL);
  cr_assert_str_eq(r.reason, "unsupported construct at t.js:2: with statement");
}

Test(confirm, the_instruction_budget_stops_a_run) {
  llrt_confirm_result r = run_opts("function start() {\n"
                                   "  for (;;) {}\n"
                                   "  setInterval(() => {}, 1000);\n"
                                   "}\nmodule.exports = { start };\n",
                                   INTERVAL, "setInterval", 100000, 0);
  expect(&r, LLRT_INCONCLUSIVE, NULL);
  cr_assert_str_eq(r.reason, "budget exceeded (instruction cap) before the site was reached");
}

Test(confirm, the_time_cap_stops_a_run) {
  llrt_confirm_result r = run_opts("function start() {\n"
                                   "  setInterval(() => {}, 1000);\n"
                                   "  for (;;) {}\n"
                                   "}\nmodule.exports = { start };\n",
                                   INTERVAL, "setInterval", 0, 50);
  expect(&r, LLRT_INCONCLUSIVE, NULL);
  cr_assert_str_eq(r.reason, "budget exceeded (time cap) in the first call, after the site ran");
  cr_assert_lt(r.ms, 1000);
}

Test(confirm, a_top_level_site_reruns_the_module) {
  llrt_confirm_result r = run("const jobs = [];\n"
                              "setInterval(() => jobs.push(1), 1000);\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "module");
}

Test(confirm, async_entries_run_their_awaits) {
  llrt_confirm_result r = run("async function start(db) {\n"
                              "  const rows = await db.query('x');\n"
                              "  setInterval(() => rows.refresh(), 1000);\n"
                              "}\nmodule.exports = { start };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "start");
}

Test(confirm, runs_are_deterministic) {
  const char *src = "const seen = new Map();\n"
                    "function track(id) {\n"
                    "  if (seen.size < 5) seen.set(String(id), setInterval(() => {}, 500));\n"
                    "}\nmodule.exports = { track };\n";
  llrt_confirm_result a = run(src, INTERVAL, "setInterval");
  llrt_confirm_result b = run(src, INTERVAL, "setInterval");
  expect(&a, LLRT_REFUTED, "track");
  cr_assert_eq(a.plateau, 5);
  cr_assert_eq(memcmp(a.samples, b.samples, sizeof a.samples), 0);
  cr_assert_eq(a.retained_bytes_per_call, b.retained_bytes_per_call);
}

Test(confirm, rules_pick_their_metric) {
  cr_assert_str_eq(llrt_confirm_metric(INTERVAL), "live-timers");
  cr_assert_str_eq(llrt_confirm_metric(LISTENER), "listeners");
  cr_assert_str_eq(llrt_confirm_metric(GLOBAL), "global-entries");
  cr_assert_str_eq(llrt_confirm_metric("some-future-rule"), "retained-bytes");
}

Test(confirm, a_generator_entry_runs_its_first_step) {
  llrt_confirm_result r = run("function* feed(src) {\n"
                              "  setInterval(() => src.poll(), 1000);\n"
                              "  yield 1;\n"
                              "}\nmodule.exports = { feed };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_CONFIRMED, "feed");
}

Test(confirm, typescript_runs_with_its_types_erased) {
  llrt_confirm_result r = run_path("t.ts",
                                   "interface Opts { ms: number }\n"
                                   "export class Poller {\n"
                                   "  private timer?: ReturnType<typeof setInterval>;\n"
                                   "  start(opts: Opts): void {\n"
                                   "    this.timer = setInterval(() => this.tick(), opts.ms as number);\n"
                                   "  }\n"
                                   "  tick(): void {}\n"
                                   "}\n",
                                   INTERVAL, "setInterval(() =>", 0, 0);
  expect(&r, LLRT_CONFIRMED, "Poller#start");
}

Test(confirm, a_constructor_runs_with_its_disposer) {
  llrt_confirm_result r = run("class Spinner {\n"
                              "  constructor(out) { this.timer = setInterval(() => out.write('.'), 100); }\n"
                              "  destroy() { clearInterval(this.timer); }\n"
                              "}\nmodule.exports = { Spinner };\n",
                              INTERVAL, "setInterval");
  expect(&r, LLRT_REFUTED, "new Spinner then Spinner#destroy");
  cr_assert_eq(r.plateau, 0);
}

Test(confirm, a_disposer_that_clears_the_wrong_handle_is_confirmed) {
  llrt_confirm_result r = run("class Spinner {\n"
                              "  constructor(out) {\n"
                              "    this.timer = setInterval(() => out.write('.'), 100);\n"
                              "    this.blink = setInterval(() => out.write('*'), 500);\n"
                              "  }\n"
                              "  destroy() { clearInterval(this.timer); }\n"
                              "}\nmodule.exports = { Spinner };\n",
                              INTERVAL, "setInterval(() => out.write('*')");
  expect(&r, LLRT_CONFIRMED, "new Spinner then Spinner#destroy");
  cr_assert_eq(r.per_call, 1);
}
