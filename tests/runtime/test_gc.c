/* The collector's invariants (runtime/src/gc.h): minor collections free
 * young garbage and never touch old objects, promotion, the write barrier
 * and the remembered set under random mutation, ephemerons, WeakRef,
 * FinalizationRegistry, verification, census, budgets and failing
 * allocations. Every test also runs under `-DLL_GC_STRESS=ON` and ASan. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/src/gc.h"
#include "runtime/src/interp.h"

static llrt_state *S;

static void setup(void) {
  llrt_config c;
  llrt_config_init(&c);
  c.gc_verify = true;
  S = llrt_state_new(&c);
  cr_assert_not_null(S);
}
static void teardown(void) { llrt_state_free(S); }

TestSuite(gc, .init = setup, .fini = teardown);

static void run(const char *src) {
  llrt_result r;
  llrt_status st = llrt_eval(S, "t.js", src, strlen(src), false, &r);
  cr_assert_eq(st, LLRT_OK, "%s: %s", src, r.message ? r.message : "?");
  llrt_result_fini(&r);
}

static llrt_value global(const char *name) {
  return llrt__get_str(S, S->global, name);
}

static size_t count_type(int tt) { return S->live_count[tt]; }

static bool on_list(llrt_gc *list, llrt_gc *o) {
  for (; list; list = list->next)
    if (list == o) return true;
  return false;
}

Test(gc, state_new_and_free_with_nothing_run) {
  cr_assert_gt(S->total_bytes, 0);
  const char *why = NULL;
  cr_assert(llrt_gc_verify(S, &why), "%s", why);
}

Test(gc, minor_frees_unreachable_young_objects) {
  llrt_gc_major(S);
  size_t before = count_type(LLRT_T_OBJECT);
  run("for (var i = 0; i < 1000; i++) ({ i: i });");
  llrt_gc_minor(S);
  cr_assert_leq(count_type(LLRT_T_OBJECT), before + 2);
}

Test(gc, reachable_young_objects_survive_a_minor) {
  run("var keep = []; for (var i = 0; i < 100; i++) keep.push({ i: i });");
  llrt_gc_minor(S);
  llrt_gc_minor(S);
  run("var sum = 0; for (var o of keep) sum += o.i; if (sum !== 4950) throw 1;");
}

Test(gc, survivors_are_promoted_after_promote_age_minors) {
  run("var x = { a: 1 };");
  llrt_gc *o = LLRT_PTR(global("x"));
  cr_assert(!llrt_is_old(o));
  for (unsigned i = 0; i < S->cfg.promote_age; i++) llrt_gc_minor(S);
  cr_assert(llrt_is_old(o));
  cr_assert(on_list(S->old, o));
  cr_assert(!on_list(S->young, o));
}

/* Snapshot every old object's bytes, run a minor with young garbage and
 * young objects reachable from the roots, and compare. Only the remembered
 * flag may change on an old object. */
Test(gc, minor_collection_does_not_touch_old_objects) {
  run("var olds = []; for (var i = 0; i < 200; i++) olds.push({ i: i, s: 'x' + i });");
  llrt_gc_major(S);
  for (unsigned i = 0; i < S->cfg.promote_age; i++) llrt_gc_minor(S);
  /* Young garbage and young survivors first: the snapshot is taken after
   * the program ran, so only the collector could change old objects. */
  run("var young = []; for (var j = 0; j < 500; j++) { ({ garbage: j }); young.push([j]); }");
  size_t n = 0;
  for (llrt_gc *o = S->old; o; o = o->next) n++;
  cr_assert_gt(n, 200);
  llrt_gc **objs = malloc(n * sizeof *objs);
  unsigned char **copies = malloc(n * sizeof *copies);
  size_t *sizes = malloc(n * sizeof *sizes);
  size_t k = 0;
  for (llrt_gc *o = S->old; o; o = o->next, k++) {
    objs[k] = o;
    sizes[k] = llrt__obj_size(o);
    copies[k] = malloc(sizes[k]);
    memcpy(copies[k], o, sizes[k]);
  }
  llrt_gc_minor(S);
  /* The minor may prepend promoted objects to the old list: compare our
   * snapshot objects in place. */
  for (size_t i = 0; i < n; i++) {
    llrt_gc *o = objs[i];
    unsigned char *now = (unsigned char *)o;
    /* `next` of the last snapshot object may point at new old objects only
     * when they were pushed in front; the list head order is unchanged. */
    cr_assert_eq(o->age, LLRT_AGE_OLD);
    cr_assert_eq(o->mark, LLRT_WHITE);
    size_t hdr = offsetof(llrt_gc, flags);
    cr_assert(!memcmp(now, copies[i], hdr), "old object %zu header changed", i);
    cr_assert(!memcmp(now + sizeof(llrt_gc), copies[i] + sizeof(llrt_gc),
                      sizes[i] - sizeof(llrt_gc)),
              "old object %zu body changed", i);
    free(copies[i]);
  }
  free(objs);
  free(copies);
  free(sizes);
}

