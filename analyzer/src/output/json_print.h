/* The JSON printer shared by the JSON and SARIF writers (internal to
 * src/output/). */
#ifndef LL_OUTPUT_JSON_PRINT_H
#define LL_OUTPUT_JSON_PRINT_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "leaklint/leaklint.h"

/** Writes `item` to `out` indented by two spaces per level (the layout of
 * `JSON.stringify(v, null, 2)`), then a newline. Strings that are not valid
 * UTF-8 (file names on Linux need not be) get U+FFFD for each bad byte, so
 * the output is always valid JSON. Returns LL_OK or LL_EIO. Keeps nothing. */
ll_status ll__json_print(FILE *out, const cJSON *item);

#endif
