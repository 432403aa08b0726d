/* flow.c: the resource dataflow of a C function, on snippets parsed by
 * libclang. The states (null, owned, released, escaped, realloc-pending)
 * show through the leaks each function reports; null checks refine them;
 * escapes (return, global, `*out`, field of a parameter, unknown calls
 * under c.unknownCalls escape vs borrow) end tracking; summaries (frees,
 * keeps, returns a new resource, noreturn) carry the facts to callers; and
 * the release-function check finds a struct freed without its field. */
#include <criterion/criterion.h>
#include <string.h>

#include "frontend/c/flow.h"

/* The library functions the snippets call, declared without headers. */
#define DECLS                                                                \
  "typedef unsigned long size_t;\n"                                          \
  "void *malloc(size_t); void *calloc(size_t, size_t); void free(void *);\n" \
  "void *realloc(void *, size_t); char *strdup(const char *);\n"             \
  "size_t strlen(const char *); void exit(int);\n"                           \
  "int open(const char *, int, ...); int close(int);\n"                      \
  "void sink(void *);\n"

enum { MAXFN = 32 };

static CXIndex idx;
static CXTranslationUnit tu;
static ll_arena *arena;
static ll_text text;
static ll_c_file f;
static CXCursor fns[MAXFN];
static int nfns;

static void teardown(void) {
  ll_array_free(&f.sums);
  ll_free(f.sum_index);
  ll_array_free(&f.leaks);
  ll_array_free(&f.field_stores);
  ll_array_free(&f.uv_closed);
  ll_array_free(&f.consts);
  memset(&f, 0, sizeof f);
  if (tu) LLC(disposeTranslationUnit)(tu);
  if (idx) LLC(disposeIndex)(idx);
  ll_arena_free(arena);
  tu = NULL;
  idx = NULL;
  arena = NULL;
  nfns = 0;
}

TestSuite(flow, .fini = teardown);

static enum CXChildVisitResult find_fns(CXCursor c, CXCursor p, CXClientData d) {
  (void)p;
  (void)d;
  if (LLC(getCursorKind)(c) == CXCursor_FunctionDecl && LLC(isCursorDefinition)(c) &&
      LLC(Location_isFromMainFile)(LLC(getCursorLocation)(c)) && nfns < MAXFN)
    fns[nfns++] = c;
  return CXChildVisit_Continue;
}

/* Parses DECLS + `src`: the file's state, ready for the dataflow. */
static void load(const char *src, bool borrow) {
  size_t n = strlen(DECLS) + strlen(src);
  arena = ll_arena_new();
  cr_assert(arena);
  char *all = ll_arena_alloc(arena, n + 1);
  cr_assert(all);
  strcpy(all, DECLS);
  strcat(all, src);
  cr_assert(ll__text_init(&text, arena, all, (uint32_t)n));
  cr_assert(ll_clang_load(NULL), "libclang");
  idx = LLC(createIndex)(0, 0);
  struct CXUnsavedFile uf = {"t.c", all, (unsigned long)n};
  const char *args[] = {"-std=c11"};
  cr_assert_eq(LLC(parseTranslationUnit2)(idx, "t.c", args, 1, &uf, 1,
                                           CXTranslationUnit_KeepGoing, &tu),
               CXError_Success);
  LLC(visitChildren)(LLC(getTranslationUnitCursor)(tu), find_fns, NULL);
  cr_assert(nfns > 0);
  f.model = ll__c_model_builtin();
  cr_assert(f.model);
  f.text = &text;
  f.text_path = "t.c";
  f.tu = tu;
  f.scratch = arena;
  f.unknown_borrow = borrow;
  f.cur_fn = -1;
}

/* Summaries to a fixpoint, then one reporting run of every function. */
static void run(const char *src, bool borrow) {
  load(src, borrow);
  for (int round = 0; round < 8; round++) {
    f.changed = false;
    for (int i = 0; i < nfns; i++) ll__c_flow_function(&f, fns[i], false);
    if (!f.changed) break;
  }
  f.leaks.len = 0;
  for (int i = 0; i < nfns; i++) {
    f.cur_fn = i;
    ll__c_flow_function(&f, fns[i], true);
  }
  cr_assert(!f.oom);
}

