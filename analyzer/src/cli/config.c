/* Configuration files: parsing and validating `.leaklintrc.json` with cJSON,
 * and resolving the merged settings of a folder (config.h explains the
 * merge).
 *
 * Invariants: a config is validated completely when parsed, so later stages
 * never see an unknown key, a wrong type or an unknown rule id; every error
 * names the file and the key (`"rules.foo": unknown rule id`) or, for JSON
 * syntax, the line and column. Settings are memoised per folder and never
 * change once made, so the worker threads may share them read-only. This
 * module never prints and never exits. */
#include "cli/config.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "base/alloc.h"
#include "base/array.h"
#include "base/strbuf.h"
#include "cli/cli.h"
#include "cli/files.h"

/* ==== Parsing ==== */

/* Replaces `//` and block comments outside strings with spaces, keeping
 * newlines, so cJSON's error offsets still map to the original text. */
static void blank_comments(char *s, size_t n) {
  bool in_str = false;
  for (size_t i = 0; i < n; i++) {
    if (in_str) {
      if (s[i] == '\\' && i + 1 < n) i++;
      else if (s[i] == '"') in_str = false;
    } else if (s[i] == '"') {
      in_str = true;
    } else if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') {
      while (i < n && s[i] != '\n') s[i++] = ' ';
    } else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
      size_t j = i + 2;
      while (j + 1 < n && !(s[j] == '*' && s[j + 1] == '/')) j++;
      if (j + 1 >= n) return; /* unterminated: let cJSON report it */
      for (size_t k = i; k <= j + 1; k++)
        if (s[k] != '\n') s[k] = ' ';
      i = j + 1;
    }
  }
}

/* 1-based line and column (in bytes) of offset `off` in `s`. */
static void position_of(const char *s, size_t off, uint32_t *line,
                        uint32_t *col) {
  uint32_t l = 1, c = 1;
  for (size_t i = 0; i < off; i++) {
    if (s[i] == '\n') l++, c = 1;
    else c++;
  }
  *line = l;
  *col = c;
}

typedef struct parser {
  ll_config *c;
  ll_error *err;
} parser;

