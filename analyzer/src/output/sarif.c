/* SARIF 2.1.0 output, for code-scanning services and SARIF viewers.
 *
 * One run: `tool.driver` carries the whole rule catalogue (id, PascalCase
 * name, descriptions, default level, the README as help, category and
 * language as properties), so `ruleIndex` is the catalogue index. Each
 * written finding is a result whose location is relative to `%SRCROOT%`, which
 * `originalUriBaseIds` resolves to the current directory; `relatedLocations`
 * carry the finding's related positions. Columns are UTF-16 code units, as
 * `columnKind` says.
 *
 * Invariants: the log validates against the SARIF 2.1.0 schema and passes
 * `sarif-multitool validate` without errors (tests/output/validate_sarif.sh);
 * every URI is percent-encoded; regions are written only with the positions
 * that are known and consistent. Findings below `min_severity` are left out.
 * No `helpUri` or `informationUri`: SARIF wants absolute URIs there, and the
 * tool has no public home yet. This module never exits and never prints
 * anything but the log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "output/confirm.h"
#include "output/json_print.h"
#include "output/output.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

typedef struct sarif_ctx {
  ll_severity min;
  bool ok;          /* false after any allocation failure */
  const char *cwd;  /* absolute, without trailing slash; NULL if unknown */
} sarif_ctx;

/* ==== Tree building (failures collect in `ok`) ==== */

static cJSON *check(sarif_ctx *s, cJSON *v) {
  if (!v) s->ok = false;
  return v;
}

static cJSON *obj(sarif_ctx *s, cJSON *parent, const char *key) {
  return parent ? check(s, cJSON_AddObjectToObject(parent, key)) : NULL;
}

static cJSON *arr(sarif_ctx *s, cJSON *parent, const char *key) {
  return parent ? check(s, cJSON_AddArrayToObject(parent, key)) : NULL;
}

static void str(sarif_ctx *s, cJSON *parent, const char *key, const char *v) {
  if (parent) check(s, cJSON_AddStringToObject(parent, key, v ? v : ""));
}

static void num(sarif_ctx *s, cJSON *parent, const char *key, double v) {
  if (parent) check(s, cJSON_AddNumberToObject(parent, key, v));
}

static void boolean(sarif_ctx *s, cJSON *parent, const char *key, bool v) {
  if (parent) check(s, cJSON_AddBoolToObject(parent, key, v));
}

/* A `message`-like object: { "text": text }. */
static void text_obj(sarif_ctx *s, cJSON *parent, const char *key,
                     const char *text) {
  str(s, obj(s, parent, key), "text", text);
}

static cJSON *push_obj(sarif_ctx *s, cJSON *array) {
  if (!array) return NULL;
  cJSON *o = cJSON_CreateObject();
  if (!o || !cJSON_AddItemToArray(array, o)) {
    cJSON_Delete(o);
    s->ok = false;
    return NULL;
  }
  return o;
}

/* ==== URIs ==== */

/* Appends `p` percent-encoded: RFC 3986 unreserved characters and '/' stay,
 * every other byte (including UTF-8 ones) becomes %XX. */
static void encode(ll_strbuf *b, const char *p) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *c = (const unsigned char *)p; *c; c++) {
    if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
        (*c >= '0' && *c <= '9') || strchr("-._~/", *c)) {
      ll_strbuf_putc(b, (char)*c);
    } else {
      char e[3] = {'%', hex[*c >> 4], hex[*c & 15]};
      ll_strbuf_append(b, e, 3);
    }
  }
}

/* Sets `artifactLocation` fields for `path`: relative to %SRCROOT% when the
 * path is relative or under the current directory, else an absolute file
 * URI with no base. */
