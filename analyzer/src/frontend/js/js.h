/* The JavaScript/TypeScript frontend: a flat node view of the tree-sitter
 * tree, scopes and bindings, and the multiplicity × lifetime facts the rules
 * ask about.
 *
 * The node view is an array in pre-order: a node's descendants follow it and
 * end before `node.end_index`. Each node keeps its parent, first child and
 * next sibling. Anonymous tokens are dropped unless they carry a field (an
 * operator, a `let`/`const`/`var` kind) or are one of the keywords that
 * change a declaration's meaning (`static`, `async`, `get`, `set`, `*`: kind
 * LL_K_token, no field), and TypeScript type syntax is dropped
 * whole, so types are erased before any rule looks. The tree-sitter tree is
 * freed as soon as the view is built: no rule ever sees it. */
#ifndef LL_FRONTEND_JS_H
#define LL_FRONTEND_JS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "leaklint/leaklint.h"

typedef uint32_t ll_nid;
#define LL_NONE UINT32_MAX

typedef enum ll_kind {
  LL_K_other = 0,
  LL_K_token, /* an anonymous token kept for its field */
#define LL_KIND(name) LL_K_##name,
#define LL_TYPE_KIND(name)
#include "frontend/js/kinds.def"
#undef LL_KIND
#undef LL_TYPE_KIND
  LL_K_COUNT
} ll_kind;

typedef enum ll_field {
  LL_F_none = 0,
#define LL_FIELD(name) LL_F_##name,
#include "frontend/js/fields.def"
#undef LL_FIELD
  LL_F_COUNT
} ll_field;

enum { LL_NF_ERROR = 1, LL_NF_MISSING = 2 };

typedef struct ll_node {
  uint16_t kind;  /* ll_kind */
  uint8_t field;  /* ll_field: this node's field in its parent */
  uint8_t flags;  /* LL_NF_* */
  ll_nid parent, first, next, last; /* tree links; LL_NONE when absent */
  uint32_t start, end;              /* byte range */
  uint32_t row, col;                /* start point (0-based, byte column) */
  uint32_t end_index;               /* one past the last descendant */
  uint32_t scope;                   /* innermost scope (set by scope analysis) */
} ll_node;

/* ==== Scopes and bindings ==== */

typedef enum ll_scope_kind {
  LL_SCOPE_MODULE,   /* the program: module or script top level */
  LL_SCOPE_FUNCTION, /* a function, arrow, method or static block */
  LL_SCOPE_BLOCK,    /* a block, for/switch/catch */
  LL_SCOPE_CLASS,    /* a class body (holds the class's own name) */
} ll_scope_kind;

typedef struct ll_scope {
  ll_nid node;
  uint32_t parent; /* LL_NONE for the module scope */
  uint8_t kind;    /* ll_scope_kind */
  bool strict;
} ll_scope;

typedef enum ll_binding_kind {
  LL_BIND_VAR, LL_BIND_LET, LL_BIND_CONST, LL_BIND_FUNCTION, LL_BIND_CLASS,
  LL_BIND_PARAM, LL_BIND_IMPORT, LL_BIND_CATCH, LL_BIND_ENUM,
  LL_BIND_NAMESPACE, LL_BIND_FUNCTION_NAME /* a named function expression */
} ll_binding_kind;

typedef struct ll_binding {
  uint32_t name_start, name_len; /* the name, as a slice of the source */
  uint32_t scope;
  uint8_t kind;      /* ll_binding_kind */
  ll_nid decl;       /* the declaring identifier */
  ll_nid init;       /* initial value (declarator value / default), or LL_NONE */
  ll_nid owner;      /* function node of a parameter; declarator of a variable */
  uint32_t next_in_bucket;
} ll_binding;

#define LL_UNRESOLVED UINT32_MAX

typedef struct ll_js ll_js;

