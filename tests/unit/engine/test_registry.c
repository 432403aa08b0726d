/* registry.c: the catalogue rows (unique ids, symbols, docs paths, embedded
 * READMEs), lookups, names of severities/categories/languages, languages by
 * file name, default options, and the JS rule registrations. */
#include <ctype.h>

#include "../helpers.h"
#include "engine/registry.h"

TestSuite(registry, .fini = unit_teardown);

/* The rule ids DESIGN.md and rules.def promise. */
static const char *const PROMISED[] = {"parse-error", "no-implicit-global",
                                       "no-uncleared-interval",
                                       "no-unremoved-listener",
                                       "unused-disable"};

Test(registry, promised_rules_are_in_the_catalogue) {
  for (size_t i = 0; i < sizeof PROMISED / sizeof *PROMISED; i++) {
    int r = ll_rule_find(PROMISED[i]);
    cr_assert_geq(r, 0, "%s missing", PROMISED[i]);
    cr_assert_str_eq(ll_rule_get((size_t)r)->id, PROMISED[i]);
  }
  cr_assert_eq(ll_rule_find("parse-error"), LL_RULE_parse_error);
  cr_assert_eq(ll_rule_find("unused-disable"), LL_RULE_unused_disable);
}

Test(registry, ids_are_unique) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    for (size_t k = i + 1; k < LL_RULE_COUNT; k++)
      cr_assert_str_neq(ll_rule_get(i)->id, ll_rule_get(k)->id);
}

Test(registry, ids_are_kebab_case_and_symbols_their_snake_form) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *r = ll_rule_get(i);
    cr_assert_eq(strlen(r->id), strlen(r->sym), "%s", r->id);
    for (size_t k = 0; r->id[k]; k++) {
      char c = r->id[k];
      cr_assert(islower((unsigned char)c) || isdigit((unsigned char)c) ||
                    c == '-',
                "%s", r->id);
      cr_assert_eq(r->sym[k], c == '-' ? '_' : c, "%s vs %s", r->id, r->sym);
    }
  }
}

Test(registry, find_round_trips_every_row) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    cr_assert_eq(ll_rule_find(ll_rule_get(i)->id), (int)i);
}

Test(registry, find_of_an_unknown_id_is_minus_one) {
  cr_assert_eq(ll_rule_find("no-such-rule"), -1);
  cr_assert_eq(ll_rule_find(""), -1);
  cr_assert_eq(ll_rule_find("no_implicit_global"), -1); /* the symbol */
  cr_assert_eq(ll_rule_find("No-Implicit-Global"), -1);
}

Test(registry, get_past_the_end_is_null) {
  cr_assert_null(ll_rule_get(LL_RULE_COUNT));
  cr_assert_null(ll_rule_get((size_t)-1));
}

Test(registry, every_row_has_a_description_and_a_valid_default) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *r = ll_rule_get(i);
    cr_assert(r->description && strlen(r->description) > 10, "%s", r->id);
    cr_assert(r->severity == LL_SEV_ERROR || r->severity == LL_SEV_WARNING ||
                  r->severity == LL_SEV_INFO,
              "%s", r->id);
    cr_assert(r->lang == LL_LANG_ANY || r->lang == LL_LANG_JS ||
              r->lang == LL_LANG_C);
    cr_assert_leq(r->category, LL_CAT_NURSERY);
    cr_assert_leq(r->fix, LL_FIX_SUGGESTION);
  }
}

Test(registry, docs_path_follows_the_language) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *r = ll_rule_get(i);
    char want[256];
    snprintf(want, sizeof want, "rules/%s/%s/README.md",
             r->lang == LL_LANG_ANY  ? "common"
             : r->lang == LL_LANG_JS ? "js"
                                     : "c",
             r->id);
    cr_assert_str_eq(r->docs_path, want);
  }
}

