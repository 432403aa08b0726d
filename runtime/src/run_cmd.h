/* `leaklint run`: the CLI side of the runtime (run_cmd.c). */
#ifndef LLRT_RUN_CMD_H
#define LLRT_RUN_CMD_H

/** `leaklint run [options] FILE.js`; `argv[0]` is "run". Returns an exit
 * code: 0 ran to completion, 1 an uncaught exception or an unsupported
 * construct or a budget, 2 usage or an unreadable file. */
int llrt_cli_run(int argc, char **argv);

#endif
