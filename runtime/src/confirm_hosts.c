/* The hosts of a confirmation state besides Node's (confirm.h): the browser
 * host. Building it costs ~20 ms, but a confirmation in the `leaklint`
 * program starts from a forked copy of a state that has it
 * (`llrt_confirm_template_new`), so only a second entry tried pays it. */
#include "confirm.h"
#include "runtime/include/llrt_browser.h"

bool llrt__confirm_hosts(llrt_state *S) { return llrt_browser_install(S); }
