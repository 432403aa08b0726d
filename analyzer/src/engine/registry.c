/* The catalogue (from rules/rules.def) and the JS rule registrations. The
 * only place that lists the rules is rules.def: this file expands it. */
#include "engine/registry.h"

#include <pthread.h>
#include <string.h>

#include "engine/embedded.h"

#define LANG_ANY LL_LANG_ANY
#define LANG_JS LL_LANG_JS
#define LANG_C LL_LANG_C
#define SEV_ERROR LL_SEV_ERROR
#define SEV_WARNING LL_SEV_WARNING
#define SEV_INFO LL_SEV_INFO

static const ll_rule_info catalogue[LL_RULE_COUNT] = {
#define LL_RULE(sym, id, lang, cat, sev, fix, desc)                        \
  {id, #sym, LANG_##lang, LL_CAT_##cat, SEV_##sev, LL_FIX_##fix, desc,      \
   LANG_##lang == LL_LANG_ANY  ? "rules/common/" id "/README.md"            \
   : LANG_##lang == LL_LANG_JS ? "rules/js/" id "/README.md"                \
                               : "rules/c/" id "/README.md"},
#include "rules/rules.def"
#undef LL_RULE
};

const ll_rule_info *ll_rule_get(size_t i) {
  return i < LL_RULE_COUNT ? &catalogue[i] : NULL;
}

int ll_rule_find(const char *id) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    if (strcmp(catalogue[i].id, id) == 0) return (int)i;
  return -1;
}

const char *ll_rule_docs(size_t i, size_t *len) {
  if (i >= LL_RULE_COUNT) return NULL;
  const ll_embedded_file *f = ll__embedded_find(catalogue[i].docs_path);
  if (!f) return NULL;
  if (len) *len = f->size;
  return f->data;
}

const char *ll_severity_name(ll_severity s) {
  switch (s) {
  case LL_SEV_ERROR: return "error";
  case LL_SEV_WARNING: return "warning";
  case LL_SEV_INFO: return "info";
  case LL_SEV_OFF: return "off";
  default: return "default";
  }
}

const char *ll_category_name(ll_category c) {
  static const char *const names[] = {"correctness", "suspicious", "perf",
                                      "style", "nursery"};
  return (unsigned)c < sizeof names / sizeof *names ? names[c] : "?";
}

const char *ll_lang_name(ll_lang l) {
  return l == LL_LANG_JS ? "js" : l == LL_LANG_C ? "c" : "any";
}

ll_lang ll_lang_for_path(const char *path) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash)) return LL_LANG_ANY;
  static const char *const js[] = {".js", ".mjs", ".cjs", ".jsx", ".ts",
                                   ".mts", ".cts", ".tsx", NULL};
  for (const char *const *e = js; *e; e++)
    if (strcmp(dot, *e) == 0) return LL_LANG_JS;
  if (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0) return LL_LANG_C;
  return LL_LANG_ANY;
}

void ll_options_init(ll_options *o) {
  memset(o, 0, sizeof *o);
  for (size_t i = 0; i < LL_RULE_COUNT; i++) o->severity[i] = LL_SEV_DEFAULT;
  o->env = LL_ENV_DEFAULT;
}

ll_severity ll_options_severity(const ll_options *o, size_t rule) {
  if (rule >= LL_RULE_COUNT) return LL_SEV_OFF;
  ll_severity s = o->severity[rule];
  return s == LL_SEV_DEFAULT ? catalogue[rule].severity : s;
}

/* ==== Registration ==== */

void ll_rule_on(ll_rule_reg *reg, ll_kind kind, ll_rule_node_fn fn) {
  if (kind <= 0 || kind >= LL_K_COUNT || reg->nsubs[kind] >= LL_MAX_SUBS)
    return; /* a registration bug; caught by the registry tests */
  reg->subs[kind][reg->nsubs[kind]++] = (ll_rule_sub){reg->current, fn};
}

void ll_rule_on_end(ll_rule_reg *reg, ll_rule_end_fn fn) {
  reg->end[reg->current] = fn;
}

void ll_rule_state(ll_rule_reg *reg, size_t size) {
  reg->state_size[reg->current] = size;
}

static ll_rule_reg js_registry;
static pthread_once_t js_once = PTHREAD_ONCE_INIT;

static void register_all(void) {
  ll_rule_reg *reg = &js_registry;
#define REG_ANY(sym)
#define REG_C(sym)
#define REG_JS(sym)                   \
  reg->current = LL_RULE_##sym;       \
  reg->js_rule[LL_RULE_##sym] = true; \
  ll_rule_##sym##_register(reg);
#define LL_RULE(sym, id, lang, cat, sev, fix, desc) REG_##lang(sym)
#include "rules/rules.def"
#undef LL_RULE
}

const ll_rule_reg *ll__registry_js(void) {
  pthread_once(&js_once, register_all);
  return &js_registry;
}
