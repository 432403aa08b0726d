/* `leaklint check`: parse the options, collect the files (files.c) with
 * their settings (config.c), analyse them on worker threads, write the
 * report through an output writer, and choose the exit code.
 *
 * Invariants: the report lists files sorted by path whatever the thread
 * count; a worker only reads its file and fills its own `job` slot (it takes
 * the next index atomically, and shares nothing else), so messages are
 * printed afterwards by the main thread in path order. A file that cannot
 * be analysed is named on stderr and makes the exit code 2, but never stops
 * the other files. The `-o` report is written to FILE.tmp and renamed, so a
 * failed run never leaves a truncated report behind. */
#include "cli/check.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uv.h>

#include "base/alloc.h"
#include "cli/cli.h"
#include "cli/files.h"
#include "frontend/c/c.h"
#include "output/output.h"

/* ==== Options ==== */

static ll_status usage(ll_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static ll_status usage(ll_error *err, const char *fmt, ...) {
  if (!err) return LL_EUSAGE;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  err->code = LL_EUSAGE;
  err->path[0] = '\0';
  err->line = err->column = 0;
  return LL_EUSAGE;
}

/* Parses a decimal count into `*out`; false unless all of `s` is digits. */
static bool parse_count(const char *s, unsigned long long max,
                        unsigned long long *out) {
  if (!*s || *s == '-' || *s == '+') return false;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return false;
  unsigned long long mul = 1;
  if (*end == 'k' || *end == 'K') mul = 1ull << 10, end++;
  else if (*end == 'm' || *end == 'M') mul = 1ull << 20, end++;
  else if (*end == 'g' || *end == 'G') mul = 1ull << 30, end++;
  if (*end || (mul > 1 && max < (1ull << 10)) || v > max / mul) return false;
  *out = v * mul;
  return true;
}

static ll_status parse_rule_opt(ll_check_args *a, const char *v, ll_error *err) {
  const char *eq = strchr(v, '=');
  if (!eq || eq == v)
    return usage(err, "--rule %s: expected ID=off|warn|error", v);
  char id[128];
  size_t n = (size_t)(eq - v);
  if (n >= sizeof id) n = sizeof id - 1;
  memcpy(id, v, n);
  id[n] = '\0';
  int idx = ll_rule_find(id);
  if (idx < 0) {
    const char *s = ll_cli_suggest_rule(id);
    return usage(err, "--rule %s: unknown rule id \"%s\"%s%s%s (`leaklint "
                 "rules` lists them)", v, id, s ? "; did you mean \"" : "",
                 s ? s : "", s ? "\"?" : "");
  }
  ll_severity sev;
  if (!ll_cli_parse_severity(eq + 1, &sev))
    return usage(err, "--rule %s: unknown severity \"%s\" (expected off, "
                 "warn or error)", v, eq + 1);
  a->ov.severity[idx] = sev;
  return LL_OK;
}

static ll_status parse_env_opt(ll_check_args *a, const char *v, ll_error *err) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", v);
  a->ov.has_env = true;
  a->ov.env = 0;
  char *save = NULL;
  for (char *tok = strtok_r(buf, ",", &save); tok;
       tok = strtok_r(NULL, ",", &save)) {
    while (*tok == ' ') tok++;
    unsigned bit = ll_env_parse(tok);
    if (!bit)
      return usage(err, "--env %s: unknown environment \"%s\" (expected "
                   "node, browser, worker or commonjs)", v, tok);
    a->ov.env |= bit;
  }
  if (!a->ov.env) return usage(err, "--env: expected a list of environments");
  return LL_OK;
}

/* Matches `arg` against option `name`: "--name VALUE", "--name=VALUE", or
 * for one-letter options "-xVALUE". On a match, sets `*val` (NULL when the
 * option takes none) and advances `*i` past a separate value. */
typedef enum { NO_MATCH, MATCH, MISSING } match_result;
static match_result opt(int argc, char **argv, int *i, const char *name,
                        bool takes_value, const char **val) {
  const char *arg = argv[*i];
  size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0) return NO_MATCH;
  if (arg[n] == '\0') {
    if (!takes_value) return *val = NULL, MATCH;
    if (*i + 1 >= argc) return MISSING;
    *val = argv[++*i];
    return MATCH;
  }
  if (!takes_value) return NO_MATCH;
  if (arg[n] == '=' && name[1] == '-') return *val = arg + n + 1, MATCH;
  if (name[1] != '-' && n == 2) return *val = arg + n, MATCH; /* -j4 */
  return NO_MATCH;
}

