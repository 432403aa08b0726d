# Output writers (analyzer/src/output/): golden reports built from hand-made
# results (sample.c), and the SARIF log checked by Microsoft's validator.
ll_test(test_output_text "output/test_text.c;output/sample.c;output/golden.c")
ll_test(test_output_json "output/test_json.c;output/sample.c;output/golden.c")
ll_test(test_output_sarif "output/test_sarif.c;output/sample.c;output/golden.c")

# The sample log for the validator.
add_executable(sarif_sample output/sarif_sample.c output/sample.c)
target_compile_options(sarif_sample PRIVATE ${LL_WARNINGS})
target_link_libraries(sarif_sample PRIVATE leaklint_core)

# SARIF validation with @microsoft/sarif-multitool (pinned in
# output/sarif-validator/package-lock.json). The set-up step installs it (a
# no-op once installed) so `ctest -R sarif` works on its own; scripts/test.sh
# runs the same script up front.
add_test(NAME output_sarif_validator_setup
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/output/setup-sarif-validator.sh")
set_tests_properties(output_sarif_validator_setup PROPERTIES
  FIXTURES_SETUP sarif_validator TIMEOUT 600)
add_test(NAME output_sarif_validates
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/output/validate_sarif.sh"
          $<TARGET_FILE:sarif_sample> $<TARGET_FILE:leaklint> "${PROJECT_SOURCE_DIR}")
set_tests_properties(output_sarif_validates PROPERTIES
  FIXTURES_REQUIRED sarif_validator TIMEOUT 300)
