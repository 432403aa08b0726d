/* `leaklint check`, run as a program: options, exit codes, and every kind
 * of bad input named in the issue (missing path, unreadable file, symlink
 * loop, binary and non-UTF-8 text, too big, syntax error, invalid config,
 * unknown rule, empty folder). Each test works in its own temporary folder. */
#include "helpers.h"

#include <cJSON.h>
#include <git2.h>

#include "leaklint/leaklint.h"

#define CLEAN "const answer = 42;\nexport default answer;\n"
#define BROKEN "const ok = 1;\nlet x = ;\n"

static char *dir;
static void setup(void) { dir = tmp_new(); }
static void teardown(void) { tmp_remove(dir); }

TestSuite(check, .init = setup, .fini = teardown, .timeout = 60);

/* The findings of a JSON report (the report stays owned by `*doc`). */
static cJSON *findings_of(const run_result *r, cJSON **doc) {
  *doc = cJSON_Parse(r->out);
  cr_assert(*doc, "stdout is not JSON:\n%s\nstderr:\n%s", r->out, r->err);
  cJSON *f = cJSON_GetObjectItemCaseSensitive(*doc, "findings");
  cr_assert(cJSON_IsArray(f), "no findings array:\n%s", r->out);
  return f;
}

/* ==== Plain runs and options ==== */

Test(check, clean_folder_exits_0) {
  write_file(dir, "src/a.js", CLEAN);
  run_result r = run(dir, "check");
  assert_run(r, 0, "");
  run_free(&r);
}

Test(check, version_and_help) {
  run_result r = run(dir, "--version");
  assert_run(r, 0, "");
  cr_assert(strstr(r.out, "leaklint 0."), "%s", r.out);
  run_free(&r);
  r = run(dir, "check", "--help");
  assert_run(r, 0, "");
  cr_assert(strstr(r.out, "--max-warnings"));
  run_free(&r);
  r = run(dir, "frobnicate");
  assert_run(r, 2, "leaklint: unknown command 'frobnicate'");
  run_free(&r);
  r = run(dir, "check", "--bogus");
  assert_run(r, 2, "unknown option '--bogus'");
  run_free(&r);
}

Test(check, rules_lists_the_catalogue) {
  run_result r = run(dir, "rules");
  assert_run(r, 0, "");
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    cr_assert(strstr(r.out, ll_rule_get(i)->id), "missing %s", ll_rule_get(i)->id);
  cr_assert(strstr(r.out, "correctness"));
  run_free(&r);
}

Test(check, explain_prints_readme_and_rejects_unknown_ids) {
  run_result r = run(dir, "explain", "no-uncleared-interval");
  assert_run(r, 0, "");
  cr_assert(strstr(r.out, "no-uncleared-interval"), "%s", r.out);
  run_free(&r);
  r = run(dir, "explain", "no-uncleared-intervl");
  assert_run(r, 2, "unknown rule id \"no-uncleared-intervl\"");
  cr_assert(strstr(r.err, "did you mean \"no-uncleared-interval\""), "%s", r.err);
  run_free(&r);
}

Test(check, json_report_is_sorted_by_path_for_any_thread_count) {
  const char *names[] = {"zeta.js", "b/a.js", "a.js", "b/c/d.ts", "m.mjs"};
  for (size_t i = 0; i < 5; i++) write_file(dir, names[i], BROKEN);
  char *first = NULL;
  const char *jobs[] = {"1", "2", "8"};
  for (size_t k = 0; k < 3; k++) {
    run_result r = run(dir, "check", "--format", "json", "-j", jobs[k]);
    cr_assert_eq(r.code, 1, "stderr: %s", r.err);
    cJSON *doc, *f = findings_of(&r, &doc);
    const char *want[] = {"a.js", "b/a.js", "b/c/d.ts", "m.mjs", "zeta.js"};
    cr_assert_eq(cJSON_GetArraySize(f), 5, "%s", r.out);
    for (int i = 0; i < 5; i++) {
      cJSON *file = cJSON_GetObjectItem(cJSON_GetArrayItem(f, i), "file");
      cr_assert_str_eq(file->valuestring, want[i]);
    }
    char *s = cJSON_PrintUnformatted(f);
    if (!first) {
      first = s;
    } else {
      cr_assert_str_eq(s, first);
      free(s);
    }
    cJSON_Delete(doc);
    run_free(&r);
  }
  free(first);
}

