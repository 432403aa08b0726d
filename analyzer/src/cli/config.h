/* Configuration files (`.leaklintrc.json`) and the settings they give each
 * folder.
 *
 * A `ll_config` is one parsed file. A `ll_settings` is what applies to the
 * files of one folder: the configs found upward from it (stopping after one
 * with `"root": true`) merged, nearest last, with the command line's
 * overrides on top, as ready-to-use `ll_options`. A `ll_config_resolver`
 * loads each config file once and memoises settings per folder; everything
 * it hands out stays valid until `ll_config_resolver_free`.
 *
 * Merging: `rules` of a nearer config override farther ones rule by rule;
 * `env`, `globals`, `resources`, `ignore` and the `c` compiler arguments
 * (`c.includes`, `c.defines`, `c.std`) accumulate, farther first (a global
 * set to "off" removes it; the nearest `c.std` wins, being last); the
 * nearest `c.unknownCalls` wins. With no `env` anywhere, LL_ENV_DEFAULT applies. */
#ifndef LL_CLI_CONFIG_H
#define LL_CLI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "leaklint/leaklint.h"

#define LL_CONFIG_FILE_NAME ".leaklintrc.json"

typedef struct ll_config_global {
  char *name;
  bool on; /* false: "off" removes a global set by a farther config */
} ll_config_global;

/** One parsed configuration file. Every string and array is owned. */
typedef struct ll_config {
  char *path; /* as given or found */
  char *dir;  /* absolute folder of the file; `ignore` globs are relative to it */
  bool root;
  bool has_env;
  unsigned env;                        /* LL_ENV_* bits, when `has_env` */
  ll_severity rules[LL_RULE_COUNT];    /* LL_SEV_DEFAULT when not set */
  ll_config_global *globals;
  size_t nglobals;
  char **ignore;
  size_t nignore;
  ll_resource_pair *pairs;             /* strings owned */
  size_t npairs;
  char **c_args;                       /* "c": -I<abs>, -D..., -std=... */
  size_t nc_args;
  int c_unknown_borrow;                /* "c.unknownCalls": -1 unset, 0, 1 */
} ll_config;

/** Parses the JSON text `text[0..len)` of the config file `path` whose
 * absolute folder is `dir` (both copied). `//` and block comments are
 * allowed. On LL_OK `*out` is new (free with `ll_config_free`); otherwise
 * LL_ECONFIG (or LL_ENOMEM) with `err` naming the file and the key, or the
 * line and column of a JSON syntax error. */
ll_status ll_config_parse(const char *path, const char *dir, const char *text,
                          size_t len, LL_OWNED ll_config **out,
                          LL_NULLABLE ll_error *err);

/** Reads and parses the config file `path` (relative to the working folder
 * or absolute). Fails with LL_EIO when the file cannot be read, else as
 * `ll_config_parse`. `*out` is the caller's to free. */
ll_status ll_config_load(const char *path, LL_OWNED ll_config **out,
                         LL_NULLABLE ll_error *err);

/** Frees a config. NULL is a no-op. */
void ll_config_free(LL_OWNED ll_config *c);

/** What the command line sets on top of every config. */
typedef struct ll_overrides {
  ll_severity severity[LL_RULE_COUNT]; /* LL_SEV_DEFAULT: not set */
  bool has_env;
  unsigned env;
  bool report_unused_disables;
  size_t max_file_size; /* 0: the analyzer's default */
} ll_overrides;

/** Sets nothing: every severity LL_SEV_DEFAULT, no env. */
void ll_overrides_init(ll_overrides *ov);

typedef struct ll_ignore_glob {
  const char *base; /* absolute folder the glob is relative to (borrowed) */
  const char *glob; /* borrowed from its config */
} ll_ignore_glob;

/** The merged settings for one folder. Owned by the resolver. */
typedef struct ll_settings {
  ll_options opts;             /* pass to ll_analyze_source; borrows below */
  const ll_config *config;     /* the nearest config file, or NULL */
  ll_severity cfg_rules[LL_RULE_COUNT]; /* from configs only */
  bool cfg_has_env;
  unsigned cfg_env;
  const char **globals;        /* owned array, borrowed strings */
  size_t nglobals;
  ll_resource_pair *pairs;     /* owned array, borrowed strings */
  size_t npairs;
  ll_ignore_glob *ignore;      /* owned array */
  size_t nignore;
  const char **c_args;         /* owned array, borrowed strings */
  size_t nc_args;
  bool c_unknown_borrow;
} ll_settings;

typedef struct ll_config_resolver ll_config_resolver;

/** Creates a resolver applying `ov` (copied). With `config_path` (the
 * `--config` option) that file alone configures every folder and none is
 * searched for; it is loaded now, so its errors are reported here. `*out` is
 * the caller's to free with `ll_config_resolver_free`. */
ll_status ll_config_resolver_new(const ll_overrides *ov,
                                 LL_NULLABLE const char *config_path,
                                 LL_OWNED ll_config_resolver **out,
                                 LL_NULLABLE ll_error *err);

/** Frees the resolver, every config it loaded and every settings it made.
 * NULL is a no-op. */
void ll_config_resolver_free(LL_OWNED ll_config_resolver *r);

/** The settings of the absolute, normalised folder `dir`. `has_rc` tells
 * whether `dir` holds a `.leaklintrc.json` (1 yes, 0 no, -1 unknown: look).
 * `*out` is borrowed from the resolver. Fails with LL_ECONFIG/LL_EIO when a
 * config file on the way up is invalid or unreadable. */
ll_status ll_config_resolve(ll_config_resolver *r, const char *dir, int has_rc,
                            LL_BORROWED const ll_settings **out,
                            LL_NULLABLE ll_error *err);

/** True when an `ignore` glob of `s` matches the absolute path `abs` (a
 * folder when `is_dir`) or one of its folders below the glob's base. `*glob`
 * (when not NULL) receives the matching glob, borrowed. */
bool ll_settings_ignores(const ll_settings *s, const char *abs, bool is_dir,
                         LL_NULLABLE const char **glob);

/** True when `glob` (gitignore-like: no slash matches the name at any depth,
 * a trailing slash only folders, `**` any depth) matches `rel`, a path
 * relative to the glob's folder. Exposed for tests. */
bool ll_glob_match(const char *glob, const char *rel, bool is_dir);

#endif
