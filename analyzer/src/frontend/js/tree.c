/* Parsing and the flat node view.
 *
 * `ll_js_parse` runs tree-sitter once, copies the tree into `ll_js.nodes`
 * with one cursor walk (pre-order, so a subtree is the index range
 * [n, end_index)), frees the tree, then runs scope analysis.
 * `ll_js_parse_reusing` does the same from a previous (edited) tree and
 * hands the new tree back instead of freeing it: the language server's
 * incremental reparse (engine/analyze_cached.c). Invariants:
 * every kept node's parent precedes it; `first`/`next`/`last` link only kept
 * nodes; type syntax and field-less anonymous tokens are never kept. The
 * walk is iterative: deep nesting cannot overflow the C stack. */
#include <string.h>
#include <tree_sitter/api.h>

#include "base/alloc.h"
#include "base/array.h"
#include "base/lines.h"
#include "frontend/js/js.h"
#include "frontend/js/lang.h"
#include "frontend/js/scope.h"

int ll_js_dialect_for_path(const char *path) {
  const char *dot = strrchr(path, '.');
  if (!dot) return 0;
  if (strcmp(dot, ".tsx") == 0) return 2;
  if (strcmp(dot, ".ts") == 0 || strcmp(dot, ".mts") == 0 ||
      strcmp(dot, ".cts") == 0)
    return 1;
  return 0;
}

typedef ll_array(ll_node) node_array;
typedef ll_array(uint32_t) u32_array;

static bool emit(node_array *out, const ll_lang_table *t, TSNode n,
                 TSFieldId fid, uint32_t parent, uint32_t *idx) {
  if (!ll_array_reserve(out, 1)) return false;
  TSSymbol sym = ts_node_symbol(n);
  ll_node *node = &out->items[out->len];
  uint32_t i = out->len++;
  memset(node, 0, sizeof *node);
  node->kind = sym < t->nsymbols ? t->kind_of[sym] : LL_K_ERROR;
  if (sym == (TSSymbol)-1) node->kind = LL_K_ERROR; /* ts_builtin_sym_error */
  node->field = fid < t->nfields ? t->field_of[fid] : LL_F_none;
  node->parent = parent;
  node->first = node->next = node->last = LL_NONE;
  node->start = ts_node_start_byte(n);
  node->end = ts_node_end_byte(n);
  TSPoint p = ts_node_start_point(n);
  node->row = p.row;
  node->col = p.column;
  node->end_index = i + 1;
  if (parent != LL_NONE) {
    ll_node *pn = &out->items[parent];
    if (pn->first == LL_NONE) pn->first = i;
    else out->items[pn->last].next = i;
    pn->last = i;
  }
  *idx = i;
  return true;
}

/* Records the first syntax error: an ERROR node or a MISSING token. */
static void note_error(ll_js *js, TSNode n) {
  uint32_t at = ts_node_start_byte(n);
  if (js->has_error && js->error_start <= at) return;
  js->has_error = true;
  js->error_start = at;
  js->error_end = ts_node_end_byte(n);
  js->error_missing = ts_node_is_missing(n);
  if (js->error_missing) {
    const char *type = ts_node_type(n);
    js->error_token = type ? type : "";
  }
}

/* Parents whose anonymous children can carry a field (from the grammars'
 * node-types.json: `operator` and `kind`; `for_statement`'s empty
 * `condition` and TypeScript's `index_signature` sign are never needed). */
static bool token_may_have_field(uint16_t parent_kind) {
  switch (parent_kind) {
  case LL_K_augmented_assignment_expression:
  case LL_K_binary_expression:
  case LL_K_for_in_statement:
  case LL_K_lexical_declaration:
  case LL_K_unary_expression:
  case LL_K_update_expression:
    return true;
  default:
    return false;
  }
}

