/* Host helpers shared by the programs that embed llrt (`leaklint run`,
 * `leaklint check --confirm`, `leaklint confirm`, the language server): the
 * engine itself never touches the file system. */
#ifndef LLRT_HOST_H
#define LLRT_HOST_H

#include <stddef.h>

/** Reads the regular file `path` whole into a malloc'd buffer (its size in
 * `*len`), or NULL when it cannot (missing, a folder, out of memory). */
char *llrt_host_read_file(const char *path, size_t *len);

/** An `llrt_load_fn` that resolves a relative or absolute `spec` against the
 * folder of `from` like Node (as given, then `.js`, `.mjs`, `.cjs`,
 * `/index.js`) and reads the file. Bare specifiers (packages) are not files
 * of the input: NULL, so the runtime makes them phantoms or throws. `ud` is
 * unused. */
char *llrt_host_load_file(void *ud, const char *from, const char *spec, size_t *len,
                          char **resolved);

#endif
