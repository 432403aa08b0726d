/* analyze.c, through ll_analyze_source: rejected input (size, binary,
 * invalid UTF-8, language) with messages naming the file and the cause;
 * parse errors as findings with the rest of the file still analysed;
 * severity overrides; sorting; 1-based positions with UTF-16 columns; and
 * the result's own fields. */
#include "../helpers.h"
#include "base/utf8.h"

TestSuite(analyze, .fini = unit_teardown);

#define IG "no-implicit-global"
#define IV "no-uncleared-interval"
#define PE "parse-error"

/* Analyses `len` bytes that must fail with `want`; returns the message
 * (static). `*out` must come back NULL. */
static const char *reject(const ll_options *o, const char *path,
                          const char *src, size_t len, ll_status want) {
  static ll_error err;
  memset(&err, 0, sizeof err);
  ll_options defaults;
  if (!o) {
    ll_options_init(&defaults);
    o = &defaults;
  }
  ll_file_result *r = (ll_file_result *)&err; /* not NULL */
  ll_status st = ll_analyze_source(o, path, src, len, &r, &err);
  cr_assert_eq(st, want, "got %s (%s)", ll_status_name(st), err.message);
  cr_assert_null(r);
  cr_assert_eq(err.code, want);
  cr_assert_str_eq(err.path, path);
  return err.message;
}

/* ==== Rejected input ==== */

Test(analyze, files_over_max_file_size_are_too_big) {
  ll_options o;
  ll_options_init(&o);
  o.max_file_size = 10;
  const char *msg = reject(&o, "src/big.js", "x = 1234567;", 12, LL_ETOOBIG);
  assert_has(msg, "src/big.js");
  assert_has(msg, "12 bytes");
  assert_has(msg, "size limit of 10 bytes");
}

Test(analyze, a_file_of_exactly_max_file_size_is_analysed) {
  ll_options o;
  ll_options_init(&o);
  o.max_file_size = 6;
  const ll_file_result *r = analyze_opts(&o, "a.js", "x = 1;");
  cr_assert_eq(r->bytes, 6);
  cr_assert_eq(count_rule(r, IG), 1);
}

Test(analyze, default_size_limit_is_4_mib) {
  const size_t limit = 4u << 20;
  char *src = malloc(limit + 1);
  memset(src, '\n', limit + 1);
  memcpy(src, "//", 2);
  const char *msg = reject(NULL, "huge.js", src, limit + 1, LL_ETOOBIG);
  assert_has(msg, "4194304 bytes");
  /* One byte less is accepted. */
  ll_options o;
  ll_options_init(&o);
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source(&o, "huge.js", src, limit, &r, NULL), LL_OK);
  cr_assert_eq(r->count, 0);
  ll_file_result_free(r);
  free(src);
}

Test(analyze, nul_bytes_make_a_file_binary) {
  const char src[] = "x = 1;\0\0\x01\x02";
  const char *msg = reject(NULL, "img.js", src, sizeof src - 1, LL_EBINARY);
  assert_has(msg, "img.js");
  assert_has(msg, "NUL");
}

Test(analyze, invalid_utf8_makes_a_file_binary_and_names_the_offset) {
  const char src[] = "let s = '\xC3\x28';";
  const char *msg = reject(NULL, "latin1.js", src, sizeof src - 1, LL_EBINARY);
  assert_has(msg, "latin1.js");
  assert_has(msg, "not valid UTF-8");
  assert_has(msg, "offset 9");
}

Test(analyze, overlong_and_surrogate_encodings_are_rejected) {
  reject(NULL, "a.js", "x = '\xC0\xAF';", 9, LL_EBINARY);
  reject(NULL, "a.js", "x = '\xED\xA0\x80';", 10, LL_EBINARY);
}

Test(analyze, size_is_checked_before_content) {
  ll_options o;
  ll_options_init(&o);
  o.max_file_size = 2;
  reject(&o, "a.js", "\0\0\0", 3, LL_ETOOBIG);
}

Test(analyze, unsupported_languages_are_rejected_by_name) {
  const char *msg = reject(NULL, "tool.py", "x = 1", 5, LL_ELANG);
  assert_has(msg, "tool.py");
  assert_has(msg, "not a JavaScript or TypeScript file");
  reject(NULL, "Makefile", "all:", 4, LL_ELANG);
  reject(NULL, "data.json", "{}", 2, LL_ELANG);
}

