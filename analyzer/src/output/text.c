/* Text output for people: ESLint's "stylish" layout with a code frame under
 * each finding.
 *
 *   src/poll.js
 *     12:5  error  The interval handle is discarded  no-uncleared-interval
 *       12 |   setInterval(poll, 1000);
 *          |   ^~~~~~~~~~~~~~~~~~~~~~~
 *       help: keep the handle and clear it in stop()
 *       note: 3:1  handle stored here
 *
 *   ✖ 1 problem (1 error, 0 warnings)
 *
 * Invariants: columns in findings are 1-based UTF-16 code units; the frame
 * converts them to display cells (tabs expanded to `TAB_WIDTH`, East Asian
 * wide characters take two cells, combining marks none) so the underline sits
 * under the right characters. Control and bidi characters of the source are
 * never written raw (a file must not be able to drive the terminal); they are
 * shown as visible stand-ins. Very long lines (minified code) are cut to a
 * window around the finding. Nothing at all is written when no finding passes
 * `min_severity`, as ESLint does. Colour only when `opts->color`. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "output/confirm.h"
#include "output/output.h"

#define TAB_WIDTH 4
#define FRAME_MAX_WIDTH 120 /* display cells of source shown in a frame */
#define FRAME_CONTEXT 40    /* cells kept left of the finding when cutting */

#define SGR_RESET "\x1b[0m"
#define SGR_BOLD "\x1b[1m"
#define SGR_DIM "\x1b[2m"
#define SGR_UNDERLINE "\x1b[4m"
#define SGR_RED "\x1b[31m"
#define SGR_YELLOW "\x1b[33m"
#define SGR_BLUE "\x1b[34m"
#define SGR_CYAN "\x1b[36m"

typedef struct text_ctx {
  FILE *out;
  bool color;
  ll_severity min;
} text_ctx;

/* ==== Small helpers ==== */

static void sgr(const text_ctx *t, const char *code) {
  if (t->color) fputs(code, t->out);
}

static void spaces(FILE *out, size_t n) {
  while (n--) fputc(' ', out);
}

static bool passes(const text_ctx *t, const ll_finding *f) {
  return f->severity > LL_SEV_OFF && f->severity >= t->min;
}

static const char *sev_color(ll_severity s) {
  return s == LL_SEV_ERROR ? SGR_RED : s == LL_SEV_WARNING ? SGR_YELLOW
                                                           : SGR_BLUE;
}

static const char *rule_id(const ll_finding *f) {
  const ll_rule_info *r = ll_rule_get(f->rule);
  return r ? r->id : "unknown-rule";
}

static int digits(uint32_t v) {
  int n = 1;
  while (v >= 10) v /= 10, n++;
  return n;
}

/* ==== Characters: decoding and display width ==== */

/* Decodes one code point of `s[0..n)` (n > 0) into `*cp`, returning the bytes
 * used. Malformed input yields U+FFFD for one byte, so this never stalls. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                        : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 1) {
    *cp = c;
    return 1;
  }
  if (len == 0 || len > n) goto bad;
  uint32_t v = c & (0x7Fu >> len);
  for (size_t k = 1; k < len; k++) {
    if ((s[k] & 0xC0) != 0x80) goto bad;
    v = (v << 6) | (s[k] & 0x3Fu);
  }
  *cp = v;
  return len;
bad:
  *cp = 0xFFFD;
  return 1;
}

static bool in(uint32_t cp, uint32_t lo, uint32_t hi) {
  return cp >= lo && cp <= hi;
}

/* Characters a terminal would obey rather than show: C0/C1 controls and the
 * bidirectional overrides behind "Trojan Source" tricks. */
static bool is_hazard(uint32_t cp) {
  return cp < 0x20 || in(cp, 0x7F, 0x9F) || in(cp, 0x202A, 0x202E) ||
         in(cp, 0x2066, 0x2069) || cp == 0x200E || cp == 0x200F;
}

/* Cells a character takes at display column `col` (tabs depend on it). */
static unsigned cp_width(uint32_t cp, size_t col) {
  if (cp == '\t') return TAB_WIDTH - (unsigned)(col % TAB_WIDTH);
  if (is_hazard(cp)) return 1;
  if (in(cp, 0x0300, 0x036F) || in(cp, 0x200B, 0x200D) ||
      in(cp, 0x20D0, 0x20FF) || in(cp, 0xFE00, 0xFE0F) || cp == 0xFEFF)
    return 0; /* combining marks, zero-width spaces, variation selectors */
  if (in(cp, 0x1100, 0x115F) || in(cp, 0x2E80, 0x303E) ||
      in(cp, 0x3041, 0x33FF) || in(cp, 0x3400, 0x4DBF) ||
      in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF) ||
      in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF) ||
      in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFF60) ||
      in(cp, 0xFFE0, 0xFFE6) || in(cp, 0x1F300, 0x1F64F) ||
      in(cp, 0x1F900, 0x1F9FF) || in(cp, 0x20000, 0x3FFFD))
    return 2;
  return 1;
}