static ll_status key_error(parser *p, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static ll_status key_error(parser *p, const char *key, const char *fmt, ...) {
  char what[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return ll_error_set(p->err, LL_ECONFIG, p->c->path, "%s: \"%s\": %s",
                      p->c->path, key, what);
}

static const char *type_name(const cJSON *j) {
  if (cJSON_IsBool(j)) return "a boolean";
  if (cJSON_IsNumber(j)) return "a number";
  if (cJSON_IsString(j)) return "a string";
  if (cJSON_IsArray(j)) return "an array";
  if (cJSON_IsObject(j)) return "an object";
  if (cJSON_IsNull(j)) return "null";
  return "an invalid value";
}

/* Rejects a second occurrence of a key in `obj` (cJSON keeps both). */
static ll_status check_duplicates(parser *p, const cJSON *obj,
                                  const char *prefix) {
  for (const cJSON *a = obj->child; a; a = a->next)
    for (const cJSON *b = obj->child; b != a; b = b->next)
      if (strcmp(a->string, b->string) == 0) {
        char key[300];
        snprintf(key, sizeof key, "%s%s", prefix, a->string);
        return key_error(p, key, "duplicate key");
      }
  return LL_OK;
}

static ll_status parse_env(parser *p, const cJSON *v) {
  if (!cJSON_IsArray(v))
    return key_error(p, "env", "expected an array of environment names, "
                     "found %s", type_name(v));
  int i = 0;
  p->c->has_env = true;
  for (const cJSON *e = v->child; e; e = e->next, i++) {
    char key[32];
    snprintf(key, sizeof key, "env[%d]", i);
    if (!cJSON_IsString(e))
      return key_error(p, key, "expected a string, found %s", type_name(e));
    unsigned bit = ll_env_parse(e->valuestring);
    if (!bit)
      return key_error(p, key, "unknown environment \"%s\" (expected node, "
                       "browser, worker or commonjs)", e->valuestring);
    p->c->env |= bit;
  }
  return LL_OK;
}

static ll_status add_global(parser *p, const char *name, bool on) {
  ll_config *c = p->c;
  ll_config_global *g =
      ll_realloc(c->globals, (c->nglobals + 1) * sizeof *c->globals);
  if (!g) return ll_error_set(p->err, LL_ENOMEM, c->path, "out of memory");
  c->globals = g;
  g[c->nglobals].name = ll_strdup(name);
  if (!g[c->nglobals].name)
    return ll_error_set(p->err, LL_ENOMEM, c->path, "out of memory");
  g[c->nglobals++].on = on;
  return LL_OK;
}

static ll_status parse_globals(parser *p, const cJSON *v) {
  ll_status st = LL_OK;
  int i = 0;
  if (cJSON_IsArray(v)) {
    for (const cJSON *e = v->child; e && st == LL_OK; e = e->next, i++) {
      char key[32];
      snprintf(key, sizeof key, "globals[%d]", i);
      if (!cJSON_IsString(e) || !e->valuestring[0])
        return key_error(p, key, "expected a name, found %s", type_name(e));
      st = add_global(p, e->valuestring, true);
    }
    return st;
  }
  if (!cJSON_IsObject(v))
    return key_error(p, "globals", "expected an array of names or an object "
                     "of name: \"readonly\"|\"writable\"|\"off\", found %s",
                     type_name(v));
  if ((st = check_duplicates(p, v, "globals.")) != LL_OK) return st;
  for (const cJSON *e = v->child; e && st == LL_OK; e = e->next) {
    char key[300];
    snprintf(key, sizeof key, "globals.%s", e->string);
    bool on = true;
    if (cJSON_IsBool(e)) {
      on = true; /* true = writable, false = readonly: both are known names */
    } else if (cJSON_IsString(e) &&
               (!strcmp(e->valuestring, "readonly") ||
                !strcmp(e->valuestring, "writable") ||
                !strcmp(e->valuestring, "readable") ||
                !strcmp(e->valuestring, "writeable"))) {
      on = true;
    } else if (cJSON_IsString(e) && !strcmp(e->valuestring, "off")) {
      on = false;
    } else {
      return key_error(p, key, "expected \"readonly\", \"writable\", \"off\", "
                       "true or false");
    }
    st = add_global(p, e->string, on);
  }
  return st;
}

static ll_status parse_rule(parser *p, const cJSON *e) {
  char key[300];
  snprintf(key, sizeof key, "rules.%s", e->string);
  int idx = ll_rule_find(e->string);
  if (idx < 0) {
    const char *s = ll_cli_suggest_rule(e->string);
    if (s) return key_error(p, key, "unknown rule id (did you mean \"%s\"?)", s);
    return key_error(p, key, "unknown rule id");
  }
  const cJSON *level = e;
  if (cJSON_IsArray(e)) {
    int n = cJSON_GetArraySize(e);
    if (n < 1 || n > 2)
      return key_error(p, key, "expected [severity] or [severity, {options}]");
    level = e->child;
    if (n == 2 && !cJSON_IsObject(e->child->next))
      return key_error(p, key, "rule options must be an object, found %s",
                       type_name(e->child->next));
  }
  ll_severity sev = LL_SEV_DEFAULT;
  bool ok = false;
  if (cJSON_IsString(level)) {
    ok = ll_cli_parse_severity(level->valuestring, &sev);
  } else if (cJSON_IsNumber(level)) {
    double d = level->valuedouble;
    ok = d == 0 || d == 1 || d == 2;
    sev = d == 0 ? LL_SEV_OFF : d == 1 ? LL_SEV_WARNING : LL_SEV_ERROR;
  }
  if (!ok)
    return key_error(p, key, "expected \"off\", \"warn\", \"error\", 0, 1 "
                     "or 2");
  p->c->rules[idx] = sev;
  return LL_OK;
}

static ll_status parse_rules(parser *p, const cJSON *v) {
  if (!cJSON_IsObject(v))
    return key_error(p, "rules", "expected an object of rule id: severity, "
                     "found %s", type_name(v));
  ll_status st = check_duplicates(p, v, "rules.");
  for (const cJSON *e = v->child; e && st == LL_OK; e = e->next)
    st = parse_rule(p, e);
  return st;
}

static ll_status parse_ignore(parser *p, const cJSON *v) {
  if (!cJSON_IsArray(v))
    return key_error(p, "ignore", "expected an array of globs, found %s",
                     type_name(v));
  ll_config *c = p->c;
  int n = cJSON_GetArraySize(v), i = 0;
  c->ignore = ll_calloc((size_t)n, sizeof *c->ignore);
  if (!c->ignore) return ll_error_set(p->err, LL_ENOMEM, c->path, "out of memory");
  for (const cJSON *e = v->child; e; e = e->next, i++) {
    char key[32];
    snprintf(key, sizeof key, "ignore[%d]", i);
    if (!cJSON_IsString(e) || !e->valuestring[0])
      return key_error(p, key, "expected a glob, found %s", type_name(e));
    if (e->valuestring[0] == '!')
      return key_error(p, key, "negated globs are not supported");
    if (!(c->ignore[c->nignore++] = ll_strdup(e->valuestring)))
      return ll_error_set(p->err, LL_ENOMEM, c->path, "out of memory");
  }
  return LL_OK;
}

static ll_status pair_string(parser *p, const cJSON *item, const char *name,
                             int i, const char **out) {
  char key[64];
  snprintf(key, sizeof key, "resources[%d].%s", i, name);
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, name);
  if (!v) {
    if (!strcmp(name, "kind")) return *out = NULL, LL_OK;
    return key_error(p, key, "missing");
  }
  if (!cJSON_IsString(v) || !v->valuestring[0])
    return key_error(p, key, "expected a non-empty string, found %s",
                     type_name(v));
  if (!strcmp(name, "kind") && strcmp(v->valuestring, "listener") &&
      strcmp(v->valuestring, "handle"))
    return key_error(p, key, "expected \"listener\" or \"handle\"");
  *out = v->valuestring;
  return LL_OK;
}

static ll_status parse_resources(parser *p, const cJSON *v) {
  if (!cJSON_IsArray(v))
    return key_error(p, "resources", "expected an array of {acquire, release, "
                     "kind}, found %s", type_name(v));
  ll_config *c = p->c;
  int n = cJSON_GetArraySize(v), i = 0;
  c->pairs = ll_calloc((size_t)n, sizeof *c->pairs);
  if (!c->pairs) return ll_error_set(p->err, LL_ENOMEM, c->path, "out of memory");
  ll_status st = LL_OK;
  for (const cJSON *e = v->child; e; e = e->next, i++) {
    char key[64];
    snprintf(key, sizeof key, "resources[%d]", i);
    if (!cJSON_IsObject(e))
      return key_error(p, key, "expected an object, found %s", type_name(e));
    for (const cJSON *k = e->child; k; k = k->next)
      if (strcmp(k->string, "acquire") && strcmp(k->string, "release") &&
          strcmp(k->string, "kind")) {
        snprintf(key, sizeof key, "resources[%d].%.32s", i, k->string);
        return key_error(p, key, "unknown key (expected acquire, release, "
                         "kind)");
      }
    const char *acq, *rel, *kind;
    if ((st = pair_string(p, e, "acquire", i, &acq)) != LL_OK ||
        (st = pair_string(p, e, "release", i, &rel)) != LL_OK ||
        (st = pair_string(p, e, "kind", i, &kind)) != LL_OK)
      return st;
    ll_resource_pair *pr = &c->pairs[c->npairs++];
    pr->acquire = ll_strdup(acq);
    pr->release = ll_strdup(rel);
    pr->kind = ll_strdup(kind ? kind : "handle");
    if (!pr->acquire || !pr->release || !pr->kind)
      return ll_error_set(p->err, LL_ENOMEM, c->path, "out of memory");
  }
  return LL_OK;
}

/* ==== The C frontend's settings: "c" ==== */

static ll_status add_c_arg(parser *p, const char *a, size_t alen,
                           const char *b) {
  char **v = ll_realloc(p->c->c_args, (p->c->nc_args + 1) * sizeof *v);
  if (!v) return ll_error_set(p->err, LL_ENOMEM, NULL, "out of memory");
  p->c->c_args = v;
  size_t n = alen + strlen(b) + 1;
  char *s = ll_malloc(n);
  if (!s) return ll_error_set(p->err, LL_ENOMEM, NULL, "out of memory");
  memcpy(s, a, alen);
  memcpy(s + alen, b, strlen(b) + 1);
  v[p->c->nc_args++] = s;
  return LL_OK;
}

/* `c.includes`: folders, relative ones to the config's folder. */
static ll_status parse_c_includes(parser *p, const cJSON *v) {
  if (!cJSON_IsArray(v))
    return key_error(p, "c.includes", "expected an array of folders, found %s",
                     type_name(v));
  int i = 0;
  for (const cJSON *e = v->child; e; e = e->next, i++) {
    char key[40];
    snprintf(key, sizeof key, "c.includes[%d]", i);
    if (!cJSON_IsString(e) || !e->valuestring[0])
      return key_error(p, key, "expected a folder name, found %s", type_name(e));
    const char *d = e->valuestring;
    ll_status st;
    if (d[0] == '/') {
      st = add_c_arg(p, "-I", 2, d);
    } else {
      char buf[4096 + 8];
      snprintf(buf, sizeof buf, "%s/%s", p->c->dir, d);
      st = add_c_arg(p, "-I", 2, buf);
    }
    if (st != LL_OK) return st;
  }
  return LL_OK;
}

/* `c.defines`: ["NAME", "NAME=VALUE"] or {"NAME": "VALUE" | number | true}. */
static ll_status parse_c_defines(parser *p, const cJSON *v) {
  if (!cJSON_IsArray(v) && !cJSON_IsObject(v))
    return key_error(p, "c.defines", "expected an array of \"NAME\" or "
                     "\"NAME=VALUE\" strings or an object, found %s",
                     type_name(v));
  int i = 0;
  for (const cJSON *e = v->child; e; e = e->next, i++) {
    char key[300], def[1100];
    const char *name;
    if (cJSON_IsArray(v)) {
      snprintf(key, sizeof key, "c.defines[%d]", i);
      if (!cJSON_IsString(e))
        return key_error(p, key, "expected a string, found %s", type_name(e));
      name = e->valuestring;
      snprintf(def, sizeof def, "%s", name);
    } else {
      snprintf(key, sizeof key, "c.defines.%.200s", e->string);
      name = e->string;
      if (cJSON_IsString(e))
        snprintf(def, sizeof def, "%s=%s", name, e->valuestring);
      else if (cJSON_IsNumber(e))
        snprintf(def, sizeof def, "%s=%.17g", name, e->valuedouble);
      else if (cJSON_IsTrue(e))
        snprintf(def, sizeof def, "%s", name);
      else
        return key_error(p, key, "expected a string, a number or true, "
                         "found %s", type_name(e));
    }
    /* The name: an identifier, optionally with a macro's parameters. */
    size_t n = 0;
    while (name[n] == '_' || (name[n] >= 'a' && name[n] <= 'z') ||
           (name[n] >= 'A' && name[n] <= 'Z') ||
           (n > 0 && name[n] >= '0' && name[n] <= '9'))
      n++;
    if (n == 0 || (name[n] && name[n] != '=' && name[n] != '('))
      return key_error(p, key, "\"%.100s\" is not a macro name", name);
    ll_status st = add_c_arg(p, "-D", 2, def);
    if (st != LL_OK) return st;
  }
  return LL_OK;
}

static ll_status parse_c_std(parser *p, const cJSON *v) {
  static const char *const stds[] = {
      "c89", "c90", "c99", "c11", "c17", "c18", "c2x", "c23",
      "gnu89", "gnu90", "gnu99", "gnu11", "gnu17", "gnu18", "gnu2x", "gnu23",
      "iso9899:1990", "iso9899:1999", "iso9899:2011", "iso9899:2017", NULL};
  if (!cJSON_IsString(v))
    return key_error(p, "c.std", "expected a C standard such as \"c11\" or "
                     "\"gnu17\", found %s", type_name(v));
  for (const char *const *s = stds; *s; s++)
    if (!strcmp(*s, v->valuestring)) return add_c_arg(p, "-std=", 5, *s);
  return key_error(p, "c.std", "unknown C standard \"%.40s\" (expected c89, "
                   "c99, c11, c17, c23 or a gnu variant such as gnu11)",
                   v->valuestring);
}

static ll_status parse_c(parser *p, const cJSON *v) {
  if (!cJSON_IsObject(v))
    return key_error(p, "c", "expected an object with includes, defines, std "
                     "or unknownCalls, found %s", type_name(v));
  ll_status st = check_duplicates(p, v, "c.");
  for (const cJSON *e = v->child; e && st == LL_OK; e = e->next) {
    const char *k = e->string;
    if (!strcmp(k, "includes")) {
      st = parse_c_includes(p, e);
    } else if (!strcmp(k, "defines")) {
      st = parse_c_defines(p, e);
    } else if (!strcmp(k, "std")) {
      st = parse_c_std(p, e);
    } else if (!strcmp(k, "unknownCalls")) {
      if (cJSON_IsString(e) && !strcmp(e->valuestring, "escape"))
        p->c->c_unknown_borrow = 0;
      else if (cJSON_IsString(e) && !strcmp(e->valuestring, "borrow"))
        p->c->c_unknown_borrow = 1;
      else
        return key_error(p, "c.unknownCalls", "expected \"escape\" or "
                         "\"borrow\", found %s%s%.40s%s", type_name(e),
                         cJSON_IsString(e) ? " \"" : "",
                         cJSON_IsString(e) ? e->valuestring : "",
                         cJSON_IsString(e) ? "\"" : "");
    } else {
      char key[300];
      snprintf(key, sizeof key, "c.%.200s", k);
      return key_error(p, key, "unknown key (expected includes, defines, std "
                       "or unknownCalls)");
    }
  }
  return st;
}

static ll_status parse_top(parser *p, const cJSON *root) {
  if (!cJSON_IsObject(root))
    return ll_error_set(p->err, LL_ECONFIG, p->c->path,
                        "%s: expected a JSON object at the top level, found %s",
                        p->c->path, type_name(root));
  ll_status st = check_duplicates(p, root, "");
  for (const cJSON *e = root->child; e && st == LL_OK; e = e->next) {
    const char *k = e->string;
    if (!strcmp(k, "root")) {
      if (!cJSON_IsBool(e))
        return key_error(p, "root", "expected true or false, found %s",
                         type_name(e));
      p->c->root = cJSON_IsTrue(e);
    } else if (!strcmp(k, "env")) {
      st = parse_env(p, e);
    } else if (!strcmp(k, "globals")) {
      st = parse_globals(p, e);
    } else if (!strcmp(k, "rules")) {
      st = parse_rules(p, e);
    } else if (!strcmp(k, "ignore")) {
      st = parse_ignore(p, e);
    } else if (!strcmp(k, "resources")) {
      st = parse_resources(p, e);
    } else if (!strcmp(k, "c")) {
      st = parse_c(p, e);
    } else {
      return key_error(p, k, "unknown key (expected root, env, globals, "
                       "rules, ignore, resources or c)");
    }
  }
  return st;
}

ll_status ll_config_parse(const char *path, const char *dir, const char *text,
                          size_t len, ll_config **out, ll_error *err) {
  ll_status st = LL_ENOMEM;
  char *copy = NULL;
  cJSON *json = NULL;
  ll_config *c = ll_calloc(1, sizeof *c);
  *out = NULL;
  if (!c) goto oom;
  for (size_t i = 0; i < LL_RULE_COUNT; i++) c->rules[i] = LL_SEV_DEFAULT;
  c->c_unknown_borrow = -1;
  if (!(c->path = ll_strdup(path)) || !(c->dir = ll_strdup(dir))) goto oom;
  if (!(copy = ll_strndup(text, len))) goto oom;
  blank_comments(copy, len);

  const char *end = NULL;
  json = cJSON_ParseWithLengthOpts(copy, len, &end, false);
  if (!json) {
    uint32_t line, col;
    size_t off = end && end >= copy ? (size_t)(end - copy) : 0;
    while (off < len && strchr(" \t\r\n", copy[off])) off++;
    if (off > len) off = len;
    position_of(copy, off, &line, &col);
    size_t near = 0; /* the rest of the line, at most 20 bytes */
    while (off + near < len && near < 20 && copy[off + near] != '\n') near++;
    if (off >= len)
      st = ll_error_set(err, LL_ECONFIG, path, "%s:%u:%u: invalid JSON: "
                        "unexpected end of file", path, line, col);
    else
      st = ll_error_set(err, LL_ECONFIG, path, "%s:%u:%u: invalid JSON near "
                        "'%.*s'", path, line, col, (int)near, copy + off);
    if (err) err->line = line, err->column = col;
    goto fail;
  }
  parser p = {c, err};
  if ((st = parse_top(&p, json)) != LL_OK) goto fail;
  cJSON_Delete(json);
  ll_free(copy);
  *out = c;
  return LL_OK;
oom:
  st = ll_error_set(err, LL_ENOMEM, path, "%s: out of memory", path);
fail:
  cJSON_Delete(json);
  ll_free(copy);
  ll_config_free(c);
  return st;
}

/* Reads `read_path`, naming it `shown` in messages, as a config of the
 * absolute folder `dir`. */
static ll_status load_in(const char *read_path, const char *shown,
                         const char *dir, ll_config **out, ll_error *err) {
  char *text = NULL;
  size_t len = 0;
  ll_status st = ll_read_file(read_path, 1u << 20, &text, &len, err);
  if (st != LL_OK) {
    if (err && st != LL_ENOMEM) {
      /* ll_read_file's message is "<read_path>: <cause>". */
      const char *cause = err->message;
      size_t rl = strlen(read_path);
      if (!strncmp(cause, read_path, rl) && cause[rl] == ':') cause += rl + 2;
      char msg[sizeof err->message];
      snprintf(msg, sizeof msg, "%s", cause);
      ll_error_set(err, st, shown, "cannot read config %s: %s", shown, msg);
    }
    return st;
  }
  st = ll_config_parse(shown, dir, text, len, out, err);
  ll_free(text);
  return st;
}

ll_status ll_config_load(const char *path, ll_config **out, ll_error *err) {
  *out = NULL;
  char *abs = ll_path_absolute(path);
  if (!abs) return ll_error_set(err, LL_ENOMEM, path, "out of memory");
  char *slash = strrchr(abs, '/');
  if (slash == abs) slash[1] = '\0'; /* a config in "/" */
  else *slash = '\0';
  ll_status st = load_in(path, path, abs, out, err);
  ll_free(abs);
  return st;
}

void ll_config_free(ll_config *c) {
  if (!c) return;
  for (size_t i = 0; i < c->nglobals; i++) ll_free(c->globals[i].name);
  for (size_t i = 0; i < c->nignore; i++) ll_free(c->ignore[i]);
  for (size_t i = 0; i < c->npairs; i++) {
    ll_free((char *)c->pairs[i].acquire);
    ll_free((char *)c->pairs[i].release);
    ll_free((char *)c->pairs[i].kind);
  }
  for (size_t i = 0; i < c->nc_args; i++) ll_free(c->c_args[i]);
  ll_free(c->c_args);
  ll_free(c->globals);
  ll_free(c->ignore);
  ll_free(c->pairs);
  ll_free(c->path);
  ll_free(c->dir);
  ll_free(c);
}

void ll_overrides_init(ll_overrides *ov) {
  memset(ov, 0, sizeof *ov);
  for (size_t i = 0; i < LL_RULE_COUNT; i++) ov->severity[i] = LL_SEV_DEFAULT;
}

/* ==== Ignore globs ==== */

bool ll_glob_match(const char *glob, const char *rel, bool is_dir) {
  size_t n = strlen(glob);
  bool dir_only = n > 0 && glob[n - 1] == '/';
  char g[1024];
  if (n >= sizeof g) return false;
  memcpy(g, glob, n + 1);
  if (dir_only) g[--n] = '\0';
  if (dir_only && !is_dir) return false;
  char *pat = g;
  bool anchored = false;
  while (pat[0] == '.' && pat[1] == '/') pat += 2, anchored = true;
  while (pat[0] == '/') pat++, anchored = true;
  if (!pat[0]) return false;
  if (!anchored && !strchr(pat, '/')) { /* a name: at any depth */
    const char *base = strrchr(rel, '/');
    return fnmatch(pat, base ? base + 1 : rel, FNM_PERIOD) == 0;
  }
  if (strstr(pat, "**")) { /* `*` may cross folders; `**\/x` matches `x` */
    if (fnmatch(pat, rel, 0) == 0) return true;
    return strncmp(pat, "**/", 3) == 0 && fnmatch(pat + 3, rel, 0) == 0;
  }
  return fnmatch(pat, rel, FNM_PATHNAME) == 0;
}

bool ll_settings_ignores(const ll_settings *s, const char *abs, bool is_dir,
                         const char **glob) {
  for (size_t i = 0; i < s->nignore; i++) {
    const ll_ignore_glob *ig = &s->ignore[i];
    size_t bl = strlen(ig->base);
    const char *rel;
    if (bl == 1 && ig->base[0] == '/') rel = abs + 1;
    else if (strncmp(abs, ig->base, bl) == 0 && abs[bl] == '/') rel = abs + bl + 1;
    else continue;
    if (!*rel) continue;
    /* The path itself, then each folder on the way down to it. */
    bool hit = ll_glob_match(ig->glob, rel, is_dir);
    char prefix[4096];
    for (const char *q = strchr(rel, '/'); q && !hit; q = strchr(q + 1, '/')) {
      size_t pl = (size_t)(q - rel);
      if (pl >= sizeof prefix) break;
      memcpy(prefix, rel, pl);
      prefix[pl] = '\0';
      hit = ll_glob_match(ig->glob, prefix, true);
    }
    if (hit) {
      if (glob) *glob = ig->glob;
      return true;
    }
  }
  return false;
}

/* ==== Settings and the resolver ==== */

typedef struct dir_entry {
  char *dir;                 /* owned key */
  const ll_settings *settings;
} dir_entry;

struct ll_config_resolver {
  ll_overrides ov;
  ll_array(ll_config *) configs;    /* owned */
  ll_array(ll_settings *) settings; /* owned */
  dir_entry *table;                 /* open addressing, power-of-two size */
  size_t cap, used;
  const ll_settings *fixed;         /* --config: every folder gets this */
};

static void settings_free(ll_settings *s) {
  if (!s) return;
  ll_free(s->globals);
  ll_free(s->pairs);
  ll_free(s->ignore);
  ll_free(s->c_args);
  ll_free(s);
}

/* Makes the settings of a folder whose nearest config is `c` (may be NULL)
 * on top of `parent` (NULL after a root config or at the top). */
static ll_settings *settings_new(const ll_overrides *ov,
                                 const ll_settings *parent, const ll_config *c) {
  ll_settings *s = ll_calloc(1, sizeof *s);
  if (!s) return NULL;
  size_t ng = (parent ? parent->nglobals : 0) + (c ? c->nglobals : 0);
  size_t np = (parent ? parent->npairs : 0) + (c ? c->npairs : 0);
  size_t ni = (parent ? parent->nignore : 0) + (c ? c->nignore : 0);
  size_t nca = (parent ? parent->nc_args : 0) + (c ? c->nc_args : 0);
  s->globals = ll_calloc(ng, sizeof *s->globals);
  s->pairs = ll_calloc(np, sizeof *s->pairs);
  s->ignore = ll_calloc(ni, sizeof *s->ignore);
  s->c_args = ll_calloc(nca + 1, sizeof *s->c_args);
  if (!s->globals || !s->pairs || !s->ignore || !s->c_args) {
    settings_free(s);
    return NULL;
  }
  s->config = c ? c : parent ? parent->config : NULL;
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    s->cfg_rules[i] = parent ? parent->cfg_rules[i] : LL_SEV_DEFAULT;
  if (parent) {
    s->cfg_has_env = parent->cfg_has_env;
    s->cfg_env = parent->cfg_env;
    memcpy(s->globals, parent->globals, parent->nglobals * sizeof *s->globals);
    memcpy(s->pairs, parent->pairs, parent->npairs * sizeof *s->pairs);
    memcpy(s->ignore, parent->ignore, parent->nignore * sizeof *s->ignore);
    s->nglobals = parent->nglobals;
    s->npairs = parent->npairs;
    s->nignore = parent->nignore;
    memcpy(s->c_args, parent->c_args, parent->nc_args * sizeof *s->c_args);
    s->nc_args = parent->nc_args;
    s->c_unknown_borrow = parent->c_unknown_borrow;
  }
  if (c) {
    for (size_t i = 0; i < LL_RULE_COUNT; i++)
      if (c->rules[i] != LL_SEV_DEFAULT) s->cfg_rules[i] = c->rules[i];
    if (c->has_env) {
      s->cfg_env = (s->cfg_has_env ? s->cfg_env : 0) | c->env;
      s->cfg_has_env = true;
    }
    for (size_t i = 0; i < c->nglobals; i++) {
      const char *name = c->globals[i].name;
      size_t k = 0;
      while (k < s->nglobals && strcmp(s->globals[k], name)) k++;
      if (c->globals[i].on && k == s->nglobals) {
        s->globals[s->nglobals++] = name;
      } else if (!c->globals[i].on && k < s->nglobals) {
        s->globals[k] = s->globals[--s->nglobals];
      }
    }
    if (c->npairs) /* c->pairs is NULL without "resources" */
      memcpy(s->pairs + s->npairs, c->pairs, c->npairs * sizeof *s->pairs);
    s->npairs += c->npairs;
    for (size_t i = 0; i < c->nignore; i++)
      s->ignore[s->nignore++] = (ll_ignore_glob){c->dir, c->ignore[i]};
    for (size_t i = 0; i < c->nc_args; i++) s->c_args[s->nc_args++] = c->c_args[i];
    if (c->c_unknown_borrow >= 0) s->c_unknown_borrow = c->c_unknown_borrow == 1;
  }
  /* The options: configs, then the command line on top. */
  ll_options_init(&s->opts);
  for (size_t i = 0; i < LL_RULE_COUNT; i++)
    s->opts.severity[i] = ov->severity[i] != LL_SEV_DEFAULT ? ov->severity[i]
                                                             : s->cfg_rules[i];
  if (ov->has_env) s->opts.env = ov->env;
  else if (s->cfg_has_env) s->opts.env = s->cfg_env;
  s->opts.globals = s->globals;
  s->opts.nglobals = s->nglobals;
  s->opts.pairs = s->pairs;
  s->opts.npairs = s->npairs;
  s->opts.c_args = s->c_args;
  s->opts.nc_args = s->nc_args;
  s->opts.c_unknown_borrow = s->c_unknown_borrow;
  s->opts.report_unused_disables = ov->report_unused_disables;
  s->opts.max_file_size = ov->max_file_size;
  return s;
}

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static dir_entry *table_slot(ll_config_resolver *r, const char *dir) {
  size_t mask = r->cap - 1, i = (size_t)hash_str(dir) & mask;
  while (r->table[i].dir && strcmp(r->table[i].dir, dir)) i = (i + 1) & mask;
  return &r->table[i];
}

static bool table_put(ll_config_resolver *r, const char *dir,
                      const ll_settings *s) {
  if ((r->used + 1) * 2 > r->cap) { /* keep the load under one half */
    size_t old_cap = r->cap;
    dir_entry *old = r->table;
    r->cap = old_cap ? old_cap * 2 : 64;
    r->table = ll_calloc(r->cap, sizeof *r->table);
    if (!r->table) {
      r->table = old, r->cap = old_cap;
      return false;
    }
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].dir) *table_slot(r, old[i].dir) = old[i];
    ll_free(old);
  }
  char *key = ll_strdup(dir);
  if (!key) return false;
  *table_slot(r, dir) = (dir_entry){key, s};
  r->used++;
  return true;
}

