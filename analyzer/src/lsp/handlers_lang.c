/* Language features and workspace configuration for the language server:
 * code actions (suppressions, the no-implicit-global and
 * no-uncleared-interval quick fixes, and "Confirm by running it"), hover
 * text from the rules' READMEs, the `leaklint.confirm` command, and the
 * configuration snapshots that analysis
 * jobs read (`.leaklintrc.json` through cli/config.c, plus client settings).
 *
 * Invariants: a configuration snapshot is immutable once built and reference
 * counted, so a job in the thread pool keeps reading the snapshot it started
 * with while a reload builds the next one; only the loop thread resolves
 * settings (the resolver memoises and is not thread-safe). A quick fix is
 * offered only when it is certain to be right (see `declare_fix`); the
 * suppressions are always offered. A confirmation runs the document's text
 * in the thread pool like an analysis (it may take the runtime's 2 s cap)
 * and reads nothing of the server there; its verdict is kept for the
 * current text only. Nothing here knows JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "cli/config.h"
#include "cli/confirm.h"
#include "cli/files.h"
#include "frontend/js/js.h"
#include "lsp/lsp.h"

/* ==== Configuration snapshots ==== */

struct ll_lsp_config {
  int refs;
  ll_config_resolver *resolver; /* NULL when the settings were unusable */
  ll_options fallback;          /* defaults + client settings */
  char *last_error;             /* the last config error logged, to log once */
};

void ll__lsp_settings_init(ll_lsp_settings *st) {
  memset(st, 0, sizeof *st);
  for (size_t i = 0; i < LL_RULE_COUNT; i++) st->rules[i] = LL_SEV_DEFAULT;
}

void ll__lsp_config_unref(ll_lsp_config *c) {
  if (!c || --c->refs > 0) return;
  ll_config_resolver_free(c->resolver);
  ll_free(c->last_error);
  ll_free(c);
}

void ll__lsp_config_reload(ll_lsp_server *s) {
  ll_lsp_config *c = ll_calloc(1, sizeof *c);
  if (!c) {
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "out of memory reloading configuration");
    return;
  }
  c->refs = 1;
  ll_overrides ov;
  ll_overrides_init(&ov);
  memcpy(ov.severity, s->settings.rules, sizeof ov.severity);
  ov.has_env = s->settings.has_env;
  ov.env = s->settings.env;
  ll_options_init(&c->fallback);
  memcpy(c->fallback.severity, ov.severity, sizeof ov.severity);
  if (ov.has_env) c->fallback.env = ov.env;
  ll_error err = {0};
  if (ll_config_resolver_new(&ov, NULL, &c->resolver, &err) != LL_OK)
    ll__lsp_log(s, LL_LSP_LOG_ERROR, "configuration: %s", err.message);
  ll__lsp_config_unref(s->config);
  s->config = c;
}

ll_lsp_config *ll__lsp_config_for(ll_lsp_server *s, const ll_lsp_doc *doc,
                                  const ll_options **opts, bool *ignored) {
  if (!s->config) ll__lsp_config_reload(s);
  ll_lsp_config *c = s->config;
  *opts = &c->fallback;
  *ignored = false;
  if (!c) return NULL;
  c->refs++;
  /* The folder whose configs apply: the file's, else the workspace root. */
  char *abs = doc->path ? ll_path_absolute(doc->path) : NULL;
  char *dir = NULL;
  if (abs) {
    char *slash = strrchr(abs, '/');
    dir = ll_strndup(abs, slash == abs ? 1 : (size_t)(slash - abs));
  } else if (s->client.root_path) {
    dir = ll_path_absolute(s->client.root_path);
  }
  if (dir && c->resolver) {
    const ll_settings *st = NULL;
    ll_error err = {0};
    if (ll_config_resolve(c->resolver, dir, -1, &st, &err) == LL_OK) {
      *opts = &st->opts;
      if (abs && ll_settings_ignores(st, abs, false, NULL)) *ignored = true;
    } else if (!c->last_error || strcmp(c->last_error, err.message) != 0) {
      ll__lsp_log(s, LL_LSP_LOG_ERROR,
                  "configuration: %s (the defaults apply until it is fixed)",
                  err.message);
      ll_free(c->last_error);
      c->last_error = ll_strdup(err.message);
    }
  }
  ll_free(dir);
  ll_free(abs);
  return c;
}

void ll__lsp_on_configuration(ll_lsp_server *s, const ll_lsp_settings *st) {
  s->settings = *st;
  ll__lsp_config_reload(s);
  ll__lsp_reanalyze_all(s);
  if (!s->push && s->client.diagnostic_refresh) ll__lsp_refresh_diagnostics(s);
}

void ll__lsp_on_watched_file(ll_lsp_server *s, const char *path) {
  const char *slash = path ? strrchr(path, '/') : NULL;
  const char *base = slash ? slash + 1 : path;
  if (base && strcmp(base, LL_CONFIG_FILE_NAME) != 0) return;
  ll__lsp_log(s, LL_LSP_LOG_INFO, "%s changed: configuration reloaded",
              path ? path : LL_CONFIG_FILE_NAME);
  ll__lsp_config_reload(s);
  ll__lsp_reanalyze_all(s);
  if (!s->push && s->client.diagnostic_refresh) ll__lsp_refresh_diagnostics(s);
}

/* ==== Rule documentation ==== */

char *ll__lsp_rule_href(const ll_lsp_server *s, size_t rule) {
  const ll_rule_info *info = ll_rule_get(rule);
  if (!s->docs_dir || !info) return NULL;
  size_t n = strlen(s->docs_dir) + strlen(info->docs_path) + 2;
  char *path = ll_malloc(n);
  if (!path) return NULL;
  snprintf(path, n, "%s/%s", s->docs_dir, info->docs_path);
  char *uri = access(path, R_OK) == 0 ? ll_lsp_path_to_uri(path) : NULL;
  ll_free(path);
  return uri;
}

