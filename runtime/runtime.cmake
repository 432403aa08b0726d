# The runtime library `llrt` (included from the top-level CMakeLists.txt).
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
add_library(llrt STATIC
  runtime/src/heap.c
  runtime/src/gc.c
  runtime/src/object.c
  runtime/src/conv.c
  runtime/src/compile.c
  runtime/src/vm.c
  runtime/src/vm_pattern.c
  runtime/src/vm_ops.c
  runtime/src/vm_module.c
  runtime/src/state.c
  runtime/src/builtins_core.c
  runtime/src/builtins_array.c
  runtime/src/builtins_string.c
  runtime/src/builtins_coll.c
  runtime/src/builtins_more.c
  runtime/src/generator.c
  runtime/src/loop.c
  runtime/src/node.c
  runtime/src/run_cmd.c
)
target_include_directories(llrt PUBLIC "${PROJECT_SOURCE_DIR}" runtime/include)
target_compile_options(llrt PRIVATE ${LL_WARNINGS})
target_link_libraries(llrt PUBLIC leaklint_core PkgConfig::PCRE2 m)
if(LL_SANITIZE)
  # Every block from malloc, so ASan sees a use of a collected object.
  target_compile_definitions(llrt PRIVATE LLRT_SYSTEM_MALLOC)
endif()
if(LL_GC_STRESS)
  target_compile_definitions(llrt PUBLIC LLRT_GC_STRESS_DEFAULT)
endif()

# Benchmark of minor pauses against old-generation size and census time
# (tests/bench/runtime/README.md).
add_executable(llrt-bench-gc tests/bench/runtime/gc_pause.c)
target_compile_options(llrt-bench-gc PRIVATE ${LL_WARNINGS})
target_link_libraries(llrt-bench-gc PRIVATE llrt)
