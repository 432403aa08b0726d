/* Values, the object layout and the state: the runtime's shared internals.
 *
 * ==== Values ====
 * `llrt_value` is NaN-boxed in 64 bits. A double is stored as itself, with
 * every NaN canonicalised to 0x7FF8000000000000, so no double ever has the
 * top sixteen bits 0xFFF9 or above. Those patterns carry the other values:
 *   0xFFF9 | 48-bit pointer   a GC object (string, symbol, object, …);
 *                             the header's `tt` says which
 *   0xFFFA | k                undefined (0), null (1), false (2), true (3),
 *                             HOLE (4: TDZ slot or array hole, never visible
 *                             to JavaScript), EXC (5: "an exception is
 *                             pending in S->exc", returned by evaluation)
 *
 * ==== Objects ====
 * Every GC object starts with `llrt_gc` (next, tt, mark, age, flags, site).
 * Types from `LLRT_T_OBJECT` on start with `llrt_obj`: a prototype, an
 * ordered property table (linear scan up to 8 entries, then a hash index)
 * and a dense element vector used by arrays and array-likes. Property keys
 * are interned strings or symbols, compared by pointer.
 *
 * Must never: hold a `llrt_value` across an allocation without a root. */
#ifndef LLRT_OBJECT_H
#define LLRT_OBJECT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "runtime/include/llrt.h"

/* ==== Types ==== */

enum {
#define LLRT_TYPE(id, name) LLRT_T_##id,
#include "types.def"
#undef LLRT_TYPE
  LLRT_T_COUNT
};
extern const char *const llrt_type_names[LLRT_T_COUNT];

typedef struct llrt_gc {
  struct llrt_gc *next; /* young or old list (gc.h) */
  uint8_t tt;           /* LLRT_T_* */
  uint8_t mark;         /* LLRT_WHITE / LLRT_BLACK */
  uint8_t age;          /* minors survived; LLRT_AGE_OLD when old */
  uint8_t flags;        /* LLRT_GCF_* */
  uint32_t site;        /* allocation site id (0: internal) */
} llrt_gc;

/* ==== Value encoding ==== */

#define LLRT_TAG_PTR 0xFFF9000000000000ull
#define LLRT_TAG_SPEC 0xFFFA000000000000ull
#define LLRT_TAG_MASK 0xFFFF000000000000ull
#define LLRT_UNDEF (LLRT_TAG_SPEC | 0)
#define LLRT_NULL (LLRT_TAG_SPEC | 1)
#define LLRT_FALSE (LLRT_TAG_SPEC | 2)
#define LLRT_TRUE (LLRT_TAG_SPEC | 3)
#define LLRT_HOLE (LLRT_TAG_SPEC | 4)
#define LLRT_EXC (LLRT_TAG_SPEC | 5)

#define LLRT_IS_NUM(v) ((v) < LLRT_TAG_PTR)
#define LLRT_IS_PTR(v) (((v) & LLRT_TAG_MASK) == LLRT_TAG_PTR)
#define LLRT_PTR(v) ((llrt_gc *)(uintptr_t)((v) & ~LLRT_TAG_MASK))
#define LLRT_IS_BOOL(v) ((v) == LLRT_TRUE || (v) == LLRT_FALSE)
#define LLRT_IS_NULLISH(v) ((v) == LLRT_UNDEF || (v) == LLRT_NULL)

static inline llrt_value llrt_num(double d) {
  llrt_value v;
  if (d != d) return 0x7FF8000000000000ull;
  memcpy(&v, &d, 8);
  return v;
}
static inline double llrt_tonum_raw(llrt_value v) {
  double d;
  memcpy(&d, &v, 8);
  return d;
}
static inline llrt_value llrt_ptr(const void *p) {
  return LLRT_TAG_PTR | (uint64_t)(uintptr_t)p;
}
static inline llrt_value llrt_bool(bool b) { return b ? LLRT_TRUE : LLRT_FALSE; }
static inline int llrt_tt(llrt_value v) {
  return LLRT_IS_PTR(v) ? LLRT_PTR(v)->tt : -1;
}
#define LLRT_IS_STR(v) (llrt_tt(v) == LLRT_T_STRING)
#define LLRT_IS_SYM(v) (llrt_tt(v) == LLRT_T_SYMBOL)
#define LLRT_IS_OBJ(v) (llrt_tt(v) >= LLRT_T_OBJECT)

