/* Scope analysis.
 *
 * Pass 1 walks the node view in pre-order, gives every node its innermost
 * scope and records every declaration: `var` and function declarations are
 * hoisted to the nearest function (or module) scope, `let`/`const`/`class`
 * stay in their block, parameters and a named function expression's own name
 * live in the function's scope, catch parameters in the catch clause's.
 * Pass 2 resolves every identifier by walking up the scope chain through a
 * hash table keyed by (scope, name). Because all declarations are known
 * before any reference is resolved, hoisting needs no special case.
 *
 * Invariant: scope 0 is the module scope; a scope's parent has a smaller
 * index. This module never reports anything: rules read its results. */
#include "frontend/js/scope.h"

#include <string.h>

#include "base/alloc.h"
#include "base/array.h"
#include "frontend/js/globals.h"

typedef struct builder {
  ll_js *js;
  ll_array(ll_scope) scopes;
  ll_array(ll_binding) bindings;
  bool oom;
} builder;

bool ll_js_is_function(ll_kind k) {
  switch (k) {
  case LL_K_function_declaration:
  case LL_K_generator_function_declaration:
  case LL_K_function_expression:
  case LL_K_function:
  case LL_K_generator_function:
  case LL_K_arrow_function:
  case LL_K_method_definition:
  case LL_K_class_static_block:
  case LL_K_function_signature:
    return true;
  default:
    return false;
  }
}

static uint32_t new_scope(builder *b, ll_nid node, uint32_t parent,
                          ll_scope_kind kind, bool strict) {
  ll_scope s = {.node = node, .parent = parent, .kind = (uint8_t)kind,
                .strict = strict};
  if (!ll_array_push(&b->scopes, s)) {
    b->oom = true;
    return parent == LL_NONE ? 0 : parent;
  }
  return b->scopes.len - 1;
}

/* Nearest function or module scope: where `var` and function declarations go. */
static uint32_t hoist(const builder *b, uint32_t s) {
  while (b->scopes.items[s].kind != LL_SCOPE_FUNCTION &&
         b->scopes.items[s].kind != LL_SCOPE_MODULE)
    s = b->scopes.items[s].parent;
  return s;
}

static void add_binding(builder *b, ll_nid id, uint32_t scope,
                        ll_binding_kind kind, ll_nid init, ll_nid owner) {
  const ll_node *n = &b->js->nodes[id];
  ll_binding bd = {.name_start = n->start, .name_len = n->end - n->start,
                   .scope = scope, .kind = (uint8_t)kind, .decl = id,
                   .init = init, .owner = owner, .next_in_bucket = LL_NONE};
  if (!ll_array_push(&b->bindings, bd)) b->oom = true;
}

/* Declares every name bound by a pattern (identifier, object/array pattern,
 * defaults, rest, TypeScript parameter wrappers). Iterative with its own
 * stack: tree-sitter parses 200,000 nesting levels, the C stack would not. */
typedef struct pending_pattern {
  ll_nid node, init;
} pending_pattern;

static void declare_pattern(builder *b, ll_nid n, uint32_t scope,
                            ll_binding_kind kind, ll_nid init, ll_nid owner) {
  const ll_js *js = b->js;
  ll_array(pending_pattern) stack = {0};
  if (!ll_array_push(&stack, ((pending_pattern){n, init}))) {
    b->oom = true;
    return;
  }
  while (stack.len && !b->oom) {
    pending_pattern p = stack.items[--stack.len];
    if (p.node == LL_NONE) continue;
    ll_nid next = LL_NONE, next_init = LL_NONE;
    switch (ll_js_kind(js, p.node)) {
    case LL_K_identifier:
    case LL_K_shorthand_property_identifier_pattern:
      add_binding(b, p.node, scope, kind, p.init, owner);
      break;
    case LL_K_object_pattern:
    case LL_K_array_pattern:
      for (ll_nid c = js->nodes[p.node].first; c != LL_NONE; c = js->nodes[c].next)
        if (!ll_array_push(&stack, ((pending_pattern){c, LL_NONE}))) b->oom = true;
      break;
    case LL_K_pair_pattern:
      next = ll_js_child(js, p.node, LL_F_value);
      break;
    case LL_K_assignment_pattern:
    case LL_K_object_assignment_pattern:
      next = ll_js_child(js, p.node, LL_F_left);
      next_init = ll_js_child(js, p.node, LL_F_right);
      break;
    case LL_K_rest_pattern:
      next = ll_js_named_child(js, p.node, 0);
      break;
    case LL_K_required_parameter:
    case LL_K_optional_parameter:
      next = ll_js_child(js, p.node, LL_F_pattern);
      next_init = ll_js_child(js, p.node, LL_F_value);
      break;
    default:
      break; /* a member expression target in a destructuring assignment */
    }
    if (next != LL_NONE &&
        !ll_array_push(&stack, ((pending_pattern){next, next_init})))
      b->oom = true;
  }
  ll_array_free(&stack);
}

