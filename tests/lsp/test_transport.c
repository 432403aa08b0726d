/* transport.c: Content-Length framing, fed byte streams directly. */
#include <criterion/criterion.h>
#include <string.h>

#include "lsp/lsp.h"

typedef struct sink {
  char bodies[16][256];
  int nbodies;
  char errors[16][512];
  int nerrors;
} sink;

static void on_body(void *ud, const char *body, size_t len) {
  sink *s = ud;
  cr_assert_lt(s->nbodies, 16);
  snprintf(s->bodies[s->nbodies++], 256, "%.*s", (int)len, body);
}

static void on_error(void *ud, const char *msg) {
  sink *s = ud;
  if (s->nerrors < 16) snprintf(s->errors[s->nerrors++], 512, "%s", msg);
}

static void feed(ll_lsp_framer *f, const char *s) {
  cr_assert_eq(ll_lsp_framer_feed(f, s, strlen(s)), LL_OK);
}

Test(transport, two_messages_in_one_chunk) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  feed(&f, "Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n\r\n[1]");
  cr_assert_eq(s.nbodies, 2);
  cr_assert_str_eq(s.bodies[0], "{}");
  cr_assert_str_eq(s.bodies[1], "[1]");
  cr_assert_eq(s.nerrors, 0);
  ll_lsp_framer_fini(&f);
}

Test(transport, byte_by_byte) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  const char *m = "content-length:  5 \r\nContent-Type: x\r\n\r\nhello";
  for (size_t i = 0; m[i]; i++) ll_lsp_framer_feed(&f, m + i, 1);
  cr_assert_eq(s.nbodies, 1);
  cr_assert_str_eq(s.bodies[0], "hello");
  cr_assert_eq(s.nerrors, 0);
  ll_lsp_framer_fini(&f);
}

Test(transport, bare_newlines_are_accepted) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  feed(&f, "Content-Length: 2\n\nokContent-Length: 1\r\n\r\n!");
  cr_assert_eq(s.nbodies, 2);
  cr_assert_str_eq(s.bodies[1], "!");
  ll_lsp_framer_fini(&f);
}

Test(transport, missing_length_is_reported_and_skipped) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  feed(&f, "Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}");
  cr_assert_eq(s.nbodies, 1);
  cr_assert_eq(s.nerrors, 1);
  cr_assert(strstr(s.errors[0], "no Content-Length"));
  ll_lsp_framer_fini(&f);
}

Test(transport, garbage_before_header_is_reported) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  feed(&f, "xx}\r\nContent-Length: 2\r\n\r\n{}");
  cr_assert_eq(s.nbodies, 1);
  cr_assert_str_eq(s.bodies[0], "{}");
  cr_assert(strstr(s.errors[0], "not a message header"));
  ll_lsp_framer_fini(&f);
}

Test(transport, conflicting_lengths_drop_the_message) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  feed(&f, "Content-Length: 2\r\nContent-Length: 3\r\n\r\n");
  cr_assert_eq(s.nbodies, 0);
  cr_assert(strstr(s.errors[0], "two different"));
  ll_lsp_framer_fini(&f);
}

Test(transport, oversized_body_is_skipped_across_chunks) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 10, on_body, on_error, &s);
  feed(&f, "Content-Length: 20\r\n\r\n0123456789");
  feed(&f, "0123456789Content-Length: 2\r\n\r\n{}");
  cr_assert_eq(s.nbodies, 1);
  cr_assert_str_eq(s.bodies[0], "{}");
  cr_assert(strstr(s.errors[0], "over the 10-byte limit"));
  cr_assert_leq(f.cap, 4096, "nothing big was buffered");
  ll_lsp_framer_fini(&f);
}

Test(transport, endless_header_is_bounded) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  char junk[4096];
  memset(junk, 'a', sizeof junk);
  for (int i = 0; i < 64; i++) ll_lsp_framer_feed(&f, junk, sizeof junk);
  cr_assert_geq(s.nerrors, 1);
  cr_assert_leq(f.len, LL_LSP_MAX_HEADER + sizeof junk);
  feed(&f, "\r\n\r\nContent-Length: 2\r\n\r\n{}");
  cr_assert_str_eq(s.bodies[s.nbodies - 1], "{}");
  ll_lsp_framer_fini(&f);
}

Test(transport, empty_body_is_delivered) {
  sink s = {0};
  ll_lsp_framer f;
  ll_lsp_framer_init(&f, 0, on_body, on_error, &s);
  feed(&f, "Content-Length: 0\r\n\r\n");
  cr_assert_eq(s.nbodies, 1);
  cr_assert_str_eq(s.bodies[0], "");
  ll_lsp_framer_fini(&f);
}
