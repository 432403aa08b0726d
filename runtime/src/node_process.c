/* The Node host's `process` properties (env, argv, platform, version, cwd,
 * memoryUsage, hrtime, uptime, exit) and the natives of `util` (format,
 * inspect); the rest of `util` is JavaScript in node.c.
 *
 * The sandbox holds: `process.env` is an empty object (phantom-tailed once
 * phantoms are on, so `process.env.PORT` is a phantom), `cwd()` is "/",
 * `argv` is what the host passes to `llrt_node_set_argv`, and time comes
 * from the loop's clock (virtual or real). `process.exit()` records the
 * code, emits 'exit', and stops the run with an uncatchable unwind
 * (`S->fatal`), which the loop turns back into a normal end.
 *
 * Must never: read the environment, the file system or the wall clock. */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "loop.h"
#include "phantom.h"

/* ==== process ==== */

static bool set_num(llrt_state *S, llrt_value o, const char *k, double v) {
  llrt_value key = llrt__intern(S, k, strlen(k));
  return key != LLRT_EXC && llrt__define(S, LLRT_OBJ(o), key, llrt_num(v), LLRT_P_DEFAULT);
}

/* process.memoryUsage(): heapUsed is the collector's live bytes (garbage
 * included until collected, as in V8); external and arrayBuffers are the
 * live Buffers' bytes. */
NATIVE(n_memory_usage) {
  UNUSED_NATIVE_ARGS;
  llrt_value o = llrt__new_object(S);
  if (o == LLRT_EXC || !llrt__push(S, o)) return LLRT_EXC;
  double heap = (double)llrt_gc_live_bytes(S, -1);
  double ext = (double)llrt__node_buffer_bytes(S);
  bool ok = set_num(S, o, "rss", heap + ext) && set_num(S, o, "heapTotal", (double)S->total_bytes) &&
            set_num(S, o, "heapUsed", heap) && set_num(S, o, "external", ext) &&
            set_num(S, o, "arrayBuffers", ext);
  llrt__popn(S, 1);
  return ok ? o : LLRT_EXC;
}

/* process.hrtime([prev]) -> [seconds, nanoseconds] on the loop's clock. */
NATIVE(n_hrtime) {
  UNUSED_NATIVE_ARGS;
  llrt_loop *L = S->loop;
  double ns = (llrt_loop_now(S) - L->start) * 1e6;
  ns = floor(ns);
  llrt_value prev = ARG(0);
  if (LLRT_IS_OBJ(prev) && llrt_tt(prev) == LLRT_T_ARRAY && LLRT_OBJ(prev)->len >= 2 &&
      LLRT_IS_NUM(LLRT_OBJ(prev)->elems[0]) && LLRT_IS_NUM(LLRT_OBJ(prev)->elems[1]))
    ns -= llrt_tonum_raw(LLRT_OBJ(prev)->elems[0]) * 1e9 + llrt_tonum_raw(LLRT_OBJ(prev)->elems[1]);
  llrt_value a = llrt__new_array(S, 2);
  if (a == LLRT_EXC) return a;
  double sec = floor(ns / 1e9);
  LLRT_OBJ(a)->elems[0] = llrt_num(sec);
  LLRT_OBJ(a)->elems[1] = llrt_num(ns - sec * 1e9);
  return a;
}

NATIVE(n_uptime) {
  UNUSED_NATIVE_ARGS;
  return llrt_num((llrt_loop_now(S) - S->loop->start) / 1e3);
}

NATIVE(n_cwd) {
  UNUSED_NATIVE_ARGS;
  return llrt__str_cstr(S, "/");
}

