/* Growable string. Appends after a failed allocation are dropped and
 * `failed` stays set, so callers check once at the end. */
#include "base/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"

void ll_strbuf_init(ll_strbuf *b) { memset(b, 0, sizeof *b); }

void ll_strbuf_fini(ll_strbuf *b) {
  ll_free(b->data);
  memset(b, 0, sizeof *b);
}

static bool reserve(ll_strbuf *b, size_t extra) {
  if (b->failed) return false;
  if (b->len + extra + 1 <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = ll_realloc(b->data, cap);
  if (!p) {
    b->failed = true;
    return false;
  }
  b->data = p;
  b->cap = cap;
  return true;
}

void ll_strbuf_append(ll_strbuf *b, const char *s, size_t n) {
  if (!reserve(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void ll_strbuf_puts(ll_strbuf *b, const char *s) {
  ll_strbuf_append(b, s, strlen(s));
}

void ll_strbuf_putc(ll_strbuf *b, char c) { ll_strbuf_append(b, &c, 1); }

void ll_strbuf_printf(ll_strbuf *b, const char *fmt, ...) {
  va_list ap, copy;
  va_start(ap, fmt);
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n >= 0 && reserve(b, (size_t)n)) {
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
  }
  va_end(ap);
}

const char *ll_strbuf_str(const ll_strbuf *b) { return b->data ? b->data : ""; }

char *ll_strbuf_take(ll_strbuf *b) {
  char *s = b->data;
  if (!s) s = ll_strdup("");
  memset(b, 0, sizeof *b);
  return s;
}