Test(check, output_file_is_written_whole_or_not_at_all) {
  write_file(dir, "a.js", CLEAN);
  run_result r = run(dir, "check", "a.js", "--format", "sarif", "-o", "report.sarif");
  assert_run(r, 0, "");
  char *s = slurp(at(dir, "report.sarif"));
  cr_assert(strstr(s, "2.1.0"), "%s", s);
  free(s);
  cr_assert(access(at(dir, "report.sarif.tmp"), F_OK) != 0);
  run_free(&r);
  /* A failing write keeps the old report. */
  write_file(dir, "old.json", "previous report");
  make_dir(dir, "old.json.tmp");
  r = run(dir, "check", "a.js", "--format", "json", "-o", "old.json");
  assert_run(r, 2, "cannot write the report to old.json");
  s = slurp(at(dir, "old.json"));
  cr_assert_str_eq(s, "previous report");
  free(s);
  run_free(&r);
  r = run(dir, "check", "a.js", "-o", "no/such/dir/report.txt");
  assert_run(r, 2, "cannot write the report to no/such/dir/report.txt");
  run_free(&r);
  /* A device is written in place, never replaced by a rename. The test
   * makes its own null device: a regression must not break /dev/null for
   * the whole machine. */
  if (mknod(at(dir, "null"), S_IFCHR | 0666, (dev_t)0x103 /* 1:3, null */) == 0) {
    r = run(dir, "check", "a.js", "-o", "null");
    assert_run(r, 0, "");
    struct stat sb;
    cr_assert(stat(at(dir, "null"), &sb) == 0 && S_ISCHR(sb.st_mode));
    run_free(&r);
  }
}

Test(check, max_warnings_quiet_and_rule_overrides) {
  write_file(dir, "a.js", BROKEN);
  run_result r = run(dir, "check", "--rule", "parse-error=warn");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  run_free(&r);
  r = run(dir, "check", "--rule", "parse-error=warn", "--max-warnings", "0");
  assert_run(r, 1, "too many warnings");
  run_free(&r);
  r = run(dir, "check", "--rule", "parse-error=warn", "--max-warnings=1");
  cr_assert_eq(r.code, 0);
  run_free(&r);
  r = run(dir, "check", "--rule", "parse-error=off");
  cr_assert_eq(r.code, 0);
  run_free(&r);
  r = run(dir, "check", "--quiet", "--rule", "parse-error=warn", "--format", "json");
  cr_assert_eq(r.code, 0);
  cJSON *doc, *f = findings_of(&r, &doc);
  cr_assert_eq(cJSON_GetArraySize(f), 0, "--quiet kept a warning: %s", r.out);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(check, report_unused_disables_and_env) {
  write_file(dir, "a.js", "// leaklint-disable-next-line no-uncleared-interval -- none\n"
                          "const a = 1;\nexport { a };\n");
  run_result r = run(dir, "check", "--format", "json");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_assert(!strstr(r.out, "unused-disable"), "%s", r.out);
  run_free(&r);
  r = run(dir, "check", "--format", "json", "--report-unused-disables",
          "--env", "node,browser,worker,commonjs");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_assert(strstr(r.out, "unused-disable"), "%s", r.out);
  run_free(&r);
}

Test(check, color_only_when_asked_or_on_a_tty) {
  write_file(dir, "a.js", BROKEN);
  run_result r = run(dir, "check", "--color", "always");
  cr_assert_eq(r.code, 1);
  cr_assert(strstr(r.out, "\x1b["), "no colour with --color always:\n%s", r.out);
  run_free(&r);
  r = run(dir, "check");
  cr_assert_eq(r.code, 1);
  cr_assert(!strstr(r.out, "\x1b["), "colour on a pipe:\n%s", r.out);
  run_free(&r);
  r = run(dir, "check", "--color", "sometimes");
  assert_run(r, 2, "--color sometimes");
  run_free(&r);
}

/* Runs `leaklint check a.js` with stdout on a pseudo-terminal and returns
 * what it wrote there (owned). `no_color` sets NO_COLOR=1. */
static char *run_on_tty(bool no_color) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  cr_assert(m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0);
  const char *slave = ptsname(m);
  cr_assert(slave);
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    int s = open(slave, O_RDWR | O_NOCTTY);
    if (s < 0 || chdir(dir) != 0) _exit(127);
    dup2(s, 1);
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 2);
    if (no_color) setenv("NO_COLOR", "1", 1);
    else unsetenv("NO_COLOR");
    alarm(30);
    execl(getenv("LEAKLINT_BIN"), "leaklint", "check", "a.js", (char *)NULL);
    _exit(127);
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = calloc(cap, 1);
  for (ssize_t k; (k = read(m, buf + n, cap - n - 1)) > 0;) n += (size_t)k;
  int status;
  waitpid(pid, &status, 0); /* read() ends with EIO once the child exits */
  close(m);
  cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1, "status %d", status);
  return buf;
}

