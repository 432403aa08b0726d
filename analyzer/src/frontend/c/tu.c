/* One C translation unit, start to finish: flags, parse, the parse-error
 * warning, summaries to a fixpoint, the reporting pass, the TU-wide libuv
 * timer check, and handing the leaks to the C rules.
 *
 * Invariants: a CXIndex per call (worker threads never share one); every
 * libclang object is disposed on every path out; nothing here chdirs or
 * prints. A file libclang cannot parse at all still yields a result: one
 * `parse-error` finding that says why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/c/c.h"
#include "frontend/c/flags.h"
#include "frontend/c/flow.h"

enum { MAX_RUNS_PER_FUNCTION = 5 };

/* ==== Comments ==== */

ll_comment_span *ll__c_comments(const ll_text *t, uint32_t *n) {
  ll_array(ll_comment_span) cs = {0};
  const char *s = t->src;
  uint32_t len = t->len, i = 0;
  bool oom = false;
  while (i < len && !oom) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      for (i++; i < len && s[i] != c && s[i] != '\n'; i++)
        if (s[i] == '\\') i++;
      i++;
    } else if (c == '/' && i + 1 < len && s[i + 1] == '/') {
      uint32_t st = i;
      while (i < len && s[i] != '\n') i++;
      oom = !ll_array_push(&cs, ((ll_comment_span){st, i}));
    } else if (c == '/' && i + 1 < len && s[i + 1] == '*') {
      uint32_t st = i;
      i += 2;
      while (i + 1 < len && !(s[i] == '*' && s[i + 1] == '/')) i++;
      i = i + 2 <= len ? i + 2 : len;
      oom = !ll_array_push(&cs, ((ll_comment_span){st, i}));
    } else {
      i++;
    }
  }
  ll_comment_span *out = ll_arena_alloc(t->arena, (cs.len + 1) * sizeof *out);
  if (out && cs.len) memcpy(out, cs.items, cs.len * sizeof *out);
  *n = out && !oom ? cs.len : 0;
  ll_array_free(&cs);
  return oom ? NULL : out;
}

/* ==== Parse errors ==== */

static void parse_warning(const ll_options *o, const ll_text *t,
                          ll_report_sink *sink, uint32_t off,
                          const char *msg) {
  ll_severity sev = o->severity[LL_RULE_parse_error];
  if (sev == LL_SEV_OFF) return;
  /* C parse problems are warnings by default: analysis goes on with what
   * parsed, and a missing header is usually a setup problem. */
  if (sev == LL_SEV_DEFAULT) sev = LL_SEV_WARNING;
  if (off > t->len) off = 0;
  uint32_t end = off;
  while (end < t->len && t->src[end] != '\n') end++;
  ll__sink_add_text(sink, t, LL_RULE_parse_error, sev, off, end, msg,
                    "Give leaklint the project's flags with --compile-commands "
                    "DIR (compile_commands.json) or the config's c.includes / "
                    "c.defines; the rest of the file was analysed as far as "
                    "it parsed.");
}

/* The first error of the translation unit, as one warning. */
static void report_diagnostics(const ll_options *o, const ll_text *t,
                               ll_report_sink *sink, CXTranslationUnit tu) {
  unsigned n = LLC(getNumDiagnostics)(tu);
  for (unsigned i = 0; i < n; i++) {
    CXDiagnostic d = LLC(getDiagnostic)(tu, i);
    enum CXDiagnosticSeverity sev = LLC(getDiagnosticSeverity)(d);
    if (sev < CXDiagnostic_Error) {
      LLC(disposeDiagnostic)(d);
      continue;
    }
    CXSourceLocation loc = LLC(getDiagnosticLocation)(d);
    unsigned off = 0;
    CXFile file = NULL;
    LLC(getExpansionLocation)(loc, &file, NULL, NULL, &off);
    if (!LLC(Location_isFromMainFile)(loc)) off = 0;
    CXString s = LLC(getDiagnosticSpelling)(d);
    unsigned errors = 0;
    for (unsigned k = i; k < n; k++) {
      CXDiagnostic dk = LLC(getDiagnostic)(tu, k);
      errors += LLC(getDiagnosticSeverity)(dk) >= CXDiagnostic_Error;
      LLC(disposeDiagnostic)(dk);
    }
    char msg[600];
    snprintf(msg, sizeof msg, "Parsing error: %s%s", LLC(getCString)(s),
             errors > 1 ? " (and more errors; findings may be incomplete)"
                        : " (findings may be incomplete)");
    LLC(disposeString)(s);
    LLC(disposeDiagnostic)(d);
    parse_warning(o, t, sink, off, msg);
    return;
  }
}

