/* Async generators (`async function*`): a coroutine like an async
 * function's (generator.c), driven by a queue of requests.
 *
 * `next(v)`, `throw(e)` and `return(v)` each return a promise and append
 * a request [mode, value, resolve, reject] to the queue (the generator's
 * `promise` slot holds it, an internal array). While the body is neither
 * running nor awaiting, the head request resumes it: an `await` parks it
 * until the awaited promise settles (then it resumes with the result), a
 * `yield v` (which awaits `v` first, vm.c) settles the head request with
 * {value: v, done: false} and the next request, if any, resumes it again;
 * finishing settles the head request with {value, done: true} or rejects
 * it with the exception, and every later request then completes at once
 * (`next` with done, `throw` rejected, `return` with its value).
 *
 * Not modelled: `return(v)` does not await `v`; `yield*` forwards nothing
 * to the inner iterator but `next()` (as the sync `yield*` here).
 *
 * Must never: resume the body while it runs or awaits. */
#include "builtins.h"

enum { Q_MODE, Q_VALUE, Q_RESOLVE, Q_REJECT, Q_SIZE };

static llrt_gen *agen_of(llrt_value v) {
  if (llrt_tt(v) != LLRT_T_GENERATOR) return NULL;
  llrt_gen *g = (llrt_gen *)LLRT_PTR(v);
  return g->is_agen ? g : NULL;
}

llrt_value llrt__agen_new(llrt_state *S, llrt_closure *c, llrt_value this_val,
                          int argc, llrt_value *argv) {
  llrt_value gv = llrt__gen_new(S, c, this_val, argc, argv, true);
  if (gv == LLRT_EXC || !llrt__push(S, gv)) return LLRT_EXC;
  llrt_value q = llrt__new_array(S, 0);
  llrt__popn(S, 1);
  if (q == LLRT_EXC) return LLRT_EXC;
  llrt_gen *g = (llrt_gen *)LLRT_PTR(gv);
  g->is_agen = true; /* its prototype came from the function (gen_new) */
  g->promise = q;
  llrt_barrier(S, g, q);
  return gv;
}

/* Removes the head request (its four values stay on the value stack of
 * the caller, which pushed them). */
static void dequeue(llrt_obj *q) {
  memmove(q->elems, q->elems + Q_SIZE, (q->len - Q_SIZE) * sizeof *q->elems);
  q->len -= Q_SIZE;
}

/* Settles the head request: resolve with {value: v, done}, or reject with
 * `v` when `reject`. */
static bool settle_head(llrt_state *S, llrt_value gv, llrt_value v, bool done,
                        bool reject) {
  size_t base = S->sp;
  llrt_obj *q = LLRT_OBJ(((llrt_gen *)LLRT_PTR(gv))->promise);
  llrt_value fn = q->elems[reject ? Q_REJECT : Q_RESOLVE];
  if (!llrt__push(S, fn) || !llrt__push(S, v)) return false;
  dequeue(q);
  llrt_value arg = reject ? v : llrt__iter_result(S, v, done);
  if (arg == LLRT_EXC || !llrt__push(S, arg)) { S->sp = base; return false; }
  llrt_value r = llrt__call(S, fn, LLRT_UNDEF, 1, &S->stack[S->sp - 1]);
  S->sp = base;
  return r != LLRT_EXC;
}

static llrt_value after_resume(llrt_state *S, llrt_value gv, llrt_value r);

/* data[0] = the generator; magic 0 fulfilled, 1 rejected */
NATIVE(agen_reaction) {
  (void)this_val;
  llrt_value gv = data[0];
  if (!llrt__push(S, gv)) return LLRT_EXC;
  llrt_value r = llrt__gen_resume(S, (llrt_gen *)LLRT_PTR(gv), magic, ARG(0));
  r = after_resume(S, gv, r);
  llrt__popn(S, 1);
  return r;
}

/* Serves queued requests while the body is idle (not running, not
 * awaiting). */
