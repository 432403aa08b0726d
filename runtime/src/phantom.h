/* Phantoms: stand-ins for everything the hosts do not model (an npm import,
 * a relative require of a file that is not there, an unknown global or DOM
 * API, an entry function's parameters), so flagged code runs as far as it
 * can (phantom.c).
 *
 * A phantom is a callable, constructible function object flagged
 * LLRT_GCF_PHANTOM. Reading a property it lacks yields a child phantom
 * (cached on it, so `req.body` is the same object twice), except `then`
 * (undefined, so `await p` gives `p`); calling it or `new` on it yields a
 * fresh phantom; iterating it yields one phantom; it converts to the number
 * of the call it was made for (`S->phantom_call`) and to that number's
 * string, so `'user:' + p` differs from call to call. An ordinary object
 * flagged LLRT_GCF_PHANTOM ("phantom-tailed": a host object such as a DOM
 * element) keeps its own properties and yields phantoms only for the ones it
 * lacks. Every phantom read, call and `new` counts in `S->phantom_uses`.
 *
 * Phantoms are off unless `S->phantoms` is set (the confirmation driver does
 * it); without it unknown names throw as in Node. */
#ifndef LLRT_PHANTOM_H
#define LLRT_PHANTOM_H

#include "gc.h"
#include "object.h"

/** A new phantom named `name` (for messages: "require('express')"). */
llrt_value llrt__phantom_new(llrt_state *S, const char *name);
/** Marks an ordinary object phantom-tailed (see above). */
void llrt__phantom_tail(llrt_obj *o);
/** True when `o` is a phantom or phantom-tailed. */
static inline bool llrt__is_phantom(const llrt_obj *o) {
  return (o->h.flags & LLRT_GCF_PHANTOM) != 0;
}
/** The phantom for an unknown global `name` (one per name and state). */
llrt_value llrt__phantom_global(llrt_state *S, llrt_value name);
/** What a read of missing `key` on phantom(-tailed) `o` yields. */
llrt_value llrt__phantom_get(llrt_state *S, llrt_obj *o, llrt_value key);
/** Whether reading the unknown global identifier `id` of script `sc`
 * yields a phantom: phantoms are on and the program does not assign that
 * name itself (then it throws as in Node). */
struct llrt_script;
bool llrt__phantom_for_ident(llrt_state *S, const struct llrt_script *sc, uint32_t id);
/** Installs the shared phantom prototype (once per state). */
bool llrt__phantom_init(llrt_state *S);

#endif