/* ==== The file's functions ==== */

typedef struct timer_use {
  CXCursor call;
  const char *ident; /* "f:field", "g:name", "l:name" (starts) / "*" */
  const char *fn;    /* the enclosing function */
  const char *cb;    /* starts: the timer callback's name, or NULL */
} timer_use;

/* A reference from function `from` (an index into `fns`) to the function
 * named `to`: a call, or a function pointer such as a close callback. */
typedef struct fn_ref {
  int from;
  const char *to;
  const char *usr; /* `ext`: the function's USR */
} fn_ref;

typedef struct collect {
  ll_c_file *f;
  const char *fn; /* the function being visited */
  int fn_index;   /* ... its index in `fns`, or -1 */
  ll_array(CXCursor) fns;
  ll_array(fn_ref) refs;
  ll_array(fn_ref) ext; /* used, not defined (whole-project runs) */
  ll_array(int) acquiring; /* functions that call an acquiring function */
  ll_array(timer_use) starts, stops;
} collect;

/* The identity of a libuv handle argument, for matching starts and stops. */
static const char *handle_ident(ll_c_file *f, CXCursor arg, bool is_stop) {
  CXCursor u = ll__c_unwrap(arg);
  CXCursor kid[1];
  if (LLC(getCursorKind)(u) == CXCursor_UnaryOperator &&
      LLC(getCursorUnaryOperatorKind)(u) == CXUnaryOperator_AddrOf &&
      ll__c_kids(u, kid, 1) == 1)
    u = ll__c_unwrap(kid[0]);
  CXString s = LLC(getCursorSpelling)(u);
  const char *name = ll_arena_strdup(f->scratch, LLC(getCString)(s));
  LLC(disposeString)(s);
  enum CXCursorKind k = LLC(getCursorKind)(u);
  if (k == CXCursor_MemberRefExpr)
    return ll_arena_printf(f->scratch, "f:%s", name);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor d = LLC(getCursorReferenced)(u);
    bool global = LLC(getCursorKind)(LLC(getCursorSemanticParent)(d)) !=
                      CXCursor_FunctionDecl ||
                  LLC(Cursor_getStorageClass)(d) == CX_SC_Static;
    if (global) return ll_arena_printf(f->scratch, "g:%s", name);
    if (!is_stop) return ll_arena_printf(f->scratch, "l:%s", name);
    return "*"; /* a local or parameter: a callback closing its handle */
  }
  return is_stop ? "*" : ll_arena_printf(f->scratch, "?:%s", name);
}

/* ==== Constants: file-scope variables never written ==== */

/* A file-scope, non-extern integer variable with a constant initialiser. */
static void note_const(ll_c_file *f, CXCursor c) {
  if (LLC(getCursorKind)(c) != CXCursor_VarDecl ||
      LLC(Cursor_getStorageClass)(c) == CX_SC_Extern ||
      !LLC(Location_isFromMainFile)(LLC(getCursorLocation)(c)))
    return;
  CXType t = LLC(getCanonicalType)(LLC(getCursorType)(c));
  if (!(t.kind >= CXType_Bool && t.kind <= CXType_Int128) &&
      t.kind != CXType_Enum)
    return;
  CXCursor init = LLC(Cursor_getVarDeclInitializer)(c);
  long long v;
  if (LLC(Cursor_isNull)(init) || !ll__c_int_const(init, &v)) return;
  ll_c_const k = {LLC(getCanonicalCursor)(c), v, false};
  if (!ll_array_push(&f->consts, k)) f->oom = true;
}

static void mark_written(ll_c_file *f, CXCursor lhs) {
  CXCursor u = ll__c_unwrap(lhs);
  if (LLC(getCursorKind)(u) != CXCursor_DeclRefExpr) return;
  CXCursor d = LLC(getCanonicalCursor)(LLC(getCursorReferenced)(u));
  for (uint32_t i = 0; i < f->consts.len; i++)
    if (LLC(equalCursors)(f->consts.items[i].decl, d))
      f->consts.items[i].written = true;
}

/* Assignments, `++`/`--` and `&` make a variable no constant. */
static void note_write(ll_c_file *f, CXCursor c) {
  if (!f->consts.len) return;
  enum CXCursorKind k = LLC(getCursorKind)(c);
  CXCursor kid[2];
  if (k == CXCursor_CompoundAssignOperator && ll__c_kids(c, kid, 2) >= 1) {
    mark_written(f, kid[0]);
  } else if (k == CXCursor_BinaryOperator &&
             LLC(getCursorBinaryOperatorKind)(c) == CXBinaryOperator_Assign &&
             ll__c_kids(c, kid, 2) >= 1) {
    mark_written(f, kid[0]);
  } else if (k == CXCursor_UnaryOperator && ll__c_kids(c, kid, 1) == 1) {
    enum CXUnaryOperatorKind op = LLC(getCursorUnaryOperatorKind)(c);
    if (op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
        op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec ||
        op == CXUnaryOperator_AddrOf)
      mark_written(f, kid[0]);
  }
}

