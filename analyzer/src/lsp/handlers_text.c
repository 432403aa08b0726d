/* Documents and diagnostics: didOpen/didChange/didSave/didClose, the
 * analysis jobs that run off the loop, publishing, and pull diagnostics.
 *
 * Scheduling. Each edit restarts the document's timer: an edit that comes
 * after a quiet spell (no edit for QUIET_MS) is analysed on the next loop
 * turn, so an isolated keystroke costs one analysis and no waiting; an edit
 * inside a burst of typing waits `debounce_ms` (75 ms), so a burst costs one
 * analysis at its end. A document has at most one job in the thread pool; an
 * edit made meanwhile marks it dirty and a new job starts when it returns.
 *
 * Incremental parsing. Each incremental change is applied to the text and
 * recorded as a tree edit (bytes and tree-sitter points of the same clamped
 * range); the edits are applied to the document's parse cache when the next
 * job starts, and the job reparses from the edited tree. A whole-text
 * change, a failed edit or too many pending edits make that job parse from
 * scratch instead.
 *
 * Invariants: a job works on its own copy of the text and never touches the
 * server; the document's parse cache belongs to its running job, and the
 * loop touches it only while no job runs (`sync_tree` in `start_job`). Its result is dropped when the document changed since (its `gen`
 * differs) or was closed. Findings equal to the last reported ones are not
 * published again (unless its confirmation verdicts changed since:
 * `report_next`). A document is freed when its last reference (the store,
 * its timer handle, a running job, a parked pull request) is dropped.
 * Nothing here knows JSON: protocol.c encodes what is published. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/alloc.h"
#include "lsp/lsp.h"

enum { QUIET_MS = 150 };

/* ==== The store ==== */

ll_lsp_doc *ll__lsp_doc_find(ll_lsp_server *s, const char *uri) {
  for (ll_lsp_doc *d = s->docs; d; d = d->next)
    if (strcmp(d->uri, uri) == 0) return d;
  return NULL;
}

static void doc_free(ll_lsp_doc *d) {
  ll_lsp_text_fini(&d->text);
  ll_parse_cache_free(d->cache);
  ll_free(d->edits);
  ll_file_result_free(d->published);
  ll__lsp_verdicts_clear(d);
  ll_free(d->result_error);
  ll_free(d->uri);
  ll_free(d->path);
  ll_free(d->apath);
  ll_free(d->language);
  ll_free(d);
}

void ll__lsp_doc_unref(ll_lsp_server *s, ll_lsp_doc *d) {
  if (--d->refs == 0) doc_free(d);
}

static void on_timer_close(uv_handle_t *h) {
  ll_lsp_doc *d = h->data;
  ll__lsp_doc_unref(NULL, d);
}

/* The analyzer's name for a document: its path when the extension is known,
 * else the path (or "untitled") plus the languageId's extension; NULL when
 * leaklint does not analyse the language. */
static char *analysis_path(const char *path, const char *lang) {
  if (path && ll_lang_for_path(path) != LL_LANG_ANY) return ll_strdup(path);
  static const struct {
    const char *id, *ext;
  } exts[] = {{"javascript", ".js"},       {"javascriptreact", ".jsx"},
              {"typescript", ".ts"},       {"typescriptreact", ".tsx"},
              {"c", ".c"}};
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
    if (strcmp(lang, exts[i].id) != 0) continue;
    const char *base = path ? path : "untitled";
    size_t n = strlen(base), e = strlen(exts[i].ext);
    char *p = ll_malloc(n + e + 1);
    if (!p) return NULL;
    memcpy(p, base, n);
    memcpy(p + n, exts[i].ext, e + 1);
    return p;
  }
  return NULL;
}

/* Answers every parked pull request for `d` from its current findings. */
static void answer_parked(ll_lsp_server *s, ll_lsp_doc *d) {
  for (ll_lsp_parked **pp = &s->parked; *pp;) {
    ll_lsp_parked *p = *pp;
    if (p->doc != d) {
      pp = &p->next;
      continue;
    }
    *pp = p->next;
    ll__lsp_reply_diagnostic(s, &p->id, d, p->previous_result_id);
    ll__lsp_id_fini(&p->id);
    ll_free(p->previous_result_id);
    ll__lsp_doc_unref(s, d);
    ll_free(p);
  }
}

