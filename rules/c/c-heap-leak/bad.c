#define _GNU_SOURCE /* asprintf, wcsdup */
/* c-heap-leak: leaks across the control-flow shapes. Each `expect:` covers
 * the next code line, where the memory is allocated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
  char *data;
  size_t len;
};

/* An early return on an error path. */
int early_return(const char *s) {
  // expect: c-heap-leak "leaked when returning at line 18 (the `if (s[0] == '#')` branch)"
  char *copy = strdup(s);
  if (!copy) return -1;
  if (s[0] == '#') return 1;
  puts(copy);
  free(copy);
  return 0;
}

/* Never freed: leaked at the closing brace. */
void end_of_function(size_t n) {
  // expect: c-heap-leak "leaked at the end of `end_of_function`"
  char *p = malloc(n);
  if (p) memset(p, 0, n);
}

/* The result is dropped. */
void discarded(void) {
  // expect: c-heap-leak "the result is discarded"
  malloc(16);
}

/* Overwritten while owned. */
void overwritten(void) {
  // expect: c-heap-leak "is lost when `p` is overwritten at line 41"
  char *p = malloc(8);
  p = malloc(16);
  free(p);
}

/* `continue` skips the free: the next iteration overwrites p. */
void loop_continue(int n) {
  for (int i = 0; i < n; i++) {
    // expect: c-heap-leak "overwritten"
    char *p = calloc(1, 4);
    if (i % 2) continue;
    free(p);
  }
}

/* `break` leaves the loop with the block still owned. */
int loop_break(int n) {
  char *p = NULL;
  while (n-- > 0) {
    // expect: c-heap-leak
    p = malloc(4);
    if (n == 3) break;
    free(p);
  }
  return 0;
}

/* A switch case that returns without freeing. */
int switch_case(int k) {
  // expect: c-heap-leak "the `case 2:` branch"
  char *p = malloc(32);
  if (!p) return -1;
  switch (k) {
  case 1:
    free(p);
    return 1;
  case 2:
    return 2;
  default:
    break;
  }
  free(p);
  return 0;
}

/* goto cleanup that forgets the second block. */
int goto_cleanup(void) {
  char *a = malloc(1);
  // expect: c-heap-leak
  char *b = malloc(2);
  if (!a || !b) goto out;
  a[0] = b[0] = 0;
out:
  free(a);
  return 0;
}

/* realloc's failure path loses the block. */
int realloc_in_place(char *p, size_t n) {
  // expect: c-heap-leak "leaks the original block when realloc fails"
  p = realloc(p, n);
  if (!p) return -1;
  free(p);
  return 0;
}

/* A helper of this file that only reads its argument. */
static size_t count_spaces(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += *s == ' ';
  return n;
}

size_t borrowed_by_helper(const char *s) {
  // expect: c-heap-leak
  char *copy = strdup(s);
  if (!copy) return 0;
  return count_spaces(copy);
}

/* A wrapper of this file that returns new memory: its callers own it. */
static char *xstrdup(const char *s) {
  char *p = strdup(s);
  if (!p) abort();
  return p;
}

void leaks_wrapper_result(const char *s) {
  // expect: c-heap-leak "allocated by `xstrdup`"
  char *p = xstrdup(s);
  printf("%s\n", p);
}

/* asprintf allocates through its first argument. */
int leaks_asprintf(int v) {
  char *msg;
  // expect: c-heap-leak
  if (asprintf(&msg, "%d", v) < 0) return -1;
  puts(msg);
  return 0;
}

/* Freeing the struct before its field. */
void owner_freed_first(void) {
  struct buf *b = malloc(sizeof *b);
  if (!b) return;
  // expect: c-heap-leak "is leaked when its owner `b` is freed"
  b->data = malloc(64);
  free(b);
}

/* A borrowed library call is not an escape. */
int printf_does_not_keep(void) {
  // expect: c-heap-leak
  char *p = malloc(10);
  if (!p) return 1;
  strcpy(p, "hi");
  printf("%s %zu\n", p, strlen(p));
  return 0;
}

/* `&&` conditions: the second test fails with p still owned. */
int short_circuit(int a, int b) {
  // expect: c-heap-leak
  char *p = malloc(4);
  if (p && a && b) {
    free(p);
    return 1;
  }
  return 0;
}

/* A do-while loop that allocates per iteration. */
void do_while(int n) {
  char *p;
  do {
    // expect: c-heap-leak
    p = malloc(8);
  } while (--n > 0);
  free(p);
}

/* Wide strings: wcsdup is an allocation, wcscpy only borrows. */
#include <wchar.h>
void wide_strings(const wchar_t *w) {
  // expect: c-heap-leak
  wchar_t *c = wcsdup(w);
  if (!c) return;
  wcscpy(c, w);
}

/* ==== File-scope constants ====
 * `staticFive` is never written after its initialiser, so it is a constant:
 * the free below is dead code and the block leaks on every call. */
static int staticFive = 5;
static int staticFalse = 0;

void static_five_opposite(void) {
  char *p = NULL;
  if (staticFive == 5) {
    // expect: c-heap-leak "leaked at the end of `static_five_opposite`"
    p = malloc(16);
  }
  if (staticFive != 5) free(p);
}

void static_false_guard(void) {
  // expect: c-heap-leak
  char *p = malloc(16);
  if (staticFalse) free(p);
}

/* Ownership by struct field: the struct owns what its fields hold, so the
 * function that frees the struct must free them. The finding is on the
 * release function's name. */
struct session {
  char *user;
  char *token;
  int id;
};

struct session *session_new(const char *user, size_t n) {
  struct session *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->user = strdup(user);
  s->token = malloc(n);
  return s;
}

// expect: c-heap-leak "`s->user` is not freed by session_free() (line 230), which frees `s`"
void session_free(struct session *s) {
  if (!s) return;
  free(s->token);
  free(s);
}

/* The field is filled through the struct pointer the caller passes. */
struct table {
  int *slots;
  size_t n;
};

int table_init(struct table *t, size_t n) {
  t->slots = calloc(n, sizeof *t->slots);
  if (!t->slots) return -1;
  t->n = n;
  return 0;
}

// expect: c-heap-leak "`t->slots` is not freed by table_destroy()"
void table_destroy(struct table *t) {
  t->n = 0;
  free(t);
}

/* Freed on one path only: the other path frees the struct alone. */
struct blob {
  char *data;
};

struct blob *blob_new(size_t n) {
  struct blob *b = malloc(sizeof *b);
  if (!b) return NULL;
  b->data = malloc(n);
  return b;
}

// expect: c-heap-leak "which frees `b`"
void blob_free(struct blob *b, int fast) {
  if (fast) {
    free(b);
    return;
  }
  free(b->data);
  free(b);
}