static enum CXChildVisitResult consts_visit(CXCursor c, CXCursor p,
                                            CXClientData d) {
  (void)p;
  note_const(d, c);
  return CXChildVisit_Continue;
}

/* Whole-project runs: a function used here but defined elsewhere. */
static void note_external(collect *col, CXCursor fd, const char *name) {
  ll_c_summary *s = ll__c_summary(col->f, name);
  if (!s || s->ext_used) return;
  s->ext_used = true;
  if (!LLC(Cursor_isNull)(LLC(getCursorDefinition)(fd))) return;
  CXString u = LLC(getCursorUSR)(fd);
  fn_ref e = {-1, name, NULL};
  e.usr = ll_arena_strdup(col->f->scratch, LLC(getCString)(u));
  LLC(disposeString)(u);
  if (!e.usr || !ll_array_push(&col->ext, e)) col->f->oom = true;
}

static enum CXChildVisitResult calls_visit(CXCursor c, CXCursor p,
                                           CXClientData d) {
  (void)p;
  collect *col = d;
  note_write(col->f, c);
  enum CXCursorKind kind = LLC(getCursorKind)(c);
  if (kind == CXCursor_DeclRefExpr && col->fn_index >= 0) {
    CXCursor fd = LLC(getCursorReferenced)(c);
    if (LLC(getCursorKind)(fd) == CXCursor_FunctionDecl) {
      CXString ds = LLC(getCursorSpelling)(fd);
      fn_ref r = {col->fn_index, NULL, NULL};
      r.to = ll_arena_strdup(col->f->scratch, LLC(getCString)(ds));
      LLC(disposeString)(ds);
      if (!r.to || !ll_array_push(&col->refs, r)) col->f->oom = true;
      if (r.to && col->f->opts->c_xtu) note_external(col, fd, r.to);
    }
    return CXChildVisit_Recurse;
  }
  if (kind != CXCursor_CallExpr) return CXChildVisit_Recurse;
  const char *name = ll__c_callee_name(col->f, c);
  if (!name) return CXChildVisit_Recurse;
  ll_c_call_model m = ll__c_model_lookup(col->f->model, name);
  if ((m.role == LL_C_ACQUIRE || m.role == LL_C_ACQUIRE_OUT ||
       m.role == LL_C_REALLOC || m.role == LL_C_INIT) &&
      col->fn_index >= 0 && !ll_array_push(&col->acquiring, col->fn_index))
    col->f->oom = true;
  bool is_close = !strcmp(name, "uv_close");
  if (m.role != LL_C_START && !is_close && strcmp(name, "uv_timer_stop"))
    return CXChildVisit_Recurse; /* the rest is about libuv timers */
  const ll_c_pair *pair = m.pair >= 0 ? &col->f->model->pairs[m.pair] : NULL;
  int nargs = LLC(Cursor_getNumArguments)(c);
  const char *type = nargs >= 1
                         ? ll__c_uv_type(col->f, LLC(Cursor_getArgument)(c, 0))
                         : NULL;
  if (is_close) {
    col->f->has_uv_close = true;
    if (ll__c_uv_type_generic(type)) col->f->uv_closed_any = true;
    else if (!ll_array_push(&col->f->uv_closed, type)) col->f->oom = true;
  }
  bool is_start = m.role == LL_C_START;
  bool is_stop = !strcmp(name, "uv_timer_stop") || !strcmp(name, "uv_close");
  /* Closing an idle or a TCP handle stops no timer. */
  if (is_stop && !ll__c_uv_type_generic(type) && strcmp(type, "uv_timer_s"))
    is_stop = false;
  if ((is_start || is_stop) && nargs >= 1) {
    if (is_start && pair) {
      long long rep = 1;
      CXCursor ra = pair->repeat_arg < nargs
                        ? LLC(Cursor_getArgument)(c, (unsigned)pair->repeat_arg)
                        : LLC(getNullCursor)();
      if (!LLC(Cursor_isNull)(ra) && ll__c_fold(col->f, ra, &rep) &&
          rep == 0)
        return CXChildVisit_Recurse; /* a one-shot timer */
    }
    timer_use u = {c,
                   handle_ident(col->f, LLC(Cursor_getArgument)(c, 0), is_stop),
                   col->fn, NULL};
    if (is_start && nargs >= 2) {
      CXCursor cb = ll__c_unwrap(LLC(Cursor_getArgument)(c, 1));
      CXCursor fd = LLC(getCursorReferenced)(cb);
      if (LLC(getCursorKind)(cb) == CXCursor_DeclRefExpr &&
          LLC(getCursorKind)(fd) == CXCursor_FunctionDecl) {
        CXString cs = LLC(getCursorSpelling)(fd);
        u.cb = ll_arena_strdup(col->f->scratch, LLC(getCString)(cs));
        LLC(disposeString)(cs);
      }
    }
    if (u.ident && !ll_array_push(is_start ? &col->starts : &col->stops, u))
      col->f->oom = true;
  }
  return CXChildVisit_Recurse;
}