/* Takes `d` out of the store: stops its timer, answers its pulls. */
static void doc_close(ll_lsp_server *s, ll_lsp_doc *d) {
  for (ll_lsp_doc **pp = &s->docs; *pp; pp = &(*pp)->next) {
    if (*pp != d) continue;
    *pp = d->next;
    break;
  }
  d->open = false;
  d->next = NULL;
  answer_parked(s, d);
  uv_timer_stop(&d->timer);
  uv_close((uv_handle_t *)&d->timer, on_timer_close);
  ll__lsp_doc_unref(s, d);
}

void ll__lsp_docs_close_all(ll_lsp_server *s) {
  while (s->docs) doc_close(s, s->docs);
}

/* ==== Analysis jobs ==== */

typedef struct job {
  uv_work_t req;
  ll_lsp_server *s;
  ll_lsp_doc *doc;
  int32_t version;
  uint64_t gen;
  char *text;
  size_t len;
  char *apath;
  ll_lsp_config *cfg;
  const ll_options *opts;
  bool ignored;
  ll_file_result *result;
  ll_status st;
  ll_error err;
  uint64_t ns, cpu_ns; /* the analysis's wall and CPU time in the pool */
  bool reused;  /* it reparsed incrementally */
} job;

/* CPU time of the calling thread: unlike wall time, what other processes
 * on a shared machine take does not count. */
