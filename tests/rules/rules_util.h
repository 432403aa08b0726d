/* Helpers shared by the rule suites (test_fixtures.c, test_catalog.c,
 * test_examples.c): reading files, listing folders, a growable message
 * buffer, and the fixture-comment parser.
 *
 * Everything is `static inline` so that each suite, a separate executable,
 * compiles its own copy without unused-function warnings. The helpers use
 * the C library's allocator directly: they are test scaffolding, not
 * leaklint code, and every allocation is freed by the suite that made it. */
#ifndef LL_TESTS_RULES_UTIL_H
#define LL_TESTS_RULES_UTIL_H

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "leaklint/leaklint.h"

/* ==== Files and folders ==== */

/** Reads a whole file into a new NUL-terminated buffer (free with `free`),
 * or returns NULL. `*len` gets the size without the NUL. */
static inline char *rt_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0;
  if (!f) return NULL;
  for (;;) {
    if (n + 4096 + 1 > cap) {
      size_t ncap = cap ? cap * 2 : 8192;
      char *nb = realloc(buf, ncap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
      cap = ncap;
    }
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
  }
  fclose(f);
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

static inline bool rt_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static inline bool rt_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static inline int rt_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/** The entry names of folder `dir` (without "." and ".."), sorted, as a new
 * array of new strings; free with `rt_free_names`. NULL when `dir` cannot be
 * opened. */
static inline char **rt_list_dir(const char *dir, size_t *count) {
  DIR *d = opendir(dir);
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  *count = 0;
  if (!d) return NULL;
  while ((e = readdir(d)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      names = realloc(names, cap * sizeof *names);
    }
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, rt_cmp_str);
  *count = n;
  return names ? names : calloc(1, sizeof *names);
}

static inline void rt_free_names(char **names, size_t count) {
  for (size_t i = 0; i < count; i++) free(names[i]);
  free(names);
}

/* ==== A growable text buffer for failure messages ==== */

typedef struct rt_buf {
  char *s;
  size_t len, cap;
  size_t lines; /* how many rt_buf_line calls */
} rt_buf;

static inline void rt_buf_vappend(rt_buf *b, const char *fmt, va_list ap) {
  va_list cp;
  va_copy(cp, ap);
  int need = vsnprintf(NULL, 0, fmt, cp);
  va_end(cp);
  if (need < 0) return;
  if (b->len + (size_t)need + 1 > b->cap) {
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + (size_t)need + 1) ncap *= 2;
    char *ns = realloc(b->s, ncap);
    if (!ns) return;
    b->s = ns;
    b->cap = ncap;
  }
  vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
  b->len += (size_t)need;
}