Test(gc, write_barrier_remembers_old_object_pointing_to_young) {
  run("var holder = { slot: null };");
  llrt_gc_major(S);
  for (unsigned i = 0; i < S->cfg.promote_age; i++) llrt_gc_minor(S);
  llrt_gc *h = LLRT_PTR(global("holder"));
  cr_assert(llrt_is_old(h));
  cr_assert(!(h->flags & LLRT_GCF_REMEMBERED));
  run("holder.slot = { fresh: true };");
  cr_assert(h->flags & LLRT_GCF_REMEMBERED);
  llrt_gc_minor(S); /* the young object is reachable only through `holder` */
  run("if (!holder.slot.fresh) throw new Error('lost');");
  /* Once the child is promoted too, the holder leaves the set. */
  for (unsigned i = 0; i < S->cfg.promote_age + 1; i++) llrt_gc_minor(S);
  cr_assert(!(h->flags & LLRT_GCF_REMEMBERED));
}

Test(gc, environment_slots_go_through_the_barrier) {
  run("var make = function () { var cell = null; return { set: function (v) { cell = v; }, get: function () { return cell; } }; };"
      "var box = make();");
  llrt_gc_major(S);
  for (unsigned i = 0; i < S->cfg.promote_age; i++) llrt_gc_minor(S);
  run("box.set({ v: 42 });");
  llrt_gc_minor(S);
  run("if (box.get().v !== 42) throw new Error('lost');");
}

/* Random mutation: old arrays get young objects stored and removed at
 * random; after each minor, the heap verifies and the program's own
 * checksum of reachable data must hold. */
Test(gc, remembered_set_under_random_mutation) {
  run("var olds = []; for (var i = 0; i < 64; i++) olds.push([]);"
      "var seed = 12345; function rnd(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; }"
      "var expect = 0;");
  llrt_gc_major(S);
  for (unsigned i = 0; i < S->cfg.promote_age; i++) llrt_gc_minor(S);
  for (int round = 0; round < 40; round++) {
    run("for (var k = 0; k < 50; k++) { var a = olds[rnd(64)];"
        "  if (rnd(3) === 0 && a.length) { var x = a.pop(); expect -= x.v; }"
        "  else { var v = rnd(1000); a.push({ v: v, pad: [v] }); expect += v; } }");
    llrt_gc_minor(S);
    const char *why = NULL;
    cr_assert(llrt_gc_verify(S, &why), "round %d: %s", round, why);
    if (round % 10 == 9) llrt_gc_major(S);
  }
  run("var sum = 0; for (var a of olds) for (var o of a) sum += o.v + o.pad[0] - o.v;"
      "if (sum !== expect) throw new Error('sum ' + sum + ' != ' + expect);");
}

/* ==== Ephemerons ==== */

Test(gc, weakmap_entry_dies_with_its_key) {
  run("var wm = new WeakMap(); var k = {}; wm.set(k, { big: [1, 2, 3] });");
  llrt_weakmap *w = (llrt_weakmap *)LLRT_PTR(global("wm"));
  cr_assert_eq(w->count, 1);
  run("k = null;");
  llrt_gc_major(S);
  cr_assert_eq(w->count, 0);
}

Test(gc, weakmap_value_pointing_back_to_key_is_collected) {
  /* QuickJS keeps this alive (values strong); ephemerons must not. */
  run("var wm = new WeakMap(); (function () { var k = {}; wm.set(k, { back: k }); })();");
  llrt_gc_major(S);
  cr_assert_eq(((llrt_weakmap *)LLRT_PTR(global("wm")))->count, 0);
}

