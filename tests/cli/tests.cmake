# The CLI suites: config.c and files.c called directly, and the real binary
# run on bad input (LEAKLINT_BIN).
ll_test(test_cli_config cli/test_config.c)
ll_test(test_cli_files cli/test_files.c)
ll_test(test_cli_check cli/test_check.c)
# They make git repositories themselves (leaklint loads libgit2 lazily).
target_link_libraries(test_cli_files PRIVATE PkgConfig::LIBGIT2)
target_link_libraries(test_cli_check PRIVATE PkgConfig::LIBGIT2)
ll_test(test_cli_c cli/test_c.c)
# `leaklint check --confirm examples/`: the verdict of every example finding.
ll_test(test_cli_examples_confirm cli/test_examples_confirm.c)
target_link_libraries(test_cli_examples_confirm PRIVATE PkgConfig::CJSON)
ll_test(test_cli_confirm cli/test_confirm.c)