static enum CXChildVisitResult top_visit(CXCursor c, CXCursor p,
                                         CXClientData d) {
  (void)p;
  collect *col = d;
  if (LLC(getCursorKind)(c) == CXCursor_VarDecl &&
      LLC(Location_isFromMainFile)(LLC(getCursorLocation)(c)))
    LLC(visitChildren)(c, calls_visit, col); /* `int *p = &x;` */
  if (LLC(getCursorKind)(c) != CXCursor_FunctionDecl ||
      !LLC(isCursorDefinition)(c) ||
      !LLC(Location_isFromMainFile)(LLC(getCursorLocation)(c)))
    return CXChildVisit_Continue;
  if (!ll_array_push(&col->fns, c)) col->f->oom = true;
  CXString fs = LLC(getCursorSpelling)(c);
  col->fn = ll_arena_strdup(col->f->scratch, LLC(getCString)(fs));
  LLC(disposeString)(fs);
  col->fn_index = (int)col->fns.len - 1;
  ll_c_summary *sum = col->fn ? ll__c_summary(col->f, col->fn) : NULL;
  if (sum) sum->fn_index = col->fn_index;
  LLC(visitChildren)(c, calls_visit, col);
  col->fn = NULL;
  col->fn_index = -1;
  return CXChildVisit_Continue;
}

/* Repeating timers whose handle nothing in the file stops or closes. */
static void timer_pass(ll_c_file *f, collect *col) {
  int tp = -1;
  for (uint32_t k = 0; k < f->model->npairs; k++)
    if (f->model->pairs[k].start) tp = (int)k;
  if (tp < 0) return;
  for (uint32_t i = 0; i < col->starts.len; i++) {
    const timer_use *s = &col->starts.items[i];
    bool stopped = false;
    for (uint32_t k = 0; k < col->stops.len && !stopped; k++) {
      const timer_use *st = &col->stops.items[k];
      if (strcmp(st->ident, "*")) {
        stopped = !strcmp(st->ident, s->ident);
        continue;
      }
      /* A stop of a parameter or local: in a timer callback it stops the
       * timers started with that callback; elsewhere (a helper) any. */
      bool in_cb = false;
      for (uint32_t j = 0; j < col->starts.len && !in_cb; j++)
        in_cb = col->starts.items[j].cb && st->fn &&
                !strcmp(col->starts.items[j].cb, st->fn);
      stopped = !in_cb || (s->cb && st->fn && !strcmp(s->cb, st->fn));
    }
    if (stopped || !strncmp(s->ident, "l:", 2)) {
      /* A local handle stopped nowhere is still usually stopped by its
       * callback (through the parameter): only fields and globals are
       * judged file-wide. */
      if (stopped || col->stops.len) continue;
    }
    ll_c_leak l;
    memset(&l, 0, sizeof l);
    l.how = LL_C_LEAK_REPEATING;
    l.pair = &f->model->pairs[tp];
    l.acquire = "uv_timer_start";
    l.var = s->ident + 2;
    l.acq_start = l.at_start = ll__c_start(s->call);
    l.acq_end = l.at_end = ll__c_end(s->call);
    l.acq_line = l.at_line = ll__text_line_of(f->text, l.acq_start) + 1;
    if (!ll_array_push(&f->leaks, l)) f->oom = true;
  }
}

/* ==== Which functions to analyse, and in which order ==== */

/* A function needs the dataflow when it may own a resource (it calls an
 * acquiring function, or a function of the file that may return one) or
 * when such a function depends on its summary (it calls or references it,
 * directly or not). The rest can neither leak nor change a finding: in the
 * SQLite amalgamation that is most of its 5000 functions. `all` analyses
 * every function (their summaries are wanted for other files).
 *
 * Order: callees before callers (a post-order of the call graph), so one
 * run of each function usually settles the summaries. A function whose
 * summary changes re-queues its callers; each function runs at most
 * MAX_RUNS_PER_FUNCTION times (recursion). Every run reports, and only the
 * leaks of a function's last run are kept. */
