/* The per-function control-flow graph, built from libclang cursors.
 *
 * Statements: compound, declarations, if/else, while, do, for (its optional
 * init/cond/inc told apart by the `;` tokens of its header, since libclang
 * drops absent children), switch/case/default (a dispatch chain of opaque
 * choices to every case), goto/labels, break/continue, return. Conditions
 * are split on `!`, `&&` and `||` so that each edge tests one simple
 * condition the dataflow can use to refine (`if (!p || !q) return -1;`);
 * a constant condition takes only its live edge (`while (1)`, `if (0)`).
 * Expression statements whose top is `?:`, `&&` or `||` (as `assert` expands
 * to) branch the same way. A call that never returns ends its path (SINK).
 *
 * Invariants: a block is filled while it is current and never reopened;
 * code after `return`/`goto`/`break` goes to a fresh block no edge reaches.
 * The builder never frees cursors (libclang owns them) and allocates only
 * in `g` (freed by `ll__cfg_fini`) and `scratch`. */
#include "frontend/c/cfg.h"

#include <string.h>

/* ==== Cursor helpers ==== */

CXCursor ll__c_unwrap(CXCursor c) {
  for (;;) {
    enum CXCursorKind k = LLC(getCursorKind)(c);
    if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
        k != CXCursor_CStyleCastExpr)
      return c;
    CXCursor kid[2];
    unsigned n = ll__c_kids(c, kid, 2);
    if (n == 0 || n > 2) return c; /* not a plain wrapper */
    c = kid[n - 1]; /* a cast's type reference comes first */
  }
}

typedef struct kids_acc {
  CXCursor *out;
  unsigned max, n;
} kids_acc;

static enum CXChildVisitResult kids_visit(CXCursor c, CXCursor parent,
                                          CXClientData d) {
  (void)parent;
  kids_acc *a = d;
  enum CXCursorKind k = LLC(getCursorKind)(c);
  /* Type references inside casts and declarations are not code. */
  if (k == CXCursor_TypeRef || k == CXCursor_StructDecl ||
      k == CXCursor_UnionDecl || k == CXCursor_EnumDecl ||
      LLC(isAttribute)(k))
    return CXChildVisit_Continue;
  if (a->n < a->max) a->out[a->n] = c;
  a->n++;
  return CXChildVisit_Continue;
}

unsigned ll__c_kids(CXCursor c, CXCursor *out, unsigned max) {
  kids_acc a = {out, max, 0};
  LLC(visitChildren)(c, kids_visit, &a);
  return a.n;
}

uint32_t ll__c_start(CXCursor c) {
  unsigned off = 0;
  CXSourceRange r = LLC(getCursorExtent)(c);
  LLC(getExpansionLocation)(LLC(getRangeStart)(r), NULL, NULL, NULL, &off);
  return off;
}

uint32_t ll__c_end(CXCursor c) {
  unsigned off = 0;
  CXSourceRange r = LLC(getCursorExtent)(c);
  LLC(getExpansionLocation)(LLC(getRangeEnd)(r), NULL, NULL, NULL, &off);
  return off;
}

bool ll__c_int_const(CXCursor c, long long *v) {
  CXCursor u = ll__c_unwrap(c);
  enum CXCursorKind k = LLC(getCursorKind)(u);
  if (k == CXCursor_GNUNullExpr) {
    *v = 0;
    return true;
  }
  if (k == CXCursor_CallExpr || !LLC(isExpression)(k)) return false;
  CXEvalResult r = LLC(Cursor_Evaluate)(u);
  if (!r) return false;
  bool ok = LLC(EvalResult_getKind)(r) == CXEval_Int;
  if (ok) *v = LLC(EvalResult_getAsLongLong)(r);
  LLC(EvalResult_dispose)(r);
  return ok;
}

/* ==== The builder ==== */

typedef struct label {
  CXCursor decl; /* the LabelStmt */
  int block;
} label;

typedef struct frame {
  CXCursor cond;   /* the if/loop condition, or a null cursor */
  bool else_arm;
  const char *word; /* "if", "while", "case", ... */
} frame;

typedef struct sw {
  ll_array(int) cases;
  int deflt;
  int dispatch;
} sw;

