/* files.c, called directly: which files a walk collects (sorted, deduped,
 * skipping default folders, .gitignore through libgit2 and config globs),
 * loops through symlinks, and reading that never blocks. */
#include "helpers.h"

#include <git2.h>

#include "base/alloc.h"
#include "cli/config.h"
#include "cli/files.h"

static char *dir;
static char msgs[8192];
static void setup(void) {
  dir = tmp_new();
  msgs[0] = '\0';
}
static void teardown(void) { tmp_remove(dir); }

TestSuite(files, .init = setup, .fini = teardown, .timeout = 30);

static void collect_diag(void *ud, ll_diag_kind kind, const char *m) {
  (void)ud;
  strncat(msgs, kind == LL_DIAG_NOTE ? "note: " : "error: ",
          sizeof msgs - strlen(msgs) - 1);
  strncat(msgs, m, sizeof msgs - strlen(msgs) - 1);
  strncat(msgs, "\n", sizeof msgs - strlen(msgs) - 1);
}

/* Collects `paths` (relative to `dir`, which becomes the working folder)
 * and returns the list's paths joined by spaces (static). */
static const char *collect(bool no_ignore, int n, char **paths, size_t *errors) {
  static char joined[4096];
  char old[4096];
  cr_assert(getcwd(old, sizeof old));
  cr_assert_eq(chdir(dir), 0);
  ll_overrides ov;
  ll_overrides_init(&ov);
  ll_config_resolver *r = NULL;
  ll_error err = {0};
  cr_assert_eq(ll_config_resolver_new(&ov, NULL, &r, &err), LL_OK);
  ll_file_list list = {0};
  ll_collect_opts o = {.no_ignore = no_ignore, .diag = collect_diag};
  ll_status st = ll_files_collect(&list, paths, n, r, &o, &err);
  cr_assert_eq(st, LL_OK, "%s", err.message);
  joined[0] = '\0';
  for (size_t i = 0; i < list.len; i++) {
    if (i) strcat(joined, " ");
    strncat(joined, list.items[i].path, sizeof joined - strlen(joined) - 2);
    cr_assert(list.items[i].settings);
    cr_assert_eq(list.items[i].abs[0], '/');
  }
  if (errors) *errors = list.errors;
  ll_file_list_fini(&list);
  ll_config_resolver_free(r);
  cr_assert_eq(chdir(old), 0);
  return joined;
}

static char dot[] = ".";

Test(files, walk_is_sorted_and_keeps_js_ts_and_c) {
  const char *names[] = {"z.js", "a.tsx", "lib/m.mjs", "lib/c.cjs", "x.mts", "y.cts",
                         "k.jsx", "t.ts", "main.c", "main.h", "README.md", "lib/data.json"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) write_file(dir, names[i], "");
  char *p[] = {dot};
  size_t errors = 99;
  cr_assert_str_eq(collect(false, 1, p, &errors),
                   "a.tsx k.jsx lib/c.cjs lib/m.mjs main.c main.h t.ts x.mts y.cts z.js");
  cr_assert_eq(errors, 0);
  cr_assert_str_eq(msgs, "", "%s", msgs);
}

Test(files, display_paths_follow_the_argument) {
  write_file(dir, "src/a.js", "");
  char a[] = "./src/", b[] = "src//a.js";
  char *p[] = {a};
  cr_assert_str_eq(collect(false, 1, p, NULL), "src/a.js");
  char *q[] = {b, a}; /* the same file twice: listed once */
  cr_assert_str_eq(collect(false, 2, q, NULL), "src/a.js");
}

Test(files, default_folders_are_skipped_unless_named) {
  write_file(dir, "src/a.js", "");
  const char *skipped[] = {"node_modules/x/i.js", ".git/hooks/h.js", "build/b.js",
                           "dist/d.js", "out/o.js", "coverage/c.js"};
  for (size_t i = 0; i < 6; i++) write_file(dir, skipped[i], "");
  char *p[] = {dot};
  cr_assert_str_eq(collect(false, 1, p, NULL), "src/a.js");
  char dist[] = "dist";
  char *q[] = {dist};
  cr_assert_str_eq(collect(false, 1, q, NULL), "dist/d.js");
  cr_assert(strstr(collect(true, 1, p, NULL), "node_modules/x/i.js"));
}

