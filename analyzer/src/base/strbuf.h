/* A growable NUL-terminated string, for building output. */
#ifndef LL_BASE_STRBUF_H
#define LL_BASE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ll_strbuf {
  char *data; /* NUL-terminated once anything was appended; NULL before */
  size_t len, cap;
  bool failed; /* an allocation failed: further appends are ignored */
} ll_strbuf;

void ll_strbuf_init(ll_strbuf *b);
void ll_strbuf_fini(ll_strbuf *b);
void ll_strbuf_append(ll_strbuf *b, const char *s, size_t n);
void ll_strbuf_puts(ll_strbuf *b, const char *s);
void ll_strbuf_putc(ll_strbuf *b, char c);
void ll_strbuf_printf(ll_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/** Returns the text (never NULL: "" when empty); the buffer still owns it. */
const char *ll_strbuf_str(const ll_strbuf *b);
/** Hands the text to the caller (free with `ll_free`), leaving `b` empty. */
char *ll_strbuf_take(ll_strbuf *b);

#endif