static uint64_t thread_cpu_ns(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void work(uv_work_t *req) {
  job *j = req->data;
  if (j->ignored) return;
  /* The document's parse cache is this job's alone until after_work. */
  uint64_t t0 = uv_hrtime(), c0 = thread_cpu_ns();
  j->st = ll_analyze_source_cached(j->opts, j->apath, j->text, j->len,
                                   j->doc->cache, &j->result, &j->err);
  j->ns = uv_hrtime() - t0;
  j->cpu_ns = thread_cpu_ns() - c0;
  j->reused = ll_parse_cache_reused(j->doc->cache);
}

static bool same_related(const ll_related *a, const ll_related *b) {
  return a->line == b->line && a->column == b->column &&
         a->end_line == b->end_line && a->end_column == b->end_column &&
         strcmp(a->message ? a->message : "", b->message ? b->message : "") == 0;
}

/* True when two results would publish the same diagnostics. */
static bool same_findings(const ll_file_result *a, const ll_file_result *b) {
  size_t na = a ? a->count : 0, nb = b ? b->count : 0;
  if (na != nb) return false;
  for (size_t i = 0; i < na; i++) {
    const ll_finding *x = &a->findings[i], *y = &b->findings[i];
    if (x->rule != y->rule || x->severity != y->severity ||
        x->line != y->line || x->column != y->column ||
        x->end_line != y->end_line || x->end_column != y->end_column ||
        x->nrelated != y->nrelated ||
        strcmp(x->message ? x->message : "", y->message ? y->message : ""))
      return false;
    for (uint32_t k = 0; k < x->nrelated; k++)
      if (!same_related(&x->related[k], &y->related[k])) return false;
  }
  return true;
}

static void start_job(ll_lsp_server *s, ll_lsp_doc *d);

/* Brings the document's tree in step with its text before a job takes it:
 * on the loop thread, while no job holds the cache. */
static void sync_tree(ll_lsp_doc *d) {
  if (d->cache && d->edits_lost) ll_parse_cache_reset(d->cache);
  for (size_t i = 0; d->cache && !d->edits_lost && i < d->nedits; i++) {
    const ll_lsp_tree_edit *e = &d->edits[i];
    ll_parse_cache_edit(d->cache, e->start, e->old_end, e->new_end,
                        e->start_pt, e->old_end_pt, e->new_end_pt);
  }
  d->nedits = 0;
  d->edits_lost = false;
}

/* Records an edit for the tree; past a bound (or out of memory) the next
 * analysis simply parses from scratch. */
static void note_edit(ll_lsp_doc *d, const ll_lsp_tree_edit *e) {
  enum { MAX_PENDING = 4096 };
  if (d->edits_lost) return;
  if (d->nedits == d->edits_cap) {
    size_t cap = d->edits_cap ? d->edits_cap * 2 : 16;
    ll_lsp_tree_edit *p = cap <= MAX_PENDING
                              ? ll_realloc(d->edits, cap * sizeof *p)
                              : NULL;
    if (!p) {
      d->edits_lost = true;
      d->nedits = 0;
      return;
    }
    d->edits = p;
    d->edits_cap = cap;
  }
  d->edits[d->nedits++] = *e;
}

/* Installs a job's findings on its document and reports them if new. */
static void install(ll_lsp_server *s, ll_lsp_doc *d, job *j) {
  if (j->st != LL_OK && !j->ignored) {
    const char *why = j->err.message[0] ? j->err.message : ll_status_str(j->st);
    if (!d->result_error || strcmp(d->result_error, why) != 0) {
      ll__lsp_log(s, j->st == LL_ELANG ? LL_LSP_LOG_INFO : LL_LSP_LOG_WARNING,
                  "%s: not analysed: %s", d->uri, why);
      ll_free(d->result_error);
      d->result_error = ll_strdup(why);
    }
  } else if (d->result_error) {
    ll_free(d->result_error);
    d->result_error = NULL;
  }
  bool first = !d->has_result, again = d->report_next;
  d->has_result = true;
  d->result_version = j->version;
  d->result_gen = j->gen;
  d->report_next = false;
  if (!first && !again && same_findings(d->published, j->result)) {
    ll_file_result_free(j->result); /* unchanged: nothing to report */
    j->result = NULL;
    return;
  }
  ll_file_result_free(d->published);
  d->published = j->result;
  j->result = NULL;
  d->result_id++;
  if (s->push && !s->stopping) ll__lsp_publish(s, d);
}

static void after_work(uv_work_t *req, int status) {
  job *j = req->data;
  ll_lsp_server *s = j->s;
  ll_lsp_doc *d = j->doc;
  s->jobs--;
  d->job_running = false;
  ll__lsp_config_unref(j->cfg);
  if (status == 0 && s->trace && strcmp(s->trace, "verbose") == 0 &&
      !j->ignored)
    ll__lsp_log(s, LL_LSP_LOG_LOG,
                "%s: version %d analysed in %.2f ms, cpu %.2f ms (%s)%s",
                d->uri, j->version, (double)j->ns / 1e6,
                (double)j->cpu_ns / 1e6,
                j->reused ? "incremental reparse" : "parsed from scratch",
                j->gen == d->gen ? "" : ", stale");
  if (status == 0 && d->open && j->gen == d->gen) {
    install(s, d, j);
    answer_parked(s, d);
  }
  ll_file_result_free(j->result);
  ll_free(j->text);
  ll_free(j->apath);
  ll_free(j);
  if (d->open && d->dirty && !s->stopping) {
    d->dirty = false;
    start_job(s, d);
  }
  ll__lsp_doc_unref(s, d);
}

static void start_job(ll_lsp_server *s, ll_lsp_doc *d) {
  if (d->job_running) {
    d->dirty = true;
    return;
  }
  job *j = ll_calloc(1, sizeof *j);
  if (!j || !(j->text = ll_strndup(d->text.data, d->text.len)) ||
      !(j->apath = ll_strdup(d->apath))) {
    if (j) ll_free(j->text);
    ll_free(j);
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "%s: out of memory starting an analysis",
                d->uri);
    return;
  }
  sync_tree(d);
  j->req.data = j;
  j->s = s;
  j->doc = d;
  j->version = d->version;
  j->gen = d->gen;
  j->len = d->text.len;
  j->cfg = ll__lsp_config_for(s, d, &j->opts, &j->ignored);
  if (uv_queue_work(s->loop, &j->req, work, after_work) != 0) {
    ll__lsp_config_unref(j->cfg);
    ll_free(j->text);
    ll_free(j->apath);
    ll_free(j);
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "%s: cannot queue an analysis", d->uri);
    return;
  }
  d->refs++;
  d->job_running = true;
  s->jobs++;
}

static void on_timer(uv_timer_t *t) {
  ll_lsp_doc *d = t->data;
  ll_lsp_server *s = d->timer.loop->data;
  if (d->open && !s->stopping) start_job(s, d);
}

/* Schedules an analysis of `d` after an edit (or at once when `now`). */
static void schedule(ll_lsp_server *s, ll_lsp_doc *d, bool now) {
  if (!d->apath || s->stopping) return;
  uint64_t t = ll__lsp_now(s);
  uint64_t delay = 0;
  if (!now && d->last_change_ms && t - d->last_change_ms < QUIET_MS)
    delay = s->debounce_ms;
  d->last_change_ms = t;
  uv_timer_start(&d->timer, on_timer, delay, 0);
}

