/* scope.c through ll_js_parse: scopes, declarations of every kind, hoisting,
 * block scoping, resolution of references, strictness, `global` comments
 * and known globals by environment. */
#include "../../helpers.h"

TestSuite(scope, .fini = unit_teardown);

/* The binding the `nth` identifier spelled `name` refers to. */
static uint32_t ref_of(const ll_js *js, const char *name, unsigned nth) {
  return ll_js_binding_of(js, ident(js, name, nth));
}

/* The binding `nth` identifier `name` refers to, which must exist and be of
 * `kind`. */
static const ll_binding *bound(const ll_js *js, const char *name, unsigned nth,
                               ll_binding_kind kind) {
  uint32_t b = ref_of(js, name, nth);
  cr_assert_neq(b, LL_UNRESOLVED, "'%s' #%u is unresolved", name, nth);
  cr_assert_lt(b, js->nbindings);
  const ll_binding *bd = &js->bindings[b];
  cr_assert_eq(bd->kind, kind, "'%s' #%u has kind %d, want %d", name, nth,
               bd->kind, kind);
  cr_assert_eq(bd->name_len, strlen(name));
  cr_assert_eq(memcmp(js->src + bd->name_start, name, bd->name_len), 0);
  return bd;
}

#define UNRESOLVED(js, name, nth)                                        \
  cr_assert_eq(ref_of((js), (name), (nth)), LL_UNRESOLVED,               \
               "'%s' #%u resolved to a binding", (name), (unsigned)(nth))

/* The scope a function-like node opens. */
static uint32_t scope_of(const ll_js *js, ll_nid n) {
  return js->nodes[n].scope;
}

/* ==== Scope structure ==== */

Test(scope, scope_zero_is_the_module_and_parents_come_first) {
  const ll_js *js = parse("s.js",
                          "function f() { { let a; } for (;;) {} }\n"
                          "class C { m() { try {} catch (e) {} } }\n"
                          "switch (x) {}\n");
  cr_assert_gt(js->nscopes, 6);
  cr_assert_eq(js->scopes[0].kind, LL_SCOPE_MODULE);
  cr_assert_eq(js->scopes[0].parent, LL_NONE);
  cr_assert_eq(js->scopes[0].node, 0);
  for (uint32_t s = 1; s < js->nscopes; s++) {
    cr_assert_lt(js->scopes[s].parent, s, "scope %u", s);
    cr_assert_eq(js->nodes[js->scopes[s].node].scope, s, "scope %u", s);
  }
}

Test(scope, a_function_body_shares_the_function_scope) {
  const ll_js *js = parse("s.js", "function f(p) { let q; }\n");
  const ll_binding *p = &js->bindings[js->ref[ident(js, "p", 0)]];
  const ll_binding *q = &js->bindings[js->ref[ident(js, "q", 0)]];
  cr_assert_eq(p->scope, q->scope);
  cr_assert_eq(js->scopes[p->scope].kind, LL_SCOPE_FUNCTION);
  cr_assert_eq(p->scope, scope_of(js, must_find(js, LL_K_function_declaration, NULL)));
}

Test(scope, blocks_loops_switches_and_catches_open_block_scopes) {
  const ll_js *js = parse("s.js",
                          "{ }\n"
                          "for (let i = 0;;) {}\n"
                          "for (const k in o) {}\n"
                          "switch (x) {}\n"
                          "try {} catch (e) {}\n");
  ll_kind kinds[] = {LL_K_statement_block, LL_K_for_statement,
                     LL_K_for_in_statement, LL_K_switch_statement,
                     LL_K_catch_clause};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    ll_nid n = must_find(js, kinds[i], NULL);
    uint32_t s = scope_of(js, n);
    cr_assert_neq(s, 0, "%s", ll__js_kind_name(kinds[i]));
    cr_assert_eq(js->scopes[s].kind, LL_SCOPE_BLOCK);
    cr_assert_eq(js->scopes[s].node, n);
  }
}