Test(gc, weakmap_keeps_value_while_key_lives) {
  run("var wm = new WeakMap(); var k = {}; wm.set(k, { v: 7 });");
  llrt_gc_major(S);
  llrt_gc_minor(S);
  run("if (wm.get(k).v !== 7) throw new Error('value lost');");
}

Test(gc, ephemeron_chains_converge_to_a_fixpoint) {
  /* k1 -> v1 = k2 in a second map -> v2 = k3 ...: only k1 is a root. */
  run("var maps = []; for (var i = 0; i < 5; i++) maps.push(new WeakMap());"
      "var root = {}; var cur = root;"
      "for (var i = 0; i < 5; i++) { var nxt = { n: i }; maps[4 - i].set(cur, nxt); cur = nxt; }"
      "cur = null; nxt = null;");
  llrt_gc_major(S);
  run("var c = root; for (var i = 0; i < 5; i++) { c = maps[4 - i].get(c); if (!c || c.n !== i) throw new Error('chain ' + i); }");
  run("root = null; c = null;");
  llrt_gc_major(S);
  for (int i = 0; i < 5; i++) {
    llrt_value m = llrt__get_index(S, global("maps"), (uint32_t)i);
    cr_assert_eq(((llrt_weakmap *)LLRT_PTR(m))->count, 0, "map %d", i);
  }
}

Test(gc, young_key_in_old_weakmap_is_settled_by_a_minor) {
  run("var wm = new WeakMap();");
  llrt_gc_major(S);
  for (unsigned i = 0; i < S->cfg.promote_age; i++) llrt_gc_minor(S);
  cr_assert(llrt_is_old(LLRT_PTR(global("wm"))));
  run("var live = {}; wm.set(live, 1); wm.set({}, 2);");
  llrt_gc_minor(S);
  cr_assert_eq(((llrt_weakmap *)LLRT_PTR(global("wm")))->count, 1);
  run("if (wm.get(live) !== 1) throw 1;");
}

Test(gc, weakset_entry_dies_with_its_key) {
  run("var ws = new WeakSet(); var k = {}; ws.add(k); ws.add({});");
  llrt_gc_major(S);
  cr_assert_eq(((llrt_weakmap *)LLRT_PTR(global("ws")))->count, 1);
  run("if (!ws.has(k)) throw 1;");
}

/* ==== WeakRef and FinalizationRegistry ==== */

Test(gc, weakref_is_cleared_when_its_target_dies) {
  run("var target = { t: 1 }; var ref = new WeakRef(target);");
  llrt_gc_major(S);
  run("if (ref.deref() !== target) throw 1; target = null;");
  llrt_gc_major(S);
  run("if (ref.deref() !== undefined) throw new Error('still there');");
}

Test(gc, finalization_callbacks_are_queued_not_run_by_the_collector) {
  run("var log = []; var reg = new FinalizationRegistry(function (h) { log.push(h); });"
      "var targets = [{}, {}]; reg.register(targets[0], 'a'); reg.register(targets[1], 'b');"
      "var kept = {}; reg.register(kept, 'kept');");
  /* Drop the targets from C, so no script (and no job drain) runs. */
  llrt_value key = llrt__intern(S, "targets", 7);
  cr_assert_neq(llrt__set(S, S->global, key, LLRT_NULL), LLRT_EXC);
  llrt_gc_major(S);
  llrt_value log = global("log");
  cr_assert_eq(LLRT_OBJ(log)->len, 0, "a callback ran inside the collector");
  cr_assert_geq(LLRT_OBJ(S->jobs)->len - S->jobhead, 4); /* two (fn, arg) pairs */
  llrt_result r;
  cr_assert_eq(llrt_run_jobs(S, &r), LLRT_OK);
  llrt_result_fini(&r);
  cr_assert_eq(LLRT_OBJ(log)->len, 2);
  run("if (log.join() !== 'a,b') throw new Error('log: ' + log.join());");
}

Test(gc, finalization_unregister_cancels_the_callback) {
  run("var n = 0; var reg = new FinalizationRegistry(function () { n++; });"
      "var token = {}; (function () { reg.register({}, 'x', token); })();"
      "reg.unregister(token);");
  llrt_gc_major(S);
  run("if (n !== 0) throw new Error('called');");
}

/* ==== Verification, census, statistics ==== */

