/* Grammar tables. The JavaScript, TypeScript and TSX grammars number their
 * symbols differently, so every grammar gets a table from symbol to our own
 * `ll_kind` (kinds.def) and from field id to `ll_field` (fields.def), built
 * once, at the dialect's first use, under a lock, and never written again. */
#include "frontend/js/lang.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "base/alloc.h"
#include "frontend/js/js.h"

const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

static const char *const kind_names[LL_K_COUNT] = {
    [LL_K_other] = "other",
    [LL_K_token] = "token",
#define LL_KIND(name) [LL_K_##name] = #name,
#define LL_TYPE_KIND(name)
#include "frontend/js/kinds.def"
#undef LL_KIND
#undef LL_TYPE_KIND
};

static const char *const type_kind_names[] = {
#define LL_KIND(name)
#define LL_TYPE_KIND(name) #name,
#include "frontend/js/kinds.def"
#undef LL_KIND
#undef LL_TYPE_KIND
};

static const char *const field_names[LL_F_COUNT] = {
    [LL_F_none] = "",
#define LL_FIELD(name) [LL_F_##name] = #name,
#include "frontend/js/fields.def"
#undef LL_FIELD
};

/* Anonymous keywords that change what a declaration means, kept in the view
 * as LL_K_token children even without a field: `static` members, `async`
 * and generator (`*`) functions, `get`/`set` accessors. */
static const char *const kept_tokens[] = {"static", "async", "get", "set",
                                          "*", NULL};

static ll_lang_table tables[3];
static atomic_bool tables_ok[3]; /* set (release) once a table is complete */
static pthread_mutex_t tables_lock = PTHREAD_MUTEX_INITIALIZER;

/* Our kinds by name, sorted once, so each grammar symbol costs a binary
 * search rather than a pass over every kind (start-up time). */
static int sorted_kinds[LL_K_COUNT];
static int nsorted;

static int cmp_kind(const void *a, const void *b) {
  return strcmp(kind_names[*(const int *)a], kind_names[*(const int *)b]);
}

static void sort_kinds(void) {
  if (nsorted) return;
  for (int k = LL_K_token + 1; k < LL_K_COUNT; k++)
    if (kind_names[k]) sorted_kinds[nsorted++] = k;
  qsort(sorted_kinds, (size_t)nsorted, sizeof *sorted_kinds, cmp_kind);
}

static int kind_named(const char *name) {
  int lo = 0, hi = nsorted - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2, c = strcmp(name, kind_names[sorted_kinds[mid]]);
    if (!c) return sorted_kinds[mid];
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

static bool is_type_syntax(const char *name) {
  size_t n = strlen(name);
  if (n > 5 && strcmp(name + n - 5, "_type") == 0) return true;
  for (size_t i = 0; i < sizeof type_kind_names / sizeof *type_kind_names; i++)
    if (strcmp(name, type_kind_names[i]) == 0) return true;
  return false;
}

static bool build(ll_lang_table *t, const TSLanguage *language) {
  t->language = language;
  t->nsymbols = ts_language_symbol_count(language);
  t->nfields = ts_language_field_count(language) + 1;
  t->kind_of = ll_calloc(t->nsymbols, sizeof *t->kind_of);
  t->skip = ll_calloc(t->nsymbols, 1);
  t->keep = ll_calloc(t->nsymbols, 1);
  t->field_of = ll_calloc(t->nfields, 1);
  if (!t->kind_of || !t->skip || !t->keep || !t->field_of) return false;
  for (uint32_t s = 0; s < t->nsymbols; s++) {
    const char *name = ts_language_symbol_name(language, (TSSymbol)s);
    if (!name) continue;
    if (ts_language_symbol_type(language, (TSSymbol)s) != TSSymbolTypeRegular) {
      t->kind_of[s] = LL_K_token;
      for (const char *const *k = kept_tokens; *k; k++)
        if (strcmp(name, *k) == 0) t->keep[s] = 1;
      continue;
    }
    if (is_type_syntax(name)) t->skip[s] = 1;
    int k = kind_named(name);
    if (k > 0) t->kind_of[s] = (uint16_t)k;
  }
  for (uint32_t f = 1; f < t->nfields; f++) {
    const char *name = ts_language_field_name_for_id(language, (TSFieldId)f);
    if (!name) continue;
    for (int k = 1; k < LL_F_COUNT; k++) {
      if (strcmp(name, field_names[k]) == 0) {
        t->field_of[f] = (uint8_t)k;
        break;
      }
    }
  }
  return true;
}

static void drop(ll_lang_table *t) {
  ll_free(t->kind_of);
  ll_free(t->skip);
  ll_free(t->keep);
  ll_free(t->field_of);
  memset(t, 0, sizeof *t);
}

static const TSLanguage *dialect_language(int dialect) {
  return dialect == 0 ? tree_sitter_javascript()
         : dialect == 1 ? tree_sitter_typescript()
                        : tree_sitter_tsx();
}

/* Builds a dialect's table on its first use (a JavaScript-only run never
 * pays for TypeScript's); a failure (out of memory) frees what was built,
 * and the next call tries again. */
const ll_lang_table *ll__js_lang_table(int dialect) {
  if (dialect < 0 || dialect > 2) return NULL;
  /* A built table is read without the lock: a confirmation child forked
   * while another thread builds one must not wait on a copied lock. */
  if (atomic_load_explicit(&tables_ok[dialect], memory_order_acquire))
    return &tables[dialect];
  pthread_mutex_lock(&tables_lock);
  bool ok = atomic_load_explicit(&tables_ok[dialect], memory_order_relaxed);
  if (!ok) {
    sort_kinds();
    ok = build(&tables[dialect], dialect_language(dialect));
    if (ok) atomic_store_explicit(&tables_ok[dialect], true, memory_order_release);
    else drop(&tables[dialect]);
  }
  pthread_mutex_unlock(&tables_lock);
  return ok ? &tables[dialect] : NULL;
}

const char *ll__js_kind_name(int kind) {
  return kind >= 0 && kind < LL_K_COUNT ? kind_names[kind] : "?";
}
