/* The hand-made results of sample.h. Positions are computed from the source
 * lines (UTF-16 columns, as the frontend reports them), so the sample stays
 * right when a line is edited. */
#include "sample.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

uint32_t ll_sample_col(const char *line, const char *needle) {
  const char *at = strstr(line, needle);
  if (!at) abort(); /* a broken sample is a bug in the test */
  return ll_utf16_len(line, (size_t)(at - line)) + 1;
}

typedef struct builder {
  ll_sample *s;
  ll_file_result *file;
  ll_finding findings[8];
  size_t count;
} builder;

static void file_begin(builder *b, const char *path, ll_lang lang,
                       size_t bytes) {
  b->file = &b->s->files[b->s->n];
  b->s->ptrs[b->s->n] = b->file;
  b->s->n++;
  memset(b->file, 0, sizeof *b->file);
  b->file->path = path;
  b->file->lang = lang;
  b->file->bytes = bytes;
  b->file->arena = NULL; /* the sample's arena owns it all */
  b->count = 0;
}

/* Adds a finding on `line` spanning `span` (which must occur in `src`). */
static ll_finding *add(builder *b, ll_rule_id rule, ll_severity sev,
                       uint32_t line, const char *src, const char *span,
                       const char *message, const char *help) {
  ll_finding *f = &b->findings[b->count++];
  memset(f, 0, sizeof *f);
  f->rule = (uint16_t)rule;
  f->severity = sev;
  f->line = f->end_line = line;
  f->column = ll_sample_col(src, span);
  f->end_column = f->column + ll_utf16_len(span, strlen(span));
  f->message = message;
  f->help = help;
  f->source_line = src;
  return f;
}

static void related(builder *b, ll_finding *f, uint32_t line, uint32_t col,
                    uint32_t end_col, const char *message) {
  ll_related *r = ll_arena_alloc(b->s->arena, (f->nrelated + 1) * sizeof *r);
  if (f->nrelated) memcpy(r, f->related, f->nrelated * sizeof *r);
  r[f->nrelated] = (ll_related){line, col, line, end_col, message};
  f->related = r;
  f->nrelated++;
}

static void file_end(builder *b) {
  ll_finding *copy = ll_arena_alloc(b->s->arena, (b->count + 1) * sizeof *copy);
  memcpy(copy, b->findings, b->count * sizeof *copy);
  b->file->findings = copy;
  b->file->count = b->count;
  for (size_t i = 0; i < b->count; i++) {
    if (copy[i].severity == LL_SEV_ERROR) b->file->errors++;
    else if (copy[i].severity == LL_SEV_WARNING) b->file->warnings++;
    else b->file->infos++;
  }
  b->s->summary.errors += b->file->errors;
  b->s->summary.warnings += b->file->warnings;
  b->s->summary.infos += b->file->infos;
}

static void init_common(ll_sample *s) {
  memset(s, 0, sizeof *s);
  s->arena = ll_arena_new();
  if (!s->arena) abort();
}

void ll_sample_init(ll_sample *s) {
  init_common(s);
  builder b = {.s = s};

  file_begin(&b, "src/poll.js", LL_LANG_JS, 412);
  static const char l3[] = "  setInterval(() => poll(url), 1000);";
  ll_finding *f = add(&b, LL_RULE_no_uncleared_interval, LL_SEV_ERROR, 3, l3,
                      "setInterval(() => poll(url), 1000)",
                      "The handle of this setInterval is discarded, so the "
                      "interval can never be cleared.",
                      "Keep the handle and call clearInterval(handle) in "
                      "stop().");
  related(&b, f, 2, 1, 24, "start() runs on every request.");
  static const char l9[] = "\tcache = {};";
  add(&b, LL_RULE_no_implicit_global, LL_SEV_WARNING, 9, l9, "cache",
      "'cache' is assigned but never declared: this creates a global.",
      "Declare it with let or const.");
  static const char l14[] = "\t\tbus.on('data', onData); // \x1b[31mred\x1b[0m";
  f = add(&b, LL_RULE_no_unremoved_listener, LL_SEV_INFO, 14, l14,
          "bus.on('data', onData)",
          "This 'data' listener on 'bus' is never removed.", NULL);
  related(&b, f, 20, 3, 0, "bus.off() is looked for here.");
  related(&b, f, 1, 7, 10, "'bus' lives as long as the module.");
  file_end(&b);

  file_begin(&b, "src/clean.js", LL_LANG_JS, 100);
  file_end(&b);

  file_begin(&b, "src/widget café/Panel view.tsx", LL_LANG_JS, 2048);
  static const char w10[] =
      "  const t = \"日本語\"; window.addEventListener('resize', () => "
      "this.layout());";
  add(&b, LL_RULE_no_unremoved_listener, LL_SEV_ERROR, 10, w10,
      "window.addEventListener('resize', () => this.layout())",
      "An inline function is added as a 'resize' listener on 'window' and can "
      "never be removed.",
      "Store the function once (e.g. this.onResize) and remove it in "
      "componentWillUnmount().");
  static const char w12[] =
      "  const s = \"\xf0\x9f\x8e\x89\"; document.addEventListener('click', "
      "onClick, {";
  f = add(&b, LL_RULE_no_unremoved_listener, LL_SEV_ERROR, 12, w12,
          "document.addEventListener('click', onClick, {",
          "This 'click' listener on 'document' is never removed.", NULL);
  f->end_line = 14; /* the call spans three lines */
  f->end_column = 5;
  file_end(&b);

  file_begin(&b, "lib/min.js", LL_LANG_JS, 6000);
  static char minified[512];
  if (!minified[0]) {
    char *p = minified;
    for (int i = 0; i < 14; i++) p += sprintf(p, "var a%02d=f(%d);", i, i);
    p += sprintf(p, "setInterval(tick,50);");
    for (int i = 0; i < 14; i++) p += sprintf(p, "var b%02d=g(%d);", i, i);
  }
  add(&b, LL_RULE_no_uncleared_interval, LL_SEV_WARNING, 1, minified,
      "setInterval(tick,50)",
      "This module-level interval is never cleared (it keeps the process "
      "alive).",
      NULL);
  file_end(&b);

  file_begin(&b, "/opt/project/src/main.c", LL_LANG_C, 77);
  static const char c4[] = "int main(void) {";
  f = add(&b, LL_RULE_parse_error, LL_SEV_ERROR, 4, c4, "{",
          "Unexpected end of input: '}' expected.", NULL);
  f->column = f->end_column = (uint32_t)strlen(c4) + 1; /* past the end */
  file_end(&b);

  s->summary.files = 6;
  s->summary.duration_ms = 12.4;
}

void ll_sample_init_clean(ll_sample *s) {
  init_common(s);
  builder b = {.s = s};
  file_begin(&b, "src/a.js", LL_LANG_JS, 10);
  file_end(&b);
  file_begin(&b, "src/b.ts", LL_LANG_JS, 20);
  file_end(&b);
  s->summary.files = 2;
  s->summary.duration_ms = 3;
}

void ll_sample_fini(ll_sample *s) {
  ll_arena_free(s->arena);
  memset(s, 0, sizeof *s);
}
