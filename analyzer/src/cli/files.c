/* Finding the files to check, and reading one safely.
 *
 * A walk follows symlinks, so it keeps the (st_dev, st_ino) of every folder
 * on the current path: meeting one of them again is a loop, reported once
 * and skipped, so a walk always ends. Folders reached twice without a loop
 * (two links to one folder) are walked once. `.gitignore` is honoured
 * through libgit2 (the repository holding each path, nested ones included);
 * paths outside any repository are not filtered by it. Reading never blocks:
 * FIFOs and devices are refused before a byte is read.
 *
 * This module never prints: messages go to the caller's `ll_diag_fn`. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/array.h"
#include "base/strbuf.h"
#include "cli/cli.h"
#include "cli/git_api.h"

/* ==== Paths ==== */

char *ll_path_absolute(const char *path) {
  ll_strbuf b;
  ll_strbuf_init(&b);
  if (path[0] != '/') {
    char *cwd = getcwd(NULL, 0); /* malloc'd by libc */
    if (!cwd) return NULL;
    ll_strbuf_puts(&b, cwd);
    free(cwd);
    ll_strbuf_putc(&b, '/');
  }
  ll_strbuf_puts(&b, path);
  if (b.failed) {
    ll_strbuf_fini(&b);
    return NULL;
  }
  /* Resolve "." and ".." lexically, in place: `out` never passes `in`. */
  char *s = b.data, *out = s;
  const char *in = s;
  while (*in) {
    while (*in == '/') in++;
    if (!*in) break;
    const char *seg = in;
    while (*in && *in != '/') in++;
    size_t n = (size_t)(in - seg);
    if (n == 1 && seg[0] == '.') continue;
    if (n == 2 && seg[0] == '.' && seg[1] == '.') {
      while (out > s && *--out != '/') {}
      continue;
    }
    *out++ = '/';
    memmove(out, seg, n);
    out += n;
  }
  if (out == s) *out++ = '/';
  *out = '\0';
  return s;
}

char *ll_path_relative(const char *abs) {
  char *cwd = getcwd(NULL, 0); /* malloc'd by libc */
  const char *r = abs;
  size_t n = cwd ? strlen(cwd) : 0;
  if (cwd && n > 1 && !strncmp(abs, cwd, n) && abs[n] == '/' && abs[n + 1])
    r = abs + n + 1;
  free(cwd);
  return ll_strdup(r);
}

/* "dir" + "/" + "name", where `dir` "." gives "name". Free with `ll_free`. */
static char *path_join(const char *dir, const char *name) {
  ll_strbuf b;
  ll_strbuf_init(&b);
  size_t n = strlen(dir);
  if (!(n == 1 && dir[0] == '.')) {
    ll_strbuf_puts(&b, dir);
    if (n && dir[n - 1] != '/') ll_strbuf_putc(&b, '/');
  }
  ll_strbuf_puts(&b, name);
  if (b.failed) {
    ll_strbuf_fini(&b);
    return NULL;
  }
  return ll_strbuf_take(&b);
}

/* A path as given, tidied for display: no leading "./", no doubled or
 * trailing slashes. Free with `ll_free`. */
static char *display_path(const char *p) {
  char *s = ll_strdup(p), *o = s;
  if (!s) return NULL;
  const char *i = s;
  while (i[0] == '.' && i[1] == '/') {
    i += 2;
    while (*i == '/') i++;
  }
  for (; *i; i++)
    if (!(*i == '/' && (o > s && o[-1] == '/'))) *o++ = *i;
  while (o > s + 1 && o[-1] == '/') o--;
  if (o == s) *o++ = '.';
  *o = '\0';
  return s;
}

/* ==== Reading ==== */

