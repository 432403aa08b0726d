/* Minor-collection pauses against old-generation size, and census time.
 *
 * For each old-generation size it builds that many bytes of long-lived
 * objects, promotes them with a major collection and `promote_age` minors,
 * then runs a young-garbage workload and reports the median/p99/max minor
 * pause. A flat median across sizes shows that minors do not scan the old
 * generation. Then it times `llrt_census` on a heap of 1M objects.
 * Usage: llrt-bench-gc [MB...]   (default: 0 50 200) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/include/llrt.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void eval(llrt_state *S, const char *src) {
  llrt_result r;
  if (llrt_eval(S, "bench.js", src, strlen(src), false, &r) != LLRT_OK) {
    fprintf(stderr, "bench: %s\n", r.message ? r.message : "?");
    exit(1);
  }
  llrt_result_fini(&r);
}

int main(int argc, char **argv) {
  int sizes[8] = {0, 50, 200};
  int nsizes = 3;
  if (argc > 1) {
    nsizes = 0;
    for (int i = 1; i < argc && nsizes < 8; i++) sizes[nsizes++] = atoi(argv[i]);
  }
  printf("old-gen MB | live MB | minors | minor median ms | p99 ms | max ms\n");
  for (int i = 0; i < nsizes; i++) {
    llrt_config c;
    llrt_config_init(&c);
    c.major_growth = 10000; /* keep majors out of the measured phase */
    llrt_state *S = llrt_state_new(&c);
    char src[512];
    /* ~100 bytes per { a, b } object with its property table. */
    snprintf(src, sizeof src,
             "var old = []; for (var i = 0; i < %d; i++) old.push({ a: i, b: null });",
             sizes[i] * 10000);
    eval(S, src);
    llrt_gc_major(S);
    llrt_gc_minor(S);
    llrt_gc_minor(S);
    llrt_gc_reset_stats(S);
    /* Young garbage with a few survivors written into old objects. */
    eval(S, "var keep = [];"
            "for (var j = 0; j < 300000; j++) { var t = { x: j, y: [j] };"
            "  if (j % 1000 === 0) { keep.push(t); if (old.length) old[j % old.length].b = t; } }");
    llrt_gc_stats st;
    llrt_gc_get_stats(S, &st);
    printf("%10d | %7.1f | %6llu | %15.3f | %6.3f | %6.3f\n", sizes[i],
           st.live_bytes / 1048576.0, (unsigned long long)st.minors,
           st.minor_median_ms, st.minor_p99_ms, st.minor_max_ms);
    llrt_state_free(S);
  }
  /* Census of a heap with 1M objects. */
  llrt_config c;
  llrt_config_init(&c);
  llrt_state *S = llrt_state_new(&c);
  eval(S, "var objs = []; for (var i = 0; i < 1000000; i++) objs.push({ i: i });");
  llrt_gc_major(S);
  double t0 = now_ms();
  size_t n = 0;
  llrt_census_row *rows = llrt_census(S, &n);
  double t1 = now_ms();
  llrt_gc_stats st;
  llrt_gc_get_stats(S, &st);
  printf("census: %zu live objects, %zu rows, %.1f ms (incl. its major collection)\n",
         st.live_objects, n, t1 - t0);
  free(rows);
  llrt_state_free(S);
  return 0;
}