/* ==== Strings and symbols ==== */

typedef struct llrt_str {
  llrt_gc h;
  uint32_t len;   /* bytes of UTF-8 */
  uint32_t hash;  /* 0 until computed (llrt__str_hash) */
  uint32_t ulen;  /* length in UTF-16 units */
  bool ascii;
  char data[];    /* NUL-terminated */
} llrt_str;

typedef struct llrt_sym {
  llrt_gc h;
  llrt_value desc; /* a string or undefined */
} llrt_sym;

#define LLRT_STR(v) ((llrt_str *)LLRT_PTR(v))

/* ==== Objects ==== */

enum {
  LLRT_P_WRITABLE = 1, LLRT_P_ENUMERABLE = 2, LLRT_P_CONFIGURABLE = 4,
  LLRT_P_ACCESSOR = 8, LLRT_P_DELETED = 16,
  LLRT_P_DEFAULT = 7,
};

typedef struct llrt_prop {
  llrt_value key;    /* interned string or symbol */
  llrt_value val;    /* value, or getter when ACCESSOR */
  llrt_value setter; /* setter when ACCESSOR, else undefined */
  uint32_t flags;
  uint32_t hnext;    /* next index in the hash chain */
} llrt_prop;

typedef struct llrt_obj {
  llrt_gc h;
  struct llrt_obj *proto;
  llrt_prop *props;
  uint32_t nprops, pcap, ndeleted;
  uint32_t *hidx; /* hash index: heads of chains (UINT32_MAX: empty) */
  uint32_t hcap;
  bool extensible, frozen;
  bool is_class_ctor; /* a `class` constructor: calling it throws */
  llrt_value *elems;  /* dense elements (arrays, arguments) */
  uint32_t len, ecap;
} llrt_obj;

typedef struct llrt_env {
  llrt_gc h;
  struct llrt_env *parent;
  uint32_t n;
  llrt_value slots[];
} llrt_env;

struct llrt_script;
typedef struct llrt_closure {
  llrt_obj o;
  struct llrt_script *script;
  const struct llrt_fninfo *info; /* the node's call-time facts (interp.h) */
  uint32_t node;       /* the function node */
  llrt_env *env;
  llrt_value this_val; /* arrows: the captured `this` */
  llrt_value home;     /* methods: the home object (for `super`) */
  llrt_value fields;   /* class constructors: the class node as a number */
  llrt_value new_target; /* arrows: captured new.target */
  uint8_t kind;        /* LLRT_FN_* */
} llrt_closure;

enum { LLRT_FN_NORMAL, LLRT_FN_ARROW, LLRT_FN_METHOD, LLRT_FN_BASE_CTOR,
       LLRT_FN_DERIVED_CTOR };

typedef llrt_value (*llrt_native_fn)(llrt_state *S, llrt_value this_val,
                                     int argc, llrt_value *argv, int magic,
                                     llrt_value *data);
typedef struct llrt_native {
  llrt_obj o;
  llrt_native_fn fn;
  int magic;
  bool ctor;         /* may be called with `new` */
  llrt_value data[2]; /* captured values (promise resolvers, …) */
} llrt_native;

typedef struct llrt_bound {
  llrt_obj o;
  llrt_value target, this_val;
  llrt_value *args;
  uint32_t nargs;
} llrt_bound;

typedef struct llrt_boxed {
  llrt_obj o;
  llrt_value prim;
} llrt_boxed;

/* Map and Set: entries in insertion order; deleted ones keep their place
 * with key HOLE until a compaction. `first` skips deleted entries at the
 * front, so an LRU that deletes the oldest entry stays O(1). */