/* The body of the README section that starts with `heading` (a whole line),
 * up to the next heading of the same level; trimmed. */
static const char *section(const char *doc, size_t len, const char *heading,
                           size_t *out_len) {
  size_t hl = strlen(heading);
  for (const char *p = doc; p && p + hl <= doc + len;) {
    if ((p == doc || p[-1] == '\n') && strncmp(p, heading, hl) == 0 &&
        (p[hl] == '\n' || p[hl] == '\r')) {
      const char *b = p + hl;
      while (b < doc + len && (*b == '\n' || *b == '\r')) b++;
      const char *e = b;
      size_t level = strspn(heading, "#");
      while (e < doc + len) {
        const char *nl = memchr(e, '\n', (size_t)(doc + len - e));
        const char *next = nl ? nl + 1 : doc + len;
        if (next < doc + len && strspn(next, "#") >= 1 &&
            strspn(next, "#") <= level)
          break;
        e = next;
      }
      while (e > b && (e[-1] == '\n' || e[-1] == '\r')) e--;
      *out_len = (size_t)(e - b);
      return b;
    }
    const char *nl = memchr(p, '\n', (size_t)(doc + len - p));
    p = nl ? nl + 1 : NULL;
  }
  return NULL;
}

char *ll__lsp_rule_markdown(const ll_lsp_server *s, size_t rule) {
  const ll_rule_info *info = ll_rule_get(rule);
  if (!info) return NULL;
  ll_strbuf b;
  ll_strbuf_init(&b);
  ll_strbuf_printf(&b, "**%s** (%s, %s): %s\n", info->id,
                   ll_lang_name(info->lang), ll_category_name(info->category),
                   info->description);
  size_t len = 0, n = 0;
  const char *docs = ll_rule_docs(rule, &len);
  const char *what = docs ? section(docs, len, "## What it does", &n) : NULL;
  if (what) {
    ll_strbuf_puts(&b, "\n");
    ll_strbuf_append(&b, what, n);
    ll_strbuf_puts(&b, "\n");
  }
  /* The first correct example, as the example fix. */
  const char *good = docs ? section(docs, len, "### Correct", &n) : NULL;
  const char *fence = good ? strstr(good, "```") : NULL;
  const char *close = fence ? strstr(fence + 3, "\n```") : NULL;
  if (close && close < good + n) {
    ll_strbuf_puts(&b, "\nFor example, this is fine:\n\n");
    ll_strbuf_append(&b, fence, (size_t)(close + 4 - fence));
    ll_strbuf_puts(&b, "\n");
  }
  char *href = ll__lsp_rule_href(s, rule);
  if (href) ll_strbuf_printf(&b, "\n[Rule documentation](%s)\n", href);
  else ll_strbuf_printf(&b, "\n`leaklint explain %s` shows the rule's "
                           "documentation.\n", info->id);
  ll_free(href);
  if (b.failed) {
    ll_strbuf_fini(&b);
    return NULL;
  }
  return ll_strbuf_take(&b);
}

/* ==== Hover ==== */

static bool pos_le(ll_lsp_pos a, ll_lsp_pos b) {
  return a.line < b.line || (a.line == b.line && a.character <= b.character);
}

char *ll__lsp_on_hover(ll_lsp_server *s, const char *uri, ll_lsp_pos pos,
                       ll_lsp_range *range) {
  ll_lsp_doc *d = ll__lsp_doc_find(s, uri);
  if (!d || !d->published) return NULL;
  const ll_file_result *r = d->published;
  ll_strbuf b;
  ll_strbuf_init(&b);
  bool any = false;
  for (size_t i = 0; i < r->count; i++) {
    const ll_finding *f = &r->findings[i];
    ll_lsp_range fr = {{f->line - 1, f->column - 1},
                       {f->end_line - 1, f->end_column - 1}};
    if (!pos_le(fr.start, pos) || !pos_le(pos, fr.end)) continue;
    char *md = ll__lsp_rule_markdown(s, f->rule);
    if (!md) continue;
    if (any) ll_strbuf_puts(&b, "\n---\n\n");
    ll_strbuf_printf(&b, "%s\n\n", f->message);
    if (f->help) ll_strbuf_printf(&b, "*Fix:* %s\n\n", f->help);
    ll_strbuf_puts(&b, md);
    ll_free(md);
    if (!any) *range = fr;
    any = true;
  }
  if (!any || b.failed) {
    ll_strbuf_fini(&b);
    return NULL;
  }
  return ll_strbuf_take(&b);
}

/* ==== Code actions ==== */

void ll__lsp_actions_free(ll_lsp_action *a, size_t n) {
  for (size_t i = 0; i < n; i++) {
    ll_free(a[i].title);
    ll_free(a[i].new_text);
    for (int k = 0; k < a[i].nextra; k++) ll_free(a[i].extra[k].new_text);
  }
  ll_free(a);
}

typedef struct actions {
  ll_lsp_action *items;
  size_t len, cap;
  bool oom;
} actions;

/* A new zeroed slot at the end, or NULL when out of memory. */
static ll_lsp_action *push_action(actions *as) {
  if (as->len == as->cap) {
    size_t cap = as->cap ? as->cap * 2 : 8;
    ll_lsp_action *p = ll_realloc(as->items, cap * sizeof *p);
    if (!p) return NULL;
    as->items = p;
    as->cap = cap;
  }
  ll_lsp_action *a = &as->items[as->len++];
  memset(a, 0, sizeof *a);
  return a;
}

