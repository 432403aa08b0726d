/* Generators and async functions as coroutines.
 *
 * The evaluator is a recursive C tree-walker, so a suspended generator must
 * keep its C frames: each generator (and each running async function) owns
 * a C stack (mmap'd, committed lazily) and a value stack, and switches with
 * ucontext. `yield`/`await` (`llrt__gen_suspend`) swap back to whoever
 * resumed it; `next`/`throw`/`return` and promise reactions
 * (`llrt__gen_resume`) swap in. Async generators drive the same
 * coroutines from async_generator.c.
 *
 * Invariants: while a coroutine runs, `S->stack` is its value stack and its
 * frames sit on top of the resumer's frames (`base->parent` is re-pointed at
 * every resume); the resumer's value stack is traced through the
 * `S->cur_gen` chain. While suspended, the generator object traces its own
 * value stack and frames (`llrt__gen_children`). A generator's C stack is
 * released when it finishes or is collected.
 *
 * Must never: switch while the collector runs (it never calls JavaScript),
 * or resume a running coroutine (`next` on a running generator throws). */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "builtins.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define FIBER_START(save, bottom, size) __sanitizer_start_switch_fiber(save, bottom, size)
#define FIBER_FINISH(save, bottom, size) __sanitizer_finish_switch_fiber(save, bottom, size)
/* A reused C stack still carries the poison of its last coroutine's frames
 * (munmap used to clear it). */
#define STACK_REUSED(p, n) __asan_unpoison_memory_region(p, n)
#else
#define FIBER_START(save, bottom, size) ((void)0)
#define FIBER_FINISH(save, bottom, size) ((void)0)
#define STACK_REUSED(p, n) ((void)0)
#endif

#define CSTACK_BYTES ((size_t)8 << 20) /* virtual; pages commit on use */
#define VSTACK_SLOTS ((size_t)1 << 16)

typedef struct coro {
  ucontext_t ctx, back;
  void *cstack;
  void *fake_stack;            /* ASan bookkeeping */
  const void *back_bottom;
  size_t back_size;
} coro;

/* The C and value stacks go back to the state's spares (up to
 * LLRT_SPARE_STACKS of each), else to the system. */
static void co_release_stack(llrt_state *S, coro *co) {
  if (co && co->cstack) {
    if (S->nspare_cstacks < LLRT_SPARE_STACKS)
      S->spare_cstacks[S->nspare_cstacks++] = co->cstack;
    else
      munmap(co->cstack, CSTACK_BYTES);
    co->cstack = NULL;
  }
}

static void release_vstack(llrt_state *S, llrt_gen *g) {
  if (!g->vs) return;
  if (S->nspare_vstacks < LLRT_SPARE_STACKS) S->spare_vstacks[S->nspare_vstacks++] = g->vs;
  else free(g->vs);
  g->vs = NULL;
  g->vsp = g->vcap = 0;
}

void llrt__gen_spares_free(llrt_state *S) {
  while (S->nspare_cstacks) munmap(S->spare_cstacks[--S->nspare_cstacks], CSTACK_BYTES);
  while (S->nspare_vstacks) free(S->spare_vstacks[--S->nspare_vstacks]);
}

void llrt__gen_free(llrt_state *S, llrt_gen *g) {
  coro *co = g->co;
  if (co) {
    co_release_stack(S, co);
    free(co);
  }
  release_vstack(S, g);
  llrt__mem_free(S, LLRT_T_GENERATOR, g->args, (size_t)g->argc * sizeof *g->args);
  g->co = NULL;
  g->vs = NULL;
  g->args = NULL;
}

void llrt__gen_children(llrt_state *S, llrt_gen *g,
                        void (*fn)(llrt_state *, llrt_value, void *), void *ud) {
  fn(S, g->fn, ud);
  fn(S, g->this_val, ud);
  fn(S, g->xfer, ud);
  fn(S, g->promise, ud);
  fn(S, g->resolve, ud);
  fn(S, g->reject, ud);
  for (int i = 0; i < g->argc; i++) fn(S, g->args[i], ud);
  if (g->state != 2) return; /* running: its stack and frames are S's */
  for (size_t i = 0; i < g->vsp; i++) fn(S, g->vs[i], ud);
  for (llrt_frame *f = g->top; f; f = f->parent) {
    llrt__frame_children(S, f, fn, ud);
    if (f == g->base) break;
  }
}

