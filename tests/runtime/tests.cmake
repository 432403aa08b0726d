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
# The browser host (runtime/src/browser*.c): EventTarget, AbortSignal, the
# document, observers, requestAnimationFrame, the listener census, and the
# fixtures under tests/runtime/browser/*.js.
ll_test(test_runtime_browser runtime/test_browser.c)
target_link_libraries(test_runtime_browser PRIVATE llrt)
# The Node host's extras: timers/promises, util, Buffer, process, the real
# clock, retaining paths and `leaklint run --format json`.
ll_test(test_runtime_node runtime/test_node_host.c)
target_link_libraries(test_runtime_node PRIVATE llrt PkgConfig::CJSON)
# The confirmation driver: entries, partners, metrics, verdicts, reasons.
ll_test(test_runtime_confirm runtime/test_confirm.c)
target_link_libraries(test_runtime_confirm PRIVATE llrt)