static void artifact_location(sarif_ctx *s, cJSON *loc, const char *path,
                              long index) {
  if (!loc) return;
  ll_strbuf b;
  ll_strbuf_init(&b);
  const char *p = path ? path : "";
  size_t cl = s->cwd ? strlen(s->cwd) : 0;
  bool relative = p[0] != '/';
  if (!relative && s->cwd && cl > 1 && strncmp(p, s->cwd, cl) == 0 &&
      p[cl] == '/') {
    p += cl + 1;
    relative = true;
  }
  if (relative) {
    while (p[0] == '.' && p[1] == '/') /* "./src/a.js" -> "src/a.js" */
      for (p += 2; *p == '/'; p++) {}
  } else {
    ll_strbuf_puts(&b, "file://");
  }
  encode(&b, p);
  if (b.failed) s->ok = false;
  str(s, loc, "uri", ll_strbuf_str(&b));
  if (relative) str(s, loc, "uriBaseId", "%SRCROOT%");
  if (index >= 0) num(s, loc, "index", (double)index);
  ll_strbuf_fini(&b);
}

static void original_uri_base_ids(sarif_ctx *s, cJSON *run) {
  if (!s->cwd) return;
  ll_strbuf b;
  ll_strbuf_init(&b);
  ll_strbuf_puts(&b, "file://");
  encode(&b, s->cwd);
  if (b.len == 0 || b.data[b.len - 1] != '/') ll_strbuf_putc(&b, '/');
  if (b.failed) s->ok = false;
  cJSON *root = obj(s, obj(s, run, "originalUriBaseIds"), "%SRCROOT%");
  str(s, root, "uri", ll_strbuf_str(&b));
  text_obj(s, root, "description", "The directory leaklint was run in.");
  ll_strbuf_fini(&b);
}

/* ==== The rule catalogue ==== */

static const char *level(ll_severity sev) {
  switch (sev) {
  case LL_SEV_ERROR: return "error";
  case LL_SEV_WARNING: return "warning";
  case LL_SEV_INFO: return "note";
  default: return "none";
  }
}

/* "no_uncleared_interval" -> "NoUnclearedInterval". */
static void pascal_name(sarif_ctx *s, cJSON *rule, const char *sym) {
  char name[128];
  size_t n = 0;
  bool up = true;
  for (const char *c = sym; *c && n + 1 < sizeof name; c++) {
    if (*c == '_' || *c == '-') {
      up = true;
      continue;
    }
    name[n++] = up && *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c;
    up = false;
  }
  name[n] = '\0';
  str(s, rule, "name", name);
}

/* The "What it does" section of a rule README, trimmed, into `b`; empty
 * when the README has no such section. */
static void what_it_does(ll_strbuf *b, const char *doc, size_t len) {
  const char *end = doc + len, *p = doc, *start = NULL;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *eol = nl ? nl : end;
    if (*p == '#') {
      if (start) break; /* the next heading ends the section */
      const char *h = p;
      while (h < eol && (*h == '#' || *h == ' ')) h++;
      if ((size_t)(eol - h) >= 12 && strncmp(h, "What it does", 12) == 0)
        start = nl ? nl + 1 : end;
    } else if (start) {
      ll_strbuf_append(b, p, (size_t)(eol - p));
      ll_strbuf_putc(b, '\n');
    }
    p = nl ? nl + 1 : end;
  }
  size_t lo = 0, hi = b->len; /* trim blank lines and spaces */
  while (lo < hi && strchr(" \t\r\n", b->data[lo])) lo++;
  while (hi > lo && strchr(" \t\r\n", b->data[hi - 1])) hi--;
  if (b->data) {
    memmove(b->data, b->data + lo, hi - lo);
    b->data[hi - lo] = '\0';
    b->len = hi - lo;
  }
}

static void rule(sarif_ctx *s, cJSON *rules, size_t i) {
  const ll_rule_info *info = ll_rule_get(i);
  cJSON *r = push_obj(s, rules);
  if (!info || !r) return;
  str(s, r, "id", info->id);
  pascal_name(s, r, info->sym ? info->sym : info->id);
  text_obj(s, r, "shortDescription", info->description);

  size_t len = 0;
  const char *doc = ll_rule_docs(i, &len);
  ll_strbuf full;
  ll_strbuf_init(&full);
  if (doc) what_it_does(&full, doc, len);
  text_obj(s, r, "fullDescription",
           full.len ? ll_strbuf_str(&full) : info->description);
  ll_strbuf_fini(&full);
  if (doc) {
    char *md = ll_strndup(doc, len);
    cJSON *help = obj(s, r, "help");
    str(s, help, "text", md);
    str(s, help, "markdown", md);
    if (!md) s->ok = false;
    ll_free(md);
  }

  cJSON *conf = obj(s, r, "defaultConfiguration");
  str(s, conf, "level", level(info->severity));
  if (info->severity == LL_SEV_OFF) boolean(s, conf, "enabled", false);
  cJSON *props = obj(s, r, "properties");
  str(s, props, "category", ll_category_name(info->category));
  str(s, props, "language", ll_lang_name(info->lang));
}