/** A parsed, scope-analysed file. Everything hangs off `arena`. */
struct ll_js {
  ll_arena *arena;
  const char *src; /* the caller's text, borrowed for the analysis */
  uint32_t len;
  ll_node *nodes;
  uint32_t count;
  ll_scope *scopes;
  uint32_t nscopes;
  ll_binding *bindings;
  uint32_t nbindings;
  uint32_t *ref;      /* per node: binding of an identifier reference, or LL_UNRESOLVED */
  uint32_t *next_ref; /* per node: the next reference to the same binding */
  uint32_t *first_ref; /* per binding: its first reference node, or LL_NONE */
  uint32_t *buckets;  /* binding hash table */
  uint32_t nbuckets;
  bool is_module;     /* ES module syntax or .mjs/.mts */
  bool is_ts;
  bool has_error;     /* the first syntax error: */
  bool error_missing; /* a token tree-sitter had to insert */
  const char *error_token; /* the missing token's type (static), if so */
  uint32_t error_start, error_end; /* byte range */
  uint32_t *line_starts; /* byte offset of each line */
  uint32_t nlines;
  /* Known names besides the bindings: ES builtins, the environments' globals,
   * `/ * global * /` comments and configured globals. */
  const struct ll_name_set *known_globals;
  const char *const *extra_globals;
  size_t nextra_globals;
  uint32_t *comment_globals; /* (start, len) pairs of names in `global` comments */
  uint32_t ncomment_globals;
};

/** Which grammar a path uses: 0 JavaScript (also .jsx), 1 TypeScript, 2 TSX. */
int ll_js_dialect_for_path(const char *path);

/** Parses `src` and builds the node view, scopes and references. Never fails
 * on bad syntax (ERROR nodes stay in the view, `has_error` says where).
 * Returns LL_ENOMEM or LL_EPARSER on failure. `src` must outlive `js`. */
ll_status ll_js_parse(ll_js *js, ll_arena *arena, const char *path,
                      const char *src, uint32_t len, unsigned env,
                      const char *const *globals, size_t nglobals);

struct TSParser;
struct TSTree;

/** Tree-sitter state that `ll_js_parse_reusing` borrows and hands back. */
typedef struct ll_js_reparse {
  struct TSParser *parser;       /* in: borrowed, or NULL for a temporary one;
                                    it gets this dialect's language */
  const struct TSTree *old_tree; /* in: borrowed, or NULL: the previous tree
                                    of the same dialect, already edited with
                                    ts_tree_edit to match `src` exactly */
  struct TSTree *tree;           /* out: the new tree, owned by the caller
                                    (ts_tree_delete), even when the call
                                    fails after parsing; NULL if none */
  bool reused;                   /* out: `old_tree` was reused */
} ll_js_reparse;

/** As `ll_js_parse`, with an incremental reparse from `re->old_tree`. A tree
 * that comes out with a syntax error is parsed again from scratch (error
 * recovery depends on the edit history; the view must not), so the view is
 * always the one `ll_js_parse` builds. `re` NULL is `ll_js_parse`. Rules
 * still never see a tree. */
ll_status ll_js_parse_reusing(ll_js *js, ll_arena *arena, const char *path,
                              const char *src, uint32_t len, unsigned env,
                              const char *const *globals, size_t nglobals,
                              ll_js_reparse *re);

/** Frees what `ll_js_parse` allocated outside the arena. */
void ll_js_fini(ll_js *js);

/* ==== Node helpers ==== */

static inline const ll_node *ll_js_node(const ll_js *js, ll_nid n) {
  return &js->nodes[n];
}
static inline ll_kind ll_js_kind(const ll_js *js, ll_nid n) {
  return n == LL_NONE ? LL_K_other : (ll_kind)js->nodes[n].kind;
}
/** The first child of `n` with field `f`, or LL_NONE. */
ll_nid ll_js_child(const ll_js *js, ll_nid n, ll_field f);
/** The `i`-th child that is not a comment/token, or LL_NONE. */
ll_nid ll_js_named_child(const ll_js *js, ll_nid n, uint32_t i);
/** Skips parentheses, `as`/`satisfies`/`!` casts around an expression. */
ll_nid ll_js_unwrap(const ll_js *js, ll_nid n);
/** True when the source text of `n` equals `s`. */
bool ll_js_text_is(const ll_js *js, ll_nid n, const char *s);
/** True when the texts of `a` and `b` are equal. */
bool ll_js_same_text(const ll_js *js, ll_nid a, ll_nid b);
/** The text of `n` copied into the arena (NUL-terminated). */
const char *ll_js_text(const ll_js *js, ll_nid n);
/** The string value of a plain string literal (no escapes decoded), or NULL. */
const char *ll_js_string_value(const ll_js *js, ll_nid n);
/** 0-based line of a byte offset. */
uint32_t ll_js_line_of(const ll_js *js, uint32_t byte);