Test(registry, every_rule_has_embedded_docs_titled_with_its_id) {
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *r = ll_rule_get(i);
    size_t len = 0;
    const char *docs = ll_rule_docs(i, &len);
    cr_assert_not_null(docs, "%s has no embedded README", r->id);
    cr_assert_gt(len, 0);
    cr_assert_eq(strlen(docs), len, "%s: docs are not NUL-terminated", r->id);
    char title[128];
    snprintf(title, sizeof title, "# %s\n", r->id);
    cr_assert(strncmp(docs, title, strlen(title)) == 0, "%s starts \"%.40s\"",
              r->id, docs);
  }
}

Test(registry, docs_length_is_optional_and_past_the_end_is_null) {
  cr_assert_not_null(ll_rule_docs(0, NULL));
  size_t len = 77;
  cr_assert_null(ll_rule_docs(LL_RULE_COUNT, &len));
  cr_assert_eq(len, 77);
}

Test(registry, catalogue_is_sorted_by_language_then_id) {
  for (size_t i = 1; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *a = ll_rule_get(i - 1), *b = ll_rule_get(i);
    cr_assert(a->lang < b->lang ||
                  (a->lang == b->lang && strcmp(a->id, b->id) < 0),
              "%s before %s", a->id, b->id);
  }
}

Test(registry, severity_category_and_language_names) {
  cr_assert_str_eq(ll_severity_name(LL_SEV_ERROR), "error");
  cr_assert_str_eq(ll_severity_name(LL_SEV_WARNING), "warning");
  cr_assert_str_eq(ll_severity_name(LL_SEV_INFO), "info");
  cr_assert_str_eq(ll_severity_name(LL_SEV_OFF), "off");
  cr_assert_str_eq(ll_severity_name(LL_SEV_DEFAULT), "default");
  cr_assert_str_eq(ll_category_name(LL_CAT_CORRECTNESS), "correctness");
  cr_assert_str_eq(ll_category_name(LL_CAT_SUSPICIOUS), "suspicious");
  cr_assert_str_eq(ll_category_name(LL_CAT_PERF), "perf");
  cr_assert_str_eq(ll_category_name(LL_CAT_STYLE), "style");
  cr_assert_str_eq(ll_category_name(LL_CAT_NURSERY), "nursery");
  cr_assert_str_eq(ll_category_name((ll_category)99), "?");
  cr_assert_str_eq(ll_lang_name(LL_LANG_JS), "js");
  cr_assert_str_eq(ll_lang_name(LL_LANG_C), "c");
  cr_assert_str_eq(ll_lang_name(LL_LANG_ANY), "any");
}

Test(registry, lang_for_path_knows_every_js_extension) {
  static const char *const js[] = {"a.js",  "a.mjs",       "a.cjs",
                                   "a.jsx", "a.ts",        "a.mts",
                                   "a.cts", "a.tsx",       "src/x/y.min.js",
                                   "types.d.ts", "./rel/../b.js", "/abs/c.mjs"};
  for (size_t i = 0; i < sizeof js / sizeof *js; i++)
    cr_assert_eq(ll_lang_for_path(js[i]), LL_LANG_JS, "%s", js[i]);
}

Test(registry, lang_for_path_knows_c_files) {
  cr_assert_eq(ll_lang_for_path("main.c"), LL_LANG_C);
  cr_assert_eq(ll_lang_for_path("include/x.h"), LL_LANG_C);
}

Test(registry, lang_for_path_rejects_everything_else) {
  static const char *const other[] = {
      "a.py",     "a.json", "a.js.map", "Makefile", "README",  "a.",
      "dir.js/x", ".js/x",  "a.cc",     "a.hpp",    "a.jsonc", "a.tsx.bak",
      "a.ejs",    "a.ts~",  ""};
  for (size_t i = 0; i < sizeof other / sizeof *other; i++)
    cr_assert_eq(ll_lang_for_path(other[i]), LL_LANG_ANY, "'%s'", other[i]);
}