/* True when the statement list starting at `first` opens with a
 * "use strict" directive. */
static bool has_use_strict(const ll_js *js, ll_nid first) {
  for (ll_nid c = first; c != LL_NONE; c = js->nodes[c].next) {
    ll_kind k = ll_js_kind(js, c);
    if (k == LL_K_comment || k == LL_K_hash_bang_line || k == LL_K_token)
      continue;
    if (k != LL_K_expression_statement) return false;
    ll_nid s = ll_js_named_child(js, c, 0);
    if (ll_js_kind(js, s) != LL_K_string) return false;
    if (ll_js_text_is(js, s, "'use strict'") ||
        ll_js_text_is(js, s, "\"use strict\""))
      return true;
  }
  return false;
}

static bool detect_module(const ll_js *js, const char *path) {
  const char *dot = strrchr(path, '.');
  if (dot && (strcmp(dot, ".mjs") == 0 || strcmp(dot, ".mts") == 0))
    return true;
  if (dot && (strcmp(dot, ".cjs") == 0 || strcmp(dot, ".cts") == 0))
    return false;
  if (js->count == 0) return false;
  for (ll_nid c = js->nodes[0].first; c != LL_NONE; c = js->nodes[c].next) {
    ll_kind k = ll_js_kind(js, c);
    if (k == LL_K_import_statement || k == LL_K_export_statement) return true;
  }
  return false;
}

static ll_binding_kind declarator_kind(const ll_js *js, ll_nid decl) {
  ll_nid list = js->nodes[decl].parent;
  if (ll_js_kind(js, list) == LL_K_variable_declaration) return LL_BIND_VAR;
  ll_nid kw = ll_js_child(js, list, LL_F_kind);
  if (ll_js_text_is(js, kw, "let")) return LL_BIND_LET;
  return LL_BIND_CONST; /* const, using, await using */
}

static bool starts_with_word(const ll_js *js, uint32_t at, uint32_t end,
                             const char *w) {
  size_t n = strlen(w);
  return end - at > n && memcmp(js->src + at, w, n) == 0 &&
         (js->src[at + n] == ' ' || js->src[at + n] == '\t' ||
          js->src[at + n] == '\n' || js->src[at + n] == '{');
}

static uint32_t skip_space(const ll_js *js, uint32_t at, uint32_t end) {
  while (at < end && (js->src[at] == ' ' || js->src[at] == '\t' ||
                      js->src[at] == '\n' || js->src[at] == '\r'))
    at++;
  return at;
}

/* True when the text at `at` is the `type`/`typeof` modifier, not a name
 * spelled `type`: `import type from 'x'`, `import type, { a }`, and
 * `import { type as t }` import a value called `type`. */
static bool type_keyword_at(const ll_js *js, uint32_t at, uint32_t end) {
  uint32_t after;
  if (starts_with_word(js, at, end, "typeof")) after = at + 6;
  else if (starts_with_word(js, at, end, "type")) after = at + 4;
  else return false;
  after = skip_space(js, after, end);
  if (after >= end || js->src[after] == ',') return false;
  if (starts_with_word(js, after, end, "from")) {
    uint32_t q = skip_space(js, after + 4, end);
    if (q < end && (js->src[q] == '\'' || js->src[q] == '"')) return false;
  }
  if (starts_with_word(js, after, end, "as")) {
    /* `type as t` renames `type`; `type as as t` would import type `as`. */
    uint32_t q = skip_space(js, after + 2, end);
    return starts_with_word(js, q, end, "as");
  }
  return true;
}

/* `import type { A } from …`, `import { type A }`: TypeScript names that
 * are erased before the code runs, so they declare no value. */
