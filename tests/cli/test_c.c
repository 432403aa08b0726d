/* `leaklint check` on C files, run as a program: folders pick up .c/.h,
 * compile databases (found upward, in build/, or named by
 * --compile-commands), and every kind of bad C input the issue names (no
 * compile database, broken flags, a missing header, a non-C file): a clear
 * message, the right exit code, never a crash or libclang noise. */
#include "helpers.h"

#include <cJSON.h>

#define LEAKY                                                   \
  "#include <stdlib.h>\n"                                       \
  "int f(int n) {\n"                                            \
  "  char *p = malloc(n);\n"                                    \
  "  if (!p) return -1;\n"                                      \
  "  if (n > 4) return 1;\n"                                    \
  "  free(p);\n"                                                \
  "  return 0;\n"                                               \
  "}\n"

static char *dir;
static void setup(void) { dir = tmp_new(); }
static void teardown(void) { tmp_remove(dir); }

TestSuite(c, .init = setup, .fini = teardown, .timeout = 60);

/* The rule ids of a JSON report's findings, "id@line" joined by spaces. */
static char *rules_of(const run_result *r) {
  cJSON *doc = cJSON_Parse(r->out);
  cr_assert(doc, "stdout is not JSON:\n%s\nstderr:\n%s", r->out, r->err);
  cJSON *fs = cJSON_GetObjectItemCaseSensitive(doc, "findings");
  static char buf[4096];
  buf[0] = '\0';
  for (cJSON *f = fs ? fs->child : NULL; f; f = f->next) {
    char one[256];
    snprintf(one, sizeof one, "%s%s@%d",
             buf[0] ? " " : "",
             cJSON_GetObjectItemCaseSensitive(f, "rule")->valuestring,
             cJSON_GetObjectItemCaseSensitive(f, "line")->valueint);
    strncat(buf, one, sizeof buf - strlen(buf) - 1);
  }
  cJSON_Delete(doc);
  return buf;
}

Test(c, leak_reported_without_a_compile_database) {
  write_file(dir, "src/a.c", LEAKY);
  run_result r = run(dir, "check", "--format", "json", "src");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(r.err, "");
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@3");
  cr_assert(strstr(r.out, "leaked when returning at line 5 (the `if (n > 4)` branch)"),
            "%s", r.out);
  run_free(&r);
}

Test(c, folders_pick_up_c_and_h_files) {
  write_file(dir, "a.c", LEAKY);
  write_file(dir, "inc/b.h",
             "#include <stdio.h>\n"
             "static inline void g(const char *p) { FILE *f = fopen(p, \"r\"); }\n");
  write_file(dir, "notes.txt", "not code\n");
  run_result r = run(dir, "check", "--format", "json", "-j", "2", ".");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@3 c-resource-leak@2");
  run_free(&r);
}

