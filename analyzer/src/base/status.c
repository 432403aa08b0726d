/* Names and descriptions of the status codes in status.def. */
#include "base/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *ll_status_name(ll_status s) {
  switch (s) {
#define LL_STATUS(name, value, text) \
  case LL_##name:                    \
    return "LL_" #name;
#include "base/status.def"
#undef LL_STATUS
  }
  return "LL_UNKNOWN";
}

const char *ll_status_str(ll_status s) {
  switch (s) {
#define LL_STATUS(name, value, text) \
  case LL_##name:                    \
    return text;
#include "base/status.def"
#undef LL_STATUS
  }
  return "unknown status";
}

ll_status ll_error_set(ll_error *err, ll_status code, const char *path,
                       const char *fmt, ...) {
  if (!err) return code;
  err->code = code;
  err->line = err->column = 0;
  if (path) {
    snprintf(err->path, sizeof err->path, "%s", path);
  } else {
    err->path[0] = '\0';
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return code;
}