/* ==== var, let, const ==== */

Test(scope, var_is_hoisted_to_function) {
  const ll_js *js = parse("s.js",
                          "function f() {\n"
                          "  use(x);\n"
                          "  if (c) { var x = 1; }\n"
                          "  return x;\n"
                          "}\n"
                          "x;\n");
  const ll_binding *b = bound(js, "x", 0, LL_BIND_VAR); /* used before `var` */
  cr_assert_eq(b->scope, scope_of(js, must_find(js, LL_K_function_declaration, NULL)));
  cr_assert_eq(ref_of(js, "x", 0), ref_of(js, "x", 1));
  cr_assert_eq(ref_of(js, "x", 0), ref_of(js, "x", 2));
  UNRESOLVED(js, "x", 3); /* outside the function */
}

Test(scope, var_at_top_level_is_a_module_scope_binding) {
  const ll_js *js = parse("s.js", "{ var v = 1; }\nv;\n");
  cr_assert_eq(bound(js, "v", 1, LL_BIND_VAR)->scope, 0);
}

Test(scope, let_in_a_block_is_not_visible_outside_it) {
  const ll_js *js = parse("s.js",
                          "function f(c) {\n"
                          "  if (c) { let y = 1; use(y); }\n"
                          "  return y;\n"
                          "}\n");
  bound(js, "y", 1, LL_BIND_LET);
  UNRESOLVED(js, "y", 2);
}

Test(scope, const_is_block_scoped_too) {
  const ll_js *js = parse("s.js", "{ const k = 1; k; }\nk;\n");
  bound(js, "k", 1, LL_BIND_CONST);
  UNRESOLVED(js, "k", 2);
}

Test(scope, inner_declarations_shadow_outer_ones) {
  const ll_js *js = parse("s.js",
                          "let x = 1;\n"
                          "{ let x = 2; use(x); }\n"
                          "use(x);\n");
  uint32_t outer = ref_of(js, "x", 0), inner = ref_of(js, "x", 1);
  cr_assert_neq(outer, inner);
  cr_assert_eq(ref_of(js, "x", 2), inner);
  cr_assert_eq(ref_of(js, "x", 3), outer);
}

Test(scope, a_binding_records_its_declarator_and_value) {
  const ll_js *js = parse("s.js", "let v = make();\nlet w;\n");
  const ll_binding *v = bound(js, "v", 0, LL_BIND_LET);
  cr_assert_eq(v->decl, ident(js, "v", 0));
  cr_assert_eq(ll_js_kind(js, v->init), LL_K_call_expression);
  cr_assert_eq(ll_js_kind(js, v->owner), LL_K_variable_declarator);
  cr_assert_eq(bound(js, "w", 0, LL_BIND_LET)->init, LL_NONE);
}

Test(scope, references_are_linked_in_source_order) {
  const ll_js *js = parse("s.js", "let r = 1;\nr; r;\nfunction f() { r; }\n");
  uint32_t b = ref_of(js, "r", 0);
  ll_nid want[] = {ident(js, "r", 0), ident(js, "r", 1), ident(js, "r", 2),
                   ident(js, "r", 3)};
  size_t i = 0;
  for (ll_nid r = js->first_ref[b]; r != LL_NONE; r = js->next_ref[r], i++) {
    cr_assert_lt(i, 4);
    cr_assert_eq(r, want[i], "reference %zu", i);
  }
  cr_assert_eq(i, 4);
}

/* ==== Functions ==== */

Test(scope, function_declarations_are_hoisted) {
  const ll_js *js = parse("s.js",
                          "g();\n"
                          "function outer() { h(); { function h() {} } }\n"
                          "function g() {}\n");
  const ll_binding *g = bound(js, "g", 0, LL_BIND_FUNCTION);
  cr_assert_eq(g->scope, 0);
  cr_assert_eq(ll_js_kind(js, g->init), LL_K_function_declaration);
  bound(js, "h", 0, LL_BIND_FUNCTION); /* sloppy block function: hoisted */
}