typedef struct builder {
  ll_cfg *g;
  const ll_text *t;
  ll_arena *scratch;
  ll_c_noreturn_fn noreturn;
  ll_c_const_fn konst; /* may be NULL */
  void *ud;
  CXTranslationUnit tu;
  int cur;
  ll_array(int) brk, cont;
  ll_array(label) labels;
  ll_array(frame) frames;
  ll_array(sw *) sws;
  bool oom;
} builder;

static int new_block(builder *b) {
  ll_cblock blk;
  memset(&blk, 0, sizeof blk);
  blk.succ[0] = blk.succ[1] = -1;
  blk.term = LL_CT_GOTO;
  blk.cond = LLC(getNullCursor)();
  blk.at = LLC(getNullCursor)();
  if (!ll_array_push(&b->g->blocks, blk)) {
    b->oom = true;
    return 0;
  }
  return (int)b->g->blocks.len - 1;
}

/* Makes `id` current; a block entered twice (a duplicate label) is
 * replaced by a fresh, unreachable one. */
static void enter(builder *b, int id) {
  if (b->g->blocks.items[id].entered) id = new_block(b);
  ll_cblock *blk = &b->g->blocks.items[id];
  blk->entered = true;
  blk->first = b->g->elems.len;
  b->cur = id;
}

static void add_elem(builder *b, CXCursor c) {
  if (!ll_array_push(&b->g->elems, c)) b->oom = true;
}

/* Ends the current block with `term` and starts a fresh, unreachable one. */
static void terminate(builder *b, ll_cterm term, int s0, int s1) {
  ll_cblock *blk = &b->g->blocks.items[b->cur];
  blk->n = b->g->elems.len - blk->first;
  blk->term = term;
  blk->succ[0] = s0;
  blk->succ[1] = s1;
  enter(b, new_block(b));
}

static void jump(builder *b, int target) {
  int cur = b->cur;
  ll_cblock *blk = &b->g->blocks.items[cur];
  blk->n = b->g->elems.len - blk->first;
  blk->term = LL_CT_GOTO;
  blk->succ[0] = target;
  blk->succ[1] = -1;
}

/* Falls through from the current block into `target`, which becomes
 * current. */
static void goto_enter(builder *b, int target) {
  jump(b, target);
  enter(b, target);
}

static void branch_on(builder *b, CXCursor cond, int t, int f) {
  ll_cblock *blk = &b->g->blocks.items[b->cur];
  blk->n = b->g->elems.len - blk->first;
  blk->term = LL_CT_BRANCH;
  blk->cond = cond;
  blk->succ[0] = t;
  blk->succ[1] = f;
}

/* The text of `c` (one line, at most 40 bytes) in the scratch arena. */
static const char *snippet(builder *b, CXCursor c) {
  uint32_t s = ll__c_start(c), e = ll__c_end(c);
  if (e <= s || e > b->t->len) return NULL;
  char buf[48];
  size_t n = 0;
  bool space = false;
  for (uint32_t i = s; i < e && n < 40; i++) {
    char ch = b->t->src[i];
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = true;
      continue;
    }
    if (space && n) buf[n++] = ' ';
    space = false;
    buf[n++] = ch;
  }
  if (e - s > 40) {
    memcpy(buf + (n > 37 ? 37 : n), "...", 3);
    n = (n > 37 ? 37 : n) + 3;
  }
  return ll_arena_strndup(b->scratch, buf, n);
}

static const char *describe_context(builder *b) {
  if (!b->frames.len) return NULL;
  const frame *f = &ll_array_last(&b->frames);
  if (LLC(Cursor_isNull)(f->cond)) return NULL;
  const char *text = snippet(b, f->cond);
  if (!text) return NULL;
  if (!strcmp(f->word, "case"))
    return ll_arena_printf(b->scratch, "the `case %s:` branch", text);
  if (!strcmp(f->word, "if"))
    return f->else_arm
               ? ll_arena_printf(b->scratch, "the else branch of `if (%s)`", text)
               : ll_arena_printf(b->scratch, "the `if (%s)` branch", text);
  return ll_arena_printf(b->scratch, "inside `%s (%s)`", f->word, text);
}

