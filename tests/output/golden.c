/* Golden-file helpers (see golden.h). */
#include "golden.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *ll_golden_run(ll_output_fn fn, const ll_sample *s,
                    const ll_output_opts *o, ll_status *st) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  cr_assert_not_null(mem);
  *st = fn(mem, s->ptrs, s->n, &s->summary, o);
  fclose(mem);
  return buf;
}

char *ll_golden_replace(char *text, const char *from, const char *to) {
  size_t fl = strlen(from), tl = strlen(to), count = 0;
  for (const char *p = text; (p = strstr(p, from)); p += fl) count++;
  char *out = malloc(strlen(text) + count * (tl > fl ? tl - fl : 0) + 1);
  cr_assert_not_null(out);
  char *w = out;
  const char *p = text;
  for (const char *hit; (hit = strstr(p, from)); p = hit + fl) {
    memcpy(w, p, (size_t)(hit - p));
    w += hit - p;
    memcpy(w, to, tl);
    w += tl;
  }
  strcpy(w, p);
  free(text);
  return out;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t len = 0, cap = 0, got;
  char chunk[4096];
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (len + got + 1 > cap) {
      cap = (len + got + 1) * 2;
      buf = realloc(buf, cap);
      cr_assert_not_null(buf);
    }
    memcpy(buf + len, chunk, got);
    len += got;
  }
  fclose(f);
  if (!buf) buf = calloc(1, 1);
  else buf[len] = '\0';
  return buf;
}

void ll_golden_check(const char *name, const char *actual) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/output/%s", LL_SOURCE_DIR, name);
  const char *update = getenv("LL_UPDATE_GOLDEN");
  if (update && *update && strcmp(update, "0") != 0) {
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    fputs(actual, f);
    fclose(f);
    return;
  }
  char *expected = slurp(path);
  cr_assert_not_null(expected,
                     "%s is missing: run the test with LL_UPDATE_GOLDEN=1",
                     path);
  if (strcmp(expected, actual) != 0) {
    /* Name the first line that differs: far easier to read than a dump. */
    const char *e = expected, *a = actual;
    int line = 1;
    while (*e && *e == *a) {
      if (*e == '\n') line++;
      e++, a++;
    }
    const char *el = e, *al = a;
    while (el > expected && el[-1] != '\n') el--;
    while (al > actual && al[-1] != '\n') al--;
    int en = (int)strcspn(el, "\n"), an = (int)strcspn(al, "\n");
    cr_assert_fail("%s differs at line %d (LL_UPDATE_GOLDEN=1 rewrites it)"
                   ":\n  expected: %.*s\n  actual:   %.*s",
                   name, line, en, el, an, al);
  }
  free(expected);
}
