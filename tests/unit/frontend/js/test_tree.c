/* tree.c through ll_js_parse: the node view's pre-order invariants (parent
 * before child, subtree = [n, end_index), sibling links, byte ranges, rows
 * and columns), which tokens are kept, TypeScript type erasure, the node
 * helpers (unwrap, string values, texts, lines), and syntax errors. */
#include "../../helpers.h"

TestSuite(tree, .fini = unit_teardown);

/* ==== The invariants ==== */

static void check_view(const ll_js *js) {
  cr_assert_gt(js->count, 0);
  const ll_node *nodes = js->nodes;
  cr_assert_eq(nodes[0].kind, LL_K_program);
  cr_assert_eq(nodes[0].parent, LL_NONE);
  cr_assert_eq(nodes[0].end_index, js->count);
  cr_assert_eq(nodes[0].start, 0);
  for (ll_nid i = 0; i < js->count; i++) {
    const ll_node *n = &nodes[i];
    cr_assert_gt(n->end_index, i, "node %u", i);
    cr_assert_leq(n->end_index, js->count, "node %u", i);
    cr_assert_leq(n->start, n->end, "node %u", i);
    cr_assert_leq(n->end, js->len, "node %u", i);
    cr_assert_lt(n->kind, LL_K_COUNT);
    cr_assert_lt(n->field, LL_F_COUNT);
    cr_assert_lt(n->scope, js->nscopes, "node %u", i);
    /* A token without a field is one of the declaration keywords. */
    if (n->kind == LL_K_token && n->field == LL_F_none)
      cr_assert(ll_js_text_is(js, i, "static") || ll_js_text_is(js, i, "async") ||
                    ll_js_text_is(js, i, "get") || ll_js_text_is(js, i, "set") ||
                    ll_js_text_is(js, i, "*"),
                "field-less token at %u", i);
    /* Row and byte column agree with the line index. */
    cr_assert_eq(n->row, ll_js_line_of(js, n->start), "node %u", i);
    cr_assert_eq(n->col, n->start - js->line_starts[n->row], "node %u", i);
    if (i > 0) {
      const ll_node *p = &nodes[n->parent];
      cr_assert_lt(n->parent, i, "node %u", i);
      cr_assert_lt(i, p->end_index, "node %u outside its parent", i);
      cr_assert_leq(n->end_index, p->end_index, "node %u", i);
      cr_assert_geq(n->start, p->start, "node %u", i);
      cr_assert_leq(n->end, p->end, "node %u", i);
    }
    /* The children, linked in order, tile [i + 1, end_index). */
    if (n->first == LL_NONE) {
      cr_assert_eq(n->end_index, i + 1, "leaf %u has descendants", i);
      cr_assert_eq(n->last, LL_NONE);
      continue;
    }
    cr_assert_eq(n->first, i + 1, "node %u", i);
    ll_nid expect = i + 1, prev = LL_NONE;
    for (ll_nid c = n->first; c != LL_NONE; c = nodes[c].next) {
      cr_assert_eq(c, expect, "child %u of %u", c, i);
      cr_assert_eq(nodes[c].parent, i);
      if (prev != LL_NONE)
        cr_assert_geq(nodes[c].start, nodes[prev].end, "siblings %u, %u", prev,
                      c);
      prev = c;
      expect = nodes[c].end_index;
    }
    cr_assert_eq(n->last, prev, "node %u", i);
    cr_assert_eq(expect, n->end_index, "node %u", i);
  }
}

