/* Acquire/release pairs, as data: rules/resources/js.json (embedded at build
 * time) plus the pairs a configuration adds. */
#ifndef LL_ENGINE_RESOURCES_H
#define LL_ENGINE_RESOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "leaklint/leaklint.h"

typedef enum ll_res_kind {
  LL_RES_HANDLE,   /* the acquire call returns a handle that a release call takes */
  LL_RES_LISTENER, /* target.acquire(event, fn) undone by target.release(event, fn) */
} ll_res_kind;

typedef struct ll_res_pair {
  const char *rule;          /* rule id that reports it */
  ll_res_kind kind;
  const char **acquire;      /* NULL-terminated names */
  const char **release;      /* NULL-terminated names */
  const char **release_all;  /* NULL-terminated: removes every listener (target.x(event?)) */
  const char **receivers;    /* handle pairs: allowed receivers of a global
                                function ("" = a bare call); NULL = any */
  const char **modules;      /* modules that export the functions (e.g. "timers") */
  bool self_removing_opts;   /* listener options { once, signal } apply */
  bool returns_disposer;     /* the acquire call returns an unsubscribe function */
} ll_res_pair;

typedef struct ll_resources {
  ll_res_pair *pairs;
  size_t count;
} ll_resources;

/** Loads the built-in pairs plus `extra`, into the arena-less global table
 * (the built-in table is parsed once per process and shared, read-only).
 * Returns NULL on OOM. Free with `ll_resources_free`. */
ll_resources *ll_resources_new(const ll_resource_pair *extra, size_t nextra,
                               const char *path, ll_error *err);
void ll_resources_free(ll_resources *r);

/** True when `name` (length `len`) is in the NULL-terminated list. */
bool ll_name_in(const char *const *list, const char *name, size_t len);

#endif
