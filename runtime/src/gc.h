/* The collector: generational, non-moving mark-sweep.
 *
 * ==== Colours ====
 * Every GC object has a one-byte `mark`. WHITE (0) means "not reached in
 * this collection"; BLACK (1) means "reached, and its children pushed on the
 * mark stack". There is no separate gray colour in the header: an object is
 * gray exactly while it sits on `S->gray` (the explicit mark stack), already
 * BLACK so it is pushed only once. Outside a collection every object is WHITE
 * (the sweep whitens survivors), so marking never needs a separate "clear
 * marks" pass. When the mark stack cannot grow (out of memory, or the debug
 * `gray_limit`), a newly BLACK object stays off it; the drain then rescans
 * the collected lists for BLACK objects and scans them again until no push
 * failed, so an overflow costs time, never a live object.
 *
 * ==== Ages ====
 * `age` counts the minor collections an object survived. An object is YOUNG
 * while `age < S->promote_age` and OLD afterwards (`age == LLRT_AGE_OLD`).
 * A minor collection ages every surviving young object by one; when it
 * reaches `promote_age` the object is moved to the old list (promotion).
 * A major collection does not age anything: it only frees.
 *
 * ==== Lists ====
 * Young objects sit on `S->young`, old ones on `S->old`: two singly linked
 * lists through `llrt_gc.next`, newest first. A minor sweep walks `S->young`
 * only, so its cost is proportional to the young objects (live or dead), never
 * to the old generation. Nothing in a minor collection reads or writes an old
 * object's header or memory, except the old objects in the remembered set,
 * whose children are scanned (their headers are read, never changed).
 *
 * ==== Remembered set and the write barrier ====
 * `S->remembered` lists old objects that may point to young objects. Every
 * store of a reference into a GC object goes through `llrt_barrier(S, o, v)`:
 * when `o` is old, `v` is a young object and `o` is not already remembered,
 * `o` gets the REMEMBERED flag and is pushed on the list. A minor collection
 * marks from the roots plus every remembered object's children. After the
 * sweep, each remembered object is re-scanned: it stays remembered while it
 * still points to a young object, and leaves the list otherwise. An object
 * promoted with young children joins the set at promotion.
 *
 * Invariant (R): outside a collection, every old object that holds a
 * reference to a young object has the REMEMBERED flag and is on the list.
 * Invariant (M): during a minor collection, marking never descends into an
 * old object (old objects are treated as black); it starts from the roots and
 * the remembered set, which together with (R) reach every live young object.
 * Invariant (L): every object is on exactly one of `young`/`old`, and its age
 * agrees with the list.
 *
 * Generators are the one place where references change without a barrier:
 * while a generator runs, its value stack and frames are ordinary roots;
 * when it suspends, an old generator enters the remembered set whole, so the
 * next minor re-scans what it now holds (generator.c).
 *
 * ==== Frame envs ====
 * A function that nothing inside can capture (no nested function, class or
 * method; not a generator or async function: compile_fn.c) keeps its
 * environment record on the C stack of the call instead of the heap. Such a
 * record has the FRAME_ENV flag and is not a heap object: it is never on a
 * list, never marked, swept or remembered, and no value ever points to it.
 * Its frame traces its slots as roots (`llrt__frame_children` walks the
 * frame's environment chain), so the barrier has nothing to do for it. A
 * heap record whose parent is a frame env (a block inside such a function)
 * has the FRAME_PARENT flag and its `parent` is never followed by the
 * collector: once the call returns, that pointer dangles in what is then
 * garbage, and the sweep or a dead remembered object must not read it.
 * Invariant (F): no value, closure or heap object refers to a frame env;
 * only frames and FRAME_PARENT records do.
 *
 * ==== Weak things ====
 * WeakMap and WeakSet are ephemeron tables: marking does not trace them but
 * queues them on `S->ephemerons`. After the ordinary marking drains, the
 * collector repeats "mark every value whose key is marked (or old, in a
 * minor)" over the queue until a round marks nothing new (the fixpoint), then
 * removes the entries whose key stayed white. WeakRef targets are cleared
 * when white. FinalizationRegistry cells whose target stayed white are
 * removed and their held value is queued as a job (`S->jobs`, a root): the
 * cleanup callback runs later from `llrt_run_jobs`, never inside the
 * collector. The intern table of strings is weak too: a dead interned string
 * leaves the table when it is freed.
 *
 * ==== Triggers ====
 * A minor collection runs when `nursery_bytes` were allocated since the last
 * collection; a major one instead when the heap grew `major_growth` percent
 * over its size after the last major. `gc_stress` collects at every
 * allocation (a major every 16th). Collections only start inside
 * `llrt__alloc`, so code between two allocations may hold unrooted values;
 * anything held across an allocation must be reachable from a root (the
 * value stack `S->stack`, a frame, a registered slot).
 *
 * Must never: move an object, run JavaScript, or allocate GC memory while
 * collecting. */
