/* The small subcommands (`rules`, `explain`, help and version) and the
 * helpers every CLI module shares: the diagnostic channel, severity words,
 * sizes for messages, and rule-id suggestions.
 *
 * Everything here reads the static rule catalogue only; nothing keeps
 * state between calls. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

/* ==== Shared helpers ==== */

void ll_cli_diag(const char *fmt, ...) {
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fprintf(stderr, "leaklint: %s\n", buf); /* one write per line: threads */
}

char *ll_cli_format_size(char *buf, size_t cap, size_t n) {
  if (n < 1024)
    snprintf(buf, cap, "%zu bytes", n);
  else if (n < ((size_t)1 << 20))
    snprintf(buf, cap, "%zu bytes (%.1f KiB)", n, (double)n / 1024.0);
  else
    snprintf(buf, cap, "%zu bytes (%.1f MiB)", n, (double)n / 1048576.0);
  return buf;
}

bool ll_cli_parse_severity(const char *s, ll_severity *out) {
  static const struct {
    const char *word;
    ll_severity sev;
  } words[] = {
      {"off", LL_SEV_OFF},         {"0", LL_SEV_OFF},
      {"info", LL_SEV_INFO},       {"warn", LL_SEV_WARNING},
      {"warning", LL_SEV_WARNING}, {"1", LL_SEV_WARNING},
      {"error", LL_SEV_ERROR},     {"2", LL_SEV_ERROR},
  };
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (!strcmp(s, words[i].word)) return *out = words[i].sev, true;
  return false;
}

/* Levenshtein distance, for ids of up to 63 bytes (longer: "far"). */
static size_t edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 63 || lb > 63) return 64;
  size_t row[64];
  for (size_t j = 0; j <= lb; j++) row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

const char *ll_cli_suggest_rule(const char *id) {
  const char *best = NULL;
  size_t best_d = (size_t)-1, n = strlen(id);
  size_t limit = n / 3 > 2 ? n / 3 : 2;
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *r = ll_rule_get(i);
    if (!r) continue;
    size_t d = edit_distance(id, r->id);
    if (d < best_d) best_d = d, best = r->id;
  }
  return best_d <= limit ? best : NULL;
}

/* ==== rules ==== */

int ll_cli_rules(int argc, char **argv, FILE *out) {
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      fputs("Usage: leaklint rules\n\nLists every rule: id, language, "
            "default severity, category and what it finds.\n`leaklint "
            "explain ID` shows a rule's documentation.\n", out);
      return LL_EXIT_OK;
    }
    ll_cli_diag("rules: unexpected argument '%s'", argv[i]);
    return LL_EXIT_FAILURE;
  }
  int w_id = (int)strlen("RULE"), w_cat = (int)strlen("CATEGORY");
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *r = ll_rule_get(i);
    if (!r) continue;
    int n = (int)strlen(r->id), c = (int)strlen(ll_category_name(r->category));
    if (n > w_id) w_id = n;
    if (c > w_cat) w_cat = c;
  }
  fprintf(out, "%-*s  %-8s  %-8s  %-*s  %s\n", w_id, "RULE", "LANGUAGE",
          "SEVERITY", w_cat, "CATEGORY", "DESCRIPTION");
  for (size_t i = 0; i < LL_RULE_COUNT; i++) {
    const ll_rule_info *r = ll_rule_get(i);
    if (!r) continue;
    fprintf(out, "%-*s  %-8s  %-8s  %-*s  %s\n", w_id, r->id,
            ll_lang_name(r->lang), ll_severity_name(r->severity), w_cat,
            ll_category_name(r->category), r->description);
  }
  return LL_EXIT_OK;
}

/* ==== explain ==== */

int ll_cli_explain(int argc, char **argv, FILE *out) {
  if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    fputs("Usage: leaklint explain RULE\n\nPrints the rule's documentation: "
          "what it finds, why it matters, examples,\noptions and when not to "
          "use it. `leaklint rules` lists the ids.\n", out);
    return LL_EXIT_OK;
  }
  if (argc != 2) {
    ll_cli_diag("explain: expected one rule id, e.g. `leaklint explain "
                "no-uncleared-interval`");
    return LL_EXIT_FAILURE;
  }
  int idx = ll_rule_find(argv[1]);
  if (idx < 0) {
    const char *s = ll_cli_suggest_rule(argv[1]);
    if (s)
      ll_cli_diag("unknown rule id \"%s\"; did you mean \"%s\"? (`leaklint "
                  "rules` lists them)", argv[1], s);
    else
      ll_cli_diag("unknown rule id \"%s\" (`leaklint rules` lists them)",
                  argv[1]);
    return LL_EXIT_FAILURE;
  }
  size_t len = 0;
  const char *docs = ll_rule_docs((size_t)idx, &len);
  if (!docs) {
    ll_cli_diag("%s: no documentation was built in", argv[1]);
    return LL_EXIT_FAILURE;
  }
  fwrite(docs, 1, len, out);
  if (len && docs[len - 1] != '\n') fputc('\n', out);
  return LL_EXIT_OK;
}

