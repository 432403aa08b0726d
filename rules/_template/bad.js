// Fixture: <rule-id>, cases that MUST be reported.
// Env: default (node + browser). Sloppy script unless a case says otherwise.
//
// A fixture comment covers the next code line:
//   // expect: <id> [error|warning] ["message substring"]
//   // todo-expect: <id>   a known miss: passes either way for now
// Any finding of the rule on a line without an `expect:` fails the test.
// Keep each case tiny and in its own function, with names used nowhere else.

function caseOneName() {
  // expect: rule-id
  leakyCode();
}
