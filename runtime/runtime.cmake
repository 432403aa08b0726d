# The runtime library `llrt` (included from the top-level CMakeLists.txt).
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
find_package(Threads REQUIRED)
# Every C file under runtime/src is part of the engine (one idea per file;
# adding one needs no edit here).
file(GLOB LLRT_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/runtime/src/*.c")
add_library(llrt STATIC ${LLRT_SOURCES})
target_include_directories(llrt PUBLIC "${PROJECT_SOURCE_DIR}" runtime/include)
target_compile_options(llrt PRIVATE ${LL_WARNINGS})
target_link_libraries(llrt PUBLIC leaklint_core PkgConfig::PCRE2 PkgConfig::LIBUV m Threads::Threads)
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
