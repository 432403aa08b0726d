/* The allocator: one entry point with sized free, per-type accounting.
 *
 * Small blocks (up to 256 bytes) come from segregated free lists, one per
 * 16-byte size class, carved from 64 KiB chunks; larger blocks form the
 * large-object space and come straight from malloc. Every byte is counted
 * against a type (types.def) when allocated and uncounted when freed with
 * the same size, so `S->live_bytes[tt]` is exact at all times; the collector
 * and the census read it.
 *
 * Under the sanitizers (`LLRT_SYSTEM_MALLOC`) every block comes from malloc
 * so AddressSanitizer sees use-after-free of collected objects.
 *
 * Must never: collect (only `llrt__alloc` in gc.c decides that), or hand out
 * memory without counting it. */
#include <stdlib.h>

#include "gc.h"
#include "heap.h"

#define CHUNK_BYTES (64 * 1024)

#ifndef LLRT_SYSTEM_MALLOC

static size_t class_of(size_t size) { return (size + 15) / 16 - 1; }

static void *chunk_refill(llrt_state *S, size_t cls) {
  size_t bsize = (cls + 1) * 16;
  char *chunk = malloc(CHUNK_BYTES);
  if (!chunk) return NULL;
  if (S->nchunks == S->chunkcap) {
    size_t cap = S->chunkcap ? S->chunkcap * 2 : 16;
    void **c = realloc(S->chunks, cap * sizeof *c);
    if (!c) {
      free(chunk);
      return NULL;
    }
    S->chunks = c;
    S->chunkcap = cap;
  }
  S->chunks[S->nchunks++] = chunk;
  /* Thread the chunk's blocks onto the class's free list. */
  size_t nblocks = CHUNK_BYTES / bsize;
  for (size_t i = 0; i < nblocks; i++) {
    void **b = (void **)(chunk + i * bsize);
    *b = S->classes[cls].free;
    S->classes[cls].free = b;
  }
  S->classes[cls].nfree += nblocks;
  return S->classes[cls].free;
}
#endif

void *llrt__raw_alloc(llrt_state *S, size_t size) {
#ifdef LLRT_SYSTEM_MALLOC
  (void)S;
  return malloc(size ? size : 1);
#else
  if (size == 0) size = 1;
  if (size > 256) return malloc(size);
  size_t cls = class_of(size);
  llrt_sizeclass *c = &S->classes[cls];
  if (!c->free && !chunk_refill(S, cls)) return NULL;
  void **b = c->free;
  c->free = *b;
  c->nfree--;
  return b;
#endif
}

void llrt__raw_free(llrt_state *S, void *p, size_t size) {
  if (!p) return;
#ifdef LLRT_SYSTEM_MALLOC
  (void)S;
  (void)size;
  free(p);
#else
  if (size == 0) size = 1;
  if (size > 256) {
    free(p);
    return;
  }
  size_t cls = class_of(size);
  void **b = p;
  *b = S->classes[cls].free;
  S->classes[cls].free = b;
  S->classes[cls].nfree++;
#endif
}

void llrt__account(llrt_state *S, int tt, long delta) {
  S->live_bytes[tt] += (size_t)delta;
  S->total_bytes += (size_t)delta;
  if (delta > 0) {
    S->bytes_allocated += (size_t)delta;
    S->since_gc += (size_t)delta;
  } else {
    S->bytes_freed += (size_t)-delta;
  }
}

void *llrt__mem_alloc(llrt_state *S, int tt, size_t size) {
  if (S->cfg.fail_alloc_at && ++S->nalloc == S->cfg.fail_alloc_at) {
    S->oom = true;
    return NULL;
  }
  void *p = llrt__raw_alloc(S, size);
  if (!p) {
    S->oom = true;
    return NULL;
  }
  llrt__account(S, tt, (long)size);
  return p;
}

void *llrt__mem_realloc(llrt_state *S, int tt, void *p, size_t old,
                        size_t size) {
  if (!p) return llrt__mem_alloc(S, tt, size);
  void *q = llrt__mem_alloc(S, tt, size);
  if (!q) return NULL;
  memcpy(q, p, old < size ? old : size);
  llrt__mem_free(S, tt, p, old);
  return q;
}

void llrt__mem_free(llrt_state *S, int tt, void *p, size_t size) {
  if (!p) return;
  llrt__raw_free(S, p, size);
  llrt__account(S, tt, -(long)size);
}

void llrt__heap_fini(llrt_state *S) {
  for (size_t i = 0; i < S->nchunks; i++) free(S->chunks[i]);
  free(S->chunks);
  S->chunks = NULL;
  S->nchunks = S->chunkcap = 0;
  memset(S->classes, 0, sizeof S->classes);
}
