/* leaklint's entry point: picks the subcommand and exits with its code.
 *
 * This is the only code that calls exit(); every subcommand returns an exit
 * code (cli.h) and reports its own messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/confirm_runtime.h"
#include "runtime/src/run_cmd.h"

int main(int argc, char **argv) {
  int code;
  const char *cmd = argc > 1 ? argv[1] : NULL;
  ll_cli_install_runtime(); /* --confirm, `confirm` and the server's command */
  if (!cmd) {
    ll_cli_help(stderr);
    code = LL_EXIT_FAILURE;
  } else if (!strcmp(cmd, "check")) {
    code = ll_cli_check(argc - 1, argv + 1);
  } else if (!strcmp(cmd, "confirm")) {
    code = ll_cli_confirm_cmd(argc - 1, argv + 1);
  } else if (!strcmp(cmd, "run")) {
    code = llrt_cli_run(argc - 1, argv + 1);
  } else if (!strcmp(cmd, "rules")) {
    code = ll_cli_rules(argc - 1, argv + 1, stdout);
  } else if (!strcmp(cmd, "explain")) {
    code = ll_cli_explain(argc - 1, argv + 1, stdout);
  } else if (!strcmp(cmd, "lsp")) {
    code = ll_cli_lsp(argc - 1, argv + 1);
  } else if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") ||
             !strcmp(cmd, "-h")) {
    if (argc > 2 && !strcmp(argv[2], "check")) ll_cli_check_help(stdout);
    else ll_cli_help(stdout);
    code = LL_EXIT_OK;
  } else if (!strcmp(cmd, "--version") || !strcmp(cmd, "-v") ||
             !strcmp(cmd, "version")) {
    ll_cli_version(stdout);
    code = LL_EXIT_OK;
  } else {
    ll_cli_diag("unknown command '%s' (`leaklint --help` lists the commands)",
                cmd);
    code = LL_EXIT_FAILURE;
  }
  if (fflush(stdout) != 0 && code == LL_EXIT_OK) {
    ll_cli_diag("cannot write to standard output");
    code = LL_EXIT_FAILURE;
  }
  exit(code);
}
