/* `leaklint run FILE.js`: executes a file with the engine and prints what it
 * logs. This is the host: it is the only runtime code that reads files (the
 * main file and modules through the loader hook) and the clock, so the
 * engine itself stays sandboxed.
 *
 * Must never: exit (main.c does) or let the engine see the file system
 * except through `load_module`. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/include/llrt.h"
#include "runtime/src/run_cmd.h"

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) {
        free(buf);
        buf = NULL;
      }
      buf = nb;
    }
  }
  fclose(f);
  if (buf) *len = n;
  return buf;
}

/* Resolves `spec` against the directory of `from`, trying `.js` and
 * `/index.js` like Node for relative paths. */
static char *load_module(void *ud, const char *from, const char *spec,
                         size_t *len, char **resolved) {
  (void)ud;
  if (spec[0] != '.' && spec[0] != '/') return NULL; /* packages: the next issue's hosts */
  char base[4096];
  snprintf(base, sizeof base, "%s", from);
  char *slash = strrchr(base, '/');
  if (slash) slash[1] = 0;
  else base[0] = 0;
  static const char *const exts[] = {"", ".js", ".mjs", ".cjs", "/index.js"};
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
    char path[8192];
    if (spec[0] == '/') snprintf(path, sizeof path, "%s%s", spec, exts[i]);
    else snprintf(path, sizeof path, "%s%s%s", base, spec, exts[i]);
    char *src = read_file(path, len);
    if (src) {
      *resolved = strdup(path);
      return src;
    }
  }
  return NULL;
}

static double wall_clock(void *ud) {
  (void)ud;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec * 1e3 + (double)(ts.tv_nsec / 1000000);
}

static void usage(FILE *out) {
  fputs("usage: leaklint run [options] FILE.js\n"
        "  --gc-stress        collect at every allocation\n"
        "  --gc-verify        verify the heap after every collection\n"
        "  --stats            print collector statistics to stderr at exit\n"
        "  --census           print live objects by allocation site at exit\n"
        "  --max-steps N      instruction budget\n"
        "  --heap-cap BYTES   heap cap\n"
        "  --nursery BYTES    bytes allocated between minor collections\n",
        out);
}

int llrt_cli_run(int argc, char **argv) {
  llrt_config cfg;
  llrt_config_init(&cfg);
  cfg.clock = wall_clock;
  cfg.load = load_module;
  bool stats = false, census = false;
  const char *file = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--gc-stress")) cfg.gc_stress = true;
    else if (!strcmp(a, "--gc-verify")) cfg.gc_verify = true;
    else if (!strcmp(a, "--stats")) stats = true;
    else if (!strcmp(a, "--census")) census = true;
    else if (!strcmp(a, "--max-steps") && i + 1 < argc) cfg.max_steps = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(a, "--heap-cap") && i + 1 < argc) cfg.heap_cap = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(a, "--nursery") && i + 1 < argc) cfg.nursery_bytes = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
    else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "leaklint: run: unknown option '%s'\n", a);
      usage(stderr);
      return 2;
    } else if (!file) file = a;
    else {
      fprintf(stderr, "leaklint: run: one file at a time ('%s')\n", a);
      return 2;
    }
  }
  if (!file) {
    usage(stderr);
    return 2;
  }
  size_t len = 0;
  char *src = read_file(file, &len);
  if (!src) {
    fprintf(stderr, "leaklint: run: cannot read '%s'\n", file);
    return 2;
  }
  llrt_state *S = llrt_state_new(&cfg);
  if (!S) {
    free(src);
    fprintf(stderr, "leaklint: run: out of memory\n");
    return 2;
  }
  llrt_result r;
  size_t n = strlen(file);
  bool esm = n > 4 && !strcmp(file + n - 4, ".mjs");
  (void)esm;
  llrt_status st = llrt_eval(S, file, src, len, true, &r);
  free(src);
  fflush(stdout);
  int code = 0;
  if (st != LLRT_OK) {
    if (r.file)
      fprintf(stderr, "%s:%u:%u: %s\n", r.file, r.line, r.col, r.message ? r.message : "error");
    else
      fprintf(stderr, "leaklint: run: %s\n", r.message ? r.message : "error");
    code = 1;
  }
  llrt_result_fini(&r);
  if (census) {
    size_t rows = 0;
    llrt_census_row *c = llrt_census(S, &rows);
    fprintf(stderr, "%-22s %10s %12s  %s\n", "type", "count", "bytes", "site");
    for (size_t i = 0; i < rows && i < 20; i++) {
      if (c[i].file)
        fprintf(stderr, "%-22s %10zu %12zu  %s:%u:%u\n", c[i].type, c[i].count,
                c[i].bytes, c[i].file, c[i].line, c[i].col);
      else
        fprintf(stderr, "%-22s %10zu %12zu  (runtime)\n", c[i].type, c[i].count, c[i].bytes);
    }
    /* One retaining path for the largest site the program allocated. */
    for (size_t i = 0; i < rows; i++) {
      char path[1024];
      if (c[i].file && llrt_census_path(S, c[i].site, path, sizeof path)) {
        fprintf(stderr, "path to %s from %s:%u: %s\n", c[i].type, c[i].file,
                c[i].line, path);
        break;
      }
    }
    free(c);
  }
  if (stats) {
    llrt_gc_stats s;
    llrt_gc_get_stats(S, &s);
    fprintf(stderr,
            "gc: %llu minor (median %.3f ms, p99 %.3f, max %.3f), %llu major "
            "(median %.3f ms, max %.3f)\n"
            "gc: allocated %llu B, promoted %llu B, freed %llu B, live %zu B "
            "(%zu objects)\n",
            (unsigned long long)s.minors, s.minor_median_ms, s.minor_p99_ms,
            s.minor_max_ms, (unsigned long long)s.majors, s.major_median_ms,
            s.major_max_ms, (unsigned long long)s.bytes_allocated,
            (unsigned long long)s.bytes_promoted,
            (unsigned long long)s.bytes_freed, s.live_bytes, s.live_objects);
  }
  llrt_state_free(S);
  return code;
}