Test(scope, function_declarations_in_blocks_are_block_scoped_in_strict_code) {
  // Regression test for a bug fixed in the same change that enabled it.
  const ll_js *js = parse("s.mjs", "{ function inner() {} }\ninner = 1;\n");
  UNRESOLVED(js, "inner", 1);
}

Test(scope, named_function_expression_name_is_visible_only_inside) {
  const ll_js *js = parse("s.js",
                          "const f = function fact(n) { return fact(n - 1); };\n"
                          "fact;\n");
  const ll_binding *b = bound(js, "fact", 1, LL_BIND_FUNCTION_NAME);
  cr_assert_eq(b->scope, scope_of(js, must_find(js, LL_K_function_expression, NULL)));
  UNRESOLVED(js, "fact", 2);
  bound(js, "f", 0, LL_BIND_CONST);
}

Test(scope, params_including_destructuring_defaults_and_rest) {
  const ll_js *js = parse("s.js",
                          "function f(a, { b, c: d, e = 1 }, [g, , h] = [], ...rest) {\n"
                          "  return a + b + d + e + g + h + rest + c;\n"
                          "}\n");
  ll_nid fn = must_find(js, LL_K_function_declaration, NULL);
  static const char *const params[] = {"a", "b", "d", "e", "g", "h", "rest"};
  for (size_t i = 0; i < 7; i++) {
    ll_nid use = must_find_nth(js, LL_K_identifier, params[i],
                               strcmp(params[i], "b") == 0 ||
                                       strcmp(params[i], "e") == 0
                                   ? 0
                                   : 1);
    uint32_t b = js->ref[use];
    cr_assert_neq(b, LL_UNRESOLVED, "%s", params[i]);
    cr_assert_eq(js->bindings[b].kind, LL_BIND_PARAM, "%s", params[i]);
    cr_assert_eq(js->bindings[b].owner, fn, "%s", params[i]);
    cr_assert_eq(js->bindings[b].scope, scope_of(js, fn), "%s", params[i]);
  }
  UNRESOLVED(js, "c", 0); /* `c` was a property key, not a name */
  /* The default value is recorded. */
  uint32_t e = js->ref[must_find(js, LL_K_identifier, "e")];
  cr_assert(ll_js_text_is(js, js->bindings[e].init, "1"));
}

Test(scope, a_default_can_use_an_earlier_parameter) {
  const ll_js *js = parse("s.js", "function f(a, b = a) { return b; }\n");
  cr_assert_eq(ref_of(js, "a", 1), ref_of(js, "a", 0));
  bound(js, "a", 1, LL_BIND_PARAM);
}

Test(scope, arrow_and_method_parameters) {
  const ll_js *js = parse("s.js",
                          "const one = x => x;\n"
                          "const two = (y, z) => y + z;\n"
                          "const obj = { m(w) { return w; }, get g() { return 1; } };\n"
                          "x; y; w;\n");
  const ll_binding *x = bound(js, "x", 1, LL_BIND_PARAM);
  cr_assert_eq(ll_js_kind(js, x->owner), LL_K_arrow_function);
  bound(js, "y", 1, LL_BIND_PARAM);
  bound(js, "z", 1, LL_BIND_PARAM);
  const ll_binding *w = bound(js, "w", 1, LL_BIND_PARAM);
  cr_assert_eq(ll_js_kind(js, w->owner), LL_K_method_definition);
  UNRESOLVED(js, "x", 2);
  UNRESOLVED(js, "y", 2);
  UNRESOLVED(js, "w", 2);
}

Test(scope, closures_see_outer_bindings) {
  const ll_js *js = parse("s.js",
                          "function outer() {\n"
                          "  let count = 0;\n"
                          "  return () => () => count++;\n"
                          "}\n");
  cr_assert_eq(ref_of(js, "count", 1), ref_of(js, "count", 0));
}