static void add_action(actions *as, int diag, bool preferred, ll_lsp_range r,
                       char *title, char *text) {
  ll_lsp_action *a = title && text ? push_action(as) : NULL;
  if (!a) goto oom;
  *a = (ll_lsp_action){.title = title, .preferred = preferred, .diag = diag,
                       .range = r, .new_text = text, .confirm_rule = -1};
  return;
oom:
  as->oom = true;
  ll_free(title);
  ll_free(text);
}

/* The leading blanks of line `line` (a copy). */
static char *indent_of(const ll_lsp_text *t, uint32_t line) {
  size_t n = 0;
  const char *l = ll_lsp_text_line(t, line, &n);
  size_t w = l ? strspn(l, " \t") : 0;
  if (w > n) w = n;
  return ll_strndup(l ? l : "", w);
}

static bool line_starts_with(const ll_lsp_text *t, uint32_t line,
                             const char *prefix) {
  size_t n = 0;
  const char *l = ll_lsp_text_line(t, line, &n);
  if (!l) return false;
  size_t w = strspn(l, " \t");
  size_t pl = strlen(prefix);
  return w <= n && n - w >= pl && strncmp(l + w, prefix, pl) == 0;
}

/* "Suppress RULE on this line": a next-line directive above the finding's
 * line, or the rule added to one that is already there. */
static void suppress_line(actions *as, const ll_lsp_text *t, int diag,
                          uint32_t line, const ll_rule_info *info) {
  static const char dir[] = "// leaklint-disable-next-line ";
  ll_strbuf b;
  ll_strbuf_init(&b);
  ll_lsp_range r = {{line, 0}, {line, 0}};
  size_t n = 0;
  const char *prev = line > 0 ? ll_lsp_text_line(t, line - 1, &n) : NULL;
  if (prev && line_starts_with(t, line - 1, dir)) {
    /* Extend the existing directive's rule list (before its `--` reason). */
    const char *dash = NULL;
    for (size_t i = 0; i + 1 < n; i++)
      if (prev[i] == '-' && prev[i + 1] == '-' && i > 0 && prev[i - 1] == ' ' &&
          (dash = prev + i - 1))
        break;
    size_t at = dash ? (size_t)(dash - prev) : n;
    while (at > 0 && (prev[at - 1] == ' ' || prev[at - 1] == '\t')) at--;
    ll_lsp_pos p = ll_lsp_text_pos(t, (size_t)(prev + at - t->data));
    r.start = r.end = p;
    ll_strbuf_printf(&b, ", %s", info->id);
  } else {
    char *ind = indent_of(t, line);
    ll_strbuf_printf(&b, "%s%s%s -- reason\n", ind ? ind : "", dir, info->id);
    ll_free(ind);
  }
  char title[160];
  snprintf(title, sizeof title, "Suppress %s on this line", info->id);
  add_action(as, diag, false, r, ll_strdup(title),
             b.failed ? NULL : ll_strbuf_take(&b));
  ll_strbuf_fini(&b);
}

/* "Suppress RULE in this file": a block directive at the top, after a
 * shebang and a "use strict" directive. */
static void suppress_file(actions *as, const ll_lsp_text *t, int diag,
                          const ll_rule_info *info) {
  uint32_t line = 0;
  if (line_starts_with(t, 0, "#!")) line = 1;
  if (line_starts_with(t, line, "'use strict'") ||
      line_starts_with(t, line, "\"use strict\""))
    line++;
  ll_lsp_range r = {{line, 0}, {line, 0}};
  bool past_end = line >= t->nlines; /* only a shebang line, no break */
  if (past_end) r.start = r.end = ll_lsp_text_pos(t, t->len);
  size_t len = strlen(info->id) + 64;
  char *text = ll_malloc(len);
  if (text)
    snprintf(text, len, "%s/* leaklint-disable %s -- reason */\n",
             past_end ? "\n" : "", info->id);
  char title[160];
  snprintf(title, sizeof title, "Suppress %s in this file", info->id);
  add_action(as, diag, false, r, ll_strdup(title), text);
}

/* "Confirm RULE by running it": the `leaklint.confirm` command for the
 * diagnostic at `r.start`; no edit. */
static void confirm_action(actions *as, int diag, ll_lsp_range r,
                           size_t rule) {
  const ll_rule_info *info = ll_rule_get(rule);
  char title[160];
  snprintf(title, sizeof title, "Confirm %s by running it (leaklint)",
           info->id);
  char *t = ll_strdup(title);
  ll_lsp_action *a = t ? push_action(as) : NULL;
  if (!a) {
    ll_free(t);
    as->oom = true;
    return;
  }
  *a = (ll_lsp_action){.title = t, .diag = diag, .range = r,
                       .confirm_rule = (int)rule};
}

/* ---- The no-implicit-global quick fix ---- */

static bool is_ref(const ll_js *js, ll_nid n) {
  ll_kind k = ll_js_kind(js, n);
  return k == LL_K_identifier || k == LL_K_shorthand_property_identifier ||
         k == LL_K_shorthand_property_identifier_pattern;
}

static bool contains(const ll_js *js, ll_nid outer, ll_nid n) {
  return n >= outer && n < js->nodes[outer].end_index;
}

/* The first statement of a body (program or statement block) that is not a
 * directive prologue string, an import, a shebang or a comment. */
static ll_nid first_statement(const ll_js *js, ll_nid body) {
  bool prologue = true;
  for (ll_nid c = js->nodes[body].first; c != LL_NONE; c = js->nodes[c].next) {
    ll_kind k = ll_js_kind(js, c);
    if (k == LL_K_comment || k == LL_K_hash_bang_line || k == LL_K_token ||
        k == LL_K_html_comment || k == LL_K_import_statement)
      continue;
    if (prologue && k == LL_K_expression_statement &&
        ll_js_kind(js, js->nodes[c].first) == LL_K_string)
      continue;
    prologue = false;
    return c;
  }
  return LL_NONE;
}

