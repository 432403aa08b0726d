/* `leaklint check --confirm examples/` — the README's main command — gives
 * each finding the verdict listed in tests/rules/examples_confirm.expected,
 * with its evidence (entry, calls, metric, samples) for the ones it ran. */
#include "helpers.h"

#include <cJSON.h>

static char *expected_lines(void) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/rules/examples_confirm.expected", LL_SOURCE_DIR);
  char *text = slurp(path);
  cr_assert_not_null(text);
  return text;
}

Test(examples_confirm, every_finding_gets_its_listed_verdict, .timeout = 120) {
  /* A generous time cap: sanitizer builds run the engine ~10x slower. */
  run_result r = run_in(LL_SOURCE_DIR "/examples", NULL, "check", "--confirm",
                        "--confirm-timeout", "60000", "--format", "json", ".", NULL);
  cr_assert_eq(r.code, 1, "exit %d: %s", r.code, r.err);
  cJSON *root = cJSON_Parse(r.out);
  cr_assert_not_null(root, "not JSON: %s", r.out);
  const cJSON *findings = cJSON_GetObjectItem(root, "findings");
  char got[8192] = "";
  const cJSON *f;
  cJSON_ArrayForEach(f, findings) {
    const char *file = cJSON_GetObjectItem(f, "file")->valuestring;
    if (!strncmp(file, "./", 2)) file += 2;
    const cJSON *c = cJSON_GetObjectItem(f, "confirm");
    cr_assert_not_null(c, "%s: no confirm object", file);
    const char *status = cJSON_GetObjectItem(c, "status")->valuestring;
    char line[512];
    snprintf(line, sizeof line, "%s:%d:%s %s\n", file,
             cJSON_GetObjectItem(f, "line")->valueint,
             cJSON_GetObjectItem(f, "rule")->valuestring, status);
    strncat(got, line, sizeof got - strlen(got) - 1);
    if (!strcmp(status, "confirmed") || !strcmp(status, "refuted")) {
      const cJSON *ev = cJSON_GetObjectItem(c, "evidence");
      cr_assert_not_null(ev, "%s: evidence missing", line);
      cr_assert_eq(cJSON_GetObjectItem(c, "calls")->valueint, 100, "%s", line);
      cr_assert(cJSON_IsString(cJSON_GetObjectItem(c, "entry")), "%s", line);
      cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(ev, "samples")), 3, "%s", line);
    }
  }
  char *want_text = expected_lines(), want[8192] = "";
  for (char *p = strtok(want_text, "\n"); p; p = strtok(NULL, "\n"))
    if (*p != '#') {
      strncat(want, p, sizeof want - strlen(want) - 2);
      strcat(want, "\n");
    }
  cr_assert_str_eq(got, want);
  free(want_text);
  cJSON_Delete(root);
  run_free(&r);
}

Test(examples_confirm, text_report_puts_the_verdict_under_the_finding, .timeout = 120) {
  run_result r = run_in(LL_SOURCE_DIR "/examples", NULL, "check", "--confirm",
                        "--confirm-timeout", "60000", "--color", "never",
                        "service/poller.js", NULL);
  cr_assert_eq(r.code, 1, "%s", r.err);
  cr_assert(strstr(r.out, "no-uncleared-interval\n        confirmed: +1 timer and +"),
            "%s", r.out);
  cr_assert(strstr(r.out, " B per call (100 calls, entry startPolling)\n"), "%s", r.out);
  run_free(&r);
}
