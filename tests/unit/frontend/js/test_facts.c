/* facts.c: multiplicity (once / many and why), lifetime of holders,
 * escapes of local bindings, and whether two expressions are the same
 * place. Each snippet marks the node of interest by a unique name. */
#include "../../helpers.h"

TestSuite(facts, .fini = unit_teardown);

/* ==== Multiplicity ==== */

/* Multiplicity of the first call to `probe()`, and why. */
static ll_multiplicity mult_of_probe(const ll_js *js, ll_nid *why) {
  ll_nid id = ident(js, "probe", 0);
  ll_nid call = js->nodes[id].parent;
  cr_assert_eq(ll_js_kind(js, call), LL_K_call_expression);
  return ll_js_multiplicity(js, call, why);
}

#define ASSERT_ONCE(src, path)                                              \
  do {                                                                      \
    const ll_js *js_ = parse((path), (src));                                \
    ll_nid why_ = 0;                                                        \
    cr_assert_eq(mult_of_probe(js_, &why_), LL_ONCE, "%s", (src));          \
    cr_assert_eq(why_, LL_NONE);                                            \
  } while (0)

/* The code runs many times because of the first node of `kind`. */
#define ASSERT_MANY(src, path, kind)                                        \
  do {                                                                      \
    const ll_js *js_ = parse((path), (src));                                \
    ll_nid why_ = LL_NONE;                                                  \
    cr_assert_eq(mult_of_probe(js_, &why_), LL_MANY, "%s", (src));          \
    cr_assert_eq(ll_js_kind(js_, why_), (kind), "why is %s",                \
                 ll__js_kind_name(ll_js_kind(js_, why_)));                  \
  } while (0)

Test(facts, top_level_code_runs_once) {
  ASSERT_ONCE("probe();\nif (x) { probe2(); }\n", "m.js");
}

Test(facts, code_in_a_block_at_top_level_runs_once) {
  ASSERT_ONCE("if (x) { try { probe(); } catch (e) {} }\n", "m.js");
}

Test(facts, a_function_body_runs_many_times) {
  ASSERT_MANY("function f() { probe(); }\n", "m.js", LL_K_function_declaration);
}

Test(facts, a_callback_runs_many_times) {
  ASSERT_MANY("el.on('x', () => { probe(); });\n", "m.js", LL_K_arrow_function);
}

Test(facts, a_method_runs_many_times) {
  ASSERT_MANY("class A { m() { probe(); } }\n", "m.js", LL_K_method_definition);
}

Test(facts, a_constructor_runs_many_times) {
  ASSERT_MANY("class A { constructor() { probe(); } }\n", "m.js",
              LL_K_method_definition);
}

Test(facts, a_top_level_iife_runs_once) {
  ASSERT_ONCE("(function () { probe(); })();\n", "m.js");
}

Test(facts, a_top_level_arrow_iife_runs_once) {
  ASSERT_ONCE("(() => { probe(); })();\n", "m.js");
}

Test(facts, a_top_level_iife_without_parentheses_runs_once) {
  ASSERT_ONCE("!function () { probe(); }();\n", "m.js");
}

Test(facts, an_iife_called_with_call_or_apply_runs_once) {
  ASSERT_ONCE("(function () { probe(); }).call(this);\n", "m.js");
  unit_teardown();
  ASSERT_ONCE("(function () { probe(); }).apply(this, []);\n", "m.js");
}

Test(facts, nested_iifes_at_top_level_run_once) {
  ASSERT_ONCE("(function () { (() => { probe(); })(); })();\n", "m.js");
}

Test(facts, an_iife_inside_a_function_runs_many_times) {
  ASSERT_MANY("function f() { (function () { probe(); })(); }\n", "m.js",
              LL_K_function_declaration);
}

Test(facts, a_function_passed_as_an_argument_is_not_an_iife) {
  ASSERT_MANY("run(function () { probe(); });\n", "m.js", LL_K_function_expression);
}

Test(facts, loop_bodies_run_many_times) {
  ASSERT_MANY("for (;;) { probe(); }\n", "m.js", LL_K_for_statement);
  unit_teardown();
  ASSERT_MANY("for (const x of xs) probe();\n", "m.js", LL_K_for_in_statement);
  unit_teardown();
  ASSERT_MANY("while (x) { probe(); }\n", "m.js", LL_K_while_statement);
  unit_teardown();
  ASSERT_MANY("do { probe(); } while (x);\n", "m.js", LL_K_do_statement);
}

