/* The rule registry: the catalogue rows of rules/rules.def and, for each
 * node kind, the JS rules subscribed to it. */
#ifndef LL_ENGINE_REGISTRY_H
#define LL_ENGINE_REGISTRY_H

#include "engine/rule.h"

enum { LL_MAX_SUBS = 8 };

typedef struct ll_rule_sub {
  uint16_t rule;
  ll_rule_node_fn fn;
} ll_rule_sub;

struct ll_rule_reg {
  uint16_t current; /* the rule registering now */
  ll_rule_sub subs[LL_K_COUNT][LL_MAX_SUBS];
  uint8_t nsubs[LL_K_COUNT];
  ll_rule_end_fn end[LL_RULE_COUNT];
  size_t state_size[LL_RULE_COUNT];
  bool js_rule[LL_RULE_COUNT];
};

/** The registrations of every JS rule; built once, read-only, thread-safe. */
const ll_rule_reg *ll__registry_js(void);

#endif
