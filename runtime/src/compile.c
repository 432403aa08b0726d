/* Compiling a script: parse with the analyzer's frontend, then fill the side
 * tables (interp.h) the evaluator reads instead of re-deriving anything.
 *
 * Every identifier that names a binding is resolved here to (hops, slot):
 * the evaluator creates one environment record per scope that has at least
 * one binding, exactly when it enters the node that opens that scope, so
 * counting such scopes between a reference and its binding gives the
 * number of `parent` links to follow at run time. Literals are decoded
 * and names interned once; the constants live in `k[]`, a root.
 *
 * Must never: run JavaScript. Allocation here may collect, so every value
 * is stored into `k[]` (traced) before the next allocation. */
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "gc.h"
#include "interp.h"
#include "ops.h"

static uint32_t hex_val(char c) {
  if (c >= '0' && c <= '9') return (uint32_t)(c - '0');
  if (c >= 'a' && c <= 'f') return (uint32_t)(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return (uint32_t)(c - 'A' + 10);
  return 99;
}

static size_t put_utf8(char *o, uint32_t cp) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18));
  o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Decodes JavaScript escapes of `s[0..n)` into `out` (at least n bytes). */
size_t llrt__unescape(const char *s, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c != '\\' || i + 1 >= n) {
      out[o++] = c;
      continue;
    }
    c = s[++i];
    switch (c) {
    case 'n': out[o++] = '\n'; break;
    case 't': out[o++] = '\t'; break;
    case 'r': out[o++] = '\r'; break;
    case 'b': out[o++] = '\b'; break;
    case 'f': out[o++] = '\f'; break;
    case 'v': out[o++] = '\v'; break;
    case '0': out[o++] = '\0'; break;
    case '\r': if (i + 1 < n && s[i + 1] == '\n') i++; break;
    case '\n': break; /* line continuation */
    case 'x':
      if (i + 2 < n) {
        uint32_t cp = hex_val(s[i + 1]) * 16 + hex_val(s[i + 2]);
        o += put_utf8(out + o, cp);
        i += 2;
      }
      break;
    case 'u': {
      uint32_t cp = 0;
      if (i + 1 < n && s[i + 1] == '{') {
        i += 2;
        while (i < n && s[i] != '}') cp = cp * 16 + hex_val(s[i++]);
      } else {
        for (int k = 0; k < 4 && i + 1 < n; k++) cp = cp * 16 + hex_val(s[++i]);
        /* A surrogate pair spelled as two escapes. */
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n && s[i + 1] == '\\' &&
            s[i + 2] == 'u') {
          uint32_t lo = 0;
          for (int k = 0; k < 4; k++) lo = lo * 16 + hex_val(s[i + 3 + k]);
          if (lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
      }
      o += put_utf8(out + o, cp);
      break;
    }
    default: out[o++] = c; break;
    }
  }
  return o;
}

static double parse_number(const char *s, size_t n) {
  char buf[128];
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
    if (s[i] != '_') buf[k++] = s[i];
  buf[k] = 0;
  if (k > 2 && buf[0] == '0') {
    int base = 0;
    char b = (char)(buf[1] | 0x20);
    if (b == 'x') base = 16;
    else if (b == 'o') base = 8;
    else if (b == 'b') base = 2;
    if (base) {
      double v = 0;
      for (size_t i = 2; i < k; i++) v = v * base + hex_val(buf[i]);
      return v;
    }
  }
  return strtod(buf, NULL);
}

/* ==== Operators ==== */

static const char *const op_names[] = {
#define LLRT_OP(id, text) text,
#include "ops.def"
#undef LLRT_OP
};

static uint8_t op_of(const llrt_script *sc, ll_nid n) {
  ll_nid t = ll_js_child(&sc->js, n, LL_F_operator);
  if (t == LL_NONE) return 0;
  const char *s = llrt__text(sc, t);
  uint32_t len = llrt__tlen(sc, t);
  for (size_t i = 1; i < sizeof op_names / sizeof *op_names; i++)
    if (strlen(op_names[i]) == len && !memcmp(op_names[i], s, len))
      return (uint8_t)i;
  return 0;
}