/* process.exit(code): 'exit' listeners run, then an uncatchable stop. */
NATIVE(n_exit) {
  (void)argc;
  (void)magic;
  (void)data;
  llrt_loop *L = S->loop;
  if (L->exited) {
    S->fatal = LLRT_THROWN;
    return LLRT_EXC;
  }
  int code = 0;
  if (LLRT_IS_NUM(ARG(0))) code = (int)llrt_tonum_raw(ARG(0));
  else if (ARG(0) == LLRT_UNDEF) {
    llrt_value c = llrt__get_str(S, this_val, "exitCode");
    if (c == LLRT_EXC) return c;
    if (LLRT_IS_NUM(c)) code = (int)llrt_tonum_raw(c);
  }
  L->exited = true;
  L->exit_code = code;
  llrt_value emit = LLRT_IS_OBJ(this_val) ? llrt__get_str(S, this_val, "emit") : LLRT_UNDEF;
  if (llrt__is_callable(emit)) {
    llrt_value args[2];
    args[0] = llrt__str_cstr(S, "exit");
    if (args[0] == LLRT_EXC || !llrt__push(S, args[0]) || !llrt__push(S, emit))
      return LLRT_EXC;
    args[1] = llrt_num(code);
    llrt_value r = llrt__call(S, emit, this_val, 2, args);
    llrt__popn(S, 2);
    if (r == LLRT_EXC && (S->fatal || S->oom)) return r;
  }
  char msg[64];
  snprintf(msg, sizeof msg, "process.exit(%d)", code);
  llrt_value m = llrt__str_cstr(S, msg);
  if (m == LLRT_EXC) return m;
  S->exc = m;
  S->exc_script = NULL;
  S->fatal = LLRT_THROWN; /* no catch or finally runs */
  return LLRT_EXC;
}

/* process.env: a getter, so an env read after the confirmation driver
 * turned phantoms on is phantom-tailed; the setter replaces it. */
NATIVE(n_env) {
  (void)this_val;
  (void)data;
  llrt_loop *L = S->loop;
  if (magic) {
    L->v[LV_ENV] = ARG(0);
    return LLRT_UNDEF;
  }
  (void)argc;
  (void)argv;
  llrt_value e = L->v[LV_ENV];
  if (S->phantoms && LLRT_IS_OBJ(e) && llrt_tt(e) == LLRT_T_OBJECT)
    llrt__phantom_tail(LLRT_OBJ(e));
  return e;
}

uint64_t llrt_node_phantom_uses(const llrt_state *S) { return S->phantom_uses; }

static bool def_str(llrt_state *S, llrt_value o, const char *k, const char *v) {
  llrt_value s = llrt__str_cstr(S, v);
  if (s == LLRT_EXC || !llrt__push(S, s)) return false;
  llrt_value key = llrt__intern(S, k, strlen(k));
  bool ok = key != LLRT_EXC && llrt__define(S, LLRT_OBJ(o), key, s, LLRT_P_DEFAULT);
  llrt__popn(S, 1);
  return ok;
}

static bool def_obj(llrt_state *S, llrt_value o, const char *k, llrt_value v) {
  if (v == LLRT_EXC || !llrt__push(S, v)) return false;
  llrt_value key = llrt__intern(S, k, strlen(k));
  bool ok = key != LLRT_EXC && llrt__define(S, LLRT_OBJ(o), key, v, LLRT_P_DEFAULT);
  llrt__popn(S, 1);
  return ok;
}

bool llrt_node_set_argv(llrt_state *S, int argc, const char *const *argv) {
  llrt_loop *L = S->loop;
  if (!L) return false;
  size_t base = S->sp;
  llrt_value a = llrt__new_array(S, 0);
  if (a == LLRT_EXC || !llrt__push(S, a)) goto fail;
  for (int i = 0; i < argc; i++) {
    llrt_value s = llrt__str_cstr(S, argv[i]);
    if (s == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(a), s)) goto fail;
  }
  /* `process` is built on first use (node.c), then takes the array. */
  L->v[LV_ARGV] = a;
  if (LLRT_IS_OBJ(L->v[LV_PROCESS]) && !def_obj(S, L->v[LV_PROCESS], "argv", a))
    goto fail;
  S->sp = base;
  return true;
