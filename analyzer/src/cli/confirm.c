/* `--confirm` for a whole run (cli/confirm.h): one task per finding of a JS
 * rule, taken by worker threads in order (each task builds its own runtime
 * states, so tasks share nothing), then the verdicts are linked from the
 * findings and, with --confirm-only, the unconfirmed findings dropped.
 *
 * Findings of other languages get "not-run" with the reason, so a report
 * made with --confirm always says, for every finding, what was done. */
#include "cli/confirm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "base/alloc.h"
#include "cli/cli.h"

static ll_confirm_fn confirmer;

void ll_cli_set_confirmer(ll_confirm_fn fn) { confirmer = fn; }
ll_confirm_fn ll_cli_confirmer(void) { return confirmer; }

bool ll_confirm_parse_rounds(ll_confirm_settings *s, const char *v) {
  size_t n = 0;
  unsigned prev = 0;
  const char *p = v;
  while (*p) {
    char *end;
    if (*p < '0' || *p > '9') return false;
    unsigned long k = strtoul(p, &end, 10);
    if (end == p || k == 0 || k > 100000 || k <= prev || n == LL_CONFIRM_MAX_ROUNDS)
      return false;
    s->rounds[n++] = (unsigned)k;
    prev = (unsigned)k;
    p = end;
    if (*p == ',' && p[1]) p++; /* "1,5," is not a list */
    else if (*p) return false;
  }
  if (n < 2) return false; /* a verdict compares two rounds */
  s->nrounds = n;
  return true;
}

typedef struct task {
  const ll_file_result *file;
  const ll_finding *finding;
  const char *text;
  size_t len;
  ll_confirm *out;
} task;

typedef struct task_list {
  const ll_confirm_settings *s;
  task *tasks;
} task_list;

static void run_task(const ll_confirm_settings *s, task *t) {
  const ll_rule_info *info = ll_rule_get(t->finding->rule);
  if (!t->text) {
    t->out->status = LL_CONFIRM_INCONCLUSIVE;
    snprintf(t->out->reason, sizeof t->out->reason, "the file could not be read again");
    return;
  }
  confirmer(s, t->file->path, t->text, t->len, info ? info->id : "",
            t->finding->start_byte, t->finding->end_byte, t->out);
}

static void task_at(void *list, size_t i) {
  const task_list *l = list;
  run_task(l->s, &l->tasks[i]);
}

/* --confirm-only: drops the findings that were run and not confirmed
 * (refuted, inconclusive). Findings that cannot be run — C findings, parse
 * errors — stay: a gate must not turn broken or native input into a pass.
 * The arena owns the array. */
static void keep_confirmed(ll_file_result *r) {
  ll_finding *fs = (ll_finding *)r->findings;
  size_t k = 0;
  r->errors = r->warnings = r->infos = 0;
  for (size_t i = 0; i < r->count; i++) {
    ll_confirm_status st = fs[i].confirm ? fs[i].confirm->status : LL_CONFIRM_NOT_RUN;
    if (st == LL_CONFIRM_REFUTED || st == LL_CONFIRM_INCONCLUSIVE) continue;
    fs[k++] = fs[i];
    if (fs[i].severity == LL_SEV_ERROR) r->errors++;
    else if (fs[i].severity == LL_SEV_WARNING) r->warnings++;
    else r->infos++;
  }
  r->count = k;
}

ll_status ll_cli_confirm_results(const ll_confirm_settings *s, ll_file_result **results,
                                 size_t n, unsigned jobs,
                                 const char *(*text_of)(void *ud, const char *path,
                                                        size_t *len),
                                 void *ud, ll_confirm **store) {
  *store = NULL;
  size_t total = 0;
  for (size_t i = 0; i < n; i++) total += results[i]->count;
  if (!total) return LL_OK;
  ll_confirm *cs = ll_calloc(total, sizeof *cs);
  task *tasks = ll_calloc(total, sizeof *tasks);
  if (!cs || !tasks) {
    ll_free(cs);
    ll_free(tasks);
    return LL_ENOMEM;
  }
  size_t k = 0, nt = 0;
  for (size_t i = 0; i < n; i++) {
    ll_file_result *r = results[i];
    ll_finding *fs = (ll_finding *)r->findings;
    const char *text = NULL;
    size_t len = 0;
    bool read = false;
    for (size_t j = 0; j < r->count; j++, k++) {
      ll_confirm *c = &cs[k];
      fs[j].confirm = c;
      const ll_rule_info *info = ll_rule_get(fs[j].rule);
      if (!info || info->lang != LL_LANG_JS) {
        snprintf(c->reason, sizeof c->reason, "%s",
                 info && info->lang == LL_LANG_C
                     ? "C findings are not confirmed by running"
                     : "not a leak the runtime can measure");
        continue;
      }
      if (!confirmer) {
        snprintf(c->reason, sizeof c->reason, "this build has no runtime");
        continue;
      }
      if (!read) {
        text = text_of(ud, r->path, &len);
        read = true;
      }
      tasks[nt++] = (task){r, &fs[j], text, len, c};
    }
  }
  task_list l = {.s = s, .tasks = tasks};
#if defined(__SANITIZE_ADDRESS__)
  /* ASan's allocator (GCC 12's) is not fork-safe: a confirmation child
   * forked while another thread allocates can hang in malloc. Sanitizer
   * builds confirm on one thread. */
  jobs = 1;
#endif
  ll_cli_parallel(nt, jobs, task_at, &l);
  ll_free(tasks);
  if (s->only)
    for (size_t i = 0; i < n; i++) keep_confirmed(results[i]);
  *store = cs;
  return LL_OK;
}