/* Writes one character as it should appear in a frame. */
static void put_cp(FILE *out, const unsigned char *s, size_t len, uint32_t cp,
                   unsigned width) {
  if (cp == '\t') {
    spaces(out, width);
  } else if (cp < 0x20) {
    fputs("\xe2\x90", out); /* U+2400 + cp: the Control Pictures block */
    fputc((int)(0x80 + cp), out);
  } else if (cp == 0x7F) {
    fputs("\xe2\x90\xa1", out); /* U+2421 SYMBOL FOR DELETE */
  } else if (is_hazard(cp) || cp == 0xFFFD) {
    fputs("\xef\xbf\xbd", out); /* U+FFFD */
  } else {
    fwrite(s, 1, len, out);
  }
}

/* ==== Code frame ==== */

/* Display column of the first character at or after UTF-16 offset `unit`
 * (0-based) of the line, and the line's total width. */
typedef struct frame_cols {
  size_t start, end, total;
} frame_cols;

static frame_cols measure(const unsigned char *s, size_t n, uint32_t ustart,
                          uint32_t uend) {
  frame_cols c = {0, 0, 0};
  bool got_start = false, got_end = false;
  uint32_t unit = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t len = decode(s + i, n - i, &cp);
    if (!got_start && unit >= ustart) c.start = c.total, got_start = true;
    if (!got_end && unit >= uend) c.end = c.total, got_end = true;
    c.total += cp_width(cp, c.total);
    unit += cp >= 0x10000 ? 2 : 1;
    i += len;
  }
  if (!got_start) c.start = c.total;
  if (!got_end) c.end = c.total;
  return c;
}

static void frame(const text_ctx *t, const ll_finding *f) {
  if (!f->source_line || f->line == 0) return;
  FILE *out = t->out;
  const unsigned char *s = (const unsigned char *)f->source_line;
  size_t n = strlen(f->source_line);
  while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n')) n--;

  uint32_t ustart = f->column > 0 ? f->column - 1 : 0;
  uint32_t uend; /* exclusive; past the line when the finding spans lines */
  if (f->end_line > f->line) uend = UINT32_MAX;
  else if (f->end_line == f->line && f->end_column > f->column)
    uend = f->end_column - 1;
  else uend = ustart + 1;
  frame_cols c = measure(s, n, ustart, uend);
  if (c.end <= c.start) c.end = c.start + 1; /* at least one caret */

  /* The window [ws, we) of display cells shown. */
  size_t ws = 0, we = c.total;
  if (c.total > FRAME_MAX_WIDTH) {
    ws = c.start > FRAME_CONTEXT ? c.start - FRAME_CONTEXT : 0;
    we = ws + FRAME_MAX_WIDTH;
    if (we > c.total) we = c.total, ws = we - FRAME_MAX_WIDTH;
  }
  bool cut_left = ws > 0, cut_right = we < c.total;
  int gw = digits(f->line);

  /* The source line. */
  spaces(out, 4);
  sgr(t, SGR_DIM);
  fprintf(out, "%*u |", gw, (unsigned)f->line);
  sgr(t, SGR_RESET);
  if (n > 0) fputc(' ', out);
  if (cut_left) fputs("\xe2\x80\xa6", out); /* … */
  size_t col = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t len = decode(s + i, n - i, &cp);
    unsigned w = cp_width(cp, col);
    if (col >= we) break;
    if (col >= ws && col + w <= we) put_cp(out, s + i, len, cp, w);
    else if (col + w > ws) /* a tab or wide character cut by the window */
      spaces(out, (col + w > we ? we : col + w) - (col > ws ? col : ws));
    col += w;
    i += len;
  }
  if (cut_right) fputs("\xe2\x80\xa6", out);
  fputc('\n', out);

  /* The underline: a caret, then tildes to the end of the span. */
  size_t from = c.start - ws + (cut_left ? 1 : 0);
  size_t stop = c.end < we ? c.end : we;
  size_t width = stop > c.start ? stop - c.start : 1;
  spaces(out, 4);
  sgr(t, SGR_DIM);
  fprintf(out, "%*s |", gw, "");
  sgr(t, SGR_RESET);
  spaces(out, 1 + from);
  sgr(t, SGR_BOLD);
  sgr(t, sev_color(f->severity));
  fputc('^', out);
  for (size_t k = 1; k < width; k++) fputc('~', out);
  sgr(t, SGR_RESET);
  fputc('\n', out);
}

/* ==== Findings and files ==== */

