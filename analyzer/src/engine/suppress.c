/* Suppression directives. Directives are read from comments (the JS view's
 * comment nodes, or the comment spans the C frontend lists), then every
 * pending finding is checked against them: a next-line
 * directive covers the line after the comment's last line, a line directive
 * its own line, and a block directive everything after it up to a matching
 * `leaklint-enable`. A directive without rules covers every rule. Unknown
 * rule ids make the directive cover nothing (so it shows up as unused). */
#include "engine/suppress.h"

#include <string.h>

#include "base/array.h"

typedef enum { D_NEXT_LINE, D_LINE, D_DISABLE, D_ENABLE } dir_kind;

typedef struct directive {
  dir_kind kind;
  uint32_t byte;       /* the comment's start */
  uint32_t line;       /* 0-based line the directive covers (line kinds) */
  bool all;            /* no rule list */
  bool used;
  uint64_t rules;      /* bit per rule index */
  uint32_t start, end; /* the comment's bytes */
  const char *names;   /* the rule list as written, for messages */
} directive;

_Static_assert(LL_RULE_COUNT <= 64, "directive rule sets are 64-bit masks");

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*';
}

/* Parses the comment at bytes [cstart, cend) of `t`, if it is a directive. */
static bool parse(const ll_text *t, uint32_t cstart, uint32_t cend,
                  directive *d) {
  const char *p = t->src + cstart, *end = t->src + cend;
  if (end - p < 2) return false;
  bool block = p[1] == '*';
  p += 2;
  if (block && end - p >= 2) end -= 2;
  while (p < end && is_space(*p)) p++;
  static const struct { const char *word; dir_kind kind; } words[] = {
      {"leaklint-disable-next-line", D_NEXT_LINE},
      {"leaklint-disable-line", D_LINE},
      {"leaklint-disable", D_DISABLE},
      {"leaklint-enable", D_ENABLE}};
  size_t i, wl = 0;
  for (i = 0; i < 4; i++) {
    wl = strlen(words[i].word);
    if ((size_t)(end - p) >= wl && memcmp(p, words[i].word, wl) == 0 &&
        (p + wl == end || is_space(p[wl])))
      break;
  }
  if (i == 4) return false;
  memset(d, 0, sizeof *d);
  d->kind = words[i].kind;
  d->byte = cstart;
  d->start = cstart;
  d->end = cend;
  uint32_t last_line = ll__text_line_of(t, cend > 0 ? cend - 1 : 0);
  d->line = d->kind == D_NEXT_LINE ? last_line + 1 : ll__text_line_of(t, cstart);
  p += wl;
  /* The rule list ends at `--` (the reason) or the comment's end. */
  const char *stop = p;
  while (stop < end && !(stop + 1 < end && stop[0] == '-' && stop[1] == '-'))
    stop++;
  const char *list_start = p;
  bool any = false, unknown = false;
  while (p < stop) {
    while (p < stop && (is_space(*p) || *p == ',')) p++;
    const char *a = p;
    while (p < stop && !is_space(*p) && *p != ',') p++;
    if (p == a) continue;
    any = true;
    char id[64];
    size_t len = (size_t)(p - a) < sizeof id - 1 ? (size_t)(p - a) : sizeof id - 1;
    memcpy(id, a, len);
    id[len] = '\0';
    int r = ll_rule_find(id);
    if (r < 0) unknown = true;
    else d->rules |= 1ull << r;
  }
  d->all = !any;
  if (unknown && !d->rules) d->rules = 0; /* covers nothing */
  while (list_start < stop && is_space(*list_start)) list_start++;
  while (stop > list_start && is_space(stop[-1])) stop--;
  d->names = ll_arena_strndup(t->arena, list_start, (size_t)(stop - list_start));
  return true;
}

static bool covers(const directive *d, uint16_t rule) {
  return d->all || (d->rules & (1ull << rule));
}

/* The directive that suppresses a finding of `rule` at `byte` on `line`. */
static directive *find_cover(directive *ds, uint32_t n, uint16_t rule,
                             uint32_t byte, uint32_t line) {
  directive *block = NULL;
  for (uint32_t i = 0; i < n; i++) {
    directive *d = &ds[i];
    switch (d->kind) {
    case D_NEXT_LINE:
    case D_LINE:
      if (d->line == line && covers(d, rule)) return d;
      break;
    case D_DISABLE:
      if (d->byte < byte && covers(d, rule)) block = d;
      break;
    case D_ENABLE:
      if (d->byte < byte && block && (d->all || covers(d, rule))) block = NULL;
      break;
    }
  }
  return block;
}

void ll__apply_suppressions(const ll_js *js, ll_report_sink *sink,
                            bool report_unused, ll_severity unused_sev) {
  ll_array(ll_comment_span) cs = {0};
  for (ll_nid i = 0; i < js->count; i++) {
    if (js->nodes[i].kind != LL_K_comment) continue;
    ll_comment_span c = {js->nodes[i].start, js->nodes[i].end};
    if (!ll_array_push(&cs, c)) {
      sink->oom = true;
      break;
    }
  }
  ll_text t = {js->arena, js->src, js->len, js->line_starts, js->nlines};
  ll__apply_suppressions_text(&t, cs.items, cs.len, sink, report_unused,
                              unused_sev);
  ll_array_free(&cs);
}

void ll__apply_suppressions_text(const ll_text *t,
                                 const ll_comment_span *comments,
                                 uint32_t ncomments, ll_report_sink *sink,
                                 bool report_unused, ll_severity unused_sev) {
  ll_array(directive) ds = {0};
  for (uint32_t i = 0; i < ncomments; i++) {
    directive d;
    if (parse(t, comments[i].start, comments[i].end, &d) &&
        !ll_array_push(&ds, d)) {
      sink->oom = true;
      break;
    }
  }
  if (ds.len == 0) return;
  uint32_t kept = 0;
  for (uint32_t i = 0; i < sink->items.len; i++) {
    ll_pending *p = &sink->items.items[i];
    directive *d = find_cover(ds.items, ds.len, p->f.rule, p->f.start_byte,
                              p->f.line - 1);
    if (d) {
      d->used = true;
      ll_array_free(&p->related);
      continue;
    }
    sink->items.items[kept++] = *p;
  }
  sink->items.len = kept;
  if (report_unused && unused_sev != LL_SEV_OFF) {
    for (uint32_t i = 0; i < ds.len; i++) {
      const directive *d = &ds.items[i];
      if (d->used || d->kind == D_ENABLE) continue;
      const char *msg =
          d->all ? "Unused leaklint-disable directive (no problems were "
                   "reported here)"
                 : ll_arena_printf(t->arena,
                                   "Unused leaklint-disable directive (no "
                                   "problems were reported from '%s')",
                                   d->names);
      ll__sink_add_text(sink, t, LL_RULE_unused_disable, unused_sev, d->start,
                        d->end, msg ? msg : "Unused leaklint-disable directive",
                   "Remove the directive.");
    }
  }
  ll_array_free(&ds);
}
