/* document.c: positions in UTF-16 code units, incremental edits with
 * clamping, and file URIs. */
#include <criterion/criterion.h>
#include <string.h>

#include "base/alloc.h"
#include "lsp/lsp.h"

static ll_lsp_range R(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  return (ll_lsp_range){{l1, c1}, {l2, c2}};
}

static void edit(ll_lsp_text *t, ll_lsp_range r, const char *s,
                 unsigned *clamped) {
  cr_assert_eq(ll_lsp_text_edit(t, &r, s, strlen(s), clamped), LL_OK);
}

Test(document, lines_end_at_lf_crlf_and_cr) {
  ll_lsp_text t = {0};
  ll_lsp_text_set(&t, "a\nb\r\nc\rd", 8);
  cr_assert_eq(t.nlines, 4);
  size_t n;
  const char *l = ll_lsp_text_line(&t, 1, &n);
  cr_assert_eq(n, 1);
  cr_assert_eq(*l, 'b');
  cr_assert_eq(ll_lsp_text_offset(&t, (ll_lsp_pos){3, 0}, NULL), 7);
  ll_lsp_text_fini(&t);
}

Test(document, utf16_columns_count_surrogate_pairs) {
  ll_lsp_text t = {0};
  const char *s = "\xc3\xa9\xf0\x9f\x98\x80x\n"; /* é 😀 x */
  ll_lsp_text_set(&t, s, strlen(s));
  cr_assert_eq(ll_lsp_text_offset(&t, (ll_lsp_pos){0, 1}, NULL), 2);
  cr_assert_eq(ll_lsp_text_offset(&t, (ll_lsp_pos){0, 3}, NULL), 6);
  /* Inside the surrogate pair: the pair's start. */
  cr_assert_eq(ll_lsp_text_offset(&t, (ll_lsp_pos){0, 2}, NULL), 2);
  ll_lsp_pos p = ll_lsp_text_pos(&t, 6);
  cr_assert_eq(p.line, 0);
  cr_assert_eq(p.character, 3);
  ll_lsp_text_fini(&t);
}

Test(document, incremental_edits_with_multibyte_text) {
  ll_lsp_text t = {0};
  const char *s = "let a = '\xf0\x9f\x98\x80';\nlet b = 2;\n";
  ll_lsp_text_set(&t, s, strlen(s));
  unsigned c = 0;
  edit(&t, R(0, 12, 0, 13), "!", &c);           /* after the emoji: ' -> ! */
  edit(&t, R(1, 4, 1, 5), "\xc3\xa9t\xc3\xa9", &c); /* b -> été */
  edit(&t, R(0, 3, 1, 3), "", &c);              /* join lines */
  cr_assert_str_eq(t.data, "let \xc3\xa9t\xc3\xa9 = 2;\n");
  cr_assert_eq(c, 0);
  cr_assert_eq(t.nlines, 2);
  ll_lsp_text_fini(&t);
}

Test(document, out_of_range_positions_are_clamped) {
  ll_lsp_text t = {0};
  ll_lsp_text_set(&t, "ab\ncd", 5);
  unsigned c = 0;
  edit(&t, R(0, 99, 0, 99), "X", &c);
  cr_assert_str_eq(t.data, "abX\ncd");
  cr_assert(c & LL_LSP_CLAMP_CHAR);
  c = 0;
  edit(&t, R(50, 0, 60, 0), "Y", &c);
  cr_assert_str_eq(t.data, "abX\ncdY");
  cr_assert(c & LL_LSP_CLAMP_LINE);
  c = 0;
  edit(&t, R(1, 2, 0, 0), "Z", &c); /* end before start */
  cr_assert_str_eq(t.data, "abX\ncdZY");
  cr_assert(c & LL_LSP_CLAMP_ORDER);
  ll_lsp_text_fini(&t);
}

Test(document, full_replacement_and_empty_text) {
  ll_lsp_text t = {0};
  ll_lsp_text_set(&t, "", 0);
  cr_assert_eq(t.nlines, 1);
  cr_assert_eq(ll_lsp_text_edit(&t, NULL, "x\ny", 3, NULL), LL_OK);
  cr_assert_eq(t.nlines, 2);
  unsigned c = 0;
  edit(&t, R(0, 0, 0, 0), "", &c);
  cr_assert_str_eq(t.data, "x\ny");
  ll_lsp_text_fini(&t);
}

Test(document, file_uris_round_trip) {
  char *p = ll_lsp_uri_to_path("file:///tmp/a%20b/%C3%A9.js");
  cr_assert_str_eq(p, "/tmp/a b/\xc3\xa9.js");
  char *u = ll_lsp_path_to_uri(p);
  cr_assert_str_eq(u, "file:///tmp/a%20b/%C3%A9.js");
  ll_free(p);
  ll_free(u);
  cr_assert_null(ll_lsp_uri_to_path("untitled:Untitled-1"));
  cr_assert_null(ll_lsp_uri_to_path("file:///bad%zz"));
  cr_assert_null(ll_lsp_uri_to_path("file://otherhost/x"));
  p = ll_lsp_uri_to_path("file://localhost/x.js");
  cr_assert_str_eq(p, "/x.js");
  ll_free(p);
}