/* How many leaks of kind `how` function `fn` reported (any: -1). */
static int leaks(const char *fn, int how) {
  int c = 0;
  for (uint32_t i = 0; i < f.leaks.len; i++) {
    const ll_c_leak *l = &f.leaks.items[i];
    if ((!fn || !strcmp(l->function, fn)) && (how < 0 || (int)l->how == how)) c++;
  }
  return c;
}

static const ll_c_summary *sum(const char *name) {
  for (uint32_t i = 0; i < f.sums.len; i++)
    if (!strcmp(f.sums.items[i].name, name)) return &f.sums.items[i];
  return NULL;
}

/* ==== States ==== */

Test(flow, owned_at_the_closing_brace_leaks) {
  run("void f(void) { char *p = malloc(4); (void)p; }\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_END), 1);
}

Test(flow, released_on_every_path_is_quiet) {
  run("int f(int n) { char *p = malloc(4); if (n) { free(p); return 1; }\n"
      "  free(p); return 0; }\n", false);
  cr_assert_eq(leaks("f", -1), 0);
}

Test(flow, released_on_one_branch_only_leaks_at_the_other_return) {
  run("int f(int n) {\n  char *p = malloc(4);\n  if (n < 0)\n    return -1;\n"
      "  free(p);\n  return 0;\n}\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_RETURN), 1);
  const ll_c_leak *l = &f.leaks.items[0];
  cr_assert_str_eq(l->acquire, "malloc");
  cr_assert_str_eq(l->var, "p");
  cr_assert_str_eq(l->context, "the `if (n < 0)` branch");
}

Test(flow, overwritten_while_owned_is_lost) {
  run("void f(void) { char *p = malloc(1); p = malloc(2); free(p); }\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_OVERWRITE), 1);
  cr_assert_eq(leaks("f", -1), 1);
}

Test(flow, a_dropped_result_leaks_at_once) {
  run("void f(void) { malloc(16); }\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_DISCARDED), 1);
}

Test(flow, realloc_pending_lost_when_the_result_overwrites_the_pointer) {
  run("char *f(char *p, size_t n) { char *q = malloc(n); q = realloc(q, 2 * n);\n"
      "  return q; }\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_REALLOC), 1);
}

Test(flow, realloc_into_a_temporary_checked_for_null_is_quiet) {
  run("int f(size_t n) { char *p = malloc(n); if (!p) return -1;\n"
      "  char *q = realloc(p, 2 * n);\n"
      "  if (!q) { free(p); return -1; }\n"
      "  p = q; free(p); return 0; }\n", false);
  cr_assert_eq(leaks("f", -1), 0);
}

Test(flow, freeing_the_owner_first_loses_its_field) {
  run("struct s { char *b; };\n"
      "void f(void) { struct s *x = malloc(sizeof *x); if (!x) return;\n"
      "  x->b = malloc(4); free(x); }\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_OWNER_FREED), 1);
  cr_assert_str_eq(f.leaks.items[0].detail, "x");
}

/* ==== Null checks ==== */

Test(flow, an_early_return_on_null_leaks_nothing) {
  run("int f(void) { char *p = malloc(4); if (!p) return -1; free(p); return 0; }\n"
      "int g(void) { char *p = malloc(4); if (p == 0) return -1; free(p); return 0; }\n"
      "int h(void) { char *p = malloc(4); if (0 != p) { free(p); return 0; }\n"
      "  return -1; }\n", false);
  cr_assert_eq(leaks(NULL, -1), 0);
}

Test(flow, a_negative_descriptor_is_not_owned) {
  run("int f(const char *n) { int fd = open(n, 0); if (fd < 0) return -1;\n"
      "  close(fd); return 0; }\n"
      "int g(const char *n) { int fd = open(n, 0); if (fd == -1) return -1;\n"
      "  return 0; }\n", false);
  cr_assert_eq(leaks("f", -1), 0);
  cr_assert_eq(leaks("g", LL_C_LEAK_RETURN), 1);
}

Test(flow, the_non_null_branch_still_owns) {
  run("void f(void) { char *p = malloc(4); if (p) p[0] = 0; }\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_END), 1);
}

/* ==== Escapes ==== */

Test(flow, returned_escapes_and_the_summary_says_so) {
  run("char *mk(size_t n) { char *p = malloc(n); if (!p) return 0; return p; }\n",
      false);
  cr_assert_eq(leaks("mk", -1), 0);
  const ll_c_summary *s = sum("mk");
  cr_assert(s && s->defined);
  cr_assert_geq(s->returns_pair, 0);
  cr_assert_str_eq(f.model->pairs[s->returns_pair].kind, "heap");
}

Test(flow, stored_into_a_global_or_a_static_escapes) {
  run("char *g;\nvoid f(void) { g = malloc(4); }\n"
      "void h(void) { static char *keep; keep = malloc(4); }\n", false);
  cr_assert_eq(leaks(NULL, -1), 0);
}

Test(flow, stored_through_an_out_parameter_escapes) {
  run("int f(char **out) { char *p = malloc(4); if (!p) return -1; *out = p;\n"
      "  return 0; }\n", false);
  cr_assert_eq(leaks("f", -1), 0);
}

Test(flow, stored_into_a_field_of_a_parameter_escapes) {
  run("struct s { char *b; };\nvoid f(struct s *x) { x->b = malloc(4); }\n", false);
  cr_assert_eq(leaks("f", -1), 0);
}

Test(flow, a_field_of_a_local_struct_value_is_a_local) {
  run("struct s { char *b; };\nvoid f(void) { struct s v; v.b = malloc(4); }\n",
      false);
  cr_assert_eq(leaks("f", LL_C_LEAK_END), 1);
}

Test(flow, an_unknown_call_escapes_by_default) {
  run("void f(void) { char *p = malloc(4); sink(p); }\n", false);
  cr_assert_eq(leaks("f", -1), 0);
}

Test(flow, an_unknown_call_only_borrows_under_borrow) {
  run("void f(void) { char *p = malloc(4); sink(p); }\n", true);
  cr_assert_eq(leaks("f", LL_C_LEAK_END), 1);
}

Test(flow, a_modelled_borrowing_function_is_no_escape) {
  run("size_t f(void) { char *p = strdup(\"x\"); return strlen(p); }\n", false);
  cr_assert_eq(leaks("f", LL_C_LEAK_RETURN), 1);
}

/* ==== Summaries ==== */

Test(flow, a_function_that_frees_its_parameter_releases_the_callers) {
  run("void destroy(char *p) { free(p); }\n"
      "void f(void) { char *p = malloc(4); destroy(p); }\n", true);
  const ll_c_summary *s = sum("destroy");
  cr_assert(s && (s->param[0] & LL_C_P_FREES));
  cr_assert_not(s->param[0] & LL_C_P_KEEPS);
  cr_assert_eq(leaks("f", -1), 0);
}

Test(flow, a_function_that_keeps_its_parameter_lets_it_escape) {
  run("static void *kept;\nvoid keep(void *p) { kept = p; }\n"
      "void f(void) { char *p = malloc(4); keep(p); }\n", true);
  const ll_c_summary *s = sum("keep");
  cr_assert(s && (s->param[0] & LL_C_P_KEEPS));
  cr_assert_eq(leaks("f", -1), 0);
}

Test(flow, a_function_that_only_reads_its_parameter_borrows_it) {
  run("int peek(const char *p) { return p[0]; }\n"
      "void f(void) { char *p = malloc(4); peek(p); }\n", false);
  const ll_c_summary *s = sum("peek");
  cr_assert(s && s->defined && s->param[0] == 0);
  cr_assert_eq(leaks("f", LL_C_LEAK_END), 1);
}

Test(flow, an_allocating_wrapper_is_an_allocator_for_its_callers) {
  run("void *xmalloc(size_t n) { void *p = malloc(n); if (!p) exit(1); return p; }\n"
      "void f(void) { char *p = xmalloc(4); (void)p; }\n"
      "void g(void) { xmalloc(8); }\n", false);
  const ll_c_summary *s = sum("xmalloc");
  cr_assert(s && s->returns_pair >= 0);
  cr_assert_eq(leaks("f", LL_C_LEAK_END), 1);
  cr_assert_eq(leaks("g", LL_C_LEAK_DISCARDED), 1);
}

Test(flow, a_function_that_never_returns_is_noreturn) {
  run("void die(const char *m) { (void)m; exit(1); }\n"
      "int ok(int a) { return a; }\n"
      "int f(int n) { char *p = malloc(4); if (n) die(\"x\"); free(p); return 0; }\n",
      false);
  cr_assert(sum("die")->noreturn);
  cr_assert_not(sum("ok")->noreturn);
  cr_assert_eq(leaks("f", -1), 0);
}

/* ==== Ownership by struct field ==== */

/* The summary passes record the stores; a field pass checks the struct's
 * release functions. */
static void field_run(const char *src) {
  run(src, false);
  f.leaks.len = 0;
  f.field_pass = true;
  for (int i = 0; i < nfns; i++) ll__c_flow_function(&f, fns[i], false);
  f.field_pass = false;
  cr_assert(!f.oom);
}

Test(flow, a_field_store_is_recorded_with_its_struct_and_field) {
  field_run("struct conn { char *buf; struct conn *next; int n; };\n"
            "struct conn *mk(struct conn *head) { struct conn *c = malloc(sizeof *c);\n"
            "  if (!c) return 0; c->buf = malloc(8); c->next = head; return c; }\n");
  cr_assert_eq(f.field_stores.len, 1);
  cr_assert_str_eq(f.field_stores.items[0].type, "struct conn");
  cr_assert_str_eq(f.field_stores.items[0].field, "buf");
  cr_assert_str_eq(f.model->pairs[f.field_stores.items[0].pair].kind, "heap");
}

Test(flow, a_release_function_that_forgets_the_field_is_reported) {
  field_run("struct conn { char *buf; char *name; };\n"
            "struct conn *mk(void) { struct conn *c = malloc(sizeof *c);\n"
            "  if (!c) return 0; c->buf = malloc(8); c->name = strdup(\"n\");\n"
            "  return c; }\n"
            "void conn_free(struct conn *c) { if (!c) return; free(c->name); free(c); }\n"
            "void conn_free_all(struct conn *c) { free(c->name); free(c->buf); free(c); }\n"
            "void conn_touch(struct conn *c) { c->buf[0] = 0; }\n");
  cr_assert_eq(leaks(NULL, LL_C_LEAK_FIELD), 1);
  cr_assert_eq(leaks("conn_free", LL_C_LEAK_FIELD), 1);
  const ll_c_leak *l = &f.leaks.items[0];
  cr_assert_str_eq(l->var, "c->buf");
  cr_assert_str_eq(l->detail, "c");
  cr_assert_eq(l->acq_line, 9); /* the store (DECLS are 6 lines) */
  cr_assert_eq(l->at_line, 11); /* conn_free's name */
}

Test(flow, a_field_freed_through_a_helper_or_handed_off_is_quiet) {
  field_run("struct conn { char *buf; char *name; };\n"
            "static void drop(char *p) { free(p); }\n"
            "struct conn *mk(void) { struct conn *c = malloc(sizeof *c);\n"
            "  if (!c) return 0; c->buf = malloc(8); c->name = strdup(\"n\");\n"
            "  return c; }\n"
            "void conn_free(struct conn *c) { drop(c->buf); sink(c->name); free(c); }\n");
  cr_assert_eq(leaks(NULL, LL_C_LEAK_FIELD), 0);
}
