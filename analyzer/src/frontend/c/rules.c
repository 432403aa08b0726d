/* The C rules' side of the engine: their registrations (from the LANG C
 * rows of rules/rules.def) and the reporting helpers they use. A C rule
 * only words findings; the dataflow (flow.c) decides what leaks. */
#include <pthread.h>
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

#include "frontend/c/c.h"

static ll_c_rule_reg registry;
static pthread_once_t registry_once = PTHREAD_ONCE_INIT;

void ll_c_rule_on_leak(ll_c_rule_reg *reg, ll_c_leak_fn fn) {
  reg->on_leak[reg->current] = fn;
}

static void register_all(void) {
  ll_c_rule_reg *reg = &registry;
#define REG_ANY(sym)
#define REG_JS(sym)
#define REG_C(sym)              \
  reg->current = LL_RULE_##sym; \
  ll_rule_##sym##_register(reg);
#define LL_RULE(sym, id, lang, cat, sev, fix, desc) REG_##lang(sym)
#include "rules/rules.def"
#undef LL_RULE
#undef REG_ANY
#undef REG_JS
#undef REG_C
}

const ll_c_rule_reg *ll__c_registry(void) {
  pthread_once(&registry_once, register_all);
  return &registry;
}

int ll_c_report(ll_c_rule_ctx *ctx, uint32_t start, uint32_t end,
                const char *help, const char *fmt, ...) {
  ll_severity level = ll_options_severity(ctx->opts, ctx->rule);
  if (level == LL_SEV_OFF) return -1;
  va_list ap;
  va_start(ap, fmt);
  char *msg = ll_arena_vprintf(ctx->text->arena, fmt, ap);
  va_end(ap);
  if (!msg) {
    ctx->sink->oom = true;
    return -1;
  }
  if (end < start) end = start;
  if (end > ctx->text->len) end = ctx->text->len;
  if (start > end) start = end;
  return ll__sink_add_text(ctx->sink, ctx->text, ctx->rule, level, start, end,
                           msg, help);
}

void ll_c_report_related(ll_c_rule_ctx *ctx, int handle, uint32_t start,
                         uint32_t end, const char *fmt, ...) {
  if (handle < 0) return;
  va_list ap;
  va_start(ap, fmt);
  char *msg = ll_arena_vprintf(ctx->text->arena, fmt, ap);
  va_end(ap);
  if (end > ctx->text->len) end = ctx->text->len;
  if (start > end) start = end;
  ll__sink_related_text(ctx->sink, handle, ctx->text, start, end, msg);
}

/* "Memory allocated by `malloc` at line 12 (`buf`)". */
static const char *subject(ll_c_rule_ctx *ctx, const ll_c_leak *l) {
  const char *what = l->pair ? l->pair->what : "resource";
  char first[64];
  snprintf(first, sizeof first, "%s", what);
  if (first[0] >= 'a' && first[0] <= 'z') first[0] = (char)(first[0] - 'a' + 'A');
  const char *verb = !strcmp(what, "memory") ? "allocated" : "acquired";
  if (l->var)
    return ll_arena_printf(ctx->text->arena, "%s %s by `%s` at line %u (`%s`)",
                           first, verb, l->acquire, l->acq_line, l->var);
  return ll_arena_printf(ctx->text->arena, "%s %s by `%s` at line %u", first,
                         verb, l->acquire, l->acq_line);
}

/* "uv_timer_s" -> the length of "uv_timer", to print "uv_timer_t". */
static int uv_tag_len(const char *tag) {
  size_t n = strlen(tag);
  if (n > 2 && !strcmp(tag + n - 2, "_s")) n -= 2;
  return (int)n;
}

