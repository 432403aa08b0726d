/* Bump allocator over a chain of blocks. Blocks grow geometrically up to a
 * cap; an allocation larger than a block gets a block of its own. Nothing is
 * freed individually: `ll_arena_free` releases every block. */
#include "base/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"

typedef struct block {
  struct block *next;
  size_t size, used;
  _Alignas(max_align_t) unsigned char data[];
} block;

struct ll_arena {
  block *head;
  size_t next_size;
  size_t total;
};

enum { FIRST_BLOCK = 4096, MAX_BLOCK = 1 << 20 };

ll_arena *ll_arena_new_sized(size_t first) {
  ll_arena *a = ll_calloc(1, sizeof *a);
  if (a) a->next_size = first ? first : FIRST_BLOCK;
  return a;
}

ll_arena *ll_arena_new(void) { return ll_arena_new_sized(FIRST_BLOCK); }

void ll_arena_free(ll_arena *a) {
  if (!a) return;
  for (block *b = a->head, *next; b; b = next) {
    next = b->next;
    ll_free(b);
  }
  ll_free(a);
}

void *ll_arena_alloc(ll_arena *a, size_t n) {
  const size_t align = _Alignof(max_align_t);
  if (n > SIZE_MAX - sizeof(block) - align) return NULL; /* would wrap */
  n = (n + align - 1) & ~(align - 1);
  if (n == 0) n = align;
  block *b = a->head;
  if (!b || b->size - b->used < n) {
    size_t size = a->next_size;
    if (size < n) size = n;
    b = ll_malloc(sizeof *b + size);
    if (!b) return NULL;
    b->size = size;
    b->used = 0;
    /* A block made just for one big allocation goes second, so the current
     * block keeps serving small ones. */
    if (a->head && n > a->next_size) {
      b->next = a->head->next;
      a->head->next = b;
    } else {
      b->next = a->head;
      a->head = b;
      if (a->next_size < MAX_BLOCK) a->next_size *= 2;
    }
  }
  void *p = b->data + b->used;
  b->used += n;
  a->total += n;
  memset(p, 0, n);
  return p;
}

char *ll_arena_strndup(ll_arena *a, const char *s, size_t n) {
  char *r = ll_arena_alloc(a, n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

char *ll_arena_strdup(ll_arena *a, const char *s) {
  return ll_arena_strndup(a, s, strlen(s));
}

char *ll_arena_vprintf(ll_arena *a, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0) return NULL;
  char *r = ll_arena_alloc(a, (size_t)n + 1);
  if (r) vsnprintf(r, (size_t)n + 1, fmt, ap);
  return r;
}

char *ll_arena_printf(ll_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *r = ll_arena_vprintf(a, fmt, ap);
  va_end(ap);
  return r;
}

size_t ll_arena_used(const ll_arena *a) { return a->total; }
