/* `leaklint run FILE.js`: executes a file with the engine and prints what it
 * logs. This is the host: it is the only runtime code that reads files (the
 * main file and modules through the loader hook) and the clock, so the
 * engine itself stays sandboxed.
 *
 * After an `--entry` run (or with `--format json`) it reports what
 * survived: live timers grouped by kind, delay and creation site, listeners
 * per (emitter, event), the globals the program added, the Buffers' external
 * bytes, and the top allocation sites with one retaining path each — as
 * text, or as one JSON object (console output then goes to stderr).
 *
 * Must never: exit (main.c does) or let the engine see the file system
 * except through `llrt_host_load_file` (host_fs.c). */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "output/json_print.h"
#include "runtime/include/llrt.h"
#include "runtime/include/llrt_browser.h"
#include "runtime/include/llrt_host.h"
#include "runtime/include/llrt_loop.h"
#include "runtime/src/run_cmd.h"

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
        "  --max-time MS      without --entry: ms the loop may run before it\n"
        "                     is stopped (default 60000)\n"
        "  --browser          also install the browser host (window, document,\n"
        "                     EventTarget listeners in the report)\n"
        "  --real-time        run timers on the real clock (libuv): the loop\n"
        "                     sleeps until they are due, Date.now() is now\n"
        "  --format FMT       report as 'text' (default) or 'json' (one object\n"
        "                     on stdout; console output goes to stderr)\n"
        "The event loop runs on a virtual clock starting at 0 by default\n"
        "(Date.now() follows it; timers fire without waiting).\n",
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

/* ==== The report ==== */

typedef struct run_report {
  const char *file, *entry;
  unsigned long calls;
  double clock_ms;
  llrt_timer_info *timers; /* sorted by site */
  size_t ntimers;
  llrt_listener_info *listeners;
  size_t nlisteners;
  const char **globals;
  size_t nglobals;
  size_t external;
  llrt_census_row *rows; /* the program's top sites */
  size_t nrows;
  char **paths; /* one per row, NULL when none */
  uint64_t phantom_uses;
} run_report;

enum { TOP_SITES = 10 };

static void report_collect(llrt_state *S, run_report *r) {
  r->timers = llrt_loop_timers(S, &r->ntimers);
  if (r->timers) qsort(r->timers, r->ntimers, sizeof *r->timers, cmp_timer);
  r->listeners = llrt_node_listeners(S, &r->nlisteners);
  size_t nb = 0; /* and the EventTargets', when the program used the browser host */
  llrt_listener_info *b = llrt_browser_listeners(S, &nb);
  if (b && nb) {
    llrt_listener_info *all = realloc(r->listeners, (r->nlisteners + nb) * sizeof *all);
    if (all) {
      memcpy(all + r->nlisteners, b, nb * sizeof *b);
      r->listeners = all;
      r->nlisteners += nb;
    }
  }
  free(b);
  r->globals = llrt_node_globals_added(S, &r->nglobals);
  r->external = llrt_node_external_bytes(S);
  r->phantom_uses = llrt_node_phantom_uses(S);
  size_t rows = 0;
  llrt_census_row *c = llrt_census(S, &rows);
  for (size_t i = 0; i < rows && r->nrows < TOP_SITES; i++) {
    if (!c[i].file || !strncmp(c[i].file, "node:", 5)) continue;
    c[r->nrows++] = c[i]; /* compacts in place: nrows <= i */
  }
  r->rows = c;
  if (r->nrows) {
    r->paths = calloc(r->nrows, sizeof *r->paths);
    if (r->paths) llrt_node_paths(S, r->rows, r->nrows, r->paths);
  }
}

static void report_fini(run_report *r) {
  free(r->timers);
  free(r->listeners);
  free(r->globals);
  for (size_t i = 0; r->paths && i < r->nrows; i++) free(r->paths[i]);
  free(r->paths);
  free(r->rows);
}

