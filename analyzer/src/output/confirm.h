/* The confirmation verdict of a finding as the writers show it: one JSON
 * object shared by the JSON and SARIF reports and `leaklint confirm`, and
 * one line of text for the text report and editors. */
#ifndef LL_OUTPUT_CONFIRM_H
#define LL_OUTPUT_CONFIRM_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "leaklint/leaklint.h"

/** `{ "status", "entry", "calls", "evidence": { "metric", "perCall",
 * "retainedBytesPerCall", "plateau", "samples": [ { "calls", "value" } ] },
 * "reason", "phantomUses", "durationMs" }` — the `confirm` object of
 * DESIGN.md. Returns NULL when out of memory. */
LL_OWNED cJSON *ll__confirm_json(const ll_confirm *c);

/** "confirmed: +1 timer and +480 B per call (100 calls, entry start)", etc.,
 * into `buf` (always terminated). */
void ll__confirm_line(const ll_confirm *c, char *buf, size_t cap);

#endif