/* The statement `n` (an assignment) stands for when it is a whole expression
 * statement or the initializer of a for statement; LL_NONE otherwise. */
static ll_nid statement_of(const ll_js *js, ll_nid assign) {
  ll_nid p = js->nodes[assign].parent;
  if (p == LL_NONE) return LL_NONE;
  if (ll_js_kind(js, p) == LL_K_expression_statement) {
    ll_nid gp = js->nodes[p].parent;
    if (gp != LL_NONE && ll_js_kind(js, gp) == LL_K_for_statement)
      /* `for (i = 0; …)`: the init is an expression statement */
      return js->nodes[p].field == LL_F_initializer ? gp : LL_NONE;
    return p;
  }
  if (ll_js_kind(js, p) == LL_K_for_statement &&
      js->nodes[assign].field == LL_F_initializer)
    return p;
  return LL_NONE;
}

/* Declares the undeclared name written at byte `at` with `let` at the top of
 * the function (or module) that owns it, when that is certain:
 * - no binding of the name exists anywhere in the file (no shadowing doubt);
 * - every reference lies in one function F and, when F is a function, not in
 *   a function nested in it (a closure would see a per-call variable);
 * - the first reference is the left side of a plain `=` whose right side does
 *   not read the name, in a statement (or a for-loop head) directly in F's
 *   body: the value never carried over from an earlier call. */
static void declare_fix(actions *as, const ll_lsp_text *t, const ll_js *js,
                        int diag, uint32_t at) {
  ll_nid target = LL_NONE;
  for (ll_nid i = 0; i < js->count; i++)
    if (js->nodes[i].start == at && ll_js_kind(js, i) == LL_K_identifier &&
        js->ref[i] == LL_UNRESOLVED) {
      target = i;
      break;
    }
  if (target == LL_NONE) return;
  const ll_node *tn = &js->nodes[target];
  const char *name = js->src + tn->start;
  uint32_t nlen = tn->end - tn->start;
  for (uint32_t b = 0; b < js->nbindings; b++)
    if (js->bindings[b].name_len == nlen &&
        memcmp(js->src + js->bindings[b].name_start, name, nlen) == 0)
      return;
  ll_nid first = LL_NONE, owner = LL_NONE;
  bool have_owner = false, nested = false;
  for (ll_nid i = 0; i < js->count; i++) {
    const ll_node *n = &js->nodes[i];
    if (!is_ref(js, i) || n->end - n->start != nlen ||
        memcmp(js->src + n->start, name, nlen) != 0)
      continue;
    if (first == LL_NONE) first = i;
    ll_nid f = ll_js_enclosing_function(js, i);
    if (!have_owner) {
      owner = f, have_owner = true;
      continue;
    }
    if (f == owner) continue;
    nested = true;
    /* Widen the owner until it contains this reference too. */
    while (owner != LL_NONE && !contains(js, owner, i))
      owner = ll_js_enclosing_function(js, owner);
  }
  if (first == LL_NONE || (nested && owner != LL_NONE)) return;
  ll_nid assign = js->nodes[first].parent;
  if (assign == LL_NONE || ll_js_kind(js, assign) != LL_K_assignment_expression ||
      js->nodes[first].field != LL_F_left ||
      ll_js_enclosing_function(js, first) != owner)
    return;
  ll_nid rhs = ll_js_child(js, assign, LL_F_right);
  for (ll_nid i = rhs; rhs != LL_NONE && i < js->nodes[rhs].end_index; i++)
    if (is_ref(js, i) && js->nodes[i].end - js->nodes[i].start == nlen &&
        memcmp(js->src + js->nodes[i].start, name, nlen) == 0)
      return;
  ll_nid stmt = statement_of(js, assign);
  ll_nid body = owner == LL_NONE ? 0 : ll_js_child(js, owner, LL_F_body);
  if (stmt == LL_NONE || body == LL_NONE ||
      (owner != LL_NONE && ll_js_kind(js, body) != LL_K_statement_block) ||
      (owner == LL_NONE && ll_js_kind(js, body) != LL_K_program) ||
      js->nodes[stmt].parent != body)
    return;
  ll_nid s0 = first_statement(js, body);
  if (s0 == LL_NONE) return;
  /* Insert before the first statement: on a line of its own when the
   * statement starts its line, else inline. */
  ll_lsp_pos p = ll_lsp_text_pos(t, js->nodes[s0].start);
  size_t n = 0;
  const char *l = ll_lsp_text_line(t, p.line, &n);
  size_t lead = l ? strspn(l, " \t") : 0;
  bool own_line = l && (size_t)(js->nodes[s0].start - (l - t->data)) <= lead;
  char *text = ll_malloc(nlen + lead + 16);
  if (!text) {
    as->oom = true;
    return;
  }
  ll_lsp_range r;
  if (own_line) {
    r.start = r.end = (ll_lsp_pos){p.line, 0};
    snprintf(text, nlen + lead + 16, "%.*slet %.*s;\n", (int)lead, l,
             (int)nlen, name);
  } else {
    r.start = r.end = p;
    snprintf(text, nlen + lead + 16, "let %.*s; ", (int)nlen, name);
  }
  char title[200];
  snprintf(title, sizeof title, "Declare '%.*s' with let in the %s scope",
           (int)(nlen > 100 ? 100 : nlen), name,
           owner == LL_NONE ? "module" : "function");
  add_action(as, diag, true, r, ll_strdup(title), text);
}

/* ---- The no-uncleared-interval quick fix ---- */