static void push_frame(builder *b, CXCursor cond, bool else_arm,
                       const char *word) {
  frame f = {cond, else_arm, word};
  if (!ll_array_push(&b->frames, f)) b->oom = true;
}

static void pop_frame(builder *b) {
  if (b->frames.len) b->frames.len--;
}

static void stmt(builder *b, CXCursor c);
static void expr_stmt(builder *b, CXCursor c);

/* Branches to `t` or `f` on `e`, splitting `!`, `&&`, `||`. */
static void cond(builder *b, CXCursor e, int t, int f) {
  CXCursor u = ll__c_unwrap(e);
  enum CXCursorKind k = LLC(getCursorKind)(u);
  CXCursor kid[3];
  if (k == CXCursor_UnaryOperator &&
      LLC(getCursorUnaryOperatorKind)(u) == CXUnaryOperator_LNot &&
      ll__c_kids(u, kid, 1) == 1) {
    cond(b, kid[0], f, t);
    return;
  }
  if (k == CXCursor_BinaryOperator && ll__c_kids(u, kid, 2) == 2) {
    enum CXBinaryOperatorKind op = LLC(getCursorBinaryOperatorKind)(u);
    if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
      int mid = new_block(b);
      if (op == CXBinaryOperator_LAnd) cond(b, kid[0], mid, f);
      else cond(b, kid[0], t, mid);
      enter(b, mid);
      cond(b, kid[1], t, f);
      return;
    }
  }
  long long v;
  if (b->konst ? b->konst(b->ud, u, &v) : ll__c_int_const(u, &v)) {
    jump(b, v ? t : f);
    enter(b, new_block(b)); /* nothing follows in this block */
    return;
  }
  add_elem(b, e);
  branch_on(b, e, t, f);
  enter(b, new_block(b));
}

/* `cond` leaves the builder in a fresh dead block; callers enter the
 * targets they need next. */

static int label_block(builder *b, CXCursor decl) {
  for (uint32_t i = 0; i < b->labels.len; i++)
    if (LLC(equalRanges)(LLC(getCursorExtent)(b->labels.items[i].decl),
                          LLC(getCursorExtent)(decl)))
      return b->labels.items[i].block;
  label l = {decl, new_block(b)};
  if (!ll_array_push(&b->labels, l)) b->oom = true;
  return l.block;
}

typedef struct compound_ud {
  builder *b;
} compound_ud;

static enum CXChildVisitResult compound_visit(CXCursor c, CXCursor parent,
                                              CXClientData d) {
  (void)parent;
  builder *b = ((compound_ud *)d)->b;
  if (!b->oom) stmt(b, c);
  return CXChildVisit_Continue;
}

/* The parts of a `for` header, told apart by its `;` tokens. */
static void for_parts(builder *b, CXCursor c, CXCursor *init, CXCursor *cnd,
                      CXCursor *inc, CXCursor *body) {
  CXCursor kid[4];
  unsigned n = ll__c_kids(c, kid, 4);
  *init = *cnd = *inc = *body = LLC(getNullCursor)();
  if (n == 0) return;
  if (n > 4) n = 4;
  *body = kid[n - 1];
  if (n == 1) return;
  if (n == 4) {
    *init = kid[0], *cnd = kid[1], *inc = kid[2];
    return;
  }
  /* Find the two `;` at parenthesis depth 1 of the header. */
  CXToken *toks = NULL;
  unsigned ntok = 0;
  /* Only the header: tokenizing the whole statement would make nested
   * loops quadratic. */
  CXSourceRange hdr = LLC(getRange)(LLC(getRangeStart)(LLC(getCursorExtent)(c)),
                                     LLC(getRangeStart)(LLC(getCursorExtent)(*body)));
  LLC(tokenize)(b->tu, hdr, &toks, &ntok);
  uint32_t semi[2] = {0, 0};
  int nsemi = 0, depth = 0;
  for (unsigned i = 0; i < ntok && nsemi < 2; i++) {
    if (LLC(getTokenKind)(toks[i]) != CXToken_Punctuation) continue;
    CXString s = LLC(getTokenSpelling)(b->tu, toks[i]);
    const char *sp = LLC(getCString)(s);
    if (!strcmp(sp, "(")) depth++;
    else if (!strcmp(sp, ")")) depth--;
    else if (!strcmp(sp, ";") && depth == 1) {
      unsigned off = 0;
      LLC(getExpansionLocation)(LLC(getTokenLocation)(b->tu, toks[i]), NULL,
                                 NULL, NULL, &off);
      semi[nsemi++] = off;
    }
    LLC(disposeString)(s);
  }
  if (toks) LLC(disposeTokens)(b->tu, toks, ntok);
  for (unsigned i = 0; i + 1 < n; i++) {
    uint32_t s = ll__c_start(kid[i]);
    if (nsemi < 2) {
      /* A macro-made header: guess the condition. */
      if (n == 2) *cnd = kid[0];
      else *init = kid[0], *cnd = kid[1];
      return;
    }
    if (s < semi[0]) *init = kid[i];
    else if (s < semi[1]) *cnd = kid[i];
    else *inc = kid[i];
  }
}