/* ==== catch, for, classes ==== */

Test(scope, catch_params_live_in_the_catch_clause) {
  const ll_js *js = parse("s.js",
                          "try { f(); } catch (err) { use(err); }\n"
                          "try { f(); } catch ({ message }) { use(message); }\n"
                          "err; message;\n");
  const ll_binding *b = bound(js, "err", 1, LL_BIND_CATCH);
  cr_assert_eq(js->scopes[b->scope].kind, LL_SCOPE_BLOCK);
  /* The pattern's `message` is a shorthand pattern, not an identifier. */
  bound(js, "message", 0, LL_BIND_CATCH);
  UNRESOLVED(js, "err", 2);
  UNRESOLVED(js, "message", 1);
}

Test(scope, for_let_of_is_scoped_to_the_loop) {
  const ll_js *js = parse("s.js",
                          "for (let item of list) { use(item); }\n"
                          "for (const [k, v] of entries) { use(k, v); }\n"
                          "for (let i = 0; i < 3; i++) { use(i); }\n"
                          "item; k; i;\n");
  bound(js, "item", 1, LL_BIND_LET);
  bound(js, "k", 1, LL_BIND_CONST);
  bound(js, "v", 1, LL_BIND_CONST);
  bound(js, "i", 1, LL_BIND_LET);
  bound(js, "i", 3, LL_BIND_LET);
  UNRESOLVED(js, "item", 2);
  UNRESOLVED(js, "k", 2);
  UNRESOLVED(js, "i", 4);
}

Test(scope, for_var_in_is_hoisted) {
  const ll_js *js = parse("s.js", "function f(o) { for (var key in o) {} return key; }\n");
  bound(js, "key", 1, LL_BIND_VAR);
}

Test(scope, for_of_without_a_declaration_declares_nothing) {
  const ll_js *js = parse("s.js", "for (x of xs) {}\n");
  UNRESOLVED(js, "x", 0);
  cr_assert_eq(js->nbindings, 0);
}

Test(scope, class_names_are_visible_inside_and_after) {
  const ll_js *js = parse("s.js",
                          "class A { m() { return A; } }\n"
                          "new A();\n");
  const ll_binding *b = bound(js, "A", 1, LL_BIND_CLASS);
  cr_assert_eq(b->scope, 0);
  cr_assert_eq(ref_of(js, "A", 2), ref_of(js, "A", 1));
}

Test(scope, class_names_in_typescript_are_bound_too) {
  const ll_js *js = parse("s.ts", "class A { m(): A { return A as any; } }\nnew A();\n");
  bound(js, "A", 0, LL_BIND_CLASS);
  bound(js, "A", 1, LL_BIND_CLASS);
}

Test(scope, class_expression_name_is_visible_only_inside) {
  const ll_js *js = parse("s.js",
                          "const B = class C { m() { return C; } };\n"
                          "C; B;\n");
  bound(js, "C", 1, LL_BIND_CLASS);
  UNRESOLVED(js, "C", 2);
  bound(js, "B", 1, LL_BIND_CONST);
}

Test(scope, class_bodies_open_class_scopes) {
  const ll_js *js = parse("s.js", "class K { static { var s = 1; } }\n");
  uint32_t cs = scope_of(js, must_find(js, LL_K_class_declaration, NULL));
  cr_assert_eq(js->scopes[cs].kind, LL_SCOPE_CLASS);
  /* A static block is function-like: its `var` stays in it. */
  const ll_binding *s = bound(js, "s", 0, LL_BIND_VAR);
  cr_assert_eq(js->scopes[s->scope].kind, LL_SCOPE_FUNCTION);
}

/* ==== Imports and TypeScript declarations ==== */