/* True when some binding of the file is named `name`. */
static bool has_binding(const ll_js *js, const char *name) {
  size_t n = strlen(name);
  for (uint32_t b = 0; b < js->nbindings; b++)
    if (js->bindings[b].name_len == n &&
        memcmp(js->src + js->bindings[b].name_start, name, n) == 0)
      return true;
  return false;
}

/* True when any identifier or property name of the file is `name`. */
static bool name_used(const ll_js *js, const char *name) {
  for (ll_nid i = 0; i < js->count; i++) {
    ll_kind k = ll_js_kind(js, i);
    if ((k == LL_K_identifier || k == LL_K_property_identifier ||
         k == LL_K_shorthand_property_identifier ||
         k == LL_K_private_property_identifier) &&
        ll_js_text_is(js, i, name))
      return true;
  }
  return false;
}

/* A method that `this` calls on the instance: not static, not an accessor. */
static bool instance_method(const ll_js *js, ll_nid m) {
  for (ll_nid c = js->nodes[m].first; c != LL_NONE; c = js->nodes[c].next)
    if (ll_js_kind(js, c) == LL_K_token &&
        (ll_js_text_is(js, c, "static") || ll_js_text_is(js, c, "get") ||
         ll_js_text_is(js, c, "set")))
      return false;
  return true;
}

/* Text inserted at the start of statement `stmt` that must stay on its own
 * line: "TEXT\n<indent>" when the statement starts its line, else "TEXT ". */
static char *before_statement(const ll_lsp_text *t, uint32_t at,
                              const char *text, ll_lsp_range *r) {
  ll_lsp_pos p = ll_lsp_text_pos(t, at);
  size_t n = 0;
  const char *l = ll_lsp_text_line(t, p.line, &n);
  size_t lead = l ? strspn(l, " \t") : 0;
  bool own_line = l && (size_t)(at - (l - t->data)) <= lead;
  r->start = r->end = p;
  ll_strbuf b;
  ll_strbuf_init(&b);
  if (own_line) ll_strbuf_printf(&b, "%s\n%.*s", text, (int)lead, l);
  else ll_strbuf_printf(&b, "%s ", text);
  if (b.failed) {
    ll_strbuf_fini(&b);
    return NULL;
  }
  return ll_strbuf_take(&b);
}

/* "Keep the handle in this.NAME and clear it in stop()": for a discarded
 * `setInterval(…)` statement in an instance method of a JavaScript class
 * whose class has a stop/dispose/destroy/close/componentWillUnmount method.
 * It is certain when:
 * - `setInterval` and `clearInterval` are the globals (no binding shadows
 *   either), and the call is a whole statement of a `{ … }` block;
 * - `this` at the call is the instance: the nearest non-arrow function is a
 *   non-static method of that class;
 * - NAME is used nowhere in the file (no clash with any property).
 * The rewrite stores the handle (`this.NAME = setInterval(…)`) and clears it
 * first thing in the cleanup method. When the method can run more than once
 * per instance (not a constructor or mount hook), it also clears the
 * previous handle before storing the new one, so a second call cannot leak
 * the first interval. TypeScript is left alone: `this.NAME` would need a
 * declared field. */
