# The language server suites (analyzer/src/lsp/): unit suites for the framing
# and document modules, and protocol suites that drive the real `leaklint lsp`
# (LEAKLINT_BIN) over pipes.
ll_test(test_lsp_transport lsp/test_transport.c)
ll_test(test_lsp_document lsp/test_document.c)
ll_test(test_lsp_protocol lsp/test_protocol.c)
ll_test(test_lsp_diagnostics lsp/test_diagnostics.c)
ll_test(test_lsp_actions lsp/test_actions.c)
ll_test(test_lsp_incremental lsp/test_incremental.c)
ll_test(test_lsp_confirm lsp/test_confirm.c)

# The real-client test: Debian's Neovim (scripts/setup.sh installs it) with
# the plugin of editors/nvim.
add_test(NAME test_lsp_nvim
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lsp/nvim/run.sh
          ${PROJECT_SOURCE_DIR}/editors/nvim)
set_tests_properties(test_lsp_nvim PROPERTIES
  ENVIRONMENT "LEAKLINT_BIN=$<TARGET_FILE:leaklint>"
  SKIP_RETURN_CODE 77 TIMEOUT 90)

# The VS Code extension: install its pinned packages into the build folder
# (a CTest fixture), then lint the client and package the .vsix offline.
add_test(NAME test_lsp_vscode_setup
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lsp/vscode/run.sh setup
          ${PROJECT_SOURCE_DIR}/editors/vscode ${PROJECT_BINARY_DIR}/vscode-ext)
add_test(NAME test_lsp_vscode_package
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lsp/vscode/run.sh package
          ${PROJECT_SOURCE_DIR}/editors/vscode ${PROJECT_BINARY_DIR}/vscode-ext)
set_tests_properties(test_lsp_vscode_setup PROPERTIES
  FIXTURES_SETUP ll_vscode SKIP_RETURN_CODE 77 TIMEOUT 300)
set_tests_properties(test_lsp_vscode_package PROPERTIES
  FIXTURES_REQUIRED ll_vscode SKIP_RETURN_CODE 77 TIMEOUT 180)