typedef struct llrt_mentry {
  llrt_value key, val;
  uint32_t hnext;
} llrt_mentry;

typedef struct llrt_map {
  llrt_obj o;
  llrt_mentry *ents;
  uint32_t nents, ecap, count, first;
  uint32_t *hidx;
  uint32_t hcap;
  uint32_t epoch;                 /* bumped by every compaction */
  struct llrt_mapiter **iters;    /* live iterators (weak), fixed up on compaction */
  uint32_t niters, itcap;
} llrt_map;

typedef struct llrt_mapiter {
  llrt_obj o;
  llrt_map *map; /* NULL when done */
  uint32_t pos;
  uint32_t slot; /* index in `map->iters` (O(1) detach) */
  uint8_t kind;  /* 0 keys, 1 values, 2 entries */
} llrt_mapiter;

typedef struct llrt_arrayiter {
  llrt_obj o;
  llrt_value target;
  uint32_t pos;
  uint8_t kind;
} llrt_arrayiter;

/* WeakMap / WeakSet: open addressing on the key's address. */
typedef struct llrt_wentry {
  llrt_value key; /* UNDEF: empty; HOLE: deleted */
  llrt_value val;
} llrt_wentry;

typedef struct llrt_weakmap {
  llrt_obj o;
  llrt_wentry *ents;
  uint32_t cap, count, used;
  struct llrt_weakmap *next_eph; /* on S->ephemerons during a collection */
  bool queued;
} llrt_weakmap;

typedef struct llrt_weakref {
  llrt_obj o;
  llrt_value target;
  struct llrt_weakref *next_weak;
  bool queued;
} llrt_weakref;

typedef struct llrt_fincell {
  llrt_value target, held, token; /* token UNDEF when none */
} llrt_fincell;

typedef struct llrt_finreg {
  llrt_obj o;
  llrt_value cleanup;
  llrt_fincell *cells;
  uint32_t n, cap;
  struct llrt_finreg *next_weak;
  bool queued;
} llrt_finreg;

typedef struct llrt_promise {
  llrt_obj o;
  uint8_t state; /* 0 pending, 1 fulfilled, 2 rejected */
  bool handled;
  llrt_value result;
  llrt_value reactions; /* an internal array of [onFul, onRej, derived] */
} llrt_promise;

typedef struct llrt_date {
  llrt_obj o;
  double t;
} llrt_date;

typedef struct llrt_regexp {
  llrt_obj o;
  void *code;        /* pcre2_code_8 */
  llrt_value source, flags;
  bool global, sticky;
} llrt_regexp;

/* A generator or a running async function: a coroutine with its own C
 * stack and value stack (generator.c). */
struct llrt_frame;
typedef struct llrt_gen {
  llrt_obj o;
  void *co;              /* generator.c's coroutine (ucontext, C stack) */
  llrt_value fn, this_val, xfer, promise, resolve, reject;
  llrt_value *args;      /* a copy of the call's arguments */
  int argc;
  llrt_value *vs;        /* its value stack while suspended or running */
  size_t vsp, vcap;
  struct llrt_frame *top, *base; /* its frames while suspended */
  llrt_value *outer_stack; /* the resumer's value stack while running */
  size_t outer_sp, outer_cap;
  struct llrt_frame *outer_frame;
  struct llrt_gen *prev_running;
  uint8_t state;         /* 0 new, 1 running, 2 suspended, 3 done */
  uint8_t mode;          /* how it is resumed: 0 next, 1 throw, 2 return */
  bool threw, is_async;
  bool is_agen;          /* an async generator: `promise` holds its request
                            queue (async_generator.c) */
  uint8_t susp;          /* why it is suspended: LLRT_SUSP_* */
} llrt_gen;

#define LLRT_OBJ(v) ((llrt_obj *)LLRT_PTR(v))

/* Why a [[Set]] wrote nothing (`S->refused`); sloppy code ignores it. */
enum { LLRT_REFUSED_NONE, LLRT_REFUSED_READ_ONLY, LLRT_REFUSED_GETTER_ONLY,
       LLRT_REFUSED_NOT_EXTENSIBLE, LLRT_REFUSED_PRIMITIVE,
       LLRT_REFUSED_PROXY /* a set trap returned falsish */ };