static ll_status build_view(ll_js *js, TSTree *tree, const ll_lang_table *t) {
  node_array nodes = {0};
  u32_array stack = {0};
  ll_status st = LL_ENOMEM;
  TSNode root = ts_tree_root_node(tree);
  bool has_error = ts_node_has_error(root);
  uint32_t idx;
  if (!ll_array_reserve(&nodes, js->len / 6 + 16)) goto fail;
  if (!emit(&nodes, t, root, 0, LL_NONE, &idx)) goto fail;
  if (!ll_array_push(&stack, idx)) goto fail;

  TSTreeCursor cur = ts_tree_cursor_new(root);
  bool more = ts_tree_cursor_goto_first_child(&cur);
  while (more) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    TSSymbol sym = ts_node_symbol(n);
    bool named = ts_node_is_named(n);
    /* Field lookups are a tenth of the walk: an anonymous token only has a
     * field under the few parents that give operators and keywords one. */
    TSFieldId fid = 0;
    if (named || token_may_have_field(nodes.items[ll_array_last(&stack)].kind))
      fid = ts_tree_cursor_current_field_id(&cur);
    bool keep;
    if (sym == (TSSymbol)-1) keep = true;
    else if (sym < t->nsymbols && t->skip[sym]) keep = false;
    else keep = named || (fid < t->nfields && t->field_of[fid] != LL_F_none) ||
                (sym < t->nsymbols && t->keep[sym]);
    if (has_error && (sym == (TSSymbol)-1 || ts_node_is_missing(n)))
      note_error(js, n);
    if (keep) {
      if (!emit(&nodes, t, n, fid, ll_array_last(&stack), &idx)) {
        ts_tree_cursor_delete(&cur);
        goto fail;
      }
      if (sym == (TSSymbol)-1) nodes.items[idx].flags |= LL_NF_ERROR;
      if (ts_tree_cursor_goto_first_child(&cur)) {
        if (!ll_array_push(&stack, idx)) {
          ts_tree_cursor_delete(&cur);
          goto fail;
        }
        continue;
      }
    }
    while (!ts_tree_cursor_goto_next_sibling(&cur)) {
      if (!ts_tree_cursor_goto_parent(&cur)) {
        more = false;
        break;
      }
      uint32_t done = stack.items[--stack.len];
      nodes.items[done].end_index = nodes.len;
      if (stack.len == 0) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cur);
  while (stack.len) nodes.items[stack.items[--stack.len]].end_index = nodes.len;
  js->nodes = nodes.items;
  js->count = nodes.len;
  nodes.items = NULL;
  st = LL_OK;
fail:
  ll_array_free(&nodes);
  ll_array_free(&stack);
  return st;
}

static ll_status index_lines(ll_js *js) {
  u32_array lines = {0};
  if (!ll_array_push(&lines, 0)) return LL_ENOMEM;
  const char *p = js->src, *end = js->src + js->len;
  while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
    p++;
    if (!ll_array_push(&lines, (uint32_t)(p - js->src))) {
      ll_array_free(&lines);
      return LL_ENOMEM;
    }
  }
  js->line_starts = lines.items;
  js->nlines = lines.len;
  return LL_OK;
}

ll_status ll_js_parse_reusing(ll_js *js, ll_arena *arena, const char *path,
                              const char *src, uint32_t len, unsigned env,
                              const char *const *globals, size_t nglobals,
                              ll_js_reparse *re) {
  memset(js, 0, sizeof *js);
  js->arena = arena;
  js->src = src;
  js->len = len;
  int dialect = ll_js_dialect_for_path(path);
  js->is_ts = dialect != 0;
  const ll_lang_table *t = ll__js_lang_table(dialect);
  if (re) {
    re->tree = NULL;
    re->reused = false;
  }
  if (!t) return LL_ENOMEM;
  TSParser *parser = re ? re->parser : NULL, *own = NULL;
  if (!parser && !(parser = own = ts_parser_new())) return LL_ENOMEM;
  if (ts_parser_language(parser) != t->language &&
      !ts_parser_set_language(parser, t->language)) {
    ts_parser_delete(own);
    return LL_EPARSER;
  }
  /* With an old tree (edited to match `src`), tree-sitter re-lexes only the
   * edited ranges and reuses every untouched subtree. */
  const TSTree *old = re ? re->old_tree : NULL;
  TSTree *tree = ts_parser_parse_string(parser, old, src, len);
  if (tree && old && ts_node_has_error(ts_tree_root_node(tree))) {
    /* Error recovery depends on the edit history: an incremental tree with
     * a syntax error can differ from a fresh parse of the same text. Only a
     * fresh parse makes the findings independent of how the text came to
     * be, so a broken file is parsed from scratch. */
    ts_tree_delete(tree);
    old = NULL;
    tree = ts_parser_parse_string(parser, NULL, src, len);
  }
  ts_parser_delete(own);
  if (!tree) return LL_ENOMEM;
  ll_status st = build_view(js, tree, t);
  if (re) {
    re->tree = tree;
    re->reused = old != NULL;
  } else {
    ts_tree_delete(tree);
  }
  if (st == LL_OK) st = index_lines(js);
  if (st == LL_OK) st = ll__js_analyze_scopes(js, path, env, globals, nglobals);
  return st;
}