/* ==== Results ==== */

static void region(sarif_ctx *s, cJSON *phys, uint32_t line, uint32_t col,
                   uint32_t end_line, uint32_t end_col) {
  if (line == 0) return; /* about the whole file */
  cJSON *reg = obj(s, phys, "region");
  num(s, reg, "startLine", line);
  if (col) num(s, reg, "startColumn", col);
  if (end_line >= line) {
    num(s, reg, "endLine", end_line);
    if (end_col && (end_line > line || end_col >= col))
      num(s, reg, "endColumn", end_col);
  }
}

/* Byte offset of UTF-16 offset `unit` (0-based) in `str[0..n)`, clamped. */
static size_t byte_at(const char *str, size_t n, uint32_t unit) {
  const unsigned char *p = (const unsigned char *)str;
  size_t i = 0;
  for (uint32_t u = 0; i < n && u < unit;) {
    unsigned c = p[i];
    u += c >= 0xF0 ? 2 : 1; /* astral: a surrogate pair */
    for (i++; i < n && (p[i] & 0xC0) == 0x80; i++) {}
  }
  return i;
}

/* For a finding on one line: the region's own text as `snippet`, and the
 * whole line as `contextRegion`, so viewers show code without a checkout. */
static void snippets(sarif_ctx *s, cJSON *phys, const ll_finding *f) {
  if (!phys || !f->source_line || f->line == 0 || f->column == 0 ||
      f->end_line != f->line || f->end_column < f->column)
    return;
  size_t n = strlen(f->source_line);
  while (n > 0 && (f->source_line[n - 1] == '\r' ||
                   f->source_line[n - 1] == '\n'))
    n--;
  size_t from = byte_at(f->source_line, n, f->column - 1);
  size_t to = byte_at(f->source_line, n, f->end_column - 1);
  char *part = ll_strndup(f->source_line + from, to - from);
  char *line = ll_strndup(f->source_line, n);
  if (part && line) {
    text_obj(s, cJSON_GetObjectItemCaseSensitive(phys, "region"), "snippet",
             part);
    cJSON *ctx = obj(s, phys, "contextRegion");
    num(s, ctx, "startLine", f->line);
    num(s, ctx, "endLine", f->line);
    text_obj(s, ctx, "snippet", line);
  } else {
    s->ok = false;
  }
  ll_free(part);
  ll_free(line);
}

static void result(sarif_ctx *s, cJSON *results, const ll_file_result *r,
                   const ll_finding *f, long artifact) {
  const ll_rule_info *info = ll_rule_get(f->rule);
  cJSON *res = push_obj(s, results);
  if (!res) return;
  str(s, res, "ruleId", info ? info->id : "unknown-rule");
  if (info) num(s, res, "ruleIndex", f->rule);
  str(s, res, "level", level(f->severity));
  text_obj(s, res, "message", f->message);

  cJSON *phys = obj(s, push_obj(s, arr(s, res, "locations")),
                    "physicalLocation");
  artifact_location(s, obj(s, phys, "artifactLocation"), r->path, artifact);
  region(s, phys, f->line, f->column, f->end_line, f->end_column);
  snippets(s, phys, f);

  if (f->nrelated) {
    cJSON *rel = arr(s, res, "relatedLocations");
    for (uint32_t k = 0; k < f->nrelated; k++) {
      const ll_related *rl = &f->related[k];
      cJSON *loc = push_obj(s, rel);
      num(s, loc, "id", k + 1);
      cJSON *rp = obj(s, loc, "physicalLocation");
      artifact_location(s, obj(s, rp, "artifactLocation"), r->path, artifact);
      region(s, rp, rl->line, rl->column, rl->end_line, rl->end_column);
      text_obj(s, loc, "message", rl->message);
    }
  }
  if (f->help || f->confirm) {
    cJSON *props = obj(s, res, "properties");
    if (f->help) str(s, props, "help", f->help);
    if (f->confirm && props) { /* the same object as in the JSON report */
      cJSON *c = ll__confirm_json(f->confirm);
      if (!c || !cJSON_AddItemToObject(props, "confirm", c)) {
        cJSON_Delete(c);
        s->ok = false;
      }
    }
  }
}