int ll_c_report_leak(ll_c_rule_ctx *ctx, const ll_c_leak *l, const char *help) {
  const char *subj = subject(ctx, l);
  if (!subj) return -1;
  const char *ctxs = l->context ? " (" : "";
  const char *ctxe = l->context ? ")" : "";
  const char *ctxt = l->context ? l->context : "";
  int h = -1;
  const char *at_msg = "leaked here";
  switch (l->how) {
  case LL_C_LEAK_RETURN:
    h = ll_c_report(ctx, l->acq_start, l->acq_end, help,
                    "%s is leaked when returning at line %u%s%s%s", subj,
                    l->at_line, ctxs, ctxt, ctxe);
    at_msg = "leaked when returning here";
    break;
  case LL_C_LEAK_END:
    h = ll_c_report(ctx, l->acq_start, l->acq_end, help,
                    "%s is leaked at the end of `%s` (line %u)", subj,
                    l->function ? l->function : "the function", l->at_line);
    at_msg = "leaked at the end of the function";
    break;
  case LL_C_LEAK_OVERWRITE:
    h = ll_c_report(ctx, l->acq_start, l->acq_end, help,
                    "%s is lost when `%s` is overwritten at line %u", subj,
                    l->detail ? l->detail : "it", l->at_line);
    at_msg = "the only pointer to it is overwritten here";
    break;
  case LL_C_LEAK_DISCARDED:
    h = ll_c_report(ctx, l->acq_start, l->acq_end, help,
                    "%s is leaked at once: the result is discarded", subj);
    break;
  case LL_C_LEAK_REALLOC:
    h = ll_c_report(ctx, l->at_start, l->at_end, help,
                    "`%s = %s(%s, ...)` at line %u leaks the original block when "
                    "%s fails (it returns NULL and `%s` is overwritten)",
                    l->detail ? l->detail : "p", l->acquire,
                    l->detail ? l->detail : "p", l->at_line, l->acquire,
                    l->detail ? l->detail : "p");
    at_msg = "the original pointer is overwritten here";
    break;
  case LL_C_LEAK_OWNER_FREED:
    h = ll_c_report(ctx, l->acq_start, l->acq_end, help,
                    "%s is leaked when its owner `%s` is freed at line %u "
                    "without releasing it first", subj,
                    l->detail ? l->detail : "?", l->at_line);
    at_msg = "the owner is freed here";
    break;
  case LL_C_LEAK_NOT_CLOSED:
    if (l->detail && !strcmp(l->detail, "freed"))
      h = ll_c_report(ctx, l->at_start, l->at_end, help,
                      "The libuv handle allocated at line %u is freed at line "
                      "%u while its loop still holds it (never `uv_close`d)",
                      l->acq_line, l->at_line);
    else
      h = ll_c_report(ctx, l->acq_start, l->acq_end, help,
                      "The libuv handle allocated by `%s` at line %u%s%s%s is "
                      "initialised but never closed: nothing in this file "
                      "calls `uv_close` on a%s%.*s%s handle", l->acquire,
                      l->acq_line, l->var ? " (`" : "", l->var ? l->var : "",
                      l->var ? "`)" : "", l->detail ? " `" : "",
                      l->detail ? uv_tag_len(l->detail) : 0,
                      l->detail ? l->detail : "", l->detail ? "_t`" : "");
    at_msg = "the handle is lost here";
    break;
  case LL_C_LEAK_NO_CLOSE_CB:
    if (l->detail)
      h = ll_c_report(ctx, l->at_start, l->at_end, help,
                      "`uv_close` at line %u has a close callback, `%s`, that "
                      "does not free the handle allocated at line %u",
                      l->at_line, l->detail, l->acq_line);
    else
      h = ll_c_report(ctx, l->at_start, l->at_end, help,
                      "`uv_close` at line %u has no close callback, so nothing "
                      "frees the handle allocated at line %u", l->at_line,
                      l->acq_line);
    at_msg = "closed without a callback here";
    break;
  case LL_C_LEAK_FIELD: {
    /* "`c->timer` is not closed by conn_destroy() (line 40), which frees
     * `c`", at the release function; related: the store, the function. */
    const char *kind = l->pair ? l->pair->kind : "";
    const char *verb = !strcmp(kind, "heap")       ? "freed"
                       : !strcmp(kind, "napi-ref") ? "deleted"
                                                   : "closed";
    h = ll_c_report(ctx, l->at_start, l->at_end, help,
                    "`%s` is not %s by %s() (line %u), which frees `%s`: the %s "
                    "stored into it at line %u leaks with the struct",
                    l->var ? l->var : "?", verb, l->function ? l->function : "?",
                    l->at_line, l->detail ? l->detail : "?",
                    l->pair ? l->pair->what : "resource", l->acq_line);
    ll_c_report_related(ctx, h, l->acq_start, l->acq_end,
                        "the %s is stored into the field here",
                        l->pair ? l->pair->what : "resource");
    ll_c_report_related(ctx, h, l->at_start, l->at_end,
                        "this release function frees `%s` but not `%s`",
                        l->detail ? l->detail : "?", l->var ? l->var : "?");
    return h;
  }
  case LL_C_LEAK_REPEATING:
    h = ll_c_report(ctx, l->acq_start, l->acq_end, help,
                    "Repeating timer `%s` started at line %u is never stopped: "
                    "nothing in this file calls `uv_timer_stop` or `uv_close` "
                    "on it", l->var ? l->var : "?", l->acq_line);
    return h;
  }
  ll_c_report_related(ctx, h, l->acq_start, l->acq_end, "%s",
                      l->how == LL_C_LEAK_REALLOC ? "reallocated here"
                                                  : "acquired here");
  if (l->at_start != l->acq_start)
    ll_c_report_related(ctx, h, l->at_start, l->at_end, "%s", at_msg);
  return h;
}