Test(facts, a_loop_condition_repeats) {
  ASSERT_MANY("while (probe()) {}\n", "m.js", LL_K_while_statement);
}

Test(facts, a_for_initializer_and_iterable_run_once) {
  ASSERT_ONCE("for (let i = probe(); i < 3; i++) {}\n", "m.js");
  unit_teardown();
  ASSERT_ONCE("for (const x of probe()) {}\n", "m.js");
}

Test(facts, a_loop_inside_an_iife_runs_many_times) {
  ASSERT_MANY("(function () { for (;;) probe(); })();\n", "m.js",
              LL_K_for_statement);
}

Test(facts, a_class_static_block_runs_once) {
  ASSERT_ONCE("class A { static { probe(); } }\n", "m.js");
}

Test(facts, a_static_field_initialiser_runs_once) {
  ASSERT_ONCE("class A { static f = probe(); }\n", "m.js");
}

Test(facts, an_instance_field_initialiser_runs_many_times) {
  ASSERT_MANY("class A { f = probe(); }\n", "m.js", LL_K_field_definition);
}

Test(facts, an_instance_field_named_static_runs_many_times) {
  // Regression test for a bug fixed in the same change that enabled it.
  ASSERT_MANY("class A { static = probe(); }\n", "m.js", LL_K_field_definition);
}

Test(facts, a_typescript_static_field_with_a_modifier_runs_once) {
  // Regression test for a bug fixed in the same change that enabled it.
  ASSERT_ONCE("class A { private static f = probe(); }\n", "m.ts");
  unit_teardown();
  ASSERT_ONCE("class A { @dec static f = probe(); }\n", "m.js");
}

Test(facts, a_typescript_instance_field_runs_many_times) {
  ASSERT_MANY("class A { private f = probe(); }\n", "m.ts",
              LL_K_public_field_definition);
}

Test(facts, a_static_method_runs_many_times) {
  ASSERT_MANY("class A { static m() { probe(); } }\n", "m.js",
              LL_K_method_definition);
}

Test(facts, a_static_block_inside_a_function_runs_many_times) {
  ASSERT_MANY("function f() { class A { static { probe(); } } }\n", "m.js",
              LL_K_function_declaration);
}

Test(facts, why_is_optional) {
  const ll_js *js = parse("m.js", "function f() { probe(); }\n");
  cr_assert_eq(mult_of_probe(js, NULL), LL_MANY);
}

/* ==== Enclosing function and class ==== */

Test(facts, enclosing_function_and_class) {
  const ll_js *js = parse("m.js",
                          "top;\n"
                          "class A { m() { return () => arrowed; } }\n"
                          "function f() { plain; }\n");
  cr_assert_eq(ll_js_enclosing_function(js, ident(js, "top", 0)), LL_NONE);
  cr_assert_eq(ll_js_enclosing_class(js, ident(js, "top", 0)), LL_NONE);
  ll_nid a = ident(js, "arrowed", 0);
  cr_assert_eq(ll_js_kind(js, ll_js_enclosing_function(js, a)),
               LL_K_arrow_function);
  cr_assert_eq(ll_js_enclosing_class(js, a),
               must_find(js, LL_K_class_body, NULL)); /* arrows see `this` */
  cr_assert_eq(ll_js_enclosing_class(js, ident(js, "plain", 0)), LL_NONE);
  ll_nid m = must_find(js, LL_K_method_definition, NULL);
  cr_assert(ll_js_method_named(js, m, "m"));
  cr_assert(!ll_js_method_named(js, m, "n"));
}

Test(facts, a_plain_function_inside_a_method_has_its_own_this) {
  const ll_js *js = parse("m.js",
                          "class A { m() { return function () { inner; }; } }\n");
  cr_assert_eq(ll_js_enclosing_class(js, ident(js, "inner", 0)), LL_NONE);
}