Test(registry, options_init_sets_every_default) {
  ll_options o;
  memset(&o, 0x7F, sizeof o);
  ll_options_init(&o);
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    cr_assert_eq(o.severity[i], LL_SEV_DEFAULT);
  cr_assert_eq(o.env, (unsigned)LL_ENV_DEFAULT);
  cr_assert_eq(o.env, (unsigned)(LL_ENV_NODE | LL_ENV_BROWSER));
  cr_assert_null(o.globals);
  cr_assert_eq(o.nglobals, 0);
  cr_assert_null(o.pairs);
  cr_assert_eq(o.npairs, 0);
  cr_assert(!o.report_unused_disables);
  cr_assert_eq(o.max_file_size, 0);
}

Test(registry, options_severity_uses_the_catalogue_unless_configured) {
  ll_options o;
  ll_options_init(&o);
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    cr_assert_eq(ll_options_severity(&o, i), ll_rule_get(i)->severity);
  cr_assert_eq(ll_options_severity(&o, LL_RULE_no_uncleared_interval),
               LL_SEV_ERROR);
  cr_assert_eq(ll_options_severity(&o, LL_RULE_no_implicit_global),
               LL_SEV_WARNING);
  o.severity[LL_RULE_no_implicit_global] = LL_SEV_OFF;
  o.severity[LL_RULE_no_uncleared_interval] = LL_SEV_INFO;
  cr_assert_eq(ll_options_severity(&o, LL_RULE_no_implicit_global), LL_SEV_OFF);
  cr_assert_eq(ll_options_severity(&o, LL_RULE_no_uncleared_interval),
               LL_SEV_INFO);
  cr_assert_eq(ll_options_severity(&o, LL_RULE_COUNT), LL_SEV_OFF);
}

Test(registry, env_parse_knows_every_environment) {
  cr_assert_eq(ll_env_parse("node"), (unsigned)LL_ENV_NODE);
  cr_assert_eq(ll_env_parse("browser"), (unsigned)LL_ENV_BROWSER);
  cr_assert_eq(ll_env_parse("worker"), (unsigned)LL_ENV_WORKER);
  cr_assert_eq(ll_env_parse("commonjs"), (unsigned)LL_ENV_COMMONJS);
  cr_assert_eq(ll_env_parse("deno"), 0);
  cr_assert_eq(ll_env_parse(""), 0);
}

Test(registry, only_js_rows_are_registered_as_js_rules) {
  const ll_rule_reg *reg = ll__registry_js();
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    cr_assert_eq(reg->js_rule[i], ll_rule_get(i)->lang == LL_LANG_JS, "%s",
                 ll_rule_get(i)->id);
}

Test(registry, every_js_rule_subscribes_to_something) {
  const ll_rule_reg *reg = ll__registry_js();
  for (size_t r = 0; r < LL_RULE_COUNT; r++) {
    if (!reg->js_rule[r]) continue;
    bool any = reg->end[r] != NULL;
    for (size_t k = 0; k < LL_K_COUNT; k++)
      for (size_t s = 0; s < reg->nsubs[k]; s++)
        any |= reg->subs[k][s].rule == r;
    cr_assert(any, "%s registers no hook", ll_rule_get(r)->id);
  }
}

Test(registry, no_node_kind_has_dropped_subscriptions) {
  /* `ll_rule_on` silently ignores a subscription past LL_MAX_SUBS; a full
   * row means one may have been dropped. */
  const ll_rule_reg *reg = ll__registry_js();
  for (size_t k = 0; k < LL_K_COUNT; k++) {
    cr_assert_lt(reg->nsubs[k], LL_MAX_SUBS, "kind %s is full",
                 ll__js_kind_name((int)k));
    for (size_t s = 0; s < reg->nsubs[k]; s++) {
      cr_assert_not_null(reg->subs[k][s].fn);
      cr_assert(reg->js_rule[reg->subs[k][s].rule]);
    }
  }
  cr_assert_eq(reg->nsubs[LL_K_other], 0);
}

Test(registry, registry_is_built_once) {
  cr_assert_eq(ll__registry_js(), ll__registry_js());
}