llrt_value llrt__gen_new(llrt_state *S, llrt_closure *c, llrt_value this_val,
                         int argc, llrt_value *argv, bool is_async) {
  /* A generator object inherits from its function's `prototype` (whose own
   * prototype is %GeneratorPrototype%); an async function's is internal. */
  llrt_value proto = S->proto_object;
  if (c->info->flags & M_GEN) {
    llrt_value p = llrt__get(S, llrt_ptr(c), S->atoms.prototype);
    if (p == LLRT_EXC) return LLRT_EXC;
    proto = LLRT_IS_OBJ(p) ? p
          : (c->info->flags & M_ASYNC) ? S->proto_async_generator : S->proto_generator;
  }
  llrt_gen *g = (llrt_gen *)llrt__obj_new(S, LLRT_T_GENERATOR, sizeof *g, proto);
  if (!g) return LLRT_EXC;
  g->fn = llrt_ptr(c);
  g->this_val = this_val;
  g->xfer = g->promise = g->resolve = g->reject = LLRT_UNDEF;
  g->is_async = is_async;
  llrt_barrier(S, g, this_val);
  if (argc > 0) {
    g->args = llrt__mem_alloc(S, LLRT_T_GENERATOR, (size_t)argc * sizeof *g->args);
    if (!g->args) return LLRT_EXC;
    memcpy(g->args, argv, (size_t)argc * sizeof *g->args);
    g->argc = argc;
    for (int i = 0; i < argc; i++) llrt_barrier(S, g, argv[i]);
  }
  return llrt_ptr(g);
}

/* The coroutine's entry: runs the body, records how it ended, switches
 * back for good. makecontext passes ints, so the pointers come in halves. */
static void co_entry(unsigned s_hi, unsigned s_lo, unsigned g_hi, unsigned g_lo) {
  llrt_state *S = (llrt_state *)(((uintptr_t)s_hi << 32) | s_lo);
  llrt_gen *g = (llrt_gen *)(((uintptr_t)g_hi << 32) | g_lo);
  coro *co = g->co;
  FIBER_FINISH(NULL, &co->back_bottom, &co->back_size);
  llrt_value r = llrt__gen_run_body(S, g);
  if (r == LLRT_EXC && S->gen_returning && !S->fatal && !S->oom) {
    r = S->exc; /* `return(v)` unwound through the finally blocks */
    S->exc = LLRT_UNDEF;
    S->gen_returning = false;
  }
  g->threw = r == LLRT_EXC;
  g->xfer = r == LLRT_EXC ? LLRT_UNDEF : r;
  g->state = 3;
  FIBER_START(NULL, co->back_bottom, co->back_size);
  swapcontext(&co->ctx, &co->back);
}

