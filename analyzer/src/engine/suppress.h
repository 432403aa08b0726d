/* Inline suppressions (DESIGN.md): `leaklint-disable-next-line`,
 * `leaklint-disable-line`, and `leaklint-disable` … `leaklint-enable` blocks,
 * in line or block comments, each with an optional rule list and an
 * optional `-- reason`. */
#ifndef LL_ENGINE_SUPPRESS_H
#define LL_ENGINE_SUPPRESS_H

#include "engine/report.h"

/** Drops the sink's findings that a directive in `js` covers and, when
 * `report_unused`, adds an `unused-disable` finding for each directive that
 * covered nothing (at `unused_sev`). */
void ll__apply_suppressions(const ll_js *js, ll_report_sink *sink,
                            bool report_unused, ll_severity unused_sev);

/** One comment of a plain text: bytes [start, end), `//` or block form. */
typedef struct ll_comment_span {
  uint32_t start, end;
} ll_comment_span;

/** The same, for a text without a JS view (C): the directives are read from
 * the given comments. */
void ll__apply_suppressions_text(const ll_text *t,
                                 const ll_comment_span *comments,
                                 uint32_t ncomments, ll_report_sink *sink,
                                 bool report_unused, ll_severity unused_sev);

#endif