Test(check, auto_color_on_a_tty_unless_no_color) {
  write_file(dir, "a.js", BROKEN);
  char *out = run_on_tty(false);
  cr_assert(strstr(out, "\x1b["), "no colour on a terminal:\n%s", out);
  free(out);
  out = run_on_tty(true);
  cr_assert(strstr(out, "parse-error") && !strstr(out, "\x1b["),
            "colour despite NO_COLOR:\n%s", out);
  free(out);
}

Test(check, stdin_is_checked_under_its_file_name) {
  run_result r = run_stdin(dir, BROKEN, "check", "--stdin", "--format", "json");
  cr_assert_eq(r.code, 1, "%s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *file = cJSON_GetObjectItem(cJSON_GetArrayItem(f, 0), "file");
  cr_assert_str_eq(file->valuestring, "<stdin>.js");
  cJSON_Delete(doc);
  run_free(&r);
  r = run_stdin(dir, "const x: number = 1;\n", "check", "--stdin",
                "--stdin-filename", "src/x.ts");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  run_free(&r);
  r = run_stdin(dir, CLEAN, "check", "--stdin", "a.js");
  assert_run(r, 2, "--stdin");
  run_free(&r);
}

Test(check, bad_option_values_are_usage_errors) {
  write_file(dir, "a.js", CLEAN);
  const char *bad[][2] = {
      {"--format", "xml"}, {"--env", "node,mars"}, {"-j", "lots"},
      {"--max-warnings", "many"}, {"--max-file-size", "0"}, {"--rule", "parse-error"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    run_result r = run(dir, "check", bad[i][0], bad[i][1]);
    assert_run(r, 2, bad[i][0]);
    run_free(&r);
  }
  run_result r = run(dir, "check", "--format");
  assert_run(r, 2, "option '--format' needs a value");
  run_free(&r);
}

/* ==== Bad input ==== */

Test(check, missing_path) {
  write_file(dir, "a.js", CLEAN);
  run_result r = run(dir, "check", "a.js", "nope.js");
  assert_run(r, 2, "leaklint: nope.js: no such file or directory");
  run_free(&r);
}

Test(check, unreadable_fifo_fails_without_blocking) {
  cr_assert_eq(mkfifo(at(dir, "pipe.js"), 0644), 0);
  run_result r = run(dir, "check", "pipe.js");
  assert_run(r, 2, "pipe.js: cannot read: not a regular file");
  run_free(&r);
  /* Found by a walk, too. */
  write_file(dir, "a.js", CLEAN);
  r = run(dir, "check", ".");
  assert_run(r, 2, "pipe.js: cannot read");
  run_free(&r);
}

Test(check, unreadable_file_fails_even_as_root) {
  /* Reading /proc/self/mem at offset 0 fails with EIO, for root too. */
  cr_assert_eq(symlink("/proc/self/mem", at(dir, "mem.js")), 0);
  write_file(dir, "a.js", BROKEN);
  run_result r = run(dir, "check", "mem.js", "a.js", "--format", "json");
  assert_run(r, 2, "leaklint: mem.js: cannot read");
  cJSON *doc, *f = findings_of(&r, &doc); /* the other file is still reported */
  cr_assert_eq(cJSON_GetArraySize(f), 1);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(check, symlink_loops_are_named_and_skipped) {
  write_file(dir, "p/a.js", CLEAN);
  write_file(dir, "p/q/b.js", CLEAN);
  cr_assert_eq(symlink("..", at(dir, "p/q/up")), 0);
  cr_assert_eq(symlink(".", at(dir, "p/self")), 0);
  run_result r = run(dir, "check", "p", "--format", "json");
  assert_run(r, 0, "symbolic link loop");
  cr_assert(strstr(r.err, "p/q/up"), "%s", r.err);
  cJSON *doc;
  cr_assert_eq(cJSON_GetArraySize(findings_of(&r, &doc)), 0);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(check, binary_file) {
  write_bytes(dir, "blob.js", "PK\x03\x04\0\0\x14\0binary", 14);
  run_result r = run(dir, "check", "blob.js");
  assert_run(r, 2, "leaklint: blob.js:");
  cr_assert(strstr(r.err, "binary"), "%s", r.err);
  run_free(&r);
}

Test(check, non_utf8_file) {
  write_file(dir, "latin1.js", "var s = 'caf\xe9';\n");
  run_result r = run(dir, "check", "latin1.js");
  assert_run(r, 2, "leaklint: latin1.js:");
  cr_assert(strstr(r.err, "UTF-8"), "%s", r.err);
  run_free(&r);
}

Test(check, file_over_the_size_limit_says_size_and_limit) {
  write_file(dir, "big.js", "// 01234567890123456789012345678901234567890123456789\n"
                            "// 01234567890123456789012345678901234567890123456789\n");
  run_result r = run(dir, "check", "big.js", "--max-file-size", "100");
  assert_run(r, 2, "big.js: file is 108 bytes, over the size limit of 100 bytes");
  cr_assert(strstr(r.err, "--max-file-size"));
  run_free(&r);
  /* The default limit, 4 MiB, on a sparse 5 MiB file. */
  int fd = open(at(dir, "huge.js"), O_CREAT | O_WRONLY, 0644);
  cr_assert(fd >= 0 && ftruncate(fd, 5 << 20) == 0);
  close(fd);
  r = run(dir, "check", "huge.js");
  assert_run(r, 2, "huge.js: file is 5242880 bytes (5.0 MiB), over the size "
                   "limit of 4194304 bytes (4.0 MiB)");
  run_free(&r);
}

Test(check, syntax_error_is_a_parse_error_finding_with_position) {
  write_file(dir, "a.js", BROKEN);
  run_result r = run(dir, "check", "a.js", "--format", "json");
  cr_assert_eq(r.code, 1, "%s", r.err);
  cJSON *doc, *f = findings_of(&r, &doc);
  cJSON *first = cJSON_GetArrayItem(f, 0);
  cr_assert_str_eq(cJSON_GetObjectItem(first, "rule")->valuestring, "parse-error");
  cr_assert_eq(cJSON_GetObjectItem(first, "line")->valueint, 2);
  cr_assert_geq(cJSON_GetObjectItem(first, "column")->valueint, 1);
  cJSON_Delete(doc);
  run_free(&r);
}

Test(check, invalid_config_names_file_and_key) {
  write_file(dir, "a.js", CLEAN);
  write_file(dir, ".leaklintrc.json", "{ \"rules\": { \"no-such-rule\": \"off\" } }");
  run_result r = run(dir, "check");
  assert_run(r, 2, "leaklint: ");
  cr_assert(strstr(r.err, ".leaklintrc.json: \"rules.no-such-rule\": unknown rule id"),
            "%s", r.err);
  run_free(&r);
  write_file(dir, ".leaklintrc.json", "{\n  \"env\": [\"node\"],\n  \"rules\": {,}\n}");
  r = run(dir, "check");
  assert_run(r, 2, ".leaklintrc.json:3:");
  run_free(&r);
  write_file(dir, ".leaklintrc.json", "{ \"rulez\": {} }");
  r = run(dir, "check");
  assert_run(r, 2, "\"rulez\": unknown key");
  run_free(&r);
  r = run(dir, "check", "--config", "missing.json");
  assert_run(r, 2, "missing.json");
  run_free(&r);
}

Test(check, config_cascade_stops_at_root_and_flags_override) {
  write_file(dir, ".leaklintrc.json", "{ \"bad\": true }");
  write_file(dir, "pkg/.leaklintrc.json",
             "{ \"root\": true, \"rules\": { \"parse-error\": \"warn\" } }");
  write_file(dir, "pkg/src/a.js", BROKEN);
  run_result r = run(dir, "check", "pkg");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  run_free(&r);
  r = run(dir, "check", "pkg", "--rule", "parse-error=error");
  cr_assert_eq(r.code, 1, "%s", r.err);
  run_free(&r);
  write_file(dir, "alt.json", "{ \"rules\": { \"parse-error\": 0 } }");
  r = run(dir, "check", "pkg", "--config", "alt.json");
  cr_assert_eq(r.code, 0, "%s", r.err);
  run_free(&r);
}

Test(check, unknown_rule_id_on_the_command_line) {
  write_file(dir, "a.js", CLEAN);
  run_result r = run(dir, "check", "--rule", "nope=off");
  assert_run(r, 2, "unknown rule id \"nope\"");
  run_free(&r);
}

Test(check, empty_folder) {
  make_dir(dir, "empty");
  write_file(dir, "docs/readme.md", "# nothing to check\n");
  run_result r = run(dir, "check", "empty");
  assert_run(r, 2, "leaklint: no JavaScript, TypeScript or C files found in empty");
  run_free(&r);
  r = run(dir, "check", "docs");
  assert_run(r, 2, "no JavaScript, TypeScript or C files found in docs");
  run_free(&r);
}

Test(check, unsupported_and_c_files_named_explicitly) {
  write_file(dir, "notes.txt", "hello\n");
  write_file(dir, "main.c", "int main(void) { return 0; }\n");
  run_result r = run(dir, "check", "notes.txt");
  assert_run(r, 2, "notes.txt: unsupported file type");
  run_free(&r);
  r = run(dir, "check", "main.c");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  cr_assert_str_eq(r.err, "");
  run_free(&r);
}

Test(check, skips_default_folders_gitignore_and_config_globs) {
  write_file(dir, "src/a.js", CLEAN);
  write_file(dir, "node_modules/lib/index.js", BROKEN);
  write_file(dir, "dist/bundle.js", BROKEN);
  write_file(dir, "vendor/x.js", BROKEN);
  write_file(dir, "src/app.min.js", BROKEN);
  write_file(dir, "gen/out.js", BROKEN);
  write_file(dir, ".gitignore", "gen/\n");
  write_file(dir, ".leaklintrc.json", "{ \"ignore\": [\"vendor/\", \"*.min.js\"] }");
  /* No repository yet: .gitignore does not apply. */
  run_result r = run(dir, "check");
  cr_assert_eq(r.code, 1, "%s", r.err);
  cr_assert(strstr(r.out, "out.js"), "%s", r.out);
  run_free(&r);
  git_libgit2_init();
  git_repository *repo = NULL;
  cr_assert_eq(git_repository_init(&repo, dir, 0), 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
  r = run(dir, "check");
  cr_assert_eq(r.code, 0, "%s%s", r.out, r.err);
  run_free(&r);
  r = run(dir, "check", "gen/out.js");
  assert_run(r, 0, "ignored by .gitignore");
  run_free(&r);
  r = run(dir, "check", "--no-ignore", "src", "gen");
  cr_assert_eq(r.code, 1, "%s", r.err);
  run_free(&r);
}
