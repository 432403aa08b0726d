# The language server suites (analyzer/src/lsp/): unit suites for the framing
# and document modules, and protocol suites that drive the real `leaklint lsp`
# (LEAKLINT_BIN) over pipes.
ll_test(test_lsp_transport lsp/test_transport.c)
ll_test(test_lsp_document lsp/test_document.c)
ll_test(test_lsp_protocol lsp/test_protocol.c)
ll_test(test_lsp_diagnostics lsp/test_diagnostics.c)
#ll_test(test_lsp_actions lsp/test_actions.c)
