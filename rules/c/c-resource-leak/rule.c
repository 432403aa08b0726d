/* c-resource-leak: a FILE stream, file descriptor, socket, pipe or
 * directory stream still open on some path out of the function, overwritten
 * while open, or dropped at once. Same dataflow as c-heap-leak (the pairs in
 * rules/resources/c.json say which calls open and which close); this body
 * words the findings and names the closing function. */
#include <string.h>

#include "frontend/c/c.h"

static void on_leak(ll_c_rule_ctx *ctx, const ll_c_leak *leak) {
  const char *kind = leak->pair ? leak->pair->kind : "";
  const char *help =
      !strcmp(kind, "file")     ? "Close it with `fclose` on every path out of the function."
      : !strcmp(kind, "pipe")   ? "Close it with `pclose` on every path out of the function."
      : !strcmp(kind, "dir")    ? "Close it with `closedir` on every path out of the function."
      : !strcmp(kind, "socket") ? "Close the socket with `close` on every path out of the function."
                                : "Close the descriptor with `close` on every path out of the "
                                  "function (check `fd < 0` before using it).";
  ll_c_report_leak(ctx, leak, help);
}

void ll_rule_c_resource_leak_register(ll_c_rule_reg *reg) {
  ll_c_rule_on_leak(reg, on_leak);
}