static void report_text(const run_report *r) {
  const llrt_timer_info *t = r->timers;
  size_t nt = r->ntimers;
  printf("live timers: %zu\n", nt);
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
  const llrt_listener_info *l = r->listeners;
  size_t total = 0;
  for (size_t i = 0; i < r->nlisteners; i++) total += l[i].count;
  printf("listeners: %zu\n", total);
  for (size_t i = 0; i < r->nlisteners; i++) {
    if (l[i].file)
      printf("  %6zu  %s (%s:%u:%u) '%s'", l[i].count, l[i].emitter, l[i].file,
             l[i].line, l[i].col, l[i].event);
    else
      printf("  %6zu  %s '%s'", l[i].count, l[i].emitter, l[i].event);
    if (l[i].added_file)
      printf(", last added at %s:%u:%u", l[i].added_file, l[i].added_line, l[i].added_col);
    putchar('\n');
  }
  printf("globals added: %zu", r->nglobals);
  for (size_t i = 0; i < r->nglobals; i++) printf("%s%s", i ? ", " : "  ", r->globals[i]);
  printf("\nexternal memory (Buffers): %zu B\n", r->external);
  printf("live objects by allocation site (top 10 of the program):\n");
  for (size_t i = 0; i < r->nrows; i++) {
    const llrt_census_row *c = &r->rows[i];
    printf("  %6zu  %-16s %10zu B  %s:%u:%u\n", c->count, c->type, c->bytes, c->file,
           c->line, c->col);
  }
  bool header = false;
  for (size_t i = 0; r->paths && i < r->nrows && i < 3; i++) {
    if (!r->paths[i]) continue;
    if (!header) printf("retaining paths of the top sites:\n");
    header = true;
    printf("  %s\n", r->paths[i]);
  }
}

/* Adds `file`, `line` and `column` (null when unknown). */
static void json_where(cJSON *o, const char *file, unsigned line, unsigned col) {
  if (file) {
    cJSON_AddStringToObject(o, "file", file);
    cJSON_AddNumberToObject(o, "line", line);
    cJSON_AddNumberToObject(o, "column", col);
  } else {
    cJSON_AddNullToObject(o, "file");
    cJSON_AddNullToObject(o, "line");
    cJSON_AddNullToObject(o, "column");
  }
}

static bool report_json(const run_report *r) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return false;
  cJSON_AddStringToObject(o, "file", r->file);
  if (r->entry) cJSON_AddStringToObject(o, "entry", r->entry);
  else cJSON_AddNullToObject(o, "entry");
  cJSON_AddNumberToObject(o, "calls", (double)r->calls);
  cJSON_AddNumberToObject(o, "clockMs", r->clock_ms);
  cJSON *timers = cJSON_AddArrayToObject(o, "timers");
  for (size_t i = 0; timers && i < r->ntimers;) {
    const llrt_timer_info *t = &r->timers[i];
    size_t j = i + 1;
    while (j < r->ntimers && !cmp_timer(t, &r->timers[j])) j++;
    cJSON *e = cJSON_CreateObject();
    if (!e) break;
    cJSON_AddStringToObject(e, "kind", t->kind);
    cJSON_AddNumberToObject(e, "delay", t->delay);
    cJSON_AddNumberToObject(e, "count", (double)(j - i));
    json_where(e, t->file, t->line, t->col);
    cJSON_AddItemToArray(timers, e);
    i = j;
  }
  cJSON *ls = cJSON_AddArrayToObject(o, "listeners");
  for (size_t i = 0; ls && i < r->nlisteners; i++) {
    const llrt_listener_info *l = &r->listeners[i];
    cJSON *e = cJSON_CreateObject();
    if (!e) break;
    cJSON_AddStringToObject(e, "target", l->emitter);
    cJSON_AddStringToObject(e, "event", l->event);
    cJSON_AddNumberToObject(e, "count", (double)l->count);
    json_where(e, l->file, l->line, l->col);
    cJSON *added = cJSON_AddObjectToObject(e, "lastAddedAt");
    if (added) json_where(added, l->added_file, l->added_line, l->added_col);
    cJSON_AddItemToArray(ls, e);
  }
  cJSON *gs = cJSON_AddArrayToObject(o, "globalsAdded");
  for (size_t i = 0; gs && i < r->nglobals; i++)
    cJSON_AddItemToArray(gs, cJSON_CreateString(r->globals[i]));
  cJSON_AddNumberToObject(o, "externalBytes", (double)r->external);
  cJSON *objs = cJSON_AddArrayToObject(o, "objects");
  for (size_t i = 0; objs && i < r->nrows; i++) {
    const llrt_census_row *c = &r->rows[i];
    cJSON *e = cJSON_CreateObject();
    if (!e) break;
    cJSON_AddStringToObject(e, "type", c->type);
    cJSON_AddNumberToObject(e, "count", (double)c->count);
    cJSON_AddNumberToObject(e, "bytes", (double)c->bytes);
    json_where(e, c->file, c->line, c->col);
    if (r->paths && r->paths[i]) cJSON_AddStringToObject(e, "path", r->paths[i]);
    else cJSON_AddNullToObject(e, "path");
    cJSON_AddItemToArray(objs, e);
  }
  cJSON_AddNumberToObject(o, "phantomUses", (double)r->phantom_uses);
  bool ok = ll__json_print(stdout, o) == LL_OK; /* the layout of every leaklint report */
  cJSON_Delete(o);
  return ok;
}

