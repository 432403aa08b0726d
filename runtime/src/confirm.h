/* The confirmation driver's internals (confirm.c, confirm_metric.c). */
#ifndef LLRT_CONFIRM_INTERNAL_H
#define LLRT_CONFIRM_INTERNAL_H

#include "interp.h"
#include "runtime/include/llrt_confirm.h"

/** What a metric counts from: the global object's keys right after the
 * hosts are installed. Free it with `llrt__confirm_baseline_free` before
 * the state. NULL when out of memory. */
typedef struct llrt_baseline llrt_baseline;
llrt_baseline *llrt__confirm_baseline(llrt_state *S);
void llrt__confirm_baseline_free(llrt_state *S, llrt_baseline *b);
/** Forces a full collection and reads `metric`. */
double llrt__confirm_measure(llrt_state *S, const char *metric, const llrt_baseline *b);

#endif
