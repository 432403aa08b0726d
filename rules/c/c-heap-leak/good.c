#define _GNU_SOURCE /* asprintf, wcsdup */
/* c-heap-leak: near-misses that must not be reported. Each `ok:` covers the
 * next code line. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
  char *data;
  size_t len;
};

static char *global_cache;

/* The null check: returning when malloc failed leaks nothing. */
int null_check(size_t n) {
  // ok: c-heap-leak
  char *p = malloc(n);
  if (!p) return -1;
  free(p);
  return 0;
}

/* `== NULL` and `NULL ==` forms. */
int null_compare(size_t n) {
  // ok: c-heap-leak
  char *p = malloc(n);
  if (p == NULL) return -1;
  // ok: c-heap-leak
  char *q = malloc(n);
  if (NULL == q) {
    free(p);
    return -1;
  }
  free(q);
  free(p);
  return 0;
}

/* Returned: the caller owns it. */
char *returned(const char *s) {
  // ok: c-heap-leak
  char *copy = strdup(s);
  return copy;
}

/* Stored in a global. */
void stored_in_global(void) {
  // ok: c-heap-leak
  global_cache = malloc(128);
}

/* Stored through an out-parameter. */
int out_param(char **out) {
  // ok: c-heap-leak
  char *p = malloc(8);
  if (!p) return -1;
  *out = p;
  return 0;
}

/* Stored in a field of a parameter. */
int field_of_param(struct buf *b, size_t n) {
  // ok: c-heap-leak
  b->data = malloc(n);
  if (!b->data) return -1;
  b->len = n;
  return 0;
}

/* A cleanup label frees on every path. */
int goto_cleanup(void) {
  int rc = -1;
  // ok: c-heap-leak
  char *a = malloc(1);
  // ok: c-heap-leak
  char *b = malloc(2);
  if (!a || !b) goto out;
  rc = 0;
out:
  free(b);
  free(a);
  return rc;
}

/* `if (p) free(p)` frees on both paths. */
void conditional_free(int k) {
  // ok: c-heap-leak
  char *p = k ? malloc(4) : NULL;
  if (p) free(p);
}

/* The temporary realloc pattern. */
int realloc_tmp(char **pp, size_t n) {
  // ok: c-heap-leak
  char *q = realloc(*pp, n);
  if (!q) return -1;
  *pp = q;
  return 0;
}

/* A helper of this file that frees its argument. */
static void destroy(struct buf *b) {
  if (!b) return;
  free(b->data);
  free(b);
}

void freed_by_helper(void) {
  // ok: c-heap-leak
  struct buf *b = malloc(sizeof *b);
  if (!b) return;
  // ok: c-heap-leak
  b->data = malloc(16);
  destroy(b);
}

/* A helper that keeps its argument (stores it in a global). */
static void remember(char *p) { global_cache = p; }

void kept_by_helper(void) {
  // ok: c-heap-leak
  char *p = malloc(4);
  remember(p);
}

/* Passed to a function leaklint knows nothing about: it may keep it. */
extern void queue_push(void *item);
void unknown_function_keeps(void) {
  // ok: c-heap-leak
  void *item = malloc(4);
  queue_push(item);
}

/* exit() ends the path: nothing to free before it. */
void exits(void) {
  // ok: c-heap-leak
  char *p = malloc(4);
  if (!p) exit(1);
  if (p[0]) exit(2);
  free(p);
}

/* assert() on the pointer. */
void asserted(void) {
  // ok: c-heap-leak
  char *p = malloc(4);
  assert(p != NULL);
  free(p);
}

/* A loop that frees every block. */
void loop_frees(int n) {
  for (int i = 0; i < n; i++) {
    // ok: c-heap-leak
    char *p = malloc(4);
    if (!p) continue;
    free(p);
  }
}

/* Ownership moves to a struct that is returned. */
struct buf *buf_new(size_t n) {
  // ok: c-heap-leak
  struct buf *b = malloc(sizeof *b);
  if (!b) return NULL;
  // ok: c-heap-leak
  b->data = malloc(n);
  if (!b->data) {
    free(b);
    return NULL;
  }
  b->len = n;
  return b;
}

