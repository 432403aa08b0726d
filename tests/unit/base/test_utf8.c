/* utf8.c: UTF-8 validation (overlongs, surrogates, out-of-range, truncated
 * and stray bytes, with the offset of the first bad sequence), binary
 * detection, and UTF-16 lengths including astral characters. */
#include "../helpers.h"
#include "base/utf8.h"

TestSuite(utf8, .fini = unit_teardown);

/* Validates `s[0..n)` from an exactly sized heap copy, so reading past `n`
 * trips AddressSanitizer. */
static bool valid_n(const char *s, size_t n, size_t *bad) {
  char *copy = calloc(n ? n : 1, 1);
  memcpy(copy, s, n);
  bool ok = ll_utf8_valid(copy, n, bad);
  free(copy);
  return ok;
}

#define VALID(lit) valid_n((lit), sizeof(lit) - 1, NULL)

/* Asserts that `lit` is invalid with its first bad sequence at `at`. */
#define INVALID_AT(lit, at)                                             \
  do {                                                                  \
    size_t bad_ = (size_t)-1;                                           \
    cr_assert(!valid_n((lit), sizeof(lit) - 1, &bad_), "accepted %s", #lit); \
    cr_assert_eq(bad_, (size_t)(at), "%s: bad at %zu, want %zu", #lit,  \
                 bad_, (size_t)(at));                                   \
  } while (0)

Test(utf8, empty_and_ascii_are_valid) {
  cr_assert(valid_n("", 0, NULL));
  cr_assert(VALID("let x = 1;\n\t\x7f"));
}

Test(utf8, multibyte_characters_of_every_length_are_valid) {
  cr_assert(VALID("\xC3\xA9"));         /* é U+00E9 */
  cr_assert(VALID("\xC2\x80"));         /* U+0080, smallest 2-byte */
  cr_assert(VALID("\xDF\xBF"));         /* U+07FF */
  cr_assert(VALID("\xE0\xA0\x80"));     /* U+0800, smallest 3-byte */
  cr_assert(VALID("\xE2\x82\xAC"));     /* € U+20AC */
  cr_assert(VALID("\xEF\xBF\xBF"));     /* U+FFFF */
  cr_assert(VALID("\xF0\x90\x80\x80")); /* U+10000, smallest 4-byte */
  cr_assert(VALID("\xF0\x9F\x98\x80")); /* 😀 U+1F600 */
  cr_assert(VALID("\xF4\x8F\xBF\xBF")); /* U+10FFFF, the largest */
}

Test(utf8, code_points_next_to_the_surrogates_are_valid) {
  cr_assert(VALID("\xED\x9F\xBF")); /* U+D7FF */
  cr_assert(VALID("\xEE\x80\x80")); /* U+E000 */
}

Test(utf8, overlong_encodings_are_invalid) {
  INVALID_AT("\xC0\x80", 0);             /* NUL in 2 bytes */
  INVALID_AT("\xC1\xBF", 0);             /* U+007F in 2 bytes */
  INVALID_AT("ab\xE0\x80\x80", 2);       /* NUL in 3 bytes */
  INVALID_AT("\xE0\x9F\xBF", 0);         /* U+07FF in 3 bytes */
  INVALID_AT("\xF0\x80\x80\x80", 0);     /* NUL in 4 bytes */
  INVALID_AT("\xF0\x8F\xBF\xBF", 0);     /* U+FFFF in 4 bytes */
  INVALID_AT("\xC0\xAF", 0);             /* the classic overlong '/' */
}

Test(utf8, surrogates_are_invalid) {
  INVALID_AT("\xED\xA0\x80", 0);         /* U+D800 */
  INVALID_AT("x\xED\xAD\xBF", 1);        /* U+DB7F */
  INVALID_AT("\xED\xB0\x80", 0);         /* U+DC00 */
  INVALID_AT("\xED\xBF\xBF", 0);         /* U+DFFF */
  INVALID_AT("\xED\xA0\xBD\xED\xB8\x80", 0); /* CESU-8 pair for 😀 */
}

Test(utf8, code_points_above_u10ffff_and_bad_lead_bytes_are_invalid) {
  INVALID_AT("\xF4\x90\x80\x80", 0);     /* U+110000 */
  INVALID_AT("\xF5\x80\x80\x80", 0);
  INVALID_AT("\xF7\xBF\xBF\xBF", 0);
  INVALID_AT("\xF8\x88\x80\x80\x80", 0); /* old 5-byte form */
  INVALID_AT("\xFC\x84\x80\x80\x80\x80", 0);
  INVALID_AT("ok\xFE", 2);
  INVALID_AT("ok\xFF", 2);
}

Test(utf8, stray_continuation_bytes_are_invalid) {
  INVALID_AT("\x80", 0);
  INVALID_AT("abc\xBF", 3);
  INVALID_AT("\xC3\xA9\xA9", 2); /* one continuation too many */
}

Test(utf8, bad_continuation_bytes_are_invalid) {
  INVALID_AT("\xC3(", 0);
  INVALID_AT("\xE2\x28\xA1", 0);
  INVALID_AT("\xE2\x82\x28", 0);
  INVALID_AT("\xF0\x9F\x98(", 0);
  INVALID_AT("\xC3\xC3\xA9", 0); /* a lead byte where a continuation goes */
}

Test(utf8, truncated_sequences_are_invalid) {
  INVALID_AT("\xC3", 0);
  INVALID_AT("a\xE2\x82", 1);
  INVALID_AT("ab\xF0\x9F\x98", 2);
  INVALID_AT("\xF0", 0);
}

Test(utf8, a_character_cut_by_the_length_is_invalid_and_not_read_past) {
  size_t bad = 99;
  cr_assert(!valid_n("x\xE2\x82\xAC", 3, &bad));
  cr_assert_eq(bad, 1);
  cr_assert(!valid_n("\xF0\x9F\x98\x80", 1, &bad));
  cr_assert_eq(bad, 0);
  cr_assert(valid_n("ab\xE2\x82\xAC", 2, &bad)); /* stops before it */
}

Test(utf8, bad_offset_is_the_first_invalid_sequence) {
  INVALID_AT("const s = '\xE2\x82\xAC'; \xFF \xFF", 17);
}

Test(utf8, bad_pointer_is_optional_and_untouched_when_valid) {
  size_t bad = 1234;
  cr_assert(!valid_n("\xFF", 1, NULL));
  cr_assert(valid_n("ok", 2, &bad));
  cr_assert_eq(bad, 1234);
}

Test(utf8, looks_binary_when_a_nul_is_in_the_first_8_kib) {
  char *buf = calloc(1, 10000);
  memset(buf, 'a', 10000);
  cr_assert(!ll_looks_binary(buf, 10000));
  buf[0] = '\0';
  cr_assert(ll_looks_binary(buf, 10000));
  buf[0] = 'a';
  buf[8191] = '\0';
  cr_assert(ll_looks_binary(buf, 10000));
  buf[8191] = 'a';
  buf[8192] = '\0'; /* past the first 8 KiB: text */
  cr_assert(!ll_looks_binary(buf, 10000));
  free(buf);
}

Test(utf8, looks_binary_only_reads_n_bytes) {
  cr_assert(!ll_looks_binary("abc\0def", 3));
  cr_assert(ll_looks_binary("abc\0def", 4));
  cr_assert(!ll_looks_binary("", 0));
}

Test(utf8, utf16_length_of_ascii_and_bmp_text) {
  cr_assert_eq(ll_utf16_len("", 0), 0);
  cr_assert_eq(ll_utf16_len("hello", 5), 5);
  cr_assert_eq(ll_utf16_len("\xC3\xA9", 2), 1);          /* é */
  cr_assert_eq(ll_utf16_len("\xE2\x82\xAC", 3), 1);      /* € */
  cr_assert_eq(ll_utf16_len("\xEF\xBF\xBF", 3), 1);      /* U+FFFF */
}

Test(utf8, utf16_length_counts_astral_characters_as_two_units) {
  cr_assert_eq(ll_utf16_len("\xF0\x9F\x98\x80", 4), 2);  /* 😀 */
  cr_assert_eq(ll_utf16_len("\xF0\x90\x80\x80", 4), 2);  /* U+10000 */
  cr_assert_eq(ll_utf16_len("\xF4\x8F\xBF\xBF", 4), 2);  /* U+10FFFF */
  /* "a😀é€b" = 1 + 2 + 1 + 1 + 1 */
  const char *mixed = "a\xF0\x9F\x98\x80\xC3\xA9\xE2\x82\xAC" "b";
  cr_assert_eq(ll_utf16_len(mixed, strlen(mixed)), 6);
}

Test(utf8, utf16_length_of_a_prefix_counts_only_that_prefix) {
  const char *s = "\xF0\x9F\x98\x80x\xF0\x9F\x98\x80";
  cr_assert_eq(ll_utf16_len(s, 4), 2);
  cr_assert_eq(ll_utf16_len(s, 5), 3);
  cr_assert_eq(ll_utf16_len(s, 9), 5);
}
