/* Code actions and hover through the real `leaklint lsp`. */
#include "client.h"