/* The words before a method's name: static, get, set, async, `*`. */
static uint8_t method_flags(const llrt_script *sc, ll_nid n, ll_field namef) {
  ll_nid name = ll_js_child(&sc->js, n, namef);
  if (name == LL_NONE) return 0;
  const char *s = sc->src + sc->js.nodes[n].start;
  const char *e = sc->src + sc->js.nodes[name].start;
  uint8_t f = 0;
  while (s < e) {
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++;
    const char *w = s;
    if (s < e && *s == '*') {
      f |= M_GEN;
      s++;
      continue;
    }
    if (s < e && *s == '@') { /* a decorator: skip to its end */
      while (s < e && *s != ' ' && *s != '\n') s++;
      continue;
    }
    while (s < e && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) s++;
    size_t l = (size_t)(s - w);
    if (l == 6 && !memcmp(w, "static", 6)) f |= M_STATIC;
    else if (l == 3 && !memcmp(w, "get", 3)) f |= M_GET;
    else if (l == 3 && !memcmp(w, "set", 3)) f |= M_SET;
    else if (l == 5 && !memcmp(w, "async", 5)) f |= M_ASYNC;
    if (l == 0) s++;
  }
  return f;
}

static bool starts_with(const llrt_script *sc, ll_nid n, const char *w) {
  size_t l = strlen(w);
  return llrt__tlen(sc, n) >= l && !memcmp(llrt__text(sc, n), w, l);
}

/* ==== Resolution ==== */

static bool is_decl_function(ll_kind k) {
  return k == LL_K_function_declaration ||
         k == LL_K_generator_function_declaration;
}

static uint32_t resolve_ref(llrt_script *sc, ll_nid n, uint32_t b,
                            uint32_t *bslot) {
  const ll_js *js = &sc->js;
  const ll_node *node = &js->nodes[n];
  uint32_t s = node->scope;
  /* A function declaration's name is assigned in the enclosing scope. */
  if (node->parent != LL_NONE && node->field == LL_F_name &&
      is_decl_function((ll_kind)js->nodes[node->parent].kind))
    s = js->scopes[s].parent;
  uint32_t target = js->bindings[b].scope, hops = 0;
  while (s != target && s != LL_NONE) {
    if (sc->nslots[s]) hops++;
    s = js->scopes[s].parent;
  }
  if (s == LL_NONE) return REF_GLOBAL;
  return (hops << 16) | bslot[b];
}

static bool chain_top(const ll_js *js, ll_nid n) {
  const ll_node *node = &js->nodes[n];
  if (node->parent == LL_NONE) return true;
  ll_kind pk = (ll_kind)js->nodes[node->parent].kind;
  if ((pk == LL_K_member_expression || pk == LL_K_subscript_expression) &&
      node->field == LL_F_object)
    return false;
  if (pk == LL_K_call_expression && node->field == LL_F_function) return false;
  return true;
}

static bool set_k(llrt_state *S, llrt_script *sc, ll_nid n, llrt_value v) {
  if (v == LLRT_EXC) return false;
  sc->k[n] = v;
  return true;
}

/* `__filename` and `__dirname`: the path as resolved by the loader, and
 * everything before its last '/' ("." when there is none, "/" at the
 * root), as Node's path.dirname. */
static bool module_paths(llrt_state *S, llrt_script *sc) {
  uint32_t n = sc->js.count;
  if (!set_k(S, sc, n, llrt__str_cstr(S, sc->path))) return false;
  const char *slash = strrchr(sc->path, '/');
  llrt_value dir = !slash ? llrt__str_cstr(S, ".")
                   : slash == sc->path ? llrt__str_cstr(S, "/")
                   : llrt__str_new(S, sc->path, (size_t)(slash - sc->path));
  if (!set_k(S, sc, n + 1, dir)) return false;
  sc->init[0][sc->module_slot + 3] = sc->k[n];
  sc->init[0][sc->module_slot + 4] = sc->k[n + 1];
  return true;
}

