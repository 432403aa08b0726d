/* The per-file pipeline: check the text, parse it into the node view, run
 * every enabled rule over it in one walk, apply suppressions, and hand back
 * a result that owns its findings. The tree and the node view are freed
 * before returning; only the findings (in the arena) survive, so memory does
 * not grow with the number of files analysed. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/utf8.h"
#include "engine/analyze.h"
#include "engine/registry.h"
#include "engine/report.h"
#include "engine/suppress.h"
#include "frontend/c/c.h"

enum { DEFAULT_MAX_FILE_SIZE = 4 << 20 };

/* The built-in pairs, loaded on first use and shared read-only. A failed
 * load (out of memory) is retried by the next call. */
static ll_resources *builtin_resources;
static pthread_mutex_t resources_lock = PTHREAD_MUTEX_INITIALIZER;

static const ll_resources *builtins(void) {
  pthread_mutex_lock(&resources_lock);
  if (!builtin_resources) builtin_resources = ll_resources_new(NULL, 0, NULL, NULL);
  const ll_resources *r = builtin_resources;
  pthread_mutex_unlock(&resources_lock);
  return r;
}

static void report_parse_error(const ll_js *js, const ll_options *o,
                               ll_report_sink *sink) {
  ll_severity sev = ll_options_severity(o, LL_RULE_parse_error);
  if (!js->has_error || sev == LL_SEV_OFF) return;
  char msg[128];
  if (js->error_missing) {
    snprintf(msg, sizeof msg, "Parsing error: missing '%s'", js->error_token);
  } else {
    uint32_t n = js->error_end - js->error_start;
    const char *t = js->src + js->error_start;
    const char *nl = memchr(t, '\n', n);
    if (nl) n = (uint32_t)(nl - t);
    if (n > 24) {
      n = 24;
      while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80) n--; /* whole chars */
    }
    if (n == 0) snprintf(msg, sizeof msg, "Parsing error: unexpected end of input");
    else snprintf(msg, sizeof msg, "Parsing error: unexpected '%.*s'", (int)n, t);
  }
  ll__sink_add(sink, js, LL_RULE_parse_error, sev, js->error_start,
               js->error_end, msg,
               "The rest of the file was analysed as far as it could be parsed.");
}

static void run_rules(const ll_js *js, const ll_options *o,
                      const ll_resources *res, ll_report_sink *sink) {
  const ll_rule_reg *reg = ll__registry_js();
  ll_rule_ctx ctx[LL_RULE_COUNT];
  bool on[LL_RULE_COUNT];
  for (uint16_t r = 0; r < LL_RULE_COUNT; r++) {
    on[r] = reg->js_rule[r] && o->severity[r] != LL_SEV_OFF;
    ctx[r] = (ll_rule_ctx){.js = js, .opts = o, .res = res,
                           .arena = js->arena, .rule = r, .sink = sink};
    if (on[r] && reg->state_size[r]) {
      ctx[r].state = ll_arena_alloc(js->arena, reg->state_size[r]);
      if (!ctx[r].state) {
        sink->oom = true;
        return;
      }
    }
  }
  for (ll_nid i = 0; i < js->count; i++) {
    uint16_t k = js->nodes[i].kind;
    for (uint8_t s = 0; s < reg->nsubs[k]; s++) {
      const ll_rule_sub *sub = &reg->subs[k][s];
      if (on[sub->rule]) sub->fn(&ctx[sub->rule], i);
    }
  }
  for (uint16_t r = 0; r < LL_RULE_COUNT; r++)
    if (on[r] && reg->end[r]) reg->end[r](&ctx[r]);
}

static int by_position(const void *a, const void *b) {
  const ll_pending *x = a, *y = b;
  if (x->f.start_byte != y->f.start_byte)
    return x->f.start_byte < y->f.start_byte ? -1 : 1;
  if (x->f.rule != y->f.rule) return x->f.rule < y->f.rule ? -1 : 1;
  return strcmp(x->f.message, y->f.message);
}

/* Copies `s` into the result arena (NULL stays NULL; `*ok` drops on OOM). */
static const char *keep(ll_arena *a, const char *s, bool *ok) {
  if (!s) return NULL;
  const char *c = ll_arena_strdup(a, s);
  if (!c) *ok = false;
  return c;
}

