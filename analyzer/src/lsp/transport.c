/* Content-Length framing for the language server: turns the byte stream of
 * stdin into message bodies.
 *
 *   Content-Length: 52\r\n
 *   Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n   (optional)
 *   \r\n
 *   {"jsonrpc":"2.0",...}
 *
 * Invariants: the framer never fails and never stops. A header block without
 * a usable Content-Length is reported and dropped; bytes that are not a
 * header line (left over from a wrong Content-Length, say) are reported and
 * dropped, and parsing resynchronises at the next header; a body over the
 * cap is skipped byte by byte without being buffered, so a hostile length
 * cannot make the server allocate it. Header names are case-insensitive and
 * bare "\n" line ends are accepted. This module does no I/O and knows no
 * JSON: it hands bodies and complaints to its two callbacks. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "lsp/lsp.h"

void ll_lsp_framer_init(ll_lsp_framer *f, size_t max_body,
                        ll_lsp_body_fn on_body, ll_lsp_frame_error_fn on_error,
                        void *ud) {
  memset(f, 0, sizeof *f);
  f->max_body = max_body ? max_body : LL_LSP_MAX_MESSAGE;
  f->on_body = on_body;
  f->on_error = on_error;
  f->ud = ud;
}

void ll_lsp_framer_fini(ll_lsp_framer *f) {
  ll_free(f->buf);
  f->buf = NULL;
  f->len = f->cap = 0;
}

static void complain(ll_lsp_framer *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void complain(ll_lsp_framer *f, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (f->on_error) f->on_error(f->ud, msg);
}

/* Drops the first `n` buffered bytes. */
static void consume(ll_lsp_framer *f, size_t n) {
  if (n >= f->len) {
    f->len = 0;
    return;
  }
  memmove(f->buf, f->buf + n, f->len - n);
  f->len -= n;
}

static bool reserve(ll_lsp_framer *f, size_t need) {
  if (need <= f->cap) return true;
  size_t cap = f->cap ? f->cap : 4096;
  while (cap < need) cap *= 2;
  char *p = ll_realloc(f->buf, cap);
  if (!p) return false;
  f->buf = p;
  f->cap = cap;
  return true;
}

/* The end of the header block in buf[0..len): the offset just past its blank
 * line, or 0 when it has not fully arrived. Accepts "\r\n\r\n" and "\n\n". */
static size_t header_end(const char *buf, size_t len) {
  for (size_t i = 0; i + 1 < len; i++) {
    if (buf[i] != '\n') continue;
    if (buf[i + 1] == '\n') return i + 2;
    if (buf[i + 1] == '\r' && i + 2 < len && buf[i + 2] == '\n') return i + 3;
  }
  return 0;
}

/* Shows up to 40 bytes of `s[0..n)` printably, for messages. */
static void printable(char *out, size_t cap, const char *s, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n && o + 5 < cap && i < 40; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x7f && c != '"') out[o++] = (char)c;
    else o += (size_t)snprintf(out + o, cap - o, "\\x%02x", c);
  }
  if (n > 40 && o + 4 < cap) out[o++] = '.', out[o++] = '.', out[o++] = '.';
  out[o] = '\0';
}

/* The start of "Content-Length:" (any case) in line[0..n), or NULL. */
static const char *find_length_header(const char *line, size_t n) {
  for (size_t i = 0; i + 15 <= n; i++)
    if (strncasecmp(line + i, "Content-Length:", 15) == 0) return line + i;
  return NULL;
}

/* True when s[0..n) is an HTTP header name (letters, digits, '-'). */
static bool is_token(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
      return false;
  return n > 0;
}

/* Parses the header block buf[0..end). Returns true with `*length` set when it
 * holds one valid Content-Length; reports every problem it meets. */
