/* UTF-8 checks and UTF-16 column arithmetic. Never reads past `n`. */
#include "base/utf8.h"

#include <string.h>

bool ll_utf8_valid(const char *str, size_t n, size_t *bad) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t len;
    unsigned min;
    if ((c & 0xE0) == 0xC0) len = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0) len = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0) len = 4, min = 0x10000;
    else goto invalid;
    if (i + len > n) goto invalid;
    unsigned cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) goto invalid;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      goto invalid;
    i += len;
  }
  return true;
invalid:
  if (bad) *bad = i;
  return false;
}

bool ll_looks_binary(const char *s, size_t n) {
  return memchr(s, '\0', n < 8192 ? n : 8192) != NULL;
}

uint32_t ll_utf16_len(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  uint32_t units = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = s[i];
    if ((c & 0xC0) == 0x80) continue; /* continuation byte */
    units += (c >= 0xF0) ? 2 : 1;     /* astral: a surrogate pair */
  }
  return units;
}
