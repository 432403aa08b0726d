/* JSON output: schema version 1 of DESIGN.md ("JSON output"), a contract that
 * CI scripts and editors parse.
 *
 *   { "version": 1, "tool": { "name": "leaklint", "version": "X.Y.Z" },
 *     "findings": [ { "rule", "severity", "message", "help"?, "file",
 *                     "line", "column", "endLine", "endColumn", "language",
 *                     "related": [ { "file", "line", "column", "endLine",
 *                                    "endColumn", "message" } ],
 *                     "confirm"?: output/confirm.h, only with --confirm } ],
 *     "summary": { "files", "errors", "warnings", "infos", "durationMs" } }
 *
 * Invariants: every key of the schema is always present with its type (an
 * empty `related` is `[]`, never missing); keys are only ever added, never
 * renamed or removed (`help`, `infos` and the related end positions are such
 * additions). Findings below `min_severity` are neither written nor counted.
 * The report ends with a newline. This module never prints anything but the
 * report and never exits. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "base/utf8.h"
#include "output/confirm.h"
#include "output/json_print.h"
#include "output/output.h"

/* ==== Printing ==== */

static void put_string(FILE *out, const char *str) {
  const unsigned char *s = (const unsigned char *)(str ? str : "");
  fputc('"', out);
  while (*s) {
    unsigned c = *s;
    if (c >= 0x80) { /* copy a whole valid sequence, else U+FFFD */
      size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 1;
      size_t have = 1;
      while (have < len && s[have]) have++;
      if (have == len && len > 1 && ll_utf8_valid((const char *)s, len, NULL)) {
        fwrite(s, 1, len, out);
        s += len;
      } else {
        fputs("\\ufffd", out);
        s++;
      }
      continue;
    }
    switch (c) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    case '\b': fputs("\\b", out); break;
    case '\f': fputs("\\f", out); break;
    default:
      if (c < 0x20 || c == 0x7F) fprintf(out, "\\u%04x", c);
      else fputc((int)c, out);
    }
    s++;
  }
  fputc('"', out);
}

static void put_number(FILE *out, double v) {
  if (!isfinite(v)) fputs("null", out);
  else if (v == floor(v) && fabs(v) < 9007199254740992.0)
    fprintf(out, "%.0f", v);
  else { /* the shortest of 15 or 17 digits that reads back as `v` */
    char buf[32];
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v) snprintf(buf, sizeof buf, "%.17g", v);
    fputs(buf, out);
  }
}

static void indent(FILE *out, int depth) {
  for (int i = 0; i < depth; i++) fputs("  ", out);
}

static void put_value(FILE *out, const cJSON *item, int depth) {
  if (cJSON_IsString(item)) put_string(out, item->valuestring);
  else if (cJSON_IsNumber(item)) put_number(out, item->valuedouble);
  else if (cJSON_IsTrue(item)) fputs("true", out);
  else if (cJSON_IsFalse(item)) fputs("false", out);
  else if (cJSON_IsRaw(item)) fputs(item->valuestring, out);
  else if (cJSON_IsArray(item) || cJSON_IsObject(item)) {
    bool object = cJSON_IsObject(item);
    if (!item->child) {
      fputs(object ? "{}" : "[]", out);
      return;
    }
    fputc(object ? '{' : '[', out);
    for (const cJSON *c = item->child; c; c = c->next) {
      fputc('\n', out);
      indent(out, depth + 1);
      if (object) {
        put_string(out, c->string);
        fputs(": ", out);
      }
      put_value(out, c, depth + 1);
      if (c->next) fputc(',', out);
    }
    fputc('\n', out);
    indent(out, depth);
    fputc(object ? '}' : ']', out);
  } else {
    fputs("null", out);
  }
}

ll_status ll__json_print(FILE *out, const cJSON *item) {
  put_value(out, item, 0);
  fputc('\n', out);
  return fflush(out) != 0 || ferror(out) ? LL_EIO : LL_OK;
}

/* ==== Building the report ==== */

/* cJSON reports allocation failure by returning NULL from each constructor;
 * `ok` collects that so one check at the end covers the whole tree. */
typedef struct json_ctx {
  ll_severity min;
  bool ok;
} json_ctx;

static cJSON *add_str(json_ctx *j, cJSON *obj, const char *key,
                      const char *val) {
  cJSON *v = cJSON_AddStringToObject(obj, key, val ? val : "");
  if (!v) j->ok = false;
  return v;
}

