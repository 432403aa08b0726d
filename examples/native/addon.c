/* A small N-API addon: `countLines(path)` and `tag(name)`. Built by
 * node-gyp in a real project; here it is checked by `leaklint check
 * examples/`, which reports the two leaks left in on purpose (see
 * examples/README.md). */
#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The JS string `v` as a new C string (the caller frees it), or NULL. */
static char *string_arg(napi_env env, napi_value v) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) return NULL;
  char *buf = malloc(len + 1);
  if (!buf) return NULL;
  if (napi_get_value_string_utf8(env, v, buf, len + 1, &len) != napi_ok) {
    free(buf);
    return NULL;
  }
  return buf;
}

/* countLines(path): the number of lines of a text file. */
static napi_value count_lines(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1)
    return NULL;
  char *path = string_arg(env, argv[0]);
  if (!path) return NULL;
  FILE *f = fopen(path, "r"); /* LEAK: not closed when a line is too long */
  free(path);
  if (!f) {
    napi_throw_error(env, NULL, "cannot open the file");
    return NULL;
  }
  char line[256];
  int n = 0;
  while (fgets(line, sizeof line, f)) {
    if (!strchr(line, '\n') && !feof(f)) {
      napi_throw_error(env, NULL, "line too long");
      return NULL;
    }
    n++;
  }
  fclose(f);
  napi_create_int32(env, n, &result);
  return result;
}

/* tag(name): "tag:" + name. */
static napi_value tag(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], out;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1)
    return NULL;
  char *name = string_arg(env, argv[0]);
  if (!name) return NULL;
  char *label = malloc(strlen(name) + 5); /* LEAK: lost when the JS string fails */
  if (!label) {
    free(name);
    return NULL;
  }
  snprintf(label, strlen(name) + 5, "tag:%s", name);
  free(name);
  if (napi_create_string_utf8(env, label, NAPI_AUTO_LENGTH, &out) != napi_ok)
    return NULL;
  free(label);
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"countLines", NULL, count_lines, NULL, NULL, NULL, napi_default, NULL},
      {"tag", NULL, tag, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof *props, props);
  return exports;
}

NAPI_MODULE(leaky_addon, init)
