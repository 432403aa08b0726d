/* Document text for the language server: the bytes of an open document, a
 * line-start table, conversion between LSP positions (0-based line, UTF-16
 * code units) and byte offsets, incremental edits, and file URIs.
 *
 * Invariants: `data` is always NUL-terminated UTF-8 as the client sent it;
 * `lines` always matches `data` (rebuilt after every edit: one pass over the
 * text, far cheaper than the analysis that follows). A position converts by
 * indexing its line and walking only that line, never the whole text (the
 * oxlint lesson in notes/lsp-anchors.md). Out-of-range positions are
 * clamped, never trusted: no edit can write outside the buffer. Tree-sitter
 * points (rows end at "\n" only, byte columns) come from the same table
 * unless the text has a lone "\r" line break. This module knows nothing of
 * JSON or of the server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "lsp/lsp.h"

/* ==== Line table ==== */

static bool push_line(ll_lsp_text *t, uint32_t off) {
  if (t->nlines == t->lines_cap) {
    uint32_t cap = t->lines_cap ? t->lines_cap * 2 : 64;
    uint32_t *p = ll_realloc(t->lines, (size_t)cap * sizeof *p);
    if (!p) return false;
    t->lines = p;
    t->lines_cap = cap;
  }
  t->lines[t->nlines++] = off;
  return true;
}

static ll_status index_lines(ll_lsp_text *t) {
  t->nlines = 0;
  t->lone_cr = 0;
  if (!push_line(t, 0)) return LL_ENOMEM;
  const char *s = t->data;
  for (size_t i = 0; i < t->len; i++) {
    char c = s[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= t->len || s[i + 1] != '\n'))) {
      if (c == '\r') t->lone_cr++;
      if (!push_line(t, (uint32_t)(i + 1))) return LL_ENOMEM;
    }
  }
  return LL_OK;
}

ll_status ll_lsp_text_set(ll_lsp_text *t, const char *s, size_t n) {
  if (n > UINT32_MAX - 1) return LL_ETOOBIG;
  if (n + 1 > t->cap) {
    char *p = ll_realloc(t->data, n + 1);
    if (!p) return LL_ENOMEM;
    t->data = p;
    t->cap = n + 1;
  }
  if (n) memcpy(t->data, s, n);
  t->data[n] = '\0';
  t->len = n;
  return index_lines(t);
}

void ll_lsp_text_fini(ll_lsp_text *t) {
  ll_free(t->data);
  ll_free(t->lines);
  memset(t, 0, sizeof *t);
}

/* End of line `line`'s content (before its break). */
static size_t line_content_end(const ll_lsp_text *t, uint32_t line) {
  size_t end = line + 1 < t->nlines ? t->lines[line + 1] : t->len;
  if (end > t->lines[line] && t->data[end - 1] == '\n') end--;
  if (end > t->lines[line] && t->data[end - 1] == '\r') end--;
  return end;
}

const char *ll_lsp_text_line(const ll_lsp_text *t, uint32_t line, size_t *len) {
  if (!t->data || line >= t->nlines) return NULL;
  size_t start = t->lines[line];
  *len = line_content_end(t, line) - start;
  return t->data + start;
}

/* ==== Positions ==== */

/* The length of the UTF-8 sequence that starts with byte `c` (1 for bytes
 * that cannot start one, so malformed text still advances). */
static size_t seq_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

size_t ll_lsp_text_offset(const ll_lsp_text *t, ll_lsp_pos p,
                          unsigned *clamped) {
  unsigned c = 0;
  size_t off;
  if (!t->data || t->nlines == 0) {
    if (p.line || p.character) c |= LL_LSP_CLAMP_LINE;
    off = 0;
    goto done;
  }
  if (p.line >= t->nlines) {
    c |= LL_LSP_CLAMP_LINE;
    off = t->len;
    goto done;
  }
  off = t->lines[p.line];
  size_t end = line_content_end(t, p.line);
  uint32_t units = 0;
  while (units < p.character) {
    if (off >= end) {
      c |= LL_LSP_CLAMP_CHAR;
      break;
    }
    size_t n = seq_len((unsigned char)t->data[off]);
    if (off + n > end) n = end - off;
    uint32_t w = n == 4 ? 2 : 1; /* astral characters are surrogate pairs */
    if (units + w > p.character) break; /* inside a pair: its start */
    units += w;
    off += n;
  }
done:
  if (clamped) *clamped |= c;
  return off;
}