typedef struct sched {
  uint32_t n;
  const int *outs;
  const uint32_t *out_at;
  uint8_t *mark, *queued;
  int *stack, *queue;
  uint32_t head, len;
} sched;

static void sc_push(sched *sc, int a) {
  sc->queued[a] = 1;
  sc->queue[(sc->head + sc->len++) % sc->n] = a;
}

/* Marks `root` and what it references (not yet marked) as needed, and
 * queues them in post-order: callees first. */
static void need(sched *sc, int root) {
  if (sc->mark[root]) return;
  int sp = 0;
  sc->stack[sp++] = root;
  sc->mark[root] = 1;
  while (sp) {
    int a = sc->stack[sp - 1];
    bool pushed = false;
    for (uint32_t k = sc->out_at[a]; k < sc->out_at[a + 1] && !pushed; k++)
      if (!sc->mark[sc->outs[k]]) {
        sc->mark[sc->outs[k]] = 1;
        sc->stack[sp++] = sc->outs[k];
        pushed = true;
      }
    if (!pushed) {
      sp--;
      if (!sc->queued[a]) sc_push(sc, a);
    }
  }
}

static void analyse_functions(ll_c_file *f, collect *col, bool all) {
  uint32_t n = col->fns.len, ne = col->refs.len;
  bool need_later = false;
  if (!n) return;
  /* The reference graph, as callee and caller lists (CSR). */
  int *to = ll_calloc(ne + 1, sizeof *to);
  uint32_t *out_at = ll_calloc(n + 1, sizeof *out_at);
  uint32_t *in_at = ll_calloc(n + 1, sizeof *in_at);
  int *outs = ll_calloc(ne + 1, sizeof *outs), *ins = ll_calloc(ne + 1, sizeof *ins);
  uint8_t *mark = ll_calloc(n, 1); /* needed */
  int *stack = ll_calloc(2 * (size_t)n + ne + 1, sizeof *stack);
  int *queue = ll_calloc(n, sizeof *queue);
  uint32_t *gen = ll_calloc(n, sizeof *gen), *runs = ll_calloc(n, sizeof *runs);
  uint8_t *queued = ll_calloc(n, 1);
  if (!to || !out_at || !in_at || !outs || !ins || !mark || !stack ||
      !queue || !gen || !runs || !queued) {
    f->oom = true;
    goto out;
  }
  for (uint32_t e = 0; e < ne; e++) {
    ll_c_summary *s = ll__c_summary(f, col->refs.items[e].to);
    to[e] = s ? s->fn_index : -1;
    if (s && s->fn_index < 0 && s->defined && s->returns_pair >= 0)
      need_later = true; /* an allocator of another file */
    if (to[e] >= 0) out_at[col->refs.items[e].from + 1]++, in_at[to[e] + 1]++;
  }
  for (uint32_t i = 0; i < n; i++) out_at[i + 1] += out_at[i], in_at[i + 1] += in_at[i];
  {
    uint32_t *oc = gen, *ic = runs; /* fill counters, zeroed after */
    for (uint32_t e = 0; e < ne; e++) {
      if (to[e] < 0) continue;
      int a = col->refs.items[e].from;
      outs[out_at[a] + oc[a]++] = to[e];
      ins[in_at[to[e]] + ic[to[e]]++] = a;
    }
    memset(gen, 0, n * sizeof *gen);
    memset(runs, 0, n * sizeof *runs);
  }
  /* The runs: a FIFO, seeded with the acquiring functions and what they
   * reference, callees first. A function whose summary changes re-queues
   * its needed callers; one that turns out to return a new resource makes
   * all its callers (and what they reference) needed. */
  sched sc = {.n = n, .outs = outs, .out_at = out_at, .mark = mark,
              .queued = queued, .stack = stack, .queue = queue};
  for (uint32_t i = 0; i < col->acquiring.len; i++)
    need(&sc, col->acquiring.items[i]);
  for (uint32_t i = 0; all && i < n; i++) need(&sc, (int)i);
  for (uint32_t e = 0; need_later && e < ne; e++) {
    ll_c_summary *s = ll__c_summary(f, col->refs.items[e].to);
    if (s && s->fn_index < 0 && s->defined && s->returns_pair >= 0)
      need(&sc, col->refs.items[e].from);
  }
  while (sc.len && !f->oom) {
    int a = queue[sc.head];
    sc.head = (sc.head + 1) % n;
    sc.len--;
    queued[a] = 0;
    if (runs[a]++ >= MAX_RUNS_PER_FUNCTION) continue;
    f->changed = false;
    f->cur_fn = a;
    f->cur_gen = ++gen[a];
    ll__c_flow_function(f, col->fns.items[a], true);
    if (!f->changed) continue;
    CXString fs = LLC(getCursorSpelling)(col->fns.items[a]);
    ll_c_summary *sum = ll__c_summary(f, LLC(getCString)(fs));
    LLC(disposeString)(fs);
    bool acquires = sum && sum->returns_pair >= 0;
    for (uint32_t k = in_at[a]; k < in_at[a + 1]; k++) {
      int c = ins[k];
      if (!mark[c] && acquires) need(&sc, c);
      else if (mark[c] && !queued[c]) sc_push(&sc, c);
    }
  }
  /* Keep each function's last run's leaks. */
  uint32_t w = 0;
  for (uint32_t i = 0; i < f->leaks.len; i++) {
    const ll_c_leak *l = &f->leaks.items[i];
    if (l->fn_index >= 0 && l->gen != gen[l->fn_index]) continue;
    f->leaks.items[w++] = *l;
  }
  f->leaks.len = w;
out:
  ll_free(to);
  ll_free(out_at);
  ll_free(in_at);
  ll_free(outs);
  ll_free(ins);
  ll_free(mark);
  ll_free(stack);
  ll_free(queue);
  ll_free(gen);
  ll_free(runs);
  ll_free(queued);
}