static ll_status read_all(int fd, const char *name, size_t limit, char **text,
                          size_t *len, ll_error *err) {
  size_t cap = 64 * 1024, n = 0;
  char *buf = ll_malloc(cap + 1);
  if (!buf) return ll_error_set(err, LL_ENOMEM, name, "%s: out of memory", name);
  for (;;) {
    if (n == cap) {
      char *p = ll_realloc(buf, cap * 2 + 1);
      if (!p) {
        ll_free(buf);
        return ll_error_set(err, LL_ENOMEM, name, "%s: out of memory", name);
      }
      buf = p, cap *= 2;
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int e = errno;
      ll_free(buf);
      return ll_error_set(err, LL_EIO, name, "%s: cannot read: %s", name,
                          strerror(e));
    }
    if (r == 0) break;
    n += (size_t)r;
    if (limit && n > limit) {
      char lim[64];
      ll_free(buf);
      return ll_error_set(err, LL_ETOOBIG, name, "%s: file is over the size "
                          "limit of %s", name,
                          ll_cli_format_size(lim, sizeof lim, limit));
    }
  }
  buf[n] = '\0';
  *text = buf;
  *len = n;
  return LL_OK;
}

ll_status ll_read_fd(int fd, const char *name, size_t limit, char **text,
                     size_t *len, ll_error *err) {
  *text = NULL;
  *len = 0;
  return read_all(fd, name, limit, text, len, err);
}

ll_status ll_read_file(const char *path, size_t limit, char **text,
                       size_t *len, ll_error *err) {
  *text = NULL;
  *len = 0;
  int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    if (e == ENOENT)
      return ll_error_set(err, LL_ENOENT, path, "%s: no such file or "
                          "directory", path);
    return ll_error_set(err, LL_EIO, path, "%s: cannot open: %s", path,
                        strerror(e));
  }
  ll_status st;
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    int e = errno;
    st = ll_error_set(err, LL_EIO, path, "%s: cannot read: %s", path,
                      strerror(e));
  } else if (S_ISDIR(sb.st_mode)) {
    st = ll_error_set(err, LL_EIO, path, "%s: is a directory",
                      path);
  } else if (!S_ISREG(sb.st_mode)) {
    const char *what = S_ISFIFO(sb.st_mode)   ? "a FIFO"
                       : S_ISSOCK(sb.st_mode) ? "a socket"
                       : S_ISCHR(sb.st_mode)  ? "a character device"
                       : S_ISBLK(sb.st_mode)  ? "a block device"
                                              : "a special file";
    st = ll_error_set(err, LL_EIO, path, "%s: cannot read: not a regular "
                      "file (it is %s)", path, what);
  } else if (limit && (uintmax_t)sb.st_size > limit) {
    char have[64], lim[64];
    st = ll_error_set(err, LL_ETOOBIG, path, "%s: file is %s, over the size "
                      "limit of %s", path,
                      ll_cli_format_size(have, sizeof have, (size_t)sb.st_size),
                      ll_cli_format_size(lim, sizeof lim, limit));
  } else {
    st = read_all(fd, path, limit, text, len, err); /* /proc reports size 0 */
  }
  close(fd);
  return st;
}

/* ==== Walking ==== */

typedef struct devino {
  dev_t dev;
  ino_t ino;
} devino;

/* A set of (dev, ino) pairs: open addressing, power-of-two capacity. */
typedef struct devino_set {
  devino *slots;
  bool *used;
  size_t cap, len;
} devino_set;

static size_t devino_hash(devino k) {
  uint64_t h = (uint64_t)k.ino * 0x9E3779B97F4A7C15u ^ (uint64_t)k.dev;
  return (size_t)(h ^ (h >> 29));
}

/* Adds `k`; *added tells whether it was new. False when out of memory. */
static bool devino_add(devino_set *s, devino k, bool *added) {
  if ((s->len + 1) * 2 > s->cap) {
    devino_set t = {0};
    t.cap = s->cap ? s->cap * 2 : 256;
    t.slots = ll_calloc(t.cap, sizeof *t.slots);
    t.used = ll_calloc(t.cap, sizeof *t.used);
    if (!t.slots || !t.used) {
      ll_free(t.slots);
      ll_free(t.used);
      return false;
    }
    for (size_t i = 0; i < s->cap; i++) {
      if (!s->used[i]) continue;
      size_t j = devino_hash(s->slots[i]) & (t.cap - 1);
      while (t.used[j]) j = (j + 1) & (t.cap - 1);
      t.used[j] = true, t.slots[j] = s->slots[i], t.len++;
    }
    ll_free(s->slots);
    ll_free(s->used);
    *s = t;
  }
  size_t j = devino_hash(k) & (s->cap - 1);
  while (s->used[j]) {
    if (s->slots[j].dev == k.dev && s->slots[j].ino == k.ino)
      return *added = false, true;
    j = (j + 1) & (s->cap - 1);
  }
  s->used[j] = true, s->slots[j] = k, s->len++;
  return *added = true, true;
}