Test(facts, is_function_covers_every_function_form) {
  cr_assert(ll_js_is_function(LL_K_function_declaration));
  cr_assert(ll_js_is_function(LL_K_function_expression));
  cr_assert(ll_js_is_function(LL_K_arrow_function));
  cr_assert(ll_js_is_function(LL_K_method_definition));
  cr_assert(ll_js_is_function(LL_K_generator_function_declaration));
  cr_assert(ll_js_is_function(LL_K_class_static_block));
  cr_assert(!ll_js_is_function(LL_K_class_body));
  cr_assert(!ll_js_is_function(LL_K_statement_block));
  cr_assert(!ll_js_is_function(LL_K_call_expression));
}

/* ==== Lifetime ==== */

/* Lifetime of the expression `holder` in `probe(holder)`: the first call's
 * first argument. */
static ll_lifetime life_of_arg(const ll_js *js) {
  ll_nid id = ident(js, "probe", 0);
  ll_nid call = js->nodes[id].parent;
  ll_nid args = ll_js_child(js, call, LL_F_arguments);
  return ll_js_lifetime(js, ll_js_named_child(js, args, 0));
}

#define ASSERT_LIFE(path, src, want)                                       \
  do {                                                                     \
    const ll_js *js_ = parse((path), (src));                               \
    ll_lifetime got_ = life_of_arg(js_);                                   \
    cr_assert_eq(got_, (want), "%s: lifetime %d, want %d", (src), got_,   \
                 (want));                                                  \
  } while (0)

