/* Helpers for the CLI suites: temporary folders, files, and running the real
 * `leaklint` binary (LEAKLINT_BIN) with its output captured. Everything is
 * static: each suite includes this once. */
#ifndef LL_TESTS_CLI_HELPERS_H
#define LL_TESTS_CLI_HELPERS_H

#define _XOPEN_SOURCE 700 /* nftw, mkdtemp, posix_openpt */

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define UNUSED __attribute__((unused))

/* A new empty folder under /tmp; free the result and remove the folder with
 * `tmp_remove`. */
static UNUSED char *tmp_new(void) {
  char *p = strdup("/tmp/ll-cli-XXXXXX");
  cr_assert(p && mkdtemp(p), "mkdtemp: %s", strerror(errno));
  return p;
}

static int rm_one(const char *p, const struct stat *sb, int flag,
                  struct FTW *ftw) {
  (void)sb, (void)ftw;
  if (flag == FTW_DP) return rmdir(p) != 0 && errno != ENOENT;
  return unlink(p) != 0 && errno != ENOENT;
}

/* Removes folder `p` and everything in it (symlinks are not followed), then
 * frees `p`. */
static UNUSED void tmp_remove(char *p) {
  if (!p) return;
  nftw(p, rm_one, 16, FTW_DEPTH | FTW_PHYS);
  free(p);
}

/* "dir/rel" in a static rotating buffer (good for a few calls at once). */
static UNUSED const char *at(const char *dir, const char *rel) {
  static char bufs[8][4096];
  static int k;
  char *b = bufs[k++ & 7];
  snprintf(b, sizeof bufs[0], "%s/%s", dir, rel);
  return b;
}

static void mkdirs_for(const char *path) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s", path);
  for (char *s = strchr(tmp + 1, '/'); s; s = strchr(s + 1, '/')) {
    *s = '\0';
    mkdir(tmp, 0755);
    *s = '/';
  }
}

/* Writes `len` bytes to dir/rel, creating folders on the way. */
static UNUSED void write_bytes(const char *dir, const char *rel,
                               const char *data, size_t len) {
  const char *p = at(dir, rel);
  mkdirs_for(p);
  FILE *f = fopen(p, "wb");
  cr_assert(f, "fopen %s: %s", p, strerror(errno));
  cr_assert_eq(fwrite(data, 1, len, f), len);
  cr_assert_eq(fclose(f), 0);
}

static UNUSED void write_file(const char *dir, const char *rel,
                              const char *text) {
  write_bytes(dir, rel, text, strlen(text));
}

static UNUSED void make_dir(const char *dir, const char *rel) {
  const char *p = at(dir, rel);
  mkdirs_for(p);
  cr_assert(mkdir(p, 0755) == 0 || errno == EEXIST, "mkdir %s", p);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return strdup("");
  size_t cap = 4096, n = 0;
  char *s = malloc(cap);
  for (size_t r; (r = fread(s + n, 1, cap - n - 1, f)) > 0;) {
    n += r;
    if (n + 1 == cap) s = realloc(s, cap *= 2);
  }
  s[n] = '\0';
  fclose(f);
  return s;
}

typedef struct run_result {
  int code;  /* exit code, or 128 + signal */
  char *out; /* stdout, owned */
  char *err; /* stderr, owned */
} run_result;

static UNUSED void run_free(run_result *r) {
  free(r->out);
  free(r->err);
}

/* Runs `leaklint ARGS…` (NULL-terminated) in folder `cwd` with `input` on
 * stdin (NULL: /dev/null). A run that takes over 30 s is killed (a hang is
 * a failure, never a stuck suite). */
static UNUSED run_result run_in(const char *cwd, const char *input, ...) {
  const char *bin = getenv("LEAKLINT_BIN");
  cr_assert(bin, "LEAKLINT_BIN is not set");
  char *argv[64];
  int argc = 0;
  argv[argc++] = (char *)"leaklint";
  va_list ap;
  va_start(ap, input);
  for (char *a; (a = va_arg(ap, char *)) && argc < 63;) argv[argc++] = a;
  va_end(ap);
  argv[argc] = NULL;

  char out_path[] = "/tmp/ll-cli-out-XXXXXX", err_path[] = "/tmp/ll-cli-err-XXXXXX",
       in_path[] = "/tmp/ll-cli-in-XXXXXX";
  int out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
  int in_fd = input ? mkstemp(in_path) : open("/dev/null", O_RDONLY);
  cr_assert(out_fd >= 0 && err_fd >= 0 && in_fd >= 0);
  if (input) {
    cr_assert_eq(write(in_fd, input, strlen(input)), (ssize_t)strlen(input));
    lseek(in_fd, 0, SEEK_SET);
    unlink(in_path);
  }
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    if (chdir(cwd) != 0) _exit(127);
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    unsetenv("NO_COLOR");
    alarm(30); /* survives exec: a hang dies with SIGALRM */
    execv(bin, argv);
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  close(in_fd);
  close(out_fd);
  close(err_fd);
  run_result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

#define run(cwd, ...) run_in((cwd), NULL, __VA_ARGS__, (char *)NULL)
#define run_stdin(cwd, input, ...) run_in((cwd), (input), __VA_ARGS__, (char *)NULL)

/* Asserts the exit code and that stderr contains `needle`, printing both
 * streams when not. */
#define assert_run(r, want_code, needle)                                    \
  do {                                                                      \
    cr_assert_eq((r).code, (want_code),                                     \
                 "exit code %d, want %d\nstdout:\n%s\nstderr:\n%s",         \
                 (r).code, (want_code), (r).out, (r).err);                  \
    cr_assert(strstr((r).err, (needle)) != NULL,                            \
              "stderr lacks \"%s\"\nstderr:\n%s", (needle), (r).err);       \
  } while (0)

#endif