/* ==== Ownership by struct field ==== */

/* Whether `fn` takes a pointer to a struct some function of the file
 * stores a resource into a field of. */
static bool takes_owning_struct(ll_c_file *f, CXCursor fn) {
  int n = LLC(Cursor_getNumArguments)(fn);
  for (int i = 0; i < n; i++) {
    CXType t = LLC(getCanonicalType)(
        LLC(getCursorType)(LLC(Cursor_getArgument)(fn, (unsigned)i)));
    if (t.kind != CXType_Pointer) continue;
    CXType rt = LLC(getCanonicalType)(LLC(getPointeeType)(t));
    if (rt.kind != CXType_Record) continue;
    CXString ts = LLC(getTypeSpelling)(rt);
    bool hit = false;
    for (uint32_t k = 0; k < f->field_stores.len && !hit; k++)
      hit = !strcmp(f->field_stores.items[k].type, LLC(getCString)(ts));
    LLC(disposeString)(ts);
    if (hit) return true;
  }
  return false;
}

typedef struct release_scan {
  ll_c_file *f;
  bool found;
} release_scan;

/* A call that may free: a model release, or a function of the file. */
static enum CXChildVisitResult release_visit(CXCursor c, CXCursor p,
                                             CXClientData d) {
  (void)p;
  release_scan *rs = d;
  if (LLC(getCursorKind)(c) != CXCursor_CallExpr) return CXChildVisit_Recurse;
  const char *name = ll__c_callee_name(rs->f, c);
  if (!name) return CXChildVisit_Recurse;
  ll_c_call_model m = ll__c_model_lookup(rs->f->model, name);
  ll_c_summary *s = m.role == LL_C_UNKNOWN ? ll__c_summary(rs->f, name) : NULL;
  if (m.role == LL_C_RELEASE || (s && s->fn_index >= 0)) {
    rs->found = true;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Recurse;
}

/* The release functions (those that take a pointer to a struct that owns a
 * resource in a field, and free it) must release the field: each candidate
 * runs once more with the field check on. The file's functions a candidate
 * calls and the summary pass skipped get their summaries first (one level:
 * `destroy_timer(c->timer)` helpers). */
static void field_pass(ll_c_file *f, collect *col) {
  uint32_t n = col->fns.len;
  if (!f->field_stores.len || !n) return;
  uint8_t *cand = ll_calloc(n, 1);
  if (!cand) {
    f->oom = true;
    return;
  }
  bool any = false;
  for (uint32_t i = 0; i < n; i++) {
    if (!takes_owning_struct(f, col->fns.items[i])) continue;
    release_scan rs = {f, false};
    LLC(visitChildren)(col->fns.items[i], release_visit, &rs);
    cand[i] = rs.found;
    any |= rs.found;
  }
  f->cur_fn = -1;
  f->cur_gen = 0;
  for (uint32_t e = 0; any && e < col->refs.len && !f->oom; e++) {
    if (!cand[col->refs.items[e].from]) continue;
    ll_c_summary *s = ll__c_summary(f, col->refs.items[e].to);
    if (s && s->fn_index >= 0 && !s->defined)
      ll__c_flow_function(f, col->fns.items[s->fn_index], false);
  }
  f->field_pass = true;
  for (uint32_t i = 0; any && i < n && !f->oom; i++)
    if (cand[i]) ll__c_flow_function(f, col->fns.items[i], false);
  f->field_pass = false;
  ll_free(cand);
}

/* ==== Whole-project runs (xtu.c) ==== */

/* Collecting: publishes the external functions' summaries and what the
 * file uses from elsewhere. */
static void export_summaries(ll_c_file *f, collect *col, ll_c_xtu *xtu) {
  const char *path = f->text_path;
  for (uint32_t i = 0; i < col->fns.len; i++) {
    CXCursor fn = col->fns.items[i];
    if (LLC(getCursorLinkage)(fn) != CXLinkage_External) continue;
    CXString name = LLC(getCursorSpelling)(fn);
    ll_c_summary *s = ll__c_summary(f, LLC(getCString)(name));
    LLC(disposeString)(name);
    if (!s || !s->defined) continue;
    ll_c_xtu_summary xs;
    memset(&xs, 0, sizeof xs);
    xs.noreturn = s->noreturn || s->attr_noreturn == 1;
    xs.returns_pair = s->returns_pair;
    _Static_assert(sizeof xs.param == sizeof s->param, "parameter flags");
    memcpy(xs.param, s->param, sizeof xs.param);
    CXString usr = LLC(getCursorUSR)(fn);
    ll__c_xtu_publish(xtu, path, LLC(getCString)(usr), &xs);
    LLC(disposeString)(usr);
  }
  for (uint32_t i = 0; i < col->ext.len; i++)
    ll__c_xtu_use(xtu, path, col->ext.items[i].usr);
}

/* Rechecking: the summaries other files published for what this one uses
 * become this file's own, as if the functions were defined here. */
static void import_summaries(ll_c_file *f, collect *col, const ll_c_xtu *xtu) {
  for (uint32_t i = 0; i < col->ext.len; i++) {
    const ll_c_xtu_summary *xs =
        ll__c_xtu_lookup(xtu, f->text_path, col->ext.items[i].usr);
    ll_c_summary *s = xs ? ll__c_summary(f, col->ext.items[i].to) : NULL;
    if (!s || s->fn_index >= 0) continue;
    s->defined = true;
    s->noreturn = xs->noreturn;
    s->returns_pair = xs->returns_pair;
    memcpy(s->param, xs->param, sizeof s->param);
  }
}

/* ==== Leaks to rules ==== */

static int leak_class(const ll_c_leak *l) {
  return l->how == LL_C_LEAK_REALLOC       ? 1
         : l->how == LL_C_LEAK_NO_CLOSE_CB ? 2
         : l->how == LL_C_LEAK_FIELD       ? 3
                                           : 0;
}

static int by_site(const void *a, const void *b) {
  const ll_c_leak *x = a, *y = b;
  if (x->acq_start != y->acq_start) return x->acq_start < y->acq_start ? -1 : 1;
  if (x->pair != y->pair) return x->pair < y->pair ? -1 : 1;
  if (leak_class(x) != leak_class(y)) return leak_class(x) - leak_class(y);
  if (x->at_start != y->at_start) return x->at_start < y->at_start ? -1 : 1;
  return (int)x->how - (int)y->how;
}

static void dispatch(ll_c_file *f, ll_report_sink *sink) {
  if (f->leaks.len > 1)
    qsort(f->leaks.items, f->leaks.len, sizeof *f->leaks.items, by_site);
  const ll_c_rule_reg *reg = ll__c_registry();
  for (uint32_t i = 0; i < f->leaks.len; i++) {
    const ll_c_leak *l = &f->leaks.items[i];
    if (i > 0) {
      const ll_c_leak *p = &f->leaks.items[i - 1];
      if (p->acq_start == l->acq_start && p->pair == l->pair &&
          leak_class(p) == leak_class(l) &&
          (l->how != LL_C_LEAK_FIELD || p->at_start == l->at_start))
        continue; /* one finding per acquisition: the first exit (per
                     release function, for a field) */
    }
    int rule = l->pair ? l->pair->rule_index : -1;
    if (rule < 0 || !reg->on_leak[rule]) continue;
    if (ll_options_severity(f->opts, (size_t)rule) == LL_SEV_OFF) continue;
    ll_c_rule_ctx ctx = {f->opts, (uint16_t)rule, sink, f->text};
    reg->on_leak[rule](&ctx, l);
  }
}

static bool any_c_rule_on(const ll_options *o) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    if (ll_rule_get(i)->lang == LL_LANG_C && ll_options_severity(o, i) != LL_SEV_OFF)
      return true;
  return false;
}