static llrt_value drain(llrt_state *S, llrt_value gv) {
  for (;;) {
    llrt_gen *g = (llrt_gen *)LLRT_PTR(gv);
    llrt_obj *q = LLRT_OBJ(g->promise);
    if (!q->len || g->state == 1 || (g->state == 2 && g->susp == LLRT_SUSP_AWAIT))
      return LLRT_UNDEF;
    int mode = (int)llrt_tonum_raw(q->elems[Q_MODE]);
    llrt_value v = q->elems[Q_VALUE];
    if (g->state == 3 || (g->state == 0 && mode != 0)) { /* completed */
      g->state = 3;
      if (!settle_head(S, gv, mode == 2 ? v : LLRT_UNDEF, true, mode == 1))
        return LLRT_EXC;
      continue;
    }
    llrt_value r = llrt__gen_resume(S, g, mode, v);
    r = after_resume(S, gv, r);
    if (r == LLRT_EXC) return r;
    g = (llrt_gen *)LLRT_PTR(gv);
    if (g->state == 2 && g->susp == LLRT_SUSP_AWAIT) return LLRT_UNDEF;
  }
}

/* What the body did when it stopped: awaited, yielded, returned, threw. */
static llrt_value after_resume(llrt_state *S, llrt_value gv, llrt_value r) {
  llrt_gen *g = (llrt_gen *)LLRT_PTR(gv);
  if (r == LLRT_EXC) {
    if (S->fatal || S->oom) return LLRT_EXC;
    llrt_value e = S->exc;
    S->exc = LLRT_UNDEF;
    g->state = 3;
    if (!settle_head(S, gv, e, true, true)) return LLRT_EXC;
    return drain(S, gv);
  }
  if (r == LLRT_HOLE) { /* finished: the result is in xfer */
    llrt_value v = g->xfer;
    g->xfer = LLRT_UNDEF;
    if (!settle_head(S, gv, v, true, false)) return LLRT_EXC;
    return drain(S, gv);
  }
  if (g->susp == LLRT_SUSP_AWAIT) return llrt__coro_await(S, gv, r, agen_reaction);
  if (!settle_head(S, gv, r, false, false)) return LLRT_EXC;
  return drain(S, gv);
}

/* next 0, throw 1, return 2: a promise of the request's result. */
NATIVE(agen_method) {
  (void)data;
  size_t base = S->sp;
  llrt_value p, res, rej;
  if (!llrt__promise_with_resolvers(S, &p, &res, &rej)) return LLRT_EXC;
  if (!llrt__push(S, p) || !llrt__push(S, res) || !llrt__push(S, rej)) return LLRT_EXC;
  llrt_gen *g = agen_of(this_val);
  if (!g) { /* as the spec: a rejected promise, not a throw */
    llrt__throw(S, 1, "%s method called on incompatible receiver",
                magic == 0 ? "next" : magic == 1 ? "throw" : "return");
    if (S->fatal) { S->sp = base; return LLRT_EXC; }
    llrt_value e = S->exc;
    S->exc = LLRT_UNDEF;
    if (!llrt__push(S, e)) { S->sp = base; return LLRT_EXC; }
    llrt_value x = llrt__call(S, rej, LLRT_UNDEF, 1, &S->stack[S->sp - 1]);
    S->sp = base;
    return x == LLRT_EXC ? x : p;
  }
  llrt_obj *q = LLRT_OBJ(g->promise);
  llrt_value quad[Q_SIZE] = {llrt_num(magic), ARG(0), res, rej};
  for (int i = 0; i < Q_SIZE; i++)
    if (!llrt__array_push(S, q, quad[i])) { S->sp = base; return LLRT_EXC; }
  if (!llrt__push(S, this_val)) { S->sp = base; return LLRT_EXC; }
  llrt_value r = drain(S, this_val);
  S->sp = base;
  return r == LLRT_EXC ? r : p;
}

NATIVE(agen_self) {
  UNUSED_NATIVE_ARGS;
  (void)S;
  return this_val;
}

bool llrt__builtins_agen_init(llrt_state *S) {
  llrt_obj *ap = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_object);
  if (!ap) return false;
  S->proto_async_generator = llrt_ptr(ap);
  FN(S->proto_async_generator, "next", agen_method, 1, 0);
  FN(S->proto_async_generator, "throw", agen_method, 1, 1);
  FN(S->proto_async_generator, "return", agen_method, 1, 2);
  llrt_value self = llrt__native_new(S, "[Symbol.asyncIterator]", agen_self, 0, 0);
  if (self == LLRT_EXC || !llrt__push(S, self)) return false;
  bool ok = llrt__define(S, ap, S->sym_async_iterator, self,
                         LLRT_P_WRITABLE | LLRT_P_CONFIGURABLE);
  llrt__popn(S, 1);
  return ok && llrt__def_tag(S, S->proto_async_generator, "AsyncGenerator");
}
