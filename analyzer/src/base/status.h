/* Status codes (generated from status.def) and the error record that
 * fallible functions fill. */
#ifndef LL_BASE_STATUS_H
#define LL_BASE_STATUS_H

#include "leaklint/leaklint.h"

#endif