fail:
  S->sp = base;
  return false;
}

bool llrt__node_process_init(llrt_state *S, llrt_value p) {
  if (!llrt__push(S, p)) return false;
  bool ok = def_str(S, p, "platform", "linux") && def_str(S, p, "arch", "x64") &&
            def_str(S, p, "version", "v20.0.0") && def_str(S, p, "title", "node") &&
            set_num(S, p, "pid", 1) && set_num(S, p, "ppid", 0) &&
            def_obj(S, p, "execArgv", llrt__new_array(S, 0)) &&
            def_obj(S, p, "versions", llrt__new_object(S));
  if (ok) {
    llrt_value v = llrt__get_str(S, p, "versions");
    ok = v != LLRT_EXC && def_str(S, v, "node", "20.0.0") && def_str(S, v, "llrt", "0.1");
  }
  ok = ok && llrt__def_fn(S, p, "memoryUsage", n_memory_usage, 0, 0) != LLRT_EXC &&
       llrt__def_fn(S, p, "hrtime", n_hrtime, 1, 0) != LLRT_EXC &&
       llrt__def_fn(S, p, "uptime", n_uptime, 0, 0) != LLRT_EXC &&
       llrt__def_fn(S, p, "cwd", n_cwd, 0, 0) != LLRT_EXC &&
       llrt__def_fn(S, p, "exit", n_exit, 1, 0) != LLRT_EXC;
  if (ok) {
    llrt_loop *L = S->loop;
    size_t base = S->sp;
    L->v[LV_ENV] = llrt__new_object(S);
    llrt_value get = L->v[LV_ENV] == LLRT_EXC ? LLRT_EXC : llrt__native_new(S, "get env", n_env, 0, 0);
    llrt_value set = get == LLRT_EXC || !llrt__push(S, get)
                         ? LLRT_EXC : llrt__native_new(S, "set env", n_env, 1, 1);
    llrt_value key = set == LLRT_EXC || !llrt__push(S, set) ? LLRT_EXC : llrt__intern(S, "env", 3);
    ok = key != LLRT_EXC && llrt__define_accessor(S, LLRT_OBJ(p), key, get, set,
                                                  LLRT_P_ENUMERABLE | LLRT_P_CONFIGURABLE);
    S->sp = base;
  }
  llrt__popn(S, 1);
  if (!ok) return false;
  if (LLRT_IS_OBJ(S->loop->v[LV_ARGV])) return true; /* the host's (node.c) */
  static const char *const argv[] = {"node"};
  return llrt_node_set_argv(S, 1, argv);
}

bool llrt_node_exited(const llrt_state *S, int *code) {
  if (!S->loop || !S->loop->exited) return false;
  if (code) *code = S->loop->exit_code;
  return true;
}

/* ==== util.format, util.inspect ==== */

/* `%j`: JSON.stringify, "[Circular]" when it throws on a cycle. */
static bool put_json(llrt_state *S, llrt_buf *b, llrt_value v) {
  llrt_value s = llrt__json_stringify(S, v, LLRT_UNDEF);
  if (s == LLRT_EXC) {
    if (S->fatal || S->oom) return false;
    S->exc = LLRT_UNDEF;
    return llrt__buf_put(b, "[Circular]", 10);
  }
  if (!LLRT_IS_STR(s)) return llrt__buf_put(b, "undefined", 9);
  return llrt__buf_put(b, LLRT_STR(s)->data, LLRT_STR(s)->len);
}