/** A String object (`new String('x')`): its `length` is its string's. */
static inline bool llrt__is_string_object(const llrt_obj *o) {
  return o->h.tt == LLRT_T_BOXED && LLRT_IS_STR(((const llrt_boxed *)o)->prim);
}

/* A plain object (LLRT_T_OBJECT) carries room for its first properties
 * right after its header, so `{a, b}` or `this.left = …; this.right = …`
 * costs one block; `props` points there until the table outgrows it. */
#define LLRT_INLINE_PROPS 2
#define LLRT_PLAIN_OBJ_SIZE (sizeof(llrt_obj) + LLRT_INLINE_PROPS * sizeof(llrt_prop))
static inline llrt_prop *llrt__inline_props(llrt_obj *o) {
  return (llrt_prop *)(void *)(o + 1);
}
/** Whether `o->props` is the object's inline room (not a separate block). */
static inline bool llrt__props_inline(llrt_obj *o) {
  return o->props == llrt__inline_props(o) && o->h.tt == LLRT_T_OBJECT;
}

/* ==== The state ==== */

typedef struct llrt_rootset {
  llrt_value *slots;
  size_t n;
} llrt_rootset;

typedef struct llrt_tracer {
  llrt_trace_fn fn;
  void *ud;
} llrt_tracer;

typedef struct llrt_frame {
  struct llrt_frame *parent;
  llrt_value fn, this_val, new_target;
  llrt_value *args;
  int argc;
  llrt_value arguments; /* the `arguments` object once made */
  llrt_env *env;        /* the innermost environment */
  struct llrt_script *script;
  uint32_t node;        /* the node being evaluated (locations, sites) */
  llrt_value ret;       /* the value of a `return` on its way out */
  llrt_value home;      /* the running method's home object (`super`) */
  const char *label;    /* the label of a pending break/continue, or NULL */
  uint32_t label_len;
} llrt_frame;

typedef struct llrt_sizeclass {
  void *free;    /* free blocks of this class, linked through their first word */
  size_t nfree;
} llrt_sizeclass;

#define LLRT_NCLASSES 16 /* 16-byte granules: 16 .. 256 bytes */

/* Well-known property names, interned once and never collected. */
#define LLRT_ATOMS(X) X(length) X(prototype) X(constructor) X(name) \
  X(message) X(stack) X(toString) X(valueOf) X(next) X(done) X(value) \
  X(get) X(set) X(writable) X(enumerable) X(configurable) X(cause) \
  X(callee) X(then) X(lastIndex) X(index) X(input) X(groups) X(toJSON) \
  X(errors) X(status) X(reason) X(join) X(exports) X(__proto__) X(require)

typedef struct llrt_atoms {
#define LLRT_ATOM_FIELD(n) llrt_value n;
  LLRT_ATOMS(LLRT_ATOM_FIELD)
#undef LLRT_ATOM_FIELD
  llrt_value default_, empty, undefined_s, null_s, true_s, false_s, object_s,
      function_s, number_s, string_s, boolean_s, symbol_s, bigint_s;
} llrt_atoms;

#define LLRT_WATCH_MAX 8
#define LLRT_SPARE_STACKS 8