static void loop_push(builder *b, int brk, int cont) {
  if (!ll_array_push(&b->brk, brk) || !ll_array_push(&b->cont, cont))
    b->oom = true;
}

static void loop_pop(builder *b) {
  if (b->brk.len) b->brk.len--;
  if (b->cont.len) b->cont.len--;
}

static bool is_noreturn_stmt(builder *b, CXCursor c) {
  CXCursor u = ll__c_unwrap(c);
  return LLC(getCursorKind)(u) == CXCursor_CallExpr && b->noreturn &&
         b->noreturn(b->ud, u);
}

static void expr_stmt(builder *b, CXCursor c) {
  CXCursor u = ll__c_unwrap(c);
  enum CXCursorKind k = LLC(getCursorKind)(u);
  CXCursor kid[3];
  if (k == CXCursor_ConditionalOperator && ll__c_kids(u, kid, 3) == 3) {
    int t = new_block(b), f = new_block(b), j = new_block(b);
    cond(b, kid[0], t, f);
    enter(b, t);
    expr_stmt(b, kid[1]);
    jump(b, j);
    enter(b, f);
    expr_stmt(b, kid[2]);
    goto_enter(b, j);
    return;
  }
  if (k == CXCursor_BinaryOperator && ll__c_kids(u, kid, 2) == 2) {
    enum CXBinaryOperatorKind op = LLC(getCursorBinaryOperatorKind)(u);
    if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
      int t = new_block(b), j = new_block(b);
      if (op == CXBinaryOperator_LAnd) cond(b, kid[0], t, j);
      else cond(b, kid[0], j, t);
      enter(b, t);
      expr_stmt(b, kid[1]);
      goto_enter(b, j);
      return;
    }
    if (op == CXBinaryOperator_Comma) {
      expr_stmt(b, kid[0]);
      expr_stmt(b, kid[1]);
      return;
    }
  }
  add_elem(b, c);
  if (is_noreturn_stmt(b, c)) terminate(b, LL_CT_SINK, -1, -1);
}

