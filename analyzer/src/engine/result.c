/* Freeing a file result: everything lives in its arena. */
#include "base/arena.h"
#include "leaklint/leaklint.h"

void ll_file_result_free(ll_file_result *r) {
  if (r) ll_arena_free(r->arena);
}
