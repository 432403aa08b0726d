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
#include "runtime/include/llrt_loop.h"
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
        "  --nursery BYTES    bytes allocated between minor collections\n"
        "  --entry NAME       after loading, call the exported or top-level\n"
        "                     function NAME, then report what survives\n"
        "  --calls N          call the entry N times (default 1)\n"
        "  --advance MS       virtual ms the clock advances after each call\n"
        "                     (default 1000)\n"
        "  --max-time MS      without --entry: virtual ms the loop may run\n"
        "                     before it is stopped (default 60000)\n"
        "The event loop runs on a virtual clock starting at 0 (Date.now()\n"
        "follows it); a real-time clock is not implemented yet.\n",
        out);
}

static int bad_number(const char *opt, const char *v) {
  fprintf(stderr, "leaklint: run: %s expects a non-negative number, not '%s'\n", opt, v);
  return 2;
}

static void report_failure(const llrt_result *r) {
  if (r->file)
    fprintf(stderr, "%s:%u:%u: %s\n", r->file, r->line, r->col, r->message ? r->message : "error");
  else
    fprintf(stderr, "leaklint: run: %s\n", r->message ? r->message : "error");
}

static int cmp_timer(const void *a, const void *b) {
  const llrt_timer_info *x = a, *y = b;
  int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
  if (c) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  c = strcmp(x->kind, y->kind);
  if (c) return c;
  return x->delay < y->delay ? -1 : x->delay > y->delay;
}

/* What survives: live timers grouped by creation site, listeners per
 * (emitter, event), and the largest allocation sites (text, stdout). */
static void print_survivors(llrt_state *S) {
  size_t nt = 0;
  llrt_timer_info *t = llrt_loop_timers(S, &nt);
  printf("live timers: %zu\n", nt);
  if (t) qsort(t, nt, sizeof *t, cmp_timer);
  for (size_t i = 0; i < nt;) {
    size_t j = i + 1;
    while (j < nt && !cmp_timer(&t[i], &t[j])) j++;
    char delay[40] = "";
    if (strcmp(t[i].kind, "setImmediate")) snprintf(delay, sizeof delay, " %g ms", t[i].delay);
    if (t[i].file)
      printf("  %6zu  %s%s  %s:%u:%u\n", j - i, t[i].kind, delay, t[i].file, t[i].line, t[i].col);
    else
      printf("  %6zu  %s%s  (runtime)\n", j - i, t[i].kind, delay);
    i = j;
  }
  free(t);
  size_t nl = 0, total = 0;
  llrt_listener_info *l = llrt_node_listeners(S, &nl);
  for (size_t i = 0; i < nl; i++) total += l[i].count;
  printf("listeners: %zu\n", total);
  for (size_t i = 0; i < nl; i++) {
    if (l[i].file)
      printf("  %6zu  %s (%s:%u:%u) '%s'\n", l[i].count, l[i].emitter, l[i].file,
             l[i].line, l[i].col, l[i].event);
    else
      printf("  %6zu  %s '%s'\n", l[i].count, l[i].emitter, l[i].event);
  }
  free(l);
  size_t rows = 0;
  llrt_census_row *c = llrt_census(S, &rows);
  printf("live objects by allocation site (top 10 of the program):\n");
  for (size_t i = 0, shown = 0; i < rows && shown < 10; i++) {
    if (!c[i].file || !strncmp(c[i].file, "node:", 5)) continue;
    printf("  %6zu  %-16s %10zu B  %s:%u:%u\n", c[i].count, c[i].type, c[i].bytes,
           c[i].file, c[i].line, c[i].col);
    shown++;
  }
  free(c);
}

int llrt_cli_run(int argc, char **argv) {
  llrt_config cfg;
  llrt_config_init(&cfg);
  cfg.clock = wall_clock;
  cfg.load = load_module;
  bool stats = false, census = false;
  const char *file = NULL, *entry = NULL;
  unsigned long calls = 1;
  double advance = 1000, max_time = 60000;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--gc-stress")) cfg.gc_stress = true;
    else if (!strcmp(a, "--gc-verify")) cfg.gc_verify = true;
    else if (!strcmp(a, "--stats")) stats = true;
    else if (!strcmp(a, "--census")) census = true;
    else if (!strcmp(a, "--max-steps") && i + 1 < argc) cfg.max_steps = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(a, "--heap-cap") && i + 1 < argc) cfg.heap_cap = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(a, "--nursery") && i + 1 < argc) cfg.nursery_bytes = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(a, "--entry") && i + 1 < argc) entry = argv[++i];
    else if (!strcmp(a, "--calls") && i + 1 < argc) {
      char *end;
      calls = strtoul(argv[++i], &end, 10);
      if (*end || argv[i][0] == '-') return bad_number("--calls", argv[i]);
    } else if ((!strcmp(a, "--advance") || !strcmp(a, "--max-time")) && i + 1 < argc) {
      char *end;
      double ms = strtod(argv[++i], &end);
      if (*end || !(ms >= 0)) return bad_number(a, argv[i]);
      if (a[2] == 'a') advance = ms;
      else max_time = ms;
    }
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
  memset(&r, 0, sizeof r);
  if (!llrt_node_install(S, 0)) {
    free(src);
    llrt_state_free(S);
    fprintf(stderr, "leaklint: run: out of memory\n");
    return 2;
  }
  llrt_status st = llrt_eval(S, file, src, len, true, &r);
  free(src);
  /* Load, then call the entry N times, letting virtual time pass after each
   * call; without an entry, run the loop until idle (or --max-time). */
  if (st == LLRT_OK && !entry) {
    llrt_result_fini(&r);
    st = llrt_loop_run(S, max_time, true, &r);
  }
  for (unsigned long i = 0; st == LLRT_OK && entry && i < calls; i++) {
    llrt_result_fini(&r);
    st = llrt_node_call(S, file, entry, &r);
    if (st == LLRT_OK) {
      llrt_result_fini(&r);
      st = llrt_loop_run(S, advance, false, &r);
    }
  }
  fflush(stdout);
  int code = 0;
  if (st != LLRT_OK) {
    report_failure(&r);
    code = 1;
  }
  llrt_result_fini(&r);
  if (entry) {
    printf("run: %s, entry %s called %lu times, virtual clock at %g ms\n", file, entry,
           calls, llrt_loop_now(S));
    print_survivors(S);
    fflush(stdout);
  }
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
