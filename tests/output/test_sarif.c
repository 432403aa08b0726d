/* Tests of the SARIF writer (analyzer/src/output/sarif.c): the golden log
 * (results and run; the rule catalogue is checked by structure, since it
 * changes with every new rule), the catalogue in `tool.driver.rules`, URIs
 * and levels. Validation against the SARIF validator itself is the CTest
 * entry `output_sarif_validates` (validate_sarif.sh). */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "golden.h"
#include "output/json_print.h"

static ll_sample s;

static void setup(void) { ll_sample_init(&s); }
static void teardown(void) { ll_sample_fini(&s); }

TestSuite(sarif, .init = setup, .fini = teardown);

static cJSON *run_on(const ll_sample *smp, ll_severity min) {
  ll_output_opts o = {.min_severity = min};
  ll_status st;
  char *out = ll_golden_run(ll_output_sarif, smp, &o, &st);
  cr_assert_eq(st, LL_OK);
  cr_assert(out[0] && out[strlen(out) - 1] == '\n');
  cJSON *root = cJSON_Parse(out);
  cr_assert_not_null(root, "not JSON: %s", out);
  free(out);
  return root;
}

static cJSON *get(const cJSON *o, const char *key) {
  cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  cr_assert_not_null(v, "missing key \"%s\"", key);
  return v;
}

static cJSON *run0(const cJSON *root) {
  return cJSON_GetArrayItem(get(root, "runs"), 0);
}

Test(sarif, matches_golden_log) {
  cr_assert_eq(chdir("/"), 0); /* %SRCROOT% is the current directory */
  cJSON *root = run_on(&s, LL_SEV_DEFAULT);
  cJSON *run = run0(root);
  cJSON *driver = get(get(run, "tool"), "driver");
  cJSON *rules = get(driver, "rules");
  cr_expect_eq(cJSON_GetArraySize(rules), LL_RULE_COUNT);
  /* ruleIndex depends on the catalogue's order: check it, then drop it. */
  cJSON *res;
  cJSON_ArrayForEach(res, get(run, "results")) {
    int idx = (int)get(res, "ruleIndex")->valuedouble;
    cr_expect_str_eq(get(cJSON_GetArrayItem(rules, idx), "id")->valuestring,
                     get(res, "ruleId")->valuestring);
    cJSON_DeleteItemFromObjectCaseSensitive(res, "ruleIndex");
  }
  cJSON_DeleteItemFromObjectCaseSensitive(driver, "rules");
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  cr_assert_eq(ll__json_print(mem, root), LL_OK);
  fclose(mem);
  buf = ll_golden_replace(buf, "\"" LL_VERSION "\"", "\"@VERSION@\"");
  ll_golden_check("sample.sarif.expected", buf);
  free(buf);
  cJSON_Delete(root);
}

Test(sarif, driver_lists_the_whole_catalogue) {
  cJSON *root = run_on(&s, LL_SEV_DEFAULT);
  cJSON *driver = get(get(run0(root), "tool"), "driver");
  cr_expect_str_eq(get(driver, "name")->valuestring, "leaklint");
  cr_expect_str_eq(get(driver, "version")->valuestring, LL_VERSION);
  cJSON *rules = get(driver, "rules");
  cr_assert_eq(cJSON_GetArraySize(rules), LL_RULE_COUNT);
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *info = ll_rule_get(i);
    cJSON *r = cJSON_GetArrayItem(rules, (int)i);
    cr_expect_str_eq(get(r, "id")->valuestring, info->id);
    const char *name = get(r, "name")->valuestring;
    cr_expect(name[0] >= 'A' && name[0] <= 'Z' && !strchr(name, '-') &&
                  !strchr(name, '_'),
              "name %s is not PascalCase", name);
    cr_expect_str_eq(get(get(r, "shortDescription"), "text")->valuestring,
                     info->description);
    cr_expect(strlen(get(get(r, "fullDescription"), "text")->valuestring));
    const char *lvl = get(get(r, "defaultConfiguration"), "level")
                          ->valuestring;
    cr_expect_str_eq(lvl, info->severity == LL_SEV_ERROR ? "error"
                          : info->severity == LL_SEV_WARNING ? "warning"
                          : info->severity == LL_SEV_INFO ? "note" : "none");
    cJSON *props = get(r, "properties");
    cr_expect_str_eq(get(props, "category")->valuestring,
                     ll_category_name(info->category));
    cr_expect_str_eq(get(props, "language")->valuestring,
                     ll_lang_name(info->lang));
    size_t len = 0;
    const char *doc = ll_rule_docs(i, &len);
    if (doc) {
      cr_expect_eq(strlen(get(get(r, "help"), "markdown")->valuestring), len);
      cr_expect_eq(strncmp(get(get(r, "help"), "text")->valuestring, doc, len),
                   0);
    }
    cr_expect_null(cJSON_GetObjectItem(r, "helpUri"),
                   "SARIF wants absolute help URIs; we have none");
  }
  cJSON_Delete(root);
}

