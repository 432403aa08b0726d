/* Reporting: turns a node and a message into a finding with 1-based
 * positions, applies the configured severity, and collects related
 * locations. Messages are copied into the file's arena. */
#include "engine/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/lines.h"
#include "base/utf8.h"

/* The JS view as a plain text: its line table is the same shape. */
static ll_text js_text(const ll_js *js) {
  return (ll_text){js->arena, js->src, js->len, js->line_starts, js->nlines};
}

void ll__js_position(const ll_js *js, uint32_t byte, uint32_t *line,
                     uint32_t *column) {
  ll_text t = js_text(js);
  ll__text_position(&t, byte, line, column);
}

bool ll__text_init(ll_text *t, ll_arena *arena, const char *src, uint32_t len) {
  uint32_t n = 1;
  for (uint32_t i = 0; i < len; i++) n += src[i] == '\n';
  uint32_t *ls = ll_arena_alloc(arena, n * sizeof *ls);
  if (!ls) return false;
  uint32_t k = 0;
  ls[k++] = 0;
  for (uint32_t i = 0; i < len; i++)
    if (src[i] == '\n') ls[k++] = i + 1;
  *t = (ll_text){arena, src, len, ls, n};
  return true;
}

/* A UTF-8 byte-order mark opens line 1 without being a column of it. */
static uint32_t line_start(const ll_text *t, uint32_t l) {
  if (l == 0 && t->len >= 3 && memcmp(t->src, "\xEF\xBB\xBF", 3) == 0)
    return 3;
  return t->line_starts[l];
}

uint32_t ll__text_line_of(const ll_text *t, uint32_t byte) {
  return ll_line_of(t->line_starts, t->nlines, byte);
}

void ll__text_position(const ll_text *t, uint32_t byte, uint32_t *line,
                       uint32_t *column) {
  if (byte > t->len) byte = t->len;
  uint32_t l = ll__text_line_of(t, byte);
  uint32_t start = line_start(t, l);
  if (byte < start) byte = start;
  *line = l + 1;
  *column = ll_utf16_len(t->src + start, byte - start) + 1;
}

static const char *line_text(const ll_text *t, uint32_t line1) {
  uint32_t l = line1 - 1;
  uint32_t start = line_start(t, l);
  uint32_t end = l + 1 < t->nlines ? t->line_starts[l + 1] : t->len;
  while (end > start && (t->src[end - 1] == '\n' || t->src[end - 1] == '\r'))
    end--;
  return ll_arena_strndup(t->arena, t->src + start, end - start);
}

int ll__sink_add_text(ll_report_sink *s, const ll_text *t, uint16_t rule,
                      ll_severity sev, uint32_t start, uint32_t end,
                      const char *message, const char *help) {
  ll_pending p = {0};
  p.f.rule = rule;
  p.f.severity = sev;
  p.f.start_byte = start;
  p.f.end_byte = end;
  ll__text_position(t, start, &p.f.line, &p.f.column);
  ll__text_position(t, end, &p.f.end_line, &p.f.end_column);
  p.f.message = ll_arena_strdup(t->arena, message);
  p.f.help = help ? ll_arena_strdup(t->arena, help) : NULL;
  p.f.source_line = line_text(t, p.f.line);
  if (!p.f.message || !p.f.source_line || !ll_array_push(&s->items, p)) {
    s->oom = true;
    return -1;
  }
  return (int)s->items.len - 1;
}

int ll__sink_add(ll_report_sink *s, const ll_js *js, uint16_t rule,
                 ll_severity sev, uint32_t start, uint32_t end,
                 const char *message, const char *help) {
  ll_text t = js_text(js);
  return ll__sink_add_text(s, &t, rule, sev, start, end, message, help);
}

void ll__sink_related_text(ll_report_sink *s, int handle, const ll_text *t,
                           uint32_t start, uint32_t end, const char *message) {
  if (handle < 0) return;
  ll_related r = {0};
  ll__text_position(t, start, &r.line, &r.column);
  ll__text_position(t, end, &r.end_line, &r.end_column);
  r.message = message ? ll_arena_strdup(t->arena, message) : "";
  if (!r.message) r.message = "";
  if (!ll_array_push(&s->items.items[handle].related, r)) s->oom = true;
}

void ll__sink_fini(ll_report_sink *s) {
  for (uint32_t i = 0; i < s->items.len; i++)
    ll_array_free(&s->items.items[i].related);
  ll_array_free(&s->items);
}

/* The severity a finding gets: off when the rule is off; the configured
 * level when the user set one; else what the rule asked for (its catalogue
 * default when it asked for LL_SEV_DEFAULT). */
static ll_severity effective(const ll_rule_ctx *ctx, ll_severity asked) {
  ll_severity configured = ctx->opts->severity[ctx->rule];
  if (configured == LL_SEV_OFF) return LL_SEV_OFF;
  if (configured != LL_SEV_DEFAULT) return configured;
  if (asked == LL_SEV_DEFAULT) return ll_rule_get(ctx->rule)->severity;
  return asked;
}

void *ll_rule_alloc(ll_rule_ctx *ctx, size_t size) {
  void *p = ll_arena_alloc(ctx->arena, size);
  if (!p) ctx->sink->oom = true;
  return p;
}

int ll_report(ll_rule_ctx *ctx, ll_nid n, ll_severity sev, const char *help,
              const char *fmt, ...) {
  ll_severity level = effective(ctx, sev);
  if (level == LL_SEV_OFF) return -1;
  va_list ap;
  va_start(ap, fmt);
  char *msg = ll_arena_vprintf(ctx->arena, fmt, ap);
  va_end(ap);
  if (!msg) {
    ctx->sink->oom = true;
    return -1;
  }
  const ll_node *node = &ctx->js->nodes[n];
  return ll__sink_add(ctx->sink, ctx->js, ctx->rule, level, node->start,
                      node->end, msg, help);
}

void ll_report_related(ll_rule_ctx *ctx, int handle, ll_nid n,
                       const char *fmt, ...) {
  if (handle < 0 || n == LL_NONE) return;
  va_list ap;
  va_start(ap, fmt);
  char *msg = ll_arena_vprintf(ctx->arena, fmt, ap);
  va_end(ap);
  ll_related r = {0};
  const ll_node *node = &ctx->js->nodes[n];
  ll__js_position(ctx->js, node->start, &r.line, &r.column);
  ll__js_position(ctx->js, node->end, &r.end_line, &r.end_column);
  r.message = msg ? msg : "";
  if (!ll_array_push(&ctx->sink->items.items[handle].related, r))
    ctx->sink->oom = true;
}
