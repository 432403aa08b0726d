/* The hosts of a confirmation state besides Node's (confirm.h): the browser
 * host, installed on first use of one of its globals (lazy_global.h) —
 * building it costs ~25 ms, and most findings are in Node code. */
#include "confirm.h"
#include "lazy_global.h"

bool llrt__confirm_hosts(llrt_state *S) { return llrt__lazy_define(S, LLRT_LAZY_BROWSER); }
