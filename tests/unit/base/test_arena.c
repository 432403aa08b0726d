/* arena.c: alignment, zeroing, block growth and big allocations, string
 * copies, printf, accounting, out-of-memory, and free(NULL). */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

#include "../helpers.h"

TestSuite(arena, .fini = unit_teardown);

static ll_arena *A;

static void arena_setup(void) {
  A = ll_arena_new();
  cr_assert_not_null(A);
}

static void arena_teardown(void) {
  ll_arena_free(A);
  A = NULL;
  unit_teardown();
}

#define WITH_ARENA .init = arena_setup, .fini = arena_teardown

static const size_t ALIGN = alignof(max_align_t);

/* `n` rounded up to the alignment, as the arena accounts it. */
static size_t R(size_t n) { return (n + ALIGN - 1) / ALIGN * ALIGN; }

Test(arena, free_null_is_a_no_op) { ll_arena_free(NULL); }

Test(arena, new_arena_has_used_nothing, WITH_ARENA) {
  cr_assert_eq(ll_arena_used(A), 0);
}

Test(arena, every_allocation_is_aligned_for_any_type, WITH_ARENA) {
  for (size_t n = 0; n < 300; n++) {
    void *p = ll_arena_alloc(A, n);
    cr_assert_not_null(p);
    cr_assert_eq((uintptr_t)p % ALIGN, 0, "alloc(%zu) = %p", n, p);
  }
}

Test(arena, sizes_are_rounded_up_to_the_alignment, WITH_ARENA) {
  ll_arena_alloc(A, 1);
  cr_assert_eq(ll_arena_used(A), ALIGN);
  ll_arena_alloc(A, ALIGN);
  cr_assert_eq(ll_arena_used(A), 2 * ALIGN);
  ll_arena_alloc(A, ALIGN + 1);
  cr_assert_eq(ll_arena_used(A), 4 * ALIGN);
}

Test(arena, zero_byte_allocations_are_distinct, WITH_ARENA) {
  char *a = ll_arena_alloc(A, 0), *b = ll_arena_alloc(A, 0);
  cr_assert_not_null(a);
  cr_assert_not_null(b);
  cr_assert_neq(a, b);
  cr_assert_eq(ll_arena_used(A), 2 * ALIGN);
}

Test(arena, consecutive_small_allocations_are_adjacent, WITH_ARENA) {
  char *a = ll_arena_alloc(A, 24);
  char *b = ll_arena_alloc(A, 8);
  cr_assert_eq(b, a + R(24));
}

/* Fresh blocks come from a hook that fills them with 0xAA, so zeroing is
 * really the arena's doing. */
Test(arena, allocations_are_zeroed_even_when_the_block_is_dirty) {
  hk_fill = 0xAA;
  hooks_install(0);
  ll_arena *a = ll_arena_new();
  cr_assert_not_null(a);
  for (size_t n = 1; n < 5000; n += 97) {
    unsigned char *p = ll_arena_alloc(a, n);
    cr_assert_not_null(p);
    for (size_t i = 0; i < n; i++)
      cr_assert_eq(p[i], 0, "alloc(%zu)[%zu] = %#x", n, i, p[i]);
    memset(p, 0x55, n);
  }
  ll_arena_free(a);
  cr_assert_eq(hk_live, 0);
  hk_fill = 0;
}

Test(arena, many_allocations_span_blocks_and_keep_their_contents,
     WITH_ARENA) {
  enum { N = 5000, SIZE = 100 };
  unsigned char **ps = calloc(N, sizeof *ps);
  for (size_t i = 0; i < N; i++) {
    ps[i] = ll_arena_alloc(A, SIZE);
    cr_assert_not_null(ps[i]);
    memset(ps[i], (int)(i & 0xFF), SIZE);
  }
  for (size_t i = 0; i < N; i++)
    for (size_t k = 0; k < SIZE; k++)
      cr_assert_eq(ps[i][k], (unsigned char)(i & 0xFF), "block %zu byte %zu",
                   i, k);
  cr_assert_eq(ll_arena_used(A), (size_t)N * R(SIZE));
  free(ps);
}

Test(arena, big_allocation_gets_its_own_block, WITH_ARENA) {
  const size_t big = 3u << 20; /* over the 1 MiB block cap */
  unsigned char *p = ll_arena_alloc(A, big);
  cr_assert_not_null(p);
  cr_assert_eq((uintptr_t)p % ALIGN, 0);
  cr_assert_eq(p[0], 0);
  cr_assert_eq(p[big - 1], 0);
  memset(p, 0x11, big);
  cr_assert_eq(ll_arena_used(A), big);
}

