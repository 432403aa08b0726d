/* The parse cache: incremental analysis for editors (`leaklint lsp`).
 *
 * A cache keeps the tree-sitter tree of a document's last analysis and a
 * parser. Edits are applied to the tree with `ts_tree_edit` as they happen;
 * the next analysis hands the edited tree to `ts_parser_parse_string`, which
 * re-lexes only the edited ranges and reuses every subtree outside them.
 * Everything after the parse (node view, scopes, rules, suppressions) runs
 * as in `ll_analyze_source`: the findings are those of a fresh analysis of
 * the same text. That holds for syntax errors too, because a reparse whose
 * tree has an error is redone from scratch (frontend/js/tree.c): tree-sitter
 * recovers from an error differently depending on the edit history. A
 * broken file therefore costs an incremental and a full parse per edit.
 *
 * Invariants: `tree`, when not NULL, matches the text the caller will pass
 * next, provided every edit was recorded; it was parsed with `dialect`'s
 * grammar, and a change of dialect (a renamed document) drops it. A parse
 * that fails drops it too, so a bad state never outlives one analysis. The
 * cache is never shared: it must never be used by two threads at once, and
 * nothing here takes a lock. */
#include <string.h>
#include <tree_sitter/api.h>

#include "base/alloc.h"
#include "engine/analyze.h"

struct ll_parse_cache {
  TSParser *parser; /* created on first use; its language follows `dialect` */
  TSTree *tree;     /* the last tree, with the edits since; NULL: none */
  int dialect;      /* ll_js_dialect_for_path of `tree`'s document */
  bool reused;      /* the last parse started from a tree */
};

ll_parse_cache *ll_parse_cache_new(void) {
  ll_parse_cache *c = ll_calloc(1, sizeof *c);
  if (c) c->dialect = -1;
  return c;
}

void ll_parse_cache_reset(ll_parse_cache *c) {
  if (!c) return;
  if (c->tree) ts_tree_delete(c->tree);
  c->tree = NULL;
  c->dialect = -1;
}

void ll_parse_cache_free(ll_parse_cache *c) {
  if (!c) return;
  ll_parse_cache_reset(c);
  if (c->parser) ts_parser_delete(c->parser);
  ll_free(c);
}

void ll_parse_cache_edit(ll_parse_cache *c, uint32_t start_byte,
                         uint32_t old_end_byte, uint32_t new_end_byte,
                         ll_point start_point, ll_point old_end_point,
                         ll_point new_end_point) {
  if (!c || !c->tree) return; /* nothing to keep in step */
  TSInputEdit e = {
      .start_byte = start_byte,
      .old_end_byte = old_end_byte,
      .new_end_byte = new_end_byte,
      .start_point = {start_point.row, start_point.column},
      .old_end_point = {old_end_point.row, old_end_point.column},
      .new_end_point = {new_end_point.row, new_end_point.column},
  };
  ts_tree_edit(c->tree, &e);
}

bool ll_parse_cache_reused(const ll_parse_cache *c) {
  return c && c->reused;
}

ll_status ll__parse_cache_parse(ll_parse_cache *c, ll_js *js, ll_arena *arena,
                                const char *path, const char *src,
                                uint32_t len, const ll_options *o) {
  int dialect = ll_js_dialect_for_path(path);
  if (c->tree && c->dialect != dialect) ll_parse_cache_reset(c);
  /* A tree whose edited length is not the text's was given a wrong edit:
   * reparsing from it could reuse stale subtrees, so start afresh. */
  if (c->tree && ts_node_end_byte(ts_tree_root_node(c->tree)) != len)
    ll_parse_cache_reset(c);
  if (!c->parser && !(c->parser = ts_parser_new())) {
    memset(js, 0, sizeof *js);
    return LL_ENOMEM;
  }
  ll_js_reparse re = {.parser = c->parser, .old_tree = c->tree};
  ll_status st = ll_js_parse_reusing(js, arena, path, src, len, o->env,
                                     o->globals, o->nglobals, &re);
  ll_parse_cache_reset(c);
  c->reused = re.reused;
  if (re.tree) {
    c->tree = re.tree;
    c->dialect = dialect;
  }
  return st;
}

ll_status ll_analyze_source_cached(const ll_options *o, const char *path,
                                   const char *src, size_t len,
                                   ll_parse_cache *cache, ll_file_result **out,
                                   ll_error *err) {
  if (cache) cache->reused = false;
  if (cache && ll_lang_for_path(path) != LL_LANG_JS) {
    ll_parse_cache_reset(cache); /* C files and others: no JS tree to keep */
    cache = NULL;
  }
  return ll__analyze_source(o, path, src, len, cache, out, err);
}