ll_status ll_check_args_parse(ll_check_args *a, int argc, char **argv,
                              ll_error *err) {
  memset(a, 0, sizeof *a);
  ll_overrides_init(&a->ov);
  a->format = "text";
  a->max_warnings = -1;
  a->stdin_filename = NULL;
  a->paths = ll_calloc((size_t)argc, sizeof *a->paths);
  if (!a->paths) return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
  bool only_paths = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i], *v = NULL;
    if (only_paths || arg[0] != '-' || !strcmp(arg, "-")) {
      if (!strcmp(arg, "-")) return usage(err, "use --stdin to read standard "
                                          "input");
      a->paths[a->npaths++] = argv[i];
      continue;
    }
    match_result m;
#define OPT(name, takes) \
  ((m = opt(argc, argv, &i, name, takes, &v)) == MISSING ? (missing = name, true) \
                                                          : m == MATCH)
    const char *missing = NULL;
    if (!strcmp(arg, "--")) {
      only_paths = true;
    } else if (OPT("--help", false) || OPT("-h", false)) {
      a->help = true;
    } else if (OPT("--format", true) || OPT("-f", true)) {
      if (!missing) {
        if (strcmp(v, "text") && strcmp(v, "json") && strcmp(v, "sarif"))
          return usage(err, "--format %s: unknown format (expected text, "
                       "json or sarif)", v);
        a->format = v;
      }
    } else if (OPT("--output-file", true) || OPT("--output", true) ||
               OPT("-o", true)) {
      if (!missing) {
        if (!*v) return usage(err, "-o: expected a file name");
        a->output = v;
      }
    } else if (OPT("--config", true) || OPT("-c", true)) {
      if (!missing) a->config = v;
    } else if (OPT("--rule", true)) {
      ll_status st;
      if (!missing && (st = parse_rule_opt(a, v, err)) != LL_OK) return st;
    } else if (OPT("--env", true)) {
      ll_status st;
      if (!missing && (st = parse_env_opt(a, v, err)) != LL_OK) return st;
    } else if (OPT("--max-warnings", true)) {
      unsigned long long n;
      if (!missing) {
        if (!strcmp(v, "-1")) a->max_warnings = -1;
        else if (parse_count(v, 1u << 30, &n) && !strpbrk(v, "kKmMgG"))
          a->max_warnings = (long)n;
        else
          return usage(err, "--max-warnings %s: expected a number", v);
      }
    } else if (OPT("--max-file-size", true)) {
      unsigned long long n;
      if (!missing) {
        if (!parse_count(v, SIZE_MAX, &n) || n == 0)
          return usage(err, "--max-file-size %s: expected a number of bytes "
                       "(suffixes K, M, G allowed)", v);
        a->ov.max_file_size = (size_t)n;
      }
    } else if (OPT("--jobs", true) || OPT("-j", true)) {
      unsigned long long n;
      if (!missing) {
        if (!parse_count(v, 1024, &n) || strpbrk(v, "kKmMgG"))
          return usage(err, "-j %s: expected a number of threads (0: all "
                       "cores)", v);
        a->jobs = (unsigned)n;
      }
    } else if (OPT("--quiet", false) || OPT("-q", false)) {
      a->quiet = true;
    } else if (OPT("--color", true)) {
      if (!missing) {
        if (!strcmp(v, "auto")) a->color = LL_COLOR_AUTO;
        else if (!strcmp(v, "always")) a->color = LL_COLOR_ALWAYS;
        else if (!strcmp(v, "never")) a->color = LL_COLOR_NEVER;
        else return usage(err, "--color %s: expected auto, always or never", v);
      }
    } else if (OPT("--no-color", false)) {
      a->color = LL_COLOR_NEVER;
    } else if (OPT("--stdin", false)) {
      a->use_stdin = true;
    } else if (OPT("--stdin-filename", true)) {
      if (!missing) {
        if (!*v) return usage(err, "--stdin-filename: expected a file name");
        a->stdin_filename = v;
      }
    } else if (OPT("--report-unused-disables", false)) {
      a->ov.report_unused_disables = true;
    } else if (OPT("--confirm", false)) {
      a->confirm.on = true;
    } else if (OPT("--confirm-only", false)) {
      a->confirm.on = a->confirm.only = true;
    } else if (OPT("--confirm-rounds", true)) {
      if (!missing && !ll_confirm_parse_rounds(&a->confirm, v))
        return usage(err, "--confirm-rounds %s: expected at least two ascending "
                     "call counts, e.g. 1,10,100", v);
    } else if (OPT("--confirm-advance", true) || OPT("--confirm-timeout", true)) {
      unsigned long long n;
      if (!missing) {
        if (!parse_count(v, 86400000ull, &n) || strpbrk(v, "kKmMgG") ||
            (n == 0 && arg[10] == 't'))
          return usage(err, "%s %s: expected milliseconds",
                       arg[10] == 'a' ? "--confirm-advance" : "--confirm-timeout", v);
        if (arg[10] == 'a') a->confirm.advance_ms = (double)n;
        else a->confirm.max_ms = (double)n;
      }
    } else if (OPT("--confirm-max-steps", true)) {
      unsigned long long n;
      if (!missing) {
        if (!parse_count(v, UINT64_MAX, &n) || n == 0)
          return usage(err, "--confirm-max-steps %s: expected a number of steps", v);
        a->confirm.max_steps = n;
      }
    } else if (OPT("--confirm-heap-cap", true)) {
      unsigned long long n;
      if (!missing) {
        if (!parse_count(v, SIZE_MAX, &n) || n < (1u << 20))
          return usage(err, "--confirm-heap-cap %s: expected bytes, at least 1M "
                       "(suffixes K, M, G allowed)", v);
        a->confirm.heap_cap = (size_t)n;
      }
    } else if (OPT("--no-ignore", false)) {
      a->no_ignore = true;
    } else if (OPT("--compile-commands", true)) {
      if (!missing) {
        char db[4200];
        struct stat dsb;
        snprintf(db, sizeof db, "%s/compile_commands.json", v);
        if (stat(v, &dsb) != 0 || !S_ISDIR(dsb.st_mode))
          return usage(err, "--compile-commands %s: no such folder", v);
        if (stat(db, &dsb) != 0)
          return usage(err, "--compile-commands %s: the folder has no "
                       "compile_commands.json", v);
        a->compile_commands = v;
      }
    } else {
      return usage(err, "unknown option '%s' (`leaklint check --help` lists "
                   "the options)", arg);
    }