static bool type_only_import(const ll_js *js, ll_nid n) {
  const ll_node *node = &js->nodes[n];
  if (node->kind == LL_K_import_specifier &&
      type_keyword_at(js, node->start, node->end))
    return true;
  for (ll_nid a = n; a != LL_NONE; a = js->nodes[a].parent) {
    const ll_node *s = &js->nodes[a];
    if (s->kind != LL_K_import_statement) continue;
    uint32_t at = s->start + 6; /* after `import` */
    while (at < s->end && (js->src[at] == ' ' || js->src[at] == '\t')) at++;
    return type_keyword_at(js, at, s->end);
  }
  return false;
}

/* ==== Pass 1: scopes and declarations ==== */

static void open_scopes(builder *b) {
  ll_js *js = b->js;
  ll_node *nodes = js->nodes;
  for (ll_nid i = 0; i < js->count; i++) {
    ll_node *n = &nodes[i];
    uint32_t inherited = n->parent == LL_NONE ? 0 : nodes[n->parent].scope;
    bool strict = b->scopes.len ? b->scopes.items[inherited].strict : false;
    ll_kind k = (ll_kind)n->kind;
    if (i == 0) {
      n->scope = new_scope(b, i, LL_NONE, LL_SCOPE_MODULE,
                           js->is_module || has_use_strict(js, n->first));
    } else if (ll_js_is_function(k)) {
      ll_nid body = ll_js_child(js, i, LL_F_body);
      bool directive = ll_js_kind(js, body) == LL_K_statement_block &&
                       has_use_strict(js, nodes[body].first);
      n->scope = new_scope(b, i, inherited, LL_SCOPE_FUNCTION,
                           strict || directive);
    } else if (k == LL_K_statement_block && n->parent != LL_NONE &&
               ll_js_is_function(ll_js_kind(js, n->parent)) &&
               n->field == LL_F_body) {
      n->scope = inherited; /* a function body shares the function's scope */
    } else if (k == LL_K_statement_block || k == LL_K_for_statement ||
               k == LL_K_for_in_statement || k == LL_K_switch_statement ||
               k == LL_K_catch_clause) {
      n->scope = new_scope(b, i, inherited, LL_SCOPE_BLOCK, strict);
    } else if (k == LL_K_class_declaration || k == LL_K_class ||
               k == LL_K_abstract_class_declaration) {
      n->scope = new_scope(b, i, inherited, LL_SCOPE_CLASS, true);
    } else {
      n->scope = inherited;
    }
    if (b->oom) return;
  }
}