static void finding(const text_ctx *t, const ll_finding *f, int locw,
                    int sevw) {
  FILE *out = t->out;
  char loc[32];
  snprintf(loc, sizeof loc, "%u:%u", (unsigned)f->line, (unsigned)f->column);
  const char *sev = ll_severity_name(f->severity);

  fputs("  ", out);
  sgr(t, SGR_DIM);
  fputs(loc, out);
  sgr(t, SGR_RESET);
  spaces(out, (size_t)(locw - (int)strlen(loc)) + 2);
  sgr(t, sev_color(f->severity));
  fputs(sev, out);
  sgr(t, SGR_RESET);
  spaces(out, (size_t)(sevw - (int)strlen(sev)) + 2);
  fputs(f->message ? f->message : "", out);
  fputs("  ", out);
  sgr(t, SGR_DIM);
  fputs(rule_id(f), out);
  sgr(t, SGR_RESET);
  fputc('\n', out);
  if (f->confirm) { /* --confirm: the verdict on a second line */
    char line[480];
    ll__confirm_line(f->confirm, line, sizeof line);
    spaces(out, (size_t)locw + 4);
    sgr(t, f->confirm->status == LL_CONFIRM_CONFIRMED ? SGR_BOLD : SGR_DIM);
    fputs(line, out);
    sgr(t, SGR_RESET);
    fputc('\n', out);
  }

  frame(t, f);
  if (f->help) {
    spaces(out, 4);
    sgr(t, SGR_BOLD SGR_CYAN);
    fputs("help:", out);
    sgr(t, SGR_RESET);
    fprintf(out, " %s\n", f->help);
  }
  for (uint32_t k = 0; k < f->nrelated; k++) {
    const ll_related *r = &f->related[k];
    spaces(out, 4);
    sgr(t, SGR_BOLD);
    fputs("note:", out);
    sgr(t, SGR_RESET);
    fprintf(out, " %u:%u  %s\n", (unsigned)r->line, (unsigned)r->column,
            r->message ? r->message : "");
  }
}

static void file_block(const text_ctx *t, const ll_file_result *r) {
  int locw = 0, sevw = 0;
  for (size_t i = 0; i < r->count; i++) {
    const ll_finding *f = &r->findings[i];
    if (!passes(t, f)) continue;
    int lw = digits(f->line) + 1 + digits(f->column);
    int sw = (int)strlen(ll_severity_name(f->severity));
    if (lw > locw) locw = lw;
    if (sw > sevw) sevw = sw;
  }
  if (locw == 0) return; /* nothing to show for this file */

  fputc('\n', t->out);
  sgr(t, SGR_UNDERLINE);
  fputs(r->path ? r->path : "<unknown>", t->out);
  sgr(t, SGR_RESET);
  fputc('\n', t->out);
  bool first = true;
  for (size_t i = 0; i < r->count; i++) {
    const ll_finding *f = &r->findings[i];
    if (!passes(t, f)) continue;
    if (!first) fputc('\n', t->out); /* frames need air between findings */
    first = false;
    finding(t, f, locw, sevw);
  }
}

static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

ll_status ll_output_text(FILE *out, const ll_file_result *const *results,
                         size_t n, const ll_run_summary *summary,
                         const ll_output_opts *opts) {
  (void)summary; /* the counts below are of what is actually written */
  text_ctx t = {out, opts && opts->color,
                opts ? opts->min_severity : LL_SEV_DEFAULT};
  size_t errors = 0, warnings = 0, infos = 0;
  for (size_t i = 0; i < n; i++) {
    const ll_file_result *r = results[i];
    if (!r) continue;
    for (size_t k = 0; k < r->count; k++) {
      const ll_finding *f = &r->findings[k];
      if (!passes(&t, f)) continue;
      if (f->severity == LL_SEV_ERROR) errors++;
      else if (f->severity == LL_SEV_WARNING) warnings++;
      else infos++;
    }
  }
  size_t total = errors + warnings + infos;
  if (total > 0) {
    for (size_t i = 0; i < n; i++)
      if (results[i]) file_block(&t, results[i]);
    fputc('\n', out);
    sgr(&t, SGR_BOLD);
    sgr(&t, errors ? SGR_RED : warnings ? SGR_YELLOW : SGR_BLUE);
    fprintf(out, "\xe2\x9c\x96 %zu %s (%zu %s, %zu %s", total,
            plural(total, "problem", "problems"), errors,
            plural(errors, "error", "errors"), warnings,
            plural(warnings, "warning", "warnings"));
    if (infos) fprintf(out, ", %zu %s", infos, plural(infos, "info", "infos"));
    fputc(')', out);
    sgr(&t, SGR_RESET);
    fputc('\n', out);
  }
  if (fflush(out) != 0 || ferror(out)) return LL_EIO;
  return LL_OK;
}

ll_output_fn ll_output_find(const char *name) {
  if (!name) return NULL;
  if (strcmp(name, "text") == 0) return ll_output_text;
  if (strcmp(name, "json") == 0) return ll_output_json;
  if (strcmp(name, "sarif") == 0) return ll_output_sarif;
  return NULL;
}