struct llrt_state {
  llrt_config cfg;
  /* ==== Heap ==== */
  llrt_gc *young, *old;
  llrt_sizeclass classes[LLRT_NCLASSES];
  void **chunks;
  size_t nchunks, chunkcap;
  size_t live_bytes[LLRT_T_COUNT];
  size_t live_count[LLRT_T_COUNT];
  size_t total_bytes, young_bytes, old_bytes;
  size_t since_gc, major_base;
  uint64_t nalloc;
  bool collecting, in_minor, oom;
  uint64_t stress_count;
  llrt_gc **remembered;
  size_t nremembered, remcap;
  llrt_gc **gray;
  size_t ngray, graycap;
  bool gray_overflow; /* a marked object missed the mark stack (gc.c) */
  llrt_weakmap *ephemerons;
  llrt_weakref *weakrefs;
  llrt_finreg *finregs;
  /* statistics */
  uint64_t minors, majors, bytes_allocated, bytes_promoted, bytes_freed;
  double *minor_ms, *major_ms;
  size_t nminor_ms, nmajor_ms, minor_mscap, major_mscap;
  /* ==== Roots ==== */
  llrt_rootset *rootsets;
  size_t nrootsets, rootsetcap;
  llrt_tracer *tracers;
  size_t ntracers, tracercap;
  llrt_value *stack; /* the value stack: temporaries of the interpreter */
  size_t sp, stackcap;
  llrt_frame *frame;
  llrt_value exc;      /* the pending exception when a call returned EXC */
  llrt_value jobs;     /* internal array of queued jobs: [fn, arg] pairs */
  uint32_t jobhead;
  /* ==== Strings ==== */
  llrt_str **intern;
  uint32_t icap, icount, itomb;
  llrt_atoms atoms;
  /* ==== Realm ==== */
  llrt_value global;
  llrt_value proto_object, proto_function, proto_array, proto_string,
      proto_number, proto_boolean, proto_symbol, proto_error, proto_map,
      proto_set, proto_weakmap, proto_weakset, proto_weakref, proto_finreg,
      proto_promise, proto_date, proto_regexp, proto_mapiter, proto_arrayiter,
      proto_iterator, proto_generator, proto_async_generator;
  llrt_value ctor_promise;
  llrt_value err_protos[8]; /* Error, TypeError, RangeError, … (llrt__throw) */
  llrt_value sym_iterator, sym_async_iterator, sym_has_instance,
      sym_to_primitive, sym_to_string_tag;
  llrt_value module_cache; /* an object: resolved name -> module.exports */
  llrt_value template_cache;  /* call site id -> its tagged template's strings */
  llrt_value phantom_proto;   /* the prototype of every phantom (phantom.c) */
  llrt_value phantom_globals; /* unknown global name -> its phantom */
  llrt_value watch_closure[LLRT_WATCH_MAX]; /* latest closure of watch_fn[i] */
  llrt_value entry_this; /* the instance a method entry is called on (confirm.c) */
  llrt_value partner_closure; /* latest closure of watch_partner */
  /* ==== Interpreter ==== */
  struct llrt_script **scripts;
  size_t nscripts, scriptcap;
  uint32_t next_site;
  uint32_t cur_site;
  uint8_t refused;  /* why the last [[Set]] did nothing (LLRT_REFUSED_*):
                       strict code turns it into a TypeError (vm.c) */
  uint64_t steps;
  uint64_t step_check; /* vm.c step(): when the budget checks run next */
  unsigned depth;
  int unsupported;          /* set with the message in `unsupported_msg` */
  char unsupported_msg[256];
  llrt_value exc_stack; /* the stack string of the last thrown error */
  struct llrt_script *exc_script; /* where the pending exception was thrown */
  uint32_t exc_node;
  llrt_value native_nt; /* new.target of the native being constructed */
  struct llrt_gen *cur_gen; /* the innermost running generator / async fn */
  bool gen_returning;   /* unwinding a generator for `return()` */
  llrt_status fatal;        /* budget/nomem: unwinds without running catch */
  void (*root_fn)(llrt_state *S, llrt_value v, void *ud); /* gc.c walks */
  void *root_ud;
  struct llrt_loop *loop; /* the event loop and Node host (loop.c), or NULL */
  /* Stacks of finished generators and async calls, kept for the next ones
   * (generator.c): an async function per timer tick must not mmap 8 MiB. */
  void *spare_cstacks[LLRT_SPARE_STACKS];
  llrt_value *spare_vstacks[LLRT_SPARE_STACKS];
  unsigned nspare_cstacks, nspare_vstacks;
  /* ==== Phantoms and the confirmation watch (phantom.h, confirm.c) ==== */
  bool phantoms;          /* unknown names and modules are phantoms */
  /* The host's builtin modules loaded on first `require("node:NAME")`:
   * true when it put NAME in the module cache (node.c). */
  bool (*require_builtin)(llrt_state *S, const char *name);
  uint32_t phantom_call;  /* the call phantoms made now belong to */
  uint64_t phantom_uses;
  const char *watch_path; /* the watch's file and byte range (confirm.c); */
  uint32_t watch_start, watch_end; /* resolved when that file is compiled */
  struct llrt_script *watch_sc; /* the script the watch is on, or NULL */
  uint32_t watch_site;    /* node whose evaluation counts in site_hits */
  uint32_t watch_fn[LLRT_WATCH_MAX]; /* function nodes whose closures are kept */
  uint32_t nwatch_fn;
  uint32_t watch_partner; /* the function that acquires what the site releases
                             (called before the entry), or — for a constructor
                             entry — the method that releases what it acquires
                             (called after: the object's lifecycle) */
  bool partner_after;
  uint64_t site_hits;
  bool interrupted;       /* the host's interrupt hook stopped the run */
  _Alignas(8) char tmp[64]; /* scratch (math_random keeps its state in the last 8 bytes) */
};