Test(scope, imports_default_named_aliased_and_namespace) {
  const ll_js *js = parse("s.mjs",
                          "import def, { named, orig as alias } from 'm';\n"
                          "import * as ns from 'n';\n"
                          "function f() { use(def, named, alias, ns, orig); }\n");
  static const char *const names[] = {"def", "named", "alias", "ns"};
  for (size_t i = 0; i < 4; i++) {
    const ll_binding *b = bound(js, names[i], 1, LL_BIND_IMPORT);
    cr_assert_eq(b->scope, 0, "%s", names[i]);
    cr_assert_eq(ref_of(js, names[i], 0), ref_of(js, names[i], 1));
  }
  UNRESOLVED(js, "orig", 1); /* only the alias is bound */
}

Test(scope, typescript_import_require_binds_its_name) {
  const ll_js *js = parse("s.ts", "import fs = require('fs');\nfs.readFileSync('x');\n");
  bound(js, "fs", 1, LL_BIND_IMPORT);
}

Test(scope, typescript_type_only_imports_declare_no_value) {
  const ll_js *js = parse("s.ts",
                          "import type { A } from 'a';\n"
                          "import type D from 'd';\n"
                          "import { type B, C } from 'b';\n"
                          "A; B; C; D;\n");
  UNRESOLVED(js, "A", 0);
  UNRESOLVED(js, "D", 0);
  bound(js, "C", 1, LL_BIND_IMPORT);
  cr_assert_eq(js->nbindings, 1);
}

Test(scope, a_value_import_spelled_type_is_still_a_value) {
  // Regression test for a bug fixed in the same change that enabled it.
  const ll_js *js = parse("s.mjs",
                          "import type from 'x';\n"
                          "import { type as t } from 'y';\n"
                          "type; t;\n");
  bound(js, "type", 1, LL_BIND_IMPORT);
  bound(js, "t", 1, LL_BIND_IMPORT);
}

Test(scope, typescript_import_alias_binds_its_name) {
  const ll_js *js = parse("s.ts", "import A = NS.B;\nA;\n");
  bound(js, "A", 1, LL_BIND_IMPORT);
}

Test(scope, typescript_enums_and_namespaces_are_bindings) {
  const ll_js *js = parse("s.ts",
                          "enum Color { Red }\n"
                          "namespace NS { export const v = 1; }\n"
                          "module Mod {}\n"
                          "use(Color.Red, NS.v, Mod, v);\n");
  bound(js, "Color", 1, LL_BIND_ENUM);
  bound(js, "NS", 1, LL_BIND_NAMESPACE);
  bound(js, "Mod", 1, LL_BIND_NAMESPACE);
  UNRESOLVED(js, "v", 1); /* namespace members stay inside */
}

Test(scope, typescript_parameters_with_types_and_optional_marks) {
  const ll_js *js = parse("s.ts",
                          "function f(this: Window, a: number, b?: string, c = 1) {\n"
                          "  return a + b + c;\n"
                          "}\n");
  bound(js, "a", 1, LL_BIND_PARAM);
  bound(js, "b", 1, LL_BIND_PARAM);
  bound(js, "c", 1, LL_BIND_PARAM);
}

Test(scope, labels_and_property_names_are_not_references) {
  const ll_js *js = parse("s.js", "lbl: for (;;) { break lbl; }\nobj.prop; ({ key: 1 });\n");
  cr_assert_eq(find_nth(js, LL_K_identifier, "lbl", 0), LL_NONE);
  cr_assert_eq(find_nth(js, LL_K_identifier, "prop", 0), LL_NONE);
  cr_assert_eq(find_nth(js, LL_K_identifier, "key", 0), LL_NONE);
}

Test(scope, shorthand_properties_refer_to_their_binding) {
  const ll_js *js = parse("s.js", "let v = 1;\nconst o = { v };\n");
  ll_nid sh = must_find(js, LL_K_shorthand_property_identifier, "v");
  cr_assert_eq(js->ref[sh], ref_of(js, "v", 0));
}

/* ==== Strictness ==== */

static bool strict_at(const ll_js *js, const char *name) {
  return ll_js_is_strict(js, ident(js, name, 0));
}