/* Builds the file's result in an arena of its own, copying every finding
 * out of the analysis's scratch memory: the scratch arena (node view
 * strings, rule state) is freed right after, so what the CLI keeps per file
 * until the report is written is only its findings — memory does not grow
 * with the corpus. NULL on OOM. */
static ll_file_result *finish(const char *path, ll_lang lang, size_t len,
                              ll_report_sink *sink) {
  if (sink->items.len > 1)
    qsort(sink->items.items, sink->items.len, sizeof *sink->items.items,
          by_position);
  ll_arena *arena = ll_arena_new_sized(sink->items.len ? 4096 : 256);
  if (!arena) return NULL;
  bool ok = true;
  ll_file_result *r = ll_arena_alloc(arena, sizeof *r);
  ll_finding *fs = ll_arena_alloc(arena, sink->items.len * sizeof *fs);
  if (!r || !fs) goto fail;
  r->arena = arena;
  r->path = keep(arena, path, &ok);
  r->lang = lang;
  r->bytes = len;
  for (uint32_t i = 0; i < sink->items.len && ok; i++) {
    ll_pending *p = &sink->items.items[i];
    fs[i] = p->f;
    fs[i].confirm = NULL;
    fs[i].message = keep(arena, p->f.message, &ok);
    fs[i].help = keep(arena, p->f.help, &ok);
    fs[i].source_line = keep(arena, p->f.source_line, &ok);
    if (p->related.len) {
      ll_related *rel = ll_arena_alloc(arena, p->related.len * sizeof *rel);
      if (!rel) goto fail;
      for (uint32_t k = 0; k < p->related.len; k++) {
        rel[k] = p->related.items[k];
        rel[k].message = keep(arena, rel[k].message, &ok);
      }
      fs[i].related = rel;
      fs[i].nrelated = p->related.len;
    }
    switch (fs[i].severity) {
    case LL_SEV_ERROR: r->errors++; break;
    case LL_SEV_WARNING: r->warnings++; break;
    default: r->infos++; break;
    }
  }
  if (!ok) goto fail;
  r->findings = fs;
  r->count = sink->items.len;
  return r;
fail:
  ll_arena_free(arena);
  return NULL;
}

static ll_status check_text(const char *path, const char *src, size_t len,
                            size_t max, ll_error *err) {
  if (len > max)
    return ll_error_set(err, LL_ETOOBIG, path,
                        "%s: file is %zu bytes, over the size limit of %zu "
                        "bytes (--max-file-size)",
                        path, len, max);
  if (ll_looks_binary(src, len))
    return ll_error_set(err, LL_EBINARY, path,
                        "%s: file looks binary (it contains NUL bytes)", path);
  size_t bad = 0;
  if (!ll_utf8_valid(src, len, &bad))
    return ll_error_set(err, LL_EBINARY, path,
                        "%s: file is not valid UTF-8 (invalid byte at offset %zu)",
                        path, bad);
  return LL_OK;
}

/* A C file: the text checks, then the C frontend (frontend/c/tu.c) in
 * place of the JS view, and the same suppressions from its comments. */
static ll_status analyze_c(const ll_options *o, const char *path,
                           const char *src, size_t len, ll_file_result **out,
                           ll_error *err) {
  ll_arena *arena = NULL;
  ll_report_sink sink = {0};
  ll_text text;
  size_t max = o->max_file_size ? o->max_file_size : DEFAULT_MAX_FILE_SIZE;
  if (max > UINT32_MAX - 1) max = UINT32_MAX - 1;
  ll_status st = check_text(path, src, len, max, err);
  if (st != LL_OK) return st;
  st = LL_ENOMEM;
  if (!(arena = ll_arena_new())) goto fail; /* scratch, freed below */
  if (!ll__text_init(&text, arena, src, (uint32_t)len)) goto fail;
  if ((st = ll__c_analyze(o, path, &text, &sink, err)) != LL_OK) goto fail;
  uint32_t ncomments = 0;
  ll_comment_span *comments = ll__c_comments(&text, &ncomments);
  st = LL_ENOMEM;
  if (!comments) goto fail;
  ll__apply_suppressions_text(&text, comments, ncomments, &sink,
                              o->report_unused_disables,
                              ll_options_severity(o, LL_RULE_unused_disable));
  ll_file_result *r = sink.oom ? NULL : finish(path, LL_LANG_C, len, &sink);
  if (!r) goto fail;
  ll__sink_fini(&sink);
  ll_arena_free(arena);
  *out = r;
  return LL_OK;
fail:
  ll__sink_fini(&sink);
  ll_arena_free(arena);
  if (!err || err->code == LL_OK)
    ll_error_set(err, st, path, "%s: %s", path, ll_status_str(st));
  return st;
}