/* ==== References ==== */

/** The binding an identifier node refers to, or LL_UNRESOLVED. */
static inline uint32_t ll_js_binding_of(const ll_js *js, ll_nid n) {
  return js->ref[n];
}
/** True when `name[0..len)` is a known global (builtins, env, comments, config). */
bool ll_js_is_known_global(const ll_js *js, const char *name, size_t len);
/** True when the code at `n` is strict. */
bool ll_js_is_strict(const ll_js *js, ll_nid n);

/* ==== Multiplicity × lifetime facts ==== */

typedef enum ll_multiplicity {
  LL_ONCE,  /* module top level, an IIFE at top level, a class static block */
  LL_MANY,  /* a function, method, callback, loop, constructor, component */
} ll_multiplicity;

/** How often the code at `n` can run, and the node that makes it so (the
 * enclosing function or loop; LL_NONE at the top level). */
ll_multiplicity ll_js_multiplicity(const ll_js *js, ll_nid n, ll_nid *why);

/** The nearest enclosing function-like node (function, arrow, method, static
 * block) of `n`, or LL_NONE at the top level. */
ll_nid ll_js_enclosing_function(const ll_js *js, ll_nid n);
/** The class body enclosing `n` whose `this` `n` sees, or LL_NONE. */
ll_nid ll_js_enclosing_class(const ll_js *js, ll_nid n);
/** True for function_declaration, function_expression, arrow_function,
 * method_definition, generator forms and class static blocks. */
bool ll_js_is_function(ll_kind k);
/** For a method_definition: its name text equals `s`. */
bool ll_js_method_named(const ll_js *js, ll_nid method, const char *s);

typedef enum ll_lifetime {
  LL_LIFE_LOCAL,     /* created in this call and never escapes */
  LL_LIFE_PER_EVENT, /* a parameter of a callback: a fresh object per event */
  LL_LIFE_SELF,      /* `this` itself */
  LL_LIFE_LONG,      /* process/window/document/globals, module bindings,
                        `this.x`, parameters of named functions, unknown */
} ll_lifetime;

/** Who keeps the object that expression `n` evaluates to alive. */
ll_lifetime ll_js_lifetime(const ll_js *js, ll_nid n);

/** True when the local binding `b` escapes its function: returned, stored
 * into a property, an outer variable, an array/object literal, or passed to a
 * call (other than as the receiver of a method call). */
bool ll_js_binding_escapes(const ll_js *js, uint32_t b);

/** Calls `fn` for every identifier node referring to binding `b`. Stops when
 * `fn` returns false. */
void ll_js_each_ref(const ll_js *js, uint32_t b,
                    bool (*fn)(const ll_js *js, ll_nid ref, void *ud), void *ud);

/** True for `this.p` when the same class (or constructor function) assigns
 * `this.p` a fresh object (`new`, a literal, `createElement`): the object
 * owns what `this.p` holds. */
bool ll_js_owned_member(const ll_js *js, ll_nid member);

/** Where code acquiring at `n` would be expected to release: the enclosing
 * class's dispose/destroy/close/stop/componentWillUnmount/… method, or the
 * cleanup function an effect-style callback returns; LL_NONE if neither. */
ll_nid ll_js_cleanup_site(const ll_js *js, ll_nid n);

/** A value that makes a fresh object: `new X`, an object/array literal, a
 * class expression, `createElement(…)`-style factories, `cloneNode()`. */
bool ll_js_is_creation(const ll_js *js, ll_nid v);

/** True when function `fn` runs once per object: a constructor (class or
 * capitalised function), a mount hook (componentDidMount, connectedCallback,
 * ngOnInit, mounted, …), or the top level (LL_NONE). Arrows see through. */
bool ll_js_runs_once_per_instance(const ll_js *js, ll_nid fn);

/** True when the text of node `n` is one of the NULL-terminated `names`. */
bool ll_js_name_in(const ll_js *js, ll_nid n, const char *const *names);

/** Two expressions denote the same holder: the same binding, or the same
 * member chain over the same binding / `this` of the same class / global. */
bool ll_js_same_place(const ll_js *js, ll_nid a, ll_nid b);

#endif