/* The file's artifact entry; `sourceLanguage` from the extension. */
static void artifact(sarif_ctx *s, cJSON *artifacts, const ll_file_result *r) {
  cJSON *a = push_obj(s, artifacts);
  artifact_location(s, obj(s, a, "location"), r->path, -1);
  const char *dot = r->path ? strrchr(r->path, '.') : NULL;
  const char *ext = dot ? dot + 1 : "";
  const char *lang = r->lang == LL_LANG_C ? "c" : "javascript";
  if (r->lang == LL_LANG_JS &&
      (!strcmp(ext, "ts") || !strcmp(ext, "tsx") || !strcmp(ext, "mts") ||
       !strcmp(ext, "cts")))
    lang = "typescript";
  if (r->lang != LL_LANG_ANY) str(s, a, "sourceLanguage", lang);
  num(s, a, "length", (double)r->bytes);
}

static bool passes(const sarif_ctx *s, const ll_finding *f) {
  return f->severity > LL_SEV_OFF && f->severity >= s->min;
}

ll_status ll_output_sarif(FILE *out, const ll_file_result *const *results,
                          size_t n, const ll_run_summary *summary,
                          const ll_output_opts *opts) {
  char cwd[4096];
  sarif_ctx s = {opts ? opts->min_severity : LL_SEV_DEFAULT, true,
                 getcwd(cwd, sizeof cwd) ? cwd : NULL};
  cJSON *root = cJSON_CreateObject();
  if (!root) return LL_ENOMEM;

  str(&s, root, "$schema", SARIF_SCHEMA);
  str(&s, root, "version", "2.1.0");
  cJSON *run = push_obj(&s, arr(&s, root, "runs"));
  cJSON *driver = obj(&s, obj(&s, run, "tool"), "driver");
  str(&s, driver, "name", "leaklint");
  str(&s, driver, "version", LL_VERSION);
  str(&s, driver, "semanticVersion", LL_VERSION);
  cJSON *rules = arr(&s, driver, "rules");
  for (size_t i = 0; i < LL_RULE_COUNT; i++) rule(&s, rules, i);

  cJSON *inv = push_obj(&s, arr(&s, run, "invocations"));
  boolean(&s, inv, "executionSuccessful", true);
  cJSON *iprops = obj(&s, inv, "properties");
  num(&s, iprops, "files", (double)(summary ? summary->files : n));
  num(&s, iprops, "durationMs",
      summary && summary->duration_ms > 0 ? (double)(long long)(
                                                summary->duration_ms + 0.5)
                                          : 0);
  original_uri_base_ids(&s, run);

  cJSON *artifacts = arr(&s, run, "artifacts");
  cJSON *res = arr(&s, run, "results");
  long nart = 0;
  for (size_t i = 0; i < n; i++) {
    const ll_file_result *r = results[i];
    if (!r) continue;
    bool any = false;
    for (size_t k = 0; k < r->count; k++) {
      if (!passes(&s, &r->findings[k])) continue;
      if (!any) artifact(&s, artifacts, r);
      any = true;
      result(&s, res, r, &r->findings[k], nart);
    }
    nart += any;
  }
  str(&s, run, "columnKind", "utf16CodeUnits");

  ll_status st = s.ok ? ll__json_print(out, root) : LL_ENOMEM;
  cJSON_Delete(root);
  return st;
}