static void add_num(json_ctx *j, cJSON *obj, const char *key, double val) {
  if (!cJSON_AddNumberToObject(obj, key, val)) j->ok = false;
}

static cJSON *add_obj(json_ctx *j, cJSON *obj, const char *key) {
  cJSON *v = cJSON_AddObjectToObject(obj, key);
  if (!v) j->ok = false;
  return v;
}

static cJSON *add_arr(json_ctx *j, cJSON *obj, const char *key) {
  cJSON *v = cJSON_AddArrayToObject(obj, key);
  if (!v) j->ok = false;
  return v;
}

static bool passes(const json_ctx *j, const ll_finding *f) {
  return f->severity > LL_SEV_OFF && f->severity >= j->min;
}

static void related(json_ctx *j, cJSON *arr, const char *file,
                    const ll_related *r) {
  cJSON *o = cJSON_CreateObject();
  if (!o || !cJSON_AddItemToArray(arr, o)) {
    cJSON_Delete(o);
    j->ok = false;
    return;
  }
  add_str(j, o, "file", file);
  add_num(j, o, "line", r->line);
  add_num(j, o, "column", r->column);
  if (r->end_line) {
    add_num(j, o, "endLine", r->end_line);
    add_num(j, o, "endColumn", r->end_column);
  }
  add_str(j, o, "message", r->message);
}

static void finding(json_ctx *j, cJSON *arr, const ll_file_result *r,
                    const ll_finding *f) {
  cJSON *o = cJSON_CreateObject();
  if (!o || !cJSON_AddItemToArray(arr, o)) {
    cJSON_Delete(o);
    j->ok = false;
    return;
  }
  const ll_rule_info *info = ll_rule_get(f->rule);
  add_str(j, o, "rule", info ? info->id : "unknown-rule");
  add_str(j, o, "severity", ll_severity_name(f->severity));
  add_str(j, o, "message", f->message);
  if (f->help) add_str(j, o, "help", f->help);
  add_str(j, o, "file", r->path);
  add_num(j, o, "line", f->line);
  add_num(j, o, "column", f->column);
  add_num(j, o, "endLine", f->end_line);
  add_num(j, o, "endColumn", f->end_column);
  add_str(j, o, "language", ll_lang_name(r->lang));
  cJSON *rel = add_arr(j, o, "related");
  for (uint32_t k = 0; rel && k < f->nrelated; k++)
    related(j, rel, r->path, &f->related[k]);
  if (f->confirm) { /* only when the run used --confirm */
    cJSON *c = ll__confirm_json(f->confirm);
    if (!c || !cJSON_AddItemToObject(o, "confirm", c)) {
      cJSON_Delete(c);
      j->ok = false;
    }
  }
}

ll_status ll_output_json(FILE *out, const ll_file_result *const *results,
                         size_t n, const ll_run_summary *summary,
                         const ll_output_opts *opts) {
  json_ctx j = {opts ? opts->min_severity : LL_SEV_DEFAULT, true};
  size_t errors = 0, warnings = 0, infos = 0;
  ll_status st = LL_OK;
  cJSON *root = cJSON_CreateObject();
  if (!root) return LL_ENOMEM;

  add_num(&j, root, "version", 1);
  cJSON *tool = add_obj(&j, root, "tool");
  if (tool) {
    add_str(&j, tool, "name", "leaklint");
    add_str(&j, tool, "version", LL_VERSION);
  }
  cJSON *arr = add_arr(&j, root, "findings");
  for (size_t i = 0; arr && i < n; i++) {
    const ll_file_result *r = results[i];
    if (!r) continue;
    for (size_t k = 0; k < r->count; k++) {
      const ll_finding *f = &r->findings[k];
      if (!passes(&j, f)) continue;
      if (f->severity == LL_SEV_ERROR) errors++;
      else if (f->severity == LL_SEV_WARNING) warnings++;
      else infos++;
      finding(&j, arr, r, f);
    }
  }
  cJSON *sum = add_obj(&j, root, "summary");
  if (sum) {
    double ms = summary ? summary->duration_ms : 0;
    add_num(&j, sum, "files", (double)(summary ? summary->files : n));
    add_num(&j, sum, "errors", (double)errors);
    add_num(&j, sum, "warnings", (double)warnings);
    add_num(&j, sum, "infos", (double)infos);
    add_num(&j, sum, "durationMs", ms > 0 ? floor(ms + 0.5) : 0);
  }
  st = j.ok ? ll__json_print(out, root) : LL_ENOMEM;
  cJSON_Delete(root);
  return st;
}
