/* cfg.c: the shapes of the per-function control-flow graph, built from a
 * snippet parsed by libclang: straight code, if/else, short-circuit
 * conditions, loops with their back edge, constant conditions, switch,
 * goto, and calls that never return. */
#include <criterion/criterion.h>
#include <string.h>

#include "frontend/c/cfg.h"

static CXIndex idx;
static CXTranslationUnit tu;
static ll_arena *arena;
static ll_text text;
static ll_cfg g;

static void teardown(void) {
  ll__cfg_fini(&g);
  if (tu) LLC(disposeTranslationUnit)(tu);
  if (idx) LLC(disposeIndex)(idx);
  ll_arena_free(arena);
  tu = NULL;
  idx = NULL;
  arena = NULL;
}

TestSuite(cfg, .fini = teardown);

static enum CXChildVisitResult find_fn(CXCursor c, CXCursor p, CXClientData d) {
  (void)p;
  if (LLC(getCursorKind)(c) == CXCursor_FunctionDecl && LLC(isCursorDefinition)(c) &&
      LLC(Location_isFromMainFile)(LLC(getCursorLocation)(c))) {
    *(CXCursor *)d = c;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Continue;
}

/* `exit` is the only noreturn call these snippets make. */
static bool noreturn(void *ud, CXCursor call) {
  (void)ud;
  CXString s = LLC(getCursorSpelling)(LLC(getCursorReferenced)(call));
  bool r = !strcmp(LLC(getCString)(s), "exit");
  LLC(disposeString)(s);
  return r;
}

/* Builds the CFG of the first function of `src`. */
static void build(const char *src) {
  arena = ll_arena_new();
  cr_assert(arena && ll__text_init(&text, arena, src, (uint32_t)strlen(src)));
  cr_assert(ll_clang_load(NULL), "libclang");
  idx = LLC(createIndex)(0, 0);
  struct CXUnsavedFile uf = {"t.c", src, (unsigned long)strlen(src)};
  const char *args[] = {"-std=c11"};
  cr_assert_eq(LLC(parseTranslationUnit2)(idx, "t.c", args, 1, &uf, 1,
                                           CXTranslationUnit_KeepGoing, &tu),
               CXError_Success);
  CXCursor fn = LLC(getNullCursor)();
  LLC(visitChildren)(LLC(getTranslationUnitCursor)(tu), find_fn, &fn);
  cr_assert(!LLC(Cursor_isNull)(fn));
  cr_assert(ll__cfg_build(&g, fn, &text, arena, noreturn, NULL, NULL));
}

/* How many blocks reachable from the entry end with `term`. */
static int reachable(ll_cterm term) {
  uint32_t n = g.blocks.len;
  uint8_t seen[512] = {0};
  int stack[512], sp = 0, count = 0;
  cr_assert(n < 512);
  stack[sp++] = g.entry;
  seen[g.entry] = 1;
  while (sp) {
    const ll_cblock *b = &g.blocks.items[stack[--sp]];
    if (b->term == term) count++;
    for (int s = 0; s < 2; s++)
      if (b->succ[s] >= 0 && !seen[b->succ[s]]) {
        seen[b->succ[s]] = 1;
        stack[sp++] = b->succ[s];
      }
  }
  return count;
}

static bool has_back_edge(void) {
  for (uint32_t i = 0; i < g.blocks.len; i++)
    for (int s = 0; s < 2; s++)
      if (g.blocks.items[i].succ[s] >= 0 && g.blocks.items[i].succ[s] < (int)i)
        return true;
  return false;
}

Test(cfg, straight_code_is_one_block_to_the_end) {
  build("int f(int a) { a = a + 1; a = a * 2; return a; }\n");
  cr_assert_eq(g.blocks.items[g.entry].term, LL_CT_RETURN);
  cr_assert_eq(g.blocks.items[g.entry].n, 3);
  cr_assert_eq(reachable(LL_CT_BRANCH), 0);
}

Test(cfg, if_else_branches_and_both_arms_return) {
  build("int f(int a) { if (a) return 1; else return 2; }\n");
  cr_assert_eq(reachable(LL_CT_BRANCH), 1);
  cr_assert_eq(reachable(LL_CT_RETURN), 2);
}

Test(cfg, return_in_a_branch_names_the_branch) {
  build("int f(int n) {\n  if (n < 0)\n    return -1;\n  return 0;\n}\n");
  bool named = false;
  for (uint32_t i = 0; i < g.blocks.len; i++)
    if (g.blocks.items[i].term == LL_CT_RETURN && g.blocks.items[i].ctx)
      named |= !strcmp(g.blocks.items[i].ctx, "the `if (n < 0)` branch");
  cr_assert(named);
}

Test(cfg, short_circuit_conditions_branch_once_per_operand) {
  build("int f(int *p, int *q) { if (!p || !q) return -1; return 0; }\n");
  cr_assert_eq(reachable(LL_CT_BRANCH), 2);
}

Test(cfg, loops_have_a_back_edge) {
  build("int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i;\n"
        "  while (n--) s++; do { s--; } while (s > 10); return s; }\n");
  cr_assert(has_back_edge());
  cr_assert_eq(reachable(LL_CT_BRANCH), 3);
}

Test(cfg, constant_conditions_take_only_the_live_edge) {
  build("int f(void) { if (0) return 1; while (1) { return 2; } }\n");
  cr_assert_eq(reachable(LL_CT_BRANCH), 0);
  cr_assert_eq(reachable(LL_CT_RETURN), 1);
  cr_assert_eq(reachable(LL_CT_END), 0);
}

Test(cfg, switch_dispatches_to_every_case_and_default) {
  build("int f(int k) { switch (k) { case 1: return 1; case 2: k++; break;\n"
        "  default: return 3; } return k; }\n");
  cr_assert_eq(reachable(LL_CT_RETURN), 3);
  cr_assert_eq(reachable(LL_CT_BRANCH), 2); /* two opaque choices */
}

Test(cfg, goto_reaches_its_label) {
  build("int f(int a) { if (a) goto out; a = 2; out: return a; }\n");
  cr_assert_eq(reachable(LL_CT_RETURN), 1);
  cr_assert_eq(reachable(LL_CT_END), 0);
}

Test(cfg, a_noreturn_call_ends_its_path) {
  build("void exit(int);\nint f(int a) { if (a) exit(1); return 0; }\n");
  cr_assert_eq(reachable(LL_CT_SINK), 1);
  cr_assert_eq(reachable(LL_CT_RETURN), 1);
}
