/* status.c: the name and description of every status code, values, unknown
 * codes, and ll_error_set (fields, NULL record, truncation). */
#include <limits.h>

#include "../helpers.h"
#include "base/status.h"

TestSuite(status, .fini = unit_teardown);

static const struct {
  ll_status code;
  int value;
  const char *name, *text;
} expected[] = {
    {LL_OK, 0, "LL_OK", "success"},
    {LL_ENOMEM, -1, "LL_ENOMEM", "out of memory"},
    {LL_EIO, -2, "LL_EIO", "cannot read file"},
    {LL_ENOENT, -3, "LL_ENOENT", "no such file or directory"},
    {LL_ETOOBIG, -4, "LL_ETOOBIG", "file is over the size limit"},
    {LL_EBINARY, -5, "LL_EBINARY", "file is binary or not valid UTF-8"},
    {LL_ELANG, -6, "LL_ELANG", "unsupported file type"},
    {LL_ECONFIG, -7, "LL_ECONFIG", "invalid configuration"},
    {LL_EUSAGE, -8, "LL_EUSAGE", "invalid usage"},
    {LL_EPARSER, -9, "LL_EPARSER", "parser could not be initialised"},
    {LL_ELOOP, -10, "LL_ELOOP", "directory loop"},
    {LL_EINTERNAL, -11, "LL_EINTERNAL", "internal error"},
};
enum { NEXPECTED = sizeof expected / sizeof *expected };

Test(status, every_code_has_its_value_name_and_description) {
  for (size_t i = 0; i < NEXPECTED; i++) {
    cr_assert_eq((int)expected[i].code, expected[i].value, "%s",
                 expected[i].name);
    cr_assert_str_eq(ll_status_name(expected[i].code), expected[i].name);
    cr_assert_str_eq(ll_status_str(expected[i].code), expected[i].text);
  }
}

Test(status, the_table_covers_every_row_of_status_def) {
  size_t rows = 0;
#define LL_STATUS(name, value, text)                                  \
  rows++;                                                             \
  cr_assert_str_eq(ll_status_name(LL_##name), "LL_" #name);           \
  cr_assert_str_eq(ll_status_str(LL_##name), text);                   \
  cr_assert(LL_##name == LL_OK || LL_##name < 0, "%s is not negative", \
            #name);
#include "base/status.def"
#undef LL_STATUS
  cr_assert_eq(rows, NEXPECTED, "status.def has rows this suite lacks");
}

Test(status, codes_are_distinct) {
  for (size_t i = 0; i < NEXPECTED; i++)
    for (size_t k = i + 1; k < NEXPECTED; k++)
      cr_assert_neq(expected[i].code, expected[k].code);
}

Test(status, descriptions_are_lower_case_without_a_full_stop) {
  for (size_t i = 0; i < NEXPECTED; i++) {
    const char *t = ll_status_str(expected[i].code);
    cr_assert(t[0] >= 'a' && t[0] <= 'z', "%s", t);
    cr_assert_neq(t[strlen(t) - 1], '.', "%s", t);
  }
}

Test(status, unknown_codes_have_a_fallback) {
  cr_assert_str_eq(ll_status_name((ll_status)1), "LL_UNKNOWN");
  cr_assert_str_eq(ll_status_name((ll_status)-999), "LL_UNKNOWN");
  cr_assert_str_eq(ll_status_str((ll_status)42), "unknown status");
}

Test(status, error_set_fills_every_field_and_returns_the_code) {
  ll_error err;
  memset(&err, 0x5A, sizeof err); /* garbage everywhere */
  ll_status st = ll_error_set(&err, LL_EIO, "src/a.js", "%s: cannot read (%d)",
                              "src/a.js", 13);
  cr_assert_eq(st, LL_EIO);
  cr_assert_eq(err.code, LL_EIO);
  cr_assert_str_eq(err.path, "src/a.js");
  cr_assert_str_eq(err.message, "src/a.js: cannot read (13)");
  cr_assert_eq(err.line, 0);
  cr_assert_eq(err.column, 0);
}

Test(status, error_set_with_null_path_clears_the_path) {
  ll_error err = {0};
  strcpy(err.path, "stale.js");
  ll_error_set(&err, LL_EUSAGE, NULL, "bad flag");
  cr_assert_str_eq(err.path, "");
  cr_assert_str_eq(err.message, "bad flag");
}

Test(status, error_set_with_null_record_only_returns_the_code) {
  cr_assert_eq(ll_error_set(NULL, LL_ECONFIG, "x", "%s", "y"), LL_ECONFIG);
}

Test(status, error_set_truncates_a_long_message) {
  ll_error err = {0};
  char *long_text = malloc(3000);
  memset(long_text, 'm', 2999);
  long_text[2999] = '\0';
  ll_error_set(&err, LL_EINTERNAL, "p", "<%s>", long_text);
  cr_assert_eq(strlen(err.message), sizeof err.message - 1);
  cr_assert_eq(err.message[0], '<');
  cr_assert_eq(err.message[sizeof err.message - 2], 'm');
  free(long_text);
}

Test(status, error_set_truncates_a_long_path) {
  ll_error err = {0};
  char *long_path = malloc(5000);
  memset(long_path, 'd', 4999);
  long_path[4999] = '\0';
  ll_error_set(&err, LL_ENOENT, long_path, "x");
  cr_assert_eq(strlen(err.path), sizeof err.path - 1);
  cr_assert_eq(err.path[0], 'd');
  cr_assert_str_eq(err.message, "x");
  free(long_path);
}