Test(arena, small_allocations_continue_in_the_current_block_after_a_big_one,
     WITH_ARENA) {
  char *a = ll_arena_alloc(A, 16);
  char *big = ll_arena_alloc(A, 100000);
  char *b = ll_arena_alloc(A, 16);
  cr_assert_not_null(big);
  cr_assert_eq(b, a + 16, "the big block took the small ones' place");
  memset(big, 1, 100000);
  cr_assert_eq(a[0], 0);
  cr_assert_eq(b[0], 0);
}

Test(arena, huge_request_fails_instead_of_wrapping, WITH_ARENA) {
  // Regression test for a bug fixed in the same change that enabled it.
  cr_assert_null(ll_arena_alloc(A, SIZE_MAX));
  cr_assert_null(ll_arena_alloc(A, SIZE_MAX - 8));
}

Test(arena, strndup_copies_n_bytes_and_terminates, WITH_ARENA) {
  const char src[] = "hello, world";
  char *s = ll_arena_strndup(A, src, 5);
  cr_assert_str_eq(s, "hello");
  cr_assert_neq(s, src);
  char *empty = ll_arena_strndup(A, src, 0);
  cr_assert_str_eq(empty, "");
}

Test(arena, strndup_copies_embedded_nul_bytes, WITH_ARENA) {
  char *s = ll_arena_strndup(A, "a\0b", 3);
  cr_assert_eq(memcmp(s, "a\0b\0", 4), 0);
}

Test(arena, strdup_copies_the_whole_string, WITH_ARENA) {
  char buf[] = "mutable";
  char *s = ll_arena_strdup(A, buf);
  buf[0] = 'M';
  cr_assert_str_eq(s, "mutable");
}

Test(arena, printf_formats_into_the_arena, WITH_ARENA) {
  char *s = ll_arena_printf(A, "%s:%d:%05.1f|%c", "file.js", 42, 3.5, 'x');
  cr_assert_str_eq(s, "file.js:42:003.5|x");
  cr_assert_str_eq(ll_arena_printf(A, "%s", ""), "");
}

Test(arena, printf_longer_than_a_block_is_complete, WITH_ARENA) {
  char *s = ll_arena_printf(A, "%*s|", 10000, "end");
  cr_assert_eq(strlen(s), 10001);
  cr_assert_str_eq(s + 9997, "end|");
}

static char *via_vprintf(ll_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *r = ll_arena_vprintf(a, fmt, ap);
  va_end(ap);
  return r;
}

Test(arena, vprintf_formats_a_va_list, WITH_ARENA) {
  cr_assert_str_eq(via_vprintf(A, "%u-%s", 7u, "x"), "7-x");
}

Test(arena, used_counts_strings_and_printf, WITH_ARENA) {
  ll_arena_strdup(A, "abc");      /* 4 bytes */
  ll_arena_printf(A, "%020d", 1); /* 21 bytes */
  cr_assert_eq(ll_arena_used(A), R(4) + R(21));
}

Test(arena, strndup_and_printf_return_null_when_out_of_memory) {
  hooks_install(0);
  ll_arena *a = ll_arena_new();
  hk_fail_at = hk_calls + 1;
  cr_assert_null(ll_arena_strndup(a, "abc", 3));
  hk_fail_at = hk_calls + 1;
  cr_assert_null(ll_arena_printf(a, "%d", 5));
  ll_arena_free(a);
  cr_assert_eq(hk_live, 0);
}

Test(arena, free_releases_every_block) {
  hooks_install(0);
  ll_arena *a = ll_arena_new();
  for (int i = 0; i < 200; i++) ll_arena_alloc(a, 1000);
  ll_arena_alloc(a, 5u << 20);
  ll_arena_printf(a, "%d", 1);
  cr_assert_gt(hk_live, 3);
  ll_arena_free(a);
  cr_assert_eq(hk_live, 0);
}

Test(arena, new_returns_null_when_out_of_memory) {
  hooks_install(1);
  cr_assert_null(ll_arena_new());
  cr_assert_eq(hk_live, 0);
}

Test(arena, alloc_returns_null_when_a_block_cannot_be_had) {
  hooks_install(2); /* 1: the arena itself, 2: its first block */
  ll_arena *a = ll_arena_new();
  cr_assert_not_null(a);
  cr_assert_null(ll_arena_alloc(a, 8));
  cr_assert_eq(ll_arena_used(a), 0);
  /* After a failure the arena still works. */
  char *s = ll_arena_strdup(a, "ok");
  cr_assert_str_eq(s, "ok");
  ll_arena_free(a);
  cr_assert_eq(hk_live, 0);
}