static ll_status keep(ll_config_resolver *r, ll_settings *s, ll_error *err,
                      const ll_settings **out) {
  if (!s || !ll_array_push(&r->settings, s)) {
    settings_free(s);
    return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
  }
  *out = s;
  return LL_OK;
}

ll_status ll_config_resolver_new(const ll_overrides *ov, const char *config_path,
                                 ll_config_resolver **out, ll_error *err) {
  ll_status st;
  ll_config *c = NULL;
  ll_config_resolver *r = ll_calloc(1, sizeof *r);
  *out = NULL;
  if (!r) return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
  r->ov = *ov;
  if (config_path) {
    if ((st = ll_config_load(config_path, &c, err)) != LL_OK) goto fail;
    if (!ll_array_push(&r->configs, c)) {
      ll_config_free(c);
      st = ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
      goto fail;
    }
    if ((st = keep(r, settings_new(&r->ov, NULL, c), err, &r->fixed)) != LL_OK)
      goto fail;
  }
  *out = r;
  return LL_OK;
fail:
  ll_config_resolver_free(r);
  return st;
}

void ll_config_resolver_free(ll_config_resolver *r) {
  if (!r) return;
  for (uint32_t i = 0; i < r->configs.len; i++)
    ll_config_free(r->configs.items[i]);
  for (uint32_t i = 0; i < r->settings.len; i++)
    settings_free(r->settings.items[i]);
  for (size_t i = 0; i < r->cap; i++) ll_free(r->table[i].dir);
  ll_array_free(&r->configs);
  ll_array_free(&r->settings);
  ll_free(r->table);
  ll_free(r);
}