/* ==== help and version ==== */

void ll_cli_version(FILE *out) { fprintf(out, "leaklint %s\n", LL_VERSION); }

void ll_cli_help(FILE *out) {
  fputs(
      "Usage: leaklint <command> [options]\n"
      "\n"
      "Finds memory and resource leaks in JavaScript, TypeScript and C.\n"
      "\n"
      "Commands:\n"
      "  check [PATH...]   check files and folders (default: .)\n"
      "  rules             list the rules\n"
      "  explain RULE      show a rule's documentation\n"
      "  lsp               run the language server for editors (stdio)\n"
      "  confirm FILE:LINE --rule RULE\n"
      "                    run one site many times: does it leak? "
      "(`leaklint confirm --help`)\n"
      "  run FILE.js       execute a file with leaklint's engine "
      "(`leaklint run --help`)\n"
      "\n"
      "Options:\n"
      "  -h, --help        show this help (`leaklint check --help` for "
      "check's options)\n"
      "  --version         show the version\n"
      "\n"
      "Exit codes: 0 no error-level finding; 1 error-level findings (or too "
      "many\nwarnings); 2 usage, configuration or input errors.\n",
      out);
}

void ll_cli_check_help(FILE *out) {
  fputs(
      "Usage: leaklint check [options] [PATH...]\n"
      "\n"
      "Checks JavaScript and TypeScript files (.js .mjs .cjs .jsx .ts .mts "
      ".cts .tsx).\nFolders are walked recursively, skipping node_modules, "
      ".git, build, dist, out,\ncoverage and what .gitignore or the config's "
      "\"ignore\" exclude. Without a PATH,\nthe current folder is checked.\n"
      "\n"
      "Output:\n"
      "  -f, --format FMT          text (default), json or sarif\n"
      "  -o, --output-file FILE    write the report to FILE (replaced only "
      "when complete)\n"
      "  -q, --quiet               report errors only\n"
      "  --color WHEN              auto (default: on a terminal, unless "
      "NO_COLOR is set),\n"
      "                            always or never\n"
      "  --max-warnings N          exit with 1 when there are more than N "
      "warnings\n"
      "\n"
      "Configuration:\n"
      "  -c, --config FILE         use FILE instead of searching for "
      ".leaklintrc.json\n"
      "  --rule ID=SEVERITY        set a rule to off, warn or error "
      "(repeatable)\n"
      "  --env LIST                known globals: node, browser, worker, "
      "commonjs\n"
      "                            (comma-separated; default node,browser)\n"
      "  --report-unused-disables  report suppression comments that suppress "
      "nothing\n"
      "  --max-file-size BYTES     skip larger files with an error (default "
      "4M)\n"
      "  --no-ignore               check what .gitignore, \"ignore\" and the "
      "default\n"
      "                            skips would exclude\n"
      "  --compile-commands DIR    C files: take compiler flags from "
      "DIR/compile_commands.json\n"
      "                            (default: the nearest one above each file, "
      "or in build/)\n"
      "\n"
      "Confirmation (JavaScript findings, by running them):\n"
      "  --confirm                 run each finding's code many times and add "
      "its verdict:\n"
      "                            confirmed, refuted or inconclusive, with the "
      "evidence\n"
      "  --confirm-only            drop refuted and inconclusive findings "
      "(implies\n"
      "                            --confirm; C findings and parse errors "
      "stay)\n"
      "  --confirm-rounds LIST     cumulative calls per round (default "
      "1,10,100)\n"
      "  --confirm-advance MS      virtual ms between calls (default 1000)\n"
      "  --confirm-max-steps N     instruction budget per entry tried "
      "(default 50000000)\n"
      "  --confirm-heap-cap BYTES  heap cap per run (default 256M)\n"
      "  --confirm-timeout MS      CPU-time cap per finding (default 2000)\n"
      "\n"
      "Input:\n"
      "  --stdin                   check the text on standard input\n"
      "  --stdin-filename NAME     its file name (default <stdin>.js)\n"
      "  -j, --jobs N              threads (default 0: all cores)\n"
      "\n"
      "Exit codes: 0 no error-level finding; 1 error-level findings or more "
      "than\n--max-warnings warnings; 2 usage, configuration or input "
      "errors.\n",
      out);
}