static bool compile_tables(llrt_state *S, llrt_script *sc) {
  ll_js *js = &sc->js;
  uint32_t *bslot = ll_arena_alloc(sc->arena, (js->nbindings + 1) * sizeof *bslot);
  sc->nslots = ll_arena_alloc(sc->arena, (js->nscopes + 1) * sizeof *sc->nslots);
  sc->init = ll_arena_alloc(sc->arena, (js->nscopes + 1) * sizeof *sc->init);
  if (!bslot || !sc->nslots || !sc->init) return false;
  memset(sc->nslots, 0, (js->nscopes + 1) * sizeof *sc->nslots);
  for (uint32_t b = 0; b < js->nbindings; b++)
    bslot[b] = sc->nslots[js->bindings[b].scope]++;
  /* The module scope gets five more slots: require, module, exports (set
   * when the module runs), __filename and __dirname (constants: the
   * script's path and its directory, kept alive in `k[count..count+1]`). */
  sc->module_slot = sc->nslots[0];
  sc->nslots[0] += 5;
  for (uint32_t s = 0; s < js->nscopes; s++) {
    sc->init[s] = NULL;
    if (!sc->nslots[s]) continue;
    sc->init[s] = ll_arena_alloc(sc->arena, sc->nslots[s] * sizeof(llrt_value));
    if (!sc->init[s]) return false;
    for (uint32_t i = 0; i < sc->nslots[s]; i++) sc->init[s][i] = LLRT_UNDEF;
  }
  if (!module_paths(S, sc)) return false;
  for (uint32_t b = 0; b < js->nbindings; b++) {
    uint8_t k = js->bindings[b].kind;
    if (k == LL_BIND_LET || k == LL_BIND_CONST || k == LL_BIND_CLASS)
      sc->init[js->bindings[b].scope][bslot[b]] = LLRT_HOLE;
  }
  for (ll_nid n = 0; n < js->count; n++) {
    ll_node *node = &js->nodes[n];
    sc->ref[n] = REF_GLOBAL;
    switch ((ll_kind)node->kind) {
    case LL_K_identifier:
    case LL_K_shorthand_property_identifier:
    case LL_K_shorthand_property_identifier_pattern: {
      const char *t = llrt__text(sc, n);
      uint32_t l = llrt__tlen(sc, n);
      uint32_t b = js->ref[n];
      if (b != LL_UNRESOLVED && sc->script_mode && js->bindings[b].scope == 0 &&
          (js->bindings[b].kind == LL_BIND_VAR ||
           js->bindings[b].kind == LL_BIND_FUNCTION)) {
        sc->ref[n] = REF_GLOBAL; /* a classic script's globals */
      } else if (b != LL_UNRESOLVED) {
        sc->ref[n] = resolve_ref(sc, n, b, bslot);
      } else if (l == 9 && !memcmp(t, "arguments", 9)) {
        sc->ref[n] = REF_ARGUMENTS;
      } else {
        static const char *const mod[] = {"require", "module", "exports",
                                          "__filename", "__dirname"};
        for (uint32_t i = 0; i < (sc->script_mode ? 3u : 5u); i++) {
          if (strlen(mod[i]) != l || memcmp(mod[i], t, l)) continue;
          uint32_t s = node->scope, hops = 0;
          for (; s != 0 && s != LL_NONE; s = js->scopes[s].parent)
            if (sc->nslots[s]) hops++;
          sc->ref[n] = (hops << 16) | (sc->module_slot + i);
        }
      }
      if (!set_k(S, sc, n, llrt__intern(S, t, l))) return false;
      break;
    }
    case LL_K_type_identifier: {
      /* TypeScript spells a class's name as a type identifier; the scope
       * pass declared it but resolved no reference to it. */
      ll_nid parent = node->parent;
      ll_kind pk = parent == LL_NONE ? LL_K_other : (ll_kind)js->nodes[parent].kind;
      if ((pk != LL_K_class_declaration && pk != LL_K_class &&
           pk != LL_K_abstract_class_declaration) || node->field != LL_F_name)
        break;
      for (uint32_t b = 0; b < js->nbindings; b++)
        if (js->bindings[b].decl == n) {
          sc->ref[n] = resolve_ref(sc, n, b, bslot);
          break;
        }
      if (!set_k(S, sc, n, llrt__intern(S, llrt__text(sc, n), llrt__tlen(sc, n))))
        return false;
      break;
    }
    case LL_K_property_identifier:
    case LL_K_private_property_identifier:
    case LL_K_statement_identifier:
      if (!set_k(S, sc, n, llrt__intern(S, llrt__text(sc, n),
                                        llrt__tlen(sc, n))))
        return false;
      break;
    case LL_K_number:
      sc->k[n] = llrt_num(parse_number(llrt__text(sc, n), llrt__tlen(sc, n)));
      break;
    case LL_K_string: {
      uint32_t l = llrt__tlen(sc, n);
      char *buf = malloc(l + 1);
      if (!buf) return false;
      size_t o = llrt__unescape(llrt__text(sc, n) + 1, l >= 2 ? l - 2 : 0, buf);
      bool ok = set_k(S, sc, n, llrt__intern(S, buf, o));
      free(buf);
      if (!ok) return false;
      break;
    }
    case LL_K_unary_expression:
    case LL_K_binary_expression:
    case LL_K_update_expression:
    case LL_K_augmented_assignment_expression:
      sc->op[n] = op_of(sc, n);
      break;
    case LL_K_method_definition:
      sc->op[n] = method_flags(sc, n, LL_F_name);
      break;
    case LL_K_field_definition:
    case LL_K_public_field_definition:
      sc->op[n] = method_flags(sc, n, LL_F_property);
      break;
    case LL_K_function_declaration:
    case LL_K_function_expression:
    case LL_K_function:
    case LL_K_arrow_function:
      if (starts_with(sc, n, "async")) sc->op[n] = M_ASYNC;
      break;
    case LL_K_generator_function_declaration:
    case LL_K_generator_function:
      sc->op[n] = M_GEN | (starts_with(sc, n, "async") ? M_ASYNC : 0);
      break;
    case LL_K_member_expression:
    case LL_K_subscript_expression:
    case LL_K_call_expression:
      if (chain_top(js, n)) sc->op[n] = OP_CHAIN_TOP;
      break;
    default:
      break;
    }
  }
  return true;
}