static const char JS_ALL[] =
    "#!/usr/bin/env node\n"
    "'use strict';\n"
    "import def, { a as b } from 'm';\n"
    "/* block */ // line\n"
    "const { x, y: [z = 1, ...rest] } = obj;\n"
    "label: for (let i = 0; i < 10; i++) { if (i) continue label; }\n"
    "for (const k of list) {}\n"
    "while (false) {} do {} while (false);\n"
    "class A extends B { #p = 1; static s = 2; static { init(); }\n"
    "  constructor() { super(); this.#p++; } get g() { return 1; } }\n"
    "async function* gen() { yield await x; }\n"
    "const f = (a, b = 2) => a ?? b?.c ?? `t${a}t`;\n"
    "try { throw new Error('e'); } catch ({ message }) {} finally {}\n"
    "switch (x) { case 1: break; default: }\n"
    "x ||= y; x **= 2; delete x[y]; void 0; typeof x;\n"
    "export default { a, [b]: c, ...d };\n";

Test(tree, view_invariants_hold_for_javascript) {
  check_view(parse("all.js", JS_ALL));
  cr_assert(!T_js.has_error, "JS_ALL should parse cleanly");
  cr_assert_gt(T_js.count, 150);
}

Test(tree, view_invariants_hold_for_typescript) {
  check_view(parse("all.ts",
                   "interface I<T> extends J { m(): T; [k: string]: any }\n"
                   "type U = A | B<C>;\n"
                   "enum E { A = 1, B }\n"
                   "namespace N { export const v: number = 1; }\n"
                   "declare module 'x' { export function f(): void; }\n"
                   "abstract class K<T> implements I<T> {\n"
                   "  private readonly p: T; abstract m(): T;\n"
                   "  constructor(public q: string, r?: number) { super(); }\n"
                   "}\n"
                   "function g<T extends object>(a: T, ...r: T[]): a is T {\n"
                   "  return (a as any)!.x satisfies unknown;\n"
                   "}\n"
                   "function h(a: string): void;\n"
                   "let t = <Foo>bar;\n"));
  cr_assert(!T_js.has_error);
  cr_assert(T_js.is_ts);
}

Test(tree, view_invariants_hold_for_tsx) {
  check_view(parse("c.tsx",
                   "const C = (p: Props) => (\n"
                   "  <div onClick={() => p.go()} {...p}>\n"
                   "    {p.items.map((i: Item) => <Row key={i.id} />)}\n"
                   "  </div>);\n"));
  cr_assert(!T_js.has_error);
}

Test(tree, view_invariants_hold_for_broken_input) {
  check_view(parse("bad.js",
                   "function f( {\n"
                   "  let = ;\n"
                   "  }}} )) class { \n"
                   "  x = [1, 2,\n"));
  cr_assert(T_js.has_error);
}

Test(tree, an_empty_file_is_a_lone_program_node) {
  check_view(parse("e.js", ""));
  cr_assert_eq(T_js.count, 1);
  cr_assert_eq(T_js.nlines, 1);
  cr_assert(!T_js.has_error);
}

Test(tree, deep_nesting_is_walked_without_recursion) {
  enum { DEPTH = 100000 };
  char *src = malloc(2 * DEPTH + 16);
  char *p = src;
  p += sprintf(p, "x = ");
  for (int i = 0; i < DEPTH; i++) *p++ = '[';
  for (int i = 0; i < DEPTH; i++) *p++ = ']';
  strcpy(p, ";\n");
  const ll_js *js = parse("deep.js", src);
  cr_assert(!js->has_error);
  cr_assert_eq(find_nth(js, LL_K_array, NULL, DEPTH), LL_NONE);
  ll_nid inner = find_nth(js, LL_K_array, NULL, DEPTH - 1);
  cr_assert_neq(inner, LL_NONE);
  cr_assert_eq(js->nodes[inner].first, LL_NONE);
  cr_assert_eq(js->nodes[0].end_index, js->count);
  free(src);
}

/* ==== Positions ==== */