Test(analyze, the_error_record_is_optional) {
  ll_options o;
  ll_options_init(&o);
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source(&o, "a.py", "x", 1, &r, NULL), LL_ELANG);
  cr_assert_null(r);
}

Test(analyze, a_nul_after_the_first_8_kib_does_not_crash) {
  size_t len = 9000;
  char *src = malloc(len);
  memset(src, ' ', len);
  memcpy(src, "function f() { x = 1; }", 23);
  src[8500] = '\0';
  ll_options o;
  ll_options_init(&o);
  ll_file_result *r = NULL;
  ll_status st = ll_analyze_source(&o, "late.js", src, len, &r, NULL);
  cr_assert(st == LL_OK || st == LL_EBINARY, "%s", ll_status_name(st));
  ll_file_result_free(r);
  free(src);
}

/* ==== Parse errors ==== */

Test(analyze, a_syntax_error_is_a_parse_error_finding_with_its_position) {
  const ll_file_result *r = analyze("e.js",
                                    "const ok = 1;\n"
                                    "let x = ;\n");
  cr_assert_eq(count_rule(r, PE), 1);
  const ll_finding *f = nth_of_rule(r, PE, 0);
  /* tree-sitter's recovery puts the error on the `=` here. */
  cr_assert_eq(f->line, 2);
  cr_assert_eq(f->column, 7);
  cr_assert_eq(f->end_line, 2);
  cr_assert_eq(f->end_column, 8);
  cr_assert_eq(f->start_byte, 20);
  cr_assert_eq(f->severity, LL_SEV_ERROR);
  cr_assert_str_eq(f->message, "Parsing error: unexpected '='");
  cr_assert_str_eq(f->source_line, "let x = ;");
  cr_assert_not_null(f->help);
  cr_assert_eq(r->errors, 1);
}