ll_lsp_pos ll_lsp_text_pos(const ll_lsp_text *t, size_t off) {
  ll_lsp_pos p = {0, 0};
  if (!t->data || t->nlines == 0) return p;
  if (off > t->len) off = t->len;
  uint32_t lo = 0, hi = t->nlines; /* last line start <= off */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (t->lines[mid] <= off) lo = mid;
    else hi = mid;
  }
  p.line = lo;
  size_t end = line_content_end(t, lo);
  if (off > end) off = end;
  for (size_t i = t->lines[lo]; i < off;) {
    size_t n = seq_len((unsigned char)t->data[i]);
    p.character += n == 4 ? 2 : 1;
    i += n;
  }
  return p;
}

ll_lsp_span ll_lsp_text_span(const ll_lsp_text *t, const ll_lsp_range *range,
                             unsigned *clamped) {
  ll_lsp_span sp;
  sp.start = ll_lsp_text_offset(t, range->start, clamped);
  sp.end = ll_lsp_text_offset(t, range->end, clamped);
  if (sp.end < sp.start) {
    if (clamped) *clamped |= LL_LSP_CLAMP_ORDER;
    sp.end = sp.start;
  }
  return sp;
}

ll_status ll_lsp_text_replace(ll_lsp_text *t, ll_lsp_span sp, const char *s,
                              size_t n) {
  size_t a = sp.start, b = sp.end;
  if (b > t->len) b = t->len;
  if (a > b) a = b;
  size_t new_len = t->len - (b - a) + n;
  if (new_len > UINT32_MAX - 1) return LL_ETOOBIG;
  if (new_len + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 64;
    while (cap < new_len + 1) cap *= 2;
    char *p = ll_realloc(t->data, cap);
    if (!p) return LL_ENOMEM;
    t->data = p;
    t->cap = cap;
  }
  memmove(t->data + a + n, t->data + b, t->len - b);
  if (n) memcpy(t->data + a, s, n);
  t->len = new_len;
  t->data[new_len] = '\0';
  return index_lines(t);
}

ll_status ll_lsp_text_edit(ll_lsp_text *t, const ll_lsp_range *range,
                           const char *s, size_t n, unsigned *clamped) {
  if (!range) return ll_lsp_text_set(t, s, n);
  return ll_lsp_text_replace(t, ll_lsp_text_span(t, range, clamped), s, n);
}

/* ==== Tree-sitter points ==== */

ll_point ll_lsp_text_point(const ll_lsp_text *t, size_t off) {
  ll_point p = {0, 0};
  if (!t->data || t->nlines == 0) return p;
  if (off > t->len) off = t->len;
  if (t->lone_cr == 0) {
    /* Every line break ends in "\n": LSP lines are tree-sitter rows. */
    uint32_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (t->lines[mid] <= off) lo = mid;
      else hi = mid;
    }
    p.row = lo;
    p.column = (uint32_t)(off - t->lines[lo]);
    return p;
  }
  /* A lone "\r" breaks an LSP line but not a tree-sitter row: count. */
  size_t line = 0;
  for (const char *q = t->data, *end = t->data + off;
       (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++) {
    p.row++;
    line = (size_t)(q - t->data) + 1;
  }
  p.column = (uint32_t)(off - line);
  return p;
}

ll_point ll_lsp_point_after(ll_point start, const char *s, size_t n) {
  const char *nl = NULL;
  for (const char *q = s, *end = s + n;
       (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++) {
    start.row++;
    nl = q;
  }
  start.column = nl ? (uint32_t)(s + n - nl - 1) : start.column + (uint32_t)n;
  return start;
}

/* ==== URIs ==== */

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char *ll_lsp_uri_to_path(const char *uri) {
  if (!uri || strncmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  /* An authority ("file://host/path") other than localhost is not ours. */
  if (*p != '/') {
    if (strncmp(p, "localhost/", 10) != 0) return NULL;
    p += 9;
  }
  size_t n = strlen(p);
  char *out = ll_malloc(n + 1), *o = out;
  if (!out) return NULL;
  for (; *p && *p != '?' && *p != '#'; p++) {
    if (*p == '%') {
      int hi = hexval(p[1]), lo = hi < 0 ? -1 : hexval(p[2]);
      if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
        ll_free(out);
        return NULL;
      }
      *o++ = (char)(hi * 16 + lo);
      p += 2;
    } else {
      *o++ = *p;
    }
  }
  *o = '\0';
  /* Windows-style "/c:/x" is not a path here; leave it as written. */
  return out;
}

char *ll_lsp_path_to_uri(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = strlen(path);
  char *out = ll_malloc(7 + 3 * n + 1), *o = out;
  if (!out) return NULL;
  memcpy(o, "file://", 7);
  o += 7;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned char c = *p;
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || strchr("/-._~!$&'()*+,;=:@", c);
    if (keep) {
      *o++ = (char)c;
    } else {
      *o++ = '%';
      *o++ = hex[c >> 4];
      *o++ = hex[c & 15];
    }
  }
  *o = '\0';
  return out;
}
