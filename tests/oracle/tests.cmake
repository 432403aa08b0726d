# The Node-labelled oracle (tests/oracle/README.md): Node's verdict on every
# case must match the case's `expect`, and leaklint's `check --confirm` and
# `confirm FILE:LINE:COL` must agree with Node on at least 95% of the cases,
# never refuting a case that Node says leaks. Needs node and the npm install
# (`npm ci --ignore-scripts`, which provides @sinonjs/fake-timers); without
# node the test is skipped (exit 77).
add_test(NAME oracle_agreement
  COMMAND ${PROJECT_SOURCE_DIR}/tests/oracle/run.sh $<TARGET_FILE:leaklint>)
set_tests_properties(oracle_agreement PROPERTIES
  TIMEOUT 900
  SKIP_RETURN_CODE 77
  LABELS oracle)