#undef OPT
    if (missing) return usage(err, "option '%s' needs a value", missing);
  }
  if (a->help) return LL_OK;
  if (a->use_stdin && a->npaths)
    return usage(err, "--stdin reads one file from standard input: give no "
                 "paths with it");
  if (a->stdin_filename && !a->use_stdin)
    return usage(err, "--stdin-filename needs --stdin");
  if (!a->stdin_filename) a->stdin_filename = "<stdin>.js";
  return LL_OK;
}

void ll_check_args_fini(ll_check_args *a) {
  ll_free(a->paths);
  a->paths = NULL;
  a->npaths = 0;
}

/* ==== Analysis ==== */

typedef struct job {
  const ll_file_item *item;
  const char *compile_commands; /* --compile-commands, or NULL */
  ll_c_xtu *xtu;          /* C files of a whole-project run, or NULL */
  const char *text;       /* --stdin: the text already read (borrowed) */
  size_t len;
  ll_file_result *result; /* owned; NULL on failure */
  ll_status status;
  char *message;          /* owned; the failure, naming the file */
} job;

static size_t effective_limit(const ll_options *o) {
  return o->max_file_size ? o->max_file_size : LL_CLI_DEFAULT_MAX_FILE_SIZE;
}

static void job_fail(job *j, ll_status st, const ll_error *e) {
  const char *path = j->item->path;
  const char *msg = e->message[0] ? e->message : ll_status_str(st);
  size_t pl = strlen(path);
  char buf[2400];
  /* Messages from files.c start with the path; the analyzer's may not. */
  if (!strncmp(msg, path, pl) && msg[pl] == ':')
    snprintf(buf, sizeof buf, "%s", msg);
  else
    snprintf(buf, sizeof buf, "%s: %s", path, msg);
  if (st == LL_ETOOBIG)
    strncat(buf, "; raise the limit with --max-file-size",
            sizeof buf - strlen(buf) - 1);
  j->status = st;
  j->message = ll_strdup(buf);
}

