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

#endif
