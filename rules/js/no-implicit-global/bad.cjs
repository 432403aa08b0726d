'use strict';
// Fixture: no-implicit-global in a CommonJS file with a file-level
// "use strict" directive: every assignment to an undeclared name throws.
// Env: default (node + browser, with the CommonJS names).

const path = require('path');

function joinCase(dir, file) {
  // expect: no-implicit-global error "Assignment to undeclared variable 'joinedLeak' throws a ReferenceError in strict mode"
  joinedLeak = path.join(dir, file);
  return joinedLeak;
}

// expect: no-implicit-global error "'strictTopLeak' throws a ReferenceError"
strictTopLeak = 0;

function strictCompoundCase(n) {
  // expect: no-implicit-global error "throws a ReferenceError"
  strictTotalLeak += n;
}

// ok: no-implicit-global
module.exports = { joinCase, strictCompoundCase };