Test(c, a_missing_header_is_one_warning_and_analysis_goes_on) {
  write_file(dir, "a.c", "#include \"nowhere.h\"\n" LEAKY);
  run_result r = run(dir, "check", "--format", "json", "a.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "parse-error@1 c-heap-leak@4");
  cr_assert(strstr(r.out, "'nowhere.h' file not found"), "%s", r.out);
  cr_assert(strstr(r.out, "\"severity\": \"warning\"") ||
                strstr(r.out, "\"severity\":\"warning\""), "%s", r.out);
  run_free(&r);
}

Test(c, flags_come_from_the_compile_database_in_build) {
  write_file(dir, "inc/cfg.h", "#define SIZE 4\n");
  write_file(dir, "src/a.c",
             "#include \"cfg.h\"\n#include <stdlib.h>\n"
             "void f(void) { char *p = malloc(SIZE); }\n");
  char db[4096];
  snprintf(db, sizeof db,
           "[{\"directory\": \"%s/build\", \"command\": \"cc -I../inc -c "
           "../src/a.c -o a.o\", \"file\": \"../src/a.c\"}]\n", dir);
  write_file(dir, "build/compile_commands.json", db);
  run_result r = run(dir, "check", "--format", "json", "src");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@3");
  run_free(&r);
  /* The same database named explicitly, the file checked from elsewhere. */
  r = run(at(dir, "src"), "check", "--format", "json", "--compile-commands",
          at(dir, "build"), "a.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@3");
  run_free(&r);
}

Test(c, a_broken_compile_database_is_a_warning_not_noise) {
  write_file(dir, "a.c", LEAKY);
  write_file(dir, "compile_commands.json", "{ not json");
  run_result r = run(dir, "check", "--format", "json", "a.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(r.err, "", "libclang must not print: %s", r.err);
  cr_assert_str_eq(rules_of(&r), "parse-error@1 c-heap-leak@3");
  cr_assert(strstr(r.out, "cannot load"), "%s", r.out);
  run_free(&r);
}

Test(c, broken_flags_are_named_and_analysis_goes_on) {
  write_file(dir, "a.c", LEAKY);
  char db[4096];
  snprintf(db, sizeof db,
           "[{\"directory\": \"%s\", \"command\": \"cc -fno-such-flag "
           "--bogus=1 -c a.c\", \"file\": \"a.c\"}]\n", dir);
  write_file(dir, "compile_commands.json", db);
  run_result r = run(dir, "check", "--format", "json", "a.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert(strstr(r.out, "unknown argument"), "%s", r.out);
  cr_assert(strstr(rules_of(&r), "c-heap-leak@3"), "%s", r.out);
  run_free(&r);
}

Test(c, compile_commands_option_checks_its_folder) {
  write_file(dir, "a.c", LEAKY);
  make_dir(dir, "empty");
  run_result r = run(dir, "check", "--compile-commands", "nowhere", "a.c");
  assert_run(r, 2, "--compile-commands nowhere: no such folder");
  run_free(&r);
  r = run(dir, "check", "--compile-commands", "empty", "a.c");
  assert_run(r, 2, "the folder has no compile_commands.json");
  run_free(&r);
}

/* libclang is loaded at the first C file: JS files never need it, and a
 * missing one is a clear error naming the file, not a crash at start. */
Test(c, a_missing_libclang_fails_c_files_only) {
  write_file(dir, "a.c", "int main(void) { return 0; }\n");
  write_file(dir, "b.js", "export const x = 1;\n");
  setenv("LEAKLINT_LIBCLANG", "/nonexistent/libclang.so", 1);
  run_result r = run(dir, "check", "b.js");
  cr_expect_eq(r.code, 0, "%s", r.err);
  run_free(&r);
  r = run(dir, "check", "a.c", "b.js");
  unsetenv("LEAKLINT_LIBCLANG");
  cr_expect_eq(r.code, 2, "%s", r.err);
  cr_expect(strstr(r.err, "a.c: C files need libclang, which could not be loaded: "
                          "/nonexistent/libclang.so"), "%s", r.err);
  run_free(&r);
}

Test(c, non_c_input_gets_a_clear_message) {
  write_file(dir, "notes.txt", "hello\n");
  write_bytes(dir, "bin.c", "int x;\0\1\2", 9);
  write_file(dir, "js.c", "const x = require('y');\nmodule.exports = x;\n");
  run_result r = run(dir, "check", "notes.txt");
  assert_run(r, 2, "notes.txt: unsupported file type");
  run_free(&r);
  r = run(dir, "check", "bin.c");
  assert_run(r, 2, "bin.c: file looks binary");
  run_free(&r);
  /* JavaScript in a .c file: one parse warning, no crash. */
  r = run(dir, "check", "--format", "json", "js.c");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "parse-error@1");
  run_free(&r);
}

Test(c, stdin_with_a_c_file_name) {
  run_result r = run_stdin(dir, LEAKY, "check", "--format", "json", "--stdin",
                           "--stdin-filename", "x.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@3");
  run_free(&r);
}

Test(c, suppression_comments_in_c) {
  write_file(dir, "a.c",
             "#include <stdlib.h>\n"
             "void f(void) {\n"
             "  // leaklint-disable-next-line c-heap-leak -- freed by the pool\n"
             "  char *p = malloc(1);\n"
             "  /* leaklint-disable c-heap-leak */\n"
             "  char *q = malloc(2);\n"
             "  /* leaklint-enable c-heap-leak */\n"
             "  char *s = \"// leaklint-disable-line\"; char *t = malloc(3);\n"
             "  // leaklint-disable-next-line c-resource-leak\n"
             "  char *u = malloc(4);\n"
             "}\n");
  run_result r = run(dir, "check", "--format", "json",
                     "--report-unused-disables", "a.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@8 unused-disable@9 c-heap-leak@10");
  run_free(&r);
}

/* ==== The config's "c" keys ==== */

Test(c, config_includes_defines_and_std_reach_the_parser) {
  write_file(dir, "third/party/sizes.h", "#define BUF_SIZE 8\n");
  write_file(dir, ".leaklintrc.json",
             "{ \"c\": { \"includes\": [\"third/party\"],\n"
             "           \"defines\": [\"WITH_CACHE\", \"LEVEL=2\"],\n"
             "           \"std\": \"c99\" } }\n");
  /* Without the include the header is missing; without the defines the
   * leaking code is compiled out; `for (int i...)` needs c99 or later. */
  write_file(dir, "a.c",
             "#include <stdlib.h>\n"
             "#include <sizes.h>\n"
             "#if defined(WITH_CACHE) && LEVEL == 2\n"
             "int f(int n) {\n"
             "  char *p = malloc(BUF_SIZE);\n"
             "  for (int i = 0; i < n; i++) if (i == 3) return 1;\n"
             "  free(p);\n"
             "  return 0;\n"
             "}\n"
             "#endif\n");
  run_result r = run(dir, "check", "--format", "json", "a.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@5");
  run_free(&r);
}

Test(c, config_unknown_calls_escape_or_borrow) {
  const char *src = "#include <stdlib.h>\n"
                    "void consume(char *p);\n"
                    "void f(void) {\n"
                    "  char *p = malloc(4);\n"
                    "  consume(p);\n"
                    "}\n";
  write_file(dir, "esc/a.c", src);
  write_file(dir, "esc/.leaklintrc.json", "{ \"c\": { \"unknownCalls\": \"escape\" } }");
  write_file(dir, "bor/a.c", src);
  write_file(dir, "bor/.leaklintrc.json", "{ \"c\": { \"unknownCalls\": \"borrow\" } }");
  run_result r = run(dir, "check", "--format", "json", "esc");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  run_free(&r);
  r = run(dir, "check", "--format", "json", "bor");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@4");
  run_free(&r);
}

/* Each bad value: exit 2, and stderr names the key. */
static void bad_c_config(const char *json, const char *key) {
  write_file(dir, ".leaklintrc.json", json);
  write_file(dir, "a.c", LEAKY);
  run_result r = run(dir, "check", "a.c");
  cr_assert_eq(r.code, 2, "%s: exit %d\n%s%s", json, r.code, r.out, r.err);
  cr_assert(strstr(r.err, key), "%s: stderr lacks %s: %s", json, key, r.err);
  run_free(&r);
}

Test(c, invalid_c_config_values_exit_2_naming_the_key) {
  bad_c_config("{ \"c\": { \"unknownCalls\": \"keep\" } }", "\"c.unknownCalls\"");
  bad_c_config("{ \"c\": { \"unknownCalls\": true } }", "\"c.unknownCalls\"");
  bad_c_config("{ \"c\": { \"std\": \"c42\" } }", "\"c.std\"");
  bad_c_config("{ \"c\": { \"std\": 11 } }", "\"c.std\"");
  bad_c_config("{ \"c\": { \"includes\": \"inc\" } }", "\"c.includes\"");
  bad_c_config("{ \"c\": { \"includes\": [\"\"] } }", "\"c.includes[0]\"");
  bad_c_config("{ \"c\": { \"defines\": [\"1BAD\"] } }", "\"c.defines[0]\"");
  bad_c_config("{ \"c\": { \"defines\": {\"X\": null} } }", "\"c.defines.X\"");
  bad_c_config("{ \"c\": { \"include\": [] } }", "\"c.include\"");
  bad_c_config("{ \"c\": [] }", "\"c\"");
}

/* tests/fixtures/c/cross/: a wrapper allocator and a destroy helper in
 * lib.c, their callers in app.c. Checked as a whole, app.c sees lib.c's
 * summaries (frontend/c/xtu.c): two leaks, and no false alarm where the
 * helper frees. Alone, app.c's calls are unknown and escape. */
Test(c, summaries_cross_files_when_the_project_is_checked_whole) {
  const char *cross = LL_SOURCE_DIR "/tests/fixtures/c/cross";
  run_result r = run(cross, "check", "--format", "json", "--no-ignore", "-j",
                     "2", "lib.c", "app.c");
  cr_assert_eq(r.code, 1, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "c-heap-leak@7 c-heap-leak@13");
  cr_assert(strstr(r.out, "allocated by `xmalloc` at line 7"), "%s", r.out);
  cr_assert(strstr(r.out, "allocated by `buf_new` at line 13"), "%s", r.out);
  run_free(&r);

  r = run(cross, "check", "--format", "json", "--no-ignore", "app.c");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  cr_assert_str_eq(rules_of(&r), "");
  run_free(&r);
}