static bool put_number(llrt_state *S, llrt_buf *b, llrt_value v, char c) {
  double d;
  if (LLRT_IS_OBJ(v) && c == 'd') {
    d = NAN; /* as Node: %d of an object is NaN */
  } else if (c == 'i' || c == 'f') {
    llrt_value s = llrt__to_string(S, v);
    if (s == LLRT_EXC) return false;
    d = strtod(LLRT_STR(s)->data, NULL);
    if (c == 'i') d = trunc(d);
    const char *p = LLRT_STR(s)->data;
    while (*p == ' ') p++;
    if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.')) d = NAN;
  } else {
    bool exc = false;
    d = llrt__to_number(S, v, &exc);
    if (exc) return false;
  }
  char nb[64];
  if (d == 0 && signbit(d)) snprintf(nb, sizeof nb, "-0");
  else llrt__describe(S, llrt_num(d), nb, sizeof nb);
  return llrt__buf_put(b, nb, strlen(nb));
}

NATIVE(n_util_format) {
  (void)this_val;
  (void)data;
  (void)magic;
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "", 0);
  int i = 0;
  if (argc > 0 && LLRT_IS_STR(argv[0])) {
    const llrt_str *f = LLRT_STR(argv[0]);
    int a = 1;
    for (uint32_t k = 0; k < f->len && ok; k++) {
      char c = k + 1 < f->len ? f->data[k + 1] : 0;
      if (f->data[k] != '%' || !c) {
        ok = llrt__buf_put(&b, &f->data[k], 1);
        continue;
      }
      if (c == '%') {
        ok = llrt__buf_put(&b, "%", 1);
        k++;
        continue;
      }
      if (!strchr("sdifjoOc", c) || a >= argc) {
        ok = llrt__buf_put(&b, &f->data[k], 1);
        continue;
      }
      k++;
      llrt_value v = argv[a++];
      switch (c) {
      case 's':
        ok = LLRT_IS_OBJ(v) && !llrt__is_callable(v) ? llrt__inspect(S, &b, v, 1, true)
                                                      : llrt__inspect(S, &b, v, 0, true);
        break;
      case 'd':
      case 'i':
      case 'f': ok = put_number(S, &b, v, c); break;
      case 'j': ok = put_json(S, &b, v); break;
      case 'c': break; /* CSS: consumed, not printed */
      default: ok = llrt__inspect(S, &b, v, 0, false); break;
      }
    }
    i = a;
  } else if (argc > 0) {
    ok = llrt__inspect(S, &b, argv[0], 0, true);
    i = 1;
  }
  for (; i < argc && ok; i++)
    ok = llrt__buf_put(&b, " ", 1) && llrt__inspect(S, &b, argv[i], 0, true);
  llrt_value r = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  free(b.p);
  return r;
}

NATIVE(n_util_inspect) {
  UNUSED_NATIVE_ARGS;
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "", 0) && llrt__inspect(S, &b, ARG(0), 0, false);
  llrt_value r = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  free(b.p);
  return r;
}

bool llrt__node_util_init(llrt_state *S, llrt_value util) {
  if (!llrt__push(S, util)) return false;
  bool ok = llrt__def_fn(S, util, "format", n_util_format, 1, 0) != LLRT_EXC;
  llrt_value insp = ok ? llrt__def_fn(S, util, "inspect", n_util_inspect, 2, 0) : LLRT_EXC;
  ok = insp != LLRT_EXC && llrt__push(S, insp);
  if (ok) {
    /* util.inspect.custom, as Node spells the symbol */
    llrt_value sf = llrt__get_str(S, S->global, "Symbol");
    llrt_value forfn = sf == LLRT_EXC ? sf : llrt__get_str(S, sf, "for");
    llrt_value name = forfn == LLRT_EXC ? forfn : llrt__str_cstr(S, "nodejs.util.inspect.custom");
    llrt_value sym = LLRT_EXC;
    if (name != LLRT_EXC && llrt__push(S, name)) {
      sym = llrt__call(S, forfn, sf, 1, &S->stack[S->sp - 1]);
      llrt__popn(S, 1);
    }
    ok = sym != LLRT_EXC && llrt__def_val(S, insp, "custom", sym);
    llrt__popn(S, 1);
  }
  llrt__popn(S, 1);
  return ok;
}
