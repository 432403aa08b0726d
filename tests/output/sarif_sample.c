/* Writes the SARIF log of the hand-made sample (sample.h) for the validator
 * test (validate_sarif.sh):
 *
 *   sarif_sample [full|clean|quiet] > FILE
 *
 * "full" (the default) has every kind of finding, "clean" none, "quiet" only
 * the errors. Exits 0 on success, 1 if the writer failed. */
#include <stdio.h>
#include <string.h>

#include "output/output.h"
#include "sample.h"

int main(int argc, char **argv) {
  const char *which = argc > 1 ? argv[1] : "full";
  ll_sample s;
  ll_output_opts o = {.color = false, .min_severity = LL_SEV_DEFAULT};
  if (strcmp(which, "clean") == 0) {
    ll_sample_init_clean(&s);
  } else if (strcmp(which, "full") == 0 || strcmp(which, "quiet") == 0) {
    ll_sample_init(&s);
    if (which[0] == 'q') o.min_severity = LL_SEV_ERROR;
  } else {
    fprintf(stderr, "usage: sarif_sample [full|clean|quiet]\n");
    return 2;
  }
  ll_status st = ll_output_sarif(stdout, s.ptrs, s.n, &s.summary, &o);
  ll_sample_fini(&s);
  if (st != LL_OK) {
    fprintf(stderr, "sarif_sample: %s\n", ll_status_str(st));
    return 1;
  }
  return 0;
}