static void stmt(builder *b, CXCursor c) {
  if (b->oom) return;
  enum CXCursorKind k = LLC(getCursorKind)(c);
  CXCursor kid[4];
  unsigned n;
  switch (k) {
  case CXCursor_CompoundStmt: {
    compound_ud ud = {b};
    LLC(visitChildren)(c, compound_visit, &ud);
    return;
  }
  case CXCursor_DeclStmt: {
    CXCursor ds[32];
    n = ll__c_kids(c, ds, 32);
    for (unsigned i = 0; i < n && i < 32; i++)
      if (LLC(getCursorKind)(ds[i]) == CXCursor_VarDecl) {
        add_elem(b, ds[i]);
        CXCursor init = LLC(Cursor_getVarDeclInitializer)(ds[i]);
        if (!LLC(Cursor_isNull)(init) && is_noreturn_stmt(b, init))
          terminate(b, LL_CT_SINK, -1, -1);
      }
    return;
  }
  case CXCursor_IfStmt: {
    n = ll__c_kids(c, kid, 3);
    if (n < 2) return;
    int t = new_block(b), f = new_block(b), j = new_block(b);
    cond(b, kid[0], t, f);
    enter(b, t);
    push_frame(b, kid[0], false, "if");
    stmt(b, kid[1]);
    pop_frame(b);
    jump(b, j);
    enter(b, f);
    if (n >= 3) {
      push_frame(b, kid[0], true, "if");
      stmt(b, kid[2]);
      pop_frame(b);
    }
    goto_enter(b, j);
    return;
  }
  case CXCursor_WhileStmt: {
    n = ll__c_kids(c, kid, 2);
    if (n < 2) return;
    int head = new_block(b), body = new_block(b), exit = new_block(b);
    goto_enter(b, head);
    cond(b, kid[0], body, exit);
    enter(b, body);
    loop_push(b, exit, head);
    push_frame(b, kid[0], false, "while");
    stmt(b, kid[1]);
    pop_frame(b);
    loop_pop(b);
    jump(b, head);
    enter(b, exit);
    return;
  }
  case CXCursor_DoStmt: {
    n = ll__c_kids(c, kid, 2);
    if (n < 2) return;
    int body = new_block(b), test = new_block(b), exit = new_block(b);
    goto_enter(b, body);
    loop_push(b, exit, test);
    stmt(b, kid[0]);
    loop_pop(b);
    goto_enter(b, test);
    cond(b, kid[1], body, exit);
    enter(b, exit);
    return;
  }
  case CXCursor_ForStmt: {
    CXCursor init, cnd, inc, body;
    for_parts(b, c, &init, &cnd, &inc, &body);
    if (!LLC(Cursor_isNull)(init)) {
      if (LLC(isExpression)(LLC(getCursorKind)(init))) expr_stmt(b, init);
      else stmt(b, init);
    }
    int head = new_block(b), bb = new_block(b), step = new_block(b),
        exit = new_block(b);
    goto_enter(b, head);
    if (!LLC(Cursor_isNull)(cnd)) cond(b, cnd, bb, exit);
    else jump(b, bb);
    enter(b, bb);
    loop_push(b, exit, step);
    push_frame(b, cnd, false, "for");
    if (!LLC(Cursor_isNull)(body)) stmt(b, body);
    pop_frame(b);
    loop_pop(b);
    goto_enter(b, step);
    if (!LLC(Cursor_isNull)(inc)) expr_stmt(b, inc);
    jump(b, head);
    enter(b, exit);
    return;
  }
  case CXCursor_SwitchStmt: {
    n = ll__c_kids(c, kid, 2);
    if (n < 2) return;
    add_elem(b, kid[0]);
    sw *s = ll_arena_alloc(b->scratch, sizeof *s);
    if (!s || !ll_array_push(&b->sws, s)) {
      b->oom = true;
      return;
    }
    s->deflt = -1;
    s->dispatch = new_block(b);
    int exit = new_block(b);
    jump(b, s->dispatch);
    enter(b, new_block(b)); /* code before the first case is dead */
    if (!ll_array_push(&b->brk, exit)) b->oom = true;
    uint32_t nframes = b->frames.len;
    stmt(b, kid[1]);
    b->frames.len = nframes; /* drop the last case's frame */
    if (b->brk.len) b->brk.len--;
    goto_enter(b, exit);
    /* The dispatch chain: one opaque choice per case. */
    int d = s->dispatch;
    for (uint32_t i = 0; i < s->cases.len; i++) {
      int next = i + 1 < s->cases.len || s->deflt >= 0 ? new_block(b) : exit;
      ll_cblock *blk = &b->g->blocks.items[d];
      blk->entered = true;
      blk->term = LL_CT_BRANCH;
      blk->cond = LLC(getNullCursor)();
      blk->succ[0] = s->cases.items[i];
      blk->succ[1] = next;
      d = next;
      if (d == exit) break;
    }
    if (d != exit) {
      ll_cblock *blk = &b->g->blocks.items[d];
      blk->entered = true;
      blk->term = LL_CT_GOTO;
      blk->succ[0] = s->deflt >= 0 ? s->deflt : exit;
    }
    ll_array_free(&s->cases);
    b->sws.len--;
    return;
  }
  case CXCursor_CaseStmt:
  case CXCursor_DefaultStmt: {
    n = ll__c_kids(c, kid, 3);
    int blk = new_block(b);
    goto_enter(b, blk);
    if (b->sws.len) {
      sw *s = ll_array_last(&b->sws);
      if (k == CXCursor_DefaultStmt) s->deflt = blk;
      else if (!ll_array_push(&s->cases, blk)) b->oom = true;
    }
    if (n) {
      if (b->frames.len && !strcmp(ll_array_last(&b->frames).word, "case"))
        pop_frame(b);
      push_frame(b, k == CXCursor_CaseStmt ? kid[0] : LLC(getNullCursor)(),
                 false, "case");
      stmt(b, kid[n > 3 ? 2 : n - 1]);
      /* The frame stays until the next case: statements after a case label
       * but outside its sub-statement belong to it too. */
    }
    return;
  }
  case CXCursor_LabelStmt: {
    int blk = label_block(b, c);
    goto_enter(b, blk);
    n = ll__c_kids(c, kid, 1);
    if (n) stmt(b, kid[0]);
    return;
  }
  case CXCursor_GotoStmt: {
    CXCursor target = LLC(getCursorReferenced)(c);
    if (LLC(Cursor_isNull)(target)) {
      terminate(b, LL_CT_SINK, -1, -1);
      return;
    }
    int blk = label_block(b, target);
    jump(b, blk);
    enter(b, new_block(b));
    return;
  }
  case CXCursor_IndirectGotoStmt:
    terminate(b, LL_CT_SINK, -1, -1);
    return;
  case CXCursor_BreakStmt:
    if (b->brk.len) {
      jump(b, ll_array_last(&b->brk));
      enter(b, new_block(b));
    }
    return;
  case CXCursor_ContinueStmt:
    if (b->cont.len) {
      jump(b, ll_array_last(&b->cont));
      enter(b, new_block(b));
    }
    return;
  case CXCursor_ReturnStmt: {
    add_elem(b, c);
    int cur = b->cur;
    const char *ctx = describe_context(b);
    terminate(b, LL_CT_RETURN, -1, -1);
    b->g->blocks.items[cur].at = c;
    b->g->blocks.items[cur].ctx = ctx;
    return;
  }
  case CXCursor_NullStmt:
    return;
  default:
    if (LLC(isExpression)(k)) expr_stmt(b, c);
    else if (LLC(isStatement)(k)) add_elem(b, c);
    return;
  }
}

