# The unit suites: one per analyzer source file, mirroring analyzer/src/.
ll_test(test_arena unit/base/test_arena.c)
ll_test(test_strbuf unit/base/test_strbuf.c)
ll_test(test_utf8 unit/base/test_utf8.c)
ll_test(test_status unit/base/test_status.c)
ll_test(test_alloc unit/base/test_alloc.c)
ll_test(test_registry unit/engine/test_registry.c)
ll_test(test_suppress unit/engine/test_suppress.c)
ll_test(test_analyze unit/engine/test_analyze.c)
