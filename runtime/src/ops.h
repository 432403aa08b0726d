/* Operator ids (ops.def). */
#ifndef LLRT_OPS_H
#define LLRT_OPS_H
enum {
#define LLRT_OP(id, text) OP_##id,
#include "ops.def"
#undef LLRT_OP
  OP_COUNT
};
size_t llrt__unescape(const char *s, size_t n, char *out);
#endif