Test(scope, scripts_are_sloppy_by_default) {
  const ll_js *js = parse("s.js", "probe;\nfunction f() { inner; }\n");
  cr_assert(!js->is_module);
  cr_assert(!strict_at(js, "probe"));
  cr_assert(!strict_at(js, "inner"));
}

Test(scope, use_strict_at_the_top_of_the_file_makes_it_strict) {
  const ll_js *js = parse("s.js", "#!/usr/bin/env node\n// c\n'use strict';\nprobe;\n"
                                  "function f() { inner; }\n");
  cr_assert(!js->is_module);
  cr_assert(strict_at(js, "probe"));
  cr_assert(strict_at(js, "inner"));
}

Test(scope, use_strict_after_other_directives_still_counts) {
  const ll_js *js = parse("s.js", "'use asm';\n\"use strict\";\nprobe;\n");
  cr_assert(strict_at(js, "probe"));
}

Test(scope, use_strict_after_a_statement_is_not_a_directive) {
  const ll_js *js = parse("s.js", "probe;\n'use strict';\n");
  cr_assert(!strict_at(js, "probe"));
}

Test(scope, a_parenthesised_use_strict_is_not_a_directive) {
  const ll_js *js = parse("s.js", "('use strict');\nprobe;\n");
  cr_assert(!strict_at(js, "probe"));
}

Test(scope, use_strict_in_a_function_covers_only_that_function) {
  const ll_js *js = parse("s.js",
                          "function f() { 'use strict'; inner; return () => nested; }\n"
                          "function g() { other; }\n"
                          "outside;\n");
  cr_assert(strict_at(js, "inner"));
  cr_assert(strict_at(js, "nested"));
  cr_assert(!strict_at(js, "other"));
  cr_assert(!strict_at(js, "outside"));
}

Test(scope, es_modules_are_strict) {
  const ll_js *js = parse("s.js", "export const a = 1;\nprobe;\n");
  cr_assert(js->is_module);
  cr_assert(strict_at(js, "probe"));
}

Test(scope, an_import_makes_a_module) {
  const ll_js *js = parse("s.js", "import 'side-effect';\nprobe;\n");
  cr_assert(js->is_module);
  cr_assert(strict_at(js, "probe"));
}

Test(scope, mjs_and_mts_files_are_modules_even_without_imports) {
  const ll_js *js = parse("s.mjs", "probe;\n");
  cr_assert(js->is_module);
  cr_assert(strict_at(js, "probe"));
  unit_teardown();
  js = parse("s.mts", "probe;\n");
  cr_assert(js->is_module);
  cr_assert(strict_at(js, "probe"));
}

Test(scope, cjs_files_are_never_modules) {
  const ll_js *js = parse("s.cjs", "probe;\n");
  cr_assert(!js->is_module);
  cr_assert(!strict_at(js, "probe"));
}

Test(scope, class_bodies_are_strict) {
  const ll_js *js = parse("s.js",
                          "class K extends (heritage, Base) { m() { inner; } static { blk; } }\n"
                          "outside;\n");
  cr_assert(strict_at(js, "inner"));
  cr_assert(strict_at(js, "blk"));
  cr_assert(strict_at(js, "heritage"));
  cr_assert(!strict_at(js, "outside"));
}

/* ==== Known globals ==== */

static bool known(const ll_js *js, const char *name) {
  return ll_js_is_known_global(js, name, strlen(name));
}

Test(scope, global_comments_declare_names) {
  const ll_js *js = parse("s.js",
                          "/* global alpha, beta:writable, gamma: readonly */\n"
                          "/*globals delta*/\n"
                          "/* global\n   epsilon,\tzeta */\n");
  static const char *const names[] = {"alpha", "beta", "gamma",
                                      "delta", "epsilon", "zeta"};
  for (size_t i = 0; i < 6; i++)
    cr_assert(known(js, names[i]), "%s", names[i]);
  cr_assert(!known(js, "writable"));
  cr_assert(!known(js, "readonly"));
  cr_assert(!known(js, "alph"));
}

