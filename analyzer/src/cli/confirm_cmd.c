/* `leaklint confirm FILE:LINE[:COL] --rule RULE`: confirms one site by
 * running it, whether or not the static rule flags it (the oracle corpus
 * and people checking a suspicion use it). Prints the verdict line, or the
 * `{ "confirm": … }` object with --format json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/alloc.h"
#include "cli/cli.h"
#include "cli/confirm.h"
#include "cli/confirm_runtime.h"
#include "cli/files.h"
#include "output/confirm.h"
#include "output/json_print.h"

void ll_cli_confirm_help(FILE *out) {
  fputs("usage: leaklint confirm FILE:LINE[:COL] --rule RULE [options]\n"
        "Runs the code around one site many times and says whether what RULE\n"
        "is about (live timers, listeners, globals, retained bytes) grows per\n"
        "call: confirmed (exit 1), refuted or inconclusive (exit 0).\n"
        "  --rule RULE           the rule whose metric to measure (required)\n"
        "  --format text|json    the verdict line, or { \"confirm\": {...} }\n"
        "  --rounds LIST         cumulative calls per round (default 1,10,100)\n"
        "  --advance MS          virtual ms between calls (default 1000)\n"
        "  --max-steps N         instruction budget per entry tried\n"
        "  --timeout MS          CPU-time cap (default 2000; 10x in wall time)\n",
        out);
}

/* Byte offset of 1-based `line`:`col` (col in UTF-16 units) in `text`, or
 * -1 when the file has no such line. */
static long offset_of(const char *text, size_t len, unsigned long line,
                      unsigned long col) {
  size_t i = 0;
  for (unsigned long l = 1; l < line; l++) {
    const char *nl = memchr(text + i, '\n', len - i);
    if (!nl) return -1;
    i = (size_t)(nl - text) + 1;
  }
  if (i > len) return -1;
  if (!col) { /* no column: the line's first character that is not a blank */
    while (i < len && (text[i] == ' ' || text[i] == '\t')) i++;
    return (long)(i < len ? i : len);
  }
  for (unsigned long u = 1; u < col && i < len && text[i] != '\n';) {
    unsigned char c = (unsigned char)text[i];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    u += n == 4 ? 2 : 1; /* astral characters are two UTF-16 units */
    i += n;
  }
  return (long)(i < len ? i : len);
}

/* FILE:LINE:COL, or FILE:LINE (then `*col` is 0). */
static bool parse_site(char *arg, char **file, unsigned long *line, unsigned long *col) {
  *col = 0;
  char *last = strrchr(arg, ':');
  if (!last || last == arg) return false;
  char *end;
  unsigned long a = strtoul(last + 1, &end, 10);
  if (*end || !a) return false;
  *last = 0;
  char *prev = strrchr(arg, ':');
  if (prev && prev != arg) {
    unsigned long b = strtoul(prev + 1, &end, 10);
    if (!*end && b) {
      *prev = 0;
      *line = b;
      *col = a;
      *file = arg;
      return true;
    }
  }
  *line = a;
  *file = arg;
  return true;
}

int ll_cli_confirm_cmd(int argc, char **argv) {
  ll_confirm_settings s = {.on = true};
  const char *rule = NULL, *format = "text";
  char *site = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      ll_cli_confirm_help(stdout);
      return LL_EXIT_OK;
    } else if (!strcmp(a, "--rule") && v) {
      rule = v, i++;
    } else if (!strcmp(a, "--format") && v) {
      format = v, i++;
      if (strcmp(format, "text") && strcmp(format, "json")) {
        ll_cli_diag("confirm: --format %s: expected text or json", format);
        return LL_EXIT_FAILURE;
      }
    } else if (!strcmp(a, "--rounds") && v) {
      if (!ll_confirm_parse_rounds(&s, v)) {
        ll_cli_diag("confirm: --rounds %s: expected at least two ascending call "
                    "counts, e.g. 1,10,100", v);
        return LL_EXIT_FAILURE;
      }
      i++;
    } else if ((!strcmp(a, "--advance") || !strcmp(a, "--timeout") ||
                !strcmp(a, "--max-steps")) && v) {
      char *end;
      double d = strtod(v, &end);
      if (*end || !(d > 0)) {
        ll_cli_diag("confirm: %s %s: expected a positive number", a, v);
        return LL_EXIT_FAILURE;
      }
      if (a[2] == 'a') s.advance_ms = d;
      else if (a[2] == 't') s.max_ms = d;
      else s.max_steps = (uint64_t)d;
      i++;
    } else if (a[0] == '-') {
      ll_cli_diag("confirm: unknown option or missing value '%s' (`leaklint confirm "
                  "--help`)", a);
      return LL_EXIT_FAILURE;
    } else if (!site) {
      site = argv[i];
    } else {
      ll_cli_diag("confirm: one site at a time ('%s')", a);
      return LL_EXIT_FAILURE;
    }
  }
  if (!site || !rule) {
    ll_cli_diag("confirm: %s", !site ? "expected FILE:LINE[:COL]" : "--rule RULE is required");
    ll_cli_confirm_help(stderr);
    return LL_EXIT_FAILURE;
  }
  int idx = ll_rule_find(rule);
  const ll_rule_info *info = idx >= 0 ? ll_rule_get((size_t)idx) : NULL;
  if (!info || info->lang != LL_LANG_JS) {
    ll_cli_diag("confirm: --rule %s: %s", rule,
                info ? "only JavaScript rules are confirmed by running"
                     : "unknown rule id (`leaklint rules` lists them)");
    return LL_EXIT_FAILURE;
  }
  char *copy = ll_strdup(site), *file = NULL;
  unsigned long line = 0, col = 0;
  if (!copy || !parse_site(copy, &file, &line, &col)) {
    ll_cli_diag("confirm: '%s': expected FILE:LINE or FILE:LINE:COL", site);
    ll_free(copy);
    return LL_EXIT_FAILURE;
  }
  char *text = NULL;
  size_t len = 0;
  ll_error err = {0};
  if (ll_read_file(file, SIZE_MAX, &text, &len, &err) != LL_OK) {
    ll_cli_diag("%s", err.message);
    ll_free(copy);
    return LL_EXIT_FAILURE;
  }
  long off = offset_of(text, len, line, col);
  if (off < 0) {
    ll_cli_diag("confirm: %s has no line %lu", file, line);
    ll_free(text);
    ll_free(copy);
    return LL_EXIT_FAILURE;
  }
  ll_confirm c = {0};
  ll_cli_confirmer()(&s, file, text, len, rule, (uint32_t)off, (uint32_t)off + 1, &c);
  int code = c.status == LL_CONFIRM_CONFIRMED ? LL_EXIT_FINDINGS : LL_EXIT_OK;
  if (!strcmp(format, "json")) {
    cJSON *root = cJSON_CreateObject(), *cj = ll__confirm_json(&c);
    if (!root || !cj || !cJSON_AddItemToObject(root, "confirm", cj) ||
        ll__json_print(stdout, root) != LL_OK) {
      if (!root || !cJSON_GetObjectItem(root, "confirm")) cJSON_Delete(cj);
      ll_cli_diag("confirm: cannot write the report");
      code = LL_EXIT_FAILURE;
    }
    cJSON_Delete(root);
  } else {
    char buf[480];
    ll__confirm_line(&c, buf, sizeof buf);
    if (col) printf("%s:%lu:%lu: %s  %s\n", file, line, col, buf, rule);
    else printf("%s:%lu: %s  %s\n", file, line, buf, rule);
  }
  ll_free(text);
  ll_free(copy);
  return code;
}
