/* suppress.c, through ll_analyze_source: next-line, line and block
 * directives in line and block comments, rule lists, `-- reason`, unknown
 * rule ids, and unused directives (reported only when asked). */
#include "../helpers.h"

TestSuite(suppress, .fini = unit_teardown);

#define IG "no-implicit-global"
#define IV "no-uncleared-interval"
#define UD "unused-disable"

static const ll_file_result *run_unused(const char *src) {
  ll_options o;
  ll_options_init(&o);
  o.report_unused_disables = true;
  return analyze_opts(&o, "s.js", src);
}

Test(suppress, without_a_directive_both_findings_are_reported) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  a = 1;\n"
                                    "  setInterval(f, 1);\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "2");
  cr_assert_str_eq(lines_of(r, IV), "3");
}

Test(suppress, next_line_without_rules_suppresses_every_rule_there) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  // leaklint-disable-next-line\n"
                                    "  a = 1; setInterval(f, 1);\n"
                                    "  b = 2;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "4");
  cr_assert_str_eq(lines_of(r, IV), "");
}

Test(suppress, next_line_covers_only_the_next_line) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  // leaklint-disable-next-line\n"
                                    "\n"
                                    "  a = 1;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "4");
}

Test(suppress, next_line_with_a_rule_suppresses_only_that_rule) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  // leaklint-disable-next-line " IG "\n"
                                    "  a = 1; setInterval(f, 1);\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "");
  cr_assert_str_eq(lines_of(r, IV), "3");
}

Test(suppress, next_line_with_another_rule_suppresses_nothing_here) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  // leaklint-disable-next-line " IV "\n"
                                    "  a = 1;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3");
}

Test(suppress, next_line_with_a_comma_separated_rule_list) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  // leaklint-disable-next-line " IG
                                    ", " IV "\n"
                                    "  a = 1; setInterval(f, 1);\n"
                                    "  //leaklint-disable-next-line " IG
                                    "," IV "\n"
                                    "  b = 1; setInterval(f, 1);\n"
                                    "}\n");
  cr_assert_eq(r->count, 0);
}

Test(suppress, reason_after_double_dash_is_not_a_rule) {
  const ll_file_result *r = analyze(
      "s.js",
      "function f() {\n"
      "  // leaklint-disable-next-line " IV " -- " IG " is fine here\n"
      "  a = 1; setInterval(f, 1);\n"
      "  // leaklint-disable-next-line -- a reason, no rules: all of them\n"
      "  b = 1; setInterval(f, 1);\n"
      "  // leaklint-disable-next-line " IG "--no space before the reason\n"
      "  c = 1;\n"
      "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3");
  cr_assert_str_eq(lines_of(r, IV), "");
}

Test(suppress, block_comment_next_line_covers_the_line_after_it_ends) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  /* leaklint-disable-next-line " IG "\n"
                                    "     -- spans two lines */\n"
                                    "  a = 1;\n"
                                    "  /* leaklint-disable-next-line */\n"
                                    "  b = 1;\n"
                                    "  c = 1;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "7");
}

Test(suppress, disable_line_covers_its_own_line) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  a = 1; // leaklint-disable-line\n"
                                    "  b = 1; /* leaklint-disable-line " IG
                                    " */ setInterval(f, 1);\n"
                                    "  c = 1;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "4");
  cr_assert_str_eq(lines_of(r, IV), "3");
}

Test(suppress, disable_enable_block_suppresses_between_them) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  a = 1;\n"
                                    "  /* leaklint-disable */\n"
                                    "  b = 1; setInterval(f, 1);\n"
                                    "  c = 1;\n"
                                    "  /* leaklint-enable */\n"
                                    "  d = 1; setInterval(f, 1);\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "2,7");
  cr_assert_str_eq(lines_of(r, IV), "7");
}

Test(suppress, disable_without_enable_lasts_to_the_end_of_the_file) {
  const ll_file_result *r = analyze("s.js",
                                    "a = 1;\n"
                                    "// leaklint-disable\n"
                                    "b = 1;\n"
                                    "function f() { c = 1; }\n");
  cr_assert_str_eq(lines_of(r, IG), "1");
}

Test(suppress, disable_of_one_rule_leaves_the_others) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  /* leaklint-disable " IV " */\n"
                                    "  a = 1; setInterval(f, 1);\n"
                                    "  /* leaklint-enable " IV " */\n"
                                    "  setInterval(f, 1);\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3");
  cr_assert_str_eq(lines_of(r, IV), "5");
}

Test(suppress, enable_of_one_rule_ends_only_that_rule_s_block) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  /* leaklint-disable " IG ", " IV " */\n"
                                    "  a = 1; setInterval(f, 1);\n"
                                    "  /* leaklint-enable " IG " */\n"
                                    "  b = 1; setInterval(f, 1);\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "5");
  cr_assert_str_eq(lines_of(r, IV), "");
}

Test(suppress, a_word_that_only_starts_like_a_directive_is_not_one) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  // leaklint-disable-next-lines\n"
                                    "  a = 1;\n"
                                    "  // leaklint-disabled\n"
                                    "  b = 1;\n"
                                    "  // see leaklint-disable-next-line\n"
                                    "  c = 1;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3,5,7");
}

Test(suppress, directives_in_strings_are_ignored) {
  const ll_file_result *r = analyze(
      "s.js",
      "function f() {\n"
      "  const s = '// leaklint-disable-next-line';\n"
      "  a = s;\n"
      "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3");
}

