# The runtime suites: the collector's invariants (test_gc.c) and the
# conformance corpus under tests/runtime/js (test_conformance.c).
ll_test(test_runtime_gc runtime/test_gc.c)
target_link_libraries(test_runtime_gc PRIVATE llrt)
ll_test(test_runtime_conformance runtime/test_conformance.c)
target_link_libraries(test_runtime_conformance PRIVATE llrt)
target_compile_definitions(test_runtime_conformance PRIVATE _GNU_SOURCE)
# The event loop and Node host (runtime/src/loop.c, node.c), incl. the
# `leaklint run --entry` driver on tests/runtime/loop/*.js.
ll_test(test_runtime_loop runtime/test_loop.c)
target_link_libraries(test_runtime_loop PRIVATE llrt)
