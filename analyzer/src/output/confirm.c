/* Writing a confirmation verdict (output/confirm.h). */
#include "output/confirm.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *ll_confirm_status_name(ll_confirm_status s) {
  switch (s) {
  case LL_CONFIRM_CONFIRMED: return "confirmed";
  case LL_CONFIRM_REFUTED: return "refuted";
  case LL_CONFIRM_INCONCLUSIVE: return "inconclusive";
  default: return "not-run";
  }
}

/* Round to what a person reads: whole numbers stay whole, else 3 digits. */
static double tidy(double v) {
  if (!isfinite(v)) return 0;
  return fabs(v - round(v)) < 1e-9 ? round(v) : round(v * 1000) / 1000;
}

cJSON *ll__confirm_json(const ll_confirm *c) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  bool ok = cJSON_AddStringToObject(o, "status", ll_confirm_status_name(c->status));
  bool ran = c->status == LL_CONFIRM_CONFIRMED || c->status == LL_CONFIRM_REFUTED;
  if (c->entry[0]) ok = ok && cJSON_AddStringToObject(o, "entry", c->entry);
  if (ran) {
    ok = ok && cJSON_AddNumberToObject(o, "calls", c->calls);
    cJSON *ev = cJSON_AddObjectToObject(o, "evidence");
    ok = ok && ev && cJSON_AddStringToObject(ev, "metric", c->metric) &&
         cJSON_AddNumberToObject(ev, "perCall", tidy(c->per_call)) &&
         cJSON_AddNumberToObject(ev, "retainedBytesPerCall",
                                 tidy(c->retained_bytes_per_call)) &&
         cJSON_AddNumberToObject(ev, "plateau", tidy(c->plateau));
    cJSON *samples = ev ? cJSON_AddArrayToObject(ev, "samples") : NULL;
    ok = ok && samples;
    for (size_t i = 0; ok && i < c->nsamples; i++) {
      cJSON *s = cJSON_CreateObject();
      ok = s && cJSON_AddItemToArray(samples, s) &&
           cJSON_AddNumberToObject(s, "calls", c->sample_calls[i]) &&
           cJSON_AddNumberToObject(s, "value", tidy(c->samples[i]));
    }
  }
  if (c->reason[0]) ok = ok && cJSON_AddStringToObject(o, "reason", c->reason);
  if (c->status != LL_CONFIRM_NOT_RUN)
    ok = ok && cJSON_AddNumberToObject(o, "phantomUses", (double)c->phantom_uses) &&
         cJSON_AddNumberToObject(o, "durationMs", tidy(c->ms));
  if (!ok) {
    cJSON_Delete(o);
    return NULL;
  }
  return o;
}

/* The metric's unit, singular or plural. */
static const char *unit(const char *metric, double n) {
  bool one = fabs(n) == 1;
  if (!strcmp(metric, "live-timers")) return one ? "timer" : "timers";
  if (!strcmp(metric, "listeners")) return one ? "listener" : "listeners";
  if (!strcmp(metric, "global-entries")) return one ? "global entry" : "global entries";
  return "B";
}

void ll__confirm_line(const ll_confirm *c, char *buf, size_t cap) {
  const char *st = ll_confirm_status_name(c->status);
  if (c->status == LL_CONFIRM_CONFIRMED) {
    double pc = tidy(c->per_call);
    if (!strcmp(c->metric, "retained-bytes"))
      snprintf(buf, cap, "%s: +%.0f B retained per call (%u calls, entry %s)", st,
               c->retained_bytes_per_call, c->calls, c->entry);
    else
      snprintf(buf, cap, "%s: +%g %s and +%.0f B per call (%u calls, entry %s)", st, pc,
               unit(c->metric, pc), c->retained_bytes_per_call > 0
                                        ? c->retained_bytes_per_call : 0,
               c->calls, c->entry);
  } else if (c->status == LL_CONFIRM_REFUTED) {
    double p = tidy(c->plateau);
    if (!strcmp(c->metric, "retained-bytes"))
      snprintf(buf, cap, "%s: retained bytes stay bounded after %u calls (entry %s)", st,
               c->calls, c->entry);
    else
      snprintf(buf, cap, "%s: stays at %g %s after %u calls (entry %s)", st, p,
               unit(c->metric, p), c->calls, c->entry);
  } else {
    snprintf(buf, cap, "%s: %s", st, c->reason[0] ? c->reason : "no reason recorded");
    return;
  }
  size_t n = strlen(buf);
  if (c->reason[0] && n + 4 < cap) /* a note: budget hit after enough rounds, … */
    snprintf(buf + n, cap - n, "; %s", c->reason);
}