static void declare(builder *b) {
  ll_js *js = b->js;
  const ll_node *nodes = js->nodes;
  for (ll_nid i = 0; i < js->count; i++) {
    const ll_node *n = &nodes[i];
    uint32_t here = n->scope;
    uint32_t outer = n->parent == LL_NONE ? 0 : nodes[n->parent].scope;
    switch ((ll_kind)n->kind) {
    case LL_K_variable_declarator: {
      ll_binding_kind bk = declarator_kind(js, i);
      uint32_t target = bk == LL_BIND_VAR ? hoist(b, here) : here;
      declare_pattern(b, ll_js_child(js, i, LL_F_name), target, bk,
                      ll_js_child(js, i, LL_F_value), i);
      break;
    }
    case LL_K_function_declaration:
    case LL_K_generator_function_declaration:
    case LL_K_function_signature:
      /* Block-level functions are block-scoped in strict code; sloppy code
       * hoists them to the function (Annex B). */
      declare_pattern(b, ll_js_child(js, i, LL_F_name),
                      b->scopes.items[outer].strict ? outer : hoist(b, outer),
                      LL_BIND_FUNCTION, i, i);
      break;
    case LL_K_function_expression:
    case LL_K_function:
    case LL_K_generator_function:
      declare_pattern(b, ll_js_child(js, i, LL_F_name), here,
                      LL_BIND_FUNCTION_NAME, i, i);
      break;
    case LL_K_class_declaration:
    case LL_K_abstract_class_declaration: {
      ll_nid name = ll_js_child(js, i, LL_F_name);
      if (name != LL_NONE)
        add_binding(b, name, outer, LL_BIND_CLASS, i, i);
      break;
    }
    case LL_K_class: {
      ll_nid name = ll_js_child(js, i, LL_F_name);
      if (name != LL_NONE) add_binding(b, name, here, LL_BIND_CLASS, i, i);
      break;
    }
    case LL_K_formal_parameters:
      for (ll_nid c = n->first; c != LL_NONE; c = nodes[c].next)
        declare_pattern(b, c, here, LL_BIND_PARAM, LL_NONE, n->parent);
      break;
    case LL_K_arrow_function:
      declare_pattern(b, ll_js_child(js, i, LL_F_parameter), here,
                      LL_BIND_PARAM, LL_NONE, i);
      break;
    case LL_K_catch_clause:
      declare_pattern(b, ll_js_child(js, i, LL_F_parameter), here,
                      LL_BIND_CATCH, LL_NONE, i);
      break;
    case LL_K_import_specifier: {
      if (type_only_import(js, i)) break;
      ll_nid alias = ll_js_child(js, i, LL_F_alias);
      ll_nid name = alias != LL_NONE ? alias : ll_js_child(js, i, LL_F_name);
      if (ll_js_kind(js, name) == LL_K_identifier)
        add_binding(b, name, 0, LL_BIND_IMPORT, LL_NONE, i);
      break;
    }
    case LL_K_import_clause:
    case LL_K_namespace_import:
    case LL_K_import_alias:
    case LL_K_import_require_clause:
      if (type_only_import(js, i)) break;
      for (ll_nid c = n->first; c != LL_NONE; c = nodes[c].next) {
        if (ll_js_kind(js, c) == LL_K_identifier) {
          add_binding(b, c, n->kind == LL_K_import_alias ? outer : 0,
                      LL_BIND_IMPORT, LL_NONE, i);
          break;
        }
      }
      break;
    case LL_K_for_in_statement: {
      ll_nid kw = ll_js_child(js, i, LL_F_kind);
      if (kw == LL_NONE) break; /* `for (x of xs)` assigns, declares nothing */
      ll_binding_kind bk = ll_js_text_is(js, kw, "var")   ? LL_BIND_VAR
                           : ll_js_text_is(js, kw, "let") ? LL_BIND_LET
                                                          : LL_BIND_CONST;
      declare_pattern(b, ll_js_child(js, i, LL_F_left),
                      bk == LL_BIND_VAR ? hoist(b, here) : here, bk, LL_NONE,
                      i);
      break;
    }
    case LL_K_enum_declaration:
    case LL_K_internal_module:
    case LL_K_module: {
      ll_nid name = ll_js_child(js, i, LL_F_name);
      if (ll_js_kind(js, name) == LL_K_identifier)
        add_binding(b, name, outer,
                    n->kind == LL_K_enum_declaration ? LL_BIND_ENUM
                                                     : LL_BIND_NAMESPACE,
                    LL_NONE, i);
      break;
    }
    default:
      break;
    }
    if (b->oom) return;
  }
}

/* ==== Pass 2: resolution ==== */

static uint32_t name_hash(const char *s, uint32_t n, uint32_t scope) {
  uint32_t h = 2166136261u ^ (scope * 0x9E3779B1u);
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static bool build_hash(ll_js *js) {
  uint32_t nb = 16;
  while (nb < js->nbindings * 2) nb *= 2;
  js->buckets = ll_malloc(nb * sizeof *js->buckets);
  if (!js->buckets) return false;
  memset(js->buckets, 0xff, nb * sizeof *js->buckets);
  js->nbuckets = nb;
  for (uint32_t i = 0; i < js->nbindings; i++) {
    ll_binding *bd = &js->bindings[i];
    uint32_t h = name_hash(js->src + bd->name_start, bd->name_len, bd->scope) &
                 (nb - 1);
    bd->next_in_bucket = js->buckets[h];
    js->buckets[h] = i;
  }
  return true;
}

static uint32_t lookup(const ll_js *js, const char *name, uint32_t len,
                       uint32_t scope) {
  for (uint32_t s = scope; s != LL_NONE; s = js->scopes[s].parent) {
    uint32_t h = name_hash(name, len, s) & (js->nbuckets - 1);
    for (uint32_t i = js->buckets[h]; i != LL_NONE;
         i = js->bindings[i].next_in_bucket) {
      const ll_binding *bd = &js->bindings[i];
      if (bd->scope == s && bd->name_len == len &&
          memcmp(js->src + bd->name_start, name, len) == 0)
        return i;
    }
  }
  return LL_UNRESOLVED;
}

static bool resolve(ll_js *js) {
  js->ref = ll_malloc((size_t)js->count * sizeof *js->ref);
  js->next_ref = ll_malloc((size_t)js->count * sizeof *js->next_ref);
  js->first_ref = ll_malloc(((size_t)js->nbindings + 1) * sizeof *js->first_ref);
  if (!js->ref || !js->next_ref || !js->first_ref) return false;
  memset(js->first_ref, 0xff, ((size_t)js->nbindings + 1) * sizeof *js->first_ref);
  /* Backwards, so each binding's list comes out in source order. */
  for (ll_nid i = js->count; i-- > 0;) {
    const ll_node *n = &js->nodes[i];
    js->ref[i] = LL_UNRESOLVED;
    js->next_ref[i] = LL_NONE;
    if (n->kind != LL_K_identifier && n->kind != LL_K_shorthand_property_identifier &&
        n->kind != LL_K_shorthand_property_identifier_pattern)
      continue;
    uint32_t b = lookup(js, js->src + n->start, n->end - n->start, n->scope);
    js->ref[i] = b;
    if (b != LL_UNRESOLVED) {
      js->next_ref[i] = js->first_ref[b];
      js->first_ref[b] = i;
    }
  }
  return true;
}

/* ==== Known globals from comments ==== */

static bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '$' || (c & 0x80);
}