static void interval_fix(actions *as, const ll_lsp_text *t, const ll_js *js,
                         int diag, uint32_t at) {
  static const char *const cleanups[] = {
      "stop", "dispose", "destroy", "close", "componentWillUnmount", NULL};
  if (js->is_ts || has_binding(js, "setInterval") ||
      has_binding(js, "clearInterval"))
    return;
  ll_nid call = LL_NONE;
  for (ll_nid i = 0; i < js->count && call == LL_NONE; i++)
    if (js->nodes[i].start == at && ll_js_kind(js, i) == LL_K_call_expression &&
        ll_js_text_is(js, ll_js_child(js, i, LL_F_function), "setInterval"))
      call = i;
  if (call == LL_NONE) return;
  ll_nid stmt = js->nodes[call].parent;
  if (ll_js_kind(js, stmt) != LL_K_expression_statement ||
      ll_js_kind(js, js->nodes[stmt].parent) != LL_K_statement_block)
    return;
  ll_nid fn = ll_js_enclosing_function(js, call);
  while (ll_js_kind(js, fn) == LL_K_arrow_function)
    fn = ll_js_enclosing_function(js, fn);
  if (ll_js_kind(js, fn) != LL_K_method_definition ||
      ll_js_kind(js, js->nodes[fn].parent) != LL_K_class_body ||
      !instance_method(js, fn))
    return;
  ll_nid cls = js->nodes[fn].parent, cleanup = LL_NONE;
  for (ll_nid m = js->nodes[cls].first; m != LL_NONE && cleanup == LL_NONE;
       m = js->nodes[m].next)
    if (ll_js_kind(js, m) == LL_K_method_definition && m != fn &&
        instance_method(js, m) &&
        ll_js_name_in(js, ll_js_child(js, m, LL_F_name), cleanups))
      cleanup = m;
  ll_nid body = cleanup == LL_NONE ? LL_NONE
                                   : ll_js_child(js, cleanup, LL_F_body);
  if (ll_js_kind(js, body) != LL_K_statement_block) return;

  /* A fresh name: after the callback (`tick` -> `tickInterval`). */
  ll_nid cb = ll_js_unwrap(js, ll_js_named_child(
                                   js, ll_js_child(js, call, LL_F_arguments), 0));
  if (ll_js_kind(js, cb) == LL_K_member_expression)
    cb = ll_js_child(js, cb, LL_F_property);
  char base[64] = "interval", name[80];
  if (ll_js_kind(js, cb) == LL_K_identifier ||
      ll_js_kind(js, cb) == LL_K_property_identifier) {
    const ll_node *n = &js->nodes[cb];
    if (n->end - n->start < 40)
      snprintf(base, sizeof base, "%.*sInterval", (int)(n->end - n->start),
               js->src + n->start);
  }
  snprintf(name, sizeof name, "%s", base);
  for (int k = 2; name_used(js, name); k++) {
    if (k > 99) return;
    snprintf(name, sizeof name, "%s%d", base, k);
  }

  /* Edit 1: store the handle (clearing a previous one first when the method
   * can run again). */
  char text[200];
  ll_lsp_range r1;
  char *store;
  if (ll_js_runs_once_per_instance(js, ll_js_enclosing_function(js, call))) {
    r1.start = r1.end = ll_lsp_text_pos(t, js->nodes[call].start);
    snprintf(text, sizeof text, "this.%s = ", name);
    store = ll_strdup(text);
  } else {
    snprintf(text, sizeof text, "clearInterval(this.%s);", name);
    char *pre = before_statement(t, js->nodes[call].start, text, &r1);
    ll_strbuf b;
    ll_strbuf_init(&b);
    ll_strbuf_printf(&b, "%sthis.%s = ", pre ? pre : "", name);
    store = pre && !b.failed ? ll_strbuf_take(&b) : NULL;
    ll_strbuf_fini(&b);
    ll_free(pre);
  }
  /* Edit 2: clear it first thing in the cleanup method. */
  ll_lsp_range r2;
  char *clear = NULL;
  snprintf(text, sizeof text, "clearInterval(this.%s);", name);
  ll_nid s0 = first_statement(js, body);
  uint32_t open = js->nodes[body].start + 1; /* after the `{` */
  ll_lsp_pos po = ll_lsp_text_pos(t, open);
  ll_lsp_pos pc = ll_lsp_text_pos(t, js->nodes[body].end - 1);
  if (s0 != LL_NONE &&
      ll_lsp_text_pos(t, js->nodes[s0].start).line != po.line) {
    clear = before_statement(t, js->nodes[s0].start, text, &r2);
  } else if (s0 == LL_NONE && pc.line != po.line) {
    /* `stop() {\n  }`: a line of its own, indented one step past the
     * method's own line. */
    size_t n = 0;
    ll_lsp_pos pm = ll_lsp_text_pos(t, js->nodes[cleanup].start);
    const char *l = ll_lsp_text_line(t, pm.line, &n);
    size_t lead = l ? strspn(l, " \t") : 0;
    ll_strbuf b;
    ll_strbuf_init(&b);
    ll_strbuf_printf(&b, "\n%.*s  %s", (int)lead, l ? l : "", text);
    clear = b.failed ? NULL : ll_strbuf_take(&b);
    ll_strbuf_fini(&b);
    r2.start = r2.end = po;
  } else { /* all on one line: `stop() {}` or `stop() { a(); }` */
    ll_strbuf b;
    ll_strbuf_init(&b);
    ll_strbuf_printf(&b, " %s%s", text, s0 == LL_NONE ? " " : "");
    clear = b.failed ? NULL : ll_strbuf_take(&b);
    ll_strbuf_fini(&b);
    r2.start = r2.end = po;
    if (clear && s0 == LL_NONE && js->nodes[body].end - open > 1)
      clear[strlen(clear) - 1] = '\0'; /* `{ }`: its blank is kept */
  }
  char title[240];
  const ll_node *mn = &js->nodes[ll_js_child(js, cleanup, LL_F_name)];
  snprintf(title, sizeof title,
           "Keep the interval in this.%s and clear it in %.*s()", name,
           (int)(mn->end - mn->start > 60 ? 60 : mn->end - mn->start),
           js->src + mn->start);
  size_t before = as->len;
  add_action(as, diag, true, r1, ll_strdup(title), store);
  if (as->len == before) {
    ll_free(clear);
    return;
  }
  if (!clear) {
    as->oom = true;
    return;
  }
  ll_lsp_action *a = &as->items[as->len - 1];
  a->extra[0] = (ll_lsp_extra_edit){r2, clear};
  a->nextra = 1;
}

