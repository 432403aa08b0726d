/* Lookup in the table of embedded files. */
#include "engine/embedded.h"

#include <string.h>

const ll_embedded_file *ll__embedded_find(const char *path) {
  for (const ll_embedded_file *f = ll__embedded_files; f->path; f++)
    if (strcmp(f->path, path) == 0) return f;
  return NULL;
}