static void job_run(job *j) {
  ll_options copy = j->item->settings->opts;
  if (j->compile_commands) copy.compile_commands = j->compile_commands;
  copy.c_xtu = j->xtu;
  const ll_options *o = &copy;
  ll_error e = {0};
  char *text = NULL;
  size_t len = j->len;
  ll_status st = LL_OK;
  if (!j->text) {
    st = ll_read_file(j->item->path, effective_limit(o), &text, &len, &e);
    if (st != LL_OK) {
      job_fail(j, st, &e);
      return;
    }
  }
  st = ll_analyze_source(o, j->item->path, j->text ? j->text : text, len,
                         &j->result, &e);
  ll_free(text);
  if (st != LL_OK) {
    j->result = NULL;
    job_fail(j, st, &e);
  }
}

static void job_at(void *jobs, size_t i) { job_run(&((job *)jobs)[i]); }

/* ==== Report ==== */

static bool want_color(const ll_check_args *a) {
  if (a->color != LL_COLOR_AUTO) return a->color == LL_COLOR_ALWAYS;
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return false;
  return !a->output && isatty(STDOUT_FILENO);
}

/* Writes the report to `a->output` through FILE.tmp and a rename. */
static bool write_report(const ll_check_args *a, ll_output_fn fn,
                         const ll_file_result *const *res, size_t n,
                         const ll_run_summary *sum, const ll_output_opts *oo) {
  if (!a->output) {
    ll_status st = fn(stdout, res, n, sum, oo);
    if (st != LL_OK || fflush(stdout) != 0 || ferror(stdout)) {
      ll_cli_diag("cannot write the report to standard output: %s",
                  st != LL_OK ? ll_status_str(st) : strerror(errno));
      return false;
    }
    return true;
  }
  /* A device or FIFO (`-o /dev/null`, `-o /dev/stdout`) is written in
   * place: renaming a temporary file over it would replace the device. */
  struct stat out_st;
  if (stat(a->output, &out_st) == 0 && !S_ISREG(out_st.st_mode)) {
    FILE *dev = fopen(a->output, "w");
    ll_status st = dev ? fn(dev, res, n, sum, oo) : LL_EIO;
    int e = errno;
    if (dev && fclose(dev) != 0 && st == LL_OK) st = LL_EIO, e = errno;
    if (st != LL_OK)
      ll_cli_diag("cannot write the report to %s: %s", a->output, strerror(e));
    return st == LL_OK;
  }
  size_t len = strlen(a->output);
  char *tmp = ll_malloc(len + 5);
  if (!tmp) {
    ll_cli_diag("out of memory");
    return false;
  }
  memcpy(tmp, a->output, len);
  memcpy(tmp + len, ".tmp", 5);
  const char *why = NULL;
  int e = 0;
  FILE *f = fopen(tmp, "w");
  if (!f) {
    e = errno;
    why = "cannot create";
  } else {
    ll_status st = fn(f, res, n, sum, oo);
    if (st != LL_OK) why = ll_status_str(st);
    else if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)
      e = errno, why = "cannot write";
    if (fclose(f) != 0 && !why) e = errno, why = "cannot write";
    if (!why && rename(tmp, a->output) != 0) e = errno, why = "cannot rename";
    if (why) unlink(tmp);
  }
  if (why) {
    if (e)
      ll_cli_diag("cannot write the report to %s: %s %s: %s", a->output, why,
                  tmp, strerror(e));
    else
      ll_cli_diag("cannot write the report to %s: %s", a->output, why);
  }
  ll_free(tmp);
  return why == NULL;
}

static void print_diag(void *ud, ll_diag_kind kind, const char *message) {
  (void)ud;
  if (kind == LL_DIAG_NOTE) ll_cli_diag("note: %s", message);
  else ll_cli_diag("%s", message);
}

/* Builds the single item of a --stdin run. */
static ll_status stdin_item(const ll_check_args *a, ll_config_resolver *res,
                            ll_file_item *it, ll_error *err) {
  memset(it, 0, sizeof *it);
  it->path = ll_strdup(a->stdin_filename);
  it->abs = ll_path_absolute(a->stdin_filename);
  it->lang = ll_lang_for_path(a->stdin_filename);
  if (!it->path || !it->abs)
    return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
  char *slash = strrchr(it->abs, '/');
  char *dir = ll_strndup(it->abs, slash == it->abs ? 1 : (size_t)(slash - it->abs));
  if (!dir) return ll_error_set(err, LL_ENOMEM, NULL, "out of memory");
  ll_status st = ll_config_resolve(res, dir, -1, &it->settings, err);
  ll_free(dir);
  return st;
}

/* The texts of the files whose findings are confirmed, read again on the
 * main thread before the confirmation threads start (the analysis does not
 * keep them). */