/* In JSON mode the program's console output goes to stderr. */
static void print_stderr(void *ud, int level, const char *s, size_t n) {
  (void)ud;
  (void)level;
  fwrite(s, 1, n, stderr);
  fputc('\n', stderr);
}

int llrt_cli_run(int argc, char **argv) {
  llrt_config cfg;
  llrt_config_init(&cfg);
  cfg.clock = wall_clock;
  cfg.load = llrt_host_load_file;
  bool stats = false, census = false, real_time = false, json = false, browser = false;
  const char *file = NULL, *entry = NULL;
  unsigned long calls = 1;
  double advance = 1000, max_time = 60000;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--gc-stress")) cfg.gc_stress = true;
    else if (!strcmp(a, "--gc-verify")) cfg.gc_verify = true;
    else if (!strcmp(a, "--stats")) stats = true;
    else if (!strcmp(a, "--census")) census = true;
    else if (!strcmp(a, "--real-time")) real_time = true;
    else if (!strcmp(a, "--browser")) browser = true;
    else if (!strcmp(a, "--format") && i + 1 < argc) {
      const char *f = argv[++i];
      if (!strcmp(f, "json")) json = true;
      else if (strcmp(f, "text")) {
        fprintf(stderr, "leaklint: run: --format expects 'text' or 'json', not '%s'\n", f);
        return 2;
      }
    }
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
  char *src = llrt_host_read_file(file, &len);
  if (!src) {
    fprintf(stderr, "leaklint: run: cannot read '%s'\n", file);
    return 2;
  }
  if (json) cfg.print = print_stderr;
  llrt_state *S = llrt_state_new(&cfg);
  if (!S) {
    free(src);
    fprintf(stderr, "leaklint: run: out of memory\n");
    return 2;
  }
  llrt_result r;
  memset(&r, 0, sizeof r);
  const char *pargv[2] = {"node", file};
  if (!llrt_node_install_ex(S, real_time ? wall_clock(NULL) : 0, real_time) ||
      !llrt_node_set_argv(S, 2, pargv) ||
      (browser && (!llrt_browser_install(S) || !llrt_node_snapshot_globals(S)))) {
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
  if (st != LLRT_OK && llrt_node_exited(S, NULL)) st = LLRT_OK; /* process.exit() */
  for (unsigned long i = 0; st == LLRT_OK && entry && i < calls; i++) {
    if (llrt_node_exited(S, NULL)) break;
    llrt_result_fini(&r);
    st = llrt_node_call(S, file, entry, &r);
    if (st == LLRT_OK) {
      llrt_result_fini(&r);
      st = llrt_loop_run(S, advance, false, &r);
    }
  }
  fflush(stdout);
  int code = 0, exit_code = 0;
  if (llrt_node_exited(S, &exit_code)) {
    st = LLRT_OK; /* process.exit(): a normal end with that code */
    code = exit_code;
  }
  if (st != LLRT_OK) {
    report_failure(&r);
    code = 1;
  }
  llrt_result_fini(&r);
  if (entry || json) {
    run_report rep = {.file = file, .entry = entry, .calls = entry ? calls : 0,
                      .clock_ms = llrt_loop_now(S)};
    report_collect(S, &rep);
    if (json) {
      if (!report_json(&rep)) fprintf(stderr, "leaklint: run: out of memory\n");
    } else {
      printf("run: %s, entry %s called %lu times, %s clock at %g ms\n", file, entry,
             calls, real_time ? "real" : "virtual", llrt_loop_now(S));
      report_text(&rep);
    }
    report_fini(&rep);
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
