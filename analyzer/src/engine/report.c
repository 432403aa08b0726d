/* Reporting: turns a node and a message into a finding with 1-based
 * positions, applies the configured severity, and collects related
 * locations. Messages are copied into the file's arena. */
#include "engine/report.h"

#include <stdarg.h>
#include <stdio.h>

#include "base/utf8.h"

void ll__js_position(const ll_js *js, uint32_t byte, uint32_t *line,
                     uint32_t *column) {
  if (byte > js->len) byte = js->len;
  uint32_t l = ll_js_line_of(js, byte);
  uint32_t start = js->line_starts[l];
  *line = l + 1;
  *column = ll_utf16_len(js->src + start, byte - start) + 1;
}

static const char *line_text(const ll_js *js, uint32_t line1) {
  uint32_t l = line1 - 1;
  uint32_t start = js->line_starts[l];
  uint32_t end = l + 1 < js->nlines ? js->line_starts[l + 1] : js->len;
  while (end > start && (js->src[end - 1] == '\n' || js->src[end - 1] == '\r'))
    end--;
  return ll_arena_strndup(js->arena, js->src + start, end - start);
}

int ll__sink_add(ll_report_sink *s, const ll_js *js, uint16_t rule,
                 ll_severity sev, uint32_t start, uint32_t end,
                 const char *message, const char *help) {
  ll_pending p = {0};
  p.f.rule = rule;
  p.f.severity = sev;
  p.f.start_byte = start;
  p.f.end_byte = end;
  ll__js_position(js, start, &p.f.line, &p.f.column);
  ll__js_position(js, end, &p.f.end_line, &p.f.end_column);
  p.f.message = ll_arena_strdup(js->arena, message);
  p.f.help = help ? ll_arena_strdup(js->arena, help) : NULL;
  p.f.source_line = line_text(js, p.f.line);
  if (!p.f.message || !p.f.source_line || !ll_array_push(&s->items, p)) {
    s->oom = true;
    return -1;
  }
  return (int)s->items.len - 1;
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
