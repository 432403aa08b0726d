/* Compiler flags for one C file: a compilation database, the configuration,
 * or defaults (see flags.c). */
#ifndef LL_FRONTEND_C_FLAGS_H
#define LL_FRONTEND_C_FLAGS_H

#include <stdbool.h>

#include "leaklint/leaklint.h"

typedef struct ll_c_flags {
  char **argv;      /* owned; without the compiler and the file */
  int argc, cap;
  char *source;     /* the file's absolute path, owned */
  char origin[1024]; /* the database folder the flags came from, or "" */
  char note[1200];   /* a problem worth a warning (unloadable database), or "" */
} ll_c_flags;

/** Fills `fl` (release with `ll__c_flags_fini`, also on failure). */
ll_status ll__c_flags_resolve(const ll_options *o, const char *path,
                              ll_c_flags *fl);
/** Replaces the flags by the defaults (after libclang rejected them). */
bool ll__c_flags_defaults(const ll_options *o, ll_c_flags *fl);
void ll__c_flags_fini(ll_c_flags *fl);

#endif
