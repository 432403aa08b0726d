/* The conformance corpus: every .js file under tests/runtime/js runs in a fresh
 * state and must print exactly its `// expect-output: LINE` lines (in
 * order), end with the error its `// expect-error: TEXT` names (a substring
 * of the message, or of "unsupported: ..."), and leave the survivors its
 * `// survivors: N Type [from here]` lines count after a full collection
 * ("from here": allocated on the next line). Each file is one case; the
 * corpus runs once normally and once under gc-stress with heap verification.
 * A file starting with `// skip-stress` is too slow for the second run. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/include/llrt.h"
#include "runtime/include/llrt_loop.h"

typedef struct outbuf {
  char *p;
  size_t n, cap;
} outbuf;

static void out_print(void *ud, int level, const char *s, size_t n) {
  (void)level;
  outbuf *o = ud;
  if (o->n + n + 2 > o->cap) {
    o->cap = (o->n + n + 2) * 2;
    o->p = realloc(o->p, o->cap);
  }
  memcpy(o->p + o->n, s, n);
  o->n += n;
  o->p[o->n++] = '\n';
  o->p[o->n] = 0;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (fread(b, 1, (size_t)n, f) != (size_t)n) n = 0;
  b[n] = 0;
  fclose(f);
  *len = (size_t)n;
  return b;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The module loader: `./x` relative to the requiring module's folder
 * (inside the corpus directory; a case's own path is its bare name). */
static char *load_module(void *ud, const char *from, const char *spec,
                         size_t *len, char **resolved) {
  (void)ud;
  char path[1024], full[512], dir[256] = "";
  const char *slash = from ? strrchr(from, '/') : NULL;
  if (slash && (size_t)(slash - from) < sizeof dir - 1)
    snprintf(dir, sizeof dir, "%.*s/", (int)(slash - from), from);
  const char *name = spec[0] == '.' && spec[1] == '/' ? spec + 2 : spec;
  /* './m' and './m.js' are one module: resolve both to "m.js". */
  snprintf(full, sizeof full, "%s%s%s", dir, name, strstr(name, ".js") ? "" : ".js");
  snprintf(path, sizeof path, "%s/tests/runtime/js/%s", LL_SOURCE_DIR, full);
  char *src = slurp(path, len);
  if (src) *resolved = strdup(full);
  return src;
}

/* Runs one file; returns NULL when it passes, else a malloc'd reason. */
static char *run_case(const char *dir, const char *name, bool stress) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  size_t len = 0;
  char *src = slurp(path, &len);
  if (!src) return strdup("cannot read");
  if (stress && !strncmp(src, "// skip-stress", 14)) {
    free(src);
    return NULL;
  }
  /* Expected output, error and survivors from the comments. */
  outbuf want = {0}, got = {0};
  out_print(&want, 0, "", 0);
  want.n = 0;
  want.p[0] = 0;
  const char *expect_error = NULL;
  size_t expect_error_len = 0;
  struct { long n; char type[64]; unsigned line; } surv[16];
  int nsurv = 0;
  unsigned lineno = 1;
  for (const char *p = src; *p; lineno++) {
    const char *eol = strchr(p, '\n');
    size_t l = eol ? (size_t)(eol - p) : strlen(p);
    const char *c;
    if ((c = memmem(p, l, "// expect-output:", 17))) {
      const char *t = c + 17;
      if (*t == ' ') t++;
      out_print(&want, 0, t, l - (size_t)(t - p));
    } else if ((c = memmem(p, l, "// expect-error:", 16))) {
      expect_error = c + 16 + (c[16] == ' ');
      expect_error_len = l - (size_t)(expect_error - p);
    } else if ((c = memmem(p, l, "// survivors:", 13)) && nsurv < 16) {
      char rest[200];
      snprintf(rest, sizeof rest, "%.*s", (int)(l - (size_t)(c + 13 - p)), c + 13);
      surv[nsurv].line = strstr(rest, "from here") ? lineno + 1 : 0;
      if (sscanf(rest, "%ld %63s", &surv[nsurv].n, surv[nsurv].type) == 2) nsurv++;
    }
    p = eol ? eol + 1 : p + l;
  }
  llrt_config cfg;
  llrt_config_init(&cfg);
  cfg.print = out_print;
  cfg.load = load_module;
  cfg.host = &got;
  cfg.max_steps = 50000000;
  if (stress) {
    cfg.gc_stress = true;
    cfg.gc_verify = true;
  }
  llrt_state *S = llrt_state_new(&cfg);
  /* The Node host and its virtual-clock loop, run until idle (as Node). */
  cr_assert(S && llrt_node_install(S, 0));
  llrt_result r;
  llrt_status st = llrt_eval(S, name, src, len, true, &r);
  if (st == LLRT_OK) {
    llrt_result_fini(&r);
    st = llrt_loop_run(S, 3600e3, true, &r);
  }
  char *why = NULL;
  if (expect_error) {
    if (st == LLRT_OK)
      asprintf(&why, "expected error '%.*s', ran to completion", (int)expect_error_len, expect_error);
    else if (!r.message || !memmem(r.message, strlen(r.message), expect_error, expect_error_len))
      asprintf(&why, "expected error '%.*s', got '%s'", (int)expect_error_len, expect_error,
               r.message ? r.message : "");
  } else if (st != LLRT_OK) {
    asprintf(&why, "failed: %s (%s:%u)", r.message ? r.message : "?", r.file ? r.file : "", r.line);
  }
  if (!why && strcmp(got.p ? got.p : "", want.p ? want.p : ""))
    asprintf(&why, "output differs\n--- want\n%s--- got\n%s", want.p ? want.p : "", got.p ? got.p : "");
  for (int i = 0; !why && i < nsurv; i++) {
    size_t n = llrt_census_count(S, surv[i].type, name, surv[i].line);
    if ((long)n != surv[i].n)
      asprintf(&why, "survivors: want %ld %s, got %zu", surv[i].n, surv[i].type, n);
  }
  llrt_result_fini(&r);
  llrt_state_free(S);
  free(want.p);
  free(got.p);
  free(src);
  return why;
}

static void run_corpus(bool stress) {
  const char *dir = LL_SOURCE_DIR "/tests/runtime/js";
  DIR *d = opendir(dir);
  cr_assert_not_null(d);
  char *names[4096];
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d)) && n < 4096;) {
    size_t l = strlen(e->d_name);
    if (l > 3 && (!strcmp(e->d_name + l - 3, ".js") || !strcmp(e->d_name + l - 3, ".ts")))
      names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  const char *only = getenv("LLRT_CASE");
  size_t failed = 0, ran = 0;
  for (size_t i = 0; i < n; i++) {
    if (only && !strstr(names[i], only)) {
      free(names[i]);
      continue;
    }
    ran++;
    char *why = run_case(dir, names[i], stress);
    if (why) {
      failed++;
      cr_log_error("%s%s: %s", names[i], stress ? " (gc-stress)" : "", why);
      free(why);
    }
    free(names[i]);
  }
  cr_log_info("%zu of %zu corpus files passed%s", ran - failed, ran,
              stress ? " under gc-stress" : "");
  cr_assert_eq(failed, 0, "%zu corpus file(s) failed", failed);
}

Test(conformance, corpus, .timeout = 300) { run_corpus(false); }

Test(conformance, corpus_under_gc_stress, .timeout = 600) { run_corpus(true); }
