// Fixture: no-implicit-global in an ES module (.mjs): module code is always
// strict, so every assignment to an undeclared name throws.
// Env: default (node + browser).
import { readFileSync } from 'node:fs';

// expect: no-implicit-global error "Assignment to undeclared variable 'moduleTopLeak' throws a ReferenceError in strict mode"
moduleTopLeak = readFileSync;

export function moduleFunctionCase() {
  // expect: no-implicit-global error "'moduleFnLeak' throws a ReferenceError"
  moduleFnLeak = 1;
}

export const moduleArrowCase = (items) => {
  // expect: no-implicit-global error "throws a ReferenceError"
  for (moduleItemLeak of items) console.log(moduleItemLeak);
};

// `this` is undefined at module level and in module functions: a TypeError,
// not a global.
function moduleThisCase() {
  // ok: no-implicit-global
  this.notGlobal = 1;
}
moduleThisCase();