Test(tree, rows_are_zero_based_and_columns_are_bytes) {
  const ll_js *js = parse("r.js", "a;\n\n  \xC3\xA9t\xC3\xA9 = b;\n");
  ll_nid b = ident(js, "b", 0);
  cr_assert_eq(js->nodes[b].row, 2);
  cr_assert_eq(js->nodes[b].col, 10); /* 2 + 5 bytes of "été" + " = " */
  ll_nid a = ident(js, "a", 0);
  cr_assert_eq(js->nodes[a].row, 0);
  cr_assert_eq(js->nodes[a].col, 0);
}

Test(tree, line_of_maps_bytes_to_zero_based_lines) {
  const ll_js *js = parse("l.js", "ab\ncd\n\nef");
  cr_assert_eq(js->nlines, 4);
  cr_assert_eq(ll_js_line_of(js, 0), 0);
  cr_assert_eq(ll_js_line_of(js, 2), 0); /* the newline belongs to its line */
  cr_assert_eq(ll_js_line_of(js, 3), 1);
  cr_assert_eq(ll_js_line_of(js, 5), 1);
  cr_assert_eq(ll_js_line_of(js, 6), 2);
  cr_assert_eq(ll_js_line_of(js, 7), 3);
  cr_assert_eq(ll_js_line_of(js, 9), 3);
  cr_assert_eq(ll_js_line_of(js, 1000), 3); /* past the end: the last line */
}

Test(tree, a_trailing_newline_starts_an_empty_last_line) {
  const ll_js *js = parse("l.js", "a;\r\nb;\r\n");
  cr_assert_eq(js->nlines, 3);
  cr_assert_eq(js->line_starts[1], 4);
  cr_assert_eq(js->line_starts[2], 8);
  cr_assert_eq(ll_js_line_of(js, 3), 0); /* the \n of \r\n */
}

/* ==== What the view keeps ==== */

/* True when some node of any kind spells `text`. */
static bool any_node_spells(const ll_js *js, const char *text) {
  for (ll_nid i = 0; i < js->count; i++)
    if (ll_js_text_is(js, i, text)) return true;
  return false;
}

Test(tree, tokens_are_kept_only_when_they_carry_a_field) {
  const ll_js *js = parse("t.js", "let a = (b + c);\nvar d;\n");
  ll_nid kw = must_find(js, LL_K_token, "let");
  cr_assert_eq(js->nodes[kw].field, LL_F_kind);
  ll_nid op = must_find(js, LL_K_token, "+");
  cr_assert_eq(js->nodes[op].field, LL_F_operator);
  cr_assert_eq(find_nth(js, LL_K_token, "(", 0), LL_NONE);
  cr_assert_eq(find_nth(js, LL_K_token, ";", 0), LL_NONE);
  cr_assert_eq(find_nth(js, LL_K_token, "=", 0), LL_NONE);
}

Test(tree, comments_are_kept) {
  const ll_js *js = parse("c.js", "/* a */ x; // b\n");
  must_find(js, LL_K_comment, "/* a */");
  must_find(js, LL_K_comment, "// b");
}

Test(tree, fields_name_the_role_of_a_child) {
  const ll_js *js = parse("f.js", "obj.method(arg);\n");
  ll_nid call = must_find(js, LL_K_call_expression, NULL);
  ll_nid callee = ll_js_child(js, call, LL_F_function);
  cr_assert_eq(ll_js_kind(js, callee), LL_K_member_expression);
  cr_assert(ll_js_text_is(js, ll_js_child(js, callee, LL_F_object), "obj"));
  cr_assert(ll_js_text_is(js, ll_js_child(js, callee, LL_F_property), "method"));
  ll_nid args = ll_js_child(js, call, LL_F_arguments);
  cr_assert(ll_js_text_is(js, ll_js_named_child(js, args, 0), "arg"));
  cr_assert_eq(ll_js_named_child(js, args, 1), LL_NONE);
  cr_assert_eq(ll_js_child(js, call, LL_F_body), LL_NONE);
  cr_assert_eq(ll_js_child(js, LL_NONE, LL_F_body), LL_NONE);
  cr_assert_eq(ll_js_named_child(js, LL_NONE, 0), LL_NONE);
}