ll_status ll__lsp_on_code_action(ll_lsp_server *s, const char *uri,
                                 ll_lsp_range range,
                                 const ll_lsp_context_diag *diags, size_t n,
                                 ll_lsp_action **out, size_t *nout,
                                 int32_t *version) {
  *out = NULL;
  *nout = 0;
  ll_lsp_doc *d = ll__lsp_doc_find(s, uri);
  if (!d) return LL_OK; /* no document, no actions */
  *version = d->version;
  actions as = {0};
  ll_js js;
  ll_arena *arena = NULL;
  bool parsed = false, tried = false, called = false;
  uint64_t file_done = 0; /* rules that already have a file-level action */
  bool js_doc = d->apath && ll_lang_for_path(d->apath) == LL_LANG_JS;
  for (size_t i = 0; i < n; i++) {
    const ll_lsp_context_diag *cd = &diags[i];
    const ll_rule_info *info = cd->rule >= 0 ? ll_rule_get((size_t)cd->rule) : NULL;
    if (!info) continue;
    if ((cd->rule == LL_RULE_no_implicit_global ||
         cd->rule == LL_RULE_no_uncleared_interval) &&
        d->apath && ll_lang_for_path(d->apath) == LL_LANG_JS) {
      if (!tried) {
        tried = true;
        arena = ll_arena_new();
        const ll_options *o = NULL;
        bool ignored = false;
        ll_lsp_config *c = ll__lsp_config_for(s, d, &o, &ignored);
        if (arena) {
          called = true;
          parsed = ll_js_parse(&js, arena, d->apath, d->text.data,
                               (uint32_t)d->text.len, o->env, o->globals,
                               o->nglobals) == LL_OK;
        }
        ll__lsp_config_unref(c);
      }
      uint32_t at =
          (uint32_t)ll_lsp_text_offset(&d->text, cd->range.start, NULL);
      if (parsed && cd->rule == LL_RULE_no_implicit_global)
        declare_fix(&as, &d->text, &js, (int)i, at);
      else if (parsed)
        interval_fix(&as, &d->text, &js, (int)i, at);
    }
    /* Running it needs the runtime (the `leaklint` program has it). */
    bool twin = false; /* one confirmation per (rule, start) */
    for (size_t k = 0; k < i; k++)
      if (diags[k].rule == cd->rule &&
          diags[k].range.start.line == cd->range.start.line &&
          diags[k].range.start.character == cd->range.start.character)
        twin = true;
    if (!twin && js_doc && info->lang == LL_LANG_JS && ll_cli_confirmer())
      confirm_action(&as, (int)i, cd->range, (size_t)cd->rule);
    bool dup = false; /* one line action per (line, rule) */
    for (size_t k = 0; k < i; k++)
      if (diags[k].rule == cd->rule &&
          diags[k].range.start.line == cd->range.start.line)
        dup = true;
    if (!dup) suppress_line(&as, &d->text, (int)i, cd->range.start.line, info);
    if (!(file_done & ((uint64_t)1 << cd->rule))) {
      file_done |= (uint64_t)1 << cd->rule;
      suppress_file(&as, &d->text, (int)i, info);
    }
  }
  (void)range;
  if (called) ll_js_fini(&js);
  ll_arena_free(arena);
  if (as.oom) {
    ll__lsp_actions_free(as.items, as.len);
    return LL_ENOMEM;
  }
  *out = as.items;
  *nout = as.len;
  return LL_OK;
}

/* ==== Confirmation: the `leaklint.confirm` command ==== */

const char *ll__lsp_verdict_find(const ll_lsp_doc *doc, size_t rule,
                                 ll_lsp_pos start) {
  for (size_t i = 0; i < doc->nverdicts; i++) {
    const ll_lsp_verdict *v = &doc->verdicts[i];
    if (v->rule == rule && v->start.line == start.line &&
        v->start.character == start.character)
      return v->line;
  }
  return NULL;
}

void ll__lsp_verdicts_clear(ll_lsp_doc *doc) {
  if (!doc->nverdicts) return;
  for (size_t i = 0; i < doc->nverdicts; i++) ll_free(doc->verdicts[i].line);
  ll_free(doc->verdicts);
  doc->verdicts = NULL;
  doc->nverdicts = 0;
  doc->report_next = true; /* the client still shows them: report again */
}

/* Keeps `line` as the verdict of (rule, start), replacing an older one. */
static bool verdict_put(ll_lsp_doc *doc, size_t rule, ll_lsp_pos start,
                        const char *line) {
  char *copy = ll_strdup(line);
  if (!copy) return false;
  for (size_t i = 0; i < doc->nverdicts; i++) {
    ll_lsp_verdict *v = &doc->verdicts[i];
    if (v->rule == rule && v->start.line == start.line &&
        v->start.character == start.character) {
      ll_free(v->line);
      v->line = copy;
      return true;
    }
  }
  ll_lsp_verdict *p =
      ll_realloc(doc->verdicts, (doc->nverdicts + 1) * sizeof *p);
  if (!p) {
    ll_free(copy);
    return false;
  }
  doc->verdicts = p;
  p[doc->nverdicts++] = (ll_lsp_verdict){rule, start, copy};
  return true;
}

static void confirm_job_free(ll_lsp_server *s, ll_lsp_confirm_job *j) {
  ll__lsp_id_fini(&j->id);
  if (j->has_token) ll__lsp_id_fini(&j->token);
  ll_free(j->path);
  ll_free(j->text);
  if (j->doc) ll__lsp_doc_unref(s, j->doc);
  ll_free(j);
}

/* In the thread pool: reads only the job. */
static void confirm_work(uv_work_t *req) {
  ll_lsp_confirm_job *j = req->data;
  ll_confirm_settings st = {.on = true}; /* the CLI's defaults: 2 s cap */
  ll_cli_confirmer()(&st, j->path, j->text, j->len, ll_rule_get(j->rule)->id,
                     j->start, j->end, &j->result);
}

/* Back on the loop: ends the progress, answers, tells the user, and shows
 * the verdict with the diagnostic while the text is unchanged. */
static void confirm_after(uv_work_t *req, int status) {
  ll_lsp_confirm_job *j = req->data;
  ll_lsp_server *s = j->s;
  ll_lsp_doc *d = j->doc;
  for (ll_lsp_confirm_job **pp = &s->confirms; *pp; pp = &(*pp)->next)
    if (*pp == j) {
      *pp = j->next;
      break;
    }
  if (j->cancelled) goto done; /* answered when it was cancelled */
  if (status != 0) {
    j->result.status = LL_CONFIRM_INCONCLUSIVE;
    snprintf(j->result.reason, sizeof j->result.reason,
             "the run could not start (%s)", uv_strerror(status));
  }
  char line[480];
  ll__lsp_confirm_line(&j->result, line, sizeof line);
  const char *rule = ll_rule_get(j->rule)->id;
  if (s->state == LL_LSP_EXITED) { /* nobody to tell */
    ll__lsp_pending_remove(s, &j->id);
    goto done;
  }
  if (j->has_token) ll__lsp_progress(s, &j->token, false, line);
  ll__lsp_reply_confirm(s, &j->id, &j->result, line);
  if (!j->has_token) {
    /* No progress to end with it: most clients drop a command's result,
     * so the verdict is said once where the user looks. */
    char text[640];
    snprintf(text, sizeof text, "leaklint: %s at %u:%u: %s", rule,
             j->pos.line + 1, j->pos.character + 1, line);
    ll__lsp_show_message(s, j->result.status == LL_CONFIRM_CONFIRMED
                                ? LL_LSP_LOG_WARNING : LL_LSP_LOG_INFO,
                         text);
  }
  if (!d->open || d->gen != j->gen || s->stopping ||
      !verdict_put(d, j->rule, j->pos, line))
    goto done; /* edited since: the verdict is about another text */
  if (d->has_result && d->result_gen == d->gen) {
    d->result_id++; /* a pull with the old result id gets the new text */
    if (s->push) ll__lsp_publish(s, d);
    else if (s->client.diagnostic_refresh) ll__lsp_refresh_diagnostics(s);
  } else {
    d->report_next = true; /* the analysis in flight reports it */
  }
done:
  confirm_job_free(s, j);
}

