/* Files embedded into the binary at build time (scripts/embed.cmake): rule
 * READMEs, globals lists, resource pairs. */
#ifndef LL_ENGINE_EMBEDDED_H
#define LL_ENGINE_EMBEDDED_H

#include <stddef.h>

typedef struct ll_embedded_file {
  const char *path; /* relative to the repository, e.g. "rules/globals/es.txt" */
  const char *data; /* NUL-terminated */
  size_t size;
} ll_embedded_file;

/* The generated table, ended by a row with a NULL path. */
extern const ll_embedded_file ll__embedded_files[];

/** The embedded file with this path, or NULL. */
const ll_embedded_file *ll__embedded_find(const char *path);

#endif