/* ==== Strings (object.c) ==== */

llrt_value llrt__str_new(llrt_state *S, const char *s, size_t n);
llrt_value llrt__str_cstr(llrt_state *S, const char *s);
/** The interned string with these bytes (a property key). */
llrt_value llrt__intern(llrt_state *S, const char *s, size_t n);
llrt_value llrt__intern_value(llrt_state *S, llrt_value str);
llrt_value llrt__str_substring(llrt_state *S, llrt_value s, uint32_t from,
                               uint32_t to); /* UTF-16 unit range */
llrt_value llrt__str_concat(llrt_state *S, llrt_value a, llrt_value b);
bool llrt__str_eq(llrt_value a, llrt_value b);
/** Drops a dying interned string from the table (the sweep calls this). */
void llrt__intern_remove(llrt_state *S, llrt_str *s);
uint32_t llrt__hash_bytes(const char *s, size_t n);
/** A string's hash, computed on first use (0 means "not yet"; interned
 * strings always have theirs). */
static inline uint32_t llrt__str_hash(llrt_str *s) {
  if (!s->hash) s->hash = llrt__hash_bytes(s->data, s->len);
  return s->hash;
}

/* ==== Objects (object.c) ==== */

llrt_obj *llrt__obj_new(llrt_state *S, int tt, size_t size, llrt_value proto);
llrt_value llrt__new_object(llrt_state *S);
llrt_value llrt__new_array(llrt_state *S, uint32_t len);
bool llrt__array_push(llrt_state *S, llrt_obj *a, llrt_value v);
bool llrt__elems_reserve(llrt_state *S, llrt_obj *a, uint32_t n);
/** Own property lookup: returns the entry or NULL. */
llrt_prop *llrt__find_own(llrt_obj *o, llrt_value key);
/** Defines or replaces an own data property (no setters run). */
bool llrt__define(llrt_state *S, llrt_obj *o, llrt_value key, llrt_value v,
                  uint32_t flags);
bool llrt__define_accessor(llrt_state *S, llrt_obj *o, llrt_value key,
                           llrt_value getter, llrt_value setter,
                           uint32_t flags);
bool llrt__delete_own(llrt_state *S, llrt_obj *o, llrt_value key);
/** Property key conversion: integer index -> `*idx` (returns 1), otherwise
 * an interned key (returns 0), or EXC. */
int llrt__to_key(llrt_state *S, llrt_value v, llrt_value *key, uint32_t *idx);
/** [[Get]] / [[Set]] with a ready key or index. Return EXC on a throw. */
llrt_value llrt__get(llrt_state *S, llrt_value obj, llrt_value key);
/** [[Get]] starting at `obj` with getters called on `recv` (super.x). */
llrt_value llrt__get_recv(llrt_state *S, llrt_value obj, llrt_value recv,
                          llrt_value key);