Test(analyze, code_after_a_syntax_error_is_still_analysed) {
  const ll_file_result *r = analyze("e.js",
                                    "let x = ;\n"
                                    "function start() {\n"
                                    "  setInterval(start, 1000);\n"
                                    "  leak = 1;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, PE), "1");
  cr_assert_str_eq(lines_of(r, IV), "3");
  cr_assert_str_eq(lines_of(r, IG), "4");
}

Test(analyze, code_after_an_error_inside_a_block_is_still_analysed) {
  const ll_file_result *r = analyze("e.js",
                                    "if (x) {\n"
                                    "  foo(;\n"
                                    "}\n"
                                    "function g() { late = 1; }\n");
  cr_assert_str_eq(lines_of(r, PE), "2");
  cr_assert_eq(nth_of_rule(r, PE, 0)->column, 3);
  cr_assert_str_eq(lines_of(r, IG), "4");
}

Test(analyze, a_missing_token_is_named) {
  const ll_file_result *r = analyze("e.js", "let a = (1 + 2;\nb = 1;\n");
  const ll_finding *f = nth_of_rule(r, PE, 0);
  cr_assert_str_eq(f->message, "Parsing error: missing ')'");
  cr_assert_eq(f->line, 1);
  cr_assert_eq(f->column, 15);
  cr_assert_str_eq(lines_of(r, IG), "2");
}

Test(analyze, only_the_first_syntax_error_is_reported) {
  const ll_file_result *r = analyze("e.js",
                                    "let a = ;\n"
                                    "let b = ;\n"
                                    "let c = ;\n");
  cr_assert_eq(count_rule(r, PE), 1);
  cr_assert_eq(nth_of_rule(r, PE, 0)->line, 1);
}

Test(analyze, a_long_unexpected_token_is_cut_in_the_message) {
  const ll_file_result *r = analyze(
      "e.js", "let x = = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';\n");
  const ll_finding *f = nth_of_rule(r, PE, 0);
  cr_assert_leq(strlen(f->message), strlen("Parsing error: unexpected ''") + 24,
                "%s", f->message);
}

Test(analyze, a_cut_parse_error_message_is_still_valid_utf8) {
  // Regression test for a bug fixed in the same change that enabled it.
  const ll_file_result *r =
      analyze("e.js", "if (x) {\n  x\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                      "\xC3\xA9\xC3\xA9(;\n}\n");
  const ll_finding *f = nth_of_rule(r, PE, 0);
  assert_has(f->message, "unexpected 'x\xC3\xA9");
  size_t bad = 0;
  cr_assert(ll_utf8_valid(f->message, strlen(f->message), &bad),
            "invalid UTF-8 at byte %zu of \"%s\"", bad, f->message);
}

Test(analyze, parse_errors_can_be_turned_off) {
  ll_options o;
  ll_options_init(&o);
  o.severity[LL_RULE_parse_error] = LL_SEV_OFF;
  const ll_file_result *r = analyze_opts(&o, "e.js", "let x = ;\nleak = 1;\n");
  cr_assert_eq(count_rule(r, PE), 0);
  cr_assert_str_eq(lines_of(r, IG), "2");
}

Test(analyze, parse_errors_follow_a_configured_severity) {
  ll_options o;
  ll_options_init(&o);
  o.severity[LL_RULE_parse_error] = LL_SEV_WARNING;
  const ll_file_result *r = analyze_opts(&o, "e.js", "let x = ;\n");
  cr_assert_eq(nth_of_rule(r, PE, 0)->severity, LL_SEV_WARNING);
  cr_assert_eq(r->warnings, 1);
  cr_assert_eq(r->errors, 0);
}

Test(analyze, typescript_syntax_is_not_a_parse_error_in_ts_files) {
  const ll_file_result *r =
      analyze("t.ts",
              "interface A { x: number }\n"
              "function f<T>(a: T, b?: string): void { leak = a as any; }\n");
  cr_assert_eq(count_rule(r, PE), 0);
  cr_assert_str_eq(lines_of(r, IG), "2");
}

Test(analyze, typescript_syntax_is_a_parse_error_in_js_files) {
  const ll_file_result *r = analyze("t.js", "let a: number = 1;\n");
  cr_assert_eq(count_rule(r, PE), 1);
}

Test(analyze, jsx_parses_in_js_and_tsx_files) {
  const ll_file_result *r = analyze("c.tsx",
                                    "function C(p: { n: number }) {\n"
                                    "  leak = p;\n"
                                    "  return <div onClick={() => p}>{p.n}</div>;\n"
                                    "}\n");
  cr_assert_eq(count_rule(r, PE), 0);
  cr_assert_str_eq(lines_of(r, IG), "2");
}

Test(analyze, a_hashbang_line_is_not_a_parse_error) {
  const ll_file_result *r =
      analyze("cli.js", "#!/usr/bin/env node\nleak = 1;\n");
  cr_assert_eq(count_rule(r, PE), 0);
  cr_assert_str_eq(lines_of(r, IG), "2");
}

/* ==== Severity ==== */

static const char TWO_RULES[] = "function f() {\n"
                                "  leak = 1;\n"
                                "  setInterval(f, 1);\n"
                                "}\n";

Test(analyze, catalogue_severities_apply_by_default) {
  const ll_file_result *r = analyze("s.js", TWO_RULES);
  cr_assert_eq(nth_of_rule(r, IG, 0)->severity, LL_SEV_WARNING);
  cr_assert_eq(nth_of_rule(r, IV, 0)->severity, LL_SEV_ERROR);
  cr_assert_eq(r->errors, 1);
  cr_assert_eq(r->warnings, 1);
  cr_assert_eq(r->infos, 0);
}

Test(analyze, severity_overrides_raise_and_lower) {
  ll_options o;
  ll_options_init(&o);
  o.severity[LL_RULE_no_implicit_global] = LL_SEV_ERROR;
  o.severity[LL_RULE_no_uncleared_interval] = LL_SEV_WARNING;
  const ll_file_result *r = analyze_opts(&o, "s.js", TWO_RULES);
  cr_assert_eq(nth_of_rule(r, IG, 0)->severity, LL_SEV_ERROR);
  cr_assert_eq(nth_of_rule(r, IV, 0)->severity, LL_SEV_WARNING);
  cr_assert_eq(r->errors, 1);
  cr_assert_eq(r->warnings, 1);
}

Test(analyze, severity_off_removes_the_rule) {
  ll_options o;
  ll_options_init(&o);
  o.severity[LL_RULE_no_uncleared_interval] = LL_SEV_OFF;
  const ll_file_result *r = analyze_opts(&o, "s.js", TWO_RULES);
  cr_assert_eq(r->count, 1);
  cr_assert_eq(count_rule(r, IG), 1);
  cr_assert_eq(r->errors, 0);
}

Test(analyze, severity_info_is_counted_as_info) {
  ll_options o;
  ll_options_init(&o);
  o.severity[LL_RULE_no_implicit_global] = LL_SEV_INFO;
  o.severity[LL_RULE_no_uncleared_interval] = LL_SEV_INFO;
  const ll_file_result *r = analyze_opts(&o, "s.js", TWO_RULES);
  cr_assert_eq(r->infos, 2);
  cr_assert_eq(r->errors + r->warnings, 0);
}

Test(analyze, a_configured_level_wins_over_a_rule_s_own_choice) {
  /* A top-level interval is a daemon: the rule lowers it to a warning. */
  const char *src = "setInterval(tick, 1000);\nfunction tick() {}\n";
  const ll_file_result *r = analyze("d.js", src);
  cr_assert_eq(nth_of_rule(r, IV, 0)->severity, LL_SEV_WARNING);
  ll_file_result_free(T_result);
  T_result = NULL;
  ll_options o;
  ll_options_init(&o);
  o.severity[LL_RULE_no_uncleared_interval] = LL_SEV_ERROR;
  r = analyze_opts(&o, "d.js", src);
  cr_assert_eq(nth_of_rule(r, IV, 0)->severity, LL_SEV_ERROR);
}

/* ==== Order and positions ==== */

Test(analyze, findings_are_sorted_by_position) {
  const ll_file_result *r = analyze("o.js",
                                    "function a() { setInterval(a, 1); }\n"
                                    "function b() { x = 1; }\n"
                                    "let broken = ;\n"
                                    "function c() { setInterval(c, 1); y = 2; }\n"
                                    "z = 3;\n");
  cr_assert_eq(r->count, 6);
  static const struct { const char *rule; uint32_t line; } want[] = {
      {IV, 1}, {IG, 2}, {PE, 3}, {IV, 4}, {IG, 4}, {IG, 5}};
  for (size_t i = 0; i < r->count; i++) {
    cr_assert_str_eq(ll_rule_get(r->findings[i].rule)->id, want[i].rule,
                     "finding %zu", i);
    cr_assert_eq(r->findings[i].line, want[i].line, "finding %zu", i);
    if (i)
      cr_assert_leq(r->findings[i - 1].start_byte, r->findings[i].start_byte);
  }
}

Test(analyze, positions_are_one_based) {
  const ll_file_result *r = analyze("p.js", "leak = 1;\n");
  const ll_finding *f = nth_of_rule(r, IG, 0);
  cr_assert_eq(f->line, 1);
  cr_assert_eq(f->column, 1);
  cr_assert_eq(f->end_line, 1);
  cr_assert_eq(f->end_column, 5);
  cr_assert_eq(f->start_byte, 0);
  cr_assert_eq(f->end_byte, 4);
}

Test(analyze, columns_count_utf16_units_after_an_emoji) {
  /* `const s = "😀"; ` is 16 UTF-16 units (the emoji is 2) but 18 bytes. */
  const ll_file_result *r =
      analyze("u.js", "// line one\nconst s = \"\xF0\x9F\x98\x80\"; leak = 1;\n");
  const ll_finding *f = nth_of_rule(r, IG, 0);
  cr_assert_eq(f->line, 2);
  cr_assert_eq(f->column, 17);
  cr_assert_eq(f->end_column, 21);
  cr_assert_eq(f->start_byte, 12 + 18);
}

Test(analyze, columns_count_bmp_characters_as_one_unit) {
  /* é (2 bytes) and 日 (3 bytes) are one unit each. */
  const ll_file_result *r =
      analyze("u.js", "const \xC3\xA9 = '\xE6\x97\xA5'; leak = 1;\n");
  cr_assert_eq(nth_of_rule(r, IG, 0)->column, 16);
}

Test(analyze, an_emoji_on_an_earlier_line_does_not_shift_columns) {
  const ll_file_result *r =
      analyze("u.js", "// \xF0\x9F\x98\x80\xF0\x9F\x98\x80\n  leak = 1;\n");
  cr_assert_eq(nth_of_rule(r, IG, 0)->column, 3);
}

Test(analyze, a_multi_line_finding_has_its_end_position) {
  const ll_file_result *r = analyze("m.js",
                                    "function f() {\n"
                                    "  setInterval(\n"
                                    "    f,\n"
                                    "    1);\n"
                                    "}\n");
  const ll_finding *f = nth_of_rule(r, IV, 0);
  cr_assert_eq(f->line, 2);
  cr_assert_eq(f->column, 3);
  cr_assert_eq(f->end_line, 4);
  cr_assert_eq(f->end_column, 7);
  cr_assert_str_eq(f->source_line, "  setInterval(");
}

Test(analyze, crlf_line_endings_count_lines_and_are_cut_from_the_line) {
  const ll_file_result *r = analyze("w.js", "a = 1;\r\n\r\n  b = 2;\r\n");
  cr_assert_str_eq(lines_of(r, IG), "1,3");
  const ll_finding *f = nth_of_rule(r, IG, 1);
  cr_assert_eq(f->column, 3);
  cr_assert_str_eq(f->source_line, "  b = 2;");
}

Test(analyze, the_last_line_without_a_newline_is_the_source_line) {
  const ll_file_result *r = analyze("n.js", "x;\nleak = 1");
  cr_assert_str_eq(nth_of_rule(r, IG, 0)->source_line, "leak = 1");
}

Test(analyze, a_byte_order_mark_does_not_count_as_a_column) {
  // Regression test for a bug fixed in the same change that enabled it.
  const ll_file_result *r = analyze("bom.js", "\xEF\xBB\xBFleak = 1;\n");
  const ll_finding *f = nth_of_rule(r, IG, 0);
  cr_assert_eq(f->column, 1);
  cr_assert_str_eq(f->source_line, "leak = 1;");
}

/* ==== The result ==== */

Test(analyze, the_result_owns_a_copy_of_the_path_and_knows_its_size) {
  char path[] = "dir/file.js";
  const char *src = "leak = 1;\n";
  const ll_file_result *r = analyze(path, src);
  path[0] = 'X';
  cr_assert_str_eq(r->path, "dir/file.js");
  cr_assert_eq(r->lang, LL_LANG_JS);
  cr_assert_eq(r->bytes, strlen(src));
  cr_assert_not_null(r->arena);
}

Test(analyze, an_empty_file_has_no_findings) {
  ll_options o;
  ll_options_init(&o);
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source(&o, "e.js", "", 0, &r, NULL), LL_OK);
  cr_assert_eq(r->count, 0);
  cr_assert_eq(r->bytes, 0);
  ll_file_result_free(r);
}

Test(analyze, the_source_need_not_be_nul_terminated_and_is_not_kept) {
  const char text[] = "function f() { leak = 1; }";
  size_t len = sizeof text - 1;
  char *src = malloc(len); /* exactly sized: reading past it trips ASan */
  memcpy(src, text, len);
  ll_options o;
  ll_options_init(&o);
  ll_file_result *r = NULL;
  cr_assert_eq(ll_analyze_source(&o, "x.js", src, len, &r, NULL), LL_OK);
  memset(src, '#', len);
  free(src);
  cr_assert_eq(r->count, 1);
  cr_assert_str_eq(r->findings[0].source_line, text);
  assert_has(r->findings[0].message, "'leak'");
  ll_file_result_free(r);
}

Test(analyze, free_of_null_is_a_no_op) { ll_file_result_free(NULL); }

Test(analyze, two_results_live_independently) {
  ll_options o;
  ll_options_init(&o);
  ll_file_result *a = NULL, *b = NULL;
  cr_assert_eq(ll_analyze_source(&o, "a.js", "x = 1;", 6, &a, NULL), LL_OK);
  cr_assert_eq(ll_analyze_source(&o, "b.js", "y = 1;\nz = 1;", 13, &b, NULL),
               LL_OK);
  ll_file_result_free(a);
  cr_assert_eq(b->count, 2);
  cr_assert_str_eq(b->path, "b.js");
  assert_has(b->findings[1].message, "'z'");
  ll_file_result_free(b);
}

Test(analyze, configured_globals_are_known) {
  static const char *const globals[] = {"jQuery", "leak"};
  ll_options o;
  ll_options_init(&o);
  o.globals = globals;
  o.nglobals = 2;
  const ll_file_result *r =
      analyze_opts(&o, "g.js", "function f() { leak = 1; other = 2; }\n");
  cr_assert_eq(r->count, 1);
  assert_has(r->findings[0].message, "'other'");
}

Test(analyze, environments_decide_which_globals_exist) {
  const char *src = "function f() { document = 1; process = 2; }\n";
  ll_options o;
  ll_options_init(&o);
  o.env = LL_ENV_NODE;
  const ll_file_result *r = analyze_opts(&o, "e.js", src);
  cr_assert_eq(r->count, 1);
  assert_has(r->findings[0].message, "'document'");
  ll_file_result_free(T_result);
  T_result = NULL;
  o.env = LL_ENV_BROWSER;
  r = analyze_opts(&o, "e.js", src);
  cr_assert_eq(r->count, 1);
  assert_has(r->findings[0].message, "'process'");
}

/* ==== Hostile input ==== */

static char *repeat_around(const char *head, const char *open, size_t n,
                           const char *mid, const char *close,
                           const char *tail) {
  size_t lo = strlen(open), lc = strlen(close);
  size_t len = strlen(head) + n * (lo + lc) + strlen(mid) + strlen(tail);
  char *s = malloc(len + 1), *p = s;
  p += sprintf(p, "%s", head);
  for (size_t i = 0; i < n; i++, p += lo) memcpy(p, open, lo);
  p += sprintf(p, "%s", mid);
  for (size_t i = 0; i < n; i++, p += lc) memcpy(p, close, lc);
  sprintf(p, "%s", tail);
  return s;
}

Test(analyze, deeply_nested_expressions_do_not_crash) {
  char *src = repeat_around("function f() { leak = ", "[(", 50000, "1", ")]",
                            "; }\n");
  const ll_file_result *r = analyze("deep.js", src);
  cr_assert_eq(count_rule(r, IG), 1);
  free(src);
}

Test(analyze, a_deeply_nested_assignment_pattern_does_not_crash) {
  // Regression test for a bug fixed in the same change that enabled it.
  char *src = repeat_around("function f() { ", "[", 200000, "a", "]",
                            " = x; }\n");
  const ll_file_result *r = analyze("pattern.js", src);
  cr_assert_eq(count_rule(r, IG), 1);
  free(src);
}

Test(analyze, a_long_member_chain_as_a_listener_target_does_not_crash) {
  // Regression test for a bug fixed in the same change that enabled it.
  char *src = repeat_around("function f() { x", "", 0, "", "", "");
  size_t n = 200000;
  src = realloc(src, strlen(src) + 2 * n + 64);
  char *p = src + strlen(src);
  for (size_t i = 0; i < n; i++, p += 2) memcpy(p, ".a", 2);
  strcpy(p, ".addEventListener('x', () => 1); }\n");
  const ll_file_result *r = analyze("chain.js", src);
  cr_assert_eq(count_rule(r, PE), 0);
  free(src);
}

Test(analyze, typescript_declaration_files_hold_no_code_and_report_nothing) {
  ll_options o;
  ll_options_init(&o);
  /* Type syntax the grammar cannot parse, and an assignment that would be
   * an implicit global in a .ts file: a .d.ts is never run. */
  const char *src = "export type * from './types.ts';\nleak = 1;\n";
  ll_file_result *r = NULL;
  ll_error err = {0};
  cr_assert_eq(ll_analyze_source(&o, "lib/index.d.ts", src, strlen(src), &r, &err), LL_OK);
  cr_assert_eq(r->count, 0);
  ll_file_result_free(r);
  cr_assert_eq(ll_analyze_source(&o, "lib/index.ts", src, strlen(src), &r, &err), LL_OK);
  cr_assert_gt(r->count, 0);
  ll_file_result_free(r);
}