Test(gc, verification_catches_a_missing_remembered_entry) {
  run("var holder = { slot: null };");
  llrt_gc_major(S);
  for (unsigned i = 0; i < S->cfg.promote_age; i++) llrt_gc_minor(S);
  run("holder.slot = { fresh: true };");
  llrt_gc *h = LLRT_PTR(global("holder"));
  h->flags &= (uint8_t)~LLRT_GCF_REMEMBERED; /* break invariant (R) on purpose */
  const char *why = NULL;
  cr_assert(!llrt_gc_verify(S, &why));
  cr_assert_not_null(strstr(why, "remembered"));
  h->flags |= LLRT_GCF_REMEMBERED; /* restore so teardown is clean */
}

Test(gc, census_groups_live_objects_by_site_and_type) {
  run("var keep = [];\nfor (var i = 0; i < 30; i++) keep.push({ i: i });\n");
  cr_assert_eq(llrt_census_count(S, "Object", "t.js", 2), 30);
  size_t n = 0;
  llrt_census_row *rows = llrt_census(S, &n);
  cr_assert_gt(n, 0);
  uint32_t site = 0;
  for (size_t i = 0; i < n; i++)
    if (rows[i].file && rows[i].line == 2 && !strcmp(rows[i].type, "Object"))
      site = rows[i].site;
  free(rows);
  cr_assert_neq(site, 0);
  char path[512];
  cr_assert(llrt_census_path(S, site, path, sizeof path));
  cr_assert_not_null(strstr(path, "Array (t.js:1:12)"), "%s", path);
  cr_assert_not_null(strstr(path, "-> Object (t.js:2:"), "%s", path);
}

Test(gc, statistics_count_collections_and_bytes) {
  run("for (var i = 0; i < 100; i++) ({});");
  llrt_gc_minor(S);
  llrt_gc_minor(S);
  llrt_gc_major(S);
  llrt_gc_stats st;
  llrt_gc_get_stats(S, &st);
  cr_assert_geq(st.minors, 2);
  cr_assert_geq(st.majors, 1);
  cr_assert_gt(st.bytes_allocated, st.live_bytes);
  cr_assert_gt(st.bytes_freed, 0);
  cr_assert_geq(st.minor_max_ms, st.minor_median_ms);
  cr_assert_eq(st.live_bytes, llrt_gc_live_bytes(S, -1));
}

Test(gc, live_bytes_per_type_are_exact) {
  llrt_gc_major(S);
  size_t arrays = llrt_gc_live_bytes(S, LLRT_T_ARRAY);
  run("var a = [1, 2, 3];");
  cr_assert_gt(llrt_gc_live_bytes(S, LLRT_T_ARRAY), arrays);
  run("a = null;");
  llrt_gc_major(S);
  cr_assert_eq(llrt_gc_live_bytes(S, LLRT_T_ARRAY), arrays);
}

/* ==== Budgets and failures ==== */

Test(gc, instruction_budget_stops_an_infinite_loop) {
  llrt_config c;
  llrt_config_init(&c);
  c.max_steps = 10000;
  llrt_state *T = llrt_state_new(&c);
  llrt_result r;
  const char *src = "while (true) {}";
  cr_assert_eq(llrt_eval(T, "loop.js", src, strlen(src), false, &r), LLRT_BUDGET);
  cr_assert_not_null(strstr(r.message, "budget"));
  llrt_result_fini(&r);
  llrt_state_free(T);
}

Test(gc, deep_recursion_is_a_catchable_range_error) {
  run("function f(n) { return f(n + 1) + 1; }"
      "var ok = false; try { f(0); } catch (e) { ok = e instanceof RangeError; }"
      "if (!ok) throw new Error('no RangeError');");
}

Test(gc, heap_cap_is_a_clean_failure) {
  llrt_config c;
  llrt_config_init(&c);
  c.heap_cap = 4u << 20;
  llrt_state *T = llrt_state_new(&c);
  llrt_result r;
  const char *src = "var a = []; while (true) a.push({ x: [1, 2, 3] });";
  cr_assert_eq(llrt_eval(T, "cap.js", src, strlen(src), false, &r), LLRT_NOMEM);
  llrt_result_fini(&r);
  llrt_state_free(T);
}

