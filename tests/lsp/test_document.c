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

/* ==== Tree-sitter points ==== */

Test(document, points_count_rows_at_lf_only_and_bytes_in_columns) {
  ll_lsp_text t = {0};
  const char *s = "ab\r\nc\xc3\xa9" "d\ne";
  ll_lsp_text_set(&t, s, strlen(s));
  cr_assert_eq(t.lone_cr, 0);
  ll_point p = ll_lsp_text_point(&t, 8); /* the 'd': after a 2-byte 'é' */
  cr_assert(p.row == 1 && p.column == 4, "%u:%u", p.row, p.column);
  p = ll_lsp_text_point(&t, 3); /* the "\n" of "\r\n" */
  cr_assert(p.row == 0 && p.column == 3);
  p = ll_lsp_text_point(&t, strlen(s) + 5); /* clamped to the end */
  cr_assert(p.row == 2 && p.column == 1);
  ll_lsp_text_fini(&t);
}

Test(document, a_lone_cr_breaks_an_lsp_line_but_not_a_row) {
  ll_lsp_text t = {0};
  const char *s = "a\rbc\nd\re";
  ll_lsp_text_set(&t, s, strlen(s));
  cr_assert_eq(t.lone_cr, 2);
  cr_assert_eq(t.nlines, 4, "LSP sees four lines");
  ll_point p = ll_lsp_text_point(&t, 3); /* 'c' */
  cr_assert(p.row == 0 && p.column == 3, "%u:%u", p.row, p.column);
  p = ll_lsp_text_point(&t, 7); /* 'e' */
  cr_assert(p.row == 1 && p.column == 2, "%u:%u", p.row, p.column);
  ll_lsp_text_fini(&t);
}

Test(document, point_after_an_insertion) {
  ll_point p = ll_lsp_point_after((ll_point){3, 4}, "xy", 2);
  cr_assert(p.row == 3 && p.column == 6);
  p = ll_lsp_point_after((ll_point){3, 4}, "x\nyz\r\nw", 7);
  cr_assert(p.row == 5 && p.column == 1);
  p = ll_lsp_point_after((ll_point){3, 4}, "", 0);
  cr_assert(p.row == 3 && p.column == 4);
}

Test(document, span_and_replace_match_edit) {
  ll_lsp_text t = {0};
  ll_lsp_text_set(&t, "one\ntwo\n", 8);
  ll_lsp_range r = R(1, 3, 0, 1); /* end before start */
  unsigned clamped = 0;
  ll_lsp_span sp = ll_lsp_text_span(&t, &r, &clamped);
  cr_assert(sp.start == 7 && sp.end == 7);
  cr_assert(clamped & LL_LSP_CLAMP_ORDER);
  cr_assert_eq(ll_lsp_text_replace(&t, (ll_lsp_span){1, 5}, "X", 1), LL_OK);
  cr_assert_str_eq(t.data, "oXwo\n");
  cr_assert_eq(t.nlines, 2);
  ll_lsp_text_fini(&t);
}
