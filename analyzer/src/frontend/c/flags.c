/* Compiler flags for one C file, in this order of preference:
 *   1. compile_commands.json in the folder the options name
 *      (`--compile-commands DIR`), else the first one found in the file's
 *      folder or a `build/` folder beside it, going up to the root;
 *   2. the configuration's `c.includes`, `c.defines`, `c.std`
 *      (`ll_options.c_args`), added in every case;
 *   3. defaults: the file's own folder on the include path, and node's
 *      headers (for N-API addons) when they are installed.
 * A database entry's folder is passed as `-working-directory`: chdir is
 * process-wide and the CLI's workers run in parallel. Arguments that only
 * matter to a build (`-c`, `-o`, dependency files, `-Werror`) are dropped.
 * A database that exists but cannot be loaded is reported in `note`. */
#include "frontend/c/flags.h"

#include <cjson/cJSON.h>
#include "frontend/c/clang_api.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"

static bool is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool push(ll_c_flags *fl, const char *a) {
  if (fl->argc == fl->cap) {
    int cap = fl->cap ? fl->cap * 2 : 32;
    char **v = ll_realloc(fl->argv, (size_t)cap * sizeof *v);
    if (!v) return false;
    fl->argv = v;
    fl->cap = cap;
  }
  char *c = ll_strdup(a);
  if (!c) return false;
  fl->argv[fl->argc++] = c;
  return true;
}

/* The absolute, lexically normalised form of `path`. */
static char *absolute(const char *path) {
  char cwd[PATH_MAX];
  char buf[2 * PATH_MAX + 2];
  if (path[0] == '/') snprintf(buf, sizeof buf, "%s", path);
  else if (getcwd(cwd, sizeof cwd)) snprintf(buf, sizeof buf, "%s/%s", cwd, path);
  else return NULL;
  /* Resolve "." and ".." segments. */
  char *out = ll_malloc(strlen(buf) + 2);
  if (!out) return NULL;
  size_t n = 0;
  for (char *p = buf; *p;) {
    while (*p == '/') p++;
    char *e = p;
    while (*e && *e != '/') e++;
    size_t len = (size_t)(e - p);
    if (len == 0) break;
    if (len == 1 && p[0] == '.') {
    } else if (len == 2 && p[0] == '.' && p[1] == '.') {
      while (n > 0 && out[n - 1] != '/') n--;
      if (n > 0) n--;
    } else {
      out[n++] = '/';
      memcpy(out + n, p, len);
      n += len;
    }
    p = e;
  }
  if (n == 0) out[n++] = '/';
  out[n] = '\0';
  return out;
}

/* Options whose value is the next argument and that only a build needs. */
static bool drop_with_value(const char *a) {
  static const char *const v[] = {"-o", "-MF", "-MT", "-MQ", NULL};
  for (const char *const *p = v; *p; p++)
    if (!strcmp(a, *p)) return true;
  return false;
}

static bool drop_alone(const char *a) {
  return !strcmp(a, "-c") || !strcmp(a, "-MD") || !strcmp(a, "-MMD") ||
         !strcmp(a, "-M") || !strcmp(a, "-MM") || !strcmp(a, "-MP") ||
         !strncmp(a, "-Werror", 7) || !strncmp(a, "-o", 2) ||
         !strncmp(a, "-MF", 3) || !strcmp(a, "--");
}

static bool same_file(const char *dir, const char *arg, const char *abs) {
  char buf[2 * PATH_MAX + 2];
  if (arg[0] == '/') snprintf(buf, sizeof buf, "%s", arg);
  else snprintf(buf, sizeof buf, "%s/%s", dir, arg);
  char *a = absolute(buf);
  bool same = a && !strcmp(a, abs);
  ll_free(a);
  return same;
}

/* A compiler input (not an option's value, such as -isystem's folder). */
static bool is_source_name(const char *a) {
  static const char *const exts[] = {".c", ".cc", ".cpp", ".cxx", ".m",
                                     ".S", ".s", ".i", NULL};
  const char *dot = strrchr(a, '.');
  if (!dot || strchr(dot, '/')) return false;
  for (const char *const *e = exts; *e; e++)
    if (!strcmp(dot, *e)) return true;
  return false;
}