ll_status ll__c_analyze(const ll_options *o, const char *path, const ll_text *t,
                        ll_report_sink *sink, ll_error *err) {
  ll_status st = LL_OK;
  ll_c_flags fl;
  CXIndex idx = NULL;
  CXTranslationUnit tu = NULL;
  ll_arena *scratch = NULL;
  collect col;
  memset(&col, 0, sizeof col);
  ll_c_file f;
  memset(&f, 0, sizeof f);

  const char *why = NULL;
  if (!ll_clang_load(&why)) {
    ll_error_set(err, LL_EPARSER, path, "%s: C files need libclang, which could not be "
                 "loaded: %s", path, why);
    return LL_EPARSER;
  }
  const ll_c_model *model = ll__c_model_builtin();
  if (!model) {
    ll_error_set(err, LL_ENOMEM, path, "%s: cannot load the C resource model", path);
    return LL_ENOMEM;
  }
  if ((st = ll__c_flags_resolve(o, path, &fl)) != LL_OK) goto oom;
  if (fl.note[0]) {
    char msg[1400];
    snprintf(msg, sizeof msg, "Compilation database: %s", fl.note);
    parse_warning(o, t, sink, 0, msg);
  }
  idx = LLC(createIndex)(0, 0);
  if (!idx) {
    st = ll_error_set(err, LL_EPARSER, path, "%s: libclang could not start", path);
    goto done;
  }
  struct CXUnsavedFile uf = {fl.source, t->src, t->len};
  unsigned popts = CXTranslationUnit_KeepGoing;
  enum CXErrorCode ec = LLC(parseTranslationUnit2)(
      idx, fl.source, (const char *const *)fl.argv, fl.argc, &uf, 1, popts, &tu);
  if (ec != CXError_Success && fl.origin[0]) {
    char msg[1400];
    snprintf(msg, sizeof msg,
             "Compilation database: libclang rejected the flags of %s from "
             "%s/compile_commands.json; analysed with default flags",
             path, fl.origin);
    parse_warning(o, t, sink, 0, msg);
    if (!ll__c_flags_defaults(o, &fl)) goto oom;
    tu = NULL;
    ec = LLC(parseTranslationUnit2)(idx, fl.source, (const char *const *)fl.argv,
                                     fl.argc, &uf, 1, popts, &tu);
  }
  if (ec != CXError_Success || !tu) {
    char msg[200];
    snprintf(msg, sizeof msg, "Parsing error: libclang could not parse this "
             "file (%s)", ec == CXError_Crashed ? "it crashed"
                          : ec == CXError_InvalidArguments ? "invalid arguments"
                          : ec == CXError_ASTReadError ? "AST read error"
                                                       : "failure");
    parse_warning(o, t, sink, 0, msg);
    goto done;
  }
  report_diagnostics(o, t, sink, tu);
  if (!any_c_rule_on(o)) goto done;

  if (!(scratch = ll_arena_new())) goto oom;
  f.model = model;
  f.opts = o;
  f.text = t;
  f.tu = tu;
  f.scratch = scratch;
  f.unknown_borrow = o->c_unknown_borrow;
  f.text_path = path; /* as the CLI names it: the key of xtu.c */
  col.f = &f;
  col.fn_index = -1;
  LLC(visitChildren)(LLC(getTranslationUnitCursor)(tu), consts_visit, &f);
  LLC(visitChildren)(LLC(getTranslationUnitCursor)(tu), top_visit, &col);
  if (f.oom) goto oom;

  ll_c_xtu *xtu = o->c_xtu;
  if (ll__c_xtu_frozen(xtu)) import_summaries(&f, &col, xtu);
  analyse_functions(&f, &col, xtu && !ll__c_xtu_frozen(xtu));
  if (xtu && !ll__c_xtu_frozen(xtu)) export_summaries(&f, &col, xtu);
  field_pass(&f, &col);
  timer_pass(&f, &col);
  if (f.oom) goto oom;
  dispatch(&f, sink);
  goto done;
oom:
  st = ll_error_set(err, LL_ENOMEM, path, "%s: out of memory", path);
done:
  ll_array_free(&col.fns);
  ll_array_free(&col.refs);
  ll_array_free(&col.ext);
  ll_array_free(&col.acquiring);
  ll_array_free(&col.starts);
  ll_array_free(&col.stops);
  ll_array_free(&f.sums);
  ll_free(f.sum_index);
  ll_array_free(&f.leaks);
  ll_array_free(&f.field_stores);
  ll_array_free(&f.uv_closed);
  ll_array_free(&f.consts);
  if (tu) LLC(disposeTranslationUnit)(tu);
  if (idx) LLC(disposeIndex)(idx);
  ll__c_flags_fini(&fl);
  ll_arena_free(scratch);
  return st;
}