llrt_value llrt__get_index(llrt_state *S, llrt_value obj, uint32_t i);
llrt_value llrt__get_v(llrt_state *S, llrt_value obj, llrt_value keyv);
llrt_value llrt__set(llrt_state *S, llrt_value obj, llrt_value key,
                     llrt_value v);
llrt_value llrt__set_index(llrt_state *S, llrt_value obj, uint32_t i,
                           llrt_value v);
llrt_value llrt__set_v(llrt_state *S, llrt_value obj, llrt_value keyv,
                       llrt_value v);
bool llrt__has(llrt_state *S, llrt_value obj, llrt_value key);
/** Indices of `o`'s string-keyed properties in spec order: integer keys
 * ascending, then insertion order. Malloc'd; `*n` entries. */
uint32_t *llrt__ordered_props(const llrt_obj *o, uint32_t *n);
llrt_value llrt__get_str(llrt_state *S, llrt_value obj, const char *name);

/* ==== Conversions and errors (conv.c) ==== */

llrt_value llrt__to_string(llrt_state *S, llrt_value v);
double llrt__to_number(llrt_state *S, llrt_value v, bool *exc);
bool llrt__truthy(llrt_value v);
/** ToBoolean with booleans decided inline (conditions mostly are). */
static inline bool llrt__truthy_fast(llrt_value v) {
  if (v == LLRT_TRUE) return true;
  if (v == LLRT_FALSE) return false;
  return llrt__truthy(v);
}
/** ECMAScript WhiteSpace/LineTerminator (conv.c): the byte length of the
 * one at `p` (0: none), and of the one ending at `e` (trim, ToNumber,
 * parseInt/parseFloat). */
uint32_t llrt__space_at(const char *p, const char *e);
uint32_t llrt__space_before(const char *b, const char *e);
llrt_value llrt__to_primitive(llrt_state *S, llrt_value v, int hint);
llrt_value llrt__to_object(llrt_state *S, llrt_value v);
llrt_value llrt__typeof(llrt_state *S, llrt_value v);
bool llrt__strict_eq(llrt_value a, llrt_value b);
bool llrt__same_value_zero(llrt_value a, llrt_value b);
llrt_value llrt__loose_eq(llrt_state *S, llrt_value a, llrt_value b);
llrt_value llrt__num_to_str(llrt_state *S, double d);
bool llrt__is_callable(llrt_value v);
/** Throws a new error of kind `k` (0 Error, 1 TypeError, 2 RangeError,
 * 3 ReferenceError, 4 SyntaxError, 5 EvalError, 6 URIError). Returns EXC. */
