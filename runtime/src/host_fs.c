/* The file loader for embedders (llrt_host.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runtime/include/llrt_host.h"

char *llrt_host_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) { /* a folder opens too */
    fclose(f);
    return NULL;
  }
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  fclose(f);
  if (buf) *len = n;
  return buf;
}

char *llrt_host_load_file(void *ud, const char *from, const char *spec, size_t *len,
                          char **resolved) {
  (void)ud;
  if (spec[0] != '.' && spec[0] != '/') return NULL;
  char base[4096];
  snprintf(base, sizeof base, "%s", from);
  char *slash = strrchr(base, '/');
  if (slash) slash[1] = 0;
  else base[0] = 0;
  static const char *const exts[] = {"", ".js", ".mjs", ".cjs", "/index.js"};
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
    char path[8400];
    if (spec[0] == '/') snprintf(path, sizeof path, "%s%s", spec, exts[i]);
    else snprintf(path, sizeof path, "%s%s%s", base, spec, exts[i]);
    char *src = llrt_host_read_file(path, len);
    if (src) {
      *resolved = strdup(path);
      if (!*resolved) {
        free(src);
        return NULL;
      }
      return src;
    }
  }
  return NULL;
}