/* Switches into `g`; returns when it yields, awaits or finishes. */
llrt_value llrt__gen_resume(llrt_state *S, llrt_gen *g, int mode,
                            llrt_value v_in) {
  /* getcontext() below returns twice: keep `v` out of registers. */
  volatile llrt_value v = v_in;
  if (g->state == 1) return llrt__throw(S, 1, "Generator is already running");
  if (g->state == 3 || (g->state == 0 && mode != 0)) {
    g->state = 3;
    if (mode == 1) return llrt__throw_value(S, v);
    g->xfer = mode == 2 ? v : LLRT_UNDEF;
    return LLRT_HOLE; /* done */
  }
  coro *co = g->co;
  if (!co) {
    co = calloc(1, sizeof *co);
    g->vs = S->nspare_vstacks ? S->spare_vstacks[--S->nspare_vstacks]
                              : malloc(VSTACK_SLOTS * sizeof *g->vs);
    void *st = !co ? MAP_FAILED
               : S->nspare_cstacks ? S->spare_cstacks[--S->nspare_cstacks]
                                   : mmap(NULL, CSTACK_BYTES, PROT_READ | PROT_WRITE,
                                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (!co || !g->vs || st == MAP_FAILED) {
      free(co);
      release_vstack(S, g);
      S->oom = true;
      return LLRT_EXC;
    }
    STACK_REUSED(st, CSTACK_BYTES);
    co->cstack = st;
    g->co = co;
    g->vcap = VSTACK_SLOTS;
    g->vsp = 0;
    getcontext(&co->ctx);
    co->ctx.uc_stack.ss_sp = st;
    co->ctx.uc_stack.ss_size = CSTACK_BYTES;
    co->ctx.uc_link = NULL;
    uintptr_t sp = (uintptr_t)S, gp = (uintptr_t)g;
    makecontext(&co->ctx, (void (*)(void))co_entry, 4, (unsigned)(sp >> 32),
                (unsigned)(sp & 0xFFFFFFFFu), (unsigned)(gp >> 32),
                (unsigned)(gp & 0xFFFFFFFFu));
  }
  /* Hand our value stack and frames over. */
  g->outer_stack = S->stack;
  g->outer_sp = S->sp;
  g->outer_cap = S->stackcap;
  g->outer_frame = S->frame;
  S->stack = g->vs;
  S->sp = g->vsp;
  S->stackcap = g->vcap;
  if (g->state == 2) {
    g->base->parent = S->frame;
    S->frame = g->top;
  }
  g->xfer = v;
  g->mode = (uint8_t)mode;
  g->state = 1;
  g->prev_running = S->cur_gen;
  S->cur_gen = g;
  FIBER_START(&co->fake_stack, co->cstack, CSTACK_BYTES);
  swapcontext(&co->back, &co->ctx);
  FIBER_FINISH(co->fake_stack, NULL, NULL);
  S->cur_gen = g->prev_running;
  g->vsp = S->sp;
  S->stack = g->outer_stack;
  S->sp = g->outer_sp;
  S->stackcap = g->outer_cap;
  S->frame = g->outer_frame;
  llrt_barrier(S, g, g->xfer);
  if (g->state == 3) { /* finished: neither stack is needed again */
    co_release_stack(S, co);
    release_vstack(S, g);
    if (g->threw) return LLRT_EXC;
    return LLRT_HOLE;
  }
  return g->xfer;
}

llrt_value llrt__gen_suspend(llrt_state *S, llrt_value v) {
  llrt_gen *g = S->cur_gen;
  if (!g) return llrt__unsupported(S, "yield/await outside a generator or async function");
  coro *co = g->co;
  g->xfer = v;
  g->state = 2;
  g->top = S->frame;
  g->vsp = S->sp;
  /* Its stack and frames changed without barriers while it ran: an old
   * generator goes to the remembered set whole (the minor re-scans it). */
  if (llrt_is_old(&g->o.h) && !(g->o.h.flags & LLRT_GCF_REMEMBERED))
    llrt__barrier_slow(S, &g->o.h);
  FIBER_START(&co->fake_stack, co->back_bottom, co->back_size);
  swapcontext(&co->ctx, &co->back);
  FIBER_FINISH(co->fake_stack, &co->back_bottom, &co->back_size);
  /* Resumed: gen_resume set S->stack, S->frame, mode and value. */
  llrt_value in = g->xfer;
  g->xfer = LLRT_UNDEF;
  if (g->mode == 1) return llrt__throw_value(S, in);
  if (g->mode == 2) {
    S->gen_returning = true; /* unwinds like a throw; catch does not stop it */
    S->exc = in;
    return LLRT_EXC;
  }
  return in;
}

/* ==== Generator objects ==== */

static llrt_gen *this_gen(llrt_state *S, llrt_value v) {
  if (llrt_tt(v) != LLRT_T_GENERATOR || ((llrt_gen *)LLRT_PTR(v))->is_async) {
    llrt__throw(S, 1, "next method called on incompatible receiver");
    return NULL;
  }
  return (llrt_gen *)LLRT_PTR(v);
}

/* next 0, throw 1, return 2 */
NATIVE(gen_method) {
  (void)data;
  llrt_gen *g = this_gen(S, this_val);
  if (!g) return LLRT_EXC;
  if (!llrt__push(S, this_val)) return LLRT_EXC;
  llrt_value r = llrt__gen_resume(S, g, magic, ARG(0));
  llrt__popn(S, 1);
  if (r == LLRT_EXC) return r;
  if (r == LLRT_HOLE) {
    llrt_value v = g->xfer;
    g->xfer = LLRT_UNDEF;
    return llrt__iter_result(S, v, true);
  }
  return llrt__iter_result(S, r, false);
}

NATIVE(gen_self) {
  UNUSED_NATIVE_ARGS;
  (void)S;
  return this_val;
}

/* ==== Async functions ==== */

static llrt_value async_step(llrt_state *S, llrt_value gv, int mode, llrt_value v);

/* data[0] = the async function's coroutine; magic 0 fulfilled, 1 rejected */
NATIVE(async_reaction) {
  (void)this_val;
  return async_step(S, data[0], magic, ARG(0));
}

static llrt_value async_step(llrt_state *S, llrt_value gv, int mode, llrt_value v) {
  size_t base = S->sp;
  if (!llrt__push(S, gv)) return LLRT_EXC;
  llrt_gen *g = (llrt_gen *)LLRT_PTR(gv);
  llrt_value r = llrt__gen_resume(S, g, mode, v);
  if (r == LLRT_EXC || r == LLRT_HOLE) {
    /* Finished: settle the async function's promise. */
    llrt_value out = r == LLRT_EXC ? S->exc : g->xfer;
    if (r == LLRT_EXC) {
      if (S->fatal || S->oom) { S->sp = base; return LLRT_EXC; }
      S->exc = LLRT_UNDEF;
    }
    if (!llrt__push(S, out)) { S->sp = base; return LLRT_EXC; }
    g = (llrt_gen *)LLRT_PTR(gv);
    llrt_value settle = r == LLRT_EXC ? g->reject : g->resolve;
    llrt_value x = llrt__call(S, settle, LLRT_UNDEF, 1, &S->stack[S->sp - 1]);
    S->sp = base;
    return x == LLRT_EXC ? x : LLRT_UNDEF;
  }
  /* Awaiting `r`: continue when it settles. */
  llrt_value x = llrt__coro_await(S, gv, r, async_reaction);
  S->sp = base;
  return x;
}

llrt_value llrt__coro_await(llrt_state *S, llrt_value gv, llrt_value r,
                            llrt_native_fn reaction) {
  size_t base = S->sp;
  llrt_value ctor = S->ctor_promise;
  if (!llrt__push(S, gv) || !llrt__push(S, r)) { S->sp = base; return LLRT_EXC; }
  llrt_value resolve = llrt__get_str(S, ctor, "resolve");
  llrt_value p = resolve == LLRT_EXC ? resolve
               : llrt__call(S, resolve, ctor, 1, &S->stack[S->sp - 1]);
  if (p == LLRT_EXC || !llrt__push(S, p)) { S->sp = base; return LLRT_EXC; }
  for (int k = 0; k < 2; k++) {
    llrt_value f = llrt__native_new(S, "", reaction, 1, k);
    if (f == LLRT_EXC || !llrt__push(S, f)) { S->sp = base; return LLRT_EXC; }
    ((llrt_native *)LLRT_PTR(f))->data[0] = gv;
  }
  llrt_value then = llrt__get(S, p, S->atoms.then);
  llrt_value x = then == LLRT_EXC ? then
               : llrt__call(S, then, p, 2, &S->stack[S->sp - 2]);
  S->sp = base;
  return x == LLRT_EXC ? x : LLRT_UNDEF;
}

/* Starts an async function: returns its promise. */
llrt_value llrt__async_start(llrt_state *S, llrt_closure *c, llrt_value this_val,
                             int argc, llrt_value *argv) {
  size_t base = S->sp;
  llrt_value p, res, rej;
  llrt_value gv = llrt__gen_new(S, c, this_val, argc, argv, true);
  if (gv == LLRT_EXC || !llrt__push(S, gv)) goto fail;
  if (!llrt__promise_with_resolvers(S, &p, &res, &rej)) goto fail;
  llrt_gen *g = (llrt_gen *)LLRT_PTR(gv);
  g->promise = p;
  g->resolve = res;
  g->reject = rej;
  llrt_barrier(S, g, p);
  llrt_barrier(S, g, res);
  llrt_barrier(S, g, rej);
  if (async_step(S, gv, 0, LLRT_UNDEF) == LLRT_EXC) goto fail;
  p = ((llrt_gen *)LLRT_PTR(gv))->promise;
  S->sp = base;
  return p;
fail:
  S->sp = base;
  return LLRT_EXC;
}


bool llrt__builtins_gen_init(llrt_state *S) {
  llrt_obj *gp = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_iterator);
  if (!gp) return false;
  S->proto_generator = llrt_ptr(gp);
  FN(S->proto_generator, "next", gen_method, 1, 0);
  FN(S->proto_generator, "throw", gen_method, 1, 1);
  FN(S->proto_generator, "return", gen_method, 1, 2);
  (void)gen_self;
  return llrt__def_tag(S, S->proto_generator, "Generator");
}