Test(files, gitignore_applies_inside_a_repository_only) {
  write_file(dir, "keep.js", "");
  write_file(dir, "skip.js", "");
  write_file(dir, "gen/g.js", "");
  write_file(dir, "sub/deep/s.js", "");
  write_file(dir, ".gitignore", "skip.js\ngen/\n");
  write_file(dir, "sub/.gitignore", "deep/\n");
  char *p[] = {dot};
  cr_assert_str_eq(collect(false, 1, p, NULL), "gen/g.js keep.js skip.js sub/deep/s.js");
  git_libgit2_init();
  git_repository *repo = NULL;
  cr_assert_eq(git_repository_init(&repo, dir, 0), 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
  cr_assert_str_eq(collect(false, 1, p, NULL), "keep.js");
  char sub[] = "sub";
  char *q[] = {sub};
  size_t errors;
  cr_assert_str_eq(collect(false, 1, q, &errors), "");
  cr_assert_eq(errors, 1);
  cr_assert(strstr(msgs, "no JavaScript, TypeScript or C files found in sub"), "%s", msgs);
  char skip[] = "skip.js";
  char *r[] = {skip};
  cr_assert_str_eq(collect(false, 1, r, NULL), "");
  cr_assert(strstr(msgs, "skip.js: skipped: ignored by .gitignore"), "%s", msgs);
  cr_assert_str_eq(collect(true, 1, r, NULL), "skip.js");
}

Test(files, config_ignore_globs_are_relative_to_the_config) {
  write_file(dir, ".leaklintrc.json", "{ \"root\": true, \"ignore\": [\"*.min.js\", \"/top.js\"] }");
  write_file(dir, "pkg/.leaklintrc.json", "{ \"ignore\": [\"fixtures/\"] }");
  write_file(dir, "a.js", "");
  write_file(dir, "top.js", "");
  write_file(dir, "pkg/top.js", "");
  write_file(dir, "pkg/x.min.js", "");
  write_file(dir, "pkg/fixtures/f.js", "");
  write_file(dir, "fixtures/f.js", "");
  char *p[] = {dot};
  cr_assert_str_eq(collect(false, 1, p, NULL), "a.js fixtures/f.js pkg/top.js");
  char min[] = "pkg/x.min.js";
  char *q[] = {min};
  cr_assert_str_eq(collect(false, 1, q, NULL), "");
  cr_assert(strstr(msgs, "ignored by \"*.min.js\""), "%s", msgs);
}

Test(files, symlink_loops_end_and_are_named) {
  write_file(dir, "a/x.js", "");
  write_file(dir, "a/b/y.js", "");
  cr_assert_eq(symlink("..", at(dir, "a/b/up")), 0);
  cr_assert_eq(symlink(dir, at(dir, "a/b/abs")), 0);
  cr_assert_eq(symlink("b", at(dir, "a/zalias")), 0); /* no loop: walked once */
  char a[] = "a";
  char *p[] = {a};
  size_t errors;
  cr_assert_str_eq(collect(false, 1, p, &errors), "a/b/y.js a/x.js");
  cr_assert_eq(errors, 0);
  cr_assert(strstr(msgs, "a/b/up: skipped: symbolic link loop"), "%s", msgs);
}

Test(files, bad_arguments_are_reported_and_the_rest_collected) {
  write_file(dir, "ok.js", "");
  write_file(dir, "notes.txt", "");
  write_file(dir, "tool.c", "");
  cr_assert_eq(symlink("gone.js", at(dir, "dangling.js")), 0);
  make_dir(dir, "empty");
  char a[] = "ok.js", b[] = "missing.js", c[] = "notes.txt", d[] = "tool.c",
       e[] = "dangling.js", f[] = "empty";
  char *p[] = {a, b, c, d, e, f};
  size_t errors;
  cr_assert_str_eq(collect(false, 6, p, &errors), "ok.js tool.c");
  cr_assert_eq(errors, 4, "%s", msgs);
  cr_assert(strstr(msgs, "error: missing.js: no such file or directory"), "%s", msgs);
  cr_assert(strstr(msgs, "error: notes.txt: unsupported file type"), "%s", msgs);
  cr_assert(strstr(msgs, "error: dangling.js: broken symbolic link"), "%s", msgs);
  cr_assert(strstr(msgs, "error: no JavaScript, TypeScript or C files found in empty"), "%s", msgs);
}

/* ==== Reading ==== */

Test(files, read_file_refuses_fifos_and_big_files) {
  char *text = NULL;
  size_t len = 0;
  ll_error err = {0};
  cr_assert_eq(mkfifo(at(dir, "p.js"), 0644), 0);
  cr_assert_eq(ll_read_file(at(dir, "p.js"), 0, &text, &len, &err), LL_EIO);
  cr_assert(strstr(err.message, "not a regular file (it is a FIFO)"), "%s", err.message);
  write_file(dir, "big.js", "0123456789");
  cr_assert_eq(ll_read_file(at(dir, "big.js"), 5, &text, &len, &err), LL_ETOOBIG);
  cr_assert(strstr(err.message, "file is 10 bytes, over the size limit of 5 bytes"),
            "%s", err.message);
  cr_assert_eq(ll_read_file(at(dir, "big.js"), 10, &text, &len, &err), LL_OK);
  cr_assert_eq(len, 10);
  cr_assert_str_eq(text, "0123456789");
  ll_free(text);
  cr_assert_eq(ll_read_file(at(dir, "nope.js"), 0, &text, &len, &err), LL_ENOENT);
  cr_assert_eq(ll_read_file("/proc/self/mem", 0, &text, &len, &err), LL_EIO);
  cr_assert(strstr(err.message, "cannot read"), "%s", err.message);
  cr_assert_eq(ll_read_file(dir, 0, &text, &len, &err), LL_EIO);
  cr_assert(strstr(err.message, "is a directory"), "%s", err.message);
}
