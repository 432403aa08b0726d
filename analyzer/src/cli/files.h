/* Finding the files to check: walking folders, skipping what is ignored,
 * detecting symlink loops, and reading a file safely. */
#ifndef LL_CLI_FILES_H
#define LL_CLI_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "cli/config.h"
#include "leaklint/leaklint.h"

/* ==== Paths and reading ==== */

/** The absolute form of `path`: joined to the working folder when relative,
 * with "." and ".." resolved lexically (symlinks are kept) and no trailing
 * slash. Free with `ll_free`; NULL when out of memory or the working folder
 * is unknown. */
LL_OWNED char *ll_path_absolute(const char *path);

/** `abs` relative to the working folder when it lies inside it, else `abs`
 * itself, for messages. Free with `ll_free`; NULL when out of memory. */
LL_OWNED char *ll_path_relative(const char *abs);

/** Reads the regular file `path` entirely. Never blocks on a FIFO or device:
 * anything but a regular file fails with LL_EIO. Fails with LL_ETOOBIG when
 * the file holds more than `limit` bytes (0: no limit), LL_ENOENT when it
 * does not exist, LL_EIO when it cannot be read; the message names the path
 * and the cause. On LL_OK `*text` (NUL-terminated, `*len` bytes without the
 * NUL) is the caller's to free with `ll_free`. */
ll_status ll_read_file(const char *path, size_t limit, LL_OWNED char **text,
                       size_t *len, LL_NULLABLE ll_error *err);

/** Reads all of `fd` (standard input), as `ll_read_file`. */
ll_status ll_read_fd(int fd, const char *name, size_t limit,
                     LL_OWNED char **text, size_t *len,
                     LL_NULLABLE ll_error *err);

/* ==== Collecting files ==== */

typedef struct ll_file_item {
  char *path;                 /* display path, owned: as given, or joined */
  char *abs;                  /* absolute path, owned */
  const ll_settings *settings; /* borrowed from the resolver */
  ll_lang lang;
} ll_file_item;

typedef enum ll_diag_kind {
  LL_DIAG_NOTE,  /* informational: the run's exit code is unchanged */
  LL_DIAG_ERROR, /* something the user asked for was not checked: exit 2 */
} ll_diag_kind;

/** Receives the walk's messages (full sentences naming the path). */
typedef void (*ll_diag_fn)(void *ud, ll_diag_kind kind, const char *message);

typedef struct ll_collect_opts {
  bool no_ignore; /* --no-ignore: no .gitignore, config globs or default skips */
  ll_diag_fn diag;
  void *diag_ud;
} ll_collect_opts;

typedef struct ll_file_list {
  ll_file_item *items; /* sorted by `path`, without duplicates */
  size_t len, cap;
  size_t errors;       /* LL_DIAG_ERROR messages sent */
} ll_file_list;

/** Collects the files to check from the paths `argv[0..argc)` into the
 * empty `list` (caller-owned; release with `ll_file_list_fini`), in path
 * order.
 * Folders are walked recursively: JavaScript/TypeScript and C (.c, .h) files are
 * kept; node_modules, .git, build, dist, out and coverage are skipped, as is
 * what `.gitignore` (via libgit2) and the configs' `ignore` globs exclude.
 * Problems with single paths (missing, unsupported type, loop, empty
 * folder) go to `o->diag` and the walk goes on; a fatal problem (an invalid
 * config, out of memory) stops it and returns its status with `err` set. */
ll_status ll_files_collect(ll_file_list *list, char *const *argv, int argc,
                           ll_config_resolver *res, const ll_collect_opts *o,
                           LL_NULLABLE ll_error *err);

/** Frees the items and their strings; the list may be reused after. */
void ll_file_list_fini(ll_file_list *list);

#endif