/* TypeScript declaration files: `x.d.ts`, `x.d.mts`, `x.d.cts`. */
static bool is_declaration_file(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *d = strstr(base, ".d.");
  return d && (strcmp(d, ".d.ts") == 0 || strcmp(d, ".d.mts") == 0 ||
               strcmp(d, ".d.cts") == 0);
}

ll_status ll_analyze_source(const ll_options *o, const char *path,
                            const char *src, size_t len, ll_file_result **out,
                            ll_error *err) {
  return ll__analyze_source(o, path, src, len, NULL, out, err);
}

ll_status ll__analyze_source(const ll_options *o, const char *path,
                             const char *src, size_t len,
                             ll_parse_cache *cache, ll_file_result **out,
                             ll_error *err) {
  ll_arena *arena = NULL;
  ll_resources *own_res = NULL;
  ll_report_sink sink = {0};
  ll_js js;
  bool parsed = false, err_set = false;
  ll_status st;
  *out = NULL;
  if (ll_lang_for_path(path) == LL_LANG_C)
    return analyze_c(o, path, src, len, out, err);
  if (ll_lang_for_path(path) != LL_LANG_JS)
    return ll_error_set(err, LL_ELANG, path,
                        "%s: not a JavaScript or TypeScript file", path);
  size_t max = o->max_file_size ? o->max_file_size : DEFAULT_MAX_FILE_SIZE;
  if (max > UINT32_MAX - 1) max = UINT32_MAX - 1;
  if ((st = check_text(path, src, len, max, err)) != LL_OK) return st;
  if (is_declaration_file(path)) {
    /* `.d.ts` holds types only: nothing in it ever runs, nothing leaks. */
    ll_report_sink none = {0};
    *out = finish(path, LL_LANG_JS, len, &none);
    return *out ? LL_OK : ll_error_set(err, LL_ENOMEM, path, "%s: %s", path,
                                       ll_status_str(LL_ENOMEM));
  }

  st = LL_ENOMEM;
  const ll_resources *res;
  if (o->npairs) {
    res = own_res = ll_resources_new(o->pairs, o->npairs, path, err);
    err_set = res == NULL;
  } else {
    res = builtins();
  }
  if (!res || !(arena = ll_arena_new())) goto fail; /* scratch, freed below */

  st = cache ? ll__parse_cache_parse(cache, &js, arena, path, src,
                                     (uint32_t)len, o)
             : ll_js_parse(&js, arena, path, src, (uint32_t)len, o->env,
                           o->globals, o->nglobals);
  parsed = true;
  if (st != LL_OK) goto fail;
  report_parse_error(&js, o, &sink);
  run_rules(&js, o, res, &sink);
  ll__apply_suppressions(&js, &sink, o->report_unused_disables,
                         ll_options_severity(o, LL_RULE_unused_disable));
  st = LL_ENOMEM;
  ll_file_result *r = sink.oom ? NULL : finish(path, LL_LANG_JS, len, &sink);
  if (!r) goto fail;
  ll_js_fini(&js);
  ll__sink_fini(&sink);
  ll_resources_free(own_res);
  ll_arena_free(arena);
  *out = r;
  return LL_OK;
fail:
  if (parsed) ll_js_fini(&js);
  ll__sink_fini(&sink);
  ll_resources_free(own_res);
  ll_arena_free(arena);
  if (!err_set) ll_error_set(err, st, path, "%s: %s", path, ll_status_str(st));
  return st;
}
