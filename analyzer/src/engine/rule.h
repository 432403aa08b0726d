/* The interface between the engine and a rule body.
 *
 * A rule exports `void ll_rule_<sym>_register(ll_rule_reg *reg)`. There it
 * subscribes to node kinds (`ll_rule_on`) and to the end of the file
 * (`ll_rule_on_end`), and may ask for private state (`ll_rule_state`). The
 * engine walks the node view once and calls each rule only for the kinds it
 * asked for, then calls the end hooks. Rules report through `ll_report`; they
 * never print, allocate outside the arena, or keep anything past the file. */
#ifndef LL_ENGINE_RULE_H
#define LL_ENGINE_RULE_H

#include "engine/resources.h"
#include "frontend/js/js.h"
#include "leaklint/leaklint.h"

typedef struct ll_rule_ctx ll_rule_ctx;
typedef struct ll_rule_reg ll_rule_reg;
typedef void (*ll_rule_node_fn)(ll_rule_ctx *ctx, ll_nid n);
typedef void (*ll_rule_end_fn)(ll_rule_ctx *ctx);

struct ll_rule_ctx {
  const ll_js *js;
  const ll_options *opts;
  const ll_resources *res;
  ll_arena *arena;  /* the file's arena: rule scratch memory comes from here */
  uint16_t rule;    /* the rule being run */
  void *state;      /* the rule's private state (zeroed), see ll_rule_state */
  struct ll_report_sink *sink;
};

void ll_rule_on(ll_rule_reg *reg, ll_kind kind, ll_rule_node_fn fn);
void ll_rule_on_end(ll_rule_reg *reg, ll_rule_end_fn fn);
/** Asks for `size` bytes of zeroed state, passed as `ctx->state`. */
void ll_rule_state(ll_rule_reg *reg, size_t size);

/** Rule scratch memory from the file's arena (zeroed). On failure returns
 * NULL and marks the analysis as out of memory, so a rule that skips its
 * work on NULL never yields a silently incomplete result. */
void *ll_rule_alloc(ll_rule_ctx *ctx, size_t size);

/** Reports a finding of the current rule at node `n`. `sev` LL_SEV_DEFAULT
 * uses the configured severity; a rule raising or lowering its own default
 * passes the level it means (the configuration still turns it off, and a
 * configured level other than the default wins). `help` may be NULL. Returns
 * the finding's handle for `ll_report_related`, or -1. */
int ll_report(ll_rule_ctx *ctx, ll_nid n, ll_severity sev, const char *help,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/** Adds a related location (same file) to finding `handle`. */
void ll_report_related(ll_rule_ctx *ctx, int handle, ll_nid n,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The rule bodies, one per LL_RULE row with a JS language. */
#define LL__DECL_ANY(sym)
#define LL__DECL_C(sym)
#define LL__DECL_JS(sym) void ll_rule_##sym##_register(ll_rule_reg *reg);
#define LL_RULE(sym, id, lang, cat, sev, fix, desc) LL__DECL_##lang(sym)
#include "rules/rules.def"
#undef LL_RULE
#undef LL__DECL_ANY
#undef LL__DECL_C
#undef LL__DECL_JS

#endif
