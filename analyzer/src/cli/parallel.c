/* Running N independent items on worker threads (cli.h): each thread takes
 * the next index atomically; the calling thread works too. Items share
 * nothing through this code; each `fn(ud, i)` owns item i. */
#include <stdatomic.h>

#include <uv.h>

#include "base/alloc.h"
#include "cli/cli.h"

typedef struct parallel {
  void (*fn)(void *ud, size_t i);
  void *ud;
  size_t n;
  atomic_size_t next;
} parallel;

static void worker(void *arg) {
  parallel *p = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&p->next, 1);
    if (i >= p->n) break;
    p->fn(p->ud, i);
  }
}

void ll_cli_parallel(size_t n, unsigned jobs, void (*fn)(void *ud, size_t i), void *ud) {
  if (!n) return;
  parallel p = {.fn = fn, .ud = ud, .n = n};
  atomic_init(&p.next, 0);
  unsigned nthreads = jobs ? jobs : uv_available_parallelism();
  if (nthreads == 0) nthreads = 1;
  if (nthreads > n) nthreads = (unsigned)n;
  /* `-j N` means N threads in all: N - 1 helpers plus this one. */
  uv_thread_t *threads = nthreads > 1 ? ll_calloc(nthreads - 1, sizeof *threads) : NULL;
  unsigned started = 0;
  for (; threads && started < nthreads - 1; started++)
    if (uv_thread_create(&threads[started], worker, &p) != 0) break;
  worker(&p); /* the calling thread finishes alone if no helper started */
  for (unsigned i = 0; i < started; i++) uv_thread_join(&threads[i]);
  ll_free(threads);
}