Test(scope, only_block_comments_starting_with_global_count) {
  const ll_js *js = parse("s.js",
                          "// global lineComment\n"
                          "/* globalThing */\n"
                          "/* not global either */\n"
                          "/** global jsdoc */\n");
  cr_assert(!known(js, "lineComment"));
  cr_assert(!known(js, "globalThing"));
  cr_assert(!known(js, "Thing"));
  cr_assert(!known(js, "either"));
  cr_assert(!known(js, "jsdoc"));
}

Test(scope, es_builtins_are_always_known) {
  const ll_js *js = parse_env("s.js", "x;\n", 0);
  cr_assert(known(js, "Map"));
  cr_assert(known(js, "Promise"));
  cr_assert(known(js, "JSON"));
  cr_assert(known(js, "globalThis"));
  cr_assert(!known(js, "process"));
  cr_assert(!known(js, "document"));
  cr_assert(!known(js, "notAGlobal"));
}

Test(scope, node_knows_process_but_not_document) {
  const ll_js *js = parse_env("s.js", "x;\n", LL_ENV_NODE);
  cr_assert(known(js, "process"));
  cr_assert(known(js, "require"));
  cr_assert(known(js, "__dirname"));
  cr_assert(!known(js, "document"));
  cr_assert(!known(js, "window"));
}

Test(scope, browser_knows_document_but_not_process) {
  const ll_js *js = parse_env("s.js", "x;\n", LL_ENV_BROWSER);
  cr_assert(known(js, "document"));
  cr_assert(known(js, "window"));
  cr_assert(!known(js, "process"));
  cr_assert(!known(js, "require"));
}

Test(scope, commonjs_alone_knows_only_the_module_wrapper) {
  const ll_js *js = parse_env("s.js", "x;\n", LL_ENV_COMMONJS);
  cr_assert(known(js, "require"));
  cr_assert(known(js, "module"));
  cr_assert(!known(js, "process"));
}

Test(scope, the_default_environment_knows_both) {
  const ll_js *js = parse("s.js", "x;\n");
  cr_assert(known(js, "document"));
  cr_assert(known(js, "process"));
}

Test(scope, known_names_match_whole_names_only) {
  const ll_js *js = parse_env("s.js", "/* global abc */\n", LL_ENV_NODE);
  cr_assert(!ll_js_is_known_global(js, "processX", 8));
  cr_assert(ll_js_is_known_global(js, "processX", 7)); /* a length-7 slice */
  cr_assert(!ll_js_is_known_global(js, "ab", 2));
  cr_assert(!ll_js_is_known_global(js, "abcd", 4));
}

Test(scope, configured_globals_are_known) {
  static const char *const extra[] = {"jQuery", "$"};
  T_arena = ll_arena_new();
  cr_assert_eq(ll_js_parse(&T_js, T_arena, "s.js", "x;", 2, LL_ENV_NODE,
                           extra, 2),
               LL_OK);
  T_have_js = true;
  cr_assert(known(&T_js, "jQuery"));
  cr_assert(known(&T_js, "$"));
  cr_assert(!known(&T_js, "jQ"));
}

/* ==== Hostile input ==== */

Test(scope, a_deeply_nested_declaration_pattern_does_not_crash) {
  // Regression test for a bug fixed in the same change that enabled it.
  enum { DEPTH = 200000 };
  char *src = malloc(2 * DEPTH + 32);
  char *p = src + sprintf(src, "let ");
  for (int i = 0; i < DEPTH; i++) *p++ = '[';
  *p++ = 'a';
  for (int i = 0; i < DEPTH; i++) *p++ = ']';
  strcpy(p, " = x;\na;\n");
  const ll_js *js = parse("deep.js", src);
  bound(js, "a", 1, LL_BIND_LET);
  free(src);
}