llrt_value llrt__throw(llrt_state *S, int k, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
llrt_value llrt__throw_value(llrt_state *S, llrt_value v);
/** Marks the run unsupported ("unsupported: <what> at file:line"), EXC. */
llrt_value llrt__unsupported(llrt_state *S, const char *what);
/** A short printable rendering of a value into `S->tmp`-sized buffers. */
void llrt__describe(llrt_state *S, llrt_value v, char *buf, size_t cap);

/* ==== Calls (vm.c) ==== */

llrt_value llrt__call(llrt_state *S, llrt_value fn, llrt_value this_val,
                      int argc, llrt_value *argv);
llrt_value llrt__construct(llrt_state *S, llrt_value fn, int argc,
                           llrt_value *argv, llrt_value new_target);
llrt_value llrt__native_new(llrt_state *S, const char *name, llrt_native_fn fn,
                            int nargs, int magic);
bool llrt__enqueue_job(llrt_state *S, llrt_value fn, llrt_value arg);

/* The value stack: temporaries survive allocations while pushed. */
bool llrt__push_slow(llrt_state *S, llrt_value v);
/** Pushes `v` on the value stack (a root); false when it is full. */
static inline bool llrt__push(llrt_state *S, llrt_value v) {
  if (__builtin_expect(S->sp < S->stackcap, 1)) {
    S->stack[S->sp++] = v;
    return true;
  }
  return llrt__push_slow(S, v);
}
static inline void llrt__popn(llrt_state *S, size_t n) { S->sp -= n; }

llrt_value llrt__binary(llrt_state *S, int op, llrt_value a, llrt_value b);
llrt_value llrt__regexp_literal(llrt_state *S, const char *text, uint32_t len);
/** The enumerable string keys `for (k in v)` visits, as an array. */
llrt_value llrt__for_in_keys(llrt_state *S, llrt_value v);
/** An error object of kind `k` (see llrt__throw) with `msg`, or EXC. */
llrt_value llrt__make_error(llrt_state *S, int k, llrt_value msg);

/* ==== Generators and async functions (generator.c) ==== */

struct llrt_closure;
llrt_value llrt__gen_new(llrt_state *S, struct llrt_closure *c,
                         llrt_value this_val, int argc, llrt_value *argv,
                         bool is_async);
/** `yield v` / `await v` inside the running coroutine: suspends it and
 * returns the value it is resumed with (or EXC). */
llrt_value llrt__gen_suspend(llrt_state *S, llrt_value v);
void llrt__gen_free(llrt_state *S, llrt_gen *g);
/** Unmaps the spare stacks of finished generators (state teardown). */
void llrt__gen_spares_free(llrt_state *S);
void llrt__gen_children(llrt_state *S, llrt_gen *g,
                        void (*fn)(llrt_state *, llrt_value, void *), void *ud);
/** The body of a generator's function, run inside its coroutine. */
llrt_value llrt__gen_run_body(llrt_state *S, llrt_gen *g);
bool llrt__builtins_gen_init(llrt_state *S);
/** A new pending promise and its resolving functions (builtins_coll.c). */
bool llrt__promise_with_resolvers(llrt_state *S, llrt_value *p, llrt_value *res,
                                  llrt_value *rej);
/** Why a coroutine is suspended (`llrt_gen.susp`). */
enum { LLRT_SUSP_YIELD, LLRT_SUSP_AWAIT };
/** Resumes coroutine `g` with `mode` (0 next, 1 throw, 2 return) and `v`;
 * returns what it yields or awaits, HOLE when it finished (the result in
 * `g->xfer`), or EXC (generator.c). */
llrt_value llrt__gen_resume(llrt_state *S, llrt_gen *g, int mode, llrt_value v);
/** Resumes coroutine `gv` through native `reaction` (magic 0 fulfilled,
 * 1 rejected; data[0] = `gv`) once `r` settles (generator.c). */
llrt_value llrt__coro_await(llrt_state *S, llrt_value gv, llrt_value r,
                            llrt_native_fn reaction);
/** An async generator object for closure `c` (async_generator.c). */
llrt_value llrt__agen_new(llrt_state *S, struct llrt_closure *c,
                          llrt_value this_val, int argc, llrt_value *argv);
bool llrt__builtins_agen_init(llrt_state *S);
/** Starts an async function's body; returns its promise. */
llrt_value llrt__async_start(llrt_state *S, struct llrt_closure *c,
                             llrt_value this_val, int argc, llrt_value *argv);

/* ==== Builtins ==== */
bool llrt__builtins_init(llrt_state *S);
bool llrt__builtins_array_init(llrt_state *S);
bool llrt__builtins_string_init(llrt_state *S);
llrt_value llrt__symbol_new(llrt_state *S, llrt_value desc);
bool llrt__builtins_coll_init(llrt_state *S);
bool llrt__builtins_more_init(llrt_state *S);
/* An iterator step over any iterable: returns DONE(HOLE), a value or EXC. */
llrt_value llrt__get_iterator(llrt_state *S, llrt_value v);
llrt_value llrt__iter_step(llrt_state *S, llrt_value it);
/* Map/Set internals used by the collector and builtins. */
void llrt__map_free(llrt_state *S, llrt_map *m);
void llrt__mapiter_detach(llrt_state *S, llrt_mapiter *it);
void llrt__regexp_free(llrt_state *S, llrt_regexp *r);

#endif
