/* Tests of the JSON writer (analyzer/src/output/json.c): the golden report,
 * schema version 1 of DESIGN.md key by key, filtering, and strings that must
 * stay valid JSON whatever the input holds. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"

static ll_sample s;

static void setup(void) { ll_sample_init(&s); }
static void teardown(void) { ll_sample_fini(&s); }

TestSuite(json, .init = setup, .fini = teardown);

static char *run_on(const ll_sample *smp, ll_severity min) {
  ll_output_opts o = {.min_severity = min};
  ll_status st;
  char *out = ll_golden_run(ll_output_json, smp, &o, &st);
  cr_assert_eq(st, LL_OK);
  cr_assert(strlen(out) > 0 && out[strlen(out) - 1] == '\n',
            "the report must end with a newline");
  return out;
}

static cJSON *parse(const char *text) {
  cJSON *root = cJSON_Parse(text);
  cr_assert_not_null(root, "not JSON: %s", text);
  return root;
}

static const cJSON *get(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  cr_assert_not_null(v, "missing key \"%s\"", key);
  return v;
}

Test(json, matches_golden_report) {
  char *out = run_on(&s, LL_SEV_DEFAULT);
  out = ll_golden_replace(out, "\"" LL_VERSION "\"", "\"@VERSION@\"");
  ll_golden_check("sample.json.expected", out);
  free(out);
}

Test(json, has_every_key_of_schema_version_1) {
  char *out = run_on(&s, LL_SEV_DEFAULT);
  cJSON *root = parse(out);
  cr_expect_eq(get(root, "version")->valuedouble, 1);
  const cJSON *tool = get(root, "tool");
  cr_expect_str_eq(get(tool, "name")->valuestring, "leaklint");
  cr_expect_str_eq(get(tool, "version")->valuestring, LL_VERSION);
  const cJSON *findings = get(root, "findings");
  cr_assert(cJSON_IsArray(findings));
  cr_expect_eq(cJSON_GetArraySize(findings), 7);
  static const char *const strings[] = {"rule", "severity", "message",
                                        "file", "language"};
  static const char *const numbers[] = {"line", "column", "endLine",
                                        "endColumn"};
  const cJSON *f;
  cJSON_ArrayForEach(f, findings) {
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
      cr_expect(cJSON_IsString(get(f, strings[i])), "%s", strings[i]);
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++)
      cr_expect(cJSON_IsNumber(get(f, numbers[i])), "%s", numbers[i]);
    cr_expect(cJSON_IsArray(get(f, "related")));
    cr_expect_null(cJSON_GetObjectItem(f, "confirm"),
                   "confirm exists only with --confirm");
    const char *sev = get(f, "severity")->valuestring;
    cr_expect(!strcmp(sev, "error") || !strcmp(sev, "warning") ||
              !strcmp(sev, "info"));
    const char *lang = get(f, "language")->valuestring;
    cr_expect(!strcmp(lang, "js") || !strcmp(lang, "c"));
    const cJSON *r;
    cJSON_ArrayForEach(r, get(f, "related")) {
      cr_expect(cJSON_IsString(get(r, "file")));
      cr_expect(cJSON_IsNumber(get(r, "line")));
      cr_expect(cJSON_IsNumber(get(r, "column")));
      cr_expect(cJSON_IsString(get(r, "message")));
    }
  }
  const cJSON *sum = get(root, "summary");
  cr_expect_eq(get(sum, "files")->valuedouble, 6);
  cr_expect_eq(get(sum, "errors")->valuedouble, 4);
  cr_expect_eq(get(sum, "warnings")->valuedouble, 2);
  cr_expect_eq(get(sum, "durationMs")->valuedouble, 12);
  cJSON_Delete(root);
  free(out);
}

Test(json, help_only_when_the_finding_has_one) {
  char *out = run_on(&s, LL_SEV_DEFAULT);
  cJSON *root = parse(out);
  const cJSON *findings = get(root, "findings");
  cr_expect(cJSON_IsString(cJSON_GetObjectItem(
      cJSON_GetArrayItem(findings, 0), "help")));
  cr_expect_null(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 2), "help"));
  cJSON_Delete(root);
  free(out);
}

Test(json, quiet_leaves_out_and_does_not_count_warnings) {
  char *out = run_on(&s, LL_SEV_ERROR);
  cJSON *root = parse(out);
  const cJSON *f;
  cJSON_ArrayForEach(f, get(root, "findings"))
    cr_expect_str_eq(get(f, "severity")->valuestring, "error");
  cr_expect_eq(cJSON_GetArraySize(get(root, "findings")), 4);
  cr_expect_eq(get(get(root, "summary"), "warnings")->valuedouble, 0);
  cJSON_Delete(root);
  free(out);
}

Test(json, clean_run_has_empty_findings) {
  ll_sample clean;
  ll_sample_init_clean(&clean);
  char *out = run_on(&clean, LL_SEV_DEFAULT);
  cJSON *root = parse(out);
  cr_expect_eq(cJSON_GetArraySize(get(root, "findings")), 0);
  cr_expect_eq(get(get(root, "summary"), "files")->valuedouble, 2);
  cr_expect_eq(get(get(root, "summary"), "errors")->valuedouble, 0);
  cJSON_Delete(root);
  free(out);
  ll_sample_fini(&clean);
}

Test(json, odd_strings_stay_valid_json) {
  /* A Linux file name need not be UTF-8; messages may carry quotes,
   * backslashes and control characters. */
  ll_finding f = {.rule = LL_RULE_parse_error, .severity = LL_SEV_ERROR,
                  .line = 1, .column = 1, .end_line = 1, .end_column = 2,
                  .message = "say \"hi\"\\ \x01\t\n\x7f \xe6\x97\xa5 \xf0\x9f"};
  ll_file_result r = {.path = "bad\xff\xfe" "name.js", .lang = LL_LANG_JS,
                      .findings = &f, .count = 1};
  const ll_file_result *rs[] = {&r};
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  ll_output_opts o = {.min_severity = LL_SEV_DEFAULT};
  cr_assert_eq(ll_output_json(mem, rs, 1, NULL, &o), LL_OK);
  fclose(mem);
  cJSON *root = parse(buf);
  const cJSON *fj = cJSON_GetArrayItem(get(root, "findings"), 0);
  cr_expect_str_eq(get(fj, "file")->valuestring,
                   "bad\xef\xbf\xbd\xef\xbf\xbdname.js");
  cr_expect_str_eq(get(fj, "message")->valuestring,
                   "say \"hi\"\\ \x01\t\n\x7f \xe6\x97\xa5 \xef\xbf\xbd\xef"
                   "\xbf\xbd");
  cr_expect_eq(get(get(root, "summary"), "files")->valuedouble, 1,
               "without a summary the file count is the result count");
  cJSON_Delete(root);
  free(buf);
}