Test(tree, named_child_skips_tokens_and_comments) {
  const ll_js *js = parse("n.js", "f(/* c */ a, /* d */ b);\nlet x = 1;\n");
  ll_nid args = must_find(js, LL_K_arguments, NULL);
  cr_assert(ll_js_text_is(js, ll_js_named_child(js, args, 0), "a"));
  cr_assert(ll_js_text_is(js, ll_js_named_child(js, args, 1), "b"));
  ll_nid decl = must_find(js, LL_K_lexical_declaration, NULL);
  cr_assert_eq(ll_js_kind(js, ll_js_named_child(js, decl, 0)),
               LL_K_variable_declarator);
}

/* ==== TypeScript type erasure ==== */

Test(tree, type_annotations_are_erased) {
  const ll_js *js =
      parse("t.ts",
            "function f(a: Foo, b?: Bar<Baz>, ...c: Qux[]): Ret {\n"
            "  let x: Zed | null = null;\n"
            "  const y: typeof someValue = a;\n"
            "  return x;\n"
            "}\n"
            "const g = (p: Param): Out => p;\n"
            "class K { field: FieldType = 1; m(this: Self): void {} }\n");
  static const char *const types[] = {"Foo",       "Bar",   "Baz",  "Qux",
                                      "Ret",       "Zed",   "Param", "Out",
                                      "someValue", "FieldType", "Self"};
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    cr_assert(!any_node_spells(js, types[i]), "'%s' is in the view", types[i]);
  /* The values stay. */
  ident(js, "a", 0);
  ident(js, "x", 0);
  ident(js, "p", 1);
}

Test(tree, type_declarations_are_erased_whole) {
  const ll_js *js = parse("t.ts",
                          "interface Shape { area(): number; side: Length }\n"
                          "type Alias = { inner: Hidden };\n"
                          "class C implements Iface, Other {}\n"
                          "function g<TParam extends Bound>() {}\n"
                          "new Map<KeyType, ValueType>();\n"
                          "call<TypeArg>(value);\n");
  static const char *const gone[] = {"Shape", "Length", "Alias", "Hidden",
                                     "Iface", "Other",  "TParam", "Bound",
                                     "KeyType", "ValueType", "TypeArg"};
  for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
    cr_assert(!any_node_spells(js, gone[i]), "'%s' is in the view", gone[i]);
  ident(js, "value", 0);
  ident(js, "Map", 0);
}

Test(tree, casts_keep_their_expression_but_never_a_type_as_an_identifier) {
  const ll_js *js = parse("t.ts", "let v = (x as Wub) satisfies Other;\n"
                                  "let w = <Cast>y!;\n");
  ident(js, "x", 0);
  ident(js, "y", 0);
  cr_assert_eq(find_nth(js, LL_K_identifier, "Wub", 0), LL_NONE);
  cr_assert_eq(find_nth(js, LL_K_identifier, "Other", 0), LL_NONE);
  cr_assert(!any_node_spells(js, "Cast"));
}

Test(tree, erased_type_names_resolve_to_nothing_and_are_not_references) {
  const ll_js *js = parse("t.ts", "function f(a: Window): Document { return a; }\n");
  for (ll_nid i = 0; i < js->count; i++)
    if (js->nodes[i].kind == LL_K_identifier)
      cr_assert(ll_js_text_is(js, i, "f") || ll_js_text_is(js, i, "a"),
                "stray identifier '%s'", ll_js_text(js, i));
}

Test(tree, parameter_properties_keep_the_parameter) {
  const ll_js *js = parse("t.ts",
                          "class S { constructor(private readonly svc: Service) {} }\n");
  ll_nid p = ident(js, "svc", 0);
  cr_assert_neq(ll_js_binding_of(js, p), LL_UNRESOLVED);
  cr_assert(!any_node_spells(js, "Service"));
  cr_assert(!any_node_spells(js, "private"));
}

