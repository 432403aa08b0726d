# The rule suites: fixtures and README examples per rule, the catalogue
# against the rules/ tree, and the bundled examples/ project.
ll_test(test_fixtures rules/test_fixtures.c)
ll_test(test_catalog rules/test_catalog.c)
ll_test(test_examples rules/test_examples.c)