static inline void rt_buf_append(rt_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void rt_buf_append(rt_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_buf_vappend(b, fmt, ap);
  va_end(ap);
}

/** Appends one mismatch line (a newline is added). */
static inline void rt_buf_line(rt_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void rt_buf_line(rt_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_buf_vappend(b, fmt, ap);
  va_end(ap);
  rt_buf_append(b, "\n");
  b->lines++;
}

static inline const char *rt_buf_str(const rt_buf *b) { return b->s ? b->s : ""; }

static inline void rt_buf_free(rt_buf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = b->lines = 0;
}

/* ==== Analysis ==== */

/** Options with every rule off except `only` (and `parse-error`, kept on so
 * that a fixture that does not parse is noticed). `only` < 0 keeps every
 * rule at its default. */
static inline void rt_options_only(ll_options *o, int only) {
  ll_options_init(o);
  if (only < 0) return;
  int parse_error = ll_rule_find("parse-error");
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    if ((int)i != only && (int)i != parse_error) o->severity[i] = LL_SEV_OFF;
}

/* ==== Fixture comments ====
 *
 * A fixture comment covers the next code line: the next line that is not
 * blank and not a comment. Forms, each alone on its line:
 *
 *   // expect: <id> [error|warning|info] ["message substring"]
 *   // ok: <id>
 *   // todo-expect: <id>     a known miss (the test passes either way)
 *   // todo-ok: <id>         a known false alarm (the test passes either way)
 *
 * The optional severity and quoted substring of `expect:` pin the finding's
 * level and message; without them any finding of the rule on the line
 * matches. */

typedef enum rt_marker_kind {
  RT_EXPECT, RT_OK, RT_TODO_EXPECT, RT_TODO_OK
} rt_marker_kind;

typedef struct rt_marker {
  rt_marker_kind kind;
  char rule[64];
  ll_severity severity; /* LL_SEV_DEFAULT when not given */
  char message[256];    /* "" when not given */
  unsigned line;        /* 1-based line of the comment */
  unsigned target;      /* 1-based line it covers; 0 when none follows */
} rt_marker;

typedef struct rt_markers {
  rt_marker *v;
  size_t n, cap;
  rt_buf errors; /* malformed markers, one line each */
} rt_markers;

static inline const char *rt_skip_ws(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t')) p++;
  return p;
}

static inline bool rt_starts(const char *p, const char *end, const char *s) {
  size_t n = strlen(s);
  return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* Parses the marker at `p` (just after the `//`), if any. Returns true when
 * the comment is a marker (well-formed or not). */
static inline bool rt_parse_marker(rt_markers *ms, const char *file,
                                   unsigned line, const char *p,
                                   const char *end) {
  static const struct { const char *word; rt_marker_kind kind; } forms[] = {
      {"todo-expect:", RT_TODO_EXPECT},
      {"todo-ok:", RT_TODO_OK},
      {"expect:", RT_EXPECT},
      {"ok:", RT_OK},
  };
  rt_marker m;
  memset(&m, 0, sizeof m);
  m.severity = LL_SEV_DEFAULT;
  m.line = line;
  p = rt_skip_ws(p, end);
  size_t f;
  for (f = 0; f < sizeof forms / sizeof forms[0]; f++)
    if (rt_starts(p, end, forms[f].word)) break;
  if (f == sizeof forms / sizeof forms[0]) return false;
  m.kind = forms[f].kind;
  p = rt_skip_ws(p + strlen(forms[f].word), end);
  size_t n = 0;
  while (p < end && (isalnum((unsigned char)*p) || *p == '-' || *p == '_')) {
    if (n + 1 < sizeof m.rule) m.rule[n++] = *p;
    p++;
  }
  m.rule[n] = '\0';
  if (n == 0) {
    rt_buf_line(&ms->errors, "%s:%u: marker without a rule id", file, line);
    return true;
  }
  p = rt_skip_ws(p, end);
  if (m.kind == RT_EXPECT) {
    static const struct { const char *word; ll_severity sev; } sevs[] = {
        {"error", LL_SEV_ERROR}, {"warning", LL_SEV_WARNING}, {"info", LL_SEV_INFO}};
    for (size_t s = 0; s < sizeof sevs / sizeof sevs[0]; s++) {
      size_t wl = strlen(sevs[s].word);
      if (rt_starts(p, end, sevs[s].word) &&
          (p + wl == end || p[wl] == ' ' || p[wl] == '\t')) {
        m.severity = sevs[s].sev;
        p = rt_skip_ws(p + wl, end);
        break;
      }
    }
    if (p < end && *p == '"') {
      const char *q = memchr(p + 1, '"', (size_t)(end - p - 1));
      /* The substring runs to the last quote, so it may contain quotes. */
      for (const char *r = q; r && r < end; r = memchr(r + 1, '"', (size_t)(end - r - 1)))
        q = r;
      if (!q || q == p) {
        rt_buf_line(&ms->errors, "%s:%u: unterminated message in marker", file, line);
        return true;
      }
      size_t ml = (size_t)(q - p - 1);
      if (ml >= sizeof m.message) ml = sizeof m.message - 1;
      memcpy(m.message, p + 1, ml);
      m.message[ml] = '\0';
      p = rt_skip_ws(q + 1, end);
    }
  }
  if (p < end && !rt_starts(p, end, "--")) {
    rt_buf_line(&ms->errors, "%s:%u: unexpected text after the marker: %.*s",
                file, line, (int)(end - p), p);
    return true;
  }
  if (ms->n == ms->cap) {
    ms->cap = ms->cap ? ms->cap * 2 : 32;
    ms->v = realloc(ms->v, ms->cap * sizeof *ms->v);
  }
  ms->v[ms->n++] = m;
  return true;
}

/** Collects the markers of `src` (any rule id). Comment lines are `//`
 * lines and block comments; a marker's target is the next other line. */
static inline void rt_markers_parse(rt_markers *ms, const char *file,
                                    const char *src, size_t len) {
  size_t pending_from = ms->n; /* markers still waiting for their target */
  bool in_block = false;
  unsigned line = 0;
  const char *p = src, *end = src + len;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    const char *le = eol;
    if (le > p && le[-1] == '\r') le--;
    line++;
    const char *t = rt_skip_ws(p, le);
    if (in_block) {
      const char *close = NULL;
      for (const char *q = t; q + 1 < le; q++)
        if (q[0] == '*' && q[1] == '/') { close = q; break; }
      if (close) in_block = false;
    } else if (t == le) {
      /* blank */
    } else if (rt_starts(t, le, "//")) {
      rt_parse_marker(ms, file, line, t + 2, le);
    } else if (rt_starts(t, le, "/*")) {
      const char *close = NULL;
      for (const char *q = t + 2; q + 1 < le; q++)
        if (q[0] == '*' && q[1] == '/') { close = q; break; }
      if (!close) in_block = true;
    } else {
      for (size_t i = pending_from; i < ms->n; i++) ms->v[i].target = line;
      pending_from = ms->n;
      /* A marker at the end of a code line covers nothing: say so. */
      for (const char *q = t; q + 1 < le; q++) {
        if (q[0] == '/' && q[1] == '/') {
          const char *c = rt_skip_ws(q + 2, le);
          if (rt_starts(c, le, "expect:") || rt_starts(c, le, "ok:") ||
              rt_starts(c, le, "todo-expect:") || rt_starts(c, le, "todo-ok:"))
            rt_buf_line(&ms->errors,
                        "%s:%u: a fixture marker must be alone on its line "
                        "(it covers the next code line)", file, line);
          break;
        }
      }
    }
    p = eol < end ? eol + 1 : end;
  }
  for (size_t i = pending_from; i < ms->n; i++)
    rt_buf_line(&ms->errors, "%s:%u: marker is not followed by a code line",
                file, ms->v[i].line);
}

static inline void rt_markers_free(rt_markers *ms) {
  free(ms->v);
  rt_buf_free(&ms->errors);
  memset(ms, 0, sizeof *ms);
}

#endif