/* ==== Helpers ==== */

Test(tree, unwrap_skips_parentheses_and_casts) {
  const ll_js *js = parse("u.ts",
                          "a1 = ((x1));\n"
                          "a2 = (x2 as Foo);\n"
                          "a3 = x3!;\n"
                          "a4 = <Foo>x4;\n"
                          "a5 = ((x5 satisfies T)! as U);\n"
                          "a6 = x6;\n");
  for (int i = 1; i <= 6; i++) {
    char lhs[8], rhs[8];
    snprintf(lhs, sizeof lhs, "a%d", i);
    snprintf(rhs, sizeof rhs, "x%d", i);
    ll_nid asg = js->nodes[ident(js, lhs, 0)].parent;
    ll_nid right = ll_js_child(js, asg, LL_F_right);
    ll_nid inner = ll_js_unwrap(js, right);
    cr_assert_eq(inner, ident(js, rhs, 0), "case %d", i);
  }
  cr_assert_eq(ll_js_unwrap(js, LL_NONE), LL_NONE);
}

Test(tree, unwrap_stops_at_other_expressions) {
  const ll_js *js = parse("u.js", "a = (b.c);\nd = (e, f);\n");
  ll_nid m = ll_js_unwrap(js, must_find(js, LL_K_parenthesized_expression, NULL));
  cr_assert_eq(ll_js_kind(js, m), LL_K_member_expression);
  ll_nid s = ll_js_unwrap(js, must_find_nth(js, LL_K_parenthesized_expression, NULL, 1));
  cr_assert_eq(ll_js_kind(js, s), LL_K_sequence_expression);
}

Test(tree, string_value_of_plain_strings_and_templates) {
  const ll_js *js = parse("s.js",
                          "f('single', \"double\", `tmpl`, '', ('paren'),"
                          " 'a\\nb', `x${y}z`, name, 42);\n");
  ll_nid args = must_find(js, LL_K_arguments, NULL);
  static const char *const want[] = {"single", "double", "tmpl", "",
                                     "paren",  "a\\nb",  NULL,   NULL, NULL};
  for (uint32_t i = 0; i < 9; i++) {
    const char *v = ll_js_string_value(js, ll_js_named_child(js, args, i));
    if (want[i]) {
      cr_assert_not_null(v, "argument %u", i);
      cr_assert_str_eq(v, want[i], "argument %u", i);
    } else {
      cr_assert_null(v, "argument %u is '%s'", i, v);
    }
  }
  cr_assert_null(ll_js_string_value(js, LL_NONE));
}

Test(tree, text_helpers_compare_and_copy_source_text) {
  const ll_js *js = parse("x.js", "foo(foo, food);\n");
  ll_nid a = ident(js, "foo", 0), b = ident(js, "foo", 1);
  ll_nid c = ident(js, "food", 0);
  cr_assert(ll_js_same_text(js, a, b));
  cr_assert(!ll_js_same_text(js, a, c));
  cr_assert(!ll_js_same_text(js, a, LL_NONE));
  cr_assert(!ll_js_text_is(js, c, "foo"));
  cr_assert(!ll_js_text_is(js, LL_NONE, ""));
  cr_assert_str_eq(ll_js_text(js, c), "food");
  cr_assert_str_eq(ll_js_text(js, LL_NONE), "");
  cr_assert_str_eq(ll_js_text(js, must_find(js, LL_K_arguments, NULL)),
                   "(foo, food)");
}

