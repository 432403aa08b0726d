/* The parse-only floor of the benchmark (tests/bench/run.sh): reads each file
 * named on the command line (or one path per line on stdin with `-`), parses
 * it with the same grammar leaklint uses, and frees the tree. No scopes, no
 * rules, no node view: the least any tree-sitter-based checker must spend.
 * It reuses one parser per dialect and one thread, and prints one summary
 * line, "N files, B bytes, U unreadable", which run.sh reads. */
#define _POSIX_C_SOURCE 200809L /* getline */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "frontend/js/js.h"
#include "frontend/js/lang.h"

static int parse_file(TSParser *parsers[3], const char *path, size_t *bytes) {
  FILE *f = fopen(path, "rb");
  if (!f) return 1;
  long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
  char *buf =
      n < 0 || fseek(f, 0, SEEK_SET) != 0 ? NULL : malloc((size_t)n + 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    fclose(f);
    return 1;
  }
  fclose(f);
  TSParser *p = parsers[ll_js_dialect_for_path(path)];
  TSTree *t = ts_parser_parse_string(p, NULL, buf, (uint32_t)n);
  ts_tree_delete(t);
  free(buf);
  *bytes += (size_t)n;
  return 0;
}

int main(int argc, char **argv) {
  TSParser *parsers[3];
  for (int d = 0; d < 3; d++) {
    parsers[d] = ts_parser_new();
    ts_parser_set_language(parsers[d], ll__js_lang_table(d)->language);
  }
  size_t files = 0, bytes = 0;
  int failed = 0;
  if (argc == 2 && strcmp(argv[1], "-") == 0) {
    char *line = NULL; /* getline: no limit on the length of a path */
    size_t cap = 0;
    while (getline(&line, &cap, stdin) != -1) {
      line[strcspn(line, "\n")] = '\0';
      if (!*line) continue;
      failed += parse_file(parsers, line, &bytes);
      files++;
    }
    free(line);
  } else {
    for (int i = 1; i < argc; i++, files++)
      failed += parse_file(parsers, argv[i], &bytes);
  }
  for (int d = 0; d < 3; d++) ts_parser_delete(parsers[d]);
  printf("%zu files, %zu bytes, %d unreadable\n", files, bytes, failed);
  return failed ? 1 : 0;
}
