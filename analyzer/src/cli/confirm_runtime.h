/* Installs the runtime's confirmation driver (confirm_runtime.c) and the
 * `leaklint confirm` command (confirm_cmd.c): both live in the program, not
 * the library, because they link the runtime. */
#ifndef LL_CLI_CONFIRM_RUNTIME_H
#define LL_CLI_CONFIRM_RUNTIME_H

#include <stdio.h>

void ll_cli_install_runtime(void);

/** `leaklint confirm FILE:LINE[:COL] --rule RULE [--format text|json]`:
 * confirms one site. Exit 1 when confirmed, 0 when refuted or
 * inconclusive, 2 for a usage error or an unreadable file. */
int ll_cli_confirm_cmd(int argc, char **argv);
void ll_cli_confirm_help(FILE *out);

#endif