ll_status ll_config_resolve(ll_config_resolver *r, const char *dir, int has_rc,
                            const ll_settings **out, ll_error *err) {
  ll_status st = LL_OK;
  ll_config *c = NULL;
  const ll_settings *parent = NULL;
  if (r->fixed) return *out = r->fixed, LL_OK;
  if (r->cap) {
    dir_entry *e = table_slot(r, dir);
    if (e->dir) return *out = e->settings, LL_OK;
  }
  /* This folder's own config, if any. */
  ll_strbuf rc;
  ll_strbuf_init(&rc);
  ll_strbuf_printf(&rc, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "",
                   LL_CONFIG_FILE_NAME);
  if (rc.failed) {
    ll_strbuf_fini(&rc);
    return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
  }
  if (has_rc < 0) {
    struct stat sb;
    has_rc = stat(rc.data, &sb) == 0;
  }
  if (has_rc) {
    char *shown = ll_path_relative(rc.data);
    st = shown ? load_in(rc.data, shown, dir, &c, err)
               : ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
    ll_free(shown);
    if (st == LL_OK && !ll_array_push(&r->configs, c)) {
      ll_config_free(c);
      st = ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
    }
  }
  ll_strbuf_fini(&rc);
  if (st != LL_OK) return st;
  /* The parent folder's settings, unless this config is a root. */
  if (!(c && c->root) && strcmp(dir, "/") != 0) {
    const char *slash = strrchr(dir, '/');
    char *up = ll_strndup(dir, slash == dir ? 1 : (size_t)(slash - dir));
    if (!up) return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
    st = ll_config_resolve(r, up, -1, &parent, err);
    ll_free(up);
    if (st != LL_OK) return st;
  }
  const ll_settings *s = parent;
  if (c || !parent) {
    if ((st = keep(r, settings_new(&r->ov, parent, c), err, &s)) != LL_OK)
      return st;
  }
  if (!table_put(r, dir, s))
    return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
  *out = s;
  return LL_OK;
}
