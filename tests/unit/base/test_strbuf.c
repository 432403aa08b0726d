/* strbuf.c: appends of every kind, growth, take/fini ownership, and the
 * sticky `failed` flag after an allocation failure. */
#include "../helpers.h"
#include "base/strbuf.h"

static ll_strbuf B;

static void sb_setup(void) { ll_strbuf_init(&B); }

static void sb_teardown(void) {
  ll_strbuf_fini(&B);
  unit_teardown();
}

TestSuite(strbuf, .init = sb_setup, .fini = sb_teardown);

Test(strbuf, init_is_empty_and_str_is_never_null) {
  cr_assert_null(B.data);
  cr_assert_eq(B.len, 0);
  cr_assert_eq(B.cap, 0);
  cr_assert(!B.failed);
  cr_assert_str_eq(ll_strbuf_str(&B), "");
}

Test(strbuf, appends_accumulate_in_order) {
  ll_strbuf_puts(&B, "let ");
  ll_strbuf_append(&B, "xyz", 1);
  ll_strbuf_putc(&B, '=');
  ll_strbuf_printf(&B, "%d;%s", 42, "\n");
  cr_assert_str_eq(ll_strbuf_str(&B), "let x=42;\n");
  cr_assert_eq(B.len, 10);
  cr_assert_eq(B.data[B.len], '\0');
}

Test(strbuf, empty_append_leaves_an_empty_string) {
  ll_strbuf_append(&B, "", 0);
  ll_strbuf_puts(&B, "");
  cr_assert_eq(B.len, 0);
  cr_assert_str_eq(ll_strbuf_str(&B), "");
}

Test(strbuf, grows_past_many_reallocations) {
  for (int i = 0; i < 10000; i++) ll_strbuf_putc(&B, (char)('a' + i % 26));
  cr_assert_eq(B.len, 10000);
  cr_assert_geq(B.cap, 10001);
  cr_assert_eq(strlen(ll_strbuf_str(&B)), 10000);
  for (int i = 0; i < 10000; i++)
    cr_assert_eq(B.data[i], 'a' + i % 26, "byte %d", i);
}

Test(strbuf, printf_longer_than_the_first_capacity) {
  ll_strbuf_puts(&B, ">");
  ll_strbuf_printf(&B, "%0500d", 7);
  cr_assert_eq(B.len, 501);
  cr_assert_eq(B.data[1], '0');
  cr_assert_eq(B.data[500], '7');
  cr_assert_eq(B.data[501], '\0');
}

Test(strbuf, append_keeps_embedded_nul_bytes) {
  ll_strbuf_append(&B, "a\0b", 3);
  cr_assert_eq(B.len, 3);
  cr_assert_eq(memcmp(B.data, "a\0b\0", 4), 0);
}

Test(strbuf, take_hands_over_the_text_and_empties_the_buffer) {
  ll_strbuf_puts(&B, "owned");
  char *s = ll_strbuf_take(&B);
  cr_assert_str_eq(s, "owned");
  cr_assert_null(B.data);
  cr_assert_eq(B.len, 0);
  cr_assert_str_eq(ll_strbuf_str(&B), "");
  ll_strbuf_puts(&B, "again");
  cr_assert_str_eq(ll_strbuf_str(&B), "again");
  ll_free(s);
}

Test(strbuf, take_of_an_empty_buffer_is_an_owned_empty_string) {
  hooks_install(0);
  char *s = ll_strbuf_take(&B);
  cr_assert_not_null(s);
  cr_assert_str_eq(s, "");
  cr_assert_eq(hk_live, 1);
  ll_free(s);
  cr_assert_eq(hk_live, 0);
}

Test(strbuf, fini_frees_and_resets) {
  hooks_install(0);
  ll_strbuf_puts(&B, "some text");
  cr_assert_eq(hk_live, 1);
  ll_strbuf_fini(&B);
  cr_assert_eq(hk_live, 0);
  cr_assert_null(B.data);
  cr_assert_eq(B.len, 0);
  ll_strbuf_fini(&B); /* twice is harmless */
}

Test(strbuf, failed_allocation_sets_failed_and_drops_later_appends) {
  ll_strbuf_puts(&B, "kept");
  hooks_install(0);
  hk_fail_at = 1;
  ll_strbuf_printf(&B, "%0100d", 1); /* needs to grow: fails */
  cr_assert(B.failed);
  hooks_remove();
  ll_strbuf_puts(&B, "dropped");
  ll_strbuf_putc(&B, '!');
  ll_strbuf_printf(&B, "%s", "dropped too");
  cr_assert(B.failed);
  cr_assert_str_eq(ll_strbuf_str(&B), "kept");
  cr_assert_eq(B.len, 4);
}

Test(strbuf, first_append_failing_leaves_str_empty) {
  hooks_install(1);
  ll_strbuf_puts(&B, "x");
  cr_assert(B.failed);
  cr_assert_null(B.data);
  cr_assert_str_eq(ll_strbuf_str(&B), "");
  cr_assert_eq(hk_live, 0);
}