#ifndef LLRT_GC_H
#define LLRT_GC_H

#include "object.h"

enum { LLRT_WHITE = 0, LLRT_BLACK = 1 };
#define LLRT_AGE_OLD 255

/* Header flags */
enum {
  LLRT_GCF_REMEMBERED = 1, /* on `S->remembered` */
  LLRT_GCF_INTERNED = 2,   /* a string in the intern table */
  LLRT_GCF_FIXED = 4,      /* never collected (well-known atoms) */
  LLRT_GCF_PHANTOM = 8,    /* a phantom or phantom-tailed object (phantom.h) */
  LLRT_GCF_FRAME_ENV = 16, /* an environment record on the C stack of its
                              call (vm.c run_body): never marked, never
                              swept; its frame traces its slots */
  LLRT_GCF_FRAME_PARENT = 32, /* a heap env whose parent is a frame env:
                                 the parent is not followed (it dangles
                                 once the call returns) */
  LLRT_GCF_PRIVATE_NAME = 64, /* a symbol standing for a `#private` name
                                 (private_names.c): hidden from key lists */
};

/** Whether `key` is a `#private` name's symbol (private_names.c). */
static inline bool llrt__is_private_key(llrt_value key) {
  return LLRT_IS_PTR(key) && LLRT_PTR(key)->tt == LLRT_T_SYMBOL &&
         (LLRT_PTR(key)->flags & LLRT_GCF_PRIVATE_NAME);
}

static inline bool llrt_is_old(const llrt_gc *o) {
  return o->age == LLRT_AGE_OLD;
}

/** Allocates `size` bytes for a GC object of type `tt` at the current
 * allocation site, linked on the young list. May collect first. Returns NULL
 * (with a pending "out of memory" condition) on failure. */
void *llrt__alloc(llrt_state *S, int tt, size_t size);
/** Untracked (non-GC) memory accounted to type `tt`: property tables,
 * element arrays, hash indexes. Sized free. */
void *llrt__mem_alloc(llrt_state *S, int tt, size_t size);
void *llrt__mem_realloc(llrt_state *S, int tt, void *p, size_t old,
                        size_t size);
void llrt__mem_free(llrt_state *S, int tt, void *p, size_t size);

/** The write barrier: call after storing `v` into object `o`. */
void llrt__barrier_slow(llrt_state *S, llrt_gc *o);
static inline void llrt_barrier(llrt_state *S, void *o, llrt_value v) {
  llrt_gc *p = (llrt_gc *)o;
  if (p->age == LLRT_AGE_OLD && LLRT_IS_PTR(v) &&
      LLRT_PTR(v)->age != LLRT_AGE_OLD && !(p->flags & LLRT_GCF_REMEMBERED))
    llrt__barrier_slow(S, p);
}
static inline void llrt_barrier_ptr(llrt_state *S, void *o, void *child) {
  llrt_gc *p = (llrt_gc *)o, *c = (llrt_gc *)child;
  if (c && p->age == LLRT_AGE_OLD && c->age != LLRT_AGE_OLD &&
      !(p->flags & LLRT_GCF_REMEMBERED))
    llrt__barrier_slow(S, p);
}

/** Marks a value (used by tracers and by the marking of children). */
void llrt__mark_value(llrt_state *S, llrt_value v);
void llrt__mark_ptr(llrt_state *S, llrt_gc *o);

/** Calls `fn` on every reference `o` holds (strongly; weak tables report
 * nothing here). Used by marking, verification and retaining paths. */
void llrt__children(llrt_state *S, llrt_gc *o,
                    void (*fn)(llrt_state *S, llrt_gc *child, void *ud),
                    void *ud);
/** Calls `fn` on every value an interpreter frame holds: its function,
 * `this`, new.target, arguments object, return value, home object,
 * environment and arguments. Shared by the root walk and suspended
 * generators, which keep frames of their own. */
void llrt__frame_children(llrt_state *S, llrt_frame *f,
                          void (*fn)(llrt_state *, llrt_value, void *),
                          void *ud);
/** Size in bytes of the object's own block (not its side tables). */
size_t llrt__obj_size(llrt_gc *o);
/** Frees an object's side tables and its block (sweep). */
void llrt__free_obj(llrt_state *S, llrt_gc *o);

void llrt__gc_init(llrt_state *S);
void llrt__gc_fini(llrt_state *S);

#endif
