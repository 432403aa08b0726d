/* Tests of the text writer (analyzer/src/output/text.c): the golden reports
 * with and without colour, code frames, filtering and the silent clean run. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"

static ll_sample s;

static void setup(void) { ll_sample_init(&s); }
static void teardown(void) { ll_sample_fini(&s); }

TestSuite(text, .init = setup, .fini = teardown);

static char *run(bool color, ll_severity min) {
  ll_output_opts o = {.color = color, .min_severity = min};
  ll_status st;
  char *out = ll_golden_run(ll_output_text, &s, &o, &st);
  cr_assert_eq(st, LL_OK);
  return out;
}

Test(text, matches_golden_report) {
  char *out = run(false, LL_SEV_DEFAULT);
  ll_golden_check("sample.text.expected", out);
  free(out);
}

Test(text, matches_golden_colour_report) {
  char *out = run(true, LL_SEV_DEFAULT);
  ll_golden_check("sample.color.expected", out);
  free(out);
}

Test(text, no_escape_codes_without_colour) {
  char *out = run(false, LL_SEV_DEFAULT);
  cr_expect_null(strchr(out, '\x1b'), "a raw ESC reached the report");
  free(out);
}

Test(text, control_characters_of_the_source_are_shown_not_sent) {
  char *out = run(true, LL_SEV_DEFAULT);
  /* The sample's line 14 holds "\x1b[31m"; it must come out as U+241B. */
  cr_expect_null(strstr(out, "\x1b[31mred"));
  cr_expect_not_null(strstr(out, "\xe2\x90\x9b[31mred"));
  free(out);
}

Test(text, summary_counts_every_severity) {
  char *out = run(false, LL_SEV_DEFAULT);
  cr_expect_not_null(strstr(out, "\xe2\x9c\x96 7 problems (4 errors, 2 "
                                 "warnings, 1 info)\n"));
  free(out);
}

Test(text, quiet_shows_errors_only) {
  char *out = run(false, LL_SEV_ERROR);
  cr_expect_null(strstr(out, "warning  "));
  cr_expect_null(strstr(out, "lib/min.js"), "a file with only warnings");
  cr_expect_not_null(strstr(out, "\xe2\x9c\x96 4 problems (4 errors, 0 "
                                 "warnings)\n"));
  free(out);
}

Test(text, clean_run_prints_nothing) {
  ll_sample clean;
  ll_sample_init_clean(&clean);
  ll_output_opts o = {.color = true, .min_severity = LL_SEV_DEFAULT};
  ll_status st;
  char *out = ll_golden_run(ll_output_text, &clean, &o, &st);
  cr_expect_eq(st, LL_OK);
  cr_expect_str_empty(out);
  free(out);
  ll_sample_fini(&clean);
}

Test(text, everything_filtered_prints_nothing) {
  ll_sample_fini(&s);
  ll_sample_init(&s);
  for (size_t i = 0; i < s.n; i++) /* keep only the warnings and infos */
    for (size_t k = 0; k < s.files[i].count; k++)
      ((ll_finding *)s.files[i].findings)[k].severity =
          s.files[i].findings[k].severity == LL_SEV_ERROR
              ? LL_SEV_WARNING : s.files[i].findings[k].severity;
  char *out = run(false, LL_SEV_ERROR);
  cr_expect_str_empty(out);
  free(out);
}

Test(text, underline_follows_utf16_columns_and_wide_characters) {
  char *out = run(false, LL_SEV_DEFAULT);
  /* "🎉" is two UTF-16 units and two cells; the caret sits under 'd'. */
  const char *line = strstr(out, "    12 |   const s = ");
  cr_assert_not_null(line);
  const char *under = strchr(line, '\n') + 1;
  const char *src_d = strstr(line, "document");
  size_t cells_before = 0; /* display cells from the gutter to "document" */
  for (const char *p = line + strlen("    12 | "); p < src_d; p++)
    if ((*p & 0xC0) != 0x80) cells_before += (unsigned char)*p >= 0xF0 ? 2 : 1;
  cr_expect_eq(strcspn(under + strlen("       | "), "^"), cells_before);
  free(out);
}

Test(text, long_lines_are_cut_around_the_finding) {
  char *out = run(false, LL_SEV_DEFAULT);
  const char *line = strstr(out, "    1 | \xe2\x80\xa6");
  cr_assert_not_null(line, "the minified line is not cut on the left");
  size_t len = strcspn(line, "\n");
  cr_expect_lt(len, 160u);
  cr_expect_not_null(strstr(line, "setInterval(tick,50)"));
  free(out);
}

Test(text, crlf_and_empty_lines_frame_cleanly) {
  static const char src[] = "var x = 1;\r";
  ll_finding f = {.rule = LL_RULE_no_implicit_global,
                  .severity = LL_SEV_WARNING, .line = 1, .column = 5,
                  .end_line = 1, .end_column = 6, .message = "m",
                  .source_line = src};
  ll_finding g = f;
  g.line = g.end_line = 2;
  g.column = g.end_column = 1;
  g.source_line = "";
  ll_finding both[2] = {f, g};
  ll_file_result r = {.path = "a.js", .lang = LL_LANG_JS, .findings = both,
                      .count = 2};
  const ll_file_result *rs[] = {&r};
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  ll_output_opts o = {.min_severity = LL_SEV_DEFAULT};
  cr_assert_eq(ll_output_text(mem, rs, 1, NULL, &o), LL_OK);
  fclose(mem);
  cr_expect_null(strchr(buf, '\r'));
  cr_expect_not_null(strstr(buf, "    1 | var x = 1;\n      |     ^\n"));
  cr_expect_not_null(strstr(buf, "    2 |\n      | ^\n"));
  free(buf);
}

Test(text, output_find_knows_the_three_formats) {
  cr_expect_eq((void *)ll_output_find("text"), (void *)ll_output_text);
  cr_expect_eq((void *)ll_output_find("json"), (void *)ll_output_json);
  cr_expect_eq((void *)ll_output_find("sarif"), (void *)ll_output_sarif);
  cr_expect_null((void *)ll_output_find("xml"));
  cr_expect_null((void *)ll_output_find(NULL));
}
