# The CLI suites: config.c and files.c called directly, and the real binary
# run on bad input (LEAKLINT_BIN).
ll_test(test_cli_config cli/test_config.c)
ll_test(test_cli_files cli/test_files.c)
ll_test(test_cli_check cli/test_check.c)
ll_test(test_cli_c cli/test_c.c)