/* `/ * global a, b: writable * /` and `/ * globals … * /` declare names. */
static bool collect_comment_globals(ll_js *js) {
  ll_array(uint32_t) names = {0};
  for (ll_nid i = 0; i < js->count; i++) {
    const ll_node *n = &js->nodes[i];
    if (n->kind != LL_K_comment || n->end - n->start < 4) continue;
    const char *p = js->src + n->start, *end = js->src + n->end - 2;
    if (p[0] != '/' || p[1] != '*') continue;
    p += 2;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    size_t kw = 0;
    if (end - p > 7 && memcmp(p, "globals", 7) == 0) kw = 7;
    else if (end - p > 6 && memcmp(p, "global", 6) == 0) kw = 6;
    if (!kw || is_name_char(p[kw])) continue;
    p += kw;
    while (p < end) {
      while (p < end && !is_name_char(*p)) p++;
      const char *a = p;
      while (p < end && is_name_char(*p)) p++;
      if (p > a) {
        if (!ll_array_push(&names, (uint32_t)(a - js->src)) ||
            !ll_array_push(&names, (uint32_t)(p - a))) {
          ll_array_free(&names);
          return false;
        }
      }
      /* Skip a `: readonly` / `: writable` value. */
      const char *q = p;
      while (q < end && (*q == ' ' || *q == '\t')) q++;
      if (q < end && *q == ':') {
        q++;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        while (q < end && is_name_char(*q)) q++;
        p = q;
      }
    }
  }
  if (names.len) {
    js->comment_globals = ll_arena_alloc(js->arena, names.len * sizeof(uint32_t));
    if (!js->comment_globals) {
      ll_array_free(&names);
      return false;
    }
    memcpy(js->comment_globals, names.items, names.len * sizeof(uint32_t));
    js->ncomment_globals = names.len / 2;
  }
  ll_array_free(&names);
  return true;
}

bool ll_js_is_known_global(const ll_js *js, const char *name, size_t len) {
  if (ll__name_set_has(js->known_globals, name, len)) return true;
  for (size_t i = 0; i < js->nextra_globals; i++)
    if (strlen(js->extra_globals[i]) == len &&
        memcmp(js->extra_globals[i], name, len) == 0)
      return true;
  for (uint32_t i = 0; i < js->ncomment_globals; i++)
    if (js->comment_globals[2 * i + 1] == len &&
        memcmp(js->src + js->comment_globals[2 * i], name, len) == 0)
      return true;
  return false;
}

bool ll_js_is_strict(const ll_js *js, ll_nid n) {
  return js->scopes[js->nodes[n].scope].strict;
}

ll_status ll__js_analyze_scopes(ll_js *js, const char *path, unsigned env,
                                const char *const *globals, size_t nglobals) {
  builder b = {.js = js};
  js->is_module = detect_module(js, path);
  js->known_globals = ll__globals_for_env(env);
  js->extra_globals = globals;
  js->nextra_globals = nglobals;
  if (js->count == 0) return LL_OK;
  open_scopes(&b);
  if (!b.oom) declare(&b);
  js->scopes = b.scopes.items;
  js->nscopes = b.scopes.len;
  js->bindings = b.bindings.items;
  js->nbindings = b.bindings.len;
  if (b.oom || !js->known_globals) return LL_ENOMEM;
  if (!build_hash(js) || !resolve(js) || !collect_comment_globals(js))
    return LL_ENOMEM;
  return LL_OK;
}
