/* Per-grammar tables mapping tree-sitter symbols and field ids to the node
 * view's kinds and fields. Built once per process, read-only afterwards. */
#ifndef LL_FRONTEND_JS_LANG_H
#define LL_FRONTEND_JS_LANG_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

typedef struct ll_lang_table {
  const TSLanguage *language;
  uint32_t nsymbols;
  uint16_t *kind_of; /* symbol -> ll_kind (LL_K_other if not listed) */
  uint8_t *skip;     /* symbol -> 1 when its subtree is type syntax */
  uint8_t *keep;     /* symbol -> 1 for an anonymous keyword the view keeps */
  uint32_t nfields;
  uint8_t *field_of; /* field id -> ll_field */
} ll_lang_table;

/** The table of dialect 0 (JavaScript), 1 (TypeScript) or 2 (TSX), or NULL
 * when it could not be built (out of memory). Thread-safe. */
const ll_lang_table *ll__js_lang_table(int dialect);
/** The grammar name of a kind ("call_expression"), for debugging. */
const char *ll__js_kind_name(int kind);

#endif