static void devino_fini(devino_set *s) {
  ll_free(s->slots);
  ll_free(s->used);
  memset(s, 0, sizeof *s);
}

typedef struct ancestor {
  devino id;
  const char *path; /* borrowed from the walk's frames */
} ancestor;

/* Where a folder sits in its git repository, for `.gitignore`. */
typedef struct gitpos {
  git_repository *repo; /* borrowed from the walker, or NULL: no repository */
  const char *rel;      /* path relative to the work tree; "" at its top */
} gitpos;

typedef struct walker {
  ll_file_list *list;
  ll_config_resolver *res;
  const ll_collect_opts *o;
  ll_error *err;
  ll_array(devino) ids;         /* parallel to `list->items` */
  ll_array(ancestor) stack;     /* folders on the current path */
  devino_set seen;              /* folders walked for the current argument */
  ll_array(git_repository *) repos; /* owned */
  size_t found, ignored;        /* for the current argument */
  bool git;                     /* libgit2 is loaded and .gitignore read */
} walker;

static const char *const default_skips[] = {
    "node_modules", ".git", ".hg", ".svn", "build", "dist", "out", "coverage",
};

static void diag(walker *w, ll_diag_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void diag(walker *w, ll_diag_kind kind, const char *fmt, ...) {
  char msg[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (kind == LL_DIAG_ERROR) w->list->errors++;
  if (w->o->diag) w->o->diag(w->o->diag_ud, kind, msg);
}

static ll_status oom(walker *w) {
  return ll_error_set(w->err, LL_ENOMEM, NULL, "out of memory");
}

/* Opens (or reuses) the repository containing folder `dir` and sets `*pos`
 * to the position of `leaf` (a name in `dir`, or NULL for `dir` itself). A
 * folder outside any repository, or a bare one, gets no repository. */
static ll_status git_locate(walker *w, const char *dir, const char *leaf,
                            gitpos *pos, char **rel_owned) {
  git_repository *repo = NULL;
  char real[PATH_MAX];
  pos->repo = NULL;
  pos->rel = "";
  *rel_owned = NULL;
  if (!w->git) return LL_OK;
  if (LLG(repository_open_ext)(&repo, dir, 0, NULL) != 0) return LL_OK;
  const char *wd = LLG(repository_workdir)(repo);
  if (!wd || !realpath(dir, real)) {
    LLG(repository_free)(repo);
    return LL_OK;
  }
  for (uint32_t i = 0; i < w->repos.len; i++) /* one handle per work tree */
    if (!strcmp(LLG(repository_workdir)(w->repos.items[i]), wd)) {
      LLG(repository_free)(repo);
      repo = w->repos.items[i];
      wd = LLG(repository_workdir)(repo);
      goto found;
    }
  if (!ll_array_push(&w->repos, repo)) {
    LLG(repository_free)(repo);
    return oom(w);
  }
found:;
  size_t wl = strlen(wd), rl = strlen(real);
  if (wl && wd[wl - 1] == '/') wl--;
  if (rl < wl || strncmp(real, wd, wl) || (real[wl] && real[wl] != '/'))
    return LL_OK; /* not inside the work tree after all */
  const char *r = real + wl + (real[wl] == '/');
  ll_strbuf b;
  ll_strbuf_init(&b);
  ll_strbuf_puts(&b, r);
  if (leaf) ll_strbuf_printf(&b, "%s%s", *r ? "/" : "", leaf);
  if (b.failed) {
    ll_strbuf_fini(&b);
    return oom(w);
  }
  *rel_owned = ll_strbuf_take(&b);
  pos->repo = repo;
  pos->rel = *rel_owned;
  return LL_OK;
}

static bool git_ignored(const gitpos *g) {
  int ignored = 0;
  if (!g->repo || !g->rel[0]) return false;
  if (LLG(ignore_path_is_ignored)(&ignored, g->repo, g->rel) != 0) return false;
  return ignored != 0;
}

static ll_status add_file(walker *w, const char *path, const char *abs,
                          const ll_settings *s, ll_lang lang, devino id) {
  ll_file_list *l = w->list;
  if (l->len == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    ll_file_item *p = ll_realloc(l->items, cap * sizeof *p);
    if (!p) return oom(w);
    l->items = p, l->cap = cap;
  }
  ll_file_item *it = &l->items[l->len];
  it->path = display_path(path);
  it->abs = ll_strdup(abs);
  it->settings = s;
  it->lang = lang;
  if (!it->path || !it->abs || !ll_array_push(&w->ids, id)) {
    ll_free(it->path);
    ll_free(it->abs);
    return oom(w);
  }
  l->len++;
  w->found++;
  return LL_OK;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static ll_status walk_dir(walker *w, const char *path, const char *abs,
                          devino id, gitpos git);

/* One entry `name` of folder `dir` (settings `s`, repository position
 * `git`). */
static ll_status walk_entry(walker *w, const char *dir, const char *abs_dir,
                            const char *name, const ll_settings *s,
                            gitpos git) {
  ll_status st = LL_OK;
  char *path = path_join(dir, name), *abs = path_join(abs_dir, name);
  char *rel = NULL;
  struct stat sb;
  if (!path || !abs) goto nomem;
  if (git.repo) {
    ll_strbuf b;
    ll_strbuf_init(&b);
    ll_strbuf_printf(&b, "%s%s%s", git.rel, git.rel[0] ? "/" : "", name);
    if (b.failed) goto nomem;
    rel = ll_strbuf_take(&b);
    git.rel = rel;
  }
  if (stat(path, &sb) != 0) {
    int e = errno;
    struct stat lsb;
    if (ll_lang_for_path(name) != LL_LANG_ANY) {
      if (lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
        diag(w, LL_DIAG_NOTE, "%s: skipped: broken symbolic link", path);
      else
        diag(w, LL_DIAG_ERROR, "%s: cannot access: %s", path, strerror(e));
    }
    goto done;
  }
  bool ignore = !w->o->no_ignore;
  if (S_ISDIR(sb.st_mode)) {
    if (ignore) {
      for (size_t i = 0; i < sizeof default_skips / sizeof *default_skips; i++)
        if (!strcmp(name, default_skips[i])) goto done;
      if (git_ignored(&git) || ll_settings_ignores(s, abs, true, NULL))
        goto done;
    }
    st = walk_dir(w, path, abs, (devino){sb.st_dev, sb.st_ino}, git);
    goto done;
  }
  ll_lang lang = ll_lang_for_path(name);
  if (lang == LL_LANG_ANY) goto done;
  if (ignore && (git_ignored(&git) || ll_settings_ignores(s, abs, false, NULL))) {
    w->ignored++;
    goto done;
  }
  st = add_file(w, path, abs, s, lang, (devino){sb.st_dev, sb.st_ino});
done:
  ll_free(rel);
  ll_free(path);
  ll_free(abs);
  return st;
nomem:
  st = oom(w);
  goto done;
}

static ll_status walk_dir(walker *w, const char *path, const char *abs,
                          devino id, gitpos git) {
  ll_status st = LL_OK;
  for (uint32_t i = 0; i < w->stack.len; i++)
    if (w->stack.items[i].id.dev == id.dev && w->stack.items[i].id.ino == id.ino) {
      diag(w, LL_DIAG_NOTE, "%s: skipped: symbolic link loop (it is the "
           "folder %s again)", path, w->stack.items[i].path);
      return LL_OK;
    }
  bool added;
  if (!devino_add(&w->seen, id, &added)) return oom(w);
  if (!added) return LL_OK; /* reached before through another link */

  ll_array(char *) names = {0};
  char *rel = NULL;
  DIR *d = opendir(path);
  if (!d) {
    diag(w, LL_DIAG_ERROR, "%s: cannot read folder: %s", path, strerror(errno));
    return LL_OK;
  }
  bool has_rc = false, has_git = false;
  for (struct dirent *e; (errno = 0, e = readdir(d));) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    char *n = ll_strdup(e->d_name);
    if (!n || !ll_array_push(&names, n)) {
      ll_free(n);
      st = oom(w);
      goto done;
    }
    has_rc |= !strcmp(n, LL_CONFIG_FILE_NAME);
    has_git |= !strcmp(n, ".git");
  }
  if (errno)
    diag(w, LL_DIAG_ERROR, "%s: cannot read folder: %s", path, strerror(errno));
  if (names.len) qsort(names.items, names.len, sizeof *names.items, cmp_names);

  const ll_settings *s;
  if ((st = ll_config_resolve(w->res, abs, has_rc, &s, w->err)) != LL_OK)
    goto done;
  /* A nested repository (a submodule or a clone inside a clone) has its own
   * .gitignore files: switch to it. */
  if (has_git && !(git.repo && !git.rel[0]) && !w->o->no_ignore) {
    gitpos inner;
    if ((st = git_locate(w, path, NULL, &inner, &rel)) != LL_OK) goto done;
    if (inner.repo && !inner.rel[0]) git = inner;
  }
  if (!ll_array_push(&w->stack, ((ancestor){id, path}))) {
    st = oom(w);
    goto done;
  }
  for (uint32_t i = 0; i < names.len && st == LL_OK; i++)
    st = walk_entry(w, path, abs, names.items[i], s, git);
  w->stack.len--;
done:
  closedir(d);
  for (uint32_t i = 0; i < names.len; i++) ll_free(names.items[i]);
  ll_array_free(&names);
  ll_free(rel);
  return st;
}

/* Splits an absolute path into its folder (owned) and last name (borrowed). */
static char *abs_parent(const char *abs, const char **leaf) {
  const char *slash = strrchr(abs, '/');
  *leaf = slash + 1;
  return ll_strndup(abs, slash == abs ? 1 : (size_t)(slash - abs));
}

static ll_status collect_one(walker *w, const char *arg) {
  ll_status st = LL_OK;
  char *abs = ll_path_absolute(arg), *parent = NULL, *rel = NULL, *pdir = NULL;
  const char *leaf;
  struct stat sb;
  if (!abs) return oom(w);
  if (stat(arg, &sb) != 0) {
    int e = errno;
    struct stat lsb;
    if (e == ENOENT && lstat(arg, &lsb) == 0)
      diag(w, LL_DIAG_ERROR, "%s: broken symbolic link", arg);
    else if (e == ENOENT)
      diag(w, LL_DIAG_ERROR, "%s: no such file or directory", arg);
    else
      diag(w, LL_DIAG_ERROR, "%s: cannot access: %s", arg, strerror(e));
    goto done;
  }
  gitpos git = {0};
  w->found = w->ignored = 0;
  if (S_ISDIR(sb.st_mode)) {
    if (!w->o->no_ignore && (st = git_locate(w, arg, NULL, &git, &rel)) != LL_OK)
      goto done;
    devino_fini(&w->seen);
    w->stack.len = 0;
    if ((st = walk_dir(w, arg, abs, (devino){sb.st_dev, sb.st_ino}, git)) != LL_OK)
      goto done;
    if (w->found == 0 && w->ignored == 0)
      diag(w, LL_DIAG_ERROR, "no JavaScript, TypeScript or C files found in %s",
           arg);
    else if (w->found == 0)
      diag(w, LL_DIAG_ERROR, "no JavaScript, TypeScript or C files found in %s "
           "(%zu ignored by .gitignore or the config's \"ignore\"; "
           "--no-ignore checks them)", arg, w->ignored);
    goto done;
  }
  ll_lang lang = ll_lang_for_path(arg);
  if (lang == LL_LANG_ANY) {
    diag(w, LL_DIAG_ERROR, "%s: unsupported file type (leaklint checks .js, "
         ".mjs, .cjs, .jsx, .ts, .mts, .cts, .tsx, .c and .h files)", arg);
    goto done;
  }
  if (!(parent = abs_parent(abs, &leaf))) goto nomem;
  const ll_settings *s;
  if ((st = ll_config_resolve(w->res, parent, -1, &s, w->err)) != LL_OK)
    goto done;
  if (!w->o->no_ignore) {
    const char *glob = NULL;
    const char *slash = strrchr(arg, '/');
    if (!(pdir = slash ? ll_strndup(arg, slash == arg ? 1 : (size_t)(slash - arg))
                       : ll_strdup(".")))
      goto nomem;
    if ((st = git_locate(w, pdir, leaf, &git, &rel)) != LL_OK) goto done;
    if (ll_settings_ignores(s, abs, false, &glob)) {
      diag(w, LL_DIAG_NOTE, "%s: skipped: ignored by \"%s\" in %s "
           "(--no-ignore checks it)", arg, glob,
           s->config ? s->config->path : "the config");
      goto done;
    }
    if (git_ignored(&git)) {
      diag(w, LL_DIAG_NOTE, "%s: skipped: ignored by .gitignore "
           "(--no-ignore checks it)", arg);
      goto done;
    }
  }
  st = add_file(w, arg, abs, s, lang, (devino){sb.st_dev, sb.st_ino});
done:
  ll_free(abs);
  ll_free(parent);
  ll_free(pdir);
  ll_free(rel);
  return st;
nomem:
  st = oom(w);
  goto done;
}

typedef struct sort_ref {
  ll_file_item item;
  devino id;
} sort_ref;

static int cmp_refs(const void *a, const void *b) {
  return strcmp(((const sort_ref *)a)->item.path, ((const sort_ref *)b)->item.path);
}

/* Sorts `list` by path and drops repeats of a file (same dev and inode),
 * keeping the first path. */
static ll_status sort_unique(walker *w) {
  ll_file_list *l = w->list;
  devino_set set = {0};
  sort_ref *refs = ll_calloc(l->len, sizeof *refs);
  if (!refs) return oom(w);
  for (size_t i = 0; i < l->len; i++)
    refs[i] = (sort_ref){l->items[i], w->ids.items[i]};
  qsort(refs, l->len, sizeof *refs, cmp_refs);
  size_t n = 0;
  for (size_t i = 0; i < l->len; i++) {
    bool added;
    if (!devino_add(&set, refs[i].id, &added)) {
      for (size_t k = i; k < l->len; k++) l->items[n++] = refs[k].item;
      l->len = n;
      ll_free(refs);
      devino_fini(&set);
      return oom(w);
    }
    if (added) {
      l->items[n++] = refs[i].item;
    } else {
      ll_free(refs[i].item.path);
      ll_free(refs[i].item.abs);
    }
  }
  l->len = n;
  ll_free(refs);
  devino_fini(&set);
  return LL_OK;
}

ll_status ll_files_collect(ll_file_list *list, char *const *argv, int argc,
                           ll_config_resolver *res, const ll_collect_opts *o,
                           ll_error *err) {
  ll_status st = LL_OK;
  walker w = {.list = list, .res = res, .o = o, .err = err};
  if (list->len)
    return ll_error_set(err, LL_EINTERNAL, NULL, "file list is not empty");
  /* libgit2 is loaded, and its start-up loads the TLS certificates
   * (~5 ms), only when ignore files are read. */
  const char *why = NULL;
  if (!o->no_ignore) {
    w.git = ll_git_load(&why);
    if (w.git) LLG(libgit2_init)();
    else
      diag(&w, LL_DIAG_NOTE, "cannot load libgit2 (%s): .gitignore files are not read",
           why);
  }
  for (int i = 0; i < argc && st == LL_OK; i++) st = collect_one(&w, argv[i]);
  if (st == LL_OK) st = sort_unique(&w);
  for (uint32_t i = 0; i < w.repos.len; i++) LLG(repository_free)(w.repos.items[i]);
  ll_array_free(&w.repos);
  ll_array_free(&w.ids);
  ll_array_free(&w.stack);
  devino_fini(&w.seen);
  if (w.git) LLG(libgit2_shutdown)();
  return st;
}

void ll_file_list_fini(ll_file_list *list) {
  for (size_t i = 0; i < list->len; i++) {
    ll_free(list->items[i].path);
    ll_free(list->items[i].abs);
  }
  ll_free(list->items);
  memset(list, 0, sizeof *list);
}