Test(gc, failing_the_nth_allocation_never_crashes) {
  const char *src = "var o = { a: [1, 2], s: 'x' + 1 }; var m = new Map([[1, o]]);"
                    "class K { f = 1 } new K(); JSON.stringify(o);";
  for (uint64_t n = 1; n < 120; n++) {
    llrt_config c;
    llrt_config_init(&c);
    c.fail_alloc_at = n;
    c.gc_verify = true;
    llrt_state *T = llrt_state_new(&c);
    cr_assert_not_null(T);
    llrt_result r;
    llrt_status st = llrt_eval(T, "oom.js", src, strlen(src), false, &r);
    cr_assert(st == LLRT_OK || st == LLRT_NOMEM, "n=%llu status %d %s",
              (unsigned long long)n, st, r.message ? r.message : "");
    llrt_result_fini(&r);
    llrt_state_free(T);
  }
}

/* A mark stack that cannot grow (here capped at 4 entries) leaves marked
 * objects unscanned; the rescan must still reach everything: a long list,
 * a wide array and a deep tree survive majors and minors, checked by the
 * verifier after every collection and by reading them back. */
Test(gc, mark_stack_overflow_rescans_instead_of_losing_objects) {
  llrt_config c;
  llrt_config_init(&c);
  c.gc_verify = true;
  c.gray_limit = 4;
  c.nursery_bytes = 64 * 1024;
  llrt_state *T = llrt_state_new(&c);
  cr_assert_not_null(T);
  const char *src =
      "var list = null; for (var i = 0; i < 3000; i++) list = { i: i, next: list };"
      "var wide = []; for (var j = 0; j < 3000; j++) wide.push({ j: j, s: 'v' + j });"
      "function tree(d) { return d ? { l: tree(d - 1), r: tree(d - 1) } : { leaf: 1 }; }"
      "var t = tree(10);"
      "function count(n) { return n.leaf ? 1 : count(n.l) + count(n.r); }"
      "var sum = 0; for (var p = list; p; p = p.next) sum += p.i;"
      "var ok = sum === 4498500 && wide[2999].s === 'v2999' && count(t) === 1024;";
  llrt_result r;
  llrt_status st = llrt_eval(T, "gray.js", src, strlen(src), false, &r);
  cr_assert_eq(st, LLRT_OK, "%s", r.message ? r.message : "?");
  llrt_result_fini(&r);
  llrt_gc_major(T);
  llrt_gc_minor(T);
  llrt_gc_major(T);
  cr_assert_eq(llrt__get_str(T, T->global, "ok"), LLRT_TRUE);
  const char *again = "ok = ok && wide.length === 3000 && count(t) === 1024 && list.next.i === 2998;";
  st = llrt_eval(T, "gray2.js", again, strlen(again), false, &r);
  cr_assert_eq(st, LLRT_OK, "%s", r.message ? r.message : "?");
  llrt_result_fini(&r);
  cr_assert_eq(llrt__get_str(T, T->global, "ok"), LLRT_TRUE);
  cr_assert_leq(T->graycap, 4);
  llrt_state_free(T);
}

Test(gc, uncaught_exception_is_a_result_with_a_location) {
  llrt_result r;
  const char *src = "var x = 1;\nfunction f() { throw new TypeError('bad ' + x); }\nf();";
  cr_assert_eq(llrt_eval(S, "throw.js", src, strlen(src), false, &r), LLRT_THROWN);
  cr_assert_str_eq(r.message, "TypeError: bad 1");
  cr_assert_str_eq(r.file, "throw.js");
  cr_assert_eq(r.line, 2);
  llrt_result_fini(&r);
}

Test(gc, unsupported_syntax_names_the_construct_and_line) {
  llrt_result r;
  const char *src = "var a = 1;\nwith (a) {}";
  cr_assert_eq(llrt_eval(S, "u.js", src, strlen(src), false, &r), LLRT_UNSUPPORTED);
  cr_assert_str_eq(r.message, "unsupported: with statement at u.js:2");
  llrt_result_fini(&r);
}

Test(gc, host_roots_keep_values_alive) {
  llrt_value slot = LLRT_UNDEF;
  cr_assert(llrt_root_add(S, &slot, 1));
  run("var tmp = { held: 1 };");
  slot = global("tmp");
  run("tmp = null;");
  llrt_gc_major(S);
  cr_assert(on_list(S->young, LLRT_PTR(slot)) || on_list(S->old, LLRT_PTR(slot)));
  llrt_root_remove(S, &slot);
  llrt_gc *o = LLRT_PTR(slot);
  llrt_gc_major(S);
  cr_assert(!on_list(S->young, o) && !on_list(S->old, o));
}