/* ==== Scripts ==== */

llrt_script *llrt__compile(llrt_state *S, const char *path, const char *src,
                           size_t len, bool script_mode, const char **err,
                           unsigned *eline) {
  llrt_script *sc = calloc(1, sizeof *sc);
  if (!sc) return NULL;
  sc->script_mode = script_mode;
  *err = NULL;
  sc->arena = ll_arena_new();
  sc->path = strdup(path ? path : "<eval>");
  sc->src = malloc(len + 1);
  if (!sc->arena || !sc->path || !sc->src) goto fail;
  memcpy(sc->src, src, len);
  sc->src[len] = 0;
  sc->len = (uint32_t)len;
  if (ll_js_parse(&sc->js, sc->arena, sc->path, sc->src, (uint32_t)len, 0,
                  NULL, 0) != LL_OK)
    goto fail;
  if (sc->js.has_error) {
    *err = "SyntaxError";
    *eline = ll_js_line_of(&sc->js, sc->js.error_start) + 1;
  }
  sc->k = calloc(sc->js.count + 2, sizeof *sc->k); /* + __filename, __dirname */
  sc->ref = calloc(sc->js.count + 1, sizeof *sc->ref);
  sc->op = calloc(sc->js.count + 1, 1);
  if (!sc->k || !sc->ref || !sc->op || !llrt__build_kids(sc)) goto fail;
  for (uint32_t i = 0; i < sc->js.count + 2; i++) sc->k[i] = LLRT_UNDEF;
  /* Register before filling `k`, so the constants are traced. */
  if (S->nscripts == S->scriptcap) {
    size_t cap = S->scriptcap ? S->scriptcap * 2 : 8;
    llrt_script **a = realloc(S->scripts, cap * sizeof *a);
    if (!a) goto fail;
    S->scripts = a;
    S->scriptcap = cap;
  }
  S->scripts[S->nscripts++] = sc;
  sc->site_base = S->next_site;
  S->next_site += sc->js.count + 1;
  if (!compile_tables(S, sc) || !llrt__compile_private_names(S, sc) ||
      !llrt__compile_functions(sc)) {
    *err = "out of memory";
    return sc; /* registered: freed with the state */
  }
  return sc;
fail:
  llrt__script_free(S, sc);
  return NULL;
}

void llrt__script_free(llrt_state *S, llrt_script *sc) {
  (void)S;
  if (!sc) return;
  if (sc->js.nodes) ll_js_fini(&sc->js);
  ll_arena_free(sc->arena);
  free(sc->k);
  free(sc->ref);
  free(sc->op);
  free(sc->kid);
  free(sc->kidf);
  free(sc->named0);
  free(sc->kind8);
  free(sc->aux);
  free(sc->auxv);
  free(sc->fninfo);
  free(sc->path);
  free(sc->src);
  free(sc);
}

void llrt__trace_scripts(llrt_state *S,
                         void (*mark)(llrt_state *, llrt_value)) {
  for (size_t i = 0; i < S->nscripts; i++) {
    llrt_script *sc = S->scripts[i];
    for (uint32_t n = 0; n < sc->js.count + 2; n++)
      if (LLRT_IS_PTR(sc->k[n])) mark(S, sc->k[n]);
  }
}

bool llrt__site_location(llrt_state *S, uint32_t site, const char **file,
                         unsigned *line, unsigned *col) {
  for (size_t i = 0; i < S->nscripts && site; i++) {
    llrt_script *sc = S->scripts[i];
    if (site < sc->site_base || site >= sc->site_base + sc->js.count) continue;
    const ll_node *n = &sc->js.nodes[site - sc->site_base];
    *file = sc->path;
    *line = n->row + 1;
    *col = n->col + 1;
    return true;
  }
  return false;
}