void ll__lsp_reanalyze_all(ll_lsp_server *s) {
  for (ll_lsp_doc *d = s->docs; d; d = d->next) {
    d->gen++; /* results of the old configuration are stale */
    schedule(s, d, true);
  }
}

/* ==== Notifications ==== */

ll_status ll__lsp_on_initialize(ll_lsp_server *s, ll_lsp_init_params *p) {
  s->client = *p;
  p->root_path = NULL; /* moved */
  if (p->has_settings) s->settings = p->settings;
  s->push = !s->client.diagnostic_pull || s->client.force_push;
  s->state = LL_LSP_RUNNING;
  s->loop->data = s;
  ll__lsp_config_reload(s);
  return LL_OK;
}

void ll__lsp_on_initialized(ll_lsp_server *s) {
  if (s->client.watched_files_dynamic) ll__lsp_register_watchers(s);
  if (s->client.config_pull) ll__lsp_pull_configuration(s);
}

void ll__lsp_on_did_open(ll_lsp_server *s, const char *uri, const char *lang,
                         int32_t version, const char *text, size_t len) {
  ll_lsp_doc *d = ll__lsp_doc_find(s, uri);
  if (d) {
    ll__lsp_log(s, LL_LSP_LOG_WARNING,
                "textDocument/didOpen for %s, which is already open: its text "
                "is replaced", uri);
    doc_close(s, d);
  }
  d = ll_calloc(1, sizeof *d);
  if (!d) goto oom;
  d->refs = 1;
  d->open = true;
  d->version = version;
  d->gen = 1;
  d->uri = ll_strdup(uri);
  d->language = ll_strdup(lang);
  d->path = ll_lsp_uri_to_path(uri);
  if (!d->uri || !d->language) goto oom;
  d->apath = analysis_path(d->path, lang);
  /* NULL (out of memory, or `incremental: false`): parse afresh. */
  d->cache = s->client.no_incremental ? NULL : ll_parse_cache_new();
  ll_status st = ll_lsp_text_set(&d->text, text, len);
  if (st != LL_OK) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "%s: cannot open: %s", uri,
                ll_status_str(st));
    doc_free(d);
    return;
  }
  uv_timer_init(s->loop, &d->timer);
  d->timer.data = d;
  d->refs++; /* the timer handle, dropped by its close callback */
  d->next = s->docs;
  s->docs = d;
  schedule(s, d, true);
  return;
oom:
  if (d) doc_free(d);
  ll__lsp_log(s, LL_LSP_LOG_ERROR, "%s: out of memory opening it", uri);
}

void ll__lsp_on_did_change(ll_lsp_server *s, const char *uri, int32_t version,
                           const ll_lsp_change *changes, size_t n) {
  ll_lsp_doc *d = ll__lsp_doc_find(s, uri);
  if (!d) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR,
                "textDocument/didChange for %s, which is not open "
                "(textDocument/didOpen first): ignored", uri);
    return;
  }
  if (version >= 0 && version <= d->version)
    ll__lsp_log(s, LL_LSP_LOG_WARNING,
                "textDocument/didChange for %s: version %d does not increase "
                "(was %d)", uri, version, d->version);
  for (size_t i = 0; i < n; i++) {
    unsigned clamped = 0;
    const ll_lsp_change *c = &changes[i];
    ll_status st;
    if (c->has_range) {
      /* The tree takes the same (clamped) bytes as the text. */
      ll_lsp_span sp = ll_lsp_text_span(&d->text, &c->range, &clamped);
      ll_lsp_tree_edit e = {
          .start = (uint32_t)sp.start, .old_end = (uint32_t)sp.end,
          .start_pt = ll_lsp_text_point(&d->text, sp.start),
          .old_end_pt = ll_lsp_text_point(&d->text, sp.end)};
      st = ll_lsp_text_replace(&d->text, sp, c->text, c->len);
      e.new_end = (uint32_t)(sp.start + c->len);
      e.new_end_pt = ll_lsp_point_after(e.start_pt, c->text, c->len);
      if (st == LL_OK) note_edit(d, &e);
    } else {
      st = ll_lsp_text_set(&d->text, c->text, c->len);
      d->edits_lost = true; /* a new text: nothing of the tree carries over */
      d->nedits = 0;
    }
    if (st != LL_OK) {
      d->edits_lost = true;
      ll__lsp_log(s, LL_LSP_LOG_ERROR,
                  "textDocument/didChange for %s: change %zu failed (%s): the "
                  "document may be out of step; close and reopen it", uri, i,
                  ll_status_str(st));
      break;
    }
    if (clamped)
      ll__lsp_log(s, (clamped & (LL_LSP_CLAMP_LINE | LL_LSP_CLAMP_ORDER))
                         ? LL_LSP_LOG_WARNING : LL_LSP_LOG_LOG,
                  "textDocument/didChange for %s: change %zu has a range "
                  "%u:%u-%u:%u outside the document (%u lines)%s: clamped",
                  uri, i, c->range.start.line, c->range.start.character,
                  c->range.end.line, c->range.end.character,
                  d->text.nlines,
                  (clamped & LL_LSP_CLAMP_ORDER) ? ", end before start" : "");
  }
  if (version >= 0) d->version = version;
  d->gen++;
  ll__lsp_verdicts_clear(d); /* they were about the text before the edit */
  if (!s->settings.run_on_save) schedule(s, d, false);
}

