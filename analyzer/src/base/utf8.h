/* UTF-8 validation and position conversion. Positions in findings are
 * 1-based lines and 1-based columns in UTF-16 code units, as ESLint, SARIF's
 * default `columnKind` and LSP report them. */
#ifndef LL_BASE_UTF8_H
#define LL_BASE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** True when `s[0..n)` is well-formed UTF-8. On false, `*bad` (if given) is
 * the byte offset of the first invalid sequence. */
bool ll_utf8_valid(const char *s, size_t n, size_t *bad);
/** True when the text looks binary: a NUL byte in its first 8 KiB. */
bool ll_looks_binary(const char *s, size_t n);
/** Number of UTF-16 code units in the UTF-8 text `s[0..n)`. */
uint32_t ll_utf16_len(const char *s, size_t n);

#endif
