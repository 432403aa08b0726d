/* The allocator behind the collector (heap.c). */
#ifndef LLRT_HEAP_H
#define LLRT_HEAP_H

#include "object.h"

/** A block of `size` bytes from the size classes or the large space. */
void *llrt__raw_alloc(llrt_state *S, size_t size);
/** Returns a block; `size` must be the size it was allocated with. */
void llrt__raw_free(llrt_state *S, void *p, size_t size);
/** Adds `delta` (may be negative) to the live bytes of type `tt`. */
void llrt__account(llrt_state *S, int tt, long delta);
void llrt__heap_fini(llrt_state *S);

#endif