typedef struct reread {
  const char *stdin_path, *stdin_text;
  size_t stdin_len;
  char **texts;
  size_t n, cap;
} reread;

static const char *reread_text(void *ud, const char *path, size_t *len) {
  reread *rr = ud;
  if (rr->stdin_path && !strcmp(path, rr->stdin_path)) {
    *len = rr->stdin_len;
    return rr->stdin_text;
  }
  if (rr->n == rr->cap) {
    size_t cap = rr->cap ? rr->cap * 2 : 16;
    char **t = ll_realloc(rr->texts, cap * sizeof *t);
    if (!t) return NULL;
    rr->texts = t;
    rr->cap = cap;
  }
  ll_error e = {0};
  char *text = NULL;
  if (ll_read_file(path, SIZE_MAX, &text, len, &e) != LL_OK) return NULL;
  rr->texts[rr->n++] = text;
  return text;
}

static void reread_fini(reread *rr) {
  for (size_t i = 0; i < rr->n; i++) ll_free(rr->texts[i]);
  ll_free(rr->texts);
}

int ll_check_run(const ll_check_args *a) {
  int code = LL_EXIT_OK;
  uint64_t t0 = uv_hrtime();
  ll_error err = {0};
  ll_config_resolver *res = NULL;
  ll_file_list list = {0};
  job *jobs = NULL;
  const ll_file_result **results = NULL;
  char *stdin_text = NULL;
  size_t stdin_len = 0;
  bool failed = false;
  ll_c_xtu *xtu = NULL;
  ll_confirm *confirms = NULL;

  ll_output_fn fn = ll_output_find(a->format);
  if (!fn) {
    ll_cli_diag("output format \"%s\" is not available", a->format);
    return LL_EXIT_FAILURE;
  }
  if (ll_config_resolver_new(&a->ov, a->config, &res, &err) != LL_OK) {
    ll_cli_diag("%s", err.message);
    return LL_EXIT_FAILURE;
  }
  if (a->use_stdin) {
    list.items = ll_calloc(1, sizeof *list.items);
    if (!list.items) goto oom;
    list.cap = 1;
    ll_status st = stdin_item(a, res, &list.items[0], &err);
    list.len = 1;
    if (st != LL_OK) goto fatal;
    if (list.items[0].lang == LL_LANG_ANY) {
      ll_cli_diag("%s: unsupported file type (leaklint checks .js, .mjs, "
                  ".cjs, .jsx, .ts, .mts, .cts, .tsx, .c and .h files)",
                  a->stdin_filename);
      failed = true;
      ll_file_list_fini(&list);
    } else {
      size_t limit = effective_limit(&list.items[0].settings->opts);
      st = ll_read_fd(STDIN_FILENO, "<stdin>", limit, &stdin_text, &stdin_len,
                      &err);
      if (st == LL_ETOOBIG) {
        char lim[64];
        ll_cli_diag("%s: standard input is over the size limit of %s; raise "
                    "the limit with --max-file-size", a->stdin_filename,
                    ll_cli_format_size(lim, sizeof lim, limit));
        code = LL_EXIT_FAILURE;
        goto done;
      }
      if (st != LL_OK) goto fatal;
    }
  } else {
    char dot[] = ".";
    char *def[] = {dot};
    ll_collect_opts co = {.no_ignore = a->no_ignore, .diag = print_diag};
    ll_status st = ll_files_collect(&list, a->npaths ? a->paths : def,
                                    a->npaths ? a->npaths : 1, res, &co, &err);
    if (st != LL_OK) goto fatal;
    failed = list.errors > 0;
  }

  /* Analyse. */
  if (list.len && !(jobs = ll_calloc(list.len, sizeof *jobs))) goto oom;
  for (size_t i = 0; i < list.len; i++) {
    jobs[i].item = &list.items[i];
    jobs[i].compile_commands = a->compile_commands;
    if (a->use_stdin) jobs[i].text = stdin_text, jobs[i].len = stdin_len;
  }
  /* Two or more C files: a whole-project run. The first pass also
   * collects the summaries of their external functions; the files that use
   * a function another file summarised are then analysed again with the
   * summaries visible (frontend/c/xtu.c). JS files run once. */
  size_t nc = 0;
  for (size_t i = 0; i < list.len; i++) nc += list.items[i].lang == LL_LANG_C;
  if (nc >= 2 && !(xtu = ll__c_xtu_new())) goto oom;
  for (size_t i = 0; xtu && i < list.len; i++)
    if (list.items[i].lang == LL_LANG_C) jobs[i].xtu = xtu;
  ll_cli_parallel(list.len, a->jobs, job_at, jobs);
  if (xtu) {
    ll__c_xtu_freeze(xtu);
    job *again = ll_calloc(nc, sizeof *again);
    if (!again) goto oom;
    size_t na = 0;
    for (size_t i = 0; i < list.len; i++) {
      if (!jobs[i].xtu || !jobs[i].result ||
          !ll__c_xtu_needs_recheck(xtu, jobs[i].item->path))
        continue;
      again[na] = jobs[i];
      again[na].result = NULL;
      again[na].message = NULL;
      again[na].status = LL_OK;
      na++;
    }
    ll_cli_parallel(na, a->jobs, job_at, again);
    for (size_t i = 0, k = 0; i < list.len && k < na; i++) {
      if (jobs[i].item != again[k].item) continue;
      ll_file_result_free(jobs[i].result);
      ll_free(jobs[i].message);
      jobs[i] = again[k++];
    }
    ll_free(again);
  }

  /* Confirm the JS findings by running them (cli/confirm.c). */
  if (a->confirm.on) {
    ll_file_result **ok = ll_calloc(list.len + 1, sizeof *ok);
    if (!ok) goto oom;
    size_t nok = 0;
    for (size_t i = 0; i < list.len; i++)
      if (jobs[i].result) ok[nok++] = jobs[i].result;
    reread rr = {.stdin_path = a->use_stdin ? a->stdin_filename : NULL,
                 .stdin_text = stdin_text, .stdin_len = stdin_len};
    ll_status st = ll_cli_confirm_results(&a->confirm, ok, nok, a->jobs, reread_text,
                                          &rr, &confirms);
    ll_free(ok);
    reread_fini(&rr);
    if (st != LL_OK) goto oom;
  }

  /* Report, in path order. */
  if (!(results = ll_calloc(list.len + 1, sizeof *results))) goto oom;
  size_t nres = 0, errors = 0, warnings = 0;
  ll_run_summary sum = {0};
  for (size_t i = 0; i < list.len; i++) {
    job *j = &jobs[i];
    if (!j->result) {
      ll_cli_diag("%s", j->message ? j->message : ll_status_str(j->status));
      failed = true;
      continue;
    }
    results[nres++] = j->result;
    errors += j->result->errors;
    warnings += j->result->warnings;
    sum.errors += j->result->errors;
    if (!a->quiet) {
      sum.warnings += j->result->warnings;
      sum.infos += j->result->infos;
    }
  }
  sum.files = nres;
  sum.duration_ms = (double)(uv_hrtime() - t0) / 1e6;
  ll_output_opts oo = {
      .color = want_color(a),
      .min_severity = a->quiet ? LL_SEV_ERROR : LL_SEV_INFO,
  };
  if (!write_report(a, fn, results, nres, &sum, &oo)) failed = true;

  if (failed) code = LL_EXIT_FAILURE;
  else if (errors) code = LL_EXIT_FINDINGS;
  if (a->max_warnings >= 0 && warnings > (size_t)a->max_warnings) {
    ll_cli_diag("too many warnings: %zu (--max-warnings is %ld)", warnings,
                a->max_warnings);
    if (code == LL_EXIT_OK) code = LL_EXIT_FINDINGS;
  }
  goto done;

oom:
  ll_error_set(&err, LL_ENOMEM, NULL, "out of memory");
fatal:
  ll_cli_diag("%s", err.message);
  code = LL_EXIT_FAILURE;
done:
  for (size_t i = 0; jobs && i < list.len; i++) {
    ll_file_result_free(jobs[i].result);
    ll_free(jobs[i].message);
  }
  ll_free(jobs);
  ll_free(results);
  ll_free(confirms);
  ll_free(stdin_text);
  ll_file_list_fini(&list);
  ll_config_resolver_free(res);
  ll__c_xtu_free(xtu);
  return code;
}

int ll_cli_check(int argc, char **argv) {
  ll_check_args a;
  ll_error err = {0};
  int code;
  if (ll_check_args_parse(&a, argc, argv, &err) != LL_OK) {
    ll_cli_diag("%s", err.message);
    code = LL_EXIT_FAILURE;
  } else if (a.help) {
    ll_cli_check_help(stdout);
    code = LL_EXIT_OK;
  } else {
    code = ll_check_run(&a);
  }
  ll_check_args_fini(&a);
  return code;
}