/* Copies the flags of one compile command (without the compiler, the file
 * and the build-only options). */
static bool take_command(ll_c_flags *fl, CXCompileCommand cmd, const char *abs,
                         bool keep_file_args) {
  CXString d = LLC(CompileCommand_getDirectory)(cmd);
  const char *dir = LLC(getCString)(d);
  bool ok = true;
  ok = push(fl, "-working-directory") && push(fl, dir);
  unsigned n = LLC(CompileCommand_getNumArgs)(cmd);
  for (unsigned i = 1; i < n && ok; i++) {
    CXString s = LLC(CompileCommand_getArg)(cmd, i);
    const char *a = LLC(getCString)(s);
    if (drop_with_value(a)) {
      i++;
    } else if (drop_alone(a)) {
    } else if (a[0] != '-' && is_source_name(a) &&
               (!keep_file_args || same_file(dir, a, abs))) {
      /* the source file (or, for a header, the other file's) */
    } else {
      ok = push(fl, a);
    }
    LLC(disposeString)(s);
  }
  LLC(disposeString)(d);
  return ok;
}

/* Looks `abs` up in the database of `dir`. 1: found, 0: not in it, -1: the
 * database cannot be loaded. */
/* True when DIR/compile_commands.json is a JSON array: libclang prints
 * its own errors to stderr for anything else, so it never sees one. */