ll_status ll_js_parse(ll_js *js, ll_arena *arena, const char *path,
                      const char *src, uint32_t len, unsigned env,
                      const char *const *globals, size_t nglobals) {
  return ll_js_parse_reusing(js, arena, path, src, len, env, globals,
                             nglobals, NULL);
}

void ll_js_fini(ll_js *js) {
  ll_free(js->nodes);
  ll_free(js->line_starts);
  ll_free(js->ref);
  ll_free(js->next_ref);
  ll_free(js->first_ref);
  ll_free(js->scopes);
  ll_free(js->bindings);
  ll_free(js->buckets);
  memset(js, 0, sizeof *js);
}

/* ==== Node helpers ==== */

ll_nid ll_js_child(const ll_js *js, ll_nid n, ll_field f) {
  if (n == LL_NONE) return LL_NONE;
  for (ll_nid c = js->nodes[n].first; c != LL_NONE; c = js->nodes[c].next)
    if (js->nodes[c].field == f) return c;
  return LL_NONE;
}

ll_nid ll_js_named_child(const ll_js *js, ll_nid n, uint32_t i) {
  if (n == LL_NONE) return LL_NONE;
  for (ll_nid c = js->nodes[n].first; c != LL_NONE; c = js->nodes[c].next) {
    ll_kind k = (ll_kind)js->nodes[c].kind;
    if (k == LL_K_token || k == LL_K_comment) continue;
    if (i-- == 0) return c;
  }
  return LL_NONE;
}

ll_nid ll_js_unwrap(const ll_js *js, ll_nid n) {
  while (n != LL_NONE) {
    ll_kind k = ll_js_kind(js, n);
    if (k == LL_K_parenthesized_expression || k == LL_K_as_expression ||
        k == LL_K_satisfies_expression || k == LL_K_non_null_expression ||
        k == LL_K_type_assertion)
      n = ll_js_named_child(js, n, 0);
    else
      break;
  }
  return n;
}

bool ll_js_text_is(const ll_js *js, ll_nid n, const char *s) {
  if (n == LL_NONE) return false;
  size_t len = strlen(s);
  const ll_node *node = &js->nodes[n];
  return node->end - node->start == len &&
         memcmp(js->src + node->start, s, len) == 0;
}

bool ll_js_same_text(const ll_js *js, ll_nid a, ll_nid b) {
  if (a == LL_NONE || b == LL_NONE) return false;
  const ll_node *x = &js->nodes[a], *y = &js->nodes[b];
  return x->end - x->start == y->end - y->start &&
         memcmp(js->src + x->start, js->src + y->start, x->end - x->start) == 0;
}

const char *ll_js_text(const ll_js *js, ll_nid n) {
  if (n == LL_NONE) return "";
  const ll_node *node = &js->nodes[n];
  const char *s = ll_arena_strndup(js->arena, js->src + node->start,
                                   node->end - node->start);
  return s ? s : ""; /* out of memory: the report's own copy will fail too */
}

const char *ll_js_string_value(const ll_js *js, ll_nid n) {
  n = ll_js_unwrap(js, n);
  if (n == LL_NONE) return NULL;
  const ll_node *node = &js->nodes[n];
  if (node->kind != LL_K_string && node->kind != LL_K_template_string)
    return NULL;
  if (node->kind == LL_K_template_string) {
    for (ll_nid c = node->first; c != LL_NONE; c = js->nodes[c].next)
      if (js->nodes[c].kind == LL_K_template_substitution) return NULL;
  }
  if (node->end - node->start < 2) return NULL;
  return ll_arena_strndup(js->arena, js->src + node->start + 1,
                          node->end - node->start - 2);
}

uint32_t ll_js_line_of(const ll_js *js, uint32_t byte) {
  return ll_line_of(js->line_starts, js->nlines, byte);
}