int ll__lsp_on_confirm(ll_lsp_server *s, const ll_lsp_id *id,
                       const ll_lsp_confirm_params *p, char *why,
                       size_t cap) {
  const ll_rule_info *info = ll_rule_get(p->rule);
  ll_lsp_doc *d = ll__lsp_doc_find(s, p->uri);
  unsigned clamped = 0;
  size_t off = d ? ll_lsp_text_offset(&d->text, p->pos, &clamped) : 0;
  if (info->lang != LL_LANG_JS) {
    snprintf(why, cap, LL_LSP_CMD_CONFIRM ": %s is not a JavaScript rule: "
             "only JavaScript and TypeScript findings are confirmed by "
             "running them", info->id);
    return LL_LSP_INVALID_PARAMS;
  }
  if (!d) {
    snprintf(why, cap, LL_LSP_CMD_CONFIRM ": %.300s is not an open document "
             "(textDocument/didOpen first)", p->uri);
    return LL_LSP_INVALID_PARAMS;
  }
  if (!d->apath || ll_lang_for_path(d->apath) != LL_LANG_JS) {
    snprintf(why, cap, LL_LSP_CMD_CONFIRM ": %.300s is not JavaScript or "
             "TypeScript", p->uri);
    return LL_LSP_INVALID_PARAMS;
  }
  if (clamped & LL_LSP_CLAMP_LINE) {
    snprintf(why, cap, LL_LSP_CMD_CONFIRM ": line %u is past the end of the "
             "document (its last line is %u)", p->pos.line,
             d->text.nlines ? d->text.nlines - 1 : 0);
    return LL_LSP_INVALID_PARAMS;
  }
  /* Without the runtime (a library build or its tests) there is nothing to
   * run the code with: an error, which every client shows, rather than a
   * "not-run" result, which most clients drop. */
  if (!ll_cli_confirmer()) {
    snprintf(why, cap, LL_LSP_CMD_CONFIRM ": this server has no JavaScript "
             "runtime to run the code with; `leaklint lsp` has one");
    return LL_LSP_INTERNAL_ERROR;
  }
  ll_lsp_confirm_job *j = ll_calloc(1, sizeof *j);
  if (!j) goto oom;
  j->req.data = j;
  j->s = s;
  j->rule = p->rule;
  j->pos = p->pos;
  j->gen = d->gen;
  j->len = d->text.len;
  /* The site: the finding's own bytes when it starts there in the current
   * findings (as `check --confirm` passes them), else one character. */
  j->start = (uint32_t)off;
  j->end = (uint32_t)(off < d->text.len ? off + 1 : off);
  const ll_file_result *r = d->has_result && d->result_gen == d->gen
                                ? d->published : NULL;
  for (size_t i = 0; r && i < r->count; i++) {
    const ll_finding *f = &r->findings[i];
    if (f->rule == p->rule && f->line == p->pos.line + 1 &&
        f->column == p->pos.character + 1) {
      j->start = f->start_byte;
      j->end = f->end_byte;
      break;
    }
  }
  if (!ll__lsp_id_copy(&j->id, id) ||
      (p->has_token && !ll__lsp_id_copy(&j->token, &p->token)) ||
      !(j->text = ll_strndup(d->text.data, d->text.len)) ||
      !(j->path = ll_strdup(d->apath)))
    goto oom;
  j->has_token = p->has_token;
  if (uv_queue_work(s->loop, &j->req, confirm_work, confirm_after) != 0) {
    snprintf(why, cap, LL_LSP_CMD_CONFIRM ": cannot start the run");
    confirm_job_free(s, j);
    return LL_LSP_INTERNAL_ERROR;
  }
  j->doc = d;
  d->refs++;
  j->next = s->confirms;
  s->confirms = j;
  if (j->has_token) {
    char title[160];
    snprintf(title, sizeof title, "Confirming %s\u2026", info->id);
    ll__lsp_progress(s, &j->token, true, title);
  }
  return 0;
oom:
  if (j) confirm_job_free(s, j);
  snprintf(why, cap, LL_LSP_CMD_CONFIRM ": out of memory");
  return LL_LSP_INTERNAL_ERROR;
}

bool ll__lsp_confirm_cancel(ll_lsp_server *s, const ll_lsp_id *id) {
  for (ll_lsp_confirm_job *j = s->confirms; j; j = j->next) {
    if (j->cancelled || !ll__lsp_id_equal(&j->id, id)) continue;
    j->cancelled = true; /* the run cannot be stopped; its end is ignored */
    if (j->has_token) ll__lsp_progress(s, &j->token, false, "cancelled");
    ll__lsp_reply_error(s, &j->id, LL_LSP_REQUEST_CANCELLED,
                        "the request was cancelled");
    return true;
  }
  return false;
}