Test(suppress, unknown_rule_id_suppresses_nothing) {
  const ll_file_result *r = analyze("s.js",
                                    "function f() {\n"
                                    "  // leaklint-disable-next-line no-such-rule\n"
                                    "  a = 1;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3");
  cr_assert_str_eq(lines_of(r, UD), "");
}

Test(suppress, unknown_rule_id_is_reported_as_unused_when_asked) {
  const ll_file_result *r = run_unused("function f() {\n"
                                       "  // leaklint-disable-next-line no-such-rule\n"
                                       "  a = 1;\n"
                                       "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3");
  cr_assert_str_eq(lines_of(r, UD), "2");
  assert_has(nth_of_rule(r, UD, 0)->message, "no-such-rule");
}

Test(suppress, unknown_rule_next_to_a_known_one_still_suppresses_the_known) {
  const ll_file_result *r = run_unused("function f() {\n"
                                       "  // leaklint-disable-next-line no-such-rule, " IG "\n"
                                       "  a = 1;\n"
                                       "}\n");
  cr_assert_eq(r->count, 0);
}

Test(suppress, unused_disables_are_not_reported_by_default) {
  const ll_file_result *r = analyze("s.js",
                                    "// leaklint-disable-next-line\n"
                                    "const x = 1;\n"
                                    "/* leaklint-disable */\n");
  cr_assert_eq(r->count, 0);
}

Test(suppress, unused_disables_are_reported_when_asked) {
  const ll_file_result *r = run_unused("// leaklint-disable-next-line\n"
                                       "const x = 1;\n"
                                       "const y = 2; // leaklint-disable-line " IG "\n"
                                       "/* leaklint-disable */\n"
                                       "/* leaklint-enable */\n");
  cr_assert_eq(r->count, 3);
  cr_assert_str_eq(lines_of(r, UD), "1,3,4");
  const ll_finding *f = nth_of_rule(r, UD, 0);
  cr_assert_eq(f->severity, LL_SEV_WARNING);
  cr_assert_eq(f->line, 1);
  cr_assert_eq(f->column, 1);
  cr_assert_eq(f->end_line, 1);
  cr_assert_eq(f->end_column, 30);
  assert_has(f->message, "Unused leaklint-disable directive");
  cr_assert_not_null(f->help);
  const ll_finding *g = nth_of_rule(r, UD, 1);
  cr_assert_eq(g->column, 14);
}

Test(suppress, unused_message_quotes_the_rule_list_exactly) {
  // Regression test for a bug fixed in the same change that enabled it.
  const ll_file_result *r = run_unused("// leaklint-disable-next-line " IV
                                       " -- why\n"
                                       "const x = 1;\n");
  const ll_finding *f = nth_of_rule(r, UD, 0);
  assert_has(f->message, "'" IV "'");
}

Test(suppress, a_used_directive_is_not_reported_as_unused) {
  const ll_file_result *r = run_unused("function f() {\n"
                                       "  // leaklint-disable-next-line " IG "\n"
                                       "  a = 1;\n"
                                       "  /* leaklint-disable */ b = 1;\n"
                                       "}\n");
  cr_assert_eq(r->count, 0);
}

Test(suppress, a_directive_for_the_wrong_rule_is_reported_as_unused) {
  const ll_file_result *r = run_unused("function f() {\n"
                                       "  // leaklint-disable-next-line " IV "\n"
                                       "  a = 1;\n"
                                       "}\n");
  cr_assert_str_eq(lines_of(r, IG), "3");
  cr_assert_str_eq(lines_of(r, UD), "2");
  assert_has(nth_of_rule(r, UD, 0)->message, IV);
}

Test(suppress, unused_disable_follows_its_configured_severity) {
  ll_options o;
  ll_options_init(&o);
  o.report_unused_disables = true;
  o.severity[LL_RULE_unused_disable] = LL_SEV_ERROR;
  const ll_file_result *r =
      analyze_opts(&o, "s.js", "// leaklint-disable-next-line\nx;\n");
  cr_assert_eq(r->count, 1);
  cr_assert_eq(r->findings[0].severity, LL_SEV_ERROR);
  cr_assert_eq(r->errors, 1);
}

Test(suppress, unused_disable_turned_off_is_not_reported) {
  ll_options o;
  ll_options_init(&o);
  o.report_unused_disables = true;
  o.severity[LL_RULE_unused_disable] = LL_SEV_OFF;
  const ll_file_result *r =
      analyze_opts(&o, "s.js", "// leaklint-disable-next-line\nx;\n");
  cr_assert_eq(r->count, 0);
}

Test(suppress, directives_work_with_crlf_line_endings) {
  const ll_file_result *r = run_unused("function f() {\r\n"
                                       "  // leaklint-disable-next-line " IG "\r\n"
                                       "  a = 1;\r\n"
                                       "  b = 1; // leaklint-disable-line\r\n"
                                       "  c = 1;\r\n"
                                       "}\r\n");
  cr_assert_str_eq(lines_of(r, IG), "5");
  cr_assert_str_eq(lines_of(r, UD), "");
}

Test(suppress, parse_errors_can_be_suppressed_like_any_rule) {
  const ll_file_result *r = run_unused("// leaklint-disable-next-line parse-error\n"
                                       "let x = ;\n");
  cr_assert_eq(r->count, 0);
}

Test(suppress, directives_work_in_typescript) {
  const ll_file_result *r = analyze("s.ts",
                                    "function f(n: number): void {\n"
                                    "  // leaklint-disable-next-line " IG "\n"
                                    "  a = n;\n"
                                    "  b = n;\n"
                                    "}\n");
  cr_assert_str_eq(lines_of(r, IG), "4");
}
