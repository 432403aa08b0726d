/* `leaklint lsp`: runs the language server on stdin/stdout (lsp/server.c).
 *
 * The only CLI work here is argument checking and making a vanished client
 * an error code instead of a SIGPIPE; the server itself writes nothing but
 * protocol messages to stdout and reports problems via window/logMessage. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lsp/lsp.h"

static void usage(FILE *out) {
  fputs("Usage: leaklint lsp [--stdio]\n"
        "\n"
        "Runs the leaklint language server (LSP 3.17, JSON-RPC over standard\n"
        "input and output) for editors: diagnostics as you type, quick fixes,\n"
        "suppressions, rule documentation on hover, and the `leaklint.confirm`\n"
        "command (a code action on each JavaScript finding) that runs the\n"
        "finding's code and adds the verdict to the diagnostic. `--stdio` is\n"
        "accepted for clients that pass it; stdio is the only transport.\n"
        "\n"
        "Exit codes: 0 after a shutdown request and exit; 1 when the client\n"
        "exits or disconnects without shutdown; 2 on a usage error.\n",
        out);
}

int ll_cli_lsp(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--stdio")) continue;
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      usage(stdout);
      return LL_EXIT_OK;
    }
    ll_cli_diag("lsp: unsupported argument '%s' (only --stdio is supported)",
                argv[i]);
    return LL_EXIT_FAILURE;
  }
  signal(SIGPIPE, SIG_IGN); /* a closed client is a write error, not a kill */
  return ll_lsp_run(STDIN_FILENO, STDOUT_FILENO);
}