static bool database_is_valid(const char *dir) {
  char path[PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/compile_commands.json", dir);
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  size_t cap = 1 << 16, n = 0;
  char *buf = ll_malloc(cap);
  bool ok = buf != NULL;
  while (ok) {
    if (n == cap) {
      char *nb = cap < (256u << 20) ? ll_realloc(buf, cap * 2) : NULL;
      if (!nb) {
        ok = false;
        break;
      }
      buf = nb;
      cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    if (got == 0) break;
    n += got;
  }
  fclose(f);
  cJSON *root = ok ? cJSON_ParseWithLength(buf, n) : NULL;
  ok = cJSON_IsArray(root);
  cJSON_Delete(root);
  ll_free(buf);
  return ok;
}

static int from_database(ll_c_flags *fl, const char *dir, const char *abs,
                         bool is_header) {
  if (!database_is_valid(dir)) return -1;
  CXCompilationDatabase_Error e = CXCompilationDatabase_NoError;
  CXCompilationDatabase db = LLC(CompilationDatabase_fromDirectory)(dir, &e);
  if (e != CXCompilationDatabase_NoError || !db) {
    if (db) LLC(CompilationDatabase_dispose)(db);
    return -1;
  }
  int found = 0;
  /* Not getCompileCommands: libclang answers a file without an entry with
   * another file's command under this file's name (an inferred one), so
   * the real entries are searched here. Duplicate entries (a shared and a
   * static build of one file) have the same include paths: the first is
   * enough. */
  CXCompileCommands all = LLC(CompilationDatabase_getAllCompileCommands)(db);
  unsigned n = all ? LLC(CompileCommands_getSize)(all) : 0;
  for (unsigned i = 0; i < n && !found; i++) {
    CXCompileCommand cmd = LLC(CompileCommands_getCommand)(all, i);
    CXString d = LLC(CompileCommand_getDirectory)(cmd);
    CXString file = LLC(CompileCommand_getFilename)(cmd);
    bool mine = same_file(LLC(getCString)(d), LLC(getCString)(file), abs);
    LLC(disposeString)(d);
    LLC(disposeString)(file);
    if (mine) found = take_command(fl, cmd, abs, true) ? 1 : 0;
  }
  if (!found && is_header && n > 0) {
    /* A header has no entry: borrow the flags of the file nearest to it
     * (the longest common path), whose include paths and defines are what
     * the header is built with. */
    unsigned best = 0;
    size_t best_len = 0;
    for (unsigned i = 0; i < n; i++) {
      CXCompileCommand cmd = LLC(CompileCommands_getCommand)(all, i);
      CXString file = LLC(CompileCommand_getFilename)(cmd);
      const char *fp = LLC(getCString)(file);
      size_t k = 0;
      while (fp[k] && fp[k] == abs[k]) k++;
      if (k > best_len) best = i, best_len = k;
      LLC(disposeString)(file);
    }
    found = take_command(fl, LLC(CompileCommands_getCommand)(all, best), abs,
                         false) ? 1 : 0;
  }
  if (all) LLC(CompileCommands_dispose)(all);
  LLC(CompilationDatabase_dispose)(db);
  return found;
}

ll_status ll__c_flags_resolve(const ll_options *o, const char *path,
                              ll_c_flags *fl) {
  memset(fl, 0, sizeof *fl);
  fl->source = absolute(path);
  if (!fl->source) return LL_ENOMEM;
  size_t plen = strlen(path);
  bool is_header = plen > 2 && !strcmp(path + plen - 2, ".h");
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", fl->source);
  char *slash = strrchr(dir, '/');
  if (slash) *(slash == dir ? slash + 1 : slash) = '\0';
  char probe[PATH_MAX + 64];

  if (o->compile_commands) {
    int r = from_database(fl, o->compile_commands, fl->source, is_header);
    if (r < 0)
      snprintf(fl->note, sizeof fl->note,
               "cannot load %.900s/compile_commands.json; analysed with default "
               "flags", o->compile_commands);
    if (r > 0)
      snprintf(fl->origin, sizeof fl->origin, "%.1000s", o->compile_commands);
  } else {
    /* Upward from the file's folder: DIR/ and DIR/build/. */
    char cur[PATH_MAX];
    snprintf(cur, sizeof cur, "%s", dir);
    for (;;) {
      const char *cands[2] = {"", "/build"};
      bool done = false;
      for (int i = 0; i < 2 && !done; i++) {
        snprintf(probe, sizeof probe, "%s%s/compile_commands.json",
                 strcmp(cur, "/") ? cur : "", cands[i]);
        if (!is_file(probe)) continue;
        *strrchr(probe, '/') = '\0';
        int r = from_database(fl, probe, fl->source, is_header);
        if (r < 0)
          snprintf(fl->note, sizeof fl->note,
                   "cannot load %.900s/compile_commands.json (not a valid "
                   "compilation database); analysed with default flags",
                   probe);
        if (r > 0) snprintf(fl->origin, sizeof fl->origin, "%.1000s", probe);
        done = true; /* the nearest database decides */
      }
      if (done) break;
      char *s = strrchr(cur, '/');
      if (!s || s == cur) break;
      *s = '\0';
    }
  }
  if (!fl->origin[0]) {
    /* Defaults. */
    if (!push(fl, "-I") || !push(fl, dir)) return LL_ENOMEM;
    if (is_dir("/usr/include/node") &&
        (!push(fl, "-isystem") || !push(fl, "/usr/include/node")))
      return LL_ENOMEM;
  }
  for (size_t i = 0; i < o->nc_args; i++)
    if (!push(fl, o->c_args[i])) return LL_ENOMEM;
  if (is_header && !push(fl, "-xc")) return LL_ENOMEM;
  if (!push(fl, "-fno-spell-checking")) return LL_ENOMEM;
  return LL_OK;
}

void ll__c_flags_fini(ll_c_flags *fl) {
  for (int i = 0; i < fl->argc; i++) ll_free(fl->argv[i]);
  ll_free(fl->argv);
  ll_free(fl->source);
  memset(fl, 0, sizeof *fl);
}

bool ll__c_flags_defaults(const ll_options *o, ll_c_flags *fl) {
  for (int i = 0; i < fl->argc; i++) ll_free(fl->argv[i]);
  fl->argc = 0;
  fl->origin[0] = '\0';
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", fl->source);
  char *slash = strrchr(dir, '/');
  if (slash) *(slash == dir ? slash + 1 : slash) = '\0';
  if (!push(fl, "-I") || !push(fl, dir)) return false;
  for (size_t i = 0; i < o->nc_args; i++)
    if (!push(fl, o->c_args[i])) return false;
  return push(fl, "-fno-spell-checking");
}