Test(tree, dialect_follows_the_extension) {
  cr_assert_eq(ll_js_dialect_for_path("a.js"), 0);
  cr_assert_eq(ll_js_dialect_for_path("a.jsx"), 0);
  cr_assert_eq(ll_js_dialect_for_path("a.mjs"), 0);
  cr_assert_eq(ll_js_dialect_for_path("a.cjs"), 0);
  cr_assert_eq(ll_js_dialect_for_path("a.ts"), 1);
  cr_assert_eq(ll_js_dialect_for_path("a.mts"), 1);
  cr_assert_eq(ll_js_dialect_for_path("a.cts"), 1);
  cr_assert_eq(ll_js_dialect_for_path("a.d.ts"), 1);
  cr_assert_eq(ll_js_dialect_for_path("a.tsx"), 2);
  cr_assert_eq(ll_js_dialect_for_path("noext"), 0);
}

Test(tree, jsx_in_a_tsx_file_is_not_a_type_assertion) {
  const ll_js *js = parse("c.tsx", "const e = <Comp prop={v} />;\n");
  cr_assert(!js->has_error);
  must_find(js, LL_K_jsx_self_closing_element, NULL);
  ident(js, "v", 0);
}

/* ==== Syntax errors ==== */

Test(tree, valid_input_has_no_error) {
  const ll_js *js = parse("ok.js", "let a = 1;\n");
  cr_assert(!js->has_error);
  for (ll_nid i = 0; i < js->count; i++)
    cr_assert_eq(js->nodes[i].flags, 0);
}

Test(tree, an_error_node_is_flagged_and_located) {
  const ll_js *js = parse("e.js", "let x = ;");
  cr_assert(js->has_error);
  cr_assert(!js->error_missing);
  ll_nid err = must_find(js, LL_K_ERROR, NULL);
  cr_assert(js->nodes[err].flags & LL_NF_ERROR);
  cr_assert_eq(js->error_start, js->nodes[err].start);
  cr_assert_eq(js->error_end, js->nodes[err].end);
  cr_assert_eq(js->error_start, 6);
}

Test(tree, a_missing_token_is_recorded_with_its_type) {
  const ll_js *js = parse("e.js", "let a = (1 + 2;\n");
  cr_assert(js->has_error);
  cr_assert(js->error_missing);
  cr_assert_str_eq(js->error_token, ")");
  cr_assert_eq(js->error_start, 14);
  cr_assert_eq(js->error_end, 14);
}

Test(tree, the_first_error_in_the_file_is_the_one_kept) {
  const ll_js *js = parse("e.js", "ok();\nlet a = ;\nlet b = ;\nlet c = (;\n");
  cr_assert(js->has_error);
  cr_assert_eq(ll_js_line_of(js, js->error_start), 1);
}

Test(tree, parsing_does_not_need_a_nul_terminator) {
  const char text[] = "let a = b;";
  char *src = malloc(sizeof text - 1);
  memcpy(src, text, sizeof text - 1);
  ll_arena *arena = ll_arena_new();
  ll_js js;
  cr_assert_eq(ll_js_parse(&js, arena, "n.js", src, sizeof text - 1,
                           LL_ENV_DEFAULT, NULL, 0),
               LL_OK);
  cr_assert(!js.has_error);
  cr_assert_eq(js.nodes[0].end, sizeof text - 1);
  ll_js_fini(&js);
  ll_arena_free(arena);
  free(src);
}

Test(tree, fini_releases_everything_outside_the_arena) {
  ll_arena *arena = ll_arena_new();
  ll_js js;
  /* Build the process-wide tables first, then count. */
  cr_assert_eq(ll_js_parse(&js, arena, "w.ts", "x;", 2, LL_ENV_DEFAULT, NULL, 0),
               LL_OK);
  ll_js_fini(&js);
  hooks_install(0);
  cr_assert_eq(ll_js_parse(&js, arena, "w.ts",
                           "function f(a: T) { let b = a; return b; }", 41,
                           LL_ENV_DEFAULT, NULL, 0),
               LL_OK);
  cr_assert_gt(hk_live, 3);
  ll_js_fini(&js);
  cr_assert_eq(hk_live, 0);
  cr_assert_null(js.nodes);
  hooks_remove();
  ll_arena_free(arena);
}