void ll__lsp_on_did_save(ll_lsp_server *s, const char *uri) {
  ll_lsp_doc *d = ll__lsp_doc_find(s, uri);
  if (d && d->path) {
    /* Clients without file watching still reload the config on save. */
    const char *slash = strrchr(d->path, '/');
    if (slash && strcmp(slash + 1, ".leaklintrc.json") == 0) {
      ll__lsp_on_watched_file(s, d->path);
      return;
    }
  }
  if (d && s->settings.run_on_save) schedule(s, d, true);
}

void ll__lsp_on_did_close(ll_lsp_server *s, const char *uri) {
  ll_lsp_doc *d = ll__lsp_doc_find(s, uri);
  if (!d) {
    ll__lsp_log(s, LL_LSP_LOG_WARNING,
                "textDocument/didClose for %s, which is not open: ignored",
                uri);
    return;
  }
  bool had = d->has_result && d->published && d->published->count;
  doc_close(s, d);
  if (s->push && had) ll__lsp_publish_empty(s, uri);
}

/* ==== Cancellation and pull diagnostics ==== */

void ll__lsp_on_cancel(ll_lsp_server *s, const ll_lsp_id *id) {
  for (ll_lsp_parked **pp = &s->parked; *pp; pp = &(*pp)->next) {
    ll_lsp_parked *p = *pp;
    if (!ll__lsp_id_equal(&p->id, id)) continue;
    *pp = p->next;
    ll__lsp_reply_error(s, &p->id, LL_LSP_REQUEST_CANCELLED,
                        "the request was cancelled");
    ll__lsp_id_fini(&p->id);
    ll_free(p->previous_result_id);
    ll__lsp_doc_unref(s, p->doc);
    ll_free(p);
    return;
  }
  if (ll__lsp_confirm_cancel(s, id)) return;
  /* Every other request is answered as soon as it is read: nothing to do. */
}

ll_lsp_doc *ll__lsp_on_diagnostic(ll_lsp_server *s, const ll_lsp_id *id,
                                  const char *uri, const char *previous,
                                  bool *unknown) {
  ll_lsp_doc *d = ll__lsp_doc_find(s, uri);
  *unknown = d == NULL;
  if (!d) return NULL;
  if (!d->apath || (d->has_result && d->result_gen == d->gen)) return d;
  ll_lsp_parked *p = ll_calloc(1, sizeof *p);
  if (!p || !ll__lsp_id_copy(&p->id, id) ||
      (previous && !(p->previous_result_id = ll_strdup(previous)))) {
    if (p) ll__lsp_id_fini(&p->id);
    ll_free(p);
    return d; /* answer with what there is rather than not at all */
  }
  p->doc = d;
  d->refs++;
  p->next = s->parked;
  s->parked = p;
  /* Pulls come right after an edit: analyse now rather than debounce. */
  if (!d->job_running) {
    uv_timer_stop(&d->timer);
    start_job(s, d);
  }
  return NULL;
}