bool ll__cfg_build(ll_cfg *g, CXCursor fn, const ll_text *t, ll_arena *scratch,
                   ll_c_noreturn_fn noreturn, ll_c_const_fn konst,
                   void *ud) {
  builder b;
  memset(&b, 0, sizeof b);
  memset(g, 0, sizeof *g);
  b.g = g;
  b.t = t;
  b.scratch = scratch;
  b.noreturn = noreturn;
  b.konst = konst;
  b.ud = ud;
  b.tu = LLC(Cursor_getTranslationUnit)(fn);
  CXCursor kid[64];
  unsigned n = ll__c_kids(fn, kid, 64);
  CXCursor body = LLC(getNullCursor)();
  for (unsigned i = 0; i < n && i < 64; i++)
    if (LLC(getCursorKind)(kid[i]) == CXCursor_CompoundStmt) body = kid[i];
  g->entry = new_block(&b);
  enter(&b, g->entry);
  if (!LLC(Cursor_isNull)(body)) {
    stmt(&b, body);
    g->end_offset = ll__c_end(body);
    if (g->end_offset) g->end_offset--; /* the `}` itself */
  }
  ll_cblock *last = &g->blocks.items[b.cur];
  last->n = g->elems.len - last->first;
  last->term = LL_CT_END;
  ll_array_free(&b.brk);
  ll_array_free(&b.cont);
  ll_array_free(&b.labels);
  ll_array_free(&b.frames);
  for (uint32_t i = 0; i < b.sws.len; i++) ll_array_free(&b.sws.items[i]->cases);
  ll_array_free(&b.sws);
  return !b.oom;
}

void ll__cfg_fini(ll_cfg *g) {
  ll_array_free(&g->blocks);
  ll_array_free(&g->elems);
}