static bool parse_headers(ll_lsp_framer *f, size_t end, size_t *length,
                          bool *too_big) {
  const char *p = f->buf, *stop = f->buf + end;
  bool found = false, bad = false;
  *too_big = false;
  while (p < stop) {
    const char *nl = memchr(p, '\n', (size_t)(stop - p));
    const char *eol = nl ? nl : stop;
    size_t n = (size_t)(eol - p);
    if (n && p[n - 1] == '\r') n--;
    if (n == 0) break; /* the blank line */
    char shown[256];
    /* Bytes left over from a wrong Content-Length may precede a header on
     * its line: resynchronise at a "Content-Length:" found inside it. */
    const char *cl = find_length_header(p, n);
    if (cl && cl > p) {
      printable(shown, sizeof shown, p, (size_t)(cl - p));
      complain(f, "ignored %zu bytes that are not a message header: \"%s\"",
               (size_t)(cl - p), shown);
      n -= (size_t)(cl - p);
      p = cl;
    }
    const char *colon = memchr(p, ':', n);
    if (!colon || colon == p || !is_token(p, (size_t)(colon - p))) {
      printable(shown, sizeof shown, p, n);
      complain(f, "ignored %zu bytes that are not a message header: \"%s\"", n,
               shown);
    } else if ((size_t)(colon - p) == 14 &&
               strncasecmp(p, "Content-Length", 14) == 0) {
      const char *v = colon + 1, *ve = p + n;
      while (v < ve && (*v == ' ' || *v == '\t')) v++;
      while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
      size_t val = 0;
      bool ok = v < ve, big = false;
      for (const char *d = v; d < ve; d++) {
        if (!isdigit((unsigned char)*d)) {
          ok = false;
          break;
        }
        if (val > (SIZE_MAX - 9) / 10) big = true;
        else val = val * 10 + (size_t)(*d - '0');
      }
      printable(shown, sizeof shown, v, (size_t)(ve - v));
      if (!ok) {
        complain(f, "invalid Content-Length \"%s\": the message is dropped",
                 shown);
        bad = true;
      } else if (found && val != *length) {
        complain(f, "two different Content-Length headers: the message is "
                    "dropped");
        bad = true;
      } else {
        found = true;
        *length = val;
        if (big || val > f->max_body) *too_big = true, *length = big ? SIZE_MAX : val;
      }
    }
    /* Other headers (Content-Type) are accepted and ignored. */
    p = nl ? nl + 1 : stop;
  }
  if (!found && !bad)
    complain(f, "a message header block has no Content-Length: it is "
                "dropped");
  return found && !bad;
}

ll_status ll_lsp_framer_feed(ll_lsp_framer *f, const char *data, size_t len) {
  while (len > 0 || (f->in_body && f->len >= f->body)) {
    if (f->skip) { /* dropping an oversized body as it streams past */
      size_t n = len < f->skip ? len : f->skip;
      f->skip -= n;
      data += n, len -= n;
      continue;
    }
    if (f->in_body) {
      size_t want = f->body - f->len;
      size_t n = len < want ? len : want;
      if (f->len == 0 && n == f->body && f->body > 0) {
        f->in_body = false; /* a whole body in the input: no copy */
        f->on_body(f->ud, data, n);
        data += n, len -= n;
        continue;
      }
      if (!reserve(f, f->body + 1)) {
        complain(f, "out of memory buffering a %zu-byte message: it is "
                    "dropped", f->body);
        f->in_body = false;
        f->skip = f->body - f->len;
        f->len = 0;
        continue;
      }
      memcpy(f->buf + f->len, data, n);
      f->len += n;
      data += n, len -= n;
      if (f->len == f->body) {
        f->in_body = false;
        f->len = 0;
        f->on_body(f->ud, f->buf, f->body);
      }
      continue;
    }
    /* Headers: buffer until the blank line. */
    size_t take = len;
    if (!reserve(f, f->len + take + 1)) {
      complain(f, "out of memory reading message headers: input dropped");
      f->len = 0;
      return LL_ENOMEM;
    }
    memcpy(f->buf + f->len, data, take);
    f->len += take;
    data += take, len -= take;
    for (;;) {
      size_t end = header_end(f->buf, f->len);
      if (!end) {
        if (f->len > LL_LSP_MAX_HEADER) {
          complain(f, "%zu bytes arrived without the blank line that ends a "
                      "message header: they are dropped", f->len - 3);
          consume(f, f->len - 3);
        }
        break;
      }
      size_t length = 0;
      bool too_big = false;
      bool ok = parse_headers(f, end, &length, &too_big);
      consume(f, end);
      if (!ok) continue;
      if (too_big) {
        if (length == SIZE_MAX)
          complain(f, "Content-Length is too large to represent: the rest of "
                      "the input is dropped");
        else
          complain(f, "a %zu-byte message is over the %zu-byte limit: it is "
                      "skipped", length, f->max_body);
        /* Drop what is already buffered of it, then the rest as it comes. */
        size_t have = f->len < length ? f->len : length;
        consume(f, have);
        f->skip = length - have;
        if (f->skip) break; /* everything buffered was dropped */
        continue;
      }
      f->body = length;
      f->in_body = true;
      if (length == 0) {
        f->in_body = false;
        f->on_body(f->ud, "", 0);
        continue;
      }
      if (f->len >= length) { /* the body is already buffered */
        f->in_body = false;
        /* on_body may not re-enter the framer; copy the rest out first. */
        char *body = ll_strndup(f->buf, length);
        consume(f, length);
        if (!body) {
          complain(f, "out of memory handling a %zu-byte message: it is "
                      "dropped", length);
          continue;
        }
        f->on_body(f->ud, body, length);
        ll_free(body);
        continue;
      }
      /* Part of the body is buffered: continue in the body branch. */
      break;
    }
  }
  return LL_OK;
}