/* A switch where every case frees. */
int switch_frees(int k) {
  // ok: c-heap-leak
  char *p = malloc(4);
  switch (k) {
  case 0:
    free(p);
    return 0;
  default:
    free(p);
    return 1;
  }
}

/* asprintf's failure is checked before use. */
int asprintf_checked(int v) {
  char *msg;
  // ok: c-heap-leak
  if (asprintf(&msg, "%d", v) < 0) return -1;
  puts(msg);
  free(msg);
  return 0;
}

/* A pointer copied to another variable and freed through it. */
void alias_freed(void) {
  // ok: c-heap-leak
  char *p = malloc(4);
  char *q = p;
  free(q);
}

/* ==== File-scope constants (the Juliet `staticFive` pattern) ====
 * Variables that nothing in this file writes after their initialiser, nor
 * takes the address of, are constants: both conditions below take the same
 * branch, so the allocation and the free stay correlated. */
static int staticFive = 5;
int globalTrue = 1;
static const int STATIC_CONST_TRUE = 1;

void opaque_call(void);

void static_five_correlated(void) {
  char *p = NULL;
  if (staticFive == 5) {
    // ok: c-heap-leak
    p = malloc(16);
    if (!p) return;
  }
  opaque_call(); /* an unknown call cannot change a file-scope constant */
  if (staticFive == 5) free(p);
}

void global_true_correlated(void) {
  char *p = NULL;
  if (globalTrue) {
    // ok: c-heap-leak
    p = malloc(16);
  }
  if (globalTrue) free(p);
}

void static_const_else(void) {
  // ok: c-heap-leak
  char *p = malloc(8);
  if (STATIC_CONST_TRUE != 1) return; /* never taken */
  free(p);
}

/* Ownership by struct field: near-misses. */
struct profile {
  char *name;
  char *bio;
  char *avatar;
};

struct profile *profile_new(const char *name, const char *bio) {
  struct profile *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  // ok: c-heap-leak
  p->name = strdup(name);
  p->bio = strdup(bio);
  p->avatar = malloc(256);
  return p;
}

/* A helper frees one field (its summary frees the parameter). */
static void release_text(char *t) { free(t); }

/* Something else takes the avatar (unknown calls keep what they get). */
void avatar_cache_put(char *img);

/* The release function frees every field: directly, null-checked, through
 * the helper, or by handing it off. */
// ok: c-heap-leak
void profile_free(struct profile *p) {
  if (!p) return;
  if (p->name) free(p->name);
  release_text(p->bio);
  avatar_cache_put(p->avatar);
  free(p);
}

/* A function that takes the struct but never frees it claims nothing about
 * its fields. */
// ok: c-heap-leak
void profile_rename(struct profile *p, const char *name) {
  free(p->name);
  p->name = strdup(name);
}

/* A struct nothing ever frees: no claim about its fields. */
struct registry {
  char *path;
};

int registry_open(struct registry *r, const char *path) {
  // ok: c-heap-leak
  r->path = strdup(path);
  return r->path ? 0 : -1;
}

// ok: c-heap-leak
void registry_reset(struct registry *r) { r->path = NULL; }

/* A list link: chains are freed by loops, not by the node's own free. */
struct node {
  struct node *next;
  int v;
};

struct node *node_push(struct node *head, int v) {
  struct node *n = malloc(sizeof *n);
  if (!n) return head;
  n->v = v;
  n->next = head;
  return n;
}

// ok: c-heap-leak
void node_free(struct node *n) { free(n); }

/* The field is freed through an alias, then the struct. */
struct pair2 {
  char *key;
};

struct pair2 *pair2_new(const char *k) {
  struct pair2 *p = malloc(sizeof *p);
  if (!p) return NULL;
  p->key = strdup(k);
  return p;
}

// ok: c-heap-leak
void pair2_free(struct pair2 *p) {
  char *k = p->key;
  free(p);
  free(k);
}