Test(facts, host_objects_are_long_lived) {
  ASSERT_LIFE("l.js", "function f() { probe(process); }\n", LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { probe(window); }\n", LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { probe(document.body); }\n", LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { probe(process.stdout); }\n", LL_LIFE_LONG);
}

Test(facts, module_bindings_are_long_lived) {
  ASSERT_LIFE("l.js",
              "const bus = new Emitter();\nfunction f() { probe(bus); }\n",
              LL_LIFE_LONG);
}

Test(facts, a_local_new_object_that_does_not_escape_is_local) {
  ASSERT_LIFE("l.js",
              "function f() {\n"
              "  const em = new Emitter();\n"
              "  em.on('x', g);\n"
              "  em.count = 1;\n"
              "  probe(em.child);\n"
              "}\n",
              LL_LIFE_LOCAL);
}

Test(facts, local_literals_and_created_elements_are_local) {
  ASSERT_LIFE("l.js", "function f() { const o = {}; probe(o.x); }\n", LL_LIFE_LOCAL);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { let a = []; probe(a.y); }\n", LL_LIFE_LOCAL);
  unit_teardown();
  ASSERT_LIFE("l.js",
              "function f() { const el = document.createElement('div'); "
              "probe(el.z); }\n",
              LL_LIFE_LOCAL);
}

Test(facts, a_new_expression_itself_is_local) {
  ASSERT_LIFE("l.js", "function f() { probe(new Emitter()); }\n", LL_LIFE_LOCAL);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { probe((new Emitter())); }\n", LL_LIFE_LOCAL);
}

/* `probe(em.x)` after `em` escapes in the given way: long. */
static void assert_escape_makes_long(const char *escape) {
  char src[512];
  snprintf(src, sizeof src,
           "let outer;\n"
           "function f() {\n"
           "  const em = new Emitter();\n"
           "  %s\n"
           "  probe(em.x);\n"
           "}\n",
           escape);
  ASSERT_LIFE("l.js", src, LL_LIFE_LONG);
  unit_teardown();
}

Test(facts, a_local_object_that_escapes_is_long_lived) {
  assert_escape_makes_long("return em;");
  assert_escape_makes_long("keep(em);");
  assert_escape_makes_long("outer = em;");
  assert_escape_makes_long("this.held = em;");
  assert_escape_makes_long("list.push(em);");
  assert_escape_makes_long("const alias = em;");
  assert_escape_makes_long("registry.set('k', [em]);");
  assert_escape_makes_long("const o = { em };");
  assert_escape_makes_long("const o = { key: em };");
  assert_escape_makes_long("new Holder(em);");
  assert_escape_makes_long("throw em;");
  assert_escape_makes_long("return (em);");
}

Test(facts, other_initialisers_are_long_lived) {
  ASSERT_LIFE("l.js", "function f() { const em = getEmitter(); probe(em); }\n",
              LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { let em; probe(em); }\n", LL_LIFE_LONG);
}

Test(facts, this_is_self_and_its_members_are_long_lived) {
  ASSERT_LIFE("l.js", "class A { m() { probe(this); } }\n", LL_LIFE_SELF);
  unit_teardown();
  ASSERT_LIFE("l.js", "class A { m() { probe(this.socket); } }\n", LL_LIFE_LONG);
}

Test(facts, an_inline_callback_parameter_is_per_event) {
  ASSERT_LIFE("l.js",
              "el.on('x', (ev) => { probe(ev); });\n", LL_LIFE_PER_EVENT);
  unit_teardown();
  ASSERT_LIFE("l.js",
              "el.on('x', function (req, res) { probe(res); });\n",
              LL_LIFE_PER_EVENT);
  unit_teardown();
  ASSERT_LIFE("l.js",
              "el.on('x', ((ev) => { probe(ev); }));\n", LL_LIFE_PER_EVENT);
}

Test(facts, a_named_function_parameter_is_long_lived) {
  ASSERT_LIFE("l.js", "function handler(ev) { probe(ev); }\n", LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "const h = (ev) => { probe(ev); };\n", LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "class A { m(ev) { probe(ev); } }\n", LL_LIFE_LONG);
}

Test(facts, a_catch_parameter_is_local) {
  ASSERT_LIFE("l.js", "function f() { try {} catch (e) { probe(e); } }\n",
              LL_LIFE_LOCAL);
}

Test(facts, unknown_globals_and_other_expressions_are_long_lived) {
  ASSERT_LIFE("l.js", "function f() { probe(someGlobal); }\n", LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { probe(getThing()); }\n", LL_LIFE_LONG);
  unit_teardown();
  ASSERT_LIFE("l.js", "function f() { probe(a[0]); }\n", LL_LIFE_LONG);
}

Test(facts, casts_are_seen_through) {
  ASSERT_LIFE("l.ts",
              "function f() { const em = new Emitter(); probe((em as any)!.x); }\n",
              LL_LIFE_LOCAL);
}

Test(facts, a_long_member_chain_does_not_overflow_the_stack) {
  // Regression test for a bug fixed in the same change that enabled it.
  enum { DEPTH = 200000 };
  char *src = malloc(2 * DEPTH + 64);
  char *p = src + sprintf(src, "function f() { probe(x");
  for (int i = 0; i < DEPTH; i++, p += 2) memcpy(p, ".a", 2);
  strcpy(p, "); }\n");
  ASSERT_LIFE("l.js", src, LL_LIFE_LONG);
  free(src);
}

/* ==== Escapes ==== */

/* Whether the binding of the first `em` escapes. */
static bool em_escapes(const char *body) {
  char src[512];
  snprintf(src, sizeof src,
           "let outer;\nfunction f() {\n  const em = new Emitter();\n  %s\n}\n",
           body);
  const ll_js *js = parse("e.js", src);
  uint32_t b = ll_js_binding_of(js, ident(js, "em", 0));
  cr_assert_neq(b, LL_UNRESOLVED);
  return ll_js_binding_escapes(js, b);
}

#define ESCAPES(body) \
  do { cr_assert(em_escapes(body), "%s", body); unit_teardown(); } while (0)
#define STAYS(body) \
  do { cr_assert(!em_escapes(body), "%s", body); unit_teardown(); } while (0)

Test(facts, binding_escapes_when_returned_stored_or_passed) {
  ESCAPES("return em;");
  ESCAPES("keep(em);");
  ESCAPES("obj.method(1, em);");
  ESCAPES("outer = em;");
  ESCAPES("this.x = em;");
  ESCAPES("const copy = em;");
  ESCAPES("const list = [em];");
  ESCAPES("const o = { em };");
  ESCAPES("const o = { k: em };");
  ESCAPES("const o = [...em];");
  ESCAPES("const r = c ? em : null;");
  ESCAPES("const r = fallback || em;");
  ESCAPES("return () => em;");
  ESCAPES("new Wrapper(em);");
  ESCAPES("throw em;");
}

Test(facts, binding_does_not_escape_through_its_own_uses) {
  STAYS("");
  STAYS("em.on('x', g);");
  STAYS("em.removeAllListeners();");
  STAYS("em.count = 1;");
  STAYS("em[0] = 2;");
  STAYS("const n = em.count;");
  STAYS("if (em) { em.x(); }");
  STAYS("typeof em;");
  STAYS("em = null;");
}

typedef struct {
  ll_nid seen[8];
  int n, stop_after;
} ref_acc;

static bool collect_ref(const ll_js *js, ll_nid r, void *ud) {
  (void)js;
  ref_acc *acc = ud;
  if (acc->n < 8) acc->seen[acc->n] = r;
  acc->n++;
  return acc->n != acc->stop_after;
}

Test(facts, each_ref_visits_every_reference_in_order) {
  const ll_js *js = parse("e.js", "let v = 1;\nv; f(v);\n");
  uint32_t b = ll_js_binding_of(js, ident(js, "v", 0));
  ref_acc acc = {.stop_after = -1};
  ll_js_each_ref(js, b, collect_ref, &acc);
  cr_assert_eq(acc.n, 3);
  for (int i = 0; i < 3; i++)
    cr_assert_eq(acc.seen[i], ident(js, "v", (unsigned)i));
}

Test(facts, each_ref_stops_when_the_callback_says_so) {
  const ll_js *js = parse("e.js", "let v = 1;\nv; v; v;\n");
  uint32_t b = ll_js_binding_of(js, ident(js, "v", 0));
  ref_acc acc = {.stop_after = 2};
  ll_js_each_ref(js, b, collect_ref, &acc);
  cr_assert_eq(acc.n, 2);
}

/* ==== Same place ==== */

/* Whether the expressions `first` and `second` passed as `probe(first)` and
 * `probe2(second)` are the same place. */
static bool same(const char *path, const char *src) {
  const ll_js *js = parse(path, src);
  ll_nid a = js->nodes[ident(js, "probe", 0)].parent;
  ll_nid b = js->nodes[ident(js, "probe2", 0)].parent;
  a = ll_js_named_child(js, ll_js_child(js, a, LL_F_arguments), 0);
  b = ll_js_named_child(js, ll_js_child(js, b, LL_F_arguments), 0);
  return ll_js_same_place(js, a, b);
}

#define SAME(src) \
  do { cr_assert(same("p.js", src), "%s", src); unit_teardown(); } while (0)
#define DIFFERENT(src) \
  do { cr_assert(!same("p.js", src), "%s", src); unit_teardown(); } while (0)

Test(facts, references_to_one_binding_are_the_same_place) {
  SAME("let t;\nfunction a() { probe(t); }\nfunction b() { probe2(t); }\n");
  SAME("let t;\nprobe(t);\nprobe2((t));\n");
}

Test(facts, a_shadowing_binding_is_another_place) {
  DIFFERENT("let t;\nfunction a() { let t; probe(t); }\nprobe2(t);\n");
  DIFFERENT("function a() { const t = 1; probe(t); }\n"
            "function b() { const t = 1; probe2(t); }\n");
}

Test(facts, unresolved_names_are_the_same_place_by_spelling) {
  SAME("probe(timer);\nprobe2(timer);\n");
  DIFFERENT("probe(timer);\nprobe2(timer2);\n");
  DIFFERENT("let timer;\nprobe(timer);\nfunction f() { let timer; probe2(timer); }\n");
}

Test(facts, this_members_of_one_class_are_the_same_place) {
  SAME("class A {\n"
       "  start() { probe(this.timer); }\n"
       "  stop() { probe2(this.timer); }\n"
       "}\n");
  SAME("class A {\n"
       "  start() { x(() => probe(this.timer)); }\n"
       "  stop() { probe2(this.timer); }\n"
       "}\n");
}

Test(facts, this_members_of_different_classes_or_properties_differ) {
  DIFFERENT("class A { start() { probe(this.timer); } }\n"
            "class B { stop() { probe2(this.timer); } }\n");
  DIFFERENT("class A { start() { probe(this.timer); } stop() { probe2(this.other); } }\n");
  DIFFERENT("class A { start() { probe(this.timer); }\n"
            "  stop() { return function () { probe2(this.timer); }; } }\n");
}

Test(facts, member_chains_compare_every_link) {
  SAME("let s;\nprobe(s.a.b);\nprobe2(s.a.b);\n");
  DIFFERENT("let s;\nprobe(s.a.b);\nprobe2(s.a.c);\n");
  DIFFERENT("let s, r;\nprobe(s.a.b);\nprobe2(r.a.b);\n");
  SAME("let s;\nprobe(s['k']);\nprobe2(s['k']);\n");
  DIFFERENT("let s;\nprobe(s[0]);\nprobe2(s[1]);\n");
}

Test(facts, different_shapes_are_different_places) {
  DIFFERENT("let s;\nprobe(s);\nprobe2(s.a);\n");
  DIFFERENT("let s;\nprobe(s.a);\nprobe2(s['a']);\n");
  DIFFERENT("probe(f());\nprobe2(f());\n");
}

Test(facts, a_shorthand_property_is_the_same_place_as_its_name) {
  const ll_js *js = parse("p.js", "let h;\nconst o = { h };\nh;\n");
  ll_nid sh = must_find(js, LL_K_shorthand_property_identifier, "h");
  cr_assert(ll_js_same_place(js, sh, ident(js, "h", 1)));
  cr_assert(!ll_js_same_place(js, sh, LL_NONE));
}

Test(facts, same_place_through_casts) {
  cr_assert(same("p.ts", "let s: any;\nprobe((s as any).t);\nprobe2(s!.t);\n"));
}

Test(facts, a_const_alias_of_this_is_the_same_place_as_this) {
  SAME("class A {\n"
       "  start() { const self = this; x(function () { probe(self.timer); }); }\n"
       "  stop() { probe2(this.timer); }\n"
       "}\n");
  DIFFERENT("class A {\n"
            "  start() { const other = that; probe(other.timer); }\n"
            "  stop() { probe2(this.timer); }\n"
            "}\n");
}

Test(facts, a_function_assigned_to_a_this_member_shares_this) {
  const ll_js *js = parse("m.js",
                          "class A { constructor() {\n"
                          "  this.dispose = function () { inner; };\n"
                          "  const loose = function () { other; };\n"
                          "} }\n");
  ll_nid body = must_find(js, LL_K_class_body, NULL);
  cr_assert_eq(ll_js_enclosing_class(js, ident(js, "inner", 0)), body);
  cr_assert_eq(ll_js_enclosing_class(js, ident(js, "other", 0)), LL_NONE);
}

/* Whether the argument of `probe(…)` is an owned member. */
static bool owned(const char *src) {
  const ll_js *js = parse("o.js", src);
  ll_nid call = js->nodes[ident(js, "probe", 0)].parent;
  ll_nid arg = ll_js_named_child(js, ll_js_child(js, call, LL_F_arguments), 0);
  return ll_js_owned_member(js, arg);
}

Test(facts, a_this_member_assigned_a_fresh_object_is_owned) {
  cr_assert(owned("class A {\n"
                  "  constructor() { this.bus = new Emitter(); }\n"
                  "  m() { probe(this.bus); }\n"
                  "}\n"));
  unit_teardown();
  cr_assert(owned("function Widget() {\n"
                  "  this.el = document.createElement('div');\n"
                  "  probe(this.el);\n"
                  "}\n"));
}

Test(facts, other_members_are_not_owned) {
  cr_assert(!owned("class A {\n"
                   "  constructor(bus) { this.bus = bus; }\n"
                   "  m() { probe(this.bus); }\n"
                   "}\n"));
  unit_teardown();
  cr_assert(!owned("class A {\n"
                   "  constructor() { this.other = new Emitter(); }\n"
                   "  m() { probe(this.bus); }\n"
                   "}\n"));
  unit_teardown();
  cr_assert(!owned("class A { constructor() { this.bus = new E(); } }\n"
                   "class B { m() { probe(this.bus); } }\n"));
  unit_teardown();
  cr_assert(!owned("let o;\nfunction f() { o.bus = new E(); probe(o.bus); }\n"));
}

Test(facts, a_long_member_chain_compares_without_overflowing_the_stack) {
  // Regression test for a bug fixed in the same change that enabled it.
  enum { DEPTH = 200000 };
  char *src = malloc(4 * DEPTH + 64);
  char *p = src + sprintf(src, "probe(x");
  for (int i = 0; i < DEPTH; i++, p += 2) memcpy(p, ".a", 2);
  p += sprintf(p, ");\nprobe2(x");
  for (int i = 0; i < DEPTH; i++, p += 2) memcpy(p, ".a", 2);
  strcpy(p, ");\n");
  cr_assert(same("p.js", src));
  free(src);
}