Test(sarif, run_has_base_id_column_kind_and_invocation) {
  char cwd[4096];
  cr_assert_not_null(getcwd(cwd, sizeof cwd));
  cJSON *root = run_on(&s, LL_SEV_DEFAULT);
  cr_expect_str_eq(get(root, "version")->valuestring, "2.1.0");
  cr_expect_str_eq(get(root, "$schema")->valuestring,
                   "https://json.schemastore.org/sarif-2.1.0.json");
  cJSON *run = run0(root);
  cr_expect_str_eq(get(run, "columnKind")->valuestring, "utf16CodeUnits");
  const char *base =
      get(get(get(run, "originalUriBaseIds"), "%SRCROOT%"), "uri")
          ->valuestring;
  cr_expect_eq(strncmp(base, "file:///", 8), 0);
  cr_expect_eq(base[strlen(base) - 1], '/');
  cJSON *inv = cJSON_GetArrayItem(get(run, "invocations"), 0);
  cr_expect(cJSON_IsTrue(get(inv, "executionSuccessful")));
  cJSON_Delete(root);
}

Test(sarif, levels_and_locations_of_results) {
  cJSON *root = run_on(&s, LL_SEV_DEFAULT);
  cJSON *results = get(run0(root), "results");
  cr_assert_eq(cJSON_GetArraySize(results), 7);
  cJSON *info = cJSON_GetArrayItem(results, 2); /* the sample's info */
  cr_expect_str_eq(get(info, "level")->valuestring, "note");
  cJSON *rel = get(info, "relatedLocations");
  cr_expect_eq(cJSON_GetArraySize(rel), 2);
  cr_expect_eq(get(cJSON_GetArrayItem(rel, 1), "id")->valuedouble, 2);

  cJSON *wide = cJSON_GetArrayItem(results, 3);
  cJSON *loc = get(cJSON_GetArrayItem(get(wide, "locations"), 0),
                   "physicalLocation");
  cJSON *art = get(loc, "artifactLocation");
  cr_expect_str_eq(get(art, "uri")->valuestring,
                   "src/widget%20caf%C3%A9/Panel%20view.tsx");
  cr_expect_str_eq(get(art, "uriBaseId")->valuestring, "%SRCROOT%");
  cr_expect_str_eq(get(get(get(loc, "region"), "snippet"), "text")
                       ->valuestring,
                   "window.addEventListener('resize', () => this.layout())");

  cJSON *c = cJSON_GetArrayItem(results, 6); /* an absolute path */
  art = get(get(cJSON_GetArrayItem(get(c, "locations"), 0),
                "physicalLocation"), "artifactLocation");
  cr_expect_null(cJSON_GetObjectItem(art, "uriBaseId"));
  cJSON_Delete(root);
}

Test(sarif, absolute_paths_under_cwd_become_relative) {
  char cwd[4096], path[4200];
  cr_assert_not_null(getcwd(cwd, sizeof cwd));
  snprintf(path, sizeof path, "%s/src/a b.js", strcmp(cwd, "/") ? cwd : "");
  ll_finding f = {.rule = LL_RULE_no_implicit_global,
                  .severity = LL_SEV_WARNING, .line = 2, .column = 1,
                  .end_line = 2, .end_column = 4, .message = "m."};
  ll_file_result r = {.path = path, .lang = LL_LANG_JS, .findings = &f,
                      .count = 1};
  ll_sample one = {.n = 1};
  one.ptrs[0] = &r;
  cJSON *root = run_on(&one, LL_SEV_DEFAULT);
  cJSON *res = cJSON_GetArrayItem(get(run0(root), "results"), 0);
  cJSON *art = get(get(cJSON_GetArrayItem(get(res, "locations"), 0),
                       "physicalLocation"), "artifactLocation");
  cr_expect_str_eq(get(art, "uri")->valuestring, "src/a%20b.js");
  cr_expect_str_eq(get(art, "uriBaseId")->valuestring, "%SRCROOT%");
  cJSON_Delete(root);
}

Test(sarif, quiet_and_clean_runs_have_matching_results) {
  cJSON *root = run_on(&s, LL_SEV_ERROR);
  cJSON *r;
  cJSON_ArrayForEach(r, get(run0(root), "results"))
    cr_expect_str_eq(get(r, "level")->valuestring, "error");
  cr_expect_eq(cJSON_GetArraySize(get(run0(root), "results")), 4);
  cr_expect_eq(cJSON_GetArraySize(get(run0(root), "artifacts")), 3);
  cJSON_Delete(root);

  ll_sample clean;
  ll_sample_init_clean(&clean);
  root = run_on(&clean, LL_SEV_DEFAULT);
  cr_expect_eq(cJSON_GetArraySize(get(run0(root), "results")), 0);
  cJSON_Delete(root);
  ll_sample_fini(&clean);
}
