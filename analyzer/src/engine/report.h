/* Where findings collect while one file is analysed. */
#ifndef LL_ENGINE_REPORT_H
#define LL_ENGINE_REPORT_H

#include "base/array.h"
#include "engine/rule.h"

typedef struct ll_pending {
  ll_finding f;
  ll_array(ll_related) related;
} ll_pending;

typedef struct ll_report_sink {
  ll_array(ll_pending) items;
  bool oom;
} ll_report_sink;

/** Adds a finding of `rule` over bytes [start, end) of `js`'s text with the
 * already-effective severity `sev`. Returns its index or -1 on OOM. */
int ll__sink_add(ll_report_sink *s, const ll_js *js, uint16_t rule,
                 ll_severity sev, uint32_t start, uint32_t end,
                 const char *message, const char *help);
/** Fills 1-based line/column (UTF-16) for byte offsets of `js`'s text. */
void ll__js_position(const ll_js *js, uint32_t byte, uint32_t *line,
                     uint32_t *column);
void ll__sink_fini(ll_report_sink *s);

/* A text without a JS node view (the C frontend): where positions come from
 * when a finding is made from byte offsets alone. */
typedef struct ll_text {
  ll_arena *arena;             /* the file's arena: messages are copied here */
  const char *src;             /* borrowed */
  uint32_t len;
  const uint32_t *line_starts; /* byte offset of each line */
  uint32_t nlines;
} ll_text;

/** Fills `t->line_starts`/`nlines` for `src` (arena memory). False on OOM. */
bool ll__text_init(ll_text *t, ll_arena *arena, const char *src, uint32_t len);
/** The 0-based line holding byte `byte`. */
uint32_t ll__text_line_of(const ll_text *t, uint32_t byte);
/** As `ll__js_position`, for a plain text. */
void ll__text_position(const ll_text *t, uint32_t byte, uint32_t *line,
                       uint32_t *column);
/** As `ll__sink_add`, for a plain text. */
int ll__sink_add_text(ll_report_sink *s, const ll_text *t, uint16_t rule,
                      ll_severity sev, uint32_t start, uint32_t end,
                      const char *message, const char *help);
/** Adds a related location over bytes [start, end) of `t` to finding
 * `handle` (a no-op when `handle` < 0). */
void ll__sink_related_text(ll_report_sink *s, int handle, const ll_text *t,
                           uint32_t start, uint32_t end, const char *message);

#endif
