// Fixture: <rule-id>, near-misses that must NOT be reported.
// Env: default (node + browser).
//
//   // ok: <id>          the rule must not report the next code line
//   // todo-ok: <id>     a known false alarm: passes either way for now
// Each case is a near-miss of a bad.js case, done right.

function caseOneNameDoneRight() {
  // ok: rule-id
  correctCode();
}
