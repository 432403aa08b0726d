/* Helpers shared by the builtins_*.c files. */
#ifndef LLRT_BUILTINS_H
#define LLRT_BUILTINS_H

#include "gc.h"
#include "interp.h"

#define ARG(i) ((i) < argc ? argv[i] : LLRT_UNDEF)
#define NATIVE(name)                                                           \
  static llrt_value name(llrt_state *S, llrt_value this_val, int argc,         \
                         llrt_value *argv, int magic, llrt_value *data)
#define UNUSED_NATIVE_ARGS                                                     \
  (void)this_val;                                                              \
  (void)argc;                                                                  \
  (void)argv;                                                                  \
  (void)magic;                                                                 \
  (void)data

/** Defines `name` on `obj` as a native function (non-enumerable). */
llrt_value llrt__def_fn(llrt_state *S, llrt_value obj, const char *name,
                        llrt_native_fn fn, int nargs, int magic);
/** Defines a plain value property (non-enumerable). */
bool llrt__def_val(llrt_state *S, llrt_value obj, const char *name,
                   llrt_value v);
/** Makes a constructor `name` with prototype object `proto` on the global. */
llrt_value llrt__def_ctor(llrt_state *S, const char *name, llrt_native_fn fn,
                          int nargs, llrt_value proto);
/** The prototype for an object built by a native constructor: from
 * new.target when subclassed, else `dflt`. */
llrt_value llrt__proto_for(llrt_state *S, llrt_value dflt);
/** Appends the inspect() rendering of `v` (console.log style). */
typedef struct llrt_buf {
  char *p;
  size_t n, cap;
} llrt_buf;
bool llrt__buf_put(llrt_buf *b, const char *s, size_t n);
bool llrt__inspect(llrt_state *S, llrt_buf *b, llrt_value v, int depth,
                   bool top);
/** Byte offset of UTF-16 unit `u` in `s`, and the reverse. */
uint32_t llrt__unit_to_byte(const llrt_str *s, uint32_t u);
uint32_t llrt__byte_to_unit(const llrt_str *s, uint32_t b);
double llrt__arg_num(llrt_state *S, llrt_value v, bool *exc);
/** GroupBy: calls `fn(item, index)` for each item of iterable `items` and
 * hands (key, item) to `add`, which files it into `out` (Object.groupBy,
 * Map.groupBy). Returns `out`, or EXC. */
llrt_value llrt__group_by(llrt_state *S, llrt_value items, llrt_value fn, llrt_value out,
                          bool (*add)(llrt_state *S, llrt_value out, llrt_value key,
                                      llrt_value item));
/** CreateListFromArrayLike: pushes `a`'s elements; their count or -1. */
int llrt__push_array_like(llrt_state *S, llrt_value a);
llrt_value llrt__new_map_iter(llrt_state *S, llrt_value map, int kind);
llrt_value llrt__new_array_iter(llrt_state *S, llrt_value target, int kind);
llrt_value llrt__iter_result(llrt_state *S, llrt_value v, bool done);
llrt_value llrt__json_stringify(llrt_state *S, llrt_value v, llrt_value indent);
llrt_value llrt__regexp_replace(llrt_state *S, llrt_value re, llrt_value str,
                                llrt_value repl);
llrt_value llrt__regexp_split(llrt_state *S, llrt_value re, llrt_value str);
/** GetSubstitution (builtins_more.c): appends `rs` with its `$` patterns
 * expanded for a match of `s` (`ov`: PCRE2's ovector, `ng` groups; `code`:
 * the pcre2 code for `$<name>`, or NULL for a string pattern). */
bool llrt__get_substitution(llrt_buf *b, const llrt_str *s, const llrt_str *rs,
                            const size_t *ov, uint32_t ng, void *code);
/** obj[Symbol.toStringTag] = name, configurable only (as the spec makes
 * them), read by Object.prototype.toString (builtins_string.c). */
bool llrt__def_tag(llrt_state *S, llrt_value obj, const char *name);
/** Installs Date (builtins_date.c; called by builtins_more.c). */
bool llrt__builtins_date_init(llrt_state *S);
llrt_value llrt__regexp_match(llrt_state *S, llrt_value re, llrt_value str,
                              bool all);

/* Set-up helpers for the builtins_*.c installers, which return false on
 * failure: stop at the first failed definition. */
#define CHECK(x)                                                               \
  do {                                                                         \
    if ((x) == LLRT_EXC) return false;                                         \
  } while (0)
#define FN(obj, name, f, n, m) CHECK(llrt__def_fn(S, obj, name, f, n, m))

#endif
